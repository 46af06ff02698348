#!/usr/bin/env bash
# One command on a fresh machine: runs Collections locally, standalone, against Azurite and MailDev.
#
#   bash scripts/run-local.sh          # the host on http://localhost:7071 with persistent local data
#   bash scripts/run-local.sh --demo   # a fresh demo: the sample ledger dropped in, its notices sent at once
#
# It installs the pinned npm tools when needed (npm ci), starts Azurite (data in .local/azurite) and
# MailDev (SMTP 1025, inbox http://localhost:1080), creates local.settings.json from the sample on the
# first run with new random API keys, builds and starts the host, prints the URLs, and stops everything
# on Ctrl-C. Needs: .NET SDK (global.json), Node 20+ and npm. docs/hosting.md explains every setting.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
# shellcheck source=scripts/lib/ensure-npm.sh
. scripts/lib/ensure-npm.sh

demo=false
for arg in "$@"; do
  case "$arg" in
    --demo) demo=true ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "run-local: unknown option $arg (use --demo or --help)" >&2; exit 2 ;;
  esac
done

say() { printf '\033[1m[run-local]\033[0m %s\n' "$*"; }
fail() { printf '[run-local] error: %s\n' "$*" >&2; exit 1; }

for tool in dotnet node npm; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (see README: .NET SDK from global.json, Node 20+)"
done

# ---- processes we start, each in its own process group; stopped on exit, Ctrl-C or kill -------------
pids=()
# shellcheck disable=SC2317 # invoked through the EXIT trap
cleanup() {
  trap - EXIT INT TERM
  if [ ${#pids[@]} -gt 0 ]; then
    say "stopping (${#pids[@]} processes)..."
    for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true; done
    for _ in $(seq 1 50); do
      alive=0
      for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
      [ "$alive" = 0 ] && break
      sleep 0.1
    done
    for pid in "${pids[@]}"; do
      kill -0 "$pid" 2>/dev/null && { kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; }
    done
  fi
  say "stopped."
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# start <log file> <command...>: runs the command in the background in a new session (its own process
# group, so stopping it takes its children too and Ctrl-C reaches only this script); sets last_pid.
last_pid=
start() {
  local log=$1
  shift
  if command -v setsid >/dev/null; then
    setsid "$@" >"$log" 2>&1 < /dev/null &
  else
    "$@" >"$log" 2>&1 < /dev/null &
  fi
  last_pid=$!
  pids+=("$last_pid")
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
pick_port() { if port_busy "$1"; then free_port; else echo "$1"; fi; }
wait_port() {
  local port=$1 name=$2 pid=$3 log=$4
  for _ in $(seq 1 300); do
    port_busy "$port" && return 0
    kill -0 "$pid" 2>/dev/null || { tail -n 20 "$log" >&2; fail "$name exited (log: $log)"; }
    sleep 0.1
  done
  fail "$name did not listen on port $port within 30 s (log: $log)"
}

# ---- pinned tools --------------------------------------------------------------------------------------
if npm_tools_stale node_modules/.bin/azurite node_modules/.bin/maildev node_modules/.package-lock.json; then
  say "installing the pinned local tools (npm ci)..."
  npm_tools_install
fi

# ---- settings ------------------------------------------------------------------------------------------
if [ ! -f local.settings.json ]; then
  say "creating local.settings.json from local.settings.sample.json with new API keys (git-ignored; never commit it)"
  node - <<'EOF'
const fs = require("fs"), crypto = require("crypto");
const settings = JSON.parse(fs.readFileSync("local.settings.sample.json", "utf8"));
const key = prefix => prefix + "-" + crypto.randomBytes(24).toString("base64url");
settings.Values["Api__ReaderKeys"] = key("reader");
settings.Values["Api__OperatorKeys"] = key("operator");
fs.writeFileSync("local.settings.json", JSON.stringify(settings, null, 2) + "\n", { mode: 0o600 });
console.log("  reader key:   " + settings.Values["Api__ReaderKeys"]);
console.log("  operator key: " + settings.Values["Api__OperatorKeys"]);
EOF
fi
setting() { node -e 'const v=JSON.parse(require("fs").readFileSync("local.settings.json","utf8")).Values||{};console.log(v[process.argv[1]]??"")' "$1"; }

mkdir -p .local/logs
data=.local/azurite
mail=.local/maildev
if [ "$demo" = true ]; then
  # A demo always starts from scratch, so it shows the same story every time; normal runs keep their data.
  data=.local/azurite-demo
  mail=.local/maildev-demo
  rm -rf "$data" "$mail"
fi
mkdir -p "$data" "$mail"

# ---- Azurite -------------------------------------------------------------------------------------------
blob_port=$(pick_port 10000); queue_port=$(pick_port 10001); table_port=$(pick_port 10002)
say "starting Azurite (blob $blob_port, queue $queue_port, table $table_port; data in $data)"
start .local/logs/azurite.log node_modules/.bin/azurite --location "$data" --disableTelemetry \
  --blobHost 127.0.0.1 --blobPort "$blob_port" --queueHost 127.0.0.1 --queuePort "$queue_port" \
  --tableHost 127.0.0.1 --tablePort "$table_port"
azurite_pid=$last_pid
if [ "$blob_port$queue_port$table_port" != 100001000110002 ]; then
  # Default ports busy: point the host and the CLI at ours (environment variables win over local.settings.json).
  account=devstoreaccount1
  export AzureWebJobsStorage="DefaultEndpointsProtocol=http;AccountName=$account;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$blob_port/$account;QueueEndpoint=http://127.0.0.1:$queue_port/$account;TableEndpoint=http://127.0.0.1:$table_port/$account;"
fi

# ---- MailDev -------------------------------------------------------------------------------------------
smtp_port=$(pick_port 1025); web_port=$(pick_port 1080)
say "starting MailDev (SMTP $smtp_port, inbox http://localhost:$web_port)"
start .local/logs/maildev.log env -u MAILDEV_OUTGOING_HOST -u MAILDEV_OUTGOING_USER -u MAILDEV_OUTGOING_PASS \
  node_modules/.bin/maildev --smtp "$smtp_port" --web "$web_port" --ip 127.0.0.1 --web-ip 127.0.0.1 --mail-directory "$mail"
maildev_pid=$last_pid
export Notices__Smtp__Host=127.0.0.1 Notices__Smtp__Port="$smtp_port" Notices__Provider=Smtp

# ---- build while the emulators start -------------------------------------------------------------------
say "building the host..."
dotnet build src/Collections.Host/Collections.Host.csproj -nologo -v quiet -clp:ErrorsOnly \
  || fail "build failed"
host_exe=src/Collections.Host/bin/Debug/net10.0/Collections.Host
[ -x "$host_exe" ] || fail "built host not found at $host_exe"

wait_port "$blob_port" Azurite "$azurite_pid" .local/logs/azurite.log
wait_port "$table_port" Azurite "$azurite_pid" .local/logs/azurite.log
wait_port "$smtp_port" MailDev "$maildev_pid" .local/logs/maildev.log

# ---- the host ------------------------------------------------------------------------------------------
port_busy 7071 && fail "port 7071 is in use (another host running?); stop it first"
ledger=samples/demo-ledger.csv
if [ "$demo" = true ]; then
  # A day per minute from the sample ledger's as-of date: the orchestrations see that clock too (their durable timers
  # fire at the real instants of their virtual ones), so the cases walk the ladder in minutes. The demo policy's all-day
  # window keeps a step from waiting for office hours that last seconds at this speed.
  as_of=$(node -e '
    const [header, row] = require("fs").readFileSync(process.argv[1], "utf8").split(/\r?\n/);
    const i = header.split(",").indexOf("as_of"); const cells = row.match(/("([^"]|"")*"|[^,]*)(,|$)/g);
    console.log(cells[i].replace(/,$/, ""));' "$ledger")
  export Clock__Speed=1440 Clock__Start="${as_of}T00:00:00Z" Collections__PolicyFile="$root/samples/demo-policy.json"
  say "demo clock: a day per minute from $Clock__Start (the sample ledger's as-of date); demo policy: samples/demo-policy.json"
fi
say "starting the host (log: .local/logs/host.log)"
start .local/logs/host.log env ASPNETCORE_URLS=http://localhost:7071 DOTNET_ENVIRONMENT=Development \
  'Logging__LogLevel__Microsoft.AspNetCore=Warning' "$host_exe" serve
host_pid=$last_pid
for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null http://localhost:7071/api/health 2>/dev/null; then break; fi
  kill -0 "$host_pid" 2>/dev/null || { tail -n 30 .local/logs/host.log >&2; fail "the host exited (log: .local/logs/host.log)"; }
  sleep 0.5
done
curl -fsS -o /dev/null http://localhost:7071/api/health || fail "the host did not become healthy within 60 s (log: .local/logs/host.log)"

reader_key=$(setting Api__ReaderKeys); reader_key=${reader_key%%,*}
cat <<EOF

  Collections is running (standalone)$([ "$demo" = true ] && echo ", demo policy")
    Dashboard   http://localhost:7071/
    API         http://localhost:7071/api/cases       (header x-functions-key: <a key from local.settings.json>)
    OpenAPI     http://localhost:7071/api/openapi.json
    Health      http://localhost:7071/api/health
    Mail inbox  http://localhost:$web_port
    Storage     Azurite blob http://127.0.0.1:$blob_port (drop ledgers into the 'ledgers' container)
  Try: curl -H "x-functions-key: $reader_key" http://localhost:7071/api/cases
  Logs in .local/logs/. Press Ctrl-C to stop everything.

EOF

if [ "$demo" = true ]; then
  say "uploading $ledger into the 'ledgers' container (CLI verb: upload)..."
  if "$host_exe" upload "$root/$ledger"; then
    say "uploaded: watch the dashboard and the inbox; each case is an orchestration in the CollectionsHub task hub."
  else
    status=$?
    say "upload failed (exit $status; the CLI's message is above). The host keeps running;"
    say "drop $ledger into the 'ledgers' container yourself (Azurite blob port $blob_port) to start the demo."
  fi
fi

# Follow the host's log until Ctrl-C (or the host stops).
tail -n +1 -f .local/logs/host.log --pid="$host_pid" &
tail_pid=$!
wait "$host_pid" || true
kill "$tail_pid" 2>/dev/null || true
say "the host stopped (log: .local/logs/host.log)"
exit 1

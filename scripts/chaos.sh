#!/usr/bin/env bash
# The crash (chaos) run of issue 13: 200 cases through the local Durable runtime, the worker SIGKILLed at 20 seeded
# random moments and restarted, then every case checked at its prescribed step and MailDev's e-mails counted per
# Message-ID. Slow (several minutes), so not part of scripts/test.sh. docs/reliability.md has the figures.
#
#   bash scripts/chaos.sh                              # 200 cases, 20 kills, seed 13, a dunning day = 30 s
#   bash scripts/chaos.sh cases=50 kills=5 seed=7      # any option of the benchmark verb `chaos`
#
# Options (name=value): cases, kills, seed, day-seconds, window (s after scheduling in which kills fall),
# start-delay (s), deadline-minutes, resend=1 (the product option ResendInterruptedSends), log (worker log file).
# Starts Azurite (data in a temporary folder) and MailDev on free loopback ports, builds and runs
# benchmarks/Collections.Benchmarks, stops everything on exit. Exit status: 0 when no case is lost and no e-mail
# duplicated, 1 otherwise. Needs the pinned npm tools (npm ci at the repository root), .NET SDK, Node 20+.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[chaos.sh] %s\n' "$*"; }
fail() { printf '[chaos.sh] error: %s\n' "$*" >&2; exit 1; }

for tool in node_modules/.bin/azurite node_modules/.bin/maildev; do
  [ -x "$tool" ] || fail "$tool is missing: run npm ci at the repository root"
done
command -v dotnet >/dev/null || fail "dotnet is not installed"

work=$(mktemp -d "${TMPDIR:-/tmp}/collections-chaos.XXXXXX")
pids=()
# shellcheck disable=SC2317 # invoked through the EXIT trap
cleanup() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true; done
  sleep 0.5
  for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; done
  rm -rf "$work/azurite" "$work/maildev"
  say "stopped Azurite and MailDev; logs in $work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start() { # start <log> <command...>: in its own session, so stopping it stops its children
  local log=$1
  shift
  if command -v setsid >/dev/null; then setsid "$@" >"$log" 2>&1 </dev/null & else "$@" >"$log" 2>&1 </dev/null & fi
  pids+=("$!")
}
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() {
  for _ in $(seq 1 300); do port_busy "$1" && return 0; sleep 0.1; done
  fail "$2 did not listen on port $1 within 30 s (logs in $work)"
}

blob_port=$(free_port); queue_port=$(free_port); table_port=$(free_port); smtp_port=$(free_port); web_port=$(free_port)
mkdir -p "$work/azurite" "$work/maildev"
say "Azurite on blob $blob_port, queue $queue_port, table $table_port; MailDev SMTP $smtp_port, web $web_port"
start "$work/azurite.log" node_modules/.bin/azurite --location "$work/azurite" --disableTelemetry --silent \
  --blobHost 127.0.0.1 --blobPort "$blob_port" --queueHost 127.0.0.1 --queuePort "$queue_port" \
  --tableHost 127.0.0.1 --tablePort "$table_port"
start "$work/maildev.log" env -u MAILDEV_OUTGOING_HOST -u MAILDEV_OUTGOING_USER -u MAILDEV_OUTGOING_PASS \
  node_modules/.bin/maildev --smtp "$smtp_port" --web "$web_port" --ip 127.0.0.1 --web-ip 127.0.0.1 \
  --mail-directory "$work/maildev" --silent

if [ "${CHAOS_NO_BUILD:-}" != 1 ]; then # CHAOS_NO_BUILD=1: reuse the last Release build
  say "building benchmarks/Collections.Benchmarks (Release)..."
  dotnet build benchmarks/Collections.Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly || fail "build failed"
fi
for port in "$blob_port" "$queue_port" "$table_port"; do wait_port "$port" Azurite; done
wait_port "$smtp_port" MailDev
wait_port "$web_port" MailDev

account=devstoreaccount1
export AzureWebJobsStorage="DefaultEndpointsProtocol=http;AccountName=$account;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$blob_port/$account;QueueEndpoint=http://127.0.0.1:$queue_port/$account;TableEndpoint=http://127.0.0.1:$table_port/$account;"
status=0
dotnet benchmarks/Collections.Benchmarks/bin/Release/net10.0/Collections.Benchmarks.dll chaos \
  smtp="$smtp_port" maildev="http://127.0.0.1:$web_port/" log="$work/worker.log" "$@" || status=$?
exit "$status"

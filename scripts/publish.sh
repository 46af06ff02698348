#!/usr/bin/env bash
# Publishes the Azure Functions app (.NET isolated worker, src/Collections.Functions) as the package Flex
# Consumption deploys, and checks its shape:
#
#   artifacts/app/                        dotnet publish output: the worker (Collections.Functions.dll and its
#                                         dependencies), host.json, worker.config.json, functions.metadata (the function
#                                         index the build generated) and .azurefunctions/ with extensions.json's payload
#                                         (the blob and Durable Task extensions the Functions host loads)
#   artifacts/collections-functions.zip   the same tree at the zip's root (az functionapp deployment source config-zip,
#                                         or the Flex one-deploy endpoint; docs/deploy.md)
#
# Usage: bash scripts/publish.sh [--configuration Release]
# Offline: everything restores from the NuGet feed (no func, no download of tools); framework-dependent, because the
# Flex runtime (dotnet-isolated 10.0) provides .NET.
set -euo pipefail
cd "$(dirname "$0")/.."

configuration=Release
while [ $# -gt 0 ]; do
  case "$1" in
    --configuration|-c) configuration=$2; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "publish: unknown option $1" >&2; exit 2 ;;
  esac
done

project=src/Collections.Functions/Collections.Functions.csproj
assembly=Collections.Functions.dll
out=artifacts/app
zip_file=artifacts/collections-functions.zip

# The dashboard's files (chart.js vendored) are embedded in Collections.Operations: no npm step.
rm -rf "$out" "$zip_file"
mkdir -p "$out"
dotnet publish "$project" --configuration "$configuration" --output "$out" -p:DebugType=embedded -nologo

# A developer's local.settings.json (secrets, Azurite connection) must never ship.
find "$out" -name local.settings.json -print -delete | sed 's/^/publish: removed /'

(cd "$out" && zip -qr -X "../$(basename "$zip_file")" .)

# ---- the zip's shape: what the Functions host needs at the package root
fail() { echo "publish: $*" >&2; exit 1; }
listing=$(zipinfo -1 "$zip_file")
for required in host.json worker.config.json functions.metadata extensions.json "$assembly" \
                .azurefunctions/function.deps.json \
                .azurefunctions/Microsoft.Azure.WebJobs.Extensions.DurableTask.dll \
                .azurefunctions/Microsoft.Azure.WebJobs.Extensions.Storage.Blobs.dll; do
  grep -qxF "$required" <<<"$listing" || fail "$zip_file has no $required at its root"
done
if grep -qxF local.settings.json <<<"$listing"; then fail "$zip_file ships local.settings.json"; fi

[ "$(unzip -p "$zip_file" worker.config.json | jq -r .description.defaultWorkerPath)" = "$assembly" ] \
  || fail "worker.config.json does not start $assembly"
unzip -p "$zip_file" host.json | jq -e '(.customHandler == null) and (.extensionBundle == null) and (.extensions.durableTask.hubName | length > 0)' >/dev/null \
  || fail "host.json must have extensions.durableTask.hubName and neither customHandler nor extensionBundle"
unzip -p "$zip_file" extensions.json | jq -r '.extensions[].hintPath' | while read -r hint; do
  grep -qxF "${hint#./}" <<<"$listing" || fail "extensions.json names $hint, which the zip lacks"
done

metadata=$(unzip -p "$zip_file" functions.metadata)
for trigger in blobTrigger orchestrationTrigger activityTrigger httpTrigger timerTrigger; do
  jq -e --arg t "$trigger" 'any(.[].bindings[]; .type == $t)' <<<"$metadata" >/dev/null || fail "functions.metadata has no $trigger function"
done
jq -e 'any(.[].bindings[]; .type == "blobTrigger" and .source == "EventGrid")' <<<"$metadata" >/dev/null \
  || fail "the blob trigger is not event-based (Flex Consumption runs only Source = EventGrid)"

echo "publish: $out ($(du -sh "$out" | cut -f1)) and $zip_file ($(du -h "$zip_file" | cut -f1)), $(wc -l <<<"$listing") entries"
echo "publish: functions: $(jq -r '[.[] | "\(.name)(\(.bindings[] | select(.type | endswith("Trigger")) | .type))"] | join(" ")' <<<"$metadata")"

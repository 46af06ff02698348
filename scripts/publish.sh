#!/usr/bin/env bash
# Builds the deployable Azure Functions app (custom handler):
#
#   artifacts/app/host.json
#   artifacts/app/<Function>/function.json      (from functions/)
#   artifacts/app/handler/Collections.Functions (self-contained linux-x64; host.json's defaultExecutablePath)
#   artifacts/collections-functions.zip         (the same tree, for zip deploy / Flex Consumption one-deploy)
#
# Usage: bash scripts/publish.sh [--configuration Release] [--runtime linux-x64]
# Works offline against the partial NuGet feed: the linux-x64 runtime packs restore from it (checked with an
# empty package cache). docs/hosting.md describes the layout and the deployment.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/ensure-npm.sh
. scripts/lib/ensure-npm.sh

configuration=Release
runtime=linux-x64
while [ $# -gt 0 ]; do
  case "$1" in
    --configuration|-c) configuration=$2; shift 2 ;;
    --runtime|-r) runtime=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "publish: unknown option $1" >&2; exit 2 ;;
  esac
done

out=artifacts/app
zip_file=artifacts/collections-functions.zip
executable=$(jq -r '.customHandler.description.defaultExecutablePath' host.json)
case "$executable" in
  handler/*) ;;
  *) echo "publish: host.json defaultExecutablePath '$executable' must point into handler/" >&2; exit 1 ;;
esac

# The dashboard embeds chart.js from the pinned npm tools; install them if missing.
ensure_npm_tools node_modules/chart.js/package.json

rm -rf "$out" "$zip_file"
mkdir -p "$out"
cp host.json "$out/"
for dir in functions/*/; do
  name=$(basename "$dir")
  jq -e . "$dir/function.json" >/dev/null || { echo "publish: $dir/function.json is not valid JSON" >&2; exit 1; }
  mkdir -p "$out/$name"
  cp "$dir/function.json" "$out/$name/"
done

dotnet publish src/Collections.Functions/Collections.Functions.csproj \
  --configuration "$configuration" --runtime "$runtime" --self-contained true \
  --output "$out/handler" -p:DebugType=embedded -nologo

# A developer's local.settings.json (API keys) must never ship: the Web SDK publishes *.json content files.
find "$out" -name local.settings.json -print -delete | sed 's/^/publish: removed /'

if [ ! -x "$out/$executable" ]; then
  echo "publish: $out/$executable missing or not executable" >&2
  exit 1
fi

(cd "$out" && zip -qr -X "../$(basename "$zip_file")" .)
echo "publish: $out ($(du -sh "$out" | cut -f1)) and $zip_file ($(du -h "$zip_file" | cut -f1))"
echo "publish: functions: $(cd functions && find . -mindepth 1 -maxdepth 1 -type d -printf '%f ' | xargs)"

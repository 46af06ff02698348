#!/usr/bin/env bash
# Runs every test in the repository: installs the pinned local tools (Azurite, ...) with
# `npm ci`, then `dotnet test` over the solution. Integration tests start their own
# emulators on free ports; nothing needs to be running beforehand.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/ensure-npm.sh
. scripts/lib/ensure-npm.sh

ensure_npm_tools node_modules/.bin/azurite

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test CollectionsFunctions.sln --configuration Release "$@" 2>&1 | tee "$log" || status=$?

# dotnet test prints one summary per test assembly; add them up into one closing line.
awk '
  /(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+/ {
    gsub(",", ""); for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1)
    }
  }
  END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }
' "$log"
exit "$status"

# shellcheck shell=bash
# The pinned npm tools (package.json / package-lock.json): sourced by scripts/test.sh, publish.sh and run-local.sh,
# which run from the repository root.

# npm_tools_stale <path>...: true when a path a script needs is missing (node_modules/.bin entries must be
# executable) or package-lock.json changed since the last install.
npm_tools_stale() {
  local path
  for path in "$@"; do
    case "$path" in
      node_modules/.bin/*) [ -x "$path" ] || return 0 ;;
      *) [ -f "$path" ] || return 0 ;;
    esac
  done
  [ package-lock.json -nt node_modules/.package-lock.json ]
}

npm_tools_install() {
  npm ci --no-audit --no-fund --loglevel=error
}

# ensure_npm_tools <path>...: installs the pinned tools when npm_tools_stale says so.
ensure_npm_tools() {
  if npm_tools_stale "$@"; then
    npm_tools_install
  fi
}

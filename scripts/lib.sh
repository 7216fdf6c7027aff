# Shared by the README's two commands. Makes a fresh Debian machine with only Node 20 ready:
# pnpm, the build tools better-sqlite3 compiles with, the workspace's packages, the build.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PNPM_VERSION=10.34.9

say() { printf '\033[1m[rectify]\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi
}

apt_install() {
  # apt's lists may be empty on a new machine; update once, then install what is missing.
  if [ -z "${APT_UPDATED:-}" ]; then as_root apt-get update -qq >/dev/null && APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

ensure_node() {
  local major
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if [ "$major" -lt 20 ]; then say "Node.js 20 or later is required (found: $(node -v 2>/dev/null || echo none))"; exit 1; fi
}

ensure_pnpm() {
  if command -v pnpm >/dev/null && pnpm -v 2>/dev/null | grep -q '^10\.'; then PNPM=(pnpm); return; fi
  say "installing pnpm $PNPM_VERSION"
  if npm install -g "pnpm@$PNPM_VERSION" >/dev/null 2>&1 && command -v pnpm >/dev/null; then PNPM=(pnpm); return; fi
  # No rights to install globally: run it through npx instead.
  PNPM=(npx --yes "pnpm@$PNPM_VERSION")
}

ensure_build_tools() {
  # better-sqlite3 has no reachable prebuilt binary here: node-gyp compiles it.
  local missing=()
  command -v python3 >/dev/null || missing+=(python3)
  command -v make >/dev/null || missing+=(make)
  command -v g++ >/dev/null || missing+=(g++)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing build tools: ${missing[*]}"
    apt_install "${missing[@]}" || { say "please install ${missing[*]} (needed to build better-sqlite3)"; exit 1; }
  fi
  # node-gyp would download Node's headers; use the ones installed with Node when npm knows none.
  local nodedir
  nodedir=$(npm config get nodedir 2>/dev/null || true)
  if { [ -z "$nodedir" ] || [ "$nodedir" = undefined ] || [ "$nodedir" = null ]; }; then
    local prefix
    prefix=$(dirname "$(dirname "$(command -v node)")")
    if [ -f "$prefix/include/node/node.h" ]; then export npm_config_nodedir="$prefix"; fi
  fi
}

install_workspace() {
  say "installing packages"
  "${PNPM[@]}" install --frozen-lockfile --reporter=silent
}

build_workspace() {
  say "building"
  "${PNPM[@]}" -r --reporter=append-only run build >/dev/null
}

prepare() {
  ensure_node
  ensure_pnpm
  ensure_build_tools
  install_workspace
  build_workspace
}

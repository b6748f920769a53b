#!/usr/bin/env bash
# Installs code-server 4.100.3 (= VS Code 1.100.3) into .tools/code-server/ without network
# access beyond the npm registry: its postinstall downloads from GitHub, so we do its steps by
# hand (see /work/shared/reference/vscode-e2e.md). Every step skips itself when already done,
# so a re-run takes a few seconds. Usage: scripts/installCodeServer.sh [--force]
set -euo pipefail

VERSION=4.100.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools/code-server"
CS="$TOOLS/node_modules/code-server"
VSCODE="$CS/lib/vscode"
MARKER="$TOOLS/.installed-$VERSION"
NODE_GYP="$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js"
NATIVES=(@vscode/spdlog @vscode/deviceid native-watchdog node-pty kerberos)

log() { printf '[installCodeServer] %s\n' "$*"; }
die() { printf '[installCodeServer] error: %s\n' "$*" >&2; exit 1; }

# code-server writes ~/.config/code-server even for --version: keep it out of the real HOME.
SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT
sandboxed() {
  HOME="$SCRATCH" XDG_CONFIG_HOME="$SCRATCH/config" XDG_DATA_HOME="$SCRATCH/data" \
    XDG_CACHE_HOME="$SCRATCH/cache" TMPDIR="$SCRATCH" "$@"
}
check_version() {
  local out
  # The first run also logs "Wrote default config file", so pick the version line.
  out="$(sandboxed "$TOOLS/node_modules/.bin/code-server" --version 2>/dev/null | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' | head -n1 || true)"
  [[ "$out" == "$VERSION "* ]] || die "code-server --version printed '$out', expected '$VERSION …'"
  log "code-server --version: $out"
}

if [[ "${1:-}" == "--force" ]]; then rm -f "$MARKER"; fi
if [[ -f "$MARKER" ]]; then
  check_version
  log "already installed ($MARKER)"
  exit 0
fi

# Step 1: system packages are installed by .ci/run (apt); we only verify them here.
missing=()
command -v chromium >/dev/null || missing+=("chromium (apt: chromium)")
command -v rg >/dev/null || missing+=("rg (apt: ripgrep)")
[[ -f /usr/include/krb5.h || -f /usr/include/krb5/krb5.h ]] || missing+=("krb5 headers (apt: libkrb5-dev)")
for tool in make g++ python3; do command -v "$tool" >/dev/null || missing+=("$tool (apt: build-essential/python3)"); done
[[ -f "$NODE_GYP" ]] || missing+=("node-gyp bundled with npm at $NODE_GYP")
if ((${#missing[@]})); then
  die "missing prerequisites: ${missing[*]}. Install with: apt-get update && apt-get install -y --no-install-recommends ripgrep chromium libkrb5-dev"
fi

mkdir -p "$TOOLS"
# Own package.json so npm does not walk up and install into the project's node_modules.
[[ -f "$TOOLS/package.json" ]] || printf '{ "name": "driftline-tools-code-server", "private": true }\n' > "$TOOLS/package.json"

# Step 2: the package itself, without its downloading postinstall.
if [[ "$(node -p "require('$CS/package.json').version" 2>/dev/null || true)" != "$VERSION" ]]; then
  log "step 2: npm install code-server@$VERSION"
  (cd "$TOOLS" && npm install --ignore-scripts --no-audit --no-fund "code-server@$VERSION")
else log "step 2: code-server@$VERSION present"; fi

# Step 3: argon2 is loaded at start even with --auth none.
if ! (cd "$CS" && node -e "require('argon2')" 2>/dev/null); then
  log "step 3: build argon2"
  (cd "$TOOLS" && npm rebuild argon2 --build-from-source)
else log "step 3: argon2 loads"; fi

# Step 4: VS Code's own runtime dependencies.
if [[ ! -f "$VSCODE/node_modules/.package-lock.json" ]]; then
  log "step 4: npm install in lib/vscode"
  (cd "$VSCODE" && npm install --omit=dev --ignore-scripts --no-audit --no-fund)
else log "step 4: lib/vscode dependencies present"; fi

# Step 5: ripgrep; @vscode/ripgrep's postinstall would download it, and skips when bin/ exists.
RG="$VSCODE/node_modules/@vscode/ripgrep/bin/rg"
if [[ ! -x "$RG" ]]; then
  log "step 5: copy $(command -v rg) to @vscode/ripgrep"
  mkdir -p "$(dirname "$RG")"
  cp "$(command -v rg)" "$RG"
else log "step 5: ripgrep present"; fi

# Step 6: natives via node-gyp directly (npm rebuild of node-pty calls npx, refused by yes=false).
for mod in "${NATIVES[@]}"; do
  dir="$VSCODE/node_modules/$mod"
  [[ -d "$dir" ]] || die "step 6: $mod not found in $VSCODE/node_modules"
  if compgen -G "$dir/build/Release/*.node" >/dev/null; then
    log "step 6: $mod already built"
  else
    log "step 6: build $mod"
    (cd "$dir" && node "$NODE_GYP" rebuild --nodedir=/usr)
  fi
done

# Step 7: the symlinks code-server's postinstall would make.
link() { [[ -L "$2" ]] || { log "step 7: link $2 -> $1"; ln -sfn "$1" "$2"; }; }
link node_modules "$VSCODE/node_modules.asar"
link code-linux.sh "$VSCODE/bin/remote-cli/code-server"
link browser-linux.sh "$VSCODE/bin/helpers/browser.sh"

# Step 8: built-in extensions' dependencies (typescript-language-features etc.).
EXT_STAMP="$VSCODE/extensions/.driftline-postinstall-done"
if [[ ! -f "$EXT_STAMP" ]]; then
  log "step 8: npm install in lib/vscode/extensions"
  (cd "$VSCODE/extensions" && npm install --omit=dev --ignore-scripts --no-audit --no-fund && node postinstall.mjs)
  touch "$EXT_STAMP"
else log "step 8: built-in extension dependencies present"; fi

# Step 9: every native loads, and the CLI reports the expected version.
log "step 9: verify"
(cd "$VSCODE" && node -e "
  for (const m of ['@vscode/spdlog', '@vscode/deviceid', 'native-watchdog', 'node-pty', 'kerberos']) require(m);
")
(cd "$CS" && node -e "require('argon2')")
check_version
touch "$MARKER"
log "done"

#!/usr/bin/env bash
# Runs browser tests under node's test runner after checking what they need, so a missing piece is
# a clear failure and not a stack trace: run.sh SOURCE_DIR CHROMIUM NODE TEST_FILE...
set -euo pipefail
source_dir=$1 chromium=$2 node=$3
shift 3
missing=()
[ -x "$chromium" ] || missing+=("$chromium (Debian package chromium; scripts/setup installs it from scripts/apt-packages.txt)")
for module in playwright-core axe-core altcha libsodium-wrappers; do
    [ -f "$source_dir/node_modules/$module/package.json" ] || missing+=("node_modules/$module (run scripts/setup, which runs npm ci)")
done
[ -n "${LOTSE_SERVER_BIN:-}" ] && [ -x "$LOTSE_SERVER_BIN" ] || missing+=("the lotse-server binary (${LOTSE_SERVER_BIN:-LOTSE_SERVER_BIN not set}); build it first")
if [ ${#missing[@]} -gt 0 ]; then
    printf 'browser tests cannot run; missing:\n' >&2
    printf '  - %s\n' "${missing[@]}" >&2
    exit 1
fi
cd "$source_dir"
export LOTSE_CHROMIUM=$chromium
exec "$node" --experimental-websocket --test --test-concurrency=1 "$@"

# Shared by scripts/setup, scripts/run and scripts/test: paths, messages, root access.
# shellcheck shell=bash

LOTSE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# The CMake preset: "ci" (warnings are errors) when CI=true, else "dev".
lotse_preset() {
    if [ "${CI:-}" = true ]; then echo ci; else echo dev; fi
}

lotse_build_dir() {
    echo "$LOTSE_ROOT/build/$(lotse_preset)"
}

lotse_kcal_prefix() {
    echo "${LOTSE_KCALENDARCORE_PREFIX:-$HOME/.cache/lotse/kcalendarcore-qt6}"
}

say() { printf 'lotse: %s\n' "$*"; }
warn() { printf 'lotse: warning: %s\n' "$*" >&2; }
die() {
    printf 'lotse: error: %s\n' "$*" >&2
    exit 1
}

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root to run '$*' (install sudo or run as root)"
    fi
}

# Seconds since the epoch with a fraction, for "took N s" lines.
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.0f", b - a }'; }

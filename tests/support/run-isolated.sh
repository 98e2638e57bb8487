#!/usr/bin/env bash
# Runs one test with a private HOME and XDG tree, so no test reads or writes the user's data.
set -eu
scratch=$(mktemp -d "${TMPDIR:-/tmp}/lotse-test.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" \
    XDG_CACHE_HOME="$scratch/cache" XDG_RUNTIME_DIR="$scratch/runtime" LOTSE_TEST_SCRATCH="$scratch"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
"$@"

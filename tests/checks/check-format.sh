#!/usr/bin/env bash
# Fails when a tracked C++ file is not formatted as .clang-format says; lists the files.
set -euo pipefail
cd "${1:?usage: check-format.sh SOURCE_DIR}"
mapfile -t files < <(git ls-files -- '*.cpp' '*.h')
if [ ${#files[@]} -eq 0 ]; then
    echo "check-format: no C++ files found (not a git checkout?)" >&2
    exit 1
fi
bad=()
for f in "${files[@]}"; do
    clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ ${#bad[@]} -gt 0 ]; then
    printf 'check-format: not clang-format clean (run clang-format -i):\n' >&2
    printf '  %s\n' "${bad[@]}" >&2
    exit 1
fi
echo "check-format: ${#files[@]} files clean"

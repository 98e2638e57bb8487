#!/bin/sh
# cross-verify.sh NODE LOTSE_CRYPTO_VECTORS SOURCE_DIR: the browser twin generates its vector
# files into a temporary directory and the C++ tool verifies each one; the committed copies in
# tests/data/crypto/js are verified too. Every kind must be there. Then differential vectors
# (mutated records, sealed envelopes, streams, JSON and base64url texts with the browser twin's
# verdicts, crypto/js/tools/fuzz-vectors.mjs) must get the same verdicts from the C++ library.
set -u
node="$1"
tool="$2"
root="$3"
dir=$(mktemp -d "${TMPDIR:-/tmp}/lotse-cryptojs.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT INT TERM

"$node" "$root/crypto/js/tools/vectors.mjs" generate "$dir" || { echo "generating the JS vectors failed" >&2; exit 1; }

failed=0
count=0
for kind in keys record replay sealed filestream canonical-json signature device kdf sas pwhash base64url; do
    for file in "$dir/$kind.json" "$root/tests/data/crypto/js/$kind.json"; do
        if [ ! -f "$file" ]; then
            echo "missing $file" >&2
            failed=1
            continue
        fi
        count=$((count + 1))
        "$tool" verify "$file" || failed=1
    done
done
echo "C++ verified $count JS vector files"
[ "$count" -eq 24 ] || failed=1

"$node" "$root/crypto/js/tools/fuzz-vectors.mjs" "$dir/fuzz" || { echo "generating the differential vectors failed" >&2; exit 1; }
fuzz=0
for file in "$dir"/fuzz/fuzz-*.json; do
    [ -f "$file" ] || continue
    fuzz=$((fuzz + 1))
    "$tool" verify "$file" || failed=1
done
echo "C++ verified $fuzz differential vector files"
[ "$fuzz" -eq 5 ] || failed=1
exit $failed

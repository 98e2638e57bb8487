#!/bin/sh
# check-node-modules.sh SOURCE_DIR COMMAND...: runs COMMAND when the npm dependencies of the
# browser twin are installed, and fails with instructions otherwise.
root="$1"
shift
for module in libsodium-wrappers libsodium-wrappers-sumo; do
    if [ ! -f "$root/node_modules/$module/package.json" ]; then
        echo "node_modules/$module is missing: run 'npm ci' in $root (scripts/setup does)" >&2
        exit 1
    fi
done
exec "$@"

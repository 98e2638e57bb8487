#!/usr/bin/env bash
# Runs a command with a throwaway, unlocked Secret Service (gnome-keyring) on a private D-Bus
# session bus: keychain code then works on machines without a desktop session, and never
# touches the user's own keyring. Everything it stores is gone when the command ends.
#
#   scripts/lib/private-keyring.sh COMMAND [ARG...]
set -euo pipefail

if [ -z "${LOTSE_PRIVATE_BUS:-}" ]; then
    LOTSE_PRIVATE_BUS=1 exec dbus-run-session -- "$0" "$@"
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/lotse-keyring.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -m 700 "$scratch/data" "$scratch/runtime"

# The daemon creates its login keyring from the password on stdin and unlocks it. It refuses
# an empty password; a random one nobody needs to know will do. Its own files (keyrings,
# control socket) stay in the scratch dir, away from a desktop session's daemon.
head -c 18 /dev/urandom | base64 |
    XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/runtime" \
        gnome-keyring-daemon --unlock --components=secrets >/dev/null

has_secret_service() {
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q true
}
for _ in $(seq 50); do
    has_secret_service && break
    sleep 0.1
done
has_secret_service || {
    echo "private-keyring: gnome-keyring-daemon did not come up on the session bus" >&2
    exit 1
}

# Not exec: the trap removes the scratch dir afterwards. The daemon leaves with the bus.
status=0
"$@" || status=$?
exit "$status"

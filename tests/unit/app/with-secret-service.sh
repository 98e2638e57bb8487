#!/usr/bin/env bash
# Runs a command with a real Secret Service: a private D-Bus session bus and gnome-keyring-daemon
# with a freshly created, unlocked login keyring. Used by the keychain and desktop tests; meant to
# run inside tests/support/run-isolated.sh, so the keyring lands in the test's scratch HOME.
set -eu
if [ -z "${LOTSE_IN_DBUS_SESSION:-}" ]; then
    export LOTSE_IN_DBUS_SESSION=1
    exec dbus-run-session -- "$0" "$@"
fi
# --unlock reads the login keyring's password from stdin and creates the keyring when missing.
eval "$(printf 'lotse-test-keyring\n' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
for _ in $(seq 50); do
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q true && break
    sleep 0.1
done
exec "$@"

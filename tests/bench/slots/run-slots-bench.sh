#!/usr/bin/env bash
# Slot query figures for 50 advisors over 90 days of rules, busy time and bookings:
#   1. in process: lotse-slots-bench inprocess (SlotService on a temporary SQLite store)
#   2. over HTTP: a real lotse-server on loopback, seeded through the admin CLI and the API, then
#      wrk against GET /api/v1/public/orgs/bench/slots ("any advisor", 14-day windows).
# Usage: tests/bench/slots/run-slots-bench.sh BUILD_DIR [DURATION=15s] [CONNECTIONS=16]
# Needs a build with LOTSE_SERVER_TEST_HOOKS (the default with tests) for the fixed clock.
set -eu
build=$(cd "${1:?usage: run-slots-bench.sh BUILD_DIR [DURATION] [CONNECTIONS]}" && pwd)
duration=${2:-15s}
connections=${3:-16}
here=$(cd "$(dirname "$0")" && pwd)
server="$build/server-stub/lotse-server"
bench="$build/tests/bench/slots/lotse-slots-bench"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/lotse-slots-bench.XXXXXX")
pid=
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "== in process"
"$bench" inprocess 2>/dev/null

echo
echo "== over HTTP (wrk, $connections connections, $duration)"
export LOTSE_TEST_ARGON2_COST=1,64 LOTSE_TEST_CLOCK_FILE="$work/now"
date -u -d 2026-11-23T06:00:00Z +%s >"$work/now"
printf '[limits]\npublic_requests_per_minute = 10000000\n' >"$work/server.ini"
printf 'bench password\n' >"$work/password"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
admin() { "$server" --data-dir "$work/data" admin "$@" >/dev/null 2>>"$work/admin.log" || { cat "$work/admin.log" >&2; exit 1; }; }
admin org create --slug bench --name Bench
for i in $(seq 1 50); do
    admin advisor create --org bench --username "advisor$i@bench.example" --display-name "Advisor $i" \
        --password-file "$work/password"
done
"$server" --data-dir "$work/data" --listen "127.0.0.1:$port" --config "$work/server.ini" 2>"$work/server.log" &
pid=$!
for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null && break
    sleep 0.1
done
"$bench" seed "http://127.0.0.1:$port" "$work/password" 50 2>>"$work/seed.log" || { cat "$work/seed.log" >&2; exit 1; }
threads=$((connections < 2 ? 1 : 2))
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$here/slots.lua" "http://127.0.0.1:$port" | tee "$work/wrk.txt"
echo
awk '/Requests\/sec/ { print "HTTP slot queries per second: " $2 } $1 == "99%" { print "HTTP p99 latency: " $2 }' \
    "$work/wrk.txt"

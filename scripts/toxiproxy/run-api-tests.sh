#!/usr/bin/env bash
# Runs Toxiproxy's own API tests (built by build.sh) against a server on 127.0.0.1:8475: `duress proxy` by
# default, or a real toxiproxy-server when TOXIPROXY_BIN names one. The tests expect /version to say "git",
# so duress is started with --version-string git (the real server says its own version: that one test fails).
#
#   [OUT=/tmp/toxiproxy-build] [TOXIPROXY_BIN=/tmp/toxiproxy-build/toxiproxy-server] scripts/toxiproxy/run-api-tests.sh [-test.run REGEX]
set -euo pipefail
OUT="${OUT:-/tmp/toxiproxy-build}"
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
TEST_BIN="$OUT/toxiproxy-api-external.test"
[ -x "$TEST_BIN" ] || { echo "run-api-tests.sh: $TEST_BIN is missing; run build.sh first" >&2; exit 2; }

if [ -n "${TOXIPROXY_BIN:-}" ]; then
  "$TOXIPROXY_BIN" -host 127.0.0.1 -port 8475 >"$OUT/server.log" 2>&1 &
else
  node "$ROOT/bin/duress.js" proxy --host 127.0.0.1 --port 8475 --version-string git >"$OUT/server.log" 2>&1 &
fi
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true' EXIT

for _ in $(seq 1 300); do
  if curl -fs -o /dev/null http://127.0.0.1:8475/version; then break; fi
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "run-api-tests.sh: the server exited:" >&2; cat "$OUT/server.log" >&2; exit 3; }
  sleep 0.1
done

cd "$OUT"
"$TEST_BIN" -test.count=1 "$@" 2>&1 | grep -v '^{"level"'

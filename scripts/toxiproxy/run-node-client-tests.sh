#!/usr/bin/env bash
# Runs toxiproxy-node-client's own test suite (jest) against `duress proxy` on localhost:8474, where the
# suite expects its server. The client's source comes from a git directory you name; it is installed and
# run under $OUT, never kept in this repository. Needs the npm registry (jest, ts-jest, axios).
#
#   NODE_CLIENT_GIT=/path/to/toxiproxy-node-client.git [NODE_CLIENT_REF=HEAD] [OUT=/tmp/toxiproxy-build] \
#     scripts/toxiproxy/run-node-client-tests.sh
set -euo pipefail
: "${NODE_CLIENT_GIT:?set NODE_CLIENT_GIT to a git directory of github.com/ihsw/toxiproxy-node-client}"
OUT="${OUT:-/tmp/toxiproxy-build}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DIR="$OUT/node-client"

if [ ! -x "$DIR/node_modules/.bin/jest" ]; then
  rm -rf "$DIR" && mkdir -p "$DIR"
  git --git-dir="$NODE_CLIENT_GIT" archive "${NODE_CLIENT_REF:-HEAD}" | tar -x -C "$DIR"
  (cd "$DIR" && npm install --no-audit --no-fund)
fi

node "$ROOT/bin/duress.js" proxy --host 127.0.0.1 --port 8474 --version-string v2.12.0 >"$OUT/node-client-server.log" 2>&1 &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  curl -fs -o /dev/null http://127.0.0.1:8474/version && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "run-node-client-tests.sh: duress proxy exited:" >&2; cat "$OUT/node-client-server.log" >&2; exit 3; }
  sleep 0.1
done
cd "$DIR" && npx jest --runInBand

#!/usr/bin/env bash
# Builds a real Toxiproxy server, CLI and test binaries from its public source with Debian's Go packages,
# offline (no Go module proxy). Nothing of Toxiproxy's is kept in this repository: the source comes from a
# git directory or checkout you name, and everything is built under $OUT. See README.md beside this file.
#
#   TOXIPROXY_GIT=/path/to/toxiproxy/.git [TOXIPROXY_REF=v2.12.0] [OUT=/tmp/toxiproxy-build] scripts/toxiproxy/build.sh
#
# Needs (Debian 12): apt-get install -y golang-go golang-github-gorilla-mux-dev \
#   golang-github-prometheus-client-golang-dev golang-github-rs-zerolog-dev golang-github-urfave-cli-v2-dev \
#   golang-golang-x-term-dev golang-gopkg-tomb.v1-dev golang-github-rs-xid-dev
set -euo pipefail

: "${TOXIPROXY_GIT:?set TOXIPROXY_GIT to a git directory of github.com/Shopify/toxiproxy}"
REF="${TOXIPROXY_REF:-v2.12.0}"
OUT="${OUT:-/tmp/toxiproxy-build}"

command -v go >/dev/null || { echo "build.sh: no 'go' on PATH; install Debian's golang-go and the packages listed in this script" >&2; exit 2; }
[ -d /usr/share/gocode/src/github.com/gorilla/mux ] || { echo "build.sh: Debian's Go library packages are missing (see the header of this script)" >&2; exit 2; }

SRC="$OUT/gopath/src/github.com/Shopify/toxiproxy/v2"
rm -rf "$SRC"
mkdir -p "$SRC"
git --git-dir="$TOXIPROXY_GIT" archive "$REF" | tar -x -C "$SRC"

# Debian 12 has zerolog 1.26, whose CallerMarshalFunc has no pc argument (newer ones do). This only changes
# how log lines name their caller; nothing the API or the proxy does.
sed -i 's/func(pc uintptr, file string, line int) string {/func(file string, line int) string {/' "$SRC/cmd/server/server.go"

# GOPATH mode: the /v2 import path is a directory under $OUT/gopath, the dependencies are Debian's.
export GO111MODULE=off GOPROXY=off GOFLAGS= GOPATH="$OUT/gopath:/usr/share/gocode" GOCACHE="$OUT/cache"
VERSION_FLAG="-X github.com/Shopify/toxiproxy/v2.Version=$REF"
go build -ldflags "$VERSION_FLAG" -o "$OUT/toxiproxy-server" github.com/Shopify/toxiproxy/v2/cmd/server
go build -ldflags "$VERSION_FLAG" -o "$OUT/toxiproxy-cli" github.com/Shopify/toxiproxy/v2/cmd/cli

# Toxiproxy's API tests (api_test.go) as a package of their own whose WithServer uses an external server at
# localhost:8475 instead of starting one in-process: nothing else in the file changes.
EXT="$OUT/gopath/src/toxiproxy-external-api"
rm -rf "$EXT"
mkdir -p "$EXT"
awk -v helper="$(dirname "$0")/external-with-server.go.txt" '
  /^var testServer / { next }
  /^func WithServer\(/ { skip = 1; while ((getline line < helper) > 0) print line; next }
  skip && /^}/ { skip = 0; next }
  !skip { print }
' "$SRC/api_test.go" |
  grep -v -e '"github.com/prometheus/client_golang/prometheus"' -e '"github.com/rs/zerolog"' -e '"flag"' -e '^\s*"time"$' -e '"github.com/Shopify/toxiproxy/v2"$' -e '^\s*"os"$' \
  >"$EXT/api_test.go"
# AssertProxyUp lives in toxiproxy_test.go; take it from there as it is.
{
  echo 'package toxiproxy_test'
  echo 'import ("net"; "testing")'
  awk '/^func AssertProxyUp\(/ { on = 1 } on { print } on && /^}/ { on = 0 }' "$SRC/toxiproxy_test.go"
} >"$EXT/assert_test.go"
go test -c -o "$OUT/toxiproxy-api-external.test" toxiproxy-external-api

echo "built in $OUT: toxiproxy-server, toxiproxy-cli, toxiproxy-api-external.test ($REF)"

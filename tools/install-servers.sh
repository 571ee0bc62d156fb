#!/usr/bin/env bash
# Installs the local servers Roundtable runs against, into the git-ignored .tools/bin, building only
# what is missing: FerretDB v1.24.2 (SQLite backend), stripe-mock v0.197.0 and compose-check (validates
# docker-compose.yml with compose-go) from the Go module proxy, and Debian's Chromium for the browser
# tests. Safe to run again; a second run does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$PWD/.tools/bin"
mkdir -p "$BIN"
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod

have() { command -v "$1" >/dev/null 2>&1; }

if [ -x "$BIN/ferretdb" ]; then
  echo "ferretdb: present"
elif have go; then
  echo "ferretdb: building v1.24.2 with the SQLite backend (a few minutes on a cold machine)..."
  (cd tools/ferretdb && go build -trimpath -o "$BIN/ferretdb" .)
elif have mongod || [ -n "${MONGODB_URI:-}" ]; then
  echo "ferretdb: skipped (no Go; MongoDB is available instead)"
else
  echo "ferretdb: cannot build it without Go. Set MONGODB_URI, install MongoDB or Go, or run 'docker compose up'." >&2
  exit 1
fi

if [ -x "$BIN/stripe-mock" ]; then
  echo "stripe-mock: present"
elif have go; then
  echo "stripe-mock: installing v0.197.0..."
  GOBIN="$BIN" go install github.com/stripe/stripe-mock@v0.197.0
else
  echo "stripe-mock: skipped (no Go); billing calls need STRIPE_API_URL pointing at a Stripe-compatible server." >&2
fi

if [ -x "$BIN/compose-check" ]; then
  echo "compose-check: present"
elif have go; then
  echo "compose-check: building the docker-compose.yml validator (compose-go)..."
  (cd tools/compose-check && go build -trimpath -o "$BIN/compose-check" .)
else
  echo "compose-check: skipped (no Go); the compose-file test will say so." >&2
fi

if [ -x /usr/bin/chromium ]; then
  echo "chromium: present"
elif [ "$(id -u)" = 0 ] && have apt-get; then
  echo "chromium: installing Debian's package for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
else
  echo "chromium: missing; browser tests need /usr/bin/chromium (apt-get install chromium)." >&2
fi

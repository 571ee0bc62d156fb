#!/usr/bin/env bash
# Installs the local servers Roundtable runs against, into the git-ignored .tools/bin, building only
# what is missing: FerretDB v1.24.2 (SQLite and PostgreSQL backends; rebuilt when tools/ferretdb changes),
# stripe-mock v0.197.0 and compose-check (validates docker-compose.yml with compose-go) from the Go module
# proxy, and Debian's PostgreSQL (FerretDB's storage) and Chromium (browser tests). Safe to run again; a
# second run does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$PWD/.tools/bin"
mkdir -p "$BIN"
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod

have() { command -v "$1" >/dev/null 2>&1; }

# The binary is rebuilt when its source changes (a stamp holds the hash of tools/ferretdb), into a
# temporary file renamed into place, so servers already running from the old binary are untouched.
ferret_hash="$(cat tools/ferretdb/main.go tools/ferretdb/go.mod tools/ferretdb/go.sum | sha256sum | cut -d' ' -f1)"
if [ -x "$BIN/ferretdb" ] && [ "$(cat "$BIN/ferretdb.stamp" 2>/dev/null)" = "$ferret_hash" ]; then
  echo "ferretdb: present"
elif have go; then
  echo "ferretdb: building v1.24.2 with the SQLite and PostgreSQL backends (a few minutes on a cold machine)..."
  (cd tools/ferretdb && go build -trimpath -o "$BIN/ferretdb.new.$$" .)
  mv -f "$BIN/ferretdb.new.$$" "$BIN/ferretdb"
  echo "$ferret_hash" > "$BIN/ferretdb.stamp"
elif [ -x "$BIN/ferretdb" ]; then
  echo "ferretdb: present (cannot rebuild it without Go)"
elif have mongod || [ -n "${MONGODB_URI:-}" ]; then
  echo "ferretdb: skipped (no Go; MongoDB is available instead)"
else
  echo "ferretdb: cannot build it without Go. Set MONGODB_URI, install MongoDB or Go, or run 'docker compose up'." >&2
  exit 1
fi

# FerretDB stores into PostgreSQL by default (tools/servers/local-servers.js starts a server per run,
# as an unprivileged user); Debian's package, without the cluster and service it would create.
if ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "postgresql: present"
elif [ "$(id -u)" = 0 ] && have apt-get; then
  echo "postgresql: installing Debian's package..."
  mkdir -p /etc/postgresql-common
  [ -f /etc/postgresql-common/createcluster.conf ] || echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.conf
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o Dpkg::Options::=--force-confold postgresql >/dev/null
else
  echo "postgresql: missing; FerretDB falls back to SQLite (apt-get install postgresql for the faster default)." >&2
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

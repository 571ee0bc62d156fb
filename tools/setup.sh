#!/usr/bin/env bash
# Installs everything Roundtable needs on this machine, skipping what is already in place:
# npm packages (a clean `npm ci` whenever package-lock.json changed) and the local servers.
set -euo pipefail
cd "$(dirname "$0")/.."

lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
stamp="node_modules/.roundtable-lock-hash"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_hash" ]; then
  echo "npm packages: present"
else
  echo "npm packages: installing from package-lock.json..."
  npm ci --no-audit --no-fund
  echo "$lock_hash" > "$stamp"
fi

bash tools/install-servers.sh

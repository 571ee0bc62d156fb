#!/usr/bin/env bash
# Installs everything Roundtable needs on this machine, skipping what is already in place: Node 24
# when the machine's is older, npm packages (installed from package-lock.json whenever it changed) and
# the local servers.
# `npm install` rather than `npm ci`: the registry these machines reach serves only the Linux builds
# of some optional native packages (unrs-resolver's), so the lock has no entries for the others and
# `npm ci` refuses it as "out of sync"; `npm install` installs the same locked versions.
# package.json's allowScripts records the two install scripts reviewed and not run: @scarf/scarf's
# (usage telemetry, which an offline platform does not send) and @parcel/watcher's (a build from source
# only when asked; its prebuilt binary is installed).
set -euo pipefail
cd "$(dirname "$0")/.."
# Node 24 first on the PATH (fetched into .tools/node when this machine's is older), so npm install
# runs on the Node the packages ask for.
# shellcheck source=tools/node.sh
source tools/node.sh

lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
stamp="node_modules/.roundtable-lock-hash"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_hash" ]; then
  echo "npm packages: present"
else
  echo "npm packages: installing from package-lock.json..."
  npm install --no-audit --no-fund
  echo "$lock_hash" > "$stamp"
fi

bash tools/install-servers.sh

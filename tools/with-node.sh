#!/usr/bin/env bash
# Runs a command with a supported Node first on the PATH (tools/node.sh), fetching it when this
# machine's Node is older: `npm start` and `npm test` go through here, so every step after it (npm
# install, the build, jest, the apps) runs on Node 24.
set -euo pipefail
# shellcheck source=tools/node.sh
source "$(dirname "$0")/node.sh"
exec "$@"

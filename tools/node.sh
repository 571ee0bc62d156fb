# Sourced by tools/setup.sh and tools/with-node.sh: puts a supported Node first on the PATH.
# Roundtable runs on Node 24 LTS (package.json "engines", .nvmrc, the Dockerfile and .ci/run agree).
# When the machine's own Node is older, the npm registry serves Node itself as a package
# (node-<platform>-<arch>): it is fetched once into the git-ignored .tools/node and used for npm
# install, the build, the tests and `npm start`, so a machine with only Node 20 needs nothing else.

# The exact release fetched when the machine's Node is too old, and the oldest release accepted from it
# (the NestJS CLI's dependencies ask for ^24.15).
ROUNDTABLE_NODE_VERSION="24.22.3"
ROUNDTABLE_NODE_MINIMUM="24.15.0"

roundtable_node_ok() {
  "$1" -e '
    const [major, minor] = process.versions.node.split(".").map(Number);
    const [wantMajor, wantMinor] = process.argv[1].split(".").map(Number);
    process.exit(major > wantMajor || (major === wantMajor && minor >= wantMinor) ? 0 : 1);
  ' "$ROUNDTABLE_NODE_MINIMUM" >/dev/null 2>&1
}

roundtable_use_node() {
  local root local_node platform arch package
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  local_node="$root/.tools/node/bin/node"
  if command -v node >/dev/null 2>&1 && [ "$(command -v node)" != "$local_node" ] && roundtable_node_ok node; then
    return 0
  fi
  if [ ! -x "$local_node" ] || [ "$("$local_node" --version 2>/dev/null)" != "v$ROUNDTABLE_NODE_VERSION" ]; then
    case "$(uname -s)" in
      Linux) platform=linux ;;
      Darwin) platform=darwin ;;
      *)
        echo "Roundtable needs Node $ROUNDTABLE_NODE_MINIMUM or later; install it from https://nodejs.org." >&2
        return 1
        ;;
    esac
    case "$(uname -m)" in
      x86_64 | amd64) arch=x64 ;;
      aarch64 | arm64) arch=arm64 ;;
      *)
        echo "Roundtable needs Node $ROUNDTABLE_NODE_MINIMUM or later; install it from https://nodejs.org." >&2
        return 1
        ;;
    esac
    package="node-$platform-$arch@$ROUNDTABLE_NODE_VERSION"
    echo "node: this machine has $(node --version 2>/dev/null || echo 'no Node'); fetching Node $ROUNDTABLE_NODE_VERSION into .tools/node (once)..."
    local download
    download="$(mktemp -d)"
    (cd "$download" && npm pack "$package" --silent >/dev/null)
    rm -rf "$root/.tools/node"
    mkdir -p "$root/.tools/node"
    tar -xzf "$download"/*.tgz -C "$root/.tools/node" --strip-components=1 package/bin/node package/LICENSE
    rm -rf "$download"
  fi
  export PATH="$root/.tools/node/bin:$PATH"
}

roundtable_use_node

#!/bin/sh
# Installs code-server 4.100.3 into test-host/node_modules (offline test host and demo editor).
# Needs Debian packages: apt-get install -y chromium ripgrep libkrb5-dev
# Usage: sh scripts/install-test-host.sh            (npm ci from test-host/package-lock.json)
#        TEST_HOST_NPM_CMD=install sh scripts/...   (re-create the lockfile)
set -eu
cd "$(dirname "$0")/../test-host"
# code-server 4.100.3's lib/vscode pins @vscode/ripgrep 1.15.11. Its postinstall downloads this
# asset from GitHub unless it already sits in $TMPDIR/vscode-ripgrep-cache-<version>/.
RG_PKG_VERSION=1.15.11
RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
RG=$(command -v rg) || { echo "missing rg: apt-get install -y ripgrep" >&2; exit 1; }
[ -f /usr/include/gssapi/gssapi.h ] || { echo "missing gssapi.h: apt-get install -y libkrb5-dev" >&2; exit 1; }
case "$(node -p 'process.versions.node.split(".")[0]')" in
  20) ;;
  *) echo "code-server 4.100.3 needs Node.js 20 (found $(node --version))" >&2; exit 1 ;;
esac
export TMPDIR="$PWD/.tmp"
trap 'rm -rf "$TMPDIR"' EXIT
rm -rf "$TMPDIR"; mkdir -p "$TMPDIR/vscode-ripgrep-cache-$RG_PKG_VERSION"
tar -C "$(dirname "$RG")" -czf "$TMPDIR/vscode-ripgrep-cache-$RG_PKG_VERSION/$RG_ASSET" rg
export npm_config_unsafe_perm=true  # code-server's postinstall refuses to run as root without it
export npm_config_yes=true          # node-pty's postinstall runs `npx node-gyp`
export npm_config_nodedir="${npm_config_nodedir:-/usr}"  # node-gyp: use installed headers, never download
npm "${TEST_HOST_NPM_CMD:-ci}" --no-audit --no-fund "$@"
test -x node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg
test -f node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node
echo "test host installed: $(node -p 'require("./node_modules/code-server/package.json").version') in test-host/node_modules"

#!/usr/bin/env bash
# Installs code-server from the npm registry into DEST without any download from GitHub or the
# VS Code update servers (neither is reachable here). Recipe: /work/shared/docs/real-editors.md.
# Needs: node 20, g++/make/python3 (native modules build from source), libkrb5-dev, optional rg.
set -euo pipefail
CS_VERSION="${CS_VERSION:-4.100.3}"     # last code-server whose engines.node is 20 (VS Code 1.100.3)
DEST="${1:?usage: install-code-server.sh DEST}"
NPM_QUIET=(--no-audit --no-fund --loglevel=error)
# node-gyp would download Node's headers (no network): use the installed ones when present
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then export npm_config_nodedir=/usr; fi
mkdir -p "$DEST" && cd "$DEST"
[ -f package.json ] || echo '{"name":"cs-host","private":true}' > package.json
# 1. the package itself; its postinstall would inherit npm's env and try to download ripgrep
npm i "${NPM_QUIET[@]}" --ignore-scripts "code-server@$CS_VERSION"
CS="$PWD/node_modules/code-server"
# 1b. argon2 is loaded even with --auth none; its prebuilt download fails, so it builds from source
npm_config_yes=true npm rebuild argon2 "${NPM_QUIET[@]}"
cd "$CS/lib/vscode"
# 2. the VS Code server's own dependencies (from its shrinkwrap), scripts off
env -u npm_config_global -u npm_config_prefix npm install "${NPM_QUIET[@]}" --omit=dev --ignore-scripts
# 3. @vscode/ripgrep's postinstall skips the GitHub download when bin/ exists: use Debian's rg
mkdir -p node_modules/@vscode/ripgrep/bin
if command -v rg >/dev/null; then ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg; fi
# 4. native modules (node-pty, kerberos, ...): prebuilt downloads fail, node-gyp builds them
npm_config_yes=true npm rebuild "${NPM_QUIET[@]}"
# 5. what code-server's postinstall.sh would have done
rm -rf node_modules.asar && ln -s node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
(cd extensions && npm install "${NPM_QUIET[@]}" --omit=dev --ignore-scripts)
# code-server writes config.yaml and logs under XDG dirs on any start, even --version: not in $HOME
probe="$(mktemp -d)"
XDG_CONFIG_HOME="$probe" XDG_DATA_HOME="$probe" "$DEST/node_modules/.bin/code-server" --version >/dev/null
rm -rf "$probe"
echo "$CS_VERSION" > "$DEST/.installed"
echo "code-server $CS_VERSION installed in $DEST"

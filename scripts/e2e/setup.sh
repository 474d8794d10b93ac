#!/usr/bin/env bash
# One-time machine setup for the end-to-end tests (idempotent, cached):
#  - Debian packages chromium, neovim, libkrb5-dev, ripgrep (apt only when one is missing; needs root)
#  - code-server into <repo>/.e2e/cs (git-ignored), skipped when already there
# Usage: bash scripts/e2e/setup.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
T0=$SECONDS
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v nvim >/dev/null || missing+=(neovim)
command -v rg >/dev/null || missing+=(ripgrep)
[ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  echo "e2e setup: apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive timeout 600 $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
CS_DIR="$ROOT/.e2e/cs"
# cached when the install finished (install-code-server.sh writes the marker last)
if [ -f "$CS_DIR/.installed" ] && [ -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  echo "e2e setup: code-server cached in $CS_DIR"
else
  rm -rf "$CS_DIR"
  timeout 900 bash "$ROOT/scripts/e2e/install-code-server.sh" "$CS_DIR"
fi
echo "e2e setup done in $((SECONDS - T0)) s"

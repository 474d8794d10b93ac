#!/usr/bin/env bash
# Runs the end-to-end layers against the BUILT extension (npm run build first; the .vsix is
# packed here from dist/ by scripts/package.mjs, or E2E_VSIX names one):
#   nvim   Neovim headless as an LSP client of bin/hcpcs-language-server --stdio
#   suite  the extension integration suite (test/e2e/suite) inside code-server's extension host
#   ui     the code-server workbench in headless chromium, extension installed from the .vsix
# Prints one "N passed, N failed" line at the end; exits non-zero when anything failed.
# Usage: bash scripts/e2e/run.sh [--layers nvim,suite,ui] [--screenshots]
#   --screenshots  the ui layer writes docs/images/{hover,problems,quickfix}.png
# Needs: bash scripts/e2e/setup.sh once. Env: HCPCS_RELEASE / HCPCS_ASP (default: ../shared's
# Oct 2025 files when present), E2E_VSIX (a .vsix to install), E2E_KEEP=1 (keep the temp dir).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LAYERS="nvim,suite,ui"
SHOTS=""
while [ $# -gt 0 ]; do
  case "$1" in
    --layers) LAYERS="$2"; shift 2 ;;
    --screenshots) SHOTS="$ROOT/docs/images"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
T0=$SECONDS
CS_BIN="$ROOT/.e2e/cs/node_modules/.bin/code-server"
SHARED="${HCPCS_SHARED:-$(cd "$ROOT/.." && pwd)/shared}" # as test/support/paths.ts
if [ -z "${HCPCS_RELEASE:-}" ] && [ -f "$SHARED/cms/hcpcs/2025-10/HCPC2025_OCT_ANWEB.csv" ]; then
  export HCPCS_RELEASE="$SHARED/cms/hcpcs/2025-10/HCPC2025_OCT_ANWEB.csv"
fi
if [ -z "${HCPCS_ASP:-}" ] && [ -d "$SHARED/cms/asp/2025-10" ]; then export HCPCS_ASP="$SHARED/cms/asp/2025-10"; fi

TMP="$(mktemp -d "${TMPDIR:-/tmp}/hcpcs-e2e.XXXXXX")"
CS_PID=""
cleanup() {
  # a layer still running (interrupted run): timeout(1) passes TERM on to its command
  if [ -n "${LAYER_PID:-}" ]; then
    kill "$LAYER_PID" 2>/dev/null
    wait "$LAYER_PID" 2>/dev/null
  fi
  if [ -n "$CS_PID" ]; then
    # timeout(1) leads its own process group: code-server, its extension hosts and their
    # language servers; TERM reaches them all, then anything slow to go is killed by group id
    kill "$CS_PID" 2>/dev/null
    wait "$CS_PID" 2>/dev/null
    kill -KILL -- "-$CS_PID" 2>/dev/null
  fi
  # logs stay for a look when something failed
  if [ "${E2E_KEEP:-}" = 1 ] || [ "${FAILED:-0}" -gt 0 ]; then echo "e2e: logs kept in $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'FAILED=$((${FAILED:-0} + 1)); echo "e2e: interrupted"; echo "${PASSED:-0} passed, $FAILED failed"; exit 130' INT TERM
# nothing outside $TMP: editors' config, data, caches and state all live here
export XDG_CONFIG_HOME="$TMP/xdg/config" XDG_DATA_HOME="$TMP/xdg/data" XDG_CACHE_HOME="$TMP/xdg/cache" XDG_STATE_HOME="$TMP/xdg/state"
# a gallery without serviceUrl switches code-server's marketplace (open-vsx.org) off: no network
export EXTENSIONS_GALLERY='{}'
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"
# each layer gets its own throwaway copy of the fixture workspace: the editors edit files and
# write settings, and code-server restores a folder's open editors from its previous window
# (the folder is called "claims": that is the name the workbench and the screenshots show)
workspace() { mkdir -p "$TMP/$1" && cp -r "$ROOT/test/fixtures/e2e-workspace" "$TMP/$1/claims" && echo "$TMP/$1/claims"; }

PASSED=0
FAILED=0
SUMMARY=()
# record LAYER RC LOG: add the layer's own "N passed, N failed" line; a layer that failed
# without one (crash, timeout) counts as one failure
record() {
  local layer="$1" rc="$2" log="$3" line p f
  line="$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -1)"
  if [ -n "$line" ]; then p="${line%% passed*}"; f="${line#*, }"; f="${f%% failed}"; else p=0; f=0; fi
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  [ "$rc" -eq 124 ] && echo "e2e $layer: TIMED OUT"
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
  SUMMARY+=("$layer: $p passed, $f failed (rc $rc)")
}
# run_layer NAME TIMEOUT_S CMD...: runs in the background so a signal to this script is handled
# at once (bash defers traps while a foreground command runs); output is shown indented when
# the layer ends, so the only bare "N passed, N failed" line on stdout is the total at the end
LAYER_PID=""
run_layer() {
  local layer="$1" limit="$2" rc t
  shift 2
  t=$SECONDS
  echo "=== e2e $layer"
  timeout --kill-after=10 "$limit" "$@" > "$TMP/$layer.log" 2>&1 &
  LAYER_PID=$!
  wait "$LAYER_PID"
  rc=$?
  LAYER_PID=""
  sed 's/^/  /' "$TMP/$layer.log"
  echo "=== e2e $layer: rc $rc in $((SECONDS - t)) s"
  record "$layer" "$rc" "$TMP/$layer.log"
}
has_layer() { [[ ",$LAYERS," == *",$1,"* ]]; }
# cannot start at all: still end with the totals line
fail_early() { echo "e2e: $1"; FAILED=$((FAILED + 1)); echo "$PASSED passed, $FAILED failed"; exit 1; }

for f in dist/client.js dist/server.js out/test/e2e/run-code-server.js out/test/e2e/ui.js out/test/e2e/suite/index.js; do
  [ -f "$ROOT/$f" ] || fail_early "$f is missing: run npm run build first"
done

if has_layer nvim; then
  # bin/ on PATH: the README's recipe, run as written, starts 'hcpcs-language-server'
  run_layer nvim 120 env PATH="$ROOT/bin:$PATH" E2E_README="$ROOT/README.md" E2E_SERVER="$ROOT/bin/hcpcs-language-server" E2E_WORKSPACE="$(workspace nvim)" \
    nvim --headless --clean -n -u NONE -i NONE \
    -c 'lua local ok, e = pcall(dofile, "'"$ROOT"'/test/e2e/nvim/test.lua"); if not ok then io.stdout:write("nvim: " .. tostring(e) .. "\n0 passed, 1 failed\n"); vim.cmd("cquit!") end'
fi

if has_layer suite || has_layer ui; then
  [ -x "$CS_BIN" ] || fail_early "code-server is missing in .e2e/cs: run bash scripts/e2e/setup.sh"
  # the .vsix of the current build (scripts/package.mjs packs dist/ as it is, no rebuild)
  VSIX="${E2E_VSIX:-}"
  if [ -z "$VSIX" ]; then
    VSIX="$TMP/hcpcs-language-tools.vsix"
    echo "=== e2e vsix: packaging dist/ into $VSIX"
    (cd "$ROOT" && timeout 300 node scripts/package.mjs "$VSIX") > "$TMP/package.log" 2>&1 || { cat "$TMP/package.log"; echo "e2e: packaging failed"; }
  fi
  PORT="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
  HOST="127.0.0.1:$PORT"
  mkdir -p "$TMP/user/User" "$TMP/ext"
  cp "$ROOT/test/e2e/settings.json" "$TMP/user/User/settings.json"
  printf 'bind-addr: %s\nauth: none\ncert: false\n' "$HOST" > "$TMP/config.yaml"
  CS_ARGS=(--config "$TMP/config.yaml" --user-data-dir "$TMP/user" --extensions-dir "$TMP/ext")

  # the packaged extension: installs, and code-server lists it (the ui layer then runs it)
  echo "=== e2e vsix: installing $VSIX"
  [ -f "$VSIX" ] && timeout 120 "$CS_BIN" "${CS_ARGS[@]}" --install-extension "$VSIX" > "$TMP/vsix.log" 2>&1
  timeout 60 "$CS_BIN" "${CS_ARGS[@]}" --list-extensions --show-versions >> "$TMP/vsix.log" 2>&1
  sed 's/^/  /' "$TMP/vsix.log"
  if grep -q '^hcpcs-tools.hcpcs-language-tools@' "$TMP/vsix.log"; then echo "1 passed, 0 failed" > "$TMP/vsix.result"; rc=0
  else echo "0 passed, 1 failed" > "$TMP/vsix.result"; rc=1; fi
  record vsix "$rc" "$TMP/vsix.result"

  # its extension hosts leave IPC sockets in TMPDIR: keep them in $TMP
  mkdir -p "$TMP/tmp"
  TMPDIR="$TMP/tmp" timeout 900 "$CS_BIN" "${CS_ARGS[@]}" --auth none --disable-telemetry --disable-update-check \
    --disable-workspace-trust --disable-getting-started-override --bind-addr "$HOST" > "$TMP/code-server.log" 2>&1 &
  CS_PID=$!
  up=0
  for _ in $(seq 300); do
    if node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "http://$HOST/healthz"; then up=1; break; fi
    kill -0 "$CS_PID" 2>/dev/null || break
    sleep 0.2
  done
  if [ "$up" -ne 1 ]; then
    echo "e2e: code-server did not come up"; tail -20 "$TMP/code-server.log" | sed 's/^/  /'
    FAILED=$((FAILED + 1)); SUMMARY+=("code-server: did not start")
  else
    echo "e2e: code-server up on $HOST (pid $CS_PID)"
    if has_layer ui; then
      run_layer ui 240 node "$ROOT/out/test/e2e/ui.js" --host "$HOST" --folder "$(workspace ui)" --artifacts "$TMP" ${SHOTS:+--shots "$SHOTS"}
      # the ui window had no extensionDevelopmentPath: its language server must be the .vsix's
      # (code-server keeps that window's extension host, and so its server, until it stops)
      if ps -ww -eo args | grep -F -- "$TMP/ext/hcpcs-tools.hcpcs-language-tools-" | grep -q 'dist/server.js'; then
        echo "  ok - the ui window's language server runs from the installed .vsix"
        echo "1 passed, 0 failed" > "$TMP/vsix-server.result"; rc=0
      else
        echo "  not ok - no language server from $TMP/ext is running: the .vsix did not activate"
        echo "0 passed, 1 failed" > "$TMP/vsix-server.result"; rc=1
      fi
      record vsix-server "$rc" "$TMP/vsix-server.result"
    fi
    if has_layer suite; then
      run_layer suite 300 node "$ROOT/out/test/e2e/run-code-server.js" --host "$HOST" --dev "$ROOT" \
        --tests "$ROOT/out/test/e2e/suite" --folder "$(workspace suite)"
    fi
  fi
fi

echo "=== e2e summary ($((SECONDS - T0)) s)"
for s in "${SUMMARY[@]}"; do echo "  $s"; done
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ] && [ "$PASSED" -gt 0 ]

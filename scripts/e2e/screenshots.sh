#!/usr/bin/env bash
# Regenerates docs/images/{hover,problems,quickfix}.png from the code-server UI test
# (1280x800 viewport). Needs a build (npm run build) and bash scripts/e2e/setup.sh once.
exec bash "$(dirname "${BASH_SOURCE[0]}")/run.sh" --layers ui --screenshots "$@"

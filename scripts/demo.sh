#!/usr/bin/env bash
# The main job: installs what is missing, builds, and runs the demo over the
# bundled corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh release >/dev/null
exec build/claimtrace demo "$@"

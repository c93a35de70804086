#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds a release and an
# ASan+UBSan tree, and runs every test in both, against SQLite and a scratch
# PostgreSQL server. Scores against ../shared
# (optional, informative) when that folder is present.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
for kind in release asan; do
  echo "== build ($kind)"
  scripts/build.sh "$kind"
done
# A throwaway PostgreSQL server on loopback, so that the store tests run on both backends.
if read -r pg_url pg_dir < <(scripts/pg_scratch.sh); then
  export CLAIMTRACE_TEST_PG=$pg_url
  trap 'scripts/pg_scratch.sh stop "$pg_dir"' EXIT
  echo "== PostgreSQL for the tests at $pg_url"
else
  echo "== PostgreSQL could not be started (set CLAIMTRACE_NO_PG=1 to run without it)" >&2
  [ -n "${CLAIMTRACE_NO_PG:-}" ] || exit 1
fi
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
echo "== tests (release)"
ctest --test-dir build --output-on-failure
echo "== tests (asan+ubsan)"
ctest --test-dir build-asan --output-on-failure
if [ -d ../shared/eval ] && [ -z "${CLAIMTRACE_SKIP_SCORES:-}" ]; then
  echo "== scores against ../shared (information, not a gate)"
  python3 ../shared/tools/score_extract.py ../shared/eval/seed/gold.json --bin build/claimtrace 2>&1 | tail -n 1 || true
fi

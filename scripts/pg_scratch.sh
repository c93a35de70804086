#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1 for the test run and prints
# its URL; `scripts/pg_scratch.sh stop DIR` stops it and removes DIR.
# Uses Debian's postgresql binaries; as root, the server runs as 'postgres'.
set -euo pipefail
if [ "${1:-}" = "stop" ]; then
  dir=${2:?}
  runas=""; [ "$(id -u)" -eq 0 ] && runas="runuser -u postgres --"
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  $runas "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  exit 0
fi
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || { echo "pg_scratch: PostgreSQL server binaries not found" >&2; exit 1; }
dir=$(mktemp -d /tmp/claimtrace-pg.XXXXXX)
port=${CLAIMTRACE_PG_PORT:-$((20000 + RANDOM % 20000))}
runas=""
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$dir"
  runas="runuser -u postgres --"
fi
$runas "$bin/initdb" -D "$dir/data" -U claimtrace --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
$runas "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" start >/dev/null
echo "postgresql://claimtrace@127.0.0.1:$port/postgres $dir"

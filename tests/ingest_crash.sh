#!/usr/bin/env bash
# Ingest is idempotent and crash-safe: ingesting twice adds nothing, and an
# ingest killed with -9 half way, then run again, gives the same database as
# a clean run. Usage: ingest_crash.sh BIN CORPUS_DIR [postgresql://URL]
# The corpus is grown to a few thousand distinct documents (each article again
# under a numbered dateline) so that the kill lands half way.
set -uo pipefail
bin=${1:?usage: ingest_crash.sh BIN CORPUS_DIR [PG_URL]}
corpus=${2:?}
pg=${3:-}
if [ "$pg" = "from-env" ]; then
  pg=${CLAIMTRACE_TEST_PG:-}
  [ -n "$pg" ] || { echo "ingest_crash: no CLAIMTRACE_TEST_PG, PostgreSQL run skipped"; exit 77; }
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
passes=0
check() { local name=$1; shift; if "$@"; then passes=$((passes + 1)); else echo "FAIL: $name"; failures=$((failures + 1)); fi; }

fresh_db() {  # fresh_db NAME -> a store target nobody has used
  if [ -z "$pg" ]; then echo "$work/$1.db"; return; fi
  psql -q "$pg" -c "DROP DATABASE IF EXISTS ct_$1" -c "CREATE DATABASE ct_$1" >/dev/null 2>&1
  echo "${pg%/*}/ct_$1"
}
snapshot() {  # the content that must match, without ingestion times
  "$bin" stats --db "$1" --format json | python3 -c "import json,sys; d=json.load(sys.stdin); print(json.dumps(d, sort_keys=True))"
  "$bin" query --db "$1" --format jsonl | sort
  "$bin" clusters --db "$1" --format json
}
documents_in() { "$bin" stats --db "$1" --format json 2>/dev/null | python3 -c "import json,sys; print(json.load(sys.stdin)['documents'])" 2>/dev/null || echo 0; }

python3 - "$corpus" "$work/corpus.jsonl" <<'PY'
import json, pathlib, sys
articles = []
for f in sorted(pathlib.Path(sys.argv[1]).glob("*.jsonl")):
    articles += [json.loads(l) for l in f.open(encoding="utf-8") if l.strip()]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for i in range(4000):
        a = dict(articles[i % len(articles)])
        a["id"] = f"{a['id']}-{i}"
        a["text"] = f"Dispatch {i}.\n\n{a['text']}"
        out.write(json.dumps(a, ensure_ascii=False) + "\n")
PY
corpus="$work/corpus.jsonl"
clean=$(fresh_db clean)
"$bin" ingest --quiet --db "$clean" "$corpus" > "$work/clean.txt" || { echo "FAIL: clean ingest"; exit 1; }
total=$(documents_in "$clean")
check "clean ingest stored documents" test "$total" -gt 100
snapshot "$clean" > "$work/clean.snap"

"$bin" ingest --quiet --db "$clean" "$corpus" > "$work/again.txt"
check "second ingest adds nothing" grep -q ": 0 added, $total already present, 0 failed" "$work/again.txt"
check "clean ingest reported every document added" grep -q ": $total added, 0 already present, 0 failed" "$work/clean.txt"
snapshot "$clean" > "$work/again.snap"
check "second ingest changes nothing" cmp -s "$work/clean.snap" "$work/again.snap"

crash=$(fresh_db crash)
killed_at=0
for attempt in 1 2 3; do
  "$bin" ingest --quiet --batch 16 --db "$crash" "$corpus" > /dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 2000); do
    n=$(documents_in "$crash")
    if [ "$n" -gt 0 ]; then break; fi
    sleep 0.02
  done
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  killed_at=$(documents_in "$crash")
  [ "$killed_at" -lt "$total" ] && break
  crash=$(fresh_db "crash$attempt")
done
check "killed half way ($killed_at of $total stored)" test "$killed_at" -gt 0 -a "$killed_at" -lt "$total"
"$bin" ingest --quiet --db "$crash" "$corpus" > "$work/resume.txt"
check "resume adds the rest" grep -q ": $((total - killed_at)) added, $killed_at already present, 0 failed" "$work/resume.txt"
snapshot "$crash" > "$work/crash.snap"
check "killed and resumed equals clean" cmp -s "$work/clean.snap" "$work/crash.snap"
if ! cmp -s "$work/clean.snap" "$work/crash.snap"; then diff "$work/clean.snap" "$work/crash.snap" | head -20; fi

echo "ingest_crash${pg:+ (postgresql)}: $passes passed, $failures failed"
[ "$failures" -eq 0 ]

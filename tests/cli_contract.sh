#!/usr/bin/env bash
# The command-line contract (CONTRACT.md) through the real binary: formats,
# exit codes, and bad inputs that must be reported while good ones go on.
set -uo pipefail
bin=${1:?usage: cli_contract.sh path/to/claimtrace}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
passes=0
check() {  # check NAME COMMAND...: the command must succeed
  local name=$1; shift
  if "$@"; then passes=$((passes + 1)); else echo "FAIL: $name"; failures=$((failures + 1)); fi
}

seed="$here/../data/demo/seed-article.txt"

# --- bad inputs, all in one call with good files -------------------------
mkdir "$work/folder"
: > "$work/empty.txt"
printf 'abc\0def\0\1\2\3' > "$work/binary.bin"
printf 'Caf\xe9 de Paris\xff et la Cor\xc3\xa9e.\n' > "$work/invalid.txt"
python3 -c "import sys; sys.stdout.write('a' * (50 * 1024 * 1024))" > "$work/huge.txt"
printf '%s\n' '{"id":"good1","lang":"en","text":"Russia said 300 soldiers were killed."}' \
  '{"id":"bad", "text": ' '{"id":"good2","lang":"fr","text":"La Russie a annoncé 300 morts."}' > "$work/mixed.jsonl"
printf '<html><head><title>Nothing</title></head></html>' > "$work/nobody.html"
cat > "$work/page.html" <<'HTML'
<html><head><title>Site | Story</title><meta property="og:title" content="Troops sent to Kursk">
<meta property="article:published_time" content="2025-07-03T08:00:00Z"></head>
<body><nav>Home News Sport</nav><script>var x = 1;</script>
<article><h1>Troops sent to Kursk</h1><p>North Korea sent 11,000 troops to Russia, according to Ukrainian intelligence.</p>
<p>The deployment began in late 2024, officials said.</p></article><footer>Copyright</footer></body></html>
HTML

"$bin" extract --lang auto "$seed" "$work/missing.txt" "$work/folder" "$work/empty.txt" "$work/binary.bin" \
  "$work/invalid.txt" "$work/huge.txt" "$work/mixed.jsonl" "$work/nobody.html" "$work/page.html" \
  > "$work/out.json" 2> "$work/err.txt"
status=$?
check "bad inputs exit 1" test "$status" -eq 1
for input in missing.txt folder empty.txt binary.bin huge.txt mixed.jsonl:2 nobody.html; do
  check "error names $input" grep -q "$work/$input" "$work/err.txt"
done
check "invalid UTF-8 repaired with a warning" grep -q "invalid.txt: 2 invalid UTF-8" "$work/err.txt"
python3 - "$work/out.json" <<'PY' || { echo "FAIL: good documents in output"; failures=$((failures + 1)); }
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
dec = json.JSONDecoder(); docs = []; i = 0
while i < len(text):
    while i < len(text) and text[i].isspace(): i += 1
    if i >= len(text): break
    d, i = dec.raw_decode(text, i); docs.append(d)
ids = [d["id"] for d in docs]
assert len(docs) == 5, ids
seed = docs[0]
assert seed["lang"] == "fr" and seed["title"].startswith("Guerre en Ukraine"), seed["title"]
assert "good1" in ids and "good2" in ids
page = [d for d in docs if d["title"] == "Troops sent to Kursk"][0]
assert page["published"] == "2025-07-03" and page["lang"] == "en"
for d in docs:
    for key in ("entities", "quantities", "times", "claims"): assert isinstance(d[key], list)
PY
passes=$((passes + 1))

# --- jsonl format gives error records --------------------------------------
"$bin" extract --format jsonl "$work/mixed.jsonl" > "$work/out.jsonl" 2>/dev/null
check "jsonl exit 1" test $? -eq 1
check "jsonl error record" grep -q '"error":"malformed JSON line"' "$work/out.jsonl"
check "jsonl one line per document" test "$(wc -l < "$work/out.jsonl")" -eq 3
# Analysis on several threads keeps the input order and the same bytes.
"$bin" extract --threads 1 --format jsonl "$seed" "$work/mixed.jsonl" "$work/page.html" > "$work/t1.jsonl" 2>/dev/null
"$bin" extract --threads 3 --format jsonl "$seed" "$work/mixed.jsonl" "$work/page.html" > "$work/t3.jsonl" 2>/dev/null
check "--threads: same output in the same order" cmp -s "$work/t1.jsonl" "$work/t3.jsonl"

# --- token files (CoNLL/BIO) --------------------------------------------------
printf '%s\n' '-DOCSTART- -X- -X- O' '' 'Kyiv NNP B-NP B-LOC' 'said VBD B-VP O' '40 CD B-NP O' 'trucks NNS I-NP O' \
  'arrived VBD B-VP O' '. . O O' '' '-DOCSTART- -X- -X- O' '' 'Moscow' 'denied VBD B-VP O' 'it PRP B-NP O' '. . O O' \
  > "$work/news.conll"
"$bin" extract --format jsonl "$work/news.conll" > "$work/conll.jsonl" 2> "$work/conll.err"
check "token file bad line exit 1" test $? -eq 1
check "token file bad line named by line" grep -q "news.conll:12: one column" "$work/conll.err"
check "token file: one document per -DOCSTART-, tags not read as words" python3 -c "
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1]) if '\"entities\"' in l]
assert [d['id'] for d in docs] == [sys.argv[2] + '#1', sys.argv[2] + '#2'], [d['id'] for d in docs]
assert docs[0]['quantities'][0]['text'] == '40 trucks', docs[0]['quantities']
assert all(m['text'] != 'O' for d in docs for e in d['entities'] for m in e['mentions'])
" "$work/conll.jsonl" "$work/news.conll"
sed -n 3,8p "$work/news.conll" | "$bin" extract --format jsonl - > "$work/stdin.jsonl" 2>/dev/null
check "token file on stdin is sniffed" grep -q '"id":"<stdin>#1"' "$work/stdin.jsonl"

# --- parse ------------------------------------------------------------------
out=$(echo '{"id":"q","text":"jusqu’à 30 000 soldats"}' | "$bin" parse --dim number)
check "parse answers with the id" python3 -c "import json,sys; d=json.loads(sys.argv[1]); assert d['id']=='q' and isinstance(d['spans'], list)" "$out"
out=$(printf 'plain text line\n{"id": 7, "text": 5}\n\n' | "$bin" parse --dim time 2>/dev/null)
check "parse one answer per line" test "$(printf '%s\n' "$out" | wc -l)" -eq 3
check "parse bad line is an error record" grep -q '"id":7,"error"' <<< "$out"

# --- usage errors -------------------------------------------------------------
"$bin" parse --dim colour < /dev/null > /dev/null 2>&1
check "unknown dim is a usage error" test $? -eq 2
"$bin" extract --published yesterday "$seed" > /dev/null 2>&1
check "bad date is a usage error" test $? -eq 2
"$bin" > /dev/null 2>&1
check "no command is a usage error" test $? -eq 2
for cmd in extract parse demo version; do
  check "$cmd --help" "$bin" "$cmd" --help > /dev/null
done
check "version" grep -q "claimtrace" <<< "$("$bin" version)"

echo "cli_contract: $passes passed, $failures failed"
[ "$failures" -eq 0 ]

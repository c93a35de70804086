#!/usr/bin/env python3
"""Language identification accuracy of `claimtrace extract --lang auto`.

usage: tools/langid_accuracy.py [--bin build/claimtrace] JSONL...

Each JSONL article's own `lang` is the gold; it is removed before the text is
given to claimtrace, which must then detect it. Prints accuracy per gold
language and the confusions. Also scores the first sentence alone (short
inputs are where detectors fail). Standard library only.
"""
import argparse, collections, json, subprocess, sys, tempfile

ap = argparse.ArgumentParser()
ap.add_argument("--bin", default="build/claimtrace")
ap.add_argument("files", nargs="+")
a = ap.parse_args()

gold, rows = {}, []
for f in a.files:
    for i, line in enumerate(open(f, encoding="utf-8")):
        if not line.strip():
            continue
        d = json.loads(line)
        if d.get("lang") not in ("fr", "en"):
            continue
        key = f"{f}:{i}"
        gold[key] = d["lang"]
        # The first sentence of eight words or more (datelines are shorter).
        sentences = [x for x in d["text"].replace("\n", " ").split(". ") if len(x.split()) >= 8]
        first = (sentences[0] if sentences else d["text"])[:200]
        rows.append({"id": key, "text": d["text"]})
        rows.append({"id": key + "#first", "text": first})

with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as tmp:
    for r in rows:
        tmp.write(json.dumps(r, ensure_ascii=False) + "\n")
out = subprocess.run([a.bin, "extract", "--lang", "auto", "--format", "jsonl", tmp.name],
                     capture_output=True, text=True).stdout
stats = {"doc": collections.Counter(), "first": collections.Counter()}
totals = {"doc": collections.Counter(), "first": collections.Counter()}
confusions = collections.Counter()
for line in out.splitlines():
    d = json.loads(line)
    if "error" in d:
        continue
    key = d["id"]
    part = "first" if key.endswith("#first") else "doc"
    g = gold[key.split("#")[0]]
    totals[part][g] += 1
    if d["lang"] == g:
        stats[part][g] += 1
    else:
        confusions[(part, g, d["lang"])] += 1
for part in ("doc", "first"):
    for g in sorted(totals[part]):
        n = totals[part][g]
        print(f"{part:5} {g}: {stats[part][g]}/{n} = {100.0 * stats[part][g] / n:.1f}%")
for (part, g, p), n in confusions.most_common(10):
    print(f"  confusion {part} {g} -> {p}: {n}")

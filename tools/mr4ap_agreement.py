#!/usr/bin/env python3
"""Agreement of claimtrace's certainty with MR4AP's modality/polarity (informational).

usage: python3 tools/mr4ap_agreement.py [--bin build/claimtrace] [DIR]
DIR: shared/corpus/mr4ap-wikinews-fr (articles.jsonl + annotations.jsonl).

MR4AP marks predicates with modality (uncertainty, obligation, wish...) and
polarity (negative). Per annotated sentence, the gold reading is "uncertain"
when a predicate in it has modality uncertainty, "negative" for negative
polarity, else "plain". Ours is the weakest certainty of the claims whose
evidence lies in the sentence, or "no claim". Prints the confusion table and
the agreement on the sentences where both sides say something.
"""
import argparse, collections, json, re, subprocess

ap = argparse.ArgumentParser()
ap.add_argument("dir", nargs="?", default="../shared/corpus/mr4ap-wikinews-fr")
ap.add_argument("--bin", default="build/claimtrace")
a = ap.parse_args()
arts = {json.loads(l)["id"]: json.loads(l) for l in open(f"{a.dir}/articles.jsonl", encoding="utf-8")}
SEP = re.compile(r"\n\* \* \*[ *]*\n")
gold = {}  # article id -> list of (sentence text, label)
for line in open(f"{a.dir}/annotations.jsonl", encoding="utf-8"):
    d = json.loads(line)
    text = d["text"]
    bounds, pos = [], 0
    for part in SEP.split(text):
        start = text.find(part, pos)
        bounds.append((start, start + len(part), part.strip()))
        pos = start + len(part)
    labels = ["plain"] * len(bounds)
    nodes = {}
    for blk in d["rdf"].split("###"):
        m = re.search(r"<(http://emvista.com/kb#[^>]+)>", blk)
        if not m:
            continue
        b = re.search(r":has_begin (\d+)", blk)
        nodes[m.group(1)] = int(b.group(1)) if b else None
    for blk in d["rdf"].split("###"):
        kind = re.search(r"rdf:type :(modality|polarity)\b", blk)
        val = re.search(r':has_argumentout "([^"]+)"', blk)
        arg = re.search(r":has_argumentin <([^>]+)>", blk)
        if not (kind and val and arg) or nodes.get(arg.group(1)) is None:
            continue
        begin = nodes[arg.group(1)]
        for i, (s, e, _) in enumerate(bounds):
            if s <= begin < e:
                if val.group(1) == "uncertainty":
                    labels[i] = "uncertain"
                elif val.group(1) == "negative" and labels[i] == "plain":
                    labels[i] = "negative"
    aid = "mr4ap-" + d["id"]
    if aid in arts:
        gold[aid] = [(t, l) for (_, _, t), l in zip(bounds, labels)]

p = subprocess.run([a.bin, "extract", "--format", "jsonl", f"{a.dir}/articles.jsonl"], capture_output=True, text=True)
rank = {"denied": 0, "rumoured": 1, "possible": 2, "probable": 3, "asserted": 4}
table = collections.Counter()
for line in p.stdout.splitlines():
    d = json.loads(line)
    if d["id"] not in gold:
        continue
    body = d.get("title") or ""
    for sent, label in gold[d["id"]]:
        ours = None
        for c in d.get("claims", []):
            ev = c["evidence"]["text"]
            if sent and (sent[:40] in ev or ev[:40] in sent):
                if ours is None or rank[c["certainty"]] < rank[ours]:
                    ours = c["certainty"]
        table[(label, ours or "no claim")] += 1
print("gold \\ ours".ljust(12), *[k.ljust(9) for k in ["asserted", "probable", "possible", "rumoured", "denied", "no claim"]])
for g in ["plain", "uncertain", "negative"]:
    print(g.ljust(12), *[str(table[(g, k)]).ljust(9) for k in ["asserted", "probable", "possible", "rumoured", "denied", "no claim"]])
both = [(g, o) for (g, o), n in table.items() for _ in range(n) if o != "no claim"]
agree = sum(1 for g, o in both if (g == "uncertain") == (o in ("probable", "possible", "rumoured")) and (g != "negative" or o == "denied"))
print(f"mr4ap: {agree}/{len(both)} sentences with a claim agree (hedged <-> uncertainty); "
      f"{sum(n for (g, o), n in table.items() if o == 'no claim')} sentences without a claim")

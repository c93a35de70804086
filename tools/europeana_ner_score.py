#!/usr/bin/env python3
"""Precision/recall of `claimtrace parse --dim entity` on the Europeana
Newspapers French NER gold (PER/LOC/ORG, IOB1 tokens, OCRed 1870-1939 press).

usage: python3 tools/europeana_ner_score.py [--bin build/claimtrace]
           [--bio ../shared/corpus/europeana-ner-fr/enp_FR.bnf.bio] [--chunk 400] [--errors N]

Text is rebuilt from the tokens (no space before , . ; : ) and after ( or an
elided l' d' qu'), cut into chunks of about --chunk tokens at sentence ends,
and run through `parse --dim entity --lang fr` in one process. Gold entities
are runs of one I-XXX tag (IOB1 without B- tags, so adjacent entities of one
type merge). Predicted mentions map PERSON -> PER, COUNTRY/GPE/LOC -> LOC,
ORG -> ORG; demonyms ("français") and descriptive mentions ("le journal")
are not names in this gold and are left out. Scores: exact (same span and
type) and overlap (the spans share a character and the type agrees), micro
over the corpus and per type. Informational: old newsprint with OCR noise,
far from the modern war news the gazetteers are built for.
"""
import argparse, json, subprocess, sys
from collections import Counter

NO_SPACE_BEFORE = {",", ".", ";", ":", ")", "!", "?", "]", "»", "%"}
NO_SPACE_AFTER = {"(", "[", "«"}
TYPE = {"PERSON": "PER", "COUNTRY": "LOC", "GPE": "LOC", "LOC": "LOC", "ORG": "ORG"}


def chunks(path, size):
    toks, tags = [], []
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").rsplit(" ", 1)
        if len(parts) != 2 or not parts[0]:
            continue
        toks.append(parts[0])
        tags.append(parts[1])
        if len(toks) >= size and parts[0] in (".", "!", "?") and parts[1] == "O":
            yield toks, tags
            toks, tags = [], []
    if toks:
        yield toks, tags


def rebuild(toks, tags):
    """Text and gold spans (byte offsets)."""
    out = bytearray()
    gold = []
    cur = None  # (type, start)
    prev = None
    for tok, tag in zip(toks, tags):
        if out and not (tok in NO_SPACE_BEFORE or (prev and (prev in NO_SPACE_AFTER or prev.endswith("'")))):
            out += b" "
        start = len(out)
        out += tok.encode("utf-8")
        typ = tag[2:] if tag.startswith(("I-", "B-")) else None
        if cur and (typ != cur[0] or tag.startswith("B-")):
            gold.append((cur[1], cur[2], cur[0]))
            cur = None
        if typ:
            cur = (typ, cur[1] if cur else start, len(out))
        prev = tok
    if cur:
        gold.append((cur[1], cur[2], cur[0]))
    return out.decode("utf-8"), gold


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/claimtrace")
    ap.add_argument("--bio", default="../shared/corpus/europeana-ner-fr/enp_FR.bnf.bio")
    ap.add_argument("--chunk", type=int, default=400)
    ap.add_argument("--errors", type=int, default=0, help="print N false positives and N misses")
    a = ap.parse_args()
    docs = [rebuild(t, g) for t, g in chunks(a.bio, a.chunk)]
    lines = "".join(json.dumps({"id": str(i), "text": text, "lang": "fr"}) + "\n" for i, (text, _) in enumerate(docs))
    p = subprocess.run([a.bin, "parse", "--dim", "entity", "--lang", "fr"], input=lines, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(f"parse failed: {p.stderr[-500:]}")
    outputs = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
    exact, overlap, npred, ngold = Counter(), Counter(), Counter(), Counter()
    fps, misses = [], []
    for (text, gold), out in zip(docs, outputs):
        b = text.encode("utf-8")
        pred = []
        for s in out.get("spans", []):
            v = s["value"]
            if v.get("demonym") or v.get("descriptive") or v.get("type") not in TYPE:
                continue
            pred.append((s["start"], s["end"], TYPE[v["type"]]))
        for g in gold:
            ngold[g[2]] += 1
        for pr in pred:
            npred[pr[2]] += 1
            if pr in gold:
                exact[pr[2]] += 1
            if any(g[2] == pr[2] and g[0] < pr[1] and pr[0] < g[1] for g in gold):
                overlap[pr[2]] += 1
            elif len(fps) < a.errors:
                fps.append((b[pr[0]:pr[1]].decode("utf-8", "replace"), pr[2]))
        for g in gold:
            if not any(g[2] == pr[2] and g[0] < pr[1] and pr[0] < g[1] for pr in pred) and len(misses) < a.errors:
                misses.append((b[g[0]:g[1]].decode("utf-8", "replace"), g[2]))
    print(f"europeana-ner-fr: {len(docs)} chunks, {sum(ngold.values())} gold entities, {sum(npred.values())} predicted")
    print(f"{'type':5} {'gold':>6} {'pred':>6} {'P':>6} {'R':>6} {'F1':>6} {'P~':>6}   (P~: overlapping a gold entity of that type)")
    for t in ["PER", "LOC", "ORG", "all"]:
        g = sum(ngold.values()) if t == "all" else ngold[t]
        n = sum(npred.values()) if t == "all" else npred[t]
        e = sum(exact.values()) if t == "all" else exact[t]
        o = sum(overlap.values()) if t == "all" else overlap[t]
        def f(p, r):
            return 2 * p * r / (p + r) if p + r else 0
        P, R = (e / n if n else 0), (e / g if g else 0)
        # Overlap recall counts gold entities with an overlapping prediction.
        Po = o / n if n else 0
        print(f"{t:5} {g:6} {n:6} {P:6.3f} {R:6.3f} {f(P, R):6.3f} {Po:6.3f}")
    if a.errors:
        print("false positives:", fps)
        print("misses:", misses)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Checks the attributions claimtrack carries from one sentence to another against PolNeAR.

Usage: attribution_carry.py SPLIT_DIR PRED_DIR
PRED_DIR holds NAME.json from `claimtrack extract --format json`. A claim's attribution is carried
when it was found in another sentence: "It also found …" after "the report said", or a sentence
of a quotation whose speaker is named in another ("… estimate," Holt said). Each carried
attribution is counted as
  agrees        a gold attribution's content covers at least half the claim sentence and its
                source overlaps the carried attribution's source;
  other source  gold content covers the sentence, with another source;
  no gold       no gold attribution's content covers the sentence.
Last line: the share that agrees.
"""
import collections, glob, json, os, sys

from polnear import relations

split, pred = sys.argv[1], sys.argv[2]

def overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))

counts = collections.Counter()
for path in sorted(glob.glob(os.path.join(pred, "*.json"))):
    stem = os.path.basename(path)[:-5]
    anns = sorted(glob.glob(os.path.join(split, "attributions", stem + "_*.ann")))
    if not anns:
        continue
    gold = relations(anns[0])
    extraction = json.load(open(path, encoding="utf-8"))
    attributions = extraction["attributions"]
    for index, claim in enumerate(extraction["claims"]):
        sentence = (claim["start"], claim["end"])
        covering = [g for g in gold if sum(overlap(c, sentence) for c in g["content"]) * 2 >= sentence[1] - sentence[0]]
        for k in claim["attributions"]:
            a = attributions[k]
            if a.get("claim") == index or a.get("stance"):
                continue
            source = (a["source_start"], a["source_end"])
            if any(g["source"] and overlap(g["source"], source) for g in covering):
                counts["agrees"] += 1
            else:
                counts["other source" if covering else "no gold"] += 1
total = sum(counts.values())
for key in ("agrees", "other source", "no gold"):
    print(f"{key:13} {counts[key]:6}")
print(f"carried attributions: {total}, agreeing with PolNeAR: {counts['agrees'] / max(1, total):.3f}")

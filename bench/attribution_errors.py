#!/usr/bin/env python3
"""Lists attribution errors on a PolNeAR split, for developing the rules and the tagger.

Usage: attribution_errors.py SPLIT_DIR PRED_DIR [--key source|cue] [--limit N]
Prints, for the chosen span (source by default), missed gold spans with their cue
and context, spurious predicted spans, and near misses (overlapping but not
exact), most frequent shapes first. Spans are normalised as the shared scorer
does: punctuation at either end does not count.
"""
import collections, glob, json, os, sys

from polnear import relations as gold

split, pred = sys.argv[1], sys.argv[2]
limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else 40
key = sys.argv[sys.argv.index("--key") + 1] if "--key" in sys.argv else "source"

def norm(text, s):
    """The scorer's normalisation: punctuation at either end does not count."""
    a, b = max(0, s[0]), min(len(text), s[1])
    while a < b and not text[a].isalnum(): a += 1
    while b > a and not text[b - 1].isalnum(): b -= 1
    return (a, b)

def overlaps(x, y):
    return x[0] < y[1] and y[0] < x[1]

missed, spurious, near = [], [], []
for txt in sorted(glob.glob(os.path.join(split, "text", "*.txt"))):
    stem = os.path.basename(txt)[:-4]
    anns = sorted(glob.glob(os.path.join(split, "attributions", stem + "_*.ann")))
    pj = os.path.join(pred, stem + ".json")
    if not anns or not os.path.exists(pj):
        continue
    text = open(txt, encoding="utf-8").read()
    g = gold(anns[0])
    p = json.load(open(pj))["attributions"]
    ps = [norm(text, (a[key + "_start"], a[key + "_end"])) for a in p if a.get(key + "_start") is not None]
    gs = [norm(text, x[key]) for x in g if x[key]]
    def ctx(a, b):
        return text[max(0, a - 60):b + 60].replace("\n", " ")
    for x in g:
        if not x[key]:
            continue
        s = norm(text, x[key])
        if s in ps:
            continue
        ov = [q for q in ps if overlaps(q, s)]
        if ov:
            near.append((text[s[0]:s[1]], text[ov[0][0]:ov[0][1]], x["cue_text"] if key == "source" else x["source_text"]))
        else:
            missed.append((x["cue_text"].lower(), x["source_text"], ctx(*s)))
    for a in p:
        if a.get(key + "_start") is None:
            continue
        q = norm(text, (a[key + "_start"], a[key + "_end"]))
        if q not in gs and not any(overlaps(q, s) for s in gs):
            spurious.append((a["cue"].lower(), a["source"], ctx(*q)))

other = "cue" if key == "source" else "source"
print(f"{key}: missed {len(missed)}, near {len(near)}, spurious {len(spurious)}")
print("\nmissed by cue:", collections.Counter(m[0] for m in missed).most_common(25))
print("\nspurious by cue:", collections.Counter(m[0] for m in spurious).most_common(25))
print(f"\nnear misses (gold | predicted | gold {other}):")
for n in near[:limit]:
    print("  ", n)
print("\nmissed examples:")
for m in missed[:limit]:
    print("  ", m)
print("\nspurious examples:")
for m in spurious[:limit]:
    print("  ", m)

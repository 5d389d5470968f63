#!/usr/bin/env python3
"""Lists attribution errors on a PolNeAR split, for developing the rules.

Usage: attribution_errors.py SPLIT_DIR PRED_DIR [--limit N]
Prints missed gold sources (with their cue and sentence), spurious predicted
sources, and near misses (overlapping but not exact), most frequent shapes first.
"""
import collections, glob, json, os, sys

split, pred = sys.argv[1], sys.argv[2]
limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else 40

def gold(path):
    tb, rel = {}, []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("T"):
            tid, mid, text = (line.split("\t") + ["", ""])[:3]
            try:
                kind, rest = mid.split(" ", 1)
                a, b = rest.split(";")[0].split()
                tb[tid] = (kind, int(a), int(b), text)
            except ValueError:
                continue  # a few train annotations are malformed
        elif line.startswith("E"):
            try:
                rel.append(dict(a.split(":") for a in line.split("\t")[1].split()[1:]))
            except (ValueError, IndexError):
                continue
    out = []
    for r in rel:
        c, s = tb.get(r.get("Cue")), tb.get(r.get("Source"))
        if c:
            out.append({"cue": (c[1], c[2]), "cue_text": c[3], "source": (s[1], s[2]) if s else None, "source_text": s[3] if s else None})
    return out

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
    ps = [(a["source_start"], a["source_end"]) for a in p]
    gs = [x["source"] for x in g if x["source"]]
    def ctx(a, b):
        return text[max(0, a - 60):b + 60].replace("\n", " ")
    for x in g:
        s = x["source"]
        if not s or s in ps:
            continue
        ov = [q for q in ps if q[0] < s[1] and s[0] < q[1]]
        if ov:
            near.append((x["source_text"], text[ov[0][0]:ov[0][1]], x["cue_text"]))
        else:
            missed.append((x["cue_text"].lower(), x["source_text"], ctx(*s)))
    for a in p:
        q = (a["source_start"], a["source_end"])
        if q not in gs and not any(q[0] < s[1] and s[0] < q[1] for s in gs):
            spurious.append((a["cue"].lower(), a["source"], ctx(*q)))

print(f"missed {len(missed)}, near {len(near)}, spurious {len(spurious)}")
print("\nmissed by cue:", collections.Counter(m[0] for m in missed).most_common(25))
print("\nspurious by cue:", collections.Counter(m[0] for m in spurious).most_common(25))
print("\nnear misses (gold | predicted | cue):")
for n in near[:limit]:
    print("  ", n)
print("\nmissed examples:")
for m in missed[:limit]:
    print("  ", m)
print("\nspurious examples:")
for m in spurious[:limit]:
    print("  ", m)

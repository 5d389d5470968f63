#!/usr/bin/env python3
"""WiCE dev, honestly: the supported cut-off chosen by 5-fold cross-validation (fixed seed), never on all of dev.

  bench/wice_cv.py WICE.jsonl VERDICTS.jsonl [--seed 17] [--folds 5]

VERDICTS.jsonl is `claimtrack check --batch` output for the pairs of score_wice.py (bench/wice.sh writes both).
For each fold, the cut-off on the verdict's score (for a compound claim: the mean of its parts') that maximises
supported-vs-rest F1 on the other four folds is applied to the held-out fold; the held-out predictions of all
five folds are pooled and scored once. A "contradicted" verdict is never supported, whatever the cut-off.
Also printed: the same with the shipped cut-off (verify.supported, --shipped), and the share of supported claims
whose gold supporting sentence is among the returned passages (evidence recall).
Last line: the cross-validated figure.
"""
import json, random, sys

args = sys.argv[1:]
def opt(name, default):
    if name in args:
        i = args.index(name); v = args[i + 1]; del args[i:i + 2]; return type(default)(v)
    return default
seed, folds, shipped = opt("--seed", 17), opt("--folds", 5), opt("--shipped", 0.7)
wice, verdicts = args[:2]
gold = [json.loads(l) for l in open(wice, encoding="utf-8") if l.strip()]
pred = {r["id"]: r for r in (json.loads(l) for l in open(verdicts, encoding="utf-8") if l.strip())}

# What the verifier does with a compound claim: supported when no part is contradicted or unsupported (every
# part's own verdict says so) and the parts' mean score reaches the cut-off; the claim's score is that mean.
rows = []
for i, g in enumerate(gold):
    r = pred.get(str(i), {})
    parts = r.get("subclaims") or []
    blocked = r.get("verdict") == "contradicted" or any(p["verdict"] in ("contradicted", "unsupported") for p in parts)
    rows.append((g["label"] == "supported", blocked, r.get("score", 0.0)))

def supported(row, cut):
    return (not row[1]) and row[2] >= cut

def f1(items, cut):
    tp = sum(1 for y, *_ in items if y and supported((y, *_), cut))
    fp = sum(1 for r in items if not r[0] and supported(r, cut))
    fn = sum(1 for r in items if r[0] and not supported(r, cut))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

grid = [round(0.30 + 0.01 * k, 2) for k in range(66)]
order = list(range(len(rows)))
random.Random(seed).shuffle(order)
fold_of = {idx: k % folds for k, idx in enumerate(order)}
pooled, cuts = [], []
for f in range(folds):
    train = [rows[i] for i in range(len(rows)) if fold_of[i] != f]
    test = [(i, rows[i]) for i in range(len(rows)) if fold_of[i] == f]
    best = max(grid, key=lambda c: (f1(train, c), -abs(c - shipped)))
    cuts.append(best)
    pooled += [(r[0], supported(r, best)) for _, r in test]
tp = sum(1 for y, p in pooled if y and p); fp = sum(1 for y, p in pooled if not y and p); fn = sum(1 for y, p in pooled if y and not p)
cv = 2 * tp / (2 * tp + fp + fn) if tp else 0.0

hit = total = 0
for i, g in enumerate(gold):
    if g["label"] != "supported":
        continue
    total += 1
    passages = pred.get(str(i), {}).get("passages", [])
    wanted = {g["evidence"][k].strip() for group in g["supporting_sentences"] for k in group}
    if any(p.strip() in wanted or any(w and w in p for w in wanted) for p in passages):
        hit += 1
print(f"cut-offs chosen per fold (seed {seed}): {', '.join(f'{c:.2f}' for c in cuts)}")
print(f"in-sample with the shipped cut-off {shipped:.2f}: supported F1 {f1(rows, shipped):.3f}")
print(f"evidence recall: gold supporting sentence among returned passages for {hit}/{total} supported claims ({hit / max(1, total):.3f})")
print(f"wice {folds}-fold cross-validated supported-vs-rest F1 {cv:.3f} (precision {tp / max(1, tp + fp):.3f}, recall {tp / max(1, tp + fn):.3f}) over {len(rows)} claims")

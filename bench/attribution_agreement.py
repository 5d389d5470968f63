#!/usr/bin/env python3
"""How well PolNeAR's annotators agree with each other: the ceiling for exact-span scores.

Usage: attribution_agreement.py SPLIT_DIR [SPLIT_DIR ...]
For every article annotated by more than one person, each other annotator's
spans are written as a claimtrack.extract/1 prediction and scored against the
first annotator's (the one the shared scorer treats as gold), with the shared
scorer itself. Prints, per split, the scorer's figures pooled over all those
annotator pairs.
"""
import glob, json, os, subprocess, sys, tempfile, collections

from polnear import relations

here = os.path.dirname(os.path.abspath(__file__))
scorer = os.path.join(here, "..", "..", "shared", "bench", "score_attribution.py")

def prediction(path):
    """One annotator's relations as claimtrack.extract/1 attributions."""
    return [{"cue_start": r["cue"][0], "cue_end": r["cue"][1],
             "source_start": r["source"][0] if r["source"] else None,
             "source_end": r["source"][1] if r["source"] else None} for r in relations(path)]

def figure(split, pred):
    run = subprocess.run([sys.executable, scorer, split, pred], capture_output=True, text=True)
    return run.stdout

with tempfile.TemporaryDirectory() as tmp:
    for split in sys.argv[1:]:
        groups = collections.defaultdict(list)
        for ann in sorted(glob.glob(os.path.join(split, "attributions", "*.ann"))):
            groups[os.path.basename(ann).rsplit("_", 1)[0]].append(ann)
        multi = {k: v for k, v in groups.items() if len(v) > 1}
        # one mini split per pairing: gold = first annotator, prediction = the k-th
        pooled = os.path.join(tmp, os.path.basename(split.rstrip("/")) + "-pooled")
        os.makedirs(os.path.join(pooled, "text")); os.makedirs(os.path.join(pooled, "attributions"))
        pred = os.path.join(tmp, os.path.basename(split.rstrip("/")) + "-pred")
        os.makedirs(pred)
        n = 0
        for stem, anns in multi.items():
            text = open(os.path.join(split, "text", stem + ".txt"), encoding="utf-8").read()
            for other in anns[1:]:
                name = f"{stem}-{n}"; n += 1
                open(os.path.join(pooled, "text", name + ".txt"), "w", encoding="utf-8").write(text)
                os.symlink(os.path.abspath(anns[0]), os.path.join(pooled, "attributions", name + "_gold.ann"))
                json.dump({"attributions": prediction(other)}, open(os.path.join(pred, name + ".json"), "w"))
        print(f"{split}: {len(multi)} articles with several annotators, {n} annotator pairs")
        print(figure(pooled, pred))

#!/usr/bin/env python3
"""Lists attribution errors on a PolNeAR split, for developing the rules and the tagger.

Usage: attribution_errors.py SPLIT_DIR PRED_DIR [--key source|cue] [--limit N] [--lexicon TRAIN_DIR]
Prints, for the chosen span (source by default), missed gold spans with their cue
and context, spurious predicted spans, and near misses (overlapping but not
exact), most frequent shapes first. Spans are normalised as the shared scorer
does: punctuation at either end does not count.
With --lexicon, it first splits the gold cues by what training knew of their words:
a word that is part of a cue at least three times in TRAIN_DIR, only words seen in its
text, or a word never seen; and counts each group found exactly, only overlapping, or
missed. It tells lexical gaps (which word lists or word classes could fill) from
cues whose words were known but not their use in this sentence.
"""
import collections, glob, json, os, re, sys

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

WORD = re.compile(r"[A-Za-z]+")
# Words too common in cues to tell anything about what training knew of one.
FUNCTION_WORDS = {"the", "a", "to", "of", "has", "have", "is", "was", "and", "in", "on", "for", "been", "be", "had", "that"}


def first_annotations(split):
    for txt in sorted(glob.glob(os.path.join(split, "text", "*.txt"))):
        stem = os.path.basename(txt)[:-4]
        anns = sorted(glob.glob(os.path.join(split, "attributions", stem + "_*.ann")))
        if anns:
            yield stem, open(txt, encoding="utf-8").read(), gold(anns[0])


def lexicon_groups(train):
    cue_words, text_words = collections.Counter(), set()
    for _, text, relations in first_annotations(train):
        text_words.update(w.lower() for w in WORD.findall(text))
        for r in relations:
            cue_words.update(w.lower() for w in WORD.findall(text[r["cue"][0]:r["cue"][1]]))
    counts = collections.Counter()
    for stem, text, relations in first_annotations(split):
        pj = os.path.join(pred, stem + ".json")
        found = [norm(text, (a["cue_start"], a["cue_end"])) for a in json.load(open(pj))["attributions"]
                 if a.get("cue_start") is not None] if os.path.exists(pj) else []
        for r in relations:
            s = norm(text, r["cue"])
            words = [w.lower() for w in WORD.findall(text[s[0]:s[1]])]
            if not words:
                continue
            if any(cue_words[w] >= 3 for w in words if w not in FUNCTION_WORDS):
                group = "a word of train cues"
            elif all(w in text_words for w in words):
                group = "words of train text"
            else:
                group = "a word unseen in train"
            outcome = "exact" if s in found else ("overlap" if any(overlaps(q, s) for q in found) else "missed")
            counts[group, outcome] += 1
    print("gold cues by what train knew of their words:")
    for group in ("a word of train cues", "words of train text", "a word unseen in train"):
        total = sum(counts[group, o] for o in ("exact", "overlap", "missed"))
        print(f"  {group:24} {total:5} gold: exact {counts[group, 'exact']:5}, only overlapping "
              f"{counts[group, 'overlap']:4}, missed {counts[group, 'missed']:4}")
    print()


if "--lexicon" in sys.argv:
    lexicon_groups(sys.argv[sys.argv.index("--lexicon") + 1])

missed, spurious, near = [], [], []
for stem, text, g in first_annotations(split):
    pj = os.path.join(pred, stem + ".json")
    if not os.path.exists(pj):
        continue
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

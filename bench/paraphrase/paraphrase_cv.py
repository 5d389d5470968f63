#!/usr/bin/env python3
"""Does a sentence encoder (all-MiniLM-L6-v2, numpy forward pass in minilm.py) add to claimtrack's lexical
verifier on WiCE dev? Same 5-fold cross-validation as bench/wice_cv.py.

  python3 paraphrase_cv.py WICE.jsonl PAIRS.jsonl VERDICTS.jsonl MODEL_DIR [--cache emb.npz] [--seeds 20]

Step 1 (cached in --cache): split every page into sentences, encode claim, sentences, candidate windows of
2-3 consecutive sentences around the 5 best sentences, and claimtrack's returned passages.
Step 2: features per claim
  max_cos   max cosine claim <-> page sentence
  win_cos   max cosine claim <-> window of 1..3 consecutive sentences (windows encoded as one text)
  pass_cos  cosine claim <-> claimtrack's returned passages joined into one text
Step 3: pooled 5-fold CV F1 of supported-vs-rest, fold assignment as wice_cv.py (random.Random(seed).shuffle of
the indices, fold = position % folds); in every fold, anything tuned (cut-off, blend weight, regression
weights) is fitted on the other four folds only. A claim claimtrack marks contradicted, or with a subclaim
contradicted/unsupported, is never supported ("blocked"), in every method.
"""
import json, random, re, sys, time

import numpy as np

from minilm import MiniLM

MAX_SENTENCES = 300      # per page, in page order
MIN_CHARS, MIN_WORDS = 15, 3
TOP_FOR_WINDOWS = 5      # windows are built around this many best sentences


def opt(args, name, default):
    if name in args:
        i = args.index(name); v = args[i + 1]; del args[i:i + 2]; return type(default)(v)
    return default


def split_sentences(text):
    """(sentence, line index) pairs: split on newlines (WiCE evidence is one sentence a line), then on . ! ?
    followed by whitespace; drop pieces shorter than MIN_CHARS characters or MIN_WORDS words."""
    out = []
    for li, line in enumerate(text.split("\n")):
        for piece in re.split(r"(?<=[.!?])\s+", line):
            piece = piece.strip()
            if len(piece) >= MIN_CHARS and len(piece.split()) >= MIN_WORDS:
                out.append((piece, li))
    return out[:MAX_SENTENCES]


# ------------------------------------------------------------------ step 1: embeddings and features

def compute_features(pairs, verdicts, model):
    t0 = time.time()
    sents = [split_sentences(p["text"]) for p in pairs]
    claims = model.encode([p["claim"] for p in pairs])
    flat = [s for ss in sents for s, _ in ss]
    S = model.encode(flat) if flat else np.zeros((0, claims.shape[1]), np.float32)
    t_sent = time.time() - t0

    feats, tops, win_texts, win_owner = [], [], [], []
    off = 0
    for i, ss in enumerate(sents):
        E = S[off:off + len(ss)]; off += len(ss)
        cos = E @ claims[i] if len(ss) else np.zeros(0, np.float32)
        order = np.argsort(-cos)
        tops.append([ss[k][1] for k in order[:3]])         # line indices of the 3 best sentences
        feats.append({"max_cos": float(cos.max()) if len(ss) else 0.0})
        # candidate windows: every run of 2 or 3 consecutive sentences containing one of the best sentences
        wins = set()
        for k in order[:TOP_FOR_WINDOWS]:
            for size in (2, 3):
                for start in range(k - size + 1, k + 1):
                    if 0 <= start and start + size <= len(ss):
                        wins.add((start, start + size))
        for a, b in sorted(wins):
            win_texts.append(" ".join(s for s, _ in ss[a:b])); win_owner.append(i)
    t1 = time.time()
    W = model.encode(win_texts) if win_texts else np.zeros((0, claims.shape[1]), np.float32)
    for i, f in enumerate(feats):
        f["win_cos"] = f["max_cos"]
    for j, i in enumerate(win_owner):
        feats[i]["win_cos"] = max(feats[i]["win_cos"], float(W[j] @ claims[i]))
    t_win = time.time() - t1

    t2 = time.time()
    ptexts = [" ".join(verdicts.get(p["id"], {}).get("passages") or []) or "" for p in pairs]
    Pe = model.encode(ptexts)
    for i, f in enumerate(feats):
        f["pass_cos"] = float(Pe[i] @ claims[i]) if ptexts[i] else 0.0
    t_pass = time.time() - t2
    timing = {"sentences_s": t_sent, "windows_s": t_win, "passages_s": t_pass,
              "n_sentences": len(flat), "n_windows": len(win_texts), "n_pairs": len(pairs)}
    return feats, tops, [[li for _, li in ss] for ss in sents], timing


# ------------------------------------------------------------------ step 3: cross-validation

def f1_counts(y, p):
    tp = int(np.sum(y & p)); fp = int(np.sum(~y & p)); fn = int(np.sum(y & ~p))
    return tp, fp, fn


def f1(y, p):
    tp, fp, fn = f1_counts(y, p)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def best_cut(y, s, blocked, grid, prefer=None):
    """Cut-off in grid maximising F1 of (not blocked and s >= cut) on these rows. Ties: nearest to `prefer`
    if given (wice_cv.py prefers the shipped 0.70), else the middle of the tied cut-offs."""
    scores = np.array([f1(y, (~blocked) & (s >= c)) for c in grid])
    tied = [c for c, v in zip(grid, scores) if v == scores.max()]
    if prefer is not None:
        return min(tied, key=lambda c: abs(c - prefer)), scores.max()
    return tied[len(tied) // 2], scores.max()


def logistic_fit(X, y, l2=1e-2, iters=2000, lr=0.5):
    """Plain L2-regularised logistic regression by gradient descent on standardised features."""
    mu, sd = X.mean(0), X.std(0) + 1e-9
    Z = np.hstack([(X - mu) / sd, np.ones((len(X), 1))])
    w = np.zeros(Z.shape[1]); yy = y.astype(float)
    for _ in range(iters):
        p = 1 / (1 + np.exp(-Z @ w))
        g = Z.T @ (p - yy) / len(yy) + l2 * np.r_[w[:-1], 0]
        w -= lr * g
    return lambda Xn: 1 / (1 + np.exp(-(np.hstack([(Xn - mu) / sd, np.ones((len(Xn), 1))]) @ w)))


WICE_GRID = [round(0.30 + 0.01 * k, 2) for k in range(66)]   # wice_cv.py's grid
FULL_GRID = [round(0.01 * k, 2) for k in range(101)]


def method_score(name, tr, y, blocked, F):
    """Return a function giving the held-out scores and the cut-off, all fitted on the rows in tr only."""
    if name == "a":
        s = F["score"]; c, _ = best_cut(y[tr], s[tr], blocked[tr], WICE_GRID, prefer=0.70); return s, c, None
    if name.startswith("b:"):
        s = F[name[2:]]; c, _ = best_cut(y[tr], s[tr], blocked[tr], FULL_GRID); return s, c, None
    if name.startswith("c:"):
        cos = F[name[2:]]; best = None
        for w in [round(0.1 * k, 1) for k in range(11)]:          # ties keep the smaller w (nearer the baseline)
            s = (1 - w) * F["score"] + w * cos
            c, v = best_cut(y[tr], s[tr], blocked[tr], FULL_GRID)
            if best is None or v > best[0]:
                best = (v, w, c)
        _, w, c = best
        return (1 - w) * F["score"] + w * cos, c, w
    if name.startswith("d:"):
        cols = name[2:].split("+")
        X = np.stack([F[k] for k in cols], 1)
        keep = tr & ~blocked                     # blocked claims are never supported: fit on the others
        model = logistic_fit(X[keep], y[keep])
        s = model(X)
        c, _ = best_cut(y[tr], s[tr], blocked[tr], FULL_GRID); return s, c, None
    raise ValueError(name)


def cross_validate(name, y, blocked, F, seed=17, folds=5):
    n = len(y)
    order = list(range(n)); random.Random(seed).shuffle(order)
    fold = np.zeros(n, int)
    for k, idx in enumerate(order):
        fold[idx] = k % folds
    pred = np.zeros(n, bool); chosen = []
    for f in range(folds):
        tr, te = fold != f, fold == f
        s, c, w = method_score(name, tr, y, blocked, F)
        pred[te] = (~blocked[te]) & (s[te] >= c)
        chosen.append((c, w))
    tp, fp, fn = f1_counts(y, pred)
    return {"f1": 2 * tp / (2 * tp + fp + fn) if tp else 0.0, "p": tp / max(1, tp + fp),
            "r": tp / max(1, tp + fn), "chosen": chosen, "pred": pred}


def main():
    args = sys.argv[1:]
    cache, seeds = opt(args, "--cache", "emb_features.json"), opt(args, "--seeds", 20)
    wice, pairs_path, verdicts_path, model_dir = args[:4]
    gold = [json.loads(l) for l in open(wice, encoding="utf-8") if l.strip()]
    pairs = [json.loads(l) for l in open(pairs_path, encoding="utf-8") if l.strip()]
    verdicts = {r["id"]: r for r in (json.loads(l) for l in open(verdicts_path, encoding="utf-8") if l.strip())}
    assert [p["id"] for p in pairs] == [str(i) for i in range(len(gold))]

    try:
        saved = json.load(open(cache))
        print(f"features from cache {cache}")
    except (OSError, ValueError):
        model = MiniLM(model_dir)
        feats, tops, lines, timing = compute_features(pairs, verdicts, model)
        saved = {"feats": feats, "tops": tops, "lines": lines, "timing": timing}
        json.dump(saved, open(cache, "w"))
    feats, tops, lines, timing = saved["feats"], saved["tops"], saved["lines"], saved["timing"]

    y = np.array([g["label"] == "supported" for g in gold])
    blocked = np.zeros(len(gold), bool); score = np.zeros(len(gold))
    for i in range(len(gold)):
        r = verdicts.get(str(i), {})
        parts = r.get("subclaims") or []
        blocked[i] = r.get("verdict") == "contradicted" or any(p["verdict"] in ("contradicted", "unsupported") for p in parts)
        score[i] = r.get("score", 0.0)
    F = {"score": score}
    for k in ("max_cos", "win_cos", "pass_cos"):
        F[k] = np.array([f[k] for f in feats])

    methods = [("a", "a  claimtrack score alone"),
               ("b:max_cos", "b  max sentence cosine alone"),
               ("b:win_cos", "b  best 1-3 sentence window cosine alone"),
               ("b:pass_cos", "b  cosine to claimtrack's passages alone"),
               ("c:max_cos", "c  blend score + max_cos"),
               ("c:win_cos", "c  blend score + win_cos"),
               ("c:pass_cos", "c  blend score + pass_cos"),
               ("d:score+max_cos", "d  logreg score, max_cos"),
               ("d:score+win_cos+pass_cos", "d  logreg score, win_cos, pass_cos")]
    base = cross_validate("a", y, blocked, F)
    print(f"{'method':44s} {'F1':>6s} {'P':>6s} {'R':>6s} {'gain':>7s}  chosen per fold (cut, w)   "
          f"| mean F1 / gain over {seeds} seeds, gain>=.02 in")
    for key, label in methods:
        r = cross_validate(key, y, blocked, F)
        chosen = " ".join(f"{c:.2f}" + (f"/{w:.1f}" if w is not None else "") for c, w in r["chosen"])
        # robustness: the same method over other fold assignments (seeds 0..seeds-1), paired with the baseline
        gains, fs = [], []
        for sd in range(seeds):
            rs, rb = cross_validate(key, y, blocked, F, seed=sd), cross_validate("a", y, blocked, F, seed=sd)
            fs.append(rs["f1"]); gains.append(rs["f1"] - rb["f1"])
        print(f"{label:44s} {r['f1']:6.3f} {r['p']:6.3f} {r['r']:6.3f} {r['f1'] - base['f1']:+7.3f}  {chosen:26s}"
              f"| {np.mean(fs):.3f} / {np.mean(gains):+.3f}, {sum(g >= 0.02 for g in gains)}/{seeds}")

    # paired bootstrap over claims of the seed-17 held-out predictions: how noisy is a gain on 349 claims?
    rng = np.random.default_rng(0)
    for key in ("c:max_cos", "c:win_cos", "c:pass_cos", "d:score+win_cos+pass_cos"):
        pm = cross_validate(key, y, blocked, F)["pred"]; pb = base["pred"]
        d = []
        for _ in range(2000):
            ix = rng.integers(0, len(y), len(y))
            d.append(f1(y[ix], pm[ix]) - f1(y[ix], pb[ix]))
        lo, hi = np.percentile(d, [2.5, 97.5])
        print(f"bootstrap 95% interval of the gain, {key:26s}: [{lo:+.3f}, {hi:+.3f}]")

    # evidence recall: gold supporting sentence (line) among the 3 sentences ranked best by cosine
    hit = total = beyond = 0
    for i, g in enumerate(gold):
        if g["label"] != "supported":
            continue
        total += 1
        wanted = {k for group in g["supporting_sentences"] for k in group}
        if set(tops[i]) & wanted:
            hit += 1
        if not (set(lines[i]) & wanted):
            beyond += 1
    print(f"evidence recall (cosine top 3): {hit}/{total} = {hit / total:.3f}  "
          f"(supported claims with no gold line among the encoded sentences: {beyond})")
    n = timing["n_pairs"]; tot = timing["sentences_s"] + timing["windows_s"] + timing["passages_s"]
    print(f"encoder time: {timing['n_sentences']} sentences {timing['sentences_s']:.1f}s, {timing['n_windows']} windows "
          f"{timing['windows_s']:.1f}s, passages {timing['passages_s']:.1f}s; total {tot:.1f}s = {tot / n:.3f}s per pair, "
          f"~{tot / n * 1000 / 60:.1f} min per 1,000 pairs; sentences only {timing['sentences_s'] / n:.3f}s per pair")


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# WiCE dev (see ../shared/bench/README.md): `claimtrack check --batch` scored with the shared scorer,
# plus the share of supported claims for which a gold supporting sentence is among the returned passages,
# then the cross-validated figure (bench/wice_cv.py).
# Usage: bench/wice.sh [WICE.jsonl]     (default ../shared/bench/wice/claims-dev.jsonl)
set -euo pipefail
cd "$(dirname "$0")/.."
wice=${1:-../shared/bench/wice/claims-dev.jsonl}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release >/dev/null
bin=$(swift build -c release --show-bin-path)/claimtrack
python3 ../shared/bench/score_wice.py pairs "$wice" "$work/pairs.jsonl"
start=$(date +%s.%N)
"$bin" check --batch "$work/pairs.jsonl" --config pipeline.yml > "$work/verdicts.jsonl"
end=$(date +%s.%N)
echo "checked $(wc -l < "$work/verdicts.jsonl") pairs in $(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}') s"
python3 - "$wice" "$work/verdicts.jsonl" <<'PY'
import json, sys
gold = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
pred = {r["id"]: r for r in (json.loads(l) for l in open(sys.argv[2], encoding="utf-8") if l.strip())}
hit = total = 0
for i, g in enumerate(gold):
    if g["label"] != "supported":
        continue
    total += 1
    passages = pred.get(str(i), {}).get("passages", [])
    wanted = {g["evidence"][k].strip() for group in g["supporting_sentences"] for k in group}
    if any(p.strip() in wanted or any(w and w in p for w in wanted) for p in passages):
        hit += 1
print(f"gold supporting sentence among returned passages: {hit}/{total} supported claims ({100 * hit / max(1, total):.1f}%)")
PY
python3 ../shared/bench/score_wice.py score "$wice" "$work/verdicts.jsonl"
# The figure to quote: the supported cut-off chosen by 5-fold cross-validation (fixed seed), not on all of dev.
python3 bench/wice_cv.py "$wice" "$work/verdicts.jsonl" --shipped "$(awk '/^verify:/ {v = 1} v && $1 == "supported:" {print $2; exit}' pipeline.yml)"

#!/usr/bin/env bash
# WiCE dev (see ../shared/bench/README.md): `claimtrack check --batch` scored with the shared scorer,
# then bench/wice_cv.py: the share of supported claims for which a gold supporting sentence is among
# the returned passages, and the cross-validated figure.
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
python3 ../shared/bench/score_wice.py score "$wice" "$work/verdicts.jsonl"
# The figure to quote: the supported cut-off chosen by 5-fold cross-validation (fixed seed), not on all of dev.
python3 bench/wice_cv.py "$wice" "$work/verdicts.jsonl" --shipped "$(awk '/^verify:/ {v = 1} v && $1 == "supported:" {print $2; exit}' pipeline.yml)"

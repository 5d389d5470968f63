#!/usr/bin/env bash
# Attribution extraction on PolNeAR (see ../shared/bench/README.md).
# Usage: bench/attribution.sh [SPLIT_DIR]   (default ../shared/bench/polnear/dev)
# Extracts every article with `claimtrack extract --format json` and scores
# source and cue spans with the shared scorer; the last line is the figure.
set -euo pipefail
cd "$(dirname "$0")/.."
split=${1:-../shared/bench/polnear/dev}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
swift build -c release >/dev/null
bin=$(swift build -c release --show-bin-path)/claimtrack
start=$(date +%s.%N)
"$bin" extract "$split"/text/*.txt --format json --output-dir "$out" >/dev/null
end=$(date +%s.%N)
echo "extracted $(ls "$out" | wc -l) articles in $(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}') s"
python3 ../shared/bench/score_attribution.py "$split" "$out"

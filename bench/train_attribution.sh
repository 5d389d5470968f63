#!/usr/bin/env bash
# Trains the attribution tagger on PolNeAR's train split and writes
# Sources/ClaimTrackCore/Extract/AttributionModelData.swift (see AttributionTagger.swift).
# Usage: bench/train_attribution.sh [TRAIN_DIR] [EPOCHS] [THRESHOLD] [RUNS]
#   TRAIN_DIR default ../shared/bench/polnear/train; EPOCHS default 16; THRESHOLD default 3.0;
#   RUNS default 4: perceptrons trained on differently shuffled orders, two at a time, averaged
# Then bench/attribution.sh scores the new model on dev. Deterministic: the same data gives the same file.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
train=$(cd "${1:-../shared/bench/polnear/train}" && pwd)
epochs=${2:-16}
threshold=${3:-3.0}
runs=${4:-4}
work=${TRAIN_WORK:-/tmp/claimtrack-train}
mkdir -p "$work"
ln -sfn "$repo" "$work/claimtrack"
rm -rf "$work/model" && mkdir -p "$work/model" && cp -r bench/attribution-model/Package.swift bench/attribution-model/Sources "$work/model/"
(cd "$work/model" && swift build -c release --scratch-path "$work/build" >/dev/null)
"$work/build/release/train-attribution" "$train" "$repo/Sources/ClaimTrackCore/Extract/AttributionModelData.swift" "$epochs" "$threshold" "$runs"

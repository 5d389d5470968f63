#!/usr/bin/env bash
# Fuzzes the readers of untrusted text with libFuzzer (AddressSanitizer on), each target for a while.
# Usage: bench/fuzz.sh [SECONDS_PER_TARGET] [TARGET ...]   (default 600 s; html markdown sentences attribution)
# Crashing inputs are copied to fixtures/fuzz/TARGET/ to become regression inputs (FuzzRegressionTests).
# Prints the executions per target. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(html markdown sentences attribution)
work=${FUZZ_WORK:-/tmp/claimtrack-fuzz}
mkdir -p "$work"
ln -sfn "$repo" "$work/claimtrack"
rm -rf "$work/fuzz" && mkdir -p "$work/fuzz" && cp -r bench/fuzz/Package.swift bench/fuzz/Sources "$work/fuzz/"
(cd "$work/fuzz" && swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --scratch-path "$work/build" >/dev/null)
bin="$work/build/release/claimtrack-fuzz"
for target in "${targets[@]}"; do
  corpus="$work/corpus-$target"
  mkdir -p "$corpus" "$work/crashes-$target"
  # Seed corpus: the fixtures of that kind.
  case "$target" in
    html) cp fixtures/extract/formats/*.html fixtures/newsroom/articles/*.html "$corpus/" 2>/dev/null || true ;;
    markdown) cp fixtures/extract/formats/*.md fixtures/newsroom/articles/*.md "$corpus/" 2>/dev/null || true ;;
    *) cp fixtures/extract/patterns/*.txt seeds/*.txt "$corpus/" 2>/dev/null || true ;;
  esac
  CLAIMTRACK_FUZZ_TARGET=$target "$bin" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=4096 \
    -artifact_prefix="$work/crashes-$target/" > "$work/$target.log" 2>&1 || true
  execs=$(grep -o "stat::number_of_executed_units: *[0-9]*" "$work/$target.log" | grep -o "[0-9]*$" || true)
  [ -n "$execs" ] || execs=$(grep -oE "#[0-9]+" "$work/$target.log" | tail -1 | tr -d '#')
  crashes=$(ls "$work/crashes-$target" | wc -l)
  echo "$target: $execs executions in ${seconds}s, $crashes crashing inputs"
  if [ "$crashes" -gt 0 ]; then
    mkdir -p "fixtures/fuzz/$target" && cp "$work/crashes-$target"/* "fixtures/fuzz/$target/"
  fi
done

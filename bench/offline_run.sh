#!/usr/bin/env bash
# Offline throughput, peak memory and the unchanged rerun over generated articles.
#
# Usage: bench/offline_run.sh [COUNT] [REPEATS]     (defaults 10000 and 3)
# Builds claimtrack in release mode, generates COUNT articles of ~2.5 KB
# outside the repository, then REPEATS times: a first run on a fresh ledger
# and an unchanged second run, each measured with /usr/bin/time (wall
# seconds, peak RSS). A peer measured in the same run: sha256sum over the
# same files (the cost of just reading and hashing them). Prints medians.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
repeats=${2:-3}
work=${BENCH_DIR:-/tmp/claimtrack-bench}/$count
swift build -c release >/dev/null
bin=$(swift build -c release --show-bin-path)/claimtrack
if [ ! -d "$work/articles" ]; then
  python3 bench/generate_articles.py "$count" "$work/articles"
fi
bytes=$(du -sb "$work/articles" | cut -f1)
echo "articles: $count in $work/articles ($((bytes / 1024)) KB), $(nproc) cores"
measure() {  # prints "seconds peak_kb"
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || { cat "$work/stderr.txt"; exit 1; }
  cat "$work/time.txt"
}
first=(); rerun=(); mem=(); remem=(); peer=()
for ((k = 0; k < repeats; k++)); do
  rm -f "$work/ledger.json" "$work/ledger.json.lock"
  read -r s m < <(measure "$bin" run "$work/articles" --offline --quiet --ledger "$work/ledger.json")
  first+=("$s"); mem+=("$m")
  read -r s m < <(measure "$bin" run "$work/articles" --offline --quiet --ledger "$work/ledger.json")
  rerun+=("$s"); remem+=("$m")
  read -r s m < <(measure sh -c "find '$work/articles' -type f -print0 | xargs -0 sha256sum")
  peer+=("$s")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
f=$(median "${first[@]}"); r=$(median "${rerun[@]}"); p=$(median "${peer[@]}")
echo "first run:      median ${f}s  ($(awk -v n="$count" -v s="$f" 'BEGIN {printf "%.0f", n / s}') articles/s), runs: ${first[*]}"
echo "peak memory:    median $(( $(median "${mem[@]}") / 1024 )) MB (first run), $(( $(median "${remem[@]}") / 1024 )) MB (rerun)"
echo "unchanged rerun: median ${r}s, runs: ${rerun[*]}"
echo "peer sha256sum: median ${p}s; first run / peer = $(awk -v a="$f" -v b="$p" 'BEGIN {printf "%.1f", a / b}')x"
echo "ledger: $(( $(stat -c %s "$work/ledger.json") / 1024 )) KB, $(grep -o '"status":"' "$work/ledger.json" | wc -l) status fields"

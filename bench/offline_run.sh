#!/usr/bin/env bash
# Offline throughput, peak memory, the unchanged rerun and `report --format json` over generated articles.
#
# Usage: bench/offline_run.sh [COUNT] [REPEATS]     (defaults 10000 and 3)
#        bench/offline_run.sh scale [REPEATS]        (10,000 then 100,000 articles in one go: the
#                                                     100,000 first run against ten times the 10,000 one)
# Builds claimtrack in release mode, generates COUNT articles of ~2.5 KB
# outside the repository, then REPEATS times: a first run on a fresh ledger,
# an unchanged second run and `report --format json` over the result, each
# measured with /usr/bin/time (wall seconds, peak RSS). A peer measured in
# the same run: sha256sum over the same files (the cost of just reading and
# hashing them). Prints medians.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = scale ]; then
  r=${2:-1}
  small=$("$0" 10000 3 | tee /dev/stderr | awk '/^first run:/ {sub("s", "", $4); print $4}')
  large=$("$0" 100000 "$r" | tee /dev/stderr | awk '/^first run:/ {sub("s", "", $4); print $4}')
  echo "scale: 100,000 first run ${large}s against 10 x ${small}s = $(awk -v a="$large" -v b="$small" 'BEGIN {printf "%.2f", a / (10 * b)}')x (target <= 1.2x)"
  exit 0
fi
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
first=(); rerun=(); mem=(); remem=(); peer=(); report=(); repmem=()
for ((k = 0; k < repeats; k++)); do
  rm -rf "$work/ledger.json" "$work/ledger.json.lock" "$work/ledger.json.d"
  read -r s m < <(measure "$bin" run "$work/articles" --offline --quiet --ledger "$work/ledger.json")
  first+=("$s"); mem+=("$m")
  read -r s m < <(measure "$bin" run "$work/articles" --offline --quiet --ledger "$work/ledger.json")
  rerun+=("$s"); remem+=("$m")
  read -r s m < <(measure "$bin" report --format json --ledger "$work/ledger.json")
  report+=("$s"); repmem+=("$m")
  read -r s m < <(measure sh -c "find '$work/articles' -type f -print0 | xargs -0 sha256sum")
  peer+=("$s")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
f=$(median "${first[@]}"); r=$(median "${rerun[@]}"); p=$(median "${peer[@]}")
echo "first run:      median ${f}s  ($(awk -v n="$count" -v s="$f" 'BEGIN {printf "%.0f", n / s}') articles/s), runs: ${first[*]}"
echo "peak memory:    median $(( $(median "${mem[@]}") / 1024 )) MB (first run), $(( $(median "${remem[@]}") / 1024 )) MB (rerun)"
echo "unchanged rerun: median ${r}s, runs: ${rerun[*]}"
echo "report json:    median $(median "${report[@]}")s, peak $(( $(median "${repmem[@]}") / 1024 )) MB"
echo "peer sha256sum: median ${p}s; first run / peer = $(awk -v a="$f" -v b="$p" 'BEGIN {printf "%.1f", a / b}')x"
echo "ledger: $(du -sk "$work/ledger.json.d" | cut -f1) KB in $(find "$work/ledger.json.d" -type f | wc -l) files, manifest $(( $(stat -c %s "$work/ledger.json") / 1024 )) KB"

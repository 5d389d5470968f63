#!/usr/bin/env bash
# The unchanged rerun alone (issue 19's ≤ 10 s at 100,000 articles): one first run to build the ledger,
# (kept for the next call unless FRESH=1), then REPEATS reruns over the same files, with PEER=BINARY measured alternately in the same loop.
#
# Usage: BIN=... [PEER=...] bench/rerun_run.sh [COUNT] [REPEATS]     (defaults 10000 and 3)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
repeats=${2:-3}
work=${BENCH_DIR:-/tmp/claimtrack-bench}/$count
bin=${BIN:?BIN=BINARY to measure}
[ -d "$work/articles" ] || python3 bench/generate_articles.py "$count" "$work/articles"
measure() { /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || { cat "$work/stderr.txt"; exit 1; }; cat "$work/time.txt"; }
names=(bin); [ -n "${PEER:-}" ] && names+=(peer)
for n in "${names[@]}"; do
  b=$([ "$n" = bin ] && echo "$bin" || echo "$PEER")
  [ -e "$work/rerun-$n.json" ] && [ -z "${FRESH:-}" ] && continue  # FRESH=1 builds the ledgers again
  rm -rf "$work/rerun-$n.json" "$work/rerun-$n.json.lock" "$work/rerun-$n.json.d"
  "$b" run "$work/articles" --offline --quiet --ledger "$work/rerun-$n.json" >/dev/null
done
declare -A times
for ((k = 0; k < repeats; k++)); do
  for n in "${names[@]}"; do
    b=$([ "$n" = bin ] && echo "$bin" || echo "$PEER")
    read -r s m < <(measure "$b" run "$work/articles" --offline --quiet --ledger "$work/rerun-$n.json")
    times[$n]="${times[$n]:-} $s"
  done
done
median() { printf '%s\n' $@ | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "articles: $count, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
for n in "${names[@]}"; do echo "$n unchanged rerun: median $(median ${times[$n]})s, runs:${times[$n]}"; done
[ -n "${PEER:-}" ] && echo "rerun / PEER = $(awk -v a="$(median ${times[bin]})" -v b="$(median ${times[peer]})" 'BEGIN {printf "%.2f", a / b}')x"
exit 0

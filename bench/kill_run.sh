#!/usr/bin/env bash
# Kill safety: KILLS SIGKILLs at random moments of runs over COUNT generated articles, then a full
# run; the ledger must read after every kill, and the end must hold the claims, statuses and
# status sequences of a clean run over the same folder.
#
# Usage: bench/kill_run.sh [COUNT] [KILLS] [MAX_SECONDS]     (defaults 10000, 50 and 20)
# Each kill comes after a random delay of 0.2 to MAX_SECONDS seconds (seeded by $SEED, default 19).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
kills=${2:-50}
max=${3:-20}
work=${BENCH_DIR:-/tmp/claimtrack-bench}/$count
swift build -c release >/dev/null
bin=$(swift build -c release --show-bin-path)/claimtrack
[ -d "$work/articles" ] || python3 bench/generate_articles.py "$count" "$work/articles"
rm -rf "$work"/killed.json* "$work"/clean.json*
RANDOM=${SEED:-19}
unreadable=0; committed=()
for ((k = 1; k <= kills; k++)); do
  delay=$(awk -v r="$RANDOM" -v m="$max" 'BEGIN {printf "%.2f", 0.2 + (m - 0.2) * r / 32767}')
  "$bin" run "$work/articles" --offline --quiet --ledger "$work/killed.json" >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ -e "$work/killed.json" ]; then
    if ! "$bin" report --format json --ledger "$work/killed.json" >"$work/killed-report.json" 2>"$work/err.txt"; then
      unreadable=$((unreadable + 1)); echo "kill $k after ${delay}s: ledger unreadable: $(cat "$work/err.txt")"
    fi
    committed+=("$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["articles"])' "$work/killed-report.json")")
  else
    committed+=(0)
  fi
done
echo "articles in the ledger after each kill: ${committed[*]}"
"$bin" run "$work/articles" --offline --quiet --ledger "$work/killed.json" >/dev/null
"$bin" run "$work/articles" --offline --quiet --ledger "$work/clean.json" >/dev/null
"$bin" report --format json --ledger "$work/killed.json" >"$work/killed-report.json"
"$bin" report --format json --ledger "$work/clean.json" >"$work/clean-report.json"
python3 - "$work/killed-report.json" "$work/clean-report.json" "$unreadable" <<'PY'
import json, sys
def claims(path):
    out = {}
    for a in json.load(open(path))["articles"]:
        for c in a["claims"]:
            out[c["id"]] = (a["path"], c["status"], tuple(h["status"] for h in c["history"]))
    return out
killed, clean = claims(sys.argv[1]), claims(sys.argv[2])
same_ids = set(killed) == set(clean)
diff = [i for i in clean if killed.get(i) != clean[i]]
print(f"claims: {len(killed)} after the kills, {len(clean)} in a clean run; same ids: {same_ids}; "
      f"claims whose article, status or status sequence differ: {len(diff)}; unreadable ledgers: {sys.argv[3]}")
sys.exit(0 if same_ids and not diff and sys.argv[3] == "0" else 1)
PY

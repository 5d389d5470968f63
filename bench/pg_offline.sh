#!/usr/bin/env bash
# The PostgreSQL ledger against the JSON ledger, offline, in the same script (issue 20's targets):
# one worker over COUNT generated articles on each store (first run and unchanged rerun, wall seconds
# and peak RSS), then WORKERS worker processes at once over a fresh database (wall time of the last
# to finish, peak RSS of each, and a check that every article was recorded exactly once).
#
# Usage: bench/pg_offline.sh [COUNT] [WORKERS]     (defaults 10000 and 4; WORKERS 0 skips the many-worker
#        part, JSON=0 skips the JSON peer: `JSON=0 bench/pg_offline.sh 100000 0` is one PostgreSQL worker's
#        peak RSS at 100,000 articles)
# Starts a private PostgreSQL cluster in a temporary folder on 127.0.0.1 (bench/pg_cluster.sh: durable
# settings off as in the tests, PG_DURABLE=1 keeps them) and stops it at the end.
# With BIN=BINARY that build is measured and nothing is built.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
workers=${2:-4}
work=${BENCH_DIR:-/tmp/claimtrack-bench}/$count
if [ -n "${BIN:-}" ]; then bin=$BIN; else
  swift build -c release >/dev/null
  bin=$(swift build -c release --show-bin-path)/claimtrack
fi
[ -d "$work/articles" ] || python3 bench/generate_articles.py "$count" "$work/articles"
source bench/pg_cluster.sh
pg_start
port=$pg_port
measure() {  # prints "seconds peak_kb"
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || { cat "$work/stderr.txt"; exit 1; }
  cat "$work/time.txt"
}
echo "articles: $count in $work/articles, $(nproc) cores, PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on port $port"

js=0; jm=0; jrs=0; jrm=0
if [ "${JSON:-1}" = 1 ]; then
  rm -rf "$work/ledger.json" "$work/ledger.json.lock" "$work/ledger.json.d"
  read -r js jm < <(measure "$bin" run "$work/articles" --offline --quiet --ledger "$work/ledger.json")
  read -r jrs jrm < <(measure "$bin" run "$work/articles" --offline --quiet --ledger "$work/ledger.json")
fi
db -c "CREATE DATABASE one"
url="postgresql://postgres@127.0.0.1:$port/one"
read -r ps pm < <(measure "$bin" run "$work/articles" --offline --quiet --ledger "$url")
read -r prs prm < <(measure "$bin" run "$work/articles" --offline --quiet --ledger "$url")
ratio=$(awk -v a="$ps" -v b="$js" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else printf "n/a (JSON=0)" }')
echo "one worker, first run: JSON ${js}s ${jm} KB, PostgreSQL ${ps}s ${pm} KB = $ratio (target <= 2x)"
echo "one worker, unchanged rerun: JSON ${jrs}s ${jrm} KB, PostgreSQL ${prs}s ${prm} KB"
[ "$workers" -gt 0 ] || exit 0

db -c "CREATE DATABASE many"
url="postgresql://postgres@127.0.0.1:$port/many"
start=$(date +%s.%N)
for ((k = 0; k < workers; k++)); do
  /usr/bin/time -f "%e %M" -o "$work/worker$k.txt" "$bin" run "$work/articles" --offline --quiet --ledger "$url" >/dev/null 2>"$work/worker$k.err" &
done
wait
end=$(date +%s.%N)
peaks=$(for ((k = 0; k < workers; k++)); do awk '{print $2}' "$work/worker$k.txt"; done | sort -n | tr '\n' ' ')
echo "$workers workers at once: $(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}')s wall, peak KB per worker: $peaks"
# Exactly once: every article of the folder has one record, and every claim one history entry (one run).
articles=$(find "$work/articles" -type f | wc -l)
echo "articles in the folder: $articles; runs recorded: $(db -d many -c 'SELECT count(*) FROM runs' 2>/dev/null || echo '?')"
"$bin" report --format json --ledger "$url" > "$work/many.json"
python3 - "$work/many.json" "$articles" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1]))
arts = report["articles"]
paths = [a["path"] for a in arts]
histories = [len(c.get("history", [])) for a in arts for c in a["claims"]]
print(f"report: {len(paths)} articles ({len(set(paths))} distinct, folder {sys.argv[2]}), "
      f"{len(histories)} claims, history entries per claim: max {max(histories, default=0)}")
EOF

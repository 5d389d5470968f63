#!/usr/bin/env bash
# Four workers fetching politely through one PostgreSQL ledger (issue 20's fetch target).
# COUNT generated articles (bench/generate_articles.py), article k citing page k mod PAGES, the pages
# spread over HOSTS hosts (ports of bench/latency_server.py on 127.0.0.1, answering after 50 ms; a
# host is scheme://host:port to the fetcher), per_host 2 and delay_ms DELAY in pipeline.yml; WORKERS
# `claimtrack run` processes at once over one private PostgreSQL (bench/pg_cluster.sh). Measures:
#   - every article recorded exactly once (report: distinct paths = folder, one history entry per claim);
#   - each page asked for once, and the most requests any host was answering at once (the server counts
#     them; per_host must hold across all workers);
#   - the wall time of the last worker against the politeness bound
#     (pages per host x (latency / per_host + delay_ms)), target <= 1.2x,
#     and against the same workers offline over a fresh database (the CPU floor on this machine);
#   - when each phase (articles, pages, verify) started, and each worker's peak RSS.
#
# Usage: bench/pg_fetch.sh [COUNT] [WORKERS]     (defaults 10000 and 4; PAGES=2000 HOSTS=4 DELAY=0
#        OFFLINE=0 skips the offline peer; BIN=BINARY measures that build and builds nothing)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
workers=${2:-4}
pages=${PAGES:-2000}
hosts=${HOSTS:-4}
delay=${DELAY:-0}
latency=50
per_host=2
if [ -n "${BIN:-}" ]; then bin=$BIN; else
  swift build -c release >/dev/null
  bin=$(swift build -c release --show-bin-path)/claimtrack
fi
source bench/pg_cluster.sh
work=$(mktemp -d /tmp/claimtrack-pgfetch.XXXXXX)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null || true; pg_stop; rm -rf "$work"; }
pg_start
trap cleanup EXIT
ports=$(python3 -c "
import socket
socks = [socket.socket() for _ in range($hosts)]
for s in socks: s.bind(('127.0.0.1', 0))
print(','.join(str(s.getsockname()[1]) for s in socks))")
python3 bench/latency_server.py "$ports" "$latency" 3600 "$work/server.json" &
server=$!
python3 bench/generate_articles.py "$count" "$work/articles" >/dev/null
# Article k cites page k mod PAGES (host: page mod HOSTS) and nothing else: its generated links point there too.
python3 - "$work/articles" "$ports" "$pages" <<'PY'
import os, re, sys
root, ports, pages = sys.argv[1], sys.argv[2].split(","), int(sys.argv[3])
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs)
for k, path in enumerate(files):
    page = k % pages
    url = f"http://127.0.0.1:{ports[page % len(ports)]}/p{page}"
    text = re.sub(r"https://(news|stats)\.example/[^)\"\s]*", url, open(path, encoding="utf-8").read())
    line = "The Harbor Authority said cargo rose 9 percent in 2025, according to its annual report"
    if path.endswith(".html"):
        text = text.replace("</body>", f'<p>{line} (<a href="{url}">report</a>).</p></body>', 1)
    elif path.endswith(".md"):
        text += f"\n\n{line} ([report]({url})).\n"
    else:
        text += f"\n\n{line} ({url}).\n"
    open(path, "w", encoding="utf-8").write(text)
PY
articles=$(find "$work/articles" -type f | wc -l)
config() {  # $1: database
  cat > "$work/pipeline-$1.yml" <<CONF
articles: articles
cache: cache-$1
ledger: postgresql://postgres@127.0.0.1:$pg_port/$1
fetch: {concurrency: $((hosts * per_host)), per_host: $per_host, delay_ms: $delay, robots: true, allow_private_addresses: true, retries: 0}
CONF
  db -c "CREATE DATABASE $1"
}
workers_at_once() {  # $1: database, then run options; prints wall seconds
  local name=$1; shift
  local start end
  start=$(date +%s.%N)
  local pids=() failed=0
  for ((k = 0; k < workers; k++)); do
    (cd "$work" && /usr/bin/time -f "%e %M" -o "$work/$name-worker$k.time" "$bin" run --config "pipeline-$name.yml" --quiet "$@" \
       >"$work/$name-worker$k.out" 2>"$work/$name-worker$k.err") &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  end=$(date +%s.%N)
  [ "$failed" = 0 ] || { cat "$work/$name"-worker*.err; exit 1; }
  awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}'
}
peaks() { for ((k = 0; k < workers; k++)); do awk '{printf "%d ", $2 / 1024}' "$work/$1-worker$k.time"; done; }

echo "$articles articles citing $pages pages on $hosts hosts (${latency} ms), $workers workers, per_host $per_host, delay_ms $delay; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${OFFLINE:-1}" = 1 ]; then
  config offline
  off=$(workers_at_once offline --offline)
  echo "offline, $workers workers: ${off}s wall, peak MB per worker: $(peaks offline)"
fi
config fetching
# When each phase starts, as the database says.
(t0=$(date +%s.%N); last=""; while true; do
   p=$(db -d fetching -c "SELECT phase FROM runs ORDER BY id DESC LIMIT 1" 2>/dev/null || true)
   if [ -n "$p" ] && [ "$p" != "$last" ]; then echo "$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')s $p"; last=$p; fi
   [ "$p" = closed ] && break; sleep 0.2; done > "$work/phases.txt") &
watcher=$!
wall=$(workers_at_once fetching)
kill "$watcher" 2>/dev/null || true
kill -TERM "$server"; wait "$server" || true; server=""
echo "with fetching, $workers workers: ${wall}s wall, peak MB per worker: $(peaks fetching)"
echo "phases (seconds after start): $(tr '\n' ' ' < "$work/phases.txt")"
echo "a worker's summary: $(head -1 "$work/fetching-worker0.out")"
"$bin" report --format json --ledger "postgresql://postgres@127.0.0.1:$pg_port/fetching" > "$work/report.json"
python3 - "$work/report.json" "$articles" "$work/server.json" "$pages" "$hosts" "$latency" "$per_host" "$delay" "$wall" <<'PY'
import json, sys
report, folder, stats = json.load(open(sys.argv[1])), int(sys.argv[2]), json.load(open(sys.argv[3]))
pages, hosts, latency, per_host, delay, wall = map(float, sys.argv[4:])
arts = report["articles"]
paths = [a["path"] for a in arts]
histories = [len(c.get("history", [])) for a in arts for c in a["claims"]]
print(f"exactly once: {len(paths)} articles recorded ({len(set(paths))} distinct, folder {folder}), {len(histories)} claims, "
      f"history entries per claim: min {min(histories, default=0)} max {max(histories, default=0)}")
import collections
pending = collections.Counter(c.get("reason", "") for a in arts for c in a["claims"] if c["status"] == "pending")
if pending:
    print(f"pending claims: {sum(pending.values())}, by reason: " + "; ".join(f"{n} {r}" for r, n in pending.most_common(3)))
print("server, per host: " + "; ".join(f"{p}: at most {s['peak_concurrency']} at once, {s['requests']} requests, "
                                       f"{s['paths']} paths, {s['paths_asked_twice']} asked twice" for p, s in stats.items()))
print(f"largest per-host concurrency: {max(s['peak_concurrency'] for s in stats.values())} (per_host {int(per_host)}, must not exceed it)")
bound = (pages / hosts) * (latency / per_host + delay) / 1000
print(f"politeness bound: {pages / hosts:.0f} pages per host x ({latency:.0f} ms / {per_host:.0f} + {delay:.0f} ms) = {bound:.2f}s; "
      f"wall {wall:.2f}s = {wall / bound:.2f}x (target <= 1.2x)")
PY

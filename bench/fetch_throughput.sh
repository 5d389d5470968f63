#!/usr/bin/env bash
# Fetch throughput on loopback, against curl in the same run.
#
# Usage: bench/fetch_throughput.sh [PAGES] [REPEATS]    (defaults 10000 and 3)
# 1. nginx (Debian's nginx-light, installed when missing) serves PAGES small
#    pages (~12 KB) on 127.0.0.1; `claimtrack fetch` and `curl --parallel
#    --parallel-max 50` fetch the same URL list, alternating, REPEATS times:
#    medians, the ratio, and claimtrack's peak memory.
# 2. A server that answers after 50 ms (bench/latency_server.py): claimtrack
#    at 50 transfers at once against the ideal 50 / 0.05 s = 1,000 pages/s.
# Everything listens on 127.0.0.1 only and is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-10000}
repeats=${2:-3}
work=$(mktemp -d /tmp/claimtrack-fetchbench.XXXXXX)
nginx_pid=""
latency_pid=""
cleanup() {
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  [ -n "$latency_pid" ] && kill "$latency_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get install -y -qq nginx-light >/dev/null
fi
swift build -c release >/dev/null
bin=$(swift build -c release --show-bin-path)/claimtrack

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$work/www" "$work/logs"
chmod 755 "$work"  # nginx workers run as another user
python3 - "$work/www" "$pages" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
para = "<p>The Harbor Authority said cargo volumes rose 9 percent in 2025, reaching 2.4 million containers, officials said.</p>\n"
for i in range(n):
    with open(os.path.join(root, f"p{i}.html"), "w") as f:
        f.write(f"<html><head><title>Page {i}</title></head><body><article>{para * 100}</article></body></html>\n")
PY
chmod -R a+rX "$work/www"
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 100000;
  server { listen 127.0.0.1:$port; root $work/www; }
}
CONF
/usr/sbin/nginx -p "$work" -c "$work/nginx.conf" -g "daemon off;" &
nginx_pid=$!
sleep 0.5
for ((i = 0; i < pages; i++)); do echo "http://127.0.0.1:$port/p$i.html"; done > "$work/urls.txt"
awk '{print "url = \"" $0 "\"\noutput = \"/dev/null\""}' "$work/urls.txt" > "$work/curl.cfg"
cat > "$work/pipeline.yml" <<CONF
fetch: {concurrency: 50, per_host: 50, delay_ms: 0, robots: false, allow_private_addresses: true, retries: 0}
CONF

ours=(); theirs=(); mem=()
for ((k = 0; k < repeats; k++)); do
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$bin" fetch --urls "$work/urls.txt" --config "$work/pipeline.yml" > "$work/out.jsonl"
  read -r s m < "$work/time.txt"; ours+=("$s"); mem+=("$m")
  ok=$(grep -c '"fetch":"ok"' "$work/out.jsonl" || true)
  [ "$ok" -eq "$pages" ] || { echo "only $ok of $pages pages ok"; head -3 "$work/out.jsonl"; exit 1; }
  start=$(date +%s.%N)
  curl -s --no-progress-meter --parallel --parallel-max 50 --config "$work/curl.cfg"
  end=$(date +%s.%N)
  theirs+=("$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", b - a}')")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
o=$(median "${ours[@]}"); t=$(median "${theirs[@]}")
echo "loopback nginx, $pages pages of ~12 KB, 50 at once, $(nproc) cores"
echo "claimtrack fetch: median ${o}s = $(awk -v n="$pages" -v s="$o" 'BEGIN {printf "%.0f", n / s}') pages/s (runs: ${ours[*]}), peak memory $(( $(median "${mem[@]}") / 1024 )) MB"
echo "curl --parallel:  median ${t}s = $(awk -v n="$pages" -v s="$t" 'BEGIN {printf "%.0f", n / s}') pages/s (runs: ${theirs[*]})"
echo "claimtrack / curl throughput: $(awk -v a="$o" -v b="$t" 'BEGIN {printf "%.2f", b / a}')x"

lport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 bench/latency_server.py "$lport" 50 300 &
latency_pid=$!
sleep 0.5
n=3000
for ((i = 0; i < n; i++)); do echo "http://127.0.0.1:$lport/l$i"; done > "$work/lurls.txt"
lat=()
for ((k = 0; k < repeats; k++)); do
  /usr/bin/time -f "%e" -o "$work/time.txt" "$bin" fetch --urls "$work/lurls.txt" --config "$work/pipeline.yml" > /dev/null
  lat+=("$(cat "$work/time.txt")")
done
l=$(median "${lat[@]}")
echo "50 ms latency, $n pages, 50 at once: median ${l}s = $(awk -v n="$n" -v s="$l" 'BEGIN {printf "%.0f", n / s}') pages/s, $(awk -v n="$n" -v s="$l" 'BEGIN {printf "%.0f", 100 * n / s / 1000}')% of the ideal 1,000 pages/s"

#!/usr/bin/env bash
# Main text of real web pages (see ../shared/bench/README.md): quality and speed of
# `claimtrack extract --format text` against trafilatura, measured in the same run.
# Usage: bench/extraction.sh [BENCH_DIR] [REPEAT] [RUNS]
#   BENCH_DIR  default ../shared/bench/article-extraction (html/ID.html.gz, ground-truth.json)
#   REPEAT     each page is extracted REPEAT times per run (default 5), to time more than start-up
#   RUNS       timed runs of each extractor, alternating; medians are reported (default 3)
# trafilatura 2.3.1 is installed from PyPI into a virtual environment outside the repository
# (${CLAIMTRACK_BENCH_VENV:-~/.cache/claimtrack-bench/venv}); it runs in one Python process on
# HTML already in memory, as in the shared README's figures. claimtrack runs as one process
# (one worker per core) on the decompressed files. The last line is the figure.
set -euo pipefail
cd "$(dirname "$0")/.."
bench=${1:-../shared/bench/article-extraction}
repeat=${2:-5}
runs=${3:-3}
venv=${CLAIMTRACK_BENCH_VENV:-$HOME/.cache/claimtrack-bench/venv}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release >/dev/null
bin=$(swift build -c release --show-bin-path)/claimtrack
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import trafilatura, lxml_html_clean' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet 'trafilatura==2.3.1' lxml_html_clean  # jusText (a trafilatura dependency) needs it
fi

mkdir -p "$work/html" "$work/pages" "$work/claimtrack" "$work/trafilatura"
for f in "$bench"/html/*.html.gz; do
    id=$(basename "$f" .html.gz)
    gzip -dc "$f" > "$work/html/$id.html"
    for r in $(seq 1 "$repeat"); do ln -s "$work/html/$id.html" "$work/pages/$id-$r.html"; done
done
pages=$(ls "$work/pages" | wc -l)

cat > "$work/run_peer.py" <<'PY'
import os, sys, time
import trafilatura
src, out, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
docs = []
for name in sorted(os.listdir(src)):
    with open(os.path.join(src, name), "rb") as f:
        docs.append((name[:-5], f.read().decode("utf-8", "replace")))
start = time.perf_counter()
for r in range(repeat):
    for stem, html in docs:
        text = trafilatura.extract(html) or ""
        if r == 0:
            with open(os.path.join(out, stem + ".txt"), "w", encoding="utf-8") as f:
                f.write(text)
print(f"{time.perf_counter() - start:.3f}")
PY

ct_times=() tr_times=()
for run in $(seq 1 "$runs"); do
    start=$(date +%s.%N)
    "$bin" extract "$work"/pages/*.html --format text --output-dir "$work/claimtrack" >/dev/null
    end=$(date +%s.%N)
    ct_times+=("$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", b - a}')")
    tr_times+=("$("$venv/bin/python" "$work/run_peer.py" "$work/html" "$work/trafilatura" "$repeat")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ct=$(median "${ct_times[@]}")
tr=$(median "${tr_times[@]}")
peak=$(/usr/bin/time -f %M "$bin" extract "$work"/pages/*.html --format text --output-dir "$work/claimtrack" 2>&1 >/dev/null | tail -1)

# Score one copy of each page.
mkdir -p "$work/scored"
for f in "$work"/claimtrack/*-1.txt; do id=$(basename "$f" -1.txt); cp "$f" "$work/scored/$id.txt"; done
ct_f1=$(python3 ../shared/bench/score_extraction.py "$work/scored" "$bench/ground-truth.json" | awk '/^f1/ {print $2}')
tr_f1=$(python3 ../shared/bench/score_extraction.py "$work/trafilatura" "$bench/ground-truth.json" | awk '/^f1/ {print $2}')

echo "claimtrack   runs: ${ct_times[*]} s for $pages pages; peak memory ${peak} KB"
echo "trafilatura  runs: ${tr_times[*]} s for $pages pages"
awk -v p="$pages" -v c="$ct" -v t="$tr" -v cf="$ct_f1" -v tf="$tr_f1" 'BEGIN {
    printf "extraction: claimtrack F1 %s, %.0f pages/s; trafilatura F1 %s, %.0f pages/s; speed ratio %.1fx\n", cf, p / c, tf, p / t, t / c }'

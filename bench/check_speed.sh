#!/usr/bin/env bash
# Speed of `claimtrack check --batch`: 1,000 claim–page pairs of ~100 sentences, on one core (taskset).
# Pairs are built from WiCE dev claims and pages (cycled and padded to 100 sentences).
# Usage: bench/check_speed.sh [PAIRS] [WICE.jsonl]    Prints the median of 3 runs.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
wice=${2:-../shared/bench/wice/claims-dev.jsonl}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release >/dev/null
bin=$(swift build -c release --show-bin-path)/claimtrack
python3 - "$wice" "$n" "$work/pairs.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
n = int(sys.argv[2])
pool = [s for r in rows for s in r["evidence"] if len(s.split()) > 5]
with open(sys.argv[3], "w", encoding="utf-8") as f:
    for i in range(n):
        r = rows[i % len(rows)]
        sentences = list(r["evidence"])
        k = i
        while len(sentences) < 100:
            sentences.append(pool[k % len(pool)]); k += 7
        f.write(json.dumps({"id": str(i), "claim": r["claim"], "text": "\n".join(sentences[:100])}) + "\n")
PY
sentences=$(python3 -c "import json,sys; rows=[json.loads(l) for l in open('$work/pairs.jsonl')]; print(round(sum(r['text'].count(chr(10))+1 for r in rows)/len(rows)))")
times=()
for k in 1 2 3; do
  /usr/bin/time -f "%e" -o "$work/t" taskset -c 0 "$bin" check --batch "$work/pairs.jsonl" > "$work/out.jsonl"
  times+=("$(cat "$work/t")")
done
median=$(printf '%s\n' "${times[@]}" | sort -g | sed -n 2p)
echo "check --batch: $n pairs, ~$sentences sentences per page, one core: median ${median}s (runs: ${times[*]}); $(wc -l < "$work/out.jsonl") verdicts"

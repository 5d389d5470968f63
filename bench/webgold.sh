#!/usr/bin/env bash
# Who said it, on real web pages: claimtrack extract against the hand-made gold of bench/webgold/.
# Usage: bench/webgold.sh [--errors] [--split tune|held-out|held-out-2|all]   (default: all; the held-out
# splits summed up last, the newest (held-out-2) on the last line)
#        bench/webgold.sh --set lang [--errors] [--split …]       German, French and Spanish pages
#                                                                  (bench/webgold/lang/, issue 21)
# The page texts (the article-extraction bench's articleBody, ../shared/bench) are written to a
# temporary folder as .txt, so offsets are those of the gold; nothing of them enters the repository.
# The German, French and Spanish pages are our own articles: their texts are read from the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
texts=$(mktemp -d); out=$(mktemp -d)
trap 'rm -rf "$texts" "$out"' EXIT
swift build -c release >/dev/null
bin=$(swift build -c release --show-bin-path)/claimtrack
if [[ " $* " == *" --set lang "* ]]; then
    cp bench/webgold/lang/texts/*-[0-9][0-9].txt "$texts"/
    "$bin" extract "$texts"/*.txt --format json --output-dir "$out" >/dev/null
    python3 bench/webgold.py score "$out" "$@"
    exit
fi
python3 bench/webgold.py prepare "$texts" >/dev/null
"$bin" extract "$texts"/*[0-9a-f].txt --format json --output-dir "$out" >/dev/null
python3 bench/webgold.py score "$out" --texts "$texts" "$@"

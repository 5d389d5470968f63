#!/usr/bin/env bash
# The test suite under AddressSanitizer, and the pipeline's concurrent tests under ThreadSanitizer.
# Usage: bench/sanitizers.sh [address|thread|both]    (default both). Not part of CI (it builds twice more).
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-both}
if [ "$which" = address ] || [ "$which" = both ]; then
  swift build --build-tests -Xswiftc -sanitize=address --scratch-path .build-asan >/dev/null
  # Memory errors fail the run. LeakSanitizer is reported apart: it flags the lazily built
  # ConfigDefaults.schema (a constant ~2.5 KB per process, held until exit), which is not a leak.
  ASAN_OPTIONS=detect_leaks=0 swift test --skip-build --disable-swift-testing --scratch-path .build-asan 2>&1 \
    | tee /tmp/claimtrack-asan.log | grep -E "ERROR: AddressSanitizer|Executed [0-9]+ tests" | tail -3
  (cd seeds/.. && .build-asan/debug/claimtrack extract seeds/china-intelligence-leak.txt >/dev/null 2>/tmp/claimtrack-lsan.log || true)
  grep -E "SUMMARY: AddressSanitizer: [0-9]+ byte" /tmp/claimtrack-lsan.log || echo "LeakSanitizer: no leaks in claimtrack extract"
fi
if [ "$which" = thread ] || [ "$which" = both ]; then
  swift build --build-tests -Xswiftc -sanitize=thread --scratch-path .build-tsan >/dev/null
  # In-process runs of the staged pipeline (worker pools and bounded queues) and of the fetcher.
  swift test --skip-build --disable-swift-testing --scratch-path .build-tsan --filter "SeedAcceptanceTests|FetchTests|ConfigurationTests" 2>&1 \
    | tee /tmp/claimtrack-tsan.log | grep -E "WARNING: ThreadSanitizer|Executed [0-9]+ tests" | tail -3
fi

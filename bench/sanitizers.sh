#!/usr/bin/env bash
# The test suite under AddressSanitizer, and the pipeline's concurrent tests under ThreadSanitizer.
# Usage: bench/sanitizers.sh [address|thread|both]    (default both). Not part of CI (it builds twice more).
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-both}
if [ "$which" = address ] || [ "$which" = both ]; then
  swift build --build-tests -Xswiftc -sanitize=address --scratch-path .build-asan >/dev/null
  swift test --skip-build --disable-swift-testing --scratch-path .build-asan 2>&1 | tee /tmp/claimtrack-asan.log | grep -E "ERROR: AddressSanitizer|Executed [0-9]+ tests" | tail -3
fi
if [ "$which" = thread ] || [ "$which" = both ]; then
  swift build --build-tests -Xswiftc -sanitize=thread --scratch-path .build-tsan >/dev/null
  # In-process runs of the staged pipeline (worker pools and bounded queues) and of the fetcher.
  swift test --skip-build --disable-swift-testing --scratch-path .build-tsan --filter "SeedAcceptanceTests|FetchTests|ConfigurationTests" 2>&1 \
    | tee /tmp/claimtrack-tsan.log | grep -E "WARNING: ThreadSanitizer|Executed [0-9]+ tests" | tail -3
fi

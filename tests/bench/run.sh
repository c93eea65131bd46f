#!/bin/bash
# make bench: see bench.py. BENCH_SIZES and BENCH_STORE override the sizes.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec python3 tests/bench/bench.py --build "${BUILD:-build}" --sizes "${BENCH_SIZES:-1000,10000}" \
  --store-size "${BENCH_STORE:-10000}"

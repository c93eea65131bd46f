#!/bin/bash
# Run every built fuzzer (build/fuzz/fuzzers/fuzz_*) for SECONDS each:
#   tests/fuzz/run.sh SECONDS [HARNESS...]
# FUZZ_FLAGS adds libFuzzer flags (e.g. FUZZ_FLAGS=-runs=10000000 with a
# SECONDS of 0 for no time limit).
# Each gets the French dictionary, the generated seeds (seeds.sh) and the
# hand-written ones, and a working corpus in build/fuzz/corpus/<harness> that
# persists between runs. A crash, leak, timeout or out-of-memory leaves its
# input in build/fuzz/artifacts/ and fails the run; add it under
# tests/fuzz/regressions/<harness>/ once fixed (tests/cli/fuzz-regressions.sh).
set -uo pipefail
cd "$(dirname "$0")/../.."
SECONDS_EACH=${1:-60}
shift || true
FB=${FUZZ_BUILD:-build/fuzz}
export ENTENTE_ONTOLOGY=${ENTENTE_ONTOLOGY:-$PWD/ontology}
# Fast unwinding on malloc (the default): the full stacks that make asan's
# leak suppressions match cost 20 times the executions per second here.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for f in tests/fuzz/fuzz_*.c; do names+=("$(basename "$f" .c)"); done
fi
bash tests/fuzz/seeds.sh "${names[@]}" >/dev/null
failed=0
for h in "${names[@]}"; do
  bin="$FB/fuzzers/$h"
  [ -x "$bin" ] || { echo "$h: not built ($bin)"; failed=1; continue; }
  mkdir -p "$FB/corpus/$h" "$FB/artifacts"
  log="$FB/$h.log"
  # -timeout: one input taking 10 s is a finding (the pipeline is linear);
  # -max_len: the harnesses stay fast on small inputs; the size limits have
  # their own tests (tests/cli/hostile.sh, tests/cli/linear.sh). The date and
  # amount scanners read a few words around each expression (48 bytes of
  # context before it at most) and their harnesses search again from every
  # match: 1 KB inputs cover them at three to five times the executions of 8 KB ones;
  # long texts reach them through fuzz_extract.
  max_len=8192
  case $h in fuzz_temporal | fuzz_amount) max_len=1024 ;; esac
  # shellcheck disable=SC2086
  "$bin" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2560 -max_len=$max_len \
    ${FUZZ_FLAGS:-} -dict=tests/fuzz/french.dict -print_final_stats=1 \
    -artifact_prefix="$FB/artifacts/$h-" "$FB/corpus/$h" "tests/fuzz/seeds/$h" \
    tests/fuzz/seeds/hand >"$log" 2>&1
  rc=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  if [ $rc -eq 0 ]; then
    echo "ok - $h: ${runs:-?} runs (${speed:-?}/s)"
  else
    failed=1
    echo "not ok - $h: exit $rc after ${runs:-?} runs; see $log"
    grep -m5 -E 'ERROR|SUMMARY|invariant|runtime error|Test unit written' "$log" | sed 's/^/#   /'
  fi
done
exit $failed

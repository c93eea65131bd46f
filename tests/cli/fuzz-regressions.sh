#!/bin/bash
# Every input the fuzzers ever crashed on (tests/fuzz/regressions/<harness>/)
# replayed through the same harness, built without libFuzzer in this build
# ($BUILD/replay/<harness>, tests/fuzz/replay.c): plain, under ASan+UBSan
# (make asan) and, with VALGRIND=1, under valgrind. A harness aborts on any
# broken invariant, so each replay must simply exit 0, quietly.
set -u
cd "$(dirname "$0")/../.."
. tests/cli/lib.sh
export ENTENTE_ONTOLOGY=${ENTENTE_ONTOLOGY:-$PWD/ontology}
# A finding that was a hang must end: 300 s even under valgrind and ASan.
RUN=(timeout 300)
[ -n "${VALGRIND:-}" ] && RUN=(timeout 300 valgrind -q --leak-check=full --show-leak-kinds=definite,indirect
  --errors-for-leak-kinds=definite,indirect --suppressions=tests/valgrind.supp
  --num-callers=40 --error-exitcode=99)
for dir in tests/fuzz/regressions/*/; do
  h=$(basename "$dir")
  bin="$BUILD/replay/$h"
  if [ ! -x "$bin" ]; then not_ok "$h: replay binary" "$bin is not built"; continue; fi
  for input in "$dir"*; do
    [ -f "$input" ] || continue
    "${RUN[@]}" "$bin" "$input" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    if [ $rc -eq 0 ] && ! grep -qE 'Sanitizer|runtime error:|invariant failed|==[0-9]+==' "$TMP/err"; then
      ok "$h: $(basename "$input")"
    else
      not_ok "$h: $(basename "$input")" "exit $rc: $(grep -m3 -E 'ERROR|error|invariant|==' "$TMP/err")"
    fi
  done
done
finish

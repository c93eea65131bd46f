#!/bin/bash
# The CLI under valgrind: zero errors and zero leaks on every test article
# (the example, the dev corpus when present, and bad inputs).
set -u
cd "$(dirname "$0")/../.."
. tests/cli/lib.sh
VG="valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible
    --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99"
vg() { # NAME EXPECTED-EXIT ARGS...
  local name=$1 want=$2; shift 2
  $VG "$ENTENTE" "$@" >/dev/null 2>"$TMP/vg.err"
  local rc=$?
  if [ $rc -eq "$want" ]; then ok "valgrind: $name"; else not_ok "valgrind: $name" "exit $rc: $(grep -m3 '==' "$TMP/vg.err")"; fi
}
vg "example article, turtle" 0 extract --date 2024-03-15 docs/example/article.txt
vg "example article, nquads" 0 extract --date 2024-03-15 --format nquads docs/example/article.txt
for f in ../shared/corpus/dev/*.txt; do
  [ -f "$f" ] || { echo "# ../shared/corpus/dev is absent: corpus runs skipped"; break; }
  vg "$(basename "$f")" 0 extract --date 2024-04-26 "$f"
done
printf 'caf\xe9\n' >"$TMP/bad.txt"
vg "invalid UTF-8" 1 extract "$TMP/bad.txt"
vg "missing file" 1 extract "$TMP/nope.txt"
vg "bad option" 2 extract --nope
finish

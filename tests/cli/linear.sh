#!/bin/bash
# The cost of one article grows linearly with its length: instructions
# counted by callgrind (deterministic, never wall-clock time) for one article
# made of K generated 5 KB articles end to end, K = 2, 4, 8, 16. The fixed
# cost (lexicons, librdf world) is measured on a one-sentence article and
# taken off; what remains must not grow faster than K (a quadratic stage
# would multiply it by 8 from K = 2 to K = 16, a linear one by 8 too but by
# 2 at each doubling: each doubling must stay under 2.5 times).
set -u
cd "$(dirname "$0")/../.."
. tests/cli/lib.sh
E=$ENTENTE
if ! command -v valgrind >/dev/null; then
  if [ "${CI:-}" = true ]; then not_ok "valgrind is installed"; finish; exit; fi
  echo "# skipped: valgrind is not installed"
  exit 0
fi
python3 tests/bench/gen.py 16 "$TMP/gen" >/dev/null
echo "Le ministre italien, Marco Ferri, a rencontré lundi son homologue danois." >"$TMP/k0.txt"

instructions() { # FILE: instructions of one extract to N-Triples
  valgrind --tool=callgrind --callgrind-out-file="$TMP/cg.out" \
    "$E" extract --date 2024-04-26 --format ntriples -o "$TMP/out.nt" "$1" >/dev/null 2>&1 || return 1
  sed -n 's/^summary: *\([0-9]*\).*/\1/p' "$TMP/cg.out"
}

base=$(instructions "$TMP/k0.txt") || { not_ok "extract under callgrind"; finish; exit; }
prev=""
for k in 2 4 8 16; do
  ls "$TMP/gen"/*.txt | head -n $k | xargs cat >"$TMP/k$k.txt"
  ir=$(instructions "$TMP/k$k.txt") || { not_ok "extract of $k articles in one"; continue; }
  cost=$((ir - base))
  echo "# $k articles in one ($(wc -c <"$TMP/k$k.txt") bytes): $cost instructions beyond the fixed $base"
  if [ -n "$prev" ]; then
    ratio=$(awk -v a="$cost" -v b="$prev" 'BEGIN { printf "%.2f", a / b }')
    check "twice the text, $ratio times the instructions (at most 2.5), at $k articles" \
      awk -v r="$ratio" 'BEGIN { exit !(r <= 2.5) }'
  fi
  prev=$cost
done
finish

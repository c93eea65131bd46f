#!/bin/bash
# Consumers: entente's Turtle, N-Triples and N-Quads load unchanged into two
# other engines — Oxigraph (npm, pinned in package-lock.json) and rdflib
# (Debian python3-rdflib) — and give the same number of triples as rapper
# and the same number of rows as roqet for persons.rq and roles.rq.
# Installs the npm packages on first use. A missing engine fails under CI
# (CI=true) and is skipped, with a "# skipped" line, elsewhere.
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/../.."
. tests/cli/lib.sh
PY=/usr/bin/python3 # Debian's, which sees python3-rdflib (not a pyenv one)
QUERIES=(ontology/queries/persons.rq ontology/queries/roles.rq)
INPUTS=(docs/example/article.txt tests/cli/fixtures/meeting-a.txt tests/cli/fixtures/meeting-b.txt)

missing() { # WHAT: fail under CI, skip elsewhere
  if [ "${CI:-}" = true ]; then not_ok "$1 is installed (scripts/install-deps.sh)"; else echo "# skipped: $1 is not installed"; fi
}
engines=()
if command -v node >/dev/null && { [ -d "$here/node_modules/oxigraph" ] ||
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2); }; then
  engines+=(oxigraph)
else
  missing "Oxigraph (node and npm ci in tests/consumers)"
fi
if "$PY" -c 'import rdflib' 2>/dev/null; then engines+=(rdflib); else missing "rdflib (python3-rdflib)"; fi

run_engine() { # ENGINE FORMAT:FILE...: "FILE triples N" and "FILE QUERY ROWS" lines
  local e=$1; shift
  case $e in
  oxigraph) node "$here/oxigraph.mjs" "${QUERIES[@]}" -- "$@" ;;
  rdflib) "$PY" "$here/rdflib_load.py" "${QUERIES[@]}" -- "$@" ;;
  esac
}

# Every output, and the reference for each: rapper's triple count, roqet's rows.
args=()
: >"$TMP/want"
for in in "${INPUTS[@]}"; do
  name=$(basename "$in" .txt)
  for fmt in turtle ntriples nquads; do
    out="$TMP/$name.$fmt"
    if ! "$ENTENTE" extract --date 2024-03-15 --format $fmt "$in" >"$out"; then
      not_ok "$name: extract --format $fmt"
      continue
    fi
    args+=("$fmt:$out")
    {
      echo "$out triples $(rapper -i $fmt -c "$out" 2>&1 | sed -n 's/.*returned \([0-9]*\) .*/\1/p')"
      for q in "${QUERIES[@]}"; do
        echo "$out $(basename "$q") $(roqet -q -i sparql -F $fmt -D "$out" -r tsv "$q" | tail -n +2 | wc -l)"
      done
    } >>"$TMP/want"
  done
done
check "rapper and roqet find triples, persons and roles in every output" \
  awk '$3 == "" || $3 == 0 { exit 1 }' "$TMP/want"

for e in "${engines[@]}"; do
  if ! run_engine "$e" "${args[@]}" >"$TMP/got" 2>"$TMP/err"; then
    not_ok "$e loads every output" "$(head -c 300 "$TMP/err")"
  fi
  while read -r file what n; do
    got=$(awk -v f="$file" -v w="$what" '$1 == f && $2 == w { print $3 }' "$TMP/got")
    label="$e: $(basename "$file") $what"
    if [ "$got" = "$n" ]; then ok "$label = $n"; else not_ok "$label" "want $n, got ${got:-nothing}"; fi
  done <"$TMP/want"
done
finish

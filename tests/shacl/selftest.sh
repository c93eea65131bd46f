#!/bin/bash
# Self-test of the ontology, the SHACL shapes and the validator:
#  1. ontology/entente.ttl, ontology/shapes.ttl and the fixtures parse
#     (rapper, when installed);
#  2. every ent: term the project uses is declared and labelled (coverage.mjs);
#  3. fixtures/good.ttl conforms to the shapes;
#  4. fixtures/bad.ttl does not, with exactly the results its "# expect:"
#     lines announce (focus node | piece of the message), no more, no less;
#  5. bad usage and unparsable input exit with status 2;
#  6. when build/entente exists, its graph of docs/example/article.txt conforms.
# Run from anywhere:  tests/shacl/selftest.sh
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
shapes="$root/ontology/shapes.ttl"
good="$here/fixtures/good.ttl"
bad="$here/fixtures/bad.ttl"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail=0
ok() { echo "ok: $*"; }
ko() { echo "FAIL: $*"; fail=1; }

# 1. Turtle syntax.
if command -v rapper >/dev/null; then
  for f in "$root/ontology/entente.ttl" "$shapes" "$good" "$bad"; do
    if rapper -q -i turtle -c "$f" 2>"$tmp/rapper.err"; then ok "parses: ${f#$root/}"
    else ko "does not parse: ${f#$root/}"; cat "$tmp/rapper.err"; fi
  done
else
  echo "skip: rapper not installed (Turtle syntax checked by the N3 parser only)"
fi

# Dependencies (pinned by package-lock.json).
if [ ! -d "$here/node_modules/rdf-validate-shacl" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) || { echo "FAIL: npm ci"; exit 1; }
fi

# 2. Vocabulary coverage.
if node "$here/coverage.mjs" "$root"; then ok "vocabulary coverage"; else ko "vocabulary coverage"; fi

# 3. The good graph conforms.
node "$here/validate.mjs" "$shapes" "$good" >"$tmp/good.out" 2>&1
rc=$?
if [ $rc -eq 0 ]; then ok "good.ttl conforms"
else ko "good.ttl: exit $rc, expected 0"; cat "$tmp/good.out"; fi

# 4. The bad graph is rejected with the expected results.
node "$here/validate.mjs" --tsv "$shapes" "$bad" >"$tmp/bad.out" 2>&1
rc=$?
if [ $rc -eq 1 ]; then ok "bad.ttl is rejected"
else ko "bad.ttl: exit $rc, expected 1"; cat "$tmp/bad.out"; fi
grep -P '\t' "$tmp/bad.out" | cut -f2- >"$tmp/results.tsv"
sed -n 's/^# expect: *//p' "$bad" >"$tmp/expect.txt"
cp "$tmp/results.tsv" "$tmp/unexplained.tsv"
while IFS= read -r line; do
  focus="${line%% | *}"
  msg="${line#* | }"
  # A result line: focus, path, constraint, message; the piece may be in the
  # path or the message.
  if awk -F'\t' -v f="$focus" -v m="$msg" '
       index($1, f) && (index($2, m) || index($4, m)) { found = 1 }
       END { exit !found }' "$tmp/results.tsv"; then
    ok "reported: $focus | $msg"
    awk -F'\t' -v f="$focus" -v m="$msg" '!(index($1, f) && (index($2, m) || index($4, m)))' \
      "$tmp/unexplained.tsv" >"$tmp/u2" && mv "$tmp/u2" "$tmp/unexplained.tsv"
  else
    ko "not reported: $focus | $msg"
  fi
done <"$tmp/expect.txt"
if [ "$(wc -l <"$tmp/expect.txt")" -lt 4 ]; then ko "bad.ttl announces too few results"; fi
if [ -s "$tmp/unexplained.tsv" ]; then
  ko "results that bad.ttl does not announce:"
  sed 's/^/    /' "$tmp/unexplained.tsv"
fi

# 5. Usage and parse errors: status 2.
node "$here/validate.mjs" "$shapes" >/dev/null 2>&1
rc=$?
[ $rc -eq 2 ] && ok "usage error exits 2" || ko "usage error: exit $rc, expected 2"
printf '@prefix ent: <https://w3id.org/entente/ns#> .\nent:x a ent:Person "unterminated .\n' >"$tmp/broken.ttl"
node "$here/validate.mjs" "$shapes" "$tmp/broken.ttl" >/dev/null 2>&1
rc=$?
[ $rc -eq 2 ] && ok "parse error exits 2" || ko "parse error: exit $rc, expected 2"
node "$here/validate.mjs" "$shapes" "$tmp/missing.ttl" >/dev/null 2>&1
rc=$?
[ $rc -eq 2 ] && ok "missing file exits 2" || ko "missing file: exit $rc, expected 2"

# 6. Real output: the example article through the built extractor, when there
# is one (ENTENTE=path/to/entente to choose it).
entente="${ENTENTE:-$root/build/entente}"
if [ -x "$entente" ]; then
  if "$entente" extract --date 2024-03-15 "$root/docs/example/article.txt" >"$tmp/example.ttl" 2>"$tmp/example.err"; then
    if node "$here/validate.mjs" "$shapes" "$tmp/example.ttl" >"$tmp/example.out" 2>&1; then
      ok "entente's graph of docs/example/article.txt conforms"
    else
      ko "entente's graph of docs/example/article.txt does not conform:"; cat "$tmp/example.out"
    fi
  else
    ko "$entente extract failed on docs/example/article.txt"; cat "$tmp/example.err"
  fi
else
  echo "skip: no extractor at $entente (make first) for the real-output check"
fi

if [ $fail -ne 0 ]; then echo "shacl selftest: FAILED"; exit 1; fi
echo "shacl selftest: passed"

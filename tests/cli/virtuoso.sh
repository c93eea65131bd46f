#!/bin/bash
# entente push into a real SPARQL server: a private Virtuoso (Debian's
# virtuoso-opensource) on loopback. Pushes the example article and the two
# meeting fixtures with the Graph Store protocol, reads them back over the
# SPARQL protocol with every ontology/queries/*.rq and compares the rows with
# `entente query` on the local Turtle; re-pushes and checks nothing doubles;
# then --graph, --update, credentials (digest auth, netrc). Skipped only when
# Virtuoso is not installed and CI is not set.
set -u
cd "$(dirname "$0")/../.."
. tests/cli/lib.sh
. tests/cli/virtuoso-lib.sh
E=$ENTENTE
trap 'virtuoso_stop; rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM

if ! virtuoso_installed; then
  if [ "${CI:-}" = true ]; then
    not_ok "virtuoso-t and isql-vt are installed (scripts/install-deps.sh)"
  else
    echo "# skipped: virtuoso-t is not installed (scripts/install-deps.sh installs it)"
  fi
  finish
  exit
fi
if ! virtuoso_start "$TMP/virtuoso"; then
  not_ok "Virtuoso starts"
  finish
  exit
fi
ok "Virtuoso starts on 127.0.0.1 (HTTP $VIRT_HTTP)"
GSP="$VIRT_HTTP/sparql-graph-crud"
ART=https://w3id.org/entente/id/article
INPUTS=(docs/example/article.txt tests/cli/fixtures/meeting-a.txt tests/cli/fixtures/meeting-b.txt)

rows() { "$VIRT_PY" tests/cli/csv-rows.py "$1"; } # comparable CSV rows
count_graph() { # IRI: the number of triples in that graph
  virtuoso_sparql "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <$1> { ?s ?p ?o } }" | tail -n 1
}
count_prefix() { # PREFIX: the triples in every graph whose IRI starts so
  virtuoso_sparql "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \"$1\")) }" | tail -n 1
}

$E push --endpoint "$GSP" --date 2024-03-15 "${INPUTS[@]}" 2>"$TMP/err"
check "push (Graph Store, a graph per article) exits 0" test $? -eq 0
total=0
for in in "${INPUTS[@]}"; do
  name=$(basename "$in" .txt)
  $E extract --date 2024-03-15 "$in" >"$TMP/$name.ttl"
  $E extract --date 2024-03-15 --format ntriples "$in" >"$TMP/$name.nt"
  want=$(sort -u "$TMP/$name.nt" | wc -l)
  total=$((total + want))
  n=$(count_graph "$ART/$name")
  if [ "$n" = "$want" ]; then ok "graph <$name> holds its $want triples"; else not_ok "graph <$name> holds its $want triples" "got '$n'"; fi
  for q in ontology/queries/*.rq; do
    label="$name, $(basename "$q"): Virtuoso and entente query give the same rows"
    if curl -sS --fail -H 'Accept: text/csv' --data-urlencode "query@$q" \
      --data-urlencode "default-graph-uri=$ART/$name" "$VIRT_HTTP/sparql" >"$TMP/v.csv" 2>"$TMP/err" &&
      $E query "$TMP/$name.ttl" -f "$q" --results csv >"$TMP/l.csv"; then
      rows "$TMP/v.csv" >"$TMP/v.rows"
      rows "$TMP/l.csv" >"$TMP/l.rows"
      if cmp -s "$TMP/v.rows" "$TMP/l.rows"; then ok "$label ($(wc -l <"$TMP/l.rows"))"; else
        not_ok "$label" "$(diff "$TMP/l.rows" "$TMP/v.rows" | head -4 | tr '\n' ' ')"; fi
    else
      not_ok "$label" "$(head -c 300 "$TMP/err")"
    fi
  done
done
check "the pushed graphs hold $total triples" test "$(count_prefix "$ART/")" = "$total"
$E push --endpoint "$GSP" --date 2024-03-15 "${INPUTS[@]}"
check "pushing again replaces the graphs: still $total triples" test "$(count_prefix "$ART/")" = "$total"
check "push --format turtle (a Turtle body) exits 0" \
  $E push --endpoint "$GSP" --format turtle --date 2024-03-15 "${INPUTS[@]}"
check "Turtle body: still $total triples" test "$(count_prefix "$ART/")" = "$total"

# A changed article replaces its old graph: meeting-b's text under meeting-a's name.
mkdir -p "$TMP/changed"
cp tests/cli/fixtures/meeting-b.txt "$TMP/changed/meeting-a.txt"
$E push --endpoint "$GSP" --date 2024-03-15 "$TMP/changed/meeting-a.txt"
check "a changed article replaces its graph" \
  test "$(count_graph "$ART/meeting-a")" = "$(sort -u "$TMP/meeting-b.nt" | wc -l)"

# --graph IRI: everything in one graph; a second push replaces it.
one="http://example.org/entente-test/all"
distinct=$(cat "$TMP"/*.nt | sort -u | wc -l)
$E push --endpoint "$GSP" --graph "$one" --date 2024-03-15 "${INPUTS[@]}"
$E push --endpoint "$GSP" --graph "$one" --date 2024-03-15 "${INPUTS[@]}"
check "--graph IRI, pushed twice: one graph of the $distinct distinct triples" \
  test "$(count_graph "$one")" = "$distinct"

# --update: SPARQL 1.1 Update on /sparql, for servers without Graph Store.
UB=http://example.org/entente-update/
$E push --update --endpoint "$VIRT_HTTP/sparql" --base "$UB" --date 2024-03-15 "${INPUTS[@]}"
check "push --update exits 0" test $? -eq 0
$E push --update --endpoint "$VIRT_HTTP/sparql" --base "$UB" --date 2024-03-15 "${INPUTS[@]}"
check "push --update twice: $total triples, no duplicates" test "$(count_prefix "${UB}article/")" = "$total"
$E query "$TMP/article.ttl" -f ontology/queries/persons.rq --results csv >"$TMP/l.csv"
curl -sS -H 'Accept: text/csv' --data-urlencode "query@ontology/queries/persons.rq" \
  --data-urlencode "default-graph-uri=${UB}article/article" "$VIRT_HTTP/sparql" >"$TMP/v.csv"
check "--update: the persons of the example read back (same names)" \
  test "$(rows "$TMP/l.csv" | cut -f2)" = "$(rows "$TMP/v.csv" | cut -f2)"

# Credentials: Virtuoso's -auth endpoint asks for HTTP digest.
AUTH="$VIRT_HTTP/sparql-graph-crud-auth"
ENTENTE_USER=dba ENTENTE_PASSWORD=dba $E push --endpoint "$AUTH" --base http://example.org/auth/ tests/cli/fixtures/meeting-a.txt
check "ENTENTE_USER/ENTENTE_PASSWORD: digest auth succeeds" test $? -eq 0
check "... and the graph is there" test "$(count_graph http://example.org/auth/article/meeting-a)" -gt 10
secret="Wr0ng-Pa55-$$"
ENTENTE_USER=dba ENTENTE_PASSWORD="$secret" $E push --verbose --endpoint "$AUTH" tests/cli/fixtures/meeting-a.txt >"$TMP/out" 2>"$TMP/err"
check "a wrong password exits 1" test $? -eq 1
check "... the error names the endpoint and the HTTP status" grep -q "$AUTH.*HTTP 401" "$TMP/err"
check "... and never prints the password" bash -c "! grep -q -- '$secret' '$TMP/err' '$TMP/out'"
printf 'machine 127.0.0.1\nlogin dba\npassword dba\n' >"$TMP/netrc"
$E push --netrc-file "$TMP/netrc" --endpoint "$AUTH" --base http://example.org/netrc/ tests/cli/fixtures/meeting-b.txt
check "--netrc-file: credentials from a netrc file" test "$(count_graph http://example.org/netrc/article/meeting-b)" -gt 10
$E push --endpoint "$AUTH" tests/cli/fixtures/meeting-b.txt 2>/dev/null
check "no credentials on the -auth endpoint: exits 1" test $? -eq 1

virtuoso_stop
check "Virtuoso stops" bash -c "! curl -s -o /dev/null '$VIRT_HTTP/sparql'"
finish

#!/bin/bash
# The store and merging: load / query / export / merge, reloads, a killed
# load, concurrent loads, and identity across articles.
set -u
cd "$(dirname "$0")/../.."
. tests/cli/lib.sh
E=$ENTENTE
DB="$TMP/news.db"
EX=docs/example/article.txt
count() { $E query --store "$DB" --results csv -e 'SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }' | tail -n +2 | wc -l; }

$E load --store "$DB" --date 2024-03-15 $EX
check "load creates the store" test -s "$DB"
n1=$(count)
check "the store holds the article's triples" test "$n1" -gt 50
$E load --store "$DB" --date 2024-03-15 $EX
check "loading again replaces the article's graph (same count)" test "$(count)" -eq "$n1"
# Redland's lookups of a literal and of a graph's triples go through an index
# (without one, each scanned its table: loading was quadratic, issue 6).
plans() { python3 - "$DB" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
for q in ("SELECT id FROM literals WHERE text = 'x' AND language IS NULL AND datatype = 1",
          "DELETE FROM triples WHERE contextUri = 1",
          "SELECT 1 FROM triples WHERE subjectUri=1 AND predicateUri=2 AND objectUri=3 AND contextUri=4"):
    print(" ".join(r[-1] for r in con.execute("EXPLAIN QUERY PLAN " + q)))
PY
}
check "the store indexes literals and graphs" test "$(plans | grep -c 'USING .*INDEX entente_')" -eq 3
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript("DROP INDEX entente_literal; DROP INDEX entente_graph;")' "$DB"
$E load --store "$DB" --date 2024-03-15 $EX
check "a store made without the indexes gets them at its next load" \
  test "$(plans | grep -c 'USING .*INDEX entente_')" -eq 3 -a "$(count)" -eq "$n1"

# Same rows as the per-article output, for every competency query.
$E extract --date 2024-03-15 $EX >"$TMP/ex.ttl"
for q in ontology/queries/*.rq; do
  $E query --store "$DB" -f "$q" --results csv | tail -n +2 | sort >"$TMP/a.csv"
  $E query "$TMP/ex.ttl" -f "$q" --results csv | tail -n +2 | sort >"$TMP/b.csv"
  check "store and file give the same rows: $(basename "$q")" cmp -s "$TMP/a.csv" "$TMP/b.csv"
done
for r in table csv tsv json xml; do
  check "query --results $r" $E query --store "$DB" -f ontology/queries/persons.rq --results $r
done
$E export --store "$DB" --format nquads >"$TMP/dump.nq"
check "export gives valid N-Quads" rapper -q -i nquads -c "$TMP/dump.nq"
$E query --store "$DB" -e 'SELEC nonsense' >/dev/null 2>&1
check "a bad query exits 1" test $? -eq 1
$E query --store "$TMP/none.db" -e 'SELECT * WHERE { ?s ?p ?o }' >/dev/null 2>&1
check "a missing store exits 1" test $? -eq 1

# A bad file in a load: nothing from that load lands.
printf 'caf\xe9\n' >"$TMP/bad.txt"
cp $EX "$TMP/second.txt"
$E load --store "$DB" --date 2024-03-15 "$TMP/second.txt" "$TMP/bad.txt" 2>/dev/null
check "a failed load exits 1" test $? -eq 1
check "a failed load leaves the store as it was" test "$(count)" -eq "$n1"

# Two files whose names give one article IRI (d1/x.txt, d2/x.txt): the
# second would replace the first; the load is refused, naming both.
mkdir -p "$TMP/d1" "$TMP/d2"
cp tests/cli/fixtures/meeting-a.txt "$TMP/d1/x.txt"; cp tests/cli/fixtures/meeting-b.txt "$TMP/d2/x.txt"
$E load --store "$DB" "$TMP/d1/x.txt" "$TMP/d2/x.txt" 2>"$TMP/err"
check "a load of d1/x.txt and d2/x.txt exits 1" test $? -eq 1
check "... naming both files" grep -qF "$TMP/d2/x.txt: its article IRI <https://w3id.org/entente/id/article/x> is already that of $TMP/d1/x.txt" "$TMP/err"
check "... and leaves the store as it was" test "$(count)" -eq "$n1"

# A load killed half way leaves the store as it was.
mkdir -p "$TMP/many"
for i in $(seq 1 300); do sed "s/jeudi/jeudi $i/" $EX >"$TMP/many/a$i.txt"; done
$E load --store "$DB" --date 2024-03-15 "$TMP"/many/*.txt &
pid=$!
sleep 1.5
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
check "a killed load leaves the store as it was" test "$(count)" -eq "$n1"

# Two loads at once: the second waits; both land, the store is consistent.
$E load --store "$DB" --date 2024-03-15 tests/cli/fixtures/meeting-a.txt &
p1=$!
$E load --store "$DB" --date 2024-03-15 tests/cli/fixtures/meeting-b.txt &
p2=$!
wait $p1; r1=$?
wait $p2; r2=$?
check "two concurrent loads both succeed" test $r1 -eq 0 -a $r2 -eq 0
graphs=$($E query --store "$DB" --results csv -e 'SELECT DISTINCT ?g WHERE { GRAPH ?g { ?a a <https://w3id.org/entente/ns#Article> } }' | tail -n +2 | wc -l)
check "after concurrent loads: three article graphs" test "$graphs" -eq 3

# Identity across articles: two articles on one meeting, other spellings.
$E extract --date 2024-03-15 tests/cli/fixtures/meeting-a.txt >"$TMP/ma.ttl"
$E extract --date 2024-03-15 tests/cli/fixtures/meeting-b.txt >"$TMP/mb.ttl"
$E merge "$TMP/ma.ttl" "$TMP/mb.ttl" >"$TMP/merged.ttl"
check "merge output is valid Turtle" rapper -q -i turtle -c "$TMP/merged.ttl"
persons=$($E query "$TMP/merged.ttl" --results csv -e 'PREFIX ent: <https://w3id.org/entente/ns#> SELECT DISTINCT ?p WHERE { ?p a ent:Person }' | tail -n +2 | wc -l)
check "merge: one IRI per person (Tchoubanov = Chubanov, Arslan)" test "$persons" -eq 2
events=$($E query "$TMP/merged.ttl" --results csv -e 'PREFIX ent: <https://w3id.org/entente/ns#> SELECT DISTINCT ?e WHERE { ?e a ent:Meeting }' | tail -n +2 | wc -l)
check "merge: one meeting IRI" test "$events" -eq 1
prov=$($E query "$TMP/merged.ttl" --results csv -e 'PREFIX ent: <https://w3id.org/entente/ns#> PREFIX prov: <http://www.w3.org/ns/prov#> SELECT DISTINCT ?a WHERE { ?e a ent:Meeting ; prov:wasDerivedFrom ?a }' | tail -n +2 | wc -l)
check "merge: the meeting cites both articles" test "$prov" -eq 2
# N-Quads files keep their graphs, in query and in merge; a bad line is a bad file.
$E extract --date 2024-03-15 --format nquads tests/cli/fixtures/meeting-a.txt \
  tests/cli/fixtures/meeting-b.txt >"$TMP/mab.nq"
ng=$($E query "$TMP/mab.nq" --results csv -e 'SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }' | tail -n +2 | wc -l)
check "query over an N-Quads file sees its two graphs" test "$ng" -eq 2
$E merge --format nquads "$TMP/mab.nq" >"$TMP/mab-m.nq"
check "merge --format nquads keeps the two graphs" \
  test "$(awk '{print $(NF-1)}' "$TMP/mab-m.nq" | sort -u | wc -l)" -eq 2
printf '<http://a> <http://b> "x .\n' >"$TMP/bad.nq"
$E query "$TMP/bad.nq" -e 'SELECT * WHERE { ?s ?p ?o }' >/dev/null 2>&1
check "query: a bad line in an RDF file exits 1" test $? -eq 1
# More IRIs than merge's first table holds (256): it grows while in use.
python3 tests/bench/gen.py 3 "$TMP/gen3" >/dev/null
$E extract --date 2024-03-15 "$TMP"/gen3/*.txt >"$TMP/gen3.ttl"
$E merge "$TMP/gen3.ttl" >"$TMP/gen3m.ttl"
check "merge of three generated articles (over 256 IRIs)" rapper -q -i turtle -c "$TMP/gen3m.ttl"

# The dev corpus, when it is there: every article into a fresh store gives
# the same rows as the per-article outputs taken together.
CORPUS=../shared/corpus/dev
if [ -d "$CORPUS" ]; then
  CDB="$TMP/corpus.db"
  outs=()
  for f in "$CORPUS"/*.txt; do
    d=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["published"])' "${f%.txt}.gold.json")
    $E load --store "$CDB" --date "$d" "$f"
    $E extract --date "$d" "$f" >"$TMP/$(basename "$f" .txt).ttl"
    outs+=("$TMP/$(basename "$f" .txt).ttl")
  done
  for q in ontology/queries/*.rq; do
    $E query --store "$CDB" -f "$q" --results csv | tail -n +2 | sort >"$TMP/a.csv"
    $E query "${outs[@]}" -f "$q" --results csv | tail -n +2 | sort >"$TMP/b.csv"
    check "corpus in a store = per-article outputs: $(basename "$q") ($(wc -l <"$TMP/a.csv") rows)" \
      cmp -s "$TMP/a.csv" "$TMP/b.csv"
  done
  before=$($E query --store "$CDB" --results csv -e 'SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }' | wc -l)
  for f in "$CORPUS"/*.txt; do
    d=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["published"])' "${f%.txt}.gold.json")
    $E load --store "$CDB" --date "$d" "$f"
  done
  after=$($E query --store "$CDB" --results csv -e 'SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }' | wc -l)
  check "reloading the corpus leaves the triple count unchanged ($before)" test "$before" -eq "$after"
else
  echo "# ../shared/corpus/dev is absent: corpus store checks skipped"
fi

# owl:sameAs to another dataset merges into one node.
cat >"$TMP/links.ttl" <<'TTL'
<http://example.org/other/lavrov-1> <http://www.w3.org/2002/07/owl#sameAs> <http://example.org/wd/Q1> .
<http://example.org/wd/Q1> <http://www.w3.org/2000/01/rdf-schema#label> "Selim Arslan (external)" .
TTL
arslan=$(grep -o 'person:[a-z-]*arslan[a-z-]*' "$TMP/ma.ttl" | head -1 | sed 's|person:|https://w3id.org/entente/id/person/|')
echo "<$arslan> <http://schema.org/sameAs> <http://example.org/other/lavrov-1> ." >>"$TMP/links.ttl"
$E merge "$TMP/ma.ttl" "$TMP/links.ttl" >"$TMP/m2.ttl"
labels=$($E query "$TMP/m2.ttl" --results csv -e "SELECT ?l WHERE { <$arslan> <http://www.w3.org/2000/01/rdf-schema#label> ?l }" | tail -n +2 | wc -l)
check "merge follows sameAs chains into our node" test "$labels" -eq 2
finish

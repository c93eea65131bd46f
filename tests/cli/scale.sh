#!/bin/bash
# docs/scale.md at small scale: JSON Lines sharded with GNU parallel into
# N-Quads (the same quads as one process makes), the shards bulk-loaded into
# a private Virtuoso (ld_dir + rdf_loader_run), and the same articles pushed
# in parallel with the Graph Store protocol. Prints the measured times as
# "# measured:" lines (never asserted). SCALE_N articles (default 40);
# SCALE_JOBS parallel jobs (default 2).
#   SCALE_N=2000 bash tests/cli/scale.sh    # the figures of docs/scale.md
set -u
cd "$(dirname "$0")/../.."
. tests/cli/lib.sh
. tests/cli/virtuoso-lib.sh
E=$ENTENTE
N=${SCALE_N:-40}
J=${SCALE_JOBS:-2}
trap 'virtuoso_stop; rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
rows() { "$VIRT_PY" tests/cli/csv-rows.py "$1"; }

need=""
command -v parallel >/dev/null || need="GNU parallel"
virtuoso_installed || need="${need:+$need and }virtuoso-t"
if [ -n "$need" ]; then
  if [ "${CI:-}" = true ]; then not_ok "$need installed (scripts/install-deps.sh)"; else
    echo "# skipped: $need not installed (scripts/install-deps.sh installs it)"; fi
  finish
  exit
fi
ART=https://w3id.org/entente/id/article/
"$VIRT_PY" tests/bench/gen.py "$N" --jsonl "$TMP/news.jsonl"
check "gen.py: $N articles as JSON Lines" test "$(wc -l <"$TMP/news.jsonl")" -eq "$N"

# 1. Sharded extraction: parallel cuts the file at line ends (--pipepart),
#    one entente per block, each shard written whole (-o) or not at all.
mkdir -p "$TMP/virtuoso/shards"
SH="$TMP/virtuoso/shards" # under the server's DirsAllowed, for ld_dir
t=$(now)
parallel --will-cite --halt now,fail=1 -j "$J" --pipepart -a "$TMP/news.jsonl" --block -2 \
  "$E" extract --jsonl --strict --format nquads -o "$SH/{#}.nq" -
check "parallel extract exits 0" test $? -eq 0
echo "# measured: extract, $N articles in $(ls "$SH" | wc -l) shards, $J jobs: $(since "$t") s"
t=$(now)
"$E" extract --jsonl --format nquads "$TMP/news.jsonl" >"$TMP/one.nq"
echo "# measured: extract, $N articles in one process: $(since "$t") s"
quads=$(sort -u "$TMP/one.nq" | wc -l)
check "more than one shard" test "$(ls "$SH" | wc -l)" -gt 1
check "every shard is valid N-Quads" bash -c "for f in '$SH'/*.nq; do rapper -q -i nquads -c \"\$f\" || exit 1; done"
check "the shards hold the same $quads quads as one process" \
  cmp -s <(cat "$SH"/*.nq | sort -u) <(sort -u "$TMP/one.nq")

# 2. Virtuoso's bulk loader: ld_dir registers the shards, rdf_loader_run
#    loads them (one per core in parallel isql sessions on a big machine).
if ! virtuoso_start "$TMP/virtuoso"; then
  not_ok "Virtuoso starts"
  finish
  exit
fi
t=$(now)
virtuoso_isql "ld_dir('$SH', '*.nq', 'urn:entente:unused'); rdf_loader_run(); checkpoint;" >/dev/null
check "bulk load: isql exits 0" test $? -eq 0
echo "# measured: Virtuoso bulk load of $quads quads: $(since "$t") s"
errors=$(virtuoso_isql "SELECT COUNT(*) FROM DB.DBA.load_list WHERE ll_state <> 2 OR ll_error IS NOT NULL;" |
  awk '/^[0-9]+$/ { print; exit }')
check "bulk load: every shard loaded, no error" test "$errors" = 0
counts=$(virtuoso_sparql "SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?g) AS ?g) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \"$ART\")) }" | tail -n 1)
check "bulk load: $quads quads in $N graphs" test "$counts" = "$quads,$N"
virtuoso_sparql "$(cat ontology/queries/persons.rq)" >"$TMP/v.csv"
# roqet, not entente query: librdf's unindexed memory model is slow on
# tens of thousands of triples.
roqet -q -i sparql -F nquads -D "$TMP/one.nq" -r csv ontology/queries/persons.rq >"$TMP/l.csv"
check "persons.rq over all graphs: Virtuoso's rows are roqet's" \
  cmp -s <(rows "$TMP/v.csv") <(rows "$TMP/l.csv")

# 3. The other way in, for any SPARQL 1.1 server: Graph Store pushes, in
#    parallel, straight from the JSON Lines (another base keeps them apart).
PB=http://example.org/pushed/
t=$(now)
parallel --will-cite --halt now,fail=1 -j "$J" --pipepart -a "$TMP/news.jsonl" --block -2 \
  "$E" push --jsonl --strict --base "$PB" --endpoint "$VIRT_HTTP/sparql-graph-crud" -
check "parallel push exits 0" test $? -eq 0
echo "# measured: Graph Store push of $N articles, $J jobs: $(since "$t") s"
counts=$(virtuoso_sparql "SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?g) AS ?g) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \"${PB}article/\")) }" | tail -n 1)
check "push: $quads triples in $N graphs, as the bulk load" test "$counts" = "$quads,$N"
finish

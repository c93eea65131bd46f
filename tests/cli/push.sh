#!/bin/bash
# entente push against a scripted HTTP server (tests/cli/fake-sparql.py, on
# 127.0.0.1): what is sent (method, graph IRI, media type, body), retries on
# 5xx and dropped connections, timeouts, errors that name the endpoint and
# the status but never the credentials, and bad usage. tests/cli/virtuoso.sh
# does the same against a real server.
set -u
cd "$(dirname "$0")/../.."
. tests/cli/lib.sh
E=$ENTENTE
A=tests/cli/fixtures/meeting-a.txt
B=tests/cli/fixtures/meeting-b.txt
SERVER=""
PY=/usr/bin/python3 # Debian's starts fast; any python3 will do
[ -x "$PY" ] || PY=python3
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$TMP"' EXIT

serve() { # ANSWER...: start a fresh server; sets URL and LOG
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
  LOG="$TMP/log.$RANDOM"
  rm -f "$TMP/port"
  "$PY" tests/cli/fake-sparql.py "$LOG" "$TMP/port" "$@" &
  SERVER=$!
  for _ in $(seq 1 100); do [ -s "$TMP/port" ] && break; sleep 0.05; done
  URL="http://127.0.0.1:$(cat "$TMP/port")/store"
  : >>"$LOG"
}
field() { # N KEY: a field of the Nth logged request (1-based)
  "$PY" -c 'import json,sys; r=[json.loads(l) for l in open(sys.argv[1])]; n=int(sys.argv[2]); v = r[n-1].get(sys.argv[3]) if len(r) >= n else ""; sys.stdout.write(v if sys.argv[3] == "body" else str(v) + "\n")' "$LOG" "$1" "$2"
}
requests() { wc -l <"$LOG"; }

# What a push sends.
serve 201
$E push --endpoint "$URL" --date 2024-03-15 $A $B
check "push to a 201 server exits 0" test $? -eq 0
check "one request per article" test "$(requests)" -eq 2
check "each is a PUT" test "$(field 1 method) $(field 2 method)" = "PUT PUT"
check "to ?graph=<the article IRI>, percent-encoded" \
  test "$(field 1 path)" = "/store?graph=https%3A%2F%2Fw3id.org%2Fentente%2Fid%2Farticle%2Fmeeting-a"
check "N-Triples by default" test "$(field 1 type)" = "application/n-triples"
field 1 body >"$TMP/body.nt"
$E extract --date 2024-03-15 --format ntriples $A >"$TMP/a.nt"
check "the body is the article's graph" cmp -s <(sort "$TMP/body.nt") <(sort "$TMP/a.nt")
check "no credentials sent when none are given" test "$(field 1 auth)" = "None"

serve 204
$E push --endpoint "$URL?db=news" --format turtle --graph http://example.org/g $A $B
check "--graph: exits 0 (204 is success)" test $? -eq 0
check "--graph: the first article is PUT, the next POSTed" test "$(field 1 method) $(field 2 method)" = "PUT POST"
check "--graph: to that graph, after the endpoint's own query" \
  test "$(field 2 path)" = "/store?db=news&graph=http%3A%2F%2Fexample.org%2Fg"
check "--format turtle: text/turtle" test "$(field 1 type)" = "text/turtle; charset=utf-8"
field 1 body >"$TMP/body.ttl"
check "--format turtle: the body is valid Turtle" rapper -q -i turtle -c "$TMP/body.ttl"

serve 200
$E push --update --endpoint "$URL" $A
check "--update: a POST" test "$(field 1 method)" = "POST"
check "--update: application/sparql-update" test "$(field 1 type)" = "application/sparql-update; charset=utf-8"
field 1 body >"$TMP/update.rq"
check "--update: DROP SILENT GRAPH then INSERT DATA into the article's graph" \
  grep -qz 'DROP SILENT GRAPH <https://w3id.org/entente/id/article/meeting-a> ;.INSERT DATA { GRAPH <https://w3id.org/entente/id/article/meeting-a> {' "$TMP/update.rq"
check "--update: the request parses as SPARQL 1.1 Update" \
  roqet -q -n -i sparql11-update "$TMP/update.rq"

# Retries: 5xx and dropped connections are tried again, 4xx are not.
serve 503 201
$E push --endpoint "$URL" $A 2>"$TMP/err"
check "a 503 then a 201: exits 0" test $? -eq 0
check "... after two requests" test "$(requests)" -eq 2
check "... saying it tries again" grep -q "HTTP 503.*trying again" "$TMP/err"
serve drop 201
$E push --endpoint "$URL" $A 2>/dev/null
check "a dropped connection is tried again" test $? -eq 0 -a "$(requests)" -eq 2
serve 500
$E push --tries 2 --endpoint "$URL" $A $B 2>"$TMP/err"
check "500 every time: exits 1" test $? -eq 1
check "... after --tries 2 requests, and the next article is not sent" test "$(requests)" -eq 2
check "... the error names the endpoint and the status" grep -q "$URL: PUT .*failed (every try): HTTP 500" "$TMP/err"
serve 400
$E push --endpoint "$URL" $A 2>"$TMP/err"
check "a 400 exits 1" test $? -eq 1
check "... at once (no retry)" test "$(requests)" -eq 1
check "... with the server's words" grep -q "HTTP 400: Status 400 scripted answer" "$TMP/err"
serve 302
$E push --endpoint "$URL" $A 2>/dev/null
check "a redirect is not followed: exits 1" test $? -eq 1 -a "$(requests)" -eq 1
serve hang
$E push --tries 1 --timeout 1 --endpoint "$URL" $A 2>"$TMP/err"
check "--timeout: a server that never answers fails (exit 1)" test $? -eq 1
check "... saying it timed out" grep -qi "timed out" "$TMP/err"
$E push --tries 1 --connect-timeout 1 --endpoint "http://127.0.0.1:1/x" $A 2>"$TMP/err"
check "nothing listening: exit 1, naming the endpoint" grep -q "http://127.0.0.1:1/x" "$TMP/err"

# Credentials: from the environment or a netrc file, never printed.
secret="pa55-$$-word"
serve auth:alice:"$secret"
ENTENTE_USER=alice ENTENTE_PASSWORD="$secret" $E push --endpoint "$URL" $A
check "ENTENTE_USER/ENTENTE_PASSWORD: Basic auth on the server's challenge" test $? -eq 0
serve auth:alice:"$secret"
printf 'machine 127.0.0.1 login alice password %s\n' "$secret" >"$TMP/netrc"
$E push --netrc-file "$TMP/netrc" --endpoint "$URL" $A
check "--netrc-file: credentials from the file" test $? -eq 0
serve auth:alice:other
ENTENTE_USER=alice ENTENTE_PASSWORD="$secret" $E push --verbose --endpoint "$URL" $A >"$TMP/out" 2>"$TMP/err"
check "a refused password: exit 1 with HTTP 401" grep -q "HTTP 401" "$TMP/err"
check "... the password is in no output" bash -c "! grep -q -- '$secret' '$TMP/out' '$TMP/err'"
$E push --endpoint "http://alice:$secret@127.0.0.1:1/x" $A >"$TMP/out" 2>"$TMP/err"
check "credentials in the URL are refused (exit 2)" test $? -eq 2
check "... without echoing them" bash -c "! grep -q -- '$secret' '$TMP/out' '$TMP/err'"

# JSON Lines: one graph per line; a bad line is skipped and exits 1.
serve 201
printf '{"id":"one","date":"2024-03-15","text":"M. Dupont a rencontré Mme Durand à Paris."}\nnot json\n{"url":"http://example.org/news/2","text":"Mme Durand a rencontré M. Dupont."}\n' >"$TMP/in.jsonl"
$E push --jsonl --endpoint "$URL" "$TMP/in.jsonl" 2>"$TMP/err"
check "--jsonl with a bad line exits 1" test $? -eq 1
check "... the good lines are pushed, each to its graph" \
  test "$(field 2 path)" = "/store?graph=http%3A%2F%2Fexample.org%2Fnews%2F2"

# Bad input and usage: nothing is sent.
serve 201
printf 'caf\xe9\n' >"$TMP/bad.txt"
$E push --endpoint "$URL" $A "$TMP/bad.txt" 2>/dev/null
check "a bad file: exit 1 and nothing sent" test $? -eq 1 -a "$(requests)" -eq 0
for args in "$A" "--endpoint ftp://x/ $A" "--endpoint $URL" "--endpoint $URL --graph bad $A" \
  "--endpoint $URL --graph http://x/g --graph-per-article $A" "--endpoint $URL --update --format turtle $A" \
  "--endpoint $URL --tries 0 $A" "--endpoint $URL --date 2024-13-01 $A" "--endpoint $URL --nope $A"; do
  # shellcheck disable=SC2086
  $E push $args 2>/dev/null
  check "usage error exits 2: push $args" test $? -eq 2
done
check "... and nothing was sent" test "$(requests)" -eq 0
finish

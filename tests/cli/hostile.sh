#!/bin/bash
# Hostile input to `entente extract`: broken encodings, absurd sizes, control
# characters, quotes that never close, names that look like Turtle, absurd
# numbers and dates, bad options, outputs that cannot be written, inputs
# that vanish half way. Every case must end in either
#   - exit 0, nothing on stderr, and an output that rapper parses, or
#   - exactly one error line ("entente: …") and exit 1 (bad input) or 2
#     (bad usage), no output file and no temporary file left behind,
# and never in a crash (exit >= 128) or a sanitizer report. Most cases say
# which of the two they expect.
#
# VALGRIND=1 runs every case under valgrind (memcheck, leaks included: a
# valgrind error is exit 99); the few inputs of megabytes are then made
# SCALE (10) times smaller, except the size limit cases, and the case that
# needs 50 000 persons is left out (it takes seconds natively, an hour under
# valgrind). Under the ASan build (make asan) sanitizer reports fail a case.
set -u
cd "$(dirname "$0")/../.."
. tests/cli/lib.sh
E=$ENTENTE
DATE=2024-04-26
OUT="$TMP/out.ttl"
if [ -n "${VALGRIND:-}" ]; then
  RUN=(valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible
       --errors-for-leak-kinds=definite,indirect,possible --suppressions=tests/valgrind.supp
       --num-callers=40 --error-exitcode=99 "--log-file=$TMP/vg.%p")
  SCALE=10
  echo "# under valgrind: inputs of megabytes are $SCALE times smaller"
else
  RUN=()
  SCALE=1
fi
py() { python3 -c "$@"; }

# verdict NAME WANT RC OUTFILE: judge one run from $TMP/stdout and $TMP/stderr.
# WANT: ok | err (exit 1) | usage (exit 2) | either (ok or err) |
#       done (exit 0, output not checked: it went to a device).
verdict() {
  local name=$1 want=$2 rc=$3 out=$4 why=""
  local lines
  lines=$(wc -l <"$TMP/stderr")
  if [ "$rc" -ge 128 ]; then why="crashed (exit $rc)"
  elif [ "$rc" -eq 99 ] && [ ${#RUN[@]} -gt 0 ]; then why="valgrind error: $(cat "$TMP"/vg.* 2>/dev/null | grep -m3 '==')"
  elif cat "$TMP"/vg.* 2>/dev/null | grep -q .; then why="valgrind: $(cat "$TMP"/vg.* | grep -m3 '==')"
  elif grep -qE 'Sanitizer|runtime error:|LeakSanitizer' "$TMP/stderr"; then why="sanitizer: $(grep -m2 -E 'ERROR|runtime error' "$TMP/stderr")"
  elif [ -n "$out" ] && ls "$out".tmp.* >/dev/null 2>&1; then why="temporary file left: $(ls "$out".tmp.*)"
  fi
  if [ -z "$why" ]; then
    [ "$want" = either ] && { [ "$rc" -eq 0 ] && want=ok || want=err; }
    case $want in
    ok)
      if [ "$rc" -ne 0 ]; then why="exit $rc: $(head -c 300 "$TMP/stderr")"
      elif [ -s "$TMP/stderr" ]; then why="stderr: $(head -c 300 "$TMP/stderr")"
      elif [ -n "$out" ] && [ ! -s "$out" ]; then why="no output"
      elif [ -n "$out" ] && ! rapper -q -i turtle -c "$out" >/dev/null 2>"$TMP/rapper"; then
        why="output does not parse: $(head -c 300 "$TMP/rapper")"
      elif [ -n "$out" ] && ! iconv -f UTF-8 -t UTF-8 "$out" >/dev/null 2>&1; then
        why="output is not UTF-8 (rapper reads it all the same)"
      fi ;;
    done)
      if [ "$rc" -ne 0 ] || [ -s "$TMP/stderr" ]; then why="exit $rc: $(head -c 300 "$TMP/stderr")"; fi ;;
    err|usage)
      local code=1; [ "$want" = usage ] && code=2
      if [ "$rc" -ne $code ]; then why="exit $rc, not $code: $(head -c 300 "$TMP/stderr")"
      elif [ "$lines" -ne 1 ]; then why="$lines error lines: $(head -c 300 "$TMP/stderr")"
      elif ! grep -q '^entente: ' "$TMP/stderr"; then why="error line: $(cat "$TMP/stderr")"
      elif [ -n "$out" ] && [ -e "$out" ]; then why="an output file was written"
      elif [ -s "$TMP/stdout" ]; then why="something on stdout"
      fi ;;
    esac
  fi
  if [ -z "$why" ]; then ok "$name"; else not_ok "$name" "$why"; fi
}

# hcase NAME WANT ARGS...: entente extract --date $DATE -o $OUT ARGS, stdin
# from $STDIN (default /dev/null).
hcase() {
  local name=$1 want=$2; shift 2
  rm -f "$OUT" "$OUT".tmp.* "$TMP"/vg.*
  "${RUN[@]}" "$E" extract --date $DATE -o "$OUT" "$@" <"${STDIN:-/dev/null}" \
    >"$TMP/stdout" 2>"$TMP/stderr"
  verdict "$name" "$want" $? "$OUT"
}
# tcase NAME WANT TEXT-FILE: hcase on one input file.
tcase() { hcase "$1" "$2" "$3"; }
# raw NAME WANT ARGS...: entente extract ARGS as given (output to stdout).
raw() {
  local name=$1 want=$2; shift 2
  rm -f "$TMP"/vg.*
  "${RUN[@]}" "$E" extract "$@" </dev/null >"$TMP/stdout" 2>"$TMP/stderr"
  local rc=$?
  [ "$want" = ok ] && cp "$TMP/stdout" "$TMP/stdout.ttl"
  verdict "$name" "$want" $rc "$([ "$want" = ok ] && echo "$TMP/stdout.ttl")"
}

S="M. Jean Dupont a rencontré Mme Anna Richter à Genève."
f() { echo "$TMP/in-$1"; } # the path of a generated input

# --- encodings ---
{ printf '\xff\xfe'; printf '%s\n' "$S" | iconv -f UTF-8 -t UTF-16LE; } >"$(f u16le)"
tcase "UTF-16LE with BOM: binary" err "$(f u16le)"
{ printf '\xfe\xff'; printf '%s\n' "$S" | iconv -f UTF-8 -t UTF-16BE; } >"$(f u16be)"
tcase "UTF-16BE with BOM: binary" err "$(f u16be)"
printf '%s\n' "$S" | iconv -f UTF-8 -t LATIN1 >"$(f latin1)"
tcase "Latin-1" err "$(f latin1)"
printf 'M. Dupont a dit \xc0\xaf ceci.\n' >"$(f over2)"; tcase "overlong 2-byte /" err "$(f over2)"
printf 'M. Dupont a dit \xe0\x80\xaf ceci.\n' >"$(f over3)"; tcase "overlong 3-byte /" err "$(f over3)"
printf 'M. Dupont \xed\xa0\x80 a dit.\n' >"$(f surr-hi)"; tcase "lone high surrogate" err "$(f surr-hi)"
printf 'M. Dupont \xed\xbf\xbf a dit.\n' >"$(f surr-lo)"; tcase "lone low surrogate" err "$(f surr-lo)"
printf 'M. Dupont \xf4\x90\x80\x80 a dit.\n' >"$(f big)"; tcase "code point above U+10FFFF" err "$(f big)"
printf 'M. Dupont \xf8\x88\x80\x80\x80 a dit.\n' >"$(f five)"; tcase "5-byte sequence" err "$(f five)"
printf 'M. Dupont a dit caf\xc3' >"$(f trunc)"; tcase "sequence cut at the end" err "$(f trunc)"
printf '\xef\xbb\xbf' >"$(f bom)"; tcase "a UTF-8 BOM alone: empty" err "$(f bom)"
printf '\xef\xbb\xbf%s\n' "$S" >"$(f bomtext)"; tcase "UTF-8 BOM then text" ok "$(f bomtext)"
printf 'Titre\r\n%s\r\n« Oui », a déclaré M. Dupont.\r\n' "$S" >"$(f crlf)"; tcase "CRLF line ends" ok "$(f crlf)"
printf 'Titre\r%s\r« Oui », a déclaré M. Dupont.\r' "$S" >"$(f cr)"; tcase "CR line ends (old Mac)" ok "$(f cr)"
printf 'Titre\xc2\x85M. Dupont a parlé.\xe2\x80\xa8Mme Richter aussi.\xe2\x80\xa9Fin.\n' >"$(f nel)"
tcase "NEL, LS and PS separators" ok "$(f nel)"
printf 'M. Du\xe2\x80\x8dpont a rencontré Mme Ri\xe2\x80\x8cch\xe2\x80\x8bter\xe2\x81\xa0.\n' >"$(f zwj)"
tcase "zero-width joiners and spaces in names" ok "$(f zwj)"
printf '\xe2\x80\x8fM. \xe2\x80\xaeDupont\xe2\x80\xac a dit \xe2\x81\xa6« oui »\xe2\x81\xa9 \xd8\xa7\xd9\x84\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85.\n' >"$(f rtl)"
tcase "RTL marks, overrides and isolates" ok "$(f rtl)"
printf 'M. Dupont \xef\xbf\xbe\xef\xbf\xbf\xee\x80\x80 a dit « \xef\xbf\xbf ».\n' >"$(f nonchar)"
tcase "noncharacters and private use" ok "$(f nonchar)"
printf '« La paix \xef\xbf\xbe\xef\xbf\xbf maintenant », a déclaré M. Jean Dupont.\n' >"$(f nonchar-quote)"
"$E" extract --format ntriples "$(f nonchar-quote)" >"$TMP/nonchar.nt" 2>/dev/null
check "... U+FFFE and U+FFFF in a quote written U+FFFD (raptor cuts a string there)" \
  grep -q 'paix \\uFFFD\\uFFFD maintenant' "$TMP/nonchar.nt"
# Names from outside the text: file names need not be UTF-8, JSON fields
# may hold noncharacters. Each becomes U+FFFD in its literal.
mkdir -p "$TMP/names"
cp "$(f bomtext)" "$TMP/names/latin1-$(printf '\xe9').txt"
tcase "a file name that is not UTF-8" ok "$TMP/names/latin1-$(printf '\xe9').txt"
cp "$(f bomtext)" "$TMP/names/nonchar-$(printf '\xef\xbf\xbf').txt"
tcase "a file name with U+FFFF" ok "$TMP/names/nonchar-$(printf '\xef\xbf\xbf').txt"
printf '%s\n' '{"id":"n\uffff","url":"https://example.org/\ufffe","title":"Titre \uffff","text":"M. Dupont a parlé."}' >"$(f nonchar.jsonl)"
hcase "JSON fields with U+FFFE and U+FFFF" ok --jsonl "$(f nonchar.jsonl)"
"$E" extract --jsonl --format ntriples "$(f nonchar.jsonl)" >"$TMP/nonchar-json.nt" 2>/dev/null
check "... a url with U+FFFE is no IRI (raptor would cut it to https://example.org/)" \
  test "$(grep -c '<https://example.org/>' "$TMP/nonchar-json.nt")" -eq 0
printf 'M. Dupont\ta dit\f« oui ».\n' >"$(f ff)"; tcase "tab and form feed" ok "$(f ff)"
py "import sys; sys.stdout.write('M. Dupont a dit e' + '\u0301' * 5000 + ' oui.\n')" >"$(f zalgo)"
tcase "5000 combining marks on one letter" ok "$(f zalgo)"

# --- sizes ---
: >"$(f empty)"; tcase "empty file" err "$(f empty)"
printf 'a' >"$(f one)"; tcase "one byte" ok "$(f one)"
printf '\n' >"$(f nl)"; tcase "one newline: empty" err "$(f nl)"
LIMIT=$((4 * 1024 * 1024))
py "
import sys
s = b'M. Dupont a dit bonjour.\n'
sys.stdout.buffer.write(s + b' ' * ($LIMIT - len(s)))" >"$(f limit)"
tcase "exactly the size limit ($LIMIT bytes)" ok "$(f limit)"
{ cat "$(f limit)"; printf 'x'; } >"$(f limit1)"; tcase "the size limit + 1" err "$(f limit1)"
py "
import random, sys
r = random.Random(1)
w = 'le ministre a dit que la France et Russie Dupont mardi millions euros rencontre'.split()
out, n = [], 0
while n < 3_000_000 // $SCALE:
    x = r.choice(w); out.append(x); n += len(x) + 1
sys.stdout.write(' '.join(out))" >"$(f line)"
tcase "one $((3000 / SCALE)) kB line without punctuation" ok "$(f line)"
py "import sys; sys.stdout.write('Il part. ' * (200000 // $SCALE))" >"$(f short)"
tcase "$((200000 / SCALE)) short sentences" ok "$(f short)"
py "import sys; sys.stdout.write('« ' * 10000 + 'M. Dupont a dit oui.')" >"$(f nest)"
tcase "10000 nested « never closed" ok "$(f nest)"
py "import sys; sys.stdout.write('M. ' * (50000 // $SCALE))" >"$(f mmm)"
tcase "$((50000 / SCALE)) M. M. M." ok "$(f mmm)"
py "import sys; sys.stdout.write('a ' * 1000001)" >"$(f tokens)"
tcase "1000001 one-letter words: over the token limit" err "$(f tokens)"
if [ -z "${VALGRIND:-}" ]; then
  py "
import sys
syl = ['ba','ko','ri','de','mu','la','sen','tor','vi','gal','pe','nu']
def name(i):
    s = ''
    while True:
        s += syl[i % 12]; i //= 12
        if i == 0: return s.capitalize() + 'ov'
sys.stdout.write(''.join('M. %s et Mme %s. ' % (name(2*i), name(2*i+1)) for i in range(26000)))" >"$(f persons)"
  tcase "52000 distinct persons: over the entity limit" err "$(f persons)"
fi
py "import sys; sys.stdout.write('M. Dupont a dit ' + 'a' * (1000000 // $SCALE) + '.')" >"$(f word)"
tcase "one word of $((1000 / SCALE)) kB" ok "$(f word)"
py "import sys; sys.stdout.write('La France a promis ' + '7' * (100000 // $SCALE) + ' milliards de dollars.')" >"$(f digits)"
tcase "a $((100000 / SCALE))-digit sum" ok "$(f digits)"

# --- control characters ---
printf 'M. Dupont\x01 a dit.\n' >"$(f soh)"; tcase "SOH control character" err "$(f soh)"
printf '\x1b[31mM. Dupont\x1b[0m a dit.\n' >"$(f esc)"; tcase "ANSI escape sequences" err "$(f esc)"
printf 'M. Dupont\x7f a dit.\n' >"$(f del)"; tcase "DEL" err "$(f del)"
printf 'M. Dupont\x00 a dit.\n' >"$(f nul)"; tcase "NUL" err "$(f nul)"
printf 'M. Dupont\x0b a dit.\n' >"$(f vt)"; tcase "vertical tab" err "$(f vt)"

# --- quotes and brackets ---
printf '« ( [ { “ ‹ " %s Il a dit « non, a déclaré Mme Richter (sans [ fin\n' "$S" >"$(f open)"
tcase "quotes and brackets that never close" ok "$(f open)"
printf '» ) ] } ” › » » %s » », a-t-il dit.\n' "$S" >"$(f close)"
tcase "closing marks without opening ones" ok "$(f close)"

# --- names that look like Turtle, IRIs, escapes ---
printf 'M. <http://x> a déclaré « oui » à Mme <urn:a b>.\n' >"$(f iri)"
tcase "M. <http://x> a déclaré" ok "$(f iri)"
printf 'Mme """; @prefix x: <y> . a déclaré « \x27\x27\x27 """ » à M. "Dupont".\n' >"$(f triple)"
tcase 'Mme """; @prefix' ok "$(f triple)"
printf 'M. _:b0 a rencontré M. _:b1 et Mme ?x.\n' >"$(f bnode)"; tcase "M. _:b0" ok "$(f bnode)"
printf 'M. Du\\pont a dit « \\u0000 \\n \\" \\\\ » à Mme Ri\\chter.\n' >"$(f bslash)"
tcase "backslashes and escapes" ok "$(f bslash)"
printf 'M. Dupont } a dit ] « ^^xsd:string @fr } ] . ; , » à Mme Richter^^<x>.\n' >"$(f punct)"
tcase '"}" "]" "^^xsd:" in names' ok "$(f punct)"
WEIRD="$TMP/a \"b\" <c> {d} \\e
f.txt"
printf '%s\n' "$S" >"$WEIRD"; tcase "a file name with quotes, <>, \\ and a newline" ok "$WEIRD"

# --- absurd numbers and dates ---
printf 'Washington a promis 99999999999999999999 milliards de dollars à Kiev.\n' >"$(f huge)"
tcase "99999999999999999999 milliards de dollars" ok "$(f huge)"
printf 'Il a versé -1 milliard, 1e308 dollars, 0,000000001 euro et 18446744073709551616 euros.\n' >"$(f odd)"
tcase "negative, exponent, tiny and 2^64 sums" ok "$(f odd)"
printf 'M. Dupont a rencontré Mme Richter le 31 février 2024 puis le 0 mars et le 99 avril.\n' >"$(f feb)"
tcase "le 31 février 2024" ok "$(f feb)"
printf 'En l’an 99999, M. Dupont a rencontré Mme Richter, puis en l’an 0 et en 10000.\n' >"$(f year)"
tcase "en l'an 99999" ok "$(f year)"
printf 'Demain, M. Dupont rencontrera Mme Richter. L’an prochain et la semaine prochaine aussi. Hier, il a promis 5 millions d’euros.\n' >"$(f rel)"
hcase "--date 0000-01-01" usage --date 0000-01-01 "$(f rel)"
hcase "--date 9999-12-31 and dates after it" ok --date 9999-12-31 "$(f rel)"
hcase "--date 0001-01-01 and dates before it" ok --date 0001-01-01 "$(f rel)"
hcase "--date 2024-02-30" usage --date 2024-02-30 "$(f rel)"
hcase "--date 2024-4-5" usage --date 2024-4-5 "$(f rel)"

# --- bad options ---
hcase "unknown option" usage --bogus "$(f rel)"
raw "-o without a value" usage -o
hcase "unknown format" usage --format xml "$(f rel)"
hcase "--base with a space" usage --base "http://ex ample/" "$(f rel)"
hcase "--base with quotes and braces" usage --base 'http://x/"{}/' "$(f rel)"
hcase "--base without a scheme" usage --base "//x/" "$(f rel)"
hcase "--strict without --jsonl" usage --strict "$(f rel)"

# --- outputs ---
run_to() { # NAME OUTPUT-PATH: -o somewhere that cannot be written
  rm -f "$TMP"/vg.*
  "${RUN[@]}" "$E" extract -o "$2" "$(f rel)" </dev/null >"$TMP/stdout" 2>"$TMP/stderr"
  local rc=$?
  if ls "$2".tmp.* >/dev/null 2>&1; then not_ok "$1" "temporary file left: $(ls "$2".tmp.*)"
  else verdict "$1" err $rc ""; fi
}
run_to "-o /proc/version (unwritable)" /proc/version
run_to "-o a path under a file" /etc/hostname/x.ttl
mkdir -p "$TMP/adir"
run_to "-o a directory" "$TMP/adir"
rm -f "$TMP"/vg.*
"${RUN[@]}" "$E" extract -o /dev/null "$(f rel)" >"$TMP/stdout" 2>"$TMP/stderr"
verdict "-o /dev/null (written to, not replaced)" done $? ""
check "/dev/null is still a character device" test -c /dev/null
rm -f "$TMP"/vg.*
"${RUN[@]}" "$E" extract "$(f rel)" >/dev/full 2>"$TMP/stderr"; rc=$?
: >"$TMP/stdout"; verdict "standard output full (/dev/full)" err $rc ""
# Natively only: under valgrind, the log file valgrind opens takes the free
# descriptor 1 and entente's output lands in it.
if [ ${#RUN[@]} -eq 0 ]; then
  "$E" extract "$(f rel)" >&- 2>"$TMP/stderr"; rc=$?
  : >"$TMP/stdout"; verdict "standard output closed" err $rc ""
fi
echo "keep me" >"$TMP/keep.ttl"
rm -f "$TMP"/vg.*
"${RUN[@]}" "$E" extract -o "$TMP/keep.ttl" "$(f latin1)" >"$TMP/stdout" 2>"$TMP/stderr"; rc=$?
verdict "bad input with an existing -o: error" err $rc ""
check "bad input with an existing -o: the file is kept" grep -qx "keep me" "$TMP/keep.ttl"

# --- inputs that vanish ---
fifo_case() { # NAME WANT WRITER-SCRIPT: a FIFO whose writer dies half way
  local name=$1 want=$2 w=$3 fifo="$TMP/fifo"
  rm -f "$fifo" "$OUT" "$TMP"/vg.*
  mkfifo "$fifo"
  (bash -c "$w"; true) >"$fifo" 2>/dev/null &
  local writer=$!
  "${RUN[@]}" "$E" extract --date $DATE -o "$OUT" "$fifo" </dev/null >"$TMP/stdout" 2>"$TMP/stderr"
  local rc=$?
  wait $writer 2>/dev/null
  verdict "$name" "$want" $rc "$OUT"
}
fifo_case "a FIFO whose writer dies mid-sentence" either \
  'printf "M. Dupont a rencontré Mme Rich"; kill -9 $$'
fifo_case "a FIFO whose writer dies mid-character" err \
  'printf "M. Dupont a dit caf\xc3"; kill -9 $$'
# A file checked, then gone before it is read: the FIFO comes first and is
# read first (FIFOs are read once, when their turn comes); its writer
# removes the second file before writing.
printf '%s\n' "$S" >"$TMP/second.txt"
rm -f "$TMP/fifo" "$OUT" "$TMP"/vg.*
mkfifo "$TMP/fifo"
(rm -f "$TMP/second.txt"; printf '%s\n' "$S") >"$TMP/fifo" &
writer=$!
"${RUN[@]}" "$E" extract --date $DATE -o "$OUT" "$TMP/fifo" "$TMP/second.txt" </dev/null \
  >"$TMP/stdout" 2>"$TMP/stderr"
rc=$?
wait $writer 2>/dev/null
verdict "a file deleted between check and read" err $rc "$OUT"
rm -f "$TMP"/vg.*
"${RUN[@]}" "$E" extract --date $DATE -o "$OUT" - <&- >"$TMP/stdout" 2>"$TMP/stderr"
verdict "standard input closed (-)" err $? "$OUT"
rm -f "$TMP"/vg.*
"${RUN[@]}" "$E" extract --date $DATE -o "$OUT" <&- >"$TMP/stdout" 2>"$TMP/stderr"
verdict "standard input closed (no file)" err $? "$OUT"
STDIN="$(f rel)" hcase "standard input" ok -
hcase "a missing file" err "$TMP/nope.txt"
hcase "a directory as input" err "$TMP/adir"
hcase "one good file, one missing: nothing written" err "$(f rel)" "$TMP/nope.txt"

# --- JSON Lines ---
printf '{"id":"a","url":"http://x/a b\\"<>","text":"%s"}\n' "$S" >"$(f url.jsonl)"
hcase "--jsonl: a url no RDF syntax can write" ok --jsonl "$(f url.jsonl)"
printf '{"id":"a\\r\\"\\"\\"","title":"T\\r\\"\\"\\"x\\\\","text":"Titre\\r%s\\t après"}\n' "$S" >"$(f t.jsonl)"
hcase "--jsonl: CR, quotes and a tab in fields" ok --jsonl "$(f t.jsonl)"
printf '{"id":"a","text":"%s"}\n{"id":"b","text":"a\\u0000b"}\n' "$S" >"$(f nul.jsonl)"
hcase "--jsonl --strict: a NUL in a line" err --jsonl --strict "$(f nul.jsonl)"
# A NUL byte ends what the JSON parser reads: the rest of the line must not vanish.
printf '{"id":"a","text":"%s"}\0{"id":"b"}\n' "$S" >"$(f rawnul.jsonl)"
hcase "--jsonl --strict: a NUL byte after the object" err --jsonl --strict "$(f rawnul.jsonl)"
printf '{"id":"a","text":"%s"} {"id":"b"}\n' "$S" >"$(f two.jsonl)"
hcase "--jsonl --strict: two objects on a line" err --jsonl --strict "$(f two.jsonl)"
deep() { python3 -c 'import sys; n=int(sys.argv[1]); print("{\"text\":\"" + sys.argv[2] + "\",\"x\":" + "["*n + "]"*n + "}")' "$@"; }
deep 500 "$S" >"$(f deep.jsonl)"
hcase "--jsonl: valid JSON nested 500 deep" ok --jsonl "$(f deep.jsonl)"
deep 100000 "$S" >"$(f deeper.jsonl)"
hcase "--jsonl --strict: JSON nested 100,000 deep" err --jsonl --strict "$(f deeper.jsonl)"
printf '{"id":"a",/* c */"text":"%s"}\n' "$S" >"$(f comment.jsonl)"
hcase "--jsonl --strict: a comment (not JSON)" err --jsonl --strict "$(f comment.jsonl)"
finish

#!/bin/bash
# Web pages and feeds (src/reader*.c, --input): the fixtures of
# tests/fixtures/html and tests/fixtures/feeds — the example article laid out
# as different sites would — give the same persons and roles as its plain
# text; headline, date, URL, author and language are read; menus, share
# buttons and comments stay out of the text; hostile markup (generated here,
# never committed) ends in one clear error line or a bounded result.
# VALGRIND=1 runs every entente command under valgrind (make leakcheck).
set -u
cd "$(dirname "$0")/../.."
. tests/cli/lib.sh
E=$ENTENTE
# Every run's valgrind report lands in its own log, checked at the end (runs
# piped into other commands included).
if [ "${VALGRIND:-0}" = 1 ]; then
  E="valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible
     --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99
     --suppressions=tests/valgrind.supp --num-callers=40 --log-file=$TMP/vg.%p.log $ENTENTE"
fi
# X: runs that repeat what a run under valgrind already covered (the
# lexicons load for a dozen seconds under valgrind) go without it.
X=$ENTENTE
[ "${VALGRIND:-0}" = 1 ] || X=$E
vg() { # the command for fixture NAME: under valgrind for a few of them
  case $1 in article | latin1 | rss-content | atom) echo "$E" ;; *) echo "$X" ;; esac
}
H=tests/fixtures/html
F=tests/fixtures/feeds
EX=docs/example/article.txt
DATE=2024-03-15
BASE=https://w3id.org/entente/id/
Q_PREFIX='PREFIX ent: <https://w3id.org/entente/ns#> PREFIX schema: <http://schema.org/>'

# The queries that check results run the plain binary; their stderr (under
# ASan, Rasqal's own leaks) goes to a file.
rows() { # FILE.ttl QUERY-NAME: the query's rows, sorted, without the header
  $ENTENTE query "$1" -f "ontology/queries/$2.rq" --results csv 2>>"$TMP/query.err" | tail -n +2 | sort
}
# The value of one article property (first article), "" when absent.
prop() { # FILE.ttl PROPERTY
  $ENTENTE query "$1" --results csv -e "$Q_PREFIX SELECT ?v WHERE { ?a a ent:Article ; $2 ?v }" 2>>"$TMP/query.err" |
    sed -n 2p | tr -d '\r' | sed 's/^"\(.*\)"$/\1/'
}
article_iri() { # FILE.ttl
  $ENTENTE query "$1" --results csv -e "$Q_PREFIX SELECT ?a WHERE { ?a a ent:Article }" 2>>"$TMP/query.err" |
    tail -n +2 | tr -d '\r' | sort
}
# The "text" of every article `entente read` finds, one per line.
texts() { # FILE [OPTIONS...]
  $E read "$@" | python3 -c 'import json,sys
for l in sys.stdin: print(json.loads(l)["text"])'
}
is_eq() { # NAME GOT WANT
  if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "got '$2', want '$3'"; fi
}
# One error line naming the file, exit 1, nothing on stdout, no -o file.
refused() { # NAME PATTERN FILE [OPTIONS...]
  local name=$1 pat=$2 file=$3 out="$TMP/refused-$RANDOM.ttl"
  shift 3
  $E extract -o "$out" "$@" "$file" >"$TMP/stdout" 2>"$TMP/stderr"
  local rc=$?
  if [ $rc -eq 1 ] && [ "$(wc -l <"$TMP/stderr")" -eq 1 ] && grep -qF "$(basename "$file")" "$TMP/stderr" &&
     grep -qiE "$pat" "$TMP/stderr" && [ ! -e "$out" ] && [ ! -s "$TMP/stdout" ]; then
    ok "$name"
  else
    not_ok "$name" "rc=$rc stderr=$(head -c 300 "$TMP/stderr")"
  fi
}

# --- the plain text: what every layout must give ---
$X extract --date $DATE $EX >"$TMP/plain.ttl"
rows "$TMP/plain.ttl" persons >"$TMP/plain.persons"
rows "$TMP/plain.ttl" roles >"$TMP/plain.roles"
check "the plain article has persons (7) and roles (7)" \
  test "$(wc -l <"$TMP/plain.persons")" -eq 7 -a "$(wc -l <"$TMP/plain.roles")" -eq 7
tail -n +2 $EX >"$TMP/body.txt" # the article without its headline line

# --- web pages: same facts as the plain text ---
for page in article div-soup jsonld time latin1 nodate; do
  opts=()
  [ $page = nodate ] && opts=(--date $DATE)
  if $(vg $page) extract "${opts[@]}" "$H/$page.html" >"$TMP/$page.ttl" 2>"$TMP/err"; then
    ok "$page.html: extracted"
  else
    not_ok "$page.html: extracted" "$(head -c 300 "$TMP/err")"
  fi
  rows "$TMP/$page.ttl" persons >"$TMP/$page.persons"
  rows "$TMP/$page.ttl" roles >"$TMP/$page.roles"
  check "$page.html: the same persons as the plain text" cmp -s "$TMP/plain.persons" "$TMP/$page.persons"
  check "$page.html: the same roles as the plain text" cmp -s "$TMP/plain.roles" "$TMP/$page.roles"
  check "$page.html: conforms to the RDF syntax (rapper)" rapper -q -i turtle -c "$TMP/$page.ttl"
  is_eq "$page.html: ent:sourceFormat html" "$(prop "$TMP/$page.ttl" ent:sourceFormat)" html
  # Boilerplate of every fixture: menus, share buttons, adverts, comments,
  # related links, cookie banners, footers, scripts, captions.
  texts "$H/$page.html" >"$TMP/$page.txt"
  leaked=$(grep -oE "Accueil|Partager|Facebook|Tweeter|Publicité|Commentaires|réactions|cookies|Tout accepter|Les plus lus|Météo|Mentions légales|Recevez chaque matin|lire aussi|Sur le même sujet|Articles récents|Jean-Pierre|dataLayer|trackPage|Photo :|Copier le lien|En ce moment|Gazette européenne paraît" "$TMP/$page.txt" | sort -u | tr '\n' ' ')
  is_eq "$page.html: no boilerplate in the text" "$leaked" ""
  check "$page.html: the text passes the article checks (valid UTF-8)" \
    python3 -c 'import sys; open(sys.argv[1], encoding="utf-8", errors="strict").read()' "$TMP/$page.txt"
done
# Where the layout keeps the paragraphs as they are, the text is exactly the article's.
for page in div-soup jsonld nodate; do
  check "$page.html: the text is the article, paragraph for paragraph" cmp -s "$TMP/body.txt" "$TMP/$page.txt"
done

# Headlines: og:title, else the article's <h1>, else <title>.
HEAD="À Genève, Berlin et Varsovie promettent de nouveaux fonds pour la Moldavie"
is_eq "article.html: headline from og:title" "$(prop "$TMP/article.ttl" schema:headline)" "$HEAD"
is_eq "div-soup.html: headline from <h1>, not the <title>" "$(prop "$TMP/div-soup.ttl" schema:headline)" "$HEAD"
is_eq "jsonld.html: headline from <h1>" "$(prop "$TMP/jsonld.ttl" schema:headline)" \
  "Berlin et Varsovie au chevet de la Moldavie"
is_eq "nodate.html: headline from <title>" "$(prop "$TMP/nodate.ttl" schema:headline)" "$HEAD"
# Dates, each from another source.
is_eq "article.html: date from article:published_time" "$(prop "$TMP/article.ttl" schema:datePublished)" $DATE
is_eq "div-soup.html: date from meta DC.date" "$(prop "$TMP/div-soup.ttl" schema:datePublished)" $DATE
is_eq "jsonld.html: date from JSON-LD datePublished (@graph), not dateModified" \
  "$(prop "$TMP/jsonld.ttl" schema:datePublished)" $DATE
is_eq "time.html: date from the article's <time>, not the aside's" "$(prop "$TMP/time.ttl" schema:datePublished)" $DATE
is_eq "latin1.html: date from meta pubdate 20240315" "$(prop "$TMP/latin1.ttl" schema:datePublished)" $DATE
$X extract "$H/nodate.html" >"$TMP/nodate-none.ttl"
is_eq "nodate.html without --date: no schema:datePublished" "$(prop "$TMP/nodate-none.ttl" schema:datePublished)" ""
$X extract --date 2024-01-02 "$H/article.html" >"$TMP/userdate.ttl"
is_eq "--date beats the page's own date" "$(prop "$TMP/userdate.ttl" schema:datePublished)" 2024-01-02
# The canonical URL is the article's IRI (fragment dropped), og:url the fallback.
CANON=https://courrier-diplomatique.example/international/2024/03/15/moldavie-fonds-geneve
is_eq "article.html: the IRI is <link rel=canonical>" "$(article_iri "$TMP/article.ttl")" $CANON
is_eq "article.html: schema:url" "$(prop "$TMP/article.ttl" schema:url)" $CANON
is_eq "div-soup.html: the IRI is og:url" "$(article_iri "$TMP/div-soup.ttl")" \
  http://observateur-est.example/art/2024/moldavie-fonds.html
is_eq "nodate.html: no URL, the IRI is made from the file name" "$(article_iri "$TMP/nodate.ttl")" ${BASE}article/nodate
check "spans hang off the canonical IRI" grep -qF "<$CANON#char=" "$TMP/article.ttl"
# Authors and languages.
is_eq "article.html: author from meta author" "$(prop "$TMP/article.ttl" schema:author)" "Claire Vasseur"
is_eq "div-soup.html: author from rel=author" "$(prop "$TMP/div-soup.ttl" schema:author)" "Marc Leroy"
is_eq "jsonld.html: authors from JSON-LD" "$(prop "$TMP/jsonld.ttl" schema:author)" "Sophie Marchal, Luc Bernier"
is_eq "jsonld.html: language from <html lang>" "$(prop "$TMP/jsonld.ttl" schema:inLanguage)" fr-FR
is_eq "nodate.html: no language given, none written" "$(prop "$TMP/nodate.ttl" schema:inLanguage)" ""
# Latin-1 (windows-1252) page: é, ’ (0x92) and &#322; arrive as characters.
check "latin1.html: ’ from byte 0x92 and ł from &#322;" grep -qF "l’Allemagne verserait" "$TMP/latin1.txt"
check "latin1.html: Radosław Sikorski is a person" grep -qF "Radosław Sikorski" "$TMP/latin1.persons"
# Entities and breaks: &eacute; &#8217; &nbsp; and <br> in article.html.
check "article.html: entities decoded (&#8217; &eacute;)" grep -qF "l’Allemagne verserait 120 millions d’euros supplémentaires" "$TMP/article.txt"
check "article.html: <br> is a line break" grep -qx "« La Moldavie a sa place dans notre famille », a-t-il affirmé." "$TMP/article.txt"
check "time.html: list items and headings are lines" grep -qx "Un plan de 500 millions" "$TMP/time.txt"

# --- feeds: one article an item ---
for feed in rss-content rss-description atom; do
  if $(vg $feed) extract --format nquads "$F/$feed.xml" >"$TMP/$feed.nq" 2>"$TMP/err"; then ok "$feed.xml: extracted"
  else not_ok "$feed.xml: extracted" "$(head -c 300 "$TMP/err")"; fi
  check "$feed.xml: N-Quads parse (rapper)" rapper -q -i nquads -c "$TMP/$feed.nq"
  $X extract "$F/$feed.xml" >"$TMP/$feed.ttl"
  rows "$TMP/$feed.ttl" persons >"$TMP/$feed.persons"
  rows "$TMP/$feed.ttl" roles >"$TMP/$feed.roles"
  check "$feed.xml: every person of the plain text" test -z "$(comm -23 "$TMP/plain.persons" "$TMP/$feed.persons")"
  check "$feed.xml: every role of the plain text" test -z "$(comm -23 "$TMP/plain.roles" "$TMP/$feed.roles")"
  texts "$F/$feed.xml" >"$TMP/$feed.txt"
  leaked=$(grep -oE "Partager|Facebook|Partager sur X" "$TMP/$feed.txt" | sort -u | tr '\n' ' ')
  is_eq "$feed.xml: share links left out" "$leaked" ""
done
graphs() { awk '{print $(NF-1)}' "$1" | sort -u | tr '\n' ' ' | sed 's/ $//'; }
is_eq "rss-content.xml: two items with text (the title-only one is left out), named by their links" \
  "$(graphs "$TMP/rss-content.nq")" \
  "<https://courrier-diplomatique.example/europe/2024/03/15/moldavie-fonds-geneve> <https://courrier-diplomatique.example/europe/2024/03/18/rome-madrid-mediterranee>"
is_eq "rss-description.xml: items named by <link>, else <guid>" "$(graphs "$TMP/rss-description.nq")" \
  "<http://observateur-est.example/art/2024/moldavie-fonds.html> <http://observateur-est.example/art/2024/rome-madrid.html>"
is_eq "atom.xml: entries named by rel=alternate (made absolute by xml:base), else their http id" \
  "$(graphs "$TMP/atom.nq")" \
  "<https://gazette-europeenne.example/?p=4243> <https://gazette-europeenne.example/europe/2024/03/15/moldavie-fonds> <https://gazette-europeenne.example/europe/2024/03/18/rome-madrid>"
check "atom.xml: a link beats the id" bash -c "! grep -qF '<https://gazette-europeenne.example/?p=4242>' '$TMP/atom.nq'"
dates() { $ENTENTE query "$1" --results csv -e "$Q_PREFIX SELECT ?a ?d WHERE { ?a a ent:Article ; schema:datePublished ?d }" 2>>"$TMP/query.err" | tail -n +2 | cut -d, -f2 | tr -d '\r' | sort | tr '\n' ' ' | sed 's/ $//'; }
is_eq "rss-content.xml: RFC 822 pubDate" "$(dates "$TMP/rss-content.ttl")" "2024-03-15 2024-03-18"
is_eq "rss-description.xml: RFC 822 with a two-digit year" "$(dates "$TMP/rss-description.ttl")" "2024-03-15 2024-03-18"
is_eq "atom.xml: published, else updated" "$(dates "$TMP/atom.ttl")" "2024-03-15 2024-03-18 2024-03-19"
check "rss-content.xml: dc:creator is the author" grep -qF 'schema:author "Claire Vasseur"' "$TMP/rss-content.ttl"
check "rss-description.xml: the name in <author>, not the address" grep -qF 'schema:author "Marc Leroy"' "$TMP/rss-description.ttl"
check "rss-description.xml: no e-mail address anywhere" bash -c "! grep -q 'redaction@' '$TMP/rss-description.ttl'"
check "atom.xml: two authors" grep -qF 'schema:author "Sophie Marchal, Luc Bernier"' "$TMP/atom.ttl"
check "atom.xml: xml:lang of an entry" grep -qF 'schema:inLanguage "en"' "$TMP/atom.ttl"
check "atom.xml: ent:sourceFormat atom" grep -qF 'ent:sourceFormat "atom"' "$TMP/atom.ttl"
check "atom.xml: the xhtml entry's persons" grep -qF "Antonio Tajani" "$TMP/atom.persons"
check "rss-description.xml: the plain-text item's paragraphs" \
  grep -qx "« Nos deux pays partagent les mêmes priorités », a déclaré M. Tajani à l'issue de l'entretien. M. Albares a annoncé que l'Espagne consacrerait 15 millions d'euros à un programme de formation destiné aux garde-côtes tunisiens." "$TMP/rss-description.txt"

# --- --input, stdin, load, read ---
$X extract "$H/article.html" >"$TMP/auto.ttl"
$X extract --input html "$H/article.html" >"$TMP/forced.ttl"
check "--input html gives what auto-detection gives" cmp -s "$TMP/auto.ttl" "$TMP/forced.ttl"
$E extract - <"$H/article.html" >"$TMP/stdin.ttl"
is_eq "a page on standard input is detected too: same IRI" "$(article_iri "$TMP/stdin.ttl")" "$CANON"
check "a page on standard input: same roles" cmp -s "$TMP/article.roles" <(rows "$TMP/stdin.ttl" roles)
$X extract --input text --date $DATE $EX >"$TMP/text.ttl"
check "--input text on a text file: as before" cmp -s "$TMP/plain.ttl" "$TMP/text.ttl"
check "plain text input writes no ent:sourceFormat" bash -c "! grep -q sourceFormat '$TMP/plain.ttl'"
refused "--input rss on a web page: not a feed" "feed|well-formed" "$H/article.html" --input rss
$E extract --input csv "$H/article.html" >/dev/null 2>"$TMP/err"
check "--input with an unknown format exits 2" test $? -eq 2
$E extract --jsonl --input html "$H/article.html" >/dev/null 2>&1
check "--jsonl with --input html exits 2" test $? -eq 2
DB="$TMP/readers.db"
$E load --store "$DB" "$H/article.html" "$F/atom.xml" 2>"$TMP/err"
check "load: a page and a feed" test $? -eq 0
ng=$($ENTENTE query --store "$DB" --results csv -e "$Q_PREFIX SELECT DISTINCT ?g WHERE { GRAPH ?g { ?a a ent:Article } }" 2>>"$TMP/query.err" | tail -n +2 | wc -l)
is_eq "load: a named graph for the page and for each entry" "$ng" 4
$X load --store "$DB" --input atom "$F/atom.xml" 2>/dev/null
ng2=$($ENTENTE query --store "$DB" --results csv -e "$Q_PREFIX SELECT DISTINCT ?g WHERE { GRAPH ?g { ?a a ent:Article } }" 2>>"$TMP/query.err" | tail -n +2 | wc -l)
is_eq "load: loading the feed again replaces its graphs" "$ng2" 4
$E load --store "$DB" --input bogus "$F/atom.xml" >/dev/null 2>&1
check "load --input bogus exits 2" test $? -eq 2
# Feed items without a link are named <feed file name>-<n>: two feeds named
# alike in different folders would share graphs, and are refused; read
# names no article, so it takes them.
mkdir -p "$TMP/f1" "$TMP/f2"
for d in f1 f2; do
  printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>T</title><item><title>%s</title><description>M. Dupont a rencontré Mme Durand à Paris (%s).</description></item></channel></rss>\n' $d $d >"$TMP/$d/feed.xml"
done
$E extract --format nquads "$TMP/f1/feed.xml" "$TMP/f2/feed.xml" >/dev/null 2>"$TMP/err"
check "two feeds named feed.xml, items without links: refused (exit 1)" test $? -eq 1
check "... naming both items" grep -qF "$TMP/f2/feed.xml: item 1: its article IRI <${BASE}article/feed-1> is already that of $TMP/f1/feed.xml: item 1" "$TMP/err"
$E read "$TMP/f1/feed.xml" "$TMP/f2/feed.xml" >"$TMP/feeds.jsonl" 2>"$TMP/err"
check "read takes them (it names no article)" test $? -eq 0 -a "$(wc -l <"$TMP/feeds.jsonl")" -eq 2
$E read "$H/article.html" "$F/rss-content.xml" >"$TMP/read.jsonl"
is_eq "read: one JSON line per article" "$(wc -l <"$TMP/read.jsonl")" 3
$X extract --jsonl "$TMP/read.jsonl" >"$TMP/roundtrip.ttl" 2>"$TMP/err"
rows "$TMP/roundtrip.ttl" persons >"$TMP/roundtrip.persons"
rows "$TMP/rss-content.ttl" persons | sort -u >"$TMP/rc.persons"
check "read | extract --jsonl: the persons of a direct extraction" \
  test -z "$(comm -23 "$TMP/plain.persons" "$TMP/roundtrip.persons")"

# --- hostile markup: a clear error or a bounded result ---
LAUGHS='<!ENTITY a0 "lol">'
for i in 1 2 3 4 5 6 7 8 9; do
  p=$((i - 1)); LAUGHS="$LAUGHS<!ENTITY a$i \"&a$p;&a$p;&a$p;&a$p;&a$p;&a$p;&a$p;&a$p;&a$p;&a$p;\">"
done
printf '<?xml version="1.0"?>\n<!DOCTYPE rss [%s]>\n<rss version="2.0"><channel><item><title>&a9;</title><description>&a9;</description></item></channel></rss>\n' "$LAUGHS" >"$TMP/laughs.xml"
refused "billion laughs: refused (entity declarations)" "declares entities" "$TMP/laughs.xml"
cat >"$TMP/xxe.xml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<rss version="2.0"><channel><item><title>Secret</title><description>Le ministre a parlé. &xxe;</description></item></channel></rss>
XML
refused "external entity (file:///etc/passwd): refused" "declares entities" "$TMP/xxe.xml"
cat >"$TMP/xxe-pe.xml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY % p SYSTEM "file:///etc/passwd"> %p; ]>
<rss version="2.0"><channel><item><description>Le ministre a parlé.</description></item></channel></rss>
XML
refused "external parameter entity: refused" "declares entities" "$TMP/xxe-pe.xml"
# A DOCTYPE naming an external DTD (no entities declared): read, the DTD never.
cat >"$TMP/xxe-dtd.xml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE rss SYSTEM "file:///etc/passwd">
<rss version="2.0" xmlns:xi="http://www.w3.org/2001/XInclude"><channel><item><title>Le ministre</title>
<description>Le ministre allemand a rencontré son homologue. <xi:include href="file:///etc/passwd" parse="text"/></description></item></channel></rss>
XML
$E read "$TMP/xxe-dtd.xml" >"$TMP/xxe-dtd.out" 2>&1
check "external DTD and XInclude: read, and neither is followed" grep -qF "Le ministre allemand a rencontré son homologue." "$TMP/xxe-dtd.out"
cat >"$TMP/xxe.html" <<'HTML'
<!DOCTYPE html [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<html><head><link rel="stylesheet" href="file:///etc/passwd"><base href="file:///etc/"></head>
<body><p>Le ministre a parlé. &xxe; <iframe src="file:///etc/passwd"></iframe><img src="passwd"></p></body></html>
HTML
$E read "$TMP/xxe.html" >"$TMP/xxe-html.out" 2>&1
for f in laughs xxe xxe-pe; do $E extract "$TMP/$f.xml" >>"$TMP/xxe-all.out" 2>&1; $E read "$TMP/$f.xml" >>"$TMP/xxe-all.out" 2>&1; done
cat "$TMP/xxe-dtd.out" "$TMP/xxe-html.out" >>"$TMP/xxe-all.out"
PASSWD_LINE=$(head -n 1 /etc/passwd)
check "/etc/passwd's content never appears in any output" bash -c "! grep -qF '$PASSWD_LINE' '$TMP/xxe-all.out'"
check "the HTML page with an entity DOCTYPE is read as text only" grep -qF "Le ministre a parlé." "$TMP/xxe-html.out"

python3 -c "print('<html><body>' + '<div>' * 100000 + '<p>Le ministre a parlé.</p>' + '</div>' * 100000 + '</body></html>')" >"$TMP/deep.html"
refused "100k nested elements in a page: refused" "nested deeper than 256" "$TMP/deep.html"
python3 -c "print('<rss version=\"2.0\"><channel><item><description>' + '<b>' * 100000 + 'x' + '</b>' * 100000 + '</description></item></channel></rss>')" >"$TMP/deep.xml"
refused "100k nested elements in a feed: refused" "nested deeper than 256" "$TMP/deep.xml"
python3 -c "print('<html><body><p ' + ' '.join('a%d=\"1\"' % i for i in range(5000)) + '>Le ministre a parlé.</p></body></html>')" >"$TMP/attrs.html"
refused "a tag with 5000 attributes: refused before parsing" "more than 1024 attributes" "$TMP/attrs.html"
python3 -c "print('<html><body>' + ''.join('<p ' + ' '.join('a%d=1' % i for i in range(900)) + '>x</p>' for _ in range(60)) + '</body></html>')" >"$TMP/attrs2.html"
refused "many tags with 900 attributes: refused before parsing" "too many tags" "$TMP/attrs2.html"
yes '<p>Le ministre des affaires étrangères a rencontré son homologue à Genève.</p>' | head -c 52428800 >"$TMP/big.html"
refused "a 50 MB page: refused (over 16 MiB) before parsing" "larger than the limit of 16777216" "$TMP/big.html"
{ echo '<html><body><article>'; yes '<p>Le ministre des affaires étrangères a rencontré son homologue à Genève.</p>' | head -c 6000000; echo '</article></body></html>'; } >"$TMP/long.html"
refused "a page whose text is over 4 MiB: refused" "larger than the limit of 4194304" "$TMP/long.html"
printf '<?xml version="1.0"?><rss version="2.0"><channel><title>Vide</title></channel></rss>\n' >"$TMP/empty.xml"
refused "a feed without items" "no items" "$TMP/empty.xml"
printf '<html><head><title>Rien</title><script>var x = 1;</script></head><body><nav><a href="/">Accueil</a></nav><p>   </p></body></html>\n' >"$TMP/notext.html"
refused "a page of menus only: no article" "no article text" "$TMP/notext.html"
printf '<html><head><title>Rien</title><script>var x = 1;</script></head><body><p> &nbsp; </p><script>y()</script></body></html>\n' >"$TMP/blank.html"
refused "a page with no text at all" "no article text" "$TMP/blank.html"
printf '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Cass\xe9</title></channel></rss>\n' >"$TMP/broken.xml"
refused "a feed that is not well-formed: the line and libxml2's reason" "not well-formed XML \(line 1" "$TMP/broken.xml"
printf '<?xml version="1.0"?>\n<catalogue><livre>Le ministre</livre></catalogue>\n' >"$TMP/catalogue.xml"
refused "an XML document that is not a feed" "not an RSS or Atom feed \(the root element is <catalogue>\)" "$TMP/catalogue.xml" --input rss
# Broken encodings: readable text (valid UTF-8) or a clear error, never a crash.
printf '<html><head><meta charset="utf-8"></head><body><p>Le ministre a d\xe9clar\xe9 \xff\xfe\xc3 \xe0 Gen\xe8ve.</p></body></html>\n' >"$TMP/enc1.html"
printf '<html><head><meta charset="x-bogus-charset"></head><body><p>Le ministre a d\xe9clar\xe9.</p></body></html>\n' >"$TMP/enc2.html"
printf '<html><body><p>Le ministre a d\xc3\xa9clar\xc3\xa9 \xe0 Gen\xe8ve \xf0\x9f.</p></body></html>' >"$TMP/enc3.html"
printf '\xff\xfe<\0h\0t\0m\0l\0>\0<\0p\0>\0C\0a\0f\0\xe9\0 \0B\0o\0n\0n\0\x65\0.\0<\0/\0p\0>\0' >"$TMP/enc4.html"
printf '<?xml version="1.0" encoding="x-bogus-charset"?><rss version="2.0"><channel><item><description>caf\xe9</description></item></channel></rss>' >"$TMP/enc5.xml"
for f in enc1.html enc2.html enc3.html enc4.html enc5.xml; do
  $E read "$TMP/$f" >"$TMP/$f.out" 2>"$TMP/$f.err"
  rc=$?
  if { [ $rc -eq 0 ] && python3 -c 'import sys; open(sys.argv[1], encoding="utf-8", errors="strict").read()' "$TMP/$f.out"; } ||
     { [ $rc -eq 1 ] && [ "$(wc -l <"$TMP/$f.err")" -eq 1 ] && [ ! -s "$TMP/$f.out" ]; }; then
    ok "broken encoding $f: valid UTF-8 or one error line (rc=$rc)"
  else
    not_ok "broken encoding $f" "rc=$rc $(head -c 200 "$TMP/$f.err")"
  fi
done
check "UTF-16 page with a BOM: read" grep -qF "Café Bonne." "$TMP/enc4.html.out"
check "undeclared mixed bytes: read as windows-1252, é and è kept" grep -qF "Genève" "$TMP/enc3.html.out"

if [ "${VALGRIND:-0}" = 1 ]; then
  reports=$(cat "$TMP"/vg.*.log 2>/dev/null)
  if [ -z "$reports" ]; then ok "valgrind: no error and no leak in any run ($(ls "$TMP"/vg.*.log | wc -l) runs)"
  else not_ok "valgrind: errors or leaks" "$(echo "$reports" | head -20)"; fi
fi
finish

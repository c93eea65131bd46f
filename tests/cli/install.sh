#!/bin/bash
# make install into a temporary PREFIX: every file lands, the installed
# binary reads its installed lexicons (not the source tree's), and a C
# program (docs/example/link.c) links libentente through pkg-config.
set -u
cd "$(dirname "$0")/../.."
. tests/cli/lib.sh
P="$TMP/prefix"
SRC=$PWD
# A make of its own: not the sanitizer flags of an enclosing `make asan`.
plain_make() {
  # (make puts command-line variables in the environment of recipes too)
  env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u ASAN_OPTIONS -u LSAN_OPTIONS -u UBSAN_OPTIONS \
    -u CC -u EXTRA_CFLAGS -u LDFLAGS -u BUILD -u CFLAGS make -j2 "$@"
}

if ! plain_make install PREFIX="$P" >"$TMP/install.log" 2>&1; then
  not_ok "make install PREFIX=$P" "$(tail -5 "$TMP/install.log" | tr '\n' ' ')"
  finish
  exit
fi
ok "make install PREFIX=<temporary folder>"
for f in bin/entente lib/libentente.a include/entente.h lib/pkgconfig/entente.pc \
  share/man/man1/entente.1 share/entente/ontology/entente.ttl share/entente/ontology/shapes.ttl \
  share/entente/ontology/queries/roles.rq; do
  check "installed: $f" test -s "$P/$f"
done
check "installed: every lexicon file" diff -r ontology/lexicon "$P/share/entente/ontology/lexicon"
check "installed binary: executable, --version" "$P/bin/entente" --version

# Run from elsewhere with no ENTENTE_ONTOLOGY: the installed lexicons serve,
# and the graph is the one the build tree's binary makes.
(cd "$TMP" && env -u ENTENTE_ONTOLOGY "$P/bin/entente" extract --date 2024-03-15 \
  "$SRC/docs/example/article.txt") >"$TMP/installed.ttl" 2>"$TMP/err"
check "the installed binary extracts the example article" test -s "$TMP/installed.ttl"
(cd "$TMP" && env -u ENTENTE_ONTOLOGY "$SRC/$ENTENTE" extract --date 2024-03-15 \
  "$SRC/docs/example/article.txt") >"$TMP/built.ttl"
check "... the same graph as the build tree's binary" cmp -s "$TMP/installed.ttl" "$TMP/built.ttl"
mv "$P/share/entente/ontology" "$P/share/entente/moved"
env -u ENTENTE_ONTOLOGY "$P/bin/entente" extract docs/example/article.txt >/dev/null 2>&1
check "... and it is the installed ontology it reads (moved away: exit 1)" test $? -eq 1
mv "$P/share/entente/moved" "$P/share/entente/ontology"

# pkg-config and a program of one's own.
export PKG_CONFIG_PATH="$P/lib/pkgconfig"
check "pkg-config finds entente" pkg-config --exists entente
want=$(sed -n 's/^#define ENTENTE_VERSION "\(.*\)"/\1/p' include/entente.h)
check "pkg-config --modversion is $want" test "$(pkg-config --modversion entente)" = "$want"
# shellcheck disable=SC2046
if cc -std=c11 -Wall -Wextra -Werror docs/example/link.c $(pkg-config --cflags --libs entente) \
  -o "$TMP/link" 2>"$TMP/cc.err"; then
  ok "docs/example/link.c builds with \$(pkg-config --cflags --libs entente)"
else
  not_ok "docs/example/link.c builds with pkg-config" "$(head -c 400 "$TMP/cc.err")"
fi
sentence="Le ministre turc de l'énergie, Selim Arslan, a rencontré mardi à Ankara son homologue russe."
(cd "$TMP" && env -u ENTENTE_ONTOLOGY ./link "$sentence") >"$TMP/link.out" 2>&1
check "link runs entente_extract and prints the triple count" \
  grep -Eq "^entente $want: [1-9][0-9]* triples$" "$TMP/link.out"
printf '%s\n' "$sentence" >"$TMP/link-example.txt"
n=$(env -u ENTENTE_ONTOLOGY "$P/bin/entente" extract --date 2024-03-15 --format ntriples \
  "$TMP/link-example.txt" | wc -l)
check "... as many as the command line gives ($n)" grep -q ": $n triples" "$TMP/link.out"
finish

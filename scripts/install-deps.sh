#!/bin/sh
# Install what entente needs to build and test, from Debian's packages.
# Runs apt-get as root (through sudo when not root). Safe to run again.
set -eu
# libcurl4-gnutls-dev, not libcurl4-openssl-dev: libraptor2-dev depends on the
# GnuTLS flavour, and installing the OpenSSL one removes librdf0-dev,
# libraptor2-dev and librasqal3-dev (both give the same curl.h and libcurl.pc).
# virtuoso-opensource-7-bin: virtuoso-t and isql-vt, all the tests need (they
# run a private server); the virtuoso-opensource metapackage would also start a
# system-wide server and ask for a dba password.
# time: GNU time, for the peak memory of what make bench measures.
PKGS="build-essential clang pkg-config make
  librdf0-dev libraptor2-dev librasqal3-dev librdf-storage-sqlite libsqlite3-dev
  raptor2-utils rasqal-utils redland-utils
  libxml2-dev libutf8proc-dev libstemmer-dev libcmocka-dev libjson-c-dev libcurl4-gnutls-dev
  valgrind graphviz python3 nodejs npm
  curl parallel python3-rdflib virtuoso-opensource-7-bin time"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
# nodejs/npm may come from elsewhere on a machine: a working node is enough.
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  missing=$(echo "$missing" | tr ' ' '\n' | grep -v -x -e nodejs -e npm | tr '\n' ' ')
fi
if [ -n "$(echo "$missing" | tr -d ' ')" ]; then
  echo "installing:$missing" >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # shellcheck disable=SC2086
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

#!/bin/bash
# Validate RDF graphs written by entente against ontology/shapes.ttl with a
# SHACL engine (rdf-validate-shacl, Node.js). Installs the pinned npm packages
# (package-lock.json) on first use.
#
#   tests/shacl/run.sh [--tsv] GRAPH.ttl [GRAPH2.ttl ...]
#
# SHAPES=FILE uses other shapes. Exit status: 0 all conform, 1 some graph does
# not conform, 2 usage, read or parse error (validate.mjs).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
shapes="${SHAPES:-$here/../../ontology/shapes.ttl}"

if [ $# -eq 0 ] || { [ $# -eq 1 ] && [ "$1" = --tsv ]; }; then
  echo "usage: $0 [--tsv] GRAPH.ttl [GRAPH2.ttl ...]" >&2
  exit 2
fi
command -v node >/dev/null || { echo "$0: node (Node.js >= 18) is required" >&2; exit 2; }
if [ ! -d "$here/node_modules/rdf-validate-shacl" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2) ||
    { echo "$0: npm ci failed" >&2; exit 2; }
fi
opts=()
if [ "$1" = --tsv ]; then opts=(--tsv); shift; fi
exec node "$here/validate.mjs" "${opts[@]}" "$shapes" "$@"

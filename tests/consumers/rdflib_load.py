"""Load RDF files into rdflib (a fresh graph each) and print, for each,
"FILE triples N" then "FILE QUERY ROWS" for each query. Usage:
    python3 rdflib_load.py QUERY.rq... -- FORMAT:FILE...
FORMAT is turtle, ntriples or nquads; N-Quads go into a ConjunctiveGraph,
whose default graph is the union. Exit status 1 when a file does not load."""
import os
import sys

import rdflib

FORMATS = {"turtle": "turtle", "ntriples": "nt", "nquads": "nquads"}


def main(argv):
    if "--" not in argv[1:-1] or argv.index("--") < 2:
        print(__doc__, file=sys.stderr)
        return 2
    sep = argv.index("--")
    queries = []
    for q in argv[1:sep]:
        with open(q, encoding="utf-8") as f:
            queries.append((os.path.basename(q), f.read()))
    status = 0
    for arg in argv[sep + 1:]:
        fmt, _, data = arg.partition(":")
        g = rdflib.ConjunctiveGraph() if fmt == "nquads" else rdflib.Graph()
        try:
            g.parse(data, format=FORMATS.get(fmt, fmt))
        except Exception as e:  # any parser error: the output did not load
            print(f"rdflib: {data}: {e}", file=sys.stderr)
            status = 1
            continue
        print(f"{data} triples {len(g)}")
        for name, text in queries:
            print(f"{data} {name} {len(list(g.query(text)))}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))

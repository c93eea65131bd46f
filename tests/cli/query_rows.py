"""Compare the rows `entente query` gives with rdflib's, query by query.
Usage: python3 query_rows.py ENTENTE DATA.nq [--store DB] QUERY.rq...
Rows are compared as multisets (a DISTINCT query's as they come). Prints
one TAP-like line per query; exit status 1 when any differs."""
import csv
import io
import os
import subprocess
import sys

import rdflib


def entente_rows(cmd):
    out = subprocess.run(cmd, capture_output=True, check=True).stdout.decode("utf-8")
    rows = list(csv.reader(io.StringIO(out, newline="")))
    return sorted(tuple(r) for r in rows[1:])


def main(argv):
    exe, data = argv[1], argv[2]
    rest = argv[3:]
    store = None
    if rest[:1] == ["--store"]:
        store, rest = rest[1], rest[2:]
    ds = rdflib.Dataset(default_union=True)
    ds.parse(data, format="nquads")
    failed = 0
    for q in rest:
        with open(q, encoding="utf-8") as f:
            text = f.read()
        want = sorted(tuple("" if v is None else str(v) for v in r) for r in ds.query(text))
        src = ["--store", store] if store else [data]
        got = entente_rows([exe, "query", *src, "-f", q, "--results", "csv"])
        name = os.path.basename(q)
        where = "store" if store else "file"
        if got == want:
            print(f"ok - query {where}: {name} = rdflib ({len(got)} rows)")
        else:
            failed += 1
            extra = [r for r in got if r not in want][:2]
            missing = [r for r in want if r not in got][:2]
            print(f"not ok - query {where}: {name}: {len(got)} rows, rdflib {len(want)};"
                  f" extra {extra} missing {missing}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

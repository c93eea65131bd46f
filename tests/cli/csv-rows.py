"""SPARQL CSV results as comparable rows: parsed (each writer quotes its own
way), header dropped, sorted, one tab-separated line each, xsd:decimal in
its canonical form (Virtuoso writes 4.0 as 4). usage: csv-rows.py FILE.csv"""
import csv
import re
import sys

DECIMAL = re.compile(r"^-?[0-9]+\.[0-9]+$")


def canon(cell):
    return cell.rstrip("0").rstrip(".") if DECIMAL.match(cell) else cell


with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))[1:]
for line in sorted("\t".join(canon(c) for c in row) for row in rows):
    print(line)

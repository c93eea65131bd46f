#!/bin/bash
# Seed corpora for the fuzzers, made at run time (never committed): every
# string literal of tests/unit/test_*.c (adjacent literals joined, C escapes
# decoded), each line of docs/example/article.txt and the whole article, and
# the hand-written seeds of tests/fuzz/seeds/hand. One file per seed, named by
# its SHA-1 as libFuzzer names its own, in tests/fuzz/seeds/<harness>/ for
# every tests/fuzz/fuzz_*.c (or only the harnesses named as arguments).
set -euo pipefail
cd "$(dirname "$0")/../.."
harnesses=("$@")
if [ ${#harnesses[@]} -eq 0 ]; then
  for f in tests/fuzz/fuzz_*.c; do harnesses+=("$(basename "$f" .c)"); done
fi
dirs=()
for h in "${harnesses[@]}"; do dirs+=("tests/fuzz/seeds/$h"); done
python3 - "${dirs[@]}" <<'PY'
import glob, hashlib, os, re, sys

seeds = set()
lit = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
group = re.compile(r'(?:"(?:[^"\\\n]|\\.)*"\s*)+')

def unescape(body):
    out, i = bytearray(), 0
    simple = {'n': 10, 't': 9, 'r': 13, 'f': 12, 'v': 11, 'a': 7, 'b': 8,
              '\\': 92, '"': 34, "'": 39, '?': 63}
    while i < len(body):
        c = body[i]
        if c != '\\':
            out += c.encode('utf-8'); i += 1; continue
        d = body[i + 1]
        if d == 'x':  # C: \x takes every hex digit that follows
            m = re.match(r'[0-9a-fA-F]+', body[i + 2:])
            out.append(int(m.group(0), 16) & 0xFF); i += 2 + len(m.group(0))
        elif d in '01234567':
            m = re.match(r'[0-7]{1,3}', body[i + 1:])
            out.append(int(m.group(0), 8) & 0xFF); i += 1 + len(m.group(0))
        else:
            out.append(simple.get(d, ord(d) & 0xFF)); i += 2
    return bytes(out)

for path in sorted(glob.glob('tests/unit/test_*.c')):
    src = open(path, encoding='utf-8').read()
    src = re.sub(r'^\s*#\s*include.*$', '', src, flags=re.M)
    for g in group.finditer(src):
        s = b''.join(unescape(m.group(1)) for m in lit.finditer(g.group(0)))
        if len(s) >= 4 and b'%' not in s:  # not format strings
            seeds.add(s)
article = open('docs/example/article.txt', 'rb').read()
seeds.add(article)
for line in article.split(b'\n'):
    if line.strip():
        seeds.add(line)
for path in sorted(glob.glob('tests/fuzz/seeds/hand/*')):
    seeds.add(open(path, 'rb').read())
for d in sys.argv[1:]:
    os.makedirs(d, exist_ok=True)
    for s in seeds:
        with open(os.path.join(d, hashlib.sha1(s).hexdigest()), 'wb') as f:
            f.write(s)
print('%d seeds in %s' % (len(seeds), ' '.join(sys.argv[1:])))
PY

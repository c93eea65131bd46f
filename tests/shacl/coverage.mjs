#!/usr/bin/env node
// Vocabulary coverage: every ent: term that the project uses is declared in
// ontology/entente.ttl, and every declared term has an rdfs:label in French
// and in English and an English rdfs:comment.
//
//   node tests/shacl/coverage.mjs [ROOT]      (ROOT: the project, default ../..)
//
// Uses: docs/design.md, ontology/queries/*.rq, ontology/lexicon/*.ttl,
// ontology/shapes.ttl and tests/shacl/fixtures/good.ttl.
// Exit status: 0 all covered, 1 something missing, 2 unreadable input.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser } from 'n3';

const ENT = 'https://w3id.org/entente/ns#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const OWL = 'http://www.w3.org/2002/07/owl#';
const DECL = new Set([
  `${OWL}Class`, `${OWL}ObjectProperty`, `${OWL}DatatypeProperty`,
  `${OWL}AnnotationProperty`, `${RDF}Property`, `${RDFS}Class`, `${RDFS}Datatype`,
]);

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(process.argv[2] || join(here, '..', '..'));

function read(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    console.error(`coverage.mjs: ${file}: ${err.message}`);
    process.exit(2);
  }
}

function parse(file) {
  try {
    return new Parser({ baseIRI: `file://${file}` }).parse(read(file));
  } catch (err) {
    console.error(`coverage.mjs: ${file}: parse error: ${err.message}`);
    process.exit(2);
  }
}

// Declared terms and their annotations.
const onto = parse(join(root, 'ontology', 'entente.ttl'));
const declared = new Set();
const ann = new Map();
for (const q of onto) {
  const s = q.subject.value;
  if (!s.startsWith(ENT)) continue;
  if (q.predicate.value === `${RDF}type` && DECL.has(q.object.value)) declared.add(s);
  if (q.predicate.value === `${RDFS}label` || q.predicate.value === `${RDFS}comment`) {
    const key = `${q.predicate.value === `${RDFS}label` ? 'label' : 'comment'}@${q.object.language}`;
    if (!ann.has(s)) ann.set(s, new Set());
    ann.get(s).add(key);
  }
}

let problems = 0;
for (const t of [...declared].sort()) {
  const a = ann.get(t) || new Set();
  for (const need of ['label@fr', 'label@en', 'comment@en']) {
    if (!a.has(need)) {
      console.log(`missing ${need.replace('@', ' @')}: ent:${t.slice(ENT.length)}`);
      problems++;
    }
  }
}

// Terms used.
const used = new Map(); // term -> first file
function use(term, file) {
  if (!used.has(term)) used.set(term, file);
}
const textSources = [join(root, 'docs', 'design.md')];
const qdir = join(root, 'ontology', 'queries');
if (existsSync(qdir)) {
  for (const f of readdirSync(qdir).filter((f) => f.endsWith('.rq')).sort()) textSources.push(join(qdir, f));
}
for (const file of textSources) {
  for (const m of read(file).matchAll(/\bent:([A-Za-z][A-Za-z0-9_]*)/g)) {
    // design.md writes ent:<Kind> as a placeholder.
    use(ENT + m[1], file);
  }
}
const ttlSources = [join(root, 'ontology', 'shapes.ttl'), join(here, 'fixtures', 'good.ttl')];
const ldir = join(root, 'ontology', 'lexicon');
if (existsSync(ldir)) {
  for (const f of readdirSync(ldir).filter((f) => f.endsWith('.ttl')).sort()) ttlSources.push(join(ldir, f));
}
for (const file of ttlSources) {
  for (const q of parse(file)) {
    for (const t of [q.predicate, q.object]) {
      if (t.termType === 'NamedNode' && t.value.startsWith(ENT)) use(t.value, file);
    }
    if (q.predicate.value === `${RDF}type` && q.object.value.startsWith(ENT)) use(q.object.value, file);
  }
}
for (const [t, file] of [...used].sort()) {
  if (!declared.has(t)) {
    console.log(`not declared in ontology/entente.ttl: ent:${t.slice(ENT.length)} (used in ${file.slice(root.length + 1)})`);
    problems++;
  }
}

if (problems) {
  console.log(`vocabulary coverage: ${problems} problem(s)`);
  process.exit(1);
}
console.log(`vocabulary coverage: ${declared.size} terms declared, ${used.size} used, all labelled`);

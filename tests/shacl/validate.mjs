#!/usr/bin/env node
// SHACL validation of entente's output with a real engine (rdf-validate-shacl).
//
//   node tests/shacl/validate.mjs [--tsv] SHAPES.ttl DATA.ttl [DATA2.ttl ...]
//
// Each data file is validated on its own against the shapes. Turtle by
// default; .nt (N-Triples), .nq (N-Quads) and .trig (TriG) by extension, the
// named graphs of N-Quads and TriG being merged into one graph; "-" reads
// Turtle from standard input. Prints "conforms: FILE" for a conforming file,
// else "does not conform: FILE (N results)" and one block per result (focus
// node, path, value, constraint, message). With --tsv, each result is one
// line instead: FILE, focus node, path, constraint and message, tab-separated.
//
// Exit status: 0 every file conforms; 1 some file does not conform;
// 2 bad usage, unreadable file or parse error.
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Parser } from 'n3';
import rdf from '@rdfjs/data-model';
import datasetFactory from '@rdfjs/dataset';
import SHACLValidator from 'rdf-validate-shacl';

const USAGE = 'usage: node validate.mjs [--tsv] SHAPES.ttl DATA.ttl [DATA2.ttl ...]';

class InputError extends Error {}

const FORMATS = {
  '.ttl': 'text/turtle',
  '.turtle': 'text/turtle',
  '.nt': 'application/n-triples',
  '.nq': 'application/n-quads',
  '.trig': 'application/trig',
};

// Prefixes used to print IRIs compactly.
const PREFIXES = {
  ent: 'https://w3id.org/entente/ns#',
  entsh: 'https://w3id.org/entente/shapes#',
  id: 'https://w3id.org/entente/id/',
  sh: 'http://www.w3.org/ns/shacl#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  schema: 'http://schema.org/',
  prov: 'http://www.w3.org/ns/prov#',
};

function load(file) {
  let text;
  let base;
  let format = 'text/turtle';
  try {
    if (file === '-') {
      text = readFileSync(0, 'utf8');
      base = pathToFileURL(resolve('stdin.ttl')).href;
    } else {
      text = readFileSync(file, 'utf8');
      base = pathToFileURL(resolve(file)).href;
      format = FORMATS[extname(file).toLowerCase()] || 'text/turtle';
    }
  } catch (err) {
    throw new InputError(`${file}: cannot read: ${err.message}`);
  }
  let quads;
  try {
    quads = new Parser({ baseIRI: base, format, factory: rdf }).parse(text);
  } catch (err) {
    throw new InputError(`${file}: parse error: ${err.message}`);
  }
  // One graph: named graphs (N-Quads, TriG) are merged into the default graph.
  return datasetFactory.dataset(
    quads.map((q) => rdf.quad(q.subject, q.predicate, q.object, rdf.defaultGraph())),
  );
}

function show(term) {
  if (!term) return '-';
  switch (term.termType) {
    case 'NamedNode': {
      for (const [p, ns] of Object.entries(PREFIXES)) {
        if (term.value.startsWith(ns) && /^[A-Za-z0-9_\-/#.,=]*$/.test(term.value.slice(ns.length))) {
          return `${p}:${term.value.slice(ns.length)}`;
        }
      }
      return `<${term.value}>`;
    }
    case 'BlankNode':
      return `_:${term.value}`;
    case 'Literal': {
      const v = JSON.stringify(term.value);
      if (term.language) return `${v}@${term.language}`;
      if (term.datatype && term.datatype.value !== `${PREFIXES.xsd}string`) {
        return `${v}^^${show(term.datatype)}`;
      }
      return v;
    }
    default:
      return term.value;
  }
}

function pathString(path) {
  if (!path) return '-';
  return show(path);
}

async function main(argv) {
  const tsv = argv[0] === '--tsv';
  if (tsv) argv = argv.slice(1);
  if (argv.length < 2 || argv.some((a) => a.startsWith('-') && a !== '-')) {
    console.error(USAGE);
    return 2;
  }
  const [shapesFile, ...dataFiles] = argv;
  const shapes = load(shapesFile);
  if (shapes.size === 0) throw new InputError(`${shapesFile}: no triples`);
  const datasets = dataFiles.map((f) => [f, load(f)]);

  let failed = 0;
  for (const [file, data] of datasets) {
    // A fresh validator per file: results do not carry over.
    const validator = new SHACLValidator(shapes);
    const report = await validator.validate(data);
    if (report.conforms) {
      console.log(`conforms: ${file}`);
      continue;
    }
    failed++;
    console.log(`does not conform: ${file} (${report.results.length} results)`);
    const lines = report.results.map((r) => {
      const msg = r.message.map((m) => m.value).join(' / ') || '(no message)';
      const comp = show(r.sourceConstraintComponent).replace(/^sh:/, '').replace(/ConstraintComponent$/, '');
      if (tsv) {
        return [file, show(r.focusNode), pathString(r.path), comp, msg]
          .map((x) => x.replace(/[\t\n]/g, ' ')).join('\t');
      }
      const value = r.value ? `\n    value: ${show(r.value)}` : '';
      return `  focus: ${show(r.focusNode)}\n    path: ${pathString(r.path)}${value}\n` +
        `    constraint: ${comp} (${show(r.sourceShape)})\n    message: ${msg}`;
    });
    lines.sort();
    for (const l of lines) console.log(l);
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    if (err instanceof InputError) {
      console.error(`validate.mjs: ${err.message}`);
    } else {
      console.error(`validate.mjs: ${err && err.stack ? err.stack : err}`);
    }
    process.exitCode = 2;
  },
);

// Load RDF files into Oxigraph (a fresh in-memory store each) and print, for
// each, "FILE triples N" then "FILE QUERY ROWS" for each query. Usage:
//   node oxigraph.mjs QUERY.rq... -- FORMAT:FILE...   (FORMAT turtle|ntriples|nquads)
// N-Quads land in named graphs: queries see their union as the default graph.
// Exit status 1 when a file does not load.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import oxigraph from "oxigraph";

const MEDIA = {
  turtle: "text/turtle",
  ntriples: "application/n-triples",
  nquads: "application/n-quads",
};
const args = process.argv.slice(2);
const sep = args.indexOf("--");
if (sep < 1 || sep === args.length - 1) {
  console.error("usage: node oxigraph.mjs QUERY.rq... -- FORMAT:FILE...");
  process.exit(2);
}
const queries = args.slice(0, sep).map((q) => [basename(q), readFileSync(q, "utf8")]);
let status = 0;
for (const arg of args.slice(sep + 1)) {
  const at = arg.indexOf(":");
  const [format, file] = [arg.slice(0, at), arg.slice(at + 1)];
  const store = new oxigraph.Store();
  try {
    store.load(readFileSync(file, "utf8"), { format: MEDIA[format] ?? format });
  } catch (e) {
    console.error(`oxigraph: ${file}: ${e.message ?? e}`);
    status = 1;
    continue;
  }
  console.log(`${file} triples ${store.size}`);
  for (const [name, text] of queries) {
    const rows = store.query(text, { use_default_graph_as_union: format === "nquads" });
    console.log(`${file} ${name} ${rows.length}`);
  }
}
process.exit(status);

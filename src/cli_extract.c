/* cli_extract: entente extract [options] [FILE|-]...
 * Articles stream through one at a time: each gets its own model, is
 * serialized and written, and is freed, so memory stays flat however long
 * the batch. Turtle, N-Triples and N-Quads stream (concatenated Turtle
 * documents are one valid Turtle graph); RDF/XML, RDF/JSON and dot are
 * single documents, so their articles are gathered in one model first.
 * Files are all checked before anything is written: a bad file means no
 * output at all. With --jsonl, a bad line is reported and skipped (or, with
 * --strict, stops the run). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "graph.h"
#include "pipeline.h"
#include "serialize.h"
#include "temporal.h"
#include "text.h"

typedef struct {
  librdf_world *world;
  entente_ctx *ctx;
  const char *format, *base, *date;
  bool quads, streaming;
  librdf_storage *storage; /* the one model of non-streaming formats */
  librdf_model *model;
  ent_serializer *ser;     /* made once, used for every article */
  ent_triples triples;     /* an article's, when streaming: memory kept */
  cli_out out;
} run;

static void usage(FILE *f) {
  fputs("usage: entente extract [--date YYYY-MM-DD] [--base IRI] [--format FMT]\n"
        "                       [-o FILE] [--ontology DIR] [--input FMT]\n"
        "                       [--jsonl [--strict]] [FILE|-]...\n"
        "Extract persons, roles, events, bills, funding and claims from French news\n"
        "articles (UTF-8 text, web pages or feeds; - for stdin) into one RDF graph.\n"
        "  --date D       publication date, resolves 'vendredi', 'en novembre'\n"
        "  --base IRI     base of the resources' IRIs (default " ENTENTE_DEFAULT_BASE ")\n"
        "  --format FMT   turtle (default), ntriples, nquads (a graph per article),\n"
        "                 rdfxml, json (RDF/JSON), dot (GraphViz)\n"
        "  -o FILE        write there (whole or not at all) instead of standard output\n"
        "  --ontology DIR the ontology folder with lexicon/ (default: built-in path)\n"
        "  --input FMT    text, html (a web page), rss or atom (a feed: one article an\n"
        "                 item), or auto (default): told apart by their content\n"
        "  --jsonl        inputs are JSON Lines, one article a line: {\"id\" or \"url\",\n"
        "                 \"date\", \"title\", \"text\"}; a bad line is reported and skipped\n"
        "  --strict       with --jsonl, stop at the first bad line\n"
        "Exit status: 0 success, 1 bad input, 2 bad usage.\n",
        f);
}

/* One article's triples out (streaming formats), or the model of all of
 * them (the others). */
static entente_status write_out(run *r, librdf_model *m, const ent_triples *t, const char *graph) {
  entente_status st = m ? ent_serializer_write_file(r->ser, m, r->out.f)
                        : ent_serializer_write_triples(r->ser, t, graph, r->out.f);
  if (st == ENTENTE_ERR_IO)
    cli_error("%s: write error: %s", r->out.path && strcmp(r->out.path, "-") ? r->out.path
                                                                             : "standard output",
              strerror(errno));
  else if (st != ENTENTE_OK)
    cli_error("cannot serialize as %s: %s", r->format, entente_strerror(st));
  return st;
}

/* One article through the pipeline and, when streaming, out (a
 * cli_article_fn; arg is the run). Streaming formats skip the model: the
 * article's triples go from the pipeline to the serializer. */
static entente_status one(void *arg, const char *text, size_t len, const entente_article *art,
                          const char *where) {
  run *r = arg;
  if (!r->streaming) {
    entente_status s = entente_extract(r->ctx, text, len, art, r->model, NULL);
    if (s != ENTENTE_OK) cli_error("%s: %s", where, entente_strerror(s));
    return s;
  }
  /* N-Quads: the article's graph is named by the article's IRI. */
  char *g = r->quads ? ent_article_iri_new(art, text, len, NULL) : NULL;
  entente_status s = (r->quads && !g) ? ENTENTE_ERR_NOMEM
                                      : ent_extract_triples(r->ctx, text, len, art, &r->triples);
  if (s != ENTENTE_OK) cli_error("%s: %s", where, entente_strerror(s));
  else s = write_out(r, NULL, &r->triples, g);
  free(g);
  return s;
}

int cli_extract(int argc, char **argv) {
  static const struct option opts[] = {
      {"date", required_argument, NULL, 'd'},   {"base", required_argument, NULL, 'b'},
      {"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
      {"ontology", required_argument, NULL, 'O'}, {"jsonl", no_argument, NULL, 'j'},
      {"strict", no_argument, NULL, 's'},       {"help", no_argument, NULL, 'h'},
      {"input", required_argument, NULL, 'i'},  {NULL, 0, NULL, 0}};
  run r = {0};
  ent_reader_format input = ENT_READER_AUTO;
  r.base = ENTENTE_DEFAULT_BASE;
  r.format = "turtle";
  const char *out = NULL, *ontology = NULL;
  bool lines = false, strict = false;
  int c;
  optind = 1;
  opterr = 0; /* one error line of ours below, not getopt's and then the usage */
  while ((c = getopt_long(argc, argv, "d:b:f:o:O:h", opts, NULL)) != -1) {
    switch (c) {
    case 'd': r.date = optarg; break;
    case 'b': r.base = optarg; break;
    case 'f': r.format = optarg; break;
    case 'o': out = optarg; break;
    case 'O': ontology = optarg; break;
    case 'j': lines = true; break;
    case 's': strict = true; break;
    case 'i':
      if (cli_input_option(optarg, &input) != CLI_OK) return CLI_USAGE;
      break;
    case 'h': usage(stdout); return CLI_OK;
    default:
      cli_error("extract: %s: unknown option or missing value (see entente extract --help)",
                argv[optind - 1 < argc ? optind - 1 : argc - 1]);
      return CLI_USAGE;
    }
  }
  ent_date d;
  if (r.date && ent_date_parse_iso(r.date, &d) != ENTENTE_OK) {
    cli_error("--date %s: not a valid date (YYYY-MM-DD)", r.date);
    return CLI_USAGE;
  }
  const char *ser = ent_format_serializer(r.format);
  if (!ser) {
    cli_error("--format %s: unknown format (turtle, ntriples, nquads, rdfxml, json, dot)",
              r.format);
    return CLI_USAGE;
  }
  size_t bl = strlen(r.base);
  if (bl == 0 || !ent_iri_ok(r.base) || (r.base[bl - 1] != '/' && r.base[bl - 1] != '#')) {
    cli_error("--base %s: must be an absolute IRI ending in / or # (no spaces, no <>\"{}|^`\\)",
              r.base);
    return CLI_USAGE;
  }
  if (strict && !lines) {
    cli_error("--strict goes with --jsonl");
    return CLI_USAGE;
  }
  if (lines && input != ENT_READER_AUTO && input != ENT_READER_TEXT) {
    cli_error("--jsonl lines are text: --input %s does not go with it",
              ent_reader_format_name(input));
    return CLI_USAGE;
  }
  char *const stdin_only[] = {"-"};
  char *const *files = optind < argc ? argv + optind : stdin_only;
  int nfiles = optind < argc ? argc - optind : 1;
  cli_articles_opts ao = {r.date, r.base, lines, strict, input};
  if (!cli_articles_check(files, nfiles, &ao)) return CLI_BAD_INPUT;

  r.quads = strcmp(ser, "nquads") == 0;
  r.streaming = !strcmp(ser, "nquads") || !strcmp(ser, "ntriples") || !strcmp(ser, "turtle");
  int rc = CLI_BAD_INPUT;
  bool opened = false;
  size_t bad = 0;
  r.world = cli_world_new();
  if (!r.world) goto done;
  entente_status st = entente_ctx_new(r.world, ontology, &r.ctx);
  if (st != ENTENTE_OK) {
    cli_error("cannot load the ontology: %s", entente_strerror(st));
    goto done;
  }
  if (ent_serializer_new(r.world, r.format, r.base, &r.ser) != ENTENTE_OK) {
    cli_error("cannot create a %s serializer", r.format);
    goto done;
  }
  if (!r.streaming && !(r.model = cli_triples_model_new(r.world, &r.storage))) {
    cli_error("cannot create an RDF model");
    goto done;
  }
  if (cli_out_open(&r.out, out) != ENTENTE_OK) goto done;
  opened = true;
  bool ok = cli_articles_each(files, nfiles, &ao, one, &r, &bad);
  if (ok && !r.streaming) ok = write_out(&r, r.model, NULL, NULL) == ENTENTE_OK;
  if (ok && (!strict || bad == 0) && cli_out_commit(&r.out) == ENTENTE_OK) {
    opened = false;
    rc = bad ? CLI_BAD_INPUT : CLI_OK;
  }
done:
  if (opened) cli_out_abort(&r.out);
  if (r.model) librdf_free_model(r.model);
  if (r.storage) librdf_free_storage(r.storage);
  ent_serializer_free(r.ser);
  ent_triples_clear(&r.triples);
  entente_ctx_free(r.ctx);
  if (r.world) librdf_free_world(r.world);
  return rc;
}

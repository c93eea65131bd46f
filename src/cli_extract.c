/* cli_extract: entente extract [options] [FILE|-]... */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "serialize.h"
#include "temporal.h"

static void usage(FILE *f) {
  fputs("usage: entente extract [--date YYYY-MM-DD] [--base IRI] [--format FMT]\n"
        "                       [-o FILE] [--ontology DIR] [FILE|-]...\n"
        "Extract persons, roles, events, bills, funding and claims from French news\n"
        "articles (UTF-8 text, one per file, - for stdin) into one RDF graph.\n"
        "  --date D       publication date, resolves 'vendredi', 'en novembre'\n"
        "  --base IRI     base of the resources' IRIs (default " ENTENTE_DEFAULT_BASE ")\n"
        "  --format FMT   turtle (default), ntriples, nquads (a graph per article),\n"
        "                 rdfxml, json (RDF/JSON), dot (GraphViz)\n"
        "  -o FILE        write there (atomically) instead of standard output\n"
        "  --ontology DIR the ontology folder with lexicon/ (default: built-in path)\n"
        "Exit status: 0 success, 1 bad input, 2 bad usage.\n",
        f);
}

int cli_extract(int argc, char **argv) {
  static const struct option opts[] = {
      {"date", required_argument, NULL, 'd'},   {"base", required_argument, NULL, 'b'},
      {"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
      {"ontology", required_argument, NULL, 'O'}, {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  const char *date = NULL, *base = ENTENTE_DEFAULT_BASE, *format = "turtle", *out = NULL,
             *ontology = NULL;
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "d:b:f:o:O:h", opts, NULL)) != -1) {
    switch (c) {
    case 'd': date = optarg; break;
    case 'b': base = optarg; break;
    case 'f': format = optarg; break;
    case 'o': out = optarg; break;
    case 'O': ontology = optarg; break;
    case 'h': usage(stdout); return CLI_OK;
    default: usage(stderr); return CLI_USAGE;
    }
  }
  ent_date d;
  if (date && ent_date_parse_iso(date, &d) != ENTENTE_OK) {
    cli_error("--date %s: not a valid date (YYYY-MM-DD)", date);
    return CLI_USAGE;
  }
  if (!ent_format_serializer(format)) {
    cli_error("--format %s: unknown format (turtle, ntriples, nquads, rdfxml, json, dot)",
              format);
    return CLI_USAGE;
  }
  size_t bl = strlen(base);
  if (bl == 0 || !strstr(base, ":") || (base[bl - 1] != '/' && base[bl - 1] != '#')) {
    cli_error("--base %s: must be an absolute IRI ending in / or #", base);
    return CLI_USAGE;
  }
  char *const stdin_only[] = {"-"};
  char *const *files = optind < argc ? argv + optind : stdin_only;
  int nfiles = optind < argc ? argc - optind : 1;

  int rc = CLI_BAD_INPUT;
  librdf_world *world = cli_world_new();
  entente_ctx *ctx = NULL;
  librdf_storage *storage = NULL;
  librdf_model *model = NULL;
  if (!world) goto done;
  entente_status st = entente_ctx_new(world, ontology, &ctx);
  if (st != ENTENTE_OK) {
    cli_error("cannot load the ontology: %s", entente_strerror(st));
    goto done;
  }
  storage = librdf_new_storage(world, "memory", NULL, "contexts='yes'");
  model = storage ? librdf_new_model(world, storage, NULL) : NULL;
  if (!model) {
    cli_error("cannot create an RDF model");
    goto done;
  }
  bool quads = strcmp(ent_format_serializer(format), "nquads") == 0;
  for (int i = 0; i < nfiles; i++) {
    char *text = NULL;
    size_t len = 0;
    if (cli_read_file(files[i], ENTENTE_MAX_ARTICLE_BYTES, &text, &len) != ENTENTE_OK)
      goto done;
    entente_article art = {strcmp(files[i], "-") == 0 ? "stdin" : files[i], date, base};
    librdf_node *graph = quads ? entente_article_node_new(ctx, &art, text, len) : NULL;
    st = (quads && !graph) ? ENTENTE_ERR_NOMEM
                           : entente_extract(ctx, text, len, &art, model, graph);
    if (graph) librdf_free_node(graph);
    free(text);
    if (st != ENTENTE_OK) {
      cli_error("%s: %s", files[i], entente_strerror(st));
      goto done;
    }
  }
  unsigned char *buf = NULL;
  size_t n = 0;
  st = ent_serialize_new(world, model, format, base, &buf, &n);
  if (st != ENTENTE_OK) {
    cli_error("cannot serialize as %s: %s", format, entente_strerror(st));
    goto done;
  }
  st = cli_write_output(out, buf, n);
  librdf_free_memory(buf);
  rc = st == ENTENTE_OK ? CLI_OK : CLI_BAD_INPUT;
done:
  if (model) librdf_free_model(model);
  if (storage) librdf_free_storage(storage);
  entente_ctx_free(ctx);
  if (world) librdf_free_world(world);
  return rc;
}

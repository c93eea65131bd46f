/* cli_extract: entente extract [options] [FILE|-]...
 * Articles stream through one at a time: each gets its own model, is
 * serialized and written, and is freed, so memory stays flat however long
 * the batch. Turtle, N-Triples and N-Quads stream (concatenated Turtle
 * documents are one valid Turtle graph); RDF/XML, RDF/JSON and dot are
 * single documents, so their articles are gathered in one model first.
 * Files are all checked before anything is written: a bad file means no
 * output at all. With --jsonl, a bad line is reported and skipped (or, with
 * --strict, stops the run). */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
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
  cli_out out;
} run;

static void usage(FILE *f) {
  fputs("usage: entente extract [--date YYYY-MM-DD] [--base IRI] [--format FMT]\n"
        "                       [-o FILE] [--ontology DIR] [--jsonl [--strict]] [FILE|-]...\n"
        "Extract persons, roles, events, bills, funding and claims from French news\n"
        "articles (UTF-8 text, one per file, - for stdin) into one RDF graph.\n"
        "  --date D       publication date, resolves 'vendredi', 'en novembre'\n"
        "  --base IRI     base of the resources' IRIs (default " ENTENTE_DEFAULT_BASE ")\n"
        "  --format FMT   turtle (default), ntriples, nquads (a graph per article),\n"
        "                 rdfxml, json (RDF/JSON), dot (GraphViz)\n"
        "  -o FILE        write there (whole or not at all) instead of standard output\n"
        "  --ontology DIR the ontology folder with lexicon/ (default: built-in path)\n"
        "  --jsonl        inputs are JSON Lines, one article a line: {\"id\" or \"url\",\n"
        "                 \"date\", \"title\", \"text\"}; a bad line is reported and skipped\n"
        "  --strict       with --jsonl, stop at the first bad line\n"
        "Exit status: 0 success, 1 bad input, 2 bad usage.\n",
        f);
}

/* A fresh in-memory model (with contexts, for N-Quads). */
static librdf_model *new_model(librdf_world *w, librdf_storage **st) {
  *st = librdf_new_storage(w, "memory", NULL, "contexts='yes'");
  librdf_model *m = *st ? librdf_new_model(w, *st, NULL) : NULL;
  if (!m && *st) {
    librdf_free_storage(*st);
    *st = NULL;
  }
  return m;
}

static entente_status write_model(run *r, librdf_model *m) {
  unsigned char *buf = NULL;
  size_t n = 0;
  entente_status st = ent_serializer_write_new(r->ser, m, &buf, &n);
  if (st != ENTENTE_OK) {
    cli_error("cannot serialize as %s: %s", r->format, entente_strerror(st));
    return st;
  }
  st = cli_out_write(&r->out, buf, n);
  librdf_free_memory(buf);
  return st;
}

/* One article through the pipeline and, when streaming, out. */
static entente_status one(run *r, const char *text, size_t len, const entente_article *art,
                          const char *where) {
  librdf_storage *st = NULL;
  librdf_model *m = r->streaming ? new_model(r->world, &st) : r->model;
  if (!m) return ENTENTE_ERR_NOMEM;
  librdf_node *g = r->quads ? entente_article_node_new(r->ctx, art, text, len) : NULL;
  entente_status s = (r->quads && !g) ? ENTENTE_ERR_NOMEM
                                      : entente_extract(r->ctx, text, len, art, m, g);
  if (g) librdf_free_node(g);
  if (s != ENTENTE_OK) cli_error("%s: %s", where, entente_strerror(s));
  else if (r->streaming) s = write_model(r, m);
  if (r->streaming) {
    librdf_free_model(m);
    librdf_free_storage(st);
  }
  return s;
}

/* Every file readable and text-like, before any output. */
static bool check_files(char *const *files, int n) {
  for (int i = 0; i < n; i++) {
    if (strcmp(files[i], "-") == 0) continue; /* read once, checked then */
    char *text = NULL;
    size_t len = 0, at = 0;
    if (cli_read_file(files[i], ENTENTE_MAX_ARTICLE_BYTES, &text, &len) != ENTENTE_OK)
      return false;
    entente_status st = ent_text_check(text, len, &at);
    free(text);
    if (st != ENTENTE_OK) {
      if (st == ENTENTE_ERR_UTF8 || st == ENTENTE_ERR_BINARY)
        cli_error("%s: %s (byte %zu)", files[i], entente_strerror(st), at);
      else
        cli_error("%s: %s", files[i], entente_strerror(st));
      return false;
    }
  }
  return true;
}

static const char *json_str(json_t *o, const char *key) {
  json_t *v = json_object_get(o, key);
  return json_is_string(v) ? json_string_value(v) : NULL;
}

/* --jsonl: each line an article. Returns false when the run must stop. */
static bool jsonl(run *r, const char *path, bool strict, size_t *bad) {
  bool is_stdin = strcmp(path, "-") == 0;
  FILE *f = is_stdin ? stdin : fopen(path, "rb");
  if (!f) {
    cli_error("%s: cannot open", path);
    return false;
  }
  char *line = NULL;
  size_t cap = 0, lineno = 0;
  ssize_t got;
  bool go_on = true;
  while (go_on && (got = getline(&line, &cap, f)) != -1) {
    lineno++;
    if (got <= 1 && (got == 0 || line[0] == '\n')) continue; /* blank line */
    char where[512];
    snprintf(where, sizeof where, "%s:%zu", is_stdin ? "stdin" : path, lineno);
    json_error_t err;
    json_t *o = (size_t)got > ENTENTE_MAX_ARTICLE_BYTES * 2
                    ? NULL
                    : json_loadb(line, (size_t)got, JSON_REJECT_DUPLICATES, &err);
    const char *text = o ? json_str(o, "text") : NULL;
    const char *date = o ? json_str(o, "date") : NULL;
    ent_date d;
    entente_status st = ENTENTE_OK;
    if (!o) {
      cli_error("%s: not a JSON object%s%s", where, (size_t)got > ENTENTE_MAX_ARTICLE_BYTES * 2 ? " (line too long)" : ": ",
                (size_t)got > ENTENTE_MAX_ARTICLE_BYTES * 2 ? "" : err.text);
      st = ENTENTE_ERR_ARG;
    } else if (!json_is_object(o) || !text) {
      cli_error("%s: needs a \"text\" string", where);
      st = ENTENTE_ERR_ARG;
    } else if (date && ent_date_parse_iso(date, &d) != ENTENTE_OK) {
      cli_error("%s: \"date\" %s is not YYYY-MM-DD", where, date);
      st = ENTENTE_ERR_ARG;
    } else {
      const char *id = json_str(o, "id"), *url = json_str(o, "url");
      char name[64];
      snprintf(name, sizeof name, "line-%zu", lineno);
      entente_article art = {id ? id : name, date ? date : r->date, r->base, url,
                             json_str(o, "title")};
      st = one(r, text, strlen(text), &art, where);
    }
    if (o) json_decref(o);
    if (st == ENTENTE_ERR_IO || st == ENTENTE_ERR_NOMEM || st == ENTENTE_ERR_RDF) go_on = false;
    if (st != ENTENTE_OK) {
      (*bad)++;
      if (strict) go_on = false;
    }
  }
  free(line);
  if (!is_stdin) fclose(f);
  return go_on;
}

int cli_extract(int argc, char **argv) {
  static const struct option opts[] = {
      {"date", required_argument, NULL, 'd'},   {"base", required_argument, NULL, 'b'},
      {"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
      {"ontology", required_argument, NULL, 'O'}, {"jsonl", no_argument, NULL, 'j'},
      {"strict", no_argument, NULL, 's'},       {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  run r = {0};
  r.base = ENTENTE_DEFAULT_BASE;
  r.format = "turtle";
  const char *out = NULL, *ontology = NULL;
  bool lines = false, strict = false;
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "d:b:f:o:O:h", opts, NULL)) != -1) {
    switch (c) {
    case 'd': r.date = optarg; break;
    case 'b': r.base = optarg; break;
    case 'f': r.format = optarg; break;
    case 'o': out = optarg; break;
    case 'O': ontology = optarg; break;
    case 'j': lines = true; break;
    case 's': strict = true; break;
    case 'h': usage(stdout); return CLI_OK;
    default: usage(stderr); return CLI_USAGE;
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
  if (bl == 0 || !strstr(r.base, ":") || (r.base[bl - 1] != '/' && r.base[bl - 1] != '#')) {
    cli_error("--base %s: must be an absolute IRI ending in / or #", r.base);
    return CLI_USAGE;
  }
  if (strict && !lines) {
    cli_error("--strict goes with --jsonl");
    return CLI_USAGE;
  }
  char *const stdin_only[] = {"-"};
  char *const *files = optind < argc ? argv + optind : stdin_only;
  int nfiles = optind < argc ? argc - optind : 1;
  if (!lines && !check_files(files, nfiles)) return CLI_BAD_INPUT;

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
  if (!r.streaming && !(r.model = new_model(r.world, &r.storage))) {
    cli_error("cannot create an RDF model");
    goto done;
  }
  if (cli_out_open(&r.out, out) != ENTENTE_OK) goto done;
  opened = true;
  bool ok = true;
  for (int i = 0; ok && i < nfiles; i++) {
    if (lines) {
      ok = jsonl(&r, files[i], strict, &bad);
      continue;
    }
    char *text = NULL;
    size_t len = 0;
    if (cli_read_file(files[i], ENTENTE_MAX_ARTICLE_BYTES, &text, &len) != ENTENTE_OK) {
      ok = false;
      break;
    }
    entente_article art = {strcmp(files[i], "-") == 0 ? "stdin" : files[i], r.date, r.base,
                           NULL, NULL};
    ok = one(&r, text, len, &art, files[i]) == ENTENTE_OK;
    free(text);
  }
  if (ok && !r.streaming) ok = write_model(&r, r.model) == ENTENTE_OK;
  if (ok && (!strict || bad == 0) && cli_out_commit(&r.out) == ENTENTE_OK) {
    opened = false;
    rc = bad ? CLI_BAD_INPUT : CLI_OK;
  }
done:
  if (opened) cli_out_abort(&r.out);
  if (r.model) librdf_free_model(r.model);
  if (r.storage) librdf_free_storage(r.storage);
  ent_serializer_free(r.ser);
  entente_ctx_free(r.ctx);
  if (r.world) librdf_free_world(r.world);
  return rc;
}

/* cli_store: the embedded store (Redland's sqlite storage, one file).
 *   entente load   --store DB [--date D] [--base IRI] FILE...
 *   entente query  (--store DB | FILE...) (-e SPARQL | -f QUERY.rq) [--results FMT]
 *   entente export --store DB [--format nquads|turtle|ntriples] [-o FILE]
 * Each article is its own named graph (its IRI); loading it again replaces
 * it. A load is one transaction: it lands whole or not at all. One writer at
 * a time: a second load waits for the first (or, with --no-wait, says the
 * store is busy). */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "cli.h"
#include "serialize.h"
#include "temporal.h"

#define ONTOLOGY_GRAPH "https://w3id.org/entente/ns"

typedef struct {
  librdf_world *world;
  librdf_storage *storage;
  librdf_model *model;
  int lock_fd;
} store;

static void store_close(store *s) {
  if (s->model) librdf_free_model(s->model);
  if (s->storage) librdf_free_storage(s->storage);
  if (s->lock_fd >= 0) close(s->lock_fd); /* releases the flock */
  s->model = NULL;
  s->storage = NULL;
  s->lock_fd = -1;
}

/* Redland's sqlite schema indexes neither literals nor the graph column, so
 * every literal lookup, every "is this triple in this graph already" and
 * every "drop this article's graph" scanned a whole table: loading got slower
 * with each article stored (issue 6). Indexes change no rows and Redland
 * never drops them; they are made once, in their own transaction, by the
 * writer (under the lock) on a connection of ours, Redland's being idle. */
static int store_index(const char *path) {
  static const char sql[] =
      "BEGIN IMMEDIATE;"
      "CREATE INDEX IF NOT EXISTS entente_literal ON literals (text, language, datatype);"
      "CREATE INDEX IF NOT EXISTS entente_graph ON triples (contextUri, subjectUri, predicateUri);"
      "COMMIT;";
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_busy_timeout(db, 60000); /* readers copying the store */
  if (rc == SQLITE_OK) rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK) cli_error("%s: cannot index the store: %s", path, sqlite3_errmsg(db));
  sqlite3_close(db); /* rolls back what an error left open */
  return rc != SQLITE_OK;
}

/* Open (and with `create`, create) the store; `lock` takes the writer lock. */
static int store_open(store *s, librdf_world *w, const char *path, bool create, bool lock,
                      bool wait) {
  s->world = w;
  s->storage = NULL;
  s->model = NULL;
  s->lock_fd = -1;
  struct stat sb;
  bool exists = stat(path, &sb) == 0;
  if (!exists && !create) {
    cli_error("%s: no such store (create it with entente load)", path);
    return CLI_BAD_INPUT;
  }
  if (lock) {
    size_t n = strlen(path) + 8;
    char *lp = malloc(n);
    if (!lp) return CLI_BAD_INPUT;
    snprintf(lp, n, "%s.lock", path);
    s->lock_fd = open(lp, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    free(lp);
    if (s->lock_fd < 0) {
      cli_error("%s: cannot create its lock file: %s", path, strerror(errno));
      return CLI_BAD_INPUT;
    }
    if (flock(s->lock_fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0) {
      cli_error("%s: the store is busy (another load is running)", path);
      store_close(s);
      return CLI_BAD_INPUT;
    }
  }
  s->storage = librdf_new_storage(w, "sqlite", path, exists ? "new='no'" : "new='yes'");
  s->model = s->storage ? librdf_new_model(w, s->storage, NULL) : NULL;
  if (!s->model) {
    cli_error("%s: cannot open the store (not a store, or unreadable)", path);
    store_close(s);
    return CLI_BAD_INPUT;
  }
  if (lock && store_index(path) != 0) {
    store_close(s);
    return CLI_BAD_INPUT;
  }
  return CLI_OK;
}

/* Load ontology/entente.ttl into its own graph once. */
static int ensure_ontology(store *s, const char *ontology_dir) {
  librdf_node *g = librdf_new_node_from_uri_string(s->world, (const unsigned char *)ONTOLOGY_GRAPH);
  if (!g) return 1;
  int rc = 0;
  if (!librdf_model_contains_context(s->model, g)) {
    const char *dir = ontology_dir ? ontology_dir : entente_default_ontology_dir();
    char path[4096];
    snprintf(path, sizeof path, "%s/entente.ttl", dir);
    librdf_parser *p = librdf_new_parser(s->world, "turtle", NULL, NULL);
    librdf_uri *u = librdf_new_uri_from_filename(s->world, path);
    librdf_stream *st = p && u ? librdf_parser_parse_as_stream(p, u, u) : NULL;
    rc = !st || librdf_model_context_add_statements(s->model, g, st);
    if (rc) cli_error("%s: cannot load the ontology into the store", path);
    if (st) librdf_free_stream(st);
    if (u) librdf_free_uri(u);
    if (p) librdf_free_parser(p);
  }
  librdf_free_node(g);
  return rc;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* One article into the store, replacing its graph (a cli_article_fn). */
typedef struct {
  entente_ctx *ctx;
  librdf_model *model;
} load_run;

static entente_status load_one(void *arg, const char *text, size_t len,
                               const entente_article *art, const char *where) {
  load_run *l = arg;
  librdf_node *g = entente_article_node_new(l->ctx, art, text, len);
  entente_status st = g ? ENTENTE_OK : ENTENTE_ERR_NOMEM;
  if (st == ENTENTE_OK && librdf_model_context_remove_statements(l->model, g) != 0)
    st = ENTENTE_ERR_RDF;
  if (st == ENTENTE_OK) st = entente_extract(l->ctx, text, len, art, l->model, g);
  if (g) librdf_free_node(g);
  if (st != ENTENTE_OK) cli_error("%s: %s", where, entente_strerror(st));
  return st;
}

int cli_load(int argc, char **argv) {
  static const struct option opts[] = {
      {"store", required_argument, NULL, 's'}, {"date", required_argument, NULL, 'd'},
      {"base", required_argument, NULL, 'b'},  {"ontology", required_argument, NULL, 'O'},
      {"no-wait", no_argument, NULL, 'n'},     {"help", no_argument, NULL, 'h'},
      {"input", required_argument, NULL, 'i'}, {NULL, 0, NULL, 0}};
  ent_reader_format input = ENT_READER_AUTO;
  const char *path = NULL, *date = NULL, *base = ENTENTE_DEFAULT_BASE, *ontology = NULL;
  bool wait = true;
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "s:d:b:O:nh", opts, NULL)) != -1) {
    switch (c) {
    case 's': path = optarg; break;
    case 'd': date = optarg; break;
    case 'b': base = optarg; break;
    case 'O': ontology = optarg; break;
    case 'n': wait = false; break;
    case 'i':
      if (cli_input_option(optarg, &input) != CLI_OK) return CLI_USAGE;
      break;
    case 'h':
      puts("usage: entente load --store DB [--date D] [--base IRI] [--no-wait]\n"
           "                    [--input text|html|rss|atom|auto] FILE...\n"
           "Extract each article into the store DB (created when missing), one named\n"
           "graph per article (a feed: one per item); loading an article again\n"
           "replaces its graph. --input as for extract (default auto).");
      return CLI_OK;
    default: return CLI_USAGE;
    }
  }
  ent_date d;
  if (!path || optind >= argc) {
    cli_error("load: needs --store DB and at least one FILE");
    return CLI_USAGE;
  }
  if (date && ent_date_parse_iso(date, &d) != ENTENTE_OK) {
    cli_error("--date %s: not a valid date (YYYY-MM-DD)", date);
    return CLI_USAGE;
  }
  librdf_world *w = cli_world_new();
  if (!w) return CLI_BAD_INPUT;
  entente_ctx *ctx = NULL;
  store s = {0};
  s.lock_fd = -1;
  int rc = CLI_BAD_INPUT;
  entente_status st = entente_ctx_new(w, ontology, &ctx);
  if (st != ENTENTE_OK) {
    cli_error("cannot load the ontology: %s", entente_strerror(st));
    goto out;
  }
  if ((rc = store_open(&s, w, path, true, true, wait)) != CLI_OK) goto out;
  rc = CLI_BAD_INPUT;
  if (librdf_model_transaction_start(s.model) != 0) {
    cli_error("%s: cannot start a transaction", path);
    goto out;
  }
  bool ok = ensure_ontology(&s, ontology) == 0;
  bool progress = isatty(STDERR_FILENO) && argc - optind > 1;
  double t0 = now();
  cli_articles_opts ao = {date, base, false, false, input};
  load_run lr = {ctx, s.model};
  for (int i = optind; ok && i < argc; i++) {
    /* a text, a page or a feed's items; errors are printed */
    ok = cli_input_each(argv[i], &ao, load_one, &lr);
    if (progress) {
      int done = i - optind + 1;
      fprintf(stderr, "\r%d/%d files, %.0f articles/s", done, argc - optind,
              done / (now() - t0 + 1e-9));
    }
  }
  if (progress) fputc('\n', stderr);
  if (!ok) {
    librdf_model_transaction_rollback(s.model);
    cli_error("%s: nothing was loaded (the store is as it was)", path);
    goto out;
  }
  if (librdf_model_transaction_commit(s.model) != 0) {
    cli_error("%s: the commit failed; the store is as it was", path);
    goto out;
  }
  rc = CLI_OK;
out:
  store_close(&s);
  entente_ctx_free(ctx);
  librdf_free_world(w);
  return rc;
}

/* ---- query ---- */

static void print_value(librdf_node *n, FILE *f) {
  if (!n) return;
  if (librdf_node_is_resource(n))
    fputs((const char *)librdf_uri_as_string(librdf_node_get_uri(n)), f);
  else if (librdf_node_is_literal(n))
    fputs((const char *)librdf_node_get_literal_value(n), f);
  else
    fprintf(f, "_:%s", librdf_node_get_blank_identifier(n));
}

/* Display width of a UTF-8 string: its code points (news text is not CJK). */
static size_t width_of(const char *s) {
  size_t n = 0;
  for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
  return n;
}

static void pad(FILE *f, const char *s, size_t width) {
  fputs(s, f);
  for (size_t k = width_of(s); k < width; k++) fputc(' ', f);
}

/* A readable table: one header row, one line per result, columns aligned. */
static int print_table(librdf_query_results *r, cli_dataset *d, FILE *f) {
  int nv = librdf_query_results_get_bindings_count(r);
  if (nv <= 0) { /* Rasqal gives no variables for an empty result */
    fputs("(0 rows)\n", f);
    return 0;
  }
  size_t *width = calloc((size_t)nv, sizeof *width);
  char **names = calloc((size_t)nv, sizeof *names);
  char **cells = NULL;
  size_t rows = 0, cap = 0;
  int rc = 1;
  if (!width || !names) goto out;
  for (int v = 0; v < nv; v++) { /* names are gone once the results are read */
    const char *nm = librdf_query_results_get_binding_name(r, v);
    size_t len = nm ? strlen(nm) : 0;
    if (!(names[v] = malloc(len + 2))) goto out;
    snprintf(names[v], len + 2, "?%s", nm ? nm : "");
    width[v] = width_of(names[v]);
  }
  bool stop = false;
  for (; !stop && !librdf_query_results_finished(r); librdf_query_results_next(r)) {
    if (!cli_sparql_keep_row(d, r, &stop)) continue;
    if ((rows + 1) * (size_t)nv > cap) {
      cap = (rows + 1) * (size_t)nv * 2;
      char **nc = realloc(cells, cap * sizeof *nc);
      if (!nc) goto out;
      cells = nc;
    }
    for (int v = 0; v < nv; v++) {
      librdf_node *n = librdf_query_results_get_binding_value(r, v);
      char *buf = NULL;
      size_t len = 0;
      FILE *mf = open_memstream(&buf, &len);
      if (mf) {
        print_value(n, mf);
        fclose(mf);
      }
      if (n) librdf_free_node(n);
      cells[rows * (size_t)nv + (size_t)v] = buf;
      if (buf && width_of(buf) > width[v]) width[v] = width_of(buf);
    }
    rows++;
  }
  for (int v = 0; v < nv; v++) {
    if (v) fputs(" | ", f);
    pad(f, names[v], v + 1 < nv ? width[v] : 0);
  }
  fputc('\n', f);
  for (int v = 0; v < nv; v++) {
    if (v) fputs("-+-", f);
    for (size_t k = 0; k < width[v]; k++) fputc('-', f);
  }
  fputc('\n', f);
  for (size_t i = 0; i < rows; i++) {
    for (int v = 0; v < nv; v++) {
      const char *c = cells[i * (size_t)nv + (size_t)v];
      if (v) fputs(" | ", f);
      pad(f, c ? c : "", v + 1 < nv ? width[v] : 0);
    }
    fputc('\n', f);
  }
  fprintf(f, "(%zu row%s)\n", rows, rows == 1 ? "" : "s");
  rc = 0;
out:
  for (size_t i = 0; cells && i < rows * (size_t)nv; i++) free(cells[i]);
  free(cells);
  for (int v = 0; names && v < nv; v++) free(names[v]);
  free(names);
  free(width);
  return rc;
}

/* The store's quads in a memory model: one set of triples (the merge of the
 * article graphs, as SPARQL's default graph is), or with `graphs` the named
 * graphs. Redland's sqlite storage answers each lookup with SQL compiled
 * for it, and a triple in two graphs is two; so queries run on a copy, in
 * librdf's indexed "hashes" store (cli_hashes_model_new: its "memory" store
 * compares each triple added with every triple it holds, 80 articles: 66 s,
 * quadratic; hashes: 0.8 s). The predicate index answers the (?x p ?y)
 * lookups of cli_sparql.c. It costs a read of the store per query: past a
 * few million triples, use a SPARQL server (docs/scale.md). */
static librdf_model *memory_copy(librdf_world *w, librdf_model *from, bool graphs,
                                 char *const *preds, librdf_storage **st) {
  librdf_model *m = cli_hashes_model_new(w, graphs, true, st);
  bool ok = m != NULL;
  if (ok && !preds) {
    librdf_stream *s = librdf_model_as_stream(from);
    ok = s && cli_model_add_stream(m, s, graphs) == 0;
    if (s) librdf_free_stream(s);
  }
  for (size_t i = 0; ok && preds && preds[i]; i++) {
    librdf_node *p = librdf_new_node_from_uri_string(w, (const unsigned char *)preds[i]);
    librdf_statement *pat = p ? librdf_new_statement_from_nodes(w, NULL, p, NULL) : NULL;
    librdf_stream *s = pat ? librdf_model_find_statements(from, pat) : NULL;
    ok = s && cli_model_add_stream(m, s, graphs) == 0;
    if (s) librdf_free_stream(s);
    if (pat) librdf_free_statement(pat);
  }
  if (!ok && m) {
    librdf_free_model(m);
    m = NULL;
  }
  return m;
}

int cli_query(int argc, char **argv) {
  static const struct option opts[] = {
      {"store", required_argument, NULL, 's'}, {"expression", required_argument, NULL, 'e'},
      {"file", required_argument, NULL, 'f'},  {"results", required_argument, NULL, 'r'},
      {"help", no_argument, NULL, 'h'},        {NULL, 0, NULL, 0}};
  const char *path = NULL, *expr = NULL, *qfile = NULL, *results = "table";
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "s:e:f:r:h", opts, NULL)) != -1) {
    switch (c) {
    case 's': path = optarg; break;
    case 'e': expr = optarg; break;
    case 'f': qfile = optarg; break;
    case 'r': results = optarg; break;
    case 'h':
      puts("usage: entente query (--store DB | FILE...) (-e SPARQL | -f QUERY.rq)\n"
           "                     [--results table|csv|tsv|json|xml]");
      return CLI_OK;
    default: return CLI_USAGE;
    }
  }
  static const char *const fmts[] = {"table", "csv", "tsv", "json", "xml"};
  bool known = false;
  for (size_t i = 0; i < 5; i++) known |= strcmp(results, fmts[i]) == 0;
  if (!known || (!expr == !qfile) || (!path && optind >= argc) || (path && optind < argc)) {
    cli_error("query: needs --store DB or RDF files, one of -e or -f, and --results "
              "table|csv|tsv|json|xml");
    return CLI_USAGE;
  }
  char *qtext = NULL;
  size_t qlen;
  if (qfile && cli_read_file(qfile, 1u << 20, &qtext, &qlen) != ENTENTE_OK) return CLI_BAD_INPUT;
  librdf_world *w = cli_world_new();
  if (!w) {
    free(qtext);
    return CLI_BAD_INPUT;
  }
  store s = {0};
  s.lock_fd = -1;
  /* The default graph, and the named graphs if the query reads them. */
  librdf_storage *mem = NULL, *gmem = NULL;
  librdf_model *m = NULL, *gm = NULL;
  librdf_query *q = NULL;
  cli_dataset data = {0};
  int rc = CLI_BAD_INPUT;
  /* Only the triples the query can match: of its predicates, or none when
   * it does not parse (librdf says why when it runs it). */
  bool bad, graphs;
  char **preds = cli_query_predicates(qtext ? qtext : expr, &bad, &graphs);
  char *none[] = {NULL};
  char *const *keep = bad ? none : preds;
  if (path) {
    if (store_open(&s, w, path, false, false, true) == CLI_OK &&
        (!(m = memory_copy(w, s.model, false, keep, &mem)) ||
         (graphs && !(gm = memory_copy(w, s.model, true, keep, &gmem)))))
      cli_error("%s: cannot read the store", path);
  } else if ((m = cli_rdf_files_model(w, argv + optind, argc - optind, false, keep, &mem)) &&
             graphs) {
    gm = cli_rdf_files_model(w, argv + optind, argc - optind, true, keep, &gmem);
  }
  cli_free_strings(preds);
  if (!m || (graphs && !gm)) goto out;
  data = (cli_dataset){.world = w, .model = m, .graphs = gm};
  if (cli_sparql_use(&data) == 0)
    q = librdf_new_query(w, "sparql", NULL, (const unsigned char *)(qtext ? qtext : expr), NULL);
  /* librdf runs the query on `m`; our source reads `data`. */
  librdf_query_results *r = q ? librdf_model_query_execute(m, q) : NULL;
  if (!r) {
    cli_error("%s: the query does not parse or cannot run", qfile ? qfile : "-e");
    goto out;
  }
  if (strcmp(results, "table") == 0 && librdf_query_results_is_bindings(r))
    rc = print_table(r, &data, stdout) ? CLI_BAD_INPUT : CLI_OK;
  else
    rc = cli_sparql_write(&data, r, strcmp(results, "table") == 0 ? "xml" : results) == ENTENTE_OK
             ? CLI_OK
             : CLI_BAD_INPUT;
  librdf_free_query_results(r);
out:
  cli_sparql_done(&data);
  if (q) librdf_free_query(q);
  if (gm) librdf_free_model(gm);
  if (gmem) librdf_free_storage(gmem);
  if (m) librdf_free_model(m);
  if (mem) librdf_free_storage(mem);
  store_close(&s);
  librdf_free_world(w);
  free(qtext);
  return rc;
}

int cli_export(int argc, char **argv) {
  static const struct option opts[] = {{"store", required_argument, NULL, 's'},
                                       {"format", required_argument, NULL, 'f'},
                                       {"output", required_argument, NULL, 'o'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  const char *path = NULL, *format = "nquads", *out = NULL;
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "s:f:o:h", opts, NULL)) != -1) {
    switch (c) {
    case 's': path = optarg; break;
    case 'f': format = optarg; break;
    case 'o': out = optarg; break;
    case 'h': puts("usage: entente export --store DB [--format nquads|turtle|ntriples] [-o FILE]"); return CLI_OK;
    default: return CLI_USAGE;
    }
  }
  if (!path || !ent_format_serializer(format) || optind < argc) {
    cli_error("export: needs --store DB and a known --format");
    return CLI_USAGE;
  }
  librdf_world *w = cli_world_new();
  if (!w) return CLI_BAD_INPUT;
  store s = {0};
  s.lock_fd = -1;
  int rc = store_open(&s, w, path, false, false, true);
  if (rc == CLI_OK) {
    entente_status st = cli_write_model(w, s.model, format, ENTENTE_DEFAULT_BASE, out);
    if (st != ENTENTE_OK && st != ENTENTE_ERR_IO)
      cli_error("%s: cannot serialize the store as %s", path, format);
    rc = st == ENTENTE_OK ? CLI_OK : CLI_BAD_INPUT;
  }
  store_close(&s);
  librdf_free_world(w);
  return rc;
}

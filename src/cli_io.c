/* cli_io: reading inputs and writing outputs without ever leaving half a file. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "serialize.h"

#include <librdf.h>

void cli_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("entente: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
}

entente_status cli_read_file(const char *path, size_t limit, char **buf, size_t *len) {
  *buf = NULL;
  *len = 0;
  bool is_stdin = strcmp(path, "-") == 0;
  FILE *f = is_stdin ? stdin : fopen(path, "rb");
  if (!f) {
    cli_error("%s: cannot open: %s", path, strerror(errno));
    return ENTENTE_ERR_IO;
  }
  struct stat sb;
  if (fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
    cli_error("%s: is a directory, not an article", path);
    if (!is_stdin) fclose(f);
    return ENTENTE_ERR_IO;
  }
  size_t cap = 65536, n = 0;
  char *b = malloc(cap + 1);
  entente_status st = ENTENTE_OK;
  while (b) {
    if (n == cap) {
      if (cap > limit) break;
      char *nb = realloc(b, cap * 2 + 1);
      if (!nb) {
        free(b);
        b = NULL;
        break;
      }
      b = nb;
      cap *= 2;
    }
    size_t r = fread(b + n, 1, cap - n, f);
    n += r;
    if (r == 0) break;
  }
  if (!b) {
    cli_error("%s: out of memory", path);
    st = ENTENTE_ERR_NOMEM;
  } else if (ferror(f)) {
    cli_error("%s: read error: %s", path, strerror(errno));
    st = ENTENTE_ERR_IO;
  } else if (n > limit) {
    cli_error("%s: larger than the limit of %zu bytes", path, limit);
    st = ENTENTE_ERR_TOO_LARGE;
  }
  if (!is_stdin) fclose(f);
  if (st != ENTENTE_OK) {
    free(b);
    return st;
  }
  b[n] = '\0';
  *buf = b;
  *len = n;
  return ENTENTE_OK;
}

entente_status cli_out_open(cli_out *o, const char *path) {
  o->f = NULL;
  o->tmp = NULL;
  o->path = path;
  o->device = false;
  if (!path || strcmp(path, "-") == 0) {
    o->f = stdout;
    return ENTENTE_OK;
  }
  struct stat sb;
  if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) { /* before any work, not at rename */
    cli_error("%s: cannot write: is a directory", path);
    return ENTENTE_ERR_IO;
  }
  if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
    if (!(o->f = fopen(path, "wb"))) {
      cli_error("%s: cannot write: %s", path, strerror(errno));
      return ENTENTE_ERR_IO;
    }
    o->device = true;
    return ENTENTE_OK;
  }
  size_t n = strlen(path) + 32;
  o->tmp = malloc(n);
  if (!o->tmp) return ENTENTE_ERR_NOMEM;
  snprintf(o->tmp, n, "%s.tmp.XXXXXX", path);
  int fd = mkstemp(o->tmp);
  if (fd < 0 || !(o->f = fdopen(fd, "wb"))) {
    cli_error("%s: cannot write: %s", path, strerror(errno));
    if (fd >= 0) {
      close(fd);
      unlink(o->tmp);
    }
    free(o->tmp);
    o->tmp = NULL;
    return ENTENTE_ERR_IO;
  }
  return ENTENTE_OK;
}

entente_status cli_out_write(cli_out *o, const void *buf, size_t len) {
  if (len && fwrite(buf, 1, len, o->f) != len) {
    cli_error("%s: write error: %s", o->tmp || o->device ? o->path : "standard output",
              strerror(errno));
    return ENTENTE_ERR_IO;
  }
  return ENTENTE_OK;
}

void cli_out_abort(cli_out *o) {
  if (o->tmp) {
    if (o->f) fclose(o->f);
    unlink(o->tmp);
    free(o->tmp);
  } else if (o->f && o->device) {
    fclose(o->f);
  } else if (o->f) {
    fflush(o->f);
  }
  o->f = NULL;
  o->tmp = NULL;
}

entente_status cli_out_commit(cli_out *o) {
  if (!o->tmp) {
    bool ok = fflush(o->f) == 0;
    if (o->device) {
      ok = fclose(o->f) == 0 && ok;
      o->f = NULL;
    }
    if (!ok) {
      cli_error("%s: write error: %s", o->device ? o->path : "standard output",
                strerror(errno));
      return ENTENTE_ERR_IO;
    }
    return ENTENTE_OK;
  }
  mode_t mask = umask(0); /* mkstemp makes 0600; give the usual mode */
  umask(mask);
  int fd = fileno(o->f);
  bool ok = fflush(o->f) == 0 && fchmod(fd, 0666 & ~mask) == 0 && fsync(fd) == 0;
  ok = fclose(o->f) == 0 && ok;
  o->f = NULL;
  if (!ok || rename(o->tmp, o->path) != 0) {
    cli_error("%s: cannot write: %s", o->path, strerror(errno));
    unlink(o->tmp);
    free(o->tmp);
    o->tmp = NULL;
    return ENTENTE_ERR_IO;
  }
  free(o->tmp);
  o->tmp = NULL;
  return ENTENTE_OK;
}

entente_status cli_write_output(const char *path, const void *buf, size_t len) {
  cli_out o;
  entente_status st = cli_out_open(&o, path);
  if (st != ENTENTE_OK) return st;
  st = cli_out_write(&o, buf, len);
  if (st != ENTENTE_OK) {
    cli_out_abort(&o);
    return st;
  }
  return cli_out_commit(&o);
}

entente_status cli_write_model(librdf_world *w, librdf_model *m, const char *format,
                               const char *base, const char *path) {
  ent_serializer *ser = NULL;
  entente_status st = ent_serializer_new(w, format, base, &ser);
  cli_out o;
  if (st == ENTENTE_OK && (st = cli_out_open(&o, path)) == ENTENTE_OK) {
    st = ent_serializer_write_file(ser, m, o.f);
    if (st == ENTENTE_OK) {
      st = cli_out_commit(&o);
    } else {
      if (st == ENTENTE_ERR_IO)
        cli_error("%s: write error: %s", o.tmp || o.device ? o.path : "standard output",
                  strerror(errno));
      cli_out_abort(&o);
    }
  }
  ent_serializer_free(ser);
  return st;
}

const char *cli_rdf_parser_for(const char *file) {
  const char *dot = strrchr(file, '.');
  if (!dot) return "turtle";
  if (!strcmp(dot, ".nt")) return "ntriples";
  if (!strcmp(dot, ".nq")) return "nquads";
  if (!strcmp(dot, ".rdf") || !strcmp(dot, ".xml") || !strcmp(dot, ".owl")) return "rdfxml";
  if (!strcmp(dot, ".json")) return "json";
  return "turtle";
}

/* librdf's "memory" storage compares each triple added with every triple it
 * holds: quadratic (reading 100 articles' N-Quads for a query took 352 s).
 * Its "hashes" storage kept in memory indexes them instead. */
librdf_model *cli_hashes_model_new(librdf_world *w, bool graphs, bool predicates,
                                   librdf_storage **storage_new) {
  char opts[80];
  snprintf(opts, sizeof opts, "hash-type='memory'%s%s", graphs ? ",contexts='yes'" : "",
           predicates ? ",index-predicates='yes'" : "");
  *storage_new = librdf_new_storage(w, "hashes", NULL, opts);
  librdf_model *m = *storage_new ? librdf_new_model(w, *storage_new, NULL) : NULL;
  if (!m && *storage_new) {
    librdf_free_storage(*storage_new);
    *storage_new = NULL;
  }
  return m;
}

int cli_model_add_stream(librdf_model *m, librdf_stream *s, bool graphs) {
  int rc = 0;
  for (; !rc && !librdf_stream_end(s); librdf_stream_next(s)) {
    librdf_statement *t = librdf_stream_get_object(s);
    librdf_node *g = graphs ? librdf_stream_get_context2(s) : NULL;
    rc = !t || (g ? librdf_model_context_add_statement(m, g, t) : librdf_model_add_statement(m, t));
  }
  return rc;
}

void cli_free_strings(char **v) {
  for (size_t i = 0; v && v[i]; i++) free(v[i]);
  free(v);
}

static void quiet(void *data, raptor_log_message *m) {
  (void)data;
  (void)m;
}

/* Has the pattern a GRAPH part (or a sub-query, which may)? */
static bool reads_graphs(rasqal_graph_pattern *gp) {
  if (!gp) return false;
  rasqal_graph_pattern_operator op = rasqal_graph_pattern_get_operator(gp);
  if (op == RASQAL_GRAPH_PATTERN_OPERATOR_GRAPH || op == RASQAL_GRAPH_PATTERN_OPERATOR_SELECT)
    return true;
  rasqal_graph_pattern *sub;
  for (int i = 0; (sub = rasqal_graph_pattern_get_sub_graph_pattern(gp, i)); i++)
    if (reads_graphs(sub)) return true;
  return false;
}

/* Rasqal lists the triple patterns of every part of the query: OPTIONAL,
 * UNION, MINUS, GRAPH, sub-queries. Its messages are librdf's to give,
 * when it runs the query. */
char **cli_query_predicates(const char *text, bool *bad, bool *graphs) {
  *bad = false;
  *graphs = false;
  /* A world of its own: given librdf's raptor world, Rasqal would take over
   * its log handler (and leave it pointing at a freed world). */
  rasqal_world *rw = rasqal_new_world();
  if (!rw) return NULL;
  rasqal_query *q = NULL;
  if (rasqal_world_open(rw) == 0) {
    rasqal_world_set_log_handler(rw, NULL, quiet);
    q = rasqal_new_query(rw, "sparql", NULL);
  }
  char **v = NULL;
  if (q && rasqal_query_prepare(q, (const unsigned char *)text, NULL) != 0) *bad = true;
  raptor_sequence *ts = q && !*bad ? rasqal_query_get_triple_sequence(q) : NULL;
  raptor_sequence *from = q && !*bad ? rasqal_query_get_data_graph_sequence(q) : NULL;
  int n = ts ? raptor_sequence_size(ts) : 0;
  bool all = !ts || (from && raptor_sequence_size(from) > 0) ||
             rasqal_query_get_verb(q) == RASQAL_QUERY_VERB_DESCRIBE;
  if (!all) v = calloc((size_t)n + 1, sizeof *v);
  *graphs = q && !*bad && reads_graphs(rasqal_query_get_query_graph_pattern(q));
  for (int i = 0; from && i < raptor_sequence_size(from); i++) {
    rasqal_data_graph *dg = raptor_sequence_get_at(from, i);
    *graphs |= dg && dg->flags == RASQAL_DATA_GRAPH_NAMED;
  }
  size_t k = 0;
  for (int i = 0; v && i < n; i++) {
    rasqal_triple *t = raptor_sequence_get_at(ts, i);
    if (!t || !t->predicate || t->predicate->type != RASQAL_LITERAL_URI) {
      cli_free_strings(v); /* a variable: every predicate */
      v = NULL;
      break;
    }
    const char *iri = (const char *)raptor_uri_as_string(t->predicate->value.uri);
    bool seen = false;
    for (size_t j = 0; j < k && !seen; j++) seen = strcmp(v[j], iri) == 0;
    if (!seen && !(v[k++] = strdup(iri))) {
      cli_free_strings(v);
      v = NULL;
    }
  }
  if (q) rasqal_free_query(q);
  rasqal_free_world(rw);
  return v;
}

static unsigned long rdf_errors; /* errors logged by librdf and raptor (on_log) */

/* One RDF file read into a model. librdf's parsers drop the graph of each
 * N-Quads statement, so the file goes through raptor's parser, whose terms
 * and statements are librdf's nodes and statements (librdf.h). */
typedef struct {
  librdf_model *m;
  raptor_parser *parser;
  char *const *preds; /* keep only these predicates (NULL: all) */
  bool graphs;        /* keep each statement's graph */
  int file;           /* the file's number: its blank nodes are its own */
  bool failed;
} files_run;

static bool wanted(char *const *preds, const raptor_term *p) {
  if (!preds) return true;
  const char *iri =
      p->type == RAPTOR_TERM_TYPE_URI ? (const char *)raptor_uri_as_string(p->value.uri) : NULL;
  for (size_t i = 0; iri && preds[i]; i++)
    if (strcmp(preds[i], iri) == 0) return true;
  return false;
}

/* A blank node of file n as _:fn_LABEL (NULL for any other term): the same
 * label in two files names two nodes. */
static raptor_term *own_blank(raptor_world *rw, const raptor_term *t, int file) {
  if (!t || t->type != RAPTOR_TERM_TYPE_BLANK) return NULL;
  size_t n = t->value.blank.string_len + 32;
  char *id = malloc(n);
  if (!id) return NULL;
  snprintf(id, n, "f%d_%s", file, (const char *)t->value.blank.string);
  raptor_term *r = raptor_new_term_from_blank(rw, (const unsigned char *)id);
  free(id);
  return r;
}

static void on_statement(void *data, raptor_statement *rs) {
  files_run *r = data;
  if (r->failed || !wanted(r->preds, rs->predicate)) return;
  raptor_world *rw = rs->world;
  raptor_term *s = own_blank(rw, rs->subject, r->file), *o = own_blank(rw, rs->object, r->file);
  librdf_statement t; /* borrows the terms */
  raptor_statement_init(&t, rw);
  t.subject = s ? s : rs->subject;
  t.predicate = rs->predicate;
  t.object = o ? o : rs->object;
  /* Rasqal cannot name a graph named by a blank node: its triples are in
   * the default graph only. */
  librdf_node *g = r->graphs && rs->graph && rs->graph->type == RAPTOR_TERM_TYPE_URI ? rs->graph
                                                                                    : NULL;
  bool oom = (!s && rs->subject->type == RAPTOR_TERM_TYPE_BLANK) ||
             (!o && rs->object->type == RAPTOR_TERM_TYPE_BLANK);
  /* Without a graph, the store checks the triple is not there already. */
  if (oom || (g ? librdf_model_context_add_statement(r->m, g, &t)
                : librdf_model_add_statement(r->m, &t)) != 0) {
    r->failed = true;
    raptor_parser_parse_abort(r->parser);
  }
  if (s) raptor_free_term(s);
  if (o) raptor_free_term(o);
}

librdf_model *cli_rdf_files_model(librdf_world *w, char **files, int n, bool graphs,
                                  char *const *preds, librdf_storage **st) {
  /* Only N-Quads name graphs; a store with graphs checks each triple added
   * without one against every triple it holds: none unless needed. */
  bool quads = false;
  for (int i = 0; i < n; i++) quads |= strcmp(cli_rdf_parser_for(files[i]), "nquads") == 0;
  librdf_model *m = cli_hashes_model_new(w, graphs && quads, true, st);
  if (!m) cli_error("out of memory");
  raptor_world *rw = librdf_world_get_raptor(w);
  for (int i = 0; m && i < n; i++) {
    files_run r = {m, raptor_new_parser(rw, cli_rdf_parser_for(files[i])), preds, graphs && quads,
                   i, false};
    librdf_uri *u = librdf_new_uri_from_filename(w, files[i]);
    if (r.parser) raptor_parser_set_statement_handler(r.parser, &r, on_statement);
    unsigned long errors = rdf_errors;
    int bad = !r.parser || !u || access(files[i], R_OK) != 0 ||
              raptor_parser_parse_file(r.parser, u, u) != 0 || r.failed || rdf_errors != errors;
    if (u) librdf_free_uri(u);
    if (r.parser) raptor_free_parser(r.parser);
    if (bad) {
      cli_error("%s: cannot read it as %s", files[i], cli_rdf_parser_for(files[i]));
      librdf_free_model(m);
      m = NULL;
    }
  }
  return m;
}


/* librdf prints warnings about unused query variables and the like on its
 * own; keep only errors, in our format. They are counted: raptor's parsers
 * report a bad line and go on, and the file is bad all the same. */
static int on_log(void *data, librdf_log_message *m) {
  (void)data;
  if (librdf_log_message_level(m) >= LIBRDF_LOG_ERROR) {
    cli_error("%s", librdf_log_message_message(m));
    rdf_errors++;
  }
  return 1;
}

librdf_world *cli_world_new(void) {
  librdf_world *w = librdf_new_world();
  if (!w) {
    cli_error("out of memory");
    return NULL;
  }
  librdf_world_set_logger(w, NULL, on_log);
  librdf_world_open(w);
  return w;
}

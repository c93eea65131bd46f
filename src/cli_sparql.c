/* cli_sparql: the triples source SPARQL queries read a librdf model through.
 *
 * librdf's own source (rdf_query_rasqal.c) records every variable of a
 * pattern as one the pattern binds, even a variable the rows before it have
 * bound; Rasqal resets a pattern's bindings each time it starts again, so
 * the pattern inside an OPTIONAL, started again for every row on its left,
 * clears the left row's variable and then scans every triple of its
 * predicate: quadratic (bills.rq on 200 articles: 1,690 scans of the whole
 * predicate for 846 rows). This source binds only the variables that are
 * unbound when the pattern starts and looks the bound ones up, so an
 * OPTIONAL costs one indexed lookup per row. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "strmap.h"

typedef struct {
  cli_dataset *d;
} source;

typedef struct {
  librdf_stream *stream;
  rasqal_variable *vars[4]; /* the unbound variables this match binds */
  rasqal_world *rw;
} match;

/* A query term (an IRI, a literal, a bound variable's value) as a new node,
 * or NULL. */
static librdf_node *node_of(librdf_world *w, rasqal_literal *l) {
  if (l->type == RASQAL_LITERAL_URI) return librdf_new_node_from_uri(w, l->value.uri);
  if (!l->string) return NULL;
  if (l->type == RASQAL_LITERAL_BLANK) return librdf_new_node_from_blank_identifier(w, l->string);
  raptor_uri *dt = rasqal_literal_datatype(l);
  /* Plain literals and language-tagged ones have no datatype in RDF 1.0
   * terms, which librdf keeps. */
  if (l->language || l->type == RASQAL_LITERAL_STRING) dt = NULL;
  return librdf_new_node_from_typed_counted_literal(
      w, l->string, l->string_len, (const char *)l->language,
      l->language ? strlen(l->language) : 0, dt);
}

static unsigned char *dup_counted(const unsigned char *s, size_t n) {
  unsigned char *c = malloc(n + 1);
  if (c) {
    memcpy(c, s, n);
    c[n] = '\0';
  }
  return c;
}

/* A node as a new Rasqal literal, or NULL. Rasqal owns the strings given. */
static rasqal_literal *literal_of(rasqal_world *rw, librdf_node *n) {
  raptor_term *t = n;
  if (t->type == RAPTOR_TERM_TYPE_URI)
    return rasqal_new_uri_literal(rw, raptor_uri_copy(t->value.uri));
  if (t->type == RAPTOR_TERM_TYPE_BLANK) {
    unsigned char *id = dup_counted(t->value.blank.string, t->value.blank.string_len);
    return id ? rasqal_new_simple_literal(rw, RASQAL_LITERAL_BLANK, id) : NULL;
  }
  if (t->type != RAPTOR_TERM_TYPE_LITERAL) return NULL;
  const raptor_term_literal_value *v = &t->value.literal;
  unsigned char *s = dup_counted(v->string, v->string_len);
  char *lang = v->language ? (char *)dup_counted(v->language, v->language_len) : NULL;
  if (!s || (v->language && !lang)) {
    free(s);
    free(lang);
    return NULL;
  }
  return rasqal_new_string_literal(rw, s, lang, v->datatype ? raptor_uri_copy(v->datatype) : NULL,
                                   NULL);
}

/* The statement's term at position i (3: its graph). */
static librdf_node *term_at(librdf_stream *s, int i) {
  if (i == 3) return librdf_stream_get_context2(s);
  librdf_statement *st = librdf_stream_get_object(s);
  return i == 0 ? librdf_statement_get_subject(st)
         : i == 1 ? librdf_statement_get_predicate(st)
                  : librdf_statement_get_object(st);
}

static const rasqal_triple_parts PART[4] = {RASQAL_TRIPLE_SUBJECT, RASQAL_TRIPLE_PREDICATE,
                                            RASQAL_TRIPLE_OBJECT, RASQAL_TRIPLE_ORIGIN};

/* Bind the unbound variables to the current statement; 0 when it does not
 * fit (one variable twice, with two values), and Rasqal moves on. */
static rasqal_triple_parts bind_match(rasqal_triples_match *rtm, void *user_data,
                                      rasqal_variable *bindings[4], rasqal_triple_parts parts) {
  (void)bindings;
  (void)parts;
  match *mt = user_data;
  (void)rtm;
  if (!librdf_stream_get_object(mt->stream)) return 0;
  int bound = 0;
  for (int i = 0; i < 4; i++) {
    if (!mt->vars[i]) continue;
    librdf_node *n = term_at(mt->stream, i);
    if (!n) return 0;
    bool seen = false;
    for (int j = 0; j < i; j++) {
      if (mt->vars[j] != mt->vars[i]) continue;
      if (!librdf_node_equals(term_at(mt->stream, j), n)) return 0;
      seen = true;
    }
    if (seen) continue;
    rasqal_literal *l = literal_of(mt->rw, n);
    if (!l) return 0;
    rasqal_variable_set_value(mt->vars[i], l);
    bound |= PART[i];
  }
  /* Every position filled: a match with nothing to bind still counts. */
  return bound ? (rasqal_triple_parts)bound : RASQAL_TRIPLE_SPO;
}

static void next_match(rasqal_triples_match *rtm, void *user_data) {
  (void)rtm;
  librdf_stream_next(((match *)user_data)->stream);
}

static int is_end(rasqal_triples_match *rtm, void *user_data) {
  (void)rtm;
  return librdf_stream_end(((match *)user_data)->stream);
}

/* The match ends: its variables are unbound again, so that a later pattern
 * sees them free (Rasqal clears only those it thinks the pattern binds). */
static void finish(rasqal_triples_match *rtm, void *user_data) {
  (void)rtm;
  match *mt = user_data;
  for (int i = 0; i < 4; i++)
    if (mt->vars[i]) rasqal_variable_set_value(mt->vars[i], NULL);
  if (mt->stream) librdf_free_stream(mt->stream);
  free(mt);
}

/* The term a pattern position looks up: a constant, a bound variable's
 * value, or NULL with *var set (a variable to bind). false on no memory. */
static bool lookup(librdf_world *w, rasqal_literal *term, librdf_node **node,
                   rasqal_variable **var) {
  *node = NULL;
  *var = NULL;
  if (!term) return true;
  rasqal_variable *v = rasqal_literal_as_variable(term);
  if (v && !v->value) {
    *var = v;
    return true;
  }
  *node = node_of(w, v ? v->value : term);
  return *node != NULL;
}

/* Look up the statements that fit pattern t, in its graph if it names one;
 * vars[i] gets the variables to bind. NULL on no memory. */
static librdf_stream *find(cli_dataset *d, rasqal_triple *t, rasqal_variable *vars[4]) {
  librdf_node *n[4] = {NULL, NULL, NULL, NULL};
  rasqal_literal *terms[4] = {t->subject, t->predicate, t->object, t->origin};
  bool ok = true;
  for (int i = 0; i < 4 && ok; i++) ok = lookup(d->world, terms[i], &n[i], &vars[i]);
  if (!ok) {
    for (int i = 0; i < 4; i++)
      if (n[i]) librdf_free_node(n[i]);
    return NULL;
  }
  /* The statement owns n[0..2], even when it cannot be made. */
  librdf_statement *pat = librdf_new_statement_from_nodes(d->world, n[0], n[1], n[2]);
  /* A pattern in GRAPH reads the named graphs, any other the default one:
   * a set, so that a triple in two graphs is one solution, not two. */
  librdf_model *m = t->origin ? d->graphs : d->model;
  librdf_stream *s = NULL;
  if (pat && m)
    s = n[3] ? librdf_model_find_statements_in_context(m, pat, n[3])
             : librdf_model_find_statements(m, pat);
  else if (pat)
    s = librdf_new_empty_stream(d->world);
  if (pat) librdf_free_statement(pat);
  if (n[3]) librdf_free_node(n[3]);
  return s;
}

static int init_match(rasqal_triples_match *rtm, rasqal_triples_source *rts, void *user_data,
                      rasqal_triple_meta *m, rasqal_triple *t) {
  (void)rts;
  source *src = user_data;
  match *mt = calloc(1, sizeof *mt);
  if (!mt) return 1;
  mt->rw = librdf_world_get_rasqal(src->d->world);
  mt->stream = find(src->d, t, mt->vars);
  rtm->user_data = mt;
  rtm->bind_match = bind_match;
  rtm->next_match = next_match;
  rtm->is_end = is_end;
  rtm->finish = finish;
  /* Rasqal resets m->bindings[i] for the parts it thinks this pattern
   * binds; a bound variable is not this pattern's to reset. */
  for (int i = 0; i < 4; i++) m->bindings[i] = mt->vars[i];
  return mt->stream ? 0 : 1;
}

/* A pattern with no variable: is the triple there? */
static int triple_present(rasqal_triples_source *rts, void *user_data, rasqal_triple *t) {
  (void)rts;
  source *src = user_data;
  rasqal_variable *vars[4] = {NULL, NULL, NULL, NULL};
  librdf_stream *s = find(src->d, t, vars);
  int found = s && !librdf_stream_end(s);
  if (s) librdf_free_stream(s);
  return found;
}

static void free_source(void *user_data) { (void)user_data; }

/* The query reads the model: FROM graphs are dropped (no loading while a
 * query runs), and each graph of the model is a named graph for GRAPH. */
static int new_source(rasqal_query *q, void *factory_data, void *user_data,
                      rasqal_triples_source *rts) {
  cli_dataset *d = factory_data;
  source *src = user_data;
  src->d = d;
  raptor_sequence *from = rasqal_query_get_data_graph_sequence(q);
  while (from && raptor_sequence_size(from) > 0)
    rasqal_free_data_graph(raptor_sequence_pop(from));
  if (d->graphs && librdf_model_supports_contexts(d->graphs)) {
    librdf_iterator *it = librdf_model_get_contexts(d->graphs);
    rasqal_world *rw = librdf_world_get_rasqal(d->world);
    int rc = it ? 0 : 1;
    for (; it && !rc && !librdf_iterator_end(it); librdf_iterator_next(it)) {
      librdf_node *g = librdf_iterator_get_object(it);
      librdf_uri *u = g ? librdf_node_get_uri(g) : NULL;
      if (!u) continue;
      rasqal_data_graph *dg =
          rasqal_new_data_graph_from_uri(rw, u, u, RASQAL_DATA_GRAPH_NAMED, NULL, NULL, NULL);
      rc = !dg || rasqal_query_add_data_graph(q, dg);
    }
    if (it) librdf_free_iterator(it);
    if (rc) return 1;
  }
  /* DISTINCT, and the slice after it, are done on the rows (keep_row). */
  if (rasqal_query_get_verb(q) == RASQAL_QUERY_VERB_SELECT && rasqal_query_get_distinct(q)) {
    d->distinct = true;
    d->limit = rasqal_query_get_limit(q);
    d->offset = rasqal_query_get_offset(q);
    rasqal_query_set_distinct(q, 0);
    rasqal_query_set_limit(q, -1);
    rasqal_query_set_offset(q, -1);
  }
  rts->version = 1;
  rts->init_triples_match = init_match;
  rts->triple_present = triple_present;
  rts->free_triples_source = free_source;
  return 0;
}

static int register_factory(rasqal_triples_source_factory *f) {
  f->version = 1;
  f->user_data_size = sizeof(source);
  f->new_triples_source = new_source;
  return 0;
}

int cli_sparql_use(cli_dataset *d) {
  return rasqal_set_triples_source_factory(librdf_world_get_rasqal(d->world), register_factory,
                                           d);
}

void cli_sparql_done(cli_dataset *d) {
  ent_strmap_free(d->seen);
  d->seen = NULL;
}

bool cli_sparql_keep_row(cli_dataset *d, librdf_query_results *r, bool *stop) {
  *stop = false;
  if (!d->distinct) return true;
  if (d->limit >= 0 && d->kept >= d->limit) {
    *stop = true;
    return false;
  }
  if (!d->seen && !(d->seen = ent_strmap_new())) {
    *stop = true;
    return false;
  }
  /* The row's key: its terms in N-Triples, which tells "a"@fr from "a". */
  char *key = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&key, &len);
  int nv = librdf_query_results_get_bindings_count(r);
  for (int v = 0; f && v < nv; v++) {
    librdf_node *n = librdf_query_results_get_binding_value(r, v);
    unsigned char *t = n ? raptor_term_to_string(n) : NULL;
    fprintf(f, "%s\t", t ? (const char *)t : "");
    if (t) raptor_free_memory(t);
    if (n) librdf_free_node(n);
  }
  bool keep = false;
  if (f && fclose(f) == 0 && key) {
    size_t seen;
    if (!ent_strmap_get(d->seen, key, &seen)) {
      if (!ent_strmap_put(d->seen, key, 1)) *stop = true;
      else if (d->offset > 0 && d->skipped < d->offset) d->skipped++;
      else keep = true;
    }
  } else {
    *stop = true;
  }
  free(key);
  if (keep) d->kept++;
  return keep;
}

/* The formats of SELECT results entente writes itself (a DISTINCT's rows,
 * which only it knows), as the W3C result formats define them. */
typedef enum { OUT_CSV, OUT_TSV, OUT_JSON, OUT_XML } out_format;

static void put(raptor_iostream *o, const char *s) { raptor_iostream_string_write(s, o); }

static void csv_field(raptor_iostream *o, const unsigned char *s, size_t len) {
  if (!memchr(s, '"', len) && !memchr(s, ',', len) && !memchr(s, '\n', len) &&
      !memchr(s, '\r', len)) {
    raptor_iostream_counted_string_write(s, len, o);
    return;
  }
  raptor_iostream_write_byte('"', o);
  for (size_t i = 0; i < len; i++) {
    if (s[i] == '"') raptor_iostream_write_byte('"', o);
    raptor_iostream_write_byte(s[i], o);
  }
  raptor_iostream_write_byte('"', o);
}

static void json_string(raptor_iostream *o, const unsigned char *s, size_t len) {
  raptor_iostream_write_byte('"', o);
  raptor_string_escaped_write(s, len, '"', RAPTOR_ESCAPED_WRITE_JSON_LITERAL, o);
  raptor_iostream_write_byte('"', o);
}

static void xml_text(raptor_iostream *o, const unsigned char *s, size_t len) {
  raptor_xml_escape_string_write(s, len, '"', o);
}

/* A term's lexical part: an IRI, a blank node's label, a literal's form. */
static const unsigned char *term_text(const raptor_term *t, size_t *len) {
  if (t->type == RAPTOR_TERM_TYPE_URI) return raptor_uri_as_counted_string(t->value.uri, len);
  if (t->type == RAPTOR_TERM_TYPE_BLANK) {
    *len = t->value.blank.string_len;
    return t->value.blank.string;
  }
  *len = t->value.literal.string_len;
  return t->value.literal.string;
}

static void write_term(raptor_iostream *o, out_format f, const char *name, const raptor_term *t) {
  size_t len;
  const unsigned char *text = term_text(t, &len);
  const raptor_term_literal_value *lit =
      t->type == RAPTOR_TERM_TYPE_LITERAL ? &t->value.literal : NULL;
  size_t dlen = 0;
  const unsigned char *dt =
      lit && lit->datatype ? raptor_uri_as_counted_string(lit->datatype, &dlen) : NULL;
  const char *kind = t->type == RAPTOR_TERM_TYPE_URI     ? "uri"
                     : t->type == RAPTOR_TERM_TYPE_BLANK ? "bnode"
                                                         : "literal";
  switch (f) {
  case OUT_CSV:
    if (t->type == RAPTOR_TERM_TYPE_BLANK) put(o, "_:");
    csv_field(o, text, len);
    break;
  case OUT_TSV: raptor_term_escaped_write(t, RAPTOR_ESCAPED_WRITE_NTRIPLES_LITERAL, o); break;
  case OUT_JSON:
    json_string(o, (const unsigned char *)name, strlen(name));
    put(o, ": { \"type\": \"");
    put(o, kind);
    put(o, "\", \"value\": ");
    json_string(o, text, len);
    if (lit && lit->language) {
      put(o, ", \"xml:lang\": ");
      json_string(o, lit->language, lit->language_len);
    } else if (dt) {
      put(o, ", \"datatype\": ");
      json_string(o, dt, dlen);
    }
    put(o, " }");
    break;
  case OUT_XML:
    put(o, "<binding name=\"");
    xml_text(o, (const unsigned char *)name, strlen(name));
    put(o, "\"><");
    put(o, kind);
    if (lit && lit->language) {
      put(o, " xml:lang=\"");
      xml_text(o, lit->language, lit->language_len);
      put(o, "\"");
    } else if (dt) {
      put(o, " datatype=\"");
      xml_text(o, dt, dlen);
      put(o, "\"");
    }
    put(o, ">");
    xml_text(o, text, len);
    put(o, "</");
    put(o, kind);
    put(o, "></binding>");
    break;
  }
}

static void write_head(raptor_iostream *o, out_format f, librdf_query_results *r, int nv) {
  if (f == OUT_JSON) put(o, "{\n  \"head\": { \"vars\": [");
  if (f == OUT_XML)
    put(o, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
           "<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n  <head>\n");
  for (int v = 0; v < nv; v++) {
    const unsigned char *nm = (const unsigned char *)librdf_query_results_get_binding_name(r, v);
    size_t len = strlen((const char *)nm);
    if (f == OUT_CSV || f == OUT_TSV) {
      if (v) put(o, f == OUT_CSV ? "," : "\t");
      if (f == OUT_TSV) put(o, "?");
      raptor_iostream_counted_string_write(nm, len, o);
    } else if (f == OUT_JSON) {
      put(o, v ? ", " : " ");
      json_string(o, nm, len);
    } else {
      put(o, "    <variable name=\"");
      xml_text(o, nm, len);
      put(o, "\"/>\n");
    }
  }
  put(o, f == OUT_CSV    ? "\r\n"
         : f == OUT_TSV  ? "\n"
         : f == OUT_JSON ? " ] },\n  \"results\": { \"bindings\": ["
                         : "  </head>\n  <results>\n");
}

/* The kept rows of r, written as they come: memory for their keys only. */
static void write_rows(cli_dataset *d, raptor_iostream *o, out_format f,
                       librdf_query_results *r) {
  int nv = librdf_query_results_get_bindings_count(r);
  if (nv < 0) nv = 0;
  write_head(o, f, r, nv);
  bool stop = false, first = true;
  for (; !stop && !librdf_query_results_finished(r); librdf_query_results_next(r)) {
    if (!cli_sparql_keep_row(d, r, &stop)) continue;
    put(o, f == OUT_JSON ? (first ? "\n    {" : ",\n    {") : f == OUT_XML ? "    <result>" : "");
    bool any = false;
    for (int v = 0; v < nv; v++) {
      librdf_node *n = librdf_query_results_get_binding_value(r, v);
      if ((f == OUT_CSV || f == OUT_TSV) && v) put(o, f == OUT_CSV ? "," : "\t");
      if (n) { /* unbound: an empty field, or no binding */
        if (f == OUT_JSON) put(o, any ? ", " : " ");
        write_term(o, f, librdf_query_results_get_binding_name(r, v), n);
        any = true;
        librdf_free_node(n);
      }
    }
    put(o, f == OUT_CSV ? "\r\n" : f == OUT_TSV ? "\n" : f == OUT_JSON ? " }" : "</result>\n");
    first = false;
  }
  put(o, f == OUT_JSON ? "\n  ] }\n}\n" : f == OUT_XML ? "  </results>\n</sparql>\n" : "");
}

entente_status cli_sparql_write(cli_dataset *d, librdf_query_results *r, const char *format) {
  static const char *const names[] = {"csv", "tsv", "json", "xml"};
  int f = 0;
  while (f < 4 && strcmp(names[f], format) != 0) f++;
  if (!d->distinct || f == 4 || !librdf_query_results_is_bindings(r)) {
    size_t n = 0;
    unsigned char *out = librdf_query_results_to_counted_string2(r, format, NULL, NULL, NULL, &n);
    if (!out) {
      cli_error("cannot write the results as %s", format);
      return ENTENTE_ERR_RDF;
    }
    entente_status st = cli_write_output(NULL, out, n);
    librdf_free_memory(out);
    return st;
  }
  cli_out out;
  entente_status st = cli_out_open(&out, NULL);
  if (st != ENTENTE_OK) return st;
  raptor_iostream *o =
      raptor_new_iostream_to_file_handle(librdf_world_get_raptor(d->world), out.f);
  if (!o) {
    cli_out_abort(&out);
    cli_error("out of memory");
    return ENTENTE_ERR_NOMEM;
  }
  write_rows(d, o, (out_format)f, r);
  raptor_free_iostream(o);
  return cli_out_commit(&out);
}

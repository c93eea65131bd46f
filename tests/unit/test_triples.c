/* triples: an article's triples as plain strings. IRIs are made once, a
 * term that cannot be made fails the whole set, and what the writers make of
 * them is what raptor makes of the same statements in a model. */
#include "testutil.h"

#include <librdf.h>

#include "serialize.h"
#include "triples.h"

#define NS "https://w3id.org/entente/ns#"
#define XSD_INT "http://www.w3.org/2001/XMLSchema#integer"

static librdf_world *world;

static ent_term_id iri(ent_triples *t, const char *s) { return ent_triples_iri(t, s, strlen(s)); }

static void iris_are_made_once(void **state) {
  (void)state;
  ent_triples t;
  ent_triples_init(&t);
  ent_term_id a = iri(&t, NS "a"), b = iri(&t, NS "b");
  assert_true(a && b && a != b);
  assert_int_equal(iri(&t, NS "a"), a);
  ent_term_id once = ent_triples_iri_once(&t, NS "a", strlen(NS "a"));
  assert_true(once && once != a); /* not looked for */
  assert_string_equal(ent_triples_str(&t, t.terms.v[a].str), NS "a");
  assert_false(t.failed);
  assert_int_equal(ent_triples_iri(&t, "", 0), 0); /* raptor makes no empty IRI */
  assert_true(t.failed);
  ent_triples_reset(&t);
  assert_false(t.failed);
  assert_int_equal(t.v.n, 0);
  assert_int_equal(iri(&t, NS "b"), 1); /* forgotten: the first term again */
  ent_triples_clear(&t);
}

static void literals_keep_language_or_datatype(void **state) {
  (void)state;
  ent_triples t;
  ent_triples_init(&t);
  ent_term_id dt = iri(&t, XSD_INT);
  ent_term_id fr = ent_triples_literal(&t, "oui", 3, "fr", dt);
  ent_term_id n = ent_triples_literal(&t, "42", 2, NULL, dt);
  ent_term_id plain = ent_triples_literal(&t, "x", 1, "", 0);
  assert_string_equal(ent_triples_str(&t, t.terms.v[fr].lang), "fr");
  assert_int_equal(t.terms.v[fr].datatype, 0); /* a language, so no datatype */
  assert_int_equal(t.terms.v[n].datatype, dt);
  assert_int_equal(t.terms.v[plain].lang, 0); /* "" is no language */
  ent_triples_clear(&t);
}

/* A triple with a term that was not made fails the set: nothing of it may
 * be written or added. */
static void a_missing_term_fails_everything(void **state) {
  (void)state;
  ent_triples t;
  ent_triples_init(&t);
  ent_term_id s = iri(&t, NS "s"), p = iri(&t, NS "p");
  ent_triples_add(&t, s, p, s);
  assert_false(t.failed);
  ent_triples_add(&t, s, p, 0);
  assert_true(t.failed);
  librdf_statement **v = NULL;
  size_t n = 7;
  assert_int_equal(ent_triples_statements_new(&t, world, &v, &n), ENTENTE_ERR_RDF);
  assert_null(v);
  assert_int_equal(n, 0);
  raptor_iostream *io = raptor_new_iostream_to_sink(librdf_world_get_raptor(world));
  assert_int_equal(ent_turtle_write(librdf_world_get_raptor(world), &t, NULL, 0, io),
                   ENTENTE_ERR_RDF);
  raptor_free_iostream(io);
  ent_triples_clear(&t);
}

static const char NT[] =
    "<http://example.org/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <" NS "Person> .\n"
    "<http://example.org/s> <" NS "label> \"Jean \\\"JD\\\"\\n\\t\\\\ \\u00E9\"@fr .\n"
    "<http://example.org/\\u00E9t\\u00E9> <" NS "p> _:b1 .\n"
    "_:b1 <" NS "p> \"x\"@en-GB .\n";

static librdf_model *model_of(const char *nt) {
  librdf_storage *st = librdf_new_storage(world, "memory", NULL, NULL);
  librdf_model *m = librdf_new_model(world, st, NULL);
  librdf_parser *p = librdf_new_parser(world, "ntriples", NULL, NULL);
  librdf_uri *base = librdf_new_uri(world, (const unsigned char *)"http://example.org/");
  assert_int_equal(librdf_parser_parse_string_into_model(p, (const unsigned char *)nt, base, m), 0);
  librdf_free_uri(base);
  librdf_free_parser(p);
  librdf_free_storage(st); /* the model keeps a reference */
  if (nt == NT) { /* added, not parsed: librdf leaks two URIs of a parsed typed literal */
    librdf_uri *dt = librdf_new_uri(world, (const unsigned char *)XSD_INT);
    librdf_node *o = librdf_new_node_from_typed_literal(world, (const unsigned char *)"42", NULL, dt);
    librdf_free_uri(dt);
    assert_int_equal(librdf_model_add(m, librdf_new_node_from_uri_string(
                                             world, (const unsigned char *)"http://example.org/s"),
                                      librdf_new_node_from_uri_string(world, (const unsigned char *)NS "n"), o),
                     0);
  }
  return m;
}

/* The bytes written to a new string iostream by fn. */
static unsigned char *written(entente_status (*fn)(raptor_iostream *, void *), void *arg,
                              size_t *len) {
  void *buf = NULL;
  raptor_iostream *io =
      raptor_new_iostream_to_string(librdf_world_get_raptor(world), &buf, len, malloc);
  assert_int_equal(fn(io, arg), ENTENTE_OK);
  raptor_free_iostream(io);
  return buf;
}

typedef struct {
  ent_ntriples *w;
  const ent_triples *t;
  const char *graph;
} nt_job;

static entente_status nt(raptor_iostream *io, void *arg) {
  nt_job *j = arg;
  return ent_ntriples_write_triples(j->w, j->t, j->graph, io);
}

/* A model's statements made into triples and written by entente are
 * raptor's N-Triples of the model, byte for byte; and, with a graph, each
 * line ends in it. The triples made back into statements are the model. */
static void written_as_raptor_writes_them(void **state) {
  (void)state;
  librdf_model *m = model_of(NT);
  ent_triples t;
  ent_triples_init(&t);
  librdf_stream *s = librdf_model_as_stream(m);
  assert_int_equal(ent_triples_add_stream(&t, s), ENTENTE_OK);
  librdf_free_stream(s);
  assert_int_equal(t.v.n, 5);

  ent_ntriples *w = NULL;
  assert_int_equal(ent_ntriples_new(librdf_world_get_raptor(world), &w), ENTENTE_OK);
  nt_job job = {w, &t, NULL};
  size_t n = 0, rn = 0;
  unsigned char *ours = written(nt, &job, &n);
  librdf_serializer *ser = librdf_new_serializer(world, "ntriples", NULL, NULL);
  unsigned char *theirs = librdf_serializer_serialize_model_to_counted_string(ser, NULL, m, &rn);
  assert_int_equal(n, rn);
  assert_memory_equal(ours, theirs, n);
  free(ours);
  librdf_free_memory(theirs);
  librdf_free_serializer(ser);

  job.graph = "http://example.org/g";
  ours = written(nt, &job, &n);
  size_t lines = 0;
  for (char *p = (char *)ours; (p = strstr(p, " <http://example.org/g> .\n")) != NULL; p++) lines++;
  assert_int_equal(lines, 5);
  free(ours);
  ent_ntriples_free(w);

  librdf_model *back = model_of("");
  assert_int_equal(ent_triples_add_to_model(&t, world, back, NULL), ENTENTE_OK);
  assert_int_equal(librdf_model_size(back), librdf_model_size(m));
  librdf_stream *all = librdf_model_as_stream(m);
  for (; !librdf_stream_end(all); librdf_stream_next(all))
    assert_true(librdf_model_contains_statement(back, librdf_stream_get_object(all)));
  librdf_free_stream(all);
  librdf_free_model(back);
  ent_triples_clear(&t);
  librdf_free_model(m);
}

int main(void) {
  world = librdf_new_world();
  librdf_world_open(world);
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(iris_are_made_once),
      cmocka_unit_test(literals_keep_language_or_datatype),
      cmocka_unit_test(a_missing_term_fails_everything),
      cmocka_unit_test(written_as_raptor_writes_them),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  librdf_free_world(world);
  return rc;
}

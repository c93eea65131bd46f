/* serialize: entente's Turtle and N-Triples writers on terms that need care. */
#include "testutil.h"

#include <librdf.h>

#include "serialize.h"

#define BASE "https://w3id.org/entente/id/"
#define NS "https://w3id.org/entente/ns#"
#define XSD "http://www.w3.org/2001/XMLSchema#"

/* Triples written for this test: escapes, local names Turtle cannot take
 * bare, a blank node, a language with a region; and integers well and ill
 * typed (add_typed). */
static const char NT[] =
    "<" BASE "person/jean-dupont> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <" NS "Person> .\n"
    "<" BASE "person/jean-dupont> <http://www.w3.org/2000/01/rdf-schema#label> "
    "\"Jean \\\"JD\\\" Dupont\\n\\t\\\\ \\u00E9 \\U0001F600\"@fr .\n"
    "<" BASE "person/1x> <" NS "p> _:b1 .\n"
    "<" BASE "person/> <" NS "p> \"empty local name\" .\n"
    "<" BASE "person/a.b> <" NS "p> \"a dot\" .\n"
    "<http://example.org/\\u00E9t\\u00E9> <" NS "p> \"a non-ASCII IRI\" .\n"
    "_:b1 <" NS "p> \"x\"@en-GB .\n";

static librdf_world *world;

/* Typed literals are added, not parsed into a model: librdf then leaks two
 * of raptor's URIs (valgrind), whatever the syntax. */
static void add_typed(librdf_model *m, const char *pred, const char *value, const char *type) {
  librdf_uri *dt = librdf_new_uri(world, (const unsigned char *)type);
  librdf_node *o = librdf_new_node_from_typed_literal(world, (const unsigned char *)value, NULL, dt);
  librdf_free_uri(dt);
  assert_int_equal(
      librdf_model_add(
          m, librdf_new_node_from_uri_string(world, (const unsigned char *)BASE "person/jean-dupont"),
          librdf_new_node_from_uri_string(world, (const unsigned char *)pred), o),
      0);
}

static librdf_model *model_of(const char *nt) {
  librdf_storage *st = librdf_new_storage(world, "memory", NULL, NULL);
  librdf_model *m = librdf_new_model(world, st, NULL);
  librdf_parser *p = librdf_new_parser(world, "ntriples", NULL, NULL);
  librdf_uri *base = librdf_new_uri(world, (const unsigned char *)"http://example.org/");
  assert_int_equal(librdf_parser_parse_string_into_model(p, (const unsigned char *)nt, base, m), 0);
  librdf_free_uri(base);
  librdf_free_parser(p);
  librdf_free_storage(st); /* the model keeps a reference */
  if (nt == NT) {
    add_typed(m, NS "n", "42", XSD "integer");
    add_typed(m, NS "n", "-7", XSD "integer");
    add_typed(m, NS "m", "4 2", XSD "integer");
    add_typed(m, NS "d", "1.5", XSD "decimal");
  }
  return m;
}

static void count_one(void *user, raptor_statement *st) {
  (void)st;
  ++*(int *)user;
}

/* The triples raptor reads from text, or -1 when it reports an error. */
static int count_triples(const unsigned char *text, size_t len, const char *syntax) {
  raptor_parser *p = raptor_new_parser(librdf_world_get_raptor(world), syntax);
  raptor_uri *base = raptor_new_uri(librdf_world_get_raptor(world), (const unsigned char *)"http://example.org/");
  int n = 0;
  raptor_parser_set_statement_handler(p, &n, count_one);
  int bad = raptor_parser_parse_start(p, base) || raptor_parser_parse_chunk(p, text, len, 1);
  raptor_free_uri(base);
  raptor_free_parser(p);
  return bad ? -1 : n;
}

static void turtle_reads_back(void **state) {
  (void)state;
  librdf_model *m = model_of(NT);
  unsigned char *out = NULL;
  size_t len = 0;
  assert_int_equal(ent_serialize_new(world, m, "turtle", BASE, &out, &len), ENTENTE_OK);
  const char *t = (const char *)out;
  assert_int_equal(count_triples(out, len, "turtle"), librdf_model_size(m));
  assert_non_null(strstr(t, "@prefix person: <" BASE "person/> ."));
  assert_non_null(strstr(t, "\nperson:jean-dupont\n    a ent:Person ;"));
  assert_non_null(strstr(t, "\"Jean \\\"JD\\\" Dupont\\n\\t\\\\ é 😀\"@fr"));
  assert_non_null(strstr(t, "ent:n -7 ,\n        42")); /* bare integers, one predicate */
  assert_non_null(strstr(t, "\"4 2\"^^xsd:integer"));    /* not an integer: quoted */
  assert_non_null(strstr(t, "\"1.5\"^^xsd:decimal"));
  assert_non_null(strstr(t, "<" BASE "person/1x>"));
  assert_non_null(strstr(t, "<" BASE "person/>"));
  assert_non_null(strstr(t, "<" BASE "person/a.b>"));
  assert_non_null(strstr(t, "<http://example.org/été>"));
  assert_non_null(strstr(t, "\"x\"@en-gb")); /* raptor lowercases tags */
  free(out);
  librdf_free_model(m);
}

/* entente's N-Triples are raptor's, byte for byte. */
static void ntriples_are_raptors(void **state) {
  (void)state;
  librdf_model *m = model_of(NT);
  unsigned char *ours = NULL;
  size_t n = 0;
  assert_int_equal(ent_serialize_new(world, m, "ntriples", BASE, &ours, &n), ENTENTE_OK);
  librdf_serializer *s = librdf_new_serializer(world, "ntriples", NULL, NULL);
  size_t rn = 0;
  unsigned char *theirs = librdf_serializer_serialize_model_to_counted_string(s, NULL, m, &rn);
  assert_non_null(theirs);
  assert_int_equal(n, rn);
  assert_memory_equal(ours, theirs, n);
  assert_int_equal(count_triples(ours, n, "ntriples"), librdf_model_size(m));
  free(ours);
  librdf_free_memory(theirs);
  librdf_free_serializer(s);
  librdf_free_model(m);
}

/* Blank nodes whose labels raptor's writers would make one stay two. */
static void turtle_keeps_blank_nodes_apart(void **state) {
  (void)state;
  librdf_model *m = model_of("");
  const char *labels[] = {"a.b", "azb", "hx1", "a_b", "-x", "\xc3\xa9t\xc3\xa9"};
  for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
    assert_int_equal(
        librdf_model_add(
            m, librdf_new_node_from_blank_identifier(world, (const unsigned char *)labels[i]),
            librdf_new_node_from_uri_string(world, (const unsigned char *)NS "p"),
            librdf_new_node_from_literal(world, (const unsigned char *)"same", NULL, 0)),
        0);
  unsigned char *out = NULL;
  size_t len = 0;
  assert_int_equal(ent_serialize_new(world, m, "turtle", BASE, &out, &len), ENTENTE_OK);
  assert_int_equal(count_triples(out, len, "turtle"), 6);
  assert_non_null(strstr((const char *)out, "_:a_b"));
  free(out);
  librdf_free_model(m);
}

/* A literal that is not UTF-8 is an error, not a truncated string. */
static void turtle_refuses_bad_utf8(void **state) {
  (void)state;
  librdf_model *m = model_of("");
  librdf_node *sub = librdf_new_node_from_uri_string(world, (const unsigned char *)BASE "person/x");
  librdf_node *pred = librdf_new_node_from_uri_string(world, (const unsigned char *)NS "p");
  librdf_node *obj = librdf_new_node_from_literal(world, (const unsigned char *)"caf\xc3", NULL, 0);
  assert_int_equal(librdf_model_add(m, sub, pred, obj), 0);
  unsigned char *out = (unsigned char *)"unchanged";
  size_t len = 1;
  assert_int_equal(ent_serialize_new(world, m, "turtle", BASE, &out, &len), ENTENTE_ERR_RDF);
  assert_null(out);
  assert_int_equal(len, 0);
  librdf_free_model(m);
}

int main(void) {
  world = librdf_new_world();
  librdf_world_open(world);
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(turtle_reads_back),
      cmocka_unit_test(ntriples_are_raptors),
      cmocka_unit_test(turtle_keeps_blank_nodes_apart),
      cmocka_unit_test(turtle_refuses_bad_utf8),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  librdf_free_world(world);
  return rc;
}

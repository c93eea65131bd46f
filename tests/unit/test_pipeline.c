/* pipeline: the public API. entente_extract (into a model) and
 * entente_extract_stream (a stream) give the same statements; bad arguments
 * are refused with a status. */
#include "testutil.h"

#include <librdf.h>

#include "entente.h"

static const char TEXT[] =
    "Le ministre italien des affaires étrangères, Marco Ferri, a rencontré lundi à Genève "
    "son homologue danoise, Karen Holm. « Nous voulons avancer ensemble », a déclaré M. Ferri.";

typedef struct {
  librdf_world *w;
  entente_ctx *ctx;
} fixture;

static int setup(void **state) {
  fixture *f = calloc(1, sizeof *f);
  assert_non_null(f);
  f->w = librdf_new_world();
  librdf_world_open(f->w);
  const char *dir = getenv("ENTENTE_ONTOLOGY");
  assert_int_equal(entente_ctx_new(f->w, dir, &f->ctx), ENTENTE_OK);
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fixture *f = *state;
  entente_ctx_free(f->ctx);
  librdf_free_world(f->w);
  free(f);
  return 0;
}

/* Every statement of the stream is in the model, in the same context, and
 * there are as many. */
static void stream_equals_model(void **state) {
  fixture *f = *state;
  entente_article art = {.name = "a", .date = "2024-04-26"};
  librdf_storage *st = librdf_new_storage(f->w, "memory", NULL, "contexts='yes'");
  librdf_model *m = librdf_new_model(f->w, st, NULL);
  librdf_node *g = entente_article_node_new(f->ctx, &art, TEXT, strlen(TEXT));
  assert_non_null(g);
  assert_int_equal(entente_extract(f->ctx, TEXT, strlen(TEXT), &art, m, g), ENTENTE_OK);
  librdf_stream *s = NULL;
  assert_int_equal(entente_extract_stream(f->ctx, TEXT, strlen(TEXT), &art, g, &s), ENTENTE_OK);
  assert_non_null(s);
  int n = 0;
  for (; !librdf_stream_end(s); librdf_stream_next(s), n++) {
    librdf_statement *t = librdf_stream_get_object(s);
    librdf_node *c = librdf_stream_get_context2(s);
    assert_non_null(c);
    assert_true(librdf_node_equals(c, g));
    assert_true(librdf_model_contains_statement(m, t));
  }
  librdf_free_stream(s);
  assert_true(n > 20);
  assert_int_equal(n, librdf_model_size(m));
  librdf_free_node(g);
  librdf_free_model(m);
  librdf_free_storage(st);
}

/* Without a graph: no context; bad input: a status and no stream. */
static void stream_without_graph_and_bad_input(void **state) {
  fixture *f = *state;
  librdf_stream *s = NULL;
  assert_int_equal(entente_extract_stream(f->ctx, TEXT, strlen(TEXT), NULL, NULL, &s), ENTENTE_OK);
  assert_non_null(s);
  assert_false(librdf_stream_end(s));
  assert_null(librdf_stream_get_context2(s));
  librdf_free_stream(s);
  s = (librdf_stream *)&s; /* set on failure too */
  assert_int_equal(entente_extract_stream(f->ctx, "caf\xe9", 4, NULL, NULL, &s),
                   ENTENTE_ERR_UTF8);
  assert_null(s);
  assert_int_equal(entente_extract_stream(f->ctx, TEXT, strlen(TEXT), NULL, NULL, NULL),
                   ENTENTE_ERR_ARG);
  assert_int_equal(entente_extract(f->ctx, TEXT, strlen(TEXT), NULL, NULL, NULL), ENTENTE_ERR_ARG);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(stream_equals_model),
      cmocka_unit_test(stream_without_graph_and_bad_input),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}

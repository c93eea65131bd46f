/* libFuzzer harness: the whole pipeline through the public API
 * (include/entente.h) on arbitrary bytes, then the project's writers to
 * Turtle and N-Triples, then raptor parses each back. The context is made
 * once. Checks: entente_extract returns a documented status and adds nothing
 * on failure; on success each output parses without a single error or
 * warning and gives back exactly the model's triples; and the same article
 * as plain triples (what `extract` streams out) written straight to
 * N-Triples is byte for byte what they give through a librdf stream. */
#include <librdf.h>
#include <raptor2.h>
#include <string.h>

#include "entente.h"
#include "fuzzutil.h"
#include "pipeline.h"
#include "serialize.h"

static librdf_world *world;
static entente_ctx *ctx;
static ent_ntriples *nt_direct, *nt_stream; /* made once: their memos carry over */
static int rdf_errors; /* messages of level warning and up since the last reset */

static int on_log(void *data, librdf_log_message *m) {
  (void)data;
  if (librdf_log_message_level(m) >= LIBRDF_LOG_WARN) {
    rdf_errors++;
    fprintf(stderr, "fuzz: rdf: %s\n", librdf_log_message_message(m));
  }
  return 1;
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  world = librdf_new_world();
  FUZZ_ASSERT(world);
  librdf_world_set_logger(world, NULL, on_log);
  librdf_world_open(world);
  FUZZ_ASSERT(ent_ntriples_new(librdf_world_get_raptor(world), &nt_direct) == ENTENTE_OK &&
              ent_ntriples_new(librdf_world_get_raptor(world), &nt_stream) == ENTENTE_OK);
  if (entente_ctx_new(world, NULL, &ctx) != ENTENTE_OK) {
    fprintf(stderr, "fuzz: cannot load the ontology from %s\n", entente_default_ontology_dir());
    exit(2);
  }
  return 0;
}

static void count_triple(void *data, raptor_statement *s) {
  (void)s;
  (*(size_t *)data)++;
}

/* Parse `syntax` with raptor; the number of triples, or (size_t)-1 on error. */
static size_t reparse(const char *syntax, const unsigned char *ttl, size_t len) {
  raptor_world *rw = librdf_world_get_raptor(world);
  raptor_parser *p = raptor_new_parser(rw, syntax);
  raptor_uri *base = raptor_new_uri(rw, (const unsigned char *)ENTENTE_DEFAULT_BASE);
  FUZZ_ASSERT(p && base);
  size_t n = 0;
  raptor_parser_set_statement_handler(p, &n, count_triple);
  int bad = raptor_parser_parse_start(p, base) || raptor_parser_parse_chunk(p, ttl, len, 1);
  raptor_free_uri(base);
  raptor_free_parser(p);
  return bad ? (size_t)-1 : n;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  librdf_storage *storage = librdf_new_storage(world, "memory", NULL, NULL);
  librdf_model *model = storage ? librdf_new_model(world, storage, NULL) : NULL;
  FUZZ_ASSERT(model);
  entente_article art = {"fuzz.txt", "2024-04-26", NULL, NULL, NULL, NULL};
  rdf_errors = 0;
  entente_status st = entente_extract(ctx, (const char *)data, size, &art, model, NULL);
  FUZZ_ASSERT(rdf_errors == 0);
  switch (st) {
  case ENTENTE_OK: break;
  case ENTENTE_ERR_EMPTY: case ENTENTE_ERR_UTF8: case ENTENTE_ERR_BINARY:
  case ENTENTE_ERR_TOO_LARGE:
    FUZZ_ASSERT(librdf_model_size(model) == 0); /* nothing added on failure */
    break;
  default:
    fprintf(stderr, "fuzz: unexpected status %d: %s\n", (int)st, entente_strerror(st));
    abort();
  }
  /* entente's own writers (serialize_turtle.c, serialize_ntriples.c): every
   * triple of the model parses back. */
  static const char *const FORMATS[] = {"turtle", "ntriples"};
  for (size_t f = 0; st == ENTENTE_OK && f < sizeof FORMATS / sizeof *FORMATS; f++) {
    unsigned char *out = NULL;
    size_t len = 0;
    FUZZ_ASSERT(ent_serialize_new(world, model, FORMATS[f], ENTENTE_DEFAULT_BASE, &out, &len) ==
                ENTENTE_OK);
    FUZZ_ASSERT(rdf_errors == 0);
    size_t n = reparse(FORMATS[f], out, len);
    int size_model = librdf_model_size(model);
    if (n == (size_t)-1 || rdf_errors || (int)n != size_model) {
      fprintf(stderr, "fuzz: the %s does not parse back (%zu of %d triples):\n%.*s\n",
              FORMATS[f], n, size_model, (int)len, (const char *)out);
      abort();
    }
    librdf_free_memory(out);
  }
  librdf_free_model(model);
  librdf_free_storage(storage);

  ent_triples t;
  ent_triples_init(&t);
  FUZZ_ASSERT(ent_extract_triples(ctx, (const char *)data, size, &art, &t) == st);
  if (st == ENTENTE_OK) {
    raptor_world *rw = librdf_world_get_raptor(world);
    void *a = NULL, *b = NULL;
    size_t alen = 0, blen = 0;
    raptor_iostream *ia = raptor_new_iostream_to_string(rw, &a, &alen, malloc);
    raptor_iostream *ib = raptor_new_iostream_to_string(rw, &b, &blen, malloc);
    librdf_stream *s = NULL;
    FUZZ_ASSERT(ia && ib && ent_triples_stream_new(&t, world, NULL, &s) == ENTENTE_OK);
    FUZZ_ASSERT(ent_ntriples_write_triples(nt_direct, &t, NULL, ia) == ENTENTE_OK);
    FUZZ_ASSERT(ent_ntriples_write(nt_stream, s, false, ib) == ENTENTE_OK);
    librdf_free_stream(s);
    raptor_free_iostream(ia);
    raptor_free_iostream(ib);
    if (alen != blen || memcmp(a, b, alen) != 0) {
      fprintf(stderr, "fuzz: the triples' N-Triples differ from the stream's:\n%.*s\n---\n%.*s\n",
              (int)alen, (const char *)a, (int)blen, (const char *)b);
      abort();
    }
    free(a);
    free(b);
  }
  ent_triples_clear(&t);
  return 0;
}

/* serialize: see serialize.h. Escaping is raptor's, never ours. */
#include "serialize.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
  const char *name, *serializer;
} FORMATS[] = {
    {"turtle", "turtle"},   {"ttl", "turtle"},      {"ntriples", "ntriples"},
    {"nt", "ntriples"},     {"nquads", "nquads"},   {"nq", "nquads"},
    {"rdfxml", "rdfxml-abbrev"}, {"json", "json"},  {"dot", "dot"},
};

const char *ent_format_serializer(const char *format) {
  for (size_t i = 0; i < sizeof FORMATS / sizeof *FORMATS; i++)
    if (strcmp(format, FORMATS[i].name) == 0) return FORMATS[i].serializer;
  return NULL;
}

static const char *const PREFIXES[][2] = {
    {"ent", ENTENTE_NS},
    {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
    {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
    {"xsd", "http://www.w3.org/2001/XMLSchema#"},
    {"schema", "http://schema.org/"},
    {"prov", "http://www.w3.org/ns/prov#"},
    {"skos", "http://www.w3.org/2004/02/skos/core#"},
};

/* Resource folders under the base that get a prefix of their own. */
static const char *const DIRS[] = {"person", "country", "organization", "place",   "group", "position",
                                   "event",  "bill",    "funding", "claim", "article"};

#define NPREFIXES (sizeof PREFIXES / sizeof *PREFIXES + sizeof DIRS / sizeof *DIRS)

struct ent_serializer {
  librdf_world *world;
  const char *format;              /* borrowed */
  bool turtle;                     /* ours: serialize_turtle.c */
  bool quads;                      /* with nt: N-Quads */
  ent_ntriples *nt;                /* N-Triples and N-Quads: serialize_ntriples.c */
  ent_prefix prefixes[NPREFIXES];  /* iri owned for the resource folders */
  size_t nprefixes, nowned;
};

/* entente's prefixes: the vocabularies, and a folder of `base` for each kind
 * of resource. */
static entente_status set_prefixes(ent_serializer *ser, const char *base) {
  for (size_t i = 0; i < sizeof PREFIXES / sizeof *PREFIXES; i++)
    ser->prefixes[ser->nprefixes++] =
        (ent_prefix){PREFIXES[i][0], PREFIXES[i][1], strlen(PREFIXES[i][1])};
  for (size_t i = 0; i < sizeof DIRS / sizeof *DIRS; i++) {
    /* "org/" is written "organization:" so it is not taken for W3C org: */
    const char *dir = strcmp(DIRS[i], "organization") == 0 ? "org" : DIRS[i];
    size_t n = strlen(base) + strlen(dir) + 1;
    char *iri = malloc(n + 1);
    if (!iri) return ENTENTE_ERR_NOMEM;
    snprintf(iri, n + 1, "%s%s/", base, dir);
    ser->prefixes[ser->nprefixes++] = (ent_prefix){DIRS[i], iri, n};
    ser->nowned++;
  }
  return ENTENTE_OK;
}

/* Prefixes are cosmetic: raptor refuses ones it predeclares (rdf), so a
 * refusal is not an error. Only running out of memory is. */
static int set_ns(librdf_world *w, librdf_serializer *s, const char *iri, const char *prefix) {
  librdf_uri *u = librdf_new_uri(w, (const unsigned char *)iri);
  if (!u) return 1;
  (void)librdf_serializer_set_namespace(s, u, prefix);
  librdf_free_uri(u);
  return 0;
}

/* A raptor serializer for the format with entente's prefixes where the
 * format writes them. */
static entente_status make(const ent_serializer *ser, librdf_serializer **out) {
  const char *name = ent_format_serializer(ser->format);
  librdf_serializer *s = librdf_new_serializer(ser->world, name, NULL, NULL);
  if (!s) return ENTENTE_ERR_RDF;
  /* raptor's dot serializer also leaks the namespaces it is given. */
  bool prefixes = !strcmp(name, "turtle") || !strcmp(name, "rdfxml-abbrev");
  int rc = 0;
  for (size_t i = 0; prefixes && i < ser->nprefixes; i++)
    rc |= set_ns(ser->world, s, ser->prefixes[i].iri, ser->prefixes[i].label);
  if (rc) {
    librdf_free_serializer(s);
    return ENTENTE_ERR_NOMEM;
  }
  *out = s;
  return ENTENTE_OK;
}

entente_status ent_serializer_new(librdf_world *world, const char *format, const char *base,
                                  ent_serializer **ser_new) {
  *ser_new = NULL;
  const char *name = ent_format_serializer(format);
  if (!name) return ENTENTE_ERR_ARG;
  ent_serializer *ser = calloc(1, sizeof *ser);
  if (!ser) return ENTENTE_ERR_NOMEM;
  ser->world = world;
  ser->format = format;
  ser->turtle = strcmp(name, "turtle") == 0;
  ser->quads = strcmp(name, "nquads") == 0;
  entente_status st = set_prefixes(ser, base);
  if (st == ENTENTE_OK && (ser->quads || strcmp(name, "ntriples") == 0))
    st = ent_ntriples_new(librdf_world_get_raptor(world), &ser->nt);
  if (st != ENTENTE_OK) {
    ent_serializer_free(ser);
    return st;
  }
  *ser_new = ser;
  return ENTENTE_OK;
}

/* An iostream writing through to another (ctx). */
static int forward_byte(void *ctx, const int byte) { return raptor_iostream_write_byte(byte, ctx); }

static int forward_bytes(void *ctx, const void *p, size_t size, size_t nmemb) {
  return raptor_iostream_write_bytes(p, size, nmemb, ctx);
}

static const raptor_iostream_handler FORWARD = {
    .version = 2, .write_byte = forward_byte, .write_bytes = forward_bytes, .write_end = NULL};

/* What is written: a model, a stream, or an article's triples (one of them). */
typedef struct {
  librdf_model *model;
  librdf_stream *stream;
  const ent_triples *triples;
  const char *graph; /* with triples: their graph's IRI (N-Quads), or NULL */
} source;

/* The source onto io (borrowed), by entente's own writers (Turtle,
 * N-Triples, N-Quads) or by a raptor serializer made for this write
 * (RDF/XML, JSON, dot): each write is a whole document. Triples go to the
 * N-Triples writer as they are, to the others as a librdf stream. */
static entente_status write_io(ent_serializer *ser, const source *src, raptor_iostream *io) {
  if (src->triples && ser->nt)
    return ent_ntriples_write_triples(ser->nt, src->triples, ser->quads ? src->graph : NULL, io);
  if (src->triples && ser->turtle)
    return ent_turtle_write(librdf_world_get_raptor(ser->world), src->triples, ser->prefixes,
                            ser->nprefixes, io);
  librdf_stream *own = NULL;
  entente_status st = ENTENTE_OK;
  if (src->triples) st = ent_triples_stream_new(src->triples, ser->world, NULL, &own);
  else if (src->model && (ser->turtle || ser->nt) && !(own = librdf_model_as_stream(src->model)))
    st = ENTENTE_ERR_RDF;
  if (st != ENTENTE_OK) return st;
  librdf_stream *in = own ? own : src->stream;
  if (ser->turtle) { /* the statements copied into triples, then written */
    ent_triples t;
    ent_triples_init(&t);
    st = ent_triples_add_stream(&t, in);
    if (st == ENTENTE_OK)
      st = ent_turtle_write(librdf_world_get_raptor(ser->world), &t, ser->prefixes, ser->nprefixes,
                            io);
    ent_triples_clear(&t);
  } else if (ser->nt) {
    st = ent_ntriples_write(ser->nt, in, ser->quads, io);
  } else {
    librdf_serializer *s = NULL;
    st = make(ser, &s);
    /* librdf frees the iostream it is given: it gets one of its own. */
    raptor_iostream *mine = st != ENTENTE_OK ? NULL : raptor_new_iostream_from_handler(
        librdf_world_get_raptor(ser->world), io, &FORWARD);
    if (st == ENTENTE_OK && !mine) st = ENTENTE_ERR_NOMEM;
    if (mine && (in ? librdf_serializer_serialize_stream_to_iostream(s, NULL, in, mine)
                    : librdf_serializer_serialize_model_to_iostream(s, NULL, src->model, mine)))
      st = ENTENTE_ERR_RDF;
    if (s) librdf_free_serializer(s);
  }
  if (own) librdf_free_stream(own);
  return st;
}

entente_status ent_serializer_write_new(ent_serializer *ser, librdf_model *model,
                                        unsigned char **out, size_t *len) {
  *out = NULL;
  *len = 0;
  void *buf = NULL;
  raptor_iostream *io =
      raptor_new_iostream_to_string(librdf_world_get_raptor(ser->world), &buf, len, malloc);
  if (!io) return ENTENTE_ERR_NOMEM;
  source src = {.model = model};
  entente_status st = write_io(ser, &src, io);
  raptor_free_iostream(io); /* sets buf */
  if (st == ENTENTE_OK && !buf) st = ENTENTE_ERR_NOMEM;
  if (st != ENTENTE_OK) {
    free(buf);
    *len = 0;
    return st;
  }
  *out = buf;
  return ENTENTE_OK;
}

int ent_bytes_reserve(ent_bytes *b, size_t more) {
  if (more <= b->cap - b->n) return 0;
  size_t cap = b->cap ? b->cap : 4096;
  while (cap - b->n < more) cap *= 2;
  unsigned char *p = realloc(b->buf, cap);
  if (!p) return 1;
  b->buf = p;
  b->cap = cap;
  return 0;
}

static int bytes_write(void *ctx, const void *p, size_t size, size_t nmemb) {
  ent_bytes *b = ctx;
  size_t n = size * nmemb;
  if (b->failed || ent_bytes_reserve(b, n)) {
    b->failed = true;
    return 0;
  }
  memcpy(b->buf + b->n, p, n);
  b->n += n;
  return (int)nmemb;
}

static int bytes_write_byte(void *ctx, const int byte) {
  unsigned char c = (unsigned char)byte;
  return bytes_write(ctx, &c, 1, 1) == 1 ? 0 : 1;
}

static const raptor_iostream_handler BYTES = {
    .version = 2, .write_byte = bytes_write_byte, .write_bytes = bytes_write, .write_end = NULL};

entente_status ent_bytes_init(ent_bytes *b, raptor_world *world) {
  memset(b, 0, sizeof *b);
  b->io = raptor_new_iostream_from_handler(world, b, &BYTES);
  return b->io ? ENTENTE_OK : ENTENTE_ERR_NOMEM;
}

void ent_bytes_clear(ent_bytes *b) {
  if (b->io) raptor_free_iostream(b->io);
  free(b->buf);
  memset(b, 0, sizeof *b);
}

/* A raptor iostream onto a FILE through our own buffer: raptor writes
 * N-Triples a byte at a time, and its FILE iostream makes each byte an
 * fputc (a lock and a call: 3.5 % of a run). */
typedef struct {
  FILE *f;
  size_t n;
  unsigned char buf[65536];
} outbuf;

static int outbuf_flush(void *ctx) {
  outbuf *o = ctx;
  size_t n = o->n;
  o->n = 0;
  return n && fwrite(o->buf, 1, n, o->f) != n ? 1 : 0;
}

static int outbuf_write_bytes_(outbuf *o, const unsigned char *p, size_t n) {
  if (n > sizeof o->buf - o->n && outbuf_flush(o)) return 1;
  if (n > sizeof o->buf) return fwrite(p, 1, n, o->f) != n;
  memcpy(o->buf + o->n, p, n);
  o->n += n;
  return 0;
}

static int outbuf_write_byte(void *ctx, const int byte) {
  outbuf *o = ctx;
  if (o->n == sizeof o->buf && outbuf_flush(o)) return 1;
  o->buf[o->n++] = (unsigned char)byte;
  return 0;
}

static int outbuf_write_bytes(void *ctx, const void *p, size_t size, size_t nmemb) {
  return outbuf_write_bytes_(ctx, p, size * nmemb) ? 0 : (int)nmemb;
}

static const raptor_iostream_handler OUTBUF = {
    .version = 2,
    .write_byte = outbuf_write_byte,
    .write_bytes = outbuf_write_bytes,
    .write_end = NULL,
};

/* The source onto f. */
static entente_status write_to(ent_serializer *ser, const source *src, FILE *f) {
  outbuf *o = malloc(sizeof *o);
  if (!o) return ENTENTE_ERR_NOMEM;
  o->f = f;
  o->n = 0;
  raptor_iostream *io = raptor_new_iostream_from_handler(librdf_world_get_raptor(ser->world), o,
                                                         &OUTBUF);
  entente_status st = io ? write_io(ser, src, io) : ENTENTE_ERR_NOMEM;
  if (io) raptor_free_iostream(io);
  if (outbuf_flush(o) && st == ENTENTE_OK) st = ENTENTE_ERR_IO;
  free(o);
  return ferror(f) ? ENTENTE_ERR_IO : st;
}

entente_status ent_serializer_write_file(ent_serializer *ser, librdf_model *model, FILE *f) {
  source src = {.model = model};
  return write_to(ser, &src, f);
}

entente_status ent_serializer_write_stream(ent_serializer *ser, librdf_stream *stream, FILE *f) {
  source src = {.stream = stream};
  return write_to(ser, &src, f);
}

entente_status ent_serializer_write_triples(ent_serializer *ser, const ent_triples *t,
                                            const char *graph, FILE *f) {
  source src = {.triples = t, .graph = graph};
  return write_to(ser, &src, f);
}

void ent_serializer_free(ent_serializer *ser) {
  if (!ser) return;
  ent_ntriples_free(ser->nt);
  for (size_t i = ser->nprefixes - ser->nowned; i < ser->nprefixes; i++)
    free((char *)ser->prefixes[i].iri);
  free(ser);
}

entente_status ent_serialize_new(librdf_world *world, librdf_model *model, const char *format,
                                 const char *base, unsigned char **out, size_t *len) {
  *out = NULL;
  *len = 0;
  ent_serializer *ser = NULL;
  entente_status st = ent_serializer_new(world, format, base, &ser);
  if (st != ENTENTE_OK) return st;
  st = ent_serializer_write_new(ser, model, out, len);
  ent_serializer_free(ser);
  return st;
}

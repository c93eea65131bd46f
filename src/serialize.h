/* serialize: a librdf model to bytes in one of the formats raptor writes,
 * with entente's prefixes so Turtle stays readable. */
#ifndef ENT_SERIALIZE_H
#define ENT_SERIALIZE_H

#include <librdf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "entente.h"
#include "triples.h"

/** The raptor serializer name for a user format name (turtle, ntriples,
 * nquads, rdfxml, json, dot), or NULL when unknown. */
const char *ent_format_serializer(const char *format);

/** A serializer kept across many models (one per article in a stream):
 * making raptor's serializer and its prefixes once is much of the cost. */
typedef struct ent_serializer ent_serializer;

/** A serializer for `format` (see ent_format_serializer); `world` is
 * borrowed and must outlive it; *ser_new is owned by the caller. */
entente_status ent_serializer_new(librdf_world *world, const char *format, const char *base,
                                  ent_serializer **ser_new);

/** Serialize `model` (borrowed) into a new buffer owned by the caller (free
 * with librdf_free_memory). */
entente_status ent_serializer_write_new(ent_serializer *ser, librdf_model *model,
                                        unsigned char **out, size_t *len);

/** Serialize `model` (borrowed) onto `f` (borrowed, left open). Straight to
 * the stream: raptor's string buffers grow by one allocation per byte
 * written. ENTENTE_ERR_IO when `f` reports an error. */
entente_status ent_serializer_write_file(ent_serializer *ser, librdf_model *model, FILE *f);

/** The same for a stream of statements (borrowed; consumed), as
 * entente_extract_stream makes them. */
entente_status ent_serializer_write_stream(ent_serializer *ser, librdf_stream *stream, FILE *f);

/** The same for an article's triples (borrowed), in the graph of IRI
 * `graph` (borrowed; N-Quads; NULL for none): straight to the N-Triples
 * writer, to the others through a librdf stream. */
entente_status ent_serializer_write_triples(ent_serializer *ser, const ent_triples *t,
                                            const char *graph, FILE *f);

/** Bytes raptor writes into, for writers that keep what raptor escaped: a
 * growing buffer and a raptor iostream onto it, both owned. */
typedef struct {
  unsigned char *buf;
  size_t n, cap;
  bool failed;         /* out of memory while raptor wrote into buf */
  raptor_iostream *io; /* onto buf */
} ent_bytes;

/** An empty buffer in *b, its iostream made in `world` (borrowed).
 * ENTENTE_ERR_NOMEM. */
entente_status ent_bytes_init(ent_bytes *b, raptor_world *world);

/** Room for `more` bytes after b->n: 0, or 1 when out of memory. */
int ent_bytes_reserve(ent_bytes *b, size_t more);

/** Release what *b holds (ent_bytes_init's or a zeroed one). */
void ent_bytes_clear(ent_bytes *b);

/** One prefix of the Turtle entente writes: `label` and `iri` (iri_len
 * bytes) are borrowed. */
typedef struct {
  const char *label;
  const char *iri;
  size_t iri_len;
} ent_prefix;

/** Write the triples `t` (borrowed) onto `io` (borrowed; `world` too) as one Turtle
 * document: the `prefixes` (borrowed), then one block per subject, sorted
 * (in raptor_term_compare's order), duplicates once (serialize_turtle.c).
 * Every IRI and literal is escaped by raptor. ENTENTE_ERR_RDF when
 * t->failed or a term cannot be written (invalid UTF-8), ENTENTE_ERR_NOMEM. */
entente_status ent_turtle_write(raptor_world *world, const ent_triples *t,
                                const ent_prefix *prefixes, size_t nprefixes, raptor_iostream *io);

/** entente's N-Triples and N-Quads writer (serialize_ntriples.c): raptor's
 * escaping, with the escaped form of each IRI remembered. */
typedef struct ent_ntriples ent_ntriples;

/** A writer owned by the caller; `world` is borrowed and must outlive it. */
entente_status ent_ntriples_new(raptor_world *world, ent_ntriples **w_new);

/** Write the statements of `stream` (borrowed; read to its end) onto `io`
 * (borrowed), a line each, with the stream's graph when `quads`. */
entente_status ent_ntriples_write(ent_ntriples *w, librdf_stream *stream, bool quads,
                                  raptor_iostream *io);

/** Write the triples `t` (borrowed) onto `io` (borrowed), a line each, in
 * the graph of IRI `graph` (borrowed) when it is not NULL (N-Quads).
 * ENTENTE_ERR_RDF when t->failed or a term cannot be written. */
entente_status ent_ntriples_write_triples(ent_ntriples *w, const ent_triples *t, const char *graph,
                                          raptor_iostream *io);

/** Release a writer; NULL is a no-op. */
void ent_ntriples_free(ent_ntriples *w);

/** Release a serializer; NULL is a no-op. */
void ent_serializer_free(ent_serializer *ser);

/** Serialize `model` (borrowed) to a new buffer owned by the caller (free
 * with librdf_free_memory); base is the resource base for prefixes. */
entente_status ent_serialize_new(librdf_world *world, librdf_model *model, const char *format,
                                 const char *base, unsigned char **out, size_t *len);

#endif

/* triples: one article's triples as plain strings, between the graph
 * (graph.c, which makes them) and the writers (serialize_*.c) or a librdf
 * model. A librdf statement is three raptor terms, each made, counted and
 * freed, and an IRI made is a search in raptor's table of URIs: for an
 * article written straight out, that was a fifth of the work
 * (docs/performance.md). Here a term is a few integers into one string pool,
 * an IRI is made once per article, and librdf sees the triples only when a
 * model or a librdf stream asks for them.
 *
 * Ownership: an ent_triples is a struct of the caller's (ent_triples_init,
 * ent_triples_clear); everything in it is its own; the strings it hands out
 * live until the next ent_triples_reset or ent_triples_clear. */
#ifndef ENT_TRIPLES_H
#define ENT_TRIPLES_H

#include <librdf.h>
#include <stdbool.h>
#include <stdint.h>

#include "entente.h"
#include "strmap.h"
#include "vec.h"

/** A term's number in its triples; 0 is none (a term that could not be made). */
typedef uint32_t ent_term_id;

/* In raptor's order of term types (raptor_term_compare): IRIs, blank nodes,
 * literals. */
typedef enum { ENT_TERM_IRI = 1, ENT_TERM_BLANK = 2, ENT_TERM_LITERAL = 3 } ent_term_kind;

typedef struct {
  ent_term_kind kind;
  uint32_t str, len;    /* the IRI, blank node label or lexical form: offset in
                           the pool, bytes */
  uint32_t lang;        /* a literal's language tag: offset in the pool, 0 when none */
  ent_term_id datatype; /* a literal's datatype (an IRI term), 0 when none */
  uint32_t head;        /* an IRI's first bytes that many IRIs share (its
                           namespace), 0 when not told: ent_triples_set_head */
} ent_term;

typedef struct {
  ent_term_id s, p, o;
} ent_triple;

typedef struct {
  ENT_VEC(char) pool;       /* NUL-terminated strings; pool.v[0] is "" */
  ENT_VEC(ent_term) terms;  /* terms.v[0] is unused (id 0: none) */
  ENT_VEC(ent_triple) v;    /* in the order they were added */
  ent_strmap *iris;         /* IRI -> its term, made on first use */
  bool failed;              /* a term or triple could not be made */
} ent_triples;

/** An empty set of triples in *t (no allocation yet). */
void ent_triples_init(ent_triples *t);

/** Release what *t holds; it is empty (as from ent_triples_init) after. */
void ent_triples_clear(ent_triples *t);

/** Empty *t for the next article, keeping its memory. */
void ent_triples_reset(ent_triples *t);

/** The term of the IRI s (len bytes, then a NUL), made once: the same IRI
 * is the same term. 0 (and t->failed) when out of memory or empty (raptor
 * makes no empty IRI). s is borrowed. */
ent_term_id ent_triples_iri(ent_triples *t, const char *s, size_t len);

/** A new term of the IRI s, not looked for nor remembered: for an IRI used
 * by one fact (its node, its evidence span). 0 (and t->failed) as above. */
ent_term_id ent_triples_iri_once(ent_triples *t, const char *s, size_t len);

/** Tell that the first `head` bytes of IRI term `id` are a namespace many
 * IRIs share (the base, the article's IRI), ending on an ASCII byte: a
 * writer may escape them once for all. */
void ent_triples_set_head(ent_triples *t, ent_term_id id, size_t head);

/** A new literal term: lexical form s (len bytes, UTF-8 that raptor can
 * write), with language tag lang (NULL or "": none) or else datatype (an
 * IRI term, or 0; ignored with a language, as raptor does). 0 (and
 * t->failed) when out of memory. Borrows its arguments. */
ent_term_id ent_triples_literal(ent_triples *t, const char *s, size_t len, const char *lang,
                                ent_term_id datatype);

/** Append the statements of `stream` (borrowed; read to its end) to `t`,
 * the terms copied: a model's statements for entente's writers. Graph
 * names are not kept. ENTENTE_ERR_NOMEM, or ENTENTE_ERR_RDF for a term of
 * no known type. */
entente_status ent_triples_add_stream(ent_triples *t, librdf_stream *stream);

/** Add the triple (s, p, o); when one of them is 0, t->failed is set instead. */
void ent_triples_add(ent_triples *t, ent_term_id s, ent_term_id p, ent_term_id o);

/** The string at pool offset `off` (a term's str or lang): NUL-terminated,
 * borrowed. */
static inline const char *ent_triples_str(const ent_triples *t, uint32_t off) {
  return t->pool.v + off;
}

/** The triples as new librdf statements: *stmts_new (an array of *n, both
 * owned by the caller: ent_triples_free_statements) made in `world`
 * (borrowed). ENTENTE_ERR_NOMEM, or ENTENTE_ERR_RDF when t->failed. */
entente_status ent_triples_statements_new(const ent_triples *t, librdf_world *world,
                                          librdf_statement ***stmts_new, size_t *n);

/** Free n statements and their array (from ent_triples_statements_new). */
void ent_triples_free_statements(librdf_statement **stmts, size_t n);

/** A new librdf stream (owned by the caller) over the triples as statements,
 * its context (librdf_stream_get_context2) `context` (borrowed; NULL for
 * none). */
entente_status ent_triples_stream_new(const ent_triples *t, librdf_world *world,
                                      librdf_node *context, librdf_stream **stream_new);

/** Add the triples to `model` (in `context` when not NULL); all borrowed.
 * On failure nothing is added. */
entente_status ent_triples_add_to_model(const ent_triples *t, librdf_world *world,
                                        librdf_model *model, librdf_node *context);

#endif

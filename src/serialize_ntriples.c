/* serialize_ntriples: N-Triples and N-Quads, a statement a line, as
 * raptor_statement_ntriples_write writes them, with one difference: the
 * escaped form of an IRI is remembered. raptor escapes an IRI a byte at a
 * time through the iostream (most of the cost of writing N-Triples), and an
 * article names the same IRIs again and again (every line repeats its
 * subject). The remembered bytes are raptor's own (raptor_uri_escaped_write,
 * or what it does, raptor_string_escaped_write between < and >, into a
 * buffer), never ours. Two inputs: a librdf stream (a model's statements;
 * the memo keyed by raptor's interned URIs) and an article's ent_triples
 * (the memo by term, for that article). */
#include "serialize.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The memo starts over when it holds this many IRIs or bytes: memory stays
 * bounded on an endless batch, where most IRIs belong to one article. */
#define MEMO_KEYS 4096
#define MEMO_SLOTS (2 * MEMO_KEYS) /* a power of two */
#define MEMO_BYTES (1u << 19)

/* The memo is keyed by the raptor_uri itself, and holds a reference to it:
 * a URI it knows cannot be freed, so its address cannot be reused for
 * another IRI; raptor interns URIs, so one IRI is one address. */
typedef struct {
  raptor_uri *uri; /* a reference owned by the memo, or NULL */
  size_t off;      /* in buf: (size_t length, bytes) */
} slot;

/* An escaped IRI in buf: where, how long. */
typedef struct {
  size_t off, len;
} span;

struct ent_ntriples {
  slot memo[MEMO_SLOTS];
  size_t nkeys;
  ent_bytes b;           /* the escaped IRIs (memo and article) */
  ENT_VEC(span) by_term; /* ent_triples terms' escaped IRIs; len 0: not yet */
  struct head {          /* the article's namespaces, escaped (head_escaped) */
    const char *s;
    size_t len;
    span esc;
  } heads[16];
  size_t nheads;
};

entente_status ent_ntriples_new(raptor_world *world, ent_ntriples **w_new) {
  *w_new = NULL;
  ent_ntriples *w = calloc(1, sizeof *w);
  if (!w) return ENTENTE_ERR_NOMEM;
  if (ent_bytes_init(&w->b, world) != ENTENTE_OK) {
    ent_ntriples_free(w);
    return ENTENTE_ERR_NOMEM;
  }
  *w_new = w;
  return ENTENTE_OK;
}

static void memo_clear(ent_ntriples *w) {
  for (size_t i = 0; i < MEMO_SLOTS; i++)
    if (w->memo[i].uri) raptor_free_uri(w->memo[i].uri);
  memset(w->memo, 0, sizeof w->memo);
  w->nkeys = 0;
  w->b.n = 0;
}

/* The slot of u: its own, or the empty one where it would go. */
static slot *memo_slot(ent_ntriples *w, raptor_uri *u) {
  size_t i = (size_t)(((uintptr_t)u >> 4) * 0x9E3779B97F4A7C15u) & (MEMO_SLOTS - 1);
  while (w->memo[i].uri && w->memo[i].uri != u) i = (i + 1) & (MEMO_SLOTS - 1);
  return &w->memo[i];
}

void ent_ntriples_free(ent_ntriples *w) {
  if (!w) return;
  memo_clear(w);
  ent_bytes_clear(&w->b);
  free(w->by_term.v);
  free(w);
}

/* The escaped IRI onto io, from the memo or escaped by raptor now. */
static int write_iri(ent_ntriples *w, raptor_uri *u, raptor_iostream *io) {
  slot *sl = memo_slot(w, u);
  size_t len;
  if (!sl->uri) {
    if (w->nkeys >= MEMO_KEYS || w->b.n >= MEMO_BYTES) {
      memo_clear(w);
      sl = memo_slot(w, u);
    }
    size_t off = w->b.n;
    if (ent_bytes_reserve(&w->b, sizeof len)) return 1;
    w->b.n += sizeof len;
    if (raptor_uri_escaped_write(u, NULL, RAPTOR_ESCAPED_WRITE_NTRIPLES_URI, w->b.io) ||
        w->b.failed) {
      w->b.failed = false;
      w->b.n = off;
      return 1;
    }
    len = w->b.n - off - sizeof len;
    memcpy(w->b.buf + off, &len, sizeof len);
    *sl = (slot){raptor_uri_copy(u), off};
    w->nkeys++;
  }
  memcpy(&len, w->b.buf + sl->off, sizeof len);
  return raptor_iostream_counted_string_write(w->b.buf + sl->off + sizeof len, len, io);
}

/* A literal as raptor_term_escaped_write writes it, but an error where raptor
 * cannot escape the string (U+FFFE, U+FFFF, bad UTF-8): it would write the
 * string cut there, and report nothing. Its datatype, if any, is for the
 * caller to write after it. */
static int write_literal_(const unsigned char *s, size_t len, const unsigned char *lang,
                          size_t lang_len, bool datatype, raptor_iostream *io) {
  raptor_iostream_write_byte('"', io);
  if (raptor_string_escaped_write(s, len, '"', RAPTOR_ESCAPED_WRITE_NTRIPLES_LITERAL, io)) return 1;
  raptor_iostream_write_byte('"', io);
  if (lang) {
    raptor_iostream_write_byte('@', io);
    raptor_iostream_counted_string_write(lang, lang_len, io);
  }
  return datatype ? raptor_iostream_counted_string_write("^^", 2, io) : 0;
}

static int write_literal(ent_ntriples *w, const raptor_term_literal_value *l, raptor_iostream *io) {
  return write_literal_(l->string, l->string_len, l->language, l->language_len, l->datatype, io) ||
         (l->datatype && write_iri(w, l->datatype, io));
}

static int write_term(ent_ntriples *w, const raptor_term *t, raptor_iostream *io) {
  if (t->type == RAPTOR_TERM_TYPE_URI) return write_iri(w, t->value.uri, io);
  if (t->type == RAPTOR_TERM_TYPE_LITERAL) return write_literal(w, &t->value.literal, io);
  return raptor_term_escaped_write(t, RAPTOR_ESCAPED_WRITE_NTRIPLES_LITERAL, io);
}

entente_status ent_ntriples_write(ent_ntriples *w, librdf_stream *stream, bool quads,
                                  raptor_iostream *io) {
  for (; !librdf_stream_end(stream); librdf_stream_next(stream)) {
    librdf_statement *s = librdf_stream_get_object(stream);
    if (!s) return ENTENTE_ERR_RDF;
    librdf_node *g = quads ? librdf_stream_get_context2(stream) : NULL;
    if (write_term(w, librdf_statement_get_subject(s), io) ||
        raptor_iostream_write_byte(' ', io) ||
        write_term(w, librdf_statement_get_predicate(s), io) ||
        raptor_iostream_write_byte(' ', io) || write_term(w, librdf_statement_get_object(s), io) ||
        (g && (raptor_iostream_write_byte(' ', io) || write_term(w, g, io))) ||
        raptor_iostream_counted_string_write(" .\n", 3, io))
      return ENTENTE_ERR_RDF;
  }
  return ENTENTE_OK;
}

/* The escaped form of a namespace (a term's head) in buf, escaped at its
 * first use in the article: raptor escapes a character at a time, so the
 * escape of an IRI is the escape of its head then of the rest. */
static int head_escaped(ent_ntriples *w, const ent_triples *t, const ent_term *term, span *out) {
  const char *s = ent_triples_str(t, term->str);
  for (size_t k = 0; k < w->nheads; k++)
    if (w->heads[k].len == term->head && memcmp(w->heads[k].s, s, term->head) == 0) {
      *out = w->heads[k].esc;
      return 0;
    }
  /* raptor reads a string to its NUL, whatever the length it is given. */
  char copy[256];
  if (term->head >= sizeof copy) return 1;
  memcpy(copy, s, term->head);
  copy[term->head] = '\0';
  size_t off = w->b.n;
  int rc = raptor_string_escaped_write((const unsigned char *)copy, term->head, '>',
                                       RAPTOR_ESCAPED_WRITE_NTRIPLES_URI, w->b.io);
  if (rc || w->b.failed) return 1;
  *out = (span){off, w->b.n - off};
  if (w->nheads < sizeof w->heads / sizeof *w->heads)
    w->heads[w->nheads++] = (struct head){s, term->head, *out};
  return 0;
}

/* The escaped IRI of term id onto io: escaped into buf at its first use in
 * the article, copied from there after. */
static int write_term_iri(ent_ntriples *w, const ent_triples *t, ent_term_id id,
                          raptor_iostream *io) {
  span *sp = &w->by_term.v[id];
  if (!sp->len) {
    const ent_term *term = &t->terms.v[id];
    if (term->kind != ENT_TERM_IRI) return 1;
    span h = {0, 0};
    if (term->head && head_escaped(w, t, term, &h)) h.len = 0; /* escaped whole below */
    size_t off = w->b.n;
    raptor_iostream_write_byte('<', w->b.io);
    if (h.len && !ent_bytes_reserve(&w->b, h.len)) { /* buf + h.off stays valid: grown first */
      memcpy(w->b.buf + w->b.n, w->b.buf + h.off, h.len);
      w->b.n += h.len;
    }
    size_t head = h.len ? term->head : 0;
    int rc = raptor_string_escaped_write(
        (const unsigned char *)ent_triples_str(t, term->str) + head, term->len - head, '>',
        RAPTOR_ESCAPED_WRITE_NTRIPLES_URI, w->b.io);
    raptor_iostream_write_byte('>', w->b.io);
    if (rc || w->b.failed || w->b.n - off < h.len + 2) goto fail;
    *sp = (span){off, w->b.n - off};
  }
  return raptor_iostream_counted_string_write(w->b.buf + sp->off, sp->len, io);
fail:
  w->b.failed = true; /* the article fails: buf is cut back at its end */
  return 1;
}

static int write_triples_term(ent_ntriples *w, const ent_triples *t, ent_term_id id,
                              raptor_iostream *io) {
  const ent_term *term = &t->terms.v[id];
  if (term->kind == ENT_TERM_IRI) return write_term_iri(w, t, id, io);
  if (term->kind == ENT_TERM_BLANK) /* as raptor_term_escaped_write */
    return raptor_bnodeid_ntriples_write((const unsigned char *)ent_triples_str(t, term->str),
                                         term->len, io);
  const char *lang = term->lang ? ent_triples_str(t, term->lang) : NULL;
  return write_literal_((const unsigned char *)ent_triples_str(t, term->str), term->len,
                        (const unsigned char *)lang, lang ? strlen(lang) : 0, term->datatype,
                        io) ||
         (term->datatype && write_term_iri(w, t, term->datatype, io));
}

entente_status ent_ntriples_write_triples(ent_ntriples *w, const ent_triples *t, const char *graph,
                                          raptor_iostream *io) {
  if (t->failed) return ENTENTE_ERR_RDF;
  /* The article's escapes go after the stream memo's bytes, and are
   * dropped at the end: they are the article's. The graph's is term 0. */
  w->by_term.n = 0;
  w->nheads = 0;
  for (size_t i = 0; i < t->terms.n + (t->terms.n == 0); i++)
    if (!ent_vec_push(&w->by_term)) return ENTENTE_ERR_NOMEM;
  size_t n0 = w->b.n;
  entente_status st = ENTENTE_OK;
  if (graph) {
    size_t off = w->b.n;
    raptor_iostream_write_byte(' ', w->b.io);
    raptor_iostream_write_byte('<', w->b.io);
    int rc = raptor_string_escaped_write((const unsigned char *)graph, strlen(graph), '>',
                                         RAPTOR_ESCAPED_WRITE_NTRIPLES_URI, w->b.io);
    raptor_iostream_counted_string_write("> .\n", 4, w->b.io);
    if (rc || w->b.failed) st = ENTENTE_ERR_RDF;
    w->by_term.v[0] = (span){off, w->b.n - off};
  }
  for (size_t i = 0; st == ENTENTE_OK && i < t->v.n; i++) {
    const ent_triple *x = &t->v.v[i];
    if (write_triples_term(w, t, x->s, io) || raptor_iostream_write_byte(' ', io) ||
        write_term_iri(w, t, x->p, io) || raptor_iostream_write_byte(' ', io) ||
        write_triples_term(w, t, x->o, io) ||
        (graph ? raptor_iostream_counted_string_write(w->b.buf + w->by_term.v[0].off,
                                                      w->by_term.v[0].len, io)
               : raptor_iostream_counted_string_write(" .\n", 3, io)))
      st = ENTENTE_ERR_RDF;
  }
  w->b.failed = false;
  w->b.n = n0;
  return st;
}

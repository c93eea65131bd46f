/* serialize_turtle: Turtle written by entente, every term escaped by raptor.
 *
 * Why not raptor's Turtle serializer: to find a prefix for an IRI it walks
 * all 1,024 buckets of its namespace table, for every IRI it writes
 * (raptor_new_qname_from_namespace_uri): two thirds of the cost of an
 * article's Turtle (docs/performance.md). Here the layout (prefixes, one
 * block per subject, ';' and ',') is ours; the bytes of every IRI and
 * literal are raptor's (raptor_uri_escaped_write, raptor_string_escaped_write).
 * A prefixed name is written only where the local part needs no escaping at
 * all: an ASCII letter, then ASCII letters, digits, '-' and '_'. */
#include "serialize.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A triple to sort: its terms, and their ranks in the order of terms
 * (equal terms, equal ranks), so that sorting compares integers. */
typedef struct {
  ent_term_id s, p, o;
  uint32_t rs, rp, ro;
  bool type; /* p is rdf:type */
} triple;

/* A term to rank (qsort has no context argument). */
typedef struct {
  ent_term_id id;
  const ent_triples *t;
} ranked;

static const char RDF_TYPE[] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
static const char XSD_INTEGER[] = "http://www.w3.org/2001/XMLSchema#integer";

/* Raw UTF-8 (Turtle allows it), and \t \n \r \uXXXX for control characters:
 * raptor's TURTLE_LITERAL flags alone would leave a newline raw inside "". */
#define LITERAL_FLAGS (RAPTOR_ESCAPED_WRITE_BITFLAG_UTF8 | RAPTOR_ESCAPED_WRITE_BITFLAG_BS_ESCAPES_TNRU)

static const char *str_of(const ent_triples *t, ent_term_id id) {
  return ent_triples_str(t, t->terms.v[id].str);
}

static bool iri_is(const ent_triples *t, ent_term_id id, const char *iri, size_t n) {
  const ent_term *x = &t->terms.v[id];
  return x->kind == ENT_TERM_IRI && x->len == n && memcmp(str_of(t, id), iri, n) == 0;
}

static bool is_type(const ent_triples *t, ent_term_id id) {
  return iri_is(t, id, RDF_TYPE, sizeof RDF_TYPE - 1);
}

/* raptor_term_compare's order, so that the bytes do not depend on where
 * the triples came from: by type (IRIs, blank nodes, literals), then by
 * string (strcmp); a literal without a language first, else by language;
 * then without a datatype first, else by datatype. */
static int cmp_term(const ent_triples *t, ent_term_id a, ent_term_id b) {
  if (a == b) return 0;
  const ent_term *x = &t->terms.v[a], *y = &t->terms.v[b];
  if (x->kind != y->kind) return (int)x->kind - (int)y->kind;
  int c = strcmp(str_of(t, a), str_of(t, b));
  if (c || x->kind != ENT_TERM_LITERAL) return c;
  if (x->lang || y->lang) {
    if (!x->lang || !y->lang) return x->lang ? 1 : -1;
    if ((c = strcmp(ent_triples_str(t, x->lang), ent_triples_str(t, y->lang)))) return c;
  }
  if (!x->datatype || !y->datatype) return (x->datatype != 0) - (y->datatype != 0);
  return cmp_term(t, x->datatype, y->datatype);
}

static int cmp_ranked(const void *va, const void *vb) {
  const ranked *a = va, *b = vb;
  return cmp_term(a->t, a->id, b->id);
}

/* Subjects, then predicates with rdf:type first (it reads as "a"), then
 * objects: the same graph always gives the same bytes. */
static int cmp_triple(const void *va, const void *vb) {
  const triple *a = va, *b = vb;
  if (a->rs != b->rs) return a->rs < b->rs ? -1 : 1;
  if (a->rp != b->rp) {
    if (a->type != b->type) return a->type ? -1 : 1;
    return a->rp < b->rp ? -1 : 1;
  }
  return a->ro < b->ro ? -1 : a->ro > b->ro;
}

/* rank[id] for every term of t: its place among the distinct terms in
 * cmp_term's order. False when out of memory. */
static bool rank_terms(const ent_triples *t, uint32_t *rank) {
  size_t n = t->terms.n;
  ranked *v = malloc((n + 1) * sizeof *v);
  if (!v) return false;
  for (size_t i = 1; i < n; i++) v[i - 1] = (ranked){(ent_term_id)i, t};
  size_t m = n ? n - 1 : 0;
  qsort(v, m, sizeof *v, cmp_ranked);
  uint32_t r = 0;
  for (size_t i = 0; i < m; i++) {
    if (i > 0 && cmp_term(t, v[i - 1].id, v[i].id) != 0) r++;
    rank[v[i].id] = r;
  }
  free(v);
  return true;
}

static bool ascii_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

static bool ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* A local name that Turtle reads back as written, with no escapes. */
static bool plain_local(const unsigned char *s, size_t n) {
  if (n == 0 || !ascii_alpha(s[0])) return false;
  for (size_t i = 1; i < n; i++)
    if (!ascii_alpha(s[i]) && !ascii_digit(s[i]) && s[i] != '-' && s[i] != '_') return false;
  return true;
}

static void put(raptor_iostream *io, const char *s) {
  raptor_iostream_counted_string_write(s, strlen(s), io);
}

/* The Turtle form of IRI term id onto io: a prefixed name where one reads
 * back as the IRI, else the IRI escaped. */
static int iri_form(const ent_prefix *px, size_t npx, const ent_triples *t, ent_term_id id,
                    raptor_iostream *io) {
  const unsigned char *s = (const unsigned char *)str_of(t, id);
  size_t len = t->terms.v[id].len;
  const ent_prefix *best = NULL;
  for (size_t i = 0; i < npx; i++)
    if (px[i].iri_len < len && (!best || px[i].iri_len > best->iri_len) &&
        memcmp(s, px[i].iri, px[i].iri_len) == 0 &&
        plain_local(s + px[i].iri_len, len - px[i].iri_len))
      best = &px[i];
  if (!best) { /* as raptor_uri_escaped_write */
    raptor_iostream_write_byte('<', io);
    int rc = raptor_string_escaped_write(s, len, '>', RAPTOR_ESCAPED_WRITE_TURTLE_URI, io);
    raptor_iostream_write_byte('>', io);
    return rc;
  }
  put(io, best->label);
  raptor_iostream_write_byte(':', io);
  raptor_iostream_counted_string_write(s + best->iri_len, len - best->iri_len, io);
  return 0;
}

/* One Turtle document being written: the form of each IRI is made once
 * (the prefix search and raptor's escaping) and copied after. */
typedef struct {
  const ent_prefix *px;
  size_t npx;
  const ent_triples *t;
  struct {
    size_t off, len; /* in buf; len 0: not made yet */
  } *iri;
  ent_bytes b; /* the IRIs' forms */
} writer;

static int write_iri(writer *w, ent_term_id id, raptor_iostream *io) {
  if (!w->iri[id].len) {
    size_t off = w->b.n;
    if (iri_form(w->px, w->npx, w->t, id, w->b.io) || w->b.failed || w->b.n == off) return 1;
    w->iri[id].off = off;
    w->iri[id].len = w->b.n - off;
  }
  return raptor_iostream_counted_string_write(w->b.buf + w->iri[id].off, w->iri[id].len, io);
}

/* A language tag as BCP 47 spells it: letters, then '-' and letters or digits. */
static bool plain_lang(const unsigned char *s, size_t n) {
  if (n == 0 || !ascii_alpha(s[0])) return false;
  for (size_t i = 1; i < n; i++)
    if (!ascii_alpha(s[i]) && !ascii_digit(s[i]) && !(s[i] == '-' && i + 1 < n && s[i + 1] != '-'))
      return false;
  return true;
}

/* An xsd:integer whose lexical form Turtle reads as that integer unquoted. */
static bool bare_integer(const ent_triples *t, const ent_term *l) {
  if (!l->datatype || !iri_is(t, l->datatype, XSD_INTEGER, sizeof XSD_INTEGER - 1)) return false;
  const char *s = ent_triples_str(t, l->str);
  size_t i = s[0] == '-' || s[0] == '+' ? 1 : 0;
  if (i >= l->len) return false;
  for (; i < l->len; i++)
    if (!ascii_digit((unsigned char)s[i])) return false;
  return true;
}

/* A blank node's label, kept when it is plain (letters, digits, '_', then
 * '-' too) and does not start "hx"; any other as "hx" and its bytes in hex.
 * raptor's writers map every other byte to 'z', which can make two blank
 * nodes one ("a.b" and "azb"). */
static int write_blank(const unsigned char *id, size_t n, raptor_iostream *io) {
  bool plain = n > 0 && !(n >= 2 && id[0] == 'h' && id[1] == 'x');
  for (size_t i = 0; plain && i < n; i++)
    plain = id[i] < 0x80 && (ascii_alpha(id[i]) || ascii_digit(id[i]) || id[i] == '_' ||
                             (id[i] == '-' && i > 0));
  put(io, plain ? "_:" : "_:hx");
  if (plain) return raptor_iostream_counted_string_write(id, n, io);
  for (size_t i = 0; i < n; i++) raptor_iostream_hexadecimal_write(id[i], 2, io);
  return 0;
}

static int write_term(writer *w, ent_term_id id, raptor_iostream *io) {
  const ent_triples *t = w->t;
  const ent_term *x = &t->terms.v[id];
  const unsigned char *s = (const unsigned char *)str_of(t, id);
  switch (x->kind) {
  case ENT_TERM_IRI:
    return write_iri(w, id, io);
  case ENT_TERM_BLANK:
    return write_blank(s, x->len, io);
  case ENT_TERM_LITERAL:
    if (bare_integer(t, x)) {
      raptor_iostream_counted_string_write(s, x->len, io);
      return 0;
    }
    raptor_iostream_write_byte('"', io);
    if (raptor_string_escaped_write(s, x->len, '"', LITERAL_FLAGS, io)) return 1;
    raptor_iostream_write_byte('"', io);
    if (x->lang) {
      const unsigned char *lang = (const unsigned char *)ent_triples_str(t, x->lang);
      size_t n = strlen((const char *)lang);
      if (!plain_lang(lang, n)) return 1;
      raptor_iostream_write_byte('@', io);
      raptor_iostream_counted_string_write(lang, n, io);
    } else if (x->datatype) {
      put(io, "^^");
      return write_iri(w, x->datatype, io);
    }
    return 0;
  default:
    return 1;
  }
}

static int write_prefixes(const ent_prefix *px, size_t npx, raptor_iostream *io) {
  for (size_t i = 0; i < npx; i++) {
    put(io, "@prefix ");
    put(io, px[i].label);
    put(io, ": <");
    if (raptor_string_escaped_write((const unsigned char *)px[i].iri, px[i].iri_len, '>',
                                    RAPTOR_ESCAPED_WRITE_TURTLE_URI, io))
      return 1;
    put(io, "> .\n");
  }
  return 0;
}

/* The sorted triples as blocks: subject, then "    predicate object" lines
 * joined by " ;", objects of one predicate joined by " ,". */
static int write_triples(writer *w, const triple *t, size_t n, raptor_iostream *io) {
  const ent_triples *tt = w->t;
  for (size_t i = 0; i < n; i++) {
    bool new_s = i == 0 || t[i].rs != t[i - 1].rs;
    bool new_p = new_s || t[i].rp != t[i - 1].rp;
    if (i > 0 && !new_s && !new_p && t[i].ro == t[i - 1].ro) continue; /* a duplicate */
    if (new_s) {
      if (i > 0) put(io, " .\n");
      raptor_iostream_write_byte('\n', io);
      if (write_term(w, t[i].s, io)) return 1;
      put(io, "\n    ");
    } else if (new_p) {
      put(io, " ;\n    ");
    } else {
      put(io, " ,\n        ");
    }
    if (new_p) {
      if (is_type(tt, t[i].p))
        raptor_iostream_write_byte('a', io);
      else if (write_term(w, t[i].p, io))
        return 1;
      raptor_iostream_write_byte(' ', io);
    }
    if (write_term(w, t[i].o, io)) return 1;
  }
  if (n) put(io, " .\n");
  return 0;
}

entente_status ent_turtle_write(raptor_world *world, const ent_triples *t,
                                const ent_prefix *prefixes, size_t nprefixes, raptor_iostream *io) {
  if (t->failed) return ENTENTE_ERR_RDF;
  writer w = {prefixes, nprefixes, t, calloc(t->terms.n + 1, sizeof *w.iri), {0}};
  triple *v = malloc((t->v.n + 1) * sizeof *v);
  uint32_t *rank = malloc((t->terms.n + 1) * sizeof *rank);
  entente_status st = v && rank && w.iri && ent_bytes_init(&w.b, world) == ENTENTE_OK &&
                              rank_terms(t, rank)
                          ? ENTENTE_OK
                          : ENTENTE_ERR_NOMEM;
  if (st == ENTENTE_OK) {
    for (size_t i = 0; i < t->v.n; i++) {
      const ent_triple *x = &t->v.v[i];
      v[i] = (triple){x->s, x->p, x->o, rank[x->s], rank[x->p], rank[x->o], is_type(t, x->p)};
    }
    qsort(v, t->v.n, sizeof *v, cmp_triple);
    if (write_prefixes(prefixes, nprefixes, io) || write_triples(&w, v, t->v.n, io))
      st = ENTENTE_ERR_RDF;
  }
  ent_bytes_clear(&w.b);
  free(w.iri);
  free(rank);
  free(v);
  return st;
}

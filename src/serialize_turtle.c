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
#include <stdlib.h>
#include <string.h>

typedef struct {
  raptor_term *s, *p, *o; /* owned references (raptor_term_copy) */
} triple;

static const char RDF_TYPE[] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
static const char XSD_INTEGER[] = "http://www.w3.org/2001/XMLSchema#integer";

/* Raw UTF-8 (Turtle allows it), and \t \n \r \uXXXX for control characters:
 * raptor's TURTLE_LITERAL flags alone would leave a newline raw inside "". */
#define LITERAL_FLAGS (RAPTOR_ESCAPED_WRITE_BITFLAG_UTF8 | RAPTOR_ESCAPED_WRITE_BITFLAG_BS_ESCAPES_TNRU)

static bool uri_is(raptor_uri *u, const char *iri, size_t n) {
  size_t len;
  const unsigned char *s = raptor_uri_as_counted_string(u, &len);
  return len == n && memcmp(s, iri, n) == 0;
}

static bool is_type(const raptor_term *t) {
  return t->type == RAPTOR_TERM_TYPE_URI && uri_is(t->value.uri, RDF_TYPE, sizeof RDF_TYPE - 1);
}

static int cmp_term(const raptor_term *a, const raptor_term *b) {
  return a == b ? 0 : raptor_term_compare(a, b);
}

/* Subjects, then predicates with rdf:type first (it reads as "a"), then
 * objects: the same graph always gives the same bytes. */
static int cmp_triple(const void *va, const void *vb) {
  const triple *a = va, *b = vb;
  int c = cmp_term(a->s, b->s);
  if (c) return c;
  if (a->p != b->p) {
    bool ta = is_type(a->p), tb = is_type(b->p);
    if (ta != tb) return ta ? -1 : 1;
    if ((c = cmp_term(a->p, b->p))) return c;
  }
  return cmp_term(a->o, b->o);
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

static int write_iri(const ent_prefix *px, size_t npx, raptor_uri *u, raptor_iostream *io) {
  size_t len;
  const unsigned char *s = raptor_uri_as_counted_string(u, &len);
  const ent_prefix *best = NULL;
  for (size_t i = 0; i < npx; i++)
    if (px[i].iri_len < len && (!best || px[i].iri_len > best->iri_len) &&
        memcmp(s, px[i].iri, px[i].iri_len) == 0 &&
        plain_local(s + px[i].iri_len, len - px[i].iri_len))
      best = &px[i];
  if (!best) return raptor_uri_escaped_write(u, NULL, RAPTOR_ESCAPED_WRITE_TURTLE_URI, io);
  put(io, best->label);
  raptor_iostream_write_byte(':', io);
  raptor_iostream_counted_string_write(s + best->iri_len, len - best->iri_len, io);
  return 0;
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
static bool bare_integer(const raptor_term_literal_value *l) {
  if (!l->datatype || !uri_is(l->datatype, XSD_INTEGER, sizeof XSD_INTEGER - 1)) return false;
  size_t i = l->string[0] == '-' || l->string[0] == '+' ? 1 : 0;
  if (i >= l->string_len) return false;
  for (; i < l->string_len; i++)
    if (!ascii_digit(l->string[i])) return false;
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

static int write_term(const ent_prefix *px, size_t npx, const raptor_term *t, raptor_iostream *io) {
  switch (t->type) {
  case RAPTOR_TERM_TYPE_URI:
    return write_iri(px, npx, t->value.uri, io);
  case RAPTOR_TERM_TYPE_BLANK:
    return write_blank(t->value.blank.string, t->value.blank.string_len, io);
  case RAPTOR_TERM_TYPE_LITERAL: {
    const raptor_term_literal_value *l = &t->value.literal;
    if (bare_integer(l)) {
      raptor_iostream_counted_string_write(l->string, l->string_len, io);
      return 0;
    }
    raptor_iostream_write_byte('"', io);
    if (raptor_string_escaped_write(l->string, l->string_len, '"', LITERAL_FLAGS, io)) return 1;
    raptor_iostream_write_byte('"', io);
    if (l->language) {
      if (!plain_lang(l->language, l->language_len)) return 1;
      raptor_iostream_write_byte('@', io);
      raptor_iostream_counted_string_write(l->language, l->language_len, io);
    } else if (l->datatype) {
      put(io, "^^");
      return write_iri(px, npx, l->datatype, io);
    }
    return 0;
  }
  case RAPTOR_TERM_TYPE_UNKNOWN:
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
static int write_triples(const ent_prefix *px, size_t npx, const triple *t, size_t n,
                         raptor_iostream *io) {
  for (size_t i = 0; i < n; i++) {
    bool new_s = i == 0 || cmp_term(t[i].s, t[i - 1].s) != 0;
    bool new_p = new_s || cmp_term(t[i].p, t[i - 1].p) != 0;
    if (i > 0 && !new_s && !new_p && cmp_term(t[i].o, t[i - 1].o) == 0) continue; /* a duplicate */
    if (new_s) {
      if (i > 0) put(io, " .\n");
      raptor_iostream_write_byte('\n', io);
      if (write_term(px, npx, t[i].s, io)) return 1;
      put(io, "\n    ");
    } else if (new_p) {
      put(io, " ;\n    ");
    } else {
      put(io, " ,\n        ");
    }
    if (new_p) {
      if (is_type(t[i].p))
        raptor_iostream_write_byte('a', io);
      else if (write_term(px, npx, t[i].p, io))
        return 1;
      raptor_iostream_write_byte(' ', io);
    }
    if (write_term(px, npx, t[i].o, io)) return 1;
  }
  if (n) put(io, " .\n");
  return 0;
}

entente_status ent_turtle_write(librdf_stream *stream, const ent_prefix *prefixes, size_t nprefixes,
                                raptor_iostream *io) {
  triple *t = NULL;
  size_t n = 0, cap = 0;
  entente_status st = ENTENTE_OK;
  for (; !librdf_stream_end(stream); librdf_stream_next(stream)) {
    librdf_statement *s = librdf_stream_get_object(stream);
    if (!s) break;
    if (n == cap) {
      size_t ncap = cap ? cap * 2 : 512;
      triple *nt = realloc(t, ncap * sizeof *nt);
      if (!nt) {
        st = ENTENTE_ERR_NOMEM;
        break;
      }
      t = nt;
      cap = ncap;
    }
    /* References to the terms, not to the statement: a stream may reuse
     * its statement for the next one. */
    triple *x = &t[n];
    x->s = raptor_term_copy(librdf_statement_get_subject(s));
    x->p = raptor_term_copy(librdf_statement_get_predicate(s));
    x->o = raptor_term_copy(librdf_statement_get_object(s));
    n++;
    if (!x->s || !x->p || !x->o) {
      st = ENTENTE_ERR_RDF;
      break;
    }
  }
  if (st == ENTENTE_OK) {
    qsort(t, n, sizeof *t, cmp_triple);
    if (write_prefixes(prefixes, nprefixes, io) || write_triples(prefixes, nprefixes, t, n, io))
      st = ENTENTE_ERR_RDF;
  }
  for (size_t i = 0; i < n; i++) {
    if (t[i].s) raptor_free_term(t[i].s);
    if (t[i].p) raptor_free_term(t[i].p);
    if (t[i].o) raptor_free_term(t[i].o);
  }
  free(t);
  return st;
}

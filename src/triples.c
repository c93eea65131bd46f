/* triples: see triples.h. */
#include "triples.h"

#include <stdlib.h>
#include <string.h>

void ent_triples_init(ent_triples *t) { memset(t, 0, sizeof *t); }

void ent_triples_clear(ent_triples *t) {
  free(t->pool.v);
  free(t->terms.v);
  free(t->v.v);
  ent_strmap_free(t->iris);
  ent_triples_init(t);
}

void ent_triples_reset(ent_triples *t) {
  t->pool.n = t->terms.n = t->v.n = 0;
  if (t->iris) ent_strmap_clear(t->iris);
  t->failed = false;
}

/* s (len bytes) and a NUL into the pool; its offset, or 0 when out of
 * memory or past the 4 GiB an offset can name. Offset 0 is the pool's
 * first byte, "", made here on first use. */
static uint32_t pool_add(ent_triples *t, const char *s, size_t len) {
  size_t need = t->pool.n + (t->pool.n == 0) + len + 1;
  if (need > UINT32_MAX) return 0;
  if (need > t->pool.cap) {
    size_t cap = t->pool.cap ? t->pool.cap : 4096;
    while (cap < need) cap *= 2;
    char *p = realloc(t->pool.v, cap);
    if (!p) return 0;
    t->pool.v = p;
    t->pool.cap = cap;
  }
  if (t->pool.n == 0) t->pool.v[t->pool.n++] = '\0';
  uint32_t off = (uint32_t)t->pool.n;
  memcpy(t->pool.v + off, s, len);
  t->pool.v[off + len] = '\0';
  t->pool.n += len + 1;
  return off;
}

/* A new term (kind, string s); its id, or 0 with t->failed. */
static ent_term_id term_new(ent_triples *t, ent_term_kind kind, const char *s, size_t len) {
  if (t->terms.n == 0 && !ent_vec_push(&t->terms)) goto fail; /* id 0: none */
  if (t->terms.n >= UINT32_MAX || len >= UINT32_MAX) goto fail;
  uint32_t off = pool_add(t, s, len);
  ent_term *term = off ? ent_vec_push(&t->terms) : NULL;
  if (!term) goto fail;
  *term = (ent_term){kind, off, (uint32_t)len, 0, 0, 0};
  return (ent_term_id)(t->terms.n - 1);
fail:
  t->failed = true;
  return 0;
}

ent_term_id ent_triples_iri_once(ent_triples *t, const char *s, size_t len) {
  if (len == 0) {
    t->failed = true;
    return 0;
  }
  return term_new(t, ENT_TERM_IRI, s, len);
}

ent_term_id ent_triples_iri(ent_triples *t, const char *s, size_t len) {
  size_t id;
  if (!t->iris && !(t->iris = ent_strmap_new())) {
    t->failed = true;
    return 0;
  }
  if (ent_strmap_get(t->iris, s, &id)) return (ent_term_id)id;
  ent_term_id n = ent_triples_iri_once(t, s, len);
  if (n && !ent_strmap_put(t->iris, s, n)) t->failed = true;
  return n;
}

void ent_triples_set_head(ent_triples *t, ent_term_id id, size_t head) {
  ent_term *term = id && id < t->terms.n ? &t->terms.v[id] : NULL;
  if (term && term->kind == ENT_TERM_IRI && head > 0 && head <= term->len &&
      (unsigned char)t->pool.v[term->str + head - 1] < 0x80)
    term->head = (uint32_t)head;
}

ent_term_id ent_triples_literal(ent_triples *t, const char *s, size_t len, const char *lang,
                                ent_term_id datatype) {
  ent_term_id id = term_new(t, ENT_TERM_LITERAL, s, len);
  if (!id) return 0;
  if (lang && *lang) {
    uint32_t off = pool_add(t, lang, strlen(lang));
    if (!off) {
      t->failed = true;
      return 0;
    }
    t->terms.v[id].lang = off;
  } else {
    t->terms.v[id].datatype = datatype;
  }
  return id;
}

void ent_triples_add(ent_triples *t, ent_term_id s, ent_term_id p, ent_term_id o) {
  ent_triple *x = s && p && o && !t->failed ? ent_vec_push(&t->v) : NULL;
  if (!x) {
    t->failed = true;
    return;
  }
  *x = (ent_triple){s, p, o};
}

/* librdf ---------------------------------------------------------------- */

/* The term of a raptor term, made in t; 0 with t->failed when it cannot be. */
static ent_term_id from_raptor(ent_triples *t, const raptor_term *r) {
  size_t len;
  const unsigned char *s;
  switch (r ? r->type : RAPTOR_TERM_TYPE_UNKNOWN) {
  case RAPTOR_TERM_TYPE_URI:
    s = raptor_uri_as_counted_string(r->value.uri, &len);
    return ent_triples_iri(t, (const char *)s, len);
  case RAPTOR_TERM_TYPE_BLANK:
    return term_new(t, ENT_TERM_BLANK, (const char *)r->value.blank.string,
                    r->value.blank.string_len);
  case RAPTOR_TERM_TYPE_LITERAL: {
    const raptor_term_literal_value *l = &r->value.literal;
    ent_term_id dt = 0;
    if (l->datatype) {
      s = raptor_uri_as_counted_string(l->datatype, &len);
      if (!(dt = ent_triples_iri(t, (const char *)s, len))) return 0;
    }
    return ent_triples_literal(t, (const char *)l->string, l->string_len,
                               (const char *)l->language, l->language ? 0 : dt);
  }
  case RAPTOR_TERM_TYPE_UNKNOWN:
  default:
    t->failed = true;
    return 0;
  }
}

entente_status ent_triples_add_stream(ent_triples *t, librdf_stream *stream) {
  for (; !librdf_stream_end(stream); librdf_stream_next(stream)) {
    librdf_statement *st = librdf_stream_get_object(stream);
    if (!st) return ENTENTE_ERR_RDF;
    ent_term_id s = from_raptor(t, librdf_statement_get_subject(st));
    ent_term_id p = from_raptor(t, librdf_statement_get_predicate(st));
    ent_term_id o = from_raptor(t, librdf_statement_get_object(st));
    ent_triples_add(t, s, p, o);
    if (t->failed) return s && p && o ? ENTENTE_ERR_NOMEM : ENTENTE_ERR_RDF;
  }
  return ENTENTE_OK;
}

/* A librdf node of term id (owned by the caller), datatypes from nodes[]. */
static librdf_node *node_of(const ent_triples *t, librdf_world *w, ent_term_id id,
                            librdf_node **nodes) {
  const ent_term *term = &t->terms.v[id];
  const unsigned char *s = (const unsigned char *)ent_triples_str(t, term->str);
  if (term->kind == ENT_TERM_IRI) return librdf_new_node_from_uri_string(w, s);
  if (term->kind == ENT_TERM_BLANK) return librdf_new_node_from_blank_identifier(w, s);
  if (!term->datatype)
    return librdf_new_node_from_literal(w, s, term->lang ? ent_triples_str(t, term->lang) : NULL,
                                        0);
  librdf_node *dn = nodes[term->datatype];
  librdf_uri *dt = dn ? librdf_node_get_uri(dn) : NULL;
  return dt ? librdf_new_node_from_typed_literal(w, s, NULL, dt) : NULL;
}

entente_status ent_triples_statements_new(const ent_triples *t, librdf_world *world,
                                          librdf_statement ***stmts_new, size_t *n) {
  *stmts_new = NULL;
  *n = 0;
  if (t->failed) return ENTENTE_ERR_RDF;
  /* Each term's node made once, then copied (a reference) into statements. */
  librdf_node **nodes = calloc(t->terms.n + 1, sizeof *nodes);
  librdf_statement **v = calloc(t->v.n + 1, sizeof *v);
  entente_status st = nodes && v ? ENTENTE_OK : ENTENTE_ERR_NOMEM;
  /* Datatypes (IRIs) come before the literals that name them. */
  for (size_t i = 1; st == ENTENTE_OK && i < t->terms.n; i++)
    if (!(nodes[i] = node_of(t, world, (ent_term_id)i, nodes))) st = ENTENTE_ERR_NOMEM;
  size_t k = 0;
  for (; st == ENTENTE_OK && k < t->v.n; k++) {
    const ent_triple *x = &t->v.v[k];
    librdf_node *s = librdf_new_node_from_node(nodes[x->s]);
    librdf_node *p = librdf_new_node_from_node(nodes[x->p]);
    librdf_node *o = librdf_new_node_from_node(nodes[x->o]);
    /* The statement owns the three nodes, even when it cannot be made. */
    v[k] = s && p && o ? librdf_new_statement_from_nodes(world, s, p, o) : NULL;
    if (!v[k]) {
      if (!(s && p && o)) {
        if (s) librdf_free_node(s);
        if (p) librdf_free_node(p);
        if (o) librdf_free_node(o);
      }
      st = ENTENTE_ERR_NOMEM;
      break;
    }
  }
  for (size_t i = 1; nodes && i < t->terms.n; i++)
    if (nodes[i]) librdf_free_node(nodes[i]);
  free(nodes);
  if (st != ENTENTE_OK) {
    ent_triples_free_statements(v, k);
    return st;
  }
  *stmts_new = v;
  *n = t->v.n;
  return ENTENTE_OK;
}

void ent_triples_free_statements(librdf_statement **stmts, size_t n) {
  for (size_t i = 0; stmts && i < n; i++) librdf_free_statement(stmts[i]);
  free(stmts);
}

/* A librdf_stream over statements it owns. */
typedef struct {
  librdf_statement **v;
  size_t n, at;
  librdf_node *context; /* owned, or NULL */
} list_stream;

static int ls_end(void *c) { return ((list_stream *)c)->at >= ((list_stream *)c)->n; }
static int ls_next(void *c) {
  ((list_stream *)c)->at++;
  return ls_end(c);
}
static void *ls_get(void *c, int what) {
  list_stream *l = c;
  if (l->at >= l->n) return NULL;
  return what == LIBRDF_ITERATOR_GET_METHOD_GET_CONTEXT ? (void *)l->context
                                                         : (void *)l->v[l->at];
}
static void ls_finished(void *c) {
  list_stream *l = c;
  ent_triples_free_statements(l->v, l->n);
  if (l->context) librdf_free_node(l->context);
  free(l);
}

entente_status ent_triples_stream_new(const ent_triples *t, librdf_world *world,
                                      librdf_node *context, librdf_stream **stream_new) {
  *stream_new = NULL;
  list_stream *l = calloc(1, sizeof *l);
  if (!l) return ENTENTE_ERR_NOMEM;
  entente_status st = ent_triples_statements_new(t, world, &l->v, &l->n);
  if (st == ENTENTE_OK && context && !(l->context = librdf_new_node_from_node(context)))
    st = ENTENTE_ERR_NOMEM;
  if (st != ENTENTE_OK) {
    ls_finished(l);
    return st;
  }
  *stream_new = librdf_new_stream(world, l, ls_end, ls_next, ls_get, ls_finished);
  if (!*stream_new) { /* it only fails to allocate itself */
    ls_finished(l);
    return ENTENTE_ERR_NOMEM;
  }
  return ENTENTE_OK;
}

entente_status ent_triples_add_to_model(const ent_triples *t, librdf_world *world,
                                        librdf_model *model, librdf_node *context) {
  librdf_statement **v = NULL;
  size_t n = 0, added = 0;
  entente_status st = ent_triples_statements_new(t, world, &v, &n);
  for (; st == ENTENTE_OK && added < n; added++)
    if ((context ? librdf_model_context_add_statement(model, context, v[added])
                 : librdf_model_add_statement(model, v[added])) != 0)
      st = ENTENTE_ERR_RDF;
  for (size_t i = 0; st != ENTENTE_OK && i < added; i++) /* nothing half-added */
    context ? librdf_model_context_remove_statement(model, context, v[i])
            : librdf_model_remove_statement(model, v[i]);
  ent_triples_free_statements(v, n);
  return st;
}

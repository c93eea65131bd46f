/* cli_merge: entente merge [--format FMT] [-o FILE] FILE...
 * The union of RDF graphs with identities merged:
 *  - owl:sameAs / schema:sameAs links are followed (a graph that links our
 *    persons to another dataset's IRIs merges into one node);
 *  - persons whose names give the same identity key (names.h) are one;
 *  - events of the same kind family with the same participants and the same
 *    or overlapping dates (2024-04 and 2024-04-26) are one, so are bills with
 *    the same label, signer and compatible date.
 * Each merged node keeps one IRI — ours (under the base) when there is one —
 * and owl:sameAs links to the IRIs it absorbed from elsewhere. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "lexicon.h"
#include "names.h"
#include "serialize.h"
#include "strmap.h"
#include "text.h"

#define OWL_SAMEAS "http://www.w3.org/2002/07/owl#sameAs"
#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define RDFS_LABEL "http://www.w3.org/2000/01/rdf-schema#label"

typedef struct {
  ent_strmap *index; /* IRI -> node number */
  char **iri;
  size_t *parent;
  size_t n, cap;
  const char *base;
} uf;

static size_t uf_id(uf *u, const char *iri) {
  size_t i;
  if (ent_strmap_get(u->index, iri, &i)) return i;
  if (u->n == u->cap) {
    size_t c = u->cap ? u->cap * 2 : 256;
    char **ni = realloc(u->iri, c * sizeof *ni);
    if (ni) u->iri = ni;
    size_t *np = ni ? realloc(u->parent, c * sizeof *np) : NULL;
    if (!np) return (size_t)-1;
    u->parent = np;
    u->cap = c;
  }
  u->iri[u->n] = ent_strndup(iri, strlen(iri));
  u->parent[u->n] = u->n;
  if (!u->iri[u->n] || !ent_strmap_put(u->index, iri, u->n)) return (size_t)-1;
  return u->n++;
}

static size_t uf_find(uf *u, size_t i) {
  while (u->parent[i] != i) i = u->parent[i] = u->parent[u->parent[i]];
  return i;
}

/* The IRI that stands for `iri`'s node, or NULL (out of memory). The id
 * first: uf_id may move u->iri. */
static char *uf_canonical(uf *u, const char *iri) {
  size_t i = uf_id(u, iri);
  return i == (size_t)-1 ? NULL : u->iri[uf_find(u, i)];
}

/* Our IRIs win; then the shorter; then the smaller. */
static bool better(const uf *u, size_t a, size_t b) {
  bool oa = strncmp(u->iri[a], u->base, strlen(u->base)) == 0;
  bool ob = strncmp(u->iri[b], u->base, strlen(u->base)) == 0;
  if (oa != ob) return oa;
  size_t la = strlen(u->iri[a]), lb = strlen(u->iri[b]);
  if (la != lb) return la < lb;
  return strcmp(u->iri[a], u->iri[b]) < 0;
}

static void uf_union(uf *u, size_t a, size_t b) {
  a = uf_find(u, a);
  b = uf_find(u, b);
  if (a == b) return;
  if (better(u, a, b)) u->parent[b] = a;
  else u->parent[a] = b;
}

static const char *node_iri(librdf_node *n) {
  return n && librdf_node_is_resource(n) ? (const char *)librdf_uri_as_string(librdf_node_get_uri(n))
                                         : NULL;
}

static bool is_same_as(const char *p) {
  return strcmp(p, OWL_SAMEAS) == 0 || strcmp(p, "http://schema.org/sameAs") == 0 ||
         strcmp(p, "https://schema.org/sameAs") == 0;
}

/* A per-node record for the identity rules. */
typedef struct {
  size_t id;
  char *kind, *key, *date; /* rule key (type family + persons / label + signer) */
} candidate;

/* The kind family: talks and summits are meetings for identity. */
static const char *family(const char *type) {
  const char *h = strrchr(type, '#');
  const char *l = h ? h + 1 : type;
  if (!strcmp(l, "Talks") || !strcmp(l, "Summit") || !strcmp(l, "Meeting")) return "Meeting";
  if (!strcmp(l, "StateVisit") || !strcmp(l, "Visit")) return "Visit";
  return l;
}

static bool dates_overlap(const char *a, const char *b) {
  if (!a || !b) return false;
  size_t la = strlen(a), lb = strlen(b);
  return strncmp(a, b, la < lb ? la : lb) == 0;
}

static int cmp_str(const void *x, const void *y) {
  return strcmp(*(char *const *)x, *(char *const *)y);
}

/* The first literal value of (s, p), or NULL (owned by the caller). */
static char *literal_of(librdf_world *w, librdf_model *m, librdf_node *s, const char *p) {
  librdf_node *pn = librdf_new_node_from_uri_string(w, (const unsigned char *)p);
  librdf_node *o = pn ? librdf_model_get_target(m, s, pn) : NULL;
  char *v = NULL;
  if (o && librdf_node_is_literal(o)) {
    const char *t = (const char *)librdf_node_get_literal_value(o);
    v = ent_strndup(t, strlen(t));
  } else if (o && librdf_node_is_resource(o)) {
    const char *t = node_iri(o);
    v = ent_strndup(t, strlen(t));
  }
  if (o) librdf_free_node(o);
  if (pn) librdf_free_node(pn);
  return v;
}

/* Canonical IRIs of all objects of (s, p), sorted and joined by '|'. */
static char *objects_key(librdf_world *w, librdf_model *m, uf *u, librdf_node *s, const char *p) {
  librdf_node *pn = librdf_new_node_from_uri_string(w, (const unsigned char *)p);
  librdf_iterator *it = pn ? librdf_model_get_targets(m, s, pn) : NULL;
  char **v = NULL;
  size_t n = 0, len = 1;
  while (it && !librdf_iterator_end(it)) {
    const char *iri = node_iri(librdf_iterator_get_object(it));
    char *c = iri ? uf_canonical(u, iri) : NULL;
    char **nv = c ? realloc(v, (n + 1) * sizeof *v) : NULL;
    if (nv) {
      v = nv;
      v[n] = c;
      len += strlen(v[n]) + 1;
      n++;
    }
    librdf_iterator_next(it);
  }
  if (it) librdf_free_iterator(it);
  if (pn) librdf_free_node(pn);
  if (n) qsort(v, n, sizeof *v, cmp_str); /* qsort(NULL, 0) is undefined */
  char *out = malloc(len);
  if (out) {
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
      strcat(out, v[i]);
      strcat(out, "|");
    }
  }
  free(v);
  return out;
}

/* By key, the instances without one last. */
static int cmp_candidate(const void *x, const void *y) {
  const candidate *a = x, *b = y;
  if (!a->key || !b->key) return !a->key - !b->key;
  return strcmp(a->key, b->key);
}

/* Union the instances of `cls` that agree on a key; for events and bills
 * their dates must overlap. */
static void merge_class(librdf_world *w, librdf_model *m, uf *u, const ent_lexicon *lex,
                        const char *cls) {
  librdf_node *tp = librdf_new_node_from_uri_string(w, (const unsigned char *)RDF_TYPE);
  librdf_node *cn = librdf_new_node_from_uri_string(w, (const unsigned char *)cls);
  librdf_iterator *it = tp && cn ? librdf_model_get_sources(m, tp, cn) : NULL;
  candidate *c = NULL;
  size_t n = 0;
  bool person = strstr(cls, "#Person") != NULL, event = strstr(cls, "#Event") != NULL;
  while (it && !librdf_iterator_end(it)) {
    librdf_node *s = librdf_iterator_get_object(it);
    const char *iri = node_iri(s);
    candidate *nc = iri ? realloc(c, (n + 1) * sizeof *c) : NULL;
    if (nc) {
      c = nc;
      candidate *x = &c[n];
      memset(x, 0, sizeof *x);
      x->id = uf_id(u, iri);
      if (person) {
        char *label = literal_of(w, m, s, RDFS_LABEL);
        x->key = label ? ent_name_key_new(lex, label) : NULL;
        free(label);
      } else if (event) {
        char *types = objects_key(w, m, u, s, RDF_TYPE);
        char *parts = objects_key(w, m, u, s, ENTENTE_NS "participant");
        const char *fam = "Event";
        if (types) /* the most specific kind listed */
          for (char *t = strtok(types, "|"); t; t = strtok(NULL, "|"))
            if (strcmp(t, ENTENTE_NS "Event") != 0) fam = family(t);
        size_t kl = strlen(fam) + (parts ? strlen(parts) : 0) + 2;
        x->key = malloc(kl);
        if (x->key) snprintf(x->key, kl, "%s|%s", fam, parts ? parts : "");
        x->date = literal_of(w, m, s, ENTENTE_NS "date");
        if (!parts || !strchr(parts, '|') || !x->date) { /* no persons or date: no identity */
          free(x->key);
          x->key = NULL;
        }
        free(types);
        free(parts);
      } else { /* bills */
        char *label = literal_of(w, m, s, RDFS_LABEL);
        char *signer = objects_key(w, m, u, s, ENTENTE_NS "signer");
        x->date = literal_of(w, m, s, ENTENTE_NS "date");
        char *fl = label ? ent_fold_new(label, strlen(label)) : NULL;
        if (fl && signer && *signer && x->date) {
          size_t kl = strlen(fl) + strlen(signer) + 2;
          x->key = malloc(kl);
          if (x->key) snprintf(x->key, kl, "%s|%s", fl, signer);
        }
        free(fl);
        free(label);
        free(signer);
      }
      n++;
    }
    librdf_iterator_next(it);
  }
  /* Only instances with one key can be one: sorted by key, each run of one
   * key is compared within itself (all pairs were compared before: 100,000
   * persons made 5e9 comparisons). */
  if (n) qsort(c, n, sizeof *c, cmp_candidate);
  for (size_t i = 0, e; i < n && c[i].key; i = e) {
    for (e = i + 1; e < n && c[e].key && strcmp(c[e].key, c[i].key) == 0; e++)
      if (person) uf_union(u, c[i].id, c[e].id);
    for (size_t a = i; !person && a < e; a++)
      for (size_t b = a + 1; b < e; b++)
        if (dates_overlap(c[a].date, c[b].date)) uf_union(u, c[a].id, c[b].id);
  }
  for (size_t i = 0; i < n; i++) {
    free(c[i].key);
    free(c[i].date);
  }
  free(c);
  if (it) librdf_free_iterator(it);
  if (tp) librdf_free_node(tp);
  if (cn) librdf_free_node(cn);
}

static librdf_node *canonical(librdf_world *w, uf *u, librdf_node *n) {
  const char *iri = node_iri(n);
  if (!iri) return librdf_new_node_from_node(n);
  const char *c = uf_canonical(u, iri);
  return c ? librdf_new_node_from_uri_string(w, (const unsigned char *)c) : NULL;
}

/* Statement st onto canonical nodes, added to m (outside any graph); an
 * owl:sameAs that became reflexive is dropped. False on error. */
static bool rewrite(librdf_world *w, uf *u, librdf_statement *st, librdf_model *m) {
  librdf_node *sn = canonical(w, u, librdf_statement_get_subject(st));
  librdf_node *pn = librdf_new_node_from_node(librdf_statement_get_predicate(st));
  librdf_node *on = canonical(w, u, librdf_statement_get_object(st));
  const char *p = node_iri(pn);
  if (sn && on && p && is_same_as(p) && librdf_node_equals(sn, on)) {
    librdf_free_node(sn);
    librdf_free_node(pn);
    librdf_free_node(on);
    return true;
  }
  librdf_statement *ns = librdf_new_statement_from_nodes(w, sn, pn, on);
  bool ok = ns && librdf_model_add_statement(m, ns) == 0;
  if (ns) librdf_free_statement(ns);
  return ok;
}

int cli_merge(int argc, char **argv) {
  static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
                                       {"output", required_argument, NULL, 'o'},
                                       {"base", required_argument, NULL, 'b'},
                                       {"ontology", required_argument, NULL, 'O'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  const char *format = "turtle", *out = NULL, *base = ENTENTE_DEFAULT_BASE, *ontology = NULL;
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "f:o:b:O:h", opts, NULL)) != -1) {
    switch (c) {
    case 'f': format = optarg; break;
    case 'o': out = optarg; break;
    case 'b': base = optarg; break;
    case 'O': ontology = optarg; break;
    case 'h':
      puts("usage: entente merge [--format FMT] [-o FILE] [--base IRI] FILE...\n"
           "The union of the graphs, with owl:sameAs / schema:sameAs followed and the\n"
           "same persons, events and bills merged into one node each.");
      return CLI_OK;
    default: return CLI_USAGE;
    }
  }
  if (optind >= argc || !ent_format_serializer(format)) {
    cli_error("merge: needs RDF files and a known --format");
    return CLI_USAGE;
  }
  librdf_world *w = cli_world_new();
  if (!w) return CLI_BAD_INPUT;
  int rc = CLI_BAD_INPUT;
  librdf_storage *in_st = NULL, *out_st = NULL;
  librdf_model *in = NULL, *outm = NULL;
  ent_lexicon *lex = NULL;
  uf u = {ent_strmap_new(), NULL, NULL, 0, 0, base};
  char lexdir[4096];
  snprintf(lexdir, sizeof lexdir, "%s/lexicon", ontology ? ontology : entente_default_ontology_dir());
  if (!u.index || ent_lexicon_new(lexdir, &lex) != ENTENTE_OK) {
    cli_error("cannot load the lexicon from %s", lexdir);
    goto done;
  }
  if (!(in = cli_rdf_files_model(w, argv + optind, argc - optind, true, NULL, &in_st))) goto done;
  /* 1. sameAs links. */
  librdf_stream *s = librdf_model_as_stream(in);
  for (; s && !librdf_stream_end(s); librdf_stream_next(s)) {
    librdf_statement *st = librdf_stream_get_object(s);
    const char *p = node_iri(librdf_statement_get_predicate(st));
    const char *a = node_iri(librdf_statement_get_subject(st));
    const char *b = node_iri(librdf_statement_get_object(st));
    if (p && a && b && is_same_as(p)) uf_union(&u, uf_id(&u, a), uf_id(&u, b));
  }
  if (s) librdf_free_stream(s);
  /* 2. Persons by name key, then events and bills over merged persons. */
  merge_class(w, in, &u, lex, ENTENTE_NS "Person");
  merge_class(w, in, &u, lex, ENTENTE_NS "Event");
  merge_class(w, in, &u, lex, ENTENTE_NS "Bill");
  /* 3. Every statement onto canonical nodes, into an indexed model (librdf's
   * "memory" one compared each triple added with every triple it held).
   * First the absorbed foreign IRIs, kept as owl:sameAs of their canonical
   * node, and the triples outside any graph: in a model with graphs each of
   * those is checked against every triple held, so they go in while it is
   * small. Then graph by graph, through a model of the graph's own where a
   * triple that two merged nodes both gave is one. Only N-Quads write
   * graphs: for the other formats a triple in two graphs is one triple. */
  bool graphs =
      librdf_model_supports_contexts(in) && !strcmp(ent_format_serializer(format), "nquads");
  if (!(outm = cli_hashes_model_new(w, graphs, false, &out_st))) goto done;
  bool ok = true;
  for (size_t i = 0; ok && i < u.n; i++) {
    size_t r = uf_find(&u, i);
    if (r == i || strncmp(u.iri[i], base, strlen(base)) == 0) continue;
    librdf_statement *ns = librdf_new_statement_from_nodes(
        w, librdf_new_node_from_uri_string(w, (const unsigned char *)u.iri[r]),
        librdf_new_node_from_uri_string(w, (const unsigned char *)OWL_SAMEAS),
        librdf_new_node_from_uri_string(w, (const unsigned char *)u.iri[i]));
    ok = ns && librdf_model_add_statement(outm, ns) == 0;
    if (ns) librdf_free_statement(ns);
  }
  s = ok ? librdf_model_as_stream(in) : NULL;
  ok = ok && s;
  for (; ok && !librdf_stream_end(s); librdf_stream_next(s))
    if (!graphs || !librdf_stream_get_context2(s))
      ok = rewrite(w, &u, librdf_stream_get_object(s), outm);
  if (s) librdf_free_stream(s);
  librdf_iterator *gi = graphs && ok ? librdf_model_get_contexts(in) : NULL;
  ok = ok && (!graphs || gi);
  for (; ok && gi && !librdf_iterator_end(gi); librdf_iterator_next(gi)) {
    librdf_node *g = librdf_iterator_get_object(gi);
    librdf_storage *one_st = NULL;
    librdf_model *one = cli_hashes_model_new(w, false, false, &one_st);
    librdf_stream *gs = one ? librdf_model_context_as_stream(in, g) : NULL;
    ok = gs != NULL;
    for (; ok && !librdf_stream_end(gs); librdf_stream_next(gs))
      ok = rewrite(w, &u, librdf_stream_get_object(gs), one);
    if (gs) librdf_free_stream(gs);
    librdf_stream *os = ok ? librdf_model_as_stream(one) : NULL;
    ok = os && librdf_model_context_add_statements(outm, g, os) == 0;
    if (os) librdf_free_stream(os);
    if (one) librdf_free_model(one);
    if (one_st) librdf_free_storage(one_st);
  }
  if (gi) librdf_free_iterator(gi);
  entente_status st = ok ? cli_write_model(w, outm, format, base, out) : ENTENTE_ERR_RDF;
  if (st != ENTENTE_OK && st != ENTENTE_ERR_IO)
    cli_error("merge: cannot build or write the merged graph");
  rc = st == ENTENTE_OK ? CLI_OK : CLI_BAD_INPUT;
done:
  for (size_t i = 0; i < u.n; i++) free(u.iri[i]);
  free(u.iri);
  free(u.parent);
  ent_strmap_free(u.index);
  ent_lexicon_free(lex);
  if (outm) librdf_free_model(outm);
  if (out_st) librdf_free_storage(out_st);
  if (in) librdf_free_model(in);
  if (in_st) librdf_free_storage(in_st);
  librdf_free_world(w);
  return rc;
}

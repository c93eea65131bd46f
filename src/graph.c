/* graph: see graph.h. The document's triples are made into an ent_triples
 * (triples.h) first, and go to the caller's model, stream or writer only
 * when all of them were made; should an add to a model fail, the ones added
 * are taken out again. */
#include "graph.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#define NS_ENT ENTENTE_NS
#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define NS_XSD "http://www.w3.org/2001/XMLSchema#"
#define NS_SCHEMA "http://schema.org/"
#define NS_PROV "http://www.w3.org/ns/prov#"
#define NS_SKOS "http://www.w3.org/2004/02/skos/core#"

typedef struct {
  const ent_doc *doc;
  ent_triples *t;
  const ent_graph_info *info;
  char **ent_iri; /* entity index -> IRI */
  size_t *sent_cp; /* code points before each sentence, made on first use */
  /* Each sentence's span term, made and described at its first fact: most
   * sentences carry several. */
  ent_term_id *span_node;
  /* Datatype IRIs of typed literals (NS_XSD "integer"...), by the address
   * of the name. */
  struct {
    const char *name;
    ent_term_id id;
  } dtypes[8];
  /* The predicate names add() is given are literals: their addresses find
   * their terms without joining and hashing the IRI for every triple. */
  struct {
    const char *ns, *local;
    ent_term_id id;
  } preds[64];
} builder;

void ent_graph_hash(const char *s, size_t len, char buf[17]) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
  /* "%016llx", written out: every fact has one. */
  for (int k = 15; k >= 0; k--, h >>= 4) buf[k] = "0123456789abcdef"[h & 15];
  buf[16] = '\0';
}

/* The decimal digits of v at p (locale-free, as "%zu"); returns their end. */
static char *put_decimal(char *p, size_t v) {
  char tmp[24];
  size_t n = 0;
  do tmp[n++] = (char)('0' + v % 10); while ((v /= 10) > 0);
  while (n > 0) *p++ = tmp[--n];
  return p;
}

/* The term of the IRI ns + local: remembered (the same IRI, the same term)
 * unless `once` (an IRI that one fact uses). Joined on the stack when it
 * fits: not snprintf, a tenth of the cost, for every triple. */
#define JOIN_STACK 256
static ent_term_id iri(builder *b, const char *ns, const char *local, bool once) {
  size_t nl = strlen(ns), ll = strlen(local), n = nl + ll + 1;
  char stack[JOIN_STACK];
  char *s = n <= JOIN_STACK ? stack : malloc(n);
  if (!s) {
    b->t->failed = true;
    return 0;
  }
  memcpy(s, ns, nl);
  memcpy(s + nl, local, ll + 1);
  ent_term_id id = once ? ent_triples_iri_once(b->t, s, n - 1) : ent_triples_iri(b->t, s, n - 1);
  if (s != stack) free(s);
  if (nl && ll) ent_triples_set_head(b->t, id, nl);
  return id;
}

static ent_term_id uri(builder *b, const char *ns, const char *local) {
  return iri(b, ns, local, false);
}

/* uri() of a predicate, through b->preds. */
static ent_term_id pred(builder *b, const char *ns, const char *local) {
  size_t h = ((uintptr_t)local >> 3) % (sizeof b->preds / sizeof *b->preds);
  if (b->preds[h].id && b->preds[h].ns == ns && b->preds[h].local == local) return b->preds[h].id;
  ent_term_id id = uri(b, ns, local);
  if (id) {
    b->preds[h].ns = ns;
    b->preds[h].local = local;
    b->preds[h].id = id;
  }
  return id;
}

/* Add (s, p, o); a term of 0 (not made) fails the graph. */
static void add(builder *b, ent_term_id s, const char *pns, const char *p, ent_term_id o) {
  ent_triples_add(b->t, s, s && o ? pred(b, pns, p) : 0, o);
}

/* A carriage return that no line feed follows (old Mac line end, or a file
 * name) is the line feed it stands for: one line end in every format. (It
 * was first a workaround: raptor 2.0.15's Turtle writer, which entente no
 * longer uses for Turtle, wrote such a CR raw, found by fuzz_extract.) */
static ent_term_id lit(builder *b, const char *text, const char *lang) {
  size_t len = strlen(text);
  /* raptor cannot write U+FFFE and U+FFFF (its N-Triples cut the string
   * there), and names from outside the text (file names, JSON fields) may
   * not be UTF-8: U+FFFD for those. */
  bool ok = ent_utf8_writable(text, len);
  if (ok && !memchr(text, '\r', len)) return ent_triples_literal(b->t, text, len, lang, 0);
  char *t = ok ? ent_strndup(text, len) : ent_utf8_repair_new(text, len);
  if (!t) {
    b->t->failed = true;
    return 0;
  }
  for (char *p = t; (p = strchr(p, '\r')) != NULL; p++)
    if (p[1] != '\n') *p = '\n';
  ent_term_id id = ent_triples_literal(b->t, t, strlen(t), lang, 0);
  free(t);
  return id;
}

static ent_term_id typed(builder *b, const char *text, const char *xsd) {
  size_t k = 0, nd = sizeof b->dtypes / sizeof *b->dtypes;
  while (k < nd && b->dtypes[k].name && b->dtypes[k].name != xsd) k++;
  ent_term_id dt = k < nd ? b->dtypes[k].id : 0;
  if (!dt) {
    dt = ent_triples_iri(b->t, xsd, strlen(xsd));
    if (!dt) return 0;
    if (k < nd) {
      b->dtypes[k].name = xsd;
      b->dtypes[k].id = dt;
    }
  }
  return ent_triples_literal(b->t, text, strlen(text), NULL, dt);
}

static ent_term_id integer(builder *b, long long v) {
  char buf[32], *p = buf;
  if (v < 0) *p++ = '-';
  /* The magnitude in size_t: -LLONG_MIN does not fit a long long. */
  *put_decimal(p, v < 0 ? (size_t)0 - (size_t)v : (size_t)v) = '\0';
  return typed(b, buf, NS_XSD "integer");
}

/* An xsd:decimal always with a fraction: a Turtle writer may print a
 * decimal literal bare, and a bare 8000000000 would read back as an integer. */
static ent_term_id decimal(builder *b, const char *num) {
  char buf[64];
  snprintf(buf, sizeof buf, strchr(num, '.') ? "%s" : "%s.0", num);
  return typed(b, buf, NS_XSD "decimal");
}

static ent_term_id boolean(builder *b, bool v) {
  return typed(b, v ? "true" : "false", NS_XSD "boolean");
}

static ent_term_id date(builder *b, const ent_date *d) {
  char buf[32];
  if (!ent_date_format(d, buf, sizeof buf)) return 0;
  return typed(b, buf, ent_date_xsd_type(d));
}

static ent_term_id type(builder *b, const char *cls) { return uri(b, NS_ENT, cls); }

static ent_term_id res(builder *b, const char *path) {
  return uri(b, b->info->base, path);
}

static ent_term_id entity(builder *b, int e) {
  if (e < 0 || (size_t)e >= b->doc->entities.n || !b->ent_iri[e]) return 0;
  ent_term_id id = uri(b, "", b->ent_iri[e]);
  ent_triples_set_head(b->t, id, strlen(b->info->base)); /* ent_iri is base + path */
  return id;
}

/* The path of an entity's IRI under the base. */
static char *entity_path(const ent_doc *doc, const ent_entity *e, const char *art_hash) {
  static const char *const dir[] = {"person/", "country/", "org/", "place/", "group/"};
  size_t n = strlen(dir[e->kind]) + strlen(e->key) + strlen(art_hash) + 3;
  char *p = malloc(n);
  if (!p) return NULL;
  /* n holds them all: joined without snprintf, which costs ten times more. */
  char *q = stpcpy(p, dir[e->kind]);
  if (e->kind == ENT_E_GROUP) { /* unnamed groups belong to their article */
    q = stpcpy(q, art_hash);
    *q++ = '-';
  }
  strcpy(q, e->key);
  (void)doc;
  return p;
}

static void emit_entity(builder *b, int i, ent_term_id article) {
  const ent_entity *e = &b->doc->entities.v[i];
  ent_term_id n = entity(b, i);
  static const char *const cls[] = {"Person", "Country", "Organization", "City", "Group"};
  const char *c = cls[e->kind];
  if (e->kind == ENT_E_PLACE && e->entry && (ent_lex_classes(e->entry) & ENT_LEX_REGION))
    c = "Region";
  add(b, n, NS_RDF, "type", type(b, c));
  add(b, n, NS_RDFS, "label", lit(b, e->name, e->kind == ENT_E_PERSON ? NULL : "fr"));
  if (e->kind == ENT_E_COUNTRY && e->entry) {
    const char *en = ent_lex_label(e->entry, "en");
    if (en && strcmp(en, e->name) != 0) add(b, n, NS_SKOS, "altLabel", lit(b, en, "en"));
    add(b, n, NS_ENT, "isoCode", lit(b, e->key, NULL));
  }
  if (e->kind == ENT_E_PLACE && e->country) {
    const char *iso = ent_lex_prop(e->country, "isoCode");
    if (iso) {
      char path[64];
      snprintf(path, sizeof path, "country/%s", iso);
      add(b, n, NS_ENT, "inCountry", res(b, path));
    }
  }
  if (e->kind == ENT_E_GROUP && e->country) {
    const char *iso = ent_lex_prop(e->country, "isoCode");
    if (iso) {
      char path[64];
      snprintf(path, sizeof path, "country/%s", iso);
      add(b, n, NS_ENT, "nationality", res(b, path));
    }
  }
  add(b, n, NS_ENT, "mentionedIn", article);
}

/* The sentence span node: <article>#char=S,E (code points, RFC 5147). */
static ent_term_id span(builder *b, int sent, ent_term_id article) {
  const ent_sentence *s = &b->doc->sents.v[sent];
  /* Counted once for all sentences: counting from the top of the text for
   * every fact made the graph quadratic in the article's length. */
  if (!b->sent_cp) {
    b->sent_cp = malloc((b->doc->sents.n + 1) * sizeof *b->sent_cp);
    b->span_node = calloc(b->doc->sents.n + 1, sizeof *b->span_node);
    if (!b->sent_cp || !b->span_node) {
      b->t->failed = true;
      return 0;
    }
    size_t cp = 0, at = 0;
    for (size_t k = 0; k < b->doc->sents.n; k++) {
      cp += ent_utf8_count(b->doc->text + at, b->doc->sents.v[k].start - at);
      at = b->doc->sents.v[k].start;
      b->sent_cp[k] = cp;
    }
  }
  if (b->span_node[sent]) return b->span_node[sent];
  size_t a = b->sent_cp[sent];
  size_t e = a + ent_utf8_count(b->doc->text + s->start, s->end - s->start);
  char buf[64], *p = buf; /* "#char=%zu,%zu" */
  memcpy(p, "#char=", 6);
  p = put_decimal(p + 6, a);
  *p++ = ',';
  *put_decimal(p, e) = '\0';
  /* Not remembered by the triples: span_node keeps it. */
  ent_term_id n = b->span_node[sent] = iri(b, b->info->article, buf, true);
  if (!n) return 0;
  /* Described once: a store with contexts keeps duplicate quads. */
  add(b, n, NS_RDF, "type", type(b, "TextSpan"));
  add(b, n, NS_ENT, "inArticle", article);
  add(b, n, NS_ENT, "startOffset", integer(b, (long long)a));
  add(b, n, NS_ENT, "endOffset", integer(b, (long long)e));
  return n;
}

/* Provenance shared by every fact. */
static void provenance(builder *b, ent_term_id fact, int sent, ent_term_id article) {
  add(b, fact, NS_PROV, "wasDerivedFrom", article);
  add(b, fact, NS_ENT, "evidence", span(b, sent, article));
}

/* A fact node: base + dir + hash(key parts). Not remembered by the
 * triples: the caller keeps it for all the fact's triples. */
static ent_term_id fact_node(builder *b, const char *dir, const char *key) {
  char path[64];
  size_t dl = strlen(dir);
  if (dl + 18 > sizeof path) return 0;
  memcpy(path, dir, dl);
  path[dl] = '/';
  ent_graph_hash(key, strlen(key), path + dl + 1);
  return iri(b, b->info->base, path, true);
}

static void emit_roles(builder *b, ent_term_id article) {
  for (size_t i = 0; i < b->doc->roles.n; i++) {
    const ent_role *r = &b->doc->roles.v[i];
    char *ft = ent_fold_new(r->title, strlen(r->title));
    if (!ft) {
      b->t->failed = true;
      return;
    }
    size_t kl = strlen(ft) + 512;
    char *key = malloc(kl);
    if (!key) {
      free(ft);
      b->t->failed = true;
      return;
    }
    snprintf(key, kl, "%s|%s|%s|%d", b->ent_iri[r->person], ft,
             r->of >= 0 ? b->ent_iri[r->of] : "", r->former);
    ent_term_id n = fact_node(b, "position", key);
    free(key);
    free(ft);
    add(b, n, NS_RDF, "type", type(b, "Position"));
    add(b, n, NS_ENT, "holder", entity(b, r->person));
    add(b, n, NS_ENT, "title", lit(b, r->title, "fr"));
    if (r->of >= 0) add(b, n, NS_ENT, "of", entity(b, r->of));
    if (r->former) add(b, n, NS_ENT, "former", boolean(b, true));
    provenance(b, n, r->sent, article);
    }
}

static const char *const EVENT_CLASS[] = {"Meeting", "Talks", "Summit", "Call", "Visit",
                                          "StateVisit", "PressConference", "Dinner",
                                          "Reception"};

static int cmp_str(const void *x, const void *y) {
  return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static void emit_events(builder *b, ent_term_id article, const char *art_hash) {
  for (size_t i = 0; i < b->doc->events.n && !b->t->failed; i++) {
    const ent_event *ev = &b->doc->events.v[i];
    /* Identity: kind, sorted participants, date — the same meeting in two
     * articles gets one IRI. Without a date or participants it stays the
     * article's own. */
    const char **keys = calloc(ev->participants.n + 1, sizeof *keys);
    if (!keys) {
      b->t->failed = true;
      return;
    }
    size_t kl = 128;
    for (size_t k = 0; k < ev->participants.n; k++) {
      keys[k] = b->ent_iri[ev->participants.v[k]];
      kl += strlen(keys[k]) + 1;
    }
    qsort(keys, ev->participants.n, sizeof *keys, cmp_str);
    char *key = malloc(kl);
    if (!key) {
      free(keys);
      b->t->failed = true;
      return;
    }
    char d[32] = "";
    ent_date_format(&ev->date, d, sizeof d);
    size_t o = (size_t)snprintf(key, kl, "%s|%s|", EVENT_CLASS[ev->kind], d);
    if (!d[0] || ev->participants.n < 2) o += (size_t)snprintf(key + o, kl - o, "%s#%zu|", art_hash, i);
    for (size_t k = 0; k < ev->participants.n; k++)
      o += (size_t)snprintf(key + o, kl - o, "%s|", keys[k]);
    free(keys);
    ent_term_id n = fact_node(b, "event", key);
    free(key);
    add(b, n, NS_RDF, "type", type(b, "Event"));
    add(b, n, NS_RDF, "type", type(b, EVENT_CLASS[ev->kind]));
    for (size_t k = 0; k < ev->participants.n; k++)
      add(b, n, NS_ENT, "participant", entity(b, ev->participants.v[k]));
    if (ev->date.prec != ENT_PREC_NONE) add(b, n, NS_ENT, "date", date(b, &ev->date));
    if (ev->place >= 0) add(b, n, NS_ENT, "place", entity(b, ev->place));
    if (ev->planned) add(b, n, NS_ENT, "planned", boolean(b, true));
    provenance(b, n, ev->sent, article);
    }
}

static void emit_bills(builder *b, ent_term_id article, const char *art_hash,
                       ent_term_id *bill_nodes) {
  for (size_t i = 0; i < b->doc->bills.n && !b->t->failed; i++) {
    const ent_bill *bl = &b->doc->bills.v[i];
    char key[256];
    snprintf(key, sizeof key, "%s#bill%zu", art_hash, i);
    ent_term_id n = fact_node(b, "bill", key);
    add(b, n, NS_RDF, "type", type(b, "Bill"));
    add(b, n, NS_RDFS, "label", lit(b, bl->label, "fr"));
    if (bl->signer >= 0) add(b, n, NS_ENT, "signer", entity(b, bl->signer));
    if (bl->adopted_by >= 0) add(b, n, NS_ENT, "adoptedBy", entity(b, bl->adopted_by));
    if (bl->proposed_by >= 0) add(b, n, NS_ENT, "proposedBy", entity(b, bl->proposed_by));
    if (bl->date.prec != ENT_PREC_NONE) add(b, n, NS_ENT, "date", date(b, &bl->date));
    provenance(b, n, bl->sent, article);
    bill_nodes[i] = n;
  }
}

static void emit_funding(builder *b, ent_term_id article, const char *art_hash,
                         ent_term_id *bill_nodes) {
  ent_term_id *nodes = calloc(b->doc->fundings.n + 1, sizeof *nodes);
  if (!nodes) {
    b->t->failed = true;
    return;
  }
  for (size_t i = 0; i < b->doc->fundings.n && !b->t->failed; i++) {
    const ent_funding *f = &b->doc->fundings.v[i];
    char key[256], num[48];
    snprintf(key, sizeof key, "%s#funding%zu", art_hash, i);
    ent_term_id n = nodes[i] = fact_node(b, "funding", key);
    add(b, n, NS_RDF, "type", type(b, "FundingAllocation"));
    if (f->amount.has_value && ent_amount_format(f->amount.cents, num, sizeof num))
      add(b, n, NS_ENT, "amount", decimal(b, num));
    if (f->amount.is_range && ent_amount_format(f->amount.cents_max, num, sizeof num))
      add(b, n, NS_ENT, "amountMax", decimal(b, num));
    if (f->amount.lower_bound) add(b, n, NS_ENT, "lowerBound", boolean(b, true));
    if (f->amount.upper_bound) add(b, n, NS_ENT, "upperBound", boolean(b, true));
    if (f->amount.approx) add(b, n, NS_ENT, "approximate", boolean(b, true));
    add(b, n, NS_ENT, "currency", lit(b, f->amount.currency, NULL));
    if (f->recipient >= 0) add(b, n, NS_ENT, "recipient", entity(b, f->recipient));
    if (f->purpose) add(b, n, NS_ENT, "purpose", lit(b, f->purpose, "fr"));
    if (f->bill >= 0 && bill_nodes[f->bill])
      add(b, n, NS_ENT, "bill", bill_nodes[f->bill]);
    if (f->part_of >= 0 && (size_t)f->part_of < i && nodes[f->part_of])
      add(b, n, NS_ENT, "partOf", nodes[f->part_of]);
    provenance(b, n, f->sent, article);
  }
  free(nodes);
}

static void emit_claims(builder *b, ent_term_id article, const char *art_hash) {
  for (size_t i = 0; i < b->doc->claims.n && !b->t->failed; i++) {
    const ent_claim *c = &b->doc->claims.v[i];
    char key[256];
    snprintf(key, sizeof key, "%s#claim%zu-%zu", art_hash, c->start, c->end);
    ent_term_id n = fact_node(b, "claim", key);
    add(b, n, NS_RDF, "type", type(b, "Claim"));
    add(b, n, NS_ENT, "claimant", entity(b, c->claimant));
    if (c->addressee >= 0) add(b, n, NS_ENT, "addressee", entity(b, c->addressee));
    add(b, n, NS_ENT, "text", lit(b, c->text, "fr"));
    add(b, n, NS_ENT, "direct", boolean(b, c->direct));
    if (c->verb) add(b, n, NS_ENT, "verb", lit(b, c->verb, NULL));
    if (c->date.prec != ENT_PREC_NONE) add(b, n, NS_ENT, "date", date(b, &c->date));
    for (size_t k = 0; k < c->mentions.n; k++)
      add(b, n, NS_ENT, "mentions", entity(b, c->mentions.v[k]));
    provenance(b, n, c->sent, article);
    }
}

static void emit_article(builder *b, ent_term_id article) {
  const ent_doc *doc = b->doc;
  add(b, article, NS_RDF, "type", type(b, "Article"));
  if (doc->pub.prec != ENT_PREC_NONE)
    add(b, article, NS_SCHEMA, "datePublished", date(b, &doc->pub));
  if (b->info->name) add(b, article, NS_ENT, "sourceName", lit(b, b->info->name, NULL));
  /* Where a page or feed item came from (reader.c). */
  if (b->info->format) add(b, article, NS_ENT, "sourceFormat", lit(b, b->info->format, NULL));
  if (b->info->url && ent_iri_ok(b->info->url)) /* else no RDF syntax could write it */
    add(b, article, NS_SCHEMA, "url",
        ent_triples_iri_once(b->t, b->info->url, strlen(b->info->url)));
  if (b->info->author) add(b, article, NS_SCHEMA, "author", lit(b, b->info->author, NULL));
  if (b->info->lang) add(b, article, NS_SCHEMA, "inLanguage", lit(b, b->info->lang, NULL));
  if (b->info->title) {
    add(b, article, NS_SCHEMA, "headline", lit(b, b->info->title, "fr"));
  } else if (doc->sents.n && doc->sents.v[0].heading) {
    char *h = ent_doc_span_new(doc, doc->sents.v[0].start, doc->sents.v[0].end);
    if (!h) b->t->failed = true;
    else add(b, article, NS_SCHEMA, "headline", lit(b, h, "fr"));
    free(h);
  }
}

/* Mark the entities a fact uses, and persons (always listed), but never a
 * merged one: one pass over the facts (asking for each entity in turn went
 * over every fact each time, quadratic). u has one slot per entity. */
static void mark_used(const ent_doc *doc, bool *u) {
  size_t n = doc->entities.n;
#define USE(e)                                    \
  do {                                            \
    if ((e) >= 0 && (size_t)(e) < n) u[(e)] = true; \
  } while (0)
  for (size_t i = 0; i < n; i++) u[i] = doc->entities.v[i].kind == ENT_E_PERSON;
  for (size_t k = 0; k < doc->roles.n; k++) {
    USE(doc->roles.v[k].of);
    USE(doc->roles.v[k].person);
  }
  for (size_t k = 0; k < doc->events.n; k++) {
    USE(doc->events.v[k].place);
    for (size_t j = 0; j < doc->events.v[k].participants.n; j++)
      USE(doc->events.v[k].participants.v[j]);
  }
  for (size_t k = 0; k < doc->bills.n; k++) {
    USE(doc->bills.v[k].signer);
    USE(doc->bills.v[k].adopted_by);
    USE(doc->bills.v[k].proposed_by);
  }
  for (size_t k = 0; k < doc->fundings.n; k++) USE(doc->fundings.v[k].recipient);
  for (size_t k = 0; k < doc->claims.n; k++) {
    USE(doc->claims.v[k].claimant);
    USE(doc->claims.v[k].addressee);
    for (size_t j = 0; j < doc->claims.v[k].mentions.n; j++)
      USE(doc->claims.v[k].mentions.v[j]);
  }
#undef USE
  for (size_t i = 0; i < n; i++)
    if (doc->entities.v[i].merged_into >= 0) u[i] = false;
}

entente_status ent_graph_triples(const ent_doc *doc, const ent_graph_info *info,
                                 ent_triples *t) {
  ent_triples_reset(t);
  builder b = {.doc = doc, .t = t, .info = info};
  b.ent_iri = calloc(doc->entities.n + 1, sizeof(char *));
  ent_term_id *bill_nodes = calloc(doc->bills.n + 1, sizeof *bill_nodes);
  ent_term_id article = ent_triples_iri(t, info->article, strlen(info->article));
  char art_hash[17];
  ent_graph_hash(info->article, strlen(info->article), art_hash);
  entente_status status = ENTENTE_ERR_NOMEM;
  if (!b.ent_iri || !bill_nodes || !article) goto out;
  for (size_t i = 0; i < doc->entities.n; i++) {
    char *path = entity_path(doc, &doc->entities.v[i], art_hash);
    if (!path) goto out;
    size_t n = strlen(info->base) + strlen(path) + 1;
    b.ent_iri[i] = malloc(n);
    if (b.ent_iri[i]) strcpy(stpcpy(b.ent_iri[i], info->base), path);
    free(path);
    if (!b.ent_iri[i]) goto out;
  }
  emit_article(&b, article);
  bool *in_use = calloc(doc->entities.n + 1, sizeof *in_use);
  if (!in_use) goto out;
  mark_used(doc, in_use);
  for (size_t i = 0; i < doc->entities.n; i++)
    if (in_use[i]) emit_entity(&b, (int)i, article);
  free(in_use);
  emit_roles(&b, article);
  emit_events(&b, article, art_hash);
  emit_bills(&b, article, art_hash, bill_nodes);
  emit_funding(&b, article, art_hash, bill_nodes);
  emit_claims(&b, article, art_hash);
  status = t->failed ? ENTENTE_ERR_RDF : ENTENTE_OK;
out:
  for (size_t i = 0; b.ent_iri && i < doc->entities.n; i++) free(b.ent_iri[i]);
  free(b.ent_iri);
  free(b.sent_cp);
  free(b.span_node);
  free(bill_nodes);
  if (status != ENTENTE_OK) t->failed = true;
  return status;
}

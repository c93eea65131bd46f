/* doc: the document model's memory and entity table. */
#include "doc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* ---- ent_doc_lookup's memo: where the key of a span of tokens is in the
 * lexicon, by first token and length (up to LOOK_WORDS), in a table of at
 * most LOOK_MAX slots: every span of an article of up to LOOK_MAX /
 * LOOK_WORDS tokens has a slot of its own; a longer article's spans share
 * them (a slot says whose answer it holds), so that its memory stays
 * bounded (a slot for every span of a 4 MiB article was 90 MB). */
#define LOOK_WORDS 8
#define LOOK_MAX 32768

typedef struct {
  uint32_t stamp; /* the document it was filled for (ent_doc_looks.stamp) */
  uint32_t first; /* the span's first token */
  uint8_t words;  /* its length; 0: an empty slot */
  bool too_long;  /* its key is longer than ENT_DOC_KEY_MAX */
  ent_lex_look look;
  /* The classes of look's phrase and stem lists: a question in none of
   * them is answered without the lexicon, a stem list in none of them is
   * not read (nor the key made again for it). */
  unsigned phrase_cls, stem_cls;
} look_slot;

/* Kept from one document to the next (ent_doc_take_looks): a new table is
 * 200 KB of zeroed memory for an article of 5 KB. A slot belongs to the
 * document whose stamp it has; the others are empty. */
struct ent_doc_looks {
  look_slot *slots;
  size_t cap; /* a power of two */
  uint32_t stamp;
};

void ent_doc_looks_free(ent_doc_looks *looks) {
  if (!looks) return;
  free(looks->slots);
  free(looks);
}

void ent_doc_give_looks(ent_doc *doc, ent_doc_looks *looks) {
  ent_doc_looks_free(doc->looks);
  doc->looks = looks;
  if (looks && ++looks->stamp == 0) { /* wrapped: slots of old stamps would pass */
    memset(looks->slots, 0, looks->cap * sizeof *looks->slots);
    looks->stamp = 1;
  }
}

ent_doc_looks *ent_doc_take_looks(ent_doc *doc) {
  ent_doc_looks *l = doc->looks;
  doc->looks = NULL;
  return l;
}

void *ent_vec_double(void **v, size_t *n, size_t *cap, size_t size) {
  size_t c = *cap ? *cap * 2 : 16;
  void *p = c <= SIZE_MAX / size ? realloc(*v, c * size) : NULL;
  if (!p) return NULL;
  *v = p;
  *cap = c;
  char *slot = (char *)*v + (*n)++ * size;
  memset(slot, 0, size);
  return slot;
}

void ent_doc_init(ent_doc *doc, const char *text, size_t len, const ent_lexicon *lex) {
  memset(doc, 0, sizeof *doc);
  doc->text = text;
  doc->len = len;
  doc->lex = lex;
}

void ent_doc_clear(ent_doc *doc) {
  for (size_t i = 0; i < doc->store.n; i++) free(doc->store.v[i]);
  free(doc->store.v);
  for (size_t i = 0; i < doc->entities.n; i++) {
    free(doc->entities.v[i].name);
    free(doc->entities.v[i].key);
  }
  for (size_t i = 0; i < doc->roles.n; i++) free(doc->roles.v[i].title);
  for (size_t i = 0; i < doc->events.n; i++) free(doc->events.v[i].participants.v);
  for (size_t i = 0; i < doc->bills.n; i++) free(doc->bills.v[i].label);
  for (size_t i = 0; i < doc->fundings.n; i++) free(doc->fundings.v[i].purpose);
  for (size_t i = 0; i < doc->claims.n; i++) {
    free(doc->claims.v[i].text);
    free(doc->claims.v[i].mentions.v);
  }
  ent_strmap_free(doc->entity_index);
  ent_doc_looks_free(doc->looks);
  free(doc->toks.v);
  free(doc->sents.v);
  free(doc->mentions.v);
  free(doc->entities.v);
  free(doc->roles.v);
  free(doc->events.v);
  free(doc->bills.v);
  free(doc->fundings.v);
  free(doc->claims.v);
  memset(doc, 0, sizeof *doc);
}

/* The scanners' hints (ent_amount_hints, ent_temporal_hints) over a
 * document's tokens: the scanners read forward,
 * so the search starts from the token last asked for. */
typedef struct {
  const ent_doc *doc;
  size_t at;
} word_hints;

/* The token spanning exactly [s, e), from the one last asked for (the
 * scanners read forward); NULL when none does. */
static const ent_token *token_at(word_hints *h, size_t s, size_t e) {
  const ent_doc *doc = h->doc;
  size_t i = h->at, n = doc->toks.n;
  /* A few tokens on from the last one, else a binary search. */
  for (size_t k = 0; k < 4 && i < n && doc->toks.v[i].start < s; k++) i++;
  if (i >= n || doc->toks.v[i].start < s || (i > 0 && doc->toks.v[i - 1].start >= s)) {
    size_t lo = 0, hi = n; /* the first token starting at or after s */
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (doc->toks.v[mid].start < s) lo = mid + 1;
      else hi = mid;
    }
    i = lo;
  }
  h->at = i;
  const ent_token *t = i < doc->toks.n ? &doc->toks.v[i] : NULL;
  return t && t->start == s && t->end == e ? t : NULL;
}

/* The head classes of the word token spanning exactly [s, e) (its folded
 * form's length in *fold_len), ~0u when there is none, its classes are
 * unknown or its folded form has a hyphen. */
static unsigned word_classes(void *ctx, size_t s, size_t e, size_t *fold_len) {
  const ent_token *t = token_at(ctx, s, e);
  if (!t || t->kind != ENT_TOK_WORD || t->elided || t->head_classes == ~0u ||
      memchr(t->fold, '-', t->fold_len))
    return ~0u;
  *fold_len = t->fold_len;
  return t->head_classes;
}

/* ent_temporal_hints over a document's tokens: a plain word's heads. */
static bool word_heads(void *ctx, size_t s, size_t e, size_t *words, unsigned *classes) {
  const ent_token *t = token_at(ctx, s, e);
  if (!t || t->kind != ENT_TOK_WORD || t->elided || t->head_classes == ~0u) return false;
  *words = t->head_words;
  *classes = t->head_classes;
  return true;
}

bool ent_doc_temporal_find(const ent_doc *doc, size_t len, size_t from, const ent_date *pub,
                           bool future_tense, ent_time_match *out) {
  word_hints wh = {doc, 0};
  ent_temporal_hints h = {word_heads, &wh};
  return ent_temporal_find_hinted(doc->lex, doc->text, len, from, pub, future_tense, &h, out);
}

bool ent_doc_amount_find(const ent_doc *doc, size_t len, size_t from, ent_amount *out) {
  word_hints wh = {doc, 0};
  ent_amount_hints h = {word_classes, &wh};
  return ent_amount_find_hinted(doc->lex, doc->text, len, from, &h, out);
}

#define STORE_BLOCK 8192

char *ent_doc_str_new(ent_doc *doc, size_t n) {
  if (n >= SIZE_MAX / 2) return NULL;
  if (!doc->store.n || doc->store_used + n + 1 > doc->store_cap) {
    size_t cap = n + 1 > STORE_BLOCK ? n + 1 : STORE_BLOCK;
    char **slot = ent_vec_push(&doc->store);
    if (!slot) return NULL;
    if (!(*slot = malloc(cap))) {
      doc->store.n--;
      return NULL;
    }
    doc->store_used = 0;
    doc->store_cap = cap;
  }
  char *p = doc->store.v[doc->store.n - 1] + doc->store_used;
  doc->store_used += n + 1;
  return p;
}

bool ent_doc_span_key(const ent_doc *doc, size_t a, size_t b, char *key, size_t cap) {
  if (b > doc->toks.n || cap == 0) return false;
  size_t o = 0;
  for (size_t i = a; i < b; i++) {
    const ent_token *t = &doc->toks.v[i];
    size_t l = t->fold_len;
    bool sep = i > a && !doc->toks.v[i - 1].elided;
    if (o + l + 2 > cap) return false;
    if (sep) key[o++] = ' ';
    memcpy(key + o, t->fold, l);
    o += l;
  }
  key[o] = '\0';
  return true;
}

/* The memo slot for tokens [a, b) (holding that span's answer or
 * another's), or NULL when there is none (a phrase longer than LOOK_WORDS,
 * out of memory: the caller looks the key up itself). */
static look_slot *look_slot_of(const ent_doc *cdoc, size_t a, size_t b) {
  ent_doc *doc = (ent_doc *)cdoc; /* the memo only: see ent_doc_lookup */
  if (b <= a || b - a > LOOK_WORDS || b > doc->toks.n || a > UINT32_MAX) return NULL;
  size_t need = doc->toks.n * LOOK_WORDS;
  if (!doc->looks || (doc->looks->cap < LOOK_MAX && doc->looks->cap < need)) {
    /* None given, or one too small (caps are powers of two from 64). */
    size_t cap = 64;
    while (cap < LOOK_MAX && cap < need) cap *= 2;
    ent_doc_looks_free(doc->looks);
    if (!(doc->looks = calloc(1, sizeof *doc->looks))) return NULL;
    if (!(doc->looks->slots = calloc(cap, sizeof *doc->looks->slots))) {
      free(doc->looks);
      doc->looks = NULL;
      return NULL;
    }
    doc->looks->cap = cap;
    doc->looks->stamp = 1;
  }
  return &doc->looks->slots[(a * LOOK_WORDS + (b - a - 1)) & (doc->looks->cap - 1)];
}

/* The key of tokens [a, b): a token's own folded form, or made in buf (of
 * ENT_DOC_KEY_MAX bytes); NULL when it does not fit (ent_doc_span_key). */
static const char *span_key(const ent_doc *doc, size_t a, size_t b, char *buf) {
  if (b == a + 1 && b <= doc->toks.n)
    return doc->toks.v[a].fold_len + 2 <= ENT_DOC_KEY_MAX ? doc->toks.v[a].fold : NULL;
  return ent_doc_span_key(doc, a, b, buf, ENT_DOC_KEY_MAX) ? buf : NULL;
}

size_t ent_doc_lookup(const ent_doc *doc, size_t a, size_t b, unsigned classes,
                      ent_lex_hit *hits, size_t max) {
  /* No phrase of these classes starts with the span's first word. */
  if (a < doc->toks.n && !(doc->toks.v[a].head_classes & classes)) return 0;
  char buf[ENT_DOC_KEY_MAX];
  const char *key = NULL;
  look_slot *sl = look_slot_of(doc, a, b);
  look_slot here;
  if (sl && sl->stamp == doc->looks->stamp && sl->words == b - a && sl->first == a) {
    if (sl->too_long) return 0;
  } else {
    key = span_key(doc, a, b, buf);
    here = (look_slot){sl ? doc->looks->stamp : 0, (uint32_t)a, (uint8_t)(b - a), !key,
                       {ENT_LEX_NO_LIST, ENT_LEX_NO_LIST}, 0, 0};
    if (key) {
      here.look = ent_lexicon_look(doc->lex, key);
      here.phrase_cls = ent_lexicon_list_classes(doc->lex, here.look.phrase);
      here.stem_cls = ent_lexicon_list_classes(doc->lex, here.look.stem);
    }
    if (sl) *sl = here;
    sl = &here;
    if (!key) return 0;
  }
  if (!((sl->phrase_cls | sl->stem_cls) & classes)) return 0;
  ent_lex_look lk = sl->look;
  if (!(sl->stem_cls & classes)) lk.stem = ENT_LEX_NO_LIST;
  /* The key itself is needed for stem hits only (ent_lexicon_look_hits). */
  if (!key && lk.stem != ENT_LEX_NO_LIST) key = span_key(doc, a, b, buf);
  return ent_lexicon_look_hits(doc->lex, lk, key ? key : "", classes, hits, max);
}

const ent_mention *ent_tok_mention(const ent_doc *doc, size_t i) {
  if (i >= doc->toks.n || doc->toks.v[i].mention < 0) return NULL;
  return &doc->mentions.v[doc->toks.v[i].mention];
}

/* The entity index's key: the kind, a separator no key holds, the key. New
 * string owned by the caller, or NULL. */
static char *index_key(ent_entity_kind kind, const char *key) {
  size_t n = strlen(key) + 8;
  char *k = malloc(n);
  if (!k) return NULL;
  if ((int)kind >= 0 && (int)kind < 10) { /* every kind: snprintf's "%d" for a tenth of it */
    k[0] = (char)('0' + (int)kind);
    k[1] = '\x1f';
    memcpy(k + 2, key, n - 7);
  } else {
    snprintf(k, n, "%d\x1f%s", (int)kind, key);
  }
  return k;
}

/* The first entity of this kind and key, or -1. Entities used to be found by
 * going over all of them, which made an article with many names quadratic;
 * the index holds, for every kind and key, the lowest entity that has it
 * (SIZE_MAX once none does), so the answer is the same. */
static int find_entity(ent_doc *doc, const char *ikey) {
  size_t i;
  if (!ent_strmap_get(doc->entity_index, ikey, &i) || i == SIZE_MAX) return -1;
  return (int)i;
}

int ent_doc_entity(ent_doc *doc, ent_entity_kind kind, const char *name, const char *key,
                   const ent_lex_entry *entry) {
  if (!doc->entity_index && !(doc->entity_index = ent_strmap_new())) return -1;
  char *ikey = index_key(kind, key);
  if (!ikey) return -1;
  int found = find_entity(doc, ikey);
  if (found >= 0) {
    free(ikey);
    const ent_entity *x = &doc->entities.v[found];
    return x->merged_into >= 0 ? x->merged_into : found;
  }
  if (doc->entities.n >= ENTENTE_MAX_ENTITIES) { /* callers see -1 as for no memory */
    doc->over = ENTENTE_ERR_ENTITIES;
    free(ikey);
    return -1;
  }
  ent_entity *e = ent_vec_push(&doc->entities);
  if (!e) {
    free(ikey);
    return -1;
  }
  e->kind = kind;
  e->name = ent_strndup(name, strlen(name));
  e->key = ent_strndup(key, strlen(key));
  e->entry = entry;
  e->first_tok = -1;
  e->merged_into = -1;
  if (!e->name || !e->key || !ent_strmap_put(doc->entity_index, ikey, doc->entities.n - 1)) {
    free(e->name);
    free(e->key);
    doc->entities.n--;
    free(ikey);
    return -1;
  }
  free(ikey);
  return (int)(doc->entities.n - 1);
}

size_t ent_doc_phrase_tokens(const ent_doc *doc, size_t i, size_t end) {
  if (i >= end || i >= doc->toks.n) return 0;
  const ent_token *t = &doc->toks.v[i];
  size_t maxw = doc->lex ? ent_lexicon_max_words(doc->lex) : 0;
  size_t hw = t->kind != ENT_TOK_WORD ? 0 : t->elided ? maxw : t->head_words;
  if (hw && hw < maxw) {
    size_t extra = 0;
    for (size_t k = i; k < end && k < i + hw + extra; k++) extra += doc->toks.v[k].elided;
    hw += extra;
  }
  return hw > maxw ? maxw : hw;
}

bool ent_doc_entity_rekey(ent_doc *doc, int i, const char *key) {
  ent_entity *e = &doc->entities.v[i];
  if (!doc->entity_index && !(doc->entity_index = ent_strmap_new())) return false;
  char *nk = ent_strndup(key, strlen(key));
  char *old = index_key(e->kind, e->key), *ikey = index_key(e->kind, key);
  bool ok = nk && old && ikey;
  if (ok && strcmp(old, ikey) != 0) {
    int was = find_entity(doc, ikey);
    if (was < 0 || was > i) ok = ent_strmap_put(doc->entity_index, ikey, (size_t)i);
    /* The old key names nobody now (keys are unique until a rekey). */
    if (ok && find_entity(doc, old) == i) ok = ent_strmap_put(doc->entity_index, old, SIZE_MAX);
  }
  if (ok) {
    free(e->key);
    e->key = nk;
    nk = NULL;
  }
  free(nk);
  free(old);
  free(ikey);
  return ok;
}

int ent_doc_lex_entity(ent_doc *doc, const ent_lex_entry *e, bool agent) {
  unsigned c = ent_lex_classes(e);
  if (agent) {
    /* Metonymy: "Pékin affirme", "le Kremlin a averti" speak for a country. */
    const char *to = (c & ENT_LEX_CITY) ? ent_lex_prop(e, "capitalOf")
                                        : (c & ENT_LEX_ORG) ? ent_lex_prop(e, "standsFor") : NULL;
    const ent_lex_entry *t = to ? ent_lexicon_get(doc->lex, to) : NULL;
    if (t) return ent_doc_lex_entity(doc, t, false);
  }
  if (c & ENT_LEX_COUNTRY) {
    const char *iso = ent_lex_prop(e, "isoCode");
    return ent_doc_entity(doc, ENT_E_COUNTRY, ent_lex_label(e, "fr"), iso ? iso : ent_lex_id(e),
                          e);
  }
  if (c & ENT_LEX_ORG)
    return ent_doc_entity(doc, ENT_E_ORG, ent_lex_label(e, "fr"), ent_lex_id(e), e);
  if (c & (ENT_LEX_CITY | ENT_LEX_REGION)) {
    int i = ent_doc_entity(doc, ENT_E_PLACE, ent_lex_label(e, "fr"), ent_lex_id(e), e);
    const char *in = ent_lex_prop(e, "inCountry");
    if (i >= 0 && in) doc->entities.v[i].country = ent_lexicon_get(doc->lex, in);
    return i;
  }
  return -1;
}

char *ent_doc_span_new(const ent_doc *doc, size_t start, size_t end) {
  if (end > doc->len) end = doc->len;
  if (start > end) start = end;
  return ent_strndup(doc->text + start, end - start);
}

/* lexicon: load the ontology/lexicon Turtle files with raptor, index phrases and stems. */
#include "lexicon.h"

#include <dirent.h>
#include <libstemmer.h>
#include <raptor2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "text.h"

#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define SKOS "http://www.w3.org/2004/02/skos/core#"

typedef struct {
  char *key, *value;
} prop;

typedef struct {
  char *text, *lang;
  bool pref;
} label;

struct ent_lex_entry {
  char *iri, *id;
  unsigned classes;
  label *labels;
  size_t nlabels;
  char **demonyms;
  size_t ndemonyms;
  prop *props;
  size_t nprops;
};

/* A bounded memo of strings: key -> owned value, forgotten all at once when
 * full (so that an endless batch of new words keeps memory flat). */
typedef struct {
  ent_strmap *map;
  char **vals;
  size_t n, cap;
} strmemo;

typedef struct {
  ent_lex_hit *hits;
  char **forms; /* the folded phrase each hit was indexed from (owned) */
  size_t n;
  unsigned classes; /* of all its hits' entries: most questions stop here */
} hitlist;

struct ent_lexicon {
  ent_lex_entry **entries;
  size_t n, cap;
  ent_strmap *by_iri;   /* iri -> entry index */
  ent_strmap *by_id;    /* id -> entry index */
  ent_strmap *phrases;  /* folded phrase -> hitlist index */
  ent_strmap *stems;    /* stemmed phrase -> hitlist index */
  hitlist *lists;
  size_t nlists, caplists;
  size_t max_words;
  struct sb_stemmer *stemmer;
  /* Word → stem memo: the one mutable part of a loaded lexicon (lookups
   * take it const). Not thread-safe, like the stemmer itself. */
  strmemo stems_of;
  char scratch[128]; /* the stem of a word not worth remembering (memo_stem) */
  strmemo folds_of; /* word -> ent_fold_new of it (ent_lexicon_fold) */
  char *fold_fresh;  /* the last fold not worth remembering */
  /* Key → where ent_lexicon_lookup found it (look_at[i]): the extractors
   * look the same words up again and again. Mutable like stems_of. */
  ent_strmap *look_memo;
  ent_lex_look *look_at;
  size_t nlook, caplook;
  ent_strmap *heads_memo; /* word -> ent_lexicon_head_words (mutable too) */
  ent_strmap *stem_heads; /* first word of every stemmed phrase -> max words */
  ent_strmap *heads;      /* first word of every exact phrase -> max words */
  /* Every strict prefix of a PREFIXED phrase's key, cut at a character
   * boundary -> the classes of those phrases; stem_classes: those found by
   * stem, of which prefixes say nothing. */
  ent_strmap *prefixes;
  unsigned stem_classes;
  /* ent_lexicon_entries' answers, sorted, by classes (mutable too): the
   * spelling rules are asked for with every person's name. */
  struct {
    unsigned classes;
    const ent_lex_entry **v; /* NULL: not made (out of memory) */
    size_t n;
  } listed[8];
  size_t nlisted;
  bool failed;
};

static const struct {
  const char *name;
  unsigned cls;
} CLASS_NAMES[] = {
    {"Country", ENT_LEX_COUNTRY},       {"City", ENT_LEX_CITY},
    {"Region", ENT_LEX_REGION},         {"Organization", ENT_LEX_ORG},
    {"Title", ENT_LEX_TITLE},           {"Honorific", ENT_LEX_HONORIFIC},
    {"GivenName", ENT_LEX_GIVEN_NAME},  {"SayingVerb", ENT_LEX_SAYING_VERB},
    {"Currency", ENT_LEX_CURRENCY},     {"Month", ENT_LEX_MONTH},
    {"Weekday", ENT_LEX_WEEKDAY},       {"Person", ENT_LEX_PERSON},
    {"GroupNoun", ENT_LEX_GROUP_NOUN},  {"EventNoun", ENT_LEX_EVENT_NOUN},
    {"EventVerb", ENT_LEX_EVENT_VERB},  {"TimeWord", ENT_LEX_TIME_WORD},
    {"Scale", ENT_LEX_SCALE},           {"BillNoun", ENT_LEX_BILL_NOUN},
    {"Stopword", ENT_LEX_STOPWORD},       {"SpellingRule", ENT_LEX_SPELLING},
    {"ClaimMarker", ENT_LEX_CLAIM_MARKER}, {"RefusalVerb", ENT_LEX_REFUSAL_VERB},
    {"GovernmentNoun", ENT_LEX_GOVERNMENT_NOUN}, {"AddresseeNoun", ENT_LEX_ADDRESSEE_NOUN},
    {"CountNoun", ENT_LEX_COUNT_NOUN},  {"NumberWord", ENT_LEX_NUMBER_WORD},
    {"AmountQualifier", ENT_LEX_AMOUNT_QUALIFIER},
    {"BillVerb", ENT_LEX_BILL_VERB},       {"FundingCue", ENT_LEX_FUNDING_CUE},
};

#define NO_LIST ENT_LEX_NO_LIST

/* Classes whose words inflect, found by stem too. */
#define INFLECTING                                                                      \
  (ENT_LEX_TITLE | ENT_LEX_SAYING_VERB | ENT_LEX_GROUP_NOUN | ENT_LEX_EVENT_NOUN |      \
   ENT_LEX_EVENT_VERB | ENT_LEX_BILL_NOUN | ENT_LEX_REFUSAL_VERB | ENT_LEX_BILL_VERB |     \
   ENT_LEX_ADDRESSEE_NOUN |                                                              \
   ENT_LEX_FUNDING_CUE)

static const char *local_name(const char *iri) {
  const char *h = strrchr(iri, '#'), *s = strrchr(iri, '/');
  const char *p = h > s ? h : s;
  return p ? p + 1 : iri;
}

static void *grow(void *p, size_t *cap, size_t need, size_t size) {
  if (need <= *cap) return p;
  size_t c = *cap ? *cap * 2 : 8;
  while (c < need) c *= 2;
  void *q = realloc(p, c * size);
  if (q) *cap = c;
  return q;
}

static ent_lex_entry *entry_for(ent_lexicon *lex, const char *iri) {
  size_t i;
  if (ent_strmap_get(lex->by_iri, iri, &i)) return lex->entries[i];
  ent_lex_entry **es = grow(lex->entries, &lex->cap, lex->n + 1, sizeof *es);
  if (!es) return NULL;
  lex->entries = es;
  ent_lex_entry *e = calloc(1, sizeof *e);
  if (!e) return NULL;
  e->iri = ent_strndup(iri, strlen(iri));
  e->id = e->iri ? ent_strndup(local_name(iri), strlen(local_name(iri))) : NULL;
  if (!e->id || !ent_strmap_put(lex->by_iri, iri, lex->n) ||
      !ent_strmap_put(lex->by_id, e->id, lex->n)) {
    free(e->iri);
    free(e->id);
    free(e);
    return NULL;
  }
  es[lex->n++] = e;
  return e;
}

static bool add_prop(ent_lex_entry *e, const char *key, const char *value) {
  prop *p = realloc(e->props, (e->nprops + 1) * sizeof *p);
  if (!p) return false;
  e->props = p;
  p[e->nprops].key = ent_strndup(key, strlen(key));
  p[e->nprops].value = ent_strndup(value, strlen(value));
  if (!p[e->nprops].key || !p[e->nprops].value) {
    free(p[e->nprops].key);
    free(p[e->nprops].value);
    return false;
  }
  e->nprops++;
  return true;
}

static void on_triple(void *data, raptor_statement *t) {
  ent_lexicon *lex = data;
  if (lex->failed || t->subject->type != RAPTOR_TERM_TYPE_URI) return;
  const char *s = (const char *)raptor_uri_as_string(t->subject->value.uri);
  const char *p = (const char *)raptor_uri_as_string(t->predicate->value.uri);
  ent_lex_entry *e = entry_for(lex, s);
  if (!e) {
    lex->failed = true;
    return;
  }
  const char *ov = NULL, *lang = NULL;
  if (t->object->type == RAPTOR_TERM_TYPE_URI) {
    ov = local_name((const char *)raptor_uri_as_string(t->object->value.uri));
  } else if (t->object->type == RAPTOR_TERM_TYPE_LITERAL) {
    ov = (const char *)t->object->value.literal.string;
    lang = (const char *)t->object->value.literal.language;
  }
  if (!ov) return;
  bool ok = true;
  if (strcmp(p, RDF_TYPE) == 0) {
    for (size_t i = 0; i < sizeof CLASS_NAMES / sizeof *CLASS_NAMES; i++)
      if (strcmp(ov, CLASS_NAMES[i].name) == 0) e->classes |= CLASS_NAMES[i].cls;
  } else if (strncmp(p, SKOS, strlen(SKOS)) == 0 &&
             (strcmp(p + strlen(SKOS), "prefLabel") == 0 ||
              strcmp(p + strlen(SKOS), "altLabel") == 0 ||
              strcmp(p + strlen(SKOS), "hiddenLabel") == 0)) {
    label *l = realloc(e->labels, (e->nlabels + 1) * sizeof *l);
    ok = l != NULL;
    if (ok) {
      e->labels = l;
      l[e->nlabels].text = ent_strndup(ov, strlen(ov));
      l[e->nlabels].lang = ent_strndup(lang ? lang : "", lang ? strlen(lang) : 0);
      l[e->nlabels].pref = strcmp(p + strlen(SKOS), "prefLabel") == 0;
      ok = l[e->nlabels].text && l[e->nlabels].lang;
      e->nlabels++;
    }
  } else if (strcmp(local_name(p), "demonym") == 0) {
    char **d = realloc(e->demonyms, (e->ndemonyms + 1) * sizeof *d);
    ok = d != NULL;
    if (ok) {
      e->demonyms = d;
      d[e->ndemonyms] = ent_strndup(ov, strlen(ov));
      ok = d[e->ndemonyms++] != NULL;
    }
  } else {
    ok = add_prop(e, local_name(p), ov);
  }
  if (!ok) lex->failed = true;
}

static void on_message(void *data, raptor_log_message *m) {
  (void)data;
  if (m->level < RAPTOR_LOG_LEVEL_ERROR) return;
  fprintf(stderr, "entente: lexicon %s:%d: %s\n",
          m->locator && m->locator->file ? m->locator->file : "?",
          m->locator ? m->locator->line : 0, m->text);
}

/* Fold a phrase and count its words; the key is the folded words joined by
 * single spaces. Caller frees. */
static char *phrase_key(const char *s, size_t *nwords) {
  char *f = ent_fold_new(s, strlen(s));
  if (!f) return NULL;
  size_t o = 0, w = 0;
  bool space = true;
  for (size_t i = 0; f[i]; i++) {
    char c = f[i];
    if (c == ' ' || c == '\t' || c == '\n') {
      space = true;
      continue;
    }
    if (space && o) f[o++] = ' ';
    if (space) w++;
    space = false;
    f[o++] = c;
  }
  f[o] = '\0';
  if (nwords) *nwords = w;
  return f;
}

bool ent_lexicon_stem(const ent_lexicon *lex, const char *word, size_t len, char *out,
                      size_t cap) {
  const sb_symbol *st = sb_stemmer_stem(lex->stemmer, (const sb_symbol *)word, (int)len);
  if (!st) return false;
  size_t n = (size_t)sb_stemmer_length(lex->stemmer);
  if (n + 1 > cap) return false;
  memcpy(out, st, n);
  out[n] = '\0';
  return true;
}

/* Stem every word of a folded key; new string or NULL. */
#define MEMO_MAX 8192 /* words remembered before the memo starts over */

static void strmemo_clear(strmemo *m) {
  for (size_t k = 0; k < m->n; k++) free(m->vals[k]);
  m->n = 0;
  if (m->map) ent_strmap_clear(m->map);
}

static void strmemo_free(strmemo *m) {
  strmemo_clear(m);
  ent_strmap_free(m->map);
  free(m->vals);
}

/* The value remembered for key, or NULL. */
static const char *strmemo_get(const strmemo *m, const char *key) {
  size_t i;
  return m->map && ent_strmap_get(m->map, key, &i) ? m->vals[i] : NULL;
}

/* Remember key -> a copy of val[0..n); the copy, or NULL when out of memory. */
static const char *strmemo_put(strmemo *m, const char *key, const char *val, size_t n) {
  if (m->n >= MEMO_MAX) strmemo_clear(m);
  if (!m->map && !(m->map = ent_strmap_new())) return NULL;
  char **vs = grow(m->vals, &m->cap, m->n + 1, sizeof *vs);
  if (!vs) return NULL;
  m->vals = vs;
  if (!(vs[m->n] = ent_strndup(val, n))) return NULL;
  if (!ent_strmap_put(m->map, key, m->n)) {
    free(vs[m->n]);
    return NULL;
  }
  return vs[m->n++];
}

/* The stem of word[0..len), remembered; NULL when out of memory or too long. */
static const char *memo_stem(const ent_lexicon *clex, const char *word, size_t len) {
  ent_lexicon *lex = (ent_lexicon *)clex; /* the memo only: see the struct */
  char w[128], buf[128];
  if (len >= sizeof w) return NULL;
  memcpy(w, word, len);
  w[len] = '\0';
  const char *st = strmemo_get(&lex->stems_of, w);
  if (st) return st;
  /* Numbers, dates, codes: each new, never inflected; remembering them grew
   * memory with every article of a batch. */
  if (strpbrk(w, "0123456789"))
    return ent_lexicon_stem(lex, w, len, lex->scratch, sizeof lex->scratch) ? lex->scratch : NULL;
  if (!ent_lexicon_stem(lex, w, len, buf, sizeof buf)) return NULL;
  return strmemo_put(&lex->stems_of, w, buf, strlen(buf));
}

const char *ent_lexicon_fold(const ent_lexicon *clex, const char *word, size_t len) {
  ent_lexicon *lex = (ent_lexicon *)clex; /* the memo only: see the struct */
  char w[64];
  bool keep = len < sizeof w;
  if (keep) {
    memcpy(w, word, len);
    w[len] = '\0';
    const char *f = strmemo_get(&lex->folds_of, w);
    if (f) return f;
    keep = !strpbrk(w, "0123456789"); /* figures: each new (see memo_stem) */
  }
  free(lex->fold_fresh);
  if (!(lex->fold_fresh = ent_fold_new(word, len))) return NULL;
  if (!keep) return lex->fold_fresh;
  return strmemo_put(&lex->folds_of, w, lex->fold_fresh, strlen(lex->fold_fresh));
}

/* Stem every word of a folded key; new string or NULL. With `heads`, stop
 * early (NULL, *miss set) when the first word starts no stemmed phrase. */
static char *stem_key_into(const ent_lexicon *lex, const char *key, bool heads, bool *miss,
                           char *out);

static char *stem_key_ex(const ent_lexicon *lex, const char *key, bool heads, bool *miss) {
  char *out = malloc(strlen(key) * 2 + 2);
  if (!out) return NULL;
  if (!stem_key_into(lex, key, heads, miss, out)) {
    free(out);
    return NULL;
  }
  return out;
}

/* stem_key_ex into `out`, of at least strlen(key) * 2 + 2 bytes (a stem is
 * never longer than twice its word); NULL on a head miss. */
static char *stem_key_into(const ent_lexicon *lex, const char *key, bool heads, bool *miss,
                           char *out) {
  size_t o = 0;
  const char *p = key;
  while (*p) {
    const char *q = strchr(p, ' ');
    size_t len = q ? (size_t)(q - p) : strlen(p);
    const char *st = memo_stem(lex, p, len);
    size_t bl = st ? strlen(st) : len;
    memcpy(out + o, st ? st : p, bl);
    o += bl;
    if (heads && p == key) {
      out[o] = '\0';
      if (!ent_strmap_get(lex->stem_heads, out, NULL)) {
        *miss = true;
        return NULL;
      }
    }
    p += len;
    if (*p == ' ') {
      out[o++] = ' ';
      p++;
    }
  }
  out[o] = '\0';
  return out;
}

static char *stem_key(const ent_lexicon *lex, const char *key) {
  return stem_key_ex(lex, key, false, NULL);
}

static bool index_phrase(ent_lexicon *lex, ent_strmap *map, const char *key, size_t entry,
                         ent_lex_sense sense, bool by_stem, const char *form, bool lower) {
  size_t li;
  if (!ent_strmap_get(map, key, &li)) {
    if (lex->nlists >= NO_LIST) return false; /* ent_lex_look holds 32 bits */
    hitlist *ls = grow(lex->lists, &lex->caplists, lex->nlists + 1, sizeof *ls);
    if (!ls) return false;
    lex->lists = ls;
    li = lex->nlists++;
    ls[li].hits = NULL;
    ls[li].forms = NULL;
    ls[li].n = 0;
    ls[li].classes = 0;
    if (!ent_strmap_put(map, key, li)) return false;
  }
  hitlist *l = &lex->lists[li];
  for (size_t i = 0; i < l->n; i++)
    if (l->hits[i].entry == lex->entries[entry] && l->hits[i].sense == sense) return true;
  ent_lex_hit *h = realloc(l->hits, (l->n + 1) * sizeof *h);
  if (!h) return false;
  l->hits = h;
  char **f = realloc(l->forms, (l->n + 1) * sizeof *f);
  if (!f) return false;
  l->forms = f;
  f[l->n] = ent_strndup(form, strlen(form));
  if (!f[l->n]) return false;
  h[l->n].entry = lex->entries[entry];
  h[l->n].sense = sense;
  h[l->n].by_stem = by_stem;
  h[l->n].lower_initial = lower;
  l->n++;
  l->classes |= lex->entries[entry]->classes; /* final: indexing comes after parsing */
  return true;
}

/* heads and stem_heads hold, for the first word of phrases, the most words
 * of those phrases (low HEAD_BITS bits) and the classes of their entries
 * (above). */
#define HEAD_BITS 16
#define HEAD_WORDS (((size_t)1 << HEAD_BITS) - 1)

/* Remember that a phrase of `words` words and of `classes` starts with the
 * first word of key. */
static bool note_head(ent_strmap *heads, const char *key, size_t words, unsigned classes) {
  const char *sp = strchr(key, ' ');
  size_t n = sp ? (size_t)(sp - key) : strlen(key), have = 0;
  char w[128];
  if (n >= sizeof w) return true;
  memcpy(w, key, n);
  w[n] = '\0';
  ent_strmap_get(heads, w, &have);
  if (words > HEAD_WORDS) words = HEAD_WORDS;
  if ((have & HEAD_WORDS) > words) words = have & HEAD_WORDS;
  size_t v = words | ((have >> HEAD_BITS | classes) << HEAD_BITS);
  return v == have || ent_strmap_put(heads, w, v);
}

/* The classes whose phrases' prefixes are kept: the date scanner's. */
#define PREFIXED (ENT_LEX_MONTH | ENT_LEX_WEEKDAY | ENT_LEX_TIME_WORD | ENT_LEX_OTHER)

static bool note_prefixes(ent_lexicon *lex, const char *key, unsigned classes) {
  if (!(classes & PREFIXED)) return true;
  char *p = strdup(key);
  if (!p) return false;
  bool ok = true;
  for (size_t k = 1; ok && key[k]; k++) {
    if (((unsigned char)key[k] & 0xC0) == 0x80) continue;
    p[k] = '\0';
    size_t have = 0;
    ent_strmap_get(lex->prefixes, p, &have);
    size_t v = have | (classes & PREFIXED);
    ok = v == have || ent_strmap_put(lex->prefixes, p, v);
    p[k] = key[k];
  }
  free(p);
  return ok;
}

unsigned ent_lexicon_prefix_classes(const ent_lexicon *lex, const char *prefix) {
  size_t v = 0;
  if (lex && prefix) ent_strmap_get(lex->prefixes, prefix, &v);
  return (unsigned)v | ~(unsigned)PREFIXED | (lex ? lex->stem_classes : ~0u);
}

static bool index_text(ent_lexicon *lex, const char *text, size_t entry, ent_lex_sense sense) {
  size_t w;
  char *key = phrase_key(text, &w);
  if (!key) return false;
  if (w > lex->max_words) lex->max_words = w;
  unsigned cls = lex->entries[entry]->classes;
  if (!note_head(lex->heads, key, w, cls)) {
    free(key);
    return false;
  }
  size_t at = 0;
  int32_t first = ent_utf8_next(text, strlen(text), &at);
  bool lower = first >= 0 && !ent_cp_is_upper(first);
  bool ok = index_phrase(lex, lex->phrases, key, entry, sense, false, key, lower) &&
            note_prefixes(lex, key, cls);
  if (ok && w >= 2 && sense == ENT_SENSE_NAME && (cls & ENT_LEX_PERSON)) {
    /* A surname alone: its class is noted, not its length (no phrase of
     * the surname's words starts there for ent_lexicon_head_words). */
    ok = index_phrase(lex, lex->phrases, strrchr(key, ' ') + 1, entry, ENT_SENSE_SURNAME, false,
                      key, lower) &&
         note_prefixes(lex, strrchr(key, ' ') + 1, cls) &&
         note_head(lex->heads, strrchr(key, ' ') + 1, 0, cls);
  }
  if (ok && (lex->entries[entry]->classes & INFLECTING || sense == ENT_SENSE_DEMONYM)) {
    char *sk = stem_key(lex, key);
    ok = sk && index_phrase(lex, lex->stems, sk, entry, sense, true, key, lower);
    ok = ok && note_head(lex->stem_heads, sk, w, cls);
    lex->stem_classes |= cls;
    free(sk);
  }
  free(key);
  return ok;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static entente_status parse_dir(ent_lexicon *lex, const char *dir) {
  DIR *d = opendir(dir);
  if (!d) {
    fprintf(stderr, "entente: cannot open lexicon folder %s\n", dir);
    return ENTENTE_ERR_LEXICON;
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *de;
  entente_status st = ENTENTE_OK;
  while ((de = readdir(d))) {
    size_t l = strlen(de->d_name);
    if (l < 5 || strcmp(de->d_name + l - 4, ".ttl") != 0) continue;
    char **nn = grow(names, &cap, n + 1, sizeof *nn);
    if (!nn || !(nn[n] = ent_strndup(de->d_name, l))) {
      if (nn) names = nn;
      st = ENTENTE_ERR_NOMEM;
      break;
    }
    names = nn;
    n++;
  }
  closedir(d);
  if (names) qsort(names, n, sizeof *names, cmp_str);
  if (st == ENTENTE_OK && n == 0) {
    fprintf(stderr, "entente: no lexicon file in %s\n", dir);
    st = ENTENTE_ERR_LEXICON;
  }
  raptor_world *rw = st == ENTENTE_OK ? raptor_new_world() : NULL;
  if (st == ENTENTE_OK && !rw) st = ENTENTE_ERR_NOMEM;
  if (rw) raptor_world_set_log_handler(rw, NULL, on_message);
  for (size_t i = 0; i < n && st == ENTENTE_OK; i++) {
    size_t pl = strlen(dir) + strlen(names[i]) + 2;
    char *path = malloc(pl);
    if (!path) {
      st = ENTENTE_ERR_NOMEM;
      break;
    }
    snprintf(path, pl, "%s/%s", dir, names[i]);
    raptor_parser *p = raptor_new_parser(rw, "turtle");
    unsigned char *us = raptor_uri_filename_to_uri_string(path);
    raptor_uri *uri = us ? raptor_new_uri(rw, us) : NULL;
    if (!p || !uri) {
      st = ENTENTE_ERR_NOMEM;
    } else {
      raptor_parser_set_statement_handler(p, lex, on_triple);
      if (raptor_parser_parse_file(p, uri, uri) != 0) {
        fprintf(stderr, "entente: cannot parse lexicon %s\n", path);
        st = ENTENTE_ERR_LEXICON;
      } else if (lex->failed) {
        st = ENTENTE_ERR_NOMEM;
      }
    }
    if (uri) raptor_free_uri(uri);
    if (us) raptor_free_memory(us);
    if (p) raptor_free_parser(p);
    free(path);
  }
  if (rw) raptor_free_world(rw);
  for (size_t i = 0; i < n; i++) free(names[i]);
  free(names);
  return st;
}

entente_status ent_lexicon_new(const char *dir, ent_lexicon **lex_new) {
  *lex_new = NULL;
  ent_lexicon *lex = calloc(1, sizeof *lex);
  if (!lex) return ENTENTE_ERR_NOMEM;
  lex->by_iri = ent_strmap_new();
  lex->by_id = ent_strmap_new();
  lex->phrases = ent_strmap_new();
  lex->stems = ent_strmap_new();
  lex->stemmer = sb_stemmer_new("french", "UTF_8");
  lex->look_memo = ent_strmap_new();
  lex->heads_memo = ent_strmap_new();
  lex->stem_heads = ent_strmap_new();
  lex->heads = ent_strmap_new();
  lex->prefixes = ent_strmap_new();
  if (!lex->heads || !lex->prefixes || !lex->by_iri || !lex->by_id || !lex->phrases ||
      !lex->stems || !lex->stemmer || !lex->stem_heads || !lex->look_memo || !lex->heads_memo) {
    ent_lexicon_free(lex);
    return ENTENTE_ERR_NOMEM;
  }
  entente_status st = parse_dir(lex, dir);
  for (size_t i = 0; st == ENTENTE_OK && i < lex->n; i++) {
    ent_lex_entry *e = lex->entries[i];
    if (!e->classes) e->classes = ENT_LEX_OTHER;
    for (size_t j = 0; st == ENTENTE_OK && j < e->nlabels; j++)
      if (!index_text(lex, e->labels[j].text, i, ENT_SENSE_NAME)) st = ENTENTE_ERR_NOMEM;
    for (size_t j = 0; st == ENTENTE_OK && j < e->ndemonyms; j++)
      if (!index_text(lex, e->demonyms[j], i, ENT_SENSE_DEMONYM)) st = ENTENTE_ERR_NOMEM;
  }
  if (st != ENTENTE_OK) {
    ent_lexicon_free(lex);
    return st;
  }
  *lex_new = lex;
  return ENTENTE_OK;
}

void ent_lexicon_free(ent_lexicon *lex) {
  if (!lex) return;
  for (size_t i = 0; i < lex->n; i++) {
    ent_lex_entry *e = lex->entries[i];
    for (size_t j = 0; j < e->nlabels; j++) {
      free(e->labels[j].text);
      free(e->labels[j].lang);
    }
    for (size_t j = 0; j < e->ndemonyms; j++) free(e->demonyms[j]);
    for (size_t j = 0; j < e->nprops; j++) {
      free(e->props[j].key);
      free(e->props[j].value);
    }
    free(e->labels);
    free(e->demonyms);
    free(e->props);
    free(e->iri);
    free(e->id);
    free(e);
  }
  for (size_t i = 0; i < lex->nlists; i++) {
    for (size_t j = 0; j < lex->lists[i].n; j++) free(lex->lists[i].forms[j]);
    free(lex->lists[i].forms);
    free(lex->lists[i].hits);
  }
  free(lex->lists);
  free(lex->entries);
  ent_strmap_free(lex->by_iri);
  ent_strmap_free(lex->by_id);
  ent_strmap_free(lex->phrases);
  ent_strmap_free(lex->stems);
  strmemo_free(&lex->stems_of);
  strmemo_free(&lex->folds_of);
  free(lex->fold_fresh);
  ent_strmap_free(lex->look_memo);
  ent_strmap_free(lex->heads_memo);
  free(lex->look_at);
  ent_strmap_free(lex->stem_heads);
  ent_strmap_free(lex->heads);
  ent_strmap_free(lex->prefixes);
  for (size_t i = 0; i < lex->nlisted; i++) free(lex->listed[i].v);
  if (lex->stemmer) sb_stemmer_delete(lex->stemmer);
  free(lex);
}

/* A stem hit keeps the phrase's beginning and is not much longer. */
static bool close_form(const char *key, const char *form) {
  size_t kl = strlen(key), fl = strlen(form);
  size_t head = fl > 3 ? fl - 2 : fl;
  return kl <= fl + 3 && strncmp(key, form, head < kl ? head : kl) == 0;
}


/* Where `key` is in the phrase and stem indices (NO_LIST when not), the
 * stem tried only when the key is not a phrase. */
static ent_lex_look look_up(const ent_lexicon *lex, const char *key) {
  ent_lex_look r = {NO_LIST, NO_LIST};
  size_t li;
  if (ent_strmap_get(lex->phrases, key, &li)) r.phrase = (uint32_t)li;
  bool miss = false;
  /* On the stack: this runs for most new keys. */
  char buf[512];
  size_t kl = strlen(key);
  char *heap = kl * 2 + 2 > sizeof buf ? malloc(kl * 2 + 2) : NULL;
  char *sk = heap || kl * 2 + 2 <= sizeof buf
                 ? stem_key_into(lex, key, true, &miss, heap ? heap : buf) /* NULL on a miss */
                 : NULL;
  if (sk && ent_strmap_get(lex->stems, sk, &li)) r.stem = (uint32_t)li;
  free(heap);
  return r;
}

/* look_up, remembered (at most MEMO_MAX keys, then it starts over). */
ent_lex_look ent_lexicon_look(const ent_lexicon *clex, const char *key) {
  ent_lexicon *lex = (ent_lexicon *)clex; /* the memo only: see the struct */
  size_t i;
  if (ent_strmap_get(lex->look_memo, key, &i)) return lex->look_at[i];
  ent_lex_look r = look_up(lex, key);
  if (lex->nlook >= MEMO_MAX) {
    ent_strmap_clear(lex->look_memo);
    lex->nlook = 0;
  }
  ent_lex_look *at = grow(lex->look_at, &lex->caplook, lex->nlook + 1, sizeof *at);
  if (!at) return r;
  lex->look_at = at;
  if (ent_strmap_put(lex->look_memo, key, lex->nlook)) at[lex->nlook++] = r;
  return r;
}

size_t ent_lexicon_look_hits(const ent_lexicon *lex, ent_lex_look lk, const char *key,
                             unsigned classes, ent_lex_hit *hits, size_t max) {
  size_t n = 0;
  if (lk.phrase != NO_LIST && (lex->lists[lk.phrase].classes & classes)) {
    const hitlist *l = &lex->lists[lk.phrase];
    for (size_t i = 0; i < l->n; i++)
      if (ent_lex_classes(l->hits[i].entry) & classes) {
        if (n < max) hits[n] = l->hits[i];
        n++;
      }
  }
  if (n == 0 && lk.stem != NO_LIST && (lex->lists[lk.stem].classes & classes)) {
    const hitlist *l = &lex->lists[lk.stem];
    for (size_t i = 0; i < l->n; i++)
      if ((ent_lex_classes(l->hits[i].entry) & classes) && close_form(key, l->forms[i])) {
        if (n < max) hits[n] = l->hits[i];
        n++;
      }
  }
  return n;
}

unsigned ent_lexicon_list_classes(const ent_lexicon *lex, uint32_t list) {
  return list < lex->nlists ? lex->lists[list].classes : 0;
}

size_t ent_lexicon_lookup(const ent_lexicon *lex, const char *key, unsigned classes,
                          ent_lex_hit *hits, size_t max) {
  return ent_lexicon_look_hits(lex, ent_lexicon_look(lex, key), key, classes, hits, max);
}

const ent_lex_entry *ent_lexicon_find(const ent_lexicon *lex, const char *key,
                                      unsigned classes) {
  ent_lex_hit h;
  return ent_lexicon_lookup(lex, key, classes, &h, 1) ? h.entry : NULL;
}

const ent_lex_entry *ent_lexicon_get(const ent_lexicon *lex, const char *id) {
  size_t i;
  return ent_strmap_get(lex->by_id, id, &i) ? lex->entries[i] : NULL;
}

static int cmp_order(const void *x, const void *y) {
  const ent_lex_entry *a = *(const ent_lex_entry *const *)x, *b = *(const ent_lex_entry *const *)y;
  const char *oa = ent_lex_prop(a, "order"), *ob = ent_lex_prop(b, "order");
  long na = oa ? strtol(oa, NULL, 10) : 0, nb = ob ? strtol(ob, NULL, 10) : 0;
  if (na != nb) return na < nb ? -1 : 1;
  return strcmp(a->id, b->id);
}

/* The entries of `classes` in the lexicon's order into out (up to max);
 * how many there are. */
static size_t entries_of(const ent_lexicon *lex, unsigned classes, const ent_lex_entry **out,
                         size_t max) {
  size_t n = 0;
  for (size_t i = 0; i < lex->n; i++)
    if (lex->entries[i]->classes & classes) {
      if (n < max) out[n] = lex->entries[i];
      n++;
    }
  return n;
}

size_t ent_lexicon_entries(const ent_lexicon *clex, unsigned classes, const ent_lex_entry **out,
                           size_t max) {
  ent_lexicon *lex = (ent_lexicon *)clex; /* the memo only: see the struct */
  size_t k = 0;
  while (k < lex->nlisted && lex->listed[k].classes != classes) k++;
  if (k == lex->nlisted && k < sizeof lex->listed / sizeof *lex->listed) {
    size_t n = entries_of(lex, classes, NULL, 0);
    const ent_lex_entry **v = malloc((n + 1) * sizeof *v);
    if (v) {
      entries_of(lex, classes, v, n);
      qsort(v, n, sizeof *v, cmp_order); /* a total order: ids are unique */
    }
    lex->listed[k].classes = classes;
    lex->listed[k].v = v;
    lex->listed[k].n = n;
    lex->nlisted++;
  }
  if (k < lex->nlisted && lex->listed[k].v && lex->listed[k].n <= max) {
    memcpy(out, lex->listed[k].v, lex->listed[k].n * sizeof *out);
    return lex->listed[k].n;
  }
  /* More than max (the first max in the lexicon's order, sorted), or no memo. */
  size_t n = entries_of(lex, classes, out, max);
  qsort(out, n < max ? n : max, sizeof *out, cmp_order);
  return n;
}

size_t ent_lexicon_max_words(const ent_lexicon *lex) { return lex->max_words; }

/* What heads and stem_heads say of word (HEAD_BITS layout), remembered. */
static size_t head_info(const ent_lexicon *clex, const char *word) {
  ent_lexicon *lex = (ent_lexicon *)clex; /* the memo only: see the struct */
  size_t a = 0, b = 0;
  if (ent_strmap_get(lex->heads_memo, word, &a)) return a;
  ent_strmap_get(lex->heads, word, &a);
  const char *st = memo_stem(lex, word, strlen(word));
  if (st) ent_strmap_get(lex->stem_heads, st, &b);
  size_t words = (a & HEAD_WORDS) > (b & HEAD_WORDS) ? a & HEAD_WORDS : b & HEAD_WORDS;
  a = words | (((a | b) >> HEAD_BITS) << HEAD_BITS);
  if (ent_strmap_count(lex->heads_memo) >= MEMO_MAX) ent_strmap_clear(lex->heads_memo);
  (void)ent_strmap_put(lex->heads_memo, word, a); /* out of memory: not remembered */
  return a;
}

size_t ent_lexicon_head_words(const ent_lexicon *lex, const char *word) {
  return head_info(lex, word) & HEAD_WORDS;
}

void ent_lexicon_head(const ent_lexicon *lex, const char *word, size_t *words,
                      unsigned *classes) {
  size_t h = head_info(lex, word);
  *words = h & HEAD_WORDS;
  *classes = (unsigned)(h >> HEAD_BITS);
}

const char *ent_lex_id(const ent_lex_entry *e) { return e->id; }
const char *ent_lex_iri(const ent_lex_entry *e) { return e->iri; }
unsigned ent_lex_classes(const ent_lex_entry *e) { return e->classes; }

const char *ent_lex_label(const ent_lex_entry *e, const char *lang) {
  const char *any = NULL;
  for (size_t i = 0; i < e->nlabels; i++) {
    if (!e->labels[i].pref) continue;
    if (lang && strcmp(e->labels[i].lang, lang) == 0) return e->labels[i].text;
    if (!any) any = e->labels[i].text;
  }
  if (!any && e->nlabels) any = e->labels[0].text;
  return any ? any : e->id;
}

const char *ent_lex_prop_nth(const ent_lex_entry *e, const char *key, size_t n) {
  for (size_t i = 0; i < e->nprops; i++)
    if (ent_streq(e->props[i].key, key) && n-- == 0) return e->props[i].value;
  return NULL;
}

const char *ent_lex_prop(const ent_lex_entry *e, const char *key) {
  return ent_lex_prop_nth(e, key, 0);
}

/* coref: see coref.h. */
#include "coref.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "text.h"

/* The folded words of a mention, joined by spaces, honorifics left out. */
static char *mention_name(const ent_doc *doc, const ent_mention *m, bool folded) {
  size_t a = m->tok_first, b = m->tok_end;
  size_t start = doc->toks.v[a].start, end = doc->toks.v[b - 1].end;
  char *raw = ent_doc_span_new(doc, start, end);
  if (!raw || !folded) return raw;
  char *f = ent_fold_new(raw, strlen(raw));
  free(raw);
  return f;
}

static const char *last_word(const char *s) {
  const char *p = strrchr(s, ' ');
  return p ? p + 1 : s;
}

static bool first_word_is(const char *s, const char *w) {
  size_t n = strlen(w);
  return strncmp(s, w, n) == 0 && (s[n] == ' ' || s[n] == '\0');
}

static int person_entity(ent_doc *doc, const char *name, const ent_lex_entry *known) {
  const char *label = known ? ent_lex_label(known, "fr") : name;
  /* The IRI key folds transliterations: Choïgou and Shoigu are one person. */
  char *slug = ent_name_key_new(doc->lex, label);
  if (!slug) return -1;
  int e = ent_doc_entity(doc, ENT_E_PERSON, label, slug, known);
  free(slug);
  return e;
}

/* A known person whose last name is `w`, when exactly one is. */
static const ent_lex_entry *known_by_surname(const ent_doc *doc, const char *w) {
  ent_lex_hit hits[4];
  size_t n = ent_lexicon_lookup(doc->lex, w, ENT_LEX_PERSON, hits, 4);
  const ent_lex_entry *one = NULL;
  for (size_t i = 0; i < n && i < 4; i++) {
    if (hits[i].sense != ENT_SENSE_SURNAME) continue;
    if (one && one != hits[i].entry) return NULL;
    one = hits[i].entry;
  }
  return one;
}

/* What coreference has linked so far, indexed so that a mention costs the
 * same however many came before it: going over every entity and every
 * earlier mention for each mention made long articles quadratic. Every hit
 * is checked against the entities as the old scans checked them; the rare
 * stale one (an entity merged since) falls back to the old scan. */
typedef struct {
  ent_strmap *full; /* folded person name -> lowest entity with that name */
  ent_strmap *bare; /* folded one-word name, no lexicon entry -> its entity */
  ent_strmap *word; /* first / last folded word of a person's name -> latest mention,
                       SIZE_MAX when none */
} links;

static bool get(const ent_strmap *m, const char *key, size_t *v) {
  return ent_strmap_get(m, key, v);
}

/* Entity k's folded name when k is a person not merged away, else NULL
 * (also when out of memory: *oom says which). Caller frees. */
static char *live_person_fold(const ent_doc *doc, size_t k, bool *oom) {
  if (k >= doc->entities.n) return NULL;
  const ent_entity *x = &doc->entities.v[k];
  if (x->kind != ENT_E_PERSON || x->merged_into >= 0) return NULL;
  char *xf = ent_fold_new(x->name, strlen(x->name));
  if (!xf) *oom = true;
  return xf;
}

/* Is entity k a person known by one word, folded `w`, with no lexicon entry
 * and not merged away (a bare surname that a full name may complete)? */
static bool bare_ok(const ent_doc *doc, size_t k, const char *w, bool *oom) {
  char *xf = live_person_fold(doc, k, oom);
  bool ok = xf && !doc->entities.v[k].entry && !strchr(xf, ' ') && strcmp(xf, w) == 0;
  free(xf);
  return ok;
}

/* Mention mi now names entity e: index e's name and the mention. */
static bool note_link(ent_doc *doc, links *l, size_t mi, int e) {
  const ent_entity *x = &doc->entities.v[e];
  char *xf = ent_fold_new(x->name, strlen(x->name));
  if (!xf) return false;
  bool ok = true, oom = false;
  size_t k;
  /* Lowest entity first, as the scan found it; a merged one is no rival. */
  if (get(l->full, xf, &k) && k < (size_t)e) {
    char *kf = live_person_fold(doc, k, &oom);
    if (!kf || strcmp(kf, xf) != 0) ok = ent_strmap_put(l->full, xf, (size_t)e);
    free(kf);
  } else if (!get(l->full, xf, &k) || k > (size_t)e) {
    ok = ent_strmap_put(l->full, xf, (size_t)e);
  }
  if (ok && !x->entry && x->merged_into < 0 && !strchr(xf, ' ') &&
      (!get(l->bare, xf, &k) || k > (size_t)e || !bare_ok(doc, k, xf, &oom)))
    ok = ent_strmap_put(l->bare, xf, (size_t)e);
  if (ok) ok = ent_strmap_put(l->word, last_word(xf), mi);
  const char *sp = strchr(xf, ' ');
  if (ok && sp) {
    xf[sp - xf] = '\0';
    ok = ent_strmap_put(l->word, xf, mi);
  }
  free(xf);
  return ok && !oom;
}

static entente_status link_person(ent_doc *doc, links *l, size_t mi) {
  ent_mention *m = &doc->mentions.v[mi];
  char *raw = mention_name(doc, m, false), *f = mention_name(doc, m, true);
  entente_status st = ENTENTE_ERR_NOMEM;
  bool oom = false;
  size_t k;
  if (!raw || !f) goto out;
  int e = -1;
  if (m->entry) {
    e = person_entity(doc, raw, m->entry);
    /* An earlier bare surname ("Macron" in a headline) was this person. */
    if (e >= 0 && get(l->bare, last_word(f), &k) && k < (size_t)e &&
        !strchr(doc->entities.v[k].name, ' ') && bare_ok(doc, k, last_word(f), &oom)) {
      for (size_t j = 0; j < mi; j++)
        if (doc->mentions.v[j].entity == (int)k) doc->mentions.v[j].entity = e;
      doc->entities.v[k].merged_into = e; /* no mention points to it any more */
    }
    if (oom) goto out;
  } else if (strchr(f, ' ')) {
    /* Full name: the same name, or an earlier bare surname it ends with,
     * whichever entity comes first. */
    size_t same = SIZE_MAX, ends = SIZE_MAX;
    bool stale = false;
    if (get(l->full, f, &k)) {
      char *xf = live_person_fold(doc, k, &oom);
      if (xf && strcmp(xf, f) == 0) same = k;
      else stale = true;
      free(xf);
    }
    if (get(l->bare, last_word(f), &k) && bare_ok(doc, k, last_word(f), &oom)) ends = k;
    if (oom) goto out;
    if (stale && same == SIZE_MAX) /* the same name's first entity was merged away */
      for (size_t j = 0; j < doc->entities.n && j < ends; j++) {
        char *xf = live_person_fold(doc, j, &oom);
        bool hit = xf && strcmp(xf, f) == 0;
        free(xf);
        if (oom) goto out;
        if (hit) {
          same = j;
          break;
        }
      }
    if (same < ends) {
      e = (int)same;
    } else if (ends != SIZE_MAX) {
      ent_entity *x = &doc->entities.v[ends];
      char *slug = ent_slug_new(raw, strlen(raw));
      char *name = ent_strndup(raw, strlen(raw));
      bool ok = slug && name && ent_doc_entity_rekey(doc, (int)ends, slug);
      free(slug);
      if (!ok) {
        free(name);
        goto out;
      }
      free(x->name);
      x->name = name;
      e = (int)ends;
    }
    if (e < 0) e = person_entity(doc, raw, NULL);
  } else {
    /* Bare surname: the latest person whose name holds it. */
    if (get(l->word, f, &k) && k != SIZE_MAX) {
      const ent_mention *p = &doc->mentions.v[k];
      char *xf = p->kind == ENT_M_PERSON && p->entity >= 0
                     ? live_person_fold(doc, (size_t)p->entity, &oom) : NULL;
      if (xf && (strcmp(last_word(xf), f) == 0 || first_word_is(xf, f))) {
        e = p->entity;
      } else if (!oom) { /* a merge since: the old scan, once */
        for (size_t j = mi; j-- > 0 && e < 0;) {
          const ent_mention *q = &doc->mentions.v[j];
          if (q->kind != ENT_M_PERSON || q->entity < 0) continue;
          const ent_entity *x = &doc->entities.v[q->entity];
          char *yf = ent_fold_new(x->name, strlen(x->name));
          if (!yf) {
            oom = true;
            break;
          }
          if (strcmp(last_word(yf), f) == 0 || first_word_is(yf, f)) e = q->entity;
          if (e >= 0) k = j;
          free(yf);
        }
        if (!oom && !ent_strmap_put(l->word, f, e >= 0 ? k : SIZE_MAX)) oom = true;
      }
      free(xf);
      if (oom) goto out;
    }
    if (e < 0) e = person_entity(doc, raw, known_by_surname(doc, f));
  }
  if (e < 0) goto out;
  m->entity = e;
  if (doc->entities.v[e].first_tok < 0) doc->entities.v[e].first_tok = (int)m->tok_first;
  if (!note_link(doc, l, mi, e)) goto out;
  st = ENTENTE_OK;
out:
  free(raw);
  free(f);
  return st;
}

entente_status ent_coref(ent_doc *doc) {
  links l = {ent_strmap_new(), ent_strmap_new(), ent_strmap_new()};
  entente_status st = l.full && l.bare && l.word ? ENTENTE_OK : ENTENTE_ERR_NOMEM;
  for (size_t i = 0; i < doc->mentions.n && st == ENTENTE_OK; i++) {
    ent_mention *m = &doc->mentions.v[i];
    if (m->kind == ENT_M_PERSON) {
      st = link_person(doc, &l, i);
    } else if ((m->kind == ENT_M_COUNTRY || m->kind == ENT_M_PLACE || m->kind == ENT_M_ORG) &&
               m->entry) {
      int e = ent_doc_lex_entity(doc, m->entry, false);
      if (e < 0) {
        st = ENTENTE_ERR_NOMEM;
        break;
      }
      m->entity = e;
      if (doc->entities.v[e].first_tok < 0) doc->entities.v[e].first_tok = (int)m->tok_first;
    }
  }
  ent_strmap_free(l.full);
  ent_strmap_free(l.bare);
  ent_strmap_free(l.word);
  return st;
}

int ent_coref_recent_person(const ent_doc *doc, size_t tok) {
  if (tok >= doc->toks.n) return -1;
  int sent = doc->toks.v[tok].sent;
  for (size_t k = doc->mentions.n; k-- > 0;) {
    const ent_mention *m = &doc->mentions.v[k];
    if (m->tok_first >= tok || m->kind != ENT_M_PERSON || m->entity < 0) continue;
    if (doc->toks.v[m->tok_first].sent == sent) return m->entity;
    /* First person of the closest earlier sentence that has one. */
    int s = doc->toks.v[m->tok_first].sent;
    int first = m->entity;
    for (size_t j = k; j-- > 0;) {
      const ent_mention *p = &doc->mentions.v[j];
      if (doc->toks.v[p->tok_first].sent != s) break;
      if (p->kind == ENT_M_PERSON && p->entity >= 0) first = p->entity;
    }
    return first;
  }
  return -1;
}

/* coref: see coref.h. */
#include "coref.h"

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

static entente_status link_person(ent_doc *doc, size_t mi) {
  ent_mention *m = &doc->mentions.v[mi];
  char *raw = mention_name(doc, m, false), *f = mention_name(doc, m, true);
  entente_status st = ENTENTE_ERR_NOMEM;
  if (!raw || !f) goto out;
  int e = -1;
  if (m->entry) {
    e = person_entity(doc, raw, m->entry);
    /* An earlier bare surname ("Macron" in a headline) was this person. */
    for (size_t k = 0; e >= 0 && k < (size_t)e; k++) {
      ent_entity *x = &doc->entities.v[k];
      if (x->kind != ENT_E_PERSON || x->entry || x->merged_into >= 0 || strchr(x->name, ' '))
        continue;
      char *xf = ent_fold_new(x->name, strlen(x->name));
      if (!xf) goto out;
      bool same = strcmp(xf, last_word(f)) == 0;
      free(xf);
      if (same) {
        for (size_t j = 0; j < mi; j++)
          if (doc->mentions.v[j].entity == (int)k) doc->mentions.v[j].entity = e;
        x->merged_into = e; /* no mention points to it any more */
      }
    }
  } else if (strchr(f, ' ')) {
    /* Full name: the same name, or an earlier bare surname it ends with. */
    for (size_t k = 0; k < doc->entities.n && e < 0; k++) {
      ent_entity *x = &doc->entities.v[k];
      if (x->kind != ENT_E_PERSON || x->merged_into >= 0) continue;
      char *xf = ent_fold_new(x->name, strlen(x->name));
      if (!xf) goto out;
      if (strcmp(xf, f) == 0) e = (int)k;
      else if (!strchr(xf, ' ') && !x->entry && strcmp(xf, last_word(f)) == 0) {
        char *slug = ent_slug_new(raw, strlen(raw));
        if (!slug) {
          free(xf);
          goto out;
        }
        free(x->name);
        free(x->key);
        x->name = ent_strndup(raw, strlen(raw));
        x->key = slug;
        if (!x->name) {
          free(xf);
          goto out;
        }
        e = (int)k;
      }
      free(xf);
    }
    if (e < 0) e = person_entity(doc, raw, NULL);
  } else {
    /* Bare surname: the latest person whose name holds it. */
    for (size_t k = mi; k-- > 0 && e < 0;) {
      const ent_mention *p = &doc->mentions.v[k];
      if (p->kind != ENT_M_PERSON || p->entity < 0) continue;
      const ent_entity *x = &doc->entities.v[p->entity];
      char *xf = ent_fold_new(x->name, strlen(x->name));
      if (!xf) goto out;
      if (strcmp(last_word(xf), f) == 0 || first_word_is(xf, f)) e = p->entity;
      free(xf);
    }
    if (e < 0) e = person_entity(doc, raw, known_by_surname(doc, f));
  }
  if (e < 0) goto out;
  m->entity = e;
  if (doc->entities.v[e].first_tok < 0) doc->entities.v[e].first_tok = (int)m->tok_first;
  st = ENTENTE_OK;
out:
  free(raw);
  free(f);
  return st;
}

entente_status ent_coref(ent_doc *doc) {
  for (size_t i = 0; i < doc->mentions.n; i++) {
    ent_mention *m = &doc->mentions.v[i];
    if (m->kind == ENT_M_PERSON) {
      entente_status st = link_person(doc, i);
      if (st != ENTENTE_OK) return st;
    } else if ((m->kind == ENT_M_COUNTRY || m->kind == ENT_M_PLACE || m->kind == ENT_M_ORG) &&
               m->entry) {
      int e = ent_doc_lex_entity(doc, m->entry, false);
      if (e < 0) return ENTENTE_ERR_NOMEM;
      m->entity = e;
      if (doc->entities.v[e].first_tok < 0) doc->entities.v[e].first_tok = (int)m->tok_first;
    }
  }
  return ENTENTE_OK;
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

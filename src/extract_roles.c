/* extract_roles: positions persons hold, from title phrases next to names.
 *   le ministre russe de la défense, Sergei Shoigu   (title before)
 *   le président chinois Xi Jinping                  (title before, no comma)
 *   Olaf Scholz, chancelier allemand                 (title after)
 *   Nancy Pelosi, alors présidente de la Chambre …   (former)
 *   son homologue chinois, Dong Jun                  (the other's title, this country)
 *   Le secrétaire général de l'Alliance, qui …       (definite description of
 *                                                     the person just named) */
#include <stdlib.h>
#include <string.h>

#include "coref.h"
#include "extractor.h"
#include "text.h"
#include "titles.h"

static bool same_role(const ent_role *r, int person, const char *title, int of) {
  if (r->person != person || r->of != of) return false;
  if (strcmp(r->title, title) == 0) return true; /* the same folds, unfolded */
  char *a = ent_fold_new(r->title, strlen(r->title)), *b = ent_fold_new(title, strlen(title));
  bool same = a && b && strcmp(a, b) == 0;
  free(a);
  free(b);
  return same;
}

static entente_status add_role(ent_doc *doc, int person, char *title,
                               const ent_lex_entry *entry, int of, bool former, int sent) {
  if (!title) return ENTENTE_ERR_NOMEM;
  for (size_t i = 0; i < doc->roles.n; i++)
    if (same_role(&doc->roles.v[i], person, title, of)) {
      free(title);
      return ENTENTE_OK;
    }
  ent_role *r = ent_vec_push(&doc->roles);
  if (!r) {
    free(title);
    return ENTENTE_ERR_NOMEM;
  }
  r->person = person;
  r->title = title;
  r->title_entry = entry;
  r->of = of;
  r->former = former;
  r->sent = sent;
  return ENTENTE_OK;
}

static bool person_has_role(const ent_doc *doc, int person) {
  for (size_t i = 0; i < doc->roles.n; i++)
    if (doc->roles.v[i].person == person) return true;
  return false;
}

/* The latest role of another person in this or the previous sentence:
 * what "son homologue" copies. */
static const ent_role *counterpart(const ent_doc *doc, int person, int sent) {
  for (size_t i = doc->roles.n; i-- > 0;) {
    const ent_role *r = &doc->roles.v[i];
    if (r->person != person && r->sent >= sent - 1 && !r->former) return r;
  }
  return NULL;
}

static entente_status from_phrase(ent_doc *doc, const ent_title_phrase *p, int person) {
  int sent = doc->toks.v[p->head].sent;
  int of = ent_title_of(doc, p);
  /* dirigeant, élu name no office by themselves; "l'élue de Géorgie" does. */
  if (p->generic && of < 0) return ENTENTE_OK;
  if (p->relational) {
    const ent_role *r = counterpart(doc, person, sent);
    /* Only a counterpart (homologue) shares the other's title; an épouse
     * does not. */
    const char *cp = ent_lex_prop(p->title, "counterpart");
    if (!r || !p->country || !cp || strcmp(cp, "true") != 0) return ENTENTE_OK;
    of = ent_doc_lex_entity(doc, p->country, false);
    if (of < 0) return ENTENTE_ERR_NOMEM;
    return add_role(doc, person, ent_strndup(r->title, strlen(r->title)), r->title_entry, of,
                    false, sent);
  }
  return add_role(doc, person, ent_title_label_new(doc, p), p->title, of, p->former, sent);
}

/* The person mention right after the phrase: ", X", " X", ", le républicain X". */
static int person_after(const ent_doc *doc, size_t end, size_t sent_end) {
  size_t i = end;
  if (i < sent_end && ent_tok_is(doc, i, ",")) i++;
  if (i + 1 < sent_end && (ent_tok_is(doc, i, "le") || ent_tok_is(doc, i, "la")) &&
      !doc->toks.v[i + 1].cap && doc->toks.v[i + 1].mention < 0) {
    size_t k = i + 2;
    if (k < sent_end && ent_tok_is(doc, k, ",")) k++;
    const ent_mention *m = ent_tok_mention(doc, k);
    if (m && m->kind == ENT_M_PERSON && m->tok_first == k) return m->entity;
  }
  const ent_mention *m = ent_tok_mention(doc, i);
  if (m && m->kind == ENT_M_PERSON && m->tok_first == i) return m->entity;
  return -1;
}

/* The person right before the phrase: "X, chancelier allemand". */
static int person_before(const ent_doc *doc, size_t first, size_t sent_first) {
  if (first < sent_first + 2 || !ent_tok_is(doc, first - 1, ",")) return -1;
  const ent_mention *m = ent_tok_mention(doc, first - 2);
  if (m && m->kind == ENT_M_PERSON) return m->entity;
  return -1;
}

/* A definite description standing alone ("Le secrétaire général de
 * l'Alliance, qui …") names the person just mentioned — when nobody in the
 * text already holds that position and that person has none yet. */
static int described_person(ent_doc *doc, const ent_title_phrase *p) {
  if (!p->definite || p->relational || p->generic) return -1;
  /* Only as the subject that opens a sentence and is set off by a comma or
   * a relative ("Le secrétaire général de l'Alliance, qui …"): elsewhere a
   * title without a name names someone else as often as the last person. */
  const ent_sentence *se = &doc->sents.v[doc->toks.v[p->head].sent];
  size_t det = p->first - 1; /* definite: a determiner stands before */
  bool opens = det == se->tok_first ||
               (det > se->tok_first && (ent_tok_is(doc, det - 1, ":") || ent_tok_is(doc, det - 1, ";")));
  if (!opens || p->end >= se->tok_end ||
      !(ent_tok_is(doc, p->end, ",") || ent_tok_is(doc, p->end, "qui")))
    return -1;
  int person = ent_coref_recent_person(doc, p->first);
  if (person < 0 || person_has_role(doc, person)) return -1;
  char *label = ent_title_label_new(doc, p);
  if (!label) return -1;
  int of = ent_title_of(doc, p);
  for (size_t i = 0; i < doc->roles.n; i++)
    if (same_role(&doc->roles.v[i], doc->roles.v[i].person, label, of)) person = -1;
  free(label);
  return person;
}

/* "le président Zelensky" after "le président ukrainien, Volodymyr
 * Zelensky": the same position said less precisely. Keep the precise one. */
static void drop_vaguer(ent_doc *doc) {
  size_t o = 0;
  for (size_t i = 0; i < doc->roles.n; i++) {
    ent_role *r = &doc->roles.v[i];
    bool vaguer = false;
    for (size_t j = 0; r->of < 0 && j < doc->roles.n && !vaguer; j++) {
      const ent_role *q = &doc->roles.v[j];
      vaguer = j != i && q->of >= 0 && q->person == r->person && same_role(q, r->person, r->title, q->of);
    }
    if (vaguer) free(r->title);
    else doc->roles.v[o++] = *r;
  }
  doc->roles.n = o;
}

static entente_status run(ent_doc *doc) {
  for (size_t s = 0; s < doc->sents.n; s++) {
    const ent_sentence *se = &doc->sents.v[s];
    for (size_t i = se->tok_first; i < se->tok_end; i++) {
      ent_title_phrase p;
      if (!ent_title_phrase_at(doc, i, &p)) continue;
      int person = person_after(doc, p.end, se->tok_end);
      if (person < 0) person = person_before(doc, p.first, se->tok_first);
      if (person < 0) person = described_person(doc, &p);
      if (person >= 0) {
        entente_status st = from_phrase(doc, &p, person);
        if (st != ENTENTE_OK) return st;
      }
      i = p.end > i ? p.end - 1 : i;
    }
  }
  drop_vaguer(doc);
  return ENTENTE_OK;
}

const ent_extractor ent_extract_roles = {"roles", run};

/* titles: see titles.h. */
#include "titles.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

static bool is_word(const ent_doc *doc, size_t i, const char *const *set) {
  for (; *set; set++)
    if (ent_tok_is(doc, i, *set)) return true;
  return false;
}

static const char *const PREPS[] = {"de", "d'", "du", "des", "au", "aux", "pour", NULL};
static const char *const ARTICLES[] = {"la", "le", "l'", "les", NULL};
static const char *const FORMER[] = {"ancien", "ancienne", "alors", "ex", "ex-", "former", NULL};
static const char *const DEFINITE[] = {"le", "la", "l'", "son", "sa", "leur", "les", "ses",
                                       NULL};

static bool prop_true(const ent_lex_entry *e, const char *key) {
  const char *v = e ? ent_lex_prop(e, key) : NULL;
  return v && strcmp(v, "true") == 0;
}

/* A lower-case content word that can sit in a complement (défense, publique). */
static bool content_word(const ent_doc *doc, size_t i) {
  const ent_token *t = &doc->toks.v[i];
  if (t->kind != ENT_TOK_WORD || t->cap || t->elided) return false;
  /* A common noun may look like a title or group by its stem ("diplomatie"
   * shares one with "diplomate"): inside a complement it is a word. */
  const ent_mention *m = ent_tok_mention(doc, i);
  if (m) return m->kind == ENT_M_TITLE || m->kind == ENT_M_GROUP;
  return !ent_tok_find(doc, i,
                       ENT_LEX_STOPWORD | ENT_LEX_SAYING_VERB | ENT_LEX_EVENT_VERB |
                           ENT_LEX_TIME_WORD | ENT_LEX_WEEKDAY | ENT_LEX_MONTH);
}

/* A capitalised noun after "de" that the lexicon does not know: an
 * institution French writes with a capital ("président du Conseil", "chef
 * du Parti démocrate"). Never a person's name (those are mentions). */
static bool institution_word(const ent_doc *doc, size_t i) {
  const ent_token *t = &doc->toks.v[i];
  if (t->kind != ENT_TOK_WORD || !t->cap || t->elided || ent_tok_mention(doc, i)) return false;
  return !ent_tok_find(doc, i,
                       ENT_LEX_STOPWORD | ENT_LEX_MONTH | ENT_LEX_WEEKDAY | ENT_LEX_TIME_WORD |
                           ENT_LEX_GIVEN_NAME);
}

bool ent_title_phrase_at(const ent_doc *doc, size_t head, ent_title_phrase *out) {
  const ent_mention *m = ent_tok_mention(doc, head);
  if (!m || m->kind != ENT_M_TITLE || m->tok_first != head) return false;
  memset(out, 0, sizeof *out);
  out->head = head;
  out->first = head;
  out->title = m->entry;
  out->org_mention = -1;
  out->relational = prop_true(m->entry, "relational");
  out->generic = prop_true(m->entry, "generic");
  size_t sent_first = doc->sents.v[doc->toks.v[head].sent].tok_first;
  size_t sent_end = doc->sents.v[doc->toks.v[head].sent].tok_end;
  /* Modifiers before the title: l'ancien, alors, son. */
  size_t i = head;
  while (i > sent_first && i + 3 > head) {
    if (is_word(doc, i - 1, FORMER)) {
      out->former = true;
      i--;
    } else if (doc->toks.v[i - 1].kind == ENT_TOK_WORD && !doc->toks.v[i - 1].cap &&
               ent_tok_is(doc, i - 1, "premier") == false && i == head &&
               (ent_tok_is(doc, i - 1, "nouveau") || ent_tok_is(doc, i - 1, "nouvelle") ||
                ent_tok_is(doc, i - 1, "actuel") || ent_tok_is(doc, i - 1, "actuelle"))) {
      i--;
    } else {
      break;
    }
  }
  if (i > sent_first && is_word(doc, i - 1, DEFINITE)) {
    out->definite = true;
  }
  out->first = i;
  /* The complement: demonyms, de + (article) + noun/adjectives or a name. */
  size_t j = m->tok_end, last = m->tok_end;
  bool in_compl = false;
  while (j < sent_end && j < m->tok_end + 10) {
    const ent_mention *x = ent_tok_mention(doc, j);
    if (x && x->kind == ENT_M_COUNTRY && x->sense == ENT_SENSE_DEMONYM) {
      if (!out->country) out->country = x->entry;
      j = last = x->tok_end;
      continue;
    }
    if (is_word(doc, j, PREPS)) {
      size_t k = j + 1;
      if (k < sent_end && is_word(doc, k, ARTICLES)) k++;
      const ent_mention *y = ent_tok_mention(doc, k);
      if (y && y->tok_first == k && y->sense == ENT_SENSE_NAME &&
          (y->kind == ENT_M_ORG || y->kind == ENT_M_COUNTRY || y->kind == ENT_M_PLACE)) {
        if (y->kind == ENT_M_ORG && out->org_mention < 0)
          out->org_mention = (int)(y - doc->mentions.v);
        else if (y->kind == ENT_M_COUNTRY && !out->country)
          out->country = y->entry;
        j = last = y->tok_end;
        in_compl = true;
        continue;
      }
      if (k < sent_end && (content_word(doc, k) || institution_word(doc, k))) {
        j = last = k + 1;
        in_compl = true;
        continue;
      }
      break;
    }
    if (in_compl && content_word(doc, j)) { /* adjective: sécurité publique */
      j = last = j + 1;
      continue;
    }
    break;
  }
  out->end = last;
  return true;
}

char *ent_title_label_new(const ent_doc *doc, const ent_title_phrase *p) {
  size_t cap = doc->toks.v[p->end - 1].end - doc->toks.v[p->head].start + 1;
  char *out = malloc(cap + 1);
  if (!out) return NULL;
  size_t o = 0;
  const ent_mention *head = ent_tok_mention(doc, p->head);
  for (size_t i = p->head; i < p->end; i++) {
    const ent_token *t = &doc->toks.v[i];
    const ent_mention *x = ent_tok_mention(doc, i);
    if (x && x->kind == ENT_M_COUNTRY && x->sense == ENT_SENSE_DEMONYM) continue;
    if (o && t->space_before) out[o++] = ' ';
    if (x == head || (x && x->kind == ENT_M_TITLE)) {
      /* "Premier ministre" and "premier ministre" are one title: French
       * writes titles lower case; capitals are style or sentence start. */
      o += ent_lower_into(doc->text + t->start, ent_tok_len(t), out + o);
    } else {
      memcpy(out + o, doc->text + t->start, ent_tok_len(t));
      o += ent_tok_len(t);
    }
  }
  out[o] = '\0';
  return out;
}

int ent_title_of(ent_doc *doc, const ent_title_phrase *p) {
  if (p->org_mention >= 0) {
    const ent_mention *m = &doc->mentions.v[p->org_mention];
    if (m->entry) return ent_doc_lex_entity(doc, m->entry, true);
  }
  if (p->country) return ent_doc_lex_entity(doc, p->country, false);
  return -1;
}

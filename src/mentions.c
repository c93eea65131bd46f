/* mentions: see mentions.h. */
#include "mentions.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

#define PROPER (ENT_LEX_COUNTRY | ENT_LEX_CITY | ENT_LEX_REGION | ENT_LEX_ORG | ENT_LEX_PERSON)
#define LOOKED (PROPER | ENT_LEX_TITLE | ENT_LEX_HONORIFIC | ENT_LEX_GROUP_NOUN)


static ent_mention_kind kind_of(unsigned cls, ent_lex_sense sense) {
  if (cls & ENT_LEX_PERSON) return ENT_M_PERSON;
  if (cls & ENT_LEX_COUNTRY) return ENT_M_COUNTRY;
  if (cls & (ENT_LEX_CITY | ENT_LEX_REGION)) return ENT_M_PLACE;
  if (cls & ENT_LEX_ORG) return ENT_M_ORG;
  if (cls & ENT_LEX_HONORIFIC) return ENT_M_HONORIFIC;
  if (cls & ENT_LEX_GROUP_NOUN) return ENT_M_GROUP;
  (void)sense;
  return ENT_M_TITLE;
}

static int add_mention(ent_doc *doc, ent_mention_kind kind, size_t a, size_t b,
                       const ent_lex_entry *e, ent_lex_sense sense) {
  ent_mention *m = ent_vec_push(&doc->mentions);
  if (!m) return -1;
  m->kind = kind;
  m->tok_first = a;
  m->tok_end = b;
  m->entry = e;
  m->sense = sense;
  m->entity = -1;
  for (size_t i = a; i < b; i++) doc->toks.v[i].mention = (int)doc->mentions.n - 1;
  return (int)doc->mentions.n - 1;
}

static bool plural_form(const ent_doc *doc, size_t a) {
  const char *f = doc->toks.v[a].fold;
  size_t n = strlen(f);
  return n > 1 && (f[n - 1] == 's' || f[n - 1] == 'x');
}

/* Pick the hit that fits the tokens: proper names must be capitalised,
 * demonyms and common nouns may not be (Russe is a noun: un Russe). */
static const ent_lex_hit *choose(const ent_doc *doc, size_t a, ent_lex_hit *hits, size_t n) {
  bool cap = doc->toks.v[a].cap;
  size_t first = doc->sents.v[doc->toks.v[a].sent].tok_first;
  /* Sentence-initial, or after an opening quote or a colon. */
  bool initial = a == first || (a > first && (doc->toks.v[a - 1].kind == ENT_TOK_PUNCT));
  for (size_t i = 0; i < n; i++) {
    unsigned c = ent_lex_classes(hits[i].entry);
    if (hits[i].sense == ENT_SENSE_SURNAME) continue;
    if (hits[i].sense == ENT_SENSE_DEMONYM) return &hits[i];
    /* Names are capitalised unless their phrase is not (mer Noire); "Me"
     * the lawyer is an honorific, "me" the pronoun is not. */
    if ((c & PROPER) && !cap && !hits[i].lower_initial) continue;
    if ((c & ENT_LEX_HONORIFIC) && !cap) continue;
    if ((c & PROPER) && hits[i].by_stem) continue;
    /* A title is a common noun: a capitalised word inside a sentence that
     * only shares a title's stem is another noun ("président du Conseil
     * italien": Conseil is not a form of conseiller). */
    if ((c & ENT_LEX_TITLE) && hits[i].by_stem && cap && !initial) continue;
    /* A group is plural: "diplomatie" shares the stem of "diplomates". */
    if ((c & ENT_LEX_GROUP_NOUN) && hits[i].by_stem && !plural_form(doc, a)) continue;
    return &hits[i];
  }
  return NULL;
}

static entente_status lexicon_pass(ent_doc *doc) {
  for (size_t s = 0; s < doc->sents.n; s++) {
    const ent_sentence *se = &doc->sents.v[s];
    size_t i = se->tok_first;
    while (i < se->tok_end) {
      size_t best_end = 0;
      const ent_lex_hit *best = NULL;
      ent_lex_hit hits[8];
      /* Only words that start some phrase are tried, and only as far as the
       * longest such phrase (counted in tokens: an elided word glues to the
       * next in a key, "l'Élysée" is one key word, so try them all). */
      size_t hw = ent_doc_phrase_tokens(doc, i, se->tok_end);
      if (hw) {
        for (size_t w = hw; w >= 1; w--) {
          if (i + w > se->tok_end) continue;
          if (doc->toks.v[i + w - 1].kind != ENT_TOK_WORD) continue;
          size_t n = ent_doc_lookup(doc, i, i + w, LOOKED, hits, 8);
          const ent_lex_hit *h = choose(doc, i, hits, n < 8 ? n : 8);
          if (h) {
            best = h;
            best_end = i + w;
            break;
          }
        }
      }
      if (best) {
        unsigned c = ent_lex_classes(best->entry);
        ent_mention_kind k = best->sense == ENT_SENSE_DEMONYM ? ENT_M_COUNTRY
                                                              : kind_of(c, best->sense);
        /* A demonym of an organization (atlantique) still names a country only
         * for countries; keep the entry and let the sense say it. */
        if (add_mention(doc, k, i, best_end, best->entry, best->sense) < 0)
          return ENTENTE_ERR_NOMEM;
        i = best_end;
      } else {
        i++;
      }
    }
  }
  return ENTENTE_OK;
}

/* ---- person names ---- */

static bool is_particle(const ent_doc *doc, size_t i) {
  static const char *const p[] = {"von", "der", "van", "den", "de", "du", "ben", "bin",
                                  "al", "el", "da", "di", "dos", "del", "la", "ibn", "abou"};
  const ent_token *t = &doc->toks.v[i];
  if (t->cap || t->kind != ENT_TOK_WORD) return false;
  for (size_t k = 0; k < sizeof p / sizeof *p; k++)
    if (strcmp(t->fold, p[k]) == 0) return true;
  return false;
}

/* A capitalised word that may be part of a name. */
static bool name_word(const ent_doc *doc, size_t i) {
  const ent_token *t = &doc->toks.v[i];
  if (t->kind != ENT_TOK_WORD || !t->cap || t->mention >= 0 || t->elided) return false;
  if (ent_tok_find(doc, i, ENT_LEX_STOPWORD | ENT_LEX_MONTH | ENT_LEX_WEEKDAY | ENT_LEX_TIME_WORD))
    return false;
  /* A single letter with a dot is an initial (Donald J. Trump). */
  return true;
}

static bool is_honorific(const ent_doc *doc, size_t i) {
  const ent_mention *m = ent_tok_mention(doc, i);
  return m && m->kind == ENT_M_HONORIFIC;
}

static bool honorific_plural(const ent_doc *doc, size_t i) {
  const ent_mention *m = ent_tok_mention(doc, i);
  const char *p = m && m->entry ? ent_lex_prop(m->entry, "plural") : NULL;
  return p && strcmp(p, "true") == 0;
}

static bool given_name(const ent_doc *doc, size_t i) {
  return ent_tok_find(doc, i, ENT_LEX_GIVEN_NAME) != NULL;
}

/* Does a title phrase end right before token a (le président chinois X;
 * le ministre russe de la défense, X)? Looks back over the title's
 * complement: lower-case words, demonyms, organizations, places. */
static bool title_before(const ent_doc *doc, size_t first, size_t a) {
  size_t i = a;
  if (i > first && strcmp(doc->toks.v[i - 1].fold, ",") == 0) i--;
  /* "secrétaire général de l'Alliance": a word after de / l' / la is the
   * complement's noun, not a name in apposition. */
  if (i > first && (doc->toks.v[i - 1].elided ||
                    ent_tok_find(doc, i - 1, ENT_LEX_STOPWORD)))
    return false;
  for (size_t steps = 0; i > first && steps < 10; steps++) {
    const ent_token *t = &doc->toks.v[i - 1];
    const ent_mention *m = ent_tok_mention(doc, i - 1);
    if (m && m->kind == ENT_M_TITLE) return true;
    if (t->kind != ENT_TOK_WORD) return false;
    if (t->cap && !m) return false;
    i = m ? m->tok_first : i - 1;
  }
  return false;
}

/* Does a title follow the name (X, chancelier allemand; X, alors présidente)? */
static bool title_after(const ent_doc *doc, size_t b, size_t end) {
  if (b >= end || strcmp(doc->toks.v[b].fold, ",") != 0) return false;
  for (size_t i = b + 1; i < end && i < b + 5; i++) {
    const ent_mention *m = ent_tok_mention(doc, i);
    if (m && m->kind == ENT_M_TITLE) return true;
    if (doc->toks.v[i].kind != ENT_TOK_WORD || doc->toks.v[i].cap) return false;
  }
  return false;
}

/* Surnames already seen as persons (any word of a person mention): `seen`
 * holds the folded words of every person mention so far (going over all the
 * mentions for each capitalised word was quadratic). */
static bool known_surname(const ent_doc *doc, const ent_strmap *seen, size_t i) {
  return ent_strmap_get(seen, doc->toks.v[i].fold, NULL) && !given_name(doc, i);
}

static bool note_words(const ent_doc *doc, ent_strmap *seen, size_t a, size_t b) {
  for (size_t j = a; j < b; j++)
    if (!ent_strmap_put(seen, doc->toks.v[j].fold, 1)) return false;
  return true;
}

/* "les ministres de la défense japonais et sud-coréen, Minoru Kihara et
 * Shin Won-sik": a full name (two words or more) coordinated with another
 * person's full name. */
static bool coordinated_name(const ent_doc *doc, size_t first, size_t a, size_t b) {
  if (b - a < 2 || a < first + 2 || !ent_tok_is(doc, a - 1, "et")) return false;
  const ent_mention *m = ent_tok_mention(doc, a - 2);
  return m && m->kind == ENT_M_PERSON && m->tok_end == a - 1 && m->tok_end - m->tok_first >= 2;
}

/* Every letter of token i is a capital, and it has two or more. */
static bool acronym(const ent_doc *doc, size_t i) {
  const ent_token *t = &doc->toks.v[i];
  size_t letters = 0;
  for (size_t k = t->start; k < t->end; k++) {
    unsigned char ch = (unsigned char)doc->text[k];
    if (ch >= 'a' && ch <= 'z') return false;
    if (ch >= 0x80) return false; /* accented letters: leave the word alone */
    if (ch >= 'A' && ch <= 'Z') letters++;
  }
  return letters >= 2;
}

/* With `seen` (the second pass), only words already known as a surname. */
static entente_status person_pass(ent_doc *doc, ent_strmap *seen) {
  bool surnames_only = seen != NULL;
  for (size_t s = 0; s < doc->sents.n; s++) {
    const ent_sentence *se = &doc->sents.v[s];
    size_t i = se->tok_first;
    while (i < se->tok_end) {
      if (!name_word(doc, i)) {
        i++;
        continue;
      }
      /* "le chercheur Christian Wagner": a given name before a one-word
       * organization name is a person's name (the lexicon's "Wagner" is
       * the group); the organization mention becomes the surname. */
      if (!surnames_only && i + 1 < se->tok_end && given_name(doc, i)) {
        int mi = doc->toks.v[i + 1].mention;
        ent_mention *m = mi >= 0 ? &doc->mentions.v[mi] : NULL;
        if (m && m->kind == ENT_M_ORG && m->tok_first == i + 1 && m->tok_end == i + 2 &&
            doc->toks.v[i + 1].cap && (i + 2 >= se->tok_end || !name_word(doc, i + 2))) {
          m->kind = ENT_M_PERSON;
          m->tok_first = i;
          m->entry = NULL;
          m->sense = ENT_SENSE_NAME;
          doc->toks.v[i].mention = mi;
          if (seen && !note_words(doc, seen, i, i + 2)) return ENTENTE_ERR_NOMEM;
          i += 2;
          continue;
        }
      }
      size_t b = i + 1;
      while (b < se->tok_end && (name_word(doc, b) ||
                                 (is_particle(doc, b) && b + 1 < se->tok_end &&
                                  (name_word(doc, b + 1) || is_particle(doc, b + 1)))))
        b++;
      size_t a = i;
      bool hon = a > se->tok_first && is_honorific(doc, a - 1);
      /* MM. Biden et Xi: the honorific covers both names. */
      bool plural = false;
      if (!hon && a >= se->tok_first + 3 && ent_tok_is(doc, a - 1, "et")) {
        size_t p = a - 2;
        while (p > se->tok_first && name_word(doc, p - 1)) p--;
        plural = p > se->tok_first && is_honorific(doc, p - 1) && honorific_plural(doc, p - 1);
      }
      bool person;
      if (surnames_only) /* "Richter", or "Anna Richter" again after "Mme Anna Richter" */
        person = known_surname(doc, seen, b - 1);
      else
        person = hon || plural || (b - a >= 2 && given_name(doc, a)) ||
                 title_before(doc, se->tok_first, a) || title_after(doc, b, se->tok_end) ||
                 coordinated_name(doc, se->tok_first, a, b);
      /* A lone word in capitals is an acronym (the think tank EDAM, the
       * agency IRNA), not a surname, unless an honorific says otherwise. */
      if (person && !hon && !plural && b - a == 1 && acronym(doc, a)) person = false;
      /* A lone sentence-initial word needs more than its capital letter. */
      if (person && (add_mention(doc, ENT_M_PERSON, a, b, NULL, ENT_SENSE_NAME) < 0 ||
                     (seen && !note_words(doc, seen, a, b))))
        return ENTENTE_ERR_NOMEM;
      i = b;
    }
  }
  return ENTENTE_OK;
}

static int cmp_mention(const void *x, const void *y) {
  const ent_mention *a = x, *b = y;
  return (a->tok_first > b->tok_first) - (a->tok_first < b->tok_first);
}

entente_status ent_find_mentions(ent_doc *doc) {
  entente_status st = lexicon_pass(doc);
  if (st == ENTENTE_OK) st = person_pass(doc, NULL);
  if (st == ENTENTE_OK) {
    ent_strmap *seen = ent_strmap_new();
    if (!seen) return ENTENTE_ERR_NOMEM;
    for (size_t k = 0; k < doc->mentions.n && st == ENTENTE_OK; k++)
      if (doc->mentions.v[k].kind == ENT_M_PERSON &&
          !note_words(doc, seen, doc->mentions.v[k].tok_first, doc->mentions.v[k].tok_end))
        st = ENTENTE_ERR_NOMEM;
    if (st == ENTENTE_OK) st = person_pass(doc, seen);
    ent_strmap_free(seen);
  }
  if (st != ENTENTE_OK) return st;
  /* Keep mentions in text order; re-point tokens at them. */
  if (doc->mentions.n) /* qsort(NULL, 0, …) is undefined behaviour */
    qsort(doc->mentions.v, doc->mentions.n, sizeof *doc->mentions.v, cmp_mention);
  for (size_t k = 0; k < doc->mentions.n; k++)
    for (size_t i = doc->mentions.v[k].tok_first; i < doc->mentions.v[k].tok_end; i++)
      doc->toks.v[i].mention = (int)k;
  return ENTENTE_OK;
}

/* extract_funding: sums of money the text attaches to a bill, a pledge or an
 * aid package — amount (amount.c), recipient, purpose, bill, part of.
 *   un projet de loi comprenant 8 milliards de dollars pour contrer …  (bill, purpose)
 *   des milliards d'euros d'aide à la défense pour Taïwan             (no figure)
 *   Londres verserait à Kiev 3 milliards de livres                     (recipient before)
 *   Environ 26 milliards iront à Israël … : 4 milliards …, et 1,2 …     (currency carried,
 *                                                                       parts of a whole)
 *   le déficit commercial a atteint 291 milliards d'euros              (not funding)
 *   500 millions de livres (580 millions d'euros)                      (one sum restated)
 * Whether a sum is funding comes from the cue words around it (funding.ttl,
 * bill nouns of bills.ttl): the noun it quantifies ("d'aide"), else the
 * nearest cue before or after it in the sentence; with no cue either way, a
 * sum for a named recipient. A figure with no currency takes the one of the
 * passage (same paragraph) and needs a cue. The same sum said twice (headline
 * and text) is one item; parts ("dont", a colon, "le dispositif comprend")
 * are linked to their whole and inherit its recipient. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extractor.h"
#include "strmap.h"
#include "text.h"

enum { POL_NONE = 0, POL_FUNDING = 1, POL_NOT = -1, POL_PART = 2, POL_RECIPIENT = 3 };

typedef struct {
  signed char pol;      /* polarity of the cue covering the token */
  bool bill_noun;       /* part of a definite bill noun (bills.ttl): "le texte" */
  bool recipient_subj;  /* the cue's subject receives the sum */
  bool verb;            /* the cue is a verb */
  size_t cue_first, cue_end; /* tokens of that cue */
} tok_cue;

typedef struct {
  ent_amount a;
  size_t t0, t1;   /* tokens [t0, t1) */
  int sent;
  bool accepted;
  bool restating;  /* the sum before it again, in other terms */
  int whole;       /* candidate index of the whole it is part of, or -1 */
  int funding;     /* index in doc->fundings, or -1 */
} cand;

typedef struct {
  ent_doc *doc;
  tok_cue *cues;
  int *tok_cand;        /* candidate covering each token, or -1 */
  bool *sent_bill_noun; /* the sentence names a bill */
  ENT_VEC(cand) cands;
  ent_strmap *by_sum;   /* "value|currency" → first funding with that sum */
  ENT_VEC(int) next;    /* per funding: the next one with the same sum, or -1 */
} ctx;

/* How far the context of a sum is searched, in tokens. */
#define REACH 40

static const char *const ARTICLES[] = {"le",  "la",  "l'",  "les",   "un",  "une",
                                       "des", "du",  "ce",  "cette", "ces", "son",
                                       "sa",  "ses", "leur", "leurs", NULL};
static const char *const DEF[] = {"le", "la", "l'", "les", NULL};
static const char *const PURPOSE_STOP[] = {"pour", "et", "ou", "ainsi", "dont", "qui", "que",
                                           "qu'", "en", "par", "afin", "mais", "soit", NULL};

static const ent_token *tk(const ctx *c, size_t i) { return &c->doc->toks.v[i]; }

static bool in_set(const ctx *c, size_t i, const char *const *set) {
  if (i >= c->doc->toks.n) return false;
  for (; *set; set++)
    if (ent_streq(tk(c, i)->fold, *set)) return true;
  return false;
}
/* The raw bytes of token i are exactly s (folding merges "à" and "a"). */
static inline bool raw_is(const ctx *c, size_t i, const char *s) {
  return ent_tok_raw_is(c->doc, i, s);
}
static bool is_word(const ctx *c, size_t i) {
  return i < c->doc->toks.n && tk(c, i)->kind == ENT_TOK_WORD;
}
static bool is_punct(const ctx *c, size_t i, const char *p) {
  return i < c->doc->toks.n && tk(c, i)->kind == ENT_TOK_PUNCT && strcmp(tk(c, i)->fold, p) == 0;
}
/* à, au, aux, pour: the prepositions that name who gets a sum. */
static bool recipient_prep(const ctx *c, size_t i) {
  return raw_is(c, i, "à") || raw_is(c, i, "À") || ent_tok_is(c->doc, i, "au") ||
         ent_tok_is(c->doc, i, "aux") || ent_tok_is(c->doc, i, "pour");
}
static bool is_de(const ctx *c, size_t i) {
  return ent_tok_is(c->doc, i, "de") || ent_tok_is(c->doc, i, "d'") ||
         ent_tok_is(c->doc, i, "du") || ent_tok_is(c->doc, i, "des");
}
static bool clause_end(const ctx *c, size_t i) {
  const ent_token *t = tk(c, i);
  return t->kind == ENT_TOK_PUNCT && strchr(".;!?", t->fold[0]) != NULL;
}

static bool prop_is(const ent_lex_entry *e, const char *key, const char *value) {
  const char *v = e ? ent_lex_prop(e, key) : NULL;
  return v && strcmp(v, value) == 0;
}

/* The cue entry among the n hits h (of cls) of key: verbs by stem too,
 * nouns only as written or plural (a stem would let "fond" find "fonds");
 * key is left singular when that was tried. */
static const ent_lex_entry *cue_pick(const ctx *c, char *key, unsigned cls, ent_lex_hit *h,
                                     size_t n) {
  if (n > 4) n = 4;
  for (size_t k = 0; k < n; k++) {
    if (!h[k].by_stem || prop_is(h[k].entry, "pos", "verb")) return h[k].entry;
  }
  if (n == 0) return NULL;
  ent_key_singular(key);
  n = ent_lexicon_lookup(c->doc->lex, key, cls, h, 4);
  if (n > 4) n = 4;
  for (size_t k = 0; k < n; k++)
    if (!h[k].by_stem) return h[k].entry;
  return NULL;
}

static const ent_lex_entry *cue_lookup(const ctx *c, char *key, unsigned cls) {
  ent_lex_hit h[4];
  return cue_pick(c, key, cls, h, ent_lexicon_lookup(c->doc->lex, key, cls, h, 4));
}

/* A verb form Snowball keeps whole once accents are folded away
 * (destinees, versee, financent): the form without that ending. */
static bool verb_variant(char *key) {
  size_t n = strlen(key);
  if (n < 5 || strchr(key, ' ')) return false;
  if (strcmp(key + n - 3, "ees") == 0)
    key[n - 2] = '\0';
  else if (strcmp(key + n - 2, "ee") == 0)
    key[n - 1] = '\0';
  else if (strcmp(key + n - 3, "ent") == 0)
    key[n - 2] = '\0';
  else
    return false;
  return true;
}

/* Mark every token covered by a cue (longest phrase first). */
static void find_cues(ctx *c) {
  const ent_doc *d = c->doc;
  for (size_t s = 0; s < d->sents.n; s++) {
    const ent_sentence *se = &d->sents.v[s];
    for (size_t i = se->tok_first; i < se->tok_end; i++) {
      if (!is_word(c, i)) continue;
      const ent_mention *m = ent_tok_mention(d, i);
      if (m && m->kind != ENT_M_TITLE && m->kind != ENT_M_GROUP) continue;
      char key[256];
      /* No cue starts with this word, nor is it a verb form to shorten
       * (verb_variant): every lookup below would fail. */
      size_t fl = strlen(d->toks.v[i].fold);
      if (!(d->toks.v[i].head_classes & (ENT_LEX_FUNDING_CUE | ENT_LEX_BILL_NOUN)) &&
          !(fl < sizeof key && (memcpy(key, d->toks.v[i].fold, fl + 1), verb_variant(key))))
        continue;
      /* Phrases only from words that start one; a lone word may still be a
       * verb form of one (verb_variant). */
      size_t hw = ent_doc_phrase_tokens(d, i, se->tok_end);
      for (size_t w = 4; w >= 1; w--) {
        if ((w > hw && w > 1) || i + w > se->tok_end || !is_word(c, i + w - 1)) continue;
        if (!ent_doc_span_key(d, i, i + w, key, sizeof key)) continue;
        const unsigned cue = ENT_LEX_FUNDING_CUE | ENT_LEX_BILL_NOUN;
        ent_lex_hit h[4];
        const ent_lex_entry *e =
            w <= hw ? cue_pick(c, key, cue, h, ent_doc_lookup(d, i, i + w, cue, h, 4)) : NULL;
        if (!e && w == 1 && verb_variant(key)) {
          e = cue_lookup(c, key, ENT_LEX_FUNDING_CUE);
          if (e && !prop_is(e, "pos", "verb")) e = NULL;
        }
        if (!e) continue;
        unsigned cls = ent_lex_classes(e);
        signed char pol = POL_NONE;
        bool bill = false;
        if (cls & ENT_LEX_FUNDING_CUE) {
          pol = prop_is(e, "polarity", "funding")      ? POL_FUNDING
                : prop_is(e, "polarity", "notFunding") ? POL_NOT
                : prop_is(e, "polarity", "part")       ? POL_PART
                : prop_is(e, "polarity", "recipient")  ? POL_RECIPIENT
                                                       : POL_NONE;
          /* A verb right after an article is a noun: "la réserve". */
          if (prop_is(e, "pos", "verb") && i > se->tok_first && in_set(c, i - 1, ARTICLES))
            pol = POL_NONE;
        } else if (!prop_is(e, "notBill", "true")) {
          pol = POL_FUNDING;
          /* A definite bill noun refers to a bill of the text ("le texte
           * réserve …"); "des fonds" or "un plan" do not. */
          static const char *const DEFINITE[] = {"le", "la", "l'", "ce", "cet", "cette",
                                                 "son", "sa", "leur", NULL};
          bill = !prop_is(e, "billKind", "sum") && i > se->tok_first &&
                 in_set(c, i - 1, DEFINITE);
        }
        for (size_t k = i; k < i + w; k++) {
          c->cues[k].pol = pol;
          c->cues[k].bill_noun = bill;
          c->cues[k].recipient_subj = prop_is(e, "recipientSubject", "true");
          c->cues[k].verb = prop_is(e, "pos", "verb");
          c->cues[k].cue_first = i;
          c->cues[k].cue_end = i + w;
        }
        i += w - 1;
        break;
      }
    }
  }
}

static size_t tok_at(const ctx *c, size_t b) {
  size_t lo = 0, hi = c->doc->toks.n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (c->doc->toks.v[mid].start < b)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

static bool same_paragraph(const ctx *c, size_t from, size_t to) {
  return memchr(c->doc->text + from, '\n', to - from) == NULL;
}

/* The candidate whose tokens cover token i, or -1. */
static int cand_at(const ctx *c, size_t i) { return c->tok_cand[i]; }

/* The same sum in another currency or unit right after the first one:
 * "500 millions de livres (580 millions d'euros)", "…, soit 9 milliards". */
static bool restates(const ctx *c, size_t k) {
  if (k == 0) return false;
  const cand *a = &c->cands.v[k], *b = &c->cands.v[k - 1];
  if (b->sent != a->sent || b->t1 > a->t0 || a->t0 - b->t1 > 5) return false;
  for (size_t i = b->t1; i < a->t0; i++)
    if (clause_end(c, i)) return false;
  if (ent_tok_is(c->doc, a->t0 - 1, "soit")) return true; /* "par an, soit …" */
  return a->t0 - b->t1 == 1 && is_punct(c, b->t1, "(");
}

/* Where the context of candidate k after it ends: the next sum of the
 * sentence that is not a restatement, else the sentence's end. */
static size_t window_end(const ctx *c, size_t k) {
  const cand *a = &c->cands.v[k];
  size_t n = k + 1;
  while (n < c->cands.n && c->cands.v[n].restating) n++;
  if (n < c->cands.n && c->cands.v[n].sent == a->sent) return c->cands.v[n].t0;
  return c->doc->sents.v[a->sent].tok_end;
}

/* ---- is it funding? ---- */

/* The polarity the context gives candidate k. */
static int polarity(const ctx *c, size_t k) {
  const cand *a = &c->cands.v[k];
  const ent_sentence *se = &c->doc->sents.v[a->sent];
  /* The noun the sum quantifies: "9,5 milliards de dollars d'aide". */
  size_t i = a->t1;
  if (i < se->tok_end && is_de(c, i)) {
    i++;
    if (i < se->tok_end && in_set(c, i, DEF)) i++;
    if (i < se->tok_end && c->cues[i].pol != POL_NONE && c->cues[i].pol != POL_PART)
      return c->cues[i].pol;
  }
  int before = POL_NONE, after = POL_NONE;
  size_t db = (size_t)-1, da = (size_t)-1;
  for (size_t j = a->t0; j > se->tok_first && j + REACH > a->t0; j--) {
    const tok_cue *q = &c->cues[j - 1];
    if (q->pol == POL_FUNDING || q->pol == POL_NOT) {
      before = q->pol;
      db = a->t0 - j;
      break;
    }
  }
  size_t end = window_end(c, k);
  if (end > a->t1 + REACH) end = a->t1 + REACH;
  for (size_t j = a->t1; j < end; j++) {
    const tok_cue *q = &c->cues[j];
    if (q->pol == POL_FUNDING || q->pol == POL_NOT) {
      after = q->pol;
      da = j - a->t1;
      break;
    }
  }
  if (before == POL_NONE) return after;
  if (after == POL_NONE) return before;
  return da < db ? after : before;
}

/* A figure with no currency followed by "de" + a noun that is no funding cue
 * counts things, not money: "un milliard d'habitants". */
static bool counts_things(const ctx *c, const cand *a) {
  size_t i = a->t1;
  const ent_sentence *se = &c->doc->sents.v[a->sent];
  if (i + 1 >= se->tok_end || !is_de(c, i)) return false;
  if (in_set(c, i + 1, DEF)) i++;
  return i + 1 >= se->tok_end || c->cues[i + 1].pol != POL_FUNDING;
}

/* The whole a candidate is part of: a sum before "dont", "y compris" or a
 * colon in the same sentence ("50 milliards, dont 33 milliards de prêts"). */
static int whole_of(const ctx *c, size_t k) {
  const cand *a = &c->cands.v[k];
  const ent_sentence *se = &c->doc->sents.v[a->sent];
  size_t marker = (size_t)-1;
  for (size_t j = a->t0; j > se->tok_first && j + REACH > a->t0; j--) {
    size_t p = j - 1;
    int other = cand_at(c, p);
    if (other >= 0) {
      j = c->cands.v[other].t0 + 1;
      continue;
    }
    if (clause_end(c, p)) return -1;
    if (c->cues[p].pol == POL_PART || is_punct(c, p, ":")) {
      marker = p;
      break;
    }
  }
  if (marker == (size_t)-1) return -1;
  /* "Le dispositif comprend 33 milliards …": a verb of parts whose subject
   * is a short noun phrase or a pronoun, no name, lists the parts of the sum
   * of the sentence before (same paragraph). */
  static const char *const ANAPHOR[] = {"le", "la", "l'", "les", "ce", "cet", "cette", "ces",
                                         "il", "elle", "ils", "elles", NULL};
  bool carry_back = c->cues[marker].verb && marker < se->tok_first + 5 &&
                    in_set(c, se->tok_first, ANAPHOR);
  for (size_t i = se->tok_first; carry_back && i < marker; i++)
    carry_back = tk(c, i)->mention < 0 && tk(c, i)->kind == ENT_TOK_WORD;
  for (size_t w = k; w-- > 0;) {
    const cand *b = &c->cands.v[w];
    if (b->sent != a->sent &&
        !(carry_back && b->sent + 1 == a->sent &&
          same_paragraph(c, b->a.start, a->a.start)))
      return -1;
    if (b->t1 > marker || !b->accepted || b->whole >= 0) continue;
    if (!b->a.has_value || !a->a.has_value || a->a.cents >= b->a.cents ||
        strcmp(a->a.currency, b->a.currency) != 0)
      return -1;
    /* The parts may not add up to more than the whole. */
    int64_t sum = a->a.cents;
    for (size_t o = w + 1; o < k; o++)
      if (c->cands.v[o].whole == (int)w) sum += c->cands.v[o].a.cents;
    return sum <= b->a.cents ? (int)w : -1;
  }
  return -1;
}

/* ---- recipient ---- */

static int recipient_entity(ctx *c, size_t i) {
  const ent_mention *m = ent_tok_mention(c->doc, i);
  if (!m || m->tok_first != i || !m->entry) return -1;
  if (m->kind == ENT_M_COUNTRY && m->sense == ENT_SENSE_DEMONYM) return -1;
  if (m->kind != ENT_M_COUNTRY && m->kind != ENT_M_PLACE && m->kind != ENT_M_ORG) return -1;
  /* A capital or a seat of government receives for its country. */
  return ent_doc_lex_entity(c->doc, m->entry, true);
}

/* "à l'Ukraine", "pour Kiev", "en faveur de l'Ukraine", "à la défense de
 * Taïwan": the recipient named after the preposition at p, or -1. */
static int recipient_at(ctx *c, size_t p, size_t end) {
  size_t i;
  if (c->cues[p].pol == POL_RECIPIENT && c->cues[p].cue_first == p)
    i = c->cues[p].cue_end; /* "en faveur de", "au profit de" */
  else if (recipient_prep(c, p))
    i = p + 1;
  else
    return -1;
  if (i < end && in_set(c, i, DEF)) i++;
  int e = i < end ? recipient_entity(c, i) : -1;
  if (e >= 0) return e;
  /* One or two common nouns, then "de" + the country. */
  for (int words = 0; i < end && words < 3; i++, words++) {
    if (is_de(c, i)) {
      size_t j = i + 1;
      if (j < end && in_set(c, j, DEF)) j++;
      return j < end ? recipient_entity(c, j) : -1;
    }
    if (!is_word(c, i) || tk(c, i)->cap || (words > 0 && in_set(c, i, ARTICLES))) return -1;
  }
  return -1;
}

static int recipient(ctx *c, size_t k) {
  const cand *a = &c->cands.v[k];
  const ent_sentence *se = &c->doc->sents.v[a->sent];
  size_t end = window_end(c, k);
  if (end > a->t1 + 16) end = a->t1 + 16;
  /* After the sum, in its clause: "61 milliards pour l'Ukraine". A comma
   * ends it, unless a recipient follows at once ("…, en particulier à Taïwan"). */
  for (size_t i = a->t1; i < end; i++) {
    if (clause_end(c, i) || tk(c, i)->kind == ENT_TOK_QUOTE_OPEN) break;
    /* Past the same sum restated: "(580 millions d'euros)", ", soit …". */
    size_t j = i;
    while (j < end && (is_punct(c, j, ",") || is_punct(c, j, "(") ||
                       ent_tok_is(c->doc, j, "soit")))
      j++;
    if (j < end && cand_at(c, j) >= 0 && c->cands.v[cand_at(c, j)].restating) {
      i = c->cands.v[cand_at(c, j)].t1;
      while (i < end && is_punct(c, i, ")")) i++;
      i--;
      continue;
    }
    if (is_punct(c, i, ",")) {
      bool go_on = false;
      for (size_t j = i + 1; j < end && j <= i + 3; j++) {
        if (recipient_prep(c, j) || c->cues[j].pol == POL_RECIPIENT) {
          go_on = recipient_at(c, j, end) >= 0;
          break;
        }
        if (!is_word(c, j) || tk(c, j)->cap) break;
      }
      if (!go_on) break;
      continue;
    }
    int e = recipient_at(c, i, end);
    if (e >= 0) return e;
  }
  /* Before the sum, after a giving verb: "verserait à Kiev 3 milliards",
   * "fournir à l'Ukraine « un financement de … »". */
  for (size_t j = a->t0; j > se->tok_first && j + 14 > a->t0; j--) {
    size_t p = j - 1;
    if (clause_end(c, p) || cand_at(c, p) >= 0) break;
    if (!recipient_prep(c, p) || p == se->tok_first) continue;
    size_t q = p - 1;
    /* "l'aide allemande à l'Ukraine": past the giver's demonym. */
    const ent_mention *dm = ent_tok_mention(c->doc, q);
    if (dm && dm->kind == ENT_M_COUNTRY && dm->sense == ENT_SENSE_DEMONYM &&
        dm->tok_first > se->tok_first)
      q = dm->tok_first - 1;
    if (c->cues[q].pol != POL_FUNDING) continue;
    int e = recipient_at(c, p, a->t0);
    if (e >= 0) return e;
  }
  /* The subject of a receiving verb: "l'Ukraine a reçu 20 milliards". */
  for (size_t j = a->t0; j > se->tok_first && j + 8 > a->t0; j--) {
    const tok_cue *q = &c->cues[j - 1];
    if (q->pol == POL_NOT) break;
    if (q->pol != POL_FUNDING || !q->recipient_subj) continue;
    for (size_t i = q->cue_first; i > se->tok_first && i + 10 > q->cue_first; i--) {
      const ent_mention *m = ent_tok_mention(c->doc, i - 1);
      if (m && (m->kind == ENT_M_PERSON || m->kind == ENT_M_GROUP)) return -1;
      if (m) return recipient_entity(c, m->tok_first);
      /* "Tbilissi, qui reçoit …": the antecedent of the relative. */
      if (ent_tok_is(c->doc, i - 1, "qui") && i - 1 > se->tok_first &&
          is_punct(c, i - 2, ",")) {
        i--;
        continue;
      }
      if (clause_end(c, i - 1) || is_punct(c, i - 1, ",")) return -1;
    }
    return -1;
  }
  return -1;
}

/* ---- purpose ---- */

static char *span(const ctx *c, size_t a, size_t b) {
  return ent_doc_span_new(c->doc, tk(c, a)->start, tk(c, b - 1)->end);
}

/* "d'aide à la défense", "d'aide militaire supplémentaire (à Kiev)". */
static size_t purpose_run(ctx *c, size_t i, size_t end) {
  size_t j = i;
  for (; j < end && j < i + 8; j++) {
    if (!is_word(c, j) || tk(c, j)->cap || in_set(c, j, PURPOSE_STOP)) break;
    /* Demonyms stay (aide militaire américaine); names end the purpose. */
    const ent_mention *m = ent_tok_mention(c->doc, j);
    if (m && !(m->kind == ENT_M_COUNTRY && m->sense == ENT_SENSE_DEMONYM)) break;
    if (recipient_at(c, j, end) >= 0) break;
  }
  /* Do not end on a preposition or an article. */
  while (j > i && (in_set(c, j - 1, ARTICLES) || is_de(c, j - 1) || recipient_prep(c, j - 1)))
    j--;
  return j;
}

static entente_status purpose(ctx *c, size_t k, char **out) {
  *out = NULL;
  const cand *a = &c->cands.v[k];
  const ent_sentence *se = &c->doc->sents.v[a->sent];
  size_t end = window_end(c, k);
  size_t i = a->t1;
  /* The noun the sum quantifies. */
  if (i + 1 < end && is_de(c, i) && !tk(c, i + 1)->cap) {
    size_t j = purpose_run(c, i + 1, end);
    if (j > i + 1) {
      *out = span(c, i + 1, j);
      return *out ? ENTENTE_OK : ENTENTE_ERR_NOMEM;
    }
  }
  /* The noun phrase the sum completes: "une enveloppe d'aide militaire de
   * 225 millions", "un financement de base minimal de 40 milliards". */
  if (a->t0 > se->tok_first + 1 && is_de(c, a->t0 - 1)) {
    size_t head = (size_t)-1;
    for (size_t j = a->t0 - 1; j > se->tok_first; j--) {
      size_t p = j - 1;
      if (!is_word(c, p) || tk(c, p)->cap || a->t0 - p > 8) break;
      /* Articles end the phrase, but not inside it: "d'un montant de". */
      if (in_set(c, p, ARTICLES) && !(p > se->tok_first && is_de(c, p - 1))) break;
      if (c->cues[p].pol == POL_FUNDING && c->cues[p].cue_first == p) head = p;
    }
    if (head != (size_t)-1) {
      size_t stop = a->t0 - 1;
      /* "paquet d'aide d'un montant de": the phrase ends before "d'un". */
      for (size_t j = head + 1; j + 1 < stop; j++)
        if (is_de(c, j) && in_set(c, j + 1, ARTICLES)) {
          stop = j;
          break;
        }
      *out = span(c, head, stop);
      return *out ? ENTENTE_OK : ENTENTE_ERR_NOMEM;
    }
  }
  /* "pour contrer la puissance militaire de la Chine". */
  if (i + 1 < end && ent_tok_is(c->doc, i, "pour") && is_word(c, i + 1) &&
      !tk(c, i + 1)->cap && recipient_at(c, i, end) < 0) {
    size_t j = i + 1, from = i + 1;
    while (j < end && j < i + 14 && !(tk(c, j)->kind == ENT_TOK_PUNCT) &&
           tk(c, j)->kind != ENT_TOK_QUOTE_OPEN && !ent_tok_is(c->doc, j, "ainsi"))
      j++;
    /* "pour la défense aérienne" → "défense aérienne". */
    if (in_set(c, from, ARTICLES) && from + 1 < j) from++;
    *out = span(c, from, j);
    return *out ? ENTENTE_OK : ENTENTE_ERR_NOMEM;
  }
  return ENTENTE_OK;
}

/* ---- bill ---- */

/* The bill the sentence ties the sum to: one introduced in it, else one a
 * bill noun in it refers back to. */
static int bill_of(const ctx *c, const cand *a) {
  const ent_doc *d = c->doc;
  int best = -1;
  for (size_t b = 0; b < d->bills.n; b++)
    if (d->bills.v[b].sent == a->sent) best = (int)b;
  if (best >= 0) return best;
  if (!c->sent_bill_noun[a->sent]) return -1;
  for (size_t b = d->bills.n; b-- > 0;)
    if (d->bills.v[b].sent < a->sent) return (int)b;
  return -1;
}

/* ---- driver ---- */

static bool same_item(const ent_funding *f, const ent_amount *a, int recipient) {
  if (strcmp(f->amount.currency, a->currency) != 0) return false;
  if (f->amount.has_value != a->has_value) return false;
  if (a->has_value) {
    if (f->amount.cents != a->cents || f->amount.is_range != a->is_range) return false;
    return f->recipient < 0 || recipient < 0 || f->recipient == recipient;
  }
  return recipient >= 0 && f->recipient == recipient;
}

static entente_status collect(ctx *c) {
  const ent_doc *d = c->doc;
  size_t from = 0;
  ent_amount a;
  while (from < d->len && ent_doc_amount_find(d, d->len, from, &a)) {
    if (a.end <= from) break;
    from = a.end;
    size_t t0 = tok_at(c, a.start), t1 = tok_at(c, a.end);
    if (t0 >= d->toks.n || t1 <= t0) continue;
    cand *k = ent_vec_push(&c->cands);
    if (!k) return ENTENTE_ERR_NOMEM;
    k->a = a;
    k->t0 = t0;
    k->t1 = t1;
    k->sent = d->toks.v[t0].sent;
    k->whole = -1;
    k->funding = -1;
    for (size_t i = t0; i < t1; i++) c->tok_cand[i] = (int)c->cands.n - 1;
  }
  for (size_t k = 0; k < c->cands.n; k++) c->cands.v[k].restating = restates(c, k);
  return ENTENTE_OK;
}

/* A sum in a currency name several currencies share ("couronnes") takes the
 * code of the one the article names in full ("couronnes norvégiennes"): the
 * nearest before it, else the first after it. False when none is named. */
static bool generic_currency(ctx *c, size_t k) {
  cand *a = &c->cands.v[k];
  const cand *found = NULL;
  for (size_t w = k; w-- > 0 && !found;)
    if (ent_amount_same_family(a->a.currency_entry, c->cands.v[w].a.currency_entry))
      found = &c->cands.v[w];
  for (size_t w = k + 1; w < c->cands.n && !found; w++)
    if (ent_amount_same_family(a->a.currency_entry, c->cands.v[w].a.currency_entry))
      found = &c->cands.v[w];
  if (!found) return false;
  memcpy(a->a.currency, found->a.currency, sizeof a->a.currency);
  return true;
}

static entente_status decide(ctx *c) {
  ent_doc *d = c->doc;
  int para_bill = -1;
  size_t para_start = 0;
  for (size_t k = 0; k < c->cands.n; k++) {
    cand *a = &c->cands.v[k];
    bool carried = false, from_funding = false;
    if (!a->a.currency[0] && a->a.currency_entry) {
      /* "15 milliards de couronnes": the currency of that name the article
       * names in full, the nearest before, else the first after. */
      if (!generic_currency(c, k)) continue;
    } else if (!a->a.currency[0]) {
      /* A currency given once carries to later figures of the passage. */
      if (!a->a.has_value || counts_things(c, a)) continue;
      for (size_t w = k; w-- > 0;) {
        const cand *b = &c->cands.v[w];
        if (!same_paragraph(c, b->a.start, a->a.start)) break;
        if (b->a.currency[0] && !b->restating) {
          memcpy(a->a.currency, b->a.currency, sizeof a->a.currency);
          carried = true;
          from_funding = b->accepted;
          break;
        }
      }
      if (!carried) continue;
    }
    if (a->restating) continue;
    int pol = polarity(c, k);
    a->whole = pol == POL_NOT ? -1 : whole_of(c, k);
    if (a->whole >= 0) {
      a->accepted = true;
    } else if (pol == POL_NOT) {
      continue;
    } else if (pol == POL_FUNDING) {
      a->accepted = true;
    } else if (a->a.has_value && (!carried || from_funding)) {
      /* No cue either way: a sum for a named recipient is still funding
       * (a figure without currency only in a passage about funding). */
      a->accepted = recipient(c, k) >= 0;
    }
    if (!a->accepted) continue;
    int rec = recipient(c, k);
    int bill = bill_of(c, a);
    size_t ps = d->sents.v[a->sent].start;
    if (para_bill >= 0 && !same_paragraph(c, para_start, ps)) para_bill = -1;
    if (bill >= 0) {
      para_bill = bill;
      para_start = ps;
    } else {
      bill = para_bill;
    }
    int whole_f = a->whole >= 0 ? c->cands.v[a->whole].funding : -1;
    if (whole_f >= 0) {
      if (rec < 0) rec = d->fundings.v[whole_f].recipient;
      if (bill < 0) bill = d->fundings.v[whole_f].bill;
    }
    char *purp;
    entente_status st = purpose(c, k, &purp);
    if (st != ENTENTE_OK) return st;
    /* The same sum said twice (headline and text) is one item. */
    char key[96];
    snprintf(key, sizeof key, "%d|%lld|%d|%s", a->a.has_value, (long long)a->a.cents,
             a->a.is_range, a->a.currency);
    int same = -1;
    size_t first;
    bool known = ent_strmap_get(c->by_sum, key, &first);
    for (int f = known ? (int)first : -1; f >= 0 && same < 0 && whole_f < 0; f = c->next.v[f])
      if (same_item(&d->fundings.v[f], &a->a, rec)) same = f;
    if (same >= 0) {
      ent_funding *f = &d->fundings.v[same];
      if (f->recipient < 0) f->recipient = rec;
      if (f->bill < 0) f->bill = bill;
      if (!f->purpose) {
        f->purpose = purp;
        purp = NULL;
      }
      free(purp);
      a->funding = same;
      continue;
    }
    int *nx = ent_vec_push(&c->next);
    ent_funding *f = nx ? ent_vec_push(&d->fundings) : NULL;
    if (!f) {
      free(purp);
      return ENTENTE_ERR_NOMEM;
    }
    /* Chain it after the others with the same sum. */
    *nx = -1;
    int idx = (int)d->fundings.n - 1;
    if (!known) {
      if (!ent_strmap_put(c->by_sum, key, (size_t)idx)) {
        free(purp);
        d->fundings.n--;
        return ENTENTE_ERR_NOMEM;
      }
    } else {
      int last = (int)first;
      while (c->next.v[last] >= 0) last = c->next.v[last];
      c->next.v[last] = idx;
    }
    f->amount = a->a;
    f->recipient = rec;
    f->purpose = purp;
    f->bill = bill;
    f->part_of = whole_f;
    f->sent = a->sent;
    a->funding = (int)d->fundings.n - 1;
  }
  return ENTENTE_OK;
}

static entente_status run(ent_doc *doc) {
  if (doc->toks.n == 0) return ENTENTE_OK;
  ctx c = {doc,         calloc(doc->toks.n, sizeof(tok_cue)),
           malloc(doc->toks.n * sizeof(int)), calloc(doc->sents.n + 1, sizeof(bool)),
           {NULL, 0, 0}, ent_strmap_new(),     {NULL, 0, 0}};
  if (!c.cues || !c.tok_cand || !c.sent_bill_noun || !c.by_sum) {
    free(c.cues);
    free(c.tok_cand);
    free(c.sent_bill_noun);
    ent_strmap_free(c.by_sum);
    return ENTENTE_ERR_NOMEM;
  }
  for (size_t i = 0; i < doc->toks.n; i++) c.tok_cand[i] = -1;
  find_cues(&c);
  for (size_t i = 0; i < doc->toks.n; i++)
    if (c.cues[i].bill_noun) c.sent_bill_noun[doc->toks.v[i].sent] = true;
  entente_status st = collect(&c);
  if (st == ENTENTE_OK) st = decide(&c);
  free(c.cues);
  free(c.tok_cand);
  free(c.sent_bill_noun);
  free(c.cands.v);
  free(c.next.v);
  ent_strmap_free(c.by_sum);
  return st;
}

const ent_extractor ent_extract_funding = {"funding", run};

/* extract_bills: laws, bills and aid packages, who signed, adopted or
 * proposed them and when.
 *   le président Joe Biden a signé un projet de loi          (signer, active)
 *   Biden a promulgué mercredi le plan d'aide … adopté la
 *     veille par le Sénat                                     (signer, adoptedBy)
 *   le texte, adopté par 311 voix contre 112 à la Chambre     (passive agent)
 *   une enveloppe de 300 millions de dollars                  (a package with a sum)
 *   Le texte réserve … / le Sénat a entériné l'ensemble       (refers back)
 * A noun of the lexicon (bills.ttl) names a bill only in a legislative
 * context: a bill verb governs it, a sum of money is attached to it, or it is
 * a bill by itself (projet de loi). A definite noun after a bill was
 * introduced refers back to it: one bill per real bill. */
#include <stdlib.h>
#include <string.h>

#include "coref.h"
#include "extractor.h"
#include "text.h"
#include "titles.h"

typedef enum { K_NONE, K_LAW, K_ACT, K_PACKAGE, K_SUM, K_ANAPHORIC } noun_kind;
typedef enum { R_NONE, R_SIGNER, R_ADOPTED, R_PROPOSED, R_ANNOUNCED } verb_role;

typedef struct {
  size_t first, end; /* tokens of the noun phrase */
  noun_kind kind;
  bool definite, indefinite;
  bool amount;         /* a sum of money is attached */
  bool direct;         /* … as the noun's complement: "de 95 milliards" */
  int64_t cents;       /* its value when direct and given, else -1 */
  bool specific;       /* "la loi sur …": names its own subject */
  size_t label_end;    /* end of the label: the noun, or noun and subject */
} bill_np;

typedef struct {
  size_t first, end;
  verb_role role;
  bool negated;
} bill_verb;

/* Per-bill state while the extractor runs. */
typedef struct {
  size_t last_tok;     /* last token that referred to it */
  int date_rank;       /* which verb gave the date (lower is better) */
  int64_t cents;       /* attached sum, or -1 */
} bill_state;

typedef struct {
  ent_doc *doc;
  ENT_VEC(bill_state) st;
} ctx;

static const char *const DETS_DEF[] = {"le",  "la",  "l'",   "les", "ce",   "cet",    "cette",
                                       "ces", "son", "sa",   "ses", "leur", "leurs",  "du",
                                       "au",  "aux", "notre", "votre", "ledit", "ladite", NULL};
static const char *const DETS_INDEF[] = {"un", "une", "des", "de", "d'", NULL};
static const char *const ARTICLES[] = {"le",  "la",  "l'",  "les",   "un",  "une",
                                       "des", "du",  "ce",  "cette", "ces", "son",
                                       "sa",  "ses", "leur", "leurs", NULL};
static const char *const AUX[] = {"a",     "ont",   "avait", "avaient", "aura", "auront",
                                  "aurait", "est",  "sont",  "etait",   "etaient", "sera",
                                  "seront", "serait", "ete", "etre",    "avoir", "fut",
                                  "va",    "vont",  "doit",  "doivent", "devrait", "devraient",
                                  "s'",    "se",    "l'",    "les",     "y",     "en",    NULL};
static const char *const NEG[] = {"ne", "n'", "pas", "jamais", "plus", NULL};
static const char *const STOP_GAP[] = {"de",  "d'",  "du",  "des", "sur",  "pour", "par",
                                       "avec", "contre", "en", "dans", "que", "qu'", "qui",
                                       "et",  "ou",  "mais", "au", "aux", "dont", "sans",
                                       NULL};

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
static bool is_a_prep(const ctx *c, size_t i) { return raw_is(c, i, "à") || raw_is(c, i, "À"); }
static bool is_word(const ctx *c, size_t i) {
  return i < c->doc->toks.n && tk(c, i)->kind == ENT_TOK_WORD;
}
static bool is_punct(const ctx *c, size_t i, const char *p) {
  return i < c->doc->toks.n && tk(c, i)->kind == ENT_TOK_PUNCT && strcmp(tk(c, i)->fold, p) == 0;
}

static bool prop_is(const ent_lex_entry *e, const char *key, const char *value) {
  const char *v = e ? ent_lex_prop(e, key) : NULL;
  return v && strcmp(v, value) == 0;
}

/* The bill noun whose phrase starts at token i (longest first); its kind,
 * K_NONE for "notBill" phrases (which still cover their tokens). */
static bool noun_at(const ctx *c, size_t i, size_t sent_end, size_t *end, noun_kind *kind) {
  if (!is_word(c, i) || tk(c, i)->mention >= 0) return false;
  size_t maxw = ent_doc_phrase_tokens(c->doc, i, sent_end);
  if (maxw > 6) maxw = 6;
  char key[256];
  for (size_t w = maxw; w >= 1; w--) {
    if (i + w > sent_end || !is_word(c, i + w - 1)) continue;
    ent_lex_hit h;
    if (!ent_doc_lookup(c->doc, i, i + w, ENT_LEX_BILL_NOUN, &h, 1)) continue;
    if (h.by_stem) {
      /* Stems would let "résolu" find "résolution": only plurals pass. */
      if (!ent_doc_span_key(c->doc, i, i + w, key, sizeof key)) continue;
      ent_key_singular(key);
      ent_lex_hit h2;
      if (!ent_lexicon_lookup(c->doc->lex, key, ENT_LEX_BILL_NOUN, &h2, 1) || h2.by_stem)
        continue;
      h = h2;
    }
    *end = i + w;
    const char *k = ent_lex_prop(h.entry, "billKind");
    *kind = prop_is(h.entry, "notBill", "true") ? K_NONE
            : !k                                 ? K_ACT
            : !strcmp(k, "law")                  ? K_LAW
            : !strcmp(k, "package")              ? K_PACKAGE
            : !strcmp(k, "anaphoric")            ? K_ANAPHORIC
            : !strcmp(k, "sum")                  ? K_SUM
                                                 : K_ACT;
    return true;
  }
  return false;
}

/* Look a verb form up by its stem. Folding drops accents, and Snowball
 * then keeps some endings whole (adoptee, adoptent): retry without them.
 * `heads`: the head classes of f (a token's): no phrase of cls starts
 * with f when they lack cls. */
static bool verb_lookup(const ent_lexicon *lex, const char *f, unsigned heads, unsigned cls,
                        ent_lex_hit *h) {
  if ((heads & cls) && ent_lexicon_lookup(lex, f, cls, h, 1)) return true;
  size_t n = strlen(f);
  char key[128];
  if (n < 5 || n >= sizeof key) return false;
  memcpy(key, f, n + 1);
  if (strcmp(key + n - 3, "ees") == 0)
    key[n - 2] = '\0';
  else if (strcmp(key + n - 2, "ee") == 0)
    key[n - 1] = '\0';
  else if (strcmp(key + n - 3, "ent") == 0)
    key[n - 2] = '\0';
  else
    return false;
  return ent_lexicon_lookup(lex, key, cls, h, 1) > 0;
}

/* A bill verb at token i: a finite verb or participle, not a noun
 * ("le vote", "l'annonce" have a determiner before them). */
static bool verb_at(const ctx *c, size_t i, size_t sent_first, bill_verb *out) {
  if (!is_word(c, i) || tk(c, i)->mention >= 0) return false;
  if (tk(c, i)->cap && i != sent_first) return false;
  if (i > sent_first && in_set(c, i - 1, ARTICLES)) return false;
  ent_lex_hit h;
  if (!verb_lookup(c->doc->lex, tk(c, i)->fold, tk(c, i)->head_classes, ENT_LEX_BILL_VERB, &h))
    return false;
  const char *r = ent_lex_prop(h.entry, "billRole");
  out->first = i;
  out->end = i + 1;
  out->role = !r                        ? R_NONE
              : !strcmp(r, "signer")    ? R_SIGNER
              : !strcmp(r, "adoptedBy") ? R_ADOPTED
              : !strcmp(r, "proposedBy") ? R_PROPOSED
                                         : R_ANNOUNCED;
  out->negated = false;
  for (size_t k = i; k > sent_first && k + 4 > i; k--) {
    if (in_set(c, k - 1, NEG) && !ent_tok_is(c->doc, k - 1, "plus")) out->negated = true;
    /* "a refusé de signer": the refusal cancels the act. */
    if ((ent_tok_is(c->doc, k - 1, "de") || ent_tok_is(c->doc, k - 1, "d'")) && k >= 2 &&
        ent_tok_find(c->doc, k - 2, ENT_LEX_REFUSAL_VERB))
      out->negated = true;
  }
  return true;
}

/* The token after a date expression starting at token i ("la veille",
 * "mercredi 24 avril"), or i when none starts there. */
static size_t time_span_end(const ctx *c, size_t i, size_t sent_end) {
  const ent_doc *d = c->doc;
  if (i >= sent_end || tk(c, i)->kind == ENT_TOK_PUNCT) return i;
  ent_time_match m;
  /* A date expression is a few words long: do not search the whole sentence. */
  size_t lim = i + 8 < sent_end ? i + 8 : sent_end;
  if (!ent_doc_temporal_find(d, d->toks.v[lim - 1].end, d->toks.v[i].start,
                         NULL, false, &m) ||
      m.start != d->toks.v[i].start)
    return i;
  size_t j = i;
  while (j < sent_end && d->toks.v[j].start < m.end) j++;
  return j;
}

static bool time_token(const ctx *c, size_t i) {
  if (tk(c, i)->kind == ENT_TOK_NUMBER) return true;
  return is_word(c, i) &&
         ent_tok_find(c->doc, i, ENT_LEX_WEEKDAY | ENT_LEX_MONTH | ENT_LEX_TIME_WORD) != NULL;
}

/* Determiner and attributes of the noun phrase starting at np->first. */
static void np_determiner(const ctx *c, bill_np *np, size_t sent_first) {
  size_t i = np->first;
  /* One adjective may stand between (le premier paquet, une nouvelle loi). */
  for (int step = 0; step < 2 && i > sent_first; step++) {
    if (in_set(c, i - 1, DETS_DEF)) {
      np->definite = true;
      return;
    }
    if (in_set(c, i - 1, DETS_INDEF)) {
      np->indefinite = true;
      return;
    }
    if (!is_word(c, i - 1) || tk(c, i - 1)->cap || in_set(c, i - 1, STOP_GAP)) return;
    i--;
  }
}

/* Searches for a sum next to a noun stop a dozen tokens on. */
static size_t near_end(size_t i, size_t sent_end) { return i + 16 < sent_end ? i + 16 : sent_end; }

/* ", doté de" / ", chiffré à" right before the sum starting at byte `at`:
 * a comma, a past participle, then "de", "d'" or "à" (the noun's amount
 * given in an apposed participle phrase). */
static bool endowed_by(const ctx *c, size_t i, size_t at, size_t sent_end) {
  if (i + 3 > sent_end || !is_punct(c, i, ",") || !is_word(c, i + 1) || tk(c, i + 1)->cap)
    return false;
  const char *f = tk(c, i + 1)->fold;
  size_t n = strlen(f);
  bool participle = (n > 3 && f[n - 1] == 'e') || (n > 4 && strcmp(f + n - 2, "ee") == 0) ||
                    (n > 4 && strcmp(f + n - 2, "es") == 0);
  if (!participle) return false;
  size_t k = i + 2;
  if (!(ent_tok_is(c->doc, k, "de") || ent_tok_is(c->doc, k, "d'") ||
        ent_tok_is(c->doc, k, "a")))
    return false;
  return k + 1 < sent_end && tk(c, k + 1)->start == at;
}

/* A sum attached to the noun: "plan d'aide de 95 milliards", "projet de loi
 * comprenant 8 milliards", "d'un montant de". Up to four lower-case words
 * may stand between. */
static void np_amount(const ctx *c, bill_np *np, size_t sent_end) {
  np->cents = -1;
  if (np->end >= sent_end) return;
  ent_amount a;
  const ent_doc *d = c->doc;
  if (!ent_doc_amount_find(d, d->toks.v[near_end(np->end, sent_end) - 1].end,
                       tk(c, np->end)->start, &a))
    return;
  size_t i = np->end;
  bool endowed = false;
  int words = 0;
  for (; i < sent_end && tk(c, i)->end <= a.start; i++) {
    if (endowed_by(c, i, a.start, sent_end)) {
      endowed = true;
      break;
    }
    const ent_mention *m = ent_tok_mention(d, i);
    if (m && m->tok_first == i && (m->kind == ENT_M_COUNTRY || m->kind == ENT_M_PLACE) &&
        m->sense == ENT_SENSE_NAME && ++words <= 6) {
      i = m->tok_end - 1; /* "un plan pour la Moldavie, doté de …" */
      continue;
    }
    if (!is_word(c, i) || tk(c, i)->cap || ++words > 6) return;
  }
  /* Six words and places only before ", doté de": elsewhere four words,
   * and a name ends the noun's reach ("un plan pour Kiev et 8 milliards
   * pour Taïwan"). */
  if (!endowed && words > 4) return;
  if (!endowed)
    for (size_t k = np->end; k < i; k++)
      if (tk(c, k)->cap) return;
  np->amount = true;
  /* Only a sum that is the noun's own complement ("plan d'aide de 95
   * milliards", "d'un montant de", ", doté de") tells one bill from
   * another; "la loi prévoit 61 milliards" gives a part of it. */
  np->direct = endowed || ent_tok_is(c->doc, np->end, "de") || ent_tok_is(c->doc, np->end, "d'");
  if (a.has_value && np->direct) np->cents = a.cents;
}

/* Token index of the first token at or after byte b in the sentence. */
static size_t tok_at(const ctx *c, size_t b, size_t from, size_t end) {
  while (from < end && tk(c, from)->start < b) from++;
  return from;
}

/* The entity a mention stands for as an agent (capitals and institutions
 * for their country only when they are the agent of a state act). */
static int mention_entity(ctx *c, const ent_mention *m) {
  if (m->kind == ENT_M_TITLE || m->kind == ENT_M_HONORIFIC) return -1;
  if (m->kind == ENT_M_COUNTRY && m->sense == ENT_SENSE_DEMONYM) return -1;
  if (m->entity >= 0) return m->entity;
  if (m->entry) return ent_doc_lex_entity(c->doc, m->entry, false);
  return -1;
}

/* The person the roles give the title phrase at token head ("le président
 * américain" after "le président américain, Joe Biden"), or -1. */
static int title_holder(ctx *c, size_t head) {
  ent_title_phrase p;
  if (!ent_title_phrase_at(c->doc, head, &p) || p.relational || p.generic) return -1;
  int of = ent_title_of(c->doc, &p);
  int who = -1;
  for (size_t i = 0; i < c->doc->roles.n; i++) {
    const ent_role *r = &c->doc->roles.v[i];
    if (r->title_entry != p.title || r->former || (of >= 0 && r->of != of)) continue;
    if (who >= 0 && who != r->person) return -1; /* two holders: ambiguous */
    who = r->person;
  }
  return who;
}

/* The subject of the verb at v: the nearest agent before it in the clause,
 * past auxiliaries, titles and appositions ("le président Joe Biden a
 * signé", "Biden, le président américain, a signé"), or a pronoun. */
static int subject_before(ctx *c, size_t v, size_t sent_first) {
  size_t i = v;
  for (int steps = 0; i > sent_first && steps < 14; steps++) {
    size_t k = i - 1;
    const ent_token *t = tk(c, k);
    if (t->kind == ENT_TOK_QUOTE_OPEN || t->kind == ENT_TOK_QUOTE_CLOSE) return -1;
    if (t->kind == ENT_TOK_PUNCT && (strchr(";:", t->fold[0]) != NULL)) return -1;
    if (ent_tok_is(c->doc, k, "que") || ent_tok_is(c->doc, k, "qu'")) return -1;
    const ent_mention *m = ent_tok_mention(c->doc, k);
    if (m && m->kind == ENT_M_TITLE) {
      /* "le président américain a signé": who holds that title here. */
      int p = title_holder(c, m->tok_first);
      if (p >= 0) return p;
      /* Only an apposition ("Biden, le président américain, a signé")
       * lets the subject stand further back. */
      bool appos = false;
      for (size_t j = m->tok_end; j < v && !appos; j++) appos = is_punct(c, j, ",");
      if (!appos) return -1;
      i = m->tok_first;
      continue;
    }
    if (m && m->kind == ENT_M_COUNTRY && m->sense == ENT_SENSE_DEMONYM &&
        m->tok_first > sent_first && ent_tok_mention(c->doc, m->tok_first - 1) == NULL &&
        is_word(c, m->tok_first - 1) && m->tok_first >= sent_first + 2 &&
        in_set(c, m->tok_first - 2, DETS_DEF))
      /* "le Parlement géorgien", "le gouvernement allemand": an institution
       * the lexicon does not name acts for its country. */
      return ent_doc_lex_entity(c->doc, m->entry, false);
    if (m) {
      int e = mention_entity(c, m);
      if (e >= 0) return e;
      i = m->tok_first;
      continue;
    }
    if (ent_tok_is(c->doc, k, "il") || ent_tok_is(c->doc, k, "elle"))
      return ent_coref_recent_person(c->doc, k);
    i = k;
  }
  return -1;
}

/* The entity of the mention right at i (after articles), or -1. */
static int agent_at(ctx *c, size_t i, size_t sent_end) {
  while (i < sent_end && in_set(c, i, ARTICLES)) i++;
  const ent_mention *m = i < sent_end ? ent_tok_mention(c->doc, i) : NULL;
  if (!m || m->tok_first != i) return -1;
  if (m->kind == ENT_M_TITLE) {
    /* "par le président (américain,) Joe Biden", or the title's holder. */
    ent_title_phrase p;
    if (!ent_title_phrase_at(c->doc, i, &p)) return -1;
    size_t j = p.end < sent_end && is_punct(c, p.end, ",") ? p.end + 1 : p.end;
    const ent_mention *n = j < sent_end ? ent_tok_mention(c->doc, j) : NULL;
    if (n && n->tok_first == j && n->kind == ENT_M_PERSON) return mention_entity(c, n);
    return title_holder(c, i);
  }
  return mention_entity(c, m);
}

static size_t vote_count(const ctx *c, size_t i, size_t b);

/* The agent after a passive participle: "par le Sénat", "par 311 voix
 * contre 112 à la Chambre", past a time expression ("la veille"). */
static int agent_after(ctx *c, size_t v, size_t sent_end) {
  size_t i = time_span_end(c, v, sent_end);
  if (i == v) {
    /* The date may begin after its article: "le 9 avril". */
    size_t k = v;
    while (k < sent_end && in_set(c, k, ARTICLES)) k++;
    if (time_span_end(c, k, sent_end) > k) i = time_span_end(c, k, sent_end);
  }
  if (i >= sent_end || !ent_tok_is(c->doc, i, "par")) return -1;
  size_t after = vote_count(c, i, sent_end);
  if (after == i) return agent_at(c, i + 1, sent_end);
  /* After the votes, the chamber: "à la Chambre", "au Sénat". */
  if (after < sent_end && (is_a_prep(c, after) || ent_tok_is(c->doc, after, "au")))
    return agent_at(c, after + 1, sent_end);
  return -1;
}

/* "par 311 voix contre 112": how a vote went, at token i; returns the
 * token after it, or i. */
static size_t vote_count(const ctx *c, size_t i, size_t b) {
  if (i + 5 <= b && ent_tok_is(c->doc, i, "par") && tk(c, i + 1)->kind == ENT_TOK_NUMBER &&
      is_word(c, i + 2) && ent_tok_is(c->doc, i + 3, "contre") &&
      tk(c, i + 4)->kind == ENT_TOK_NUMBER)
    return i + 5;
  return i;
}

/* Allowed between a verb and its object: time words, determiners, one or two
 * lower-case adjectives, a vote count (a promulgué mercredi le plan; a
 * annoncé une nouvelle enveloppe; a adopté par 70 voix contre 29 un texte). */
static bool object_gap(const ctx *c, size_t a, size_t b) {
  if (b < a) return false;
  int adj = 0, n = 0;
  for (size_t i = a; i < b; i++) {
    size_t v = vote_count(c, i, b);
    if (v > i) {
      i = v - 1;
      continue;
    }
    if (++n > 6) return false;
    if (time_token(c, i) || in_set(c, i, ARTICLES)) continue;
    /* An adverbial "en …": "a adopté en première lecture le texte". */
    if (ent_tok_is(c->doc, i, "en")) {
      size_t k = i + 1;
      while (k < b && k < i + 3 && is_word(c, k) && !tk(c, k)->cap && !in_set(c, k, STOP_GAP) &&
             !in_set(c, k, ARTICLES))
        k++;
      if (k == i + 1) return false;
      i = k - 1;
      continue;
    }
    /* A place: "a approuvé jeudi à Bruxelles une enveloppe". */
    if (is_a_prep(c, i) && i + 1 < b && ent_tok_mention(c->doc, i + 1) &&
        ent_tok_mention(c->doc, i + 1)->kind == ENT_M_PLACE) {
      i = ent_tok_mention(c->doc, i + 1)->tok_end - 1;
      continue;
    }
    if (in_set(c, i, STOP_GAP) || !is_word(c, i) || tk(c, i)->cap || tk(c, i)->mention >= 0)
      return false;
    if (++adj > 2) return false;
  }
  return true;
}

/* Allowed between a noun phrase (and its sum) and a participle that
 * governs it: auxiliaries, negation, a comma, "que" + subject. */
static bool passive_gap(const ctx *c, size_t a, size_t b, bool agent) {
  if (b < a || b - a > (agent ? 12u : 8u)) return false;
  for (size_t i = a; i < b; i++) {
    size_t t = time_span_end(c, i, b);
    if (t > i) {
      i = t - 1;
      continue;
    }
    /* After another participle of the same noun: its agent. */
    if (agent && vote_count(c, i, b) > i) {
      i = vote_count(c, i, b) - 1;
      continue;
    }
    if (agent && (ent_tok_is(c->doc, i, "par") || in_set(c, i, ARTICLES) || is_a_prep(c, i) ||
                  ent_tok_is(c->doc, i, "au")))
      continue;
    if (in_set(c, i, AUX) || in_set(c, i, NEG) || is_punct(c, i, ",") || time_token(c, i) ||
        ent_tok_is(c->doc, i, "que") || ent_tok_is(c->doc, i, "qu'") ||
        ent_tok_is(c->doc, i, "qui") || tk(c, i)->mention >= 0)
      continue;
    return false;
  }
  return true;
}

/* End token of the sum right after a noun phrase, or the phrase's end. */
static size_t after_amount(const ctx *c, const bill_np *np, size_t sent_end) {
  if (!np->amount) return np->label_end;
  ent_amount a;
  const ent_doc *d = c->doc;
  if (!ent_doc_amount_find(d, d->toks.v[near_end(np->end, sent_end) - 1].end,
                       tk(c, np->end)->start, &a))
    return np->end;
  return tok_at(c, a.end, np->end, sent_end);
}

/* ---- dates ---- */

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
static int month_days(int y, int m) {
  static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : d[m - 1];
}
/* d moved by n days (|n| small); only full dates move. */
static ent_date add_days(ent_date d, int n) {
  if (d.prec != ENT_PREC_DAY) return d;
  for (; n < 0; n++)
    if (--d.day < 1) {
      if (--d.month < 1) {
        d.month = 12;
        d.year--;
      }
      d.day = month_days(d.year, d.month);
    }
  for (; n > 0; n--)
    if (++d.day > month_days(d.year, d.month)) {
      d.day = 1;
      if (++d.month > 12) {
        d.month = 1;
        d.year++;
      }
    }
  return d;
}

typedef struct {
  ent_time_match m;
  size_t first, end; /* tokens */
  bool relative;     /* "la veille": counted from the other date */
} tmatch;

/* "la veille", "le lendemain": a day offset from another date of the
 * sentence (bills.ttl, ent:EventDayOffset). */
static bool event_offset(const ctx *c, const tmatch *t, int *days) {
  char *f = ent_fold_new(c->doc->text + t->m.start, t->m.end - t->m.start);
  if (!f) return false;
  ent_lex_hit h[4];
  size_t n = ent_lexicon_lookup(c->doc->lex, f, ENT_LEX_OTHER, h, 4);
  free(f);
  for (size_t k = 0; k < n && k < 4; k++) {
    const char *v = ent_lex_prop(h[k].entry, "dayOffset");
    if (v) {
      *days = atoi(v);
      return true;
    }
  }
  return false;
}

/* The sentence's date expressions. */
static size_t sentence_times(ctx *c, const ent_sentence *se, tmatch *out, size_t max,
                             bool future) {
  const ent_doc *d = c->doc;
  size_t n = 0, from = se->start;
  ent_time_match m;
  while (n < max && ent_doc_temporal_find(d, se->end, from,
                                      d->pub.prec != ENT_PREC_NONE ? &d->pub : NULL, future,
                                      &m)) {
    if (m.start >= se->end || m.end <= from) break;
    out[n].m = m;
    out[n].first = tok_at(c, m.start, se->tok_first, se->tok_end);
    out[n].end = tok_at(c, m.end, out[n].first, se->tok_end);
    out[n].relative = false;
    n++;
    from = m.end;
  }
  for (size_t i = 0; i < n; i++) {
    int days;
    if (!event_offset(c, &out[i], &days)) continue;
    out[i].relative = true;
    /* Anchor: the nearest full date before it ("promulgué mercredi …
     * adopté la veille"), else the nearest after. */
    out[i].m.date.prec = ENT_PREC_NONE;
    size_t best = (size_t)-1;
    for (size_t k = 0; k < n; k++) {
      if (k == i || out[k].relative || out[k].m.date.prec != ENT_PREC_DAY) continue;
      size_t dist = out[k].first < out[i].first ? out[i].first - out[k].first
                                                : (out[k].first - out[i].first) + 1000;
      if (dist < best) {
        best = dist;
        out[i].m.date = add_days(out[k].m.date, days);
      }
    }
  }
  return n;
}

static bool future_verb(const ctx *c, size_t v) {
  const char *f = tk(c, v)->fold;
  size_t n = strlen(f);
  return (n > 4 && (strcmp(f + n - 2, "ra") == 0 || strcmp(f + n - 4, "ront") == 0)) ||
         (v > 0 && (ent_tok_is(c->doc, v - 1, "va") || ent_tok_is(c->doc, v - 1, "vont") ||
                    ent_tok_is(c->doc, v - 1, "sera") || ent_tok_is(c->doc, v - 1, "doit")));
}

/* The date nearest the verb in its sentence. */
static ent_date verb_date(ctx *c, const ent_sentence *se, size_t v) {
  tmatch ts[8];
  size_t n = sentence_times(c, se, ts, 8, future_verb(c, v));
  ent_date best = {0, 0, 0, ENT_PREC_NONE};
  size_t bestd = (size_t)-1;
  for (size_t i = 0; i < n; i++) {
    if (ts[i].m.date.prec == ENT_PREC_NONE) continue;
    size_t d = ts[i].first > v ? ts[i].first - v : ts[i].end > v ? 0 : v - (ts[i].end - 1);
    /* A semicolon between them: another clause. */
    size_t a = ts[i].first < v ? ts[i].first : v, b = ts[i].first < v ? v : ts[i].first;
    bool cut = false;
    for (size_t k = a; k < b; k++) cut = cut || is_punct(c, k, ";");
    if (cut) continue;
    if (d < bestd) {
      bestd = d;
      best = ts[i].m.date;
    }
  }
  return best;
}

/* A past participle as written (adopté, signée, votés): folding would merge
 * it with the present (adopte), whose subject, not object, stands before. */
static bool participle(const ctx *c, size_t i) {
  const ent_token *t = tk(c, i);
  const char *w = c->doc->text + t->start;
  size_t n = ent_tok_len(t);
  static const char *const END[] = {"é", "ée", "és", "ées", "É", "ÉE", "ÉS", "ÉES", NULL};
  for (const char *const *e = END; *e; e++) {
    size_t l = strlen(*e);
    if (n > l && memcmp(w + n - l, *e, l) == 0) return true;
  }
  return false;
}

/* ---- bills ---- */

/* The end of a law's subject after "sur" / "visant": up to the clause's
 * next verb, relative pronoun or punctuation (la loi sur les agents
 * étrangers, qui …). */
static size_t subject_end(const ctx *c, size_t i, size_t sent_end) {
  static const char *const STOP[] = {"qui", "que", "qu'", "dont", "a", "ont", "est", "sont",
                                     "avait", "sera", "doit", "pour", "par", "afin", "et",
                                     NULL};
  size_t j = i + 1;
  ent_lex_hit h;
  while (j < sent_end && j < i + 7 &&
         (is_word(c, j) || tk(c, j)->kind == ENT_TOK_QUOTE_OPEN ||
          tk(c, j)->kind == ENT_TOK_QUOTE_CLOSE) &&
         !in_set(c, j, STOP) &&
         !time_token(c, j) && !verb_lookup(c->doc->lex, tk(c, j)->fold, tk(c, j)->head_classes,
                                   ENT_LEX_BILL_VERB, &h))
    j++;
  while (j > i + 1 && (in_set(c, j - 1, ARTICLES) || ent_tok_is(c->doc, j - 1, "de") ||
                       ent_tok_is(c->doc, j - 1, "d'")))
    j--;
  return j > i + 1 ? j : i;
}

/* A clitic object before the verb: "l'a signé", "la promulguera". */
static bool clitic_object(const ctx *c, size_t v, size_t sent_first) {
  size_t i = v;
  for (int steps = 0; i > sent_first && steps < 4; steps++, i--) {
    size_t k = i - 1;
    if (ent_tok_is(c->doc, k, "l'") || ent_tok_is(c->doc, k, "la") ||
        ent_tok_is(c->doc, k, "le"))
      /* An article would be followed by its noun, not a verb or auxiliary. */
      return k + 1 == v || in_set(c, k + 1, AUX);
    if (!in_set(c, k, AUX) && !in_set(c, k, NEG)) return false;
  }
  return false;
}

/* The bill referred to last, if that was in this or the previous sentence. */
static int recent_bill(const ctx *c, int sent) {
  int best = -1;
  for (size_t i = 0; i < c->st.n; i++)
    if (best < 0 || c->st.v[i].last_tok > c->st.v[best].last_tok) best = (int)i;
  if (best < 0 || c->doc->toks.v[c->st.v[best].last_tok].sent + 1 < sent) return -1;
  return best;
}

static int new_bill(ctx *c, const bill_np *np, int sent) {
  const ent_doc *d = c->doc;
  char *label =
      ent_doc_span_new(d, d->toks.v[np->first].start, d->toks.v[np->label_end - 1].end);
  if (!label) return -1;
  ent_bill *b = ent_vec_push(&c->doc->bills);
  bill_state *s = ent_vec_push(&c->st);
  if (!b || !s) {
    free(label);
    if (b) c->doc->bills.n--;
    return -1;
  }
  b->label = label;
  b->signer = b->adopted_by = b->proposed_by = -1;
  b->sent = sent;
  s->last_tok = np->first;
  s->date_rank = 99;
  s->cents = np->cents;
  return (int)c->doc->bills.n - 1;
}

/* The bill a definite noun phrase refers back to: the latest one, unless the
 * phrase carries a different sum or a subject of its own. */
static int antecedent(const ctx *c, const bill_np *np) {
  int best = -1;
  if (np->specific) {
    /* "la loi sur les agents étrangers" again: the bill with that label. */
    const ent_doc *d = c->doc;
    if (d->bills.n == 0) return -1; /* none to fold the phrase for */
    char *f = ent_fold_new(d->text + d->toks.v[np->first].start,
                           d->toks.v[np->label_end - 1].end - d->toks.v[np->first].start);
    size_t fl = f ? strlen(f) : 0;
    for (size_t i = 0; f && i < d->bills.n && best < 0; i++) {
      char *g = ent_fold_new(d->bills.v[i].label, strlen(d->bills.v[i].label));
      /* One label may run further than the other ("… entrera en vigueur"). */
      size_t gl = g ? strlen(g) : 0, l = fl < gl ? fl : gl;
      if (g && strncmp(f, g, l) == 0 && (f[l] == '\0' || f[l] == ' ') &&
          (g[l] == '\0' || g[l] == ' '))
        best = (int)i;
      free(g);
    }
    free(f);
    return best;
  }
  for (size_t i = 0; i < c->st.n; i++)
    if (c->st.v[i].last_tok < np->first &&
        (best < 0 || c->st.v[i].last_tok > c->st.v[best].last_tok))
      best = (int)i;
  if (best < 0) return -1;
  if (np->cents >= 0 && c->st.v[best].cents >= 0 && np->cents != c->st.v[best].cents) return -1;
  return best;
}

static void apply_verb(ctx *c, int bill, const bill_verb *v, int agent, const ent_sentence *se) {
  if (v->negated || v->role == R_NONE) return;
  ent_bill *b = &c->doc->bills.v[bill];
  int *slot = v->role == R_SIGNER    ? &b->signer
              : v->role == R_ADOPTED  ? &b->adopted_by
              : v->role == R_PROPOSED ? &b->proposed_by
                                      : NULL;
  if (slot && *slot < 0 && agent >= 0) *slot = agent;
  int rank = (int)v->role;
  if (rank < c->st.v[bill].date_rank) {
    ent_date d = verb_date(c, se, v->first);
    if (d.prec != ENT_PREC_NONE) {
      b->date = d;
      c->st.v[bill].date_rank = rank;
    }
  }
}

#define MAX_NP 32
#define MAX_VERB 16

static entente_status sentence(ctx *c, size_t s) {
  const ent_sentence *se = &c->doc->sents.v[s];
  bill_np nps[MAX_NP];
  bill_verb verbs[MAX_VERB];
  size_t nn = 0, nv = 0;
  for (size_t i = se->tok_first; i < se->tok_end; i++) {
    size_t end;
    noun_kind kind;
    if (nn < MAX_NP && noun_at(c, i, se->tok_end, &end, &kind)) {
      if (kind != K_NONE) {
        bill_np *np = &nps[nn++];
        memset(np, 0, sizeof *np);
        np->first = i;
        np->end = end;
        np->kind = kind;
        np_determiner(c, np, se->tok_first);
        np_amount(c, np, se->tok_end);
        np->specific = end < se->tok_end && (ent_tok_is(c->doc, end, "sur") ||
                                             ent_tok_is(c->doc, end, "visant"));
        np->label_end = np->specific ? subject_end(c, end, se->tok_end) : end;
      }
      i = end - 1;
      continue;
    }
    if (nv < MAX_VERB && verb_at(c, i, se->tok_first, &verbs[nv])) nv++;
  }
  /* Link verbs to noun phrases: the object after, else the noun before
   * (participle or relative clause). */
  int link[MAX_VERB];
  bool passive[MAX_VERB];
  bool has_verb[MAX_NP] = {false}, has_role_verb[MAX_NP] = {false};
  bool has_vote[MAX_NP] = {false}; /* adopted or tabled, not only signed */
  for (size_t k = 0; k < nv; k++) {
    link[k] = -1;
    passive[k] = false;
    for (size_t j = 0; j < nn && link[k] < 0; j++)
      if (nps[j].first >= verbs[k].end && object_gap(c, verbs[k].end, nps[j].first))
        link[k] = (int)j;
    for (size_t j = nn; j-- > 0 && link[k] < 0 && participle(c, verbs[k].first);)
      if (nps[j].end <= verbs[k].first &&
          passive_gap(c, after_amount(c, &nps[j], se->tok_end), verbs[k].first, false)) {
        link[k] = (int)j;
        passive[k] = true;
      }
    /* "le texte adopté par le Sénat a été promulgué par X": chained
     * participles of one noun. */
    for (size_t p = k; p-- > 0 && link[k] < 0;)
      if (passive[p] && link[p] >= 0 && passive_gap(c, verbs[p].end, verbs[k].first, true)) {
        link[k] = link[p];
        passive[k] = true;
      }
    if (link[k] >= 0) {
      has_verb[link[k]] = true;
      if (verbs[k].role != R_ANNOUNCED) has_role_verb[link[k]] = true;
      if (verbs[k].role == R_ADOPTED || verbs[k].role == R_PROPOSED) has_vote[link[k]] = true;
    }
  }
  int bill_of[MAX_NP];
  for (size_t j = 0; j < nn; j++) {
    bill_np *np = &nps[j];
    bill_of[j] = -1;
    bool context = np->kind == K_LAW || np->amount || has_role_verb[j] ||
                   (np->kind == K_PACKAGE && has_verb[j]);
    /* "le Parlement a adopté un texte" is a bill; leaders who "ont signé
     * un texte commun" signed a declaration. */
    if (np->kind == K_ANAPHORIC) context = has_vote[j] && np->indefinite;
    if (np->kind == K_SUM) context = np->amount && np->direct;
    if (np->kind == K_ACT && np->specific) context = true; /* la loi sur … */
    int ante = -1;
    if (np->definite || (np->kind == K_ANAPHORIC && !np->indefinite)) ante = antecedent(c, np);
    if (ante >= 0) {
      bill_of[j] = ante;
      c->st.v[ante].last_tok = np->first;
      if (c->st.v[ante].cents < 0) c->st.v[ante].cents = np->cents;
      continue;
    }
    if (!context) continue;
    bill_of[j] = new_bill(c, np, (int)s);
    if (bill_of[j] < 0) return ENTENTE_ERR_NOMEM;
  }
  for (size_t k = 0; k < nv; k++) {
    if (link[k] < 0 || bill_of[link[k]] < 0) continue;
    int agent = passive[k] ? agent_after(c, verbs[k].end, se->tok_end)
                           : subject_before(c, verbs[k].first, se->tok_first);
    /* "la loi que le Sénat a adoptée": the subject of the relative. */
    if (passive[k] && agent < 0) {
      for (size_t i = nps[link[k]].end; i < verbs[k].first && agent < 0; i++) {
        const ent_mention *m = ent_tok_mention(c->doc, i);
        if (m && i > nps[link[k]].end && (ent_tok_is(c->doc, nps[link[k]].end, "que") ||
                                          ent_tok_is(c->doc, nps[link[k]].end, "qu'")))
          agent = mention_entity(c, m);
      }
    }
    apply_verb(c, bill_of[link[k]], &verbs[k], agent, se);
  }
  /* "Joe Biden l'a promulguée mercredi": a clitic object stands for the
   * bill of the sentences just before. */
  for (size_t k = 0; k < nv; k++) {
    if (link[k] >= 0 || !clitic_object(c, verbs[k].first, se->tok_first)) continue;
    int bill = recent_bill(c, (int)s);
    if (bill < 0) continue;
    apply_verb(c, bill, &verbs[k], subject_before(c, verbs[k].first, se->tok_first), se);
    c->st.v[bill].last_tok = verbs[k].first;
  }
  return ENTENTE_OK;
}

static bool same_date(const ent_date *a, const ent_date *b) {
  return a->prec == ENT_PREC_NONE || b->prec == ENT_PREC_NONE ||
         (a->prec == b->prec && a->year == b->year && a->month == b->month && a->day == b->day);
}

static bool same_label(const char *a, const char *b) {
  char *fa = ent_fold_new(a, strlen(a)), *fb = ent_fold_new(b, strlen(b));
  bool same = fa && fb && strcmp(fa, fb) == 0;
  free(fa);
  free(fb);
  return same;
}

/* Two records of one bill: the headline's and the text's ("Biden signe la
 * loi …" then "Joe Biden a promulgué mercredi un plan d'aide …"), or the
 * same sum, or the same signer on the same day. */
static bool same_bill(const ctx *c, size_t i, size_t j) {
  const ent_bill *a = &c->doc->bills.v[i], *b = &c->doc->bills.v[j];
  if (c->st.v[i].cents >= 0 && c->st.v[i].cents == c->st.v[j].cents) return true;
  if (a->signer >= 0 && a->signer == b->signer && same_date(&a->date, &b->date)) return true;
  bool heading = c->doc->sents.v[a->sent].heading || c->doc->sents.v[b->sent].heading;
  return heading && same_label(a->label, b->label);
}

static void merge_bills(ctx *c) {
  ent_doc *d = c->doc;
  size_t o = 0;
  for (size_t j = 0; j < d->bills.n; j++) {
    size_t i = 0;
    while (i < o && !same_bill(c, i, j)) i++;
    if (i == o) {
      d->bills.v[o] = d->bills.v[j];
      c->st.v[o++] = c->st.v[j];
      continue;
    }
    ent_bill *a = &d->bills.v[i], *b = &d->bills.v[j];
    if (a->signer < 0) a->signer = b->signer;
    if (a->adopted_by < 0) a->adopted_by = b->adopted_by;
    if (a->proposed_by < 0) a->proposed_by = b->proposed_by;
    if (c->st.v[j].date_rank < c->st.v[i].date_rank) {
      a->date = b->date;
      c->st.v[i].date_rank = c->st.v[j].date_rank;
    }
    if (c->st.v[i].cents < 0) c->st.v[i].cents = c->st.v[j].cents;
    free(b->label);
  }
  d->bills.n = o;
  c->st.n = o;
}

static entente_status run(ent_doc *doc) {
  ctx c = {doc, {NULL, 0, 0}};
  entente_status st = ENTENTE_OK;
  for (size_t s = 0; s < doc->sents.n && st == ENTENTE_OK; s++) st = sentence(&c, s);
  if (st == ENTENTE_OK) merge_bills(&c);
  free(c.st.v);
  return st;
}

const ent_extractor ent_extract_bills = {"bills", run};

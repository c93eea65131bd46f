/* extract_events: meetings, talks, summits, calls, visits, press
 * conferences, dinners and receptions (ontology/lexicon/events.ttl).
 *
 * Triggers are event verbs ("a rencontré", "s'est entretenu avec", "a été
 * reçu par", "s'est rendu à") and event nouns ("la visite de X à Z", "un
 * sommet entre MM. X et Y", "lors d'un entretien téléphonique avec Y").
 * Each sentence is cut into clauses (main, relative qui / où, infinitive,
 * subordinate, quotation) so that a trigger takes its subject, date and
 * place from its own clause: "Dimanche, X, qui avait rencontré Y en
 * décembre, a …" dates the meeting December, not Sunday.
 *
 * Participants are persons by name, by title ("le président chinois": the
 * person who holds that role in the text), by pronoun (il, l', ils, les deux
 * hommes) or by relation (son invité: the guest of the host). Groups may
 * take part too; an event with no person is dropped at the end.
 *
 * One event per occurrence: a new mention with the same persons, a kind of
 * the same family and no conflicting date or place is merged into the
 * earlier one (which may gain its date or place); "pour une visite d'État"
 * after a verb of arrival is that arrival; a definite noun with no
 * participant of its own ("hôte de la rencontre", "son premier sommet")
 * points back to the event under way. */
#include <stdlib.h>
#include <string.h>

#include "coref.h"
#include "extractor.h"
#include "text.h"
#include "titles.h"

#define MAXP 16

/* ---------------------------------------------------------------- types */

typedef struct {
  int v[MAXP];
  size_t n;
} plist;

typedef enum {
  CL_MAIN,
  CL_REL_QUI,   /* qui: the antecedent is the subject */
  CL_REL_OU,    /* où: the antecedent is the place */
  CL_REL,       /* dont, laquelle … */
  CL_INF,       /* avant de, après avoir, sans: the subject is the parent's */
  CL_PURPOSE,   /* pour / afin de + infinitive */
  CL_SUB,       /* que, alors que, lorsque … */
  CL_QUOTE      /* « … »: reported words, no event taken from them */
} cl_type;

typedef struct {
  cl_type type;
  int parent;
  size_t start; /* first token */
  size_t ante;  /* for relatives: last token of the antecedent, or SIZE_MAX */
} clause;

typedef struct {
  size_t tok; /* first token of the expression */
  ent_time_match m;
} tmatch;

/* What the extractor knows of an event beyond ent_event. */
typedef struct {
  plist hosts, guests;
  bool weak;      /* kept only if a later mention confirms it */
  int touched;    /* last sentence that spoke of it */
  bool from_noun;
  bool partner;   /* a partner was named (avec, entre, object …) */
} ev_aux;

/* An event as one mention gives it, before merging. */
typedef struct {
  ent_event_kind kind;
  plist parts, hosts, guests, context;
  ent_date date;
  bool planned;
  int place;
  bool weak, from_noun, partner, needs_partner;
  bool anaphoric; /* definite noun with no participant of its own */
  bool purpose;   /* "pour une visite", "pour discuter": the verb's own event */
  bool possessive;
  size_t tok;
} draft;

typedef ENT_VEC(tmatch) tmatches;

typedef struct {
  ent_doc *doc;
  int *cl_of; /* clause of each token of the current sentence (indexed by token) */
  ENT_VEC(clause) cls;
  tmatches times;        /* the sentence's dates: use times() */
  bool times_read;       /* times holds this sentence's */
  ENT_VEC(ev_aux) aux; /* parallel to doc->events */
  size_t sf, se;       /* current sentence's tokens */
  int sent;
  bool subject_mode;   /* parsing a subject: a description may name the person in focus */
  bool in_possessor;   /* inside clause_possessor: "son homologue" may be the clause's own
                          subject phrase, whose owner must not be looked up again (fuzz) */
  int frame;           /* "lors de sa visite, X a rencontré Y": the event that frames this sentence */
  size_t phrase_end;   /* a noun's place lies before this token (0: no limit) */
  const ent_mention *subject_place; /* a country or city found as a subject */
  bool oom;
} ctx;

/* ------------------------------------------------- grammatical word sets */

static const char *const DETS[] = {"le",  "la",  "l'",  "les", "un",  "une",  "des",
                                   "du",  "son", "sa",  "ses", "leur", "leurs", "ce",
                                   "cet", "cette", "ces", "au", "aux", "d'", "de", NULL};
static const char *const DEFINITE[] = {"le", "la", "l'", "les", "du", "au", "aux",
                                       "ce", "cet", "cette", "ces", NULL};
static const char *const POSS[] = {"son", "sa", "ses", "leur", "leurs", NULL};
static const char *const PREPS[] = {"de",    "d'",     "du",    "au",    "aux",
                                    "avec",  "par",    "pour",  "entre",  "selon", "chez",
                                    "contre", "sur",   "sans",  "outre",  "envers", "vers",
                                    "apres", "avant",  "dans",  "en",     "lors",  "malgre",
                                    "parmi", "devant", "derriere", "sous", "comme", "aupres",
                                    "face",  "hormis", "sauf",  NULL};
static const char *const LOC_PREPS[] = {"au", "aux", "en", "dans", "vers", NULL};
/* Pre-nominal adjectives between a determiner and an event noun. */
static const char *const PRENOM[] = {"premier", "premiere", "premiers", "premieres",
                                     "nouveau", "nouvel", "nouvelle", "nouveaux",
                                     "nouvelles", "prochain", "prochaine", "prochains",
                                     "prochaines", "dernier", "derniere", "derniers",
                                     "dernieres", "second", "seconde", "deuxieme",
                                     "troisieme", "long", "longue", "longs", "longues",
                                     "bref", "breve", "brefs", "breves", "grand", "grande",
                                     "grands", "grandes", "seul", "seule", "meme", "rare",
                                     "rares", "traditionnel", "traditionnelle", NULL};
static const char *const AUX[] = {
    "a",      "ont",     "avait",   "avaient", "aura",    "auront",  "aurait",   "auraient",
    "eu",     "est",     "sont",    "etait",   "etaient", "sera",    "seront",   "serait",
    "seraient", "ete",   "etre",    "avoir",   "ai",      "avons",   "avez",     "suis",
    "sommes", "etes",    "fut",     "furent",  "soit",    "soient",  "va",       "vont",
    "allait", "allaient", "doit",   "doivent", "devait",  "devaient", "devra",   "devront",
    "devrait", "devraient", "pourrait", "pourraient", "peut", "peuvent", "veut", "veulent",
    "compte", "comptent", "prevoit", "prevoient", "vient",  "viennent", "venait", "ne",
    "n'",     "pas",     "jamais",  "plus",    "s'",      "se",      "m'",       "me",
    "t'",     "te",      "l'",      "le",      "la",      "les",     "lui",      "leur",
    "y",      "deja",    "aussi",   "egalement", "ensuite", "alors", "encore",   "enfin",
    "notamment", "bien", "finalement", "meme", "d'abord", NULL};
static const char *const ETRE[] = {"est", "sont", "etait", "etaient", "sera", "seront",
                                   "serait", "seraient", "ete", "etre", "fut", "furent",
                                   "soit", "soient", NULL};
static const char *const REFLEXIVE[] = {"s'", "se", "m'", "me", "t'", "te", NULL};
static const char *const PLAN[] = {"doit",    "doivent", "devra", "devront", "devrait",
                                   "devraient", "va",    "vont",  "compte",  "comptent",
                                   "prevoit", "prevoient", NULL};
static const char *const PLANNED_ADJ[] = {"prevu", "prevue", "prevus", "prevues", NULL};
static const char *const OBJ_CLITICS[] = {"l'", "le", "la", "les", NULL};
static const char *const ADVERBS[] = {
    "aussi",     "egalement", "ensuite",  "deja",     "alors",     "encore",    "enfin",
    "notamment", "hier",      "ensemble", "puis",     "bien",      "d'abord",   "meme",
    "pourtant",  "toujours",  "donc",     "cependant", "neanmoins", "toutefois", "desormais",
    "bientot",   "aussitot",  "finalement", "longuement", NULL};
/* "lors de la conférence de presse": the clause's subject took part. */
static const char *const DURING[] = {"lors", "pendant", "durant", "issue", "occasion", "terme",
                                     NULL};

/* ------------------------------------------------------------- helpers */

static const ent_token *tk(const ctx *c, size_t i) { return &c->doc->toks.v[i]; }
static bool is(const ctx *c, size_t i, const char *w) { return ent_tok_is(c->doc, i, w); }

/* The token as written equals w (ASCII case folded): tells "à" from "a"
 * and "où" from "ou", which folding merges. */
static bool raw_is(const ctx *c, size_t i, const char *w) {
  if (i >= c->doc->toks.n) return false;
  const ent_token *t = tk(c, i);
  /* The first byte first: most tokens differ there, and strlen costs more. */
  char a0 = c->doc->text[t->start];
  if ((a0 >= 'A' && a0 <= 'Z' ? (char)(a0 - 'A' + 'a') : a0) != w[0]) return false;
  size_t n = strlen(w);
  if (ent_tok_len(t) != n) return false;
  for (size_t k = 0; k < n; k++) {
    char a = c->doc->text[t->start + k], b = w[k];
    if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
    if (a != b) return false;
  }
  return true;
}

/* The preposition à (folded to "a" like the verb form a). */
static bool is_a(const ctx *c, size_t i) { return raw_is(c, i, "à") || raw_is(c, i, "À"); }

static bool in_set(const ctx *c, size_t i, const char *const *set) {
  if (i >= c->doc->toks.n) return false;
  const char *f = tk(c, i)->fold;
  for (; *set; set++)
    if (ent_streq(f, *set)) return strcmp(f, "a") != 0 || !is_a(c, i);
  return false;
}

static bool prep(const ctx *c, size_t i) { return is_a(c, i) || in_set(c, i, PREPS); }
static bool loc_prep(const ctx *c, size_t i) { return is_a(c, i) || in_set(c, i, LOC_PREPS); }

/* Folded forms keep accents out: compare to unaccented literals. */
static bool is_word_tok(const ctx *c, size_t i) {
  return i < c->doc->toks.n && tk(c, i)->kind == ENT_TOK_WORD;
}

static bool adverb(const ctx *c, size_t i) {
  if (!is_word_tok(c, i) || tk(c, i)->cap) return false;
  const char *f = tk(c, i)->fold;
  size_t n = strlen(f);
  return in_set(c, i, ADVERBS) || (n > 5 && strcmp(f + n - 4, "ment") == 0);
}

static const ent_mention *mention_at(const ctx *c, size_t i) {
  return i < c->doc->toks.n ? ent_tok_mention(c->doc, i) : NULL;
}

static bool plist_has(const plist *p, int e) {
  for (size_t i = 0; i < p->n; i++)
    if (p->v[i] == e) return true;
  return false;
}

static void plist_add(plist *p, int e) {
  if (e >= 0 && !plist_has(p, e) && p->n < MAXP) p->v[p->n++] = e;
}

static void plist_union(plist *p, const plist *q) {
  for (size_t i = 0; i < q->n; i++) plist_add(p, q->v[i]);
}

static bool is_person(const ctx *c, int e) {
  return e >= 0 && c->doc->entities.v[e].kind == ENT_E_PERSON;
}

static size_t person_count(const ctx *c, const plist *p) {
  size_t n = 0;
  for (size_t i = 0; i < p->n; i++) n += is_person(c, p->v[i]);
  return n;
}

static bool prop_true(const ent_lex_entry *e, const char *key) {
  const char *v = e ? ent_lex_prop(e, key) : NULL;
  return v && strcmp(v, "true") == 0;
}

static bool prop_has(const ent_lex_entry *e, const char *key, const char *val) {
  for (size_t i = 0;; i++) {
    const char *v = ent_lex_prop_nth(e, key, i);
    if (!v) return false;
    if (strcmp(v, val) == 0) return true;
  }
}

static int clause_of(const ctx *c, size_t i) {
  return i >= c->sf && i < c->se ? c->cl_of[i] : -1;
}

static cl_type ctype(const ctx *c, int cl) { return c->cls.v[cl].type; }

static bool in_quote(const ctx *c, size_t i) {
  for (int cl = clause_of(c, i); cl >= 0; cl = c->cls.v[cl].parent)
    if (ctype(c, cl) == CL_QUOTE) return true;
  return false;
}

static bool kind_of(const char *s, ent_event_kind *out) {
  static const char *const names[] = {"Meeting", "Talks", "Summit", "Call", "Visit",
                                      "StateVisit", "PressConference", "Dinner",
                                      "Reception"};
  for (int i = 0; s && i < 9; i++)
    if (strcmp(s, names[i]) == 0) {
      *out = (ent_event_kind)i;
      return true;
    }
  return false;
}

/* Families of kinds that may name the same occurrence. */
static int family(ent_event_kind k) {
  switch (k) {
  case ENT_EV_MEETING:
  case ENT_EV_TALKS:
  case ENT_EV_RECEPTION: return 0;
  case ENT_EV_SUMMIT: return 6;
  case ENT_EV_VISIT:
  case ENT_EV_STATE_VISIT: return 1;
  case ENT_EV_CALL: return 2;
  case ENT_EV_PRESS_CONFERENCE: return 3;
  case ENT_EV_DINNER: return 4;
  }
  return 5;
}

/* The more specific of two kinds of one family. */
static ent_event_kind specific(ent_event_kind a, ent_event_kind b) {
  if (a == ENT_EV_STATE_VISIT || b == ENT_EV_STATE_VISIT) return ENT_EV_STATE_VISIT;
  if (a == ENT_EV_SUMMIT || b == ENT_EV_SUMMIT) return ENT_EV_SUMMIT;
  return a;
}

/* ------------------------------------------------------ lexicon lookups */

/* The longest entry of `cls` starting at token i (within the sentence). */
static const ent_lex_entry *lex_at(const ctx *c, size_t i, unsigned cls, size_t *end) {
  /* head_classes: every key below starts with token i's word. */
  if (!is_word_tok(c, i) || !(tk(c, i)->head_classes & cls)) return NULL;
  /* Phrases of words only: "sommet ." is no key. */
  size_t max = ent_doc_phrase_tokens(c->doc, i, c->se), words = 0;
  while (words < max && i + words < c->se && tk(c, i + words)->kind == ENT_TOK_WORD) words++;
  for (size_t w = words; w >= 1; w--) {
    ent_lex_hit hits[8];
    size_t n = ent_doc_lookup(c->doc, i, i + w, cls, hits, 8);
    for (size_t h = 0; h < n && h < 8; h++) {
      if (hits[h].by_stem && prop_true(hits[h].entry, "exactForm")) continue;
      *end = i + w;
      return hits[h].entry;
    }
  }
  return NULL;
}

/* ------------------------------------------------------------- clauses */

static int new_clause(ctx *c, cl_type type, int parent, size_t start, size_t ante) {
  clause *k = ent_vec_push(&c->cls);
  if (!k) {
    c->oom = true;
    return parent < 0 ? 0 : parent;
  }
  k->type = type;
  k->parent = parent;
  k->start = start;
  k->ante = ante;
  return (int)c->cls.n - 1;
}

static bool title_head_near(const ctx *c, size_t j, ent_title_phrase *p) {
  for (size_t k = j; k < j + 3 && k < c->se; k++)
    if (ent_title_phrase_at(c->doc, k, p) && p->first <= j + 1) return true;
  return false;
}

/* Is the comma at i the start of an apposition (", Gabriel Attal," or ",
 * alors présidente de la Chambre,")? Then it closes no clause. */
static bool apposition_after(const ctx *c, size_t i) {
  size_t j = i + 1;
  const ent_mention *m = mention_at(c, j);
  if (m && m->kind == ENT_M_HONORIFIC) m = mention_at(c, m->tok_end);
  if (m && m->kind == ENT_M_PERSON) {
    size_t e = m->tok_end;
    return e >= c->se || is(c, e, ",") || tk(c, e)->kind == ENT_TOK_PUNCT;
  }
  ent_title_phrase p;
  if (title_head_near(c, j, &p)) {
    size_t e = p.end;
    if (e >= c->se || is(c, e, ",") || tk(c, e)->kind == ENT_TOK_PUNCT) return true;
  }
  return false;
}

/* Does an infinitive clause start at i ("avant de", "pour s'être", "afin
 * d'", "après avoir", "sans")? Sets *purpose for pour / afin de. */
static bool inf_start(const ctx *c, size_t i, bool *purpose) {
  *purpose = false;
  if ((is(c, i, "avant") || is(c, i, "afin")) && (is(c, i + 1, "de") || is(c, i + 1, "d'"))) {
    *purpose = is(c, i, "afin");
    return true;
  }
  if (is(c, i, "apres") && (is(c, i + 1, "avoir") || is(c, i + 1, "etre") ||
                            (is(c, i + 1, "s'") && is(c, i + 2, "etre"))))
    return true;
  if (is(c, i, "pour") || is(c, i, "sans")) {
    size_t j = i + 1;
    if (!is_word_tok(c, j) || tk(c, j)->cap) return false;
    const char *f = tk(c, j)->fold;
    size_t n = strlen(f);
    bool inf = in_set(c, j, REFLEXIVE) || is(c, j, "l'") || is(c, j, "lui") || is(c, j, "y") ||
               is(c, j, "ne") ||
               (n > 3 && (strcmp(f + n - 2, "er") == 0 || strcmp(f + n - 2, "ir") == 0 ||
                          strcmp(f + n - 2, "re") == 0));
    /* Nouns ending like infinitives ("pour le dîner") come after a determiner. */
    if (inf && !in_set(c, j, DETS)) {
      *purpose = is(c, i, "pour");
      return true;
    }
  }
  return false;
}

static void build_clauses(ctx *c) {
  c->cls.n = 0;
  int cur = new_clause(c, CL_MAIN, -1, c->sf, SIZE_MAX);
  bool appos = false; /* inside ", alors présidente de …," */
  for (size_t i = c->sf; i < c->se; i++) {
    const ent_token *t = tk(c, i);
    if (t->kind == ENT_TOK_QUOTE_OPEN) {
      cur = new_clause(c, CL_QUOTE, cur, i, SIZE_MAX);
      c->cl_of[i] = cur;
      continue;
    }
    if (t->kind == ENT_TOK_QUOTE_CLOSE) {
      c->cl_of[i] = cur;
      for (int k = cur; k >= 0; k = c->cls.v[k].parent)
        if (ctype(c, k) == CL_QUOTE) {
          cur = c->cls.v[k].parent >= 0 ? c->cls.v[k].parent : 0;
          break;
        }
      continue;
    }
    if (in_quote(c, i > c->sf ? i - 1 : i) && cur >= 0 && ctype(c, cur) == CL_QUOTE) {
      c->cl_of[i] = cur;
      continue;
    }
    if (is(c, i, ";") || is(c, i, ":")) {
      c->cl_of[i] = cur;
      cur = new_clause(c, CL_MAIN, -1, i + 1, SIZE_MAX);
      continue;
    }
    if (is(c, i, ",")) {
      c->cl_of[i] = cur;
      /* ", qui …" / ", où …" opens a relative inside the current clause. */
      bool rel = is(c, i + 1, "qui") || raw_is(c, i + 1, "où") || is(c, i + 1, "dont");
      /* The comma that closes an apposition, when the clause goes on with a
       * complement: "la visite de X, alors présidente de …, à Taïwan". */
      bool purpose_unused;
      if (appos && loc_prep(c, i + 1) && !inf_start(c, i + 1, &purpose_unused)) {
        appos = false;
        continue;
      }
      appos = false;
      if (apposition_after(c, i)) {
        appos = true;
        continue;
      }
      if (ctype(c, cur) != CL_MAIN && ctype(c, cur) != CL_QUOTE && !rel)
        cur = c->cls.v[cur].parent >= 0 ? c->cls.v[cur].parent : 0;
      continue;
    }
    size_t ante = i > c->sf ? i - 1 : SIZE_MAX;
    if (ante != SIZE_MAX && is(c, ante, ",") && ante > c->sf) ante--;
    bool purpose;
    if (is(c, i, "qui")) {
      cur = new_clause(c, CL_REL_QUI, cur, i, ante);
    } else if (raw_is(c, i, "où") || raw_is(c, i, "Où")) {
      cur = new_clause(c, CL_REL_OU, cur, i, ante);
    } else if (is(c, i, "dont") || is(c, i, "laquelle") || is(c, i, "lequel") ||
               is(c, i, "lesquels") || is(c, i, "lesquelles") || is(c, i, "auquel") ||
               is(c, i, "duquel")) {
      cur = new_clause(c, CL_REL, cur, i, ante);
    } else if ((is(c, i, "que") || is(c, i, "qu'")) && !is(c, i - 1, "ainsi") &&
               !is(c, i - 1, "plus") && !is(c, i - 1, "moins") && !is(c, i - 1, "autant")) {
      cur = new_clause(c, CL_SUB, cur, i, SIZE_MAX);
    } else if (is(c, i, "lorsque") || is(c, i, "lorsqu'") || is(c, i, "quand") ||
               is(c, i, "tandis") || is(c, i, "puisque") || is(c, i, "car")) {
      cur = new_clause(c, CL_SUB, cur, i, SIZE_MAX);
    } else if (is(c, i, "mais")) {
      cur = new_clause(c, CL_MAIN, -1, i, SIZE_MAX);
    } else if (inf_start(c, i, &purpose)) {
      cur = new_clause(c, purpose ? CL_PURPOSE : CL_INF, cur, i, SIZE_MAX);
    }
    c->cl_of[i] = cur;
  }
}

/* ------------------------------------------------------- noun phrases */

static size_t sent_first_of(const ctx *c, size_t i) {
  return c->doc->sents.v[tk(c, i)->sent].tok_first;
}

/* The title phrase that ends right before token e, if any. */
static bool title_ending(const ctx *c, size_t e, ent_title_phrase *p) {
  size_t lo = sent_first_of(c, e > 0 ? e - 1 : 0);
  for (size_t h = e; h-- > lo && h + 14 > e;) {
    const ent_mention *m = mention_at(c, h);
    if (m && m->kind == ENT_M_TITLE && m->tok_first == h && ent_title_phrase_at(c->doc, h, p) &&
        p->end == e)
      return true;
  }
  return false;
}

/* Is the noun phrase starting at `first` governed by a preposition (so it
 * is no subject)? Looks through determiners, honorifics, appositions (", le
 * ministre …, X") and coordination ("entre MM. X et Y"). */
static bool governed(const ctx *c, size_t first, int depth) {
  size_t lo = sent_first_of(c, first);
  size_t j = first;
  if (j > lo) {
    const ent_mention *h = mention_at(c, j - 1);
    if (h && h->kind == ENT_M_HONORIFIC) j = h->tok_first;
  }
  if (j > lo && in_set(c, j - 1, DETS) && !prep(c, j - 1)) j--;
  if (j <= lo) return false;
  size_t p = j - 1;
  if (prep(c, p)) return true;
  if (depth > 2) return false;
  if (p <= lo) return false;
  /* Apposition to a title: "de son épouse, X". */
  ent_title_phrase t;
  if (is(c, p, ",") && title_ending(c, p, &t)) return governed(c, t.first, depth + 1);
  /* Coordination: "entre MM. X et Y". */
  if (is(c, p, "et") || is(c, p, "ou")) {
    if (title_ending(c, p, &t)) return governed(c, t.first, depth + 1);
    const ent_mention *m = mention_at(c, p - 1);
    if (m && (m->kind == ENT_M_PERSON || m->kind == ENT_M_GROUP))
      return governed(c, m->tok_first, depth + 1);
  }
  return false;
}

/* Position of the latest mention of entity e before token tok, or -1. */
static long last_pos(const ctx *c, int e, size_t tok) {
  long best = -1;
  for (size_t k = 0; k < c->doc->mentions.n; k++) {
    const ent_mention *m = &c->doc->mentions.v[k];
    if (m->entity == e && m->tok_first < tok && (long)m->tok_first > best)
      best = (long)m->tok_first;
  }
  return best;
}

/* Whether titles a and b name one position: the same title, or one a
 * periphrasis of the other (skos:related in titles.ttl: "chef de l'État" →
 * président). */
static bool same_position(const ent_lex_entry *a, const ent_lex_entry *b) {
  if (a == b) return true;
  if (!a || !b) return false;
  for (int k = 0; k < 2; k++) {
    const ent_lex_entry *x = k ? b : a, *y = k ? a : b;
    const char *id;
    for (size_t i = 0; (id = ent_lex_prop_nth(x, "related", i)) != NULL; i++)
      if (strcmp(id, ent_lex_id(y)) == 0) return true;
  }
  return false;
}

/* The person a title phrase standing alone means: "le président chinois"
 * is who holds that role in the text; "le dirigeant ukrainien" whoever
 * holds a role of Ukraine. Without a country or organization the title
 * must have one holder only. -1 when unsure. */
static int describe(const ctx *c, const ent_title_phrase *p, size_t tok, const plist *excl) {
  int org = p->org_mention >= 0 ? c->doc->mentions.v[p->org_mention].entity : -1;
  if (p->relational && !p->country) return -1;
  if (p->generic && !p->country && org < 0) return -1;
  int best = -1, other = -1;
  long bestpos = -1;
  for (size_t i = 0; i < c->doc->roles.n; i++) {
    const ent_role *r = &c->doc->roles.v[i];
    if (excl && plist_has(excl, r->person)) continue;
    const ent_lex_entry *of = r->of >= 0 ? c->doc->entities.v[r->of].entry : NULL;
    if (!p->relational && !p->generic && !same_position(r->title_entry, p->title)) continue;
    if (p->country && of != p->country) continue;
    if (org >= 0 && r->of != org) continue;
    if (r->former) continue;
    long pos = last_pos(c, r->person, tok);
    if (pos < 0) continue;
    if (best >= 0 && best != r->person) other = r->person;
    if (pos > bestpos) {
      if (best >= 0 && best != r->person) other = best;
      best = r->person;
      bestpos = pos;
    }
  }
  if (other >= 0 && !p->country && org < 0) return -1;
  return best;
}

static int resolve_he(const ctx *c, size_t tok, const plist *excl);
static int resolve_he_at(const ctx *c, size_t tok, const plist *excl, int depth);

static bool has_role(const ctx *c, int person) {
  for (size_t i = 0; i < c->doc->roles.n; i++)
    if (c->doc->roles.v[i].person == person) return true;
  return false;
}

/* describe(), else the person in focus when the text gave that person no
 * role yet: "Giorgia Meloni est arrivée … La première ministre italienne a
 * …" (a definite description names the person just spoken of). */
static int describe_or_focus(const ctx *c, const ent_title_phrase *p, size_t tok,
                             const plist *excl) {
  int e = describe(c, p, tok, excl);
  if (e >= 0 || !p->definite || p->relational || p->generic || p->former) return e;
  /* Only when one person without a role is in view (this sentence and the
   * one before): "X et Y ont … Le président français …" is not decided. */
  int s = tk(c, tok)->sent;
  plist seen = {{0}, 0};
  for (size_t k = 0; k < c->doc->mentions.n; k++) {
    const ent_mention *m = &c->doc->mentions.v[k];
    int ms = tk(c, m->tok_first)->sent;
    if (m->kind == ENT_M_PERSON && m->entity >= 0 && (ms == s - 1 || (ms == s && m->tok_first < tok)) &&
        !has_role(c, m->entity))
      plist_add(&seen, m->entity);
  }
  if (seen.n > 1) return -1;
  int f = resolve_he(c, tok, excl);
  return f >= 0 && !has_role(c, f) ? f : -1;
}

/* A group entity for a group mention and its demonyms ("hauts
 * fonctionnaires américains"). */
static int group_entity(ctx *c, const ent_mention *m, size_t *end) {
  size_t e = m->tok_end;
  const ent_lex_entry *country = NULL;
  for (;;) {
    const ent_mention *x = mention_at(c, e);
    if (!x || x->kind != ENT_M_COUNTRY || x->sense != ENT_SENSE_DEMONYM || x->tok_first != e)
      break;
    if (!country) country = x->entry;
    e = x->tok_end;
  }
  *end = e;
  char *label = ent_doc_span_new(c->doc, tk(c, m->tok_first)->start, tk(c, e - 1)->end);
  char *slug = label ? ent_slug_new(label, strlen(label)) : NULL;
  int id = slug ? ent_doc_entity(c->doc, ENT_E_GROUP, label, slug, NULL) : -1;
  if (id >= 0 && country && !c->doc->entities.v[id].country)
    c->doc->entities.v[id].country = country;
  if (id < 0) c->oom = true;
  free(label);
  free(slug);
  return id;
}

/* Is person mention m subject-like (no preposition governs it)? */
static bool subject_like(const ctx *c, const ent_mention *m) {
  return m->kind == ENT_M_PERSON && m->entity >= 0 && !governed(c, m->tok_first, 0);
}


/* The subject of an earlier sentence: its first noun phrase that no
 * preposition governs — a person, a title that describes one ("Le
 * dirigeant chinois doit …"), or a pronoun resolved in turn. */
static int sentence_subject(const ctx *c, int s, const plist *excl, int depth) {
  const ent_sentence *se = &c->doc->sents.v[s];
  for (size_t i = se->tok_first; i < se->tok_end; i++) {
    if (tk(c, i)->kind == ENT_TOK_QUOTE_OPEN) {
      while (i < se->tok_end && tk(c, i)->kind != ENT_TOK_QUOTE_CLOSE) i++;
      continue;
    }
    const ent_mention *m = ent_tok_mention(c->doc, i);
    if (m && m->kind == ENT_M_PERSON && m->tok_first == i) {
      if (subject_like(c, m) && !(excl && plist_has(excl, m->entity))) return m->entity;
      i = m->tok_end - 1;
      continue;
    }
    ent_title_phrase p;
    if (m && m->kind == ENT_M_TITLE && m->tok_first == i &&
        ent_title_phrase_at(c->doc, i, &p)) {
      const ent_mention *x = ent_tok_mention(c->doc, p.end);
      if (is(c, p.end, ",")) x = ent_tok_mention(c->doc, p.end + 1);
      if (x && x->kind == ENT_M_HONORIFIC) x = ent_tok_mention(c->doc, x->tok_end);
      if (!governed(c, p.first, 0) && p.definite && !(x && x->kind == ENT_M_PERSON)) {
        int e = describe(c, &p, i, excl);
        if (e >= 0) return e;
      }
      i = p.end - 1;
      continue;
    }
    bool plural = is(c, i, "ils") || is(c, i, "elles");
    if (!plural && (is(c, i, "il") || is(c, i, "elle")) && s > 0)
      return resolve_he_at(c, i, excl, depth + 1);
  }
  return -1;
}

/* He / she at token tok: the latest subject-like person before it in the
 * sentence, else the subject of the closest earlier sentence that has one;
 * never one of `excl`. */
static int resolve_he(const ctx *c, size_t tok, const plist *excl) {
  return resolve_he_at(c, tok, excl, 0);
}

/* A pronoun whose antecedent is itself a pronoun is followed back at most
 * RESOLVE_HE_DEPTH times: each step looks at three sentences, so a text of
 * pronouns and no name ("…, a-t-il dit." again and again) made the search
 * exponential in its sentences (found by fuzz_extract). */
enum { RESOLVE_HE_DEPTH = 3 };

static int resolve_he_at(const ctx *c, size_t tok, const plist *excl, int depth) {
  int s = tk(c, tok)->sent;
  int best = -1;
  size_t bpos = 0;
  for (size_t k = 0; k < c->doc->mentions.n; k++) {
    const ent_mention *m = &c->doc->mentions.v[k];
    if (tk(c, m->tok_first)->sent != s || m->tok_first >= tok) continue;
    int e = m->entity;
    if (m->kind == ENT_M_TITLE) {
      /* A description standing for its holder: "Le chef de la diplomatie
       * iranienne s'est rendu à Riyad, où il a été reçu …". */
      ent_title_phrase p;
      if (!ent_title_phrase_at(c->doc, m->tok_first, &p) || !p.definite ||
          governed(c, p.first, 0) || p.end >= tok)
        continue;
      const ent_mention *after = mention_at(c, p.end);
      if (is(c, p.end, ",") || (after && after->kind == ENT_M_PERSON)) continue; /* apposition */
      e = describe(c, &p, p.first, excl);
      if (e < 0) continue;
    } else if (!subject_like(c, m) || (excl && plist_has(excl, m->entity))) {
      continue;
    }
    if (best < 0 || m->tok_first > bpos) {
      best = e;
      bpos = m->tok_first;
    }
  }
  if (best >= 0) return best;
  for (int back = 1; depth <= RESOLVE_HE_DEPTH && back <= 3 && s - back >= 0; back++) {
    int e = sentence_subject(c, s - back, excl, depth);
    if (e >= 0) return e;
  }
  int r = ent_coref_recent_person(c->doc, tok);
  return excl && plist_has(excl, r) ? -1 : r;
}

/* They / les deux hommes: the persons of the event spoken of last, else
 * the subject-like persons of the previous sentence. */
static void resolve_they(const ctx *c, size_t tok, plist *out, bool pair) {
  int s = tk(c, tok)->sent;
  int best = -1;
  for (size_t k = 0; k < c->doc->events.n; k++)
    if (c->aux.v[k].touched >= s - 1) {
      const ent_event *ev = &c->doc->events.v[k];
      size_t np = 0;
      for (size_t j = 0; j < ev->participants.n; j++) np += is_person(c, ev->participants.v[j]);
      if (np >= 2 && (best < 0 || c->aux.v[k].touched >= c->aux.v[best].touched)) best = (int)k;
    }
  /* "les deux ministres" names a pair even far from it: the latest event of
   * exactly two persons. */
  for (size_t k = c->doc->events.n; pair && best < 0 && k-- > 0;) {
    const ent_event *ev = &c->doc->events.v[k];
    size_t np = 0;
    for (size_t j = 0; j < ev->participants.n; j++) np += is_person(c, ev->participants.v[j]);
    if (np == 2 && !c->aux.v[k].weak) best = (int)k;
  }
  if (best >= 0) {
    const ent_event *ev = &c->doc->events.v[best];
    for (size_t j = 0; j < ev->participants.n; j++)
      if (is_person(c, ev->participants.v[j])) plist_add(out, ev->participants.v[j]);
    return;
  }
  plist tmp = {{0}, 0};
  for (size_t k = 0; k < c->doc->mentions.n; k++) {
    const ent_mention *m = &c->doc->mentions.v[k];
    if (s > 0 && tk(c, m->tok_first)->sent == s - 1 && subject_like(c, m))
      plist_add(&tmp, m->entity);
  }
  /* "X s'est rendu à Tokyo. Y est venu à Séoul. Les deux hommes …": a pair
   * of subjects over the two sentences before. */
  if (pair && tmp.n == 1 && s > 1) {
    plist two = tmp;
    for (size_t k = 0; k < c->doc->mentions.n; k++) {
      const ent_mention *m = &c->doc->mentions.v[k];
      if (tk(c, m->tok_first)->sent == s - 2 && subject_like(c, m)) plist_add(&two, m->entity);
    }
    if (two.n == 2) tmp = two;
  }
  if (tmp.n >= 2) plist_union(out, &tmp);
}

/* "son invité", "son hôte": the guest (or host) of the possessor's latest
 * hosted event. */
static int resolve_guest(const ctx *c, int owner, bool host_word) {
  for (size_t k = c->doc->events.n; k-- > 0;) {
    const ev_aux *a = &c->aux.v[k];
    if (plist_has(&a->hosts, owner) && a->guests.n == 1) return a->guests.v[0];
    if (host_word && plist_has(&a->guests, owner) && a->hosts.n >= 1) return a->hosts.v[0];
  }
  return -1;
}

static bool is_pronoun(const ctx *c, size_t i, bool *plural) {
  *plural = is(c, i, "ils") || is(c, i, "elles") || is(c, i, "eux");
  return *plural || is(c, i, "il") || is(c, i, "elle") || is(c, i, "lui");
}

static int clause_possessor(ctx *c, size_t tok);

static bool is_pronoun_tok(const ctx *c, size_t i) {
  bool plural;
  return is_pronoun(c, i, &plural);
}

/* One noun phrase naming participants at token i: a person (with its
 * apposition), a title (with the name after it, or the person it
 * describes), a group, a pronoun, "les deux hommes", "son invité".
 * Adds what it names to *out; returns the token after the phrase, or i
 * when none starts there. *other is set for a country, place or
 * organization (a phrase, but no participant). */
static size_t np_at(ctx *c, size_t i, size_t lim, plist *out, const plist *excl, bool *other) {
  if (i >= lim || !is_word_tok(c, i)) return i;
  bool plural;
  if (is_pronoun(c, i, &plural)) {
    if (plural) resolve_they(c, i, out, false);
    else plist_add(out, resolve_he(c, i, excl));
    return i + 1;
  }
  size_t end;
  const ent_lex_entry *an = lex_at(c, i, ENT_LEX_EVENT_NOUN, &end);
  if (an && prop_has(an, "anaphor", "pair") && end <= lim) {
    resolve_they(c, i, out, true);
    return end;
  }
  size_t k = i;
  bool poss = in_set(c, k, POSS);
  if (in_set(c, k, DETS) && !is(c, k, "de") && !is(c, k, "d'")) k++;
  const ent_mention *m = mention_at(c, k);
  if (m && m->kind == ENT_M_HONORIFIC && m->tok_first == k) {
    k = m->tok_end;
    m = mention_at(c, k);
  }
  if (k >= lim) return i;
  if (m && m->kind == ENT_M_PERSON && m->tok_first == k && m->entity >= 0) {
    plist_add(out, m->entity);
    size_t e = m->tok_end;
    ent_title_phrase p;
    if (e + 1 < lim && is(c, e, ",") && title_head_near(c, e + 1, &p) && p.first <= e + 2 &&
        p.end <= lim)
      e = p.end;
    return e;
  }
  ent_title_phrase p;
  if (m && m->kind == ENT_M_TITLE && m->tok_first == k && ent_title_phrase_at(c->doc, k, &p)) {
    size_t e = p.end;
    size_t j = e;
    if (j < lim && is(c, j, ",")) j++;
    if (j + 1 < lim && (is(c, j, "le") || is(c, j, "la")) && !tk(c, j + 1)->cap &&
        tk(c, j + 1)->mention < 0) {
      size_t q = j + 2;
      if (q < lim && is(c, q, ",")) q++;
      const ent_mention *x = mention_at(c, q);
      if (x && x->kind == ENT_M_PERSON && x->tok_first == q) j = q;
    }
    const ent_mention *x = mention_at(c, j);
    if (!x && !is(c, e, ",")) {
      /* A complement the title phrase left out: "la secrétaire d'État à
       * l'armée de terre, X". */
      for (size_t q = e; q < lim && q < e + 6; q++) {
        if (is(c, q, ",")) {
          const ent_mention *y = mention_at(c, q + 1);
          if (y && y->kind == ENT_M_HONORIFIC) y = mention_at(c, y->tok_end);
          if (y && y->kind == ENT_M_PERSON) {
            j = q + 1;
            x = mention_at(c, j);
          }
          break;
        }
        if (!is_word_tok(c, q) || tk(c, q)->cap) break;
      }
    }
    if (x && x->kind == ENT_M_HONORIFIC) x = mention_at(c, x->tok_end);
    if (x && x->kind == ENT_M_PERSON && x->entity >= 0 && x->tok_end <= lim &&
        (x->tok_first == j || mention_at(c, j)->kind == ENT_M_HONORIFIC)) {
      plist_add(out, x->entity);
      return x->tok_end;
    }
    if (p.relational && poss) {
      int owner = clause_possessor(c, i);
      plist ex = {{0}, 0};
      if (excl) plist_union(&ex, excl);
      plist_add(&ex, owner);
      plist_add(out, describe(c, &p, i, &ex));
      return e;
    }
    plist_add(out, c->subject_mode ? describe_or_focus(c, &p, i, excl) : describe(c, &p, i, excl));
    return e;
  }
  if (m && m->kind == ENT_M_GROUP && m->tok_first == k) {
    size_t e;
    plist_add(out, group_entity(c, m, &e));
    return e;
  }
  if (poss) {
    const ent_lex_entry *g = lex_at(c, k, ENT_LEX_EVENT_NOUN, &end);
    const char *a = g ? ent_lex_prop(g, "anaphor") : NULL;
    if (a && (strcmp(a, "guest") == 0 || strcmp(a, "host") == 0)) {
      int owner = clause_possessor(c, i);
      if (owner >= 0) plist_add(out, resolve_guest(c, owner, strcmp(a, "host") == 0));
      return end;
    }
  }
  if (m && m->tok_first == k &&
      (m->kind == ENT_M_COUNTRY || m->kind == ENT_M_PLACE || m->kind == ENT_M_ORG) &&
      m->sense == ENT_SENSE_NAME) {
    if (other) *other = true;
    return m->tok_end;
  }
  return i;
}

/* Noun phrases joined by "et", ", ainsi que", ", et par": "MM. X et Y",
 * "par X, et par Y". */
static size_t np_list(ctx *c, size_t i, size_t lim, plist *out, const plist *excl,
                      bool *other) {
  size_t end = np_at(c, i, lim, out, excl, other);
  if (end == i) return i;
  for (;;) {
    size_t j = end;
    bool comma = j < lim && is(c, j, ",");
    if (comma) j++;
    if (j < lim && is(c, j, "et")) j++;
    else if (j + 1 < lim && is(c, j, "ainsi") && is(c, j + 1, "que")) j += 2;
    else if (!comma) break;
    else {
      /* A bare comma lists only names: "X, Y et Z". */
      const ent_mention *m = mention_at(c, j);
      if (m && m->kind == ENT_M_HONORIFIC) m = mention_at(c, m->tok_end);
      if (!m || m->kind != ENT_M_PERSON) break;
    }
    if (j < lim && (is(c, j, "par") || is(c, j, "avec") || is(c, j, "entre") ||
                    is_a(c, j)))
      j++;
    size_t e2 = np_at(c, j, lim, out, excl, other);
    if (e2 == j) break;
    end = e2;
  }
  return end;
}

/* The phrase ending at token t (inclusive): the antecedent of a relative
 * pronoun or the person before ", présent". */
static void np_ending(ctx *c, size_t t, plist *out, bool *other) {
  size_t lo = sent_first_of(c, t);
  for (size_t k = t + 1; k-- > lo && k + 5 > t;) {
    const ent_mention *m = mention_at(c, k);
    ent_title_phrase p;
    if (m && m->kind == ENT_M_PERSON && m->entity >= 0) {
      plist_add(out, m->entity);
      return;
    }
    if (m && m->kind == ENT_M_GROUP) {
      size_t e;
      plist_add(out, group_entity(c, m, &e));
      return;
    }
    if (title_ending(c, t + 1, &p)) {
      /* "X, le ministre …, qui": the person before the title. */
      size_t f = p.first;
      if (f > lo && in_set(c, f - 1, DETS)) f--;
      if (f > lo + 1 && is(c, f - 1, ",")) {
        const ent_mention *x = mention_at(c, f - 2);
        if (x && x->kind == ENT_M_PERSON && x->entity >= 0) {
          plist_add(out, x->entity);
          return;
        }
      }
      plist_add(out, describe_or_focus(c, &p, p.first, NULL));
      return;
    }
    if (m && m->kind == ENT_M_COUNTRY && m->sense == ENT_SENSE_DEMONYM) {
      k = m->tok_first;
      continue;
    }
    if (m && (m->kind == ENT_M_COUNTRY || m->kind == ENT_M_PLACE || m->kind == ENT_M_ORG)) {
      if (other) *other = true;
      return;
    }
    if (!is_word_tok(c, k) || tk(c, k)->cap || in_set(c, k, DETS)) return;
  }
}

/* ------------------------------------------------------------ subjects */

/* The subject of clause cl: its first noun phrase before token `before`
 * that no preposition governs. True when one is found (out may stay empty
 * when it is a country or an unresolved description: then nobody else is
 * the subject either). */
static bool clause_subject_(ctx *c, int cl, size_t before, plist *out);

static bool clause_subject(ctx *c, int cl, size_t before, plist *out) {
  bool saved = c->subject_mode;
  c->subject_mode = true;
  bool r = clause_subject_(c, cl, before, out);
  c->subject_mode = saved;
  return r;
}

/* A group subject named in apposition: "les ministres de la défense
 * japonais et sud-coréen, Minoru Kihara et Shin Won-sik, se sont parlé":
 * the persons stand for the group. The group phrase may run on past e
 * (its complement), up to the comma. */
static void apposed_names(ctx *c, size_t e, size_t before, plist *out) {
  size_t q = e;
  while (q < before && q < e + 8 && !is(c, q, ",")) q++;
  if (q + 1 >= before || !is(c, q, ",")) return;
  const ent_mention *m = mention_at(c, q + 1);
  if (!m || m->kind != ENT_M_PERSON || m->tok_first != q + 1) return;
  plist names = {{0}, 0};
  size_t end = np_list(c, q + 1, before, &names, NULL, NULL);
  if (end <= q + 1 || person_count(c, &names) < 2 || end >= before || !is(c, end, ",")) return;
  out->n = 0;
  plist_union(out, &names);
}

static bool clause_subject_(ctx *c, int cl, size_t before, plist *out) {
  for (size_t i = c->cls.v[cl].start; i < before && i < c->se; i++) {
    if (c->cl_of[i] != cl) continue;
    bool plural;
    if (is_pronoun(c, i, &plural) && !is(c, i, "lui") && !is(c, i, "eux")) {
      if (plural) resolve_they(c, i, out, false);
      else plist_add(out, resolve_he(c, i, NULL));
      return true;
    }
    size_t end;
    const ent_lex_entry *an = lex_at(c, i, ENT_LEX_EVENT_NOUN, &end);
    if (an && prop_has(an, "anaphor", "pair") && !governed(c, i + 1, 0)) {
      resolve_they(c, i, out, true);
      return true;
    }
    const ent_mention *m = mention_at(c, i);
    if (!m || m->tok_first != i) continue;
    if (m->kind == ENT_M_PERSON || m->kind == ENT_M_GROUP || m->kind == ENT_M_HONORIFIC) {
      if (governed(c, i, 0)) {
        i = m->tok_end - 1;
        continue;
      }
      size_t e = np_list(c, i, before, out, NULL, NULL);
      if (e > i) {
        if (m->kind == ENT_M_GROUP) apposed_names(c, e, before, out);
        return true;
      }
      continue;
    }
    if (m->kind == ENT_M_TITLE) {
      ent_title_phrase p;
      if (!ent_title_phrase_at(c->doc, i, &p)) continue;
      if (governed(c, p.first, 0)) {
        i = p.end - 1;
        continue;
      }
      size_t s = p.first > c->sf && in_set(c, p.first - 1, DETS) ? p.first - 1 : p.first;
      size_t e = np_list(c, s, before, out, NULL, NULL);
      if (e > s) return true;
      continue;
    }
    if ((m->kind == ENT_M_COUNTRY || m->kind == ENT_M_PLACE || m->kind == ENT_M_ORG) &&
        m->sense == ENT_SENSE_NAME && !governed(c, i, 0) &&
        (m->tok_end == before || (m->tok_end + 1 == before && is(c, m->tok_end, ",")))) {
      c->subject_place = m; /* "Pékin a reçu …": a country is the subject */
      return true;
    }
    i = m->tok_end - 1;
  }
  return false;
}

/* The subject of the clause holding token tok, through relatives and
 * infinitives: "X, qui …" → X; "avant d'être reçu" → the main subject. */
static bool subject_at(ctx *c, int cl, size_t before, plist *out) {
  for (int depth = 0; cl >= 0 && depth < 6; depth++) {
    const clause *k = &c->cls.v[cl];
    if (k->type == CL_REL_QUI && k->ante != SIZE_MAX && !prep(c, k->start - 1) &&
        !(k->start > c->sf && is(c, k->start - 1, ",") && prep(c, k->start - 2))) {
      np_ending(c, k->ante, out, NULL);
      return out->n > 0;
    }
    if (clause_subject(c, cl, before, out)) return true;
    if (k->type != CL_INF && k->type != CL_PURPOSE) return false;
    before = k->start;
    cl = k->parent;
  }
  return false;
}

/* Whose is "son / sa / ses" at token tok? In a phrase that opens the
 * sentence ("Outre ses entretiens avec Y, X a …", "Pour son premier
 * sommet, …, X") the main subject; else the subject of its clause; else
 * the person last spoken of. */
static int clause_possessor(ctx *c, size_t tok) {
  int cl = clause_of(c, tok);
  plist s = {{0}, 0};
  /* When the subject found is the possessive phrase itself ("prêt à
   * rencontrer son homologue"), np_at would ask for its owner again, and
   * again: recursion without end (found by tests/fuzz/fuzz_extract). */
  if (cl >= 0 && !c->in_possessor) {
    c->in_possessor = true;
    bool found = subject_at(c, cl, c->se, &s);
    c->in_possessor = false;
    if (found) {
      for (size_t i = 0; i < s.n; i++)
        if (is_person(c, s.v[i])) return s.v[i];
      return -1;
    }
  }
  return resolve_he(c, tok, NULL);
}

/* ------------------------------------------------------- verb groups */

typedef struct {
  size_t start;      /* first token of the verb group */
  bool reflexive, etre, planned, infinitive;
  size_t clitic;     /* object clitic (l', les) or SIZE_MAX */
  size_t dative;     /* "lui" or SIZE_MAX */
} vgroup;

/* A future form: rencontrera, recevra, se rendra, seront (never the passé
 * simple rencontra). */
static bool future_form(const ctx *c, size_t i) {
  const char *f = tk(c, i)->fold;
  size_t n = strlen(f);
  const char *tail = n > 4 && strcmp(f + n - 2, "ra") == 0     ? f + n - 3
                     : n > 5 && strcmp(f + n - 4, "ront") == 0 ? f + n - 5
                                                               : NULL;
  return tail && strchr("eivdru", *tail) != NULL;
}

static vgroup verb_group(const ctx *c, size_t t) {
  vgroup g = {t, false, false, false, false, SIZE_MAX, SIZE_MAX};
  int cl = clause_of(c, t);
  g.planned = future_form(c, t);
  size_t k = t;
  while (k > c->sf && clause_of(c, k - 1) == cl) {
    size_t p = k - 1;
    if (!in_set(c, p, AUX) && !adverb(c, p)) break;
    if (in_set(c, p, REFLEXIVE)) g.reflexive = true;
    if (in_set(c, p, ETRE)) g.etre = true;
    if (in_set(c, p, PLAN) || future_form(c, p)) g.planned = true;
    if (is(c, p, "etre") || is(c, p, "avoir")) g.infinitive = true;
    if (in_set(c, p, OBJ_CLITICS) && g.clitic == SIZE_MAX) g.clitic = p;
    if (is(c, p, "lui")) g.dative = p;
    k = p;
  }
  /* "le" / "la" / "les" at the start of the group is an article when a
   * noun phrase ends there; a clitic only right before a verb form. */
  g.start = k;
  return g;
}

/* ------------------------------------------------------ dates, places */

static bool excluded_time(const ctx *c, size_t tok) {
  for (size_t k = tok; k > c->sf && k + 3 > tok; k--)
    if (is(c, k - 1, "depuis") || is(c, k - 1, "jusqu'") || is(c, k - 1, "jusque") ||
        (is(c, k - 1, "d'") && is(c, k, "ici")))
      return true;
  return false;
}

static void collect_times(ctx *c) {
  c->times.n = 0;
  const ent_doc *d = c->doc;
  size_t from = tk(c, c->sf)->start, end = tk(c, c->se - 1)->end;
  const ent_date *pub = d->pub.prec != ENT_PREC_NONE ? &d->pub : NULL;
  ent_time_match m;
  while (from < end && ent_doc_temporal_find(d, end, from, pub, false, &m)) {
    if (m.end <= from || m.start < from) break;
    size_t k = c->sf;
    while (k < c->se && tk(c, k)->end <= m.start) k++;
    if (k < c->se) {
      tmatch *t = ent_vec_push(&c->times);
      if (!t) {
        c->oom = true;
        return;
      }
      t->tok = k;
      t->m = m;
    }
    from = m.end;
  }
}

/* The sentence's dates, read when first asked for: most sentences with a
 * trigger never ask, and reading them was half of this extractor's cost.
 * The ctx is a local of run(), never const itself: the cast is sound. */
static const tmatches *times(const ctx *cc) {
  ctx *c = (ctx *)cc;
  if (!c->times_read) {
    c->times_read = true;
    collect_times(c);
  }
  return &c->times;
}

static bool in_time(const ctx *c, size_t i) {
  const tmatches *ts = times(c);
  for (size_t k = 0; k < ts->n; k++)
    if (tk(c, i)->start >= ts->v[k].m.start && tk(c, i)->end <= ts->v[k].m.end) return true;
  return false;
}

/* The time expression of clause cl nearest to token anchor (through
 * infinitives and "où" relatives to the parent clause), or NULL. */
static const tmatch *clause_time(const ctx *c, int cl, size_t anchor) {
  for (int depth = 0; cl >= 0 && depth < 6; depth++) {
    const tmatch *best = NULL;
    size_t bd = SIZE_MAX;
    const tmatches *ts = times(c);
    for (size_t k = 0; k < ts->n; k++) {
      const tmatch *t = &ts->v[k];
      if (clause_of(c, t->tok) != cl || excluded_time(c, t->tok)) continue;
      size_t d = t->tok > anchor ? t->tok - anchor : anchor - t->tok;
      if (d < bd || (d == bd && t->tok > anchor)) {
        best = t;
        bd = d;
      }
    }
    if (best) return best;
    cl_type ty = c->cls.v[cl].type;
    if (ty != CL_INF && ty != CL_PURPOSE && ty != CL_REL_OU) return NULL;
    anchor = c->cls.v[cl].start;
    cl = c->cls.v[cl].parent;
  }
  return NULL;
}

static long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static ent_date civil_from_days(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  ent_date d;
  d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
  d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
  d.year = (int)(yoe + era * 400 + (d.month <= 2));
  d.prec = ENT_PREC_DAY;
  return d;
}

/* "le même jour", "la journée", "le lendemain": the date of the event
 * spoken of last, moved by the entry's ent:dayOffset. */
static bool anaphoric_date(const ctx *c, int cl, ent_date *out) {
  for (size_t i = c->sf; i < c->se; i++) {
    if (clause_of(c, i) != cl) continue;
    size_t end;
    const ent_lex_entry *e = lex_at(c, i, ENT_LEX_EVENT_NOUN, &end);
    const char *off = e ? ent_lex_prop(e, "dayOffset") : NULL;
    if (!off) continue;
    int best = -1;
    for (size_t k = 0; k < c->doc->events.n; k++)
      if (c->doc->events.v[k].date.prec == ENT_PREC_DAY &&
          (best < 0 || c->aux.v[k].touched >= c->aux.v[best].touched))
        best = (int)k;
    if (best < 0) return false;
    const ent_date *d = &c->doc->events.v[best].date;
    *out = civil_from_days(days_from_civil(d->year, d->month, d->day) + atoi(off));
    return true;
  }
  return false;
}

static void event_date(ctx *c, int cl, size_t anchor, bool *planned, ent_date *out) {
  memset(out, 0, sizeof *out);
  const tmatch *t = clause_time(c, cl, anchor);
  if (!t) {
    anaphoric_date(c, cl, out);
    return;
  }
  ent_time_match m = t->m;
  if (*planned) {
    const ent_doc *d = c->doc;
    ent_time_match f;
    if (ent_doc_temporal_find(d, m.end, m.start, &d->pub, true, &f)) m = f;
  }
  if (m.future) *planned = true;
  *out = m.date;
}

/* The country a place-like entity lies in (its own entry for a country). */
static const ent_lex_entry *entity_country(const ctx *c, int e) {
  if (e < 0) return NULL;
  const ent_entity *x = &c->doc->entities.v[e];
  if (x->kind == ENT_E_COUNTRY) return x->entry;
  if (x->kind == ENT_E_PLACE) return x->country;
  if (x->kind == ENT_E_ORG && x->entry) {
    const char *in = ent_lex_prop(x->entry, "inCountry");
    return in ? ent_lexicon_get(c->doc->lex, in) : NULL;
  }
  return NULL;
}

/* A place mention usable as an event's place: a country or a city or
 * region by name, or a national institution's seat (l'Élysée, la
 * Maison-Blanche: an organization with a country). */
static bool place_mention(const ctx *c, const ent_mention *m, bool *org) {
  *org = false;
  if (!m || !m->entry || m->sense != ENT_SENSE_NAME) return false;
  if (m->kind == ENT_M_COUNTRY || m->kind == ENT_M_PLACE) return true;
  if (m->kind == ENT_M_ORG && ent_lex_prop(m->entry, "inCountry")) {
    *org = true;
    return true;
  }
  (void)c;
  return false;
}

/* Is there a locative "à / en / au / dans (l', la, le, les)" before token i? */
static bool locative_before(const ctx *c, size_t i, bool travel) {
  size_t j = i;
  if (j > c->sf && (is(c, j - 1, "l'") || is(c, j - 1, "la") || is(c, j - 1, "le") ||
                    is(c, j - 1, "les")))
    j--;
  if (j <= c->sf) return false;
  return loc_prep(c, j - 1) || (travel && is(c, j - 1, "pour"));
}

static int place_entity(ctx *c, const ent_mention *m) {
  int e = ent_doc_lex_entity(c->doc, m->entry, false);
  if (e < 0) c->oom = true;
  return e;
}

/* A destination the lexicon does not know: capitalised words right after
 * "à / dans / en (l', les …)" or after a facility noun ("à l'aéroport
 * d'Orly"), e.g. a French département. Only for journeys. */
static int unknown_place(ctx *c, int cl, size_t from) {
  for (size_t i = from; i < c->se && c->cl_of[i] == cl; i++) {
    if (!loc_prep(c, i)) continue;
    size_t k = i + 1;
    if (k < c->se && (is(c, k, "l'") || is(c, k, "la") || is(c, k, "le") || is(c, k, "les"))) k++;
    if (k + 2 < c->se && is_word_tok(c, k) && !tk(c, k)->cap && mention_at(c, k) == NULL &&
        (is(c, k + 1, "d'") || is(c, k + 1, "de")))
      k += 2;
    size_t e = k;
    while (e < c->se && is_word_tok(c, e) && tk(c, e)->cap && !tk(c, e)->elided &&
           mention_at(c, e) == NULL &&
           !ent_tok_find(c->doc, e,
                         ENT_LEX_STOPWORD | ENT_LEX_MONTH | ENT_LEX_WEEKDAY | ENT_LEX_TIME_WORD |
                             ENT_LEX_GIVEN_NAME))
      e++;
    if (e == k || e > k + 3) return -1;
    char *label = ent_doc_span_new(c->doc, tk(c, k)->start, tk(c, e - 1)->end);
    char *slug = label ? ent_slug_new(label, strlen(label)) : NULL;
    int id = slug ? ent_doc_entity(c->doc, ENT_E_PLACE, label, slug, NULL) : -1;
    if (id < 0) c->oom = true;
    free(label);
    free(slug);
    return id;
  }
  return -1;
}

/* The event's place: the nearest locative place of its clause after the
 * trigger (a city or country right after a seat, "à l'Élysée, à Paris",
 * wins over the seat), else the nearest before. */
static int event_place(ctx *c, int cl, size_t trig, size_t trig_end, bool travel) {
  const ent_mention *after = NULL, *before = NULL;
  size_t stop = c->se;
  if (c->phrase_end > trig_end) stop = c->phrase_end;
  for (size_t i = c->sf; i < stop; i++) {
    const ent_mention *m = mention_at(c, i);
    bool org;
    if (!m || m->tok_first != i || clause_of(c, i) != cl || !place_mention(c, m, &org)) continue;
    bool loc = locative_before(c, i, travel) ||
               (travel && i == trig_end && !org); /* "a visité Pékin" */
    if (!loc) continue;
    if (i >= trig_end) {
      bool org_after;
      if (!after) after = m;
      else if (m->tok_first <= after->tok_end + 4 && place_mention(c, after, &org_after) &&
               org_after && !org)
        after = m;
      else break;
    } else if (i < trig) {
      before = m;
    }
    i = m->tok_end - 1;
  }
  const ent_mention *m = after ? after : before;
  if (m) return place_entity(c, m);
  const clause *k = &c->cls.v[cl];
  if (k->type == CL_REL_OU && k->ante != SIZE_MAX) {
    const ent_mention *a = mention_at(c, k->ante);
    bool org;
    if (a && place_mention(c, a, &org)) return place_entity(c, a);
  }
  if (k->type == CL_PURPOSE && k->parent >= 0)
    return event_place(c, k->parent, k->start, k->start, false);
  return travel ? unknown_place(c, cl, trig_end) : -1;
}

/* ------------------------------------------------------------ merging */

static bool date_compatible(const ent_date *a, const ent_date *b) {
  if (a->prec == ENT_PREC_NONE || b->prec == ENT_PREC_NONE) return true;
  if (a->year != b->year) return false;
  if (a->prec >= ENT_PREC_MONTH && b->prec >= ENT_PREC_MONTH && a->month != b->month)
    return false;
  if (a->prec == ENT_PREC_DAY && b->prec == ENT_PREC_DAY && a->day != b->day) return false;
  return true;
}

static bool place_compatible(const ctx *c, int a, int b) {
  if (a < 0 || b < 0 || a == b) return true;
  const ent_lex_entry *ca = entity_country(c, a), *cb = entity_country(c, b);
  return ca && ca == cb;
}

/* Of two compatible places, the more precise (a city or seat over its country). */
static int finer_place(const ctx *c, int a, int b) {
  if (a < 0) return b;
  if (b < 0) return a;
  if (c->doc->entities.v[a].kind == ENT_E_COUNTRY && c->doc->entities.v[b].kind != ENT_E_COUNTRY)
    return b;
  return a;
}

static bool same_persons(const ctx *c, const ent_event *ev, const plist *p) {
  size_t n = 0;
  for (size_t i = 0; i < ev->participants.n; i++) {
    int e = ev->participants.v[i];
    if (!is_person(c, e)) continue;
    if (!plist_has(p, e)) return false;
    n++;
  }
  return n > 0 && n == person_count(c, p);
}

static bool ev_has(const ent_event *ev, int e) {
  for (size_t i = 0; i < ev->participants.n; i++)
    if (ev->participants.v[i] == e) return true;
  return false;
}

static void ev_add(ctx *c, ent_event *ev, int e) {
  if (e < 0 || ev_has(ev, e)) return;
  int *slot = ent_vec_push(&ev->participants);
  if (!slot) {
    c->oom = true;
    return;
  }
  *slot = e;
}

static void merge_into(ctx *c, int k, const draft *d) {
  ent_event *ev = &c->doc->events.v[k];
  ev_aux *a = &c->aux.v[k];
  for (size_t i = 0; i < d->parts.n; i++) ev_add(c, ev, d->parts.v[i]);
  for (size_t i = 0; i < d->context.n; i++) ev_add(c, ev, d->context.v[i]);
  plist_union(&a->hosts, &d->hosts);
  plist_union(&a->guests, &d->guests);
  if (date_compatible(&ev->date, &d->date) && d->date.prec > ev->date.prec) ev->date = d->date;
  if (place_compatible(c, ev->place, d->place)) ev->place = finer_place(c, ev->place, d->place);
  if (family(ev->kind) == family(d->kind)) ev->kind = specific(ev->kind, d->kind);
  a->weak = a->weak && d->weak;
  a->partner = a->partner || d->partner;
  a->touched = c->sent;
}

static int append(ctx *c, const draft *d) {
  ent_event *ev = ent_vec_push(&c->doc->events);
  ev_aux *a = ev ? ent_vec_push(&c->aux) : NULL;
  if (!ev || !a) {
    if (ev) c->doc->events.n--;
    c->oom = true;
    return -1;
  }
  ev->kind = d->kind;
  ev->date = d->date;
  ev->place = d->place;
  ev->planned = d->planned;
  ev->sent = c->sent;
  int k = (int)c->doc->events.n - 1;
  memset(a, 0, sizeof *a);
  a->weak = d->weak;
  a->from_noun = d->from_noun;
  a->partner = d->partner;
  a->touched = c->sent;
  merge_into(c, k, d);
  return k;
}

/* When the text gives no place: the place of the event spoken of just
 * before that shares a participant on the same day (a meeting held during
 * a summit). Calls have no place. */
static void inherit_place(ctx *c, draft *d) {
  if (d->place >= 0 || d->kind == ENT_EV_CALL || d->date.prec == ENT_PREC_NONE) return;
  for (size_t k = c->doc->events.n; k-- > 0;) {
    const ent_event *ev = &c->doc->events.v[k];
    if (c->aux.v[k].touched < c->sent - 1 || ev->place < 0 || ev->planned != d->planned)
      continue;
    if (ev->date.prec == ENT_PREC_NONE || !date_compatible(&ev->date, &d->date)) continue;
    bool share = false;
    for (size_t i = 0; i < d->parts.n && !share; i++)
      share = is_person(c, d->parts.v[i]) && ev_has(ev, d->parts.v[i]);
    if (share) {
      d->place = ev->place;
      return;
    }
  }
}

/* Record a mention's event: merged into the same occurrence when one is
 * known (same persons, same family, no conflicting date or place), else
 * a new event. Returns its index or -1. */
static int commit(ctx *c, draft *d) {
  inherit_place(c, d);
  plist all = d->parts;
  plist_union(&all, &d->context);
  if (person_count(c, &all) > 0)
    for (size_t k = c->doc->events.n; k-- > 0;) {
      const ent_event *ev = &c->doc->events.v[k];
      if (family(ev->kind) != family(d->kind) || ev->planned != d->planned) continue;
      if (!same_persons(c, ev, &all)) continue;
      if (!date_compatible(&ev->date, &d->date) || !place_compatible(c, ev->place, d->place))
        continue;
      merge_into(c, (int)k, d);
      return (int)k;
    }
  return append(c, d);
}

/* The event a definite noun with no participant of its own points back
 * to: the latest of its family (its own kind first) that is a gathering
 * (a summit, or nobody named yet) or that shares a participant. */
static bool gathering_compatible(ent_event_kind a, ent_event_kind b) {
  if (family(a) == family(b)) return true;
  /* "la rencontre", "la réunion" may name a summit. */
  return (a == ENT_EV_SUMMIT && family(b) == 0) || (b == ENT_EV_SUMMIT && family(a) == 0);
}

static int antecedent_event(const ctx *c, const draft *d) {
  /* First the latest of its family that shares a participant, then the
   * latest gathering (a summit, or an event nobody is named at yet) of its
   * kind, then of a compatible kind. */
  for (int pass = 0; pass < 3; pass++)
    for (size_t k = c->doc->events.n; k-- > 0;) {
      const ent_event *ev = &c->doc->events.v[k];
      if (ev->planned || c->aux.v[k].weak || !gathering_compatible(ev->kind, d->kind)) continue;
      if (!date_compatible(&ev->date, &d->date) || !place_compatible(c, ev->place, d->place))
        continue;
      size_t np = 0;
      bool share = false;
      for (size_t i = 0; i < ev->participants.n; i++) {
        np += is_person(c, ev->participants.v[i]);
        share = share || plist_has(&d->context, ev->participants.v[i]);
      }
      if (pass == 0 && share && family(ev->kind) == family(d->kind)) return (int)k;
      if (pass == 1 && ev->kind == d->kind && (ev->kind == ENT_EV_SUMMIT || np == 0))
        return (int)k;
      if (pass == 2 && (ev->kind == ENT_EV_SUMMIT || np == 0)) return (int)k;
    }
  return -1;
}

/* ------------------------------------------------------------ triggers */

typedef struct {
  size_t tok, end;
  const ent_lex_entry *entry;
  bool noun;
} trigger;

/* Tokens [from, lim) of clause cl: where its complements may be. */
static size_t clause_lim(const ctx *c, int cl, size_t from) {
  size_t j = from;
  while (j < c->se && c->cl_of[j] == cl) j++;
  return j;
}

/* Skip what may sit between a verb and its object: adverbs, time
 * expressions, a place ("a rencontré vendredi à Pékin son homologue"). */
static size_t skip_filler(const ctx *c, size_t j, size_t lim) {
  while (j < lim) {
    /* "le" before a date the time expression may leave out: "a rencontré
     * le 8 octobre son homologue". */
    bool date_det = (is(c, j, "le") || is(c, j, "l'")) && j + 1 < lim && in_time(c, j + 1);
    if (in_time(c, j) || adverb(c, j) || date_det ||
        (prep(c, j) && j + 1 < lim && in_time(c, j + 1))) {
      j++;
      continue;
    }
    if (loc_prep(c, j)) {
      size_t k = j + 1;
      if (k < lim && (is(c, k, "l'") || is(c, k, "la") || is(c, k, "le") || is(c, k, "les"))) k++;
      const ent_mention *m = mention_at(c, k);
      bool org;
      if (m && m->tok_first == k && place_mention(c, m, &org)) {
        j = m->tok_end;
        continue;
      }
    }
    break;
  }
  return j;
}

/* The first "word" + phrase list in [from, lim): "avec X", "par X". */
static size_t find_word(const ctx *c, size_t from, size_t lim, const char *w) {
  for (size_t j = from; j < lim; j++)
    if (w[0] == 'a' && w[1] == '\0' ? is_a(c, j) : is(c, j, w)) return j;
  return SIZE_MAX;
}

static bool clause_planned(const ctx *c, int cl) {
  for (int depth = 0; cl >= 0 && depth < 6; depth++) {
    for (size_t i = c->sf; i < c->se; i++) {
      if (c->cl_of[i] != cl) continue;
      if (in_set(c, i, PLAN) || in_set(c, i, PLANNED_ADJ)) return true;
    }
    cl_type ty = c->cls.v[cl].type;
    if (ty != CL_INF && ty != CL_PURPOSE && ty != CL_REL_OU) return false;
    cl = c->cls.v[cl].parent;
  }
  return false;
}

/* The person a phrase [first, last) stands in apposition to: ", X, présent
 * à …" or "Hôte de la rencontre, le président américain, X, …". */
static void apposed(ctx *c, size_t first, size_t last, plist *out) {
  if (first > c->sf + 1 && is(c, first - 1, ",")) {
    np_ending(c, first - 2, out, NULL);
    return;
  }
  if (first != c->sf) return;
  size_t j = find_word(c, last, c->se, ",");
  if (j == SIZE_MAX) return;
  np_list(c, j + 1, c->se, out, NULL, NULL);
}

/* The verb events of the current sentence, for "pour une visite d'État"
 * after "est arrivé" and "pour discuter" after "a rencontré". */
typedef struct {
  int v[16];
  size_t n;
} evlist;

static int purpose_target(const ctx *c, const evlist *verbs, ent_event_kind kind) {
  for (size_t i = verbs->n; i-- > 0;)
    if (family(c->doc->events.v[verbs->v[i]].kind) == family(kind)) return verbs->v[i];
  return -1;
}

static void draft_init(draft *d, ent_event_kind kind, size_t tok) {
  memset(d, 0, sizeof *d);
  d->kind = kind;
  d->place = -1;
  d->tok = tok;
}

/* Is the event denied or only wished: "n'a pas rencontré", "souhaite
 * rencontrer", "a refusé de recevoir"? */
static bool irrealis(const ctx *c, const vgroup *g, size_t t) {
  size_t ne;
  for (size_t k = g->start; k < t; k++) {
    if (is(c, k, "pas") || is(c, k, "jamais") || is(c, k, "ni")) return true;
    const ent_lex_entry *v = lex_at(c, k, ENT_LEX_EVENT_VERB, &ne);
    if (v && prop_true(v, "irrealis")) return true;
  }
  size_t p = g->start;
  if (p > c->sf && (is(c, p - 1, "de") || is(c, p - 1, "d'"))) p--;
  for (size_t k = p; k > c->sf && k + 3 > p; k--) {
    if (is(c, k - 1, "pas") || is(c, k - 1, "jamais")) return true;
    const ent_lex_entry *v = lex_at(c, k - 1, ENT_LEX_EVENT_VERB, &ne);
    if (v && prop_true(v, "irrealis")) return true;
    if (!in_set(c, k - 1, AUX) && !adverb(c, k - 1) && !(v && prop_true(v, "irrealis"))) break;
  }
  return false;
}

static void do_verb(ctx *c, const trigger *tr, evlist *verbs) {
  const ent_lex_entry *e = tr->entry;
  ent_event_kind kind;
  if (!kind_of(ent_lex_prop(e, "eventKind"), &kind)) return;
  size_t t = tr->tok;
  vgroup g = verb_group(c, t);
  if (prop_true(e, "reflexive") && !g.reflexive) return;
  if (irrealis(c, &g, t)) return;
  int cl = clause_of(c, t);
  bool travel = prop_true(e, "travel"), host = prop_true(e, "host");
  bool p_obj = prop_has(e, "partner", "object"), p_avec = prop_has(e, "partner", "avec");
  bool p_dat = prop_has(e, "partner", "dative");
  bool passive = g.etre && !g.reflexive && p_obj;
  size_t lim = clause_lim(c, cl, tr->end);
  draft d;
  draft_init(&d, kind, t);
  d.planned = g.planned || clause_planned(c, cl);
  plist subj = {{0}, 0}, obj = {{0}, 0}, agents = {{0}, 0};
  size_t after = tr->end;
  c->subject_place = NULL;
  bool has_subj = subject_at(c, cl, g.start, &subj);
  const ent_mention *host_place = c->subject_place;
  if (!has_subj && g.start == c->cls.v[cl].start && g.start == t && !is_pronoun_tok(c, t)) {
    /* A participle opening the clause: "Arrivé lundi au Caire, il a …". */
    has_subj = clause_subject(c, cl, c->se, &subj);
    /* "Reçu vendredi par X, il a …": the participle is passive, its
     * agent after "par", its subject the main clause's. */
    size_t j = skip_filler(c, tr->end, lim);
    if (p_obj && j < lim && is(c, j, "par")) passive = true;
  }
  if (!has_subj && (g.clitic != SIZE_MAX || passive || !p_obj)) {
    /* Inverted subject: "où l'a accueilli le Premier ministre, X". */
    size_t j = skip_filler(c, after, lim);
    size_t e2 = np_list(c, j, lim, &subj, NULL, NULL);
    if (e2 > j) after = e2;
  }
  /* A call modifier: "s'est entretenu au téléphone avec X". */
  for (size_t j = tr->end; j < lim && j < tr->end + 4; j++) {
    size_t ne;
    ent_event_kind mk;
    const ent_lex_entry *me = (is(c, j, "au") || is(c, j, "par"))
                                  ? lex_at(c, j + 1, ENT_LEX_EVENT_NOUN, &ne) : NULL;
    if (me && kind_of(ent_lex_prop(me, "eventKind"), &mk) && mk == ENT_EV_CALL) {
      d.kind = kind = ENT_EV_CALL;
      break;
    }
  }
  if (p_obj && !passive) {
    if (g.clitic != SIZE_MAX) {
      if (is(c, g.clitic, "les")) resolve_they(c, g.clitic, &obj, false);
      else plist_add(&obj, resolve_he(c, g.clitic, &subj));
    } else {
      size_t j = skip_filler(c, after, lim);
      bool other = false;
      size_t e2 = np_list(c, j, lim, &obj, &subj, &other);
      /* "a appelé X à la retenue" urges; it is no call. */
      if (e2 > j && kind == ENT_EV_CALL && e2 < lim && (is_a(c, e2) || is(c, e2, "au")))
        return;
    }
  }
  if (passive) {
    size_t j = find_word(c, tr->end, lim, "par");
    if (j != SIZE_MAX) np_list(c, j + 1, lim, &agents, &subj, NULL);
  }
  if (p_avec) {
    size_t j = find_word(c, tr->end, lim, "avec");
    if (j != SIZE_MAX) np_list(c, j + 1, lim, &obj, &subj, NULL);
  }
  if (p_dat) {
    if (g.dative != SIZE_MAX) plist_add(&obj, resolve_he(c, g.dative, &subj));
    for (size_t j = tr->end; j < lim; j++) {
      if (!is_a(c, j) && !is(c, j, "au") && !is(c, j, "aux")) continue;
      plist tmp = {{0}, 0};
      np_list(c, is(c, j, "au") || is(c, j, "aux") ? j : j + 1, lim, &tmp, &subj, NULL);
      if (person_count(c, &tmp) > 0) {
        plist_union(&obj, &tmp);
        break;
      }
    }
  }
  d.partner = obj.n > 0 || agents.n > 0;
  plist_union(&d.parts, &subj);
  plist_union(&d.parts, &obj);
  plist_union(&d.parts, &agents);
  if (!travel && !d.partner) {
    /* "Ils se sont rencontrés", "les deux hommes ont dîné": reciprocal. */
    bool reciprocal = person_count(c, &subj) >= 2 && (g.reflexive || p_avec);
    if (!reciprocal) {
      int k = c->cls.v[cl].type == CL_PURPOSE ? purpose_target(c, verbs, kind) : -1;
      if (k >= 0) merge_into(c, k, &d);
      return;
    }
    d.partner = true;
  }
  if (person_count(c, &d.parts) == 0) return;
  /* A meeting or a call whose subject the text gives but we cannot name
   * ("le président français a téléphoné à X") is left out: one side only
   * would be a wrong event. */
  if (!travel && person_count(c, &subj) == 0) {
    /* "La Chine a accueilli le président brésilien": his visit there. */
    bool org;
    if (!host || !host_place || !place_mention(c, host_place, &org) || passive ||
        person_count(c, &obj) == 0)
      return;
    d.kind = ENT_EV_VISIT;
    d.place = event_place(c, cl, t, tr->end, true);
    if (d.place < 0) d.place = place_entity(c, host_place);
    event_date(c, cl, t, &d.planned, &d.date);
    commit(c, &d);
    return;
  }
  if (host) {
    plist_union(&d.hosts, passive ? &agents : &subj);
    plist_union(&d.guests, passive ? &subj : &obj);
  }
  d.place = event_place(c, cl, t, tr->end, travel);
  event_date(c, cl, t, &d.planned, &d.date);
  if (c->frame >= 0 && c->frame < (int)c->doc->events.n && c->doc->events.v[c->frame].planned == d.planned) {
    /* "Lors de sa visite à Pékin, X a rencontré Y": there and then. */
    const ent_event *f = &c->doc->events.v[c->frame];
    if (d.place < 0) d.place = f->place;
    if (d.date.prec == ENT_PREC_NONE) d.date = f->date;
  }
  d.weak = travel && d.place < 0;
  int k = commit(c, &d);
  if (k < 0) return;
  if (verbs->n < 16) verbs->v[verbs->n++] = k;
  if (!travel || d.weak) return;
  /* "s'est rendu à Moscou …, puis lundi à Pékin": a second journey. */
  for (size_t j = tr->end; j < c->se; j++) {
    if (c->cl_of[j] != cl || !is(c, j, "puis")) continue;
    size_t q = j + 1;
    const tmatch *tm = NULL;
    while (q < c->se && in_time(c, q)) {
      const tmatches *ts = times(c);
      for (size_t x = 0; x < ts->n && !tm; x++)
        if (ts->v[x].tok == q) tm = &ts->v[x];
      q++;
    }
    if (q < c->se && is(c, q, ",")) q++;
    if (!loc_prep(c, q) && !is(c, q, "pour")) continue;
    size_t r = q + 1;
    if (r < c->se && (is(c, r, "l'") || is(c, r, "la") || is(c, r, "le") || is(c, r, "les"))) r++;
    const ent_mention *m = mention_at(c, r);
    bool org;
    if (!m || m->tok_first != r || !place_mention(c, m, &org)) continue;
    draft d2 = d;
    d2.place = place_entity(c, m);
    memset(&d2.date, 0, sizeof d2.date);
    if (tm) {
      d2.date = tm->m.date;
      if (tm->m.future) d2.planned = true;
    }
    commit(c, &d2);
  }
}

/* Whom an attendance verb puts in the event: its subject ("a participé au
 * sommet"), or for "présent" the person it is said of. */
static void attend_person(ctx *c, size_t v, size_t v_end, const ent_lex_entry *e, plist *out) {
  if (prop_true(e, "exactForm")) {
    apposed(c, v, v_end, out);
    if (out->n == 0 && v > c->sf && in_set(c, v - 1, ETRE))
      subject_at(c, clause_of(c, v), v, out);
    return;
  }
  vgroup g = verb_group(c, v);
  subject_at(c, clause_of(c, v), g.start, out);
}

/* "présent" said of an adjective, not the verb présenter. */
static bool adjective_use(const ctx *c, size_t t) {
  if (t <= c->sf) return true;
  size_t p = t - 1;
  if ((is(c, p, "a") && !is_a(c, p)) || is(c, p, "ont") || is(c, p, "avait") ||
      is(c, p, "avaient") || is(c, p, "aura") || is(c, p, "il") || is(c, p, "elle") ||
      is(c, p, "ils") || is(c, p, "elles") || is(c, p, "on") || is(c, p, "qui") ||
      in_set(c, p, REFLEXIVE) || in_set(c, p, OBJ_CLITICS) || is(c, p, "lui") ||
      is(c, p, "nous") || is(c, p, "vous") || is(c, p, "leur"))
    return false;
  return true;
}

/* "X, présent à Washington, …", "Présent lui aussi, X …": X takes part
 * in the gathering under way (at that place when one is given). */
static void do_present(ctx *c, const trigger *tr) {
  size_t t = tr->tok;
  if (!adjective_use(c, t)) return;
  size_t j = tr->end;
  bool loc = j < c->se && (is_a(c, j) || is(c, j, "au") || is(c, j, "aux") || is(c, j, "en"));
  int place = -1;
  if (loc) {
    size_t k = j + 1;
    if (k < c->se && (is(c, k, "l'") || is(c, k, "la") || is(c, k, "le") || is(c, k, "les"))) k++;
    size_t ne;
    if (lex_at(c, k, ENT_LEX_EVENT_NOUN, &ne)) return; /* "présent au sommet": the noun's */
    const ent_mention *m = mention_at(c, k);
    bool org;
    if (m && m->tok_first == k && place_mention(c, m, &org)) place = place_entity(c, m);
  }
  plist who = {{0}, 0};
  attend_person(c, t, tr->end, tr->entry, &who);
  if (person_count(c, &who) == 0) return;
  for (size_t k = c->doc->events.n; k-- > 0;) {
    ent_event *ev = &c->doc->events.v[k];
    if (ev->planned || !gathering_compatible(ev->kind, ENT_EV_SUMMIT) || !c->aux.v[k].from_noun)
      continue;
    if (place >= 0 && (ev->place < 0 || !place_compatible(c, ev->place, place))) continue;
    for (size_t i = 0; i < who.n; i++)
      if (is_person(c, who.v[i])) ev_add(c, ev, who.v[i]);
    c->aux.v[k].touched = c->sent;
    return;
  }
}

/* The determiner of an event noun at t (past "premier", "nouvelle" …), or
 * SIZE_MAX when it has none (then it is no noun use). */
static size_t noun_det(const ctx *c, size_t t) {
  size_t d = t;
  while (d > c->sf && d + 3 > t && in_set(c, d - 1, PRENOM)) d--;
  if (d <= c->sf) return SIZE_MAX;
  if (in_set(c, d - 1, DETS) || in_set(c, d - 1, POSS)) return d - 1;
  /* "En visite à Pékin, X …": a journey without article. */
  ent_event_kind k;
  size_t ne;
  const ent_lex_entry *e = lex_at(c, t, ENT_LEX_EVENT_NOUN, &ne);
  if (is(c, d - 1, "en") && e && kind_of(ent_lex_prop(e, "eventKind"), &k) && family(k) == 1)
    return d - 1;
  return SIZE_MAX;
}

/* Skip adjectives after an event noun: "officielle", "européenne",
 * "bilatéral", "à trois". */
static size_t skip_adjectives(const ctx *c, size_t j, size_t lim) {
  for (int n = 0; j < lim && n < 3; n++) {
    const ent_mention *m = mention_at(c, j);
    if (m && m->kind == ENT_M_COUNTRY && m->sense == ENT_SENSE_DEMONYM) {
      j = m->tok_end;
      continue;
    }
    if (is_a(c, j) && j + 1 < lim && tk(c, j + 1)->kind == ENT_TOK_NUMBER) {
      j += 2;
      continue;
    }
    if (!is_word_tok(c, j) || tk(c, j)->cap || m || prep(c, j) || in_set(c, j, DETS) ||
        is(c, j, "et") || is(c, j, "qui") || is(c, j, "que") || in_time(c, j))
      break;
    j++;
  }
  return j;
}

static void do_noun(ctx *c, const trigger *tr, size_t next, const evlist *verbs) {
  const ent_lex_entry *e = tr->entry;
  ent_event_kind kind;
  if (!kind_of(ent_lex_prop(e, "eventKind"), &kind) || prop_true(e, "modifier")) return;
  size_t t = tr->tok, det = noun_det(c, t);
  if (det == SIZE_MAX) return;
  int cl = clause_of(c, t);
  bool poss = in_set(c, det, POSS), definite = in_set(c, det, DEFINITE);
  /* The word that governs the phrase: "lors de", "pour", "hôte de", a verb. */
  size_t gov = (is(c, det, "du") || is(c, det, "au") || is(c, det, "aux") || is(c, det, "d'") ||
                is(c, det, "de"))
                   ? det : det > c->sf ? det - 1 : SIZE_MAX;
  bool during = is(c, det, "en"), purpose = false;
  plist context = {{0}, 0};
  if (gov != SIZE_MAX) {
    bool de = is(c, gov, "de") || is(c, gov, "d'") || is(c, gov, "du");
    size_t g1 = gov > c->sf ? gov - 1 : SIZE_MAX;
    /* "en marge de": a setting, its attendees are not said to take part. */
    if (g1 != SIZE_MAX && de && is(c, g1, "marge")) during = false;
    else if (g1 != SIZE_MAX && de && (in_set(c, g1, DURING) || is(c, g1, "cours")))
      during = true;
    else if (is(c, gov, "pendant") || is(c, gov, "durant") || is(c, gov, "dans"))
      during = true;
    else if (is(c, gov, "pour")) purpose = true;
    size_t ne;
    const ent_lex_entry *h = g1 != SIZE_MAX && de ? lex_at(c, g1, ENT_LEX_EVENT_NOUN, &ne) : NULL;
    if (h && prop_true(h, "attend") && ne == gov) {
      apposed(c, g1, tr->end, &context); /* "Hôte de la rencontre, X" */
    } else {
      /* An attendance verb governs it: "a participé au sommet", "effectue
       * sa visite". */
      size_t v = gov;
      for (int n = 0; v != SIZE_MAX && v >= c->sf && n < 6; n++) {
        const ent_lex_entry *av = lex_at(c, v, ENT_LEX_EVENT_VERB, &ne);
        if (av && (prop_true(av, "attend") || prop_true(av, "host")) &&
            !prop_true(av, "exactForm")) {
          attend_person(c, v, ne, av, &context);
          break;
        }
        /* "a effectué samedi une visite", "a entamé le 3 mars sa tournée". */
        bool when = in_time(c, v) || ((is(c, v, "le") || is(c, v, "l'")) && in_time(c, v + 1));
        if (!(is_a(c, v) || is(c, v, "au") || is(c, v, "aux") || de || adverb(c, v) || when))
          break;
        if (!when && n >= 3) break;
        if (v == c->sf) break;
        v--;
      }
    }
  }
  if (during) {
    subject_at(c, cl, c->se, &context);
    /* "X et Y se retrouveront lors d'un sommet": the verb's event is the
     * one told; the gathering is its setting, not another event of theirs. */
    for (size_t i = 0; i < verbs->n && context.n > 0; i++) {
      const ent_event *ev = &c->doc->events.v[verbs->v[i]];
      bool all = true;
      for (size_t j = 0; j < context.n && all; j++)
        all = !is_person(c, context.v[j]) || ev_has(ev, context.v[j]);
      if (all) return;
    }
  }

  size_t lim = clause_lim(c, cl, tr->end);
  if (next < lim) lim = next;
  plist own = {{0}, 0}, partners = {{0}, 0}, hosts = {{0}, 0}, guests = {{0}, 0};
  bool de_part = false;
  size_t j = skip_adjectives(c, tr->end, lim);
  /* "la visite à Téhéran du ministre turc": a place or a date may come
   * before the noun's agent. */
  size_t jf = skip_filler(c, j, lim);
  if (jf > j && jf < lim && (is(c, jf, "de") || is(c, jf, "d'") || is(c, jf, "du"))) j = jf;
  if (j < lim && (is(c, j, "de") || is(c, j, "d'") || is(c, j, "du"))) {
    size_t k = is(c, j, "du") ? j : j + 1;
    bool other = false;
    size_t e2 = np_at(c, k, lim, &own, NULL, &other);
    if (e2 > k && own.n > 0) {
      de_part = true;
      j = e2;
    }
  }
  for (size_t q = j; q < lim; q++) {
    if (is(c, q, "entre") || is(c, q, "avec")) {
      size_t e2 = np_list(c, q + 1, lim, &partners, NULL, NULL);
      if (e2 > q + 1) q = e2 - 1;
    } else if (is(c, q, "par")) {
      size_t e2 = np_list(c, q + 1, lim, &hosts, NULL, NULL);
      if (e2 > q + 1) q = e2 - 1;
    } else if (is(c, q, "honneur") && q + 1 < lim && (is(c, q + 1, "de") || is(c, q + 1, "d'") ||
                                                      is(c, q + 1, "du"))) {
      size_t k = is(c, q + 1, "du") ? q + 1 : q + 2;
      size_t e2 = np_list(c, k, lim, &guests, NULL, NULL);
      if (e2 > k) q = e2 - 1;
    }
  }
  /* "a reçu un appel de Y": the governing verb's subject and Y. */
  bool partner = person_count(c, &partners) > 0 || person_count(c, &hosts) > 0 ||
                 person_count(c, &guests) > 0 ||
                 (de_part && !during && person_count(c, &context) > 0);
  draft d;
  draft_init(&d, kind, t);
  d.from_noun = true;
  d.needs_partner = prop_true(e, "needsPartner");
  d.partner = partner;
  d.planned = clause_planned(c, cl);
  int owner = -1;
  if (poss) owner = clause_possessor(c, det);
  /* "avec Y" implies the other party: the owner, or the clause's subject. */
  if (person_count(c, &partners) > 0 && !de_part && owner < 0) {
    plist s = {{0}, 0};
    subject_at(c, cl, c->se, &s);
    for (size_t i = 0; i < s.n; i++)
      if (!plist_has(&partners, s.v[i])) plist_add(&own, s.v[i]);
  }
  plist_union(&own, &partners);
  plist_union(&own, &hosts);
  plist_union(&own, &guests);
  plist_union(&d.hosts, &hosts);
  plist_union(&d.guests, &guests);
  if (d.needs_partner && !partner) {
    int k = purpose ? purpose_target(c, verbs, kind) : -1;
    if (k >= 0) merge_into(c, k, &d);
    return;
  }
  /* "a effectué une visite", "lors d'une conférence de presse": a new
   * occurrence, its participants from the context. */
  if (own.n == 0 && !definite && !poss) {
    plist_union(&own, &context);
    context.n = 0;
  }
  /* A noun's place is in its own phrase: up to the first comma that is not
   * an apposition's ("Outre ses entretiens avec Y, X a … à Amman"). */
  size_t clim = clause_lim(c, cl, tr->end);
  size_t phrase_end = clim;
  for (size_t q = tr->end; q < clim; q++) {
    if (!is(c, q, ",")) continue;
    if (!apposition_after(c, q)) {
      phrase_end = q;
      break;
    }
    size_t r = find_word(c, q + 1, clim, ",");
    if (r == SIZE_MAX) break;
    q = r;
  }
  c->phrase_end = phrase_end;
  d.place = event_place(c, cl, t, tr->end, prop_true(e, "travel"));
  c->phrase_end = 0;
  d.weak = prop_true(e, "travel") && d.place < 0;
  event_date(c, cl, t, &d.planned, &d.date);
  if (own.n == 0) {
    /* A possessive alone is context: "sa première tournée", "son premier sommet". */
    if (owner >= 0) plist_add(&context, owner);
    int k = purpose ? purpose_target(c, verbs, kind) : -1;
    if (k >= 0) {
      d.context = context;
      merge_into(c, k, &d);
      return;
    }
    if (context.n == 0 && (definite || poss)) return;
    d.context = context;
    if (context.n > 0) {
      /* Compatible with what it points back to in its own phrase only: a
       * date elsewhere in the clause is the clause's ("Pour son premier
       * sommet, …, X s'est entretenu mercredi avec Y"). */
      draft probe = d;
      memset(&probe.date, 0, sizeof probe.date);
      const tmatches *ts = times(c);
      for (size_t q = 0; q < ts->n; q++) {
        size_t tt = ts->v[q].tok;
        if (tt >= tr->end && tt < phrase_end && !excluded_time(c, tt)) {
          probe.date = ts->v[q].m.date;
          break;
        }
      }
      k = antecedent_event(c, &probe);
      if (k >= 0) {
        /* What it points back to keeps its own date and place. */
        draft a = d;
        memset(&a.date, 0, sizeof a.date);
        a.place = -1;
        merge_into(c, k, &a);
        if (during) c->frame = k;
        return;
      }
    }
  } else {
    plist_union(&d.parts, &own);
    plist_union(&d.context, &context);
  }
  int k = commit(c, &d);
  if (during) c->frame = k;
}

/* ----------------------------------------------------------------- run */

static void find_triggers(ctx *c, trigger *out, size_t cap, size_t *n) {
  *n = 0;
  for (size_t i = c->sf; i < c->se && *n < cap; i++) {
    if (in_quote(c, i)) continue;
    const ent_mention *m = mention_at(c, i);
    if (m && m->kind != ENT_M_TITLE && m->kind != ENT_M_GROUP) {
      i = m->tok_end - 1;
      continue;
    }
    size_t ne = 0, ve = 0;
    const ent_lex_entry *noun = lex_at(c, i, ENT_LEX_EVENT_NOUN, &ne);
    const ent_lex_entry *verb = lex_at(c, i, ENT_LEX_EVENT_VERB, &ve);
    if (noun && (!ent_lex_prop(noun, "eventKind") || noun_det(c, i) == SIZE_MAX)) noun = NULL;
    if (noun) {
      out[(*n)++] = (trigger){i, ne, noun, true};
      i = ne - 1;
    } else if (verb) {
      out[(*n)++] = (trigger){i, ve, verb, false};
      i = ve - 1;
    }
  }
}

static entente_status run(ent_doc *doc) {
  ctx c;
  memset(&c, 0, sizeof c);
  c.doc = doc;
  c.cl_of = calloc(doc->toks.n + 1, sizeof *c.cl_of);
  if (!c.cl_of) return ENTENTE_ERR_NOMEM;
  trigger trig[128];
  for (size_t s = 0; s < doc->sents.n && !c.oom; s++) {
    c.sf = doc->sents.v[s].tok_first;
    c.se = doc->sents.v[s].tok_end;
    c.sent = (int)s;
    if (c.se <= c.sf) continue;
    build_clauses(&c);
    size_t n;
    find_triggers(&c, trig, sizeof trig / sizeof *trig, &n);
    c.times.n = 0;
    c.times_read = false;
    evlist verbs = {{0}, 0};
    c.frame = -1;
    for (size_t i = 0; i < n && !c.oom; i++) {
      size_t next = i + 1 < n ? trig[i + 1].tok : c.se;
      if (trig[i].noun) do_noun(&c, &trig[i], next, &verbs);
      else if (prop_true(trig[i].entry, "exactForm")) do_present(&c, &trig[i]);
      else do_verb(&c, &trig[i], &verbs);
    }
  }
  /* Keep the events that name a person and that the text confirmed. */
  size_t o = 0;
  for (size_t k = 0; k < doc->events.n; k++) {
    ent_event *ev = &doc->events.v[k];
    size_t np = 0;
    for (size_t i = 0; i < ev->participants.n; i++) np += is_person(&c, ev->participants.v[i]);
    if (np > 0 && !c.aux.v[k].weak) doc->events.v[o++] = *ev;
    else free(ev->participants.v);
  }
  doc->events.n = o;
  free(c.cl_of);
  free(c.cls.v);
  free(c.times.v);
  free(c.aux.v);
  return c.oom ? ENTENTE_ERR_NOMEM : ENTENTE_OK;
}

const ent_extractor ent_extract_events = {"events", run};

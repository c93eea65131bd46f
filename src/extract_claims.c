/* extract_claims: reported speech — who said what, to whom, when.
 *   X a déclaré (à Y) que …            indirect; "à Y" is the addressee
 *   X assure ne pas …, X a dit compter …  a verb of saying and an infinitive
 *   X a réitéré les préoccupations …   verbs whose object is what was said
 *   …, ajoutant que … / en expliquant que …   same speaker as the clause
 *   Selon X, … / Pour X, … / …, d'après X.    markers (claims.ttl)
 *   « … », a déclaré X. / « … », a-t-il ajouté.   direct speech, incise
 *   « A », a affirmé X, « B ».          one claim, text A + B
 *   X a déclaré : « … ».               direct speech after a colon
 *   Le chemin a été « difficile », a-t-il reconnu.   mixed quotation
 * Speakers are persons, titles (the person holding the role), countries and
 * institutions (capitals and "le Kremlin" by metonymy), groups ("les
 * responsables américains") and pronouns. Negated or refused speech,
 * embedded questions and verbs inside quotations give no claim. Verbs of
 * saying come from the lexicon (ent:SayingVerb), markers and refusal verbs
 * from claims.ttl; only grammatical words are listed here. */
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "extractor.h"
#include "text.h"
#include "titles.h"

typedef struct {
  ent_doc *doc;
  int *match;             /* per token: the matching quotation mark, or -1 */
  unsigned char *inq;     /* per token: inside a quotation (marks excluded) */
  unsigned char *covered; /* per token: inside a claim's text already */
  ent_strmap *set_words;  /* every word of SETS -> a bit per list that has it */
  uint16_t *sets;         /* per token: those bits, SETS_KNOWN once looked up */
  size_t sf, se;          /* the sentence's tokens [sf, se) */
  int sent;
  bool oom;
} ctx;

typedef struct {
  int entity;        /* -1 when it names nobody we can resolve */
  size_t first, end; /* tokens of the noun phrase */
  char pron;         /* 0, or 'm' (il, lui), 'f' (elle), 'p' (ils, elles, eux) */
} agent;

typedef struct {
  const ent_lex_entry *entry; /* NULL for an unknown verb (incises only) */
  size_t first, end;          /* tokens */
  bool object, promise;       /* ent:claimFrame */
  bool attribute;             /* "s'est dit prêt à …" */
  bool takes_que, quote_only; /* ent:takesQue, ent:quoteOnly */
} verb_hit;

/* ---- words ---- */

static const char *const DETS[] = {"le",   "la",    "l'",   "les",    "un",   "une",  "des",
                                   "du",   "ce",    "cet",  "cette",  "ces",  "son",  "sa",
                                   "ses",  "leur",  "leurs", "notre", "nos",  "votre", "vos",
                                   NULL};
static const char *const PREPS[] = {"de",    "d'",     "du",     "des",   "au",     "aux",
                                    "dans",  "devant", "lors",   "pendant", "apres", "avant",
                                    "avec",  "par",    "pour",   "sur",   "sous",   "en",
                                    "chez",  "contre", "entre",  "vers",  "sans",   "selon",
                                    "depuis", "aupres", "malgre", "outre", "parmi", "envers",
                                    "via",   "jusqu'", "face",   NULL};
static const char *const AUX[] = {"a",      "ai",     "as",      "avons",   "avez",    "ont",
                                  "avait",  "avaient", "avais",  "aura",    "auront",  "aurait",
                                  "auraient", "eut",  "est",     "sont",    "etait",   "etaient",
                                  "sera",   "seront", "serait",  "seraient", "fut",    "ete",
                                  "eu",     "avoir",  "etre",    NULL};
static const char *const CLITICS[] = {"se", "s'",  "y",    "en", "lui", "leur", "l'", "le",
                                      "la", "les", "me",   "m'", "nous", "vous", "t'", NULL};
static const char *const NEG[] = {"ne", "n'", "pas", "jamais", "guere", "point", "nullement",
                                  NULL};
static const char *const ADVERBS[] = {"aussi",  "toutefois", "pourtant", "deja",   "encore",
                                      "alors",  "enfin",     "ainsi",    "meme",   "bien",
                                      "donc",   "cependant", "neanmoins", "aussitot", "plutot",
                                      "surtout", "ensuite",  "desormais", "hier",  "toujours",
                                      "souvent", "tres",     "d'ailleurs", "ici",
                                      NULL};
static const char *const RELATIVES[] = {"qui", "que", "qu'", "dont", "lequel", "laquelle",
                                        "lesquels", "lesquelles", NULL};
static const char *const QUESTIONS[] = {"si",  "s'",  "quand", "comment", "pourquoi", "combien",
                                        "quel", "quelle", "quels", "quelles", "lequel",
                                        "laquelle", NULL};
static const char *const NOT_PARTICIPLES[] = {"avant", "pendant", "durant", "cependant",
                                              "maintenant", "devant", "pourtant", "tant",
                                              "autant", "quant", "enfant", "suivant", NULL};
static const char *const CUT_AFTER_COMMA[] = {"meme", "alors", "tandis", "bien", "avant",
                                              "apres", "sans", "quitte", NULL};

static const ent_token *tk(const ctx *c, size_t i) { return &c->doc->toks.v[i]; }
static const char *fold(const ctx *c, size_t i) { return c->doc->toks.v[i].fold; }

/* The lists in_set knows by heart: each token is looked up once in a map
 * of their words, which gives every list it is in (comparing each word
 * with each list, again and again, was a tenth of this extractor's cost). */
static const char *const *const SETS[] = {DETS,    PREPS,     AUX,       CLITICS,
                                          NEG,     ADVERBS,   RELATIVES, QUESTIONS,
                                          NOT_PARTICIPLES, CUT_AFTER_COMMA};
#define NSETS (sizeof SETS / sizeof *SETS)
#define SETS_KNOWN 0x8000u
_Static_assert(NSETS < 15, "a bit per list in a uint16_t, and SETS_KNOWN");

static bool set_words_new(ctx *c) {
  if (!(c->set_words = ent_strmap_new())) return false;
  for (size_t k = 0; k < NSETS; k++)
    for (const char *const *w = SETS[k]; *w; w++) {
      size_t bits = 0;
      ent_strmap_get(c->set_words, *w, &bits);
      if (!ent_strmap_put(c->set_words, *w, bits | (1u << k))) return false;
    }
  return true;
}

static bool in_set(const ctx *cc, size_t i, const char *const *set) {
  if (i >= cc->doc->toks.n) return false;
  size_t k = 0;
  while (k < NSETS && SETS[k] != set) k++;
  if (k == NSETS) {
    for (; *set; set++)
      if (ent_streq(fold(cc, i), *set)) return true;
    return false;
  }
  if (!(cc->sets[i] & SETS_KNOWN)) {
    ctx *c = (ctx *)cc; /* the memo only; a ctx is a local of run(), never const */
    size_t bits = 0;
    ent_strmap_get(c->set_words, fold(c, i), &bits);
    c->sets[i] = (uint16_t)(bits | SETS_KNOWN);
  }
  return cc->sets[i] & (1u << k);
}

/* The raw bytes of token i are exactly s (folding merges à and a, où and ou). */
static inline bool raw_is(const ctx *c, size_t i, const char *s) {
  return ent_tok_raw_is(c->doc, i, s);
}

static bool is_word(const ctx *c, size_t i) {
  return i < c->doc->toks.n && tk(c, i)->kind == ENT_TOK_WORD;
}
static bool is_punct(const ctx *c, size_t i, const char *p) {
  return i < c->doc->toks.n && tk(c, i)->kind == ENT_TOK_PUNCT && strcmp(fold(c, i), p) == 0;
}
static bool ends_with(const char *s, const char *suffix) {
  size_t a = strlen(s), b = strlen(suffix);
  return a >= b && strcmp(s + a - b, suffix) == 0;
}

static bool is_a_prep(const ctx *c, size_t i) { return raw_is(c, i, "à") || raw_is(c, i, "À"); }
static bool is_prep(const ctx *c, size_t i) {
  return is_a_prep(c, i) || raw_is(c, i, "dès") || raw_is(c, i, "Dès") || in_set(c, i, PREPS);
}
static bool is_det(const ctx *c, size_t i) { return in_set(c, i, DETS); }
static bool is_aux(const ctx *c, size_t i) {
  return is_word(c, i) && !is_a_prep(c, i) && in_set(c, i, AUX);
}
static bool is_que(const ctx *c, size_t i) {
  return ent_tok_is(c->doc, i, "que") || ent_tok_is(c->doc, i, "qu'");
}
static bool is_time_word(const ctx *c, size_t i) {
  return ent_tok_find(c->doc, i, ENT_LEX_TIME_WORD | ENT_LEX_WEEKDAY | ENT_LEX_MONTH) != NULL;
}
static bool lower_word(const ctx *c, size_t i) {
  return is_word(c, i) && !tk(c, i)->cap && tk(c, i)->mention < 0;
}
static bool is_adverb(const ctx *c, size_t i) {
  if (!lower_word(c, i)) return false;
  const char *f = fold(c, i);
  return (strlen(f) >= 6 && ends_with(f, "ment")) || in_set(c, i, ADVERBS) || is_time_word(c, i);
}
/* il, elle … after an inverted verb: a-t-il, dit-elle (no space before). */
static bool inverted_pronoun(const ctx *c, size_t i) {
  static const char *const P[] = {"il", "elle", "ils", "elles", "on", NULL};
  return is_word(c, i) && !tk(c, i)->space_before && in_set(c, i, P);
}
static char pronoun_kind(const ctx *c, size_t i) {
  if (!is_word(c, i)) return 0;
  const char *f = fold(c, i);
  if (!strcmp(f, "il") || !strcmp(f, "lui")) return 'm';
  if (!strcmp(f, "elle")) return 'f';
  if (!strcmp(f, "ils") || !strcmp(f, "elles") || !strcmp(f, "eux")) return 'p';
  return 0;
}
static bool looks_infinitive(const ctx *c, size_t i) {
  if (!lower_word(c, i) || tk(c, i)->elided || is_det(c, i) || is_prep(c, i)) return false;
  const char *f = fold(c, i);
  if (strlen(f) < 4 || is_time_word(c, i)) return false;
  return ends_with(f, "er") || ends_with(f, "ir") || ends_with(f, "re") || ends_with(f, "oir");
}
/* A present participle: ajoutant, assimilant (not avant, pendant). */
static bool looks_participle(const ctx *c, size_t i) {
  if (!lower_word(c, i) || tk(c, i)->elided) return false;
  const char *f = fold(c, i);
  return strlen(f) >= 5 && ends_with(f, "ant") && !in_set(c, i, NOT_PARTICIPLES);
}
static bool is_guillemet(const ctx *c, size_t i, bool open) {
  return raw_is(c, i, open ? "«" : "»");
}
static bool quote_token(const ctx *c, size_t i) {
  const ent_token *t = tk(c, i);
  return t->kind == ENT_TOK_QUOTE_OPEN || t->kind == ENT_TOK_QUOTE_CLOSE ||
         (t->kind == ENT_TOK_PUNCT && c->doc->text[t->start] == '"');
}
static bool sentence_final(const ctx *c, size_t i) {
  return i >= c->se || is_punct(c, i, ".") || is_punct(c, i, "!") || is_punct(c, i, "?") ||
         is_punct(c, i, ";") || is_punct(c, i, "...") || is_punct(c, i, "…");
}

/* ---- quotations ---- */

/* Pair the quotation marks of the sentence. « closes at the nearest »; curly
 * and straight marks close whatever is open (« … ” and « … " are common). */
static void match_quotes(ctx *c) {
  size_t stack[64];
  size_t n = 0;
  for (size_t i = c->sf; i < c->se; i++) {
    c->match[i] = -1;
    c->inq[i] = 0;
  }
  for (size_t i = c->sf; i < c->se; i++) {
    const ent_token *t = tk(c, i);
    bool straight = t->kind == ENT_TOK_PUNCT && c->doc->text[t->start] == '"';
    if (t->kind == ENT_TOK_QUOTE_OPEN || (straight && n == 0)) {
      if (n < sizeof stack / sizeof *stack) stack[n++] = i;
      continue;
    }
    if (t->kind != ENT_TOK_QUOTE_CLOSE && !straight) continue;
    if (n == 0) continue;
    size_t k = n - 1;
    if (is_guillemet(c, i, false))
      for (size_t j = n; j-- > 0;)
        if (is_guillemet(c, stack[j], true)) {
          k = j;
          break;
        }
    c->match[stack[k]] = (int)i;
    c->match[i] = (int)stack[k];
    for (size_t j = stack[k] + 1; j < i; j++) c->inq[j] = 1;
    n = k;
  }
}

/* ---- lexicon look-ups ---- */


static const ent_lex_entry *phrase_at(const ctx *c, size_t i, size_t lim, unsigned cls,
                                      size_t *end) {
  for (size_t w = 4; w >= 1; w--) {
    if (i + w > lim) continue;
    bool words = true;
    for (size_t k = i; k < i + w; k++) words = words && is_word(c, k);
    ent_lex_hit h;
    if (words && ent_doc_lookup(c->doc, i, i + w, cls, &h, 1)) {
      *end = i + w;
      return h.entry;
    }
  }
  return NULL;
}

/* A verb of saying starting at token i (not a noun: "la déclaration"). */
static bool saying_verb_at(const ctx *c, size_t i, verb_hit *out) {
  memset(out, 0, sizeof *out);
  if (!is_word(c, i) || (tk(c, i)->cap && i != c->sf)) return false;
  /* No saying verb starts with this word, and it has no "-ent" to drop
   * (below): the lookups would all fail. */
  if (!(tk(c, i)->head_classes & ENT_LEX_SAYING_VERB) && !ends_with(fold(c, i), "ent"))
    return false;
  if (is_det(c, i) || is_prep(c, i) || is_aux(c, i) || in_set(c, i, CLITICS) || is_que(c, i))
    return false;
  /* "juge" may be read as a title; a verb has no article. */
  const ent_mention *m = ent_tok_mention(c->doc, i);
  if (m && m->kind != ENT_M_TITLE) return false;
  if (i > c->sf && is_det(c, i - 1) && !ent_tok_is(c->doc, i - 1, "l'")) return false;
  /* After a preposition only an infinitive or a gerund is a verb
   * ("conférence de presse" is no "presser"). */
  if (i > c->sf && is_prep(c, i - 1) && !looks_infinitive(c, i) &&
      !(raw_is(c, i - 1, "en") && looks_participle(c, i)))
    return false;
  if (i > c->sf && ent_tok_is(c->doc, i - 1, "l'") && i > c->sf + 1 &&
      !is_word(c, i - 2))
    return false;
  const char *f = fold(c, i);
  /* Nouns of the same stem (déclaration, assurance); the raw form keeps
   * accents, so "lancé" is not "lance". */
  char raw[64];
  size_t rl = ent_tok_len(tk(c, i));
  if (rl < sizeof raw) {
    memcpy(raw, c->doc->text + tk(c, i)->start, rl);
    raw[rl] = '\0';
    if (ends_with(raw, "tion") || ends_with(raw, "sion") || ends_with(raw, "ance") ||
        ends_with(raw, "ence") || ends_with(raw, "eur") || ends_with(raw, "age") ||
        ends_with(raw, "ances") || ends_with(raw, "tions"))
      return false;
  }
  ent_lex_hit hits[8];
  char key[256];
  size_t n = 0, w;
  for (w = 3; w >= 1 && n == 0; w--) {
    if (i + w > c->se || (w > 1 && !lower_word(c, i + 1))) continue;
    bool words = true;
    for (size_t k = i; k < i + w; k++) words = words && is_word(c, k);
    if (!words) continue;
    n = ent_doc_lookup(c->doc, i, i + w, ENT_LEX_SAYING_VERB, hits, 8);
    if (n) break;
  }
  if (n == 0 && ends_with(f, "ent") && strlen(f) < sizeof key) {
    /* Snowball keeps -ent plurals whole: estiment → estime. */
    strcpy(key, f);
    key[strlen(key) - 2] = '\0';
    n = ent_lexicon_lookup(c->doc->lex, key, ENT_LEX_SAYING_VERB, hits, 8);
    w = 1;
  }
  if (n == 0) return false;
  out->entry = hits[0].entry;
  out->first = i;
  out->end = i + w;
  for (size_t k = 0; k < n && k < 8; k++) {
    const char *fr = ent_lex_prop(hits[k].entry, "claimFrame");
    if (fr && !strcmp(fr, "object")) out->object = true;
    if (fr && !strcmp(fr, "promise")) out->promise = true;
    if (fr && !strcmp(fr, "attribute")) out->attribute = true;
    const char *q = ent_lex_prop(hits[k].entry, "takesQue");
    if (q && !strcmp(q, "true")) out->takes_que = true;
    q = ent_lex_prop(hits[k].entry, "quoteOnly");
    if (q && !strcmp(q, "true")) out->quote_only = true;
  }
  return true;
}

/* ---- entities ---- */

static int last_seen(const ctx *c, int entity, size_t before) {
  int best = -1;
  for (size_t k = 0; k < c->doc->mentions.n; k++) {
    const ent_mention *m = &c->doc->mentions.v[k];
    if (m->tok_first >= before) break;
    if (m->entity == entity) best = (int)m->tok_first;
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

/* The person holding the position a title phrase names: same title and
 * same country/organization, else anyone with a role of that country
 * ("le dirigeant américain"), the one seen last before `tok`. */
static int title_holder(ctx *c, const ent_title_phrase *p, size_t tok, bool make) {
  int of = -1;
  if (p->org_mention >= 0 || p->country) {
    if (!make) {
      /* Without creating entities: the entry ent_title_of would give. */
      const ent_lex_entry *want = p->country;
      if (p->org_mention >= 0) {
        want = c->doc->mentions.v[p->org_mention].entry;
        const char *to = want ? ent_lex_prop(want, "standsFor") : NULL;
        if (to && ent_lexicon_get(c->doc->lex, to)) want = ent_lexicon_get(c->doc->lex, to);
      }
      for (size_t i = 0; i < c->doc->entities.n; i++)
        if (want && c->doc->entities.v[i].entry == want) of = (int)i;
      if (of < 0) of = -2;
    } else {
      of = ent_title_of(c->doc, p);
    }
  }
  /* A complement we could not resolve ("du ministère"): the labels must
   * then agree word for word. */
  bool loose = false;
  for (size_t k = p->head; of == -1 && k < p->end; k++) {
    const ent_mention *m = ent_tok_mention(c->doc, k);
    if (!(m && (m->kind == ENT_M_TITLE || m->sense == ENT_SENSE_DEMONYM))) loose = true;
  }
  char *label = loose ? ent_title_label_new(c->doc, p) : NULL;
  char *flabel = label ? ent_fold_new(label, strlen(label)) : NULL;
  free(label);
  if (loose && !flabel) {
    c->oom = true;
    return -1;
  }
  for (int pass = 0; pass < 2; pass++) {
    int best = -1, best_pos = -2;
    for (size_t i = 0; i < c->doc->roles.n; i++) {
      const ent_role *r = &c->doc->roles.v[i];
      if (pass == 0 && (!same_position(r->title_entry, p->title) || (of != -1 && r->of != of)))
        continue;
      /* Any role of that country only for "le dirigeant", "son homologue". */
      if (pass == 1 && (of < 0 || r->of != of || !(p->generic || p->relational))) continue;
      if (flabel) {
        char *f = ent_fold_new(r->title, strlen(r->title));
        bool same = f && strcmp(f, flabel) == 0;
        free(f);
        if (!same) continue;
      }
      int pos = last_seen(c, r->person, tok);
      if (pos > best_pos) {
        best = r->person;
        best_pos = pos;
      }
    }
    if (best >= 0) {
      free(flabel);
      return best;
    }
  }
  free(flabel);
  return -1;
}

static bool adjective_like(const ctx *c, size_t i) {
  static const char *const SUF[] = {"ique", "iques", "ien", "iens", "ienne", "iennes", "ais",
                                    "aise", "aises", "al", "ale", "ales", "aux", "aire",
                                    "aires", "if", "ifs", "ive", "ives", "el", "els", "elle",
                                    "elles", "ain", "ains", "aine", "aines", "ois", "oise",
                                    "oises", NULL};
  const ent_mention *m = ent_tok_mention(c->doc, i);
  if (!is_word(c, i) || tk(c, i)->cap || tk(c, i)->elided || (m && m->kind != ENT_M_TITLE))
    return false;
  for (const char *const *s = SUF; *s; s++)
    if (ends_with(fold(c, i), *s)) return true;
  return false;
}

/* A group: the noun and its adjectives ("responsables américains", "source
 * diplomatique française"); `start` is the first word after the article. */
static int group_entity(ctx *c, size_t start, size_t head_end, size_t *end, bool make) {
  size_t e = head_end;
  const ent_lex_entry *country = NULL;
  for (size_t k = e; k < c->se && k < head_end + 4;) {
    const ent_mention *x = ent_tok_mention(c->doc, k);
    if (x && x->kind == ENT_M_COUNTRY && x->sense == ENT_SENSE_DEMONYM) {
      if (!country) country = x->entry;
      k = e = x->tok_end;
    } else if (adjective_like(c, k)) {
      k = e = k + 1;
    } else {
      break;
    }
  }
  *end = e;
  if (!make) return 0;
  char *label = ent_doc_span_new(c->doc, tk(c, start)->start, tk(c, e - 1)->end);
  char *slug = label ? ent_slug_new(label, strlen(label)) : NULL;
  int id = slug ? ent_doc_entity(c->doc, ENT_E_GROUP, label, slug, NULL) : -1;
  if (id >= 0 && country && !c->doc->entities.v[id].country)
    c->doc->entities.v[id].country = country;
  if (id < 0) c->oom = true;
  free(label);
  free(slug);
  return id;
}

/* The agent a noun phrase starting at token i names: a person, a title's
 * holder (or the person in apposition), a country, an institution, a
 * capital (metonymy), a group, or a pronoun (entity resolved later).
 * With make false nothing is created and entity is only >= 0 or -1. */
static bool agent_at(ctx *c, size_t i, size_t lim, bool make, agent *out) {
  memset(out, 0, sizeof *out);
  out->entity = -1;
  out->first = i;
  size_t t = i;
  if (t >= lim || c->inq[t] || quote_token(c, t)) return false;
  char pk = pronoun_kind(c, t);
  if (pk) {
    out->pron = pk;
    out->end = t + 1;
    return true;
  }
  bool det = false, indef = false;
  if (is_det(c, t) && tk(c, t)->mention < 0) {
    indef = ent_tok_is(c->doc, t, "un") || ent_tok_is(c->doc, t, "une");
    t++;
    det = true;
  }
  const ent_mention *m = t < lim ? ent_tok_mention(c->doc, t) : NULL;
  if (m && m->kind == ENT_M_HONORIFIC) {
    t = m->tok_end;
    m = t < lim ? ent_tok_mention(c->doc, t) : NULL;
    if (!m || m->kind != ENT_M_PERSON) return false;
  }
  /* "le républicain Mike Johnson": an article, a word, the name. */
  if (!m && det && t + 1 < lim && lower_word(c, t)) {
    const ent_mention *n = ent_tok_mention(c->doc, t + 1);
    if (n && n->kind == ENT_M_PERSON && n->tok_first == t + 1) {
      t++;
      m = n;
    }
  }
  /* "les hauts responsables": adjectives before a group noun. */
  size_t gstart = t;
  if (!m && det && t + 1 < lim && lower_word(c, t)) {
    const ent_mention *n = ent_tok_mention(c->doc, t + 1);
    if (n && n->tok_first == t + 1 && (n->kind == ENT_M_GROUP || (indef && n->kind == ENT_M_TITLE)))
      m = n;
  }
  /* "le gouvernement chinois", "la diplomatie russe", "le ministère
   * japonais des affaires étrangères", "le régime de Damas": the country. */
  if ((!m || m->kind == ENT_M_TITLE) && det && !indef && t < lim && is_word(c, t) &&
      !tk(c, t)->cap && ent_tok_find(c->doc, t, ENT_LEX_GOVERNMENT_NOUN)) {
    const ent_lex_entry *country = NULL;
    size_t k = t + 1, e = t + 1;
    while (k < lim && k < t + 8) {
      const ent_mention *x = ent_tok_mention(c->doc, k);
      if (x && x->kind == ENT_M_COUNTRY && x->sense == ENT_SENSE_DEMONYM && !country) {
        country = x->entry;
        k = e = x->tok_end;
      } else if ((ent_tok_is(c->doc, k, "de") || ent_tok_is(c->doc, k, "d'")) && !country &&
                 (x = ent_tok_mention(c->doc, k + 1)) && x->sense == ENT_SENSE_NAME &&
                 (x->kind == ENT_M_COUNTRY ||
                  (x->kind == ENT_M_PLACE && ent_lex_prop(x->entry, "capitalOf")))) {
        country = x->kind == ENT_M_COUNTRY
                      ? x->entry
                      : ent_lexicon_get(c->doc->lex, ent_lex_prop(x->entry, "capitalOf"));
        k = e = x->tok_end;
      } else if ((ent_tok_is(c->doc, k, "des") || ent_tok_is(c->doc, k, "de") ||
                  ent_tok_is(c->doc, k, "du")) &&
                 lower_word(c, k + 1)) {
        /* "des affaires étrangères": the body's own complement */
        k += 2;
        for (size_t w = 0; w < 2 && k < lim && lower_word(c, k) && !is_det(c, k) &&
                           !is_prep(c, k) && !is_aux(c, k) && !in_set(c, k, CLITICS);
             w++)
          k++;
        e = k;
      } else {
        break;
      }
    }
    if (!country || e > lim) return false;
    out->end = e;
    out->entity = make ? ent_doc_lex_entity(c->doc, country, false) : 0;
    if (out->entity < 0) c->oom = true;
    return out->entity >= 0;
  }
  /* "une source diplomatique": a singular group noun after an article
   * (the mention pass keeps only plurals). */
  if (!m && det && t < lim && lower_word(c, t) &&
      ent_tok_find(c->doc, t, ENT_LEX_GROUP_NOUN)) {
    out->entity = group_entity(c, t, t + 1, &out->end, make);
    return out->entity >= 0 && out->end <= lim;
  }
  if (!m || m->tok_end > lim ||
      (m->tok_first != t && m->kind != ENT_M_GROUP && !(indef && m->kind == ENT_M_TITLE)))
    return false;
  switch (m->kind) {
  case ENT_M_PERSON:
    out->entity = m->entity;
    out->end = m->tok_end;
    break;
  case ENT_M_TITLE: {
    /* "un diplomate européen", "une haute responsable": someone unnamed,
     * an entity of its own like a group. */
    if (indef) {
      ent_title_phrase p;
      size_t e = m->tok_end;
      if (ent_title_phrase_at(c->doc, m->tok_first, &p) && p.end > e && p.end <= lim) e = p.end;
      out->entity = group_entity(c, gstart, e, &out->end, make);
      break;
    }
    ent_title_phrase p;
    if (!ent_title_phrase_at(c->doc, t, &p)) return false;
    size_t k = p.end;
    if (k < lim && is_punct(c, k, ",")) k++;
    const ent_mention *n = k < lim ? ent_tok_mention(c->doc, k) : NULL;
    if (n && n->kind == ENT_M_PERSON && n->tok_first == k && n->tok_end <= lim) {
      out->entity = n->entity;
      out->end = n->tok_end;
    } else {
      out->entity = title_holder(c, &p, i, make);
      out->end = p.end > lim ? lim : p.end;
    }
    break;
  }
  case ENT_M_COUNTRY:
  case ENT_M_ORG:
  case ENT_M_PLACE: {
    if (m->sense != ENT_SENSE_NAME || !m->entry) return false;
    unsigned cls = ent_lex_classes(m->entry);
    if (m->kind == ENT_M_PLACE && !((cls & ENT_LEX_CITY) && (ent_lex_prop(m->entry, "capitalOf") ||
                                                             ent_lex_prop(m->entry, "speaksFor"))))
      return false;
    if (make) {
      /* claims.ttl: a city that speaks for an organization (Bruxelles). */
      const char *sf = ent_lex_prop(m->entry, "speaksFor");
      const ent_lex_entry *to = sf ? ent_lexicon_get(c->doc->lex, sf) : NULL;
      out->entity = ent_doc_lex_entity(c->doc, to ? to : m->entry, true);
      if (out->entity < 0) c->oom = true;
    } else {
      out->entity = 0;
    }
    out->end = m->tok_end;
    break;
  }
  case ENT_M_GROUP:
    out->entity = group_entity(c, gstart, m->tok_end, &out->end, make);
    break;
  default:
    return false;
  }
  return out->entity >= 0;
}

/* ---- pronouns ---- */

static char gender(const ctx *c, int e) {
  const ent_doc *d = c->doc;
  const ent_entity *x = &d->entities.v[e];
  if (x->kind == ENT_E_GROUP) return 'p';
  for (size_t k = 0; k < d->mentions.n; k++) {
    const ent_mention *m = &d->mentions.v[k];
    if (m->entity != e || m->tok_first == 0) continue;
    size_t p = m->tok_first - 1;
    const char *f = d->toks.v[p].fold;
    if (x->kind == ENT_E_PERSON) {
      if (!strcmp(f, "mme") || !strcmp(f, "mme.") || !strcmp(f, "mlle") || !strcmp(f, "madame"))
        return 'f';
      if (!strcmp(f, "m.") || !strcmp(f, "mm.") || !strcmp(f, "monsieur")) return 'm';
    } else {
      if (!strcmp(f, "la")) return 'f';
      if (!strcmp(f, "le") || !strcmp(f, "du") || !strcmp(f, "au")) return 'm';
    }
  }
  if (x->kind == ENT_E_PERSON)
    for (size_t i = 0; i < d->roles.n; i++) {
      const ent_role *r = &d->roles.v[i];
      const char *fem = r->title_entry ? ent_lex_prop(r->title_entry, "feminine") : NULL;
      if (r->person != e || !fem || !r->title) continue;
      char *a = ent_fold_new(r->title, strlen(r->title)), *b = ent_fold_new(fem, strlen(fem));
      bool f = a && b && strncmp(a, b, strlen(b)) == 0 &&
               (a[strlen(b)] == ' ' || a[strlen(b)] == '\0');
      free(a);
      free(b);
      if (f) return 'f';
    }
  return 0;
}

static bool compatible(const ctx *c, int e, char pron) {
  if (e < 0) return false;
  const ent_entity *x = &c->doc->entities.v[e];
  char g = gender(c, e);
  if (pron == 'p') return x->kind == ENT_E_GROUP;
  if (x->kind == ENT_E_GROUP) return false;
  return g == 0 || g == pron;
}

/* Is token `tok` inside a quotation? (inq holds only for this sentence.) */
static bool quoted_at(const ctx *c, size_t tok) {
  int s = tk(c, tok)->sent;
  if (s == c->sent) return c->inq[tok];
  int depth = 0;
  for (size_t k = c->doc->sents.v[s].tok_first; k < tok; k++) {
    const ent_token *t = tk(c, k);
    bool straight = t->kind == ENT_TOK_PUNCT && c->doc->text[t->start] == '"';
    if (t->kind == ENT_TOK_QUOTE_OPEN || (straight && depth == 0))
      depth++;
    else if ((t->kind == ENT_TOK_QUOTE_CLOSE || straight) && depth > 0)
      depth--;
  }
  return depth > 0;
}

static bool mention_in_pp(const ctx *c, const ent_mention *m) {
  size_t a = m->tok_first;
  if (a > 0 && ent_tok_mention(c->doc, a - 1) &&
      ent_tok_mention(c->doc, a - 1)->kind == ENT_M_HONORIFIC)
    a--;
  return a > 0 && is_prep(c, a - 1);
}

/* il / elle: the speaker of the claim just before (this or the previous
 * sentence), else the latest person of this sentence before `tok`, else the
 * first person (not quoted, preferably not in a prepositional phrase) of
 * the closest earlier sentence that has one. */
static int resolve_pronoun(const ctx *c, char pron, size_t tok, int exclude) {
  const ent_doc *d = c->doc;
  if (d->claims.n) {
    const ent_claim *l = &d->claims.v[d->claims.n - 1];
    if (l->sent >= c->sent - 1 && l->claimant != exclude && compatible(c, l->claimant, pron))
      return l->claimant;
  }
  if (pron == 'p') return -1;
  int sent = (int)tk(c, tok)->sent;
  int best_sent = -1, any = -1, clean = -1;
  for (size_t k = d->mentions.n; k-- > 0;) {
    const ent_mention *m = &d->mentions.v[k];
    if (m->tok_first >= tok || m->kind != ENT_M_PERSON || m->entity < 0) continue;
    int s = d->toks.v[m->tok_first].sent;
    if (best_sent >= 0 && s != best_sent) break;
    if (s < sent - 3) break;
    if (m->entity == exclude || quoted_at(c, m->tok_first) || !compatible(c, m->entity, pron))
      continue;
    if (s == sent) return m->entity;
    best_sent = s;
    any = m->entity;
    if (!mention_in_pp(c, m)) clean = m->entity;
  }
  return clean >= 0 ? clean : any;
}

/* The latest person before `tok` other than `exclude`: "lui", "son invité". */
static int other_person(const ctx *c, int exclude, size_t tok) {
  for (size_t k = c->doc->mentions.n; k-- > 0;) {
    const ent_mention *m = &c->doc->mentions.v[k];
    if (m->tok_first >= tok || m->kind != ENT_M_PERSON || m->entity < 0) continue;
    if (m->entity == exclude || quoted_at(c, m->tok_first)) continue;
    if (tk(c, m->tok_first)->sent < c->sent - 3) return -1;
    return m->entity;
  }
  return -1;
}

static int resolve(ctx *c, const agent *a, size_t tok, int exclude) {
  if (a->pron) return resolve_pronoun(c, a->pron, tok, exclude);
  return a->entity;
}

/* ---- subjects ---- */

/* The noun phrase that ends at token j (inclusive), not inside a
 * prepositional phrase. */
static bool np_ending_at(ctx *c, size_t j, size_t min, bool allow_pp, agent *out) {
  size_t from = j >= min + 12 ? j - 12 : min;
  for (size_t a = from; a <= j; a++) {
    agent ag;
    if (!agent_at(c, a, j + 1, false, &ag) || ag.end != j + 1) continue;
    /* In a prepositional phrase, or coordinated inside one ("entre Pékin
     * et Moscou"); ", et X a dit" is a new clause. */
    if (a > c->sf && is_prep(c, a - 1) && !allow_pp) return false;
    if (a > c->sf + 1 && ent_tok_is(c->doc, a - 1, "et") && !is_punct(c, a - 2, ","))
      return false;
    return agent_at(c, a, j + 1, true, out);
  }
  return false;
}

/* "pour sa part", "de son côté", "à son tour", "pour leur part": a
 * preposition, a possessive and a noun of the speaker's turn. */
static bool turn_aside(const ctx *c, size_t i) {
  static const char *const PREP[] = {"pour", "de", NULL};
  static const char *const POSS[] = {"sa", "son", "leur", "ma", "mon", "notre", "votre", NULL};
  static const char *const TURN[] = {"part", "cote", "tour", NULL};
  if (i + 2 >= c->doc->toks.n || c->inq[i] || c->inq[i + 2]) return false;
  if (!(in_set(c, i, PREP) || is_a_prep(c, i)) || !in_set(c, i + 1, POSS)) return false;
  return lower_word(c, i + 2) && in_set(c, i + 2, TURN);
}

typedef struct {
  bool neg, refusal, lui, refl; /* ne … pas; refuser de; lui a dit; s'est dit */
  bool passive;                 /* "a été annoncé", "il est dit que" */
  bool dangling;                /* "demandé à Y de dire": no verb governs "de" */
} group_info;

/* Walk left from the verb over its group: auxiliaries, clitics, negation,
 * adverbs, and the verb governing an infinitive ("s'étaient contentés
 * d'affirmer", "a refusé de dire"). Returns the group's first token. */
static size_t verb_group_start(const ctx *c, size_t v, group_info *g) {
  size_t t = v;
  int governing = 0;
  while (t > c->sf) {
    size_t p = t - 1;
    /* "M. X a, de son côté, souligné que": an aside between commas. */
    if (is_punct(c, p, ",") && !c->inq[p] && t > c->sf) {
      size_t q = p;
      while (q > c->sf && q + 8 > p && !is_punct(c, q - 1, ",")) q--;
      if (q > c->sf + 1 && q + 8 > p && is_punct(c, q - 1, ",") && !c->inq[q - 1] &&
          is_aux(c, q - 2) && (is_prep(c, q) || is_adverb(c, q) || pronoun_kind(c, q))) {
        t = q - 1;
        continue;
      }
      break;
    }
    /* "M. X avait pour sa part estimé que", "a de son côté souligné que":
     * the speaker's turn, without commas, between auxiliary and participle. */
    if (p >= c->sf + 3 && turn_aside(c, p - 2) && is_aux(c, p - 3)) {
      t = p - 2;
      continue;
    }
    if (c->inq[p] || !is_word(c, p)) break;
    if (in_set(c, p, NEG) && !is_a_prep(c, p)) {
      g->neg = true;
      t = p;
      continue;
    }
    if (ent_tok_is(c->doc, p, "lui") && !tk(c, p)->cap) {
      g->lui = true;
      t = p;
      continue;
    }
    if (is_aux(c, p) || (in_set(c, p, CLITICS) && !tk(c, p)->cap) || is_adverb(c, p)) {
      static const char *const ETRE[] = {"est", "sont", "etait", "etaient", "ete", "sera",
                                         "seront", "serait", "seraient", "fut", "etre", NULL};
      if (ent_tok_is(c->doc, p, "se") || ent_tok_is(c->doc, p, "s'")) g->refl = true;
      if (in_set(c, p, ETRE)) g->passive = true;
      t = p;
      continue;
    }
    bool before_inf = (t == v && looks_infinitive(c, v)) || ent_tok_is(c->doc, t, "de") ||
                      ent_tok_is(c->doc, t, "d'") || is_a_prep(c, t);
    if ((ent_tok_is(c->doc, p, "de") || ent_tok_is(c->doc, p, "d'") || is_a_prep(c, p)) &&
        (t == v || looks_infinitive(c, t))) {
      t = p;
      continue;
    }
    if (before_inf && governing < 2 && lower_word(c, p) && !is_det(c, p) && !is_prep(c, p) &&
        !in_set(c, p, RELATIVES) && !ent_tok_is(c->doc, p, "et")) {
      if (ent_tok_find(c->doc, p, ENT_LEX_REFUSAL_VERB)) g->refusal = true;
      governing++;
      t = p;
      continue;
    }
    break;
  }
  if (t < v && (ent_tok_is(c->doc, t, "de") || ent_tok_is(c->doc, t, "d'") || is_a_prep(c, t)))
    g->dangling = true;
  if (g->refl) g->passive = false;
  return t;
}

static bool subject_before(ctx *c, size_t gs, int depth, agent *out);

/* The speaker of a verb that has none of its own ("… et juge que",
 * ", affirmant que"): the last claim's speaker in this sentence, else the
 * subject of the last auxiliary before `tok`, else the sentence's opening
 * noun phrase. */
static bool shared_subject(ctx *c, size_t tok, int depth, agent *out) {
  const ent_doc *d = c->doc;
  if (d->claims.n && d->claims.v[d->claims.n - 1].sent == c->sent) {
    memset(out, 0, sizeof *out);
    out->entity = d->claims.v[d->claims.n - 1].claimant;
    return true;
  }
  if (depth > 1) return false;
  /* The main clause's verb: the first one (auxiliary or verb of saying)
   * whose subject we can read, before any "que" clause. */
  for (size_t a = c->sf; a < tok; a++) {
    if (c->inq[a]) continue;
    if (is_que(c, a)) break;
    verb_hit vh;
    if (!is_aux(c, a) && !saying_verb_at(c, a, &vh)) continue;
    group_info g = {0};
    size_t s = verb_group_start(c, a, &g);
    if (g.neg) return false;
    if (subject_before(c, s, depth + 1, out)) return true;
  }
  if (agent_at(c, c->sf, tok, true, out) && out->entity >= 0) return true;
  /* "Après avoir affirmé que …, M. X a quitté la salle": the subject of
   * the main clause after the comma. */
  for (size_t k = tok; k + 1 < c->se; k++) {
    if (!is_punct(c, k, ",") || c->inq[k]) continue;
    agent ag;
    if (agent_at(c, k + 1, c->se, false, &ag) && !ag.pron && ag.end < c->se) {
      verb_hit vh;
      size_t v = ag.end;
      if (is_punct(c, v, ",")) v++;
      while (v < c->se && (in_set(c, v, CLITICS) || in_set(c, v, NEG)) && !tk(c, v)->cap) v++;
      if (v < c->se && (is_aux(c, v) || saying_verb_at(c, v, &vh)))
        return agent_at(c, k + 1, c->se, true, out);
    }
  }
  return false;
}

/* Whether the comma-delimited segment starting at a stands in apposition
 * inside a relative clause: the segment before it opens with "qui" and
 * ends with a title ("…, qui a négocié avec le chef du
 * gouvernement grec, Y, …"). */
static bool in_relative(const ctx *c, size_t a) {
  if (a < c->sf + 2 || !is_punct(c, a - 1, ",")) return false;
  size_t e = a - 1, r = e;
  while (r > c->sf && !(is_punct(c, r - 1, ",") && !c->inq[r - 1])) r--;
  if (r >= e || !ent_tok_is(c->doc, r, "qui")) return false;
  for (size_t q = r + 1; q < e; q++) {
    const ent_mention *m = ent_tok_mention(c->doc, q);
    if (m && m->kind == ENT_M_TITLE && m->tok_first == q) {
      ent_title_phrase t;
      if (ent_title_phrase_at(c->doc, q, &t) && t.end == e) return true;
    }
  }
  return false;
}

/* The subject of the verb group starting at `gs`. */
static bool subject_before(ctx *c, size_t gs, int depth, agent *out) {
  if (gs <= c->sf) return false;
  size_t s = gs - 1;
  if (c->inq[s] || quote_token(c, s)) return false;
  if (ent_tok_is(c->doc, s, "qui")) {
    if (s <= c->sf) return false;
    size_t j = s - 1;
    if (is_punct(c, j, ",") && j > c->sf) j--;
    return np_ending_at(c, j, c->sf, true, out); /* "avec X, qui a dit" */
  }
  if (ent_tok_is(c->doc, s, "et") || ent_tok_is(c->doc, s, "puis") ||
      ent_tok_is(c->doc, s, "mais")) {
    return shared_subject(c, s, depth, out);
  }
  if (pronoun_kind(c, s) && strcmp(fold(c, s), "lui") != 0 && strcmp(fold(c, s), "eux") != 0) {
    memset(out, 0, sizeof *out);
    out->pron = pronoun_kind(c, s);
    out->first = s;
    out->end = s + 1;
    out->entity = -1;
    return true;
  }
  /* Commas: appositions name the subject ("…, Dmitri Peskov, a estimé");
   * relative and participial clauses and title appositions are skipped. */
  size_t k = s;
  agent fallback;
  bool have_fallback = false;
  for (int round = 0; round < 4 && is_punct(c, k, ","); round++) {
    size_t a = k;
    while (a > c->sf && !(is_punct(c, a - 1, ",") && !c->inq[a - 1])) a--;
    if (a >= k) break;
    /* The segment [a, k): a name in apposition is the subject. */
    for (size_t p = a; p < k && p < a + 3; p++) {
      const ent_mention *m = ent_tok_mention(c->doc, p);
      if (!m || m->kind != ENT_M_PERSON || m->tok_end != k || c->inq[p]) continue;
      bool ok = !(p > a && is_prep(c, p - 1));
      for (size_t q = a; q < p; q++)
        ok = ok && (is_det(c, q) || lower_word(c, q) ||
                    (ent_tok_mention(c->doc, q) &&
                     ent_tok_mention(c->doc, q)->kind == ENT_M_HONORIFIC));
      if (ok && in_relative(c, a)) {
        /* "X, qui a négocié avec le chef du gouvernement grec, Y, a assuré
         * que": Y names someone of the relative clause; the subject is
         * the relative's antecedent, further left. */
        size_t r = a - 1;
        while (r > c->sf && !(is_punct(c, r - 1, ",") && !c->inq[r - 1])) r--;
        if (r > c->sf + 1) {
          k = r - 1;
          goto next_segment;
        }
        break;
      }
      if (ok) {
        memset(out, 0, sizeof *out);
        out->entity = m->entity;
        out->first = p;
        out->end = k;
        return true;
      }
    }
    size_t h = is_det(c, a) ? a + 1 : a;
    const ent_mention *tm = ent_tok_mention(c->doc, h);
    bool title = tm && tm->kind == ENT_M_TITLE && tm->tok_first == h;
    bool skip = in_set(c, a, RELATIVES) || (lower_word(c, a) && !is_det(c, a)) || title;
    if (title && !have_fallback) {
      have_fallback = np_ending_at(c, k - 1, a, false, &fallback);
      /* A complement we could not read ("de l'Alliance"): the title alone. */
      if (!have_fallback && agent_at(c, a, k, true, &fallback) && !fallback.pron)
        have_fallback = true;
    }
    if (!skip) return np_ending_at(c, k - 1, a, false, out);
    if (a <= c->sf + 1) break;
    k = a - 1;
  next_segment:;
  }
  if (!is_punct(c, k, ",") && np_ending_at(c, k, c->sf, false, out)) return true;
  if (have_fallback) *out = fallback;
  return have_fallback;
}

/* ---- the claim's text ---- */

/* Does the clause stop before token t (a comma at t)? A new speech act
 * (", ajoutant que", ", et a déclaré"), a participle ("…, assimilant …"),
 * a concessive or temporal clause (", même si", ", alors que"), a marker. */
static bool incise_at_comma(ctx *c, size_t comma);
static bool cut_after_comma(ctx *c, size_t t) {
  size_t n = t + 1;
  if (n >= c->se) return true;
  if (looks_participle(c, n)) {
    /* "que les troupes, appuyant les rebelles, ont …" is an aside; after a
     * whole clause the participle starts a comment of the writer's. */
    size_t words = 0;
    for (size_t k = t; k-- > c->sf && !is_que(c, k) && !is_punct(c, k, ":");)
      words += tk(c, k)->kind == ENT_TOK_WORD;
    return words >= 4;
  }
  if ((raw_is(c, n, "en") || (ent_tok_is(c->doc, n, "tout") && raw_is(c, n + 1, "en"))) &&
      (looks_participle(c, n + 1) || looks_participle(c, n + 2)))
    return true;
  if (in_set(c, n, CUT_AFTER_COMMA) && !tk(c, n)->cap) {
    /* même si, alors que, tandis que, bien que, avant de, après avoir, sans */
    const char *f = fold(c, n);
    if (!strcmp(f, "meme") || !strcmp(f, "alors") || !strcmp(f, "tandis") || !strcmp(f, "bien"))
      return ent_tok_is(c->doc, n + 1, "si") || is_que(c, n + 1);
    return true;
  }
  size_t end;
  if (phrase_at(c, n, c->se, ENT_LEX_CLAIM_MARKER, &end) && !ent_tok_is(c->doc, n, "pour"))
    return true;
  if (ent_tok_is(c->doc, n, "et") || ent_tok_is(c->doc, n, "mais") ||
      ent_tok_is(c->doc, n, "puis")) {
    if (is_que(c, n + 1)) return false;
    /* A coordinated clause of its own that reports speech. */
    for (size_t k = n + 1; k < c->se && k < n + 10; k++) {
      verb_hit v;
      if (tk(c, k)->kind != ENT_TOK_WORD || c->inq[k]) break;
      if (saying_verb_at(c, k, &v)) return true;
    }
    return false;
  }
  return incise_at_comma(c, t);
}

/* The end (exclusive) of the clause that starts at token a. */
static size_t clause_end(ctx *c, size_t a) {
  for (size_t t = a; t < c->se; t++) {
    if (c->match[t] > (int)t) { /* a quotation inside the clause */
      t = (size_t)c->match[t];
      continue;
    }
    if (c->match[t] >= 0 && (size_t)c->match[t] < a) return t; /* the clause was quoted */
    const ent_token *x = tk(c, t);
    if (x->kind != ENT_TOK_PUNCT) {
      if (x->kind == ENT_TOK_WORD && (ent_tok_is(c->doc, t, "et") || ent_tok_is(c->doc, t, "mais")) &&
          t > a && !c->inq[t]) {
        /* "et a déclaré que": a second speech act with the same subject. */
        size_t k = t + 1;
        while (k < c->se && (is_aux(c, k) || is_adverb(c, k) || in_set(c, k, CLITICS))) k++;
        verb_hit v;
        if (k > t + 1 && saying_verb_at(c, k, &v)) return t;
      }
      continue;
    }
    if (sentence_final(c, t)) return t;
    const char *f = fold(c, t);
    if (!strcmp(f, "(") || ((!strcmp(f, "-") || !strcmp(f, "—") || !strcmp(f, "–")) &&
                            x->space_before))
      return t;
    if (!strcmp(f, ",") && !c->inq[t] && t > a && cut_after_comma(c, t)) return t;
  }
  return c->se;
}

/* Drop punctuation and unpaired quotation marks at both ends of [a, b]. */
static bool trim(const ctx *c, size_t *a, size_t *b) {
  while (*a <= *b) {
    const ent_token *x = tk(c, *a);
    bool q = quote_token(c, *a);
    if ((x->kind == ENT_TOK_PUNCT && !q) ||
        (q && (c->match[*a] < 0 || (size_t)c->match[*a] > *b || (size_t)c->match[*a] < *a)))
      (*a)++;
    else
      break;
  }
  while (*b >= *a && *b > 0) {
    const ent_token *x = tk(c, *b);
    bool q = quote_token(c, *b);
    const char *f = fold(c, *b);
    if ((x->kind == ENT_TOK_PUNCT && !q && strcmp(f, "!") && strcmp(f, "?")) ||
        (q && (c->match[*b] < 0 || (size_t)c->match[*b] < *a || (size_t)c->match[*b] > *b)))
      (*b)--;
    else
      break;
  }
  if (*a > *b) return false;
  /* A text wholly quoted: the words without the marks. */
  if (*b > *a + 1 && c->match[*a] == (int)*b) {
    (*a)++;
    (*b)--;
  }
  size_t words = 0;
  for (size_t i = *a; i <= *b; i++) words += tk(c, i)->kind == ENT_TOK_WORD;
  return words >= 2;
}

static bool push_int(ent_claim *cl, int v) {
  for (size_t i = 0; i < cl->mentions.n; i++)
    if (cl->mentions.v[i] == v) return true;
  int *p = ent_vec_push(&cl->mentions);
  if (!p) return false;
  *p = v;
  return true;
}

typedef struct {
  size_t a, b;     /* first part, tokens inclusive */
  size_t a2, b2;   /* second part of a cut quotation, when two */
  bool two, direct;
  size_t frame_end; /* the words that report it end here (token, exclusive): the
                       claim's date is looked for there, not in what follows */
} claim_text;

static void mark(ctx *c, size_t a, size_t b) {
  for (size_t i = a; i <= b && i < c->se; i++) c->covered[i] = 1;
}

/* Append a claim; false only when out of memory. */
static bool add_claim(ctx *c, int claimant, int addressee, const ent_lex_entry *verb,
                      claim_text x) {
  ent_doc *d = c->doc;
  if (claimant < 0 || !trim(c, &x.a, &x.b)) return true;
  if (x.two && !trim(c, &x.a2, &x.b2)) x.two = false;
  if (addressee == claimant) addressee = -1;
  size_t start = tk(c, x.a)->start, end = tk(c, x.two ? x.b2 : x.b)->end;
  for (size_t i = 0; i < d->claims.n; i++)
    if (d->claims.v[i].start == start && d->claims.v[i].end == end) return true;
  size_t l1 = tk(c, x.b)->end - start;
  size_t l2 = x.two ? tk(c, x.b2)->end - tk(c, x.a2)->start : 0;
  char *text = malloc(l1 + l2 + 2);
  if (!text) return false;
  memcpy(text, d->text + start, l1);
  if (x.two) {
    text[l1] = ' ';
    memcpy(text + l1 + 1, d->text + tk(c, x.a2)->start, l2);
    text[l1 + 1 + l2] = '\0';
  } else {
    text[l1] = '\0';
  }
  ent_claim *cl = ent_vec_push(&d->claims);
  if (!cl) {
    free(text);
    return false;
  }
  cl->claimant = claimant;
  cl->addressee = addressee;
  cl->text = text;
  cl->direct = x.direct;
  cl->verb = verb ? ent_lex_label(verb, "fr") : NULL;
  cl->start = start;
  cl->end = end;
  cl->sent = c->sent;
  /* Entities named in the text. */
  for (int part = 0; part < (x.two ? 2 : 1); part++) {
    size_t a = part ? x.a2 : x.a, b = part ? x.b2 : x.b;
    for (size_t i = a; i <= b; i++) {
      const ent_mention *m = ent_tok_mention(d, i);
      if (!m || m->tok_first != i || m->entity < 0 || m->sense != ENT_SENSE_NAME) continue;
      if (!push_int(cl, m->entity)) return false;
    }
    mark(c, a, b);
  }
  /* The date the sentence gives, outside the claim's own words. */
  const ent_sentence *se = &d->sents.v[c->sent];
  size_t from = se->start, until = se->end;
  if (x.frame_end > c->sf && x.frame_end <= c->se) until = tk(c, x.frame_end - 1)->end;
  if (until < end && x.frame_end <= x.a) until = start; /* preposed: before the text */
  ent_time_match tm;
  const ent_date *pub = d->pub.prec != ENT_PREC_NONE ? &d->pub : NULL;
  while (from < until && ent_doc_temporal_find(d, until, from, pub, false, &tm)) {
    bool inside = (tm.start >= start && tm.start < tk(c, x.b)->end) ||
                  (x.two && tm.start >= tk(c, x.a2)->start && tm.start < end);
    if (!inside && tm.date.prec != ENT_PREC_NONE) {
      cl->date = tm.date;
      break;
    }
    from = tm.end > from ? tm.end : from + 1;
  }
  return true;
}

/* ---- incises: « … », a déclaré X / a-t-il ajouté ---- */

typedef struct {
  verb_hit verb;
  agent subj;        /* an entity, or a pronoun to resolve */
  size_t end;        /* first token after the incise */
  size_t adr_tok;    /* where the addressee search starts */
  bool lui;          /* "lui a-t-il assuré": the addressee is a person before */
} incise;

/* "à M. X", "au président chinois", "à son invité" after a verb of saying. */
static int addressee_at(ctx *c, size_t t, int claimant, size_t *end) {
  if (t + 1 >= c->se ||
      !(is_a_prep(c, t) || ent_tok_is(c->doc, t, "au") || ent_tok_is(c->doc, t, "aux")))
    return -1;
  agent ag;
  if (agent_at(c, t + 1, c->se, true, &ag) && !ag.pron && ag.entity >= 0 &&
      c->doc->entities.v[ag.entity].kind == ENT_E_PERSON) {
    *end = ag.end;
    return ag.entity;
  }
  static const char *const POSS[] = {"son", "sa", NULL};
  const ent_mention *m = t + 2 < c->se ? ent_tok_mention(c->doc, t + 2) : NULL;
  if (claimant >= 0 && in_set(c, t + 1, POSS) && t + 2 < c->se &&
      ((m && m->kind == ENT_M_TITLE) ||
       (lower_word(c, t + 2) &&
        ent_tok_find(c->doc, t + 2, ENT_LEX_ADDRESSEE_NOUN)))) {
    *end = t + 3;
    return other_person(c, claimant, t);
  }
  return -1;
}

/* The subject after an incise verb: "a assuré dans une vidéo le patron de
 * TikTok, Shou Zi Chew" — prepositional phrases and adverbs are skipped. */
static bool subject_after(ctx *c, size_t i, agent *out) {
  bool in_pp = false, pp_noun = false;
  for (size_t t = i; t < c->se && t < i + 14; t++) {
    if (c->inq[t] || quote_token(c, t)) return false;
    if (tk(c, t)->kind == ENT_TOK_PUNCT) {
      const ent_mention *n = ent_tok_mention(c->doc, t + 1);
      if (is_punct(c, t, ",") && n && (n->kind == ENT_M_PERSON || n->kind == ENT_M_HONORIFIC)) {
        in_pp = false;
        continue;
      }
      return false;
    }
    if (is_que(c, t) || ent_tok_is(c->doc, t, "qui")) return false;
    if (is_prep(c, t)) {
      in_pp = true;
      pp_noun = false;
      continue;
    }
    const ent_mention *m = ent_tok_mention(c->doc, t);
    if (in_pp && !pp_noun) {
      if (is_det(c, t)) continue;
      if (m) t = m->tok_end - 1;
      pp_noun = true;
      continue;
    }
    /* "sur la radio France Inter": a name right after the phrase's noun
     * still belongs to it, unless it is a person. */
    if (in_pp && m && m->kind != ENT_M_PERSON && m->kind != ENT_M_HONORIFIC &&
        m->kind != ENT_M_TITLE) {
      t = m->tok_end - 1;
      continue;
    }
    if (is_det(c, t) || m) {
      agent ag;
      if (agent_at(c, t, c->se, true, &ag) && !ag.pron) {
        *out = ag;
        return true;
      }
      if (m && m->tok_end > t) t = m->tok_end - 1;
      in_pp = false;
      continue;
    }
    if (tk(c, t)->cap && !in_pp) return false;
  }
  return false;
}

/* An incise starting at token i (after the comma or the closing quote). */
static bool incise_at(ctx *c, size_t i, bool quoted, incise *out) {
  memset(out, 0, sizeof *out);
  size_t t = i;
  if (t < c->se && is_word(c, t) && !tk(c, t)->cap && in_set(c, t, CLITICS) &&
      !is_det(c, t + 1)) {
    out->lui = ent_tok_is(c->doc, t, "lui");
    t++;
  }
  if (t >= c->se || !lower_word(c, t) || is_que(c, t) || is_prep(c, t) || is_det(c, t))
    return false;
  size_t w = t, v = w, ptok = 0;
  bool pron = inverted_pronoun(c, w + 1);
  bool aux = is_aux(c, w);
  if (pron) ptok = w + 1;
  if (aux) {
    v = pron ? w + 2 : w + 1;
    while (v < c->se && is_adverb(c, v)) v++;
    if (v >= c->se || !lower_word(c, v)) return false;
  }
  if (!saying_verb_at(c, v, &out->verb)) {
    /* After a quotation any verb with an auxiliary or an inverted
     * pronoun reports it (s'est-il repris, a plaisanté X). */
    if (!quoted || (!aux && !pron) || looks_participle(c, v)) return false;
    out->verb.entry = NULL;
    out->verb.first = v;
    out->verb.end = v + 1;
  }
  size_t after = out->verb.end;
  if (pron && ptok >= after) after = ptok + 1;
  if (after < c->se && (is_que(c, after) || ent_tok_is(c->doc, after, "de") ||
                        ent_tok_is(c->doc, after, "d'") || is_punct(c, after, ":")))
    return false;
  if (pron) {
    out->subj.pron = pronoun_kind(c, ptok);
    if (!out->subj.pron) return false; /* "on" */
    out->subj.entity = -1;
    out->subj.first = ptok;
    out->subj.end = ptok + 1;
    out->end = after;
  } else {
    if (!subject_after(c, after, &out->subj)) return false;
    if (!out->verb.entry && c->doc->entities.v[out->subj.entity].kind != ENT_E_PERSON)
      return false;
    out->end = out->subj.end;
  }
  /* Adverbials and the addressee up to the end of the incise. */
  out->adr_tok = out->end;
  size_t e = out->end;
  while (e < c->se && e < out->end + 14 &&
         (tk(c, e)->kind == ENT_TOK_WORD || tk(c, e)->kind == ENT_TOK_NUMBER) && !c->inq[e] &&
         !is_que(c, e) && !ent_tok_is(c->doc, e, "qui"))
    e++;
  out->end = e;
  return true;
}

/* An incise after a comma with no quotation before it ("Le problème
 * n'existe pas, a fait valoir M. X."): a verb of statement, its subject
 * right after it, nothing but adverbials to the end of the sentence (or a
 * quotation that goes on), and a complete clause before the comma. */
/* Returns 0 (none), 1 (the incise ends the sentence, or a quotation
 * goes on after it) or 2 ("La décision, a-t-il dit, sera prise demain":
 * the clause goes on after the incise). */
static int unquoted_incise(ctx *c, size_t comma, incise *in) {
  if (comma < c->sf + 1 || !incise_at(c, comma + 1, false, in)) return 0;
  const verb_hit *v = &in->verb;
  if (!v->entry || !v->takes_que || v->quote_only) return 0;
  if (!in->subj.pron && in->subj.first > v->end + 3) return 0;
  size_t e = in->end;
  for (size_t k = in->subj.end; k < e; k++)
    if (looks_infinitive(c, k) || is_aux(c, k)) return 0;
  size_t a = comma;
  while (a > c->sf && !(is_punct(c, a - 1, ",") && !c->inq[a - 1])) a--;
  if (in_set(c, a, RELATIVES)) return 0;
  size_t words = 0;
  for (size_t k = c->sf; k < comma; k++) words += tk(c, k)->kind == ENT_TOK_WORD;
  bool more = is_punct(c, e, ",") && e + 1 < c->se && c->match[e + 1] > (int)(e + 1);
  if ((sentence_final(c, e) || more) && words >= 3) return 1;
  /* A mid-clause incise: the subject before it, the predicate after. */
  if (a == c->sf && is_punct(c, e, ",") && e + 2 < c->se && !in_set(c, e + 1, RELATIVES) &&
      !looks_participle(c, e + 1) && (in->subj.pron || in->subj.first <= v->end + 1))
    return 2;
  return 0;
}

static bool incise_at_comma(ctx *c, size_t comma) {
  incise in;
  return unquoted_incise(c, comma, &in) != 0;
}

/* Does the quotation opening at o start its clause (nothing but
 * punctuation before it, or a colon)? */
static bool opens_clause(const ctx *c, size_t o) {
  if (o > c->sf && is_punct(c, o - 1, ":")) return true;
  for (size_t k = c->sf; k < o; k++)
    if (tk(c, k)->kind != ENT_TOK_PUNCT) return false;
  return true;
}

/* ---- the complement of a verb of saying ---- */

static bool only_negation_then_infinitive(const ctx *c, size_t t, size_t *inf) {
  size_t k = t;
  while (k < c->se && ((in_set(c, k, NEG) && !is_a_prep(c, k)) ||
                       (in_set(c, k, CLITICS) && !is_det(c, k + 1) && !tk(c, k)->cap)))
    k++;
  *inf = k;
  return k < c->se && looks_infinitive(c, k);
}

/* What follows the verb: "que …", ": « … »", an infinitive, "de" + an
 * infinitive for promises, the object for object verbs; "à Y" or a person
 * as direct object is the addressee. */
static bool complement(ctx *c, const verb_hit *v, const group_info *g, int claimant,
                       claim_text *x, int *adr) {
  memset(x, 0, sizeof *x);
  size_t t = v->end;
  /* "s'est dit prêt à …", "s'est déclaré « très inquiet »": the attribute. */
  if (g->refl && v->attribute && t < c->se && (lower_word(c, t) || c->match[t] > (int)t) &&
      !is_que(c, t) && !is_prep(c, t) && !is_det(c, t)) {
    size_t e = clause_end(c, t);
    x->a = t;
    x->b = e - 1;
    return e > t + 1 || c->match[t] > (int)t;
  }
  bool in_pp = false, pp_noun = false, prep_a = false, first = true;
  for (int steps = 0; t < c->se && steps < 18; steps++) {
    if (c->inq[t]) return false;
    if (is_que(c, t)) {
      if (!(v->takes_que || v->object) || v->quote_only) return false;
      size_t e = clause_end(c, t + 1);
      if (e <= t + 1) return false;
      x->a = t + 1;
      x->b = e - 1;
      return true;
    }
    if (is_punct(c, t, ":")) {
      if (t + 1 < c->se && c->match[t + 1] > (int)(t + 1)) {
        x->a = t + 2;
        x->b = (size_t)c->match[t + 1] - 1;
        x->direct = true;
        return x->b >= x->a;
      }
      if (v->quote_only) return false;
      size_t e = clause_end(c, t + 1);
      if (e <= t + 1) return false;
      x->a = t + 1;
      x->b = e - 1;
      return true;
    }
    if (v->quote_only) return false;
    if (v->object && !in_pp && c->match[t] > (int)t) { /* a dénoncé « une agression » */
      size_t e = clause_end(c, t);
      x->a = t;
      x->b = e - 1;
      return e > t;
    }
    if (quote_token(c, t) || tk(c, t)->kind == ENT_TOK_PUNCT) {
      if (!is_punct(c, t, ",")) return false;
      in_pp = false;
      t++;
      continue;
    }
    if (in_set(c, t, QUESTIONS) || raw_is(c, t, "où")) return false;
    size_t inf;
    if (first && v->takes_que && only_negation_then_infinitive(c, t, &inf)) {
      size_t e = clause_end(c, t);
      if (e <= t) return false;
      x->a = t;
      x->b = e - 1;
      return true;
    }
    if (v->promise && !in_pp && (ent_tok_is(c->doc, t, "de") || ent_tok_is(c->doc, t, "d'")) &&
        only_negation_then_infinitive(c, t + 1, &inf)) {
      size_t e = clause_end(c, t + 1);
      if (e <= t + 1) return false;
      x->a = t + 1;
      x->b = e - 1;
      return true;
    }
    if (is_prep(c, t)) {
      in_pp = true;
      pp_noun = false;
      prep_a = is_a_prep(c, t) || ent_tok_is(c->doc, t, "au") || ent_tok_is(c->doc, t, "aux");
      first = false;
      size_t e;
      int who = prep_a ? addressee_at(c, t, claimant, &e) : -1;
      if (who >= 0) { /* "à M. X", "à son homologue" */
        *adr = who;
        t = e;
        pp_noun = true;
        continue;
      }
      t++;
      continue;
    }
    const ent_mention *m = ent_tok_mention(c->doc, t);
    if (is_det(c, t) || m) {
      if (in_pp && !pp_noun && is_det(c, t) && !m) {
        t++;
        continue;
      }
      agent ag;
      if (agent_at(c, t, c->se, false, &ag) && !ag.pron) {
        if ((!in_pp || pp_noun) && v->object) break;
        /* "à M. X" names a person spoken to (à + a country is a place);
         * a direct object is whoever is told: "a averti Pékin que". */
        if ((in_pp && !pp_noun && prep_a) || !in_pp) {
          agent mk;
          if (agent_at(c, t, c->se, true, &mk) && mk.entity >= 0 && mk.entity != claimant &&
              (!in_pp || c->doc->entities.v[mk.entity].kind == ENT_E_PERSON))
            *adr = mk.entity;
        }
        t = ag.end;
        pp_noun = true;
        first = false;
        continue;
      }
      if (in_pp && !pp_noun) {
        t = m ? m->tok_end : t + 1;
        pp_noun = true;
        first = false;
        continue;
      }
      if (v->object && is_det(c, t)) break;
      if (is_det(c, t) && !in_pp && v->takes_que) {
        /* "a jugé la situation « préoccupante »": an object and its quoted
         * attribute. */
        for (size_t k = t + 1; k < c->se && k < t + 6; k++) {
          if (c->match[k] > (int)k) {
            size_t e = clause_end(c, t);
            x->a = t;
            x->b = e - 1;
            return e > t;
          }
          if (!is_word(c, k)) break;
        }
      }
      if (m && !is_det(c, t)) {
        t = m->tok_end;
        first = false;
        continue;
      }
      return false; /* a direct object: the "que" after it is a relative */
    }
    verb_hit v2;
    if (!(in_pp && !pp_noun) && (is_aux(c, t) || saying_verb_at(c, t, &v2))) return false;
    /* "a demandé à Y de dire que": the "que" belongs to the infinitive. */
    if (in_pp && !pp_noun && looks_infinitive(c, t)) return false;
    if (in_pp || tk(c, t)->cap) pp_noun = true;
    if (!is_adverb(c, t)) first = false;
    t++;
  }
  if (v->object && t < c->se && (is_det(c, t) || ent_tok_mention(c->doc, t))) {
    size_t e = clause_end(c, t);
    if (e <= t) return false;
    x->a = t;
    x->b = e - 1;
    return true;
  }
  return false;
}

/* ---- triggers ---- */

static bool prop_true(const ent_lex_entry *e, const char *key) {
  const char *v = ent_lex_prop(e, key);
  return v && strcmp(v, "true") == 0;
}

/* "Selon X, …", "Pour X, …" (the apposition after X skipped), "…, selon X." */
static bool try_marker(ctx *c, size_t t, size_t *next) {
  bool head = t == c->sf || (is_punct(c, t - 1, ",") && !c->inq[t - 1]);
  if (!head) return true;
  size_t mend;
  const ent_lex_entry *mk = phrase_at(c, t, c->se, ENT_LEX_CLAIM_MARKER, &mend);
  if (!mk) return true;
  *next = mend;
  agent ag;
  if (!agent_at(c, mend, c->se, true, &ag)) return true;
  int who = resolve(c, &ag, t, -1);
  if (who < 0) return true;
  ent_entity_kind kind = c->doc->entities.v[who].kind;
  if (prop_true(mk, "personOnly") && kind != ENT_E_PERSON && kind != ENT_E_GROUP) return true;
  size_t k = ag.end;
  claim_text x = {0};
  if (is_punct(c, k, ",")) {
    /* "Pour Mme Z, porte-parole de la diplomatie russe, cette aide …",
     * "Selon M. X, qui s'exprimait à Rome, …": appositions are skipped. */
    for (int round = 0; round < 2; round++) {
      size_t h = k + 1;
      if (is_det(c, h)) h++;
      const ent_mention *tm = ent_tok_mention(c->doc, h);
      bool aside = (tm && tm->kind == ENT_M_TITLE && tm->tok_first == h) ||
                   in_set(c, k + 1, RELATIVES) || (lower_word(c, k + 1) && !is_det(c, k + 1));
      size_t j = k + 1;
      while (j < c->se && j < k + 16 && !(is_punct(c, j, ",") && !c->inq[j])) j++;
      if (!aside || j >= c->se || !is_punct(c, j, ",")) break;
      k = j;
    }
    size_t e = clause_end(c, k + 1);
    if (e <= k + 1) return true;
    x.a = k + 1;
    x.b = e - 1;
    x.frame_end = x.a;
    if (t > c->sf + 1) {
      /* "Les combats, selon M. X, ont fait dix morts": the clause goes
       * round the marker. */
      x.two = true;
      x.a2 = x.a;
      x.b2 = x.b;
      x.a = c->sf;
      x.b = t - 2;
      x.frame_end = c->se;
    }
  } else if (!prop_true(mk, "clauseInitial") && sentence_final(c, k) && t > c->sf + 1 &&
             is_punct(c, t - 1, ",")) {
    x.a = c->sf;
    x.b = t - 2;
    x.frame_end = c->se;
  } else {
    return true;
  }
  if (is_punct(c, c->se - 1, "?")) return true;
  *next = x.b + 1;
  return add_claim(c, who, -1, NULL, x);
}

/* A verb of saying at t with its subject before it, or a participle
 * (", ajoutant que", "en expliquant que") sharing the clause's subject. */
static bool try_verb(ctx *c, size_t t, size_t *next) {
  verb_hit v;
  if (!saying_verb_at(c, t, &v)) return true;
  *next = v.end;
  agent subj;
  memset(&subj, 0, sizeof subj);
  group_info g = {0};
  size_t gs = t;
  int claimant = -1;
  /* ", avant d'ajouter que", "après avoir affirmé que": the clause's speaker. */
  bool avant = t >= c->sf + 2 && (ent_tok_is(c->doc, t - 1, "de") || ent_tok_is(c->doc, t - 1, "d'")) &&
               ent_tok_is(c->doc, t - 2, "avant");
  bool apres = t >= c->sf + 2 && ent_tok_is(c->doc, t - 1, "avoir") &&
               (ent_tok_is(c->doc, t - 2, "apres"));
  /* "Et d'ajouter : « … »": the narrative infinitive goes on with the
   * speaker of the sentence before. */
  bool narrative = t == c->sf + 2 && ent_tok_is(c->doc, t - 2, "et") &&
                   (ent_tok_is(c->doc, t - 1, "de") || ent_tok_is(c->doc, t - 1, "d'"));
  if (narrative) {
    const ent_doc *d = c->doc;
    if (!d->claims.n || d->claims.v[d->claims.n - 1].sent < c->sent - 1) return true;
    claimant = d->claims.v[d->claims.n - 1].claimant;
  } else if (avant || apres) {
    if (!shared_subject(c, t - 2, 0, &subj)) return true;
    claimant = resolve(c, &subj, t - 2, -1);
  } else if (looks_participle(c, t) ||
             (t == c->sf && tk(c, t)->mention < 0 && ends_with(fold(c, t), "ant"))) {
    size_t p = t - (t > c->sf ? 1 : 0);
    bool gerund = t > c->sf && raw_is(c, p, "en");
    if (t != c->sf && !gerund && !is_punct(c, p, ",")) return true;
    if (!shared_subject(c, gerund ? p : t, 0, &subj)) return true;
    claimant = resolve(c, &subj, gerund ? p : t, -1);
  } else {
    gs = verb_group_start(c, t, &g);
    if (g.neg || g.refusal || g.passive || g.dangling) return true;
    if (gs > c->sf && ent_tok_is(c->doc, gs - 1, "comme") &&
        (gs - 1 == c->sf || is_punct(c, gs - 2, ","))) {
      /* "Comme l'a rappelé le ministre, la situation reste grave." */
      incise in;
      if (!incise_at(c, gs, false, &in) || !is_punct(c, in.end, ",")) return true;
      claimant = resolve(c, &in.subj, gs, -1);
      size_t e = clause_end(c, in.end + 1);
      claim_text x = {0};
      x.a = in.end + 1;
      x.b = e - 1;
      x.frame_end = x.a;
      if (claimant < 0 || e <= in.end + 1 || is_punct(c, c->se - 1, "?")) return true;
      *next = e;
      return add_claim(c, claimant, -1, v.entry, x);
    }
    if (!subject_before(c, gs, 0, &subj)) return true;
    claimant = resolve(c, &subj, subj.first, -1);
  }
  if (claimant < 0) return true;
  int adr = -1;
  claim_text x;
  if (!complement(c, &v, &g, claimant, &x, &adr)) return true;
  if (!x.direct && is_punct(c, c->se - 1, "?")) return true;
  if (g.lui && adr < 0) adr = other_person(c, claimant, gs);
  /* The speaker named after a fronted clause ends it: "Après avoir affirmé
   * que …, M. X a quitté la salle". */
  if (!subj.pron && subj.first > x.a && subj.first <= x.b + 1) {
    if (subj.first < x.a + 2) return true;
    x.b = subj.first - 2;
  }
  x.frame_end = x.a;
  *next = x.b + 1;
  return add_claim(c, claimant, adr, v.entry, x);
}

typedef struct {
  incise in;
  claim_text x;
} pending;

static bool sentence(ctx *c) {
  match_quotes(c);
  for (size_t i = c->sf; i < c->se; i++) c->covered[i] = 0;
  if (c->doc->sents.v[c->sent].heading) return true;
  /* 1. Incises, whose text comes before the verb. */
  pending inc[16];
  size_t ninc = 0;
  for (size_t t = c->sf; t < c->se && ninc < 16; t++) {
    bool close = quote_token(c, t) && c->match[t] >= 0 && (size_t)c->match[t] < t &&
                 !c->inq[c->match[t]];
    bool comma = is_punct(c, t, ",") && !c->inq[t] &&
                 !(t > c->sf && quote_token(c, t - 1) && c->match[t - 1] >= 0 &&
                   (size_t)c->match[t - 1] < t - 1);
    if ((!close && !comma) || (comma && t < c->sf + 2)) continue;
    size_t i = close ? (is_punct(c, t + 1, ",") ? t + 2 : t + 1) : t + 1;
    size_t last = close ? t : t - 1;
    pending *p = &inc[ninc];
    memset(p, 0, sizeof *p);
    int mode = close ? (incise_at(c, i, true, &p->in) ? 1 : 0) : unquoted_incise(c, t, &p->in);
    if (!mode) continue;
    /* A verb we do not know reports only a quotation that stands alone:
     * « … », a plaisanté X — not « Horizon » a séduit X. */
    if (close && !p->in.verb.entry &&
        (!opens_clause(c, (size_t)c->match[t]) ||
         (i == t + 1 && !(is_punct(c, t - 1, ".") || is_punct(c, t - 1, "!") ||
                          is_punct(c, t - 1, "...") || is_punct(c, t - 1, "…")))))
      continue;
    if (close) {
      size_t o = (size_t)c->match[t];
      if (opens_clause(c, o)) {
        if (is_punct(c, t - 1, "?")) continue;
        p->x.a = o + 1;
        p->x.b = t - 1;
        p->x.direct = true;
      } else {
        p->x.a = c->sf;
        p->x.b = last;
      }
    } else {
      p->x.a = c->sf;
      p->x.b = last;
    }
    size_t e = p->in.end;
    if (mode == 2) {
      size_t ce = clause_end(c, e + 1);
      if (ce <= e + 1) continue;
      p->x.two = true;
      p->x.a2 = e + 1;
      p->x.b2 = ce - 1;
    }
    if (mode == 1 && is_punct(c, e, ",") && e + 1 < c->se && c->match[e + 1] > (int)(e + 1) &&
        tk(c, e + 1)->kind != ENT_TOK_QUOTE_CLOSE) {
      p->x.two = true;
      p->x.a2 = e + 2;
      p->x.b2 = (size_t)c->match[e + 1] - 1;
      if (p->x.b2 < p->x.a2) p->x.two = false;
    }
    p->x.frame_end = p->in.end;
    mark(c, p->x.a, p->x.b);
    if (p->x.two) mark(c, p->x.a2, p->x.b2);
    ninc++;
    t = p->in.verb.end - 1;
  }
  /* 2. Every trigger in text order. */
  for (size_t t = c->sf; t < c->se; t++) {
    bool done = false;
    for (size_t k = 0; k < ninc; k++) {
      pending *p = &inc[k];
      if (p->in.verb.first != t) continue;
      int who = resolve(c, &p->in.subj, p->x.a, -1);
      int adr = -1;
      for (size_t a = p->in.adr_tok; a < p->in.end && adr < 0; a++) {
        size_t e;
        adr = addressee_at(c, a, who, &e);
      }
      if (p->in.lui && adr < 0) adr = other_person(c, who, p->x.a);
      if (!add_claim(c, who, adr, p->in.verb.entry, p->x)) return false;
      t = p->in.verb.end - 1;
      done = true;
    }
    if (done || c->covered[t] || c->inq[t] || quote_token(c, t) || !is_word(c, t)) continue;
    size_t next = t + 1;
    if (!try_marker(c, t, &next)) return false;
    if (next == t + 1 && !try_verb(c, t, &next)) return false;
    if (next > t + 1) t = next - 1;
  }
  return true;
}

static entente_status run(ent_doc *doc) {
  if (doc->toks.n == 0) return ENTENTE_OK;
  ctx c = {0};
  c.doc = doc;
  c.match = malloc(doc->toks.n * sizeof *c.match);
  c.inq = calloc(doc->toks.n, 1);
  c.covered = calloc(doc->toks.n, 1);
  c.sets = calloc(doc->toks.n, sizeof *c.sets);
  bool ok = c.match && c.inq && c.covered && c.sets && set_words_new(&c);
  for (size_t s = 0; ok && s < doc->sents.n; s++) {
    c.sent = (int)s;
    c.sf = doc->sents.v[s].tok_first;
    c.se = doc->sents.v[s].tok_end;
    if (c.se > c.sf) ok = sentence(&c) && !c.oom;
  }
  free(c.match);
  free(c.inq);
  free(c.covered);
  free(c.sets);
  ent_strmap_free(c.set_words);
  return ok ? ENTENTE_OK : ENTENTE_ERR_NOMEM;
}

const ent_extractor ent_extract_claims = {"claims", run};

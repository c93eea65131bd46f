/* doc: one article as the pipeline sees it — text, sentences, tokens,
 * mentions, entities and the facts the extractors find. A doc owns all of
 * its arrays and strings; the text and the lexicon are borrowed. */
#ifndef ENT_DOC_H
#define ENT_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "amount.h"
#include "entente.h"
#include "lexicon.h"
#include "strmap.h"
#include "temporal.h"
#include "text.h"
#include "vec.h"


typedef enum {
  ENT_TOK_WORD,
  ENT_TOK_NUMBER,
  ENT_TOK_PUNCT,
  ENT_TOK_QUOTE_OPEN,
  ENT_TOK_QUOTE_CLOSE
} ent_tok_kind;

typedef struct {
  size_t start, end;  /* bytes into doc->text */
  char *fold;         /* folded form (in the doc's string store) */
  size_t fold_len;    /* strlen(fold): span keys are made of folds */
  ent_tok_kind kind;
  bool cap;           /* starts with an upper-case letter */
  bool elided;        /* ends in an apostrophe: l', d', qu' */
  bool space_before;  /* white space before it */
  int sent;           /* sentence index */
  int mention;        /* index of the mention covering it, or -1 */
  unsigned head_words; /* most words of a lexicon phrase that starts with this
                          word, exactly or by stem; 0 when none or for an
                          elided word (tokenize.c) */
  unsigned head_classes; /* the classes of the phrases whose first word is this
                            word's; ~0u (unknown) for an elided word or
                            another kind of token */
} ent_token;

typedef struct {
  size_t start, end;       /* bytes */
  size_t tok_first, tok_end;
  bool heading;            /* a line with no final punctuation (title) */
} ent_sentence;

typedef enum {
  ENT_M_PERSON,
  ENT_M_COUNTRY,   /* by name; sense DEMONYM for adjectives (russe) */
  ENT_M_PLACE,     /* city or region */
  ENT_M_ORG,
  ENT_M_TITLE,
  ENT_M_HONORIFIC,
  ENT_M_GROUP      /* "les responsables américains" */
} ent_mention_kind;

typedef struct {
  ent_mention_kind kind;
  size_t tok_first, tok_end;   /* token range [first, end) */
  const ent_lex_entry *entry;  /* lexicon entry, when one matched */
  ent_lex_sense sense;
  int entity;                  /* entity index, -1 before coreference */
} ent_mention;

typedef enum {
  ENT_E_PERSON,
  ENT_E_COUNTRY,
  ENT_E_ORG,
  ENT_E_PLACE,
  ENT_E_GROUP
} ent_entity_kind;

typedef struct {
  ent_entity_kind kind;
  char *name;                  /* label (owned) */
  char *key;                   /* IRI key: slug or ISO code (owned) */
  const ent_lex_entry *entry;  /* lexicon entry, or NULL */
  const ent_lex_entry *country;/* a group's or place's country, or NULL */
  int first_tok;               /* first mention's first token */
  int merged_into;             /* -1, or the entity this one turned out to be */
} ent_entity;

/* Facts. `sent` is the sentence the fact comes from (provenance). */
typedef struct {
  int person, of;    /* entity indexes; of = -1 when the text gives none */
  char *title;       /* label as written ("ministre de la défense") */
  const ent_lex_entry *title_entry;
  bool former;
  int sent;
} ent_role;

typedef enum {
  ENT_EV_MEETING,
  ENT_EV_TALKS,
  ENT_EV_SUMMIT,
  ENT_EV_CALL,
  ENT_EV_VISIT,
  ENT_EV_STATE_VISIT,
  ENT_EV_PRESS_CONFERENCE,
  ENT_EV_DINNER,
  ENT_EV_RECEPTION
} ent_event_kind;

typedef struct {
  ent_event_kind kind;
  ENT_VEC(int) participants;   /* entity indexes */
  ent_date date;
  int place;                   /* entity index or -1 */
  bool planned;
  int sent;
} ent_event;

typedef struct {
  char *label;
  int signer, adopted_by, proposed_by;
  ent_date date;
  int sent;
} ent_bill;

typedef struct {
  ent_amount amount;
  int recipient;      /* entity or -1 */
  char *purpose;      /* owned, or NULL */
  int bill;           /* bill index or -1 */
  int part_of;        /* funding index or -1 */
  int sent;
} ent_funding;

typedef struct {
  int claimant, addressee;     /* entity indexes; addressee -1 */
  char *text;                  /* owned */
  bool direct;
  const char *verb;            /* lemma, borrowed from the lexicon */
  ent_date date;
  size_t start, end;           /* bytes of the claim's text */
  ENT_VEC(int) mentions;       /* entities named in the text */
  int sent;
} ent_claim;

typedef struct {
  const char *text;  /* borrowed */
  size_t len;
  const ent_lexicon *lex;
  ent_date pub;      /* prec NONE when unknown */
  ENT_VEC(ent_token) toks;
  ENT_VEC(ent_sentence) sents;
  ENT_VEC(ent_mention) mentions;
  ENT_VEC(ent_entity) entities;
  ent_strmap *entity_index; /* kind and key -> first entity (doc.c), made on first use */
  entente_status over;      /* a limit of entente.h hit on the way (ENTENTE_ERR_ENTITIES):
                               the pipeline reports it, whatever a stage made of it */
  ENT_VEC(ent_role) roles;
  ENT_VEC(ent_event) events;
  ENT_VEC(ent_bill) bills;
  ENT_VEC(ent_funding) fundings;
  ENT_VEC(ent_claim) claims;
  struct ent_doc_looks *looks; /* ent_doc_lookup's memo (doc.c): given, or made on first use */
  ENT_VEC(char *) store;       /* blocks of ent_doc_str_new's strings */
  size_t store_used, store_cap; /* in the last block */
} ent_doc;

/** ent_doc_lookup's memo, which a caller may keep from one document to the
 * next (a new one is a large zeroed table). */
typedef struct ent_doc_looks ent_doc_looks;
/** Give doc the memo of an earlier document (doc owns it from now on; NULL:
 * none). Call before any lookup. */
void ent_doc_give_looks(ent_doc *doc, ent_doc_looks *looks);
/** Take doc's memo (owned by the caller from now on, NULL when none): doc
 * has none after. */
ent_doc_looks *ent_doc_take_looks(ent_doc *doc);
/** Free a memo; NULL is a no-op. */
void ent_doc_looks_free(ent_doc_looks *looks);

/** ent_temporal_find(doc->lex, doc->text, len, from, pub, future_tense,
 * out), the same answer, with the document's tokens as hints. */
bool ent_doc_temporal_find(const ent_doc *doc, size_t len, size_t from, const ent_date *pub,
                           bool future_tense, ent_time_match *out);

/** ent_amount_find(doc->lex, doc->text, len, from, out), the same answer,
 * with the document's tokens as hints (fewer lexicon look-ups). */
bool ent_doc_amount_find(const ent_doc *doc, size_t len, size_t from, ent_amount *out);

/** Initialise *doc over text (borrowed) and lex (borrowed). */
void ent_doc_init(ent_doc *doc, const char *text, size_t len, const ent_lexicon *lex);
/** Release everything the doc owns (not the doc struct itself). */
void ent_doc_clear(ent_doc *doc);

/** Room for a string of n bytes and its '\0' in the doc's own store,
 * freed with the doc (one block for many strings: the tokens' folded forms
 * were an allocation each). NULL when out of memory. */
char *ent_doc_str_new(ent_doc *doc, size_t n);

/** Token helpers. */
static inline size_t ent_tok_len(const ent_token *t) { return t->end - t->start; }
/** ent_lexicon_find of token i's folded form: its first hit in `classes`
 * (borrowed from the lexicon), or NULL. A word whose head classes lack
 * them is answered without the lexicon. */
static inline const ent_lex_entry *ent_tok_find(const ent_doc *doc, size_t i, unsigned classes) {
  const ent_token *t = &doc->toks.v[i];
  return t->head_classes & classes ? ent_lexicon_find(doc->lex, t->fold, classes) : NULL;
}

/** True when token i's folded form equals `word`. Inline: the extractors
 * ask it hundreds of thousands of times a batch, of literals whose first
 * byte the compiler then compares without a call. */
static inline bool ent_tok_is(const ent_doc *doc, size_t i, const char *word) {
  return i < doc->toks.n && ent_streq(doc->toks.v[i].fold, word);
}
/** The raw bytes of token i are exactly s (folding merges "à" and "a").
 * Inline: called with literals, whose length the compiler then knows. */
static inline bool ent_tok_raw_is(const ent_doc *doc, size_t i, const char *s) {
  if (i >= doc->toks.n) return false;
  const ent_token *t = &doc->toks.v[i];
  size_t n = strlen(s);
  return t->end - t->start == n && memcmp(doc->text + t->start, s, n) == 0;
}
/** The mention covering token i, or NULL. */
const ent_mention *ent_tok_mention(const ent_doc *doc, size_t i);

/** Add an entity, or return the existing one with the same kind and key.
 * `name` and `key` are copied. Returns its index or -1 when out of memory. */
int ent_doc_entity(ent_doc *doc, ent_entity_kind kind, const char *name, const char *key,
                   const ent_lex_entry *entry);

/** The most tokens a lexicon phrase starting at token i can cover, within
 * [i, end): 0 when no phrase starts with that word, so that a caller trying
 * every length at every token skips most of them (the lexicon lookups were
 * most of the extraction's cost). Elided words ("l'") glue to the next word
 * in a key and count as tokens of their own. */
size_t ent_doc_phrase_tokens(const ent_doc *doc, size_t i, size_t end);

/** The lexicon key of tokens [a, b) into `key` (size `cap`): their folded
 * words joined by one space, none after an elided word (d'État → "d'etat").
 * False when it does not fit or b is past the last token. */
bool ent_doc_span_key(const ent_doc *doc, size_t a, size_t b, char *key, size_t cap);

/** ent_lexicon_lookup of the key of tokens [a, b) (ent_doc_span_key, at
 * most ENT_DOC_KEY_MAX bytes; 0 hits when longer). Every extractor looks
 * the same phrases up at the same tokens, for its own classes: the doc
 * remembers where each phrase is in the lexicon, so that is done once.
 * Writes up to `max` hits (borrowed from the lexicon), returns how many
 * there are in all. The memo is the doc's only mutable part behind a
 * const pointer; like the lexicon's, it is not thread-safe. */
size_t ent_doc_lookup(const ent_doc *doc, size_t a, size_t b, unsigned classes,
                      ent_lex_hit *hits, size_t max);
#define ENT_DOC_KEY_MAX 256

/** Give entity i a new key (`key` is copied): the entity table stays
 * indexed. Returns false when out of memory (the entity is left as it was). */
bool ent_doc_entity_rekey(ent_doc *doc, int i, const char *key);

/** The entity for a lexicon place/country/org mention (metonymy resolved:
 * a capital or a standsFor institution gives its country when `agent` is
 * true). -1 when out of memory or not a lexicon mention. */
int ent_doc_lex_entity(ent_doc *doc, const ent_lex_entry *e, bool agent);

/** A new string copied from text[start..end), owned by the caller. */
char *ent_doc_span_new(const ent_doc *doc, size_t start, size_t end);

#endif

/* lexicon: the word lists of the ontology/lexicon Turtle files, indexed for lookup.
 *
 * Every subject in a lexicon file is one entry. Its rdf:type (a term of the
 * entente vocabulary) gives its class, its skos:prefLabel / skos:altLabel /
 * skos:hiddenLabel and ent:demonym literals give the phrases that find it,
 * and every other property is kept as a (local name, value) pair.
 * Phrases are looked up folded (text.h). Entries of inflecting classes
 * (titles, demonyms, nouns and verbs) are also found by the Snowball French
 * stem of each word, so "chinoises" finds the entry labelled "chinois". */
#ifndef ENT_LEXICON_H
#define ENT_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "entente.h"

typedef enum {
  ENT_LEX_COUNTRY = 1u << 0,
  ENT_LEX_CITY = 1u << 1,
  ENT_LEX_REGION = 1u << 2,
  ENT_LEX_ORG = 1u << 3,
  ENT_LEX_TITLE = 1u << 4,       /* ministre, président, porte-parole … */
  ENT_LEX_HONORIFIC = 1u << 5,   /* M., Mme, MM. */
  ENT_LEX_GIVEN_NAME = 1u << 6,
  ENT_LEX_SAYING_VERB = 1u << 7, /* déclarer, affirmer … */
  ENT_LEX_CURRENCY = 1u << 8,
  ENT_LEX_MONTH = 1u << 9,
  ENT_LEX_WEEKDAY = 1u << 10,
  ENT_LEX_PERSON = 1u << 11,     /* well-known persons and their spellings */
  ENT_LEX_GROUP_NOUN = 1u << 12, /* responsables, dirigeants … */
  ENT_LEX_EVENT_NOUN = 1u << 13, /* rencontre, sommet, visite … */
  ENT_LEX_EVENT_VERB = 1u << 14, /* rencontrer, recevoir … */
  ENT_LEX_TIME_WORD = 1u << 15,  /* hier, prochain, dernier … */
  ENT_LEX_SCALE = 1u << 16,      /* mille, million, milliard … */
  ENT_LEX_BILL_NOUN = 1u << 17,  /* loi, projet de loi, plan d'aide … */
  ENT_LEX_STOPWORD = 1u << 18,   /* capitalised words that are never names */
  ENT_LEX_CLAIM_MARKER = 1u << 19, /* selon, d'après: "selon X, …" reports X's words */
  ENT_LEX_REFUSAL_VERB = 1u << 20, /* refuser, décliner: "a refusé de dire" is no claim */
  ENT_LEX_GOVERNMENT_NOUN = 1u << 26, /* gouvernement, diplomatie: speak for their country */
  ENT_LEX_ADDRESSEE_NOUN = 1u << 27,  /* invité, hôte: "a assuré à son invité" names a person */
  ENT_LEX_COUNT_NOUN = 1u << 21,  /* habitants, soldats …: "un milliard d'habitants" is no sum */
  ENT_LEX_NUMBER_WORD = 1u << 22, /* deux, cent, dizaine, des …: figures written out */
  ENT_LEX_AMOUNT_QUALIFIER = 1u << 23, /* plus de, environ, entre …: bounds of a sum */
  ENT_LEX_BILL_VERB = 1u << 24,   /* signer, adopter, promulguer (bills.ttl) */
  ENT_LEX_FUNDING_CUE = 1u << 25, /* aide, verser vs déficit, PIB (funding.ttl) */
  ENT_LEX_SPELLING = 1u << 28,   /* transliteration rules (spelling.ttl) */
  ENT_LEX_OTHER = 1u << 30
} ent_lex_class;

#define ENT_LEX_PLACE (ENT_LEX_COUNTRY | ENT_LEX_CITY | ENT_LEX_REGION)

/** How a phrase found its entry. */
typedef enum {
  ENT_SENSE_NAME = 0,
  ENT_SENSE_DEMONYM = 1,
  ENT_SENSE_SURNAME = 2 /* the last word of a known person's name */
} ent_lex_sense;

typedef struct ent_lex_entry ent_lex_entry;
typedef struct ent_lexicon ent_lexicon;

typedef struct {
  const ent_lex_entry *entry; /* borrowed from the lexicon */
  ent_lex_sense sense;
  bool by_stem;       /* found through stems, not the exact form */
  bool lower_initial; /* the phrase starts lower-case (mer Noire, russe) */
} ent_lex_hit;

/** Load every Turtle file under `dir` (sorted). On success `*lex_new` is owned by
 * the caller. Errors name the file on stderr. */
entente_status ent_lexicon_new(const char *dir, ent_lexicon **lex_new);
void ent_lexicon_free(ent_lexicon *lex);

/** Entries whose phrase equals the folded, space-separated `key`, restricted
 * to `classes` (a mask of ent_lex_class). Writes up to `max` hits (borrowed)
 * and returns how many there are in all. Exact forms come before stems; a
 * stem match counts only when the word keeps the phrase's beginning (all but
 * its last two letters) and is at most three letters longer, so that
 * "négociations" does not find "négociateur" through their common stem. */
size_t ent_lexicon_lookup(const ent_lexicon *lex, const char *key, unsigned classes,
                          ent_lex_hit *hits, size_t max);

/** Where a key is in the lexicon's indices: ent_lexicon_lookup in two
 * halves, so that a caller who looks the same phrase up for many classes
 * (doc.h, ent_doc_lookup) finds it once. */
typedef struct {
  uint32_t phrase, stem; /* ENT_LEX_NO_LIST when the key is not there */
} ent_lex_look;
#define ENT_LEX_NO_LIST UINT32_MAX
/** Where `key` is (remembered: see ent_lexicon_fold on threads). */
ent_lex_look ent_lexicon_look(const ent_lexicon *lex, const char *key);
/** ent_lexicon_lookup's hits for `key`, found at `look`; `key` is read
 * only when look.stem is set (a stem hit must keep the key's beginning). */
size_t ent_lexicon_look_hits(const ent_lexicon *lex, ent_lex_look look, const char *key,
                             unsigned classes, ent_lex_hit *hits, size_t max);
/** The classes of the entries in one list of an ent_lex_look (its phrase's
 * or its stem's), 0 for ENT_LEX_NO_LIST: no hit of other classes is there. */
unsigned ent_lexicon_list_classes(const ent_lexicon *lex, uint32_t list);

/** The first hit of `key` in `classes`, or NULL. */
const ent_lex_entry *ent_lexicon_find(const ent_lexicon *lex, const char *key,
                                      unsigned classes);

/** Entry by its local id (the IRI's last segment), or NULL. */
const ent_lex_entry *ent_lexicon_get(const ent_lexicon *lex, const char *id);

/** The entries of a class, in the order of their `ent:order` property (then
 * id). Writes up to `max` (borrowed) and returns how many there are. */
size_t ent_lexicon_entries(const ent_lexicon *lex, unsigned classes, const ent_lex_entry **out,
                           size_t max);

/** The most words of a phrase that starts with the folded `word` (exactly
 * or by stem); 0 when none does, so a caller can skip the position. */
size_t ent_lexicon_head_words(const ent_lexicon *lex, const char *word);
/** ent_lexicon_head_words into *words, and into *classes the classes of
 * the entries whose phrases start with `word` (exactly or by stem; a
 * person's surname alone counts): a lookup of a key whose first word is
 * `word` finds no entry of any other class. */
void ent_lexicon_head(const ent_lexicon *lex, const char *word, size_t *words,
                      unsigned *classes);

/** The classes of the phrases whose key is longer than `prefix` (a folded
 * key cut at a character boundary) and starts with it: a lookup of a key
 * that extends `prefix` finds no entry of a class outside them. Known for
 * months, weekdays, time words and ENT_LEX_OTHER (those found by stem
 * excepted); every other class is always in. `prefix` is borrowed. */
unsigned ent_lexicon_prefix_classes(const ent_lexicon *lex, const char *prefix);

/** The most words any phrase of the lexicon has. */
size_t ent_lexicon_max_words(const ent_lexicon *lex);

/** Accessors; every string returned is borrowed from the lexicon. */
const char *ent_lex_id(const ent_lex_entry *e);
const char *ent_lex_iri(const ent_lex_entry *e);
unsigned ent_lex_classes(const ent_lex_entry *e);
/** The skos:prefLabel in `lang` ("fr", "en"), else any prefLabel. */
const char *ent_lex_label(const ent_lex_entry *e, const char *lang);
/** The first value of the property with local name `key`, or NULL. Values that
 * are IRIs are given as their local name (an entry id). */
const char *ent_lex_prop(const ent_lex_entry *e, const char *key);
/** The i-th value of `key`, or NULL past the last one. */
const char *ent_lex_prop_nth(const ent_lex_entry *e, const char *key, size_t i);

/** Stem one folded or accented word with the French Snowball stemmer into
 * `out` (size `cap`); returns false when it does not fit. Not thread-safe. */
bool ent_lexicon_stem(const ent_lexicon *lex, const char *word, size_t len, char *out,
                      size_t cap);

/** ent_fold_new of word[0..len), remembered for short words (the scanners
 * fold the same words of every sentence again): a string owned by the
 * lexicon, valid until the next call; NULL when out of memory. Not
 * thread-safe. */
const char *ent_lexicon_fold(const ent_lexicon *lex, const char *word, size_t len);

#endif

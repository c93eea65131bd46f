/* temporal: French date expressions normalised against the publication date.
 * "vendredi", "le 9 avril", "9 avril 2024", "en novembre", "l'an dernier",
 * "en 2022", "la semaine dernière", "mardi dernier", "hier", "dans les
 * semaines à venir" … Values keep the precision the text gives: a day is
 * never invented. Words (months, weekdays, time words) come from the lexicon
 * (ontology/lexicon/time.ttl). */
#ifndef ENT_TEMPORAL_H
#define ENT_TEMPORAL_H

#include <stdbool.h>
#include <stddef.h>

#include "entente.h"
#include "lexicon.h"

typedef enum {
  ENT_PREC_NONE = 0,
  ENT_PREC_YEAR,  /* xsd:gYear */
  ENT_PREC_MONTH, /* xsd:gYearMonth */
  ENT_PREC_DAY    /* xsd:date */
} ent_date_prec;

typedef struct {
  int year, month, day;
  ent_date_prec prec;
} ent_date;

typedef struct {
  ent_date date;     /* prec NONE when the expression has no resolvable value
                        (e.g. "dans les semaines à venir") */
  bool future;       /* the expression points after the publication date */
  size_t start, end; /* byte offsets of the expression in the searched text */
} ent_time_match;

/** Parse "YYYY-MM-DD" (a real calendar day) into *out. */
entente_status ent_date_parse_iso(const char *s, ent_date *out);

/** Write the lexical form ("2024-04-26", "2023-11", "2022") into buf;
 * returns false when it does not fit or prec is NONE. */
bool ent_date_format(const ent_date *d, char *buf, size_t cap);

/** The XSD datatype IRI for d's precision (static string), NULL for NONE. */
const char *ent_date_xsd_type(const ent_date *d);

/** Day of week, 1 = Monday … 7 = Sunday, of a full date. */
int ent_date_weekday(const ent_date *d);

/** Find the first temporal expression that starts at or after byte `from`
 * in text[0..len). `pub` is the publication date (may be NULL: then only
 * absolute expressions resolve). `future_tense` says the clause is in the
 * future, which turns a bare weekday forward. Fills *out and returns true
 * when one is found. All pointers are borrowed. */
bool ent_temporal_find(const ent_lexicon *lex, const char *text, size_t len, size_t from,
                       const ent_date *pub, bool future_tense, ent_time_match *out);

/** What a caller knows of the text's words, to spare the scanner lexicon
 * look-ups (a document's tokens: ent_doc_temporal_find). word_heads(ctx, s,
 * e, &words, &classes) gives ent_lexicon_head of the word text[s..e)
 * folded, and true, when it knows it; false when it does not. */
typedef struct {
  bool (*word_heads)(void *ctx, size_t s, size_t e, size_t *words, unsigned *classes);
  void *ctx;
} ent_temporal_hints;

/** ent_temporal_find with hints (borrowed; NULL: none): the same answer. */
bool ent_temporal_find_hinted(const ent_lexicon *lex, const char *text, size_t len, size_t from,
                              const ent_date *pub, bool future_tense,
                              const ent_temporal_hints *hints, ent_time_match *out);

#endif

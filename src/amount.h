/* amount: sums of money as French news writes them, to a value in units and
 * an ISO 4217 code. "8 milliards de dollars" → 8000000000 USD; "1,5 milliard
 * d'euros"; "40 000 euros"; "2 millions et demi"; "plus de 60 milliards"
 * (lower bound); "entre 12 et 15 millions" (range); "des milliards d'euros"
 * (no figure, currency kept); "61 Md$"; "300 M€"; "USD 5 millions".
 * Years, dates, percentages and counts of people are never money.
 * Scales and currencies come from the lexicon (numbers.ttl, currencies.ttl). */
#ifndef ENT_AMOUNT_H
#define ENT_AMOUNT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lexicon.h"

typedef struct {
  bool has_value;     /* false for "des milliards d'euros" */
  int64_t cents;      /* value × 100 (exact for every sum news writes) */
  bool is_range;      /* "entre 12 et 15 millions" */
  int64_t cents_max;  /* upper end of a range */
  bool lower_bound;   /* "plus de", "au moins" */
  bool upper_bound;   /* "jusqu'à", "moins de" */
  bool approx;        /* "environ", "quelque", "près de" */
  char currency[4];   /* ISO 4217, "" when the text gives none here */
  /* The currency phrase's lexicon entry, or NULL. An entry marked
   * ent:generic has no code: a name several currencies share ("15 milliards
   * de couronnes"), which the article's full name of one of them
   * ("couronnes norvégiennes") resolves; see ent_amount_same_family. */
  const ent_lex_entry *currency_entry;
  size_t start, end;  /* byte offsets of the whole expression */
} ent_amount;

/** Find the first amount starting at or after byte `from` in text[0..len).
 * An amount needs a currency or a scale word (million, milliard…) or a
 * figure followed by a currency; a bare number is not money.
 * Fills *out and returns true when one is found. */
bool ent_amount_find(const ent_lexicon *lex, const char *text, size_t len, size_t from,
                     ent_amount *out);

/** What a caller knows of the text's words, to spare the scanner lexicon
 * look-ups (a document's tokens: ent_doc_amount_find). word_classes(ctx,
 * s, e, &fold_len) is the classes of the lexicon phrases whose first word
 * is the word text[s..e) folded (ent_lexicon_head), with the folded form's
 * length, given only when that form has no hyphen; ~0u when it does not
 * know. */
typedef struct {
  unsigned (*word_classes)(void *ctx, size_t s, size_t e, size_t *fold_len);
  void *ctx;
} ent_amount_hints;

/** ent_amount_find with hints (borrowed; NULL: none): the same answer. */
bool ent_amount_find_hinted(const ent_lexicon *lex, const char *text, size_t len, size_t from,
                            const ent_amount_hints *hints, ent_amount *out);

/** Whether `full` (a currency with a code) is one of the currencies the
 * generic name `generic` stands for: its French label starts with the
 * generic label and a space ("couronne norvégienne" for "couronne"). */
bool ent_amount_same_family(const ent_lex_entry *generic, const ent_lex_entry *full);

/** Write cents as a locale-independent xsd:decimal ("8000000000", "2.5")
 * into buf; false when it does not fit. */
bool ent_amount_format(int64_t cents, char *buf, size_t cap);

#endif

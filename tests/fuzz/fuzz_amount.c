/* libFuzzer harness: sums of money (src/amount.h) on arbitrary bytes.
 * ent_amount_find is called from the end of each match until none is left,
 * as the extractors call it, so every amount of the input is found and
 * checked; and once more from just after each match's start, an offset that
 * need not be a character boundary.
 * Invariants: a match lies inside [from, len) and is non-empty; the
 * currency is "" or three capital letters; values format as xsd:decimal.
 * And on text the pipeline takes, the search with the document's tokens as
 * hints (ent_doc_amount_find) gives the same answer as without, for every
 * start the loop tries and for a text cut at each match's end. */
#include <string.h>

#include "amount.h"
#include "doc.h"
#include "fuzzutil.h"
#include "text.h"
#include "tokenize.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  fuzz_lexicon();
  return 0;
}

static void check(const ent_amount *a, size_t size, size_t from) {
  char buf[64];
  FUZZ_ASSERT(a->start >= from && a->start < a->end && a->end <= size);
  size_t cl = strnlen(a->currency, sizeof a->currency);
  FUZZ_ASSERT(cl < sizeof a->currency);
  FUZZ_ASSERT(cl == 0 || cl == 3);
  for (size_t i = 0; i < cl; i++) FUZZ_ASSERT(a->currency[i] >= 'A' && a->currency[i] <= 'Z');
  if (a->has_value) FUZZ_ASSERT(ent_amount_format(a->cents, buf, sizeof buf));
  if (a->is_range) FUZZ_ASSERT(ent_amount_format(a->cents_max, buf, sizeof buf));
}

static bool same(const ent_amount *a, const ent_amount *b) {
  return a->has_value == b->has_value && a->cents == b->cents && a->is_range == b->is_range &&
         a->cents_max == b->cents_max && a->lower_bound == b->lower_bound &&
         a->upper_bound == b->upper_bound && a->approx == b->approx &&
         memcmp(a->currency, b->currency, sizeof a->currency) == 0 &&
         a->currency_entry == b->currency_entry && a->start == b->start && a->end == b->end;
}

/* The hinted search agrees with the plain one on text[0..len) from `from`. */
static void agree(const ent_doc *doc, size_t len, size_t from) {
  ent_amount plain, hinted;
  bool p = ent_amount_find(doc->lex, doc->text, len, from, &plain);
  bool h = ent_doc_amount_find(doc, len, from, &hinted);
  FUZZ_ASSERT(p == h);
  FUZZ_ASSERT(!p || same(&plain, &hinted));
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  const ent_lexicon *lex = fuzz_lexicon();
  const char *text = (const char *)data;
  ent_doc doc;
  ent_doc_init(&doc, text, size, lex);
  bool tokens = ent_text_check(text, size, NULL) == ENTENTE_OK && ent_tokenize(&doc) == ENTENTE_OK;
  size_t from = 0, found = 0;
  ent_amount a;
  while (from <= size && ent_amount_find(lex, text, size, from, &a)) {
    ent_amount inner;
    if (ent_amount_find(lex, text, size, a.start + 1, &inner)) check(&inner, size, a.start + 1);
    check(&a, size, from);
    if (tokens) {
      agree(&doc, size, from);
      agree(&doc, size, a.start + 1);
      agree(&doc, a.end, from);
    }
    from = a.end;
    FUZZ_ASSERT(++found <= size);
  }
  if (tokens && from <= size) agree(&doc, size, from);
  ent_doc_clear(&doc);
  return 0;
}

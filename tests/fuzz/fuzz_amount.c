/* libFuzzer harness: sums of money (src/amount.h) on arbitrary bytes.
 * ent_amount_find is called from the end of each match until none is left,
 * as the extractors call it, so every amount of the input is found and
 * checked; and once more from just after each match's start, an offset that
 * need not be a character boundary.
 * Invariants: a match lies inside [from, len) and is non-empty; the
 * currency is "" or three capital letters; values format as xsd:decimal. */
#include <string.h>

#include "amount.h"
#include "fuzzutil.h"

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

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  const ent_lexicon *lex = fuzz_lexicon();
  const char *text = (const char *)data;
  size_t from = 0, found = 0;
  ent_amount a;
  while (from <= size && ent_amount_find(lex, text, size, from, &a)) {
    ent_amount inner;
    if (ent_amount_find(lex, text, size, a.start + 1, &inner)) check(&inner, size, a.start + 1);
    check(&a, size, from);
    from = a.end;
    FUZZ_ASSERT(++found <= size);
  }
  return 0;
}

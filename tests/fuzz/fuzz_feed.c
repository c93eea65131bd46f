/* libFuzzer harness: the feed reader (ent_reader_feed, src/reader.h) on
 * arbitrary bytes: RSS and Atom, the HTML inside items, entity
 * declarations (always refused), dates in every form. The input is not
 * NUL-terminated. Invariants (readercheck.h): each item a checked article
 * of the format the root says, or an error with a message and nothing
 * handed back; ent_reader_date on the input, as a string, gives a real day
 * or nothing. */
#include <stdlib.h>
#include <string.h>

#include "readercheck.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  ent_reader_source *items = NULL;
  size_t n = 0;
  ent_reader_error err = {""};
  entente_status st = ent_reader_feed((const char *)data, size, &items, &n, &err);
  if (st == ENTENTE_OK) {
    FUZZ_ASSERT(items && n > 0);
    for (size_t i = 0; i < n; i++) {
      FUZZ_ASSERT(items[i].format == ENT_READER_RSS || items[i].format == ENT_READER_ATOM);
      FUZZ_ASSERT(items[i].format == items[0].format);
      fuzz_check_source(&items[i]);
    }
    ent_reader_sources_free(items, n);
  } else {
    FUZZ_ASSERT(!items && n == 0);
    fuzz_check_failure(st, &err);
  }
  /* the date parser on the same bytes, cut at the first NUL */
  if (size < 256) {
    char s[257], out[11];
    memcpy(s, data, size);
    s[size] = '\0';
    if (ent_reader_date(s, out)) {
      char again[11];
      FUZZ_ASSERT(strlen(out) == 10 && ent_reader_date(out, again) && !strcmp(out, again));
    }
  }
  return 0;
}

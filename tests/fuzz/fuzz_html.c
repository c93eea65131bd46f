/* libFuzzer harness: the web page reader (ent_reader_html, src/reader.h) on
 * arbitrary bytes, as they come off the network: any charset, broken
 * markup, hostile nesting. The input is not NUL-terminated: a read past
 * `size` is an ASan report. Invariants (readercheck.h): an article whose
 * text passes ent_text_check and whose metadata are clean single lines, a
 * date that is a real day, an http(s) URL; or an error with a message and
 * nothing handed back. Also: ent_reader_detect and ent_reader_read agree. */
#include <stdlib.h>

#include "readercheck.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  const char *buf = (const char *)data;
  ent_reader_source *src = NULL;
  ent_reader_error err = {""};
  entente_status st = ent_reader_html(buf, size, &src, &err);
  if (st == ENTENTE_OK) {
    FUZZ_ASSERT(src && src->format == ENT_READER_HTML);
    fuzz_check_source(src);
    ent_reader_source_free(src);
  } else {
    FUZZ_ASSERT(!src);
    fuzz_check_failure(st, &err);
  }
  /* detection never fails, and reading by it hands back checked articles */
  ent_reader_format f = ent_reader_detect(buf, size);
  FUZZ_ASSERT(f >= ENT_READER_TEXT && f <= ENT_READER_ATOM);
  ent_reader_source *items = NULL;
  size_t n = 0;
  ent_reader_error e2 = {""};
  st = ent_reader_read(buf, size, ENT_READER_AUTO, &items, &n, &e2);
  if (st == ENTENTE_OK) {
    FUZZ_ASSERT(items && n > 0);
    for (size_t i = 0; i < n; i++) fuzz_check_source(&items[i]);
    ent_reader_sources_free(items, n);
  } else {
    FUZZ_ASSERT(!items && n == 0);
    fuzz_check_failure(st, &e2);
  }
  return 0;
}

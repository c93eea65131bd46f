/* What every article the reader (src/reader.h) hands back must satisfy,
 * whatever the bytes it was given: shared by tests/fuzz/fuzz_html.c and
 * tests/fuzz/fuzz_feed.c. */
#ifndef ENT_READERCHECK_H
#define ENT_READERCHECK_H

#include <ctype.h>
#include <string.h>

#include "fuzzutil.h"
#include "reader.h"
#include "text.h"

/* A metadata string: valid UTF-8 text on one line, no blank at either end. */
static inline void fuzz_check_line(const char *s) {
  if (!s) return;
  size_t n = strlen(s);
  FUZZ_ASSERT(n > 0 && ent_text_check(s, n, NULL) == ENTENTE_OK);
  FUZZ_ASSERT(!strchr(s, '\n') && s[0] != ' ' && s[n - 1] != ' ');
}

static inline void fuzz_check_source(const ent_reader_source *s) {
  /* the text: what the pipeline accepts; from markup, paragraphs one "\n"
   * apart and no other white space but single spaces (plain text is kept
   * as it was given) */
  FUZZ_ASSERT(s->text && strlen(s->text) == s->len);
  FUZZ_ASSERT(ent_text_check(s->text, s->len, NULL) == ENTENTE_OK);
  FUZZ_ASSERT(s->len <= ENTENTE_MAX_ARTICLE_BYTES);
  if (s->format != ENT_READER_TEXT) {
    FUZZ_ASSERT(!strstr(s->text, "\n\n") && s->text[0] != '\n' && s->text[s->len - 1] != '\n');
    FUZZ_ASSERT(!strchr(s->text, '\r') && !strchr(s->text, '\t') && !strstr(s->text, "  "));
    FUZZ_ASSERT(s->text[0] != ' ' && s->text[s->len - 1] != ' ');
  } else {
    FUZZ_ASSERT(!s->title && !s->date && !s->author && !s->lang && !s->url);
  }
  fuzz_check_line(s->title);
  fuzz_check_line(s->author);
  fuzz_check_line(s->lang);
  fuzz_check_line(s->url);
  if (s->date) { /* YYYY-MM-DD, a real day */
    char again[11];
    FUZZ_ASSERT(strlen(s->date) == 10 && ent_reader_date(s->date, again) &&
                strcmp(again, s->date) == 0);
  }
  if (s->url) FUZZ_ASSERT(!strncmp(s->url, "http://", 7) || !strncmp(s->url, "https://", 8));
  if (s->url) FUZZ_ASSERT(!strchr(s->url, '#') && !strpbrk(s->url, " <>\"{}|\\^`"));
  for (const char *p = s->lang; p && *p; p++) FUZZ_ASSERT(isalnum((unsigned char)*p) || *p == '-');
}

/* A failure hands nothing back and says why. */
static inline void fuzz_check_failure(entente_status st, const ent_reader_error *err) {
  FUZZ_ASSERT(st == ENTENTE_ERR_MARKUP || st == ENTENTE_ERR_EMPTY ||
              st == ENTENTE_ERR_TOO_LARGE || st == ENTENTE_ERR_NOMEM ||
              st == ENTENTE_ERR_UTF8 || st == ENTENTE_ERR_BINARY);
  FUZZ_ASSERT(err->msg[0] != '\0' && !strchr(err->msg, '\n'));
}

#endif

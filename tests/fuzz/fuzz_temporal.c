/* libFuzzer harness: French date expressions (src/temporal.h) on arbitrary
 * bytes, with a fixed publication date. ent_temporal_find is called from
 * the end of each match until none is left, as the extractors call it, so
 * every expression of the input is found and checked; and once more from
 * just after each match's start, a byte offset that need not be a character
 * boundary. Three times: in the past and in the future tense with the
 * publication date, and without it.
 * Invariants: a match lies inside [from, len), is non-empty, and its date
 * (when it has one) is a real calendar value that formats as XSD. And on
 * text the pipeline takes, the search with the document's tokens as hints
 * (ent_doc_temporal_find) gives the same answer as without, for every start
 * the loop tries and for a text cut at each match's end. */
#include <string.h>

#include "doc.h"
#include "fuzzutil.h"
#include "temporal.h"
#include "text.h"
#include "tokenize.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  fuzz_lexicon();
  return 0;
}

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static void check_date(const ent_date *d) {
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  char buf[64];
  if (d->prec == ENT_PREC_NONE) {
    FUZZ_ASSERT(ent_date_xsd_type(d) == NULL);
    return;
  }
  FUZZ_ASSERT(ent_date_format(d, buf, sizeof buf));
  FUZZ_ASSERT(ent_date_xsd_type(d) != NULL);
  if (d->prec >= ENT_PREC_MONTH) FUZZ_ASSERT(d->month >= 1 && d->month <= 12);
  if (d->prec == ENT_PREC_DAY) {
    int max = d->month == 2 && leap(d->year) ? 29 : days[d->month - 1];
    FUZZ_ASSERT(d->day >= 1 && d->day <= max);
    /* A full date round-trips through the ISO parser. */
    ent_date back;
    FUZZ_ASSERT(ent_date_parse_iso(buf, &back) == ENTENTE_OK);
    FUZZ_ASSERT(back.year == d->year && back.month == d->month && back.day == d->day);
  }
}

static bool same(const ent_time_match *a, const ent_time_match *b) {
  return a->date.year == b->date.year && a->date.month == b->date.month &&
         a->date.day == b->date.day && a->date.prec == b->date.prec && a->future == b->future &&
         a->start == b->start && a->end == b->end;
}

/* The hinted search agrees with the plain one on text[0..len) from `from`. */
static void agree(const ent_doc *doc, size_t len, size_t from, const ent_date *pub, bool future) {
  ent_time_match plain, hinted;
  bool p = ent_temporal_find(doc->lex, doc->text, len, from, pub, future, &plain);
  bool h = ent_doc_temporal_find(doc, len, from, pub, future, &hinted);
  FUZZ_ASSERT(p == h);
  FUZZ_ASSERT(!p || same(&plain, &hinted));
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  const ent_lexicon *lex = fuzz_lexicon();
  const char *text = (const char *)data;
  ent_date pub;
  FUZZ_ASSERT(ent_date_parse_iso("2024-04-26", &pub) == ENTENTE_OK);
  ent_doc doc;
  ent_doc_init(&doc, text, size, lex);
  bool tokens = ent_text_check(text, size, NULL) == ENTENTE_OK && ent_tokenize(&doc) == ENTENTE_OK;
  for (int run = 0; run < 3; run++) {
    size_t from = 0, found = 0;
    ent_time_match m;
    const ent_date *p = run == 2 ? NULL : &pub;
    while (from <= size && ent_temporal_find(lex, text, size, from, p, run == 1, &m)) {
      FUZZ_ASSERT(m.start >= from && m.start < m.end && m.end <= size);
      check_date(&m.date);
      ent_time_match inner;
      if (ent_temporal_find(lex, text, size, m.start + 1, p, run == 1, &inner)) {
        FUZZ_ASSERT(inner.start > m.start && inner.start < inner.end && inner.end <= size);
        check_date(&inner.date);
      }
      if (tokens) {
        agree(&doc, size, from, p, run == 1);
        agree(&doc, size, m.start + 1, p, run == 1);
        agree(&doc, m.end, from, p, run == 1);
      }
      from = m.end;
      FUZZ_ASSERT(++found <= size); /* each match starts further on */
    }
    if (tokens && from < size) agree(&doc, size, from, p, run == 1);
  }
  ent_doc_clear(&doc);
  return 0;
}

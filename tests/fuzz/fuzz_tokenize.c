/* libFuzzer harness: the tokenizer and sentence splitter (src/tokenize.h)
 * on arbitrary bytes. The pipeline only tokenizes text that passed
 * ent_text_check, but the tokenizer is meant to survive any bytes (a bad
 * sequence reads as a space), so nothing is filtered here. The input is not
 * NUL-terminated: a read past `len` is an ASan report.
 * Invariants checked: tokens are in order, non-empty, inside the text and
 * folded; in valid UTF-8 text (what the pipeline tokenizes), a token starts
 * and ends on a character boundary (a word cut inside ’ became an invalid
 * label: tests/fuzz/regressions/fuzz_extract/name-cut-in-apostrophe*);
 * sentences partition the tokens exactly and say so in each token. */
#include <string.h>

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

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  const ent_lexicon *lex = fuzz_lexicon();
  ent_doc doc;
  ent_doc_init(&doc, (const char *)data, size, lex);
  entente_status st = ent_tokenize(&doc);
  FUZZ_ASSERT(st == ENTENTE_OK || st == ENTENTE_ERR_NOMEM);
  if (st == ENTENTE_OK) {
    bool text = ent_text_check((const char *)data, size, NULL) == ENTENTE_OK;
    for (size_t i = 0; i < doc.toks.n; i++) {
      const ent_token *t = &doc.toks.v[i];
      FUZZ_ASSERT(t->start < t->end && t->end <= size);
      FUZZ_ASSERT(t->fold != NULL);
      FUZZ_ASSERT(i == 0 || doc.toks.v[i - 1].end <= t->start);
      FUZZ_ASSERT(t->mention == -1);
      if (text) /* no UTF-8 continuation byte (10xxxxxx) at either end */
        FUZZ_ASSERT((data[t->start] & 0xC0) != 0x80 &&
                    (t->end == size || (data[t->end] & 0xC0) != 0x80));
    }
    size_t next = 0;
    for (size_t s = 0; s < doc.sents.n; s++) {
      const ent_sentence *se = &doc.sents.v[s];
      FUZZ_ASSERT(se->tok_first == next && se->tok_first < se->tok_end &&
                  se->tok_end <= doc.toks.n);
      FUZZ_ASSERT(se->start == doc.toks.v[se->tok_first].start &&
                  se->end == doc.toks.v[se->tok_end - 1].end);
      for (size_t k = se->tok_first; k < se->tok_end; k++)
        FUZZ_ASSERT(doc.toks.v[k].sent == (int)s);
      next = se->tok_end;
    }
    FUZZ_ASSERT(next == doc.toks.n);
  }
  ent_doc_clear(&doc);
  return 0;
}

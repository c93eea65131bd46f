/* Shared by the libFuzzer harnesses (tests/fuzz/fuzz_*.c): the lexicon,
 * loaded once, and a check that aborts with a message so that libFuzzer
 * (and the replay driver, tests/fuzz/replay.c) report it as a crash. */
#ifndef ENT_FUZZUTIL_H
#define ENT_FUZZUTIL_H

#include <stdio.h>
#include <stdlib.h>

#include "lexicon.h"

/* The lexicon folder: $ENTENTE_ONTOLOGY/lexicon, else the build's default.
 * Loaded once per process; exits when it cannot be loaded (a setup error,
 * not a finding). The lexicon lives until the process ends. */
static inline const ent_lexicon *fuzz_lexicon(void) {
  static ent_lexicon *lex;
  if (!lex) {
    char path[4096];
    snprintf(path, sizeof path, "%s/lexicon", entente_default_ontology_dir());
    if (ent_lexicon_new(path, &lex) != ENTENTE_OK) {
      fprintf(stderr, "fuzz: cannot load the lexicon from %s\n", path);
      exit(2);
    }
  }
  return lex;
}

/* An invariant of the module under test: abort() so it counts as a crash. */
#define FUZZ_ASSERT(cond)                                                                \
  do {                                                                                   \
    if (!(cond)) {                                                                       \
      fprintf(stderr, "fuzz: %s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      abort();                                                                           \
    }                                                                                    \
  } while (0)

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

#endif

/* Shared helpers for the cmocka unit tests. */
#ifndef ENT_TESTUTIL_H
#define ENT_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>

#include "lexicon.h"

/* The lexicon folder: $ENTENTE_ONTOLOGY/lexicon, else the build's default. */
static inline ent_lexicon *test_lexicon(void) {
  const char *dir = getenv("ENTENTE_ONTOLOGY");
  char path[4096];
  snprintf(path, sizeof path, "%s/lexicon", dir ? dir : ENTENTE_ONTOLOGY_DIR);
  ent_lexicon *lex = NULL;
  if (ent_lexicon_new(path, &lex) != ENTENTE_OK) {
    fprintf(stderr, "cannot load lexicon from %s\n", path);
    exit(1);
  }
  return lex;
}

#endif

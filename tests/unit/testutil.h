/* Shared helpers for the cmocka unit tests. */
#ifndef ENT_TESTUTIL_H
#define ENT_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "coref.h"
#include "doc.h"
#include "extractor.h"
#include "lexicon.h"
#include "mentions.h"
#include "text.h"
#include "tokenize.h"

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

/* Run every stage of the pipeline on text; `date` may be NULL. */
static inline void test_doc(const ent_lexicon *lex, const char *text, const char *date,
                            ent_doc *doc) {
  ent_doc_init(doc, text, strlen(text), lex);
  if (date) assert_int_equal(ent_date_parse_iso(date, &doc->pub), ENTENTE_OK);
  assert_int_equal(ent_tokenize(doc), ENTENTE_OK);
  assert_int_equal(ent_find_mentions(doc), ENTENTE_OK);
  assert_int_equal(ent_coref(doc), ENTENTE_OK);
  size_t n;
  const ent_extractor *const *ex = ent_extractors(&n);
  for (size_t i = 0; i < n; i++) assert_int_equal(ex[i]->run(doc), ENTENTE_OK);
}

/* The index of the person entity whose name is `name`, or -1. */
static inline int test_person(const ent_doc *doc, const char *name) {
  for (size_t i = 0; i < doc->entities.n; i++)
    if (doc->entities.v[i].kind == ENT_E_PERSON && strcmp(doc->entities.v[i].name, name) == 0)
      return (int)i;
  return -1;
}

static inline size_t test_count_kind(const ent_doc *doc, ent_entity_kind k) {
  size_t n = 0;
  for (size_t i = 0; i < doc->entities.n; i++) n += doc->entities.v[i].kind == k;
  return n;
}

#endif

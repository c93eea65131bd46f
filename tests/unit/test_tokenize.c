/* tokenize: a table of French sentences and the tokens / sentences expected. */
#include "testutil.h"

static ent_lexicon *lex;

/* Tokens of `text` joined by '|'. */
static char *joined(const char *text, size_t *nsent) {
  ent_doc doc;
  ent_doc_init(&doc, text, strlen(text), lex);
  assert_int_equal(ent_tokenize(&doc), ENTENTE_OK);
  size_t cap = strlen(text) * 2 + 2, o = 0;
  char *out = calloc(1, cap);
  for (size_t i = 0; i < doc.toks.n; i++) {
    const ent_token *t = &doc.toks.v[i];
    if (i) out[o++] = '|';
    memcpy(out + o, text + t->start, t->end - t->start);
    o += t->end - t->start;
  }
  if (nsent) *nsent = doc.sents.n;
  ent_doc_clear(&doc);
  return out;
}

static void tokens_table(void **state) {
  (void)state;
  static const struct { const char *in, *out; } rows[] = {
      {"M. Dupont est arrivé.", "M.|Dupont|est|arrivé|."},
      {"MM. Martin et Durand", "MM.|Martin|et|Durand"},
      {"Mme Lefèvre a parlé", "Mme|Lefèvre|a|parlé"},
      {"l’ambassadeur d’Italie", "l’|ambassadeur|d’|Italie"},
      {"l'Union qu'il dirige", "l'|Union|qu'|il|dirige"},
      {"jusqu’à lundi", "jusqu’|à|lundi"},
      {"aujourd’hui", "aujourd’hui"},
      {"a-t-il ajouté", "a|il|ajouté"},
      {"a-t-elle dit", "a|elle|dit"},
      {"sont-ils partis", "sont|ils|partis"},
      {"le porte-parole des États-Unis", "le|porte-parole|des|États-Unis"},
      {"9,5 milliards", "9,5|milliards"},
      {"40 000 euros", "40 000|euros"},
      {"40\xc2\xa0" "000 euros", "40\xc2\xa0" "000|euros"},
      {"en 1949 dans", "en|1949|dans"},
      {"le 1er octobre", "le|1er|octobre"},
      {"« Oui », a-t-il dit", "«|Oui|»|,|a|il|dit"},
      {"“Non” dit-elle", "“|Non|”|dit|elle"},
      {"Donald J. Trump", "Donald|J.|Trump"},
      {"61 Md$", "61|Md|$"},
      {"attendez...", "attendez|..."},
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    char *got = joined(rows[i].in, NULL);
    if (strcmp(got, rows[i].out) != 0) fprintf(stderr, "row %zu: %s\n", i, got);
    assert_string_equal(got, rows[i].out);
    free(got);
  }
}

static void sentences_table(void **state) {
  (void)state;
  static const struct { const char *in; size_t n; } rows[] = {
      {"M. Dupont est arrivé. Il a parlé.", 2},
      {"Titre sans point\nLe texte commence ici.", 2},
      {"« Nous partons. Nous revenons », a-t-il dit. Puis il est parti.", 2},
      {"« Les choses avancent. Les droits sont là", 1}, /* never closed */
      {"Ces armes arriveront-elles à temps ? Depuis mars, rien.", 2},
      {"MM. Martin et Durand se sont vus. Ils ont parlé.", 2},
      {"Il vaut 2,5 milliards. Le reste suit.", 2},
      {"Il a dit oui. « Bien », a répondu Mme Durand.", 2},
      {"Le sommet de l'O.T.A.N. commence.", 1},
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    size_t n;
    free(joined(rows[i].in, &n));
    if (n != rows[i].n) fprintf(stderr, "row %zu: %zu sentences\n", i, n);
    assert_int_equal(n, rows[i].n);
  }
}

static void headline_is_a_heading(void **state) {
  (void)state;
  const char *t = "Paris et Berlin signent un accord\nLe texte a été signé lundi.";
  ent_doc doc;
  ent_doc_init(&doc, t, strlen(t), lex);
  assert_int_equal(ent_tokenize(&doc), ENTENTE_OK);
  assert_int_equal(doc.sents.n, 2);
  assert_true(doc.sents.v[0].heading);
  assert_false(doc.sents.v[1].heading);
  ent_doc_clear(&doc);
}

/* ent_doc_lookup gives what ent_lexicon_lookup gives for the span's key,
 * for every span, class mask and order of asking (the doc remembers the
 * first answer); keys past ENT_DOC_KEY_MAX find nothing. `copies` of the
 * sentence: past 4,096 tokens, spans share the memo's slots. The memo comes
 * from *kept (an earlier document's, whose answers must not leak) and goes
 * back there. `lead` shifts every token of the sentence. */
static void check_doc_lookup(size_t copies, const char *lead, ent_doc_looks **kept) {
  static const char sentence[] =
      "Le ministre des Affaires étrangères a rencontré l'ambassadeur d'Italie "
      "en février ; les ministres chinoises ont déclaré l'an dernier qu'un projet de loi "
      "%0300d viendrait. ";
  char one[1024];
  size_t nl = strlen(lead);
  memcpy(one, lead, nl);
  snprintf(one + nl, sizeof one - nl, sentence, 7);
  size_t n1 = strlen(one);
  char *text = malloc(n1 * copies + 1);
  assert_non_null(text);
  for (size_t k = 0; k < copies; k++) memcpy(text + k * n1, one, n1);
  text[n1 * copies] = '\0';
  ent_doc doc;
  ent_doc_init(&doc, text, strlen(text), lex);
  ent_doc_give_looks(&doc, *kept);
  *kept = NULL;
  assert_int_equal(ent_tokenize(&doc), ENTENTE_OK);
  static const unsigned masks[] = {ENT_LEX_TITLE, ENT_LEX_COUNTRY | ENT_LEX_TITLE,
                                   ENT_LEX_MONTH | ENT_LEX_TIME_WORD, ENT_LEX_BILL_NOUN,
                                   ENT_LEX_SAYING_VERB,
                                   ~0u};
  size_t found = 0, stems = 0, too_long = 0;
  for (int round = 0; round < 2; round++)
    for (size_t m = 0; m < sizeof masks / sizeof *masks; m++)
      for (size_t a = 0; a < doc.toks.n; a++)
        for (size_t b = a + 1; b <= doc.toks.n && b <= a + (copies > 1 ? 9 : 10); b++) {
          char key[4096];
          assert_true(ent_doc_span_key(&doc, a, b, key, sizeof key));
          ent_lex_hit want[8], got[8];
          size_t nw = strlen(key) + 2 > ENT_DOC_KEY_MAX
                          ? 0
                          : ent_lexicon_lookup(lex, key, masks[m], want, 8);
          size_t ng = ent_doc_lookup(&doc, a, b, masks[m], got, 8);
          if (strlen(key) + 2 > ENT_DOC_KEY_MAX) too_long++;
          assert_int_equal(ng, nw);
          for (size_t k = 0; k < nw && k < 8; k++) {
            assert_ptr_equal(got[k].entry, want[k].entry);
            assert_int_equal(got[k].by_stem, want[k].by_stem);
            assert_int_equal(got[k].sense, want[k].sense);
            stems += got[k].by_stem;
          }
          found += nw;
        }
  /* The sentence has phrases, stem hits (chinoises, ministres) and a key
   * too long: the test sees all three. */
  assert_true(found > 10);
  assert_true(stems > 0);
  assert_true(too_long > 0);
  if (copies > 1) assert_true(doc.toks.n > 4096);
  *kept = ent_doc_take_looks(&doc);
  assert_non_null(*kept);
  ent_doc_clear(&doc);
  free(text);
}

static void doc_lookup_is_lexicon_lookup(void **state) {
  (void)state;
  ent_doc_looks *kept = NULL;
  check_doc_lookup(1, "", &kept);
  /* The same memo for other documents: shifted, longer (a larger table),
   * then short again (in the large one). */
  check_doc_lookup(1, "Hier soir, ", &kept);
  check_doc_lookup(160, "", &kept);
  check_doc_lookup(1, "Selon lui, ", &kept);
  ent_doc_looks_free(kept);
  ent_doc_looks_free(NULL);
}

int main(void) {
  lex = test_lexicon();
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(tokens_table),
      cmocka_unit_test(sentences_table),
      cmocka_unit_test(headline_is_a_heading),
      cmocka_unit_test(doc_lookup_is_lexicon_lookup),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  ent_lexicon_free(lex);
  return rc;
}

/* lexicon: loading, folded lookup, stems, properties, bad files. */
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

static ent_lexicon *lex;

static const char *id_of(const char *key, unsigned cls) {
  const ent_lex_entry *e = ent_lexicon_find(lex, key, cls);
  return e ? ent_lex_id(e) : NULL;
}

static void finds_countries_by_name_and_demonym(void **state) {
  (void)state;
  assert_non_null(id_of("russie", ENT_LEX_COUNTRY));
  assert_string_equal(id_of("russie", ENT_LEX_COUNTRY), id_of("russe", ENT_LEX_COUNTRY));
  /* Inflected demonyms by stem: chinoise, chinoises, américaines. */
  assert_string_equal(id_of("chinoise", ENT_LEX_COUNTRY), id_of("chine", ENT_LEX_COUNTRY));
  assert_string_equal(id_of("americaines", ENT_LEX_COUNTRY), id_of("etats-unis", ENT_LEX_COUNTRY));
  const ent_lex_entry *fr = ent_lexicon_find(lex, "france", ENT_LEX_COUNTRY);
  assert_non_null(fr);
  assert_string_equal(ent_lex_prop(fr, "isoCode"), "FR");
  assert_string_equal(ent_lex_label(fr, "en"), "France");
}

static void metonymy_properties(void **state) {
  (void)state;
  const ent_lex_entry *pk = ent_lexicon_find(lex, "pekin", ENT_LEX_CITY);
  assert_non_null(pk);
  assert_string_equal(ent_lex_prop(pk, "capitalOf"), id_of("chine", ENT_LEX_COUNTRY));
  const ent_lex_entry *k = ent_lexicon_find(lex, "kremlin", ENT_LEX_ORG);
  assert_non_null(k);
  assert_string_equal(ent_lex_prop(k, "standsFor"), id_of("russie", ENT_LEX_COUNTRY));
}

static void titles_inflect(void **state) {
  (void)state;
  assert_non_null(ent_lexicon_find(lex, "presidente", ENT_LEX_TITLE));
  assert_non_null(ent_lexicon_find(lex, "ministres", ENT_LEX_TITLE));
  assert_non_null(ent_lexicon_find(lex, "porte-parole", ENT_LEX_TITLE));
  assert_null(ent_lexicon_find(lex, "president", ENT_LEX_COUNTRY));
}

static void honorifics_with_dots(void **state) {
  (void)state;
  assert_non_null(ent_lexicon_find(lex, "m.", ENT_LEX_HONORIFIC));
  assert_non_null(ent_lexicon_find(lex, "mm.", ENT_LEX_HONORIFIC));
  assert_non_null(ent_lexicon_find(lex, "mme", ENT_LEX_HONORIFIC));
}

/* Every hit of a key is of a class that ent_lexicon_head gives its
 * first word (the scanners skip a word on that answer), for the folded
 * labels of every entry, their surnames alone and inflected forms. */
static void check_heads(const char *key, size_t *checked) {
  ent_lex_hit hits[16];
  size_t n = ent_lexicon_lookup(lex, key, ~0u, hits, 16);
  char first[256];
  size_t fl = strcspn(key, " ");
  if (fl >= sizeof first) return;
  memcpy(first, key, fl);
  first[fl] = '\0';
  size_t words;
  unsigned cls;
  ent_lexicon_head(lex, first, &words, &cls);
  for (size_t k = 0; k < n && k < 16; k++) {
    if ((ent_lex_classes(hits[k].entry) & cls) == 0) fail_msg("%s: %s not in the classes of %s", key, ent_lex_id(hits[k].entry), first);
    if (hits[k].sense != ENT_SENSE_SURNAME) assert_true(words > 0);
    (*checked)++;
  }
}

/* Every date-scanner class of a phrase is among its prefixes' classes, and
 * a string that starts no phrase has none of them. */
static void prefixes_know_their_classes(void **state) {
  (void)state;
  const unsigned dated = ENT_LEX_MONTH | ENT_LEX_WEEKDAY | ENT_LEX_TIME_WORD | ENT_LEX_OTHER;
  const ent_lex_entry *one;
  size_t n = ent_lexicon_entries(lex, dated, &one, 1), checked = 0;
  const ent_lex_entry **all = malloc(n * sizeof *all);
  assert_non_null(all);
  assert_int_equal(ent_lexicon_entries(lex, dated, all, n), n);
  for (size_t i = 0; i < n; i++) {
    const char *label = ent_lex_label(all[i], "fr");
    if (!label) continue;
    char *key = ent_fold_new(label, strlen(label));
    assert_non_null(key);
    for (size_t k = 1; key[k]; k++) {
      if (((unsigned char)key[k] & 0xC0) == 0x80) continue;
      char c = key[k];
      key[k] = '\0';
      assert_true(ent_lexicon_prefix_classes(lex, key) & ent_lex_classes(all[i]) & dated);
      key[k] = c;
      checked++;
    }
    free(key);
  }
  free(all);
  assert_true(checked > n);
  assert_true(ent_lexicon_prefix_classes(lex, "la semaine") & ENT_LEX_TIME_WORD);
  assert_int_equal(ent_lexicon_prefix_classes(lex, "zzzqx") & dated, 0);
  /* "la semaine derniere" is whole: no longer time phrase starts with it. */
  assert_int_equal(ent_lexicon_prefix_classes(lex, "la semaine derniere") & ENT_LEX_TIME_WORD, 0);
  /* Classes it does not keep are always said to be there. */
  assert_true(ent_lexicon_prefix_classes(lex, "zzzqx") & ENT_LEX_COUNTRY);
}

static void heads_know_their_classes(void **state) {
  (void)state;
  const ent_lex_entry *one;
  size_t n = ent_lexicon_entries(lex, ~0u, &one, 1), checked = 0;
  const ent_lex_entry **all = malloc(n * sizeof *all);
  assert_non_null(all);
  assert_int_equal(ent_lexicon_entries(lex, ~0u, all, n), n);
  for (size_t i = 0; i < n; i++) {
    const char *label = ent_lex_label(all[i], "fr");
    if (!label) continue;
    char *key = ent_fold_new(label, strlen(label));
    assert_non_null(key);
    check_heads(key, &checked);
    const char *sp = strrchr(key, ' ');
    if (sp) check_heads(sp + 1, &checked);
    free(key);
  }
  free(all);
  static const char *inflected[] = {"chinoises", "ministres", "americaines", "milliards", "euros"};
  for (size_t i = 0; i < sizeof inflected / sizeof *inflected; i++) check_heads(inflected[i], &checked);
  assert_true(checked > n);
  size_t words;
  unsigned cls;
  ent_lexicon_head(lex, "zzzqx", &words, &cls);
  assert_int_equal(cls, 0);
  assert_int_equal(words, 0);
}

static void bad_folder_is_an_error(void **state) {
  (void)state;
  ent_lexicon *l = NULL;
  assert_int_equal(ent_lexicon_new("/nonexistent/lexicon", &l), ENTENTE_ERR_LEXICON);
  assert_null(l);
  char dir[] = "/tmp/entente-lexXXXXXX";
  assert_non_null(mkdtemp(dir));
  char path[256];
  snprintf(path, sizeof path, "%s/broken.ttl", dir);
  FILE *f = fopen(path, "w");
  fputs("@prefix ent: <https://w3id.org/entente/ns#> .\nent:x a ent:Country ; ;; \"\n", f);
  fclose(f);
  assert_int_equal(ent_lexicon_new(dir, &l), ENTENTE_ERR_LEXICON);
  unlink(path);
  assert_int_equal(ent_lexicon_new(dir, &l), ENTENTE_ERR_LEXICON); /* empty folder */
  rmdir(dir);
  ent_lexicon_free(NULL);
}

int main(void) {
  lex = test_lexicon();
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(finds_countries_by_name_and_demonym),
      cmocka_unit_test(metonymy_properties),
      cmocka_unit_test(titles_inflect),
      cmocka_unit_test(honorifics_with_dots),
      cmocka_unit_test(heads_know_their_classes),
      cmocka_unit_test(prefixes_know_their_classes),
      cmocka_unit_test(bad_folder_is_an_error),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  ent_lexicon_free(lex);
  return rc;
}

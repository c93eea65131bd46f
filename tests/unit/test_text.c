/* text: UTF-8 checks, folding, slugs. */
#include "testutil.h"

static void check_accepts_text(void **state) {
  (void)state;
  const char *s = "Le président a parlé à l’Élysée.\n";
  assert_int_equal(ent_text_check(s, strlen(s), NULL), ENTENTE_OK);
}

static void check_rejects(void **state) {
  (void)state;
  size_t at;
  assert_int_equal(ent_text_check("", 0, NULL), ENTENTE_ERR_EMPTY);
  assert_int_equal(ent_text_check(" \n\t\xc2\xa0", 5, NULL), ENTENTE_ERR_EMPTY);
  assert_int_equal(ent_text_check("caf\xe9", 4, &at), ENTENTE_ERR_UTF8);
  assert_int_equal(at, 3);
  assert_int_equal(ent_text_check("a\xc3", 2, NULL), ENTENTE_ERR_UTF8);
  assert_int_equal(ent_text_check("\xed\xa0\x80", 3, NULL), ENTENTE_ERR_UTF8);
  assert_int_equal(ent_text_check("\xc0\xaf", 2, NULL), ENTENTE_ERR_UTF8); /* overlong */
  assert_int_equal(ent_text_check("a\0b", 3, NULL), ENTENTE_ERR_BINARY);
  assert_int_equal(ent_text_check("a\x1b[0m", 5, NULL), ENTENTE_ERR_BINARY);
}

static void fold_folds(void **state) {
  (void)state;
  struct { const char *in, *out; } rows[] = {
      {"Élysée", "elysee"},     {"Sergueï Choïgou", "serguei choigou"},
      {"l’Alliance", "l'alliance"}, {"porte‑parole", "porte-parole"},
      {"Œuvre", "oeuvre"},      {"ÉTATS-UNIS", "etats-unis"},
      {"Orbán", "orban"},       {"Vučić", "vucic"},
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    char *f = ent_fold_new(rows[i].in, strlen(rows[i].in));
    assert_string_equal(f, rows[i].out);
    free(f);
  }
}

static void slug_is_ascii(void **state) {
  (void)state;
  char *s = ent_slug_new("Ursula von der Leyen", 20);
  assert_string_equal(s, "ursula-von-der-leyen");
  free(s);
  s = ent_slug_new("  Radosław  Sikorski ", 21);
  assert_string_equal(s, "radoslaw-sikorski");
  free(s);
}

static void utf8_count_counts_code_points(void **state) {
  (void)state;
  assert_int_equal(ent_utf8_count("été", strlen("été")), 3);
  assert_int_equal(ent_utf8_count("«", strlen("«")), 1);
  /* Eight bytes at a time: every alignment of every length, against one
   * at a time. */
  const char *mix = "Aé«Zürich»—日本ü b\xc3\xa9\xe2\x80\x99x\xf0\x9f\x99\x82!";
  size_t ml = strlen(mix);
  for (size_t a = 0; a < ml; a++)
    for (size_t l = 0; a + l <= ml; l++) {
      size_t want = 0;
      for (size_t k = a; k < a + l; k++) want += ((unsigned char)mix[k] & 0xC0) != 0x80;
      assert_int_equal(ent_utf8_count(mix + a, l), want);
    }
}

static void repair_makes_writable(void **state) {
  (void)state;
  struct { const char *in, *out; } rows[] = {
      {"été", "été"},                               /* left alone */
      {"a\xef\xbf\xbf" "b", "a\xef\xbf\xbd" "b"}, /* U+FFFF */
      {"\xef\xbf\xbe", "\xef\xbf\xbd"},            /* U+FFFE */
      {"caf\xe9.txt", "caf\xef\xbf\xbd.txt"},       /* Latin-1 */
      {"x\xc3", "x\xef\xbf\xbd"},                   /* cut sequence */
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    size_t n = strlen(rows[i].in);
    assert_int_equal(ent_utf8_writable(rows[i].in, n), strcmp(rows[i].in, rows[i].out) == 0);
    char *r = ent_utf8_repair_new(rows[i].in, n);
    assert_string_equal(r, rows[i].out);
    assert_true(ent_utf8_writable(r, strlen(r)));
    free(r);
  }
}

static void iri_ok_refuses_noncharacters(void **state) {
  (void)state;
  assert_true(ent_iri_ok("https://example.org/\xc3\xa9t\xc3\xa9"));
  assert_false(ent_iri_ok("https://example.org/\xef\xbf\xbe"));
  assert_false(ent_iri_ok("https://example.org/\xef\xb7\x90")); /* U+FDD0 */
  assert_false(ent_iri_ok("https://example.org/\xf0\x9f\xbf\xbf")); /* U+1FFFF */
}

/* A plural -s or -x off each word of a key; ASCII folding is lower case,
 * as ent_fold_new gives it. */
static void key_singular_and_ascii_fold(void **state) {
  (void)state;
  static const struct { const char *in, *out; } rows[] = {
      {"enveloppes", "enveloppe"}, {"fonds speciaux", "fond speciau"},
      {"plan d'aide", "plan d'aide"}, {"s", "s"}, {"a x", "a x"}, {"", ""},
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    char key[64];
    strcpy(key, rows[i].in);
    ent_key_singular(key);
    assert_string_equal(key, rows[i].out);
  }
  const char *w = "Projet-De-LOI 2024";
  char out[32];
  ent_fold_ascii(w, strlen(w), out);
  char *want = ent_fold_new(w, strlen(w));
  assert_string_equal(out, "projet-de-loi 2024");
  assert_string_equal(out, want);
  free(want);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(check_accepts_text), cmocka_unit_test(check_rejects),
      cmocka_unit_test(fold_folds),         cmocka_unit_test(slug_is_ascii),
      cmocka_unit_test(utf8_count_counts_code_points),
      cmocka_unit_test(key_singular_and_ascii_fold),
      cmocka_unit_test(repair_makes_writable),  cmocka_unit_test(iri_ok_refuses_noncharacters),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

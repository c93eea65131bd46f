/* mentions + coref + roles: persons found and told apart, positions found. */
#include "testutil.h"

static ent_lexicon *lex;

typedef struct {
  const char *person, *title_prefix, *of; /* of: entity name or NULL for none */
  bool former;
} want_role;

static bool has_role(const ent_doc *doc, const want_role *w) {
  int p = test_person(doc, w->person);
  for (size_t i = 0; p >= 0 && i < doc->roles.n; i++) {
    const ent_role *r = &doc->roles.v[i];
    if (r->person != p || strncmp(r->title, w->title_prefix, strlen(w->title_prefix)) != 0)
      continue;
    if (w->of && (r->of < 0 || strcmp(doc->entities.v[r->of].name, w->of) != 0)) continue;
    if (!w->of && r->of >= 0) continue;
    if (r->former != w->former) continue;
    return true;
  }
  return false;
}

static void dump(const ent_doc *doc) {
  for (size_t i = 0; i < doc->entities.n; i++)
    fprintf(stderr, "  entity %d %s\n", doc->entities.v[i].kind, doc->entities.v[i].name);
  for (size_t i = 0; i < doc->roles.n; i++)
    fprintf(stderr, "  role %s | %s | %s | former=%d\n", doc->entities.v[doc->roles.v[i].person].name,
            doc->roles.v[i].title, doc->roles.v[i].of >= 0 ? doc->entities.v[doc->roles.v[i].of].name : "-",
            doc->roles.v[i].former);
}

static void roles_table(void **state) {
  (void)state;
  static const struct {
    const char *text;
    want_role role;
  } rows[] = {
      {"Le ministre italien de la défense, Marco Ferri, a visité la base.",
       {"Marco Ferri", "ministre de la défense", "Italie", false}},
      {"Le président brésilien Lula da Silva a salué l'accord.",
       {"Lula da Silva", "président", "Brésil", false}},
      {"Pedro Alves, chancelier allemand, a répondu.", {"Pedro Alves", "chancelier", "Allemagne", false}},
      {"La présidente de la Commission européenne, Maria Kessler, est arrivée.",
       {"Maria Kessler", "présidente de la Commission européenne", "Commission européenne", false}},
      {"Le voyage de Julia Brandt, alors présidente du Parlement européen, a marqué les esprits.",
       {"Julia Brandt", "présidente du Parlement européen", "Parlement européen", true}},
      {"Le ministre japonais des affaires étrangères, Kenji Sato, a reçu vendredi son homologue "
       "indien, Arjun Mehta.",
       {"Arjun Mehta", "ministre des affaires étrangères", "Inde", false}},
      {"La porte-parole de la diplomatie russe, Irina Volkova, a dénoncé la décision.",
       {"Irina Volkova", "porte-parole de la diplomatie", "Russie", false}},
      {"L'ancien premier ministre espagnol Carlos Ruiz a critiqué le texte.",
       {"Carlos Ruiz", "premier ministre", "Espagne", true}},
      {"Les ministres ont écouté la première ministre danoise, Karen Holm.",
       {"Karen Holm", "première ministre", "Danemark", false}},
      /* A capitalised institution in the complement; "Conseil" is no form of
       * "conseiller". */
      {"Le président du Conseil italien, Marco Bianchi, a reçu M. Conti.",
       {"Marco Bianchi", "président du Conseil", "Italie", false}},
      {"Le président de Novaterm, Piotr Zaleski, a signé le contrat.",
       {"Piotr Zaleski", "président de Novaterm", NULL, false}},
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    ent_doc doc;
    test_doc(lex, rows[i].text, "2024-05-02", &doc);
    if (!has_role(&doc, &rows[i].role)) {
      fprintf(stderr, "row %zu: %s\n", i, rows[i].text);
      dump(&doc);
    }
    assert_true(has_role(&doc, &rows[i].role));
    ent_doc_clear(&doc);
  }
}

static void surname_links_back(void **state) {
  (void)state;
  ent_doc doc;
  test_doc(lex,
           "Le chef de la diplomatie grecque, Nikos Andreou, est arrivé lundi. M. Andreou a "
           "rencontré le maire. Andreou repart demain.",
           "2024-05-02", &doc);
  assert_int_equal(test_count_kind(&doc, ENT_E_PERSON), 1);
  assert_true(test_person(&doc, "Nikos Andreou") >= 0);
  ent_doc_clear(&doc);
}

static void surname_then_other_full_name_stays_two(void **state) {
  (void)state;
  ent_doc doc;
  /* Chinese order: the surname comes first; "M. Li" is introduced apart. */
  test_doc(lex,
           "Outre ses entretiens avec M. Li, la délégation a vu le ministre chinois du commerce, "
           "Li Wenbo, mardi.",
           "2024-05-02", &doc);
  assert_true(test_person(&doc, "Li") >= 0);
  assert_true(test_person(&doc, "Li Wenbo") >= 0);
  ent_doc_clear(&doc);
}

static void surname_before_full_name_merges(void **state) {
  (void)state;
  ent_doc doc;
  test_doc(lex, "MM. Keller et Novak se sont parlé. Plus tard, Thomas Keller a confirmé.",
           "2024-05-02", &doc);
  assert_true(test_person(&doc, "Thomas Keller") >= 0);
  assert_int_equal(test_person(&doc, "Keller"), -1);
  assert_true(test_person(&doc, "Novak") >= 0);
  ent_doc_clear(&doc);
}

static void full_name_found_again_without_marker(void **state) {
  (void)state;
  ent_doc doc;
  test_doc(lex, "Mme Ines Kowalczyk est arrivée lundi. Pour Ines Kowalczyk, rien ne presse.",
           "2024-05-02", &doc);
  int p = test_person(&doc, "Ines Kowalczyk");
  assert_true(p >= 0);
  size_t n = 0;
  for (size_t i = 0; i < doc.mentions.n; i++) n += doc.mentions.v[i].entity == p;
  assert_int_equal(n, 2);
  ent_doc_clear(&doc);
}

static void places_and_orgs_are_not_persons(void **state) {
  (void)state;
  ent_doc doc;
  test_doc(lex,
           "Washington et Pékin discutent. À Moscou, le Kremlin a répondu. Bruxelles attend. "
           "L'OTAN se réunit à Varsovie. Selon Paris, rien ne bouge.",
           "2024-05-02", &doc);
  assert_int_equal(test_count_kind(&doc, ENT_E_PERSON), 0);
  ent_doc_clear(&doc);
}

/* A lone word in capitals after a title's complement is an acronym; the
 * person in apposition keeps the title. */
static void acronyms_are_not_persons(void **state) {
  (void)state;
  ent_doc doc;
  test_doc(lex,
           "Pour l'économiste Lena Brunner, directrice de l'institut de recherche WIFO, la "
           "reprise sera lente.",
           "2024-05-02", &doc);
  assert_int_equal(test_count_kind(&doc, ENT_E_PERSON), 1);
  want_role w = {"Lena Brunner", "directrice", NULL, false};
  if (!has_role(&doc, &w)) dump(&doc);
  assert_true(has_role(&doc, &w));
  ent_doc_clear(&doc);
}

/* A full name coordinated with another person's full name is a person. */
static void coordinated_full_names(void **state) {
  (void)state;
  ent_doc doc;
  test_doc(lex,
           "Les ministres des finances grec et chypriote, Nikos Andreou et Tasos Leontiou, ont "
           "signé l'accord.",
           "2024-05-02", &doc);
  assert_int_equal(test_count_kind(&doc, ENT_E_PERSON), 2);
  assert_true(test_person(&doc, "Tasos Leontiou") >= 0);
  ent_doc_clear(&doc);
}

/* A given name before a one-word organization name: a person ("Wagner" is
 * also the group's name in the lexicon). */
static void given_name_before_org_name(void **state) {
  (void)state;
  ent_doc doc;
  test_doc(lex, "Selon l'historien Thomas Wagner, la guerre durera.", "2024-05-02", &doc);
  assert_int_equal(test_count_kind(&doc, ENT_E_PERSON), 1);
  assert_true(test_person(&doc, "Thomas Wagner") >= 0);
  ent_doc_clear(&doc);
}

static void sentence_start_words_are_not_persons(void **state) {
  (void)state;
  ent_doc doc;
  test_doc(lex,
           "Soulignant la crise, le gouvernement a réagi. Malgré tout, rien ne change. "
           "Auparavant, la Chine avait protesté.",
           "2024-05-02", &doc);
  assert_int_equal(test_count_kind(&doc, ENT_E_PERSON), 0);
  ent_doc_clear(&doc);
}

static void known_person_variants_share_a_name(void **state) {
  (void)state;
  ent_doc a, b;
  test_doc(lex, "Sergueï Lavrov a parlé.", NULL, &a);
  test_doc(lex, "Sergei Lavrov a parlé.", NULL, &b);
  assert_int_equal(test_count_kind(&a, ENT_E_PERSON), 1);
  assert_int_equal(test_count_kind(&b, ENT_E_PERSON), 1);
  assert_string_equal(a.entities.v[0].key, b.entities.v[0].key);
  ent_doc_clear(&a);
  ent_doc_clear(&b);
}

int main(void) {
  lex = test_lexicon();
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(roles_table),
      cmocka_unit_test(surname_links_back),
      cmocka_unit_test(surname_then_other_full_name_stays_two),
      cmocka_unit_test(surname_before_full_name_merges),
      cmocka_unit_test(full_name_found_again_without_marker),
      cmocka_unit_test(places_and_orgs_are_not_persons),
      cmocka_unit_test(sentence_start_words_are_not_persons),
      cmocka_unit_test(acronyms_are_not_persons),
      cmocka_unit_test(coordinated_full_names),
      cmocka_unit_test(given_name_before_org_name),
      cmocka_unit_test(known_person_variants_share_a_name),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  ent_lexicon_free(lex);
  return rc;
}

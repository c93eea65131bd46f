/* claims: reported speech — speaker, words, addressee — and what is not a
 * claim. Every sentence here is written for the test. */
#include "testutil.h"

static ent_lexicon *lex;

typedef struct {
  const char *text;
  const char *claimant;  /* entity name */
  const char *words;     /* the claim's text, exactly */
  const char *addressee; /* entity name, or NULL for none */
  bool direct;
} want_claim;

static void dump(const ent_doc *doc) {
  for (size_t i = 0; i < doc->claims.n; i++) {
    const ent_claim *c = &doc->claims.v[i];
    fprintf(stderr, "  claim [%s] -> [%s] direct=%d: %s\n", doc->entities.v[c->claimant].name,
            c->addressee >= 0 ? doc->entities.v[c->addressee].name : "-", c->direct, c->text);
  }
}

static const ent_claim *find_claim(const ent_doc *doc, const char *words) {
  for (size_t i = 0; i < doc->claims.n; i++)
    if (strcmp(doc->claims.v[i].text, words) == 0) return &doc->claims.v[i];
  return NULL;
}

static bool check(const ent_doc *doc, const want_claim *w) {
  const ent_claim *c = find_claim(doc, w->words);
  if (!c || strcmp(doc->entities.v[c->claimant].name, w->claimant) != 0) return false;
  if (c->direct != w->direct) return false;
  if (!w->addressee) return c->addressee < 0;
  return c->addressee >= 0 && strcmp(doc->entities.v[c->addressee].name, w->addressee) == 0;
}

/* Rows whose last sentence holds the claim; earlier sentences give context. */
static void claims_table(void **state) {
  (void)state;
  static const want_claim rows[] = {
      /* indirect speech */
      {"Plusieurs économistes jugent que la croissance ralentira.", "économistes",
       "la croissance ralentira", NULL, false},
      {"Les deux partis ont voté contre, estimant que le texte arrivait trop tard.",
       "deux partis", "le texte arrivait trop tard", NULL, false},
      {"Selon le département d'État, les deux ministres ont convenu de se revoir.",
       "département d'État", "les deux ministres ont convenu de se revoir", NULL, false},
      {"Le ministre italien, Paolo Conti, qui a négocié le texte avec le ministre grec, Nikos "
       "Andreou, a assuré que l'accord serait signé.",
       "Paolo Conti", "l'accord serait signé", NULL, false},
      {"Le président grec, Nikos Andreou, a reçu M. Conti. Le chef de l'État grec a jugé que "
       "la trêve tiendrait.",
       "Nikos Andreou", "la trêve tiendrait", NULL, false},
      {"Le chef de la diplomatie grecque, Nikos Andreou, a reçu M. Conti. « Rien n'est "
       "décidé », a déclaré le ministre grec.",
       "Nikos Andreou", "Rien n'est décidé", NULL, true},
      {"Le ministre grec, Nikos Andreou, avait pour sa part estimé que la trêve tiendrait.",
       "Nikos Andreou", "la trêve tiendrait", NULL, false},
      {"M. Conti a de son côté rappelé que l'Italie restait neutre.", "Conti",
       "l'Italie restait neutre", NULL, false},
      {"Les ministres italien et grec, Paolo Conti et Nikos Andreou, se sont rencontrés. M. "
       "Andreou a à son tour assuré que la Grèce voterait le texte.",
       "Nikos Andreou", "la Grèce voterait le texte", NULL, false},
      {"Le ministre italien des affaires étrangères, Paolo Conti, a déclaré mardi que Rome ne "
       "livrerait pas de missiles.",
       "Paolo Conti", "Rome ne livrerait pas de missiles", NULL, false},
      {"La Turquie affirme que le trafic reste normal dans le détroit.", "Turquie",
       "le trafic reste normal dans le détroit", NULL, false},
      {"Les responsables israéliens estiment que l'opération durera plusieurs semaines.",
       "responsables israéliens", "l'opération durera plusieurs semaines", NULL, false},
      {"Le Kremlin a averti que toute livraison d'armes serait une escalade.", "Russie",
       "toute livraison d'armes serait une escalade", NULL, false},
      {"Le ministre grec, Nikos Andreou, est arrivé à Rome. Son homologue italien, Paolo "
       "Conti, a déclaré à M. Andreou que l'Italie soutiendrait Athènes.",
       "Paolo Conti", "l'Italie soutiendrait Athènes", "Nikos Andreou", false},
      {"M. Conti a également souligné que la décision serait réexaminée en septembre, même si "
       "aucune date n'a été fixée.",
       "Conti", "la décision serait réexaminée en septembre", NULL, false},
      {"La Chine a déclaré qu'elle ne participerait pas au sommet, ajoutant qu'elle enverrait "
       "un observateur.",
       "Chine", "elle enverrait un observateur", NULL, false},
      {"Le premier ministre grec, Nikos Andreou, a reçu lundi son homologue. Selon M. Andreou, "
       "les négociations reprendront en juin.",
       "Nikos Andreou", "les négociations reprendront en juin", NULL, false},
      {"La présidente de la Commission européenne, Elena Kessler, est arrivée à Kiev. Pour Mme "
       "Kessler, il s'agit d'un tournant historique.",
       "Elena Kessler", "il s'agit d'un tournant historique", NULL, false},
      {"D'après des diplomates européens, les discussions pourraient reprendre la semaine "
       "prochaine.",
       "diplomates européens", "les discussions pourraient reprendre la semaine prochaine", NULL,
       false},
      {"Pékin affirme que ses industries ont progressé grâce à la concurrence.", "Chine",
       "ses industries ont progressé grâce à la concurrence", NULL, false},
      {"Le président chinois, Li Wei, a reçu M. Conti. Le président chinois a répété que son "
       "pays n'était pas partie au conflit.",
       "Li Wei", "son pays n'était pas partie au conflit", NULL, false},
      {"Le président chinois, Li Wei, a rencontré M. Conti, et a réitéré les préoccupations de "
       "Pékin quant au fait que les États-Unis freinent son développement.",
       "Li Wei",
       "les préoccupations de Pékin quant au fait que les États-Unis freinent son développement",
       NULL, false},
      {"La présidente de la Commission européenne, Elena Kessler, est arrivée à Pékin. Mme "
       "Kessler a dit compter sur la Chine pour user de son influence.",
       "Elena Kessler", "compter sur la Chine pour user de son influence", NULL, false},
      {"Le ministre italien, Paolo Conti, a promis de réduire les émissions de moitié.",
       "Paolo Conti", "réduire les émissions de moitié", NULL, false},
      {"M. Andreou s'est entretenu avec Paolo Conti, qui lui a assuré que l'Italie resterait "
       "solidaire.",
       "Paolo Conti", "l'Italie resterait solidaire", "Andreou", false},
      {"L'Alliance atlantique affirme que la menace s'est accrue, et juge que la Chine soutient "
       "Moscou.",
       "OTAN", "la Chine soutient Moscou", NULL, false},
      {"Pékin a rejeté ces critiques, affirmant que ses exportations étaient loyales.", "Chine",
       "ses exportations étaient loyales", NULL, false},
      {"Le ministre italien, Paolo Conti, s'est dit prêt à rencontrer son homologue russe.",
       "Paolo Conti", "prêt à rencontrer son homologue russe", NULL, false},
      /* direct speech */
      {"« La paix est possible », a déclaré le secrétaire général de l'ONU, Carlos Mendes.",
       "Carlos Mendes", "La paix est possible", NULL, true},
      {"M. Conti a affirmé que Rome resterait ferme. « Nous ne céderons pas », a-t-il ajouté.",
       "Conti", "Nous ne céderons pas", NULL, true},
      {"Le ministre italien, Paolo Conti, a déclaré : « Nous ne céderons pas au chantage. »",
       "Paolo Conti", "Nous ne céderons pas au chantage", NULL, true},
      {"Le ministre italien, Paolo Conti, est arrivé. « Nous ne céderons pas », a affirmé le "
       "ministre, « mais nous restons ouverts au dialogue ».",
       "Paolo Conti", "Nous ne céderons pas mais nous restons ouverts au dialogue", NULL, true},
      {"La présidente de la Commission européenne, Elena Kessler, est arrivée. Mme Kessler a "
       "qualifié la situation de « préoccupante ».",
       "Elena Kessler", "la situation de « préoccupante »", NULL, false},
      {"M. Conti est arrivé à Athènes. Le chemin a été « difficile », a-t-il reconnu.", "Conti",
       "Le chemin a été « difficile »", NULL, false},
      {"« Les relations sont difficiles. Nous devons agir\", a déclaré M. Conti à M. Andreou.",
       "Conti", "Les relations sont difficiles. Nous devons agir", "Andreou", true},
      {"M. Andreou a déclaré que le « grand navire “ des relations est stable, ” mais les "
       "tensions persistent ».",
       "Andreou",
       "le « grand navire “ des relations est stable, ” mais les tensions persistent »", NULL,
       false},
      {"La Chine a déclaré qu'elle ne livrerait pas d'armes. Toutefois, elle affirme que le "
       "commerce doit continuer.",
       "Chine", "le commerce doit continuer", NULL, false},
      {"Le président de la Chambre, le républicain Tom Baker, a défendu le texte. « Nous "
       "n'avons pas le choix », avait-il lancé le 17 avril devant la presse, en expliquant que "
       "l'histoire jugerait les élus.",
       "Tom Baker", "l'histoire jugerait les élus", NULL, false},
      {"Le problème de surcapacité n'existe pas, a fait valoir M. Conti.", "Conti",
       "Le problème de surcapacité n'existe pas", NULL, false},
      {"M. Conti est arrivé à Rome. La décision, a-t-il dit, sera prise demain.", "Conti",
       "La décision sera prise demain", NULL, false},
      {"Le président américain, Joe Biden, a reçu le président ukrainien, Petro Marchenko. "
       "« Nous resterons à vos côtés "
       "», a assuré le dirigeant américain à son invité.",
       "Joe Biden", "Nous resterons à vos côtés", "Petro Marchenko", true},
      {"Selon une source diplomatique française, Pékin ne compte pas imposer de droits.",
       "source diplomatique française", "Pékin ne compte pas imposer de droits", NULL, false},
      {"Le ministère japonais des affaires étrangères a estimé que la trêve devait tenir.",
       "Japon", "la trêve devait tenir", NULL, false},
      {"Le ministre italien, Paolo Conti, est arrivé. Les combats, selon M. Conti, ont fait dix "
       "morts.",
       "Paolo Conti", "Les combats ont fait dix morts", NULL, false},
      {"M. Conti a défendu l'accord. « C'est un texte équilibré », a-t-il déclaré. Et "
       "d'ajouter : « Personne n'y perd. »",
       "Conti", "Personne n'y perd", NULL, true},
      {"Le ministre italien, Paolo Conti, a expliqué que la crise était grave, avant d'ajouter "
       "que Rome ferait tout pour l'apaiser.",
       "Paolo Conti", "Rome ferait tout pour l'apaiser", NULL, false},
      {"Le ministre italien, Paolo Conti, est arrivé. Comme l'a rappelé M. Conti, la situation "
       "reste grave.",
       "Paolo Conti", "la situation reste grave", NULL, false},
      {"Estimant que la situation s'aggravait, le ministre italien, Paolo Conti, a appelé au "
       "calme.",
       "Paolo Conti", "la situation s'aggravait", NULL, false},
      {"« Rien n'est joué », confie un diplomate européen.", "diplomate européen",
       "Rien n'est joué", NULL, true},
      {"Le ministre japonais, Kenji Sato, est arrivé. M. Sato a averti Pékin que le Japon ne "
       "tolérerait aucune intimidation.",
       "Kenji Sato", "le Japon ne tolérerait aucune intimidation", "Chine", false},
      {"Le ministre grec, Nikos Andreou, a reçu le ministre italien, Paolo Conti. M. Conti a "
       "déclaré à son homologue que Rome soutiendrait Athènes.",
       "Paolo Conti", "Rome soutiendrait Athènes", "Nikos Andreou", false},
      {"Le ministre grec, Nikos Andreou, a reçu le ministre italien, Paolo Conti. M. Conti a "
       "déclaré à sa sortie que la visite était utile.",
       "Paolo Conti", "la visite était utile", NULL, false},
      {"Le ministre coréen, Park Min-ho, est arrivé. M. Park a, de son côté, souligné que Séoul "
       "attendait des actes.",
       "Park Min-ho", "Séoul attendait des actes", NULL, false},
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    ent_doc doc;
    test_doc(lex, rows[i].text, "2024-04-26", &doc);
    if (!check(&doc, &rows[i])) {
      fprintf(stderr, "row %zu: %s\n", i, rows[i].text);
      dump(&doc);
    }
    assert_true(check(&doc, &rows[i]));
    ent_doc_clear(&doc);
  }
}

/* Sentences that report no claim. */
static void not_claims(void **state) {
  (void)state;
  static const char *const rows[] = {
      "M. Paolo Conti n'a pas répondu à la question de savoir si Rome enverrait des troupes.",
      "M. Paolo Conti n'a pas souhaité commenter ces informations.",
      "M. Paolo Conti a refusé de dire si des troupes seraient envoyées.",
      "M. Paolo Conti a refusé de confirmer que des troupes seraient envoyées.",
      "M. Paolo Conti n'a pas affirmé que l'Italie quitterait l'accord.",
      "M. Paolo Conti n'a toutefois pas dit quand l'Italie augmenterait son budget.",
      "M. Paolo Conti a-t-il déclaré que Rome quitterait l'alliance ?",
      "Les deux ministres se sont rencontrés lundi à Rome pour évoquer la crise.",
      "Le texte prévoit que les fonds seront versés en juin.",
      "Le ministre italien, Paolo Conti, a annoncé de nouvelles sanctions contre l'Iran.",
      "Soulignant l'importance des relations, M. Paolo Conti a rencontré son homologue.",
      "La France, qui s'est engagée en février à fournir des avions, attend des actes.",
      "Pour la première fois depuis 2019, les deux pays ont signé un accord.",
      "Selon le texte, les fonds seront versés en trois tranches.",
      "« Est-ce vraiment la solution ? », s'est interrogé M. Paolo Conti.",
      "Le président ukrainien, Petro Marchenko, présent à Rome, a réclamé des armes.",
      "Des manifestants ont scandé « Liberté ! » devant l'ambassade.",
      "La visite de Paolo Conti a permis de relancer le dialogue.",
      "Le porte-parole de l'armée a affirmé que l'opération était terminée.",
      "Il a été annoncé que le sommet serait reporté.",
      "M. Paolo Conti a demandé à M. Nikos Andreou de dire que la Grèce soutenait l'accord.",
      "« Horizon » a séduit M. Paolo Conti.",
      "Le gouvernement a annoncé que la réforme serait reportée.",
      "Pour Rome, la visite est un succès.",
      "Le ministre italien, Paolo Conti, a rappelé son ambassadeur.",
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    ent_doc doc;
    test_doc(lex, rows[i], "2024-04-26", &doc);
    if (doc.claims.n) {
      fprintf(stderr, "row %zu: %s\n", i, rows[i]);
      dump(&doc);
    }
    assert_int_equal(doc.claims.n, 0);
    ent_doc_clear(&doc);
  }
}

/* One claim's attributes: verb lemma, date, offsets, entities named. */
static void claim_attributes(void **state) {
  (void)state;
  const char *text = "Le ministre italien des affaires étrangères, Paolo Conti, a déclaré mardi "
                     "que la Chine et la Russie devaient négocier.";
  ent_doc doc;
  test_doc(lex, text, "2024-04-26", &doc);
  assert_int_equal(doc.claims.n, 1);
  const ent_claim *c = &doc.claims.v[0];
  assert_string_equal(c->verb, "déclarer");
  assert_false(c->direct);
  assert_int_equal(c->date.prec, ENT_PREC_DAY);
  assert_int_equal(c->date.month, 4);
  assert_int_equal(c->date.day, 23);
  assert_int_equal(c->end - c->start, strlen(c->text));
  assert_memory_equal(text + c->start, c->text, strlen(c->text));
  assert_int_equal(c->mentions.n, 2);
  bool chine = false, russie = false;
  for (size_t i = 0; i < c->mentions.n; i++) {
    chine = chine || strcmp(doc.entities.v[c->mentions.v[i]].name, "Chine") == 0;
    russie = russie || strcmp(doc.entities.v[c->mentions.v[i]].name, "Russie") == 0;
  }
  assert_true(chine && russie);
  ent_doc_clear(&doc);
}

/* A group speaker is an entity of its own, with its country. */
static void group_claimant(void **state) {
  (void)state;
  ent_doc doc;
  test_doc(lex, "Les responsables américains estiment que l'aide arrivera à temps.",
           "2024-04-26", &doc);
  assert_int_equal(doc.claims.n, 1);
  const ent_entity *g = &doc.entities.v[doc.claims.v[0].claimant];
  assert_int_equal(g->kind, ENT_E_GROUP);
  char *f = ent_fold_new(g->name, strlen(g->name));
  assert_non_null(f);
  assert_string_equal(f, "responsables americains");
  free(f);
  assert_non_null(g->country);
  assert_string_equal(ent_lex_label(g->country, "fr"), "États-Unis");
  ent_doc_clear(&doc);
}

/* Several claims in a row keep their speakers apart. */
static void speakers_in_turn(void **state) {
  (void)state;
  ent_doc doc;
  test_doc(lex,
           "La présidente de la Commission européenne, Elena Kessler, a rencontré le premier "
           "ministre grec, Nikos Andreou. Mme Kessler a affirmé que l'Europe resterait unie. "
           "Elle a ajouté que l'aide serait versée en mai. « Nous tiendrons parole », a-t-elle "
           "prévenu. M. Andreou a répliqué que la Grèce attendait des actes.",
           "2024-04-26", &doc);
  static const want_claim rows[] = {
      {NULL, "Elena Kessler", "l'Europe resterait unie", NULL, false},
      {NULL, "Elena Kessler", "l'aide serait versée en mai", NULL, false},
      {NULL, "Elena Kessler", "Nous tiendrons parole", NULL, true},
      {NULL, "Nikos Andreou", "la Grèce attendait des actes", NULL, false},
  };
  if (doc.claims.n != 4) dump(&doc);
  assert_int_equal(doc.claims.n, 4);
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    if (!check(&doc, &rows[i])) dump(&doc);
    assert_true(check(&doc, &rows[i]));
  }
  ent_doc_clear(&doc);
}

static int setup(void **state) {
  (void)state;
  lex = test_lexicon();
  return 0;
}

static int teardown(void **state) {
  (void)state;
  ent_lexicon_free(lex);
  return 0;
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(claims_table),     cmocka_unit_test(not_claims),
      cmocka_unit_test(claim_attributes), cmocka_unit_test(group_claimant),
      cmocka_unit_test(speakers_in_turn),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}

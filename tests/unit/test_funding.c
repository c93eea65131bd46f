/* funding: sums of money given, lent, pledged or allocated — amount, currency,
 * recipient, purpose, bill and parts — and the sums that are not funding
 * (trade, deficits, GDP, prices, counts, years, percentages). */
#include "testutil.h"

static ent_lexicon *lex;

/* One expected funding item. value is in units; -1 for "no figure". */
typedef struct {
  int64_t value;
  const char *currency;
  const char *to;      /* recipient entity name, or NULL for none */
  int part_of;         /* index of the whole among the expected items, or -1 */
} want;

typedef struct {
  const char *text;
  size_t n;            /* how many items in all */
  want items[4];       /* the first min(n, 4) items, in order */
} row;

static void dump(const ent_doc *doc) {
  for (size_t i = 0; i < doc->fundings.n; i++) {
    const ent_funding *f = &doc->fundings.v[i];
    char v[48] = "-";
    if (f->amount.has_value) ent_amount_format(f->amount.cents, v, sizeof v);
    fprintf(stderr, "  funding %s %s to=%s purpose='%s' part_of=%d bill=%d lb=%d ub=%d\n", v,
            f->amount.currency, f->recipient >= 0 ? doc->entities.v[f->recipient].name : "-",
            f->purpose ? f->purpose : "", f->part_of, f->bill, f->amount.lower_bound,
            f->amount.upper_bound);
  }
}

static bool item_ok(const ent_doc *doc, const ent_funding *f, const want *w) {
  if (w->value < 0) {
    if (f->amount.has_value) return false;
  } else if (!f->amount.has_value || f->amount.cents != w->value * 100) {
    return false;
  }
  if (strcmp(f->amount.currency, w->currency) != 0) return false;
  if (w->to ? f->recipient < 0 || strcmp(doc->entities.v[f->recipient].name, w->to) != 0
            : f->recipient >= 0)
    return false;
  return f->part_of == w->part_of;
}

static bool matches(const ent_doc *doc, const row *r) {
  if (doc->fundings.n != r->n) return false;
  for (size_t i = 0; i < r->n && i < 4; i++)
    if (!item_ok(doc, &doc->fundings.v[i], &r->items[i])) return false;
  return true;
}

static void run_rows(const row *rows, size_t n) {
  for (size_t i = 0; i < n; i++) {
    ent_doc doc;
    test_doc(lex, rows[i].text, "2024-04-26", &doc);
    bool ok = matches(&doc, &rows[i]);
    if (!ok) {
      fprintf(stderr, "row %zu: %s\n", i, rows[i].text);
      dump(&doc);
    }
    assert_true(ok);
    ent_doc_clear(&doc);
  }
}

#define NONE {0, NULL, NULL, 0}

/* Sums for a recipient: after the sum, before it after a giving verb, the
 * subject of a receiving verb; capitals stand for their country. */
static void recipients(void **state) {
  (void)state;
  static const row rows[] = {
      {"Le Japon a accordé un prêt de 4,5 milliards de dollars à l'Ukraine.", 1,
       {{4500000000, "USD", "Ukraine", -1}}},
      {"Londres versera à Kiev 3 milliards de livres sterling par an.", 1,
       {{3000000000, "GBP", "Ukraine", -1}}},
      {"Les Alliés s'engagent à fournir à l'Ukraine « un financement de 40 milliards d'euros ».",
       1, {{40000000000, "EUR", "Ukraine", -1}}},
      {"Le FMI a approuvé un programme de 15,6 milliards de dollars en faveur de l'Ukraine.", 1,
       {{15600000000, "USD", "Ukraine", -1}}},
      {"L'Ukraine a reçu l'an dernier 20 milliards d'euros de l'Union européenne.", 1,
       {{20000000000, "EUR", "Ukraine", -1}}},
      {"Le Qatar a promis 1 milliard de dollars pour la reconstruction de Gaza.", 1,
       {{1000000000, "USD", "Gaza", -1}}},
      {"Washington n'avait pu débloquer pour Kiev qu'une enveloppe de 300 millions de "
       "dollars, en mars, grâce à des économies du Pentagone.",
       1, {{300000000, "USD", "Ukraine", -1}}},
      {"Enfin, 8 milliards de dollars sont destinés à la région, en particulier à Taïwan.", 1,
       {{8000000000, "USD", "Taïwan", -1}}},
      {"Le plan prévoit 95 milliards de dollars, adopté par le Sénat, mettant fin au blocage "
       "au Congrès.",
       1, {{95000000000, "USD", NULL, -1}}},
      {"La Commission a promis 2,5 milliards d'euros à la Moldavie en 2023.", 1,
       {{2500000000, "EUR", "Moldavie", -1}}},
      {"Washington menace Tbilissi, qui reçoit chaque année 390 millions de dollars d'aide.", 1,
       {{390000000, "USD", "Géorgie", -1}}},
      {"Depuis 2022, l'aide allemande à l'Ukraine dépasse 28 milliards d'euros.", 1,
       {{28000000000, "EUR", "Ukraine", -1}}},
  };
  run_rows(rows, sizeof rows / sizeof *rows);
}

/* Sums that are not funding. */
static void not_funding(void **state) {
  (void)state;
  static const row rows[] = {
      {"L'an dernier, le déficit commercial des Vingt-Sept avec la Chine a atteint 291 "
       "milliards d'euros.",
       0, {NONE}},
      {"Les exportations chinoises vers l'Europe ont atteint 500 milliards d'euros en 2023.", 0,
       {NONE}},
      {"Le PIB de la Russie a progressé de 3,6 % en 2023, à 2 000 milliards de dollars.", 0,
       {NONE}},
      {"Le coût de la reconstruction est estimé à 486 milliards de dollars.", 0, {NONE}},
      {"Le contrat, d'une valeur de 8 milliards d'euros, porte sur 26 avions de combat.", 0,
       {NONE}},
      {"Les trente-deux pays de l'Alliance rassemblent près d'un milliard d'habitants.", 0,
       {NONE}},
      {"Quelque 2 millions de personnes ont fui le pays depuis 2022, selon l'ONU.", 0, {NONE}},
      {"Vingt-trois membres consacrent désormais au moins 2 % de leur PIB à la défense.", 0,
       {NONE}},
      {"La Russie a vendu pour 10 milliards de dollars de pétrole à l'Inde.", 0, {NONE}},
      {"Les avoirs russes gelés en Europe représentent quelque 210 milliards d'euros.", 0,
       {NONE}},
      {"La Chine a annoncé une hausse de 7,2 % de son budget militaire, à 1 670 milliards de "
       "yuans.",
       0, {NONE}},
      {"L'accord de 2015 prévoyait le départ de 1 500 soldats avant 2020.", 0, {NONE}},
  };
  run_rows(rows, sizeof rows / sizeof *rows);
}

/* A currency given once carries on; parts of a whole; ranges and bounds;
 * sums without a figure. */
static void currency_parts_and_bounds(void **state) {
  (void)state;
  static const row rows[] = {
      {"Le texte prévoit 61 milliards de dollars pour l'Ukraine. Environ 26 milliards iront à "
       "Israël.",
       2, {{61000000000, "USD", "Ukraine", -1}, {26000000000, "USD", "Israël", -1}}},
      {"Environ 26 milliards de dollars iront à Israël : 4 milliards doivent regarnir les "
       "boucliers antimissiles, et 1,2 milliard financer un laser.",
       3,
       {{26000000000, "USD", "Israël", -1},
        {4000000000, "USD", "Israël", 0},
        {1200000000, "USD", "Israël", 0}}},
      {"L'UE a adopté une enveloppe de 50 milliards d'euros pour l'Ukraine, dont 33 milliards "
       "de prêts et 17 milliards de dons.",
       3,
       {{50000000000, "EUR", "Ukraine", -1},
        {33000000000, "EUR", "Ukraine", 0},
        {17000000000, "EUR", "Ukraine", 0}}},
      {"Le président a signé un projet de loi comprenant des milliards d'euros d'aide à la "
       "défense pour Taïwan.",
       1, {{-1, "EUR", "Taïwan", -1}}},
      {"Berlin a promis entre 12 et 15 millions d'euros au Liban.", 1,
       {{12000000, "EUR", "Liban", -1}}},
      {"La France s'est engagée à fournir jusqu'à 3 milliards d'euros d'aide militaire à Kiev "
       "en 2024.",
       1, {{3000000000, "EUR", "Ukraine", -1}}},
      {"Plus de 60 milliards de dollars sont destinés à l'Ukraine.", 1,
       {{60000000000, "USD", "Ukraine", -1}}},
      /* "Le dispositif comprend …": the parts of the sum of the sentence before. */
      {"Les Vingt-Sept ont approuvé une enveloppe de 50 milliards d'euros pour l'Ukraine. Le "
       "dispositif comprend 33 milliards d'euros de prêts et 17 milliards de dons.",
       3,
       {{50000000000, "EUR", "Ukraine", -1},
        {33000000000, "EUR", "Ukraine", 0},
        {17000000000, "EUR", "Ukraine", 0}}},
      /* … but not when the sentence names its own giver. */
      {"Washington a promis 2 milliards de dollars à Kiev. Paris comprend 500 millions "
       "d'euros de prêts.",
       2, {{2000000000, "USD", "Ukraine", -1}, {500000000, "EUR", NULL, -1}}},
      /* A part larger than its whole is no part. */
      {"Washington a promis 2 milliards de dollars à Kiev : 5 milliards supplémentaires "
       "suivront pour la Pologne.",
       2, {{2000000000, "USD", "Ukraine", -1}, {5000000000, "USD", "Pologne", -1}}},
      /* The same sum restated in another currency or over years is one item. */
      {"Londres a accordé un prêt de 500 millions de livres (580 millions d'euros) à Kiev.", 1,
       {{500000000, "GBP", "Ukraine", -1}}},
      {"Paris versera 3 milliards d'euros par an, soit 9 milliards sur trois ans, à l'Ukraine.",
       1, {{3000000000, "EUR", "Ukraine", -1}}},
      /* No currency to carry: a bare figure is not money. */
      {"L'armée a reçu 26 milliards pour ses stocks.", 0, {NONE}},
  };
  run_rows(rows, sizeof rows / sizeof *rows);
}

/* The same sum in the headline and the text is one item; the sentence ties a
 * sum to its bill. */
static void one_item_per_sum(void **state) {
  (void)state;
  static const row rows[] = {
      {"Washington débloque 95 milliards de dollars pour l'Ukraine, Israël et Taïwan\nJoe "
       "Biden a promulgué mercredi le plan d'aide de 95 milliards de dollars adopté la veille "
       "par le Sénat.",
       1, {{95000000000, "USD", "Ukraine", -1}}},
      {"Paris versera 3 milliards d'euros à l'Ukraine et 3 milliards d'euros à la Moldavie.",
       2, {{3000000000, "EUR", "Ukraine", -1}, {3000000000, "EUR", "Moldavie", -1}}},
  };
  run_rows(rows, sizeof rows / sizeof *rows);

  ent_doc doc;
  test_doc(lex,
           "Le président a signé un projet de loi comprenant 8 milliards de dollars pour contrer "
           "la puissance militaire de la Chine. Le texte réserve aussi 61 milliards de dollars "
           "à l'Ukraine.",
           "2024-04-26", &doc);
  assert_int_equal(doc.bills.n, 1);
  assert_int_equal(doc.fundings.n, 2);
  assert_int_equal(doc.fundings.v[0].bill, 0);
  assert_int_equal(doc.fundings.v[1].bill, 0);
  assert_non_null(doc.fundings.v[0].purpose);
  assert_non_null(strstr(doc.fundings.v[0].purpose, "contrer la puissance militaire"));
  assert_int_equal(doc.fundings.v[0].recipient, -1);
  ent_doc_clear(&doc);
}

/* Purposes: the noun the sum quantifies, the phrase it completes, "pour" +
 * what it is for. */
static void purposes(void **state) {
  (void)state;
  static const struct {
    const char *text, *purpose;
  } rows[] = {
      {"Quelque 9,5 milliards de dollars d'aide économique à Kiev prendront la forme de prêts.",
       "aide économique"},
      {"M. Biden a annoncé une nouvelle enveloppe d'aide militaire de 225 millions de dollars.",
       "enveloppe d'aide militaire"},
      {"Berlin va fournir un paquet d'aide d'un montant de 1,3 milliard d'euros.",
       "paquet d'aide"},
      {"Le Congrès a voté 8 milliards de dollars pour contrer la puissance militaire de la "
       "Chine.",
       "contrer la puissance militaire de la Chine"},
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    ent_doc doc;
    test_doc(lex, rows[i].text, "2024-04-26", &doc);
    bool ok = doc.fundings.n == 1 && doc.fundings.v[0].purpose &&
              strcmp(doc.fundings.v[0].purpose, rows[i].purpose) == 0;
    if (!ok) {
      fprintf(stderr, "row %zu: %s\n", i, rows[i].text);
      dump(&doc);
    }
    assert_true(ok);
    ent_doc_clear(&doc);
  }
}

/* Bounds are kept on the amount. */
static void bounds(void **state) {
  (void)state;
  ent_doc doc;
  test_doc(lex,
           "Au moins 40 milliards d'euros seront consacrés à l'Ukraine. Le Canada a promis "
           "jusqu'à 500 millions de dollars canadiens à Kiev.",
           "2024-04-26", &doc);
  if (doc.fundings.n != 2) dump(&doc);
  assert_int_equal(doc.fundings.n, 2);
  assert_true(doc.fundings.v[0].amount.lower_bound);
  assert_true(doc.fundings.v[1].amount.upper_bound);
  assert_string_equal(doc.fundings.v[1].amount.currency, "CAD");
  ent_doc_clear(&doc);
}

/* A currency name several currencies share ("couronnes") takes the one the
 * article names in full, before it or after it; with none named, no sum. */
static void shared_currency_names(void **state) {
  (void)state;
  static const row rows[] = {
      {"Stockholm a promis 7 milliards de couronnes suédoises à l'Ukraine. La première "
       "tranche, de 2 milliards de couronnes, sera versée à l'Ukraine en mars.",
       2, {{7000000000, "SEK", "Ukraine", -1}, {2000000000, "SEK", "Ukraine", -1}}},
      {"Copenhague versera 4 milliards de couronnes à l'Ukraine. Ce don de 4 milliards de "
       "couronnes danoises est le plus important du pays.",
       1, {{4000000000, "DKK", "Ukraine", -1}}},
      {"Le gouvernement a promis 5 milliards de couronnes à l'Ukraine.", 0, {NONE}},
  };
  run_rows(rows, sizeof rows / sizeof *rows);
}

int main(void) {
  lex = test_lexicon();
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(recipients),
      cmocka_unit_test(not_funding),
      cmocka_unit_test(currency_parts_and_bounds),
      cmocka_unit_test(one_item_per_sum),
      cmocka_unit_test(purposes),
      cmocka_unit_test(bounds),
      cmocka_unit_test(shared_currency_names),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  ent_lexicon_free(lex);
  return rc;
}

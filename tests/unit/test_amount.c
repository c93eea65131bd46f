/* amount: French sums of money, table-driven. Every sentence is written for
 * this test. Each row gives the expected span (the exact bytes of the text the
 * amount covers), its value in cents, currency and flags. */
#include <inttypes.h>

#include "amount.h"
#include "testutil.h"

static ent_lexicon *lex;

enum { L = 1, U = 2, A = 4, R = 8 }; /* lower, upper, approx, range */

typedef struct {
  const char *text;
  const char *span;  /* NULL: no amount in the text */
  bool has_value;
  int64_t cents, cents_max;
  const char *cur;
  unsigned flags;
} row;

#define NONE(t) {t, NULL, false, 0, 0, "", 0}
#define VAGUE(t, s, c) {t, s, false, 0, 0, c, 0}

static const row ROWS[] = {
    /* The brief's core forms. */
    {"L'Union a débloqué 8 milliards de dollars pour Kiev.", "8 milliards de dollars", true,
     800000000000LL, 0, "USD", 0},
    {"Bruxelles promet 1,5 milliard d'euros à la Moldavie.", "1,5 milliard d'euros", true,
     150000000000LL, 0, "EUR", 0},
    {"Le budget militaire atteint 26,4 milliards cette année.", "26,4 milliards", true,
     2640000000000LL, 0, "", 0},
    {"Washington a annoncé 300 millions de dollars d'aide.", "300 millions de dollars", true,
     30000000000LL, 0, "USD", 0},
    {"Une amende de 40 000 euros a été infligée.", "40 000 euros", true, 4000000LL, 0, "EUR", 0},
    {"Une amende de 40\xC2\xA0" "000 euros a été infligée.", "40\xC2\xA0" "000 euros", true,
     4000000LL, 0, "EUR", 0},
    {"Une amende de 40\xE2\x80\xAF" "000 euros a été infligée.", "40\xE2\x80\xAF" "000 euros",
     true, 4000000LL, 0, "EUR", 0},
    {"Une caution de 40.000 euros a été versée.", "40.000 euros", true, 4000000LL, 0, "EUR", 0},
    {"Le ticket coûte 40,000 euros, soit quarante.", "40,000 euros", true, 4000LL, 0, "EUR", 0},
    {"Le fonds recevra 2 millions et demi.", "2 millions et demi", true, 250000000LL, 0, "", 0},
    {"Le Japon a versé un milliard à l'Ukraine.", "un milliard", true, 100000000000LL, 0, "", 0},
    {"Il s'agit d'un milliard de dollars supplémentaire.", "un milliard de dollars", true,
     100000000000LL, 0, "USD", 0},
    {"Kiev a reçu plus de 60 milliards depuis 2022.", "plus de 60 milliards", true,
     6000000000000LL, 0, "", L},
    {"Le plan prévoit au moins 3 milliards d'euros.", "au moins 3 milliards d'euros", true,
     300000000000LL, 0, "EUR", L},
    {"L'aide pourra atteindre jusqu'à 3 milliards d'euros.", "jusqu'à 3 milliards d'euros",
     true, 300000000000LL, 0, "EUR", U},
    {"L’aide pourra atteindre jusqu’à 3 milliards d’euros.", "jusqu’à 3 milliards d’euros",
     true, 300000000000LL, 0, "EUR", U},
    {"La reconstruction coûtera près de 2 milliards.", "près de 2 milliards", true,
     200000000000LL, 0, "", A},
    {"Une enveloppe d'environ 61 Md$ a été votée.", "environ 61 Md$", true, 6100000000000LL, 0,
     "USD", A},
    {"Le pays a dépensé quelque 9,5 milliards de dollars.", "quelque 9,5 milliards de dollars",
     true, 950000000000LL, 0, "USD", A},
    {"Le projet coûtera entre 12 et 15 millions d'euros.", "entre 12 et 15 millions d'euros",
     true, 1200000000LL, 1500000000LL, "EUR", R},
    VAGUE("Ces sanctions coûtent des milliards d'euros à Moscou.", "des milliards d'euros",
          "EUR"),
    VAGUE("Il a reçu des centaines de millions de dollars.",
          "des centaines de millions de dollars", "USD"),
    {"Le Congrès a voté 61 Md$ pour Kiev.", "61 Md$", true, 6100000000000LL, 0, "USD", 0},
    {"Paris ajoute 300 M€ au fonds.", "300 M€", true, 30000000000LL, 0, "EUR", 0},
    {"Berlin engage 1,2 Md€ supplémentaires.", "1,2 Md€", true, 120000000000LL, 0, "EUR", 0},
    {"Le Pentagone parle de $5 billion en aide.", "$5 billion", true, 500000000000LL, 0, "USD",
     0},
    {"Le prêt s'élève à 5 milliards USD.", "5 milliards USD", true, 500000000000LL, 0, "USD", 0},
    {"La banque a prêté USD 5 millions au pays.", "USD 5 millions", true, 500000000LL, 0, "USD",
     0},
    {"Londres mobilise 3 milliards de livres sterling.", "3 milliards de livres sterling", true,
     300000000000LL, 0, "GBP", 0},
    {"Un contrat de 225 millions de dollars a été signé.", "225 millions de dollars", true,
     22500000000LL, 0, "USD", 0},
    {"Pékin investit 10 milliards de yuans dans le port.", "10 milliards de yuans", true,
     1000000000000LL, 0, "CNY", 0},
    {"Kiev a levé 500 millions de hryvnias.", "500 millions de hryvnias", true, 50000000000LL, 0,
     "UAH", 0},
    {"Berne a gelé 2 milliards de francs suisses.", "2 milliards de francs suisses", true,
     200000000000LL, 0, "CHF", 0},

    /* Never money. */
    NONE("Les élections auront lieu en 2024."),
    NONE("La guerre dure depuis 2022 dans la région."),
    NONE("Le ministre arrivera le 17 avril à Paris."),
    NONE("Le sommet s'est tenu le 11 juillet."),
    NONE("La croissance a atteint 2 % l'an dernier."),
    NONE("Le déficit représente 2,5 % du PIB."),
    NONE("Les prix ont monté de 20 pour cent."),
    NONE("Le texte a été adopté par 311 voix contre 112."),
    NONE("L'Inde compte près d'un milliard d'habitants de moins."),
    NONE("Le président, âgé de 81 ans, a parlé."),
    NONE("Les trente-deux pays de l'Alliance ont signé."),
    NONE("Le pays a déployé 5 000 soldats à la frontière."),
    NONE("Le conflit a coûté des milliers de vies."),
    NONE("Les négociations ont duré neuf mois."),
    NONE("Le pays compte 1,4 milliard de Chinois selon le recensement."),
    NONE("Le pays produit 2 millions de barils par jour."),
    NONE("L'OMS a livré 3 millions de doses."),
    NONE("Le pays accueille un million de réfugiés."),
    NONE("Le G20 se réunit à Rio, puis le G7 à Rome."),
    NONE("Le convoi s'est arrêté à 300 m de la frontière."),
    NONE("Les sanctions visent des entreprises russes."),
    NONE("Le traité date de l'an deux mille."),
    NONE("Les 27 ont décidé de prolonger les mesures."),
    NONE("Le dollar a chuté face à l'euro."),
    NONE("Le pays a vacciné 4 millions d'enfants."),
    NONE("La ville compte 4 millions d'habitants."),
    NONE("Plus d'un million de personnes ont fui."),
    NONE("Des millions de Syriens ont quitté le pays."),
    NONE("La frontière s'étend sur 3 000 km."),
    NONE("Le coût dépasse 99999999999999999999 dollars, dit-il."),
    NONE("Une dette de 1 000 000 000 000 000 000 000 dollars serait absurde."),
    NONE("La COVID-19 a frappé le pays en mars."),
    NONE("Le scrutin a réuni 2 millions d'électeurs."),
    NONE("Entre 2022 et 2024, le pays a changé."),
    NONE("Les 1,3 milliard de musulmans du monde prient."),
    NONE("La Russie livre 3,5 milliards de m3 de gaz."),
    NONE("Le 1er janvier, deux ans après, les Vingt-Sept ont voté."),
    NONE("Une dette de 99 999 999 billions de dollars déborde."),

    /* Figures written out. */
    {"L'UE versera deux milliards d'euros à l'Égypte.", "deux milliards d'euros", true,
     200000000000LL, 0, "EUR", 0},
    {"Séoul offre cent millions de dollars.", "cent millions de dollars", true, 10000000000LL, 0,
     "USD", 0},
    {"Rome promet trois cents millions d'euros.", "trois cents millions d'euros", true,
     30000000000LL, 0, "EUR", 0},
    {"Ottawa ajoute quatre-vingt-dix millions de dollars.",
     "quatre-vingt-dix millions de dollars", true, 9000000000LL, 0, "USD", 0},
    {"Moscou a prévu vingt et un milliards de roubles.", "vingt et un milliards de roubles",
     true, 2100000000000LL, 0, "RUB", 0},
    {"Le fonds compte une dizaine de milliards de dollars.",
     "une dizaine de milliards de dollars", true, 1000000000000LL, 0, "USD", A},
    {"Tokyo prête quinze millions de dollars.", "quinze millions de dollars", true,
     1500000000LL, 0, "USD", 0},
    {"Le projet a coûté deux mille cinq cents euros.", "deux mille cinq cents euros", true,
     250000LL, 0, "EUR", 0},
    VAGUE("Le conflit coûte plusieurs milliards de dollars.", "plusieurs milliards de dollars",
          "USD"),
    VAGUE("Il a touché quelques millions d'euros.", "quelques millions d'euros", "EUR"),
    VAGUE("Des dizaines de milliards d'euros sont en jeu.", "Des dizaines de milliards d'euros",
          "EUR"),
    VAGUE("Il a reçu des milliers d'euros en liquide.", "des milliers d'euros", "EUR"),
    VAGUE("Les milliards de dollars promis tardent.", "milliards de dollars", "USD"),

    /* Figures, separators, symbols. */
    {"Chaque famille touchera 5 000 euros.", "5 000 euros", true, 500000LL, 0, "EUR", 0},
    {"Tokyo a engagé 1 000 milliards de yens.", "1 000 milliards de yens", true,
     100000000000000LL, 0, "JPY", 0},
    {"Le G7 évoque mille milliards de dollars.", "mille milliards de dollars", true,
     100000000000000LL, 0, "USD", 0},
    {"L'amende s'élève à 2 500 euros.", "2 500 euros", true, 250000LL, 0, "EUR", 0},
    {"Le billet coûte 100 € à Bruxelles.", "100 €", true, 10000LL, 0, "EUR", 0},
    {"Le billet coûte 100€ à Bruxelles.", "100€", true, 10000LL, 0, "EUR", 0},
    {"Le fonds a reçu €300 millions de Berlin.", "€300 millions", true, 30000000000LL, 0, "EUR",
     0},
    {"Londres a promis £2 billion à Kiev.", "£2 billion", true, 200000000000LL, 0, "GBP", 0},
    {"Genève a reçu CHF 3 millions de dons.", "CHF 3 millions", true, 300000000LL, 0, "CHF", 0},
    {"Le contrat vaut 10 M$ selon le ministère.", "10 M$", true, 1000000000LL, 0, "USD", 0},
    {"La mission coûte 50 k€ par mois.", "50 k€", true, 5000000LL, 0, "EUR", 0},
    {"Le timbre vaut 0,05 euro de plus.", "0,05 euro", true, 5LL, 0, "EUR", 0},
    {"Le prix unitaire est de 2,555 euros.", "2,555 euros", true, 256LL, 0, "EUR", 0},
    {"Bruxelles a bloqué 6,3 milliards d’euros.", "6,3 milliards d’euros", true,
     630000000000LL, 0, "EUR", 0},
    {"Un prêt de 3,5 millions d'euros a été accordé.", "3,5 millions d'euros", true,
     350000000LL, 0, "EUR", 0},
    {"L'État garantit 1,25 milliard d’euros.", "1,25 milliard d’euros", true, 125000000000LL, 0,
     "EUR", 0},
    {"Le fonds dispose de 0,5 milliard pour agir.", "0,5 milliard", true, 50000000000LL, 0, "",
     0},
    {"Le pays reçoit 3 milliards d'aide de l'UE.", "3 milliards", true, 300000000000LL, 0, "",
     0},
    {"Avec 5 milliards ils financent la défense.", "5 milliards", true, 500000000000LL, 0, "", 0},
    {"Il a promis 2 milliards de dollars (1,8 milliard d'euros).", "2 milliards de dollars",
     true, 200000000000LL, 0, "USD", 0},
    {"Paris a versé 3 Mds€ hier.", "3 Mds€", true, 300000000000LL, 0, "EUR", 0},
    {"Un prêt de 5 milliards de dollars US est prévu.", "5 milliards de dollars US", true,
     500000000000LL, 0, "USD", 0},
    {"Pour un montant de cinq milliards, le pacte est signé.", "cinq milliards", true,
     500000000000LL, 0, "", 0},
    {"Le fonds pèse 1,23456789 milliard d'euros.", "1,23456789 milliard d'euros", true,
     123456789000LL, 0, "EUR", 0},
    {"Il a reçu 5 millions usd selon lui.", "5 millions", true, 500000000LL, 0, "", 0},
    {"Tel-Aviv a reçu 12 millions ILS de dons.", "12 millions ILS", true, 1200000000LL, 0, "ILS",
     0},

    /* Other currencies. */
    {"Ottawa versera 10 milliards de dollars canadiens.", "10 milliards de dollars canadiens",
     true, 1000000000000LL, 0, "CAD", 0},
    {"Canberra offre 2 millions de dollars australiens.", "2 millions de dollars australiens",
     true, 200000000LL, 0, "AUD", 0},
    {"Washington a promis 2 millions de dollars américains.",
     "2 millions de dollars américains", true, 200000000LL, 0, "USD", 0},
    {"New Delhi a investi 5 milliards de roupies indiennes.",
     "5 milliards de roupies indiennes", true, 500000000000LL, 0, "INR", 0},
    {"Israël a débloqué 200 millions de shekels.", "200 millions de shekels", true,
     20000000000LL, 0, "ILS", 0},
    {"Riyad a déposé 2 milliards de riyals saoudiens.", "2 milliards de riyals saoudiens", true,
     200000000000LL, 0, "SAR", 0},
    {"Abou Dhabi a versé 300 millions de dirhams.", "300 millions de dirhams", true,
     30000000000LL, 0, "AED", 0},
    {"Ankara a injecté 1 milliard de lires turques.", "1 milliard de lires turques", true,
     100000000000LL, 0, "TRY", 0},
    {"Varsovie consacre 4 milliards de zlotys à l'armée.", "4 milliards de zlotys", true,
     400000000000LL, 0, "PLN", 0},
    {"Oslo ajoute 2 milliards de couronnes norvégiennes.",
     "2 milliards de couronnes norvégiennes", true, 200000000000LL, 0, "NOK", 0},
    {"Stockholm prévoit 7 milliards de couronnes suédoises.",
     "7 milliards de couronnes suédoises", true, 700000000000LL, 0, "SEK", 0},
    {"Budapest a reçu 50 milliards de forints.", "50 milliards de forints", true,
     5000000000000LL, 0, "HUF", 0},
    {"Brasilia débloque 6 milliards de reais brésiliens.", "6 milliards de reais brésiliens",
     true, 600000000000LL, 0, "BRL", 0},
    {"Mexico investit 2 milliards de pesos mexicains.", "2 milliards de pesos mexicains", true,
     200000000000LL, 0, "MXN", 0},
    {"Pretoria a versé 100 millions de rands.", "100 millions de rands", true, 10000000000LL, 0,
     "ZAR", 0},
    {"Abuja a levé 500 milliards de naira.", "500 milliards de naira", true, 50000000000000LL, 0,
     "NGN", 0},
    {"Séoul a budgété 3 milliards de wons.", "3 milliards de wons", true, 300000000000LL, 0,
     "KRW", 0},
    {"Londres a dépensé 4 milliards de livres.", "4 milliards de livres", true, 400000000000LL,
     0, "GBP", 0},

    /* Bounds and ranges. */
    {"Le coût oscille entre 2 et 3 milliards de dollars.", "entre 2 et 3 milliards de dollars",
     true, 200000000000LL, 300000000000LL, "USD", R},
    {"Le coût passera de 12 à 15 milliards de dollars.", "12 à 15 milliards de dollars", true,
     1200000000000LL, 1500000000000LL, "USD", R},
    {"Il faudra entre un et deux milliards d'euros.", "entre un et deux milliards d'euros", true,
     100000000000LL, 200000000000LL, "EUR", R},
    {"Le coût se situe entre 2 milliards et 3 milliards d'euros.",
     "entre 2 milliards et 3 milliards d'euros", true, 200000000000LL, 300000000000LL, "EUR", R},
    {"Le coût se situe entre 2 milliards et 3, selon Rome.", "entre 2 milliards et 3", true,
     200000000000LL, 300000000000LL, "", R},
    {"Le projet coûte moins de 5 millions d'euros.", "moins de 5 millions d'euros", true,
     500000000LL, 0, "EUR", U},
    {"Le fonds dépasse un peu plus de 4 milliards de dollars.",
     "un peu plus de 4 milliards de dollars", true, 400000000000LL, 0, "USD", L},
    {"Les besoins vont au-delà de 10 milliards de dollars.",
     "au-delà de 10 milliards de dollars", true, 1000000000000LL, 0, "USD", L},
    {"Il a obtenu plus d'un milliard de dollars.", "plus d'un milliard de dollars", true,
     100000000000LL, 0, "USD", L},
};

static bool check_row(size_t k, const row *r) {
  ent_amount a;
  size_t len = strlen(r->text);
  bool found = ent_amount_find(lex, r->text, len, 0, &a);
  bool ok = found == (r->span != NULL);
  if (ok && found) {
    size_t sl = strlen(r->span);
    ok = a.start <= a.end && a.end <= len && a.end - a.start == sl &&
         memcmp(r->text + a.start, r->span, sl) == 0 && a.has_value == r->has_value &&
         (!r->has_value || a.cents == r->cents) && strcmp(a.currency, r->cur) == 0 &&
         a.lower_bound == !!(r->flags & L) && a.upper_bound == !!(r->flags & U) &&
         a.approx == !!(r->flags & A) && a.is_range == !!(r->flags & R) &&
         (!a.is_range || a.cents_max == r->cents_max);
  }
  if (!ok) {
    fprintf(stderr, "row %zu: \"%s\"\n  expected %s", k, r->text, r->span ? r->span : "(none)");
    if (found)
      fprintf(stderr, "; got \"%.*s\" value=%d cents=%" PRId64 " max=%" PRId64
                      " cur=\"%s\" L=%d U=%d A=%d R=%d\n",
              (int)(a.end - a.start), r->text + a.start, a.has_value, a.cents, a.cents_max,
              a.currency, a.lower_bound, a.upper_bound, a.approx, a.is_range);
    else
      fprintf(stderr, "; got nothing\n");
  }
  return ok;
}

static void table(void **state) {
  (void)state;
  size_t n = sizeof ROWS / sizeof *ROWS, bad = 0;
  assert_true(n >= 80);
  for (size_t k = 0; k < n; k++) bad += !check_row(k, &ROWS[k]);
  assert_int_equal(bad, 0);
}

/* Several sums in one text, read with `from`; offsets are bytes of the
 * original (accents before the figures must not shift them). */
static void finds_in_sequence(void **state) {
  (void)state;
  const char *t = "Le ministère a évoqué 2 millions d’euros, puis l’État a ajouté "
                  "près de 3 milliards de dollars en 2024, soit 26,4 milliards.";
  const char *want[] = {"2 millions d’euros", "près de 3 milliards de dollars",
                        "26,4 milliards"};
  size_t len = strlen(t), from = 0, n = 0;
  ent_amount a;
  while (ent_amount_find(lex, t, len, from, &a)) {
    assert_true(n < 3);
    assert_int_equal(a.end - a.start, strlen(want[n]));
    assert_memory_equal(t + a.start, want[n], strlen(want[n]));
    assert_true(a.end > from);
    from = a.end;
    n++;
  }
  assert_int_equal(n, 3);
  /* Starting past the last one finds nothing; so does an empty range. */
  assert_false(ent_amount_find(lex, t, len, len, &a));
  assert_false(ent_amount_find(lex, t, 0, 0, &a));
}

/* The text need not be NUL-terminated: len bounds every read. */
static void respects_len(void **state) {
  (void)state;
  const char *t = "Il a versé 40 000 euros hier.";
  ent_amount a;
  /* Cut right after "40 0": the grouped figure is gone, "40" alone is not money. */
  size_t cut = (size_t)(strstr(t, "40 0") - t) + 4;
  assert_false(ent_amount_find(lex, t, cut, 0, &a));
  cut = (size_t)(strstr(t, " hier") - t);
  assert_true(ent_amount_find(lex, t, cut, 0, &a));
  assert_int_equal(a.cents, 4000000);
  assert_int_equal(a.end, cut);
}

static void formats_decimals(void **state) {
  (void)state;
  struct {
    int64_t cents;
    const char *out;
  } rows[] = {
      {800000000000LL, "8000000000"}, {250, "2.5"}, {5, "0.05"}, {0, "0"},
      {1234, "12.34"}, {100, "1"}, {10, "0.1"}, {INT64_MAX, "92233720368547758.07"},
  };
  char buf[32];
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    assert_true(ent_amount_format(rows[i].cents, buf, sizeof buf));
    assert_string_equal(buf, rows[i].out);
  }
  char small[4];
  assert_false(ent_amount_format(123456, small, sizeof small));
  assert_true(ent_amount_format(250, small, sizeof small));
  assert_string_equal(small, "2.5");
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
      cmocka_unit_test(table),
      cmocka_unit_test(finds_in_sequence),
      cmocka_unit_test(respects_len),
      cmocka_unit_test(formats_decimals),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}

/* bills: laws, bills and aid packages; who signed, adopted or proposed them
 * and when; one bill per real bill (headline and text, "le texte", "la loi"). */
#include "testutil.h"

static ent_lexicon *lex;

/* What a row expects of the one bill it names. NULL: no such attribute. */
typedef struct {
  const char *text;
  size_t nbills;      /* how many bills in all */
  const char *label;  /* expected label of bill 0 (prefix), or NULL */
  const char *signer, *adopted, *proposed, *date;
} row;

static const char *ename(const ent_doc *doc, int i) {
  return i >= 0 ? doc->entities.v[i].name : NULL;
}

static void dump(const ent_doc *doc) {
  for (size_t i = 0; i < doc->bills.n; i++) {
    const ent_bill *b = &doc->bills.v[i];
    char d[32] = "-";
    ent_date_format(&b->date, d, sizeof d);
    fprintf(stderr, "  bill '%s' signer=%s adopted=%s proposed=%s date=%s\n", b->label,
            ename(doc, b->signer) ? ename(doc, b->signer) : "-",
            ename(doc, b->adopted_by) ? ename(doc, b->adopted_by) : "-",
            ename(doc, b->proposed_by) ? ename(doc, b->proposed_by) : "-", d);
  }
}

static bool same_name(const char *got, const char *want) {
  if (!want) return got == NULL;
  return got && strcmp(got, want) == 0;
}

static bool matches(const ent_doc *doc, const row *r) {
  if (doc->bills.n != r->nbills) return false;
  if (r->nbills == 0) return true;
  const ent_bill *b = &doc->bills.v[0];
  if (r->label && strncmp(b->label, r->label, strlen(r->label)) != 0) return false;
  char d[32] = "";
  ent_date_format(&b->date, d, sizeof d);
  return same_name(ename(doc, b->signer), r->signer) &&
         same_name(ename(doc, b->adopted_by), r->adopted) &&
         same_name(ename(doc, b->proposed_by), r->proposed) &&
         (r->date ? strcmp(d, r->date) == 0 : b->date.prec == ENT_PREC_NONE);
}

static void run_rows(const row *rows, size_t n) {
  for (size_t i = 0; i < n; i++) {
    ent_doc doc;
    test_doc(lex, rows[i].text, "2024-04-26", &doc); /* a Friday */
    bool ok = matches(&doc, &rows[i]);
    if (!ok) {
      fprintf(stderr, "row %zu: %s\n", i, rows[i].text);
      dump(&doc);
    }
    assert_true(ok);
    ent_doc_clear(&doc);
  }
}

/* Signing, adopting, proposing: the agent, the chamber, the date. */
static void bills_and_their_agents(void **state) {
  (void)state;
  static const row rows[] = {
      {"Le président Joe Biden a signé mercredi un projet de loi sur la sécurité des frontières.",
       1, "projet de loi", "Joe Biden", NULL, NULL, "2024-04-24"},
      /* A sum given in an apposed participle phrase: ", doté de". */
      {"Les Vingt-Sept ont approuvé un plan de relance pour l'Arménie, doté de 2 milliards "
       "d'euros.", 1, "plan", NULL, NULL, NULL, NULL},
      {"Le chancelier Olaf Scholz a promulgué jeudi la loi de finances rectificative.", 1,
       "loi de finances rectificative", "Olaf Scholz", NULL, NULL, "2024-04-25"},
      {"Le Sénat a adopté mardi par 70 voix contre 29 un projet de loi d'aide militaire.", 1,
       "projet de loi", NULL, "Sénat", NULL, "2024-04-23"},
      {"L'Assemblée nationale a adopté en première lecture le projet de loi de "
       "programmation militaire.",
       1, "projet de loi de programmation militaire", NULL, "Assemblée nationale", NULL, NULL},
      {"Le projet de loi, déposé par le sénateur Marco Rubio, n'a pas encore été voté.", 1,
       "projet de loi", NULL, NULL, "Marco Rubio", NULL},
      /* Passive participles and their agent, "la veille" counted from the other date. */
      {"Joe Biden a promulgué mercredi le plan d'aide de 40 milliards de dollars adopté la "
       "veille par le Sénat.",
       1, "plan d'aide", "Joe Biden", "Sénat", NULL, "2024-04-24"},
      {"Le projet de loi, adopté par 311 voix contre 112 au Sénat, a été signé par le "
       "président Joe Biden.",
       1, "projet de loi", "Joe Biden", "Sénat", NULL, NULL},
      {"La loi sur les agents étrangers, adoptée mardi par le Parlement européen, inquiète "
       "Tbilissi.",
       1, "loi sur les agents étrangers", NULL, "Parlement européen", NULL, "2024-04-23"},
      /* An institution the lexicon does not name acts for its country. */
      {"Le Parlement géorgien a adopté mardi à Tbilissi la loi sur « l'influence étrangère ».",
       1, "loi sur « l'influence étrangère »", NULL, "Géorgie", NULL, "2024-04-23"},
      /* A title standing for the person the roles already named. */
      {"Le président américain, Joe Biden, est arrivé lundi. Le président américain a "
       "signé mercredi le projet de loi.",
       1, "projet de loi", "Joe Biden", NULL, NULL, "2024-04-24"},
      {"Emmanuel Macron, le président français, a signé jeudi un décret sur la mobilisation.",
       1, "décret", "Emmanuel Macron", NULL, NULL, "2024-04-25"},
      {"Le Parlement européen a adopté un texte sur l'intelligence artificielle.", 1,
       "texte sur l'intelligence artificielle", NULL, "Parlement européen", NULL, NULL},
      /* A bill not passed is still a bill, but nobody adopted it. */
      {"Le Sénat n'a pas adopté la loi sur l'immigration.", 1, "loi sur l'immigration", NULL,
       NULL, NULL, NULL},
      {"Donald Trump a refusé de signer le projet de loi.", 1, "projet de loi", NULL, NULL, NULL,
       NULL},
      /* A clitic object: the bill of the sentence before. */
      {"La loi a été votée par le Congrès. Joe Biden l'a signée mercredi.", 1, "loi",
       "Joe Biden", "Congrès", NULL, "2024-04-24"},
      /* Aid packages: a sum attached, or an announcing verb. */
      {"Washington a annoncé une nouvelle enveloppe d'aide militaire de 225 millions de "
       "dollars.",
       1, "enveloppe d'aide militaire", NULL, NULL, NULL, NULL},
      {"Les Vingt-Sept ont entériné jeudi une facilité de 50 milliards d'euros pour "
       "l'Ukraine.",
       1, "facilité", NULL, NULL, NULL, "2024-04-25"},
      {"L'Union européenne a adopté vendredi un nouveau paquet de sanctions contre la Russie.",
       1, "paquet de sanctions", NULL, "Union européenne", NULL, "2024-04-26"},
  };
  run_rows(rows, sizeof rows / sizeof *rows);
}

/* Words that name no bill here. */
static void no_bill_without_legislative_context(void **state) {
  (void)state;
  static const row rows[] = {
      {"La loi du plus fort ne doit pas s'imposer en mer de Chine, a déclaré le ministre.", 0, NULL, NULL, NULL, NULL, NULL},
      {"La Russie a décrété la loi martiale dans quatre régions occupées.", 0, NULL, NULL, NULL, NULL, NULL},
      {"Pékin a répliqué jeudi que ce texte était empreint d'une mentalité de guerre froide.", 0, NULL, NULL, NULL, NULL, NULL},
      {"Dans leur déclaration finale, adoptée mercredi, les Alliés saluent l'Ukraine.", 0, NULL, NULL, NULL, NULL, NULL},
      {"Kiev a signé un accord de sécurité avec Londres.", 0, NULL, NULL, NULL, NULL, NULL},
      {"Le président a présenté un plan de paix en dix points.", 0, NULL, NULL, NULL, NULL, NULL},
      {"Le gouvernement a présenté un plan pour la Géorgie, puis a reçu 2 milliards d'euros du "
       "FMI.", 0, NULL, NULL, NULL, NULL, NULL},
      {"Le président chinois a plaidé pour une résolution durable des conflits.", 0, NULL, NULL, NULL, NULL, NULL},
      {"La Chine a toujours respecté la loi internationale, a dit le porte-parole.", 0, NULL, NULL, NULL, NULL, NULL},
      {"Il a refusé de signer le texte.", 0, NULL, NULL, NULL, NULL, NULL},
      {"La loi présente des risques pour les libertés, estime l'avocat.", 0, NULL, NULL, NULL,
       NULL, NULL},
      {"Les deux dirigeants ont signé un texte commun sur le climat.", 0, NULL, NULL, NULL, NULL,
       NULL},
      {"L'ensemble des relations bilatérales en souffre, estiment les responsables.", 0, NULL, NULL, NULL, NULL, NULL},
  };
  run_rows(rows, sizeof rows / sizeof *rows);
}

/* One bill per real bill: "le texte", "la loi", "l'ensemble" refer back; a
 * headline and the text that repeats it are one bill. */
static void one_bill_per_bill(void **state) {
  (void)state;
  static const row rows[] = {
      {"Le Congrès a adopté un plan d'aide de 95 milliards de dollars. Le texte prévoit "
       "61 milliards pour l'Ukraine. Le Sénat a entériné l'ensemble mardi. Joe Biden a "
       "promulgué la loi mercredi.",
       1, "plan d'aide", "Joe Biden", "Congrès", NULL, "2024-04-24"},
      {"Biden signe la loi d'aide à l'Ukraine\nLe président Joe Biden a promulgué mercredi un "
       "plan d'aide de 95 milliards de dollars.",
       1, "loi", "Joe Biden", NULL, NULL, "2024-04-24"},
      {"Le Parlement européen a adopté mardi la loi sur l'intelligence artificielle. La loi "
       "sur l'intelligence artificielle entrera en vigueur en 2026.",
       1, "loi sur l'intelligence artificielle", NULL, "Parlement européen", NULL,
       "2024-04-23"},
      /* A sum the text gives through a verb is a part, not another bill. */
      {"Le Congrès a adopté un plan d'aide de 95 milliards de dollars. La loi prévoit 61 "
       "milliards pour l'Ukraine.",
       1, "plan d'aide", NULL, "Congrès", NULL, NULL},
      /* Two packages with different sums are two bills. */
      {"Washington a débloqué une enveloppe de 300 millions de dollars en mars, puis une "
       "enveloppe de 1 milliard de dollars en avril.",
       2, "enveloppe", NULL, NULL, NULL, "2024-03"},
      /* Two laws on different subjects are two bills. */
      {"Le Sénat a adopté un projet de loi sur TikTok et un projet de loi sur l'aide à "
       "l'Ukraine.",
       2, "projet de loi sur TikTok", NULL, "Sénat", NULL, NULL},
  };
  run_rows(rows, sizeof rows / sizeof *rows);
}

/* A bill's date: signing before adoption; relative days from the other date. */
static void bill_dates(void **state) {
  (void)state;
  static const row rows[] = {
      {"Le Sénat a adopté le projet de loi mardi, et Joe Biden l'a signé le lendemain, "
       "mercredi 24 avril.",
       1, "projet de loi", "Joe Biden", "Sénat", NULL, "2024-04-24"},
      {"Le projet de loi de finances a été adopté le 9 avril par la Rada.", 1,
       "projet de loi de finances", NULL, "Rada", NULL, "2024-04-09"},
      {"Le projet de loi a été voté le 12 mars 2024 par le Congrès, puis promulgué la veille "
       "du sommet.",
       1, "projet de loi", NULL, "Congrès", NULL, "2024-03-12"},
  };
  run_rows(rows, sizeof rows / sizeof *rows);
}

int main(void) {
  lex = test_lexicon();
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(bills_and_their_agents),
      cmocka_unit_test(no_bill_without_legislative_context),
      cmocka_unit_test(one_bill_per_bill),
      cmocka_unit_test(bill_dates),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  ent_lexicon_free(lex);
  return rc;
}

/* temporal: French date expressions against the publication date, table-driven.
 * The sentences are written for this test. 2024-04-26 is a Friday. */
#include "testutil.h"
#include "temporal.h"

static ent_lexicon *lex;

typedef struct {
  const char *text;
  const char *pub;    /* publication date, NULL for none */
  bool tense;         /* the clause is in the future */
  const char *value;  /* "2024-04-19", "2023-11", "2022", or "" for no value */
  bool future;
  const char *span;   /* the matched text; NULL: not checked; "": no match */
} row;

#define P "2024-04-26"

static const row ROWS[] = {
    /* Weekdays: the last one on or before the publication date… */
    {"Le ministre a rencontré vendredi son homologue allemand.", P, false, "2024-04-26", false, "vendredi"},
    {"Le ministre a rencontré jeudi son homologue allemand.", P, false, "2024-04-25", false, "jeudi"},
    {"Les négociateurs se sont retrouvés lundi à Genève.", P, false, "2024-04-22", false, NULL},
    {"Mercredi soir, le Quai d'Orsay a convoqué l'ambassadeur.", P, false, "2024-04-24", false, "Mercredi"},
    {"La délégation est arrivée ce lundi à Varsovie.", "2024-04-29", false, "2024-04-29", false, "lundi"},
    {"Dimanche, les électeurs ont voté dans le calme.", "2023-12-10", false, "2023-12-10", false, NULL},
    /* … the next one after it in the future tense or with « prochain » … */
    {"Il se rendra lundi à Berlin pour des consultations.", P, true, "2024-04-29", true, "lundi"},
    {"Elle se rendra vendredi à Rome.", P, true, "2024-05-03", true, NULL},
    {"Le sommet aura lieu mardi prochain à Bruxelles.", P, false, "2024-04-30", true, "mardi prochain"},
    {"Les ministres se retrouveront samedi prochain.", P, true, "2024-04-27", true, NULL},
    /* … strictly before it with « dernier ». */
    {"Mardi dernier, le président a reçu son homologue.", P, false, "2024-04-23", false, "Mardi dernier"},
    {"Vendredi dernier, la Commission a présenté son plan.", P, false, "2024-04-19", false, NULL},
    {"Le texte a été voté dimanche passé.", P, false, "2024-04-21", false, "dimanche passé"},
    /* Day and month: the nearest one in the right direction; the year wins. */
    {"Le traité a été signé le 9 avril à Vienne.", P, false, "2024-04-09", false, "9 avril"},
    {"Il a été reçu le 9 mai par le chancelier.", P, false, "2023-05-09", false, NULL},
    {"Le vote aura lieu le 9 mai.", P, true, "2024-05-09", true, NULL},
    {"Le vote a eu lieu le 26 avril.", P, false, "2024-04-26", false, NULL},
    {"Le vote aura lieu le 26 avril.", P, true, "2024-04-26", false, NULL},
    {"Le texte a été adopté le 9 avril 2024 par le Sénat.", P, false, "2024-04-09", false, "9 avril 2024"},
    {"La conférence s'ouvrira le 1er octobre.", P, true, "2024-10-01", true, "1er octobre"},
    {"L'accord entrera en vigueur le 1er octobre 2024.", P, true, "2024-10-01", true, NULL},
    {"Le 1ᵉʳ mai, les syndicats ont défilé.", P, false, "2023-05-01", false, "1ᵉʳ mai"},
    {"Samedi 20 avril, les deux dirigeants se sont entretenus.", P, false, "2024-04-20", false, "Samedi 20 avril"},
    {"Lundi 5 mai, il sera à Kiev.", P, true, "2024-05-05", true, "Lundi 5 mai"},
    {"Dimanche 5 mai, les électeurs seront appelés aux urnes.", P, true, "2024-05-05", true, NULL},
    {"Il sera reçu mardi 30 avril à l'Élysée.", P, true, "2024-04-30", true, NULL},
    {"La rencontre du jeudi 2 mai 2024 est confirmée.", P, false, "2024-05-02", true, "jeudi 2 mai 2024"},
    {"Le 5 novembre dernier, Washington a durci le ton.", "2023-11-20", false, "2023-11-05", false, "5 novembre dernier"},
    {"LE 14 JUILLET, le défilé a honoré les soldats.", P, false, "2023-07-14", false, NULL},
    {"Le 15 août, la frontière a rouvert.", P, false, "2023-08-15", false, "15 août"},
    {"Le 15 aout, la frontière a rouvert.", P, false, "2023-08-15", false, NULL},
    {"La prise de la Bastille, le 14 juillet 1789, reste un symbole.", P, false, "1789-07-14", false, NULL},
    {"Le sommet s'est tenu le 29 février.", "2025-03-10", false, "2024-02-29", false, NULL},
    {"Le sommet s'est tenu le 29 février.", "2024-03-01", false, "2024-02-29", false, NULL},
    {"Le 31 avril n'existe pas, mais avril fut tendu.", P, false, "2024-04", false, "avril"},
    {"La visite du 12 janv. 2024 a été annulée.", P, false, "2024-01-12", false, "12 janv. 2024"},
    {"Le 3 fév. à Paris, les ministres ont signé.", P, false, "2024-02-03", false, "3 fév."},
    {"Le communiqué daté du 2024-03-18 a été publié.", P, false, "2024-03-18", false, "2024-03-18"},
    {"La lettre du 18/03/2024 est restée sans réponse.", P, false, "2024-03-18", false, "18/03/2024"},
    {"La réunion du 12 au 14 avril a été fructueuse.", P, false, "2024-04-12", false, "12 au 14 avril"},
    {"Les 4 et 5 mai, les ministres se retrouveront à Oslo.", P, true, "2024-05-04", true, "4 et 5 mai"},
    {"Le forum des 18-20 mars 2025 est confirmé.", P, false, "2025-03-18", true, "18-20 mars 2025"},
    {"Depuis le 7-Octobre, la région est en guerre.", P, false, "", false, ""},
    /* Months: the last one containing or before the date, or the next one. */
    {"Le sommet de novembre a déçu les Européens.", "2023-12-10", false, "2023-11", false, "novembre"},
    {"Les deux pays se sont rencontrés en novembre.", "2023-11-15", false, "2023-11", false, NULL},
    {"Il a visité Pékin en décembre.", "2023-11-15", false, "2022-12", false, NULL},
    {"Il visitera Pékin en décembre.", "2023-11-15", true, "2023-12", true, NULL},
    {"Le scrutin est prévu en mars.", "2023-11-15", true, "2024-03", true, NULL},
    {"Le scrutin se tiendra en novembre.", "2023-11-15", true, "2023-11", false, NULL},
    {"Mars a été un mois difficile pour la diplomatie.", P, false, "2024-03", false, "Mars"},
    {"Les combats ont repris en septembre.", P, false, "2023-09", false, NULL},
    {"Il s'était rendu à Moscou en avril 2023.", P, false, "2023-04", false, "avril 2023"},
    {"Les pourparlers d'avril 2023 ont échoué.", P, false, "2023-04", false, NULL},
    {"En novembre dernier, Paris avait rappelé son ambassadeur.", "2023-11-15", false, "2022-11", false, "novembre dernier"},
    {"En novembre dernier, Paris avait rappelé son ambassadeur.", "2023-12-10", false, "2023-11", false, NULL},
    {"Le sommet se tiendra en juin prochain.", P, false, "2024-06", true, "juin prochain"},
    {"La réforme sera votée en octobre prochain.", P, true, "2024-10", true, NULL},
    {"Elle a été élue en février.", "2024-02-10", false, "2024-02", false, NULL},
    /* Years, and figures that are not years. */
    {"La guerre a éclaté en 2022.", P, false, "2022", false, "2022"},
    {"Depuis 2014, la Crimée est occupée.", P, false, "2014", false, "2014"},
    {"Le conflit (2014-2022) a fait des milliers de morts.", P, false, "2014", false, NULL},
    {"Les échanges ont doublé entre 2018 et 2020.", P, false, "2018", false, NULL},
    {"Vers 2035, la flotte sera renouvelée.", P, true, "2035", true, NULL},
    {"Le Parlement a adopté le texte par 311 voix contre 2.", P, false, "", false, ""},
    {"Le texte a recueilli 2030 voix au total.", P, false, "", false, ""},
    {"Quelque 40 000 soldats ont été déployés.", P, false, "", false, ""},
    {"Plus de 2000 soldats ont été déployés.", P, false, "", false, ""},
    {"Environ 2000\u00a0soldats ont franchi la frontière.", P, false, "", false, ""},
    {"Le budget atteint 2024 millions d'euros.", P, false, "", false, ""},
    {"La facture s'élève à 1950 euros.", P, false, "", false, ""},
    {"La hausse atteint 1999 % selon l'institut.", P, false, "", false, ""},
    {"L'indice a été corrigé de 3,2024.", P, false, "", false, ""},
    {"La résolution 2254 du Conseil de sécurité reste la référence.", P, false, "", false, ""},
    {"Le décret n° 2022 a été abrogé.", P, false, "", false, ""},
    {"Dans les années 1990, la région était en paix.", P, false, "", false, ""},
    {"La flotte compte 2000 navires.", P, false, "", false, ""},
    /* Relative years, months and weeks. */
    {"L'an dernier, les échanges ont progressé de 5 %.", P, false, "2023", false, "L'an dernier"},
    {"L’an dernier, les échanges ont progressé.", P, false, "2023", false, "L’an dernier"},
    {"L'année dernière, le sommet avait été reporté.", P, false, "2023", false, "L'année dernière"},
    {"Comme l'an passé, la réunion se tient à Oslo.", P, false, "2023", false, "l'an passé"},
    {"Cette année, le sommet a lieu en Inde.", P, false, "2024", false, "Cette année"},
    {"L'an prochain, la France présidera le G7.", P, false, "2025", true, NULL},
    {"Les élections auront lieu l'année prochaine.", P, true, "2025", true, "l'année prochaine"},
    {"Il y a un an, les deux pays rompaient leurs relations.", P, false, "2023", false, "Il y a un an"},
    {"La semaine dernière, le chef de la diplomatie était à Rome.", P, false, "2024-04", false, "La semaine dernière"},
    {"La semaine dernière, il était à Rome.", "2024-05-03", false, "2024-04", false, NULL},
    {"Il sera à Rome la semaine prochaine.", P, true, "2024-05", true, "la semaine prochaine"},
    {"Le week-end dernier, des manifestations ont eu lieu.", P, false, "2024-04", false, "Le week-end dernier"},
    {"Cette semaine, les négociations ont avancé.", P, false, "2024-04", false, NULL},
    {"Le mois dernier, Berlin a livré des munitions.", "2024-01-03", false, "2023-12", false, "Le mois dernier"},
    {"Le traité sera signé le mois prochain.", "2023-12-20", true, "2024-01", true, NULL},
    /* Relative days. */
    {"Hier, le porte-parole a déclaré que rien n'était décidé.", P, false, "2024-04-25", false, "Hier"},
    {"Il l'avait affirmé dès avant-hier.", P, false, "2024-04-24", false, "avant-hier"},
    {"Aujourd'hui, le Premier ministre est à Londres.", P, false, "2024-04-26", false, "Aujourd'hui"},
    {"Aujourd’hui, le Premier ministre est à Londres.", P, false, "2024-04-26", false, "Aujourd’hui"},
    {"Il arrivera demain à Paris.", P, true, "2024-04-27", true, "demain"},
    {"Ce matin, le conseil des ministres s'est réuni.", P, false, "2024-04-26", false, "Ce matin"},
    /* Relative to another event, or vaguely ahead: no value. */
    {"La veille, les deux ministres s'étaient entretenus.", P, false, "", false, "La veille"},
    {"Le lendemain, le président a annulé sa visite.", P, false, "", false, "Le lendemain"},
    {"Un accord pourrait être conclu dans les semaines à venir.", P, false, "", true, "dans les semaines à venir"},
    {"Il se rendra à Pékin dans les prochains jours.", P, true, "", true, "dans les prochains jours"},
    {"Le texte sera prochainement soumis au vote.", P, true, "", true, "prochainement"},
    {"Une décision sera bientôt prise.", P, false, "", true, "bientôt"},
    /* Parts of a month or year: the month or the year, never a day. */
    {"Une réunion est prévue mi-juillet à Vilnius.", P, true, "2024-07", true, "mi-juillet"},
    {"Le cessez-le-feu a été rompu début mars.", P, false, "2024-03", false, "début mars"},
    {"Les troupes se sont retirées à la mi-mars.", P, false, "2024-03", false, "à la mi-mars"},
    {"Les troupes se sont retirées fin 2023.", P, false, "2023", false, "fin 2023"},
    {"La crise a éclaté fin mars 2023.", P, false, "2023-03", false, "fin mars 2023"},
    {"Il l'avait annoncé à la fin de l'année dernière.", P, false, "2023", false, "à la fin de l'année dernière"},
    {"Un accord est attendu d'ici la fin de l'année.", P, false, "2024", true, "d'ici la fin de l'année"},
    {"La neutralité carbone est visée d'ici 2030.", P, false, "2030", true, "d'ici 2030"},
    {"Le projet a été lancé en début d'année.", P, false, "2024", false, "en début d'année"},
    {"Les livraisons reprendront courant 2025.", P, true, "2025", true, "courant 2025"},
    {"Le réseau sera achevé à l'horizon 2030.", P, true, "2030", true, "à l'horizon 2030"},
    {"Les stocks seront reconstitués à la mi-2024.", P, true, "2024", false, "à la mi-2024"},
    {"Il doit partir au début du mois de juin.", P, true, "2024-06", true, "au début du mois de juin"},
    {"Les salaires seront versés à la fin du mois.", P, true, "2024-04", false, "à la fin du mois"},
    {"Le président a mis fin à la mission.", P, false, "", false, ""},
    /* Without a publication date only absolute expressions have a value. */
    {"Le ministre a rencontré vendredi son homologue.", NULL, false, "", false, "vendredi"},
    {"Il se rendra vendredi à Berlin.", NULL, true, "", true, "vendredi"},
    {"Hier, le porte-parole a démenti.", NULL, false, "", false, "Hier"},
    {"Le texte a été adopté le 9 avril 2024.", NULL, false, "2024-04-09", false, NULL},
    {"La guerre a éclaté en 2022.", NULL, false, "2022", false, NULL},
    {"Les deux pays se sont rencontrés en novembre.", NULL, false, "", false, "novembre"},
    {"L'an prochain, la France présidera le G7.", NULL, false, "", true, NULL},
    {"Il a été reçu le 9 mai.", NULL, false, "", false, "9 mai"},
    /* Spaces, case and word boundaries. */
    {"Le texte a été voté le 9\u00a0avril\u00a02024.", P, false, "2024-04-09", false, "9\u00a0avril\u00a02024"},
    {"Il l'a reçu le 9\u202favril.", P, false, "2024-04-09", false, NULL},
    {"Un discours hiératique et sans surprise.", P, false, "", false, ""},
    {"Les Mardistes se sont réunis à Paris.", P, false, "", false, ""},
    {"Ils étaient sept.", P, false, "", false, ""},
    {"Avril Haines a jugé la menace sérieuse.", P, false, "", false, ""},
    {"Selon la directrice Avril Haines, la menace persiste.", P, false, "", false, ""},
    {"Le cortège a rejoint la place du 4-Septembre.", P, false, "", false, ""},
    {"EN NOVEMBRE, LES PRIX ONT FLAMBÉ.", "2023-12-10", false, "2023-11", false, "NOVEMBRE"},
    {"Il a quitté Paris sans un mot.", P, false, "", false, ""},
};

static void table(void **state) {
  (void)state;
  size_t n = sizeof ROWS / sizeof *ROWS;
  assert_true(n >= 80);
  for (size_t i = 0; i < n; i++) {
    const row *r = &ROWS[i];
    ent_date pub, *pp = NULL;
    if (r->pub) {
      assert_int_equal(ent_date_parse_iso(r->pub, &pub), ENTENTE_OK);
      pp = &pub;
    }
    ent_time_match m;
    memset(&m, 0, sizeof m);
    bool ok = ent_temporal_find(lex, r->text, strlen(r->text), 0, pp, r->tense, &m);
    char got[32] = "";
    if (ok) ent_date_format(&m.date, got, sizeof got);
    char span[256] = "";
    if (ok && m.end > m.start && m.end - m.start < sizeof span)
      memcpy(span, r->text + m.start, m.end - m.start);
    bool good = strcmp(got, r->value) == 0 && (!ok || m.future == r->future) &&
                (!r->span || (r->span[0] ? ok && strcmp(span, r->span) == 0 : !ok));
    if (!good)
      fprintf(stderr, "row %zu: \"%s\" (%s%s): got %s \"%s\" future=%d, want \"%s\" future=%d span \"%s\"\n",
              i, r->text, r->pub ? r->pub : "no date", r->tense ? ", future tense" : "",
              ok ? "match" : "no match", got, ok ? m.future : 0, r->value, r->future,
              r->span ? r->span : "?");
    assert_true(good);
  }
}

/* The search starts at `from` and the offsets are bytes of the original. */
/* "en mai de la même année": the year written last before it. */
static void same_year(void **state) {
  (void)state;
  ent_date pub;
  assert_int_equal(ent_date_parse_iso(P, &pub), ENTENTE_OK);
  const char *t = "Le dialogue a repris en 2021. Le ministre est venu en juin de la même année.";
  size_t from = (size_t)(strstr(t, "juin") - t);
  ent_time_match m;
  assert_true(ent_temporal_find(lex, t, strlen(t), from, &pub, false, &m));
  char buf[16];
  assert_true(ent_date_format(&m.date, buf, sizeof buf));
  assert_string_equal(buf, "2021-06");
  assert_int_equal(m.end, strlen(t) - 1);
  /* No year before: the month alone, dated from the publication. */
  const char *u = "Le ministre est venu en juin de la même année.";
  assert_true(ent_temporal_find(lex, u, strlen(u), 0, &pub, false, &m));
  assert_true(ent_date_format(&m.date, buf, sizeof buf));
  assert_string_equal(buf, "2023-06");
}

static void from_and_offsets(void **state) {
  (void)state;
  ent_date pub;
  assert_int_equal(ent_date_parse_iso(P, &pub), ENTENTE_OK);
  const char *t = "Hier, l’émissaire a promis qu’il reviendrait en février 2025.";
  ent_time_match m;
  assert_true(ent_temporal_find(lex, t, strlen(t), 0, &pub, false, &m));
  assert_int_equal(m.start, 0);
  assert_int_equal(m.end, 4);
  assert_true(ent_temporal_find(lex, t, strlen(t), m.end, &pub, true, &m));
  assert_int_equal(m.start, (size_t)(strstr(t, "février") - t));
  assert_int_equal(m.end, (size_t)(strstr(t, "2025") - t) + 4);
  assert_string_equal(ent_date_xsd_type(&m.date), "http://www.w3.org/2001/XMLSchema#gYearMonth");
  /* Nothing after the last one; a limit before it hides it. */
  assert_false(ent_temporal_find(lex, t, strlen(t), m.end, &pub, false, &m));
  assert_false(ent_temporal_find(lex, t, (size_t)(strstr(t, "février") - t), 4, &pub, false, &m));
  /* `from` inside a word: its tail is no word of its own. */
  const char *y = "Depuis 2014 la situation a changé.";
  assert_false(ent_temporal_find(lex, y, strlen(y), 8, &pub, false, &m));
  /* The context before `from` still counts: "résolution 2254". */
  const char *r = "Elle invoque la résolution 2254 adoptée en 2015.";
  size_t at = (size_t)(strstr(r, "2254") - r);
  assert_true(ent_temporal_find(lex, r, strlen(r), at, &pub, false, &m));
  assert_int_equal(m.start, (size_t)(strstr(r, "2015") - r));
  assert_int_equal(m.date.year, 2015);
  assert_int_equal(m.date.prec, ENT_PREC_YEAR);
  /* A publication date that is no full date counts as none. */
  ent_date bad = {2024, 4, 0, ENT_PREC_MONTH};
  assert_true(ent_temporal_find(lex, t, strlen(t), 0, &bad, false, &m));
  assert_int_equal(m.date.prec, ENT_PREC_NONE);
  assert_false(ent_temporal_find(lex, t, strlen(t), strlen(t), &pub, false, &m));
}

static void parse_iso(void **state) {
  (void)state;
  ent_date d;
  assert_int_equal(ent_date_parse_iso("2024-04-26", &d), ENTENTE_OK);
  assert_int_equal(d.year, 2024);
  assert_int_equal(d.month, 4);
  assert_int_equal(d.day, 26);
  assert_int_equal(d.prec, ENT_PREC_DAY);
  assert_int_equal(ent_date_parse_iso("2024-02-29", &d), ENTENTE_OK);
  assert_int_equal(ent_date_parse_iso("2000-02-29", &d), ENTENTE_OK);
  const char *bad[] = {"2024-02-30", "2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10",
                       "2024-04-31", "2024-04-00", "2024-4-26",  "24-04-26",   "2024/04/26",
                       "2024-04-26T10:00", " 2024-04-26", "garbage",  "",  "2024-04-2a"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
    assert_int_equal(ent_date_parse_iso(bad[i], &d), ENTENTE_ERR_DATE);
  assert_int_equal(ent_date_parse_iso(NULL, &d), ENTENTE_ERR_DATE);
}

/* d formats as `want`. */
static void formats_as(ent_date d, const char *want) {
  char buf[16];
  assert_true(ent_date_format(&d, buf, sizeof buf));
  assert_string_equal(buf, want);
}

static void format_and_types(void **state) {
  (void)state;
  char buf[16];
  ent_date day = {2024, 4, 9, ENT_PREC_DAY}, year = {2022, 0, 0, ENT_PREC_YEAR},
           none = {0, 0, 0, ENT_PREC_NONE};
  formats_as(day, "2024-04-09");
  formats_as((ent_date){2023, 11, 0, ENT_PREC_MONTH}, "2023-11");
  formats_as(year, "2022");
  formats_as((ent_date){987, 3, 0, ENT_PREC_MONTH}, "0987-03");
  /* Past four digits and before year 1: what "%04d" writes. */
  formats_as((ent_date){10000, 1, 2, ENT_PREC_DAY}, "10000-01-02");
  formats_as((ent_date){-5, 0, 0, ENT_PREC_YEAR}, "-005");
  formats_as((ent_date){0, 12, 31, ENT_PREC_DAY}, "0000-12-31");
  assert_false(ent_date_format(&none, buf, sizeof buf));
  assert_false(ent_date_format(&day, buf, 10)); /* no room for the NUL */
  assert_true(ent_date_format(&day, buf, 11));
  assert_string_equal(ent_date_xsd_type(&day), "http://www.w3.org/2001/XMLSchema#date");
  assert_string_equal(ent_date_xsd_type(&year), "http://www.w3.org/2001/XMLSchema#gYear");
  assert_null(ent_date_xsd_type(&none));
}

static void weekdays(void **state) {
  (void)state;
  struct {
    const char *date;
    int wd;
  } rows[] = {{"2024-04-26", 5}, {"2024-04-22", 1}, {"2024-04-28", 7}, {"1970-01-01", 4},
              {"2000-02-29", 2}, {"1969-12-31", 3}, {"2100-03-01", 1}, {"1789-07-14", 2},
              {"2023-11-15", 3}};
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    ent_date d;
    assert_int_equal(ent_date_parse_iso(rows[i].date, &d), ENTENTE_OK);
    assert_int_equal(ent_date_weekday(&d), rows[i].wd);
  }
  ent_date m = {2024, 4, 0, ENT_PREC_MONTH};
  assert_int_equal(ent_date_weekday(&m), 0);
}

/* Every month and weekday of time.ttl has its number. */
static void lexicon_words(void **state) {
  (void)state;
  const char *months[] = {"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet",
                          "aout", "septembre", "octobre", "novembre", "decembre"};
  for (int i = 0; i < 12; i++) {
    const ent_lex_entry *e = ent_lexicon_find(lex, months[i], ENT_LEX_MONTH);
    assert_non_null(e);
    assert_int_equal(strtol(ent_lex_prop(e, "number"), NULL, 10), i + 1);
  }
  const char *days[] = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"};
  for (int i = 0; i < 7; i++) {
    const ent_lex_entry *e = ent_lexicon_find(lex, days[i], ENT_LEX_WEEKDAY);
    assert_non_null(e);
    assert_int_equal(strtol(ent_lex_prop(e, "number"), NULL, 10), i + 1);
  }
  assert_non_null(ent_lexicon_find(lex, "janv.", ENT_LEX_MONTH));
  assert_null(ent_lexicon_find(lex, "sept", ENT_LEX_MONTH));
  assert_non_null(ent_lexicon_find(lex, "hier", ENT_LEX_TIME_WORD));
}

int main(void) {
  lex = test_lexicon();
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(table),          cmocka_unit_test(from_and_offsets),
      cmocka_unit_test(same_year),
      cmocka_unit_test(parse_iso),      cmocka_unit_test(format_and_types),
      cmocka_unit_test(weekdays),       cmocka_unit_test(lexicon_words),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  ent_lexicon_free(lex);
  return rc;
}

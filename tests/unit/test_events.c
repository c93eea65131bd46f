/* events: meetings, talks, summits, calls, visits … found, merged, dated and
 * placed; non-events left out. Each case is a short text written for the
 * test and the events it must give, one line each, in the form
 *   Kind|person+person|date|place|P (P when planned), sorted. */
#include "testutil.h"

static ent_lexicon *lex;

static const char *const KINDS[] = {"Meeting", "Talks", "Summit", "Call", "Visit",
                                    "StateVisit", "PressConference", "Dinner", "Reception"};

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The events of a doc as sorted lines (persons only, sorted by name). */
static char *events_text(const ent_doc *doc) {
  char **lines = calloc(doc->events.n + 1, sizeof *lines);
  size_t total = 1;
  for (size_t i = 0; i < doc->events.n; i++) {
    const ent_event *ev = &doc->events.v[i];
    const char *names[32];
    size_t n = 0;
    for (size_t k = 0; k < ev->participants.n && n < 32; k++) {
      const ent_entity *e = &doc->entities.v[ev->participants.v[k]];
      if (e->kind == ENT_E_PERSON) names[n++] = e->name;
    }
    qsort(names, n, sizeof *names, cmp_str);
    char buf[1024], d[32] = "-";
    ent_date_format(&ev->date, d, sizeof d);
    size_t o = (size_t)snprintf(buf, sizeof buf, "%s|", KINDS[ev->kind]);
    for (size_t k = 0; k < n; k++)
      o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", k ? "+" : "", names[k]);
    snprintf(buf + o, sizeof buf - o, "|%s|%s%s", d[0] ? d : "-",
             ev->place >= 0 ? doc->entities.v[ev->place].name : "-", ev->planned ? "|P" : "");
    lines[i] = strdup(buf);
    total += strlen(buf) + 1;
  }
  qsort(lines, doc->events.n, sizeof *lines, cmp_str);
  char *out = calloc(total, 1);
  for (size_t i = 0; i < doc->events.n; i++) {
    if (i) strcat(out, "\n");
    strcat(out, lines[i]);
    free(lines[i]);
  }
  free(lines);
  return out;
}

typedef struct {
  const char *name, *text, *want;
} row;

/* Publication date of every case: Friday 26 April 2024. */
#define PUB "2024-04-26"

static const row ROWS[] = {
    /* X a rencontré Y: titles with names, a weekday before publication. */
    {"rencontrer",
     "Le ministre italien de la défense, Marco Ferri, a rencontré mardi son homologue "
     "espagnol, Pablo Serrano.",
     "Meeting|Marco Ferri+Pablo Serrano|2024-04-23|-"},
    /* "le" + a date between the verb and its object. */
    {"le + date",
     "Le ministre italien de la défense, Marco Ferri, a rencontré le 18 avril son homologue "
     "espagnol, Pablo Serrano.",
     "Meeting|Marco Ferri+Pablo Serrano|2024-04-18|-"},
    /* A periphrasis subject (chef de la diplomatie = the minister of that
     * country) and "il" in its relative: the holder, not the other minister. */
    {"chef de la diplomatie, où il",
     "Le ministre grec des affaires étrangères, Nikos Andreou, a rencontré lundi son homologue "
     "chypriote, Elena Markou. Le chef de la diplomatie grecque s'est ensuite rendu à Rome, où "
     "il a été reçu par le président italien, Paolo Conti.",
     "Meeting|Elena Markou+Nikos Andreou|2024-04-22|-\n"
     "Meeting|Nikos Andreou+Paolo Conti|-|Rome\n"
     "Visit|Nikos Andreou|-|Rome"},
    /* A passive participle opening the sentence: "Reçu par X, il …". */
    {"reçu par, fronted",
     "M. Keller est arrivé à Lisbonne. Reçu mardi par le premier ministre portugais, Rui "
     "Mendes, il a salué les progrès.",
     "Meeting|Keller+Rui Mendes|2024-04-23|-\n"
     "Visit|Keller|-|Lisbonne"},
    /* "les deux hommes" over the subjects of the two sentences before. */
    {"les deux hommes, two sentences",
     "M. Ferri s'est rendu à Madrid en mars. M. Serrano a effectué une visite à Rome en mai. "
     "Les deux hommes ont ensuite rencontré le président américain, Paul Grant, en juin.",
     "Meeting|Ferri+Paul Grant+Serrano|2023-06|-\n"
     "Visit|Ferri|2024-03|Madrid\n"
     "Visit|Serrano|2023-05|Rome"},
    /* A date between an attendance verb and its event noun. */
    {"a achevé samedi une visite",
     "Le premier ministre grec, Nikos Andreou, a achevé samedi une visite de deux jours à Rome.",
     "Visit|Nikos Andreou|2024-04-20|Rome"},
    /* The place before the noun's agent: "la visite à Z du ministre, X". */
    {"visite à Z de X",
     "Les discussions ont repris après la visite à Ankara du ministre grec des affaires "
     "étrangères, Nikos Andreou.",
     "Visit|Nikos Andreou|-|Ankara"},
    /* "se parler" is talks; a group subject named in apposition. */
    {"se parler, apposed names",
     "Lundi, les ministres des finances grec et chypriote, Nikos Andreou et Tasos Leontiou, se "
     "sont parlé au téléphone.",
     "Call|Nikos Andreou+Tasos Leontiou|2024-04-22|-"},
    {"se parler",
     "Nikos Andreou et Tasos Leontiou se sont parlé mardi.",
     "Talks|Nikos Andreou+Tasos Leontiou|2024-04-23|-"},
    /* X et Y se sont rencontrés: a coordinated subject, reciprocal. */
    {"se rencontrer",
     "Marco Ferri et Pablo Serrano se sont rencontrés lundi à Madrid.",
     "Meeting|Marco Ferri+Pablo Serrano|2024-04-22|Madrid"},
    /* Ils se sont rencontrés: the same meeting, which gains its place. */
    {"ils, merge",
     "Le chancelier autrichien, Karl Huber, a rencontré jeudi le président finlandais, Mikko "
     "Laine. Ils se sont rencontrés en marge d'une réunion sur l'énergie à Oslo.",
     "Meeting|Karl Huber+Mikko Laine|2024-04-25|Oslo"},
    /* X s'est entretenu avec Y. */
    {"s'entretenir",
     "Mercredi, la ministre néerlandaise des affaires étrangères, Anne de Vries, s'est "
     "entretenue avec le ministre polonais, Tomasz Nowak.",
     "Meeting|Anne de Vries+Tomasz Nowak|2024-04-24|-"},
    /* "ses entretiens avec M. Y": the possessive is the main subject. */
    {"ses entretiens",
     "Outre ses entretiens avec M. Haddad, M. Keller a rencontré le roi de Jordanie à Amman.",
     "Meeting|Haddad+Keller|-|-"},
    /* X a reçu Y at a national seat (an organization is the place). */
    {"recevoir",
     "Émilie Dupont a reçu vendredi à l'Élysée Pedro Alves, le président du Portugal.",
     "Meeting|Pedro Alves+Émilie Dupont|2024-04-26|Élysée"},
    /* X a été reçu par Y et par Z: passive, coordinated agents, purpose noun. */
    {"passive",
     "Mardi matin, M. Tanaka a été reçu à Berlin par le chancelier allemand, Klaus Weber, et "
     "par la présidente du Bundestag, Eva Braun, pour une réunion à trois.",
     "Meeting|Eva Braun+Klaus Weber+Tanaka|2024-04-23|Berlin"},
    /* lors d'un entretien téléphonique avec Y: a call with the subject. */
    {"entretien téléphonique",
     "Lors d'un entretien téléphonique avec Mme Larsen, M. Dubois a évoqué la situation.",
     "Call|Dubois+Larsen|-|-"},
    /* s'entretenir au téléphone avec Y: a call. */
    {"au téléphone",
     "Lundi, M. Dubois s'est entretenu au téléphone avec Ingrid Larsen.",
     "Call|Dubois+Ingrid Larsen|2024-04-22|-"},
    /* un sommet entre MM. X et Y à Z, month of a past year. */
    {"sommet entre",
     "Le calendrier a été fixé lors du sommet de novembre entre MM. Ferri et Serrano à Lisbonne.",
     "Summit|Ferri+Serrano|2023-11|Lisbonne"},
    /* la visite de X à Z en 2022, across an apposition. */
    {"visite de",
     "Les tensions datent de la visite de Julia Brandt, alors présidente du Parlement "
     "européen, au Japon en 2022.",
     "Visit|Julia Brandt|2022|Japon"},
    /* X, qui s'est rendu à Z: the relative's antecedent is the subject. */
    {"qui s'est rendu",
     "M. Keller, qui s'est rendu mardi au Maroc, a salué les progrès.",
     "Visit|Keller|2024-04-23|Maroc"},
    /* X est arrivé à Z pour une visite d'État: one state visit. */
    {"visite d'État",
     "Le président coréen, Lee Min-ho, est arrivé dimanche à Rome pour une visite d'État.",
     "StateVisit|Lee Min-ho|2024-04-21|Rome"},
    /* Two mentions of one visit: the later one gives place and date. */
    {"merge visit",
     "La visite de M. Keller a été jugée utile. L'atterrissage de M. Keller en Inde mercredi a "
     "été retardé.",
     "Visit|Keller|2024-04-24|Inde"},
    /* A title standing for a person named before; a pronoun subject. */
    {"title, pronoun",
     "Le président brésilien, Carlos Mendes, est à Paris. Il a rencontré jeudi Anne de Vries. "
     "Le président brésilien a ensuite reçu Tomasz Nowak.",
     "Meeting|Anne de Vries+Carlos Mendes|2024-04-25|-\n"
     "Meeting|Carlos Mendes+Tomasz Nowak|-|-"},
    /* les deux hommes: the two persons of the event just told. */
    {"les deux hommes",
     "M. Ferri a téléphoné lundi à M. Serrano. Les deux hommes ont dîné ensemble mardi à Rome.",
     "Call|Ferri+Serrano|2024-04-22|-\n"
     "Dinner|Ferri+Serrano|2024-04-23|Rome"},
    /* Planned: a modal, a future tense, "dans les semaines à venir". */
    {"planned",
     "M. Keller doit se rendre en Chine. Marco Ferri recevra Pablo Serrano le 3 mai. Un entretien "
     "entre MM. Dubois et Haddad est prévu dans les semaines à venir.",
     "Meeting|Dubois+Haddad|-|-|P\n"
     "Meeting|Marco Ferri+Pablo Serrano|2024-05-03|-|P\n"
     "Visit|Keller|-|Chine|P"},
    /* The date of the relative clause, not of the main one. */
    {"clause date",
     "Dimanche, le dirigeant autrichien, qui avait rencontré M. Laine au Capitole en "
     "décembre, a critiqué le projet. Le chancelier autrichien, Karl Huber, s'est tu.",
     ""},
    {"clause date 2",
     "Le chancelier autrichien, Karl Huber, est prudent. Dimanche, le dirigeant autrichien, qui "
     "avait rencontré M. Laine au Capitole en décembre, a critiqué le projet.",
     "Meeting|Karl Huber+Laine|2023-12|Capitole"},
    /* "…, où il a rencontré Y, puis lundi à Z": two journeys and a meeting. */
    {"puis",
     "Le premier ministre slovaque, Peter Kovac, a été critiqué pour s'être rendu le 18 avril à "
     "Moscou, où il a rencontré le président russe, Vladimir Poutine, puis lundi à Pékin.",
     "Meeting|Peter Kovac+Vladimir Poutine|2024-04-18|Moscou\n"
     "Visit|Peter Kovac|2024-04-18|Moscou\n"
     "Visit|Peter Kovac|2024-04-22|Pékin"},
    /* A summit, its host, a present participant and "son premier sommet". */
    {"summit anaphora",
     "Les dirigeants de l'Union africaine ont clos vendredi à Addis-Abeba un sommet de deux "
     "jours. Hôte de la rencontre, le premier ministre éthiopien, Abiy Ahmed, a salué l'unité. "
     "Le président kényan, William Ruto, présent à Addis-Abeba, a plaidé pour la paix. Pour son "
     "premier sommet, le président sénégalais, Bassirou Faye, a rencontré M. Ruto.",
     "Meeting|Bassirou Faye+William Ruto|-|-\n"
     "Summit|Abiy Ahmed+Bassirou Faye+William Ruto|2024-04-26|Addis-Abeba"},
    /* "son invité": the guest of the possessor's reception. */
    {"invité",
     "Lundi, M. Keller a été reçu par M. Dubois à Paris. Mardi, M. Dubois a emmené son invité "
     "à Lyon.",
     "Meeting|Dubois+Keller|2024-04-22|Paris\n"
     "Visit|Dubois+Keller|2024-04-23|Lyon"},
    /* rendre visite à. */
    {"rendre visite",
     "Le président tunisien, Karim Saadi, a rendu visite mercredi à M. Haddad.",
     "Visit|Haddad+Karim Saadi|2024-04-24|-"},
    /* The frame of "lors de sa visite" gives the meeting its place and day. */
    {"frame",
     "M. Keller s'est rendu mardi à Varsovie. Lors de sa visite, il a rencontré Tomasz Nowak.",
     "Meeting|Keller+Tomasz Nowak|2024-04-23|Varsovie\n"
     "Visit|Keller|2024-04-23|Varsovie"},
    /* A group takes part; persons are what counts. */
    {"group",
     "M. Keller, ainsi que des hauts fonctionnaires allemands, ont rencontré le ministre "
     "polonais, Tomasz Nowak.",
     "Meeting|Keller+Tomasz Nowak|-|-"},
    /* A state dinner dated by "la journée", given by a host for a guest. */
    {"dinner",
     "Mardi, M. Dubois a reçu M. Keller à l'Élysée. La journée s'est achevée par un dîner d'État "
     "offert par M. Dubois en l'honneur de M. Keller.",
     "Dinner|Dubois+Keller|2024-04-23|Élysée\n"
     "Meeting|Dubois+Keller|2024-04-23|Élysée"},
    /* A press conference in which the subject speaks. */
    {"press conference",
     "M. Keller a déclaré lors d'une conférence de presse à Berlin que la situation était grave.",
     "PressConference|Keller|-|Berlin"},
    /* "En visite à Z, X …": the journey and what happened there. */
    {"en visite",
     "En visite à Varsovie, M. Keller a rencontré mardi Tomasz Nowak.",
     "Meeting|Keller+Tomasz Nowak|2024-04-23|Varsovie\n"
     "Visit|Keller|2024-04-23|Varsovie"},
    /* A country as host: the guest's visit there. */
    {"country hosts",
     "Le Japon a accueilli lundi le président chilien, Diego Rojas.",
     "Visit|Diego Rojas|2024-04-22|Japon"},
    /* "les deux ministres" far from the pair's meeting; se retrouver. */
    {"pair far",
     "Mme Larsen a rencontré jeudi M. Dubois à Oslo. Le texte sera publié demain. Les marchés "
     "ont réagi. Les deux ministres doivent se retrouver à Rome dans les semaines à venir.",
     "Meeting|Dubois+Larsen|-|Rome|P\n"
     "Meeting|Dubois+Larsen|2024-04-25|Oslo"},
    /* A dative partner after a time phrase: "a téléphoné dans la soirée à X". */
    {"dative",
     "M. Dubois a téléphoné dans la soirée à Mme Larsen.",
     "Call|Dubois+Larsen|-|-"},
    /* Not events. */
    {"appeler à", "Le ministre, Marco Ferri, a appelé les Européens à la retenue.", ""},
    {"recevoir non-person", "Marco Ferri a reçu le soutien de ses collègues.", ""},
    {"negation", "M. Keller n'a pas rencontré M. Haddad.", ""},
    {"wish", "M. Keller souhaite rencontrer M. Haddad.", ""},
    {"interview", "M. Keller a déclaré dans un entretien au journal que tout allait bien.", ""},
    {"appeal", "M. Serrano s'est joint à l'appel de M. Ferri en faveur d'une trêve.", ""},
    {"pouvoir", "Marco Ferri est arrivé au pouvoir en 2014.", ""},
    {"difficultés", "Marco Ferri rencontre des difficultés au Parlement.", ""},
    {"quotation", "« Nous avons rencontré M. Haddad à Rome », a dit M. Keller.", ""},
    {"unnamed subject", "Le président français a téléphoné à M. Haddad.", ""},
};

static void cases(void **state) {
  (void)state;
  int bad = 0;
  for (size_t i = 0; i < sizeof ROWS / sizeof *ROWS; i++) {
    ent_doc doc;
    test_doc(lex, ROWS[i].text, PUB, &doc);
    char *got = events_text(&doc);
    if (strcmp(got, ROWS[i].want) != 0) {
      fprintf(stderr, "case \"%s\":\n  want:\n%s\n  got:\n%s\n", ROWS[i].name, ROWS[i].want, got);
      bad++;
    }
    free(got);
    ent_doc_clear(&doc);
  }
  assert_int_equal(bad, 0);
}

/* The extractor keeps to the doc's memory: running it twice on one text
 * gives the same events, and an empty or eventless text gives none. */
static void empty_and_repeat(void **state) {
  (void)state;
  ent_doc doc;
  test_doc(lex, "Rien ne s'est passé.", PUB, &doc);
  assert_int_equal(doc.events.n, 0);
  ent_doc_clear(&doc);
  test_doc(lex, "M. Keller a rencontré M. Haddad.", NULL, &doc);
  assert_int_equal(doc.events.n, 1);
  assert_int_equal(doc.events.v[0].date.prec, ENT_PREC_NONE);
  ent_doc_clear(&doc);
}

int main(void) {
  lex = test_lexicon();
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(cases),
      cmocka_unit_test(empty_and_repeat),
  };
  int r = cmocka_run_group_tests(tests, NULL, NULL);
  ent_lexicon_free(lex);
  return r;
}

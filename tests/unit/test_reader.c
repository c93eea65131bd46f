/* reader: format detection, dates, pages (each metadata source, boilerplate,
 * entities, charsets), feeds (RSS, Atom), hostile input. */
#include "testutil.h"

#include <libxml/globals.h>
#include <libxml/xmlerror.h>

#include "reader.h"

/* Read a page that must succeed; the caller frees. */
static ent_reader_source *page(const char *html) {
  ent_reader_source *s = NULL;
  ent_reader_error err = {""};
  entente_status st = ent_reader_html(html, strlen(html), &s, &err);
  if (st != ENTENTE_OK) fprintf(stderr, "page failed: %s\n", err.msg);
  assert_int_equal(st, ENTENTE_OK);
  assert_non_null(s);
  assert_int_equal(ent_text_check(s->text, s->len, NULL), ENTENTE_OK);
  assert_int_equal(strlen(s->text), s->len);
  return s;
}

/* A page that must fail with `want`, and a message holding `msg`. */
static void page_fails(const char *html, size_t len, entente_status want, const char *msg) {
  ent_reader_source *s = NULL;
  ent_reader_error err = {""};
  assert_int_equal(ent_reader_html(html, len, &s, &err), want);
  assert_null(s);
  if (!strstr(err.msg, msg)) fprintf(stderr, "message: %s\n", err.msg);
  assert_non_null(strstr(err.msg, msg));
}

static ent_reader_source *feed(const char *xml, size_t *n) {
  ent_reader_source *items = NULL;
  ent_reader_error err = {""};
  entente_status st = ent_reader_feed(xml, strlen(xml), &items, n, &err);
  if (st != ENTENTE_OK) fprintf(stderr, "feed failed: %s\n", err.msg);
  assert_int_equal(st, ENTENTE_OK);
  for (size_t i = 0; i < *n; i++)
    assert_int_equal(ent_text_check(items[i].text, items[i].len, NULL), ENTENTE_OK);
  return items;
}

static void feed_fails(const char *xml, entente_status want, const char *msg) {
  ent_reader_source *items = NULL;
  size_t n = 99;
  ent_reader_error err = {""};
  assert_int_equal(ent_reader_feed(xml, strlen(xml), &items, &n, &err), want);
  assert_null(items);
  assert_int_equal(n, 0);
  if (!strstr(err.msg, msg)) fprintf(stderr, "message: %s\n", err.msg);
  assert_non_null(strstr(err.msg, msg));
}

static void assert_str(const char *got, const char *want) {
  if (!want) {
    assert_null(got);
    return;
  }
  assert_non_null(got);
  assert_string_equal(got, want);
}

#define PARAS                                                                                   \
  "<p>La ministre allemande des affaires étrangères, Annalena Baerbock, a rencontré jeudi "     \
  "son homologue polonais à Genève pour préparer la conférence des donateurs.</p>"              \
  "<p>Le chancelier allemand, Olaf Scholz, avait annoncé mardi un plan d'aide de 500 millions " \
  "d'euros pour l'énergie et les infrastructures moldaves.</p>"

/* ---- detection and names ---- */

static void detects_formats(void **state) {
  (void)state;
  static const struct {
    const char *in;
    size_t len;
    ent_reader_format want;
  } cases[] = {
      {"Le président a parlé.", 0, ENT_READER_TEXT},
      {"", 0, ENT_READER_TEXT},
      {"   \n", 0, ENT_READER_TEXT},
      {"Bonjour <b>vous</b>", 0, ENT_READER_TEXT},
      {"< 3 ministres", 0, ENT_READER_TEXT},
      {"<!DOCTYPE html><html><body>x</body></html>", 0, ENT_READER_HTML},
      {"\xEF\xBB\xBF  <html lang=fr>", 0, ENT_READER_HTML},
      {"<!-- rss feed --><p>texte</p>", 0, ENT_READER_HTML},
      {"<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"2.0\">", 0, ENT_READER_RSS},
      {"<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\">", 0, ENT_READER_RSS},
      {"<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY a 'b'>]><rss>", 0, ENT_READER_RSS},
      {"<feed xmlns=\"http://www.w3.org/2005/Atom\">", 0, ENT_READER_ATOM},
      {"<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">", 0,
       ENT_READER_HTML},
      {"<?xml version=\"1.0\"?><catalogue/>", 0, ENT_READER_HTML},
      {"<!-- never closed", 0, ENT_READER_HTML},
      {"\xFF\xFE<\0r\0s\0s\0>\0", 10, ENT_READER_RSS},
      {"\xFF\xFE<\0h\0t\0m\0l\0>\0", 12, ENT_READER_HTML},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    size_t len = cases[i].len ? cases[i].len : strlen(cases[i].in);
    ent_reader_format got = ent_reader_detect(cases[i].in, len);
    if (got != cases[i].want) fprintf(stderr, "case %zu: %d\n", i, (int)got);
    assert_int_equal(got, cases[i].want);
  }
}

static void names_formats(void **state) {
  (void)state;
  const char *names[] = {"auto", "text", "html", "rss", "atom"};
  for (int i = 0; i < 5; i++) {
    ent_reader_format f;
    assert_true(ent_reader_format_parse(names[i], &f));
    assert_string_equal(ent_reader_format_name(f), names[i]);
  }
  ent_reader_format f = ENT_READER_TEXT;
  assert_false(ent_reader_format_parse("HTML", &f));
  assert_false(ent_reader_format_parse("", &f));
  assert_false(ent_reader_format_parse(NULL, &f));
  assert_int_equal(f, ENT_READER_TEXT);
}

/* ---- dates ---- */

static void parses_dates(void **state) {
  (void)state;
  static const struct {
    const char *in, *want;
  } cases[] = {
      {"2024-04-23", "2024-04-23"},
      {"2024-04-23T23:30:00-05:00", "2024-04-23"}, /* the day written, no shift */
      {" 2024-04-23 10:00", "2024-04-23"},
      {"2024/04/23", "2024-04-23"},
      {"20240423", "2024-04-23"},
      {"20240423T100000Z", "2024-04-23"},
      {"Tue, 23 Apr 2024 10:00:00 GMT", "2024-04-23"},
      {"23 Apr 2024", "2024-04-23"},
      {"Tue, 23 Apr 24 10:00 +0200", "2024-04-23"},
      {"Sun, 01 Feb 98 00:00 GMT", "1998-02-01"},
      {"mardi 23 avril 2024", "2024-04-23"},
      {"1er mai 2024", "2024-05-01"},
      {"15 août 2024", "2024-08-15"},
      {"3 févr. 2024", "2024-02-03"},
      {"April 23, 2024", "2024-04-23"},
      {"29 Feb 2024", "2024-02-29"},
      {"2024-02-30", NULL},
      {"Tue, 31 Apr 2024 10:00:00 GMT", NULL},
      {"29 Feb 2023", NULL},
      {"2024", NULL},
      {"2024-04", NULL},
      {"hier", NULL},
      {"23 Foo 2024", NULL},
      {"10:00 23 Apr 2024", "2024-04-23"}, /* a leading word or time is skipped */
      {"23 Apr", NULL},
      {"Apr 2024 23", NULL},
      {"", NULL},
      {"202404231", NULL},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char out[11] = "";
    bool ok = ent_reader_date(cases[i].in, out);
    if (ok != (cases[i].want != NULL)) fprintf(stderr, "date case %zu: %s\n", i, cases[i].in);
    assert_int_equal(ok, cases[i].want != NULL);
    if (ok) assert_string_equal(out, cases[i].want);
  }
  char out[11];
  assert_false(ent_reader_date(NULL, out));
}

/* ---- pages: each metadata source ---- */

static void date_sources(void **state) {
  (void)state;
  static const struct {
    const char *html, *want;
  } cases[] = {
      {"<html><head><meta property=\"article:published_time\" content=\"2024-03-15T08:30:00+01:00\">"
       "<script type=\"application/ld+json\">{\"datePublished\": \"2020-01-01\"}</script>"
       "</head><body><time datetime=\"2019-01-01\">x</time>" PARAS "</body></html>",
       "2024-03-15"},
      /* JSON-LD: an array at the top, the article typed among others */
      {"<html><head><script type=\"application/ld+json\">[{\"@type\": \"WebPage\", "
       "\"datePublished\": \"2001-01-01\"}, {\"@type\": \"NewsArticle\", \"datePublished\": "
       "\"2024-03-16T09:00:00Z\"}]</script></head><body>" PARAS "</body></html>",
       "2024-03-16"},
      /* JSON-LD: @graph */
      {"<html><head><script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", "
       "\"@graph\": [{\"@type\": \"Organization\"}, {\"@type\": [\"Article\"], \"datePublished\": "
       "\"2024-03-17\"}]}</script></head><body><time datetime=\"2019-01-01\">x</time>" PARAS
       "</body></html>",
       "2024-03-17"},
      /* <time datetime> in the article, not the one in the related aside */
      {"<html><body><aside><time datetime=\"2001-01-01\">old</time></aside><article>"
       "<time datetime=\"2024-03-18T10:00\">18 mars</time>" PARAS "</article></body></html>",
       "2024-03-18"},
      /* <time> with only text */
      {"<html><body><article><time>19 mars 2024</time>" PARAS "</article></body></html>",
       "2024-03-19"},
      {"<html><head><meta name=\"date\" content=\"2024-03-20\"></head><body>" PARAS
       "</body></html>",
       "2024-03-20"},
      {"<html><head><meta name=\"pubdate\" content=\"20240321\"></head><body>" PARAS
       "</body></html>",
       "2024-03-21"},
      {"<html><head><meta name=\"DC.date\" content=\"2024-03-22\"></head><body>" PARAS
       "</body></html>",
       "2024-03-22"},
      /* broken JSON-LD and bad dates are skipped */
      {"<html><head><script type=\"application/ld+json\">{oops</script>"
       "<meta name=\"date\" content=\"2024-02-30\"><meta name=\"DC.date\" content=\"2024-03-23\">"
       "</head><body>" PARAS "</body></html>",
       "2024-03-23"},
      {"<html><body>" PARAS "</body></html>", NULL},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    ent_reader_source *s = page(cases[i].html);
    if ((s->date == NULL) != (cases[i].want == NULL) ||
        (s->date && strcmp(s->date, cases[i].want)))
      fprintf(stderr, "date source case %zu: %s\n", i, s->date ? s->date : "(none)");
    assert_str(s->date, cases[i].want);
    ent_reader_source_free(s);
  }
}

static void headline_author_lang_url(void **state) {
  (void)state;
  ent_reader_source *s = page(
      "<html lang=\"fr_FR\"><head><title>Titre | Site</title>"
      "<meta property=\"og:title\" content=\"  Le titre\n  Open Graph \">"
      "<meta name=\"author\" content=\"Par Jeanne Petit\">"
      "<link rel=\"canonical\" href=\" https://site.example/a/b?x=1#haut \">"
      "<meta property=\"og:url\" content=\"https://site.example/og\">"
      "</head><body><h1>Le titre h1</h1>" PARAS "</body></html>");
  assert_str(s->title, "Le titre Open Graph");
  assert_str(s->author, "Jeanne Petit");
  assert_str(s->lang, "fr-FR");
  assert_str(s->url, "https://site.example/a/b?x=1");
  assert_int_equal(s->format, ENT_READER_HTML);
  ent_reader_source_free(s);

  /* h1 of the article beats the site's h1 in its header; a relative or
   * javascript: canonical is no URL, og:url is next. */
  s = page("<html lang=\"12\"><head><title>Titre | Site</title>"
           "<link rel=\"canonical\" href=\"/relative/path\">"
           "<meta property=\"og:url\" content=\"javascript:alert(1)\">"
           "</head><body><header><h1>Le Site</h1></header><article><h1>Le vrai titre</h1>" PARAS
           "</article><a rel=\"author\" href=\"/a\">Marc Leroy</a></body></html>");
  assert_str(s->title, "Le vrai titre");
  assert_null(s->url);
  assert_null(s->lang);
  assert_str(s->author, "Marc Leroy");
  assert_null(strstr(s->text, "Le vrai titre")); /* the headline is not body text */
  ent_reader_source_free(s);

  /* the <title> last; JSON-LD authors as a list; an author in comments is not it */
  s = page("<html><head><title>Seulement le titre</title><script type=\"application/ld+json\">"
           "{\"@type\": \"NewsArticle\", \"author\": [{\"name\": \"A. Un\"}, \"B. Deux\"], "
           "\"inLanguage\": \"fr\"}</script></head><body>" PARAS
           "<div class=\"comments\"><a rel=\"author\">Troll</a></div></body></html>");
  assert_str(s->title, "Seulement le titre");
  assert_str(s->author, "A. Un, B. Deux");
  assert_str(s->lang, "fr");
  ent_reader_source_free(s);

  s = page("<html><body><div class=\"comment-list\"><a rel=\"author\">Troll</a></div>" PARAS
           "</body></html>");
  assert_null(s->author);
  assert_null(s->title);
  ent_reader_source_free(s);
}

/* ---- pages: text ---- */

static void drops_boilerplate(void **state) {
  (void)state;
  ent_reader_source *s = page(
      "<html><head><style>p{}</style><script>var menu = 1;</script></head><body>"
      "<nav><a>Accueil</a></nav><header>Le Site</header>"
      "<div id=\"cookie-consent\">Nous utilisons des cookies.<button>OK</button></div>"
      "<div class=\"main\"><div class=\"share-bar\"><a>Partager</a></div>"
      "<p>Premier paragraphe de l'article, assez long pour compter comme du texte.</p>"
      "<figure><img alt=\"x\"><figcaption>Légende de la photo</figcaption></figure>"
      "<p>Second paragraphe de l'article, lui aussi assez long pour compter.</p>"
      "<div class=\"related-posts\"><p>Un autre article sans rapport avec celui-ci.</p></div>"
      "<aside>Encadré</aside><form><input value=\"x\"><label>Votre e-mail</label></form>"
      "<div class=\"pub\">Publicité</div><iframe src=\"x\">Vidéo</iframe><noscript>JS</noscript>"
      "<div hidden>Caché</div><div aria-hidden=\"true\">Caché aussi</div>"
      "<div role=\"navigation\">Rubriques</div></div>"
      "<div class=\"sidebar\"><p>Les plus lus de la semaine sur notre site, à ne pas rater.</p></div>"
      "<footer>Mentions légales</footer></body></html>");
  assert_string_equal(s->text,
                      "Premier paragraphe de l'article, assez long pour compter comme du texte.\n"
                      "Second paragraphe de l'article, lui aussi assez long pour compter.");
  ent_reader_source_free(s);
}

static void prefers_the_main_block(void **state) {
  (void)state;
  /* No <article>: the block with the most paragraph text and its siblings
   * with a good share of it; link lists count for nothing. */
  ent_reader_source *s = page(
      "<html><body><div id=\"liens\"><ul><li><a>Une longue liste de liens qui ne sont pas "
      "un article</a></li><li><a>et encore une autre liste de liens sans aucun texte</a></li>"
      "</ul></div><div id=\"col\"><div class=\"txt\">" PARAS "</div>"
      "<div class=\"encart\">Court.</div>"
      "<div class=\"txt\"><p>Suite de l'article après une coupure, avec assez de texte pour "
      "compter comme un vrai paragraphe de l'article.</p></div></div>"
      "<div id=\"meteo\"><p>Il fera beau demain sur toute la région, avec des nuages.</p></div>"
      "</body></html>");
  assert_non_null(strstr(s->text, "Annalena Baerbock"));
  assert_non_null(strstr(s->text, "Suite de l'article"));
  assert_null(strstr(s->text, "liste de liens"));
  assert_null(strstr(s->text, "Court."));
  assert_null(strstr(s->text, "Il fera beau"));
  ent_reader_source_free(s);

  /* a substantial <article> is the body, whatever else the page holds */
  s = page("<html><body><div><p>Texte hors de l'article, qui ne doit pas être lu du tout, "
           "même s'il est long, très long, vraiment très long.</p></div><article>" PARAS
           "</article></body></html>");
  assert_null(strstr(s->text, "hors de l'article"));
  assert_non_null(strstr(s->text, "Olaf Scholz"));
  ent_reader_source_free(s);

  /* everything looks like boilerplate: the whole body is read rather than nothing */
  s = page("<html><body class=\"x\"><div class=\"share\"><p>Le seul texte de la page.</p>"
           "</div></body></html>");
  assert_string_equal(s->text, "Le seul texte de la page.");
  ent_reader_source_free(s);
}

static void entities_and_breaks(void **state) {
  (void)state;
  ent_reader_source *s = page(
      "<html><head><meta charset=\"utf-8\"></head><body><article>"
      "<p>L&#8217;&eacute;t&eacute; &amp; l&rsquo;hiver&nbsp;: &laquo;&#xA0;oui&nbsp;&raquo;</p>"
      "<p>  Espaces\t\n  multiples   réduits  </p><p></p><p> </p>"
      "<p>Ligne un<br>ligne deux<br/><br>ligne trois</p>"
      "<h2>Intertitre</h2><ul><li>Un</li><li>Deux</li></ul><blockquote>Citation</blockquote>"
      "<p>Mot<span>collé</span> et <em>mis</em> en <b>gras</b>, soft\xC2\xADhyphen, "
      "z\xE2\x80\x8Bwsp, &#1;contr&#x7f;ôle</p>"
      "</article></body></html>");
  assert_string_equal(s->text,
                      "L’été & l’hiver : « oui »\n"
                      "Espaces multiples réduits\n"
                      "Ligne un\nligne deux\nligne trois\n"
                      "Intertitre\nUn\nDeux\nCitation\n"
                      "Motcollé et mis en gras, softhyphen, zwsp, contrôle");
  ent_reader_source_free(s);
}

static void charsets(void **state) {
  (void)state;
  /* declared Latin-1 holding windows-1252 quotes: ’ (0x92) and é (0xE9) */
  const char *latin = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                      "charset=iso-8859-1\"></head><body><p>L\x92\xe9t\xe9 \x93" "chaud\x94 "
                      "\x80 5</p></body></html>";
  ent_reader_source *s = page(latin);
  assert_string_equal(s->text, "L’été “chaud” € 5");
  ent_reader_source_free(s);
  /* undeclared UTF-8 is UTF-8 (libxml2 alone would read Latin-1) */
  s = page("<html><body><p>Genève, Radosław</p></body></html>");
  assert_string_equal(s->text, "Genève, Radosław");
  ent_reader_source_free(s);
  /* undeclared and not UTF-8: windows-1252 */
  s = page("<html><body><p>Gen\xe8ve \x96 Zurich</p></body></html>");
  assert_string_equal(s->text, "Genève – Zurich");
  ent_reader_source_free(s);
  /* declared UTF-8 with bad bytes: valid UTF-8 out all the same */
  s = page("<html><head><meta charset=\"utf-8\"></head><body><p>caf\xe9 \xff ok "
           "\xf0\x9f</p></body></html>");
  assert_non_null(strstr(s->text, "ok"));
  ent_reader_source_free(s);
  /* UTF-16 with a byte order mark */
  const char u16[] = "\xFF\xFE<\0p\0>\0\xE9\0t\0\xE9\0<\0/\0p\0>\0";
  ent_reader_source *t = NULL;
  assert_int_equal(ent_reader_html(u16, sizeof u16 - 1, &t, NULL), ENTENTE_OK);
  assert_string_equal(t->text, "été");
  ent_reader_source_free(t);
}

/* ---- feeds ---- */

static void rss_items(void **state) {
  (void)state;
  size_t n = 0;
  ent_reader_source *it = feed(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Flux</title>"
      "<language>fr-FR</language>"
      "<item><title>Premier &amp; titre</title><link>https://ex.example/1#top</link>"
      "<pubDate>Tue, 23 Apr 2024 10:00:00 GMT</pubDate><dc:creator>Jeanne Petit</dc:creator>"
      "<description>Résumé</description>"
      "<content:encoded><![CDATA[<p>Texte <b>complet</b> &eacute;t&eacute;.</p>"
      "<div class=\"share\">Partager</div><p>Suite.</p>]]></content:encoded></item>"
      "<item><title>Sans texte</title><link>https://ex.example/2</link></item>"
      "<item><title>Deuxième</title><guid>https://ex.example/3</guid>"
      "<dc:date>2024-04-24T08:00:00Z</dc:date><author>r@ex.example (Marc Leroy)</author>"
      "<description>&lt;p&gt;Paragraphe &amp;eacute; un&lt;/p&gt;&lt;p&gt;deux&lt;/p&gt;"
      "</description></item>"
      "<item><guid isPermaLink=\"false\">id-4</guid><description>Texte brut.\n\nAutre "
      "paragraphe\nsur deux lignes.</description><author>r@ex.example</author></item>"
      "</channel></rss>",
      &n);
  assert_int_equal(n, 3);
  assert_int_equal(it[0].format, ENT_READER_RSS);
  assert_str(it[0].title, "Premier & titre");
  assert_str(it[0].url, "https://ex.example/1");
  assert_str(it[0].date, "2024-04-23");
  assert_str(it[0].author, "Jeanne Petit");
  assert_str(it[0].lang, "fr-FR");
  assert_string_equal(it[0].text, "Texte complet été.\nSuite.");
  assert_str(it[1].url, "https://ex.example/3");
  assert_str(it[1].date, "2024-04-24");
  assert_str(it[1].author, "Marc Leroy");
  assert_string_equal(it[1].text, "Paragraphe é un\ndeux");
  assert_null(it[2].url); /* a guid that is no permalink */
  assert_null(it[2].author);
  assert_null(it[2].title);
  assert_string_equal(it[2].text, "Texte brut.\nAutre paragraphe sur deux lignes.");
  ent_reader_sources_free(it, n);

  /* RSS 1.0: items beside the channel, in the RSS 1.0 namespace */
  it = feed("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
            "xmlns=\"http://purl.org/rss/1.0/\"><channel><title>c</title></channel>"
            "<item><title>Un</title><link>http://ex.example/u</link>"
            "<description>Texte un.</description></item></rdf:RDF>",
            &n);
  assert_int_equal(n, 1);
  assert_str(it[0].url, "http://ex.example/u");
  assert_string_equal(it[0].text, "Texte un.");
  ent_reader_sources_free(it, n);
}

static void atom_entries(void **state) {
  (void)state;
  size_t n = 0;
  ent_reader_source *it = feed(
      "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\" "
      "xml:base=\"https://ex.example/blog/\"><title>F</title><author><name>Rédaction</name>"
      "</author>"
      "<entry><title type=\"html\">&lt;b&gt;Titre&lt;/b&gt; gras</title>"
      "<link rel=\"self\" href=\"https://ex.example/self\"/><link href=\"billets/1\"/>"
      "<published>2024-04-23T10:00:00+02:00</published><updated>2024-05-01T00:00:00Z</updated>"
      "<author><name>Un</name></author><author><name>Deux</name></author>"
      "<summary>Résumé</summary><content type=\"html\">&lt;p&gt;Contenu &amp;amp; "
      "HTML&lt;/p&gt;</content></entry>"
      "<entry xml:lang=\"en\"><title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
      "T <i>x</i></div></title><id>https://ex.example/id/2</id>"
      "<updated>2024-04-25T10:00:00Z</updated><content type=\"xhtml\">"
      "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Un.</p><p>Deux <b>gras</b>.</p>"
      "<div class=\"social\">Partager</div></div></content></entry>"
      "<entry><title>Trois</title><id>urn:uuid:3</id><summary>Seulement le résumé.</summary>"
      "</entry>"
      "<entry><title>Ailleurs</title><content src=\"https://ex.example/x\"/></entry>"
      "</feed>",
      &n);
  assert_int_equal(n, 3);
  assert_int_equal(it[0].format, ENT_READER_ATOM);
  assert_str(it[0].title, "Titre gras");
  assert_str(it[0].url, "https://ex.example/blog/billets/1");
  assert_str(it[0].date, "2024-04-23");
  assert_str(it[0].author, "Un, Deux");
  assert_str(it[0].lang, "fr");
  assert_string_equal(it[0].text, "Contenu & HTML");
  assert_str(it[1].title, "T x");
  assert_str(it[1].url, "https://ex.example/id/2");
  assert_str(it[1].date, "2024-04-25");
  assert_str(it[1].author, "Rédaction"); /* the feed's author */
  assert_str(it[1].lang, "en");
  assert_string_equal(it[1].text, "Un.\nDeux gras.");
  assert_null(it[2].url); /* urn: ids are no URLs */
  assert_string_equal(it[2].text, "Seulement le résumé.");
  ent_reader_sources_free(it, n);
}

static void feed_errors(void **state) {
  (void)state;
  feed_fails("<rss version=\"2.0\"><channel></channel></rss>", ENTENTE_ERR_EMPTY, "no items");
  feed_fails("<rss><channel><item><title>t</title></item></channel></rss>", ENTENTE_ERR_EMPTY,
             "no item of the feed has any text");
  feed_fails("<html><body/></html>", ENTENTE_ERR_MARKUP, "not an RSS or Atom feed");
  feed_fails("<rss><channel><item>", ENTENTE_ERR_MARKUP, "not well-formed XML (line 1");
  feed_fails("", ENTENTE_ERR_EMPTY, "not well-formed");
  feed_fails("<?xml version=\"1.0\" encoding=\"x-nope\"?><rss/>", ENTENTE_ERR_MARKUP,
             "not well-formed");
}

/* ---- hostile input ---- */

static void refuses_entities(void **state) {
  (void)state;
  char laughs[4096];
  int k = snprintf(laughs, sizeof laughs, "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a0 "
                                          "\"lol\">");
  for (int i = 1; i < 10; i++)
    k += snprintf(laughs + k, sizeof laughs - (size_t)k,
                  "<!ENTITY a%d \"&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;\">", i, i - 1,
                  i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
  snprintf(laughs + k, sizeof laughs - (size_t)k,
           "]><rss><channel><item><description>&a9;</description></item></channel></rss>");
  feed_fails(laughs, ENTENTE_ERR_MARKUP, "declares entities");
  feed_fails("<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><channel><item>"
             "<description>a &x; b</description></item></channel></rss>",
             ENTENTE_ERR_MARKUP, "declares entities");
  feed_fails("<!DOCTYPE rss [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]><rss/>",
             ENTENTE_ERR_MARKUP, "declares entities");
  /* an external DTD is never read: the feed is read without it */
  size_t n = 0;
  ent_reader_source *it =
      feed("<!DOCTYPE rss SYSTEM \"file:///etc/passwd\"><rss><channel><item><description>"
           "Texte &amp; suite</description></item></channel></rss>",
           &n);
  assert_int_equal(n, 1);
  assert_string_equal(it[0].text, "Texte & suite");
  ent_reader_sources_free(it, n);
  /* the HTML parser reads no DOCTYPE subset: the entity stays unknown */
  ent_reader_source *s = page("<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                              "<html><body><p>a &x; b</p></body></html>");
  assert_null(strstr(s->text, "root:"));
  ent_reader_source_free(s);
}

static void refuses_absurd_markup(void **state) {
  (void)state;
  size_t depth = 100000;
  char *deep = malloc(depth * 11 + 64);
  assert_non_null(deep);
  char *p = deep;
  p += sprintf(p, "<html><body>");
  for (size_t i = 0; i < depth; i++) p += sprintf(p, "<div>");
  p += sprintf(p, "x");
  for (size_t i = 0; i < depth; i++) p += sprintf(p, "</div>");
  page_fails(deep, (size_t)(p - deep), ENTENTE_ERR_MARKUP, "nested deeper than 256");
  p = deep;
  p += sprintf(p, "<rss>");
  for (size_t i = 0; i < depth; i++) p += sprintf(p, "<a>");
  sprintf(p, "</rss>");
  feed_fails(deep, ENTENTE_ERR_MARKUP, "nested deeper than 256");
  free(deep);

  char *attrs = malloc(2000 * 8 + 64);
  assert_non_null(attrs);
  p = attrs + sprintf(attrs, "<html><body><p");
  for (int i = 0; i < 2000; i++) p += sprintf(p, " a%d=1", i);
  p += sprintf(p, ">x</p></body></html>");
  page_fails(attrs, (size_t)(p - attrs), ENTENTE_ERR_MARKUP, "more than 1024 attributes");
  /* the same, hidden in a comment, is no tag */
  memcpy(attrs + 12, "<!--", 4);
  memcpy(p - 18, "-->x</p>", 8);
  ent_reader_source *s = NULL;
  assert_int_not_equal(ent_reader_html(attrs, (size_t)(p - attrs), &s, NULL), ENTENTE_ERR_MARKUP);
  ent_reader_source_free(s);
  free(attrs);
}

static void refuses_big_input(void **state) {
  (void)state;
  size_t big = ENT_READER_MAX_BYTES + 1;
  char *buf = malloc(big);
  assert_non_null(buf);
  memset(buf, 'a', big);
  memcpy(buf, "<p>", 3);
  page_fails(buf, big, ENTENTE_ERR_TOO_LARGE, "larger than the limit of 16777216");
  ent_reader_source *items = NULL;
  size_t n = 0;
  ent_reader_error err = {""};
  assert_int_equal(ent_reader_feed(buf, big, &items, &n, &err), ENTENTE_ERR_TOO_LARGE);
  /* a page under the limit whose text is over the article limit */
  size_t len = 5u * 1024u * 1024u;
  memcpy(buf, "<html><body><p>", 15);
  for (size_t i = 15; i < len; i++) buf[i] = i % 7 ? 'a' : ' ';
  page_fails(buf, len, ENTENTE_ERR_TOO_LARGE, "larger than the limit of 4194304");
  free(buf);
}

static void refuses_empty_pages(void **state) {
  (void)state;
  page_fails("", 0, ENTENTE_ERR_EMPTY, "");
  const char *blank = "<html><head><title>T</title><script>x()</script></head><body> &nbsp; "
                      "<nav>Menu</nav></body></html>";
  page_fails(blank, strlen(blank), ENTENTE_ERR_EMPTY, "no article text");
  ent_reader_source *s = (ent_reader_source *)1;
  assert_int_equal(ent_reader_html(NULL, 0, &s, NULL), ENTENTE_ERR_ARG);
  assert_int_equal(ent_reader_html("x", 1, NULL, NULL), ENTENTE_ERR_ARG);
  ent_reader_source_free(NULL);
  ent_reader_sources_free(NULL, 3);
}

static void reads_text_through_read(void **state) {
  (void)state;
  ent_reader_source *items = NULL;
  size_t n = 0;
  ent_reader_error err = {""};
  const char *t = "Le président a parlé.\n";
  assert_int_equal(ent_reader_read(t, strlen(t), ENT_READER_AUTO, &items, &n, &err), ENTENTE_OK);
  assert_int_equal(n, 1);
  assert_int_equal(items[0].format, ENT_READER_TEXT);
  assert_string_equal(items[0].text, t);
  assert_null(items[0].title);
  ent_reader_sources_free(items, n);
  assert_int_equal(ent_reader_read("caf\xe9", 4, ENT_READER_TEXT, &items, &n, &err),
                   ENTENTE_ERR_UTF8);
  assert_non_null(strstr(err.msg, "byte 3"));
  assert_int_equal(ent_reader_read("<p>Texte</p>", 12, ENT_READER_AUTO, &items, &n, &err),
                   ENTENTE_OK);
  assert_int_equal(items[0].format, ENT_READER_HTML);
  assert_string_equal(items[0].text, "Texte");
  ent_reader_sources_free(items, n);
}

/* The host's libxml2 error handler is the same after a read, and was not called. */
static int host_calls;
static void host_handler(void *ctx, const char *msg, ...) {
  (void)ctx;
  (void)msg;
  host_calls++;
}

static void leaves_libxml2_alone(void **state) {
  (void)state;
  xmlSetGenericErrorFunc(NULL, host_handler);
  ent_reader_source *items = NULL;
  size_t n = 0;
  ent_reader_read("<rss><channel><item>", 20, ENT_READER_AUTO, &items, &n, NULL);
  ent_reader_read("<?xml version=\"1.0\" encoding=\"x-nope\"?><rss/>", 45, ENT_READER_RSS,
                  &items, &n, NULL);
  ent_reader_read("<p>caf\xe9 <b>x</p></i>", 21, ENT_READER_HTML, &items, &n, NULL);
  ent_reader_sources_free(items, n);
  assert_int_equal(host_calls, 0);
  assert_true(xmlGenericError == host_handler);
  xmlSetGenericErrorFunc(NULL, NULL);
}

/* Mangled fixtures: whatever the bytes, a result that passes the text
 * checks or an error — never a crash, a leak or invalid UTF-8. */
static void survives_mangling(void **state) {
  (void)state;
  static const char *const seeds[] = {
      "<html lang=fr><head><meta charset=utf-8><title>T</title><script type="
      "\"application/ld+json\">{\"@graph\":[{\"@type\":\"NewsArticle\",\"datePublished\":"
      "\"2024-01-02\",\"author\":{\"name\":\"X\"}}]}</script></head><body><article><h1>Titre</h1>"
      "<p>Le ministre a parl&eacute; &#8217; <br> fin.</p></article></body></html>",
      "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/"
      "modules/content/\"><channel><item><title>T</title><pubDate>Tue, 23 Apr 2024 10:00:00 "
      "GMT</pubDate><content:encoded><![CDATA[<p>Texte</p>]]></content:encoded></item>"
      "</channel></rss>",
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>T</title><content type="
      "\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Un</p></div></content></entry>"
      "</feed>"};
  unsigned seed = 12345;
  char buf[1024];
  for (size_t s = 0; s < 3; s++) {
    size_t len = strlen(seeds[s]);
    for (int round = 0; round < 300; round++) {
      memcpy(buf, seeds[s], len);
      for (int k = 0; k < 1 + round % 6; k++) { /* a few random bytes, anywhere */
        seed = seed * 1103515245u + 12345u;
        size_t at = (seed >> 8) % len;
        seed = seed * 1103515245u + 12345u;
        buf[at] = (char)(seed >> 16);
      }
      ent_reader_source *items = NULL;
      size_t n = 0;
      ent_reader_error err = {""};
      entente_status st = ent_reader_read(buf, len, ENT_READER_AUTO, &items, &n, &err);
      if (st == ENTENTE_OK) {
        for (size_t i = 0; i < n; i++) {
          assert_int_equal(ent_text_check(items[i].text, items[i].len, NULL), ENTENTE_OK);
          const char *fields[] = {items[i].title, items[i].date, items[i].author,
                                  items[i].lang, items[i].url};
          for (size_t f = 0; f < 5; f++)
            if (fields[f]) assert_int_equal(ent_text_check(fields[f], strlen(fields[f]), NULL),
                                            ENTENTE_OK);
        }
        ent_reader_sources_free(items, n);
      } else {
        assert_null(items);
        assert_true(err.msg[0] != '\0' || st == ENTENTE_ERR_NOMEM);
      }
    }
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(detects_formats),       cmocka_unit_test(names_formats),
      cmocka_unit_test(parses_dates),          cmocka_unit_test(date_sources),
      cmocka_unit_test(headline_author_lang_url), cmocka_unit_test(drops_boilerplate),
      cmocka_unit_test(prefers_the_main_block), cmocka_unit_test(entities_and_breaks),
      cmocka_unit_test(charsets),              cmocka_unit_test(rss_items),
      cmocka_unit_test(atom_entries),          cmocka_unit_test(feed_errors),
      cmocka_unit_test(refuses_entities),      cmocka_unit_test(refuses_absurd_markup),
      cmocka_unit_test(refuses_big_input),     cmocka_unit_test(refuses_empty_pages),
      cmocka_unit_test(reads_text_through_read), cmocka_unit_test(leaves_libxml2_alone),
      cmocka_unit_test(survives_mangling),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

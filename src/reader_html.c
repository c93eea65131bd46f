/* reader_html: a web page to one article, and the HTML inside feed items.
 *
 * The article body is the <article> element or, failing a substantial one,
 * the block that holds the most paragraph text (with its siblings that
 * hold a good share too) — a small readability heuristic. Boilerplate
 * (scripts, menus, share buttons, related links, comments…) is dropped by
 * tag, by role and by class/id words. Metadata comes from Open Graph and
 * article: meta tags, JSON-LD (schema.org), <time>, <link rel=canonical>
 * and <html lang>. See reader.h for the API and the safety rules. */
#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include "reader_int.h"
#include "text.h"

/* ---- what is read and what is not ---- */

static bool in_list(const xmlNode *n, const char *const *names) {
  if (!n || n->type != XML_ELEMENT_NODE || !n->name) return false;
  for (size_t i = 0; names[i]; i++)
    if (strcasecmp((const char *)n->name, names[i]) == 0) return true;
  return false;
}

/* Never article text, whatever their class. */
static const char *const DROP_TAGS[] = {
    "script", "style",  "noscript", "nav",    "aside", "header", "footer", "figure",
    "figcaption", "form", "button", "iframe", "svg",   "template", "select", "textarea",
    "input",  "object", "embed",    "canvas", "audio", "video",  "map",    "dialog",
    "head",   "title",  "meta",     "link",   "base",  NULL};

/* Elements that end a line of text. */
static const char *const BLOCK_TAGS[] = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
    "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html",
    "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "tfoot", "thead", "tr", "ul", "br", NULL};

/* Paragraph-like blocks: their text counts for the block around them. */
static const char *const PARA_TAGS[] = {"p", "blockquote", "li", "h2", "h3", "h4", "h5",
                                        "h6", "pre", "dd", "dt", NULL};

/* Never dropped by class or id: a <body class="cookie-consent"> is still the page. */
static const char *const KEEP_TAGS[] = {"html", "body", "article", "main", NULL};

/* Class and id words of boilerplate: a word of the value that starts with
 * `word` (prefix) or equals it. `noise`: also wrong place to find the
 * page's date, author or headline (headers are right places). */
static const struct {
  const char *word;
  bool prefix, noise;
} BAD_WORDS[] = {
    {"share", true, true},      {"sharing", true, true},     {"partag", true, true},
    {"social", true, true},     {"sociaux", true, true},     {"reseau", true, true},
    {"related", true, true},    {"comment", true, true},     {"newsletter", true, true},
    {"cookie", true, true},     {"consent", true, true},     {"advert", true, true},
    {"sponsor", true, true},    {"promo", true, true},       {"outbrain", true, true},
    {"taboola", true, true},    {"breadcrumb", true, false}, {"sidebar", true, true},
    {"subscri", true, true},    {"popup", true, true},       {"modal", true, true},
    {"banner", true, false},    {"navbar", true, true},      {"navigation", true, true},
    {"menu", true, true},       {"footer", true, true},      {"header", true, false},
    {"masthead", true, false},  {"widget", true, true},      {"recommend", true, true},
    {"popular", true, true},    {"trending", true, true},    {"signup", true, true},
    {"ad", false, true},        {"ads", false, true},        {"adv", false, true},
    {"pub", false, true},       {"nav", false, true},        {"aussi", false, true},
    {"also", false, true},      {"tags", false, true},       {"print", false, false},
    /* bylines and datelines: metadata, read apart, not article text */
    {"date", false, false},     {"dateline", true, false},   {"byline", true, false},
    {"signature", true, false}, {"auteur", true, false},     {"author", true, false}};

static const char *const BAD_ROLES[] = {"navigation", "banner", "contentinfo", "complementary",
                                        "search", "menu", "menubar", "dialog", "alertdialog",
                                        NULL};

/* Does a class/id value hold a boilerplate word? Words are runs of ASCII
 * letters and digits, compared in lower case. */
static bool bad_words(const char *v, bool noise_only) {
  for (const char *p = v; p && *p;) {
    while (*p && !isalnum((unsigned char)*p)) p++;
    const char *w = p;
    while (isalnum((unsigned char)*p)) p++;
    size_t n = (size_t)(p - w);
    if (!n) continue;
    for (size_t k = 0; k < sizeof BAD_WORDS / sizeof *BAD_WORDS; k++) {
      size_t l = strlen(BAD_WORDS[k].word);
      if (noise_only && !BAD_WORDS[k].noise) continue;
      if ((BAD_WORDS[k].prefix ? n >= l : n == l) && strncasecmp(w, BAD_WORDS[k].word, l) == 0)
        return true;
    }
  }
  return false;
}

static bool bad_attrs(const xmlNode *n, bool noise_only) {
  static const char *const names[] = {"class", "id", NULL};
  for (size_t i = 0; names[i]; i++) {
    char *v = ent_reader_attr(n, names[i]);
    bool bad = v && bad_words(v, noise_only);
    xmlFree(v);
    if (bad) return true;
  }
  return false;
}

bool ent_reader_boilerplate(const xmlNode *n, bool by_class) {
  if (!n || n->type != XML_ELEMENT_NODE) return false;
  if (in_list(n, DROP_TAGS)) return true;
  if (!by_class || in_list(n, KEEP_TAGS)) return false;
  if (bad_attrs(n, false)) return true;
  char *role = ent_reader_attr(n, "role");
  bool bad = false;
  for (size_t i = 0; role && BAD_ROLES[i] && !bad; i++)
    bad = ent_reader_has_token(role, BAD_ROLES[i]);
  xmlFree(role);
  if (bad) return true;
  char *hidden = ent_reader_attr(n, "hidden"), *aria = ent_reader_attr(n, "aria-hidden");
  bad = hidden || (aria && strcasecmp(aria, "true") == 0);
  xmlFree(hidden);
  xmlFree(aria);
  return bad;
}

/* Is n inside navigation, an aside, a footer or a comment/related/share
 * block — the wrong place for the page's own date, author or headline?
 * `headers_too`: a <header> outside any <article>/<main> counts (the site's). */
static bool in_noise(const xmlNode *n, bool headers_too) {
  static const char *const tags[] = {"nav", "aside", "footer", "form", "noscript", NULL};
  bool header = false;
  for (const xmlNode *p = n; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
    if (in_list(p, tags) || (!in_list(p, KEEP_TAGS) && bad_attrs(p, true))) return true;
    if (ent_reader_is(p, "header")) header = true;
    if (ent_reader_is(p, "article") || ent_reader_is(p, "main")) header = false;
  }
  return headers_too && header;
}

/* The next node in document order under `top`; `descend` false skips n's
 * children. Iterative: libxml2 trees can be 256 levels deep, stacks small. */
static const xmlNode *next_node(const xmlNode *n, const xmlNode *top, bool descend) {
  if (descend && n->children && n->type != XML_ENTITY_REF_NODE) return n->children;
  while (n && n != top) {
    if (n->next) return n->next;
    n = n->parent;
  }
  return NULL;
}

/* ---- text ---- */

static void text_node(const xmlNode *n, ent_rb *b) {
  if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content)
    ent_rb_text(b, (const char *)n->content, strlen((const char *)n->content));
}

void ent_reader_text(const xmlNode *top, ent_rb *b, ent_walk_mode mode, bool by_class) {
  if (!top) return;
  const xmlNode *n = top;
  for (;;) {
    bool descend = false;
    if (n->type == XML_ELEMENT_NODE) {
      bool block = in_list(n, BLOCK_TAGS);
      if (ent_reader_is(n, "td") || ent_reader_is(n, "th")) ent_rb_space(b);
      if ((n != top && ent_reader_boilerplate(n, by_class)) ||
          (mode == ENT_WALK_PAGE && ent_reader_is(n, "h1"))) {
        /* left out: keep the words on either side apart */
        if (block) ent_rb_break(b);
        else ent_rb_space(b);
      } else {
        if (block) ent_rb_break(b);
        descend = true;
      }
    } else {
      text_node(n, b);
    }
    /* Leaving elements: a block ends its line. */
    if (descend && n->children) {
      n = n->children;
      continue;
    }
    for (;;) {
      if (n->type == XML_ELEMENT_NODE && in_list(n, BLOCK_TAGS)) ent_rb_break(b);
      if (n == top) return;
      if (n->next) {
        n = n->next;
        break;
      }
      n = n->parent;
      if (!n) return;
    }
  }
}

/* ---- parsing ---- */

/* The encoding to impose, or NULL to let libxml2 follow the page's own
 * declaration (BOM, <meta charset>, http-equiv, XML declaration).
 * libxml2 2.9 reads undeclared HTML as Latin-1; most undeclared pages are
 * UTF-8, so: UTF-8 when the bytes are valid UTF-8, else windows-1252 as
 * browsers do (decoded as Latin-1 here; rb_put maps the C1 range). */
static const char *sniff_encoding(const char *buf, size_t len) {
  if (len >= 2 && (!memcmp(buf, "\xFF\xFE", 2) || !memcmp(buf, "\xFE\xFF", 2))) return NULL;
  if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) return NULL;
  size_t head = len < 65536 ? len : 65536;
  for (size_t i = 0; i + 7 <= head; i++) {
    if ((buf[i] == 'c' || buf[i] == 'C') && strncasecmp(buf + i, "charset", 7) == 0) return NULL;
    if (buf[i] == '<' && i + 5 <= head && strncasecmp(buf + i, "<body", 5) == 0) break;
    if (buf[i] == '<' && i + 5 <= head && strncmp(buf + i, "<?xml", 5) == 0) return NULL;
  }
  for (size_t i = 0; i < len;) {
    if ((unsigned char)buf[i] < 0x80) {
      i++;
      continue;
    }
    if (ent_utf8_next(buf, len, &i) < 0) return "ISO-8859-1";
  }
  return "UTF-8";
}

xmlDoc *ent_reader_parse_html(const char *buf, size_t len, const char *encoding,
                              entente_status *st, ent_reader_error *err) {
  *st = ENTENTE_ERR_MARKUP;
  if (len > ENT_READER_MAX_BYTES) {
    ent_reader_fail(err, "larger than the limit of %u bytes for a page or feed",
                    ENT_READER_MAX_BYTES);
    *st = ENTENTE_ERR_TOO_LARGE;
    return NULL;
  }
  if ((*st = ent_reader_prescan(buf, len, err)) != ENTENTE_OK) return NULL;
  ent_reader_quiet q;
  ent_reader_quiet_begin(&q);
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  xmlDoc *doc = NULL;
  *st = ENTENTE_ERR_NOMEM;
  if (ctxt) {
    /* No network, no errors on stderr, best effort on broken markup; the
     * HTML parser never reads DTDs or external entities. */
    doc = htmlCtxtReadMemory(ctxt, buf, (int)len, NULL,
                             encoding ? encoding : sniff_encoding(buf, len),
                             HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                 HTML_PARSE_RECOVER | HTML_PARSE_COMPACT);
    /* libxml2 halts (keeping what it read) at 256 levels of nesting. */
    if (doc && ctxt->instate == XML_PARSER_EOF) {
      bool deep = ctxt->lastError.message && strstr(ctxt->lastError.message, "depth");
      ent_reader_fail(err, deep ? "elements nested deeper than %d levels"
                                : "the HTML parser stopped (%d)",
                      deep ? ENT_READER_MAX_DEPTH : ctxt->lastError.code);
      xmlFreeDoc(doc);
      doc = NULL;
      *st = ENTENTE_ERR_MARKUP;
    } else if (!doc) {
      ent_reader_fail(err, "not readable as HTML");
      *st = len ? ENTENTE_ERR_MARKUP : ENTENTE_ERR_EMPTY;
    } else {
      *st = ENTENTE_OK;
    }
    htmlFreeParserCtxt(ctxt);
  } else {
    ent_reader_fail(err, "out of memory");
  }
  ent_reader_quiet_end(&q);
  return doc;
}

static const xmlNode *find_element(const xmlNode *top, const char *name) {
  for (const xmlNode *n = top; n; n = next_node(n, top, true))
    if (ent_reader_is(n, name)) return n;
  return NULL;
}

/* The body, or the document's top when there is none. */
static const xmlNode *body_of(const xmlDoc *doc) {
  const xmlNode *root = xmlDocGetRootElement(doc);
  const xmlNode *body = root ? find_element(root, "body") : NULL;
  return body ? body : root;
}

/* ---- choosing the article block ---- */

typedef struct {
  size_t own;          /* paragraph text directly in this block */
  size_t total;        /* ... in the whole subtree */
  const xmlNode *owner; /* the nearest block at or above (elements only) */
  bool link;           /* inside <a> */
} rec;

typedef struct {
  rec *v;
  size_t n, cap;
  bool nomem;
} recs;

/* Records hang off the nodes' _private field (1-based index; the tree is
 * ours and libxml2's HTML parser leaves _private alone). */
static rec *rec_of(const xmlNode *n, const recs *r) {
  uintptr_t i = (uintptr_t)n->_private;
  return i && i <= r->n ? &r->v[i - 1] : NULL;
}

static rec *rec_new(xmlNode *n, recs *r) {
  if (r->n == r->cap) {
    size_t cap = r->cap ? r->cap * 2 : 256;
    rec *v = realloc(r->v, cap * sizeof *v);
    if (!v) {
      r->nomem = true;
      return NULL;
    }
    r->v = v;
    r->cap = cap;
  }
  memset(&r->v[r->n], 0, sizeof *r->v);
  n->_private = (void *)(uintptr_t)(r->n + 1);
  return &r->v[r->n++];
}

static size_t visible_bytes(const char *s) {
  size_t n = 0;
  for (; *s; s++) n += !isspace((unsigned char)*s);
  return n;
}

/* Score every block under body: one walk, boilerplate skipped. Link text
 * does not count (menus and lists of links are not articles). */
static void score(xmlNode *body, recs *r, const xmlNode **best, const xmlNode **best_article) {
  *best = *best_article = NULL;
  xmlNode *n = body;
  for (;;) {
    bool descend = false;
    if (n->type == XML_ELEMENT_NODE && (n == body || !ent_reader_boilerplate(n, true))) {
      rec *e = rec_new(n, r);
      if (!e) return;
      const rec *up = n != body && n->parent ? rec_of(n->parent, r) : NULL;
      e->owner = in_list(n, BLOCK_TAGS) ? n : up ? up->owner : n;
      e->link = ent_reader_is(n, "a") || (up && up->link);
      descend = true;
    } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content &&
               n->parent) {
      const rec *up = rec_of(n->parent, r);
      if (up && !up->link && up->owner) {
        const xmlNode *owner = up->owner;
        if (in_list(owner, PARA_TAGS) && owner != body && owner->parent &&
            rec_of(owner->parent, r))
          owner = owner->parent;
        rec *o = rec_of(owner, r);
        if (o) o->own += visible_bytes((const char *)n->content);
      }
    }
    if (descend && n->children) {
      n = n->children;
      continue;
    }
    for (;;) { /* leaving n: its total goes up to its parent */
      rec *e = n->type == XML_ELEMENT_NODE ? rec_of(n, r) : NULL;
      if (e) {
        e->total += e->own;
        rec *p = n != body && n->parent ? rec_of(n->parent, r) : NULL;
        if (p) p->total += e->total;
        if (!*best || e->own > rec_of(*best, r)->own) *best = n;
        if (ent_reader_is(n, "article") &&
            (!*best_article || e->total > rec_of(*best_article, r)->total))
          *best_article = n;
      }
      if (n == body) return;
      if (n->next) {
        n = n->next;
        break;
      }
      n = n->parent;
    }
  }
}

/* The article's blocks, in document order, into out[]; returns how many. */
static size_t choose_blocks(xmlNode *body, recs *r, const xmlNode **out, size_t max) {
  const xmlNode *best, *art;
  score(body, r, &best, &art);
  if (r->nomem || !best) return 0;
  size_t top = rec_of(best, r)->own;
  if (art && rec_of(art, r)->total * 2 >= top && rec_of(art, r)->total > 0) {
    out[0] = art;
    return 1;
  }
  if (top == 0 || best == body || !best->parent) {
    out[0] = body;
    return 1;
  }
  /* The best block and its siblings with at least a fifth of its text
   * (articles cut in two by an advert or an inset). */
  size_t k = 0;
  for (const xmlNode *s = best->parent->children; s && k < max; s = s->next) {
    const rec *e = s->type == XML_ELEMENT_NODE ? rec_of(s, r) : NULL;
    if (s == best || (e && e->total * 5 >= top)) out[k++] = s;
  }
  return k;
}

/* ---- metadata ---- */

typedef struct {
  char *og_title, *h1, *title, *ld_headline;
  char *pub_meta, *ld_date, *time_date, *name_date;
  char *author_meta, *ld_author, *rel_author;
  char *lang_attr, *lang_meta, *og_locale, *ld_lang;
  char *canonical, *og_url;
} page_meta;

static void meta_clear(page_meta *m) {
  char **f[] = {&m->og_title, &m->h1, &m->title, &m->ld_headline, &m->pub_meta,
                &m->ld_date, &m->time_date, &m->name_date, &m->author_meta, &m->ld_author,
                &m->rel_author, &m->lang_attr, &m->lang_meta, &m->og_locale, &m->ld_lang,
                &m->canonical, &m->og_url};
  for (size_t i = 0; i < sizeof f / sizeof *f; i++) {
    free(*f[i]);
    *f[i] = NULL;
  }
}

/* Keep the first value only: `slot` takes `v` (owned) when still empty. */
static void first(char **slot, char *v) {
  if (!*slot) *slot = v;
  else free(v);
}

static const char *const DATE_NAMES[] = {
    "date", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
    "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.issued",
    "dcterms.created", "sailthru.date", "parsely-pub-date", "citation_publication_date",
    "datepublished", NULL};

/* "Par Jean Dupont" → "Jean Dupont". */
static char *author_new(const char *s) {
  char *a = ent_reader_line_new(s, 300);
  if (!a) return NULL;
  static const char *const lead[] = {"par ", "by ", "de "};
  for (size_t i = 0; i < 3; i++) {
    size_t l = strlen(lead[i]);
    if (strncasecmp(a, lead[i], l) == 0 && a[l]) {
      memmove(a, a + l, strlen(a + l) + 1);
      break;
    }
  }
  /* an address is not a name */
  if (strstr(a, "://") || strchr(a, '@')) {
    free(a);
    return NULL;
  }
  return a;
}

static char *text_line_new(const xmlNode *n, size_t max) {
  ent_rb b;
  ent_rb_init(&b, max, true);
  ent_reader_text(n, &b, ENT_WALK_FRAGMENT, false);
  return ent_rb_take(&b, NULL);
}

static void meta_tag(const xmlNode *n, page_meta *m) {
  char *content = ent_reader_attr(n, "content");
  if (!content) return;
  static const char *const keys[] = {"property", "name", "itemprop", "http-equiv", NULL};
  for (size_t k = 0; keys[k]; k++) {
    char *key = ent_reader_attr(n, keys[k]);
    if (!key) continue;
    if (!strcasecmp(key, "og:title") || !strcasecmp(key, "twitter:title"))
      first(&m->og_title, ent_reader_line_new(content, 1024));
    else if (!strcasecmp(key, "article:published_time") ||
             !strcasecmp(key, "og:article:published_time") ||
             !strcasecmp(key, "article:published"))
      first(&m->pub_meta, ent_reader_date_new(content));
    else if (!strcasecmp(key, "author") || !strcasecmp(key, "article:author") ||
             !strcasecmp(key, "dc.creator") || !strcasecmp(key, "dcterms.creator"))
      first(&m->author_meta, author_new(content));
    else if (!strcasecmp(key, "content-language") || !strcasecmp(key, "dc.language") ||
             !strcasecmp(key, "language"))
      first(&m->lang_meta, ent_reader_lang_new(content));
    else if (!strcasecmp(key, "og:locale"))
      first(&m->og_locale, ent_reader_lang_new(content));
    else if (!strcasecmp(key, "og:url"))
      first(&m->og_url, ent_reader_url_new(content));
    else
      for (size_t d = 0; DATE_NAMES[d]; d++)
        if (!strcasecmp(key, DATE_NAMES[d])) first(&m->name_date, ent_reader_date_new(content));
    xmlFree(key);
  }
  xmlFree(content);
}

/* ---- JSON-LD (schema.org) ---- */

typedef struct {
  char *date, *author, *lang, *headline;
} ld_info;

static void ld_clear(ld_info *l) {
  free(l->date);
  free(l->author);
  free(l->lang);
  free(l->headline);
  memset(l, 0, sizeof *l);
}

/* v's member `key`, NULL when v is no object or has none. */
static json_object *ld_get(json_object *v, const char *key) {
  json_object *m = NULL;
  return json_object_object_get_ex(v, key, &m) ? m : NULL;
}

/* v's string, NULL when it is not one (json-c would print a number). */
static const char *ld_str(json_object *v) {
  return json_object_is_type(v, json_type_string) ? json_object_get_string(v) : NULL;
}

static bool ld_is_article(json_object *type) {
  static const char *const kinds[] = {"Article", "BlogPosting", "Report", "ReportageNews",
                                      NULL};
  if (json_object_is_type(type, json_type_array)) {
    for (size_t i = 0, n = json_object_array_length(type); i < n; i++)
      if (ld_is_article(json_object_array_get_idx(type, i))) return true;
    return false;
  }
  const char *t = ld_str(type);
  for (size_t k = 0; t && kinds[k]; k++)
    if (strstr(t, kinds[k])) return true;
  return false;
}

/* Author names from a string, {"name": …} or an array of them, ", "-joined. */
static void ld_authors(json_object *v, ent_rb *b, int depth) {
  if (depth > 3 || b->len > 250) return;
  if (ld_str(v)) {
    char *a = author_new(ld_str(v));
    if (a) {
      if (b->len) ent_rb_text(b, ", ", 2);
      ent_rb_text(b, a, strlen(a));
    }
    free(a);
  } else if (json_object_is_type(v, json_type_object)) {
    ld_authors(ld_get(v, "name"), b, depth + 1);
  } else if (json_object_is_type(v, json_type_array)) {
    for (size_t i = 0, n = json_object_array_length(v); i < n; i++)
      ld_authors(json_object_array_get_idx(v, i), b, depth + 1);
  }
}

static void ld_object(json_object *o, ld_info *l) {
  const char *date = ld_str(ld_get(o, "datePublished"));
  if (!l->date && date) l->date = ent_reader_date_new(date);
  if (!l->author && ld_get(o, "author")) {
    ent_rb b;
    ent_rb_init(&b, 300, true);
    ld_authors(ld_get(o, "author"), &b, 0);
    l->author = ent_rb_take(&b, NULL);
  }
  const char *lang = ld_str(ld_get(o, "inLanguage"));
  if (!l->lang && lang) l->lang = ent_reader_lang_new(lang);
  const char *h = ld_str(ld_get(o, "headline"));
  if (!l->headline && h) l->headline = ent_reader_line_new(h, 1024);
}

/* Articles first (typed), anything with the fields second (any); through
 * arrays and @graph, at most 8 levels and 4096 values. */
static void ld_walk(json_object *v, ld_info *typed, ld_info *any, int depth, int *budget) {
  if (depth > 8 || --*budget < 0) return;
  if (json_object_is_type(v, json_type_array)) {
    for (size_t i = 0, n = json_object_array_length(v); i < n; i++)
      ld_walk(json_object_array_get_idx(v, i), typed, any, depth + 1, budget);
  } else if (json_object_is_type(v, json_type_object)) {
    if (ld_is_article(ld_get(v, "@type"))) ld_object(v, typed);
    ld_object(v, any);
    json_object *graph = ld_get(v, "@graph");
    if (graph) ld_walk(graph, typed, any, depth + 1, budget);
  }
}

/* Deeper than json-c's default (32): a page's JSON-LD may nest more than
 * the few levels read here, and is refused whole when it nests too deep. */
#define LD_MAX_DEPTH 1024

static void jsonld(const xmlNode *script, page_meta *m) {
  char *type = ent_reader_attr(script, "type");
  bool ld = type && strncasecmp(type + strspn(type, " \t\r\n"), "application/ld+json", 19) == 0;
  xmlFree(type);
  if (!ld) return;
  xmlChar *src = xmlNodeGetContent(script);
  if (!src) return;
  /* Lenient (pages write JSON-LD by hand), but whole: a value followed by
   * more than white space is broken. */
  json_tokener *tok = json_tokener_new_ex(LD_MAX_DEPTH);
  size_t n = strlen((const char *)src);
  json_object *root = tok && n < INT32_MAX ? json_tokener_parse_ex(tok, (const char *)src, (int)n + 1) : NULL;
  if (root && json_tokener_get_parse_end(tok) != n) {
    json_object_put(root);
    root = NULL;
  }
  json_tokener_free(tok);
  xmlFree(src);
  if (!root) return; /* broken JSON-LD is common; the other sources remain */
  ld_info typed = {0}, any = {0};
  int budget = 4096;
  ld_walk(root, &typed, &any, 0, &budget);
  json_object_put(root);
  ld_info *from[] = {&typed, &any};
  for (size_t i = 0; i < 2; i++) {
    first(&m->ld_date, from[i]->date);
    first(&m->ld_author, from[i]->author);
    first(&m->ld_lang, from[i]->lang);
    first(&m->ld_headline, from[i]->headline);
    memset(from[i], 0, sizeof *from[i]);
  }
  ld_clear(&typed);
  ld_clear(&any);
}

static void collect_meta(const xmlDoc *doc, page_meta *m) {
  const xmlNode *top = (const xmlNode *)doc;
  const xmlNode *root = xmlDocGetRootElement(doc);
  if (root) {
    char *lang = ent_reader_attr(root, "lang");
    if (!lang) lang = (char *)xmlGetNsProp(root, BAD_CAST "lang", XML_XML_NAMESPACE);
    m->lang_attr = ent_reader_lang_new(lang);
    xmlFree(lang);
  }
  for (const xmlNode *n = doc->children; n; n = next_node(n, top, true)) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (ent_reader_is(n, "meta")) {
      meta_tag(n, m);
    } else if (ent_reader_is(n, "link")) {
      char *rel = ent_reader_attr(n, "rel"), *href = ent_reader_attr(n, "href");
      if (rel && href && ent_reader_has_token(rel, "canonical"))
        first(&m->canonical, ent_reader_url_new(href));
      xmlFree(rel);
      xmlFree(href);
    } else if (ent_reader_is(n, "title") && !m->title) {
      m->title = text_line_new(n, 1024);
    } else if (ent_reader_is(n, "script")) {
      jsonld(n, m);
    } else if (ent_reader_is(n, "time") && !m->time_date && !in_noise(n, false)) {
      char *dt = ent_reader_attr(n, "datetime");
      m->time_date = dt ? ent_reader_date_new(dt) : NULL;
      if (!m->time_date) { /* <time>23 avril 2024</time> */
        char *t = text_line_new(n, 100);
        m->time_date = ent_reader_date_new(t);
        free(t);
      }
      xmlFree(dt);
    } else if (ent_reader_is(n, "h1") && !m->h1 && !in_noise(n, true)) {
      m->h1 = text_line_new(n, 1024);
    } else if (!m->rel_author) {
      char *rel = ent_reader_attr(n, "rel"), *ip = ent_reader_attr(n, "itemprop");
      bool name = (ent_reader_is(n, "a") && rel && ent_reader_has_token(rel, "author")) ||
                  (ip && ent_reader_has_token(ip, "author") && !ent_reader_is(n, "meta"));
      if (name && !in_noise(n, false)) { /* not a commenter's link */
        char *t = text_line_new(n, 300);
        m->rel_author = author_new(t);
        free(t);
      }
      xmlFree(rel);
      xmlFree(ip);
    }
  }
}

/* The headline in the article block itself beats one elsewhere. */
static char *block_h1(const xmlNode *const *blocks, size_t k) {
  for (size_t i = 0; i < k; i++) {
    const xmlNode *h = find_element(blocks[i], "h1");
    if (h) return text_line_new(h, 1024);
  }
  return NULL;
}

static char *pick(char **a, char **b, char **c, char **d) {
  char **v[] = {a, b, c, d};
  for (size_t i = 0; i < 4; i++)
    if (v[i] && *v[i]) {
      char *s = *v[i];
      *v[i] = NULL;
      return s;
    }
  return NULL;
}

/* ---- the page ---- */

#define MAX_BLOCKS 64

entente_status ent_reader_html(const char *buf, size_t len, ent_reader_source **src_new,
                               ent_reader_error *err) {
  if (!buf || !src_new) return ENTENTE_ERR_ARG;
  *src_new = NULL;
  entente_status st;
  xmlDoc *doc = ent_reader_parse_html(buf, len, NULL, &st, err);
  if (!doc) return st;
  ent_reader_source *src = calloc(1, sizeof *src);
  recs r = {0};
  page_meta m = {0};
  const xmlNode *blocks[MAX_BLOCKS];
  size_t k = 0;
  ent_rb b;
  ent_rb_init(&b, ENTENTE_MAX_ARTICLE_BYTES, false);
  xmlNode *body = (xmlNode *)body_of(doc);
  st = ENTENTE_ERR_NOMEM;
  if (!src) goto out;
  if (body) k = choose_blocks(body, &r, blocks, MAX_BLOCKS);
  if (r.nomem) goto out;
  for (size_t i = 0; i < k; i++) {
    ent_rb_break(&b);
    ent_reader_text(blocks[i], &b, ENT_WALK_PAGE, true);
  }
  if (!b.len && !b.over && body) /* everything looked like boilerplate: read it all */
    ent_reader_text(body, &b, ENT_WALK_PAGE, false);
  if (b.nomem) goto out;
  if (b.over) {
    ent_reader_fail(err, "the article text is larger than the limit of %u bytes",
                    ENTENTE_MAX_ARTICLE_BYTES);
    st = ENTENTE_ERR_TOO_LARGE;
    goto out;
  }
  if (!b.len) {
    ent_reader_fail(err, "the page holds no article text");
    st = ENTENTE_ERR_EMPTY;
    goto out;
  }
  collect_meta(doc, &m);
  char *h1 = block_h1(blocks, k);
  src->format = ENT_READER_HTML;
  src->text = ent_rb_take(&b, &src->len);
  src->title = pick(&m.og_title, h1 ? &h1 : &m.h1, &m.ld_headline, &m.title);
  free(h1);
  src->date = pick(&m.pub_meta, &m.ld_date, &m.time_date, &m.name_date);
  src->author = pick(&m.author_meta, &m.ld_author, &m.rel_author, NULL);
  src->lang = pick(&m.lang_attr, &m.lang_meta, &m.og_locale, &m.ld_lang);
  src->url = pick(&m.canonical, &m.og_url, NULL, NULL);
  *src_new = src;
  src = NULL;
  st = ENTENTE_OK;
out:
  if (st == ENTENTE_ERR_NOMEM) ent_reader_fail(err, "out of memory");
  meta_clear(&m);
  ent_rb_clear(&b);
  free(r.v);
  ent_reader_source_free(src);
  xmlFreeDoc(doc);
  return st;
}

char *ent_reader_fragment_new(const char *html, size_t len, entente_status *st,
                              ent_reader_error *err) {
  xmlDoc *doc = ent_reader_parse_html(html, len, "UTF-8", st, err);
  if (!doc) return NULL;
  const xmlNode *body = body_of(doc);
  ent_rb b;
  ent_rb_init(&b, ENTENTE_MAX_ARTICLE_BYTES, false);
  ent_reader_text(body, &b, ENT_WALK_FRAGMENT, true);
  if (!b.len && !b.over) ent_reader_text(body, &b, ENT_WALK_FRAGMENT, false);
  xmlFreeDoc(doc);
  *st = b.nomem ? ENTENTE_ERR_NOMEM : b.over ? ENTENTE_ERR_TOO_LARGE
                                             : b.len ? ENTENTE_OK : ENTENTE_ERR_EMPTY;
  if (*st == ENTENTE_ERR_TOO_LARGE)
    ent_reader_fail(err, "an item's text is larger than the limit of %u bytes",
                    ENTENTE_MAX_ARTICLE_BYTES);
  char *s = *st == ENTENTE_OK ? ent_rb_take(&b, NULL) : NULL;
  ent_rb_clear(&b);
  return s;
}

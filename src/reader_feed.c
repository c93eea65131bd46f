/* reader_feed: RSS (0.9x, 1.0, 2.0) and Atom 1.0 feeds, one article an item.
 *
 * Parsed with libxml2's XML parser from memory with XML_PARSE_NONET and
 * without XML_PARSE_NOENT, _DTDLOAD, _DTDATTR, _XINCLUDE or _HUGE: no DTD
 * is read, no entity is substituted, libxml2's size and depth limits hold.
 * On top of that an entity declaration stops the parse and the feed is
 * refused: no feed needs one, and they are what billion-laughs and
 * external-entity (file:///etc/passwd) attacks are made of. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/uri.h>

#include "reader_int.h"
#include "text.h"

#define NS_ATOM "http://www.w3.org/2005/Atom"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_DC "http://purl.org/dc/elements/1.1/"

/* Which namespaces an element name may come in. */
typedef enum {
  NS_RSS,      /* none (RSS 0.9x/2.0), RSS 1.0 or RSS 0.9's */
  NS_ATOM_ANY, /* Atom, or none in sloppy feeds */
  NS_DC_ONLY,
  NS_CONTENT_ONLY
} ns_kind;

static bool ns_ok(const xmlNode *n, ns_kind k) {
  const char *href = n->ns && n->ns->href ? (const char *)n->ns->href : NULL;
  switch (k) {
  case NS_RSS:
    return !href || !strcmp(href, "http://purl.org/rss/1.0/") ||
           !strcmp(href, "http://my.netscape.com/rdf/simple/0.9/");
  case NS_ATOM_ANY: return !href || !strcmp(href, NS_ATOM);
  case NS_DC_ONLY: return href && !strcmp(href, NS_DC);
  case NS_CONTENT_ONLY: return href && !strcmp(href, NS_CONTENT);
  }
  return false;
}

static bool is_el(const xmlNode *n, const char *name, ns_kind k) {
  return n && n->type == XML_ELEMENT_NODE && n->name && !strcmp((const char *)n->name, name) &&
         ns_ok(n, k);
}

static const xmlNode *child(const xmlNode *parent, const char *name, ns_kind k) {
  for (const xmlNode *c = parent ? parent->children : NULL; c; c = c->next)
    if (is_el(c, name, k)) return c;
  return NULL;
}

/* The raw text content (entities and CDATA already resolved by libxml2),
 * owned by the caller (xmlFree); NULL when the element is absent. */
static char *content_of(const xmlNode *n) {
  return n ? (char *)xmlNodeGetContent(n) : NULL;
}

static char *line_of(const xmlNode *n, size_t max) {
  char *c = content_of(n);
  char *l = ent_reader_line_new(c, max);
  xmlFree(c);
  return l;
}

/* ---- parsing ---- */

typedef struct {
  bool entities; /* an entity declaration was met: refused */
  bool have_error;
  int line, code;
  char msg[160];
} feed_parse;

static void on_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
                           const xmlChar *system_id, xmlChar *content) {
  (void)name, (void)type, (void)public_id, (void)system_id, (void)content;
  xmlParserCtxtPtr c = ctx;
  ((feed_parse *)c->_private)->entities = true;
  xmlStopParser(c);
}

static void on_error(void *ctx, xmlErrorPtr e) {
  xmlParserCtxtPtr c = ctx;
  feed_parse *fp = c ? c->_private : NULL;
  if (!fp || !e || fp->have_error || e->level < XML_ERR_ERROR) return;
  fp->have_error = true;
  fp->line = e->line;
  fp->code = e->code;
  snprintf(fp->msg, sizeof fp->msg, "%s", e->message ? e->message : "unknown error");
  /* one line, no trailing blank: libxml2 ends messages with a newline */
  for (char *p = fp->msg; *p; p++)
    if (*p == '\n' || *p == '\r') *p = ' ';
  for (size_t n = strlen(fp->msg); n && fp->msg[n - 1] == ' ';) fp->msg[--n] = '\0';
}

static xmlDoc *parse_feed(const char *buf, size_t len, entente_status *st,
                          ent_reader_error *err) {
  if (len > ENT_READER_MAX_BYTES) {
    ent_reader_fail(err, "larger than the limit of %u bytes for a page or feed",
                    ENT_READER_MAX_BYTES);
    *st = ENTENTE_ERR_TOO_LARGE;
    return NULL;
  }
  if ((*st = ent_reader_prescan(buf, len, err)) != ENTENTE_OK) return NULL;
  ent_reader_quiet q;
  ent_reader_quiet_begin(&q);
  xmlParserCtxtPtr c = xmlNewParserCtxt();
  feed_parse fp = {0};
  xmlDoc *doc = NULL;
  *st = ENTENTE_ERR_MARKUP;
  if (!c) {
    ent_reader_fail(err, "out of memory");
    *st = ENTENTE_ERR_NOMEM;
  } else {
    c->_private = &fp;
    c->sax->entityDecl = on_entity_decl;
    c->sax->externalSubset = NULL; /* never read an external DTD */
    c->sax->serror = on_error;
    doc = xmlCtxtReadMemory(c, buf, (int)len, NULL, NULL,
                            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                XML_PARSE_NOCDATA);
    if (fp.entities) {
      ent_reader_fail(err, "the feed's DOCTYPE declares entities (refused: entity "
                           "expansion and external entities are never read)");
    } else if (!doc || !c->wellFormed) {
      if (fp.have_error && fp.code == XML_ERR_INTERNAL_ERROR && strstr(fp.msg, "depth"))
        ent_reader_fail(err, "elements nested deeper than %d levels (line %d)",
                        ENT_READER_MAX_DEPTH, fp.line);
      else if (fp.have_error)
        ent_reader_fail(err, "not well-formed XML (line %d: %s)", fp.line, fp.msg);
      else
        ent_reader_fail(err, "not well-formed XML");
      if (!len) *st = ENTENTE_ERR_EMPTY;
    } else {
      *st = ENTENTE_OK;
    }
    if (*st != ENTENTE_OK && doc) {
      xmlFreeDoc(doc);
      doc = NULL;
    }
    xmlFreeParserCtxt(c);
  }
  ent_reader_quiet_end(&q);
  return doc;
}

/* ---- text of items ---- */

/* Plain text: a blank line is a paragraph break, other white space a space. */
static void plain_text(ent_rb *b, const char *s) {
  while (*s) {
    const char *nl = strchr(s, '\n');
    size_t n = nl ? (size_t)(nl - s) : strlen(s);
    bool blank = true;
    for (size_t i = 0; i < n && blank; i++) blank = strchr(" \t\r\f", s[i]) != NULL;
    if (blank) ent_rb_break(b);
    else ent_rb_text(b, s, n);
    ent_rb_space(b);
    s += n + (nl ? 1 : 0);
  }
}

/* Text of HTML (escaped in the feed) or plain text. NULL and *st
 * ENTENTE_ERR_EMPTY when there is none. */
static char *html_or_plain_new(const char *s, bool html, entente_status *st,
                               ent_reader_error *err) {
  if (!s) {
    *st = ENTENTE_ERR_EMPTY;
    return NULL;
  }
  if (html) return ent_reader_fragment_new(s, strlen(s), st, err);
  ent_rb b;
  ent_rb_init(&b, ENTENTE_MAX_ARTICLE_BYTES, false);
  plain_text(&b, s);
  *st = b.nomem ? ENTENTE_ERR_NOMEM : b.over ? ENTENTE_ERR_TOO_LARGE
                                             : b.len ? ENTENTE_OK : ENTENTE_ERR_EMPTY;
  if (*st == ENTENTE_ERR_TOO_LARGE)
    ent_reader_fail(err, "an item's text is larger than the limit of %u bytes",
                    ENTENTE_MAX_ARTICLE_BYTES);
  char *t = *st == ENTENTE_OK ? ent_rb_take(&b, NULL) : NULL;
  ent_rb_clear(&b);
  return t;
}

/* RSS text: HTML when it holds markup or entities, else plain. */
static char *rss_text_new(const xmlNode *n, entente_status *st, ent_reader_error *err) {
  char *c = content_of(n);
  char *t = html_or_plain_new(c, c && strpbrk(c, "<&"), st, err);
  xmlFree(c);
  return t;
}

/* An Atom text construct (type text, html or xhtml); `src` content is
 * elsewhere, so none. */
static char *atom_text_new(const xmlNode *n, entente_status *st, ent_reader_error *err) {
  *st = ENTENTE_ERR_EMPTY;
  if (!n) return NULL;
  char *type = ent_reader_attr(n, "type"), *src = ent_reader_attr(n, "src");
  char *t = NULL;
  if (src) {
    /* out of line content: nothing to read here */
  } else if (type && !strcasecmp(type, "xhtml")) {
    ent_rb b;
    ent_rb_init(&b, ENTENTE_MAX_ARTICLE_BYTES, false);
    ent_reader_text(n, &b, ENT_WALK_FRAGMENT, true);
    *st = b.nomem ? ENTENTE_ERR_NOMEM : b.over ? ENTENTE_ERR_TOO_LARGE
                                               : b.len ? ENTENTE_OK : ENTENTE_ERR_EMPTY;
    if (*st == ENTENTE_ERR_TOO_LARGE)
      ent_reader_fail(err, "an item's text is larger than the limit of %u bytes",
                      ENTENTE_MAX_ARTICLE_BYTES);
    t = *st == ENTENTE_OK ? ent_rb_take(&b, NULL) : NULL;
    ent_rb_clear(&b);
  } else if (!type || !strcasecmp(type, "text") || !strcasecmp(type, "html") ||
             !strncasecmp(type, "text/", 5)) {
    bool html = type && (!strcasecmp(type, "html") || !strcasecmp(type, "text/html"));
    char *c = content_of(n);
    t = html_or_plain_new(c, html, st, err);
    xmlFree(c);
  }
  xmlFree(type);
  xmlFree(src);
  return t;
}

/* A one-line title from a text construct. */
static char *title_new(const xmlNode *n, bool atom) {
  entente_status st;
  char *t = atom ? atom_text_new(n, &st, NULL) : rss_text_new(n, &st, NULL);
  char *l = ent_reader_line_new(t, 1024);
  free(t);
  return l;
}

/* ", "-joined names of the <author><name> (Atom) or dc:creator children. */
static char *authors_new(const xmlNode *item, bool atom) {
  ent_rb b;
  ent_rb_init(&b, 300, true);
  for (const xmlNode *c = item->children; c; c = c->next) {
    const xmlNode *name = atom ? (is_el(c, "author", NS_ATOM_ANY) ? child(c, "name", NS_ATOM_ANY)
                                                                   : NULL)
                               : is_el(c, "creator", NS_DC_ONLY) ? c : NULL;
    char *s = line_of(name, 200);
    if (s && !strchr(s, '@')) {
      if (b.len) ent_rb_text(&b, ", ", 2);
      ent_rb_text(&b, s, strlen(s));
    }
    free(s);
  }
  return ent_rb_take(&b, NULL);
}

/* RSS <author>: "jdupont@example.org (Jean Dupont)" → "Jean Dupont". */
static char *rss_author_new(const xmlNode *n) {
  char *s = line_of(n, 300);
  if (!s) return NULL;
  char *open = strchr(s, '('), *close = strrchr(s, ')');
  if (open && close && close > open + 1) {
    char *name = ent_reader_line_new((*close = '\0', open + 1), 200);
    free(s);
    return name;
  }
  if (strchr(s, '@')) {
    free(s);
    return NULL;
  }
  return s;
}

/* An Atom link's href made absolute against xml:base when it is relative. */
static char *atom_href_new(const xmlNode *link) {
  char *href = ent_reader_attr(link, "href");
  if (!href) return NULL;
  char *url = ent_reader_url_new(href);
  if (!url) {
    xmlChar *base = xmlNodeGetBase(link->doc, link);
    xmlChar *abs = base ? xmlBuildURI(BAD_CAST href, base) : NULL; /* string work only */
    url = ent_reader_url_new((const char *)abs);
    xmlFree(abs);
    xmlFree(base);
  }
  xmlFree(href);
  return url;
}

static char *alternate_new(const xmlNode *item, ns_kind k) {
  for (const xmlNode *c = item->children; c; c = c->next) {
    if (!is_el(c, "link", k)) continue;
    char *rel = ent_reader_attr(c, "rel");
    bool alt = !rel || !strcasecmp(rel, "alternate");
    xmlFree(rel);
    char *u = alt ? atom_href_new(c) : NULL;
    if (u) return u;
  }
  return NULL;
}

static char *lang_of(const xmlNode *n) {
  xmlChar *l = n ? xmlNodeGetLang(n) : NULL;
  char *t = ent_reader_lang_new((const char *)l);
  xmlFree(l);
  return t;
}

/* One item or entry into *out. ENTENTE_ERR_EMPTY: it has no text. */
static entente_status one_item(const xmlNode *item, const xmlNode *channel, bool atom,
                               ent_reader_source *out, ent_reader_error *err) {
  entente_status st = ENTENTE_ERR_EMPTY;
  memset(out, 0, sizeof *out);
  out->format = atom ? ENT_READER_ATOM : ENT_READER_RSS;
  if (atom) {
    const xmlNode *content = child(item, "content", NS_ATOM_ANY);
    out->text = atom_text_new(content, &st, err);
    if (st == ENTENTE_ERR_EMPTY)
      out->text = atom_text_new(content = child(item, "summary", NS_ATOM_ANY), &st, err);
    if (st != ENTENTE_OK) return st;
    out->title = title_new(child(item, "title", NS_ATOM_ANY), true);
    out->url = alternate_new(item, NS_ATOM_ANY);
    if (!out->url) out->url = line_of(child(item, "id", NS_ATOM_ANY), 2048);
    char *u = ent_reader_url_new(out->url); /* an id that is no http URL is no URL */
    free(out->url);
    out->url = u;
    char *d = content_of(child(item, "published", NS_ATOM_ANY));
    if (!d) d = content_of(child(item, "updated", NS_ATOM_ANY));
    out->date = ent_reader_date_new(d);
    xmlFree(d);
    out->author = authors_new(item, true);
    if (!out->author) out->author = authors_new(channel, true);
    out->lang = lang_of(content ? content : item);
  } else {
    out->text = rss_text_new(child(item, "encoded", NS_CONTENT_ONLY), &st, err);
    if (st == ENTENTE_ERR_EMPTY)
      out->text = rss_text_new(child(item, "description", NS_RSS), &st, err);
    if (st != ENTENTE_OK) return st;
    out->title = title_new(child(item, "title", NS_RSS), false);
    char *link = content_of(child(item, "link", NS_RSS));
    out->url = ent_reader_url_new(link);
    xmlFree(link);
    const xmlNode *guid = child(item, "guid", NS_RSS);
    char *perma = guid ? ent_reader_attr(guid, "isPermaLink") : NULL;
    if (!out->url && guid && !(perma && !strcasecmp(perma, "false"))) {
      char *g = content_of(guid);
      out->url = ent_reader_url_new(g);
      xmlFree(g);
    }
    xmlFree(perma);
    if (!out->url) out->url = alternate_new(item, NS_ATOM_ANY);
    char *d = content_of(child(item, "pubDate", NS_RSS));
    if (!d) d = content_of(child(item, "date", NS_DC_ONLY));
    out->date = ent_reader_date_new(d);
    xmlFree(d);
    out->author = authors_new(item, false);
    if (!out->author) out->author = rss_author_new(child(item, "author", NS_RSS));
    out->lang = lang_of(item);
    if (!out->lang) out->lang = line_of(child(item, "language", NS_DC_ONLY), 40);
    const xmlNode *cl = child(channel, "language", NS_RSS);
    if (!cl) cl = child(channel, "language", NS_DC_ONLY);
    if (!out->lang && cl) out->lang = line_of(cl, 40);
    char *l = ent_reader_lang_new(out->lang);
    free(out->lang);
    out->lang = l;
  }
  out->len = strlen(out->text);
  return ENTENTE_OK;
}

entente_status ent_reader_feed(const char *buf, size_t len, ent_reader_source **items_new,
                               size_t *n, ent_reader_error *err) {
  if (!buf || !items_new || !n) return ENTENTE_ERR_ARG;
  *items_new = NULL;
  *n = 0;
  entente_status st;
  xmlDoc *doc = parse_feed(buf, len, &st, err);
  if (!doc) return st;
  const xmlNode *root = xmlDocGetRootElement(doc);
  const xmlNode *channel = NULL;
  const char *entry = NULL;
  bool atom = false;
  if (is_el(root, "rss", NS_RSS)) {
    channel = child(root, "channel", NS_RSS);
    entry = "item";
  } else if (root && root->name && !strcmp((const char *)root->name, "RDF")) {
    channel = child(root, "channel", NS_RSS); /* RSS 1.0: items beside the channel */
    entry = "item";
  } else if (is_el(root, "feed", NS_ATOM_ANY)) {
    channel = root;
    entry = "entry";
    atom = true;
  } else {
    ent_reader_fail(err, "not an RSS or Atom feed (the root element is <%.40s>)",
                    root && root->name ? (const char *)root->name : "none");
    xmlFreeDoc(doc);
    return ENTENTE_ERR_MARKUP;
  }
  ent_reader_source *items = NULL;
  size_t count = 0, cap = 0, index = 0;
  st = ENTENTE_OK;
  /* Items are children of the channel (RSS 0.9x/2.0, Atom) or of the root (RSS 1.0). */
  const xmlNode *parents[2] = {channel, root != channel ? root : NULL};
  for (size_t p = 0; p < 2 && st == ENTENTE_OK; p++) {
    for (const xmlNode *c = parents[p] ? parents[p]->children : NULL; c && st == ENTENTE_OK;
         c = c->next) {
      if (!is_el(c, entry, atom ? NS_ATOM_ANY : NS_RSS)) continue;
      index++;
      if (count == cap) {
        size_t nc = cap ? cap * 2 : 16;
        ent_reader_source *v = realloc(items, nc * sizeof *v);
        if (!v) {
          st = ENTENTE_ERR_NOMEM;
          ent_reader_fail(err, "out of memory");
          break;
        }
        items = v;
        cap = nc;
      }
      ent_reader_error e = {""};
      entente_status s = one_item(c, channel, atom, &items[count], &e);
      if (s == ENTENTE_OK) {
        count++;
      } else {
        ent_reader_source_clear(&items[count]);
        if (s != ENTENTE_ERR_EMPTY) { /* an item without text is skipped; worse stops */
          ent_reader_fail(err, "item %zu: %s", index, e.msg[0] ? e.msg : entente_strerror(s));
          st = s;
        }
      }
    }
  }
  xmlFreeDoc(doc);
  if (st == ENTENTE_OK && count == 0) {
    ent_reader_fail(err, index ? "no item of the feed has any text" : "the feed has no items");
    st = ENTENTE_ERR_EMPTY;
  }
  if (st != ENTENTE_OK) {
    ent_reader_sources_free(items, count);
    return st;
  }
  *items_new = items;
  *n = count;
  return ENTENTE_OK;
}

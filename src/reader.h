/* reader: web pages and news feeds to article text, with libxml2.
 *
 * A page (HTML) gives one article; a feed (RSS 0.9x/1.0/2.0 or Atom 1.0)
 * gives one article per item. Each article is its text — UTF-8, paragraphs
 * separated by one "\n", whitespace collapsed inside a paragraph, entities
 * decoded — and what the markup says about it: headline, date (YYYY-MM-DD),
 * author, language and canonical URL.
 *
 * Safety: everything is parsed from memory. libxml2 never touches the
 * network or the file system (no DTD loading, no external entities, no
 * XInclude); a feed whose DOCTYPE declares entities is refused (billion
 * laughs, external entities); input over ENT_READER_MAX_BYTES is refused
 * before parsing; nesting deeper than ENT_READER_MAX_DEPTH and tags with
 * more than ENT_READER_MAX_ATTRS attributes are refused (they make
 * libxml2 2.9's parser slow); every walk over a tree is iterative. Output
 * is always valid UTF-8 that ent_text_check accepts.
 *
 * libxml2 reports nothing on stderr while the reader runs: what went wrong
 * is in the ent_reader_error the caller passes. */
#ifndef ENT_READER_H
#define ENT_READER_H

#include <stdbool.h>
#include <stddef.h>

#include "entente.h"

/** Largest page or feed accepted, in bytes (checked before parsing). */
#define ENT_READER_MAX_BYTES (16u * 1024u * 1024u)
/** Deepest element nesting accepted: libxml2's own limit without
 * XML_PARSE_HUGE, for pages and feeds alike. */
#define ENT_READER_MAX_DEPTH 256
/** Most attributes accepted on one tag. */
#define ENT_READER_MAX_ATTRS 1024

typedef enum {
  ENT_READER_AUTO = 0, /* only as a request: detect from the content */
  ENT_READER_TEXT,     /* plain UTF-8 text, one article */
  ENT_READER_HTML,     /* a web page, one article */
  ENT_READER_RSS,      /* an RSS feed (0.9x, 1.0 or 2.0), one article an item */
  ENT_READER_ATOM      /* an Atom 1.0 feed, one article an entry */
} ent_reader_format;

/** One article read from a page, a feed item or plain text. Every string
 * is owned by the struct (NUL-terminated UTF-8) and NULL when unknown,
 * except `text`, never NULL. */
typedef struct {
  ent_reader_format format; /* what it was read from */
  char *text;               /* the article text */
  size_t len;               /* strlen(text) */
  char *title;              /* headline */
  char *date;               /* publication date, YYYY-MM-DD */
  char *author;             /* author name(s), ", "-separated */
  char *lang;               /* BCP 47 language tag ("fr", "fr-FR") */
  char *url;                /* canonical absolute http(s) URL, no fragment */
} ent_reader_source;

/** Why a read failed, for a one-line message (filled on failure only). */
typedef struct {
  char msg[256];
} ent_reader_error;

/** The format of buf[0..len) guessed from its first markup: <rss> or
 * <rdf:RDF> → RSS, <feed> → Atom, any other tag, comment or doctype at the
 * start → HTML, else text. Never returns ENT_READER_AUTO. */
ent_reader_format ent_reader_detect(const char *buf, size_t len);

/** "auto", "text", "html", "rss" or "atom" (static). */
const char *ent_reader_format_name(ent_reader_format f);

/** Parse a format name (as ent_reader_format_name writes it) into *f;
 * false when it is none of them. */
bool ent_reader_format_parse(const char *name, ent_reader_format *f);

/**
 * Read the page buf[0..len) (any charset libxml2 knows, declared by a BOM
 * or <meta charset>; undeclared bytes that are not UTF-8 are read as
 * Latin-1). On success *src_new is owned by the caller
 * (ent_reader_source_free). Errors: ENTENTE_ERR_TOO_LARGE (input or text
 * over the limits), ENTENTE_ERR_MARKUP (hostile or unreadable markup),
 * ENTENTE_ERR_EMPTY (no article text), ENTENTE_ERR_NOMEM; `err` (may be
 * NULL) says why. Buffers are borrowed.
 */
entente_status ent_reader_html(const char *buf, size_t len, ent_reader_source **src_new,
                               ent_reader_error *err);

/**
 * Read the feed buf[0..len): RSS or Atom. Each item with text becomes one
 * article, in document order; items without any text are left out. The
 * text comes from content:encoded, Atom content or (failing those)
 * description / summary; HTML inside them is read like a page's body.
 * On success *items_new (an array of *n) is owned by the caller
 * (ent_reader_sources_free). Errors as ent_reader_html, and
 * ENTENTE_ERR_EMPTY when no item has text.
 */
entente_status ent_reader_feed(const char *buf, size_t len, ent_reader_source **items_new,
                               size_t *n, ent_reader_error *err);

/**
 * Read buf[0..len) as `format` (ENT_READER_AUTO: ent_reader_detect). Text
 * becomes one article whose text is a copy of the input, checked with
 * ent_text_check. Ownership and errors as ent_reader_feed.
 */
entente_status ent_reader_read(const char *buf, size_t len, ent_reader_format format,
                               ent_reader_source **items_new, size_t *n,
                               ent_reader_error *err);

/**
 * The publication date in s — ISO 8601 ("2024-04-23", "2024-04-23T10:00:00+02:00",
 * "20240423") or RFC 822/1123 ("Tue, 23 Apr 2024 10:00:00 GMT", two-digit
 * years too) — as YYYY-MM-DD into out. The day is the one written (no time
 * zone shift). False when s holds no real calendar date. s is borrowed.
 */
bool ent_reader_date(const char *s, char out[11]);

/** Release one article; NULL is a no-op. */
void ent_reader_source_free(ent_reader_source *src);

/** Release an array of n articles; NULL is a no-op. */
void ent_reader_sources_free(ent_reader_source *items, size_t n);

#endif

/* reader_int: what reader.c, reader_html.c and reader_feed.c share. Not part
 * of the reader's API (src/reader.h); nothing outside those files includes it. */
#ifndef ENT_READER_INT_H
#define ENT_READER_INT_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "reader.h"

/* Text builder: appends markup text, collapsing whitespace, and turns
 * paragraph breaks into one "\n". Every code point goes through the same
 * cleaning (see rb_put in reader.c), so what comes out is valid UTF-8 that
 * ent_text_check accepts (or nothing). It stops growing past `limit`
 * bytes and sets `over`. */
typedef struct {
  char *s;
  size_t len, cap, limit;
  int pending;      /* 0 nothing, 1 a space, 2 a line break before the next character */
  bool single_line; /* breaks become spaces (titles, names) */
  bool over;        /* more than `limit` bytes were offered */
  bool nomem;
} ent_rb;

void ent_rb_init(ent_rb *b, size_t limit, bool single_line);
/** Append s[0..n) (any bytes: invalid UTF-8 becomes U+FFFD). */
void ent_rb_text(ent_rb *b, const char *s, size_t n);
/** A space (collapsed with its neighbours). */
void ent_rb_space(ent_rb *b);
/** A paragraph break (collapsed with its neighbours; none at the start). */
void ent_rb_break(ent_rb *b);
/** The text so far as a new string owned by the caller (the builder is
 * emptied); NULL when empty or out of memory (b->nomem says which). */
char *ent_rb_take(ent_rb *b, size_t *len);
void ent_rb_clear(ent_rb *b);

/** Free what s owns and zero it (s itself is not freed). */
void ent_reader_source_clear(ent_reader_source *s);

/** Set err (may be NULL) to the formatted message. */
void ent_reader_fail(ent_reader_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/** Refuse input libxml2 2.9 parses in quadratic time: tags with too many
 * attributes. ENTENTE_OK or ENTENTE_ERR_MARKUP (err set). */
entente_status ent_reader_prescan(const char *buf, size_t len, ent_reader_error *err);

/** Silence libxml2's process-wide error output for the duration of a
 * parse (saved and restored, so a host's own handler survives). */
typedef struct {
  void *ctx, *sctx;
  xmlGenericErrorFunc fn;
  xmlStructuredErrorFunc sfn;
} ent_reader_quiet;
void ent_reader_quiet_begin(ent_reader_quiet *q);
void ent_reader_quiet_end(const ent_reader_quiet *q);

/** The element's local name in lower case equals `name` (ASCII). */
bool ent_reader_is(const xmlNode *n, const char *name);
/** An attribute's value (owned by the caller, xmlFree), NULL when absent. */
char *ent_reader_attr(const xmlNode *n, const char *name);
/** A value whitespace-separated token list holds `tok` (ASCII, any case). */
bool ent_reader_has_token(const char *list, const char *tok);

/** A one-line cleaned copy of s (whitespace collapsed, trimmed, at most
 * `max` bytes cut at a character boundary); NULL when empty. Caller frees. */
char *ent_reader_line_new(const char *s, size_t max);
/** An absolute http(s) URL without its fragment, or NULL when s is not one
 * (relative, other scheme, spaces or characters IRIs forbid). Caller frees. */
char *ent_reader_url_new(const char *s);
/** A BCP 47 tag ("fr", "fr-FR"; "fr_FR" is mended), or NULL. Caller frees. */
char *ent_reader_lang_new(const char *s);
/** ent_reader_date into a new string, or NULL. Caller frees. */
char *ent_reader_date_new(const char *s);

/** How ent_reader_text walks a subtree. */
typedef enum {
  ENT_WALK_PAGE,     /* a page's article block: h1 (the headline) is left out */
  ENT_WALK_FRAGMENT, /* HTML of a feed item: everything but boilerplate */
} ent_walk_mode;

/** Is this element boilerplate never read (script, nav, share buttons…)?
 * `by_class`: also judge by class, id and role. */
bool ent_reader_boilerplate(const xmlNode *n, bool by_class);

/** Append the readable text of the subtree at n to b (iterative walk). */
void ent_reader_text(const xmlNode *n, ent_rb *b, ent_walk_mode mode, bool by_class);

/** Parse HTML from memory (no network, no file system), libxml2's errors
 * silenced. `encoding` NULL: as declared, else UTF-8 when valid, else
 * windows-1252. NULL with err and *st set on failure. The caller frees the
 * document (xmlFreeDoc). */
xmlDoc *ent_reader_parse_html(const char *buf, size_t len, const char *encoding,
                              entente_status *st, ent_reader_error *err);

/** The text of an HTML fragment (a feed item's content) as a new string
 * owned by the caller, or NULL (*st says why: ENTENTE_ERR_EMPTY when it
 * holds no text). */
char *ent_reader_fragment_new(const char *html, size_t len, entente_status *st,
                              ent_reader_error *err);

#endif

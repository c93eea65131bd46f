/* cli_input: one input file as articles, through the reader (src/reader.h):
 * plain text, a web page or a feed, as --input says or as detected from the
 * content. A page is one article, a feed one article an item. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "reader.h"
#include "text.h"

/* Read `path` and turn it into articles (*items_new owned by the caller,
 * ent_reader_sources_free). Errors are printed. */
static entente_status read_input(const char *path, ent_reader_format format,
                                 ent_reader_source **items_new, size_t *n) {
  char *buf = NULL;
  size_t len = 0;
  /* Pages and feeds may be bigger than the text they hold; the reader
   * holds each article's text to ENTENTE_MAX_ARTICLE_BYTES. */
  entente_status st = cli_read_file(path, ENT_READER_MAX_BYTES, &buf, &len);
  if (st != ENTENTE_OK) return st;
  ent_reader_error err = {""};
  st = ent_reader_read(buf, len, format, items_new, n, &err);
  free(buf);
  if (st != ENTENTE_OK)
    cli_error("%s: %s", strcmp(path, "-") == 0 ? "stdin" : path,
              err.msg[0] ? err.msg : entente_strerror(st));
  return st;
}

int cli_input_option(const char *arg, ent_reader_format *f) {
  if (ent_reader_format_parse(arg, f)) return CLI_OK;
  cli_error("--input %s: unknown input format (text, html, rss, atom, auto)", arg);
  return CLI_USAGE;
}

bool cli_input_check(const char *path, ent_reader_format format) {
  ent_reader_source *items = NULL;
  size_t n = 0;
  if (read_input(path, format, &items, &n) != ENTENTE_OK) return false;
  ent_reader_sources_free(items, n);
  return true;
}

/* <base>article/<slug of the file's stem>-<k>: the IRI of a feed item
 * without a link, stable across runs as long as the feed keeps its order.
 * A new string owned by the caller, or NULL. */
static char *item_iri_new(const char *base, const char *path, size_t k) {
  const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
  const char *dot = strrchr(name, '.');
  char *slug = ent_slug_new(name, dot && dot != name ? (size_t)(dot - name) : strlen(name));
  size_t n = strlen(base) + (slug ? strlen(slug) : 0) + 48;
  char *iri = slug ? malloc(n) : NULL;
  if (iri) snprintf(iri, n, "%sarticle/%s-%zu", base, *slug ? slug : "feed", k);
  free(slug);
  return iri;
}

bool cli_input_each(const char *path, const cli_articles_opts *o, cli_article_fn fn,
                    void *arg) {
  ent_reader_source *items = NULL;
  size_t n = 0;
  if (read_input(path, o->input, &items, &n) != ENTENTE_OK) return false;
  bool is_stdin = strcmp(path, "-") == 0, ok = true;
  const char *base = o->base ? o->base : ENTENTE_DEFAULT_BASE;
  for (size_t k = 0; ok && k < n; k++) {
    const ent_reader_source *it = &items[k];
    bool feed = it->format == ENT_READER_RSS || it->format == ENT_READER_ATOM;
    char where[1024];
    if (feed) snprintf(where, sizeof where, "%s: item %zu", is_stdin ? "stdin" : path, k + 1);
    else snprintf(where, sizeof where, "%s", path);
    char *iri = feed && !it->url && !is_stdin ? item_iri_new(base, path, k + 1) : NULL;
    if (feed && !it->url && !is_stdin && !iri) {
      cli_error("%s: out of memory", where);
      ok = false;
      break;
    }
    /* The user's --date beats the page's own; the canonical URL names it.
     * Plain text records nothing more than before. */
    entente_source src = {ent_reader_format_name(it->format), it->url, it->author, it->lang};
    entente_article art = {is_stdin ? "stdin" : path, o->date ? o->date : it->date, o->base,
                           it->url ? it->url : iri, it->title,
                           it->format == ENT_READER_TEXT ? NULL : &src};
    ok = fn(arg, it->text, it->len, &art, where) == ENTENTE_OK;
    free(iri);
  }
  ent_reader_sources_free(items, n);
  return ok;
}

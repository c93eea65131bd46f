/* cli_input: one input file as articles, through the reader (src/reader.h):
 * plain text, a web page or a feed, as --input says or as detected from the
 * content. A page is one article, a feed one article an item. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "graph.h"
#include "reader.h"
#include "strmap.h"
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

/* The article IRIs made from names in this run, each with the input that
 * had it first (cli_article_claim): the 64-bit hashes of the IRI and of the
 * input's key, and the input's name in one buffer, some 60 bytes a claim
 * (copies of the three strings took 550: memory grew with the files of a
 * run). Two IRIs with one hash, odds of 1 in 2^64 a pair, would be taken
 * for one. A command is one process: the claims last until it exits. */
typedef struct {
  uint64_t iri, key; /* iri 0: an empty slot */
  size_t where;      /* offset of the input's name in claims.names */
} claim;
static struct {
  claim *slots;
  size_t cap, n;
  char *names;
  size_t names_len, names_cap;
} claims;

static void claims_free(void) {
  free(claims.slots);
  free(claims.names);
  memset(&claims, 0, sizeof claims);
}

/* The slot of IRI hash h: its claim, or the empty slot where it goes. */
static claim *claim_slot(claim *slots, size_t cap, uint64_t h) {
  size_t i = (size_t)h & (cap - 1);
  while (slots[i].iri && slots[i].iri != h) i = (i + 1) & (cap - 1);
  return &slots[i];
}

static bool claims_grow(void) {
  size_t cap = claims.cap ? claims.cap * 2 : 64;
  claim *slots = calloc(cap, sizeof *slots);
  if (!slots) return false;
  for (size_t i = 0; i < claims.cap; i++)
    if (claims.slots[i].iri) *claim_slot(slots, cap, claims.slots[i].iri) = claims.slots[i];
  if (!claims.slots) atexit(claims_free);
  free(claims.slots);
  claims.slots = slots;
  claims.cap = cap;
  return true;
}

/* Keep a copy of `where` in claims.names; its offset, or SIZE_MAX. */
static size_t claims_name(const char *where) {
  size_t len = strlen(where) + 1;
  if (claims.names_len + len > claims.names_cap) {
    size_t cap = claims.names_cap ? claims.names_cap * 2 : 4096;
    while (cap < claims.names_len + len) cap *= 2;
    char *names = realloc(claims.names, cap);
    if (!names) return SIZE_MAX;
    claims.names = names;
    claims.names_cap = cap;
  }
  memcpy(claims.names + claims.names_len, where, len);
  claims.names_len += len;
  return claims.names_len - len;
}

entente_status cli_article_claim(const char *iri, const char *key, const char *where,
                                 const char *hint) {
  uint64_t h = ent_strhash(iri), k = ent_strhash(key);
  if (!h) h = 1;
  /* Three quarters full at most: the record grows with the batch. */
  if ((claims.n + 1) * 4 > claims.cap * 3 && !claims_grow()) goto nomem;
  claim *c = claim_slot(claims.slots, claims.cap, h);
  if (c->iri) {
    if (c->key == k) return ENTENTE_OK; /* the same input again */
    cli_error("%s: its article IRI <%s> is already that of %s (%s)", where, iri,
              claims.names + c->where, hint);
    return ENTENTE_ERR_ARG;
  }
  size_t off = claims_name(where);
  if (off == SIZE_MAX) goto nomem;
  *c = (claim){h, k, off};
  claims.n++;
  return ENTENTE_OK;
nomem:
  cli_error("%s: out of memory", where);
  return ENTENTE_ERR_NOMEM;
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

/* Hand each article of `items` to fn (or, fn NULL, only check them),
 * after claiming the IRI its file name gives it. */
static bool each_item(const char *path, const cli_articles_opts *o, ent_reader_source *items,
                      size_t n, cli_article_fn fn, void *arg) {
  bool is_stdin = strcmp(path, "-") == 0, ok = true;
  const char *base = o->base ? o->base : ENTENTE_DEFAULT_BASE;
  /* What makes two paths one file (a/x.txt, ./a/x.txt, a link to it): its
   * device and inode. Standard input is named by its text, never claimed. */
  char inode[64];
  const char *key = path;
  struct stat sb;
  bool named = !is_stdin && o->base; /* read makes no IRIs */
  if (named && stat(path, &sb) == 0) {
    snprintf(inode, sizeof inode, "%" PRIuMAX ":%" PRIuMAX, (uintmax_t)sb.st_dev,
             (uintmax_t)sb.st_ino);
    key = inode;
  }
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
    /* Two different files whose names give one IRI would share one graph
     * (the second replacing the first in a store): refused. */
    if (named) {
      bool from_name = iri != NULL;
      char *mine = iri ? NULL : ent_article_iri_new(&art, it->text, it->len, &from_name);
      entente_status st = !iri && !mine ? ENTENTE_ERR_NOMEM : ENTENTE_OK;
      if (st == ENTENTE_ERR_NOMEM) cli_error("%s: out of memory", where);
      else if (from_name)
        st = cli_article_claim(
            iri ? iri : mine, key, where,
            iri ? "a feed item without a link is named by the feed's file name, without "
                  "folder and extension, and its place: rename one feed, or read each "
                  "folder in a run of its own with its own --base"
                : "an article is named by its file name, without folder and extension: "
                  "rename one file, or read each folder in a run of its own with its own "
                  "--base");
      free(mine);
      ok = st == ENTENTE_OK;
    }
    if (ok && fn) ok = fn(arg, it->text, it->len, &art, where) == ENTENTE_OK;
    free(iri);
  }
  return ok;
}

bool cli_input_check(const char *path, const cli_articles_opts *o) {
  ent_reader_source *items = NULL;
  size_t n = 0;
  if (read_input(path, o->input, &items, &n) != ENTENTE_OK) return false;
  bool ok = each_item(path, o, items, n, NULL, NULL);
  ent_reader_sources_free(items, n);
  return ok;
}

bool cli_input_each(const char *path, const cli_articles_opts *o, cli_article_fn fn,
                    void *arg) {
  ent_reader_source *items = NULL;
  size_t n = 0;
  if (read_input(path, o->input, &items, &n) != ENTENTE_OK) return false;
  bool ok = each_item(path, o, items, n, fn, arg);
  ent_reader_sources_free(items, n);
  return ok;
}

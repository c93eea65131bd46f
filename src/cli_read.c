/* cli_read: entente read [--input FMT] [-o FILE] [FILE|-]...
 * What the reader finds in texts, web pages and feeds, before any
 * extraction: one JSON object a line per article — "text" and, when known,
 * "title", "date", "url", "author", "lang", "format", "source" — the JSON
 * Lines `entente extract --jsonl` reads back. For looking at what entente
 * reads from a page (boilerplate left out?) and for keeping it. The output
 * is whole or nothing. */
#include <getopt.h>
#include <json-c/json.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct {
  cli_out out;
} read_run;

/* Member `key` of o, taking v (which it frees when it cannot add it). */
static bool add(json_object *o, const char *key, json_object *v) {
  if (v && json_object_object_add(o, key, v) == 0) return true;
  json_object_put(v);
  return false;
}

static bool set(json_object *o, const char *key, const char *v) {
  return !v || add(o, key, json_object_new_string(v));
}

/* One article as one JSON line (a cli_article_fn). */
static entente_status emit(void *arg, const char *text, size_t len, const entente_article *art,
                           const char *where) {
  read_run *r = arg;
  const entente_source *src = art->source;
  json_object *o = json_object_new_object();
  /* A page's own name (the file) names it; a feed item has its URL or, to
   * keep items apart when read back, nothing (then its line number). */
  bool feed = src && src->format && strcmp(src->format, "html") != 0;
  bool ok = o && (feed || set(o, "id", art->name)) && set(o, "url", src ? src->url : NULL) &&
            set(o, "title", art->title) && set(o, "date", art->date) &&
            set(o, "author", src ? src->author : NULL) &&
            set(o, "lang", src ? src->language : NULL) &&
            set(o, "format", src ? src->format : "text") && set(o, "source", art->name) &&
            len <= INT32_MAX && add(o, "text", json_object_new_string_len(text, (int)len));
  /* Members in the order they were added; the string is o's. */
  const char *line = ok ? json_object_to_json_string_ext(
                              o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE)
                        : NULL;
  entente_status st = ENTENTE_ERR_NOMEM;
  if (!line)
    cli_error("%s: out of memory", where);
  else if ((st = cli_out_write(&r->out, line, strlen(line))) == ENTENTE_OK)
    st = cli_out_write(&r->out, "\n", 1);
  json_object_put(o);
  return st;
}

int cli_read(int argc, char **argv) {
  static const struct option opts[] = {{"input", required_argument, NULL, 'i'},
                                       {"output", required_argument, NULL, 'o'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  ent_reader_format input = ENT_READER_AUTO;
  const char *out = NULL;
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "i:o:h", opts, NULL)) != -1) {
    switch (c) {
    case 'i':
      if (cli_input_option(optarg, &input) != CLI_OK) return CLI_USAGE;
      break;
    case 'o': out = optarg; break;
    case 'h':
      puts("usage: entente read [--input text|html|rss|atom|auto] [-o FILE] [FILE|-]...\n"
           "Print what entente reads from each text, web page or feed item — its text\n"
           "and, when the markup gives them, title, date, url, author and language —\n"
           "as JSON Lines (one article a line), the input of 'entente extract --jsonl'.");
      return CLI_OK;
    default: return CLI_USAGE;
    }
  }
  char *const stdin_only[] = {"-"};
  char *const *files = optind < argc ? argv + optind : stdin_only;
  int n = optind < argc ? argc - optind : 1;
  cli_articles_opts ao = {NULL, NULL, false, false, input};
  read_run r;
  if (cli_out_open(&r.out, out) != ENTENTE_OK) return CLI_BAD_INPUT;
  bool ok = true;
  for (int i = 0; ok && i < n; i++) ok = cli_input_each(files[i], &ao, emit, &r);
  if (ok && cli_out_commit(&r.out) == ENTENTE_OK) return CLI_OK;
  if (!ok) cli_out_abort(&r.out);
  return CLI_BAD_INPUT;
}

/* cli_articles: the articles named on a command line, one at a time, for
 * every subcommand that extracts (extract, push): plain files (one article
 * each, "-" = stdin) or, with --jsonl, JSON Lines (one article a line). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "graph.h"
#include "temporal.h"
#include "text.h"

static librdf_model *model_new(librdf_world *w, const char *storage, const char *options,
                               librdf_storage **storage_new) {
  *storage_new = librdf_new_storage(w, storage, NULL, options);
  librdf_model *m = *storage_new ? librdf_new_model(w, *storage_new, NULL) : NULL;
  if (!m && *storage_new) {
    librdf_free_storage(*storage_new);
    *storage_new = NULL;
  }
  return m;
}

librdf_model *cli_memory_model_new(librdf_world *w, librdf_storage **storage_new) {
  return model_new(w, "memory", "contexts='yes'", storage_new);
}

/* librdf's "memory" store compares each triple added without a context with
 * every triple it holds (20 000 triples: 30 s, quadratic); its indexed
 * "hashes" store kept in memory does not (0.1 s). */
librdf_model *cli_triples_model_new(librdf_world *w, librdf_storage **storage_new) {
  return model_new(w, "hashes", "hash-type='memory'", storage_new);
}

bool cli_articles_check(char *const *files, int n, const cli_articles_opts *o) {
  if (o->jsonl) return true; /* lines are checked one by one as they come */
  for (int i = 0; i < n; i++) {
    if (strcmp(files[i], "-") == 0) continue; /* read once, checked then */
    /* A pipe or a device too: reading it twice would wait for ever for a
     * writer that has gone (a FIFO, <(command)). */
    struct stat sb;
    if (stat(files[i], &sb) == 0 && !S_ISREG(sb.st_mode) && !S_ISDIR(sb.st_mode)) continue;
    /* text, page or feed (cli_input.c); text is checked as before */
    if (!cli_input_check(files[i], o)) return false;
  }
  return true;
}

static const char *json_str(json_t *o, const char *key) {
  json_t *v = json_object_get(o, key);
  return json_is_string(v) ? json_string_value(v) : NULL;
}

/* One JSON Lines file. Returns false when the run must stop. */
static bool jsonl(const char *path, const cli_articles_opts *opt, cli_article_fn fn, void *arg,
                  size_t *bad) {
  bool is_stdin = strcmp(path, "-") == 0;
  FILE *f = is_stdin ? stdin : fopen(path, "rb");
  if (!f) {
    cli_error("%s: cannot open", path);
    return false;
  }
  char *line = NULL;
  size_t cap = 0, lineno = 0;
  ssize_t got;
  bool go_on = true;
  while (go_on && (got = getline(&line, &cap, f)) != -1) {
    lineno++;
    if (got <= 1 && (got == 0 || line[0] == '\n')) continue; /* blank line */
    char where[512];
    snprintf(where, sizeof where, "%s:%zu", is_stdin ? "stdin" : path, lineno);
    bool too_long = (size_t)got > ENTENTE_MAX_ARTICLE_BYTES * 2;
    json_error_t err;
    json_t *o = too_long ? NULL : json_loadb(line, (size_t)got, JSON_REJECT_DUPLICATES, &err);
    const char *text = o ? json_str(o, "text") : NULL;
    const char *date = o ? json_str(o, "date") : NULL;
    ent_date d;
    entente_status st = ENTENTE_OK;
    if (!o) {
      cli_error("%s: not a JSON object%s%s", where, too_long ? " (line too long)" : ": ",
                too_long ? "" : err.text);
      st = ENTENTE_ERR_ARG;
    } else if (!json_is_object(o) || !text) {
      cli_error("%s: needs a \"text\" string", where);
      st = ENTENTE_ERR_ARG;
    } else if (date && ent_date_parse_iso(date, &d) != ENTENTE_OK) {
      cli_error("%s: \"date\" %s is not YYYY-MM-DD", where, date);
      st = ENTENTE_ERR_ARG;
    } else {
      /* Named by its "url", else its "id", else the hash of its text: never
       * by its line number, which restarts in every shard of a batch. */
      const char *id = json_str(o, "id"), *url = json_str(o, "url");
      entente_article art = {id, date ? date : opt->date, opt->base, url, json_str(o, "title"),
                             NULL};
      size_t tlen = strlen(text);
      bool from_name = false;
      char *iri = id ? ent_article_iri_new(&art, text, tlen, &from_name) : NULL;
      if (id && !iri) {
        cli_error("%s: out of memory", where);
        st = ENTENTE_ERR_NOMEM;
      } else if (from_name) {
        /* Two different ids giving one IRI would share one graph. */
        st = cli_article_claim(iri, id, where,
                               "a line is named by its \"id\", without folder and extension: "
                               "give the lines \"id\"s that differ there, or a \"url\"");
      }
      free(iri);
      if (st == ENTENTE_OK) st = fn(arg, text, tlen, &art, where);
    }
    if (o) json_decref(o);
    /* What no later line can fix stops the run: the output or the link is gone. */
    if (st == ENTENTE_ERR_IO || st == ENTENTE_ERR_NOMEM || st == ENTENTE_ERR_RDF) go_on = false;
    if (st != ENTENTE_OK) {
      (*bad)++;
      if (opt->strict) go_on = false;
    }
  }
  free(line);
  if (!is_stdin) fclose(f);
  return go_on;
}

bool cli_articles_each(char *const *files, int n, const cli_articles_opts *o, cli_article_fn fn,
                       void *arg, size_t *bad) {
  bool ok = true;
  for (int i = 0; ok && i < n; i++) {
    if (o->jsonl) {
      ok = jsonl(files[i], o, fn, arg, bad);
      continue;
    }
    ok = cli_input_each(files[i], o, fn, arg); /* a text, a page, a feed's items */
  }
  return ok;
}

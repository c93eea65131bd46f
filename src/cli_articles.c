/* cli_articles: the articles named on a command line, one at a time, for
 * every subcommand that extracts (extract, push): plain files (one article
 * each, "-" = stdin) or, with --jsonl, JSON Lines (one article a line). */
#include <json-c/json.h>
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

/* The string `key` of object o; NULL when absent or not a string. *nul is
 * set when it holds a NUL character, which no C string of it would keep. */
static const char *json_str(json_object *o, const char *key, bool *nul) {
  json_object *v;
  if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string))
    return NULL;
  const char *s = json_object_get_string(v);
  if (strlen(s) != (size_t)json_object_get_string_len(v)) *nul = true;
  return s;
}

#define JSONL_MAX_DEPTH 1024

/* One JSON Lines file. Returns false when the run must stop. */
static bool jsonl(const char *path, const cli_articles_opts *opt, cli_article_fn fn, void *arg,
                  size_t *bad) {
  bool is_stdin = strcmp(path, "-") == 0;
  FILE *f = is_stdin ? stdin : fopen(path, "rb");
  if (!f) {
    cli_error("%s: cannot open", path);
    return false;
  }
  /* json-c's default depth (32) would refuse lines of valid JSON that
   * carry deep fields of their own; past 1,024 levels a line is refused
   * (freeing a value recurses once a level). */
  json_tokener *tok = json_tokener_new_ex(JSONL_MAX_DEPTH);
  if (!tok) {
    cli_error("%s: out of memory", path);
    if (!is_stdin) fclose(f);
    return false;
  }
  json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
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
    /* Strict: no comments, no trailing characters; UTF-8 checked. Given
     * the line's NUL too, the parser knows the input ends there. */
    json_object *o = NULL;
    if (!too_long) {
      json_tokener_reset(tok);
      o = json_tokener_parse_ex(tok, line, (int)got + 1);
      if (o && json_tokener_get_parse_end(tok) != (size_t)got) {
        /* It stopped at a NUL byte, which ends its input. */
        json_object_put(o);
        o = NULL;
      }
    }
    bool nul = false;
    bool is_obj = o && json_object_is_type(o, json_type_object);
    const char *text = is_obj ? json_str(o, "text", &nul) : NULL;
    const char *date = is_obj ? json_str(o, "date", &nul) : NULL;
    const char *id = is_obj ? json_str(o, "id", &nul) : NULL;
    const char *url = is_obj ? json_str(o, "url", &nul) : NULL;
    const char *title = is_obj ? json_str(o, "title", &nul) : NULL;
    ent_date d;
    entente_status st = ENTENTE_OK;
    if (!o) {
      if (too_long)
        cli_error("%s: not a JSON object (line too long)", where);
      else
        cli_error("%s: not a JSON object: %s at byte %zu", where,
                  json_tokener_get_error(tok) == json_tokener_success
                      ? "a NUL byte"
                      : json_tokener_error_desc(json_tokener_get_error(tok)),
                  json_tokener_get_parse_end(tok) + 1);
      st = ENTENTE_ERR_ARG;
    } else if (!is_obj || !text) {
      cli_error("%s: needs a \"text\" string", where);
      st = ENTENTE_ERR_ARG;
    } else if (nul) {
      cli_error("%s: a field holds a NUL character (\\u0000)", where);
      st = ENTENTE_ERR_ARG;
    } else if (date && ent_date_parse_iso(date, &d) != ENTENTE_OK) {
      cli_error("%s: \"date\" %s is not YYYY-MM-DD", where, date);
      st = ENTENTE_ERR_ARG;
    } else {
      /* Named by its "url", else its "id", else the hash of its text: never
       * by its line number, which restarts in every shard of a batch. */
      entente_article art = {id, date ? date : opt->date, opt->base, url, title, NULL};
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
    json_object_put(o);
    /* What no later line can fix stops the run: the output or the link is gone. */
    if (st == ENTENTE_ERR_IO || st == ENTENTE_ERR_NOMEM || st == ENTENTE_ERR_RDF) go_on = false;
    if (st != ENTENTE_OK) {
      (*bad)++;
      if (opt->strict) go_on = false;
    }
  }
  free(line);
  json_tokener_free(tok);
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

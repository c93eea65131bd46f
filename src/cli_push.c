/* cli_push: entente push --endpoint URL [options] FILE...
 * Extracts each article and writes its graph into a SPARQL 1.1 server:
 *  - by default with the Graph Store HTTP Protocol, a PUT of the article's
 *    graph to URL?graph=<article IRI>, so pushing it again replaces it;
 *  - with --graph IRI, every article into that one graph: the first is PUT
 *    (the graph is replaced), the others POSTed (added);
 *  - with --update, SPARQL 1.1 Update for servers without the Graph Store
 *    protocol: DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { … } }.
 * Bodies and IRIs are written by raptor (serialize.c), never by hand.
 * Credentials come from ENTENTE_USER / ENTENTE_PASSWORD or a netrc file and
 * are never printed; an endpoint URL holding credentials is refused. */
#include <curl/curl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "serialize.h"
#include "temporal.h"

/* The start of a failed response kept for the error line. */
#define BODY_KEEP 4096
#define EXCERPT_MAX 200

/* The start of the server's answer, for the error line. */
typedef struct {
  char buf[BODY_KEEP + 1];
  size_t len;
} body;

typedef struct {
  librdf_world *world;
  entente_ctx *ctx;
  ent_serializer *ser;
  CURL *curl;
  const char *endpoint;    /* as given (holds no credentials) */
  const char *graph;       /* --graph IRI, or NULL for a graph per article */
  const char *format;      /* body format: ntriples or turtle */
  const char *password;    /* borrowed from the environment; scrubbed from errors */
  bool update, verbose;
  long connect_timeout, timeout;
  int tries;
  size_t pushed, triples; /* articles and triples sent so far */
  body answer;             /* the start of the last response */
} push;

static size_t keep_body(char *data, size_t size, size_t n, void *arg) {
  body *b = arg;
  size_t got = size * n, room = BODY_KEEP - b->len;
  size_t take = got < room ? got : room;
  memcpy(b->buf + b->len, data, take);
  b->len += take;
  b->buf[b->len] = '\0';
  return got;
}

static void usage(FILE *f) {
  fputs("usage: entente push --endpoint URL [--graph IRI] [--update] [--date YYYY-MM-DD]\n"
        "                    [--base IRI] [--format ntriples|turtle] [--jsonl [--strict]]\n"
        "                    [--netrc-file FILE] [--connect-timeout S] [--timeout S]\n"
        "                    [--tries N] [--ontology DIR] [--verbose] FILE...\n"
        "Extract each article and write its graph into a SPARQL 1.1 server.\n"
        "  --endpoint URL    the Graph Store endpoint (with --update: the SPARQL\n"
        "                    Update endpoint); e.g. http://localhost:8890/sparql-graph-crud\n"
        "  --graph-per-article  each article in its own graph, its IRI (default):\n"
        "                    PUT to URL?graph=IRI, so pushing again replaces it\n"
        "  --graph IRI       every article in the one graph IRI (first PUT, then POST)\n"
        "  --update          SPARQL 1.1 Update (DROP SILENT GRAPH; INSERT DATA) instead\n"
        "  --format FMT      request body: ntriples (default) or turtle\n"
        "  --date, --base, --ontology, --jsonl, --strict   as for entente extract\n"
        "  --netrc-file FILE credentials from FILE instead of ~/.netrc\n"
        "  --connect-timeout S (default 10), --timeout S per request (default 300)\n"
        "  --tries N         tries per request on 5xx or a connection error (default 3)\n"
        "  --verbose         one line per article on standard error\n"
        "Credentials: ENTENTE_USER and ENTENTE_PASSWORD, else the netrc file.\n"
        "Exit status: 0 success, 1 bad input or a failed request, 2 bad usage.\n",
        f);
}

/* A server's HTML or text answer as one short line: tags dropped, blanks
 * squeezed, the password (should a server echo it) masked. */
static void excerpt(const body *b, const char *password, char *out, size_t cap) {
  size_t o = 0, i = 0;
  bool tag = false, space = true;
  for (; i < b->len && o + 4 < cap; i++) {
    unsigned char c = (unsigned char)b->buf[i];
    if (c == '<') tag = true;
    if (tag) {
      if (c == '>') tag = false;
      c = ' ';
    }
    if (c < 0x20 || c == ' ') {
      if (space) continue;
      c = ' ';
      space = true;
    } else {
      space = false;
    }
    out[o++] = (char)c;
  }
  while (o && out[o - 1] == ' ') o--;
  if (i < b->len) { /* cut short */
    memcpy(out + o, "...", 3);
    o += 3;
  }
  out[o] = '\0';
  size_t pl = password ? strlen(password) : 0;
  for (char *p; pl && (p = strstr(out, password));) memset(p, '*', pl);
}

static void sleep_s(double s) {
  struct timespec ts = {(time_t)s, (long)((s - (double)(time_t)s) * 1e9)};
  nanosleep(&ts, NULL);
}

/* Failures worth another try: the server or the link, not the request. */
static bool transient(CURLcode res, long code) {
  switch (res) {
  case CURLE_OK: return code >= 500;
  case CURLE_COULDNT_CONNECT:
  case CURLE_OPERATION_TIMEDOUT:
  case CURLE_SEND_ERROR:
  case CURLE_RECV_ERROR:
  case CURLE_GOT_NOTHING:
  case CURLE_PARTIAL_FILE: return true;
  default: return false;
  }
}

/* One request, tried up to r->tries times; ENTENTE_OK on a 2xx answer.
 * Everything is borrowed; `what` (the graph) names it in messages. Errors
 * are printed, naming the endpoint (never the credentials). */
static entente_status request(push *r, const char *method, const char *url, const char *type,
                           const void *data, size_t len, const char *what) {
  char ctype[128];
  snprintf(ctype, sizeof ctype, "Content-Type: %s", type);
  struct curl_slist *h = curl_slist_append(NULL, ctype);
  struct curl_slist *h2 = h ? curl_slist_append(h, "Expect:") : NULL; /* no 1 s wait */
  if (!h2) {
    curl_slist_free_all(h);
    cli_error("out of memory");
    return ENTENTE_ERR_NOMEM;
  }
  body *b = &r->answer;
  char err[CURL_ERROR_SIZE];
  CURL *c = r->curl;
  curl_easy_setopt(c, CURLOPT_URL, url);
  curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, data);
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, keep_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, b);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, err);
  entente_status st = ENTENTE_ERR_IO;
  for (int attempt = 1;; attempt++) {
    b->len = 0;
    b->buf[0] = err[0] = '\0';
    long code = 0;
    CURLcode res = curl_easy_perform(c);
    if (res == CURLE_OK) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
    if (res == CURLE_OK && code >= 200 && code < 300) {
      if (r->verbose) fprintf(stderr, "entente: %s %s: HTTP %ld\n", method, what, code);
      st = ENTENTE_OK;
      break;
    }
    char why[EXCERPT_MAX + 64];
    if (res != CURLE_OK) {
      snprintf(why, sizeof why, "%s", err[0] ? err : curl_easy_strerror(res));
    } else {
      char ex[EXCERPT_MAX];
      excerpt(b, r->password, ex, sizeof ex);
      snprintf(why, sizeof why, "HTTP %ld%s%s", code, ex[0] ? ": " : "", ex);
    }
    if (transient(res, code) && attempt < r->tries) {
      double wait = (double)(1 << (attempt - 1));
      cli_error("%s: %s %s: %s; trying again in %.0f s", r->endpoint, method, what, why, wait);
      sleep_s(wait);
      continue;
    }
    cli_error("%s: %s %s failed%s: %s", r->endpoint, method, what,
              attempt > 1 ? " (every try)" : "", why);
    break;
  }
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, NULL);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, NULL);
  curl_slist_free_all(h);
  return st;
}

/* URL?graph=<iri> (or &graph= when the endpoint has a query already), the
 * IRI percent-encoded by curl; a new string owned by the caller (free()). */
static char *graph_url_new(push *r, const char *iri) {
  char *esc = curl_easy_escape(r->curl, iri, 0);
  if (!esc) return NULL;
  size_t n = strlen(r->endpoint) + strlen(esc) + 8;
  char *u = malloc(n);
  if (u) snprintf(u, n, "%s%cgraph=%s", r->endpoint, strchr(r->endpoint, '?') ? '&' : '?', esc);
  curl_free(esc);
  return u;
}

/* Graph Store protocol: PUT (replace) or POST (add) the body. */
static entente_status store_protocol(push *r, librdf_node *g, const unsigned char *data,
                                     size_t len, bool replace) {
  const char *iri = (const char *)librdf_uri_as_string(librdf_node_get_uri(g));
  char *url = graph_url_new(r, iri);
  if (!url) {
    cli_error("out of memory");
    return ENTENTE_ERR_NOMEM;
  }
  const char *type = strcmp(ent_format_serializer(r->format), "turtle") == 0
                         ? "text/turtle; charset=utf-8"
                         : "application/n-triples";
  entente_status st = request(r, replace ? "PUT" : "POST", url, type, data, len, iri);
  free(url);
  return st;
}

/* SPARQL 1.1 Update: [DROP SILENT GRAPH <g> ;] INSERT DATA { GRAPH <g> { … } }
 * with the N-Triples body; <g> as raptor writes it. */
static entente_status update_protocol(push *r, librdf_node *g, const unsigned char *data,
                                      size_t len, bool replace) {
  size_t gl = 0;
  unsigned char *gs = raptor_term_to_counted_string(g, &gl);
  char *q = NULL;
  size_t ql = 0;
  FILE *f = gs ? open_memstream(&q, &ql) : NULL;
  if (f) {
    if (replace) fprintf(f, "DROP SILENT GRAPH %s ;\n", gs);
    fprintf(f, "INSERT DATA { GRAPH %s {\n", gs);
    fwrite(data, 1, len, f);
    fputs("} }\n", f);
  }
  if (!f || fclose(f) != 0) {
    if (gs) raptor_free_memory(gs);
    free(q);
    cli_error("out of memory");
    return ENTENTE_ERR_NOMEM;
  }
  const char *iri = (const char *)librdf_uri_as_string(librdf_node_get_uri(g));
  entente_status st =
      request(r, "POST", r->endpoint, "application/sparql-update; charset=utf-8", q, ql, iri);
  raptor_free_memory(gs);
  free(q);
  return st;
}

/* One article: extract, serialize, send (a cli_article_fn; arg is the push). */
static entente_status one(void *arg, const char *text, size_t len, const entente_article *art,
                          const char *where) {
  push *r = arg;
  librdf_storage *storage = NULL;
  librdf_model *m = cli_triples_model_new(r->world, &storage); /* no context: indexed */
  librdf_node *g = !m ? NULL
                   : r->graph ? librdf_new_node_from_uri_string(
                                    r->world, (const unsigned char *)r->graph)
                              : entente_article_node_new(r->ctx, art, text, len);
  entente_status st = g ? entente_extract(r->ctx, text, len, art, m, NULL) : ENTENTE_ERR_NOMEM;
  unsigned char *buf = NULL;
  size_t n = 0;
  if (st == ENTENTE_OK) st = ent_serializer_write_new(r->ser, m, &buf, &n);
  if (st != ENTENTE_OK) {
    cli_error("%s: %s", where, entente_strerror(st));
  } else {
    bool replace = !r->graph || r->pushed == 0; /* --graph: the first replaces */
    st = r->update ? update_protocol(r, g, buf, n, replace)
                   : store_protocol(r, g, buf, n, replace);
    if (st == ENTENTE_OK) {
      r->pushed++;
      int size = librdf_model_size(m);
      r->triples += size > 0 ? (size_t)size : 0;
    }
  }
  if (buf) librdf_free_memory(buf);
  if (g) librdf_free_node(g);
  if (m) librdf_free_model(m);
  if (storage) librdf_free_storage(storage);
  return st;
}

/* A whole number of seconds or tries in [lo, hi], or -1. */
static long count_arg(const char *s, long lo, long hi) {
  char *end = NULL;
  long v = strtol(s, &end, 10);
  return (*s && end && !*end && v >= lo && v <= hi) ? v : -1;
}

/* The endpoint: http(s), parsed by curl, without credentials in it. */
static bool endpoint_ok(const char *url) {
  CURLU *u = curl_url();
  char *scheme = NULL, *user = NULL;
  bool ok = u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
            curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
            (strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0);
  if (!ok) {
    cli_error("--endpoint: not an http:// or https:// URL");
  } else if (curl_url_get(u, CURLUPART_USER, &user, 0) == CURLUE_OK) {
    /* Not echoed: it holds a secret. */
    cli_error("--endpoint: the URL holds credentials; set ENTENTE_USER and ENTENTE_PASSWORD "
              "or use a netrc file instead");
    ok = false;
  }
  curl_free(scheme);
  curl_free(user);
  curl_url_cleanup(u);
  return ok;
}

/* An IRI for --graph: absolute, and raptor-safe. */
static bool graph_ok(const char *iri) {
  if (!strchr(iri, ':')) return false;
  for (const unsigned char *p = (const unsigned char *)iri; *p; p++)
    if (*p <= 0x20 || strchr("<>\"{}|^`\\", *p)) return false;
  return true;
}

int cli_push(int argc, char **argv) {
  static const struct option opts[] = {
      {"endpoint", required_argument, NULL, 'e'},  {"graph", required_argument, NULL, 'g'},
      {"graph-per-article", no_argument, NULL, 'a'}, {"update", no_argument, NULL, 'u'},
      {"date", required_argument, NULL, 'd'},      {"base", required_argument, NULL, 'b'},
      {"format", required_argument, NULL, 'f'},    {"ontology", required_argument, NULL, 'O'},
      {"jsonl", no_argument, NULL, 'j'},           {"strict", no_argument, NULL, 's'},
      {"netrc-file", required_argument, NULL, 'n'}, {"connect-timeout", required_argument, NULL, 'c'},
      {"timeout", required_argument, NULL, 't'},   {"tries", required_argument, NULL, 'T'},
      {"verbose", no_argument, NULL, 'v'},         {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  push r = {0};
  r.format = "ntriples";
  r.connect_timeout = 10;
  r.timeout = 300;
  r.tries = 3;
  cli_articles_opts ao = {NULL, ENTENTE_DEFAULT_BASE, false, false, ENT_READER_AUTO};
  const char *ontology = NULL, *netrc = NULL;
  bool per_article = false;
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "e:g:d:b:f:O:vh", opts, NULL)) != -1) {
    switch (c) {
    case 'e': r.endpoint = optarg; break;
    case 'g': r.graph = optarg; break;
    case 'a': per_article = true; break;
    case 'u': r.update = true; break;
    case 'd': ao.date = optarg; break;
    case 'b': ao.base = optarg; break;
    case 'f': r.format = optarg; break;
    case 'O': ontology = optarg; break;
    case 'j': ao.jsonl = true; break;
    case 's': ao.strict = true; break;
    case 'n': netrc = optarg; break;
    case 'c': r.connect_timeout = count_arg(optarg, 1, 3600); break;
    case 't': r.timeout = count_arg(optarg, 1, 86400); break;
    case 'T': r.tries = (int)count_arg(optarg, 1, 10); break;
    case 'v': r.verbose = true; break;
    case 'h': usage(stdout); return CLI_OK;
    default: usage(stderr); return CLI_USAGE;
    }
  }
  const char *ser = ent_format_serializer(r.format);
  ent_date d;
  const char *bad = NULL;
  if (!r.endpoint || optind >= argc) bad = "push: needs --endpoint URL and at least one FILE";
  else if (per_article && r.graph) bad = "--graph and --graph-per-article exclude each other";
  else if (r.graph && !graph_ok(r.graph)) bad = "--graph: not an absolute IRI";
  else if (!ser || (strcmp(ser, "ntriples") && strcmp(ser, "turtle")))
    bad = "--format: ntriples or turtle";
  else if (r.update && strcmp(ser, "ntriples")) bad = "--update sends N-Triples (no --format turtle)";
  else if (ao.date && ent_date_parse_iso(ao.date, &d) != ENTENTE_OK)
    bad = "--date: not a valid date (YYYY-MM-DD)";
  else if (ao.strict && !ao.jsonl) bad = "--strict goes with --jsonl";
  else if (r.connect_timeout < 0 || r.timeout < 0) bad = "--connect-timeout, --timeout: seconds";
  else if (r.tries < 0) bad = "--tries: 1 to 10";
  else if (getenv("ENTENTE_PASSWORD") && !getenv("ENTENTE_USER"))
    bad = "ENTENTE_PASSWORD is set but ENTENTE_USER is not";
  if (bad) {
    cli_error("%s", bad);
    return CLI_USAGE;
  }
  size_t bl = strlen(ao.base);
  if (bl == 0 || !strchr(ao.base, ':') || (ao.base[bl - 1] != '/' && ao.base[bl - 1] != '#')) {
    cli_error("--base %s: must be an absolute IRI ending in / or #", ao.base);
    return CLI_USAGE;
  }
  if (!endpoint_ok(r.endpoint)) return CLI_USAGE;
  char **files = argv + optind;
  int nfiles = argc - optind;
  if (!cli_articles_check(files, nfiles, &ao)) return CLI_BAD_INPUT;

  int rc = CLI_BAD_INPUT;
  size_t bad_lines = 0;
  if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    cli_error("cannot initialise libcurl");
    return CLI_BAD_INPUT;
  }
  r.world = cli_world_new();
  if (!r.world) goto done;
  entente_status st = entente_ctx_new(r.world, ontology, &r.ctx);
  if (st != ENTENTE_OK) {
    cli_error("cannot load the ontology: %s", entente_strerror(st));
    goto done;
  }
  if (ent_serializer_new(r.world, r.format, ao.base, &r.ser) != ENTENTE_OK ||
      !(r.curl = curl_easy_init())) {
    cli_error("cannot set up the %s serializer or the HTTP client", r.format);
    goto done;
  }
  CURL *cu = r.curl;
  curl_easy_setopt(cu, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(cu, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(cu, CURLOPT_CONNECTTIMEOUT, r.connect_timeout);
  curl_easy_setopt(cu, CURLOPT_TIMEOUT, r.timeout);
  curl_easy_setopt(cu, CURLOPT_USERAGENT, "entente/" ENTENTE_VERSION);
  const char *user = getenv("ENTENTE_USER");
  if (user) {
    r.password = getenv("ENTENTE_PASSWORD");
    curl_easy_setopt(cu, CURLOPT_USERNAME, user);
    curl_easy_setopt(cu, CURLOPT_PASSWORD, r.password ? r.password : "");
  } else {
    curl_easy_setopt(cu, CURLOPT_NETRC, (long)CURL_NETRC_OPTIONAL);
    if (netrc) curl_easy_setopt(cu, CURLOPT_NETRC_FILE, netrc);
  }
  /* Whatever the server asks for: Basic, Digest (Virtuoso's -auth), … */
  curl_easy_setopt(cu, CURLOPT_HTTPAUTH, (long)CURLAUTH_ANY);

  bool ok = cli_articles_each(files, nfiles, &ao, one, &r, &bad_lines);
  if (r.verbose || !ok || bad_lines)
    fprintf(stderr, "entente: %zu article%s (%zu triples) pushed to %s\n", r.pushed,
            r.pushed == 1 ? "" : "s", r.triples, r.endpoint);
  if (ok && (!ao.strict || bad_lines == 0)) rc = bad_lines ? CLI_BAD_INPUT : CLI_OK;
done:
  if (r.curl) curl_easy_cleanup(r.curl);
  ent_serializer_free(r.ser);
  entente_ctx_free(r.ctx);
  if (r.world) librdf_free_world(r.world);
  curl_global_cleanup();
  return rc;
}

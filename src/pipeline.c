/* pipeline: the public API (include/entente.h) — one article through every
 * stage: check → tokenize → mentions → coref → extractors → graph. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coref.h"
#include "doc.h"
#include "entente.h"
#include "extractor.h"
#include "graph.h"
#include "lexicon.h"
#include "mentions.h"
#include "pipeline.h"
#include "text.h"
#include "tokenize.h"

#ifndef ENTENTE_ONTOLOGY_DIR
#define ENTENTE_ONTOLOGY_DIR "ontology"
#endif

struct entente_ctx {
  librdf_world *world;
  ent_lexicon *lex;
  ent_doc_looks *looks; /* the last document's lookup memo, for the next one */
  ent_triples triples;  /* an article's, between the graph and librdf: memory kept */
};

/* The messages below name the limits of entente.h. */
_Static_assert(ENTENTE_MAX_TOKENS == 1000000u && ENTENTE_MAX_ENTITIES == 50000u &&
                   ENTENTE_MAX_ARTICLE_BYTES == 4u * 1024u * 1024u,
               "update entente_strerror with the limits");

const char *entente_strerror(entente_status st) {
  switch (st) {
  case ENTENTE_OK: return "success";
  case ENTENTE_ERR_EMPTY: return "the article is empty";
  case ENTENTE_ERR_UTF8: return "the article is not valid UTF-8";
  case ENTENTE_ERR_BINARY: return "the article holds binary data (control bytes), not text";
  case ENTENTE_ERR_TOO_LARGE: return "the article is larger than the limit (4 MiB)";
  case ENTENTE_ERR_DATE: return "the date is not a valid YYYY-MM-DD";
  case ENTENTE_ERR_IO: return "input/output error";
  case ENTENTE_ERR_LEXICON: return "a lexicon file is missing or malformed";
  case ENTENTE_ERR_RDF: return "the RDF library refused an operation";
  case ENTENTE_ERR_NOMEM: return "out of memory";
  case ENTENTE_ERR_ARG: return "invalid argument";
  case ENTENTE_ERR_MARKUP: return "the page or feed cannot be read (malformed or hostile markup)";
  case ENTENTE_ERR_TOKENS:
    return "the article has more than 1000000 words and marks (the limit)";
  case ENTENTE_ERR_ENTITIES:
    return "the article names more than 50000 persons, places and organizations (the limit)";
  }
  return "unknown error";
}

const char *entente_default_ontology_dir(void) {
  const char *env = getenv("ENTENTE_ONTOLOGY");
  return env && *env ? env : ENTENTE_ONTOLOGY_DIR;
}

entente_status entente_ctx_new(librdf_world *world, const char *dir, entente_ctx **ctx_new) {
  if (!world || !ctx_new) return ENTENTE_ERR_ARG;
  *ctx_new = NULL;
  if (!dir) dir = entente_default_ontology_dir();
  size_t n = strlen(dir) + sizeof "/lexicon";
  char *path = malloc(n);
  entente_ctx *ctx = calloc(1, sizeof *ctx);
  if (!path || !ctx) {
    free(path);
    free(ctx);
    return ENTENTE_ERR_NOMEM;
  }
  snprintf(path, n, "%s/lexicon", dir);
  ctx->world = world;
  entente_status st = ent_lexicon_new(path, &ctx->lex);
  free(path);
  if (st != ENTENTE_OK) {
    free(ctx);
    return st;
  }
  *ctx_new = ctx;
  return ENTENTE_OK;
}

void entente_ctx_free(entente_ctx *ctx) {
  if (!ctx) return;
  ent_lexicon_free(ctx->lex);
  ent_doc_looks_free(ctx->looks);
  ent_triples_clear(&ctx->triples);
  free(ctx);
}

/* The article's IRI (docs/design.md, "Article IRIs"):
 * - its own IRI (a page's canonical URL, a feed item's link, a JSON "url"),
 *   when some RDF syntax can write it;
 * - else <base>article/<slug of its name>, the name (a file name, a JSON
 *   "id") without folder and extension: the same file is the same article
 *   from any folder or machine, so loading it again replaces its graph;
 * - else (standard input, a JSON line with neither "id" nor "url", a name
 *   with nothing to slug) <base>article/<16 hex digits of the text's hash>:
 *   the same text is the same article, in whatever batch or shard.
 * *from_name (when not NULL) tells the second case: two different names
 * may give one IRI there, which the caller may want to refuse. */
char *ent_article_iri_new(const entente_article *a, const char *text, size_t len,
                          bool *from_name) {
  if (from_name) *from_name = false;
  /* A canonical URL that no RDF syntax can write (a space, a quote: pages
   * and JSON Lines say what they like) is not used; the name is. */
  if (a && a->iri && ent_iri_ok(a->iri)) return ent_strndup(a->iri, strlen(a->iri));
  const char *base = a && a->base ? a->base : ENTENTE_DEFAULT_BASE;
  const char *name = a && a->name && strcmp(a->name, "stdin") != 0 ? a->name : NULL;
  char *slug = NULL;
  if (name) {
    const char *slash = strrchr(name, '/');
    if (slash) name = slash + 1;
    const char *dot = strrchr(name, '.');
    slug = ent_slug_new(name, dot && dot != name ? (size_t)(dot - name) : strlen(name));
    if (!slug) return NULL;
    if (*slug && from_name) *from_name = true;
  }
  if (!slug || !*slug) {
    char h[17];
    ent_graph_hash(text, len, h);
    free(slug);
    slug = ent_strndup(h, 16);
    if (!slug) return NULL;
  }
  size_t n = strlen(base) + strlen(slug) + 16;
  char *iri = malloc(n);
  if (iri) snprintf(iri, n, "%sarticle/%s", base, slug);
  free(slug);
  return iri;
}

librdf_node *entente_article_node_new(entente_ctx *ctx, const entente_article *a,
                                      const char *text, size_t len) {
  char *iri = ent_article_iri_new(a, text, len, NULL);
  librdf_node *n = iri ? librdf_new_node_from_uri_string(ctx->world, (const unsigned char *)iri)
                       : NULL;
  free(iri);
  return n;
}

entente_status ent_extract_triples(entente_ctx *ctx, const char *text, size_t len,
                                   const entente_article *article, ent_triples *t) {
  if (!ctx || !text || !t) return ENTENTE_ERR_ARG;
  if (article && article->base && !ent_iri_ok(article->base)) return ENTENTE_ERR_ARG;
  entente_status st = ent_text_check(text, len, NULL);
  if (st != ENTENTE_OK) return st;
  ent_doc doc;
  ent_doc_init(&doc, text, len, ctx->lex);
  if (article && article->date) {
    st = ent_date_parse_iso(article->date, &doc.pub);
    if (st != ENTENTE_OK) return st;
  }
  char *iri = ent_article_iri_new(article, text, len, NULL);
  if (!iri) return ENTENTE_ERR_NOMEM;
  ent_doc_give_looks(&doc, ctx->looks);
  ctx->looks = NULL;
  st = ent_tokenize(&doc);
  if (st == ENTENTE_OK) st = ent_find_mentions(&doc);
  if (st == ENTENTE_OK) st = ent_coref(&doc);
  size_t n;
  const ent_extractor *const *ex = ent_extractors(&n);
  for (size_t i = 0; i < n && st == ENTENTE_OK; i++) st = ex[i]->run(&doc);
  /* A stage that hit a limit saw it as running out of memory, or went on
   * without what it could not add: either way the article fails, clearly. */
  if (doc.over != ENTENTE_OK) st = doc.over;
  if (st == ENTENTE_OK) {
    const char *base = article && article->base ? article->base : ENTENTE_DEFAULT_BASE;
    ent_graph_info info = {base, iri, article ? article->name : NULL,
                           article ? article->title : NULL,
                           NULL, NULL, NULL, NULL};
    if (article && article->source) {
      info.format = article->source->format;
      info.url = article->source->url;
      info.author = article->source->author;
      info.lang = article->source->language;
    }
    st = ent_graph_triples(&doc, &info, t);
  }
  free(iri);
  ctx->looks = ent_doc_take_looks(&doc);
  ent_doc_clear(&doc);
  return st;
}

entente_status entente_extract(entente_ctx *ctx, const char *text, size_t len,
                               const entente_article *article, librdf_model *model,
                               librdf_node *graph) {
  if (!ctx || !model) return ENTENTE_ERR_ARG;
  entente_status st = ent_extract_triples(ctx, text, len, article, &ctx->triples);
  if (st == ENTENTE_OK) st = ent_triples_add_to_model(&ctx->triples, ctx->world, model, graph);
  ent_triples_reset(&ctx->triples);
  return st;
}

entente_status entente_extract_stream(entente_ctx *ctx, const char *text, size_t len,
                                      const entente_article *article, librdf_node *graph,
                                      librdf_stream **stream_new) {
  if (!stream_new) return ENTENTE_ERR_ARG;
  *stream_new = NULL;
  if (!ctx) return ENTENTE_ERR_ARG;
  entente_status st = ent_extract_triples(ctx, text, len, article, &ctx->triples);
  if (st == ENTENTE_OK) st = ent_triples_stream_new(&ctx->triples, ctx->world, graph, stream_new);
  ent_triples_reset(&ctx->triples);
  return st;
}

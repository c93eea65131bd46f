/* graph: a document's facts as RDF in a librdf model.
 * IRIs are deterministic (see docs/design.md): persons by their canonical
 * name, countries by ISO 3166-1 code, facts by a hash of what identifies
 * them, so the same input always gives the same graph and graphs from
 * different articles merge on shared nodes. Every fact carries
 * prov:wasDerivedFrom its article and ent:evidence its sentence span. */
#ifndef ENT_GRAPH_H
#define ENT_GRAPH_H

#include <librdf.h>

#include "doc.h"

typedef struct {
  const char *base;     /* resource base IRI (ends with '/') */
  const char *article;  /* the article's IRI */
  const char *name;     /* source name (file), or NULL */
  const char *title;    /* headline given apart from the text, or NULL */
  const char *format;   /* what it was read from ("html", …), or NULL */
  const char *url;      /* its web address, or NULL */
  const char *author;   /* author name(s), or NULL */
  const char *lang;     /* BCP 47 language tag, or NULL */
} ent_graph_info;

/** Add the document's triples to `model` (in `context` when not NULL). All
 * arguments are borrowed. On failure nothing is added. */
entente_status ent_graph_emit(const ent_doc *doc, librdf_world *world, librdf_model *model,
                              librdf_node *context, const ent_graph_info *info);

/** The document's statements as a new stream owned by the caller
 * (librdf_free_stream), its context (librdf_stream_get_context2) `context`
 * when it is not NULL; the rest is borrowed. For writing out one article
 * without a model. */
entente_status ent_graph_stream_new(const ent_doc *doc, librdf_world *world, librdf_node *context,
                                    const ent_graph_info *info, librdf_stream **stream_new);

/** A short stable hash (16 hex digits) of s into buf[17]. */
void ent_graph_hash(const char *s, size_t len, char buf[17]);

/** The IRI an article gets (src/pipeline.c; docs/design.md): its own IRI,
 * else <base>article/<slug of its name without folder and extension>, else
 * <base>article/<hash of the text>. A new string owned by the caller, or
 * NULL when out of memory. *from_name (when not NULL) is set when the name
 * made it. */
char *ent_article_iri_new(const entente_article *a, const char *text, size_t len,
                          bool *from_name);

#endif

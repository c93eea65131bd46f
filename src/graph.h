/* graph: a document's facts as RDF triples (triples.h).
 * IRIs are deterministic (see docs/design.md): persons by their canonical
 * name, countries by ISO 3166-1 code, facts by a hash of what identifies
 * them, so the same input always gives the same graph and graphs from
 * different articles merge on shared nodes. Every fact carries
 * prov:wasDerivedFrom its article and ent:evidence its sentence span. */
#ifndef ENT_GRAPH_H
#define ENT_GRAPH_H

#include "doc.h"
#include "triples.h"

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

/** The document's triples into `t` (emptied first; the caller's), in the
 * order every writer gets them. The rest is borrowed. On failure t->failed
 * is set and `t` must not be written. */
entente_status ent_graph_triples(const ent_doc *doc, const ent_graph_info *info,
                                 ent_triples *t);

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

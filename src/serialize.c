/* serialize: see serialize.h. Escaping is raptor's, never ours. */
#include "serialize.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static const struct {
  const char *name, *serializer;
} FORMATS[] = {
    {"turtle", "turtle"},   {"ttl", "turtle"},      {"ntriples", "ntriples"},
    {"nt", "ntriples"},     {"nquads", "nquads"},   {"nq", "nquads"},
    {"rdfxml", "rdfxml-abbrev"}, {"json", "json"},  {"dot", "dot"},
};

const char *ent_format_serializer(const char *format) {
  for (size_t i = 0; i < sizeof FORMATS / sizeof *FORMATS; i++)
    if (strcmp(format, FORMATS[i].name) == 0) return FORMATS[i].serializer;
  return NULL;
}

static const char *const PREFIXES[][2] = {
    {"ent", ENTENTE_NS},
    {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
    {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
    {"xsd", "http://www.w3.org/2001/XMLSchema#"},
    {"schema", "http://schema.org/"},
    {"prov", "http://www.w3.org/ns/prov#"},
    {"skos", "http://www.w3.org/2004/02/skos/core#"},
};

/* Resource folders under the base that get a prefix of their own. */
static const char *const DIRS[] = {"person", "country", "organization", "place",   "group", "position",
                                   "event",  "bill",    "funding", "claim", "article"};

/* Prefixes are cosmetic: raptor refuses ones it predeclares (rdf), so a
 * refusal is not an error. Only running out of memory is. */
static int set_ns(librdf_world *w, librdf_serializer *s, const char *iri, const char *prefix) {
  librdf_uri *u = librdf_new_uri(w, (const unsigned char *)iri);
  if (!u) return 1;
  (void)librdf_serializer_set_namespace(s, u, prefix);
  librdf_free_uri(u);
  return 0;
}

entente_status ent_serialize_new(librdf_world *world, librdf_model *model, const char *format,
                                 const char *base, unsigned char **out, size_t *len) {
  *out = NULL;
  *len = 0;
  const char *name = ent_format_serializer(format);
  if (!name) return ENTENTE_ERR_ARG;
  librdf_serializer *s = librdf_new_serializer(world, name, NULL, NULL);
  if (!s) return ENTENTE_ERR_RDF;
  int rc = 0;
  /* raptor's dot serializer leaks the namespaces it is given; it only uses
   * them to shorten labels, so it goes without. */
  bool prefixes = strcmp(name, "dot") != 0;
  for (size_t i = 0; prefixes && i < sizeof PREFIXES / sizeof *PREFIXES; i++)
    rc |= set_ns(world, s, PREFIXES[i][1], PREFIXES[i][0]);

  for (size_t i = 0; prefixes && i < sizeof DIRS / sizeof *DIRS; i++) {
    char iri[2048];
    /* "org/" is written "organization:" so it is not taken for W3C org: */
    const char *dir = strcmp(DIRS[i], "organization") == 0 ? "org" : DIRS[i];
    if ((size_t)snprintf(iri, sizeof iri, "%s%s/", base, dir) >= sizeof iri) continue;
    rc |= set_ns(world, s, iri, DIRS[i]);
  }
  unsigned char *buf = NULL;
  size_t n = 0;
  if (!rc) buf = librdf_serializer_serialize_model_to_counted_string(s, NULL, model, &n);
  librdf_free_serializer(s);
  if (!buf) return ENTENTE_ERR_RDF;
  *out = buf;
  *len = n;
  return ENTENTE_OK;
}

/* extractor: the one interface every extractor implements.
 * An extractor reads the document (tokens, mentions, entities) and appends
 * facts to it (doc->roles, events, bills, fundings, claims). It may add
 * entities. It never writes RDF: graph.c does that for all of them.
 * To add one: write src/extract_NAME.c defining `const ent_extractor
 * ent_extract_NAME`, declare it below, and list it in extractors.c. */
#ifndef ENT_EXTRACTOR_H
#define ENT_EXTRACTOR_H

#include "doc.h"

typedef struct {
  const char *name;
  entente_status (*run)(ent_doc *doc);
} ent_extractor;

extern const ent_extractor ent_extract_roles;
extern const ent_extractor ent_extract_events;
extern const ent_extractor ent_extract_bills;
extern const ent_extractor ent_extract_funding;
extern const ent_extractor ent_extract_claims;

/** The extractors in the order they run (static, borrowed); *n is set. */
const ent_extractor *const *ent_extractors(size_t *n);

#endif

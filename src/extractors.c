/* extractors: the registry, in run order (roles first: others use them). */
#include "extractor.h"

static const ent_extractor *const ALL[] = {
    &ent_extract_roles,
    &ent_extract_events,
    &ent_extract_bills,
    &ent_extract_funding,
    &ent_extract_claims,
};

const ent_extractor *const *ent_extractors(size_t *n) {
  *n = sizeof ALL / sizeof *ALL;
  return ALL;
}

/* extract_claims: placeholder until the claims extractor lands (finds nothing). */
#include "extractor.h"

static entente_status run(ent_doc *doc) {
  (void)doc;
  return ENTENTE_OK;
}

const ent_extractor ent_extract_claims = {"claims", run};

/* extract_bills: placeholder until the bills extractor lands (finds nothing). */
#include "extractor.h"

static entente_status run(ent_doc *doc) {
  (void)doc;
  return ENTENTE_OK;
}

const ent_extractor ent_extract_bills = {"bills", run};

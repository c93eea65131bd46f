/* extract_events: placeholder until the events extractor lands (finds nothing). */
#include "extractor.h"

static entente_status run(ent_doc *doc) {
  (void)doc;
  return ENTENTE_OK;
}

const ent_extractor ent_extract_events = {"events", run};

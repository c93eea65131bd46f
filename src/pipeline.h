/* pipeline: the stages from a text to its triples, for entente's own
 * writers (the CLI streams them out without a librdf model); the public
 * entry points are in entente.h. */
#ifndef ENT_PIPELINE_H
#define ENT_PIPELINE_H

#include "entente.h"
#include "triples.h"

/** Extract `text` (len bytes, borrowed) into `t` (the caller's; emptied
 * first), as entente_extract would add them to a model; `article` may be
 * NULL (borrowed). On failure `t` holds nothing to write. */
entente_status ent_extract_triples(entente_ctx *ctx, const char *text, size_t len,
                                   const entente_article *article, ent_triples *t);

#endif

/* serialize: a librdf model to bytes in one of the formats raptor writes,
 * with entente's prefixes so Turtle stays readable. */
#ifndef ENT_SERIALIZE_H
#define ENT_SERIALIZE_H

#include <librdf.h>
#include <stddef.h>

#include "entente.h"

/** The raptor serializer name for a user format name (turtle, ntriples,
 * nquads, rdfxml, json, dot), or NULL when unknown. */
const char *ent_format_serializer(const char *format);

/** Serialize `model` (borrowed) to a new buffer owned by the caller (free
 * with librdf_free_memory); base is the resource base for prefixes. */
entente_status ent_serialize_new(librdf_world *world, librdf_model *model, const char *format,
                                 const char *base, unsigned char **out, size_t *len);

#endif

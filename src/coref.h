/* coref: mentions to entities.
 * Persons: "M. Blinken", "Blinken" and "Antony Blinken" are one person; a
 * bare surname links back to the latest person whose name holds it (first
 * or last word), and forward only to a later full name that ends with it
 * (so "M. Wang" then "Wang Xiaohong" stay two). Well-known persons from the
 * lexicon (persons.ttl) get their canonical name, so every article gives them
 * the same IRI. Countries, places and organizations are their lexicon entry. */
#ifndef ENT_COREF_H
#define ENT_COREF_H

#include "doc.h"

entente_status ent_coref(ent_doc *doc);

/** The entity a pronoun or definite description at token `tok` most likely
 * means: the latest person before it in the sentence, else the first person
 * (the subject) of the closest earlier sentence that has one. -1 if none. */
int ent_coref_recent_person(const ent_doc *doc, size_t tok);

#endif

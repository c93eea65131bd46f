/* mentions: what each stretch of tokens names.
 * 1. Lexicon phrases, longest first: countries and their demonyms, cities,
 *    regions, organizations, titles, honorifics, group nouns, known persons.
 * 2. Person names: runs of capitalised words (with particles: von der, ben,
 *    de) that the lexicon does not explain, kept when the text marks them as
 *    a person — an honorific (M., Mme, MM. X et Y), a known given name, a
 *    title in apposition (le président chinois Xi Jinping; Olaf Scholz,
 *    chancelier allemand), or a surname already known as a person. */
#ifndef ENT_MENTIONS_H
#define ENT_MENTIONS_H

#include "doc.h"

entente_status ent_find_mentions(ent_doc *doc);

#endif

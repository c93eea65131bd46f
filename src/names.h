/* names: the identity key of a person's name, so that the transliterations
 * French and English news use (Sergueï Choïgou / Sergei Shoigu / Sergey
 * Shoygu) give one key and so one IRI. The rules are data
 * (ontology/lexicon/spelling.ttl): pattern → replacement on the folded name,
 * in order, then doubled letters made single. */
#ifndef ENT_NAMES_H
#define ENT_NAMES_H

#include "lexicon.h"

/** The key of `name` as an IRI-safe slug (a-z, 0-9, '-'); a new string
 * owned by the caller, or NULL when out of memory. */
char *ent_name_key_new(const ent_lexicon *lex, const char *name);

#endif

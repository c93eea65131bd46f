/* titles: title phrases — "le ministre russe de la défense", "présidente de
 * la Commission européenne", "alors présidente de la Chambre des
 * représentants", "son homologue chinois". A phrase is a title from the
 * lexicon, its demonym (russe → Russie) and its complement (de la défense,
 * du Kremlin, de l'Alliance), with "ancien" / "alors" / "ex-" marking a
 * former position. Used by the roles extractor and to resolve definite
 * descriptions ("le président chinois") elsewhere. */
#ifndef ENT_TITLES_H
#define ENT_TITLES_H

#include "doc.h"

typedef struct {
  size_t first, end;            /* tokens of the whole phrase, modifiers included */
  size_t head;                  /* first token of the title itself */
  const ent_lex_entry *title;   /* the lexicon title */
  const ent_lex_entry *country; /* from a demonym or "de <pays>", or NULL */
  int org_mention;              /* an organization in the complement, or -1 */
  bool former;                  /* ancien, alors, ex- */
  bool relational;              /* homologue, épouse: not a position by itself */
  bool generic;                 /* dirigeant, leader: names no position */
  bool definite;                /* preceded by le / la / l' / son / sa */
} ent_title_phrase;

/** Parse the title phrase whose title mention starts at token `head`.
 * False when no title mention starts there. */
bool ent_title_phrase_at(const ent_doc *doc, size_t head, ent_title_phrase *out);

/** The label of the position: title and complement as written, without
 * demonyms, articles or "ancien" (a new string owned by the caller). */
char *ent_title_label_new(const ent_doc *doc, const ent_title_phrase *p);

/** The entity the phrase's position belongs to: the organization of the
 * complement (or the country it stands for), else the country. -1 if none. */
int ent_title_of(ent_doc *doc, const ent_title_phrase *p);

#endif

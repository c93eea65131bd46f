/* tokenize: French sentences and tokens.
 * Knows honorific and other abbreviations (M., MM., Mme — from the lexicon:
 * any lexicon phrase that ends in a dot), initials (J.), « » “ ” " quotes
 * (no sentence break inside a quotation of the same paragraph), elision
 * (l’, d’, qu’, jusqu’), inverted subjects (a-t-il → a | il), decimal commas
 * (9,5), thousand groups (40 000 with plain or non-breaking spaces),
 * ordinals (1er, 75e) and hyphenated words (porte-parole, États-Unis). */
#ifndef ENT_TOKENIZE_H
#define ENT_TOKENIZE_H

#include "doc.h"

/** Fill doc->toks and doc->sents from doc->text. */
entente_status ent_tokenize(ent_doc *doc);

#endif

/* text: UTF-8 checks and the one folding every comparison goes through.
 * Folding = NFKD, combining marks dropped, lower case, typographic
 * apostrophes and dashes unified (’ → ', – → -). */
#ifndef ENT_TEXT_H
#define ENT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <string.h>

#include "entente.h"

/** a and b are the same string; the first byte first, since the extractors
 * compare each word with many that differ from the start. */
static inline bool ent_streq(const char *a, const char *b) {
  return a[0] == b[0] && (a[0] == '\0' || strcmp(a + 1, b + 1) == 0);
}

/** Check that s[0..len) is valid, non-empty, text-like UTF-8. */
entente_status ent_text_check(const char *s, size_t len, size_t *bad_offset);

/** Decode the code point at s[*i], advance *i; -1 on a bad sequence.
 * Inline for ASCII: every scanner calls it once a character. */
int32_t ent_utf8_next_multi(const char *s, size_t len, size_t *i);
static inline int32_t ent_utf8_next(const char *s, size_t len, size_t *i) {
  if (*i < len && (unsigned char)s[*i] < 0x80) return s[(*i)++]; /* most of French text */
  return ent_utf8_next_multi(s, len, i);
}

/** True when [s, s+len) is valid UTF-8 without U+FFFE or U+FFFF: what
 * raptor can write in a literal. */
bool ent_utf8_writable(const char *s, size_t len);

/** A copy of [s, s+len), NUL-terminated and owned by the caller, with each
 * invalid byte, U+FFFE and U+FFFF replaced by U+FFFD; NULL when out of
 * memory. For literals: text may hold U+FFFE and U+FFFF, and file names and
 * JSON fields need not be UTF-8. */
char *ent_utf8_repair_new(const char *s, size_t len);

/** Number of code points in s[0..len) (RFC 5147 character offsets). */
size_t ent_utf8_count(const char *s, size_t len);

/** Fold s[0..len) (see top). Returns a new NUL-terminated string owned by
 * the caller (free()), or NULL when out of memory. */
char *ent_fold_new(const char *s, size_t len);
/** ent_fold_new of ASCII s[0..len) (no NUL) into out, of len + 1 bytes:
 * lower case. */
void ent_fold_ascii(const char *s, size_t len, char *out);
/** Drop a plural -s or -x from every word of the folded key, in place
 * (enveloppes → enveloppe; a one-letter word stays). */
void ent_key_singular(char *key);

/** True when the code point is an upper-case letter. */
bool ent_cp_is_upper_multi(int32_t cp);
static inline bool ent_cp_is_upper(int32_t cp) {
  if (cp >= 0 && cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return ent_cp_is_upper_multi(cp);
}
/** True when the code point is a letter. */
bool ent_cp_is_alpha_multi(int32_t cp);
static inline bool ent_cp_is_alpha(int32_t cp) {
  if (cp >= 0 && cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return ent_cp_is_alpha_multi(cp);
}

/** Write s[0..len) in lower case into out (which has room for len bytes:
 * lower-casing never lengthens the letters news uses); returns bytes written. */
size_t ent_lower_into(const char *s, size_t len, char *out);

/** Copy s[0..len) to a new NUL-terminated string (caller frees). */
char *ent_strndup(const char *s, size_t len);

/** True when s is an absolute IRI that Turtle, N-Triples and RDF/XML can
 * all write as it is: valid UTF-8, a scheme, and none of the characters
 * IRIs exclude (controls, space, < > " { } | ^ ` \). */
bool ent_iri_ok(const char *s);

/** ASCII slug of s for IRIs: folded, runs of non [a-z0-9] become one '-'.
 * New string owned by the caller, NULL when out of memory. */
char *ent_slug_new(const char *s, size_t len);

#endif

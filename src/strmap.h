/* strmap: a string-keyed hash map of size_t values (open addressing).
 * Keys are copied and owned by the map. */
#ifndef ENT_STRMAP_H
#define ENT_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct ent_strmap ent_strmap;

/** A new empty map owned by the caller, or NULL when out of memory. */
ent_strmap *ent_strmap_new(void);
void ent_strmap_free(ent_strmap *m);
/** Set key → value; false when out of memory. */
bool ent_strmap_put(ent_strmap *m, const char *key, size_t value);
/** Look key up; true and *value when present. */
bool ent_strmap_get(const ent_strmap *m, const char *key, size_t *value);
/** Take every key out, keeping the room made for them (a memo that starts
 * over reuses its memory instead of churning the heap). */
void ent_strmap_clear(ent_strmap *m);
size_t ent_strmap_count(const ent_strmap *m);
/** The 64-bit hash the map files keys by (FNV-1a). */
uint64_t ent_strhash(const char *s);

#endif

#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* One array of slots (a probe reads one line of memory, not three), and the
 * keys in one pool of the map's: a key is not an allocation of its own, and
 * emptying the map (a memo starting over) frees nothing. */
typedef struct {
  uint64_t hash;
  size_t val;
  uint32_t off; /* of the key in the pool; 0: an empty slot */
  uint32_t len; /* of the key */
} slot_t;

struct ent_strmap {
  slot_t *slots;
  size_t cap, count;
  char *pool; /* NUL-terminated keys; pool[0] is unused (off 0: empty) */
  size_t pool_n, pool_cap;
};

uint64_t ent_strhash(const char *s) {
  uint64_t h = 1469598103934665603ull; /* FNV-1a */
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return h;
}

/* FNV-1a and the key's length, in one pass. */
static uint64_t hash_len(const char *s, size_t *len) {
  uint64_t h = 1469598103934665603ull;
  const char *p = s;
  for (; *p; p++) h = (h ^ (unsigned char)*p) * 1099511628211ull;
  *len = (size_t)(p - s);
  return h;
}

ent_strmap *ent_strmap_new(void) {
  ent_strmap *m = calloc(1, sizeof *m);
  if (!m) return NULL;
  m->cap = 64;
  m->slots = calloc(m->cap, sizeof *m->slots);
  if (!m->slots) {
    free(m);
    return NULL;
  }
  m->pool_n = 1;
  return m;
}

void ent_strmap_free(ent_strmap *m) {
  if (!m) return;
  free(m->slots);
  free(m->pool);
  free(m);
}

/* The slot of key (its own, or the empty one where it would go). */
static size_t slot(const ent_strmap *m, const char *key, size_t len, uint64_t h) {
  size_t i = (size_t)h & (m->cap - 1);
  for (;; i = (i + 1) & (m->cap - 1)) {
    const slot_t *s = &m->slots[i];
    if (!s->off || (s->hash == h && s->len == len && memcmp(m->pool + s->off, key, len) == 0))
      return i;
  }
}

static bool grow(ent_strmap *m) {
  size_t cap = m->cap * 2;
  slot_t *n = calloc(cap, sizeof *n);
  if (!n) return false;
  for (size_t i = 0; i < m->cap; i++) {
    if (!m->slots[i].off) continue;
    size_t j = (size_t)m->slots[i].hash & (cap - 1);
    while (n[j].off) j = (j + 1) & (cap - 1);
    n[j] = m->slots[i];
  }
  free(m->slots);
  m->slots = n;
  m->cap = cap;
  return true;
}

bool ent_strmap_put(ent_strmap *m, const char *key, size_t value) {
  if ((m->count + 1) * 2 > m->cap && !grow(m)) return false;
  size_t len;
  uint64_t h = hash_len(key, &len);
  size_t i = slot(m, key, len, h);
  slot_t *s = &m->slots[i];
  if (!s->off) {
    size_t need = m->pool_n + len + 1;
    if (need > UINT32_MAX) return false;
    if (need > m->pool_cap) {
      size_t c = m->pool_cap ? m->pool_cap : 1024;
      while (c < need) c *= 2;
      char *p = realloc(m->pool, c);
      if (!p) return false;
      m->pool = p;
      m->pool_cap = c;
    }
    memcpy(m->pool + m->pool_n, key, len + 1);
    *s = (slot_t){h, 0, (uint32_t)m->pool_n, (uint32_t)len};
    m->pool_n = need;
    m->count++;
  }
  s->val = value;
  return true;
}

bool ent_strmap_get(const ent_strmap *m, const char *key, size_t *value) {
  size_t len;
  uint64_t h = hash_len(key, &len);
  const slot_t *s = &m->slots[slot(m, key, len, h)];
  if (!s->off) return false;
  if (value) *value = s->val;
  return true;
}

void ent_strmap_clear(ent_strmap *m) {
  if (m->count) memset(m->slots, 0, m->cap * sizeof *m->slots);
  m->count = 0;
  m->pool_n = 1;
}

size_t ent_strmap_count(const ent_strmap *m) { return m->count; }

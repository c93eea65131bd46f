#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct ent_strmap {
  char **keys;
  size_t *vals;
  uint64_t *hashes; /* of each key: most probes end on a differing hash, no strcmp */
  size_t cap, count;
};

uint64_t ent_strhash(const char *s) {
  uint64_t h = 1469598103934665603ull; /* FNV-1a */
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return h;
}
#define hash ent_strhash

ent_strmap *ent_strmap_new(void) {
  ent_strmap *m = calloc(1, sizeof *m);
  if (!m) return NULL;
  m->cap = 64;
  m->keys = calloc(m->cap, sizeof *m->keys);
  m->vals = calloc(m->cap, sizeof *m->vals);
  m->hashes = calloc(m->cap, sizeof *m->hashes);
  if (!m->keys || !m->vals || !m->hashes) {
    ent_strmap_free(m);
    return NULL;
  }
  return m;
}

void ent_strmap_free(ent_strmap *m) {
  if (!m) return;
  if (m->keys)
    for (size_t i = 0; i < m->cap; i++) free(m->keys[i]);
  free(m->keys);
  free(m->vals);
  free(m->hashes);
  free(m);
}

static size_t slot(const ent_strmap *m, const char *key, uint64_t h) {
  size_t i = (size_t)h & (m->cap - 1);
  while (m->keys[i] && (m->hashes[i] != h || strcmp(m->keys[i], key) != 0))
    i = (i + 1) & (m->cap - 1);
  return i;
}

static bool grow(ent_strmap *m) {
  ent_strmap n = {calloc(m->cap * 2, sizeof(char *)), calloc(m->cap * 2, sizeof(size_t)),
                  calloc(m->cap * 2, sizeof(uint64_t)), m->cap * 2, m->count};
  if (!n.keys || !n.vals || !n.hashes) {
    free(n.keys);
    free(n.vals);
    free(n.hashes);
    return false;
  }
  for (size_t i = 0; i < m->cap; i++) {
    if (!m->keys[i]) continue;
    size_t j = slot(&n, m->keys[i], m->hashes[i]);
    n.keys[j] = m->keys[i];
    n.vals[j] = m->vals[i];
    n.hashes[j] = m->hashes[i];
  }
  free(m->keys);
  free(m->vals);
  free(m->hashes);
  *m = n;
  return true;
}

bool ent_strmap_put(ent_strmap *m, const char *key, size_t value) {
  if ((m->count + 1) * 2 > m->cap && !grow(m)) return false;
  uint64_t h = hash(key);
  size_t i = slot(m, key, h);
  if (!m->keys[i]) {
    size_t n = strlen(key);
    m->hashes[i] = h;
    m->keys[i] = malloc(n + 1);
    if (!m->keys[i]) return false;
    memcpy(m->keys[i], key, n + 1);
    m->count++;
  }
  m->vals[i] = value;
  return true;
}

bool ent_strmap_get(const ent_strmap *m, const char *key, size_t *value) {
  size_t i = slot(m, key, hash(key));
  if (!m->keys[i]) return false;
  if (value) *value = m->vals[i];
  return true;
}

void ent_strmap_clear(ent_strmap *m) {
  for (size_t i = 0; i < m->cap; i++) {
    free(m->keys[i]);
    m->keys[i] = NULL;
  }
  m->count = 0;
}

size_t ent_strmap_count(const ent_strmap *m) { return m->count; }

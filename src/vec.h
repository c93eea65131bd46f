/* vec: a growable array, `ENT_VEC(T) name;` then ent_vec_push(&name). The
 * array is owned by whoever holds the struct (free(name.v)). */
#ifndef ENT_VEC_H
#define ENT_VEC_H

#include <stddef.h>
#include <string.h>

#define ENT_VEC(T)                                                                       \
  struct {                                                                               \
    T *v;                                                                                \
    size_t n, cap;                                                                       \
  }
/* Make room for one more element; returns a pointer to it (zeroed) or NULL.
 * Inline: a push is a few stores, and the array doubles rarely (the only
 * call, ent_vec_double, reallocates). */
void *ent_vec_double(void **v, size_t *n, size_t *cap, size_t size);
static inline void *ent_vec_grow(void **v, size_t *n, size_t *cap, size_t size) {
  if (*n == *cap) return ent_vec_double(v, n, cap, size);
  char *slot = (char *)*v + (*n)++ * size;
  memset(slot, 0, size);
  return slot;
}
#define ent_vec_push(vec) ent_vec_grow((void **)&(vec)->v, &(vec)->n, &(vec)->cap, sizeof *(vec)->v)

#endif

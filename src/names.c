/* names: see names.h. */
#include "names.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

/* Replace every `pat` in *s by `rep` (rep no longer than pat, or a new
 * string when longer). Returns false when out of memory. */
static bool replace_all(char **s, const char *pat, const char *rep) {
  size_t pl = strlen(pat), rl = strlen(rep);
  if (!pl) return true;
  size_t count = 0;
  for (const char *p = strstr(*s, pat); p; p = strstr(p + pl, pat)) count++;
  if (!count) return true;
  char *out = malloc(strlen(*s) + count * (rl > pl ? rl - pl : 0) + 1);
  if (!out) return false;
  size_t o = 0;
  const char *p = *s, *q;
  while ((q = strstr(p, pat))) {
    memcpy(out + o, p, (size_t)(q - p));
    o += (size_t)(q - p);
    memcpy(out + o, rep, rl);
    o += rl;
    p = q + pl;
  }
  strcpy(out + o, p);
  free(*s);
  *s = out;
  return true;
}

char *ent_name_key_new(const ent_lexicon *lex, const char *name) {
  char *k = ent_slug_new(name, strlen(name));
  if (!k) return NULL;
  const ent_lex_entry *rules[128];
  size_t n = ent_lexicon_entries(lex, ENT_LEX_SPELLING, rules, 128);
  for (size_t i = 0; i < n && i < 128; i++) {
    const char *pat = ent_lex_prop(rules[i], "pattern"), *rep = ent_lex_prop(rules[i], "replacement");
    if (pat && rep && !replace_all(&k, pat, rep)) {
      free(k);
      return NULL;
    }
  }
  size_t o = 0;
  for (size_t i = 0; k[i]; i++)
    if (!(o && k[o - 1] == k[i] && k[i] != '-')) k[o++] = k[i];
  k[o] = '\0';
  return k;
}

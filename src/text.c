/* text: UTF-8 and folding, through utf8proc (Unicode tables we do not own). */
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Past the ASCII fast path of ent_utf8_next (text.h). */
int32_t ent_utf8_next_multi(const char *s, size_t len, size_t *i) {
  utf8proc_int32_t cp;
  utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + *i,
                                        (utf8proc_ssize_t)(len - *i), &cp);
  if (n <= 0) {
    (*i)++;
    return -1;
  }
  *i += (size_t)n;
  return cp;
}

bool ent_utf8_writable(const char *s, size_t len) {
  for (size_t i = 0; i < len;) {
    int32_t cp = ent_utf8_next(s, len, &i);
    if (cp < 0 || cp == 0xFFFE || cp == 0xFFFF) return false;
  }
  return true;
}

char *ent_utf8_repair_new(const char *s, size_t len) {
  char *d = malloc(len * 3 + 1); /* a bad byte becomes three */
  if (!d) return NULL;
  size_t o = 0;
  for (size_t i = 0; i < len;) {
    size_t at = i;
    int32_t cp = ent_utf8_next(s, len, &i);
    if (cp < 0 || cp == 0xFFFE || cp == 0xFFFF) {
      memcpy(d + o, "\xEF\xBF\xBD", 3); /* U+FFFD */
      o += 3;
    } else {
      memcpy(d + o, s + at, i - at);
      o += i - at;
    }
  }
  d[o] = '\0';
  return d;
}

size_t ent_utf8_count(const char *s, size_t len) {
  /* Every byte but the continuation bytes (10xxxxxx), eight at a time: the
   * graph counts the whole article for its offsets. */
  size_t n = len, i = 0;
  for (; i + 8 <= len; i += 8) {
    uint64_t x;
    memcpy(&x, s + i, 8);
    n -= (size_t)__builtin_popcountll(x & ~(x << 1) & 0x8080808080808080ull);
  }
  for (; i < len; i++)
    if (((unsigned char)s[i] & 0xC0) == 0x80) n--;
  return n;
}

static bool is_space(int32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
         utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

entente_status ent_text_check(const char *s, size_t len, size_t *bad_offset) {
  size_t i = 0, visible = 0;
  if (bad_offset) *bad_offset = 0;
  if (len > ENTENTE_MAX_ARTICLE_BYTES) return ENTENTE_ERR_TOO_LARGE;
  if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) i = 3; /* BOM */
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    if (c > 0x20 && c < 0x7F) { /* printable ASCII but the space: most of a text */
      visible++;
      i++;
      continue;
    }
    size_t at = i;
    int32_t cp = ent_utf8_next(s, len, &i);
    entente_status bad = ENTENTE_OK;
    if (cp < 0) bad = ENTENTE_ERR_UTF8;
    /* Control characters other than tab, line feed, carriage return and
     * form feed mean a binary file, not an article. */
    else if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' && cp != '\f') || cp == 0x7F)
      bad = ENTENTE_ERR_BINARY;
    if (bad != ENTENTE_OK) {
      if (bad_offset) *bad_offset = at;
      return bad;
    }
    if (!is_space(cp)) visible++;
  }
  return visible ? ENTENTE_OK : ENTENTE_ERR_EMPTY;
}

/* ASCII first: the scanners ask of every character of the text. */
bool ent_cp_is_upper_multi(int32_t cp) {
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool ent_cp_is_alpha_multi(int32_t cp) {
  utf8proc_category_t c = utf8proc_category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

char *ent_strndup(const char *s, size_t len) {
  char *d = malloc(len + 1);
  if (!d) return NULL;
  memcpy(d, s, len);
  d[len] = '\0';
  return d;
}

/* Typographic variants that news text mixes freely. */
static int32_t unify(int32_t cp) {
  switch (cp) {
  case 0x2019: case 0x2018: case 0x02BC: case 0x00B4: case 0x0060: return '\'';
  case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: return '-';
  case 0x00A0: case 0x202F: case 0x2009: return ' ';
  case 0x0153: return -2; /* œ → oe */
  case 0x0152: return -2;
  case 0x00E6: case 0x00C6: return -3; /* æ → ae */
  /* Letters NFKD does not decompose (Polish, Nordic, Croatian, Turkish). */
  case 0x0142: case 0x0141: return 'l';
  case 0x00F8: case 0x00D8: return 'o';
  case 0x0111: case 0x0110: return 'd';
  case 0x0131: return 'i';
  case 0x00DF: return -4; /* ß → ss */
  default: return cp;
  }
}

void ent_fold_ascii(const char *s, size_t len, char *out) {
  for (size_t i = 0; i < len; i++)
    out[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
  out[len] = '\0';
}

void ent_key_singular(char *key) {
  size_t o = 0, n = strlen(key);
  for (size_t i = 0; i < n; i++) {
    bool word_end = i + 1 == n || key[i + 1] == ' ';
    if (word_end && (key[i] == 's' || key[i] == 'x') && i > 0 && key[i - 1] != ' ') continue;
    key[o++] = key[i];
  }
  key[o] = '\0';
}

char *ent_fold_new(const char *s, size_t len) {
  /* Most words are ASCII: folding them is lower-casing them. */
  size_t k = 0;
  while (k < len && (unsigned char)s[k] < 0x80 && s[k] != '\0') k++;
  if (k == len) {
    char *d = malloc(len + 1);
    if (d) ent_fold_ascii(s, len, d);
    return d;
  }
  utf8proc_uint8_t *nfkd = NULL;
  utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &nfkd,
                                    UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK |
                                        UTF8PROC_CASEFOLD);
  if (n < 0) {
    /* Invalid input: fold byte-wise so callers still get a string. */
    char *d = ent_strndup(s, len);
    if (d)
      for (char *p = d; *p; p++)
        if (*p >= 'A' && *p <= 'Z') *p = (char)(*p - 'A' + 'a');
    return d;
  }
  /* Output never grows by more than 2x (œ → oe). */
  char *out = malloc((size_t)n * 2 + 1);
  if (!out) {
    free(nfkd);
    return NULL;
  }
  size_t o = 0, i = 0;
  while (i < (size_t)n) {
    int32_t cp = ent_utf8_next((const char *)nfkd, (size_t)n, &i);
    if (cp < 0) continue;
    int32_t u = unify(cp);
    if (u == -2) {
      out[o++] = 'o';
      out[o++] = 'e';
    } else if (u == -3) {
      out[o++] = 'a';
      out[o++] = 'e';
    } else if (u == -4) {
      out[o++] = 's';
      out[o++] = 's';
    } else {
      utf8proc_uint8_t buf[4];
      utf8proc_ssize_t k = utf8proc_encode_char(u, buf);
      memcpy(out + o, buf, (size_t)k);
      o += (size_t)k;
    }
  }
  out[o] = '\0';
  free(nfkd);
  return out;
}

char *ent_slug_new(const char *s, size_t len) {
  char *f = ent_fold_new(s, len);
  if (!f) return NULL;
  size_t o = 0;
  bool dash = false;
  for (size_t i = 0; f[i]; i++) {
    unsigned char c = (unsigned char)f[i];
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (dash && o) f[o++] = '-';
      f[o++] = (char)c;
      dash = false;
    } else {
      dash = true;
    }
  }
  f[o] = '\0';
  return f;
}

size_t ent_lower_into(const char *s, size_t len, char *out) {
  size_t i = 0, o = 0;
  while (i < len) {
    size_t at = i;
    int32_t cp = ent_utf8_next(s, len, &i);
    utf8proc_uint8_t buf[4];
    utf8proc_ssize_t k = cp < 0 ? 0 : utf8proc_encode_char(utf8proc_tolower(cp), buf);
    if (cp < 0 || (size_t)k > i - at) { /* keep the bytes as they were */
      memcpy(out + o, s + at, i - at);
      o += i - at;
    } else {
      memcpy(out + o, buf, (size_t)k);
      o += (size_t)k;
    }
  }
  return o;
}

bool ent_iri_ok(const char *s) {
  size_t len = strlen(s), i = 0;
  /* scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":" (RFC 3986) */
  if (!len || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'))) return false;
  while (i < len && s[i] != ':') {
    char c = s[i++];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
          c == '+' || c == '-' || c == '.'))
      return false;
  }
  if (i == len) return false;
  for (i = 0; i < len;) {
    int32_t cp = ent_utf8_next(s, len, &i);
    if (cp < 0 || cp <= 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
        (cp < 0x80 && strchr("<>\"{}|^`\\", (int)cp)))
      return false;
    /* Noncharacters are not ucschar (RFC 3987), and raptor cuts an IRI at
     * U+FFFE or U+FFFF: two IRIs would become one. */
    if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) return false;
  }
  return true;
}

/* reader: format detection, the text builder every output goes through,
 * dates, URLs, language tags, and what the HTML and feed readers share.
 * See reader.h; the HTML side is reader_html.c, feeds are reader_feed.c. */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "reader.h"
#include "reader_int.h"
#include "temporal.h"
#include "text.h"

/* ---- the text builder ---- */

void ent_rb_init(ent_rb *b, size_t limit, bool single_line) {
  memset(b, 0, sizeof *b);
  b->limit = limit;
  b->single_line = single_line;
}

void ent_rb_clear(ent_rb *b) {
  free(b->s);
  b->s = NULL;
  b->len = b->cap = 0;
  b->pending = 0;
}

static bool rb_room(ent_rb *b, size_t n) {
  if (b->nomem || b->over) return false;
  if (b->len + n > b->limit) {
    b->over = true;
    return false;
  }
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap * 2 : 256;
    while (cap < b->len + n + 1) cap *= 2;
    char *s = realloc(b->s, cap);
    if (!s) {
      b->nomem = true;
      return false;
    }
    b->s = s;
    b->cap = cap;
  }
  return true;
}

/* Windows-1252 for U+0080..U+009F: pages labelled ISO-8859-1 are in fact
 * windows-1252 (as browsers assume), and libxml2 decodes them as Latin-1,
 * so ’ arrives as U+0092. 0 = undefined (dropped). */
static const uint16_t CP1252[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

static bool is_space_cp(int32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == 0x0B ||
         cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* One code point in: spaces collapse, invisible and control characters go,
 * everything else is written as UTF-8. */
static void rb_put(ent_rb *b, int32_t cp) {
  if (cp >= 0x80 && cp <= 0x9F) cp = CP1252[cp - 0x80];
  if (is_space_cp(cp)) {
    if (b->len && b->pending < 1) b->pending = 1;
    return;
  }
  if (cp < 0x20 || cp == 0x7F || cp == 0 || cp == 0xAD || cp == 0x200B || cp == 0x2060 ||
      cp == 0xFEFF)
    return;
  char u[4];
  size_t n;
  if (cp < 0x80) {
    u[0] = (char)cp;
    n = 1;
  } else if (cp < 0x800) {
    u[0] = (char)(0xC0 | (cp >> 6));
    u[1] = (char)(0x80 | (cp & 0x3F));
    n = 2;
  } else if (cp < 0x10000) {
    u[0] = (char)(0xE0 | (cp >> 12));
    u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    u[2] = (char)(0x80 | (cp & 0x3F));
    n = 3;
  } else {
    u[0] = (char)(0xF0 | (cp >> 18));
    u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    u[3] = (char)(0x80 | (cp & 0x3F));
    n = 4;
  }
  size_t sep = b->len && b->pending ? 1 : 0;
  if (!rb_room(b, sep + n)) return;
  if (sep) b->s[b->len++] = b->pending == 2 && !b->single_line ? '\n' : ' ';
  b->pending = 0;
  memcpy(b->s + b->len, u, n);
  b->len += n;
  b->s[b->len] = '\0';
}

void ent_rb_text(ent_rb *b, const char *s, size_t n) {
  size_t i = 0;
  while (i < n && !b->over && !b->nomem) {
    if ((unsigned char)s[i] < 0x80) { /* the common case, without a decoder call */
      rb_put(b, (unsigned char)s[i++]);
      continue;
    }
    int32_t cp = ent_utf8_next(s, n, &i);
    rb_put(b, cp < 0 ? 0xFFFD : cp);
  }
}

void ent_rb_space(ent_rb *b) {
  if (b->len && b->pending < 1) b->pending = 1;
}

void ent_rb_break(ent_rb *b) {
  if (b->len) b->pending = 2;
}

char *ent_rb_take(ent_rb *b, size_t *len) {
  char *s = b->len ? b->s : NULL;
  if (len) *len = s ? b->len : 0;
  if (!s) free(b->s);
  b->s = NULL;
  b->len = b->cap = 0;
  b->pending = 0;
  return s;
}

/* ---- errors and libxml2's global error output ---- */

void ent_reader_fail(ent_reader_error *err, const char *fmt, ...) {
  if (!err) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err->msg, sizeof err->msg, fmt, ap);
  va_end(ap);
  /* libxml2's messages end with a newline: one line is what callers print. */
  for (char *p = err->msg; *p; p++)
    if (*p == '\n' || *p == '\r') *p = ' ';
  size_t n = strlen(err->msg);
  while (n && err->msg[n - 1] == ' ') err->msg[--n] = '\0';
}

static void silent(void *ctx, const char *msg, ...) {
  (void)ctx;
  (void)msg;
}

void ent_reader_quiet_begin(ent_reader_quiet *q) {
  xmlInitParser();
  q->ctx = xmlGenericErrorContext;
  q->fn = xmlGenericError;
  q->sctx = xmlStructuredErrorContext;
  q->sfn = xmlStructuredError;
  xmlSetGenericErrorFunc(NULL, silent);
  xmlSetStructuredErrorFunc(NULL, NULL);
}

void ent_reader_quiet_end(const ent_reader_quiet *q) {
  xmlSetGenericErrorFunc(q->ctx, q->fn);
  xmlSetStructuredErrorFunc(q->sctx, q->sfn);
}

/* ---- the pre-scan ---- */

/* libxml2 2.9 checks each attribute of a tag against all the earlier ones:
 * a tag with n attributes costs n² comparisons, and 16 MiB of attributes
 * would take hours. Count them (roughly: comments and CDATA are skipped,
 * script text may add a few) and refuse before parsing. Tags with at most
 * 32 attributes are free; bigger ones draw on a budget of 2^25 pairs. */
entente_status ent_reader_prescan(const char *buf, size_t len, ent_reader_error *err) {
  const uint64_t budget = 1u << 25;
  uint64_t spent = 0;
  size_t i = 0;
  while (i < len) {
    const char *lt = memchr(buf + i, '<', len - i);
    if (!lt) break;
    i = (size_t)(lt - buf) + 1;
    while (i < len && buf[i] == '\0') i++; /* UTF-16: ASCII with NULs between */
    if (i >= len) break;
    if (len - i >= 3 && memcmp(buf + i, "!--", 3) == 0) {
      const char *end = NULL;
      for (size_t k = i + 3; k + 2 < len && !end; k++)
        if (buf[k] == '-' && buf[k + 1] == '-' && buf[k + 2] == '>') end = buf + k;
      if (!end) break;
      i = (size_t)(end - buf) + 3;
      continue;
    }
    if (len - i >= 8 && memcmp(buf + i, "![CDATA[", 8) == 0) {
      const char *end = NULL;
      for (size_t k = i + 8; k + 2 < len && !end; k++)
        if (buf[k] == ']' && buf[k + 1] == ']' && buf[k + 2] == '>') end = buf + k;
      if (!end) break;
      i = (size_t)(end - buf) + 3;
      continue;
    }
    if (!isalpha((unsigned char)buf[i])) continue;
    /* A start tag: count names that follow white space, outside quotes. */
    uint64_t attrs = 0;
    char quote = 0;
    bool after_space = false;
    for (; i < len; i++) {
      char c = buf[i];
      if (c == '\0') continue;
      if (quote) {
        if (c == quote) quote = 0;
        continue;
      }
      if (c == '>') break;
      if (c == '"' || c == '\'') {
        quote = c;
        after_space = false;
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        after_space = true;
      } else {
        if (after_space && c != '=' && c != '/') attrs++;
        after_space = false;
      }
    }
    if (attrs > ENT_READER_MAX_ATTRS) {
      ent_reader_fail(err, "a tag has more than %u attributes (refused: too slow to parse)",
                      ENT_READER_MAX_ATTRS);
      return ENTENTE_ERR_MARKUP;
    }
    if (attrs > 32) spent += attrs * attrs;
    if (spent > budget) {
      ent_reader_fail(err, "too many tags with hundreds of attributes (refused: too slow to "
                           "parse)");
      return ENTENTE_ERR_MARKUP;
    }
  }
  return ENTENTE_OK;
}

/* ---- small helpers over libxml2 nodes ---- */

bool ent_reader_is(const xmlNode *n, const char *name) {
  return n && n->type == XML_ELEMENT_NODE && n->name &&
         strcasecmp((const char *)n->name, name) == 0;
}

char *ent_reader_attr(const xmlNode *n, const char *name) {
  if (!n || n->type != XML_ELEMENT_NODE) return NULL;
  /* HTML attribute names are lower case in the tree; feeds are exact. */
  for (const xmlAttr *a = n->properties; a; a = a->next)
    if (a->name && strcasecmp((const char *)a->name, name) == 0)
      return (char *)xmlNodeGetContent((const xmlNode *)a);
  return NULL;
}

bool ent_reader_has_token(const char *list, const char *tok) {
  size_t tl = strlen(tok);
  for (const char *p = list; p && *p;) {
    while (*p && isspace((unsigned char)*p)) p++;
    const char *s = p;
    while (*p && !isspace((unsigned char)*p)) p++;
    if ((size_t)(p - s) == tl && strncasecmp(s, tok, tl) == 0) return true;
  }
  return false;
}

char *ent_reader_line_new(const char *s, size_t max) {
  if (!s) return NULL;
  ent_rb b;
  ent_rb_init(&b, max, true);
  ent_rb_text(&b, s, strlen(s));
  return ent_rb_take(&b, NULL);
}

char *ent_reader_url_new(const char *s) {
  if (!s) return NULL;
  while (*s && isspace((unsigned char)*s)) s++;
  size_t n = strlen(s);
  while (n && isspace((unsigned char)s[n - 1])) n--;
  size_t scheme;
  if (n > 7 && strncasecmp(s, "http://", 7) == 0) scheme = 7;
  else if (n > 8 && strncasecmp(s, "https://", 8) == 0) scheme = 8;
  else return NULL;
  const char *hash = memchr(s, '#', n);
  if (hash) n = (size_t)(hash - s);
  if (n > 2048 || n <= scheme || s[scheme] == '/' || s[scheme] == '?') return NULL;
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    /* What IRIs (RFC 3987) never hold unescaped. */
    if (c <= 0x20 || c == 0x7F || strchr("<>\"{}|\\^`", c)) return NULL;
    if (c < 0x80) {
      i++;
      continue;
    }
    int32_t cp = ent_utf8_next(s, n, &i);
    if (cp < 0 || (cp >= 0x80 && cp <= 0x9F) || is_space_cp(cp)) return NULL;
  }
  char *u = ent_strndup(s, n);
  if (u) /* the scheme in lower case, as IRIs compare */
    for (size_t i = 0; i < scheme; i++) u[i] = (char)tolower((unsigned char)u[i]);
  return u;
}

char *ent_reader_lang_new(const char *s) {
  if (!s) return NULL;
  while (*s && isspace((unsigned char)*s)) s++;
  size_t n = strlen(s);
  while (n && isspace((unsigned char)s[n - 1])) n--;
  if (n == 0 || n > 35) return NULL;
  char *t = ent_strndup(s, n);
  if (!t) return NULL;
  size_t run = 0, sub = 0;
  for (size_t i = 0; i <= n; i++) {
    char c = i < n ? t[i] : '-';
    if (c == '_') c = t[i] = '-';
    if (c == '-') {
      /* primary subtag: 2-8 letters; others: 1-8 letters or digits */
      if (run == 0 || run > 8 || (sub == 0 && run < 2)) break;
      sub++;
      run = 0;
      if (i == n) return t;
      continue;
    }
    if (!isalnum((unsigned char)c) || (sub == 0 && !isalpha((unsigned char)c))) break;
    run++;
  }
  free(t);
  return NULL;
}

/* ---- dates ---- */

/* A month name, English or French, full or abbreviated ("Apr", "avr.",
 * "août", "September"), as 1-12; 0 when w is none. */
static int month_of(const char *w, size_t n) {
  static const struct {
    const char *name;
    int month;
  } names[] = {
      {"jan", 1},      {"january", 1},  {"janv", 1},      {"janvier", 1}, {"feb", 2},
      {"february", 2}, {"fev", 2},      {"fevr", 2},      {"fevrier", 2}, {"mar", 3},
      {"march", 3},    {"mars", 3},     {"apr", 4},       {"april", 4},   {"avr", 4},
      {"avril", 4},    {"may", 5},      {"mai", 5},       {"jun", 6},     {"june", 6},
      {"juin", 6},     {"jul", 7},      {"july", 7},      {"juil", 7},    {"juillet", 7},
      {"aug", 8},      {"august", 8},   {"aout", 8},      {"sep", 9},     {"sept", 9},
      {"september", 9}, {"septembre", 9}, {"oct", 10},    {"october", 10}, {"octobre", 10},
      {"nov", 11},     {"november", 11}, {"novembre", 11}, {"dec", 12},   {"december", 12},
      {"decembre", 12}};
  char low[16];
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)w[i];
    if (c == 0xC3 && i + 1 < n) { /* é É û Û: févr., août, déc. */
      unsigned char d = (unsigned char)w[++i];
      c = (d == 0xA9 || d == 0x89) ? 'e' : (d == 0xBB || d == 0x9B) ? 'u' : '?';
    }
    if (k + 1 >= sizeof low) return 0;
    low[k++] = (char)tolower(c);
  }
  low[k] = '\0';
  for (size_t m = 0; m < sizeof names / sizeof *names; m++)
    if (strcmp(low, names[m].name) == 0) return names[m].month;
  return 0;
}

static bool valid_ymd(int y, int m, int d, char out[11]) {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  char buf[16];
  snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  ent_date dt;
  if (ent_date_parse_iso(buf, &dt) != ENTENTE_OK) return false;
  memcpy(out, buf, 11);
  return true;
}

/* The value of s[0..n) when all digits (at most 8 of them), else -1. */
static int digits(const char *s, size_t n) {
  int v = 0;
  if (n > 8) return -1;
  for (size_t i = 0; i < n; i++) {
    if (!isdigit((unsigned char)s[i])) return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

bool ent_reader_date(const char *s, char out[11]) {
  if (!s) return false;
  while (*s && isspace((unsigned char)*s)) s++;
  size_t n = strlen(s);
  /* ISO 8601: 2024-04-23[T...], 2024/04/23, 20240423[T...] */
  if (n >= 10 && (s[4] == '-' || s[4] == '/') && s[7] == s[4] &&
      (n == 10 || !isdigit((unsigned char)s[10]))) {
    int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
    return y >= 0 && m >= 0 && d >= 0 && valid_ymd(y, m, d, out);
  }
  if (n >= 8 && digits(s, 8) >= 0 && (n == 8 || s[8] == 'T'))
    return valid_ymd(digits(s, 4), digits(s + 4, 2), digits(s + 6, 2), out);
  /* RFC 822 / 1123 "Tue, 23 Apr 2024 10:00:00 GMT", French "mardi 23 avril
   * 2024", "1er mai 2024", US "April 23, 2024": the first three tokens after
   * an optional weekday. */
  struct {
    int num, month;
    size_t len;
  } tok[4];
  int nt = 0;
  const char *p = s;
  while (*p && nt < 4) {
    while (*p && (isspace((unsigned char)*p) || *p == ',' || *p == '.')) p++;
    const char *w = p;
    while (*p && !isspace((unsigned char)*p) && *p != ',' && *p != '.') p++;
    if (p == w) break;
    size_t len = (size_t)(p - w);
    if (len > 2 && strncmp(w + len - 2, "er", 2) == 0 && isdigit((unsigned char)w[0]))
      len -= 2; /* 1er */
    tok[nt].num = digits(w, len);
    tok[nt].month = tok[nt].num < 0 ? month_of(w, len) : 0;
    tok[nt].len = len;
    if (nt == 0 && tok[0].num < 0 && !tok[0].month) continue; /* a weekday */
    nt++;
  }
  if (nt < 3) return false;
  int day, month, year;
  size_t ylen;
  if (tok[0].num >= 0 && tok[0].len <= 2 && tok[1].month && tok[2].num >= 0) {
    day = tok[0].num, month = tok[1].month, year = tok[2].num, ylen = tok[2].len;
  } else if (tok[0].month && tok[1].num >= 0 && tok[1].len <= 2 && tok[2].num >= 0) {
    month = tok[0].month, day = tok[1].num, year = tok[2].num, ylen = tok[2].len;
  } else {
    return false;
  }
  if (ylen == 2) year += year < 50 ? 2000 : 1900; /* RFC 822's two-digit years */
  else if (ylen != 4) return false;
  return valid_ymd(year, month, day, out);
}

char *ent_reader_date_new(const char *s) {
  char d[11];
  return ent_reader_date(s, d) ? ent_strndup(d, 10) : NULL;
}

/* ---- formats ---- */

static const char *const FORMAT_NAMES[] = {"auto", "text", "html", "rss", "atom"};

const char *ent_reader_format_name(ent_reader_format f) {
  return (unsigned)f < 5 ? FORMAT_NAMES[f] : "auto";
}

bool ent_reader_format_parse(const char *name, ent_reader_format *f) {
  for (int i = 0; name && i < 5; i++)
    if (strcmp(name, FORMAT_NAMES[i]) == 0) {
      *f = (ent_reader_format)i;
      return true;
    }
  return false;
}

/* The first occurrence of the NUL-terminated needle in [p, end), or NULL. */
static const char *find(const char *p, const char *end, const char *needle, bool nocase) {
  size_t n = strlen(needle);
  for (; p + n <= end; p++)
    if (nocase ? strncasecmp(p, needle, n) == 0 : memcmp(p, needle, n) == 0) return p;
  return NULL;
}

static bool starts(const char *p, const char *end, const char *what, bool nocase) {
  size_t n = strlen(what);
  return (size_t)(end - p) >= n && (nocase ? strncasecmp(p, what, n) : memcmp(p, what, n)) == 0;
}

#define PROBE_MAX (1u << 20)

/* Past "<?...?>", "<!--...-->" and "<!DOCTYPE ...>" at the start, the first
 * element's name decides. UTF-16 is read as its ASCII bytes. */
ent_reader_format ent_reader_detect(const char *buf, size_t len) {
  size_t i = 0;
  if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) i = 3;
  char *copy = NULL;
  const char *p = buf + i, *end = buf + len;
  if (len - i >= 2 && (memchr(buf + i, '\0', len - i < 4 ? len - i : 4))) {
    size_t cap = len < PROBE_MAX ? len : PROBE_MAX, n = 0;
    if (!(copy = malloc(cap + 1))) return ENT_READER_TEXT;
    for (size_t k = i; k < len && n < cap; k++)
      if (buf[k] != '\0' && (unsigned char)buf[k] < 0x80) copy[n++] = buf[k];
    copy[n] = '\0';
    p = copy;
    end = copy + n;
  }
  ent_reader_format f = ENT_READER_TEXT;
  bool markup = false;
  for (;;) {
    while (p < end && isspace((unsigned char)*p)) p++;
    if (p >= end || *p != '<') {
      f = p >= end && markup ? ENT_READER_HTML : ENT_READER_TEXT;
      break;
    }
    const char *close = NULL;
    if (starts(p, end, "<?", false)) {
      close = find(p, end, "?>", false);
      if (close) close += 2;
    } else if (starts(p, end, "<!--", false)) {
      close = find(p + 4, end, "-->", false);
      if (close) close += 3;
    } else if (starts(p, end, "<!doctype", true)) {
      const char *q = p + 9;
      while (q < end && isspace((unsigned char)*q)) q++;
      if (starts(q, end, "html", true) && (q + 4 >= end || !isalnum((unsigned char)q[4]))) {
        f = ENT_READER_HTML;
        break;
      }
      const char *bracket = find(q, end, "[", false), *gt = find(q, end, ">", false);
      if (bracket && gt && bracket < gt) { /* an internal subset: past "]" then ">" */
        close = find(bracket, end, "]", false);
        close = close ? find(close, end, ">", false) : NULL;
      } else {
        close = gt;
      }
      if (close) close++;
    } else {
      const char *s = p + 1, *q = s;
      while (q < end && (isalnum((unsigned char)*q) || *q == ':' || *q == '-' || *q == '_')) q++;
      if (q == s) { /* "<" and no name: not markup */
        f = markup ? ENT_READER_HTML : ENT_READER_TEXT;
        break;
      }
      const char *colon = memchr(s, ':', (size_t)(q - s));
      const char *local = colon ? colon + 1 : s;
      size_t ll = (size_t)(q - local);
      if (ll == 3 && strncasecmp(local, "rss", 3) == 0) f = ENT_READER_RSS;
      else if (ll == 3 && strncmp(local, "RDF", 3) == 0) f = ENT_READER_RSS;
      else if (ll == 4 && strncmp(local, "feed", 4) == 0) f = ENT_READER_ATOM;
      else f = ENT_READER_HTML;
      break;
    }
    markup = true;
    if (!close) { /* an unclosed prolog */
      f = ENT_READER_HTML;
      break;
    }
    p = close;
  }
  free(copy);
  return f;
}

/* ---- whole reads ---- */

void ent_reader_source_clear(ent_reader_source *s) {
  if (!s) return;
  free(s->text);
  free(s->title);
  free(s->date);
  free(s->author);
  free(s->lang);
  free(s->url);
  memset(s, 0, sizeof *s);
}

void ent_reader_source_free(ent_reader_source *src) {
  if (!src) return;
  ent_reader_source_clear(src);
  free(src);
}

void ent_reader_sources_free(ent_reader_source *items, size_t n) {
  if (!items) return;
  for (size_t i = 0; i < n; i++) ent_reader_source_clear(&items[i]);
  free(items);
}

entente_status ent_reader_read(const char *buf, size_t len, ent_reader_format format,
                               ent_reader_source **items_new, size_t *n,
                               ent_reader_error *err) {
  if (!buf || !items_new || !n) return ENTENTE_ERR_ARG;
  *items_new = NULL;
  *n = 0;
  if (format == ENT_READER_AUTO) format = ent_reader_detect(buf, len);
  if (format == ENT_READER_RSS || format == ENT_READER_ATOM)
    return ent_reader_feed(buf, len, items_new, n, err);
  ent_reader_source *one = NULL;
  if (format == ENT_READER_HTML) {
    entente_status st = ent_reader_html(buf, len, &one, err);
    if (st != ENTENTE_OK) return st;
  } else {
    size_t at = 0;
    entente_status st = ent_text_check(buf, len, &at);
    if (st != ENTENTE_OK) {
      if (st == ENTENTE_ERR_UTF8 || st == ENTENTE_ERR_BINARY)
        ent_reader_fail(err, "%s (byte %zu)", entente_strerror(st), at);
      else
        ent_reader_fail(err, "%s", entente_strerror(st));
      return st;
    }
    one = calloc(1, sizeof *one);
    if (one) one->text = ent_strndup(buf, len);
    if (!one || !one->text) {
      free(one);
      ent_reader_fail(err, "out of memory");
      return ENTENTE_ERR_NOMEM;
    }
    one->format = ENT_READER_TEXT;
    one->len = len;
  }
  *items_new = one; /* a single malloc'd struct is an array of one */
  *n = 1;
  return ENTENTE_OK;
}

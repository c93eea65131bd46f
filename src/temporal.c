/* temporal: French date expressions normalised against the publication date.
 *
 * The text is cut into small tokens (runs of letters and digits, single
 * punctuation marks) with their byte offsets in the original text and their
 * folded form; lexicon phrases are found by joining folded tokens the way the
 * lexicon builds its keys (one space where the text has white space), so
 * offsets never have to be mapped back through folding. Tokens are read
 * lazily: a search costs what it scans. The words themselves (months,
 * weekdays, time words, parts of a month, figures that are not years) come
 * from ontology/lexicon/time.ttl. */
#include "temporal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#define XSD "http://www.w3.org/2001/XMLSchema#"

/* Longest time phrase, in words and in tokens ("dans les semaines qui
 * viennent", "d'ici à la fin"); time.ttl says so too. */
#define MAX_WORDS 6
#define MAX_TOKS 10
#define HEADS_UNKNOWN 255
/* Every class a phrase is looked up in, once per key. */
#define LOOKED                                                                              \
  (ENT_LEX_MONTH | ENT_LEX_WEEKDAY | ENT_LEX_TIME_WORD | ENT_LEX_OTHER | ENT_LEX_CURRENCY | \
   ENT_LEX_SCALE)
/* How far before `from` tokens are read for context ("résolution 2254"). */
#define LOOKBACK 48

/* ---- calendar ---------------------------------------------------------- */

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int month_days(int y, int m) {
  static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : d[m - 1];
}

static bool valid_day(int y, int m, int d) {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= month_days(y, m);
}

/* Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's
 * days_from_civil), so that day arithmetic needs no libc time zone. */
static long days_from_civil(int y, int m, int d) {
  long yy = (long)y - (m <= 2);
  long era = (yy >= 0 ? yy : yy - 399) / 400;
  long yoe = yy - era * 400;
  long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static ent_date civil_from_days(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp < 10 ? mp + 3 : mp - 9;
  ent_date r = {(int)(yoe + era * 400 + (m <= 2)), (int)m, (int)d, ENT_PREC_DAY};
  return r;
}

static ent_date day_date(int y, int m, int d) {
  ent_date r = {y, m, d, ENT_PREC_DAY};
  return r;
}

static ent_date month_date(int y, int m) {
  ent_date r = {y, m, 0, ENT_PREC_MONTH};
  return r;
}

static ent_date year_date(int y) {
  ent_date r = {y, 0, 0, ENT_PREC_YEAR};
  return r;
}

static ent_date no_date(void) {
  ent_date r = {0, 0, 0, ENT_PREC_NONE};
  return r;
}

static ent_date add_days(const ent_date *d, long n) {
  return civil_from_days(days_from_civil(d->year, d->month, d->day) + n);
}

static ent_date add_months(int y, int m, int n) {
  long t = (long)y * 12 + (m - 1) + n;
  return month_date((int)(t / 12), (int)(t % 12) + 1);
}

/* Is d after p, compared at d's precision? */
static bool after(const ent_date *d, const ent_date *p) {
  if (d->year != p->year || d->prec == ENT_PREC_YEAR) return d->year > p->year;
  if (d->month != p->month || d->prec == ENT_PREC_MONTH) return d->month > p->month;
  return d->day > p->day;
}

entente_status ent_date_parse_iso(const char *s, ent_date *out) {
  if (!s || !out || strlen(s) != 10 || s[4] != '-' || s[7] != '-') return ENTENTE_ERR_DATE;
  int v[3] = {0, 0, 0};
  static const int from[3] = {0, 5, 8}, len[3] = {4, 2, 2};
  for (int k = 0; k < 3; k++)
    for (int i = 0; i < len[k]; i++) {
      char c = s[from[k] + i];
      if (c < '0' || c > '9') return ENTENTE_ERR_DATE;
      v[k] = v[k] * 10 + (c - '0');
    }
  if (!valid_day(v[0], v[1], v[2])) return ENTENTE_ERR_DATE;
  *out = day_date(v[0], v[1], v[2]);
  return ENTENTE_OK;
}

/* v in w digits, zero-padded (snprintf's "%0wd" for 0 <= v < 10^w). */
static char *put_padded(char *p, int v, int w) {
  for (int k = w - 1; k >= 0; k--, v /= 10) p[k] = (char)('0' + v % 10);
  return p + w;
}

bool ent_date_format(const ent_date *d, char *buf, size_t cap) {
  int n;
  if (!d || !buf || cap == 0) return false;
  /* Written by hand when it fits (a date for every fact: snprintf cost ten
   * times more); otherwise snprintf, whose answer it is. */
  if (cap > 10 && d->year >= 0 && d->year <= 9999 && d->month >= 0 && d->month <= 99 &&
      d->day >= 0 && d->day <= 99 && d->prec >= ENT_PREC_YEAR && d->prec <= ENT_PREC_DAY) {
    char *p = put_padded(buf, d->year, 4);
    if (d->prec >= ENT_PREC_MONTH) {
      *p++ = '-';
      p = put_padded(p, d->month, 2);
    }
    if (d->prec == ENT_PREC_DAY) {
      *p++ = '-';
      p = put_padded(p, d->day, 2);
    }
    *p = '\0';
    return true;
  }
  switch (d->prec) {
  case ENT_PREC_DAY: n = snprintf(buf, cap, "%04d-%02d-%02d", d->year, d->month, d->day); break;
  case ENT_PREC_MONTH: n = snprintf(buf, cap, "%04d-%02d", d->year, d->month); break;
  case ENT_PREC_YEAR: n = snprintf(buf, cap, "%04d", d->year); break;
  default: return false;
  }
  return n > 0 && (size_t)n < cap;
}

const char *ent_date_xsd_type(const ent_date *d) {
  switch (d ? d->prec : ENT_PREC_NONE) {
  case ENT_PREC_DAY: return XSD "date";
  case ENT_PREC_MONTH: return XSD "gYearMonth";
  case ENT_PREC_YEAR: return XSD "gYear";
  default: return NULL;
  }
}

int ent_date_weekday(const ent_date *d) {
  if (!d || d->prec != ENT_PREC_DAY || !valid_day(d->year, d->month, d->day)) return 0;
  long z = days_from_civil(d->year, d->month, d->day);
  /* 1970-01-01 was a Thursday (4). */
  return (int)(((z % 7 + 7) % 7 + 3) % 7) + 1;
}

/* ---- tokens ------------------------------------------------------------ */

typedef struct {
  size_t start, end; /* bytes in the original text */
  char fold[32];     /* folded form; "" when too long to be a time word */
  uint8_t flen;      /* strlen(fold) */
  bool word;         /* letters and digits */
  bool digits;       /* ASCII digits only */
  bool cap;          /* starts with a capital letter */
  bool lower;        /* has a lower-case letter */
  bool space;        /* white space between it and the previous token */
  bool brk;          /* a line break there: no phrase runs over it */
  bool partial;      /* the tail of a word cut by the scan window */
  unsigned looked;   /* bit n: the phrase of n tokens from here was looked up */
  uint8_t heads;     /* HEADS_UNKNOWN, or the words of the longest phrase from here */
  unsigned hcls;     /* with heads: the classes of the phrases from here */
  /* Its entries: scan.hits[hit_at[n] .. hit_at[n] + nhit[n]). */
  uint32_t hit_at[MAX_TOKS + 1];
  uint8_t nhit[MAX_TOKS + 1];
} tok;

/* Tokens live in fixed blocks so that a pointer to one stays valid while
 * more are read. */
#define BLOCK 64

typedef struct {
  const ent_lexicon *lex;
  const char *text;
  size_t len, pos;
  size_t first; /* where reading started: a word there may be cut (cut) */
  tok **blocks;
  size_t n, nblocks;
  const ent_lex_entry **hits; /* every lookup is done once per scan */
  size_t nhits, caphits;
  size_t maxw;
  bool space, brk, cut, nomem;
  const ent_temporal_hints *hints; /* or NULL */
} scan;

static bool is_space_cp(int32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x00A0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

static inline bool is_word_cp(int32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  /* Combining marks too, for text that is not in NFC. */
  return (c >= 0x0300 && c <= 0x036F) || ent_cp_is_alpha(c);
}

static void fold_into(scan *s, tok *t) {
  size_t n = t->end - t->start;
  const char *p = s->text + t->start;
  t->fold[0] = '\0';
  t->flen = 0;
  size_t i = 0;
  /* ASCII folds to lower case here (most words); a longer word is no key. */
  for (; i < n && i < sizeof t->fold && (unsigned char)p[i] < 0x80; i++)
    t->fold[i] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] - 'A' + 'a' : p[i]);
  if (i == n && n < sizeof t->fold) {
    t->fold[n] = '\0';
    t->flen = (uint8_t)n;
    return;
  }
  t->fold[0] = '\0';
  bool ascii = true;
  for (size_t k = i; k < n && ascii; k++) ascii = (unsigned char)p[k] < 0x80;
  if (ascii) return; /* too long */
  const char *f = ent_lexicon_fold(s->lex, p, n);
  if (!f) {
    s->nomem = true;
    return;
  }
  size_t fl = strlen(f);
  if (fl < sizeof t->fold) {
    memcpy(t->fold, f, fl + 1);
    t->flen = (uint8_t)fl;
  }
}

/* Read the next token; false at the end of the text. */
static bool read_tok(scan *s) {
  while (s->pos < s->len) {
    size_t at = s->pos, i = s->pos;
    int32_t c = ent_utf8_next(s->text, s->len, &i);
    if (is_space_cp(c)) {
      s->space = true;
      if (c == '\n') s->brk = true;
      s->pos = i;
      continue;
    }
    if (s->n == s->nblocks * BLOCK) {
      tok **b = realloc(s->blocks, (s->nblocks + 1) * sizeof *b);
      if (!b) {
        s->nomem = true;
        return false;
      }
      s->blocks = b;
      if (!(b[s->nblocks] = malloc(BLOCK * sizeof **b))) {
        s->nomem = true;
        return false;
      }
      s->nblocks++;
    }
    tok *t = &s->blocks[s->n / BLOCK][s->n % BLOCK];
    /* Not memset: hit_at and nhit are read only where `looked` says. */
    t->lower = false;
    t->looked = 0;
    t->heads = HEADS_UNKNOWN;
    t->start = at;
    t->word = is_word_cp(c);
    t->digits = c >= '0' && c <= '9';
    t->cap = c > 0 && ent_cp_is_upper(c);
    if (t->word) {
      size_t j = i;
      while (j < s->len) {
        size_t k = j;
        int32_t d = ent_utf8_next(s->text, s->len, &k);
        if (!is_word_cp(d)) break;
        t->digits = t->digits && d >= '0' && d <= '9';
        t->lower = t->lower ||
                   (d > 0x7F ? !ent_cp_is_upper(d) && ent_cp_is_alpha(d) : d >= 'a' && d <= 'z');
        j = k;
      }
      i = j;
    }
    t->end = i;
    t->space = s->space;
    t->brk = s->brk;
    t->partial = s->cut && t->word && at == s->first;
    s->space = s->brk = false;
    s->pos = i;
    fold_into(s, t);
    if (s->nomem) return false;
    s->n++;
    return true;
  }
  return false;
}

/* Token i, reading as far as needed; NULL past the end. */
static tok *tok_at(scan *s, size_t i) {
  while (s->n <= i)
    if (!read_tok(s)) return NULL;
  return &s->blocks[i / BLOCK][i % BLOCK];
}

static const tok *at(scan *s, size_t i) { return tok_at(s, i); }

/* Token i when it follows the previous one on the same line. */
static const tok *next_to(scan *s, size_t i) {
  const tok *t = at(s, i);
  return t && !t->brk ? t : NULL;
}

static bool is_fold(const tok *t, const char *f) { return t && strcmp(t->fold, f) == 0; }

/* Punctuation that may sit inside a phrase (aujourd'hui, mi-, janv.). */
static bool joins(const tok *t) {
  return t->word || is_fold(t, "'") || is_fold(t, "-") || is_fold(t, ".") || is_fold(t, "°");
}

static long num(const tok *t) { return strtol(t->fold, NULL, 10); }

/* The folded key of tokens [i, j), as the lexicon builds keys. */
static bool key_of(scan *s, size_t i, size_t j, char *buf, size_t cap) {
  size_t o = 0;
  for (size_t k = i; k < j; k++) {
    const tok *t = at(s, k);
    if (!t || !t->fold[0] || (k > i && t->brk)) return false;
    size_t n = t->flen;
    if (o + n + 2 > cap) return false;
    if (k > i && t->space) buf[o++] = ' ';
    memcpy(buf + o, t->fold, n);
    o += n;
  }
  buf[o] = '\0';
  return o > 0;
}

static bool has_prop(const ent_lex_entry *e, const char *prop, const char *value) {
  if (!prop) return true;
  for (size_t n = 0;; n++) {
    const char *v = ent_lex_prop_nth(e, prop, n);
    if (!v) return false;
    if (!value || strcmp(v, value) == 0) return true;
  }
}

/* Look the phrase of n tokens from token i up (once per scan), keeping its
 * entries in s->hits; false when the lexicon does not have it. */
static bool lookup(scan *s, size_t i, size_t n) {
  tok *t = tok_at(s, i);
  unsigned bit = 1u << n;
  if (!t) return false;
  if (t->looked & bit) return t->nhit[n] > 0;
  t->looked |= bit;
  t->nhit[n] = 0;
  char key[MAX_TOKS * (sizeof t->fold + 1)];
  if (!key_of(s, i, i + n, key, sizeof key)) return false;
  ent_lex_hit hits[8];
  size_t nh = ent_lexicon_lookup(s->lex, key, LOOKED, hits, 8);
  if (nh > 8) nh = 8;
  if (s->nhits + nh > s->caphits) {
    size_t c = s->caphits ? s->caphits * 2 : 16;
    while (c < s->nhits + nh) c *= 2;
    const ent_lex_entry **m = c <= UINT32_MAX ? realloc(s->hits, c * sizeof *m) : NULL;
    if (!m) {
      s->nomem = true;
      return false;
    }
    s->hits = m;
    s->caphits = c;
  }
  t->hit_at[n] = (uint32_t)s->nhits;
  t->nhit[n] = (uint8_t)nh;
  for (size_t k = 0; k < nh; k++) s->hits[s->nhits++] = hits[k].entry;
  return nh > 0;
}

/* The words of the longest phrase that starts with token i (tokens not
 * parted by a space are one key word, "l'an", which a phrase may end inside
 * of, "mercredi."); 0 when none does, which is most words. */
static size_t head_words(scan *s, size_t i) {
  tok *t = tok_at(s, i);
  if (t->heads != HEADS_UNKNOWN) return t->heads;
  size_t maxw = 0;
  unsigned cls = 0;
  /* A word with nothing glued after it is its own only key, which the
   * hints may know the heads of. */
  const tok *u = t->fold[0] ? at(s, i + 1) : NULL;
  bool alone = !u || u->space || u->brk || !joins(u) || !u->fold[0];
  if (t->fold[0] && alone && s->hints &&
      s->hints->word_heads(s->hints->ctx, t->start, t->end, &maxw, &cls)) {
    /* known */
  } else if (t->fold[0]) {
    /* The key of tokens [i, i + g), glued: key_of's, grown a token at a time. */
    char first[MAX_TOKS * (sizeof t->fold + 1)];
    size_t o = 0;
    for (size_t g = 1; g <= MAX_TOKS; g++) {
      const tok *u = g > 1 ? at(s, i + g - 1) : t;
      if (!u || (g > 1 && (u->space || u->brk || !joins(u) || !u->fold[0]))) break;
      memcpy(first + o, u->fold, u->flen + 1u);
      o += u->flen;
      size_t hw;
      unsigned hc;
      ent_lexicon_head(s->lex, first, &hw, &hc);
      if (hw > maxw) maxw = hw;
      cls |= hc;
    }
  }
  t->hcls = cls;
  t->heads = (uint8_t)(maxw < HEADS_UNKNOWN ? maxw : HEADS_UNKNOWN - 1);
  return t->heads;
}

/* The lexicon entry of the longest phrase starting at token i, of a class in
 * `cls` and (when `prop` is given) with that property (equal to `value` when
 * given). *end is the token after the phrase. */
static const ent_lex_entry *phrase(scan *s, size_t i, unsigned cls, const char *prop,
                                   const char *value, size_t *end) {
  const tok *t = at(s, i);
  if (!t || t->partial || !t->fold[0]) return NULL;
  size_t maxw = head_words(s, i);
  /* Every key looked up below starts with one of head_words' keys. */
  if (maxw == 0 || !(t->hcls & cls)) return NULL;
  if (maxw > s->maxw) maxw = s->maxw;
  size_t n = 1, words = 1;
  while (n < MAX_TOKS) {
    const tok *u = at(s, i + n);
    if (!u || u->brk || !joins(u) || !u->fold[0]) break;
    if (u->space && ++words > maxw) break;
    n++;
  }
  /* A phrase of g + 1 tokens has the key of its first g as a prefix: stop
   * at the first that is none ("a" starts phrases, "a declare" none). */
  char key[MAX_TOKS * (sizeof t->fold + 1)];
  for (size_t g = 1; g < n; g++) {
    if (!key_of(s, i, i + g, key, sizeof key) ||
        !(ent_lexicon_prefix_classes(s->lex, key) & cls)) {
      n = g;
      break;
    }
  }
  for (; n > 0; n--) {
    if (!lookup(s, i, n)) continue;
    for (size_t k = 0; k < t->nhit[n]; k++) {
      const ent_lex_entry *e = s->hits[t->hit_at[n] + k];
      if ((ent_lex_classes(e) & cls) && has_prop(e, prop, value)) {
        *end = i + n;
        return e;
      }
    }
  }
  return NULL;
}

static int prop_int(const ent_lex_entry *e, const char *key, int dflt) {
  const char *v = ent_lex_prop(e, key);
  if (!v) return dflt;
  char *end;
  long n = strtol(v, &end, 10);
  return end != v && *end == '\0' && n > -10000 && n < 10000 ? (int)n : dflt;
}

static bool prop_is(const ent_lex_entry *e, const char *key, const char *value) {
  const char *v = ent_lex_prop(e, key);
  return v && strcmp(v, value) == 0;
}

/* ---- resolution -------------------------------------------------------- */

/* Which occurrence of a month, day or weekday the text means. */
typedef enum {
  BACK,        /* on or before the publication date (the default) */
  BACK_STRICT, /* dernier: strictly before */
  FWD,         /* future tense: on or after */
  FWD_STRICT   /* prochain: strictly after */
} way;

typedef struct {
  const ent_date *pub;
  bool tense;
} ctx;

/* The way a bare expression points, from its modifier and the clause. */
static way way_of(int dir, bool tense, bool strict_default) {
  if (dir < 0) return BACK_STRICT;
  if (dir > 0) return FWD_STRICT;
  if (tense) return strict_default ? FWD_STRICT : FWD;
  return BACK;
}

static int dir_of(const ent_lex_entry *e) {
  if (!e) return 0;
  if (prop_is(e, "direction", "past")) return -1;
  if (prop_is(e, "direction", "future")) return 1;
  return 0;
}

static ent_date resolve_day_month(const ent_date *p, int m, int d, way w) {
  int y = p->year;
  int c = m != p->month ? (m > p->month ? 1 : -1) : (d > p->day) - (d < p->day);
  int step = w == BACK || w == BACK_STRICT ? -1 : 1;
  if ((w == BACK && c > 0) || (w == BACK_STRICT && c >= 0) || (w == FWD && c < 0) ||
      (w == FWD_STRICT && c <= 0))
    y += step;
  /* 29 February: the nearest leap year that way. */
  for (int k = 0; k < 8 && !valid_day(y, m, d); k++) y += step;
  return valid_day(y, m, d) ? day_date(y, m, d) : no_date();
}

static ent_date resolve_month(const ent_date *p, int m, way w) {
  int y = p->year;
  if ((w == BACK && m > p->month) || (w == BACK_STRICT && m >= p->month)) y--;
  if ((w == FWD && m < p->month) || (w == FWD_STRICT && m <= p->month)) y++;
  return month_date(y, m);
}

static ent_date resolve_weekday(const ent_date *p, int wd, way w) {
  int today = ent_date_weekday(p);
  long back = (today - wd + 7) % 7, fwd = (wd - today + 7) % 7;
  if (w == BACK) return add_days(p, -back);
  if (w == BACK_STRICT) return add_days(p, back ? -back : -7);
  return add_days(p, fwd ? fwd : 7);
}

/* A time word with ent:offset and ent:unit, against the publication date. */
static bool resolve_offset(const ent_lex_entry *e, const ent_date *p, ent_date *out) {
  const char *unit = ent_lex_prop(e, "unit");
  if (!unit || !ent_lex_prop(e, "offset")) return false;
  int off = prop_int(e, "offset", 0);
  if (!p) {
    *out = no_date();
  } else if (strcmp(unit, "day") == 0) {
    *out = add_days(p, off);
  } else if (strcmp(unit, "week") == 0) {
    /* Only the month of the day a week away: no day is invented. */
    ent_date d = add_days(p, 7L * off);
    *out = month_date(d.year, d.month);
  } else if (strcmp(unit, "month") == 0) {
    *out = add_months(p->year, p->month, off);
  } else if (strcmp(unit, "year") == 0) {
    *out = year_date(p->year + off);
  } else {
    return false;
  }
  return true;
}

/* Whether a resolved expression points forward by its own words; without a
 * publication date, the tense that would have turned it forward says so. */
static bool points_ahead(const ctx *c, int dir, way w) {
  return dir > 0 || (!c->pub && (w == FWD || w == FWD_STRICT));
}

/* Fill *out; `ahead` says the expression points forward by its words or by
 * the tense it was resolved with. */
static bool found(scan *s, const ctx *c, size_t first, size_t last, ent_date d, bool ahead,
                  ent_time_match *out) {
  out->date = d;
  out->future = ahead || (c->pub && d.prec != ENT_PREC_NONE && after(&d, c->pub));
  out->start = at(s, first)->start;
  out->end = at(s, last)->end;
  return true;
}

/* ---- expressions ------------------------------------------------------- */

/* A day of the month: "9", "09", "1er". */
static int day_value(const tok *t) {
  if (!t || !t->word) return 0;
  if (t->digits && strlen(t->fold) <= 2) {
    long v = num(t);
    return v >= 1 && v <= 31 ? (int)v : 0;
  }
  return strcmp(t->fold, "1er") == 0 ? 1 : 0;
}

/* A four-digit figure right after the previous token: "avril 2023". */
static int year_after(scan *s, size_t i) {
  const tok *t = next_to(s, i);
  if (!t || !t->space || !t->digits || strlen(t->fold) != 4) return 0;
  long v = num(t);
  return v >= 1000 && v <= 2999 ? (int)v : 0;
}

/* A modifier (dernier, prochain) at token i: its direction, and *end. */
static int modifier_at(scan *s, size_t i, size_t *end) {
  const tok *t = next_to(s, i);
  if (!t || !t->space) return 0;
  const ent_lex_entry *e = phrase(s, i, ENT_LEX_TIME_WORD, "modifier", NULL, end);
  return e ? dir_of(e) : 0;
}

/* A word next to the figure at token i that makes it no year. */
static bool not_a_year(scan *s, size_t i) {
  size_t end;
  const tok *n = next_to(s, i + 1);
  if (n && (phrase(s, i + 1, ENT_LEX_CURRENCY | ENT_LEX_SCALE, NULL, NULL, &end) ||
            phrase(s, i + 1, ENT_LEX_OTHER, "side", "after", &end)))
    return true;
  for (size_t k = 1; k <= 3 && k <= i && !at(s, i)->brk; k++) {
    if (at(s, i - k)->partial) break;
    if (phrase(s, i - k, ENT_LEX_OTHER, "side", "before", &end) && end == i) return true;
  }
  return false;
}

/* A four-digit year standing alone: "en 2022", "depuis 2014". */
static bool year_at(scan *s, size_t i, const ctx *c, ent_time_match *out) {
  const tok *t = at(s, i);
  if (!t->digits || strlen(t->fold) != 4) return false;
  long v = num(t);
  if (v < 1900 || v > 2100) return false;
  /* Part of a larger figure: "3,2024", "1 2024", "2024,5", "2024 000". */
  const tok *p1 = i > 0 ? at(s, i - 1) : NULL, *p2 = i > 1 ? at(s, i - 2) : NULL;
  if (p1 && !t->brk && t->space && p1->digits) return false;
  if (p1 && p2 && !t->space && !p1->space && (is_fold(p1, ",") || is_fold(p1, ".")) && p2->digits)
    return false;
  const tok *n1 = next_to(s, i + 1), *n2 = n1 ? next_to(s, i + 2) : NULL;
  if (n1 && n2 && !n1->space && !n2->space && (is_fold(n1, ",") || is_fold(n1, ".")) && n2->digits)
    return false;
  if (n1 && n1->space && n1->digits && strlen(n1->fold) == 3) return false;
  if (not_a_year(s, i)) return false;
  return found(s, c, i, i, year_date((int)v), false, out);
}

/* "9 avril", "1er octobre 2024", "le 5 novembre dernier", from token `first`
 * (a weekday or the day itself) with the day at token i. */
static bool day_month_at(scan *s, size_t first, size_t i, const ctx *c, ent_time_match *out) {
  int d = day_value(at(s, i));
  const tok *mt = next_to(s, i + 1);
  size_t j, k;
  if (!d || !mt) return false;
  /* "du 12 au 14 avril": the month after the second day, dated by the first. */
  if (phrase(s, i + 1, ENT_LEX_OTHER, "range", NULL, &k)) {
    const tok *d2 = next_to(s, k);
    if (d2 && day_value(d2) >= d && next_to(s, k + 1)) {
      i = k;
      mt = next_to(s, i + 1);
    }
  }
  if (!mt->space) return false;
  const ent_lex_entry *me = phrase(s, i + 1, ENT_LEX_MONTH, NULL, NULL, &j);
  if (!me) return false;
  int m = prop_int(me, "number", 0);
  if (m < 1 || m > 12 || !valid_day(2000, m, d)) return false;
  int y = year_after(s, j);
  if (y) {
    if (!valid_day(y, m, d)) return false;
    return found(s, c, first, j, day_date(y, m, d), false, out);
  }
  int dir = modifier_at(s, j, &k);
  if (dir) j = k;
  way w = way_of(dir, c->tense, false);
  ent_date r = c->pub ? resolve_day_month(c->pub, m, d, w) : no_date();
  return found(s, c, first, j - 1, r, points_ahead(c, dir, w), out);
}

/* "de la même année" from token j. */
static bool same_year_at(scan *s, size_t j) {
  static const char *const W[] = {"de", "la", "meme", "annee"};
  for (size_t k = 0; k < 4; k++) {
    const tok *t = next_to(s, j + k);
    if (!t || strcmp(t->fold, W[k]) != 0) return false;
  }
  return true;
}

/* The last year written in figures before byte `end` ("en mars 2023 …"),
 * or 0. */
static int year_before(const char *text, size_t end) {
  for (size_t i = end; i >= 4; i--) {
    const char *p = text + i - 4;
    bool digits = true;
    for (size_t k = 0; k < 4; k++) digits = digits && p[k] >= '0' && p[k] <= '9';
    if (!digits || (i > 4 && p[-1] >= '0' && p[-1] <= '9') ||
        (i < end && text[i] >= '0' && text[i] <= '9'))
      continue;
    int v = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
    if (v >= 1900 && v <= 2100) return v;
  }
  return 0;
}

/* A month from token `first` (a part word or the month), the month phrase
 * ending before token j: "novembre", "avril 2023", "mars prochain", "mai de
 * la même année" (the year written last before it). */
static bool month_at(scan *s, size_t first, const ent_lex_entry *e, size_t j, bool abbr_ok,
                     bool ahead, const ctx *c, ent_time_match *out) {
  int m = prop_int(e, "number", 0);
  if (m < 1 || m > 12) return false;
  int y = year_after(s, j);
  if (y) return found(s, c, first, j, month_date(y, m), ahead, out);
  if (same_year_at(s, j) && (y = year_before(s->text, at(s, first)->start)) != 0)
    return found(s, c, first, j + 3, month_date(y, m), ahead, out);
  /* "janv." alone may be anything; with a year or a day it is a month. */
  if (!abbr_ok && is_fold(at(s, j - 1), ".")) return false;
  size_t k;
  int dir = modifier_at(s, j, &k);
  if (dir) j = k;
  way w = way_of(dir, c->tense, false);
  ent_date r = c->pub ? resolve_month(c->pub, m, w) : no_date();
  return found(s, c, first, j - 1, r, ahead || points_ahead(c, dir, w), out);
}

/* A capitalised month name that is a name or part of one: "Avril Haines",
 * "a dit Avril", "place du 4-Septembre". French writes months in lower case
 * except at the head of a sentence. */
static bool month_in_name(scan *s, size_t i, size_t j) {
  const tok *t = at(s, i), *p = i > 0 ? at(s, i - 1) : NULL, *n = next_to(s, j);
  if (p && !t->space && is_fold(p, "-") && i > 1 && at(s, i - 2)->digits && !p->space) return true;
  if (!t->cap || !t->lower) return false; /* lower case, or a headline in capitals */
  if (p && !t->brk && (p->word || is_fold(p, ","))) return true;
  return n && n->space && n->word && n->cap && !n->digits;
}

/* "vendredi", "mardi dernier", "lundi prochain", "samedi 20 avril". */
static bool weekday_at(scan *s, size_t i, const ent_lex_entry *e, size_t j, const ctx *c,
                       ent_time_match *out) {
  const tok *n = next_to(s, j);
  if (n && n->space && day_value(n) && day_month_at(s, i, j, c, out)) return true;
  int wd = prop_int(e, "number", 0);
  if (wd < 1 || wd > 7) return false;
  size_t k;
  int dir = modifier_at(s, j, &k);
  if (dir) j = k;
  way w = way_of(dir, c->tense, true);
  ent_date r = c->pub ? resolve_weekday(c->pub, wd, w) : no_date();
  return found(s, c, i, j - 1, r, points_ahead(c, dir, w), out);
}

/* "hier", "l'an dernier", "la veille", "prochainement". */
static bool timeword_at(scan *s, size_t i, const ent_lex_entry *e, size_t j, const ctx *c,
                        ent_time_match *out) {
  if (ent_lex_prop(e, "modifier") || ent_lex_prop(e, "bound")) return false;
  bool ahead = dir_of(e) > 0;
  if (ent_lex_prop(e, "anchor")) return found(s, c, i, j - 1, no_date(), false, out);
  ent_date r;
  if (resolve_offset(e, c->pub, &r)) return found(s, c, i, j - 1, r, ahead, out);
  if (ahead) return found(s, c, i, j - 1, no_date(), true, out);
  return false;
}

/* "début mars", "mi-juillet", "fin 2023", "à la fin de l'année dernière",
 * "d'ici 2030": a part word (ending before token jp), an optional link, then
 * a month, a year or a time word of month or year. */
static bool part_at(scan *s, size_t i, const ent_lex_entry *pe, size_t jp, const ctx *c,
                    ent_time_match *out) {
  size_t k = jp, kl;
  bool ahead = dir_of(pe) > 0;
  const tok *t = next_to(s, k);
  if (t && phrase(s, k, ENT_LEX_OTHER, "link", NULL, &kl)) {
    k = kl;
    t = next_to(s, k);
  }
  if (!t) return false;
  if (t->digits && strlen(t->fold) == 4) {
    long v = num(t);
    if (v < 1000 || v > 2999 || not_a_year(s, k)) return false;
    return found(s, c, i, k, year_date((int)v), ahead, out);
  }
  size_t j;
  const ent_lex_entry *e = phrase(s, k, ENT_LEX_MONTH | ENT_LEX_TIME_WORD, NULL, NULL, &j);
  if (!e) return false;
  if (ent_lex_classes(e) & ENT_LEX_MONTH) return month_at(s, i, e, j, true, ahead, c, out);
  const char *unit = ent_lex_prop(e, "unit");
  ent_date r;
  if (!unit || (strcmp(unit, "month") != 0 && strcmp(unit, "year") != 0) ||
      !resolve_offset(e, c->pub, &r))
    return false;
  return found(s, c, i, j - 1, r, ahead || dir_of(e) > 0, out);
}

/* "2024-04-19" and "19/04/2024", written in figures. */
static bool numeric_date_at(scan *s, size_t i, const ctx *c, ent_time_match *out) {
  const tok *t[5];
  for (size_t k = 0; k < 5; k++) {
    t[k] = at(s, i + k);
    if (!t[k] || (k > 0 && t[k]->space)) return false;
  }
  size_t l0 = strlen(t[0]->fold), l2 = strlen(t[2]->fold), l4 = strlen(t[4]->fold);
  if (!t[0]->digits || !t[2]->digits || !t[4]->digits) return false;
  int y, m, d;
  if (l0 == 4 && l2 == 2 && l4 == 2 && is_fold(t[1], "-") && is_fold(t[3], "-")) {
    y = (int)num(t[0]), m = (int)num(t[2]), d = (int)num(t[4]);
  } else if (l0 <= 2 && l2 <= 2 && l4 == 4 && is_fold(t[1], "/") && is_fold(t[3], "/")) {
    d = (int)num(t[0]), m = (int)num(t[2]), y = (int)num(t[4]);
  } else {
    return false;
  }
  if (!valid_day(y, m, d)) return false;
  return found(s, c, i, i + 4, day_date(y, m, d), false, out);
}

static bool match_at(scan *s, size_t i, const ctx *c, ent_time_match *out) {
  const tok *t = at(s, i);
  if (t->digits)
    return numeric_date_at(s, i, c, out) || day_month_at(s, i, i, c, out) || year_at(s, i, c, out);
  if (day_value(t)) return day_month_at(s, i, i, c, out);
  size_t j = 0, jp = 0;
  const ent_lex_entry *e =
      phrase(s, i, ENT_LEX_MONTH | ENT_LEX_WEEKDAY | ENT_LEX_TIME_WORD, NULL, NULL, &j);
  const ent_lex_entry *pe = phrase(s, i, ENT_LEX_OTHER, "part", NULL, &jp);
  if (pe && (!e || jp >= j) && part_at(s, i, pe, jp, c, out)) return true;
  if (!e) return false;
  unsigned cls = ent_lex_classes(e);
  if (cls & ENT_LEX_WEEKDAY) return weekday_at(s, i, e, j, c, out);
  if (cls & ENT_LEX_MONTH)
    return !month_in_name(s, i, j) && month_at(s, i, e, j, false, false, c, out);
  return timeword_at(s, i, e, j, c, out);
}

bool ent_temporal_find(const ent_lexicon *lex, const char *text, size_t len, size_t from,
                       const ent_date *pub, bool future_tense, ent_time_match *out) {
  return ent_temporal_find_hinted(lex, text, len, from, pub, future_tense, NULL, out);
}

/* No expression looks further back than the third token before it
 * (not_a_year); the tokens before those are read for nothing. With hints,
 * a search starts at the third token before `from` when it lies within the
 * context window [back, from): the tokens from there are the window's,
 * those a match reads the same (the first token's own space and line break
 * are not read). The boundaries are read as read_tok reads them. */
static size_t narrow_back(const char *text, size_t len, size_t back, size_t from) {
  size_t ring[3] = {back, back, back}, n = 0, pos = back;
  while (pos < from) {
    size_t at = pos;
    int32_t c = ent_utf8_next(text, len, &pos);
    if (is_space_cp(c)) continue;
    if (is_word_cp(c)) {
      size_t k = pos;
      while (k < len && is_word_cp(ent_utf8_next(text, len, &k))) pos = k;
    }
    if (at >= from) break;
    ring[n % 3] = at;
    n++;
  }
  return n >= 3 ? ring[n % 3] : back;
}

bool ent_temporal_find_hinted(const ent_lexicon *lex, const char *text, size_t len, size_t from,
                              const ent_date *pub, bool future_tense,
                              const ent_temporal_hints *hints, ent_time_match *out) {
  if (!lex || !text || !out || from >= len) return false;
  if (pub && (pub->prec != ENT_PREC_DAY || !valid_day(pub->year, pub->month, pub->day))) pub = NULL;
  scan s;
  memset(&s, 0, sizeof s);
  s.lex = lex;
  s.text = text;
  s.len = len;
  s.hints = hints;
  s.maxw = ent_lexicon_max_words(lex);
  if (s.maxw > MAX_WORDS || s.maxw == 0) s.maxw = MAX_WORDS;
  /* Start a little before `from` for context, on a character boundary; a
   * word cut there is only context. */
  size_t back = from > LOOKBACK ? from - LOOKBACK : 0;
  while (back < from && ((unsigned char)text[back] & 0xC0) == 0x80) back++;
  if (hints) back = narrow_back(text, len, back, from);
  if (back > 0) {
    size_t q = back - 1;
    while (q > 0 && ((unsigned char)text[q] & 0xC0) == 0x80) q--;
    size_t k = q;
    s.cut = is_word_cp(ent_utf8_next(text, len, &k));
  }
  s.pos = s.first = back;
  ctx c = {pub, future_tense};
  bool ok = false;
  for (size_t i = 0;; i++) {
    const tok *t = at(&s, i);
    if (!t) break;
    if (t->start < from || t->partial) continue;
    if (match_at(&s, i, &c, out)) {
      ok = true;
      break;
    }
    if (s.nomem) break;
  }
  for (size_t b = 0; b < s.nblocks; b++) free(s.blocks[b]);
  free(s.blocks);
  free(s.hits);
  return ok && !s.nomem;
}

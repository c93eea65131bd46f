/* amount: French sums of money, read token by token off the original text so
 * that offsets stay byte offsets into it. Words are folded one token at a time
 * for the lexicon (numbers.ttl, currencies.ttl); figures are read digit by
 * digit into int64 (no strtod: the value must not depend on the locale). */
#include "amount.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#define KEY_CAP 192
#define MAX_PHRASE 4  /* longest currency or qualifier phrase, in tokens */
#define MAX_DECIMALS 18

typedef enum { TK_END, TK_NUM, TK_WORD, TK_SYM } tk_kind;

/* A token of the original text: a run of ASCII digits, a word (letters with
 * inner hyphens; an elided "d'" / "jusqu'" ends at its apostrophe), or any
 * other single code point ("$", "€", "%", ","). */
typedef struct {
  tk_kind kind;
  size_t s, e;
} tk;

/* A lexicon phrase found at a token. */
typedef struct {
  const ent_lex_entry *entry;
  size_t s, e;
  bool demonym; /* one of the hits is a demonym ("Chinois") */
} match;

/* What one ent_amount_find has read, by position: it tries up to LEAD
 * starts before each figure, and each start reads the same tokens and
 * phrases again (a phrase is a few lexicon lookups). Direct-mapped; a
 * position is stored + 1, 0 is empty. `starts`: start_classes. */
#define MEMO 64
typedef struct {
  size_t at, maxw;
  unsigned classes;
  bool found;
  match m;
} phrase_memo;
typedef struct {
  struct {
    size_t at;
    tk t;
  } tok[MEMO];
  phrase_memo phrase[MEMO];
  struct {
    size_t at;
    unsigned classes;
  } starts[MEMO];
} memo;

typedef struct {
  const ent_lexicon *lex;
  const char *t;
  size_t len;
  memo *mm;
  const ent_amount_hints *hints; /* or NULL */
} scan;

/* The hints' head classes of word token t, ~0u when unknown or when its
 * folded form would not fit a key (fold_span fails: no key, no classes). */
static unsigned hinted_classes(const scan *sc, tk t) {
  size_t fl = KEY_CAP;
  unsigned c = sc->hints && t.kind == TK_WORD && t.e - t.s < KEY_CAP
                   ? sc->hints->word_classes(sc->hints->ctx, t.s, t.e, &fl)
                   : ~0u;
  return fl < KEY_CAP ? c : ~0u;
}

static size_t memo_slot(size_t at, unsigned salt) {
  return (size_t)(((uint64_t)(at ^ ((uint64_t)salt << 40)) * 0x9E3779B97F4A7C15ull) >> 58);
}

/* A figure with its scales: "8 milliards", "2 millions et demi", "des
 * centaines de millions", "une dizaine de milliards". */
typedef struct {
  bool vague;           /* no figure: "des milliards" */
  bool approx;          /* "une dizaine de" */
  int64_t mant;         /* the figure is mant / 10^dec */
  int dec;
  bool scaled;          /* a scale word follows */
  int64_t mult, mult_en; /* product of the scales (French; English reading) */
  bool needs_currency;  /* "M", "k": a scale only before a currency */
  bool collective;      /* "dizaine(s)": "de" may come before the scale */
  bool half;            /* "et demi" */
  size_t s, e;
} qty;

/* ---- characters and tokens ---------------------------------------------- */

static int32_t cp_at(const scan *sc, size_t i, size_t *next) {
  *next = i;
  return ent_utf8_next(sc->t, sc->len, next);
}

static bool is_space(int32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == 0xA0 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* Letters, and combining accents of text that is not in NFC. */
static bool is_letter(int32_t cp) {
  return cp > 0 && (ent_cp_is_alpha(cp) || (cp >= 0x300 && cp <= 0x36F));
}

static bool is_apos(int32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC; }
static bool is_hyphen(int32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* The token at the first non-space at or after i. */
static tk read_tok(const scan *sc, size_t i) {
  tk t = {TK_END, sc->len, sc->len};
  size_t n;
  while (i < sc->len && is_space(cp_at(sc, i, &n))) i = n;
  if (i >= sc->len) return t;
  t.s = i;
  if (is_digit(sc->t[i])) {
    while (i < sc->len && is_digit(sc->t[i])) i++;
    t.kind = TK_NUM;
    t.e = i;
    return t;
  }
  int32_t cp = cp_at(sc, i, &n);
  if (!is_letter(cp)) {
    t.kind = TK_SYM;
    t.e = n;
    return t;
  }
  i = n;
  while (i < sc->len) {
    size_t m;
    cp = cp_at(sc, i, &n);
    if (is_letter(cp)) {
      i = n;
      continue;
    }
    if ((is_hyphen(cp) || is_apos(cp)) && n < sc->len && is_letter(cp_at(sc, n, &m))) {
      i = n;
      if (is_apos(cp)) break; /* elision: "d'euros" is "d'" + "euros" */
      continue;
    }
    break;
  }
  t.kind = TK_WORD;
  t.e = i;
  return t;
}

static tk next_tok(const scan *sc, size_t i) {
  size_t h = memo_slot(i, 0);
  if (sc->mm->tok[h].at != i + 1) {
    sc->mm->tok[h].t = read_tok(sc, i);
    sc->mm->tok[h].at = i + 1;
  }
  return sc->mm->tok[h].t;
}

/* Folded text of t[s..e) into buf; false when it does not fit. */
static bool fold_span(const scan *sc, size_t s, size_t e, char *buf, size_t cap) {
  if (e - s >= cap) return false; /* folding never shortens ASCII; long words are no key */
  size_t k = 0;
  /* Plain ASCII folds to lower case: skip utf8proc and malloc (most tokens). */
  for (; k < e - s && !((unsigned char)sc->t[s + k] & 0x80); k++) {
    char c = sc->t[s + k];
    buf[k] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c == '`' ? '\'' : c;
  }
  if (k == e - s) {
    buf[k] = '\0';
    return true;
  }
  const char *f = ent_lexicon_fold(sc->lex, sc->t + s, e - s);
  size_t n = f ? strlen(f) : cap;
  if (n < cap) memcpy(buf, f, n + 1);
  return n < cap;
}

static bool tok_is(const scan *sc, tk t, const char *folded) {
  char buf[16];
  return t.kind == TK_WORD && t.e - t.s < 3 * sizeof buf &&
         fold_span(sc, t.s, t.e, buf, sizeof buf) && strcmp(buf, folded) == 0;
}

/* "de" or "d'" (the preposition between a scale and its currency). */
static bool tok_is_de(const scan *sc, tk t) { return tok_is(sc, t, "de") || tok_is(sc, t, "d'"); }

/* ---- lexicon ------------------------------------------------------------ */

/* The classes of the lexicon phrases that can start at i: those whose
 * first key word is the word at i or it with the words glued to it ("US$").
 * Every key read_phrase looks up starts so. */
static unsigned start_classes(const scan *sc, size_t i) {
  size_t h = memo_slot(i, 1);
  if (sc->mm->starts[h].at == i + 1) return sc->mm->starts[h].classes;
  char key[KEY_CAP], w[KEY_CAP];
  size_t o = 0, prev = 0, p = i;
  unsigned cls = 0;
  /* A word with white space (or the end) after it is its own only key. */
  tk first = next_tok(sc, i);
  unsigned known = hinted_classes(sc, first);
  size_t after = first.e;
  if (known != ~0u && (after >= sc->len || is_space(cp_at(sc, after, &after)))) {
    sc->mm->starts[h].at = i + 1;
    sc->mm->starts[h].classes = known;
    return known;
  }
  for (size_t n = 0; n < MAX_PHRASE; n++) {
    tk t = next_tok(sc, p);
    if (t.kind == TK_END || t.kind == TK_NUM || (n > 0 && t.s > prev)) break;
    if (!fold_span(sc, t.s, t.e, w, sizeof w)) break;
    size_t wl = strlen(w);
    if (o + wl + 1 > sizeof key) break;
    memcpy(key + o, w, wl + 1);
    o += wl;
    size_t words;
    unsigned c;
    ent_lexicon_head(sc->lex, key, &words, &c);
    cls |= c;
    prev = p = t.e;
  }
  sc->mm->starts[h].at = i + 1;
  sc->mm->starts[h].classes = cls;
  return cls;
}

/* The longest phrase of `classes` made of up to `maxw` tokens from i. Tokens
 * written apart are joined by one space, glued ones ("US$") without. */
static bool read_phrase(const scan *sc, size_t i, unsigned classes, size_t maxw, match *m) {
  char key[KEY_CAP], w[KEY_CAP];
  size_t klen[MAX_PHRASE] = {0}, kend[MAX_PHRASE] = {0}, words[MAX_PHRASE] = {0};
  size_t n = 0, o = 0, prev = 0, start = 0;
  /* Only as many words as the longest phrase starting with the first key
   * word (or a prefix of it: "1,5" then "milliard" glue without a space);
   * most words start none, and the reading stops there. */
  size_t hw = 0;
  if (!(start_classes(sc, i) & classes)) return false;
  if (maxw > MAX_PHRASE) maxw = MAX_PHRASE;
  while (n < maxw) {
    tk t = next_tok(sc, i);
    if (t.kind == TK_END || t.kind == TK_NUM) break;
    size_t gap = n > 0 && t.s > prev;
    size_t nw = n == 0 ? 1 : words[n - 1] + gap;
    if (nw > hw && nw > 1) break; /* no phrase that long starts here */
    if (!fold_span(sc, t.s, t.e, w, sizeof w)) break;
    size_t wl = strlen(w);
    if (o + gap + wl + 1 > sizeof key) break;
    if (n == 0) start = t.s;
    if (gap) key[o++] = ' ';
    memcpy(key + o, w, wl + 1);
    o += wl;
    klen[n] = o;
    kend[n] = t.e;
    words[n] = nw;
    if (nw == 1) {
      size_t h = ent_lexicon_head_words(sc->lex, key);
      if (h > hw) hw = h;
    }
    n++;
    prev = i = t.e;
  }
  for (size_t k = n; k-- > 0;) {
    if (words[k] > hw) continue;
    char c = key[klen[k]];
    key[klen[k]] = '\0';
    ent_lex_hit hits[8];
    size_t nh = ent_lexicon_lookup(sc->lex, key, classes, hits, 8);
    key[klen[k]] = c;
    if (nh == 0) continue;
    m->entry = hits[0].entry;
    m->s = start;
    m->e = kend[k];
    m->demonym = false;
    for (size_t h = 0; h < nh && h < 8; h++)
      if (hits[h].sense == ENT_SENSE_DEMONYM) m->demonym = true;
    return true;
  }
  return false;
}

/* read_phrase, remembered by position, classes and length. */
static bool match_phrase(const scan *sc, size_t i, unsigned classes, size_t maxw, match *m) {
  phrase_memo *p = &sc->mm->phrase[memo_slot(i, classes ^ (unsigned)maxw << 28)];
  if (p->at != i + 1 || p->classes != classes || p->maxw != maxw) {
    p->found = read_phrase(sc, i, classes, maxw, &p->m);
    p->at = i + 1;
    p->classes = classes;
    p->maxw = maxw;
  }
  if (p->found) *m = p->m;
  return p->found;
}

static bool prop_true(const ent_lex_entry *e, const char *key) {
  const char *v = ent_lex_prop(e, key);
  return v && (strcmp(v, "true") == 0 || strcmp(v, "1") == 0);
}

/* A non-negative decimal integer property; false when absent or malformed. */
static bool prop_int(const ent_lex_entry *e, const char *key, int64_t *out) {
  const char *v = ent_lex_prop(e, key);
  if (!v || !*v) return false;
  int64_t x = 0;
  for (; *v; v++) {
    if (!is_digit(*v) || x > (INT64_MAX - (*v - '0')) / 10) return false;
    x = x * 10 + (*v - '0');
  }
  *out = x;
  return true;
}

/* The ISO code of a currency phrase at i. A bare code ("ILS", "TRY") counts
 * only in capitals: in lower case it is a French or English word. */
static bool match_currency(const scan *sc, size_t i, match *m, const char **code) {
  if (!match_phrase(sc, i, ENT_LEX_CURRENCY, MAX_PHRASE, m)) return false;
  const char *c = ent_lex_prop(m->entry, "currencyCode");
  if (!c && prop_true(m->entry, "generic")) {
    /* A name several currencies share ("couronnes"): a sum whose code the
     * reader takes from the full name the article gives (amount.h). */
    *code = "";
    return true;
  }
  if (!c || strlen(c) != 3) return false;
  if (m->e - m->s == 3) {
    bool same = true, caps = true;
    for (size_t k = 0; k < 3; k++) {
      char x = sc->t[m->s + k];
      char up = x >= 'a' && x <= 'z' ? (char)(x - 'a' + 'A') : x;
      same = same && up == c[k];
      caps = caps && x == c[k];
    }
    if (same && !caps) return false;
  }
  *code = c;
  return true;
}

/* ---- arithmetic (all values are non-negative) ---------------------------- */

static bool mul64(int64_t a, int64_t b, int64_t *r) {
  if (a < 0 || b < 0 || (a != 0 && b > INT64_MAX / a)) return false;
  *r = a * b;
  return true;
}

static bool add64(int64_t a, int64_t b, int64_t *r) {
  if (a < 0 || b < 0 || b > INT64_MAX - a) return false;
  *r = a + b;
  return true;
}

/* mant / 10^dec × mult (+ mult / 2 for "et demi") in cents, rounded half up. */
static bool to_cents(int64_t mant, int dec, int64_t mult, bool half, int64_t *out) {
  int64_t factor, v;
  if (!mul64(mult, 100, &factor)) return false;
  while (dec > 0 && factor % 10 == 0) {
    factor /= 10;
    dec--;
  }
  if (!mul64(mant, factor, &v)) return false;
  if (dec > 0) {
    int64_t p = 1;
    for (int k = 0; k < dec; k++) p *= 10;
    int64_t rest = v % p;
    v = v / p + (rest >= p - rest ? 1 : 0);
  }
  if (half) {
    int64_t h;
    if (!mul64(mult, 50, &h) || !add64(v, h, &v)) return false;
  }
  *out = v;
  return true;
}

/* ---- figures -------------------------------------------------------------- */

/* Length of a thousands separator at i (space, no-break or thin space, '.'),
 * 0 when there is none; *cp gets its code point. */
static size_t group_sep(const scan *sc, size_t i, int32_t *cp) {
  size_t n;
  if (i >= sc->len) return 0;
  *cp = cp_at(sc, i, &n);
  return *cp == ' ' || *cp == 0xA0 || *cp == 0x202F || *cp == 0x2009 || *cp == '.' ? n - i : 0;
}

static size_t digit_run(const scan *sc, size_t i) {
  size_t k = i;
  while (k < sc->len && is_digit(sc->t[k])) k++;
  return k - i;
}

static bool push_digit(int64_t *mant, char c) {
  return mul64(*mant, 10, mant) && add64(*mant, c - '0', mant);
}

/* "40 000", "40.000", "1,5", "2.5" at s. French: ',' is the decimal mark;
 * '.' groups thousands when exactly three digits follow it. *end is the end
 * of the figure even when it overflows (so the caller can skip it). */
static bool parse_digits(const scan *sc, size_t s, int64_t *mant, int *dec, size_t *end) {
  size_t i = s, n0 = digit_run(sc, s);
  bool ok = true;
  *mant = 0;
  *dec = 0;
  for (size_t k = 0; k < n0; k++) ok = ok && push_digit(mant, sc->t[i + k]);
  i += n0;
  bool grouped_dot = false;
  if (n0 <= 3) {
    int32_t first = 0, cp;
    for (;;) {
      size_t sl = group_sep(sc, i, &cp);
      if (!sl || (first && cp != first) || digit_run(sc, i + sl) != 3) break;
      first = cp;
      for (size_t k = 0; k < 3; k++) ok = ok && push_digit(mant, sc->t[i + sl + k]);
      i += sl + 3;
    }
    grouped_dot = first == '.';
  }
  if (i + 1 < sc->len && (sc->t[i] == ',' || (sc->t[i] == '.' && !grouped_dot))) {
    size_t nd = digit_run(sc, i + 1);
    if (nd > 0 && (sc->t[i] == ',' || nd != 3)) {
      for (size_t k = 0; k < nd; k++) ok = ok && push_digit(mant, sc->t[i + 1 + k]);
      *dec = nd > MAX_DECIMALS ? MAX_DECIMALS + 1 : (int)nd;
      i += 1 + nd;
    }
  }
  *end = i;
  return ok && *dec <= MAX_DECIMALS;
}

/* A digit run is a figure of its own, not the tail of "G20" or "1,5". */
static bool starts_figure(const scan *sc, size_t s) {
  if (s == 0) return true;
  char c = sc->t[s - 1];
  if (is_digit(c)) return false;
  if ((c == ',' || c == '.') && s >= 2 && is_digit(sc->t[s - 2])) return false;
  size_t b = s - 1;
  while (b > 0 && ((unsigned char)sc->t[b] & 0xC0) == 0x80) b--;
  size_t n;
  return !is_letter(cp_at(sc, b, &n));
}

/* The value of a number word (not collective, not vague), or -1. */
static int64_t word_value(const scan *sc, size_t s, size_t e) {
  char key[KEY_CAP];
  if (!fold_span(sc, s, e, key, sizeof key)) return -1;
  const ent_lex_entry *en = ent_lexicon_find(sc->lex, key, ENT_LEX_NUMBER_WORD);
  int64_t v;
  if (!en || prop_true(en, "collective") || prop_true(en, "vague") || !prop_int(en, "value", &v))
    return -1;
  return v;
}

/* Fold one more French number word into a running value: "quatre-vingt" is
 * 4 × 20, "trois cents" 3 × 100, "soixante-dix" 60 + 10. */
static int64_t combine(int64_t cur, int64_t v) {
  if (v == 100) return (cur ? cur : 1) * 100;
  if (v == 20 && cur > 1 && cur < 10) return cur * 20;
  return cur + v;
}

/* The value of one word token, its hyphenated parts combined ("quatre-vingt-
 * dix" = 90), or -1. *hundred: the token is a lone "cent(s)", which
 * multiplies what precedes it ("trois cents"). */
static int64_t token_words(const scan *sc, tk t, bool *hundred) {
  size_t p = t.s, parts = 0;
  int64_t cur = 0;
  while (p < t.e) {
    size_t q = p, n = p;
    while (q < t.e && !is_hyphen(cp_at(sc, q, &n))) q = n;
    char buf[16];
    bool et = q - p == 2 && fold_span(sc, p, q, buf, sizeof buf) && strcmp(buf, "et") == 0;
    if (!et) {
      int64_t v = word_value(sc, p, q);
      if (v < 0 || parts > 8) return -1;
      cur = combine(cur, v);
      parts++;
    }
    p = q < t.e ? n : q; /* past the hyphen */
  }
  *hundred = parts == 1 && cur == 100;
  return parts ? cur : -1;
}

/* Add the token's value to a running figure. */
static int64_t merge_words(int64_t cur, int64_t v, bool hundred) {
  return hundred && cur > 0 && cur < 100 ? cur * 100 : cur + v;
}

/* A figure written out from token t: "deux", "trente-deux", "vingt et un",
 * "trois cent vingt". */
static bool parse_words(const scan *sc, tk t, int64_t *val, size_t *end) {
  bool hundred;
  int64_t cur = token_words(sc, t, &hundred);
  if (cur < 0) return false;
  *end = t.e;
  for (int guard = 0; guard < 8; guard++) {
    tk n = next_tok(sc, *end);
    if (tok_is(sc, n, "et")) {
      /* "vingt et un", never "deux et trois" (a range, read by the caller). */
      tk u = next_tok(sc, n.e);
      if (!(tok_is(sc, u, "un") || tok_is(sc, u, "une")) || cur < 20) break;
      cur += 1;
      *end = u.e;
      continue;
    }
    if (n.kind != TK_WORD) break;
    int64_t v = token_words(sc, n, &hundred);
    if (v < 0) break;
    cur = merge_words(cur, v, hundred);
    *end = n.e;
  }
  *val = cur;
  return true;
}

/* A scale word at i (single token). */
static bool match_scale(const scan *sc, size_t i, match *m, int64_t *mult, int64_t *mult_en) {
  if (!match_phrase(sc, i, ENT_LEX_SCALE, 1, m) || !prop_int(m->entry, "multiplier", mult))
    return false;
  if (!prop_int(m->entry, "englishMultiplier", mult_en)) *mult_en = *mult;
  return true;
}

/* A figure and its scales at token position i. *skip is where a failed read
 * should resume (past the whole figure, never inside it). */
static bool parse_qty(const scan *sc, size_t i, qty *q, size_t *skip) {
  memset(q, 0, sizeof *q);
  q->mult = q->mult_en = 1;
  tk t = next_tok(sc, i);
  match m;
  int64_t mult, mult_en;
  q->s = t.s;
  if (t.kind == TK_NUM) {
    if (!starts_figure(sc, t.s)) return false;
    bool ok = parse_digits(sc, t.s, &q->mant, &q->dec, &q->e);
    *skip = q->e;
    if (!ok) return false;
  } else if (t.kind != TK_WORD) {
    return false;
  } else if (match_phrase(sc, t.s, ENT_LEX_NUMBER_WORD, 2, &m) &&
             (prop_true(m.entry, "vague") || prop_true(m.entry, "collective"))) {
    /* "des milliards", bare "centaines de millions" */
    q->vague = true;
    q->collective = prop_true(m.entry, "collective");
    q->e = m.e;
  } else if (parse_words(sc, t, &q->mant, &q->e)) {
    /* "deux", "quatre-vingt-dix" */
  } else if (match_scale(sc, t.s, &m, &mult, &mult_en) && !prop_true(m.entry, "abbreviation")) {
    /* A bare scale, read below: "mille milliards" is one thousand of them,
     * "milliards de dollars" has no figure. */
    if (prop_true(m.entry, "standalone"))
      q->mant = 1;
    else
      q->vague = true;
    q->e = t.s;
  } else {
    return false;
  }
  /* "une dizaine de", "des centaines de". */
  if (!q->collective && match_phrase(sc, q->e, ENT_LEX_NUMBER_WORD, 1, &m) &&
      prop_true(m.entry, "collective")) {
    int64_t v;
    if (!q->vague) {
      if (!prop_int(m.entry, "value", &v) || !mul64(q->mant, v, &q->mant)) return false;
      q->approx = true;
    }
    q->collective = true;
    q->e = m.e;
  }
  /* Scales: "milliards", "de millions" after a collective, "Md" glued to "$". */
  size_t at = q->e;
  tk d = next_tok(sc, at);
  if (q->collective && tok_is_de(sc, d)) at = d.e;
  if (match_scale(sc, at, &m, &mult, &mult_en)) {
    q->scaled = true;
    q->mult = mult;
    q->mult_en = mult_en;
    q->needs_currency = prop_true(m.entry, "needsCurrency");
    bool abbrev = prop_true(m.entry, "abbreviation");
    q->e = m.e;
    match m2;
    int64_t x, x_en;
    tk n = next_tok(sc, q->e);
    if (!abbrev && match_scale(sc, q->e, &m2, &x, &x_en) && x > q->mult &&
        !prop_true(m2.entry, "abbreviation")) {
      /* "mille milliards" */
      if (!mul64(q->mult, x, &q->mult) || !mul64(q->mult_en, x_en, &q->mult_en)) return false;
      q->e = m2.e;
    } else if (tok_is(sc, n, "et")) {
      tk h = next_tok(sc, n.e);
      if (tok_is(sc, h, "demi") || tok_is(sc, h, "demie")) {
        q->half = true;
        q->e = h.e;
      }
    } else if (q->mult == 1000 && !q->vague && q->dec == 0 && n.kind == TK_WORD) {
      /* "deux mille cinq cents euros" */
      int64_t v;
      size_t e;
      if (parse_words(sc, n, &v, &e) && v < 1000) {
        if (!mul64(q->mant, 1000, &q->mant) || !add64(q->mant, v, &q->mant)) return false;
        q->mult = q->mult_en = 1;
        q->e = e;
      }
    }
  }
  if (q->e > *skip) *skip = q->e;
  /* A vague quantity needs a scale or a collective: "des sanctions" is none. */
  return !q->vague || q->scaled || q->collective;
}

/* A currency after the figure: "€", "dollars", "de dollars", "d'euros". */
static bool post_currency(const scan *sc, const qty *q, match *m, const char **code) {
  tk d = next_tok(sc, q->e);
  if ((q->scaled || q->collective) && tok_is_de(sc, d) && match_currency(sc, d.e, m, code))
    return true;
  return match_currency(sc, q->e, m, code);
}

/* Whether what follows a scaled figure is something counted, not paid:
 * "d'habitants", "de doses", "de Chinois", "de responsables". */
static bool counted_follows(const scan *sc, size_t i) {
  tk d = next_tok(sc, i);
  if (tok_is_de(sc, d)) i = d.e;
  match m;
  if (match_phrase(sc, i, ENT_LEX_COUNT_NOUN, 3, &m)) return true;
  if (!match_phrase(sc, i, ~0u, 1, &m)) return false;
  return m.demonym ||
         (ent_lex_classes(m.entry) & (ENT_LEX_GROUP_NOUN | ENT_LEX_TITLE | ENT_LEX_COUNT_NOUN));
}

/* ---- the whole expression -------------------------------------------------- */

static bool amount_at(const scan *sc, size_t p, ent_amount *out, size_t *skip) {
  tk first = next_tok(sc, p);
  *skip = first.e;
  memset(out, 0, sizeof *out);
  out->start = first.s;
  size_t i = first.s;
  bool range = false, from_start = true;
  match m;
  /* "plus de", "jusqu'à", "environ", "entre". */
  if (match_phrase(sc, i, ENT_LEX_AMOUNT_QUALIFIER, MAX_PHRASE, &m)) {
    const char *b = ent_lex_prop(m.entry, "bound");
    if (b && strcmp(b, "lower") == 0) out->lower_bound = true;
    if (b && strcmp(b, "upper") == 0) out->upper_bound = true;
    if (b && strcmp(b, "approx") == 0) out->approx = true;
    if (b && strcmp(b, "range") == 0) range = true;
    i = m.e;
    from_start = false;
  }
  /* A symbol or code before the figure: "$5 billion", "USD 5 millions". */
  const char *code = NULL;
  const ent_lex_entry *cur = NULL; /* the currency phrase's entry */
  bool english = false;
  tk t = next_tok(sc, i);
  if (t.kind != TK_NUM && match_currency(sc, t.s, &m, &code)) {
    cur = m.entry;
    bool symbolic = t.kind == TK_SYM, lower = false;
    for (size_t k = m.s; k < m.e; k++) {
      unsigned char c = (unsigned char)sc->t[k];
      if (c >= 'a' && c <= 'z') lower = true;
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == ' ')) symbolic = true;
    }
    tk n = next_tok(sc, m.e);
    if (n.kind == TK_NUM && (t.kind == TK_SYM || !lower)) {
      english = symbolic; /* "$5 billion" is English: 10^9 */
      i = m.e;
      from_start = false;
    } else {
      code = NULL;
      cur = NULL;
    }
  }
  qty q1, q2;
  size_t qskip = 0;
  bool ok = parse_qty(sc, i, &q1, &qskip);
  if (from_start && qskip > *skip) *skip = qskip;
  if (!ok) return false;
  const qty *last = &q1;
  bool has_range = false;
  if (range) {
    /* "entre 12 et 15 millions d'euros", "entre 12 millions d'euros et 15". */
    const char *c1 = NULL;
    match mc;
    size_t e1 = q1.e;
    if (!code && post_currency(sc, &q1, &mc, &c1)) e1 = mc.e;
    tk et = next_tok(sc, e1);
    if (!tok_is(sc, et, "et") || !parse_qty(sc, et.e, &q2, &qskip) || q1.vague || q2.vague)
      return false;
    if (c1) {
      code = c1;
      cur = mc.entry;
    }
    if (q1.scaled && !q2.scaled) { /* "entre 2 milliards et 3": the scale is shared */
      q2.scaled = true;
      q2.mult = q1.mult;
      q2.mult_en = q1.mult_en;
      q2.needs_currency = q1.needs_currency;
    }
    has_range = true;
    last = &q2;
  } else if (!q1.vague) {
    /* "12 à 15 milliards": a range when the second figure reads as one. */
    tk a = next_tok(sc, q1.e);
    if (tok_is(sc, a, "a") && parse_qty(sc, a.e, &q2, &qskip) && !q2.vague &&
        (q2.scaled || !q1.scaled)) {
      has_range = true;
      last = &q2;
    }
  }
  out->end = last->e;
  if (!code && post_currency(sc, last, &m, &code)) {
    out->end = m.e;
    cur = m.entry;
  }
  if (!code) {
    /* No currency: a sum only with a scale of a million or more that counts
     * no people or things ("26,4 milliards", not "un milliard d'habitants"). */
    if (!last->scaled || last->needs_currency || last->vague || last->mult < 1000000 ||
        counted_follows(sc, last->e))
      return false;
  } else {
    if (*code) memcpy(out->currency, code, 3);
    out->currency[*code ? 3 : 0] = '\0';
    out->currency_entry = cur;
  }
  if (q1.needs_currency && !code) return false;
  if (q1.vague) return true; /* "des milliards d'euros": no figure */
  int64_t m1 = english ? q1.mult_en : q1.mult;
  if (has_range && !q1.scaled) m1 = english ? q2.mult_en : q2.mult;
  if (!to_cents(q1.mant, q1.dec, m1, q1.half, &out->cents)) return false;
  if (has_range) {
    int64_t m2 = english ? q2.mult_en : q2.mult;
    if (!to_cents(q2.mant, q2.dec, m2, q2.half, &out->cents_max)) return false;
    out->is_range = true;
  }
  out->approx = out->approx || q1.approx || (has_range && q2.approx);
  out->has_value = true;
  return true;
}

/* Whether token t can hold the figure of a sum: digits, a number word or a
 * scale. Every sum has one, at most LEAD tokens after its start. */
#define LEAD (2 * MAX_PHRASE)
static bool is_core(const scan *sc, tk t) {
  if (t.kind == TK_NUM) return true;
  /* A word that starts no number phrase, and has no hyphen: not one. */
  unsigned known = hinted_classes(sc, t);
  if (known != ~0u && !(known & (ENT_LEX_NUMBER_WORD | ENT_LEX_SCALE))) return false;
  char key[KEY_CAP];
  bool hundred;
  if (t.kind != TK_WORD || !fold_span(sc, t.s, t.e, key, sizeof key)) return false;
  if (ent_lexicon_find(sc->lex, key, ENT_LEX_NUMBER_WORD | ENT_LEX_SCALE)) return true;
  return strchr(key, '-') && token_words(sc, t, &hundred) >= 0; /* "trente-deux" */
}

/* A cheap test before trying the starts around figure c: the figure must
 * carry a scale or a collective ("dizaine"), have a currency after it or
 * before it ("$5", "USD 5"), or open a range; else a qualifier must start at
 * c itself ("un peu plus de"; no qualifier holds a number word further in).
 * *skip: past the figure, where to go on when nothing is found. */
static bool worth_trying(const scan *sc, tk c, const tk *prev, size_t *skip) {
  qty q;
  match m;
  const char *code;
  if (parse_qty(sc, c.s, &q, skip)) {
    if (q.scaled || q.collective || post_currency(sc, &q, &m, &code)) return true;
    tk n = next_tok(sc, q.e);
    if (tok_is(sc, n, "et") || tok_is(sc, n, "a")) return true;
  }
  if (prev && c.kind == TK_NUM) {
    bool caps = prev->kind == TK_SYM;
    for (size_t k = prev->s; !caps && k < prev->e; k++) {
      char x = sc->t[k];
      if (!(x >= 'A' && x <= 'Z')) break;
      caps = k + 1 == prev->e;
    }
    if (caps) return true;
  }
  return match_phrase(sc, c.s, ENT_LEX_AMOUNT_QUALIFIER, MAX_PHRASE, &m);
}

bool ent_amount_find(const ent_lexicon *lex, const char *text, size_t len, size_t from,
                     ent_amount *out) {
  return ent_amount_find_hinted(lex, text, len, from, NULL, out);
}

bool ent_amount_find_hinted(const ent_lexicon *lex, const char *text, size_t len, size_t from,
                            const ent_amount_hints *hints, ent_amount *out) {
  if (!lex || !text || !out) return false;
  memo mm;
  for (size_t k = 0; k < MEMO; k++) mm.tok[k].at = mm.phrase[k].at = mm.starts[k].at = 0;
  scan sc = {lex, text, len, &mm, hints};
  /* Walk from figure to figure, and try the starts up to LEAD tokens before
   * each (a qualifier, a currency symbol), earliest first: trying every token
   * of the text would cost dozens of lexicon look-ups each. */
  size_t ring[LEAD], nring = 0, p = from;
  tk prev = {TK_END, 0, 0};
  while (p < len) {
    tk t = next_tok(&sc, p);
    if (t.kind == TK_END) break;
    if (!is_core(&sc, t)) {
      if (nring == LEAD) memmove(ring, ring + 1, (LEAD - 1) * sizeof *ring);
      ring[nring < LEAD ? nring++ : LEAD - 1] = t.s;
      prev = t;
      p = t.e;
      continue;
    }
    size_t next = t.e, skip = 0;
    if (worth_trying(&sc, t, nring ? &prev : NULL, &skip)) {
      for (size_t k = 0; k < nring; k++) {
        /* A start before the figure is a word that no number reads (the
         * ring holds no core token): a sum starts there only with a
         * qualifier, a currency or a number phrase ("des milliards"), all
         * lexicon phrases. Failing, it would move `next` nowhere. */
        if (!(start_classes(&sc, ring[k]) & (ENT_LEX_AMOUNT_QUALIFIER | ENT_LEX_CURRENCY |
                                                ENT_LEX_NUMBER_WORD | ENT_LEX_SCALE)))
          continue;
        size_t sk = 0;
        if (amount_at(&sc, ring[k], out, &sk)) return true;
        if (sk > next) next = sk;
      }
      size_t sk = 0;
      if (amount_at(&sc, t.s, out, &sk)) return true;
      if (sk > next) next = sk;
    }
    if (skip > next) next = skip;
    nring = 0;
    p = next;
  }
  memset(out, 0, sizeof *out);
  return false;
}

bool ent_amount_same_family(const ent_lex_entry *generic, const ent_lex_entry *full) {
  if (!generic || !full || generic == full || !ent_lex_prop(full, "currencyCode")) return false;
  const char *g = ent_lex_label(generic, "fr"), *f = ent_lex_label(full, "fr");
  if (!g || !f) return false;
  size_t n = strlen(g);
  return n > 0 && strncmp(f, g, n) == 0 && f[n] == ' ';
}

bool ent_amount_format(int64_t cents, char *buf, size_t cap) {
  uint64_t mag = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
  uint64_t units = mag / 100, frac = mag % 100;
  int n;
  if (frac == 0)
    n = snprintf(buf, cap, "%s%" PRIu64, cents < 0 ? "-" : "", units);
  else if (frac % 10 == 0)
    n = snprintf(buf, cap, "%s%" PRIu64 ".%" PRIu64, cents < 0 ? "-" : "", units, frac / 10);
  else
    n = snprintf(buf, cap, "%s%" PRIu64 ".%02" PRIu64, cents < 0 ? "-" : "", units, frac);
  return n >= 0 && (size_t)n < cap;
}

/* tokenize: see tokenize.h. Works on code points; offsets are bytes. */
#include "tokenize.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

typedef struct {
  const char *s;
  size_t len;
} src;

static int32_t peek(src t, size_t i, size_t *next) {
  size_t j = i;
  int32_t cp = i < t.len ? ent_utf8_next(t.s, t.len, &j) : -1;
  if (next) *next = j;
  return cp;
}

static bool is_space(int32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0xA0 || c == 0x202F ||
         c == 0x2009 || c == 0x2007 || c == 0x3000;
}
static bool is_digit(int32_t c) { return c >= '0' && c <= '9'; }
static bool is_apos(int32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }
static bool is_hyphen(int32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }
static bool is_word_cp(int32_t c) { return ent_cp_is_alpha(c) || is_digit(c); }
static bool is_open_quote(int32_t c) { return c == 0xAB || c == 0x201C || c == 0x201E || c == 0x2039; }
static bool is_close_quote(int32_t c) { return c == 0xBB || c == 0x201D || c == 0x203A; }

/* Words that elide before a vowel: the apostrophe stays with them. */
static bool elides(const char *fold) {
  static const char *const w[] = {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu",
                                  "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu"};
  for (size_t i = 0; i < sizeof w / sizeof *w; i++)
    if (strcmp(fold, w[i]) == 0) return true;
  return false;
}

/* Subject pronouns after an inverted verb: a-t-il, dit-elle, sont-ils. */
static bool inverted_pronoun(const char *fold) {
  static const char *const w[] = {"il", "elle", "ils", "elles", "on", "t-il", "t-elle",
                                  "t-on", "t-ils", "t-elles", "je", "nous", "vous"};
  for (size_t i = 0; i < sizeof w / sizeof *w; i++)
    if (strcmp(fold, w[i]) == 0) return true;
  return false;
}

/* Whether s[0..n) is ASCII with no NUL: lower case is all its folding. */
static bool plain_ascii(const char *s, size_t n) {
  size_t k = 0;
  while (k < n && (unsigned char)s[k] < 0x80 && s[k] != '\0') k++;
  return k == n;
}

/* The folded form of s[0..n) (ent_fold_new's) for a test made at once: in
 * buf (cap bytes) for short ASCII, else through the lexicon's memo (valid
 * until its next fold) or, without a lexicon, new in *owned (the caller
 * frees it). NULL when out of memory. */
static const char *fold_tmp(const ent_doc *doc, const char *s, size_t n, char *buf, size_t cap,
                            char **owned) {
  *owned = NULL;
  if (n < cap && plain_ascii(s, n)) {
    ent_fold_ascii(s, n, buf);
    return buf;
  }
  return doc->lex ? ent_lexicon_fold(doc->lex, s, n) : (*owned = ent_fold_new(s, n));
}

/* The folded form of [start, end), in the doc's store: lower case for
 * ASCII (what ent_fold_new does to it); through the lexicon's memo for
 * words outside ASCII, whose folding (utf8proc) costs thirty times an ASCII
 * word's and comes back often ("été", "a déclaré"). *len: its length. */
static char *fold_token(ent_doc *doc, size_t start, size_t end, size_t *len) {
  const char *s = doc->text + start;
  size_t n = end - start;
  if (plain_ascii(s, n)) {
    char *d = ent_doc_str_new(doc, n);
    if (d) ent_fold_ascii(s, n, d);
    *len = n;
    return d;
  }
  char *owned;
  const char *f = fold_tmp(doc, s, n, NULL, 0, &owned); /* no room: never the buffer */
  *len = f ? strlen(f) : 0;
  char *d = f ? ent_doc_str_new(doc, *len) : NULL;
  if (d) memcpy(d, f, *len + 1);
  free(owned);
  return d;
}

/* A new token, or NULL when out of memory or past ENTENTE_MAX_TOKENS (then
 * tokens() tells which). */
static ent_token *push(ent_doc *doc, size_t start, size_t end, ent_tok_kind kind,
                       bool space_before) {
  if (doc->toks.n >= ENTENTE_MAX_TOKENS) return NULL;
  ent_token *t = ent_vec_push(&doc->toks);
  if (!t) return NULL;
  t->start = start;
  t->end = end;
  t->kind = kind;
  t->space_before = space_before;
  t->mention = -1;
  t->head_classes = ~0u; /* unknown until heads() */
  t->fold = fold_token(doc, start, end, &t->fold_len);
  if (!t->fold) {
    doc->toks.n--;
    return NULL;
  }
  size_t i = start;
  t->cap = ent_cp_is_upper(ent_utf8_next(doc->text, doc->len, &i));
  return t;
}

/* Why push() gave no token. */
static entente_status push_failed(const ent_doc *doc) {
  return doc->toks.n >= ENTENTE_MAX_TOKENS ? ENTENTE_ERR_TOKENS : ENTENTE_ERR_NOMEM;
}

/* Does a dot after word [start,end) belong to it (abbreviation, initial)? */
static bool takes_dot(ent_doc *doc, size_t start, size_t end, size_t ncp) {
  size_t i = start;
  if (ncp == 1 && ent_cp_is_upper(ent_utf8_next(doc->text, doc->len, &i))) return true;
  char buf[64], *owned;
  const char *f = fold_tmp(doc, doc->text + start, end + 1 - start, buf, sizeof buf, &owned);
  bool yes = f && ent_lexicon_find(doc->lex, f, ~0u) != NULL;
  free(owned);
  return yes;
}

/* Read a number at i: digits, thousand groups, a decimal comma or point. */
static size_t scan_number(src t, size_t i) {
  size_t j = i, n;
  size_t group = 0;
  while (is_digit(peek(t, j, &n))) {
    j = n;
    group++;
  }
  for (;;) {
    /* 40 000, 40 000: a separator then exactly three digits. */
    size_t k, k2 = 0;
    int32_t c = peek(t, j, &k);
    if (group <= 3 && (c == ' ' || c == 0xA0 || c == 0x202F)) {
      size_t d = 0, m = k;
      while (is_digit(peek(t, m, &k2)) && d < 4) {
        m = k2;
        d++;
      }
      if (d == 3 && !is_word_cp(peek(t, m, NULL))) {
        j = m;
        group = 3;
        continue;
      }
    }
    if ((c == ',' || c == '.') && is_digit(peek(t, k, NULL))) {
      j = k;
      while (is_digit(peek(t, j, &n))) j = n;
    }
    break;
  }
  return j;
}

static entente_status tokens(ent_doc *doc) {
  src t = {doc->text, doc->len};
  size_t i = 0;
  bool space = true;
  while (i < t.len) {
    size_t n;
    int32_t c = peek(t, i, &n);
    if (c == '\n' || is_space(c) || c < 0) {
      i = n;
      space = true;
      continue;
    }
    ent_token *tk = NULL;
    if (is_digit(c)) {
      size_t j = scan_number(t, i);
      if (ent_cp_is_alpha(peek(t, j, NULL))) { /* 1er, 75e, 2e */
        while (is_word_cp(peek(t, j, &n))) j = n;
        tk = push(doc, i, j, ENT_TOK_WORD, space);
      } else {
        tk = push(doc, i, j, ENT_TOK_NUMBER, space);
      }
      i = j;
    } else if (is_word_cp(c)) {
      /* part: where the word's last part starts; sep: where the apostrophe or
       * hyphen before it starts. Both are needed: a separator may be several
       * bytes (’ U+2019, ‐ U+2010), so the text before a part does not end at
       * part - 1 (found by tests/fuzz/fuzz_extract: "Conjeudqu’s'est" cut
       * the name inside ’, an invalid UTF-8 label). */
      size_t j = i, ncp = 0, part = i, sep = i;
      for (;;) {
        while (is_word_cp(peek(t, j, &n))) {
          j = n;
          ncp++;
        }
        size_t k;
        int32_t d = peek(t, j, &k);
        if (is_apos(d)) {
          char buf[64], *owned;
          const char *f = fold_tmp(doc, t.s + part, j - part, buf, sizeof buf, &owned);
          bool el = f && elides(f);
          free(owned);
          if (el) { /* l' | avion */
            if (part > i && !(tk = push(doc, i, sep, ENT_TOK_WORD, space)))
              return push_failed(doc);
            if (part > i) space = false;
            if (!(tk = push(doc, part, k, ENT_TOK_WORD, space))) return push_failed(doc);
            tk->elided = true;
            j = k;
            i = j;
            ncp = 0;
            goto next;
          }
          if (is_word_cp(peek(t, k, NULL))) { /* aujourd'hui */
            sep = j;
            j = k;
            part = j;
            continue;
          }
        } else if (is_hyphen(d) && is_word_cp(peek(t, k, NULL))) {
          /* a-t-il: split the inverted pronoun off the verb. */
          size_t m = k, m2;
          while (is_word_cp(peek(t, m, &m2)) || (is_hyphen(peek(t, m, &m2)) &&
                                                 is_word_cp(peek(t, m2, NULL))))
            m = m2;
          char buf[64], *owned;
          const char *f = fold_tmp(doc, t.s + k, m - k, buf, sizeof buf, &owned);
          bool inv = f && inverted_pronoun(f) && !is_word_cp(peek(t, m, NULL));
          free(owned);
          if (inv) {
            if (!push(doc, i, j, ENT_TOK_WORD, space)) return push_failed(doc);
            size_t p = k; /* skip "t-" */
            if ((peek(t, p, &m2) == 't' || peek(t, p, &m2) == 'T') && is_hyphen(peek(t, m2, NULL))) {
              peek(t, m2, &p);
            }
            if (!push(doc, p, m, ENT_TOK_WORD, false)) return push_failed(doc);
            i = m;
            goto next;
          }
          sep = j;
          j = k;
          part = j;
          continue;
        }
        break;
      }
      /* M. MM. Mme. J. — keep the dot when the lexicon knows the abbreviation. */
      if (peek(t, j, &n) == '.' && takes_dot(doc, i, j, ncp)) j = n;
      tk = push(doc, i, j, ENT_TOK_WORD, space);
      i = j;
    } else {
      ent_tok_kind k = is_open_quote(c) ? ENT_TOK_QUOTE_OPEN
                       : is_close_quote(c) ? ENT_TOK_QUOTE_CLOSE
                                           : ENT_TOK_PUNCT;
      size_t j = n;
      if (c == '.') /* ellipsis "..." as one token */
        while (peek(t, j, &n) == '.') j = n;
      tk = push(doc, i, j, k, space);
      i = j;
    }
    if (!tk) return push_failed(doc);
  next:
    space = false;
  }
  return ENTENTE_OK;
}

static bool has_newline(const ent_doc *doc, size_t from, size_t to) {
  return memchr(doc->text + from, '\n', to - from) != NULL;
}

/* Is this quote token a closing one, given the open depth? A straight
 * quote closes when one is open; curly ones say what they are. */
static bool closes(const ent_doc *doc, const ent_token *tk, int depth) {
  if (tk->kind == ENT_TOK_QUOTE_CLOSE) return true;
  if (tk->kind == ENT_TOK_QUOTE_OPEN) return false;
  return doc->text[tk->start] == '"' && depth > 0;
}

static entente_status sentences(ent_doc *doc) {
  size_t first = 0;
  int depth = 0;
  for (size_t i = 0; i < doc->toks.n; i++) {
    ent_token *tk = &doc->toks.v[i];
    bool is_quote = tk->kind == ENT_TOK_QUOTE_OPEN || tk->kind == ENT_TOK_QUOTE_CLOSE ||
                    (tk->kind == ENT_TOK_PUNCT && doc->text[tk->start] == '"');
    if (is_quote) {
      if (closes(doc, tk, depth))
        depth = depth > 0 ? depth - 1 : 0;
      else
        depth++;
    }
    bool end = i + 1 == doc->toks.n;
    bool heading = false;
    if (!end && has_newline(doc, tk->end, doc->toks.v[i + 1].start)) {
      end = true;
      const char *p = doc->text + tk->start;
      heading = !(tk->kind == ENT_TOK_PUNCT && strchr(".!?:;", *p)) && !is_quote;
      depth = 0; /* a quotation never runs over a paragraph break unseen */
    } else if (!end && depth == 0 && tk->kind == ENT_TOK_PUNCT &&
               strchr(".!?", doc->text[tk->start])) {
      /* End of sentence when the next word starts upper-case or opens a quote. */
      size_t j = i + 1;
      while (j < doc->toks.n && doc->toks.v[j].kind == ENT_TOK_QUOTE_CLOSE &&
             j - first < ENTENTE_MAX_SENTENCE_TOKENS)
        j++;
      if (j < doc->toks.n) {
        const ent_token *nx = &doc->toks.v[j];
        if (nx->cap || nx->kind == ENT_TOK_QUOTE_OPEN || nx->kind == ENT_TOK_NUMBER ||
            doc->text[nx->start] == '-' || (unsigned char)doc->text[nx->start] == 0xE2) {
          i = j - 1;
          end = true;
        }
      }
    }
    /* A run without a sentence end is cut every ENTENTE_MAX_SENTENCE_TOKENS
     * tokens (entente.h): the extractors' work per sentence stays bounded. */
    if (!end && i + 1 - first >= ENTENTE_MAX_SENTENCE_TOKENS) end = true;
    if (!end) continue;
    ent_sentence *s = ent_vec_push(&doc->sents);
    if (!s) return ENTENTE_ERR_NOMEM;
    s->tok_first = first;
    s->tok_end = i + 1;
    s->start = doc->toks.v[first].start;
    s->end = doc->toks.v[i].end;
    s->heading = heading || (i + 1 == doc->toks.n && doc->toks.v[i].kind == ENT_TOK_WORD &&
                             doc->sents.n == 1);
    for (size_t k = first; k <= i; k++) doc->toks.v[k].sent = (int)doc->sents.n - 1;
    first = i + 1;
  }
  return ENTENTE_OK;
}

/* Which words start a lexicon phrase, looked up once per token for every
 * extractor (ent_doc_phrase_tokens). */
static void heads(ent_doc *doc) {
  for (size_t i = 0; i < doc->toks.n; i++) {
    ent_token *t = &doc->toks.v[i];
    t->head_words = 0;
    t->head_classes = ~0u;
    /* "l'" is the start of a key word, not one; the extractors look up
     * spans from words (other tokens stay unknown: never skipped). */
    if (!doc->lex || t->elided || t->kind != ENT_TOK_WORD) continue;
    /* A key's first word is what comes before its first space. */
    char w[ENT_DOC_KEY_MAX];
    const char *f = t->fold, *sp = strchr(f, ' ');
    if (sp) {
      if ((size_t)(sp - f) >= sizeof w) continue;
      memcpy(w, f, (size_t)(sp - f));
      w[sp - f] = '\0';
      f = w;
    }
    size_t words;
    ent_lexicon_head(doc->lex, f, &words, &t->head_classes);
    t->head_words = (unsigned)words;
  }
}

entente_status ent_tokenize(ent_doc *doc) {
  entente_status st = tokens(doc);
  if (st == ENTENTE_OK) heads(doc);
  return st == ENTENTE_OK ? sentences(doc) : st;
}

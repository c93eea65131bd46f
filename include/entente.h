/*
 * entente — French diplomacy news to an RDF knowledge graph.
 *
 * Public API. One ownership rule holds for the whole API: a function that
 * returns a pointer through an `out` parameter whose name ends in `_new`
 * hands ownership to the caller, who releases it with the matching
 * `entente_*_free` (every `*_free(NULL)` is a no-op). Every other pointer
 * (arguments, `const` results) stays owned by whoever owned it before the call
 * and is only borrowed for the duration of the call.
 *
 * Fallible functions return an `entente_status`; `entente_strerror` names it.
 */
#ifndef ENTENTE_H
#define ENTENTE_H

#include <stddef.h>
#include <librdf.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ENTENTE_VERSION "0.1.0"

/** Namespace of the entente vocabulary (ontology/entente.ttl). */
#define ENTENTE_NS "https://w3id.org/entente/ns#"
/** Default base for the IRIs of extracted resources (`--base`). */
#define ENTENTE_DEFAULT_BASE "https://w3id.org/entente/id/"

/* Limits (docs/user-guide.md, "Limits"): they keep the time and memory one
 * article takes in proportion to its size, whatever the text holds. */
/** Largest article accepted, in bytes. */
#define ENTENTE_MAX_ARTICLE_BYTES (4u * 1024u * 1024u)
/** Most tokens (words, numbers, marks) in one article: ENTENTE_ERR_TOKENS
 * beyond. Prose has about one token per 6 bytes, so no 4 MiB article of
 * text reaches it; runs of one-letter words or lone marks do. */
#define ENTENTE_MAX_TOKENS 1000000u
/** Most tokens in one sentence: a longer run without a sentence end (a list,
 * a text without punctuation) is cut into sentences of this many tokens, so
 * that what the extractors do within a sentence stays bounded. */
#define ENTENTE_MAX_SENTENCE_TOKENS 256u
/** Most entities (persons, countries, places, organizations, groups) in one
 * article: ENTENTE_ERR_ENTITIES beyond. */
#define ENTENTE_MAX_ENTITIES 50000u

typedef enum {
  ENTENTE_OK = 0,
  ENTENTE_ERR_EMPTY,      /**< the article holds no text */
  ENTENTE_ERR_UTF8,       /**< the article is not valid UTF-8 */
  ENTENTE_ERR_BINARY,     /**< the article holds NUL or control bytes */
  ENTENTE_ERR_TOO_LARGE,  /**< over ENTENTE_MAX_ARTICLE_BYTES */
  ENTENTE_ERR_DATE,       /**< a publication date that is not YYYY-MM-DD */
  ENTENTE_ERR_IO,         /**< a file could not be read or written */
  ENTENTE_ERR_LEXICON,    /**< a lexicon file is missing or malformed */
  ENTENTE_ERR_RDF,        /**< librdf / raptor refused an operation */
  ENTENTE_ERR_NOMEM,      /**< out of memory */
  ENTENTE_ERR_ARG,        /**< a bad argument from the caller */
  ENTENTE_ERR_MARKUP,     /**< a web page or feed that cannot be read safely:
                               malformed, or hostile (entity declarations,
                               absurd nesting or attribute counts) */
  ENTENTE_ERR_TOKENS,     /**< over ENTENTE_MAX_TOKENS */
  ENTENTE_ERR_ENTITIES    /**< over ENTENTE_MAX_ENTITIES */
} entente_status;

/** A static English sentence naming `st`; never NULL. */
const char *entente_strerror(entente_status st);

/** Loaded lexicons and vocabulary: build once, reuse for many articles. */
typedef struct entente_ctx entente_ctx;

/**
 * Load the lexicons found under `ontology_dir` (the folder that holds
 * `entente.ttl` and `lexicon/`; NULL means the installed or built-in default,
 * see entente_default_ontology_dir()). `world` is borrowed and must outlive
 * the context. On success `*ctx_new` is owned by the caller.
 * A context remembers lookups from one article to the next: it serves one
 * thread at a time (a context per thread, or a lock around it).
 */
entente_status entente_ctx_new(librdf_world *world, const char *ontology_dir,
                               entente_ctx **ctx_new);

/** Release a context; NULL is a no-op. */
void entente_ctx_free(entente_ctx *ctx);

/** The ontology folder used when none is given (borrowed, static). */
const char *entente_default_ontology_dir(void);

/** Where an article's text was read from — a web page or a feed item — as
 * entente_article.source. All fields borrowed; a NULL field writes nothing. */
typedef struct {
  const char *format;   /**< "text", "html", "rss" or "atom" (ent:sourceFormat) */
  const char *url;      /**< the article's absolute web address (schema:url) */
  const char *author;   /**< author name(s) (schema:author) */
  const char *language; /**< BCP 47 tag of the text, e.g. "fr" (schema:inLanguage) */
} entente_source;

/** What is known of one article besides its text. All fields borrowed. */
typedef struct {
  const char *name;  /**< file name or id, used in the article IRI and errors */
  const char *date;  /**< publication date YYYY-MM-DD, or NULL */
  const char *base;  /**< base IRI for resources, or NULL for the default */
  const char *iri;   /**< the article's own IRI (its canonical URL), or NULL to
                          make one from the base and the name */
  const char *title; /**< the headline when known apart from the text, or NULL
                          (then a first line without final punctuation is it) */
  const entente_source *source; /**< where the text came from, or NULL */
} entente_article;

/**
 * Run the whole pipeline on one article: `text[0..len)` in UTF-8. Adds the
 * article's triples to `model` (borrowed), in the context `graph` when it is
 * not NULL (borrowed; the model's storage must support contexts).
 * On failure nothing is added to the model.
 */
entente_status entente_extract(entente_ctx *ctx, const char *text, size_t len,
                               const entente_article *article,
                               librdf_model *model, librdf_node *graph);

/**
 * The same pipeline, its triples handed back as a new stream owned by the
 * caller (free with librdf_free_stream) instead of added to a model: each
 * statement in the context `graph` (borrowed) when it is not NULL. For
 * writing articles out one by one (librdf_serializer_serialize_stream_to_*)
 * without the cost of a model. On failure *stream_new is NULL.
 */
entente_status entente_extract_stream(entente_ctx *ctx, const char *text, size_t len,
                                      const entente_article *article, librdf_node *graph,
                                      librdf_stream **stream_new);

/**
 * The IRI of the article `article` would get (a new librdf node owned by the
 * caller, or NULL when out of memory).
 */
librdf_node *entente_article_node_new(entente_ctx *ctx,
                                      const entente_article *article,
                                      const char *text, size_t len);

#ifdef __cplusplus
}
#endif
#endif /* ENTENTE_H */

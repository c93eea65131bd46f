/* cli: what the subcommands of the entente program share. */
#ifndef ENT_CLI_H
#define ENT_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <librdf.h>

#include "entente.h"
#include "reader.h"

/* Exit statuses (docs/user-guide.md). */
enum { CLI_OK = 0, CLI_BAD_INPUT = 1, CLI_USAGE = 2 };

/** Print "entente: <fmt>" and a newline on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/** Read a whole file ("-" = stdin) into a new buffer owned by the caller
 * (free()), refusing more than `limit` bytes. Errors are printed. */
entente_status cli_read_file(const char *path, size_t limit, char **buf, size_t *len);

/** An output written whole or not at all: to a temporary file beside
 * `path` renamed over it by cli_out_commit, or to stdout (path NULL or "-").
 * A `path` that is a device or a pipe (/dev/stdout, a FIFO) is written
 * straight to, like stdout: renaming a file over it would replace it. */
typedef struct {
  FILE *f;
  char *tmp;        /* temporary file name, NULL for stdout or a device */
  const char *path; /* borrowed */
  bool device;      /* f is `path` itself, opened here (closed by commit/abort) */
} cli_out;

/** Open the output; errors are printed. */
entente_status cli_out_open(cli_out *o, const char *path);
/** Append bytes; errors are printed. */
entente_status cli_out_write(cli_out *o, const void *buf, size_t len);
/** Flush, sync and move into place; errors are printed (and the temporary
 * file removed). */
entente_status cli_out_commit(cli_out *o);
/** Drop what was written (the target is left as it was). */
void cli_out_abort(cli_out *o);

/** Write buf to `path` atomically (a temporary file in the same folder, then
 * rename), or to stdout when path is NULL or "-". Errors are printed. */
entente_status cli_write_output(const char *path, const void *buf, size_t len);

/** Serialize model m as `format` (ent_format_serializer) to `path` as
 * cli_write_output does, streaming: a store or a merge larger than memory
 * twice over is written (raptor's string buffers took an allocation per
 * byte: exporting 1,100 articles held 5.8 GB). Errors of the output are
 * printed (ENTENTE_ERR_IO); others (ENTENTE_ERR_RDF, _NOMEM) are the
 * caller's to report. */
entente_status cli_write_model(librdf_world *w, librdf_model *m, const char *format,
                               const char *base, const char *path);

/** A new, opened librdf world whose log keeps only errors (caller frees
 * with librdf_free_world), or NULL (printed). */
librdf_world *cli_world_new(void);

/** The raptor parser name for an RDF file, guessed from its extension. */
const char *cli_rdf_parser_for(const char *file);

/** A new, empty model in memory, indexed (librdf's "hashes" storage), or
 * NULL; the caller frees the model, then *storage_new. Adding a triple costs
 * the same however many the model holds, except in a model with `graphs`
 * (named graphs, librdf's contexts): there a triple added without a graph
 * is checked against every triple held, and a quad added twice is there
 * twice. `predicates` indexes (?s p ?o), which Rasqal's queries look up. */
librdf_model *cli_hashes_model_new(librdf_world *w, bool graphs, bool predicates,
                                   librdf_storage **storage_new);

/** Add every statement of `s` to m, into its graph when `graphs` and it has
 * one. 0 on success. */
int cli_model_add_stream(librdf_model *m, librdf_stream *s, bool graphs);

/** Parse RDF files into a new model (cli_hashes_model_new, with the
 * predicate index); *storage_new and the model are owned by the caller.
 * With `graphs` and N-Quads files, the model keeps their graphs (and a
 * triple in two graphs is there twice); otherwise it is one set of triples.
 * With `preds` (NULL-terminated IRIs), only the triples of those
 * predicates. NULL on error (printed). */
librdf_model *cli_rdf_files_model(librdf_world *w, char **files, int n, bool graphs,
                                  char *const *preds, librdf_storage **storage_new);

/** The IRIs of the predicates a SPARQL query's triple patterns name, in a
 * new NULL-terminated array (cli_free_strings): only triples of those can
 * match. NULL when any triple can (a pattern whose predicate is a variable,
 * DESCRIBE, FROM) or, with *bad set, when the query does not parse.
 * *graphs tells whether it reads named graphs (GRAPH, FROM NAMED). */
char **cli_query_predicates(const char *text, bool *bad, bool *graphs);
void cli_free_strings(char **v);

/** A fresh in-memory model with contexts (caller frees the model, then
 * *storage_new), or NULL. */
librdf_model *cli_memory_model_new(librdf_world *w, librdf_storage **storage_new);
/** A fresh in-memory model without contexts, indexed so that adding a
 * triple costs the same however many it holds (use it whenever triples are
 * added without a context); ownership as for cli_memory_model_new. */
librdf_model *cli_triples_model_new(librdf_world *w, librdf_storage **storage_new);

/** How the articles of a command line are read (cli_articles.c). */
typedef struct {
  const char *date, *base; /* defaults for every article (borrowed); base NULL:
                              the articles get no IRI (read), names may repeat */
  bool jsonl;              /* inputs are JSON Lines, one article a line */
  bool strict;             /* with jsonl, stop at the first bad line */
  ent_reader_format input; /* plain files: text, html, rss, atom or (0) auto */
} cli_articles_opts;

/** Called once per article: text[0..len), what is known of it and `where`
 * (the name for errors: "FILE" or "FILE:LINE"), all borrowed for the call.
 * Prints its own errors; ENTENTE_ERR_IO, _NOMEM or _RDF stop the run. */
typedef entente_status (*cli_article_fn)(void *arg, const char *text, size_t len,
                                         const entente_article *art, const char *where);

/** Every plain input file readable and text, before anything is written
 * (a no-op for JSON Lines). Errors are printed. */
bool cli_articles_check(char *const *files, int n, const cli_articles_opts *o);

/** Hand each article of `files` to fn in order. A bad JSON line is printed,
 * counted in *bad and skipped (or, strict, stops the run). Returns false
 * when the run stopped early. */
bool cli_articles_each(char *const *files, int n, const cli_articles_opts *o, cli_article_fn fn,
                       void *arg, size_t *bad);

/** Parse an --input value (text, html, rss, atom, auto) into *f: CLI_OK, or
 * CLI_USAGE with the error printed. */
int cli_input_option(const char *arg, ent_reader_format *f);

/** One plain input file (not JSON Lines) read as o->input (cli_input.c):
 * true when it is readable, gives articles, and none of their IRIs made
 * from a name is another input's (cli_article_claim). Errors are printed. */
bool cli_input_check(const char *path, const cli_articles_opts *o);

/** The run's check that two different inputs never get one article IRI
 * from their names (docs/user-guide.md, "Article IRIs"): claim `iri` for
 * the input `key` (what makes it the same input: a file's device and inode,
 * a JSON "id"), shown as `where` in errors. ENTENTE_OK when the IRI is new
 * or already this input's; ENTENTE_ERR_ARG when another input has it (one
 * error line naming both inputs, ending with `hint`); ENTENTE_ERR_NOMEM
 * (printed). The claims last until the process exits. */
entente_status cli_article_claim(const char *iri, const char *key, const char *where,
                                 const char *hint);

/** Hand each article of one plain input file (a text, a page, each item of
 * a feed) to fn, with what the reader found (date unless o->date, title,
 * canonical URL as the IRI, …). False when reading or fn failed. */
bool cli_input_each(const char *path, const cli_articles_opts *o, cli_article_fn fn,
                    void *arg);

/** What SPARQL queries of `world` read: the default graph `model`, one set
 * of triples, and the named graphs of `graphs` (a model with contexts, or
 * NULL for none). All borrowed; they must outlive the queries. */
typedef struct {
  librdf_world *world;
  librdf_model *model;
  librdf_model *graphs;
  /* Set when the query runs: a SELECT DISTINCT's rows are made distinct,
   * then sliced (LIMIT, OFFSET; -1 for none), by cli_sparql_keep_row, not
   * by Rasqal, whose DISTINCT compares each row with every row before it. */
  bool distinct;
  int limit, offset;
  struct ent_strmap *seen;
  long skipped, kept;
} cli_dataset;

/** Make the SPARQL queries of d->world read the dataset d through entente's
 * triples source (cli_sparql.c), which looks up the variables bound before
 * a pattern instead of scanning: librdf's makes an OPTIONAL quadratic. d is
 * borrowed and must outlive the queries; cli_sparql_done frees what the
 * queries left in it. 0 on success. */
int cli_sparql_use(cli_dataset *d);
void cli_sparql_done(cli_dataset *d);

/** Whether the current row of r is one of the results (see `distinct`);
 * *stop when no later row can be. */
bool cli_sparql_keep_row(cli_dataset *d, librdf_query_results *r, bool *stop);

/** Write the results r to stdout as `format` (csv, tsv, json, xml):
 * ENTENTE_OK, or an error printed. */
entente_status cli_sparql_write(cli_dataset *d, librdf_query_results *r, const char *format);

/** Subcommands: argc/argv start at the subcommand's own name. */
int cli_extract(int argc, char **argv);
int cli_load(int argc, char **argv);
int cli_query(int argc, char **argv);
int cli_export(int argc, char **argv);
int cli_merge(int argc, char **argv);
int cli_push(int argc, char **argv);
int cli_read(int argc, char **argv);

#endif

/* cli: what the subcommands of the entente program share. */
#ifndef ENT_CLI_H
#define ENT_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <librdf.h>

#include "entente.h"

/* Exit statuses (docs/user-guide.md). */
enum { CLI_OK = 0, CLI_BAD_INPUT = 1, CLI_USAGE = 2 };

/** Print "entente: <fmt>" and a newline on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/** Read a whole file ("-" = stdin) into a new buffer owned by the caller
 * (free()), refusing more than `limit` bytes. Errors are printed. */
entente_status cli_read_file(const char *path, size_t limit, char **buf, size_t *len);

/** An output written whole or not at all: to a temporary file beside
 * `path` renamed over it by cli_out_commit, or to stdout (path NULL or "-"). */
typedef struct {
  FILE *f;
  char *tmp;        /* temporary file name, NULL for stdout */
  const char *path; /* borrowed */
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

/** A new, opened librdf world whose log keeps only errors (caller frees
 * with librdf_free_world), or NULL (printed). */
librdf_world *cli_world_new(void);

/** The raptor parser name for an RDF file, guessed from its extension. */
const char *cli_rdf_parser_for(const char *file);

/** Parse RDF files into a new memory model; *storage_new and the model are
 * owned by the caller. With `graphs`, N-Quads keep their graphs (and a
 * triple in two graphs is there twice); without, the model is one set of
 * triples. NULL on error (printed). */
librdf_model *cli_rdf_files_model(librdf_world *w, char **files, int n, bool graphs,
                                  librdf_storage **storage_new);

/** Subcommands: argc/argv start at the subcommand's own name. */
int cli_extract(int argc, char **argv);
int cli_load(int argc, char **argv);
int cli_query(int argc, char **argv);
int cli_export(int argc, char **argv);
int cli_merge(int argc, char **argv);
int cli_push(int argc, char **argv);
int cli_read(int argc, char **argv);

#endif

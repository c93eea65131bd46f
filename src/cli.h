/* cli: what the subcommands of the entente program share. */
#ifndef ENT_CLI_H
#define ENT_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "entente.h"

/* Exit statuses (docs/user-guide.md). */
enum { CLI_OK = 0, CLI_BAD_INPUT = 1, CLI_USAGE = 2 };

/** Print "entente: <fmt>" and a newline on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/** Read a whole file ("-" = stdin) into a new buffer owned by the caller
 * (free()), refusing more than `limit` bytes. Errors are printed. */
entente_status cli_read_file(const char *path, size_t limit, char **buf, size_t *len);

/** Write buf to `path` atomically (a temporary file in the same folder, then
 * rename), or to stdout when path is NULL or "-". Errors are printed. */
entente_status cli_write_output(const char *path, const void *buf, size_t len);

/** Subcommands: argc/argv start at the subcommand's own name. */
int cli_extract(int argc, char **argv);
int cli_load(int argc, char **argv);
int cli_query(int argc, char **argv);
int cli_export(int argc, char **argv);

#endif

/* main: the entente command — dispatch to a subcommand. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct {
  const char *name;
  int (*run)(int, char **);
  const char *what;
} COMMANDS[] = {
    {"extract", cli_extract, "articles to an RDF graph (Turtle, N-Triples, N-Quads, …)"},
    {"load", cli_load, "extract articles into a store (one named graph each)"},
    {"query", cli_query, "run SPARQL on a store or on RDF files"},
    {"export", cli_export, "write a store out as N-Quads, Turtle or N-Triples"},
    {"merge", cli_merge, "the union of RDF graphs, identities merged"},
    {"push", cli_push, "extract articles into a SPARQL server (Graph Store or Update)"},
    {"read", cli_read, "what entente reads from texts, web pages and feeds (JSON Lines)"},
};

static void usage(FILE *f) {
  fputs("usage: entente COMMAND [OPTIONS] [ARGS]\n       entente --help | --version\n"
        "Commands:\n", f);
  for (size_t i = 0; i < sizeof COMMANDS / sizeof *COMMANDS; i++)
    fprintf(f, "  %-8s %s\n", COMMANDS[i].name, COMMANDS[i].what);
  fputs("Run 'entente COMMAND --help' for a command's options; see entente(1).\n", f);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return CLI_USAGE;
  }
  if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
    usage(stdout);
    return CLI_OK;
  }
  if (strcmp(argv[1], "--version") == 0) {
    printf("entente %s\n", ENTENTE_VERSION);
    return CLI_OK;
  }
  for (size_t i = 0; i < sizeof COMMANDS / sizeof *COMMANDS; i++)
    if (strcmp(argv[1], COMMANDS[i].name) == 0) return COMMANDS[i].run(argc - 1, argv + 1);
  cli_error("unknown command '%s' (try entente --help)", argv[1]);
  return CLI_USAGE;
}

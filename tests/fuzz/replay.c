/* Replay driver for the libFuzzer harnesses without libFuzzer: links with a
 * harness (tests/fuzz/fuzz_*.c) and runs LLVMFuzzerTestOneInput once on each
 * file named on the command line, in a buffer of exactly the file's size
 * (no NUL after it, as libFuzzer gives it). Built by every build (plain,
 * ASan, valgrind runs) so the regression inputs of tests/fuzz/regressions
 * stay fixed without clang's libFuzzer (tests/cli/fuzz-regressions.sh).
 * Exit 0 when every input ran; a finding aborts, as under libFuzzer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzzutil.h"

/* The whole file in a new buffer of exactly its size (caller frees). */
static unsigned char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 4096, n = 0;
  unsigned char *b = malloc(cap);
  for (size_t r; b && (r = fread(b + n, 1, cap - n, f)) > 0;) {
    n += r;
    if (n == cap) {
      unsigned char *nb = realloc(b, cap *= 2);
      if (!nb) free(b);
      b = nb;
    }
  }
  int bad = ferror(f);
  fclose(f);
  if (!b || bad) {
    free(b);
    return NULL;
  }
  /* Exactly n bytes, so that a read past the end is an ASan / valgrind error. */
  unsigned char *exact = malloc(n ? n : 1);
  if (exact) memcpy(exact, b, n);
  free(b);
  *len = n;
  return exact;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s INPUT...\n", argv[0]);
    return 2;
  }
  LLVMFuzzerInitialize(&argc, &argv);
  for (int i = 1; i < argc; i++) {
    size_t len = 0;
    unsigned char *data = slurp(argv[i], &len);
    if (!data) {
      fprintf(stderr, "%s: cannot read\n", argv[i]);
      return 2;
    }
    LLVMFuzzerTestOneInput(data, len);
    free(data);
  }
  printf("replayed %d input(s)\n", argc - 1);
  return 0;
}

/* link.c: libentente from another program, found through pkg-config.
 *
 *   cc link.c $(pkg-config --cflags --libs entente) -o link && ./link
 *
 * Extracts one sentence (or the one given as argument) and prints how many
 * triples it gave. The lexicons are the installed ones (entente.pc's prefix),
 * or those under $ENTENTE_ONTOLOGY. Exit status 0 when it found something. */
#include <stdio.h>
#include <string.h>

#include <entente.h>

int main(int argc, char **argv) {
  const char *text = argc > 1 ? argv[1]
                              : "Le ministre turc de l'énergie, Selim Arslan, a rencontré "
                                "mardi à Ankara son homologue russe.";
  librdf_world *world = librdf_new_world();
  if (!world) return 1;
  librdf_world_open(world);
  entente_ctx *ctx = NULL;
  entente_status st = entente_ctx_new(world, NULL, &ctx); /* NULL: the installed lexicons */
  librdf_storage *storage = st == ENTENTE_OK ? librdf_new_storage(world, "memory", NULL, NULL) : NULL;
  librdf_model *model = storage ? librdf_new_model(world, storage, NULL) : NULL;
  if (st == ENTENTE_OK && !model) st = ENTENTE_ERR_RDF;
  if (st == ENTENTE_OK) {
    entente_article article = {"link-example", "2024-03-15", NULL, NULL, NULL, NULL};
    st = entente_extract(ctx, text, strlen(text), &article, model, NULL);
  }
  int triples = st == ENTENTE_OK ? librdf_model_size(model) : 0;
  if (st == ENTENTE_OK)
    printf("entente %s: %d triples\n", ENTENTE_VERSION, triples);
  else
    fprintf(stderr, "link: %s (ontology: %s)\n", entente_strerror(st),
            entente_default_ontology_dir());
  if (model) librdf_free_model(model);
  if (storage) librdf_free_storage(storage);
  entente_ctx_free(ctx);
  librdf_free_world(world);
  return st == ENTENTE_OK && triples > 0 ? 0 : 1;
}

/* Environments for untrusted scripts (SPEC §10): allow-listed globals,
 * read-only engine tables, text chunks only, a path-checked require. */
#ifndef TAF_SANDBOX_H
#define TAF_SANDBOX_H

#include "host.h"

enum sandbox_kind {
    SANDBOX_SCRIPT, /* recipes, presets, catalogs, packs: safe globals + declarations */
    SANDBOX_LIB,    /* the built-in recipe library: as SCRIPT, plus the `host` table */
    SANDBOX_CHUNK,  /* -e chunks: safe globals, print to stdout */
};

/* Build the safe-global template and load lib.dsl; runs inside boot (protected). */
void sandbox_setup(struct taf_host *h);
/* Push a fresh environment table of the given kind (the global table when
 * trusted); its require finds modules of pack `root` (NULL: built-ins only). */
void sandbox_push_env(struct taf_host *h, enum sandbox_kind kind, const char *root);
/* Load the text chunk at `path` with a fresh environment; pushes the function.
 * Returns an exit code (2 when the file is unreadable or does not parse). */
int sandbox_loadfile(struct taf_host *h, const char *path, enum sandbox_kind kind);
/* Push a sandbox `require` scoped to pack `root` (NULL: the built-in library). */
void sandbox_push_require(struct taf_host *h, const char *root);

#endif

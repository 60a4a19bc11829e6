/* Environments for untrusted scripts (SPEC §10): allow-listed globals,
 * read-only engine tables, text chunks only, a path-checked require. */
#ifndef TAF_SANDBOX_H
#define TAF_SANDBOX_H

#include "host.h"

/* Seal string.dump and the string metatable, create the module cache; runs
 * inside the protected boot, before any script. */
void sandbox_init(struct taf_host *h);
/* Push a fresh environment table for a recipe, preset, catalog, pack or -e
 * chunk (the global table when trusted); its require finds modules of pack
 * `root` (NULL: the built-in recipe helpers only). */
void sandbox_push_env(struct taf_host *h, const char *root);
/* Push a sandbox `require` scoped to pack `root` (NULL: the built-in helpers). */
void sandbox_push_require(struct taf_host *h, const char *root);
/* Load script text `text` as chunk `chunkname` from the bytecode compiled at
 * build time when it is a shipped script, unedited (script_code.h); pushes the
 * chunk and returns LUA_OK, or pushes nothing and returns -1 (parse the text). */
int sandbox_load_shipped(lua_State *L, const char *text, size_t len, const char *chunkname);
/* Add loadfile, load_chunk and seal to the host table at the top (engine only). */
void sandbox_push_host_funcs(struct taf_host *h);

#endif

/* The Lua state every command runs in: allocator with a memory cap, an
 * instruction budget pcall cannot swallow, the sandbox, error reporting. */
#ifndef TAF_HOST_H
#define TAF_HOST_H

#include <lua.h>
#include <stddef.h>
#include "pool.h"

/* Exit codes of SPEC §3. */
enum { TAF_EXIT_OK = 0, TAF_EXIT_RUNTIME = 1, TAF_EXIT_USAGE = 2 };

#define TAF_DEFAULT_MAX_STEPS 500000000LL  /* Lua VM instructions */
#define TAF_DEFAULT_MAX_MEM (512u << 20)   /* bytes held by the Lua state */

struct taf_limits {
    long long max_steps; /* instruction budget; <= 0 means unlimited */
    size_t max_mem;      /* memory cap in bytes; 0 means unlimited */
};

struct taf_host {
    lua_State *L;
    struct taf_limits limits;
    size_t mem_used;
    struct taf_pool pool;  /* small blocks of the Lua state (pool.h) */
    long long steps_used;
    int steps_exhausted;   /* set by the count hook; the run fails whatever pcall did */
    int mem_exhausted;     /* set by the allocator */
    int trusted;           /* --trust: scripts get the full standard library */
    int print_to_stdout;   /* -e chunks print to stdout, recipes to stderr */
    char datadir[4096];    /* holds recipes/ and catalogs/ */
    const char **pack_dirs; /* --pack directories, searched before the built-ins */
    int n_pack_dirs;
};

/* Create the state, the `taf` module and the recipe library. On failure
 * prints the reason and returns non-zero. */
int host_open(struct taf_host *h);
void host_close(struct taf_host *h);

/* Call the function below `nargs` arguments on the stack, protected, with a
 * traceback handler. Returns an exit code; on failure the message is printed
 * to stderr (usage errors: exit 2; runtime, budget, memory: exit 1). */
int host_call(struct taf_host *h, int nargs, int nresults);

/* Load a text chunk from `path` in a fresh sandbox environment (or the
 * global one when trusted) with the script declarations; pushes the function. */
int host_loadfile(struct taf_host *h, const char *path);
/* Same for a string chunk named `name` (e.g. "=(command line)"). */
int host_loadstring(struct taf_host *h, const char *code, const char *name);

/* Push the recipe library module `name` (e.g. "lib.cli"), via the sandbox require. */
int host_require(struct taf_host *h, const char *name);

/* Find the data directory (recipes/, catalogs/) next to the executable,
 * under an install prefix, or from $TAFRUN_DATADIR. */
int host_find_datadir(char *out, size_t size);

#endif

/* The Lua state every command runs in: allocator with a memory cap, an
 * instruction budget pcall cannot swallow, the sandbox, error reporting. */
#ifndef TAF_HOST_H
#define TAF_HOST_H

#include <lua.h>
#include <stddef.h>
#include "pool.h"

/* Exit codes of SPEC §3. */
enum { TAF_EXIT_OK = 0, TAF_EXIT_RUNTIME = 1, TAF_EXIT_USAGE = 2 };

/* The instruction budget is kept by the CPU clock (watchdog.h), not counted
 * instruction by instruction: a step is 50 ns of the process's CPU time
 * (user + system), about one Lua 5.4 instruction of a recipe's mixed work
 * (table building, calls into taf) in a sanitizer build, a few in a release
 * build. C work a script asks for is charged in steps on top (taf_charge_steps). */
#define TAF_STEPS_PER_CPU_S 20000000LL
#define TAF_DEFAULT_MAX_STEPS 500000000LL  /* 25 s of CPU */
#define TAF_DEFAULT_MAX_MEM (512u << 20)   /* bytes held by the Lua state */
/* What the top level of one recipe, preset, catalog or pack file may take
 * (10^7 steps: 0.5 s of CPU). */
#define TAF_DECLARE_MAX_STEPS 10000000LL
#define TAF_DECLARE_MAX_MEM_MIB 64
#define TAF_DECLARE_MAX_MEM ((size_t)TAF_DECLARE_MAX_MEM_MIB << 20)

struct taf_limits {
    long long max_steps; /* instruction budget; <= 0 means unlimited */
    size_t max_mem;      /* memory cap in bytes; 0 means unlimited */
};

struct taf_host {
    lua_State *L;
    struct taf_limits limits;
    size_t mem_used;
    struct taf_pool pool;  /* small blocks of the Lua state (pool.h) */
    long long steps_used;  /* steps charged by C work (taf_charge_steps), and given to workers */
    volatile long cpu_ticks;        /* CPU clock ticks (watchdog.h) since the limits started */
    lua_State *volatile running;    /* the coroutine running now; NULL: the main thread */
    volatile int steps_exhausted;   /* set once the budget is spent; the run fails whatever pcall did */
    int mem_exhausted;     /* set by the allocator */
    long long decl_limit;  /* steps_used at which the declaration in progress stops; 0: none */
    size_t decl_mem_limit; /* mem_used past which it stops; 0: none */
    volatile int decl_exhausted;
    int decl_mem_exhausted;
    /* The last growth the allocator refused, pending until Lua asks again
     * after its emergency collection (lmem.c tryagain): refused twice, or not
     * asked again, it is final and sets the flags above; granted, it was garbage. */
    struct {
        void *ptr;
        size_t osize, nsize;
        int caps; /* which caps refused it; 0: none pending */
    } refused;
    int trusted;           /* --trust: scripts get the full standard library */
    int print_to_stdout;   /* -e chunks and tafrun test print to stdout, recipes to stderr */
    int verbose;           /* --verbose: runtime errors carry the Lua traceback */
    int configured;        /* host.configure ran: limits are in force */
    char datadir[4096];    /* holds recipes/ and catalogs/ */
};

/* Create the state with the standard libraries, the `taf` module's C slices
 * and the sandbox's sealed basics, all protected. On failure prints the
 * reason and returns non-zero. */
int host_open(struct taf_host *h);
void host_close(struct taf_host *h);

/* Call the function below `nargs` arguments on the stack, protected, with a
 * traceback handler. Returns an exit code; on failure the message is printed
 * to stderr (usage errors: exit 2; runtime, budget, memory: exit 1). */
int host_call(struct taf_host *h, int nargs, int nresults);

/* The host a Lua state belongs to (its allocator's user data). */
struct taf_host *host_of(lua_State *L);

/* Put the limits of h->limits in force: the CPU clock that keeps the
 * instruction budget (and arms the hook that stops a script once it is
 * spent) and the watchdog for C loops run on a script's behalf. */
void host_start_limits(struct taf_host *h);

/* Set the hook that stops a script on the main thread, the coroutine
 * running and `L` (may be NULL); async-signal-safe. */
void host_arm_stop(struct taf_host *h, lua_State *L);

/* Steps spent so far: the CPU clock's ticks plus the steps charged. */
long long host_steps_used(const struct taf_host *h);

/* host.declare(chunk, what): run a file's top level under the declaration budget. */
int host_declare(lua_State *L);

/* Find the data directory (recipes/, catalogs/) next to the executable,
 * under an install prefix, or from $TAFRUN_DATADIR. */
int host_find_datadir(char *out, size_t size);

#endif

/* Lua state life cycle, limits and protected calls (after lua.c's docall/msghandler). */
#include "host.h"
#include "sandbox.h"
#include "host_lib.h"
#include "watchdog.h"
#include "lua/module.h"
#include "lua/bind.h"

#include <lauxlib.h>
#include <lualib.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { OVER_RUN_CAP = 1, OVER_DECL_CAP = 2 };

/* A pending refusal is final: the flags say so, whatever pcall does next. */
static void refusal_final(struct taf_host *h)
{
    if (h->refused.caps & OVER_RUN_CAP)
        h->mem_exhausted = 1;
    if (h->refused.caps & OVER_DECL_CAP)
        h->decl_mem_exhausted = 1;
    h->refused.caps = 0;
}

/* Allocator with accounting: refuses growth past the cap. Lua answers a
 * refusal with an emergency collection and the same request again (lmem.c
 * tryagain), so a refusal only counts when that second request is refused
 * too, or when another request comes first (a caller that cannot collect:
 * lauxlib's buffer, lua_newstate; host_call settles one still pending). */
static void *host_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    struct taf_host *h = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        pool_realloc(&h->pool, ptr, osize, 0);
        h->mem_used -= old;
        return NULL;
    }
    if (nsize > old) {
        size_t after = h->mem_used - old + nsize;
        int over = h->limits.max_mem && after > h->limits.max_mem ? OVER_RUN_CAP
                   : h->decl_mem_limit && after > h->decl_mem_limit ? OVER_DECL_CAP
                   : 0;
        int retry = h->refused.caps && h->refused.ptr == ptr && h->refused.osize == osize &&
                    h->refused.nsize == nsize;
        if (h->refused.caps && !retry)
            refusal_final(h);
        if (over) {
            h->refused.ptr = ptr;
            h->refused.osize = osize;
            h->refused.nsize = nsize;
            h->refused.caps = over;
            if (retry)
                refusal_final(h);
            return NULL;
        }
        h->refused.caps = 0; /* the retry fits now: what was over was garbage */
    }
    void *p = pool_realloc(&h->pool, ptr, osize, nsize);
    if (p != NULL)
        h->mem_used = h->mem_used - old + nsize;
    return p;
}

struct taf_host *host_of(lua_State *L)
{
    void *ud;
    lua_getallocf(L, &ud);
    return ud;
}

/* The instruction budget without a hook at every instruction: the CPU clock
 * (watchdog.h) ticks, budget_tick counts the ticks as steps and, once the
 * run's budget or the declaration's is spent, sets stop_hook on the main
 * thread and on the coroutine running (lua_sethook may be called from a
 * signal handler: lua.c laction). Until then no hook is set, so Lua never
 * enters its hook path. */
#define STEPS_PER_TICK (TAF_STEPS_PER_CPU_S * WATCHDOG_TICK_US / 1000000)

static struct taf_host *volatile budget_host;

long long host_steps_used(const struct taf_host *h)
{
    return h->steps_used + (long long)h->cpu_ticks * STEPS_PER_TICK;
}

/* Once the budget is spent: raise at every instruction, so that a pcall in
 * the script cannot swallow it (Redis luaMaskCountHook). Hooks are per
 * thread: a coroutine resumed later is armed by the resume wrapper
 * (sandbox.c), and a hook left on a thread by a declaration whose budget ran
 * out, then ended, removes itself. */
static void stop_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    struct taf_host *h = host_of(L);
    if (!h->steps_exhausted && !h->decl_exhausted) {
        lua_sethook(L, NULL, 0, 0);
        return;
    }
    if (h->decl_exhausted && !h->steps_exhausted)
        luaL_error(L, "declaration budget exhausted");
    luaL_error(L, "instruction budget exhausted (%I steps; raise it with --max-steps)",
               (lua_Integer)h->limits.max_steps);
}

void host_arm_stop(struct taf_host *h, lua_State *L)
{
    lua_sethook(h->L, stop_hook, LUA_MASKCOUNT, 1);
    lua_State *co = h->running;
    if (co != NULL)
        lua_sethook(co, stop_hook, LUA_MASKCOUNT, 1);
    if (L != NULL && L != h->L && L != co)
        lua_sethook(L, stop_hook, LUA_MASKCOUNT, 1);
}

/* Whether the budget in force (the declaration's within the run's) is spent
 * at `used` steps; sets the flag that says which. */
static int budget_spent(struct taf_host *h, long long used)
{
    if (h->steps_exhausted || h->decl_exhausted)
        return 1;
    if (h->decl_limit > 0 && used >= h->decl_limit) {
        h->decl_exhausted = 1;
        return 1;
    }
    if (h->limits.max_steps > 0 && used >= h->limits.max_steps) {
        h->steps_exhausted = 1;
        return 1;
    }
    return 0;
}

static void budget_tick(void)
{
    struct taf_host *h = budget_host;
    if (h == NULL)
        return;
    h->cpu_ticks++;
    if (budget_spent(h, host_steps_used(h)))
        host_arm_stop(h, NULL);
}

static int panic(lua_State *L)
{
    const char *msg = lua_tostring(L, -1);
    fprintf(stderr, "tafrun: unprotected Lua error: %s\n", msg ? msg : "(not a string)");
    return 0;
}

/* Work a C function does on a script's behalf (lua/bind.h): charged in
 * steps on top of the CPU clock, and raising once the budget (or the
 * declaration's) is spent; a charge never takes the steps used past the
 * budget it spends, so a spent declaration leaves the run's budget intact. */
void taf_charge_steps(lua_State *L, lua_Integer n)
{
    void *ud;
    if (n <= 0 || lua_getallocf(L, &ud) != host_alloc)
        return;
    struct taf_host *h = ud;
    if (h->limits.max_steps <= 0)
        return;
    if (!h->steps_exhausted && !h->decl_exhausted) {
        long long cap = h->decl_limit > 0 && h->decl_limit < h->limits.max_steps ? h->decl_limit
                                                                                   : h->limits.max_steps;
        long long used = host_steps_used(h);
        if (used < cap && n < cap - used) {
            h->steps_used += n;
            return;
        }
        if (used < cap)
            h->steps_used += cap - used;
        budget_spent(h, cap);
    }
    host_arm_stop(h, L);
    if (h->decl_exhausted && !h->steps_exhausted)
        luaL_error(L, "declaration budget exhausted");
    luaL_error(L, "instruction budget exhausted (%I steps; raise it with --max-steps)",
               (lua_Integer)h->limits.max_steps);
}

size_t taf_memory_cap(lua_State *L)
{
    void *ud;
    if (lua_getallocf(L, &ud) != host_alloc)
        return 0;
    return ((struct taf_host *)ud)->limits.max_mem;
}

/* Keep usage-error tables intact; give every other error a string message,
 * with the traceback under --verbose (lua.c msghandler). It cannot fail: an
 * error object that is no string is described by taf_push_error_text, which
 * calls __tostring protected and reads tables raw; only a memory error can
 * escape, and the host reports those itself. */
static int msghandler(lua_State *L)
{
    if (taf_is_usage_error(L, 1))
        return 1;
    const char *msg = lua_tostring(L, 1);
    if (msg == NULL)
        msg = taf_push_error_text(L, 1, 1);
    if (host_of(L)->verbose && strstr(msg, "\nstack traceback:") == NULL)
        luaL_traceback(L, L, msg, 1);
    return 1;
}

int host_call(struct taf_host *h, int nargs, int nresults)
{
    lua_State *L = h->L;
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, msghandler);
    lua_insert(L, base);
    int status = lua_pcall(L, nargs, nresults, base);
    lua_remove(L, base);
    if (h->refused.caps)
        refusal_final(h);
    if (h->steps_exhausted) {
        fprintf(stderr, "tafrun: script stopped: instruction budget exhausted "
                        "(%lld steps; raise it with --max-steps or --trust)\n", h->limits.max_steps);
    } else if (h->mem_exhausted || status == LUA_ERRMEM) {
        fprintf(stderr, "tafrun: script stopped: memory cap exceeded (%zu MiB; raise it with --max-mem)\n",
                h->limits.max_mem >> 20);
    } else if (status != LUA_OK) {
        int usage = 0, plain = 0;
        const char *msg = NULL;
        if (lua_type(L, -1) == LUA_TTABLE) { /* a usage error (engine/core/errors.lua) */
            usage = 1;
            lua_getfield(L, -1, "plain"); /* the bare synopsis of `tafrun` alone */
            plain = lua_toboolean(L, -1);
            lua_getfield(L, -2, "message");
            msg = lua_tostring(L, -1);
            lua_pop(L, 2);
        } else {
            msg = lua_tostring(L, -1);
        }
        fprintf(stderr, "%s%s\n", plain ? "" : "tafrun: ", msg ? msg : "(error without message)");
        lua_pop(L, 1);
        return usage ? TAF_EXIT_USAGE : TAF_EXIT_RUNTIME;
    } else {
        return TAF_EXIT_OK;
    }
    if (status != LUA_OK)
        lua_pop(L, 1);
    else if (nresults > 0)
        lua_pop(L, nresults);
    return TAF_EXIT_RUNTIME;
}

/* Everything that touches Lua during start-up runs protected. */
static int boot(lua_State *L)
{
    struct taf_host *h = lua_touserdata(L, 1);
    luaL_checkversion(L);
    luaL_openlibs(L);
    taf_install_fast_format(L);
    luaL_requiref(L, "taf", luaopen_taf, 1);
    lua_pop(L, 1);
    sandbox_init(h);
    return 0;
}

int host_open(struct taf_host *h)
{
    h->mem_used = 0;
    h->steps_used = 0;
    h->cpu_ticks = 0;
    h->running = NULL;
    h->steps_exhausted = h->mem_exhausted = 0;
    h->refused.caps = 0;
    memset(&h->pool, 0, sizeof h->pool);
    h->L = lua_newstate(host_alloc, h);
    if (h->L == NULL) {
        fprintf(stderr, "tafrun: cannot create the Lua state (out of memory)\n");
        return TAF_EXIT_RUNTIME;
    }
    lua_atpanic(h->L, panic);
    lua_setwarnf(h->L, NULL, NULL);
    lua_gc(h->L, LUA_GCGEN, 0, 0);
    lua_pushcfunction(h->L, boot);
    lua_pushlightuserdata(h->L, h);
    return host_call(h, 1, 0);
}

void host_start_limits(struct taf_host *h)
{
    if (h->limits.max_steps > 0) {
        budget_host = h;
        /* C loops on a script's behalf: as long as the whole budget, and
         * never under a second */
        double limit_s = (double)h->limits.max_steps / (double)TAF_STEPS_PER_CPU_S;
        taf_guard_patterns(h->L);
        watchdog_start(limit_s < 1 ? 1 : limit_s, host_lib_emergency_stop, budget_tick);
    }
}

/* host.declare(chunk, what) → the chunk's value, run under the declaration
 * budget (TAF_DECLARE_MAX_STEPS, TAF_DECLARE_MAX_MEM) on top of the run's:
 * a recipe, preset, catalog or pack file's top level only declares, so
 * `list` and `show` stay cheap whatever a pack holds (Redis FUNCTION LOAD).
 * Past it the run stops with exit 1 naming `what`. Nested declarations never
 * get more than the one around them. */
int host_declare(lua_State *L)
{
    struct taf_host *h = host_of(L);
    luaL_checktype(L, 1, LUA_TFUNCTION);
    const char *what = luaL_checkstring(L, 2);
    lua_settop(L, 2);
    long long saved_steps = h->decl_limit;
    size_t saved_mem = h->decl_mem_limit;
    int metered = h->limits.max_steps > 0;
    if (metered) {
        long long steps = host_steps_used(h) + TAF_DECLARE_MAX_STEPS;
        size_t mem = h->mem_used + TAF_DECLARE_MAX_MEM;
        h->decl_limit = saved_steps > 0 && saved_steps < steps ? saved_steps : steps;
        h->decl_mem_limit = saved_mem > 0 && saved_mem < mem ? saved_mem : mem;
    }
    lua_pushcfunction(L, msghandler);
    lua_pushvalue(L, 1);
    int status = lua_pcall(L, 0, 1, 3);
    if (h->refused.caps)
        refusal_final(h);
    int own = metered && (h->decl_limit != saved_steps || h->decl_mem_limit != saved_mem);
    int steps_out = h->decl_exhausted, mem_out = h->decl_mem_exhausted;
    h->decl_limit = saved_steps;
    h->decl_mem_limit = saved_mem;
    if (own && (steps_out || mem_out) && !h->steps_exhausted && !h->mem_exhausted) {
        h->decl_exhausted = h->decl_mem_exhausted = 0;
        lua_sethook(h->L, NULL, 0, 0); /* the run goes on: no hook until its own budget is spent */
        lua_sethook(L, NULL, 0, 0);
        if (steps_out)
            lua_pushfstring(L, "%s: its top level took more than %I steps (a recipe, preset, catalog or "
                               "pack file only declares at load time; do the work in run)",
                            what, (lua_Integer)TAF_DECLARE_MAX_STEPS);
        else
            lua_pushfstring(L, "%s: its top level took more than %d MiB (a recipe, preset, catalog or "
                               "pack file only declares at load time; do the work in run)",
                            what, TAF_DECLARE_MAX_MEM_MIB);
        return lua_error(L);
    }
    if (status != LUA_OK)
        return lua_error(L);
    return 1;
}

void host_close(struct taf_host *h)
{
    if (budget_host == h)
        budget_host = NULL;
    if (h->L != NULL)
        lua_close(h->L);
    h->L = NULL;
    pool_destroy(&h->pool);
}

static int is_datadir(const char *dir)
{
    char probe[PATH_MAX + 64];
    struct stat st;
    snprintf(probe, sizeof probe, "%s/catalogs/gpus.lua", dir);
    return stat(probe, &st) == 0 && S_ISREG(st.st_mode);
}

int host_find_datadir(char *out, size_t size)
{
    const char *env = getenv("TAFRUN_DATADIR");
    if (env != NULL && *env) {
        if (!is_datadir(env)) {
            fprintf(stderr, "tafrun: TAFRUN_DATADIR=%s holds no catalogs/gpus.lua\n", env);
            return -1;
        }
        snprintf(out, size, "%s", env);
        return 0;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash != NULL) {
            *slash = '\0';
            char cand[PATH_MAX + 32];
            /* installed: PREFIX/bin/tafrun → PREFIX/share/tafrun */
            snprintf(cand, sizeof cand, "%s/../share/tafrun", exe);
            if (is_datadir(cand) && realpath(cand, out) != NULL)
                return 0;
            /* build tree: SRC/build/tafrun → SRC */
            snprintf(cand, sizeof cand, "%s/..", exe);
            if (is_datadir(cand) && realpath(cand, out) != NULL)
                return 0;
        }
    }
#ifdef TAF_INSTALL_DATADIR
    if (is_datadir(TAF_INSTALL_DATADIR)) {
        snprintf(out, size, "%s", TAF_INSTALL_DATADIR);
        return 0;
    }
#endif
    fprintf(stderr, "tafrun: cannot find the recipes and catalogs (catalogs/gpus.lua) next to "
                    "the executable; set TAFRUN_DATADIR to the directory holding recipes/ and catalogs/\n");
    return -1;
}

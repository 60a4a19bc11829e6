/* Lua state life cycle, limits and protected calls (after lua.c's docall/msghandler). */
#include "host.h"
#include "sandbox.h"
#include "host_lib.h"
#include "watchdog.h"
#include "lua/module.h"

#include <lauxlib.h>
#include <lualib.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define HOOK_PERIOD 1000

/* Allocator with accounting: refuses growth past the cap (LUA_ERRMEM). */
static void *host_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    struct taf_host *h = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        pool_realloc(&h->pool, ptr, osize, 0);
        h->mem_used -= old;
        return NULL;
    }
    if (h->limits.max_mem && nsize > old && h->mem_used - old + nsize > h->limits.max_mem) {
        h->mem_exhausted = 1;
        return NULL;
    }
    void *p = pool_realloc(&h->pool, ptr, osize, nsize);
    if (p != NULL)
        h->mem_used = h->mem_used - old + nsize;
    return p;
}

static struct taf_host *host_of(lua_State *L)
{
    void *ud;
    lua_getallocf(L, &ud);
    return ud;
}

/* Count hook: once the budget is spent, raise at every instruction so that a
 * pcall in the script cannot swallow it (Redis luaMaskCountHook). */
static void count_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    struct taf_host *h = host_of(L);
    if (!h->steps_exhausted) {
        h->steps_used += HOOK_PERIOD;
        if (h->limits.max_steps <= 0 || h->steps_used < h->limits.max_steps)
            return;
        h->steps_exhausted = 1;
        lua_sethook(L, count_hook, LUA_MASKCOUNT, 1);
    }
    luaL_error(L, "instruction budget exhausted (%I steps; raise it with --max-steps)",
               (lua_Integer)h->limits.max_steps);
}

static int panic(lua_State *L)
{
    const char *msg = lua_tostring(L, -1);
    fprintf(stderr, "tafrun: unprotected Lua error: %s\n", msg ? msg : "(not a string)");
    return 0;
}

/* Keep usage-error tables intact; give other errors a string message. */
static int msghandler(lua_State *L)
{
    if (lua_type(L, 1) == LUA_TTABLE || lua_type(L, 1) == LUA_TSTRING)
        return 1;
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
        return 1;
    lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
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
    if (h->steps_exhausted) {
        fprintf(stderr, "tafrun: script stopped: instruction budget exhausted "
                        "(%lld steps; raise it with --max-steps or --trust)\n", h->limits.max_steps);
    } else if (h->mem_exhausted || status == LUA_ERRMEM) {
        fprintf(stderr, "tafrun: script stopped: memory cap exceeded (%zu MiB; raise it with --max-mem)\n",
                h->limits.max_mem >> 20);
    } else if (status != LUA_OK) {
        int usage = 0;
        const char *msg = NULL;
        if (lua_type(L, -1) == LUA_TTABLE) {
            lua_getfield(L, -1, "kind");
            usage = lua_isstring(L, -1) && strcmp(lua_tostring(L, -1), "usage") == 0;
            lua_pop(L, 1);
            lua_getfield(L, -1, "message");
            msg = lua_tostring(L, -1);
            lua_pop(L, 1);
        } else {
            msg = lua_tostring(L, -1);
        }
        fprintf(stderr, "tafrun: %s\n", msg ? msg : "(error without message)");
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
    sandbox_setup(h);
    return 0;
}

int host_open(struct taf_host *h)
{
    h->mem_used = 0;
    h->steps_used = 0;
    h->steps_exhausted = h->mem_exhausted = 0;
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
    int rc = host_call(h, 1, 0);
    if (rc != TAF_EXIT_OK)
        return rc;
    if (h->limits.max_steps > 0) {
        lua_sethook(h->L, count_hook, LUA_MASKCOUNT, HOOK_PERIOD);
        /* C loops on a script's behalf: as long as the budget takes at
         * about 10^8 steps a second, and never under a second */
        double limit_s = (double)h->limits.max_steps / 1e8;
        taf_guard_patterns(h->L);
        watchdog_start(limit_s < 1 ? 1 : limit_s, host_lib_emergency_stop);
    }
    return TAF_EXIT_OK;
}

void host_close(struct taf_host *h)
{
    if (h->L != NULL)
        lua_close(h->L);
    h->L = NULL;
    pool_destroy(&h->pool);
}

int host_loadfile(struct taf_host *h, const char *path)
{
    return sandbox_loadfile(h, path, SANDBOX_SCRIPT);
}

int host_loadstring(struct taf_host *h, const char *code, const char *name)
{
    lua_State *L = h->L;
    if (luaL_loadbufferx(L, code, strlen(code), name, "t") != LUA_OK) {
        fprintf(stderr, "tafrun: %s\n", lua_tostring(L, -1));
        lua_pop(L, 1);
        return TAF_EXIT_USAGE;
    }
    sandbox_push_env(h, SANDBOX_CHUNK, NULL);
    if (lua_setupvalue(L, -2, 1) == NULL)
        lua_pop(L, 1);
    return TAF_EXIT_OK;
}

int host_require(struct taf_host *h, const char *name)
{
    lua_State *L = h->L;
    sandbox_push_require(h, NULL);
    lua_pushstring(L, name);
    return host_call(h, 1, 1) == TAF_EXIT_OK ? TAF_EXIT_OK : TAF_EXIT_RUNTIME;
}

static int is_datadir(const char *dir)
{
    char probe[PATH_MAX + 64];
    struct stat st;
    snprintf(probe, sizeof probe, "%s/recipes/lib/runner.lua", dir);
    return stat(probe, &st) == 0 && S_ISREG(st.st_mode);
}

int host_find_datadir(char *out, size_t size)
{
    const char *env = getenv("TAFRUN_DATADIR");
    if (env != NULL && *env) {
        if (!is_datadir(env)) {
            fprintf(stderr, "tafrun: TAFRUN_DATADIR=%s holds no recipes/lib/runner.lua\n", env);
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
    fprintf(stderr, "tafrun: cannot find the recipe library (recipes/lib/runner.lua) next to "
                    "the executable; set TAFRUN_DATADIR to the directory holding recipes/ and catalogs/\n");
    return -1;
}

/* Allow-list environments, after linit.c (copy and edit) and Redis's scripting sandbox. */
#include "sandbox.h"
#include "host_lib.h"
#include "lua/bind.h"
#include "readers/reader_open.h"

#include <lauxlib.h>
#include <lualib.h>
#include <lfs.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define REG_TEMPLATE "taf.sandbox.template"
#define REG_LOADED "taf.sandbox.loaded"
#define REG_ENVMETA "taf.sandbox.envmeta"
#define MAX_SCRIPT_BYTES (8u << 20)

static int deny_write(lua_State *L)
{
    return luaL_error(L, "attempt to modify a read-only table (field '%s')", luaL_tolstring(L, 2, NULL));
}

/* next() over the proxied table, its upvalue, so pairs(taf) still lists the
 * module; the iteration state pairs() hands out is the proxy itself, never
 * the table behind it (which a script could then write). */
static int proxy_next(lua_State *L)
{
    lua_settop(L, 2);
    return lua_next(L, lua_upvalueindex(1)) ? 2 : (lua_pushnil(L), 1);
}

static int proxy_pairs_mm(lua_State *L)
{
    lua_getmetatable(L, 1);
    lua_getfield(L, -1, "__index");
    lua_pushcclosure(L, proxy_next, 1);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

static int proxy_len(lua_State *L)
{
    lua_getmetatable(L, 1);
    lua_getfield(L, -1, "__index");
    lua_pushinteger(L, (lua_Integer)lua_rawlen(L, -1));
    return 1;
}

static int has_metatable(lua_State *L, int idx)
{
    if (!lua_getmetatable(L, idx))
        return 0;
    lua_pop(L, 1);
    return 1;
}

/* Replace the table at the top by a read-only proxy; nested tables too
 * (to a bounded depth, so a cycle cannot recurse forever). */
static void make_readonly_depth(lua_State *L, int depth)
{
    int t = lua_gettop(L);
    luaL_checkstack(L, 8, "read-only proxy");
    lua_pushnil(L);
    while (depth < 8 && lua_next(L, t)) {
        if (lua_type(L, -1) == LUA_TTABLE && lua_type(L, -2) == LUA_TSTRING && !has_metatable(L, -1)) {
            make_readonly_depth(L, depth + 1);
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, t);
        } else {
            lua_pop(L, 1);
        }
    }
    lua_newtable(L);                 /* proxy */
    lua_createtable(L, 0, 4);        /* its metatable */
    lua_pushvalue(L, t);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, deny_write);
    lua_setfield(L, -2, "__newindex");
    lua_pushcfunction(L, proxy_pairs_mm);
    lua_setfield(L, -2, "__pairs");
    lua_pushcfunction(L, proxy_len);
    lua_setfield(L, -2, "__len");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_replace(L, t);
}

static void make_readonly(lua_State *L)
{
    make_readonly_depth(L, 0);
}

/* Copy the named fields of global library `lib` into a new table. */
static void copy_fields(lua_State *L, const char *lib, const char *const *names)
{
    lua_getglobal(L, lib);
    lua_newtable(L);
    for (const char *const *n = names; *n != NULL; n++) {
        lua_getfield(L, -2, *n);
        lua_setfield(L, -2, *n);
    }
    lua_remove(L, -2);
}

static int sandbox_print(lua_State *L)
{
    struct taf_host *h = host_of(L);
    FILE *out = h->print_to_stdout ? stdout : stderr;
    int n = lua_gettop(L);
    for (int i = 1; i <= n; i++) {
        size_t len;
        const char *s = luaL_tolstring(L, i, &len);
        if (i > 1)
            fputc('\t', out);
        fwrite(s, 1, len, out);
        lua_pop(L, 1);
    }
    fputc('\n', out);
    fflush(out);
    return 0;
}

/* Read a whole text file (bounded) and load it as text chunk `@shown`. Only
 * a regular file: a FIFO would block the open or the read, a device never end. */
static int load_text_file(lua_State *L, const char *path, const char *shown)
{
    struct stat st;
    int fd = taf_reader_open(path, &st);
    if (fd == TAF_NOT_REGULAR)
        return lua_pushfstring(L, "%s: not a regular file", shown), LUA_ERRFILE;
    FILE *f = fd < 0 ? NULL : fdopen(fd, "rb");
    if (f == NULL) {
        int saved = errno;
        if (fd >= 0)
            close(fd);
        return lua_pushfstring(L, "cannot open %s: %s", shown, strerror(saved)), LUA_ERRFILE;
    }
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    size_t total = 0, n;
    char chunk[8192];
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        total += n;
        if (total > MAX_SCRIPT_BYTES) {
            fclose(f);
            luaL_pushresult(&b);
            lua_pop(L, 1);
            return lua_pushfstring(L, "%s is larger than %d MiB", shown, MAX_SCRIPT_BYTES >> 20), LUA_ERRFILE;
        }
        luaL_addlstring(&b, chunk, n);
    }
    int err = ferror(f);
    fclose(f);
    luaL_pushresult(&b);
    if (err) {
        lua_pop(L, 1);
        return lua_pushfstring(L, "cannot read %s", shown), LUA_ERRFILE;
    }
    size_t len;
    const char *text = lua_tolstring(L, -1, &len);
    if (len > 0 && text[0] == LUA_SIGNATURE[0]) { /* crafted bytecode can crash the VM */
        lua_pop(L, 1);
        return lua_pushfstring(L, "%s is a precompiled (binary) chunk; tafrun loads Lua source text only", shown),
               LUA_ERRSYNTAX;
    }
    lua_pushfstring(L, "@%s", shown);
    int status = sandbox_load_shipped(L, text, len, lua_tostring(L, -1));
    if (status != LUA_OK)
        status = luaL_loadbufferx(L, text, len, lua_tostring(L, -1), "t");
    lua_remove(L, -2);
    lua_remove(L, -2);
    return status;
}

/* A path as users should see it: relative to the working directory when below it. */
static const char *shown_path(const char *path, char *buf, size_t size)
{
    char cwd[4096];
    if (path[0] == '/' && getcwd(cwd, sizeof cwd) != NULL) {
        size_t n = strlen(cwd);
        if (strncmp(path, cwd, n) == 0 && path[n] == '/') {
            snprintf(buf, size, "%s", path + n + 1);
            return buf;
        }
    }
    return path;
}

/* host.loadfile(path [, extra_globals [, pack_root]]) → the file's chunk in a
 * fresh sandbox (its require scoped to pack_root), not yet run: the engine
 * calls it. An unreadable file or a syntax error raises. */
static int l_loadfile(lua_State *L)
{
    struct taf_host *h = host_of(L);
    const char *path = luaL_checkstring(L, 1);
    const char *root = luaL_optstring(L, 3, NULL);
    lua_settop(L, 3);
    char buf[4096];
    if (load_text_file(L, path, shown_path(path, buf, sizeof buf)) != LUA_OK)
        return lua_error(L);
    sandbox_push_env(h, root);
    if (lua_istable(L, 2)) { /* extra globals, e.g. the test API */
        lua_pushnil(L);
        while (lua_next(L, 2)) {
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, -4);
        }
    }
    if (lua_setupvalue(L, -2, 1) == NULL)
        lua_pop(L, 1);
    return 1;
}

/* host.load_chunk(code, name) → a -e chunk in its sandbox (print goes to
 * stdout), or nil and the syntax error. */
static int l_load_chunk(lua_State *L)
{
    struct taf_host *h = host_of(L);
    size_t len;
    const char *code = luaL_checklstring(L, 1, &len);
    const char *name = luaL_checkstring(L, 2);
    if (luaL_loadbufferx(L, code, len, name, "t") != LUA_OK) {
        lua_pushnil(L);
        lua_insert(L, -2);
        return 2;
    }
    sandbox_push_env(h, NULL);
    if (lua_setupvalue(L, -2, 1) == NULL)
        lua_pop(L, 1);
    return 1;
}

static int valid_module_name(const char *s)
{
    if (*s == '\0' || *s == '.' || strlen(s) > 200 || strstr(s, "..") != NULL)
        return 0;
    for (; *s; s++)
        if (!(isalnum((unsigned char)*s) || *s == '_' || *s == '.' || *s == '-'))
            return 0;
    return 1;
}

/* Find module `name` for a script of pack `root` (NULL: built-in or user
 * script): "lib.*" only in the built-in library, anything else only in the
 * script's own pack (or the built-in recipes), so packs cannot read each other. */
static int find_module(struct taf_host *h, const char *root, const char *name, char *path, size_t size)
{
    char rel[256];
    snprintf(rel, sizeof rel, "%s", name);
    for (char *p = rel; *p; p++)
        if (*p == '.')
            *p = '/';
    const char *base = strncmp(name, "lib.", 4) == 0 || root == NULL ? h->datadir : root;
    snprintf(path, size, "%s/recipes/%s.lua", base, rel);
    return access(path, R_OK) == 0;
}

/* require(name): modules only from the recipe path, text only, cached per run. */
static int sandbox_require(lua_State *L)
{
    struct taf_host *h = host_of(L);
    const char *root = lua_tostring(L, lua_upvalueindex(2));
    const char *name = luaL_checkstring(L, 1);
    if (!valid_module_name(name))
        return luaL_error(L, "require: invalid module name '%s'", name);
    int is_lib = strncmp(name, "lib.", 4) == 0;
    char path[8192];
    if (!find_module(h, root, name, path, sizeof path))
        return luaL_error(L, "require: module '%s' not found on the recipe path%s", name,
                          root ? " of this pack" : "");
    lua_getfield(L, LUA_REGISTRYINDEX, REG_LOADED);
    int loaded = lua_gettop(L);
    lua_pushstring(L, path); /* the cache is keyed by file */
    int key = lua_gettop(L);
    lua_pushvalue(L, key);
    if (lua_rawget(L, loaded) != LUA_TNIL) {
        if (lua_type(L, -1) == LUA_TLIGHTUSERDATA)
            return luaL_error(L, "require: circular require of '%s'", name);
        return 1;
    }
    lua_pop(L, 1);
    lua_pushstring(L, path);
    lua_pushlightuserdata(L, (void *)&sandbox_require);
    lua_rawset(L, loaded);
    char buf[4096];
    if (load_text_file(L, path, shown_path(path, buf, sizeof buf)) != LUA_OK)
        return lua_error(L);
    sandbox_push_env(h, is_lib ? NULL : root);
    if (lua_setupvalue(L, -2, 1) == NULL)
        lua_pop(L, 1);
    lua_pushstring(L, name);
    lua_call(L, 1, 1);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_pushboolean(L, 1);
    } else if (lua_type(L, -1) == LUA_TTABLE) {
        make_readonly(L); /* a module is shared by every script of the run */
    }
    lua_pushvalue(L, key);
    lua_pushvalue(L, -2);
    lua_rawset(L, loaded);
    return 1;
}

void sandbox_push_require(struct taf_host *h, const char *root)
{
    lua_pushlightuserdata(h->L, h);
    if (root != NULL)
        lua_pushstring(h->L, root);
    else
        lua_pushnil(h->L);
    lua_pushcclosure(h->L, sandbox_require, 2);
}

/* package.searchers entry for --trust scripts: modules on the recipe path. */
static int trusted_searcher(lua_State *L)
{
    struct taf_host *h = host_of(L);
    const char *name = luaL_checkstring(L, 1);
    char path[8192];
    if (!valid_module_name(name) || !find_module(h, NULL, name, path, sizeof path)) {
        lua_pushfstring(L, "no module '%s' on the recipe path", name);
        return 1;
    }
    sandbox_push_require(h, NULL);
    lua_pushstring(L, path);
    return 2;
}


static const char *const BASE_FUNCS[] = {
    "assert", "error", "ipairs", "next", "pairs", "pcall", "select", "tonumber",
    "tostring", "type", "xpcall", "getmetatable", "rawequal", "rawlen",
    "_VERSION", NULL,
};
static const char *const OS_FUNCS[] = { "clock", "time", "date", NULL };

/* setmetatable without finalizers: the collector runs __gc with debug hooks
 * off, so an endless finalizer would escape the instruction budget. (Lua only
 * honours a __gc present when the metatable is set, so checking here is enough.) */
static int sandbox_setmetatable(lua_State *L)
{
    int mt = lua_type(L, 2);
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, mt == LUA_TNIL || mt == LUA_TTABLE, 2, "nil or table");
    if (mt == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        if (lua_rawget(L, 2) != LUA_TNIL)
            return luaL_error(L, "setmetatable: __gc finalizers are not allowed in sandboxed scripts "
                                 "(they would run outside the instruction budget; use --trust for your own)");
    }
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, "cannot change a protected metatable");
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

static void push_closure(lua_State *L, struct taf_host *h, lua_CFunction f)
{
    lua_pushlightuserdata(L, h);
    lua_pushcclosure(L, f, 1);
}

/* ── coroutines the budget can reach ──
 * Hooks are per thread. The budget's stop hook (host.c) is set from a signal
 * handler on the main thread and on h->running, so coroutine.resume and
 * coroutine.wrap are replaced by these, which note the coroutine they run
 * (and arm one resumed after the budget is spent); otherwise as lcorolib.c. */

/* Resume `co` with the `narg` values on top of L: the number of values moved
 * back onto L, or -1 with the error value on top. */
static int tracked_resume(lua_State *L, lua_State *co, int narg)
{
    struct taf_host *h = host_of(L);
    int nres;
    if (!lua_checkstack(co, narg)) {
        lua_pushliteral(L, "too many arguments to resume");
        return -1;
    }
    lua_xmove(L, co, narg);
    if (h->steps_exhausted || h->decl_exhausted)
        host_arm_stop(h, co);
    lua_State *prev = h->running;
    h->running = co;
    int status = lua_resume(co, L, narg, &nres);
    h->running = prev;
    if (status != LUA_OK && status != LUA_YIELD) {
        lua_xmove(co, L, 1);
        return -1;
    }
    if (!lua_checkstack(L, nres + 1)) {
        lua_pop(co, nres);
        lua_pushliteral(L, "too many results to resume");
        return -1;
    }
    lua_xmove(co, L, nres);
    return nres;
}

static int co_resume(lua_State *L)
{
    lua_State *co = lua_tothread(L, 1);
    luaL_argexpected(L, co != NULL, 1, "coroutine");
    int r = tracked_resume(L, co, lua_gettop(L) - 1);
    lua_pushboolean(L, r >= 0);
    lua_insert(L, r >= 0 ? -(r + 1) : -2);
    return r >= 0 ? r + 1 : 2;
}

static int co_wrapped(lua_State *L)
{
    lua_State *co = lua_tothread(L, lua_upvalueindex(1));
    int r = tracked_resume(L, co, lua_gettop(L));
    if (r >= 0)
        return r;
    int status = lua_status(co);
    if (status != LUA_OK && status != LUA_YIELD) { /* the coroutine failed: close it, pass its error on */
#if LUA_VERSION_RELEASE_NUM >= 50406
        status = lua_closethread(co, L);
#else
        status = lua_resetthread(co);
#endif
        lua_xmove(co, L, 1);
    }
    if (status != LUA_ERRMEM && lua_type(L, -1) == LUA_TSTRING) {
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
    }
    return lua_error(L);
}

static int co_wrap(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_State *co = lua_newthread(L);
    lua_pushvalue(L, 1);
    lua_xmove(L, co, 1);
    lua_pushcclosure(L, co_wrapped, 1);
    return 1;
}

/* Before any script: coroutine.resume and wrap are the tracked ones above,
 * string.dump is gone for everyone, the string metatable is sealed, the
 * module cache exists. */
void sandbox_init(struct taf_host *h)
{
    lua_State *L = h->L;
    lua_getglobal(L, "coroutine");
    lua_pushcfunction(L, co_resume);
    lua_setfield(L, -2, "resume");
    lua_pushcfunction(L, co_wrap);
    lua_setfield(L, -2, "wrap");
    lua_pop(L, 1);
    lua_getglobal(L, "string");
    lua_pushnil(L);
    lua_setfield(L, -2, "dump");
    lua_pop(L, 1);
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, REG_LOADED);
}

/* Copy the fields of the table at `from` into the table at `to` (raw). */
static void merge_into(lua_State *L, int from, int to, int functions_only)
{
    lua_pushnil(L);
    while (lua_next(L, from)) {
        if (functions_only && lua_type(L, -1) != LUA_TFUNCTION) {
            lua_pop(L, 1);
            continue;
        }
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, to);
    }
}

/* host.seal(declarations, taf_lua): the one place `taf` is completed (its
 * Lua-written functions join the C slices) and the template every sandbox
 * environment is copied from is built; called once, before any script. */
static int l_seal(lua_State *L)
{
    struct taf_host *h = host_of(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checktype(L, 2, LUA_TTABLE);
    if (lua_getfield(L, LUA_REGISTRYINDEX, REG_TEMPLATE) != LUA_TNIL)
        return luaL_error(L, "host.seal: the sandbox is already sealed");
    lua_pop(L, 1);
    lua_getglobal(L, "taf");
    int taf = lua_gettop(L);
    merge_into(L, 2, taf, 0);
    lua_getfield(L, taf, "gpu");
    lua_setfield(L, LUA_REGISTRYINDEX, TAF_GPU_RESOLVER);

    lua_newtable(L); /* the template */
    int tpl = lua_gettop(L);
    for (const char *const *n = BASE_FUNCS; *n != NULL; n++) {
        lua_getglobal(L, *n);
        lua_setfield(L, tpl, *n);
    }
    lua_pushcfunction(L, sandbox_setmetatable);
    lua_setfield(L, tpl, "setmetatable");
    static const char *const LIBS[] = { "string", "table", "math", "utf8", "coroutine", NULL };
    for (const char *const *n = LIBS; *n != NULL; n++) {
        lua_getglobal(L, *n); /* the real library, behind a read-only proxy */
        make_readonly(L);
        lua_setfield(L, tpl, *n);
    }
    copy_fields(L, "os", OS_FUNCS);
    make_readonly(L);
    lua_setfield(L, tpl, "os");
    push_closure(L, h, sandbox_print);
    lua_setfield(L, tpl, "print");
    lua_pushvalue(L, taf);
    make_readonly(L);
    lua_setfield(L, tpl, "taf");
    merge_into(L, 1, tpl, 1); /* recipe {…}, number {…}, model {…} … */
    lua_pushvalue(L, tpl);
    lua_setfield(L, LUA_REGISTRYINDEX, REG_TEMPLATE);

    /* Trusted scripts run in the real global table, with the declarations
     * and a require that also finds modules on the recipe path. */
    if (h->trusted) {
        lua_pushglobaltable(L);
        merge_into(L, 1, lua_gettop(L), 1);
        lua_getglobal(L, "package");
        lua_getfield(L, -1, "searchers");
        push_closure(L, h, trusted_searcher);
        lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
        luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
        lua_pushcfunction(L, luaopen_lfs);
        lua_setfield(L, -2, "lfs");
    }
    return 0;
}

void sandbox_push_env(struct taf_host *h, const char *root)
{
    lua_State *L = h->L;
    if (h->trusted) {
        lua_pushglobaltable(L);
        return;
    }
    if (lua_getfield(L, LUA_REGISTRYINDEX, REG_TEMPLATE) != LUA_TTABLE)
        luaL_error(L, "internal error: a script was loaded before the sandbox was sealed");
    /* the safe globals are copied from the shared template (a global read is
     * then one lookup, not a miss and a metamethod), and inherited from it
     * through a sealed metatable for anything added to it later: nothing a
     * script can reach to change it */
    lua_createtable(L, 0, 48);
    lua_pushnil(L);
    while (lua_next(L, -3)) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, -4);
    }
    lua_remove(L, -2);
    if (lua_getfield(L, LUA_REGISTRYINDEX, REG_ENVMETA) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_createtable(L, 0, 2);
        lua_getfield(L, LUA_REGISTRYINDEX, REG_TEMPLATE);
        lua_setfield(L, -2, "__index");
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
        lua_pushvalue(L, -1);
        lua_setfield(L, LUA_REGISTRYINDEX, REG_ENVMETA);
    }
    lua_setmetatable(L, -2);
    lua_pushvalue(L, -1);
    lua_setfield(L, -2, "_G");
    sandbox_push_require(h, root);
    lua_setfield(L, -2, "require");
}

void sandbox_push_host_funcs(struct taf_host *h)
{
    static const luaL_Reg funcs[] = {
        { "loadfile", l_loadfile }, { "load_chunk", l_load_chunk }, { "seal", l_seal }, { NULL, NULL },
    };
    lua_pushlightuserdata(h->L, h);
    luaL_setfuncs(h->L, funcs, 1);
}

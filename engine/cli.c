/* The executable's whole C side of a run: open the host, hand argv to the
 * engine's Lua (engine/core/main.lua) in one protected call, and write what
 * it returns. Options, commands and help are the engine's (engine/core/args.lua). */
#include "tafrun.h"
#include "host.h"
#include "host_lib.h"
#include "render.h"
#include "lua/bind.h"
#include "lua/json_lua.h"

#include <lauxlib.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static enum taf_format format_named(const char *name)
{
    static const char *const NAMES[] = { "text", "json", "markdown", "csv", "jsonl" };
    for (int i = 0; i < 5; i++)
        if (name != NULL && strcmp(name, NAMES[i]) == 0)
            return (enum taf_format)i;
    return TAF_FORMAT_TEXT;
}

static int use_color(void)
{
    const char *nc = getenv("NO_COLOR");
    return isatty(STDOUT_FILENO) && (nc == NULL || *nc == '\0');
}

/* Write the value at `idx` (a string as is, a result table rendered in
 * `format`) to stdout. Built in memory first: a failure never leaves half a
 * result. The text is bounded by the memory cap, and owned by Lua (a
 * to-be-closed box) until written, so an error frees it. Raises a Lua error
 * on failure. */
static void emit(lua_State *L, int idx, enum taf_format format)
{
    if (lua_isnoneornil(L, idx))
        return;
    size_t len;
    if (lua_type(L, idx) == LUA_TSTRING) {
        const char *s = lua_tolstring(L, idx, &len);
        if (fwrite(s, 1, len, stdout) != len || fflush(stdout) != 0)
            luaL_error(L, "cannot write the output: %s", strerror(errno));
        return;
    }
    int top = lua_gettop(L), rendered = format == TAF_FORMAT_TEXT || format == TAF_FORMAT_MARKDOWN;
    size_t cap = taf_memory_cap(L);
    char err[256];
    const char *json;
    int status = taf_json_encode_lua(L, idx, rendered ? 0 : 2, cap, &json, &len, err, sizeof err);
    if (status == TAF_JSON_TOO_LARGE)
        luaL_error(L, "%s", err);
    if (status != TAF_JSON_OK)
        luaL_error(L, "the recipe's result cannot be written as JSON: %s", err);
    if (!rendered) {
        int ok = fwrite(json, 1, len, stdout) == len && fputc('\n', stdout) != EOF && fflush(stdout) == 0;
        lua_settop(L, top); /* frees the text */
        if (!ok)
            luaL_error(L, "cannot write the output: %s", strerror(errno));
        return;
    }
    char *buf = NULL;
    size_t size = 0;
    FILE *mem = open_memstream(&buf, &size);
    if (mem == NULL)
        luaL_error(L, "out of memory");
    int failed = taf_render_json_text(mem, json, len, format, use_color()) != 0;
    failed |= fclose(mem) != 0;
    lua_settop(L, top); /* frees the JSON text */
    if (failed || (cap > 0 && size > cap)) {
        free(buf);
        if (failed)
            luaL_error(L, "the recipe's result cannot be rendered");
        luaL_error(L, "the result is larger than the memory cap (%d MiB; raise it with --max-mem)", (int)(cap >> 20));
    }
    int ok = fwrite(buf, 1, size, stdout) == size && fflush(stdout) == 0;
    free(buf);
    if (!ok)
        luaL_error(L, "cannot write the output: %s", strerror(errno));
}

/* The protected entry (lua.c pmain): the engine's main chunk gets the host
 * table and argv, returns (output, status, format); the output is written
 * here and the status returned to main(). */
static int pmain(lua_State *L)
{
    struct taf_host *h = lua_touserdata(L, 1);
    int argc = (int)lua_tointeger(L, 2);
    char **argv = lua_touserdata(L, 3);
    lua_settop(L, 0);
    host_lib_push(h);
    lua_getfield(L, 1, "engine_chunk");
    lua_pushliteral(L, "main");
    lua_call(L, 1, 1);
    lua_pushvalue(L, 1);
    lua_createtable(L, argc, 0);
    for (int i = 1; i < argc; i++) {
        lua_pushstring(L, argv[i]);
        lua_rawseti(L, -2, i);
    }
    lua_call(L, 2, 3);
    emit(L, 2, format_named(lua_tostring(L, 4)));
    lua_pushinteger(L, luaL_optinteger(L, 3, TAF_EXIT_OK));
    return 1;
}

int tafrun_main(int argc, char **argv)
{
    struct taf_host h = { 0 };
    if (host_find_datadir(h.datadir, sizeof h.datadir) != 0)
        return TAF_EXIT_RUNTIME;
    int rc = host_open(&h);
    if (rc == TAF_EXIT_OK) {
        lua_pushcfunction(h.L, pmain);
        lua_pushlightuserdata(h.L, &h);
        lua_pushinteger(h.L, argc);
        lua_pushlightuserdata(h.L, argv);
        rc = host_call(&h, 3, 1);
        if (rc == TAF_EXIT_OK) {
            rc = (int)lua_tointeger(h.L, -1);
            lua_pop(h.L, 1);
        }
    }
    host_lib_shutdown(rc != TAF_EXIT_OK);
#if defined(__SANITIZE_ADDRESS__) || defined(TAF_KEEP_CLOSE)
    host_close(&h);
#else
    /* on success everything is written and committed: let exit() free the
     * state instead of walking it (a failed run closes it, so __gc handlers
     * remove partial output files) */
    if (rc != TAF_EXIT_OK)
        host_close(&h);
#endif
    return rc;
}

/* taf.json: encode/decode, plus markers for key order and empty arrays. */
#include "lua/bind.h"
#include "lua/json_lua.h"

#include <stdlib.h>

static int json_encode_lua(lua_State *L)
{
    luaL_checkany(L, 1);
    int indent = 0;
    if (lua_istable(L, 2)) {
        lua_getfield(L, 2, "indent");
        indent = (int)luaL_optinteger(L, -1, 0);
        luaL_argcheck(L, indent >= 0 && indent <= 31, 2, "indent must be in [0, 31]");
        lua_pop(L, 1);
    }
    char err[256];
    char *s = taf_json_encode_lua(L, 1, indent, err, sizeof err);
    if (s == NULL)
        return luaL_error(L, "json.encode: %s", err);
    lua_pushstring(L, s);
    free(s);
    return 1;
}

static int json_decode(lua_State *L)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    json_error_t e;
    json_t *j = json_loadb(s, len, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &e);
    if (j == NULL)
        return luaL_error(L, "json.decode: line %d column %d: %s", e.line, e.column, e.text);
    taf_json_push(L, j);
    json_decref(j);
    return 1;
}

/* taf.json.ordered(t, {"k1", "k2", …}) → t, encoded with that key order. */
static int json_ordered(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_settop(L, 2);
    lua_createtable(L, 0, 1);
    lua_pushvalue(L, 2);
    lua_setfield(L, -2, TAF_JSON_ORDER);
    lua_setmetatable(L, 1);
    lua_settop(L, 1);
    return 1;
}

/* taf.json.array(t) → t, encoded as an array even when empty. */
static int json_mark_array(lua_State *L)
{
    if (lua_isnoneornil(L, 1))
        lua_newtable(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    taf_markarray(L, 1);
    return 1;
}

const luaL_Reg taf_json_lib[] = {
    { "encode", json_encode_lua },
    { "decode", json_decode },
    { "ordered", json_ordered },
    { "array", json_mark_array },
    { NULL, NULL },
};

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
    lua_settop(L, 1);
    char err[256];
    const char *text;
    size_t len;
    /* the text is owned by a to-be-closed box (slot 2): an error frees it */
    if (taf_json_encode_lua(L, 1, indent, taf_memory_cap(L), &text, &len, err, sizeof err) != TAF_JSON_OK)
        return luaL_error(L, "json.encode: %s", err);
    lua_pushlstring(L, text, len);
    lua_closeslot(L, 2);
    return 1;
}

static int free_tree(lua_State *L)
{
    json_t **box = lua_touserdata(L, 1);
    json_decref(*box);
    *box = NULL;
    return 0;
}

static int json_decode(lua_State *L)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    lua_settop(L, 1);
    /* the tree is owned by a to-be-closed box (slot 2): an error while it
     * becomes Lua values (the memory cap) frees it */
    json_t **box = lua_newuserdatauv(L, sizeof *box, 0);
    *box = NULL;
    if (luaL_newmetatable(L, "taf.json_tree")) {
        lua_pushcfunction(L, free_tree);
        lua_setfield(L, -2, "__close");
        lua_pushcfunction(L, free_tree);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    lua_toclose(L, 2);
    json_error_t e;
    *box = json_loadb(s, len, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &e);
    if (*box == NULL)
        return luaL_error(L, "json.decode: line %d column %d: %s", e.line, e.column, e.text);
    taf_json_push(L, *box);
    lua_closeslot(L, 2);
    return 1;
}

/* taf.json.ordered(t, {"k1", "k2", …}) → t, encoded with that key order.
 * One metatable per key list, kept in a weak table (the upvalue): a caller
 * that keeps its key list in a constant builds it once, not at every call. */
static int json_ordered(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_settop(L, 2);
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_createtable(L, 0, 2);
        lua_pushvalue(L, 2);
        lua_setfield(L, -2, TAF_JSON_ORDER);
        lua_pushboolean(L, 0); /* shared: no script may reach it to change another's order */
        lua_setfield(L, -2, "__metatable");
        lua_pushvalue(L, 2);
        lua_pushvalue(L, -2);
        lua_rawset(L, lua_upvalueindex(1));
    }
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

#include "lua/bind.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

double taf_checkfinite(lua_State *L, int arg)
{
    double v = luaL_checknumber(L, arg);
    if (!isfinite(v)) {
        lua_pushfstring(L, "finite number expected, got %s", isnan(v) ? "nan" : (v > 0 ? "inf" : "-inf"));
        luaL_argerror(L, arg, lua_tostring(L, -1));
    }
    return v;
}

double taf_optfinite(lua_State *L, int arg, double def)
{
    return lua_isnoneornil(L, arg) ? def : taf_checkfinite(L, arg);
}

double taf_checkrange(lua_State *L, int arg, const char *name, double lo, double hi)
{
    double v = taf_checkfinite(L, arg);
    if (v < lo || v > hi) {
        lua_pushfstring(L, "%s must be in [%f, %f], got %f", name, lo, hi, v);
        luaL_argerror(L, arg, lua_tostring(L, -1));
    }
    return v;
}

double taf_checkpositive(lua_State *L, int arg, const char *name)
{
    double v = taf_checkfinite(L, arg);
    if (!(v > 0)) {
        lua_pushfstring(L, "%s must be > 0, got %f", name, v);
        luaL_argerror(L, arg, lua_tostring(L, -1));
    }
    return v;
}

double taf_checkmin(lua_State *L, int arg, const char *name, double lo)
{
    double v = taf_checkfinite(L, arg);
    if (!(v >= lo)) {
        lua_pushfstring(L, "%s must be >= %f, got %f", name, lo, v);
        luaL_argerror(L, arg, lua_tostring(L, -1));
    }
    return v;
}

lua_Integer taf_checkintrange(lua_State *L, int arg, const char *name, lua_Integer lo, lua_Integer hi)
{
    if (!lua_isinteger(L, arg)) {
        taf_checkfinite(L, arg); /* type and finiteness messages first */
        lua_Number x = lua_tonumber(L, arg);
        lua_Integer i;
        if (!lua_numbertointeger(x, &i) || (lua_Number)i != x) {
            lua_pushfstring(L, "%s must be an integer, got %f", name, x);
            luaL_argerror(L, arg, lua_tostring(L, -1));
        }
    }
    lua_Integer v = lua_tointeger(L, arg);
    if (v < lo || v > hi) {
        lua_pushfstring(L, "%s must be in [%I, %I], got %I", name, lo, hi, v);
        luaL_argerror(L, arg, lua_tostring(L, -1));
    }
    return v;
}

int taf_optboolean(lua_State *L, int arg, int def)
{
    if (lua_isnoneornil(L, arg))
        return def;
    luaL_checktype(L, arg, LUA_TBOOLEAN);
    return lua_toboolean(L, arg);
}

static int free_buffer(lua_State *L)
{
    double **box = lua_touserdata(L, 1);
    free(*box);
    *box = NULL;
    return 0;
}

double *taf_checkarray(lua_State *L, int arg, size_t *n)
{
    arg = lua_absindex(L, arg);
    luaL_checktype(L, arg, LUA_TTABLE);
    lua_Integer len = luaL_len(L, arg);
    if (len < 0 || len > 100000000)
        luaL_argerror(L, arg, "array length out of range");
    double **box = lua_newuserdatauv(L, sizeof *box, 0);
    *box = NULL;
    if (luaL_newmetatable(L, "taf.buffer")) {
        lua_pushcfunction(L, free_buffer);
        lua_setfield(L, -2, "__gc");
        lua_pushcfunction(L, free_buffer);
        lua_setfield(L, -2, "__close");
    }
    lua_setmetatable(L, -2);
    lua_toclose(L, -1);
    *box = malloc((size_t)(len > 0 ? len : 1) * sizeof **box);
    if (*box == NULL)
        luaL_error(L, "out of memory");
    for (lua_Integer i = 1; i <= len; i++) {
        int t = lua_geti(L, arg, i);
        if (t != LUA_TNUMBER) {
            lua_pushfstring(L, "element %I is %s, number expected", i, lua_typename(L, t));
            luaL_argerror(L, arg, lua_tostring(L, -1));
        }
        (*box)[i - 1] = lua_tonumber(L, -1);
        lua_pop(L, 1);
    }
    *n = (size_t)len;
    return *box;
}

void taf_newdict(lua_State *L, const char *const *keys)
{
    int count = 0;
    while (keys[count] != NULL)
        count++;
    lua_createtable(L, 0, count);
    /* One shared metatable per key list, cached in the registry by address. */
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, keys) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_createtable(L, 0, 2);
        lua_createtable(L, count, 0);
        for (int i = 0; i < count; i++) {
            lua_pushstring(L, keys[i]);
            lua_rawseti(L, -2, i + 1);
        }
        lua_setfield(L, -2, TAF_JSON_ORDER);
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, keys);
    }
    lua_setmetatable(L, -2);
}

void taf_markarray(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, (void *)&taf_markarray) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_createtable(L, 0, 1);
        lua_pushboolean(L, 1);
        lua_setfield(L, -2, TAF_JSON_ARRAY);
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, (void *)&taf_markarray);
    }
    lua_setmetatable(L, idx);
}

void taf_setnum(lua_State *L, const char *key, double v)
{
    lua_pushnumber(L, v);
    lua_setfield(L, -2, key);
}

void taf_setint(lua_State *L, const char *key, lua_Integer v)
{
    lua_pushinteger(L, v);
    lua_setfield(L, -2, key);
}

void taf_setstr(lua_State *L, const char *key, const char *v)
{
    lua_pushstring(L, v);
    lua_setfield(L, -2, key);
}

void taf_setbool(lua_State *L, const char *key, int v)
{
    lua_pushboolean(L, v);
    lua_setfield(L, -2, key);
}

void taf_pushnum_or_nil(lua_State *L, double v)
{
    if (isnan(v))
        lua_pushnil(L);
    else
        lua_pushnumber(L, v);
}

static int usage_tostring(lua_State *L)
{
    lua_getfield(L, 1, "message");
    return 1;
}

void taf_push_usage_error(lua_State *L, const char *msg)
{
    lua_createtable(L, 0, 3);
    lua_pushliteral(L, "usage");
    lua_setfield(L, -2, "kind");
    lua_pushstring(L, msg);
    lua_setfield(L, -2, "message");
    if (luaL_newmetatable(L, TAF_USAGE_ERROR)) {
        lua_pushcfunction(L, usage_tostring);
        lua_setfield(L, -2, "__tostring");
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
    }
    lua_setmetatable(L, -2);
}

int taf_is_usage_error(lua_State *L, int idx)
{
    if (lua_type(L, idx) != LUA_TTABLE || !lua_getmetatable(L, idx))
        return 0;
    luaL_getmetatable(L, TAF_USAGE_ERROR);
    int same = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    return same;
}

#include "lua/bind.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
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

double *taf_checkarray(lua_State *L, int arg, size_t *n)
{
    arg = lua_absindex(L, arg);
    luaL_checktype(L, arg, LUA_TTABLE);
    lua_Unsigned len = lua_rawlen(L, arg);
    if (len > 100000000)
        luaL_argerror(L, arg, "array length out of range");
    double *copy = lua_newuserdatauv(L, (size_t)(len > 0 ? len : 1) * sizeof *copy, 0);
    for (lua_Unsigned i = 1; i <= len; i++) {
        int t = lua_rawgeti(L, arg, (lua_Integer)i);
        if (t != LUA_TNUMBER) {
            lua_pushfstring(L, "element %I is %s, number expected", (lua_Integer)i, lua_typename(L, t));
            luaL_argerror(L, arg, lua_tostring(L, -1));
        }
        copy[i - 1] = lua_tonumber(L, -1);
        lua_pop(L, 1);
    }
    *n = (size_t)len;
    return copy;
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

/* ── Error objects as text (taf_push_error_text) ─────────────────────── */

#define SHOWN_FIELDS 8   /* fields of a table error object shown */
#define SHOWN_BYTES 60   /* bytes of a string shown in one */

/* A key of a table error object, in the order fields are shown: integers,
 * then strings (bytewise), then numbers, booleans, and other values. */
struct shown_key {
    int cls;
    lua_Integer i;
    lua_Number d;
    const char *s;
    size_t len;
    const void *p;
};

static void key_of(lua_State *L, int idx, struct shown_key *k)
{
    memset(k, 0, sizeof *k);
    switch (lua_type(L, idx)) {
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx)) {
            k->i = lua_tointeger(L, idx);
        } else {
            k->cls = 2;
            k->d = lua_tonumber(L, idx);
        }
        break;
    case LUA_TSTRING:
        k->cls = 1;
        k->s = lua_tolstring(L, idx, &k->len); /* a key of the table: anchored there */
        break;
    case LUA_TBOOLEAN:
        k->cls = 3;
        k->i = lua_toboolean(L, idx);
        break;
    default:
        k->cls = 4 + lua_type(L, idx);
        k->p = lua_topointer(L, idx);
    }
}

static int key_cmp(const struct shown_key *a, const struct shown_key *b)
{
    if (a->cls != b->cls)
        return a->cls < b->cls ? -1 : 1;
    switch (a->cls) {
    case 0:
    case 3:
        return a->i < b->i ? -1 : a->i > b->i;
    case 1: {
        int c = memcmp(a->s, b->s, a->len < b->len ? a->len : b->len);
        return c != 0 ? c : a->len < b->len ? -1 : a->len > b->len;
    }
    case 2:
        return a->d < b->d ? -1 : a->d > b->d;
    default:
        return (uintptr_t)a->p < (uintptr_t)b->p ? -1 : (uintptr_t)a->p > (uintptr_t)b->p;
    }
}

/* A string as a quoted Lua literal, cut after SHOWN_BYTES (at a UTF-8
 * boundary) with "…". */
static void add_quoted(luaL_Buffer *b, const char *s, size_t len)
{
    size_t n = len;
    if (n > SHOWN_BYTES) {
        n = SHOWN_BYTES;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    luaL_addchar(b, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            luaL_addchar(b, '\\');
            luaL_addchar(b, (char)c);
        } else if (c == '\n') {
            luaL_addstring(b, "\\n");
        } else if (c < 0x20 || c == 0x7F) {
            char esc[8];
            snprintf(esc, sizeof esc, "\\%d", c);
            luaL_addstring(b, esc);
        } else {
            luaL_addchar(b, (char)c);
        }
    }
    if (n < len)
        luaL_addstring(b, "\xE2\x80\xA6");
    luaL_addchar(b, '"');
}

/* One value (a key in brackets, or a field's value) as a table error object
 * shows it: no metamethod is called, nested tables are {…}. */
static void add_value(lua_State *L, luaL_Buffer *b, int idx)
{
    switch (lua_type(L, idx)) {
    case LUA_TSTRING: {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        add_quoted(b, s, len);
        break;
    }
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx))
            lua_pushfstring(L, "%I", lua_tointeger(L, idx));
        else
            lua_pushfstring(L, "%f", lua_tonumber(L, idx));
        luaL_addvalue(b);
        break;
    case LUA_TBOOLEAN:
        luaL_addstring(b, lua_toboolean(L, idx) ? "true" : "false");
        break;
    case LUA_TTABLE:
        luaL_addstring(b, "{\xE2\x80\xA6}");
        break;
    default:
        luaL_addstring(b, luaL_typename(L, idx));
    }
}

static int is_identifier(const char *s, size_t len)
{
    if (len == 0 || !(isalpha((unsigned char)s[0]) || s[0] == '_'))
        return 0;
    for (size_t i = 1; i < len; i++)
        if (!(isalnum((unsigned char)s[i]) || s[i] == '_'))
            return 0;
    return 1;
}

/* Push the fields of the table at t: "{code = 42, "x", [true] = {…}, …}".
 * Raw: reads nothing through a metamethod. */
static void push_fields(lua_State *L, int t)
{
    struct shown_key sel[SHOWN_FIELDS];
    int nsel = 0;
    lua_Integer count = 0;
    /* the SHOWN_FIELDS smallest keys, in order */
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        struct shown_key k;
        key_of(L, -1, &k);
        count++;
        if (nsel == SHOWN_FIELDS && key_cmp(&k, &sel[nsel - 1]) >= 0)
            continue;
        int at = nsel < SHOWN_FIELDS ? nsel++ : nsel - 1;
        while (at > 0 && key_cmp(&k, &sel[at - 1]) < 0) {
            sel[at] = sel[at - 1];
            at--;
        }
        sel[at] = k;
    }
    /* their keys and values into slots base + 2j, base + 2j + 1 */
    luaL_checkstack(L, 2 * SHOWN_FIELDS + 8, "error object");
    int base = lua_gettop(L) + 1;
    for (int j = 0; j < 2 * nsel; j++)
        lua_pushnil(L);
    lua_pushnil(L);
    while (lua_next(L, t)) {
        struct shown_key k;
        key_of(L, -2, &k);
        for (int j = 0; j < nsel; j++) {
            if (key_cmp(&k, &sel[j]) == 0) {
                lua_copy(L, -2, base + 2 * j);
                lua_copy(L, -1, base + 2 * j + 1);
                break;
            }
        }
        lua_pop(L, 1);
    }
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    luaL_addchar(&b, '{');
    lua_Integer position = 1;
    for (int j = 0; j < nsel; j++) {
        int key = base + 2 * j;
        if (j > 0)
            luaL_addstring(&b, ", ");
        if (sel[j].cls == 0 && sel[j].i == position) {
            position++;
        } else if (sel[j].cls == 1 && is_identifier(sel[j].s, sel[j].len)) {
            luaL_addlstring(&b, sel[j].s, sel[j].len);
            luaL_addstring(&b, " = ");
        } else {
            luaL_addchar(&b, '[');
            add_value(L, &b, key);
            luaL_addstring(&b, "] = ");
        }
        add_value(L, &b, key + 1);
    }
    if (count > nsel)
        luaL_addstring(&b, nsel > 0 ? ", \xE2\x80\xA6" : "\xE2\x80\xA6");
    luaL_addchar(&b, '}');
    luaL_pushresult(&b);
    lua_copy(L, -1, base);
    lua_settop(L, base);
}

static int call_tostring(lua_State *L)
{
    luaL_tolstring(L, 1, NULL);
    return 1;
}

/* "file:line: " of the first Lua function from stack level `level` up, or "". */
static void push_where(lua_State *L, int level)
{
    lua_Debug ar;
    for (int i = 0; level > 0 && i < 16 && lua_getstack(L, level + i, &ar); i++) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            lua_pushfstring(L, "%s:%d: ", ar.short_src, ar.currentline);
            return;
        }
    }
    lua_pushliteral(L, "");
}

/* Protected body of taf_push_error_text: (object, level) → text. */
static int describe(lua_State *L)
{
    int level = (int)lua_tointeger(L, 2);
    lua_settop(L, 1);
    const char *type = luaL_typename(L, 1);
    if (luaL_getmetafield(L, 1, "__tostring") != LUA_TNIL) {
        lua_pop(L, 1);
        lua_pushcfunction(L, call_tostring);
        lua_pushvalue(L, 1);
        if (lua_pcall(L, 1, 1, 0) == LUA_OK)
            return 1; /* the object's own text, as Lua prints it */
        /* what it raised, described without calling anything */
        if (lua_type(L, -1) == LUA_TSTRING || lua_type(L, -1) == LUA_TNUMBER)
            lua_tostring(L, -1);
        else if (lua_type(L, -1) == LUA_TTABLE)
            push_fields(L, lua_gettop(L));
        else
            lua_pushfstring(L, "a %s value", luaL_typename(L, -1));
        push_where(L, level);
        lua_pushfstring(L, "(error object is a %s value whose __tostring raised: %s)", type, lua_tostring(L, -2));
    } else {
        push_where(L, level);
        if (lua_type(L, 1) == LUA_TTABLE)
            push_fields(L, 1);
        else
            lua_pushfstring(L, "(error object is a %s value)", type);
    }
    lua_concat(L, 2);
    return 1;
}

const char *taf_push_error_text(lua_State *L, int idx, int level)
{
    idx = lua_absindex(L, idx);
    if (lua_type(L, idx) == LUA_TSTRING || lua_type(L, idx) == LUA_TNUMBER) {
        lua_pushvalue(L, idx);
        return lua_tostring(L, -1);
    }
    if (taf_is_usage_error(L, idx)) {
        lua_pushliteral(L, "message");
        if (lua_rawget(L, idx) == LUA_TSTRING)
            return lua_tostring(L, -1);
        lua_pop(L, 1);
    }
    if (!lua_checkstack(L, 4)) /* cannot happen: a C function starts with LUA_MINSTACK free slots */
        return lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, idx));
    lua_pushcfunction(L, describe);
    lua_pushvalue(L, idx);
    /* levels seen from describe: its own frame is one more */
    lua_pushinteger(L, level > 0 ? level + 1 : 0);
    if (lua_pcall(L, 2, 1, 0) != LUA_OK || lua_type(L, -1) != LUA_TSTRING) {
        lua_pop(L, 1); /* the describer failed (out of memory, C stack): the type alone */
        lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, idx));
    }
    return lua_tostring(L, -1);
}

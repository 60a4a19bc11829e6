/* Lua values ↔ JSON (json_lua.h): a Lua value straight to JSON text
 * through the shared writing primitives (json_write.h), and a jansson tree
 * back to a Lua value. */
#include "lua/json_lua.h"
#include "lua/bind.h"
#include "json_write.h"

#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 100

static int key_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Is the table at idx a non-empty sequence 1..n with no other keys? */
static int is_sequence(lua_State *L, int idx, lua_Integer *n)
{
    lua_Integer len = (lua_Integer)lua_rawlen(L, idx), count = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        if (!lua_isinteger(L, -1)) {
            lua_pop(L, 1);
            return 0;
        }
        lua_Integer k = lua_tointeger(L, -1);
        if (k < 1 || k > len) {
            lua_pop(L, 1);
            return 0;
        }
        count++;
    }
    *n = len;
    return count == len && len > 0;
}

static int metafield_is(lua_State *L, int idx, const char *field, int type)
{
    if (!lua_getmetatable(L, idx))
        return 0;
    int t = lua_getfield(L, -1, field);
    if (t == type) {
        lua_remove(L, -2);
        return 1;
    }
    lua_pop(L, 2);
    return 0;
}

/* Append `k` to a growable list of key pointers (capacity doubling); when
 * memory runs out the list is freed, *keys becomes NULL and 0 is returned. */
static int key_list_push(const char ***keys, size_t *count, size_t *cap, const char *k)
{
    if (*count == *cap) {
        const char **grown = realloc(*keys, (*cap *= 2) * sizeof **keys);
        if (grown == NULL) {
            free(*keys);
            *keys = NULL;
            return 0;
        }
        *keys = grown;
    }
    (*keys)[(*count)++] = k;
    return 1;
}

/* ── Lua values straight to text (taf.json.encode, sweep rows) ───────── */

static int encode_lua(lua_State *L, int idx, struct taf_json_out *o, int indent, int level, char *err, size_t errsize);

static int encode_field(lua_State *L, struct taf_json_out *o, const char *key, int first, int indent, int level,
                        char *err, size_t errsize)
{
    if (!first)
        taf_json_put(o, ",", 1);
    taf_json_newline(o, indent, level + 1);
    taf_json_put_utf8(o, key, strlen(key));
    taf_json_puts(o, indent > 0 ? ": " : ":");
    return encode_lua(L, lua_gettop(L), o, indent, level + 1, err, errsize);
}

/* Is the string key at the top of the stack one of the `order` list's? */
static int listed_in(lua_State *L, int order)
{
    lua_Integer n = (lua_Integer)lua_rawlen(L, order);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, order, i);
        int same = lua_rawequal(L, -1, -2);
        lua_pop(L, 1);
        if (same)
            return 1;
    }
    return 0;
}

static int encode_lua_object(lua_State *L, int idx, struct taf_json_out *o, int indent, int level, char *err, size_t errsize)
{
    int first = 1, order = 0;
    size_t present = 0; /* listed keys that hold a value */
    taf_json_put(o, "{", 1);
    if (metafield_is(L, idx, TAF_JSON_ORDER, LUA_TTABLE)) {
        order = lua_gettop(L);
        lua_Integer n = (lua_Integer)lua_rawlen(L, order);
        for (lua_Integer i = 1; i <= n; i++) {
            if (lua_rawgeti(L, order, i) != LUA_TSTRING) {
                lua_pop(L, 1);
                continue;
            }
            const char *key = lua_tostring(L, -1); /* anchored in `order` */
            lua_pushvalue(L, -1); /* the interned key itself: no re-hashing */
            present += lua_gettable(L, idx) != LUA_TNIL;
            if (!encode_field(L, o, key, first, indent, level, err, errsize))
                return 0;
            lua_pop(L, 2);
            first = 0;
        }
    }
    /* the keys the order does not list, sorted; none in the usual case, when
     * the table holds exactly as many string keys as were written */
    size_t strings = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TNUMBER) {
            lua_pop(L, 1);
            snprintf(err, errsize, "cannot encode a table mixing array and object keys");
            return 0;
        }
        strings += lua_type(L, -1) == LUA_TSTRING;
    }
    size_t count = 0, cap = 16;
    const char **keys = NULL;
    if (!order || strings != present) {
        keys = malloc(cap * sizeof *keys);
        lua_pushnil(L);
        while (keys != NULL && lua_next(L, idx)) {
            lua_pop(L, 1);
            if (lua_type(L, -1) != LUA_TSTRING || (order && listed_in(L, order)))
                continue;
            if (!key_list_push(&keys, &count, &cap, lua_tostring(L, -1))) {
                lua_pop(L, 1);
                break;
            }
        }
        if (keys == NULL) {
            snprintf(err, errsize, "out of memory");
            return 0;
        }
        qsort(keys, count, sizeof *keys, key_cmp);
    }
    for (size_t i = 0; i < count; i++) {
        lua_getfield(L, idx, keys[i]);
        if (!encode_field(L, o, keys[i], first, indent, level, err, errsize)) {
            free(keys);
            return 0;
        }
        lua_pop(L, 1);
        first = 0;
    }
    free(keys);
    if (order)
        lua_pop(L, 1);
    if (!first)
        taf_json_newline(o, indent, level);
    taf_json_put(o, "}", 1);
    return 1;
}

static int encode_lua(lua_State *L, int idx, struct taf_json_out *o, int indent, int level, char *err, size_t errsize)
{
    if (level > MAX_DEPTH) {
        snprintf(err, errsize, "value nested deeper than %d levels (or a cycle)", MAX_DEPTH);
        return 0;
    }
    luaL_checkstack(L, 8, "json encode");
    switch (lua_type(L, idx)) {
    case LUA_TNIL:
        taf_json_puts(o, "null");
        return 1;
    case LUA_TBOOLEAN:
        taf_json_puts(o, lua_toboolean(L, idx) ? "true" : "false");
        return 1;
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx)) {
            taf_json_put_int(o, (long long)lua_tointeger(L, idx));
        } else {
            taf_json_put_real(o, lua_tonumber(L, idx));
        }
        return 1;
    case LUA_TSTRING: {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        taf_json_put_utf8(o, s, len);
        return 1;
    }
    case LUA_TTABLE: {
        lua_Integer n = 0;
        int array = metafield_is(L, idx, TAF_JSON_ARRAY, LUA_TBOOLEAN);
        if (array) {
            lua_pop(L, 1);
            n = (lua_Integer)lua_rawlen(L, idx);
        } else {
            array = is_sequence(L, idx, &n);
        }
        if (!array)
            return encode_lua_object(L, idx, o, indent, level, err, errsize);
        taf_json_put(o, "[", 1);
        for (lua_Integer i = 1; i <= n; i++) {
            if (i > 1)
                taf_json_put(o, ",", 1);
            taf_json_newline(o, indent, level + 1);
            lua_rawgeti(L, idx, i);
            if (!encode_lua(L, lua_gettop(L), o, indent, level + 1, err, errsize))
                return 0;
            lua_pop(L, 1);
        }
        if (n > 0)
            taf_json_newline(o, indent, level);
        taf_json_put(o, "]", 1);
        return 1;
    }
    default:
        snprintf(err, errsize, "cannot encode a %s value as JSON", lua_typename(L, lua_type(L, idx)));
        return 0;
    }
}

char *taf_json_encode_lua(lua_State *L, int idx, int indent, char *err, size_t errsize)
{
    struct taf_json_out o = { NULL, 0, 0, 0 };
    int top = lua_gettop(L);
    err[0] = '\0';
    int ok = encode_lua(L, lua_absindex(L, idx), &o, indent, 0, err, errsize);
    lua_settop(L, top);
    if (!ok || o.failed) {
        if (err[0] == '\0')
            snprintf(err, errsize, "out of memory");
        free(o.buf);
        return NULL;
    }
    if (o.buf == NULL) /* cannot happen: every value writes something */
        o.buf = calloc(1, 1);
    return o.buf;
}

/* ── A jansson tree to a Lua value (taf.json.decode) ───────────────────── */

void taf_json_push(lua_State *L, const json_t *j)
{
    luaL_checkstack(L, 8, "json decode");
    switch (json_typeof(j)) {
    case JSON_OBJECT: {
        size_t n = json_object_size(j), i = 0;
        lua_createtable(L, 0, (int)n);
        lua_createtable(L, 0, 1);
        lua_createtable(L, (int)n, 0);
        const char *key;
        json_t *v;
        json_object_foreach((json_t *)j, key, v) {
            lua_pushstring(L, key);
            lua_rawseti(L, -2, (lua_Integer)++i);
        }
        lua_setfield(L, -2, TAF_JSON_ORDER);
        lua_setmetatable(L, -2);
        json_object_foreach((json_t *)j, key, v) {
            taf_json_push(L, v);
            lua_setfield(L, -2, key);
        }
        break;
    }
    case JSON_ARRAY: {
        size_t n = json_array_size(j);
        lua_createtable(L, (int)n, 0);
        for (size_t i = 0; i < n; i++) {
            taf_json_push(L, json_array_get(j, i));
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        }
        taf_markarray(L, -1);
        break;
    }
    case JSON_STRING:
        lua_pushlstring(L, json_string_value(j), json_string_length(j));
        break;
    case JSON_INTEGER:
        lua_pushinteger(L, (lua_Integer)json_integer_value(j));
        break;
    case JSON_REAL:
        lua_pushnumber(L, json_real_value(j));
        break;
    case JSON_TRUE:
        lua_pushboolean(L, 1);
        break;
    case JSON_FALSE:
        lua_pushboolean(L, 0);
        break;
    default:
        lua_pushnil(L);
    }
}

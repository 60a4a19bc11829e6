#include "json.h"
#include "json_internal.h"
#include "lua/bind.h"

#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A JSON string; invalid UTF-8 bytes become U+FFFD so output stays valid. */
static json_t *string_value(const char *s, size_t len)
{
    json_t *j = json_stringn(s, len);
    if (j != NULL)
        return j;
    char *clean = malloc(len * 3 + 1);
    if (clean == NULL)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        size_t n = utf8_seq((const unsigned char *)s + i, len - i);
        if (n == 0 || (n == 1 && s[i] == '\0')) {
            memcpy(clean + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        } else {
            memcpy(clean + o, s + i, n);
            o += n;
            i += n;
        }
    }
    j = json_stringn(clean, o);
    free(clean);
    return j;
}

static json_t *convert(lua_State *L, int idx, int depth, char *err, size_t errsize);

static json_t *convert_array(lua_State *L, int idx, lua_Integer n, int depth, char *err, size_t errsize)
{
    json_t *arr = json_array();
    for (lua_Integer i = 1; arr != NULL && i <= n; i++) {
        lua_rawgeti(L, idx, i);
        json_t *v = convert(L, lua_gettop(L), depth + 1, err, errsize);
        lua_pop(L, 1);
        if (v == NULL || json_array_append_new(arr, v) != 0) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}

static int put_field(lua_State *L, json_t *obj, const char *key, int depth, char *err, size_t errsize)
{
    json_t *v = convert(L, lua_gettop(L), depth + 1, err, errsize);
    return v != NULL && json_object_set_new(obj, key, v) == 0;
}

static json_t *convert_object(lua_State *L, int idx, int depth, char *err, size_t errsize)
{
    json_t *obj = json_object();
    if (obj == NULL)
        return NULL;
    /* declared keys first, in order; absent ones are null */
    if (metafield_is(L, idx, TAF_JSON_ORDER, LUA_TTABLE)) {
        int order = lua_gettop(L);
        lua_Integer n = (lua_Integer)lua_rawlen(L, order);
        for (lua_Integer i = 1; i <= n; i++) {
            lua_rawgeti(L, order, i);
            const char *key = lua_tostring(L, -1);
            if (key == NULL) {
                lua_pop(L, 1);
                continue;
            }
            lua_rawget(L, idx); /* pops key; the string stays alive in `order` */
            lua_rawgeti(L, order, i);
            key = lua_tostring(L, -1);
            lua_pop(L, 1);
            if (!put_field(L, obj, key, depth, err, errsize)) {
                lua_pop(L, 2);
                json_decref(obj);
                return NULL;
            }
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    /* remaining keys, sorted, so output is deterministic */
    size_t count = 0, cap = 16;
    const char **keys = malloc(cap * sizeof *keys);
    lua_pushnil(L);
    while (keys != NULL && lua_next(L, idx)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TNUMBER) {
            json_decref(obj);
            free(keys);
            lua_pop(L, 1);
            snprintf(err, errsize, "cannot encode a table mixing array and object keys");
            return NULL;
        }
        if (lua_type(L, -1) != LUA_TSTRING)
            continue;
        const char *k = lua_tostring(L, -1);
        if (json_object_get(obj, k) != NULL)
            continue;
        if (!key_list_push(&keys, &count, &cap, k)) { /* k is anchored: a key of the table at idx */
            lua_pop(L, 1);
            break;
        }
    }
    if (keys == NULL) {
        json_decref(obj);
        snprintf(err, errsize, "out of memory");
        return NULL;
    }
    qsort(keys, count, sizeof *keys, key_cmp);
    for (size_t i = 0; i < count; i++) {
        lua_getfield(L, idx, keys[i]);
        if (!put_field(L, obj, keys[i], depth, err, errsize)) {
            lua_pop(L, 1);
            free(keys);
            json_decref(obj);
            return NULL;
        }
        lua_pop(L, 1);
    }
    free(keys);
    return obj;
}

static json_t *convert(lua_State *L, int idx, int depth, char *err, size_t errsize)
{
    if (depth > MAX_DEPTH) {
        snprintf(err, errsize, "value nested deeper than %d levels (or a cycle)", MAX_DEPTH);
        return NULL;
    }
    luaL_checkstack(L, 8, "json encode");
    switch (lua_type(L, idx)) {
    case LUA_TNIL:
        return json_null();
    case LUA_TBOOLEAN:
        return json_boolean(lua_toboolean(L, idx));
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx))
            return json_integer((json_int_t)lua_tointeger(L, idx));
        {
            double v = lua_tonumber(L, idx);
            return isfinite(v) ? json_real(v) : json_null();
        }
    case LUA_TSTRING: {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        return string_value(s, len);
    }
    case LUA_TTABLE: {
        lua_Integer n = 0;
        if (metafield_is(L, idx, TAF_JSON_ARRAY, LUA_TBOOLEAN)) {
            lua_pop(L, 1);
            return convert_array(L, idx, (lua_Integer)lua_rawlen(L, idx), depth, err, errsize);
        }
        if (is_sequence(L, idx, &n))
            return convert_array(L, idx, n, depth, err, errsize);
        return convert_object(L, idx, depth, err, errsize);
    }
    default:
        snprintf(err, errsize, "cannot encode a %s value as JSON", lua_typename(L, lua_type(L, idx)));
        return NULL;
    }
}

json_t *taf_json_from_lua(lua_State *L, int idx, char *err, size_t errsize)
{
    err[0] = '\0';
    json_t *j = convert(L, lua_absindex(L, idx), 0, err, errsize);
    if (j == NULL && err[0] == '\0')
        snprintf(err, errsize, "out of memory");
    return j;
}

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

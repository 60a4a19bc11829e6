/* Lua values ↔ JSON (json_lua.h): a Lua value straight to JSON text
 * through the shared writing primitives (json_write.h), and a jansson tree
 * back to a Lua value. Only raw reads: no script code runs meanwhile. */
#include "lua/json_lua.h"
#include "lua/bind.h"
#include "json_write.h"

#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 100
#define SMALL_ORDER 32    /* a longer __jsonorder list is looked up through a set */
#define CHARGE_EVERY 4096 /* keys and elements visited per charge to the budget */

/* One encoding: the text, and the work not yet charged to the budget. */
struct enc {
    lua_State *L;
    struct taf_json_out *o;
    int indent;
    char *err;
    size_t errsize;
    lua_Integer work;
};

/* `n` more keys, elements or list entries visited: charged in batches. A
 * table met many times (one shared table in every step) is walked each time,
 * and a walk that writes nothing (keys JSON skips) is bounded by this alone. */
static void tick(struct enc *e, lua_Integer n)
{
    e->work += n;
    if (e->work >= CHARGE_EVERY) {
        lua_Integer w = e->work;
        e->work = 0;
        taf_charge_steps(e->L, w);
    }
}

static int fail(struct enc *e, const char *msg)
{
    snprintf(e->err, e->errsize, "%s", msg);
    return 0;
}

/* Push the metatable field of the value at idx, read raw, when it has that
 * type; 0 (nothing pushed) otherwise. */
static int raw_metafield(lua_State *L, int idx, const char *field, int type)
{
    if (!lua_getmetatable(L, idx))
        return 0;
    lua_pushstring(L, field);
    if (lua_rawget(L, -2) == type) {
        lua_remove(L, -2);
        return 1;
    }
    lua_pop(L, 2);
    return 0;
}

/* Is the table at idx a non-empty sequence 1..n with no other keys? */
static int is_sequence(struct enc *e, int idx, lua_Integer *n)
{
    lua_State *L = e->L;
    lua_Integer len = (lua_Integer)lua_rawlen(L, idx), count = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        tick(e, 1);
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

/* Is the string at the top of the stack listed in the order list at `order`
 * (entries 1..n; `set` a table of them when non-zero)? */
static int listed(lua_State *L, int order, lua_Integer n, int set)
{
    if (set) {
        lua_pushvalue(L, -1);
        int found = lua_rawget(L, set) != LUA_TNIL;
        lua_pop(L, 1);
        return found;
    }
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, order, i);
        int same = lua_rawequal(L, -1, -2);
        lua_pop(L, 1);
        if (same)
            return 1;
    }
    return 0;
}

/* ── Lua values straight to text (taf.json.encode, --json, sweep rows) ── */

static int encode_value(struct enc *e, int idx, int level);

static int encode_field(struct enc *e, const char *key, size_t klen, int first, int level)
{
    if (!first)
        taf_json_put(e->o, ",", 1);
    taf_json_newline(e->o, e->indent, level + 1);
    taf_json_put_utf8(e->o, key, klen);
    taf_json_puts(e->o, e->indent > 0 ? ": " : ":");
    return encode_value(e, lua_gettop(e->L), level + 1);
}

struct key {
    const char *s;
    size_t len;
};

static int key_cmp(const void *a, const void *b)
{
    const struct key *x = a, *y = b;
    int c = memcmp(x->s, y->s, x->len < y->len ? x->len : y->len);
    return c != 0 ? c : (x->len > y->len) - (x->len < y->len);
}

/* Is key k among the n keys at `keys`? Short strings are interned, so the
 * same text is mostly the same pointer; the bytes decide otherwise. */
static int among(const struct key *keys, size_t n, struct key k)
{
    for (size_t i = 0; i < n; i++)
        if (keys[i].len == k.len && (keys[i].s == k.s || memcmp(keys[i].s, k.s, k.len) == 0))
            return 1;
    return 0;
}

#define SMALL_EXTRA 32 /* unlisted keys gathered on the C stack; more take a second pass */

static int encode_object(struct enc *e, int idx, int level)
{
    lua_State *L = e->L;
    int top = lua_gettop(L), first = 1, order = 0, set = 0;
    lua_Integer n = 0;
    struct key listed_keys[SMALL_ORDER]; /* the order's keys written so far (short lists) */
    size_t n_listed = 0;
    taf_json_put(e->o, "{", 1);
    if (raw_metafield(L, idx, TAF_JSON_ORDER, LUA_TTABLE)) {
        order = lua_gettop(L);
        n = (lua_Integer)lua_rawlen(L, order);
        if (n > SMALL_ORDER) {
            lua_createtable(L, 0, n < (1 << 26) ? (int)n : 1 << 26);
            set = lua_gettop(L);
        }
        for (lua_Integer i = 1; i <= n; i++) {
            tick(e, 1);
            if (lua_rawgeti(L, order, i) != LUA_TSTRING) {
                lua_pop(L, 1);
                continue;
            }
            struct key k;
            k.s = lua_tolstring(L, -1, &k.len); /* anchored in `order` */
            /* a repeated key is written once */
            if (set ? listed(L, order, n, set) : among(listed_keys, n_listed, k)) {
                lua_pop(L, 1);
                continue;
            }
            if (set) {
                lua_pushvalue(L, -1);
                lua_pushboolean(L, 1);
                lua_rawset(L, set);
            } else {
                listed_keys[n_listed++] = k;
            }
            lua_pushvalue(L, -1);
            lua_rawget(L, idx);
            if (!encode_field(e, k.s, k.len, first, level))
                return 0;
            lua_pop(L, 2);
            first = 0;
        }
    }
    /* every key is a string (JSON objects have no others; keys of other
     * types are skipped, numbers refused); the ones the order does not list
     * are written after it, sorted: none in the usual case, when every
     * string key is listed */
    struct key small[SMALL_EXTRA], *extra = small;
    size_t count = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        tick(e, 1);
        int type = lua_type(L, -1);
        if (type == LUA_TNUMBER) {
            lua_pop(L, 1);
            return fail(e, "cannot encode a table mixing array and object keys");
        }
        if (type != LUA_TSTRING)
            continue;
        struct key k;
        k.s = lua_tolstring(L, -1, &k.len); /* anchored in the table */
        if (order && (set ? listed(L, order, n, set) : among(listed_keys, n_listed, k)))
            continue;
        if (count < SMALL_EXTRA)
            small[count] = k;
        count++;
    }
    if (count > SMALL_EXTRA) { /* many: gathered again, into a block of their size */
        size_t cap = count;
        extra = lua_newuserdatauv(L, cap * sizeof *extra, 0);
        count = 0;
        lua_pushnil(L);
        while (lua_next(L, idx)) {
            lua_pop(L, 1);
            tick(e, 1);
            if (lua_type(L, -1) != LUA_TSTRING || count == cap)
                continue;
            struct key k;
            k.s = lua_tolstring(L, -1, &k.len);
            if (order && (set ? listed(L, order, n, set) : among(listed_keys, n_listed, k)))
                continue;
            extra[count++] = k;
        }
    }
    qsort(extra, count, sizeof *extra, key_cmp);
    for (size_t i = 0; i < count; i++) {
        lua_pushlstring(L, extra[i].s, extra[i].len);
        lua_rawget(L, idx);
        if (!encode_field(e, extra[i].s, extra[i].len, first, level))
            return 0;
        lua_pop(L, 1);
        first = 0;
    }
    lua_settop(L, top);
    if (!first)
        taf_json_newline(e->o, e->indent, level);
    taf_json_put(e->o, "}", 1);
    return 1;
}

static int encode_value(struct enc *e, int idx, int level)
{
    lua_State *L = e->L;
    struct taf_json_out *o = e->o;
    if (o->failed) /* over the bound or out of memory: stop walking */
        return 0;
    if (level > MAX_DEPTH) {
        snprintf(e->err, e->errsize, "value nested deeper than %d levels (or a cycle)", MAX_DEPTH);
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
        if (lua_isinteger(L, idx))
            taf_json_put_int(o, (long long)lua_tointeger(L, idx));
        else
            taf_json_put_real(o, lua_tonumber(L, idx));
        return 1;
    case LUA_TSTRING: {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        taf_json_put_utf8(o, s, len);
        return 1;
    }
    case LUA_TTABLE: {
        lua_Integer n = 0;
        tick(e, 1);
        int array = raw_metafield(L, idx, TAF_JSON_ARRAY, LUA_TBOOLEAN);
        if (array) {
            lua_pop(L, 1);
            n = (lua_Integer)lua_rawlen(L, idx);
        } else {
            array = is_sequence(e, idx, &n);
        }
        if (!array)
            return encode_object(e, idx, level);
        taf_json_put(o, "[", 1);
        for (lua_Integer i = 1; i <= n; i++) {
            tick(e, 1);
            if (i > 1)
                taf_json_put(o, ",", 1);
            taf_json_newline(o, e->indent, level + 1);
            lua_rawgeti(L, idx, i);
            if (!encode_value(e, lua_gettop(L), level + 1))
                return 0;
            lua_pop(L, 1);
        }
        if (n > 0)
            taf_json_newline(o, e->indent, level);
        taf_json_put(o, "]", 1);
        return 1;
    }
    default:
        snprintf(e->err, e->errsize, "cannot encode a %s value as JSON", lua_typename(L, lua_type(L, idx)));
        return 0;
    }
}

static int free_text(lua_State *L)
{
    struct taf_json_out *o = lua_touserdata(L, 1);
    free(o->buf);
    o->buf = NULL;
    o->len = o->cap = 0;
    return 0;
}

int taf_json_encode_lua(lua_State *L, int idx, int indent, size_t max_bytes, const char **text, size_t *len,
                        char *err, size_t errsize)
{
    idx = lua_absindex(L, idx);
    struct taf_json_out *o = lua_newuserdatauv(L, sizeof *o, 0);
    memset(o, 0, sizeof *o);
    o->max = max_bytes;
    if (luaL_newmetatable(L, "taf.json_text")) {
        lua_pushcfunction(L, free_text);
        lua_setfield(L, -2, "__close");
        lua_pushcfunction(L, free_text);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    lua_toclose(L, -1);
    int top = lua_gettop(L);
    struct enc e = { L, o, indent, err, errsize, 0 };
    err[0] = '\0';
    int ok = encode_value(&e, idx, 0);
    lua_settop(L, top);
    taf_charge_steps(L, e.work);
    if (o->failed == TAF_JSON_OVER_MAX) {
        snprintf(err, errsize, "the result is larger than the memory cap (%zu MiB; raise it with --max-mem)",
                 max_bytes >> 20);
        return TAF_JSON_TOO_LARGE;
    }
    if (!ok || o->failed || o->buf == NULL) {
        if (err[0] == '\0')
            snprintf(err, errsize, "out of memory");
        return TAF_JSON_INVALID;
    }
    *text = o->buf;
    *len = o->len;
    return TAF_JSON_OK;
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

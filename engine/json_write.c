/* JSON text: jansson trees (taf_json_dumps) and Lua values straight to text
 * (taf_json_encode_lua: taf.json.encode, --json output, sweep rows), in the
 * declared key order, reals in their shortest round-trip form. */
#include "json.h"
#include "json_internal.h"
#include "lua/bind.h"

#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct out {
    char *buf;
    size_t len, cap;
    int failed;
};

static void put(struct out *o, const char *s, size_t n)
{
    if (o->failed)
        return;
    if (o->len + n + 1 > o->cap) {
        size_t cap = o->cap ? o->cap : 256;
        while (cap < o->len + n + 1)
            cap *= 2;
        char *grown = realloc(o->buf, cap);
        if (grown == NULL) {
            o->failed = 1;
            return;
        }
        o->buf = grown;
        o->cap = cap;
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    o->buf[o->len] = '\0';
}

static void puts_(struct out *o, const char *s)
{
    put(o, s, strlen(s));
}

/* Shortest "%.Ng" (N = 15…17) that reads back to the same double; a whole
 * number below 10^15 (byte counts, lengths) is written digit by digit, as
 * "%.15g" would, without the printf/strtod round trip. */
static void put_real(struct out *o, double v)
{
    if (!isfinite(v)) {
        puts_(o, "null");
        return;
    }
    char buf[40];
    if (v == floor(v) && fabs(v) < 1e15) {
        unsigned long long u = (unsigned long long)fabs(v);
        char *p = buf + sizeof buf;
        *--p = '\0';
        do
            *--p = (char)('0' + u % 10);
        while ((u /= 10) != 0);
        if (signbit(v))
            *--p = '-';
        puts_(o, p);
        puts_(o, ".0");
        return;
    }
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(buf, sizeof buf, "%.*g", digits, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    puts_(o, buf);
    if (strpbrk(buf, ".eEn") == NULL) /* keep it a real: 8000000000 → 8000000000.0 */
        puts_(o, ".0");
}

/* The escape of an ASCII byte JSON does not take as it is: quote, backslash
 * or a control character. */
static void put_escape(struct out *o, unsigned char c)
{
    char esc[8];
    switch (c) {
    case '"': puts_(o, "\\\""); break;
    case '\\': puts_(o, "\\\\"); break;
    case '\n': puts_(o, "\\n"); break;
    case '\r': puts_(o, "\\r"); break;
    case '\t': puts_(o, "\\t"); break;
    case '\b': puts_(o, "\\b"); break;
    case '\f': puts_(o, "\\f"); break;
    default:
        snprintf(esc, sizeof esc, "\\u%04x", c);
        puts_(o, esc);
    }
}

static void put_string(struct out *o, const char *s, size_t n)
{
    put(o, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == '"' || c == '\\')
            put_escape(o, c);
        else
            put(o, (const char *)&s[i], 1);
    }
    put(o, "\"", 1);
}

static void newline(struct out *o, int indent, int level)
{
    if (indent <= 0)
        return;
    put(o, "\n", 1);
    for (int i = 0; i < indent * level; i++)
        put(o, " ", 1);
}

static void write_value(struct out *o, const json_t *j, int indent, int level)
{
    char buf[32];
    switch (json_typeof(j)) {
    case JSON_OBJECT: {
        if (json_object_size(j) == 0) {
            puts_(o, "{}");
            break;
        }
        put(o, "{", 1);
        const char *key;
        json_t *v;
        int first = 1;
        json_object_foreach((json_t *)j, key, v) {
            if (!first)
                put(o, ",", 1);
            first = 0;
            newline(o, indent, level + 1);
            put_string(o, key, strlen(key));
            puts_(o, indent > 0 ? ": " : ":");
            write_value(o, v, indent, level + 1);
        }
        newline(o, indent, level);
        put(o, "}", 1);
        break;
    }
    case JSON_ARRAY: {
        if (json_array_size(j) == 0) {
            puts_(o, "[]");
            break;
        }
        put(o, "[", 1);
        size_t i;
        json_t *v;
        json_array_foreach((json_t *)j, i, v) {
            if (i > 0)
                put(o, ",", 1);
            newline(o, indent, level + 1);
            write_value(o, v, indent, level + 1);
        }
        newline(o, indent, level);
        put(o, "]", 1);
        break;
    }
    case JSON_STRING:
        put_string(o, json_string_value(j), json_string_length(j));
        break;
    case JSON_INTEGER:
        snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(j));
        puts_(o, buf);
        break;
    case JSON_REAL:
        put_real(o, json_real_value(j));
        break;
    case JSON_TRUE:
        puts_(o, "true");
        break;
    case JSON_FALSE:
        puts_(o, "false");
        break;
    default:
        puts_(o, "null");
    }
}

char *taf_json_dumps(const json_t *j, int indent)
{
    struct out o = { NULL, 0, 0, 0 };
    write_value(&o, j, indent, 0);
    if (o.failed) {
        free(o.buf);
        return NULL;
    }
    return o.buf;
}

/* ── Lua values straight to text (taf.json.encode, sweep rows) ───────── */

/* A Lua string as a JSON string; invalid UTF-8 bytes become U+FFFD. */
static void put_lua_string(struct out *o, const char *s, size_t n)
{
    put(o, "\"", 1);
    size_t run = 0; /* bytes copied as they are, flushed in one put */
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t len = c < 0x80 ? (c >= 0x20 && c != '"' && c != '\\') : utf8_seq((const unsigned char *)s + i, n - i);
        if (len > 0 && (c >= 0x80 || len == 1)) {
            if (c < 0x80) {
                run++;
                i++;
                continue;
            }
            put(o, s + i - run, run);
            run = 0;
            put(o, s + i, len);
            i += len;
            continue;
        }
        put(o, s + i - run, run);
        run = 0;
        if (c >= 0x80)
            puts_(o, "\xEF\xBF\xBD");
        else
            put_escape(o, c);
        i++;
    }
    put(o, s + n - run, run);
    put(o, "\"", 1);
}

static int encode_lua(lua_State *L, int idx, struct out *o, int indent, int level, char *err, size_t errsize);

static int encode_field(lua_State *L, struct out *o, const char *key, int first, int indent, int level,
                        char *err, size_t errsize)
{
    if (!first)
        put(o, ",", 1);
    newline(o, indent, level + 1);
    put_lua_string(o, key, strlen(key));
    puts_(o, indent > 0 ? ": " : ":");
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

static int encode_lua_object(lua_State *L, int idx, struct out *o, int indent, int level, char *err, size_t errsize)
{
    int first = 1, order = 0;
    size_t present = 0; /* listed keys that hold a value */
    put(o, "{", 1);
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
        newline(o, indent, level);
    put(o, "}", 1);
    return 1;
}

static int encode_lua(lua_State *L, int idx, struct out *o, int indent, int level, char *err, size_t errsize)
{
    char buf[32];
    if (level > MAX_DEPTH) {
        snprintf(err, errsize, "value nested deeper than %d levels (or a cycle)", MAX_DEPTH);
        return 0;
    }
    luaL_checkstack(L, 8, "json encode");
    switch (lua_type(L, idx)) {
    case LUA_TNIL:
        puts_(o, "null");
        return 1;
    case LUA_TBOOLEAN:
        puts_(o, lua_toboolean(L, idx) ? "true" : "false");
        return 1;
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx)) {
            snprintf(buf, sizeof buf, LUA_INTEGER_FMT, lua_tointeger(L, idx));
            puts_(o, buf);
        } else {
            put_real(o, lua_tonumber(L, idx));
        }
        return 1;
    case LUA_TSTRING: {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        put_lua_string(o, s, len);
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
        put(o, "[", 1);
        for (lua_Integer i = 1; i <= n; i++) {
            if (i > 1)
                put(o, ",", 1);
            newline(o, indent, level + 1);
            lua_rawgeti(L, idx, i);
            if (!encode_lua(L, lua_gettop(L), o, indent, level + 1, err, errsize))
                return 0;
            lua_pop(L, 1);
        }
        if (n > 0)
            newline(o, indent, level);
        put(o, "]", 1);
        return 1;
    }
    default:
        snprintf(err, errsize, "cannot encode a %s value as JSON", lua_typename(L, lua_type(L, idx)));
        return 0;
    }
}

char *taf_json_encode_lua(lua_State *L, int idx, int indent, char *err, size_t errsize)
{
    struct out o = { NULL, 0, 0, 0 };
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

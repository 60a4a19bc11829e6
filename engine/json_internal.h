/* Helpers shared by the JSON converter (json.c) and the text writer
 * (json_write.c). Private to those two files (and their unit tests). */
#ifndef TAF_JSON_INTERNAL_H
#define TAF_JSON_INTERNAL_H

#include <lua.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 100

/* The JSON text of a real into out (NUL-terminated): the shortest of
 * "%.15g", "%.16g", "%.17g" that reads back to v, ".0" appended when that
 * text has no point or exponent, "null" when v is not finite. Returns the
 * length (at most 26). Defined in json_write.c. */
size_t taf_json_real(char out[40], double v);

/* Length of the valid UTF-8 sequence at s (1–4), or 0 if invalid. */
static inline size_t utf8_seq(const unsigned char *s, size_t left)
{
    if (s[0] < 0x80) return 1;
    size_t n = s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 && s[0] < 0xE0 ? 2 : 0;
    if (n == 0 || n > left) return 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80) return 0;
    return n;
}

static inline int key_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Is the table at idx a non-empty sequence 1..n with no other keys? */
static inline int is_sequence(lua_State *L, int idx, lua_Integer *n)
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

static inline int metafield_is(lua_State *L, int idx, const char *field, int type)
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
static inline int key_list_push(const char ***keys, size_t *count, size_t *cap, const char *k)
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

#endif

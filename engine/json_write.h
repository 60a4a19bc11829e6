/* JSON text writing primitives, shared by the jansson-tree writer
 * (json_write.c: taf_json_dumps) and the Lua value encoder
 * (lua/json_lua.c: taf_json_encode_lua): a growing text buffer, reals in
 * their shortest round-trip form, integers, strings. No Lua. */
#ifndef TAF_JSON_WRITE_H
#define TAF_JSON_WRITE_H

#include "numfmt.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* A NUL-terminated text growing by doubling, of at most `max` bytes (0: no
 * bound); once memory runs out (`failed` TAF_JSON_OUT_OF_MEMORY) or the text
 * would pass `max` (TAF_JSON_OVER_MAX) every later write is dropped. Start
 * from { NULL, 0, 0, 0, max }. */
enum { TAF_JSON_OUT_OF_MEMORY = 1, TAF_JSON_OVER_MAX = 2 };
struct taf_json_out {
    char *buf;
    size_t len, cap;
    int failed;
    size_t max;
};

static inline void taf_json_put(struct taf_json_out *o, const char *s, size_t n)
{
    if (o->failed)
        return;
    if (o->max > 0 && n > o->max - o->len) {
        o->failed = TAF_JSON_OVER_MAX;
        return;
    }
    if (o->len + n + 1 > o->cap) {
        size_t cap = o->cap ? o->cap : 256;
        while (cap < o->len + n + 1)
            cap *= 2;
        char *grown = realloc(o->buf, cap);
        if (grown == NULL) {
            o->failed = TAF_JSON_OUT_OF_MEMORY;
            return;
        }
        o->buf = grown;
        o->cap = cap;
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    o->buf[o->len] = '\0';
}

static inline void taf_json_puts(struct taf_json_out *o, const char *s)
{
    taf_json_put(o, s, strlen(s));
}

/* A line break and `indent`·`level` spaces; nothing when indent is 0. */
static inline void taf_json_newline(struct taf_json_out *o, int indent, int level)
{
    if (indent <= 0)
        return;
    static const char spaces[] = "                                ";
    taf_json_put(o, "\n", 1);
    for (int left = indent * level; left > 0; left -= 32)
        taf_json_put(o, spaces, left < 32 ? (size_t)left : 32);
}

/* An integer as "%lld" writes it. */
static inline void taf_json_put_int(struct taf_json_out *o, long long v)
{
    char buf[32];
    taf_json_put(o, buf, (size_t)taf_fmt_int(buf, v));
}

/* The JSON text of a real into out (NUL-terminated): the shortest of
 * "%.15g", "%.16g", "%.17g" that reads back to v, ".0" appended when that
 * text has no point or exponent, "null" when v is not finite. Returns the
 * length (at most 26). */
size_t taf_json_real(char out[40], double v);
/* taf_json_real appended to o. */
void taf_json_put_real(struct taf_json_out *o, double v);
/* Bytes of any origin as a JSON string: control bytes, quote and backslash
 * escaped, valid UTF-8 passed through, every other byte ≥ 0x80 as U+FFFD,
 * so the output is always valid UTF-8. */
void taf_json_put_utf8(struct taf_json_out *o, const char *s, size_t n);

#endif

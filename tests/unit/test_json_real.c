/* The JSON writer's reals and strings (engine/json_write.c) against
 * reference copies of the writer's earlier code, kept here: every value must
 * give the same bytes.
 *   Reals: the shortest of "%.15g", "%.16g", "%.17g" that strtod reads back
 *   to the same double, whole numbers below 10^15 digit by digit, ".0"
 *   appended to a text with no point or exponent, "null" when not finite.
 *   Strings: control bytes, quote and backslash escaped; for Lua strings,
 *   valid UTF-8 passed through and every other byte ≥ 0x80 as U+FFFD. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <lauxlib.h>
#include <lualib.h>

#include "json.h"
#include "json_write.h"
#include "lua/json_lua.h"

#include "xorshift.h"

/* taf_json_encode_lua's text as a malloc'd copy (the box it pushes closed
 * again), or NULL with the message in err. */
static char *encode_copy(lua_State *L, int idx, int indent, char *err, size_t errsize)
{
    int top = lua_gettop(L);
    const char *text;
    size_t len;
    char *copy = NULL;
    if (taf_json_encode_lua(L, idx, indent, 0, &text, &len, err, errsize) == TAF_JSON_OK) {
        copy = malloc(len + 1);
        memcpy(copy, text, len + 1);
    }
    lua_settop(L, top);
    return copy;
}

/* ── Reference: the earlier put_real ──────────────────────────────────── */

/* The earlier writer's text of v, into out (64 bytes). */
static void ref_real(char *out, double v)
{
    if (!isfinite(v)) {
        strcpy(out, "null");
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
        strcpy(out, p);
        strcat(out, ".0");
        return;
    }
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(buf, sizeof buf, "%.*g", digits, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    strcpy(out, buf);
    if (strpbrk(buf, ".eEn") == NULL)
        strcat(out, ".0");
}

static long checked_reals;

/* Does taf_json_real write exactly the reference text for v? */
static int same_real(double v)
{
    char want[64], got[40];
    ref_real(want, v);
    size_t n = taf_json_real(got, v);
    checked_reals++;
    if (n != strlen(got) || strcmp(want, got) != 0) {
        print_error("v=%a (%.17g): reference '%s', writer '%s'\n", v, v, want, got);
        return 0;
    }
    return 1;
}

/* v with a random sign. */
static int same_real_signed(double v)
{
    return same_real(next_u64() & 1 ? -v : v);
}

/* v and -v. */
static int same_real_pm(double v)
{
    return same_real(v) && same_real(-v);
}

/* v and its two neighbouring doubles, each with both signs. */
static int same_real_around(double v)
{
    return same_real_pm(v) && same_real_pm(nextafter(v, INFINITY)) && same_real_pm(nextafter(v, -INFINITY));
}

/* A double from a random 64-bit pattern, re-drawn until finite. */
static double random_bits(void)
{
    double v;
    do {
        uint64_t u = next_u64();
        memcpy(&v, &u, sizeof v);
    } while (!isfinite(v));
    return v;
}

static void test_random_bit_patterns(void **state)
{
    (void)state;
    for (int i = 0; i < 2000000; i++)
        assert_true(same_real(random_bits()));
}

/* Values a program computes or reads: k/10^j and k·10^j, and strtod of random
 * decimal texts of 1–17 digits over the whole exponent range. */
static void test_decimal_looking(void **state)
{
    (void)state;
    for (int i = 0; i < 500000; i++) {
        uint64_t u = next_u64();
        int digits = 1 + (int)(u % 17);
        uint64_t k = next_u64() % (uint64_t)pow(10, digits);
        int j = (int)(next_u64() % 45) - 22;
        double v = j >= 0 ? (double)k / pow(10, j) : (double)k * pow(10, -j);
        assert_true(same_real_signed(v));
    }
    for (int i = 0; i < 500000; i++) {
        char text[48];
        int digits = 1 + (int)(next_u64() % 17), len = 0;
        for (int d = 0; d < digits; d++)
            text[len++] = (char)('0' + (d == 0 ? 1 + next_u64() % 9 : next_u64() % 10));
        snprintf(text + len, sizeof text - (size_t)len, "e%d", (int)(next_u64() % 660) - 340);
        assert_true(same_real_signed(strtod(text, NULL)));
    }
}

/* Tails that read as ties when rounding 17 digits to 15 ("…50") or to 16
 * ("…5"): decimal texts built that way and their neighbours, and doubles that
 * are exact ties (n/2^j with 16 or 17 significant digits), where round-half-
 * even decides. */
static void test_ties(void **state)
{
    (void)state;
    for (int i = 0; i < 200000; i++) {
        char text[48];
        int digits = 15 + (int)(next_u64() % 2), len = 0;
        for (int d = 0; d < digits; d++)
            text[len++] = (char)('0' + (d == 0 ? 1 + next_u64() % 9 : next_u64() % 10));
        len += snprintf(text + len, sizeof text - (size_t)len, "%s", digits == 15 ? "50" : "5");
        snprintf(text + len, sizeof text - (size_t)len, "e%d", (int)(next_u64() % 660) - 340);
        assert_true(same_real_around(strtod(text, NULL)));
    }
    for (int i = 0; i < 200000; i++) {
        /* j binary fraction digits give j decimal ones, the last a 5: with
         * 16 - j or 17 - j integer digits, a tie at 15 or 16 digits */
        int j = 1 + (int)(next_u64() % 6), whole = 16 + (int)(next_u64() % 2) - j;
        double lo = ldexp(pow(10, whole - 1), j), span = ldexp(pow(10, whole), j) - lo;
        double n = floor(lo + (double)(next_u64() >> 11) / 9007199254740992.0 * span);
        assert_true(same_real_around(ldexp(n, -j)));
        assert_true(same_real_around(ldexp(n, -j) * 1e-10)); /* not exact any more: near-ties */
    }
    /* exact ties by hand: 15 digits + "5", 16 digits + "5" */
    assert_true(same_real_pm(1234567890123.125));
    assert_true(same_real_pm(1234567890123.375));
    assert_true(same_real_pm(123456789012.0625));
    assert_true(same_real_pm(12345678901234.5));
    assert_true(same_real_pm(12345678901235.5));
    assert_true(same_real_pm(999999999999999.5));
    assert_true(same_real_pm(99999999999999.95));
    assert_true(same_real_pm(0.5));
    assert_true(same_real_pm(0.125));
    assert_true(same_real_pm(1.0000000000000002));
}

/* Every power of ten and of two the format reaches, with neighbours. */
static void test_powers(void **state)
{
    (void)state;
    for (int e = -330; e <= 310; e++) {
        char text[16];
        snprintf(text, sizeof text, "1e%d", e);
        double v = strtod(text, NULL);
        assert_true(same_real_around(v));
        for (int m = 2; m <= 9; m++) {
            snprintf(text, sizeof text, "%de%d", m, e);
            assert_true(same_real_around(strtod(text, NULL)));
        }
    }
    for (int e = -1074; e <= 1023; e++) {
        double v = ldexp(1.0, e);
        assert_true(same_real_around(v));
        assert_true(same_real_around(v * 3));
        assert_true(same_real_around(v * 5));
        assert_true(same_real_around(v * 0.75));
    }
}

/* Subnormals: random mantissas with a zero exponent field, and the smallest. */
static void test_subnormals(void **state)
{
    (void)state;
    for (int i = 0; i < 200000; i++) {
        uint64_t u = next_u64() & ((1ull << 52) - 1);
        u >>= next_u64() % 52;
        double v;
        memcpy(&v, &u, sizeof v);
        assert_true(same_real_signed(v));
    }
    for (uint64_t u = 1; u < 5000; u++) {
        double v;
        memcpy(&v, &u, sizeof v);
        assert_true(same_real_pm(v));
    }
}

/* Named values and the edges of the fast paths. */
static void test_special_values(void **state)
{
    (void)state;
    static const double named[] = {
        0.0, 1.0, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 0.7, 1.1, 3.141592653589793,
        2.718281828459045, DBL_MAX, DBL_MIN, DBL_EPSILON, 5e-324, 1e-5, 1e-4, 1e-3,
        1e15, 1e16, 1e17, 1e21, 1e22, 1e23, 1e-22, 1e-23, 1e308, 1e-308, 8e9, 123456.789,
        0.0001, 0.00001, 1.5e20, 1.5e-5, 9.999999999999999e14, 9.9999999999999e-5,
        999999999999999.9, 0.9656822032474779, 0.925682203247478, 27289.351253249548,
    };
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        assert_true(same_real_around(named[i]));
    for (int k = -2000; k <= 2000; k++) {
        assert_true(same_real_pm(9007199254740992.0 + k)); /* 2^53 */
        assert_true(same_real_pm(1e15 + k));
        assert_true(same_real_pm(1e15 + k * 0.125));
        assert_true(same_real_pm(1e16 + 2.0 * k));
        assert_true(same_real_pm(1e17 + 16.0 * k));
    }
    double v = 1e15;
    for (int i = 0; i < 64; i++, v = nextafter(v, 0))
        assert_true(same_real_pm(v));
    char out[40];
    assert_int_equal(taf_json_real(out, INFINITY), 4);
    assert_string_equal(out, "null");
    assert_int_equal(taf_json_real(out, -INFINITY), 4);
    assert_string_equal(out, "null");
    assert_int_equal(taf_json_real(out, NAN), 4);
    assert_string_equal(out, "null");
    taf_json_real(out, -0.0);
    assert_string_equal(out, "-0.0");
    taf_json_real(out, 1e-5);
    assert_string_equal(out, "1e-05");
    taf_json_real(out, 1.5e20);
    assert_string_equal(out, "1.5e+20");
    taf_json_real(out, 8e15);
    assert_string_equal(out, "8e+15");
    taf_json_real(out, 1e21);
    assert_string_equal(out, "1e+21");
    taf_json_real(out, 5e-324);
    assert_string_equal(out, "4.94065645841247e-324");
    taf_json_real(out, 0.1);
    assert_string_equal(out, "0.1");
    taf_json_real(out, 123456789012345.6);
    assert_string_equal(out, "123456789012345.6");
}

/* jansson's writer gives `want` for j (taken and released). */
static void same_dumps(json_t *j, const char *want)
{
    char *got = taf_json_dumps(j, 0);
    json_decref(j);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

/* The encoders write reals through taf_json_real: a Lua number and a
 * jansson real give its text. */
static void test_encoders_use_it(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    assert_non_null(L);
    for (int i = 0; i < 2000; i++) {
        double v = i < 1000 ? random_bits() : (double)(next_u64() % 100000) / 1000;
        char want[40], err[128];
        taf_json_real(want, v);
        lua_pushnumber(L, v);
        char *got = encode_copy(L, -1, 0, err, sizeof err);
        lua_pop(L, 1);
        assert_non_null(got);
        assert_string_equal(got, want);
        free(got);
        same_dumps(json_real(v), want);
    }
    lua_close(L);
}

/* Integers, Lua's and jansson's, print as "%lld" does. */
static void test_integers(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    assert_non_null(L);
    for (int i = 0; i < 100000; i++) {
        long long v;
        uint64_t u = next_u64();
        switch (i) {
        case 0: v = LLONG_MIN; break;
        case 1: v = LLONG_MAX; break;
        case 2: v = 0; break;
        case 3: v = -1; break;
        default: /* every magnitude: a random width of bits */
            v = (long long)(u >> (next_u64() % 64));
            if (u & 1)
                v = -v;
        }
        char want[32], err[128];
        snprintf(want, sizeof want, "%lld", v);
        lua_pushinteger(L, (lua_Integer)v);
        char *got = encode_copy(L, -1, 0, err, sizeof err);
        lua_pop(L, 1);
        assert_non_null(got);
        assert_string_equal(got, want);
        free(got);
        same_dumps(json_integer((json_int_t)v), want);
    }
    lua_close(L);
}

/* ── Strings ──────────────────────────────────────────────────────────── */

struct ref_out {
    char *buf;
    size_t len, cap;
};

/* Append n bytes to the reference buffer. */
static void ref_put(struct ref_out *o, const char *s, size_t n)
{
    if (o->len + n + 1 > o->cap) {
        o->cap = (o->len + n + 1) * 2;
        o->buf = realloc(o->buf, o->cap);
        assert_non_null(o->buf);
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    o->buf[o->len] = '\0';
}

/* The earlier escape of a quote, backslash or control byte. */
static void ref_escape(struct ref_out *o, unsigned char c)
{
    char esc[8];
    switch (c) {
    case '"': ref_put(o, "\\\"", 2); break;
    case '\\': ref_put(o, "\\\\", 2); break;
    case '\n': ref_put(o, "\\n", 2); break;
    case '\r': ref_put(o, "\\r", 2); break;
    case '\t': ref_put(o, "\\t", 2); break;
    case '\b': ref_put(o, "\\b", 2); break;
    case '\f': ref_put(o, "\\f", 2); break;
    default:
        snprintf(esc, sizeof esc, "\\u%04x", c);
        ref_put(o, esc, strlen(esc));
    }
}

/* The earlier UTF-8 check: length of the valid sequence at s (1–4), or 0. */
static size_t ref_utf8_seq(const unsigned char *s, size_t left)
{
    if (s[0] < 0x80) return 1;
    size_t n = s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 && s[0] < 0xE0 ? 2 : 0;
    if (n == 0 || n > left) return 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80) return 0;
    return n;
}

/* The earlier Lua-string writer, as it was: invalid UTF-8 bytes become
 * U+FFFD. */
static void ref_lua_string(struct ref_out *o, const char *s, size_t n)
{
    ref_put(o, "\"", 1);
    size_t run = 0; /* bytes copied as they are, flushed in one put */
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t len = c < 0x80 ? (c >= 0x20 && c != '"' && c != '\\') : ref_utf8_seq((const unsigned char *)s + i, n - i);
        if (len > 0 && (c >= 0x80 || len == 1)) {
            if (c < 0x80) {
                run++;
                i++;
                continue;
            }
            ref_put(o, s + i - run, run);
            run = 0;
            ref_put(o, s + i, len);
            i += len;
            continue;
        }
        ref_put(o, s + i - run, run);
        run = 0;
        if (c >= 0x80)
            ref_put(o, "\xEF\xBF\xBD", 3);
        else
            ref_escape(o, c);
        i++;
    }
    ref_put(o, s + n - run, run);
    ref_put(o, "\"", 1);
}

/* The earlier jansson-string writer, byte by byte. */
static void ref_string(struct ref_out *o, const char *s, size_t n)
{
    ref_put(o, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == '"' || c == '\\')
            ref_escape(o, c);
        else
            ref_put(o, s + i, 1);
    }
    ref_put(o, "\"", 1);
}

/* A random string mixing plain ASCII, quotes, backslashes, controls, valid
 * 2-, 3- and 4-byte sequences, stray bytes ≥ 0x80 and cut sequences. */
static size_t random_string(char *s, size_t cap)
{
    static const char *const pieces[] = {
        "\"", "\\", "\n", "\t", "\r", "\b", "\f", "\x01", "\x1f", "\x7f", "", "/",
        "\xC3\xA9", "\xCE\xB3", "\xE2\x88\x9A", "\xE2\x80\x94", "\xF0\x9F\x98\x80", "\xF4\x8F\xBF\xBF",
        "\xC0\x80", "\xC1\xBF", "\xED\xA0\x80", "\xF5\x80\x80\x80", "\xE2\x88", "\xF0\x9F\x98", "\xC3",
    };
    size_t n = 0, len = next_u64() % 64;
    while (n < len && n + 8 < cap) {
        uint64_t r = next_u64();
        switch (r % 8) {
        case 0: case 1: case 2: { /* a run of plain ASCII */
            size_t run = 1 + (r >> 8) % 40;
            for (size_t i = 0; i < run && n + 8 < cap; i++)
                s[n++] = (char)(0x20 + (next_u64() % 95));
            break;
        }
        case 3: case 4: {
            const char *p = pieces[(r >> 8) % (sizeof pieces / sizeof pieces[0])];
            size_t pl = strlen(p) + (*p == '\0'); /* "" stands for a NUL byte */
            memcpy(s + n, p, pl);
            n += pl;
            break;
        }
        default: /* any byte */
            s[n++] = (char)(r >> 16);
        }
    }
    return n;
}

/* Compares both writers with the references on s[0..n). */
static void same_strings(lua_State *L, const char *s, size_t n)
{
    char err[128];
    struct ref_out want = { NULL, 0, 0 };
    ref_lua_string(&want, s, n);
    lua_pushlstring(L, s, n);
    char *got = encode_copy(L, -1, 0, err, sizeof err);
    lua_pop(L, 1);
    assert_non_null(got);
    assert_int_equal(strlen(got), want.len);
    assert_memory_equal(got, want.buf, want.len);
    free(got);
    want.len = 0;
    ref_string(&want, s, n);
    json_t *j = json_stringn_nocheck(s, n);
    got = taf_json_dumps(j, 0);
    json_decref(j);
    assert_non_null(got);
    assert_int_equal(strlen(got), want.len);
    assert_memory_equal(got, want.buf, want.len);
    free(got);
    free(want.buf);
}

static void test_strings(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    assert_non_null(L);
    char s[160];
    for (int i = 0; i < 200000; i++) {
        size_t n = random_string(s, sizeof s);
        if (i % 4 == 3) /* cut at a random point: sequences broken at the end */
            n = n ? next_u64() % n : 0;
        same_strings(L, s, n);
    }
    lua_close(L);
}

/* Plain runs of every length up to 40 with one special byte (or sequence)
 * at every position: the 8-byte scan must stop exactly there. */
static void test_string_positions(void **state)
{
    (void)state;
    static const char *const specials[] = {
        "", "\x1f", "\x20", "\"", "\\", "!", "#", "[", "]", "\x7f", "\x80", "\xff", "\xc3\xa9",
        "\xe2\x88\x9a", "\xf0\x9f\x98\x80", "\xc3", "\xe2\x88", "\x01\x02",
    };
    lua_State *L = luaL_newstate();
    assert_non_null(L);
    char s[64];
    for (size_t len = 0; len <= 40; len++)
        for (size_t k = 0; k < sizeof specials / sizeof specials[0]; k++)
            for (size_t at = 0; at <= len; at++) {
                size_t sl = strlen(specials[k]) + (specials[k][0] == '\0'); /* "" is a NUL byte */
                for (size_t i = 0; i < len; i++)
                    s[i] = (char)('a' + i % 26);
                memmove(s + at + sl, s + at, len - at);
                memcpy(s + at, specials[k], sl);
                same_strings(L, s, len + sl);
            }
    lua_close(L);
}

/* The totals: how many values were compared. */
static void test_counted(void **state)
{
    (void)state;
    assert_true(checked_reals > 2000000 + 1000000 + 1000000);
}

int main(void)
{
    rng_seed(0x2545F4914F6CDD1Du);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_bit_patterns),
        cmocka_unit_test(test_decimal_looking),
        cmocka_unit_test(test_ties),
        cmocka_unit_test(test_powers),
        cmocka_unit_test(test_subnormals),
        cmocka_unit_test(test_special_values),
        cmocka_unit_test(test_encoders_use_it),
        cmocka_unit_test(test_integers),
        cmocka_unit_test(test_strings),
        cmocka_unit_test(test_string_positions),
        cmocka_unit_test(test_counted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* JSON text: jansson trees (taf_json_dumps) in their key order, and the
 * primitives every JSON writer shares (json_write.h): reals in their shortest
 * round-trip form, strings always valid UTF-8. The Lua value encoder
 * (taf.json.encode, --json output, sweep rows) is lua/json_lua.c. */
#include "json.h"
#include "json_write.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ── Reals: the shortest of "%.15g", "%.16g", "%.17g" that reads back ─── */

/* A positive double's decimal form to `n` significant digits:
 * d1.d2…dn × 10^exp (dig[0] is never '0'). */
struct decimal {
    char dig[17];
    int n;
    int exp;
};

/* |a| (finite, non-zero) correctly rounded to n significant digits, as
 * printf's "%.{n-1}e" (and so "%.{n}g") rounds it. */
static void decimal_printf(double a, int n, struct decimal *d)
{
    char buf[40];
    snprintf(buf, sizeof buf, "%.*e", n - 1, fabs(a));
    const char *p = buf;
    d->dig[0] = *p++;
    if (*p == '.')
        p++;
    for (int i = 1; i < n; i++)
        d->dig[i] = *p++;
    p++; /* 'e' */
    int neg = *p++ == '-', x = 0;
    while (*p >= '0' && *p <= '9')
        x = x * 10 + (*p++ - '0');
    d->n = n;
    d->exp = neg ? -x : x;
}

/* `from` (17 digits, the exact value correctly rounded) rounded to n < 17
 * digits into `to`. Rounding a rounded string equals rounding the exact value
 * except when the dropped digits read as an exact tie ("50" of two, "5" of
 * one): the exact value may lie on either side, so 0 is returned and the
 * caller asks printf. */
static int decimal_round(const struct decimal *from, int n, struct decimal *to)
{
    int rest = 0; /* a non-zero digit after the first dropped one */
    for (int i = n + 1; i < from->n; i++)
        rest |= from->dig[i] != '0';
    if (from->dig[n] == '5' && !rest)
        return 0;
    memcpy(to->dig, from->dig, (size_t)n);
    to->n = n;
    to->exp = from->exp;
    if (from->dig[n] >= '5') {
        int i = n - 1;
        while (i >= 0 && to->dig[i] == '9')
            to->dig[i--] = '0';
        if (i >= 0) {
            to->dig[i]++;
        } else { /* 99…9 rounds up to 10…0: one more decade */
            to->dig[0] = '1';
            to->exp++;
        }
    }
    return 1;
}

/* Does the decimal read back (strtod) to the positive double `v`? A
 * mantissa m ≤ 2^53 and a power 10^k with |k| ≤ 22 are both exact doubles, so
 * m·10^k or m/10^-k, rounded once, is the correctly rounded value strtod
 * returns; any other case asks strtod itself. */
static int decimal_reads_back(const struct decimal *d, double v)
{
    unsigned long long m = 0;
    for (int i = 0; i < d->n; i++)
        m = m * 10 + (unsigned long long)(d->dig[i] - '0');
    int k = d->exp - (d->n - 1);
#if defined(FLT_EVAL_METHOD) && FLT_EVAL_METHOD == 0 /* no excess precision: one rounding */
    static const double exact_pow10[] = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    if (m <= (1ull << 53) && k >= -22 && k <= 22)
        return (k >= 0 ? (double)m * exact_pow10[k] : (double)m / exact_pow10[-k]) == v;
#endif
    char buf[40];
    snprintf(buf, sizeof buf, "%llue%d", m, k);
    return strtod(buf, NULL) == v;
}

/* Write `d` (negative when `neg`) as printf's "%.{d->n}g" does: fixed when
 * n > exp ≥ -4, else d.ddde±XX; trailing zeros and a trailing point
 * dropped. A text with neither point nor exponent gets ".0" to stay a real.
 * Returns the length; `out` needs 27 bytes. */
static size_t decimal_format(char *out, int neg, const struct decimal *d)
{
    char *p = out;
    int n = d->n, x = d->exp;
    while (n > 1 && d->dig[n - 1] == '0')
        n--;
    if (neg)
        *p++ = '-';
    if (x < d->n && x >= 0) {
        for (int i = 0; i <= x; i++)
            *p++ = i < n ? d->dig[i] : '0';
        *p++ = '.';
        if (n > x + 1) {
            memcpy(p, d->dig + x + 1, (size_t)(n - x - 1));
            p += n - x - 1;
        } else {
            *p++ = '0'; /* 8000000000 → 8000000000.0 */
        }
    } else if (x < 0 && x >= -4) {
        *p++ = '0';
        *p++ = '.';
        for (int i = 0; i < -x - 1; i++)
            *p++ = '0';
        memcpy(p, d->dig, (size_t)n);
        p += n;
    } else {
        *p++ = d->dig[0];
        if (n > 1) {
            *p++ = '.';
            memcpy(p, d->dig + 1, (size_t)(n - 1));
            p += n - 1;
        }
        *p++ = 'e';
        *p++ = x < 0 ? '-' : '+';
        unsigned ax = (unsigned)(x < 0 ? -x : x);
        if (ax >= 100) {
            *p++ = (char)('0' + ax / 100);
            ax %= 100;
        }
        *p++ = (char)('0' + ax / 10);
        *p++ = (char)('0' + ax % 10);
    }
    *p = '\0';
    return (size_t)(p - out);
}

/* A whole number below 10^15 (byte counts, lengths) digit by digit, as
 * "%.15g" writes it (taf_fmt_fixed to 0 places, "-0" for -0.0), plus ".0".
 * Returns the length. */
static size_t whole_format(char *out, double v)
{
    int n = taf_fmt_fixed(out, v, 0); /* |v| < 10^15 < 2^50, whole: never declined */
    memcpy(out + n, ".0", 3);
    return (size_t)n + 2;
}

#ifdef __SIZEOF_INT128__
/* ── The same digits without printf or strtod, in exact integers ──────── */

__extension__ typedef unsigned __int128 u128;

/* |a|·10^s as exact integer fractions over one denominator: the value
 * num/den and the gap to the next double up (2^e·10^s) unit/den; den is
 * 2^shift when shift ≥ 0. */
struct scaled {
    u128 num, den, unit;
    int shift;
};

/* Bits enough for 5^k (k ≥ 0): 5^k < 2^(7k/3 + 1). */
static int pow5_bits(int k)
{
    return 7 * k / 3 + 1;
}

/* m·2^e·10^s = m·5^s·2^(e+s) into *sc; 0 when 125 bits cannot hold it. */
static int scale_exact(uint64_t m, int e, int s, struct scaled *sc)
{
    static const uint64_t pow5[28] = {
        1ull, 5ull, 25ull, 125ull, 625ull, 3125ull, 15625ull, 78125ull, 390625ull,
        1953125ull, 9765625ull, 48828125ull, 244140625ull, 1220703125ull,
        6103515625ull, 30517578125ull, 152587890625ull, 762939453125ull,
        3814697265625ull, 19073486328125ull, 95367431640625ull,
        476837158203125ull, 2384185791015625ull, 11920928955078125ull,
        59604644775390625ull, 298023223876953125ull, 1490116119384765625ull,
        7450580596923828125ull,
    };
    if (s > 27 || s < -27)
        return 0;
    int t = e + s; /* the power of two left once 10^s = 5^s·2^s */
    int unit_bits = (s > 0 ? pow5_bits(s) : 0) + (t > 0 ? t : 0);
    int den_bits = (s < 0 ? pow5_bits(-s) : 0) + (t < 0 ? -t : 0);
    if (53 + unit_bits > 125 || den_bits > 125)
        return 0;
    sc->unit = s > 0 ? pow5[s] : 1;
    sc->den = s < 0 ? pow5[-s] : 1;
    if (t > 0)
        sc->unit <<= t;
    else
        sc->den <<= -t;
    sc->shift = s >= 0 ? (t < 0 ? -t : 0) : -1;
    sc->num = sc->unit * m;
    return 1;
}

/* a = m·2^e (m a normal double's 53-bit mantissa) rounded to n significant
 * digits, half to even as printf rounds, into *d; *back says whether that
 * decimal reads back to a (strtod: nearest double, ties to the even
 * mantissa). *x is floor(log10 a), possibly one off on entry, exact on
 * return. 0 when 125-bit integers cannot hold the scaled value. */
static int decimal_exact(uint64_t m, int e, int *x, int n, struct decimal *d, int *back)
{
    static const uint64_t pow10_u64[18] = {
        1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull,
        100000000ull, 1000000000ull, 10000000000ull, 100000000000ull, 1000000000000ull,
        10000000000000ull, 100000000000000ull, 1000000000000000ull,
        10000000000000000ull, 100000000000000000ull,
    };
    struct scaled sc;
    u128 q, r;
    for (int tries = 0;; tries++) {
        if (tries == 3 || !scale_exact(m, e, n - 1 - *x, &sc))
            return 0;
        if (sc.shift >= 0) {
            q = sc.num >> sc.shift;
            r = sc.num & (sc.den - 1);
        } else {
            q = sc.num / sc.den;
            r = sc.num % sc.den;
        }
        if (q >= pow10_u64[n]) /* x one off: scale again */
            ++*x;
        else if (q < pow10_u64[n - 1])
            --*x;
        else
            break;
    }
    if (2 * r > sc.den || (2 * r == sc.den && (q & 1)))
        q++;
    /* q·10^-s against a·10^-s = num/den: within half the gap on its side
     * (a quarter of unit below a power of two), or on it with m even */
    u128 qd = q * sc.den;
    u128 diff4 = 4 * (qd > sc.num ? qd - sc.num : sc.num - qd);
    u128 gap4 = qd < sc.num && m == 1ull << 52 ? sc.unit : 2 * sc.unit;
    *back = diff4 < gap4 || (diff4 == gap4 && !(m & 1));
    d->n = n;
    d->exp = *x;
    if (q == pow10_u64[n]) { /* 99…9 rounded up to 10…0: one more decade */
        q = pow10_u64[n - 1];
        d->exp++;
    }
    uint64_t digits = (uint64_t)q;
    for (int i = n - 1; i >= 0; i--, digits /= 10)
        d->dig[i] = (char)('0' + digits % 10);
    return 1;
}

/* The shortest of the 15-, 16- and 17-digit forms that reads back, into
 * *d, for a normal positive a; 0 when a is outside the exact range (about
 * 1e-11 to 1e41). */
static int shortest_exact(double a, struct decimal *d)
{
    uint64_t bits;
    memcpy(&bits, &a, sizeof bits);
    int biased = (int)(bits >> 52 & 0x7FF);
    if (biased == 0 || biased == 0x7FF)
        return 0;
    uint64_t m = (bits & ((1ull << 52) - 1)) | 1ull << 52;
    int e = biased - 1075;
    int x = (int)floor((e + 52) * 0.30102999566398120); /* a ≥ 2^(e+52) */
    int back;
    for (int n = 15; n < 17; n++) {
        if (!decimal_exact(m, e, &x, n, d, &back))
            return 0;
        if (back)
            return 1;
    }
    return decimal_exact(m, e, &x, 17, d, &back);
}
#endif

/* The shortest "%.Ng" (N = 15…17) that reads back to the same double, ".0"
 * appended when it reads as an integer, "null" when not finite. Exact
 * integer arithmetic when the value fits it; otherwise one printf gives the
 * 17 correctly rounded digits and the 15- and 16-digit candidates are
 * rounded from them (printf again only for a tie-looking tail). */
size_t taf_json_real(char out[40], double v)
{
    if (!isfinite(v)) {
        memcpy(out, "null", 5);
        return 4;
    }
    if (v == floor(v) && fabs(v) < 1e15)
        return whole_format(out, v);
    double a = fabs(v);
    struct decimal d17, d;
#ifdef __SIZEOF_INT128__
    if (shortest_exact(a, &d))
        return decimal_format(out, signbit(v) != 0, &d);
#endif
    decimal_printf(a, 17, &d17);
    if (!decimal_round(&d17, 15, &d))
        decimal_printf(a, 15, &d);
    if (!decimal_reads_back(&d, a)) {
        if (!decimal_round(&d17, 16, &d))
            decimal_printf(a, 16, &d);
        if (!decimal_reads_back(&d, a))
            d = d17;
    }
    return decimal_format(out, signbit(v) != 0, &d);
}

void taf_json_put_real(struct taf_json_out *o, double v)
{
    char buf[40];
    taf_json_put(o, buf, taf_json_real(buf, v));
}

/* Are the 8 bytes at s all plain ASCII, copied as they are into a JSON
 * string: 0x20–0x7F except quote and backslash? (Each test is the exact
 * "some byte is zero / below n" word trick.) */
static int plain8(const char *s)
{
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    uint64_t w, quote, bslash;
    memcpy(&w, s, sizeof w);
    quote = w ^ (ones * '"');
    bslash = w ^ (ones * '\\');
    return ((w | ((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) | ((bslash - ones) & ~bslash)) & high) == 0;
}

/* The escape of an ASCII byte JSON does not take as it is: quote, backslash
 * or a control character. */
static void put_escape(struct taf_json_out *o, unsigned char c)
{
    char esc[8];
    switch (c) {
    case '"': taf_json_puts(o, "\\\""); break;
    case '\\': taf_json_puts(o, "\\\\"); break;
    case '\n': taf_json_puts(o, "\\n"); break;
    case '\r': taf_json_puts(o, "\\r"); break;
    case '\t': taf_json_puts(o, "\\t"); break;
    case '\b': taf_json_puts(o, "\\b"); break;
    case '\f': taf_json_puts(o, "\\f"); break;
    default: /* the other controls, below 0x20: \u00XX */
        memcpy(esc, "\\u00", 4);
        esc[4] = "0123456789abcdef"[c >> 4];
        esc[5] = "0123456789abcdef"[c & 15];
        taf_json_put(o, esc, 6);
    }
}

/* A UTF-8 string (jansson's) as a JSON string: runs of bytes that need no
 * escape are copied in one put. */
static void put_string(struct taf_json_out *o, const char *s, size_t n)
{
    taf_json_put(o, "\"", 1);
    size_t start = 0; /* first byte of the pending run */
    for (size_t i = 0; i < n; i++) {
        while (n - i >= 8 && plain8(s + i))
            i += 8;
        if (i == n)
            break;
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == '"' || c == '\\') {
            taf_json_put(o, s + start, i - start);
            put_escape(o, c);
            start = i + 1;
        }
    }
    taf_json_put(o, s + start, n - start);
    taf_json_put(o, "\"", 1);
}

static void write_value(struct taf_json_out *o, const json_t *j, int indent, int level)
{
    switch (json_typeof(j)) {
    case JSON_OBJECT: {
        if (json_object_size(j) == 0) {
            taf_json_puts(o, "{}");
            break;
        }
        taf_json_put(o, "{", 1);
        const char *key;
        json_t *v;
        int first = 1;
        json_object_foreach((json_t *)j, key, v) {
            if (!first)
                taf_json_put(o, ",", 1);
            first = 0;
            taf_json_newline(o, indent, level + 1);
            put_string(o, key, strlen(key));
            taf_json_puts(o, indent > 0 ? ": " : ":");
            write_value(o, v, indent, level + 1);
        }
        taf_json_newline(o, indent, level);
        taf_json_put(o, "}", 1);
        break;
    }
    case JSON_ARRAY: {
        if (json_array_size(j) == 0) {
            taf_json_puts(o, "[]");
            break;
        }
        taf_json_put(o, "[", 1);
        size_t i;
        json_t *v;
        json_array_foreach((json_t *)j, i, v) {
            if (i > 0)
                taf_json_put(o, ",", 1);
            taf_json_newline(o, indent, level + 1);
            write_value(o, v, indent, level + 1);
        }
        taf_json_newline(o, indent, level);
        taf_json_put(o, "]", 1);
        break;
    }
    case JSON_STRING:
        put_string(o, json_string_value(j), json_string_length(j));
        break;
    case JSON_INTEGER:
        taf_json_put_int(o, (long long)json_integer_value(j));
        break;
    case JSON_REAL:
        taf_json_put_real(o, json_real_value(j));
        break;
    case JSON_TRUE:
        taf_json_puts(o, "true");
        break;
    case JSON_FALSE:
        taf_json_puts(o, "false");
        break;
    default:
        taf_json_puts(o, "null");
    }
}

char *taf_json_dumps(const json_t *j, int indent)
{
    struct taf_json_out o = { NULL, 0, 0, 0, 0 };
    write_value(&o, j, indent, 0);
    if (o.failed) {
        free(o.buf);
        return NULL;
    }
    return o.buf;
}

/* ── Strings of any origin (Lua's) ───────────────────────────────────── */

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

static void put_utf8_runs(struct taf_json_out *o, const char *s, size_t n);

/* Room for `n` more bytes and the NUL, grown as taf_json_put grows it: 1, or
 * 0 with nothing changed when that would pass the bound or memory runs out. */
static int reserve(struct taf_json_out *o, size_t n)
{
    if (o->failed || (o->max > 0 && n > o->max - o->len) || n > SIZE_MAX / 4 - o->len)
        return 0;
    if (o->len + n + 1 <= o->cap)
        return 1;
    size_t cap = o->cap ? o->cap : 256;
    while (cap < o->len + n + 1)
        cap *= 2;
    char *grown = realloc(o->buf, cap);
    if (grown == NULL)
        return 0;
    o->buf = grown;
    o->cap = cap;
    return 1;
}

/* The bytes put_escape writes for ASCII byte c, at d; returns how many. */
static size_t escape_at(char *d, unsigned char c)
{
    static const char hex[] = "0123456789abcdef";
    char e = c == '"' ? '"' : c == '\\' ? '\\' : c == '\n' ? 'n' : c == '\r' ? 'r' : c == '\t' ? 't'
             : c == '\b' ? 'b' : c == '\f' ? 'f' : 0;
    d[0] = '\\';
    if (e != 0) {
        d[1] = e;
        return 2;
    }
    memcpy(d + 1, "u00", 3);
    d[4] = hex[c >> 4];
    d[5] = hex[c & 15];
    return 6;
}

/* Invalid UTF-8 bytes become U+FFFD. With room for the worst case (every
 * byte escaped as \u00XX), written straight into the buffer; otherwise runs
 * of plain ASCII and valid UTF-8 sequences are copied in one put, so a bound
 * stops the text exactly where it did. */
void taf_json_put_utf8(struct taf_json_out *o, const char *s, size_t n)
{
    if (n <= SIZE_MAX / 8 && reserve(o, 6 * n + 2)) {
        const unsigned char *u = (const unsigned char *)s;
        char *d = o->buf + o->len;
        *d++ = '"';
        for (size_t i = 0; i < n;) {
            if (n - i >= 8 && plain8(s + i)) {
                memcpy(d, s + i, 8);
                d += 8, i += 8;
                continue;
            }
            if (n - i < 8) { /* the last bytes (most keys are all of it), padded with plain spaces */
                char tail[8] = "        ";
                memcpy(tail, s + i, n - i);
                if (plain8(tail)) { /* all 8 stored: the room reserved holds 6·(n − i) + 2 ≥ 8 more */
                    memcpy(d, tail, 8);
                    d += n - i, i = n;
                    continue;
                }
            }
            unsigned char c = u[i];
            while (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') { /* plain bytes up to the one that is not */
                *d++ = (char)c;
                if (++i == n)
                    break;
                c = u[i];
            }
            if (i == n)
                break;
            if (c < 0x80) {
                d += escape_at(d, c), i++;
            } else {
                size_t len = utf8_seq(u + i, n - i);
                if (len > 0) {
                    for (size_t k = 0; k < len; k++)
                        d[k] = s[i + k];
                    d += len, i += len;
                } else {
                    memcpy(d, "\xEF\xBF\xBD", 3);
                    d += 3, i++;
                }
            }
        }
        *d++ = '"';
        o->len = (size_t)(d - o->buf);
        o->buf[o->len] = '\0';
        return;
    }
    put_utf8_runs(o, s, n);
}

static void put_utf8_runs(struct taf_json_out *o, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    taf_json_put(o, "\"", 1);
    size_t start = 0; /* first byte of the pending run */
    for (size_t i = 0; i < n;) {
        if (n - i >= 8 && plain8(s + i)) {
            i += 8;
            continue;
        }
        unsigned char c = u[i];
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            i++;
            continue;
        }
        size_t len = c >= 0x80 ? utf8_seq(u + i, n - i) : 0;
        if (len > 0) {
            i += len;
            continue;
        }
        taf_json_put(o, s + start, i - start);
        if (c >= 0x80)
            taf_json_puts(o, "\xEF\xBF\xBD");
        else
            put_escape(o, c);
        start = ++i;
    }
    taf_json_put(o, s + start, n - start);
    taf_json_put(o, "\"", 1);
}

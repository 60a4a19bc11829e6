/* Fixed-point number text (numfmt.h).
 *
 * Why the result is exact when it is not declined: 10^prec is a double
 * exactly for prec ≤ 15, so s = fl(|x|·10^prec) is within half an ulp of the
 * true product t. For s < 2^50 that ulp is at most 2^-3, and s − floor(s) is
 * computed exactly. Printf rounds t to the nearest integer (ties to even,
 * on the exact binary value); s rounds to the same integer unless a half-
 * integer lies between s and t, which cannot happen when s is more than one
 * ulp away from floor(s) + ½: those cases are declined. */
#include "numfmt.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

static const double POW10[16] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
                                  1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };

static int utoa(char *out, uint64_t v)
{
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    for (int i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    return n;
}

int taf_fmt_int(char *out, long long v)
{
    if (v < 0) {
        out[0] = '-';
        return 1 + utoa(out + 1, 0 - (uint64_t)v);
    }
    return utoa(out, (uint64_t)v);
}

int taf_fmt_fixed(char *out, double x, int prec)
{
    if (!isfinite(x) || prec < 0 || prec > 15)
        return -1;
    double s = fabs(x) * POW10[prec];
    if (!(s < 0x1p50))
        return -1;
    double fl = floor(s);
    double frac = s - fl;
    double ulp = nextafter(s, INFINITY) - s;
    if (fabs(frac - 0.5) <= ulp)
        return -1;
    uint64_t r = (uint64_t)fl + (frac > 0.5);
    uint64_t scale = (uint64_t)POW10[prec];
    int n = 0;
    if (signbit(x))
        out[n++] = '-';
    n += utoa(out + n, r / scale);
    if (prec > 0) {
        out[n++] = '.';
        uint64_t f = r % scale;
        for (int i = prec - 1; i >= 0; i--) {
            out[n + i] = (char)('0' + f % 10);
            f /= 10;
        }
        n += prec;
    }
    return n;
}

void taf_group_digits(const char *raw, char *buf, size_t size)
{
    size_t used = 0;
    if (size == 0)
        return;
    if (*raw == '-' && used + 1 < size) {
        buf[used++] = '-';
        raw++;
    }
    size_t n = strcspn(raw, ".");
    for (size_t i = 0; i < n && used + 2 < size; i++) {
        buf[used++] = raw[i];
        if ((n - 1 - i) % 3 == 0 && i + 1 < n)
            buf[used++] = ',';
    }
    for (const char *f = raw + n; *f && used + 1 < size; f++)
        buf[used++] = *f;
    buf[used] = '\0';
}

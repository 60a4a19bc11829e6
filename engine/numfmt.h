/* Fixed-point number text without printf, for the hot string.format calls
 * of recipe interpretations ("%.2f GB per request"). Exact or declined:
 * the result is byte-for-byte what C's "%.<prec>f" prints, or the function
 * says it cannot be sure and the caller falls back to printf. */
#ifndef TAF_NUMFMT_H
#define TAF_NUMFMT_H

#include <stddef.h>

/* printf("%.<prec>f", x) into out (no terminator); the length, or -1 when
 * declined: x not finite, prec > 15, |x|·10^prec ≥ 2^50, or x·10^prec so close
 * to a rounding tie that the double product cannot decide it. `out` needs
 * 40 bytes. */
int taf_fmt_fixed(char *out, double x, int prec);

/* printf("%lld", v) into out (no terminator, 21 bytes); the length. */
int taf_fmt_int(char *out, long long v);

/* The digits of `raw` (optionally after a '-', and before an optional
 * fraction '.…', kept as it is) grouped by thousands into buf (always
 * terminated): "34359738368" → "34,359,738,368", "-1234.50" → "-1,234.50". */
void taf_group_digits(const char *raw, char *buf, size_t size);

#endif

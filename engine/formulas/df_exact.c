/* Exact discrete D_f. Partial sums H(D) = Σ_{d≤D} d^−γ come from a short
 * direct head plus an Euler–Maclaurin tail (a Hurwitz-zeta style expansion
 * with Bernoulli terms), a bisection on D finds the crossing, and the last
 * few terms are then added one by one onto a sum taken safely below it, so
 * the answer is decided as a cumulative pass over d = 1..N decides it. */
#include "formulas/df_exact.h"

#include <math.h>

#define DIRECT_LIMIT 4096 /* N up to this: one cumulative pass, no bisection */
#define EM_FROM 16        /* the Euler–Maclaurin tail never starts below this term */
#define WALK 8            /* terms re-added one by one below the crossing */
#define NEGLIGIBLE_LOG 700.0 /* e^−700 ≈ 1e−304: terms this far below the largest are dropped */

/* How terms are scaled so that no sum overflows: one constant factor for the
 * whole series, which does not move the crossing. */
enum scale {
    PLAIN, /* d^−γ                                        */
    POW2,  /* (d·2^−e)^−γ: exact rescaling, γ < 0         */
    RATIO, /* (d/N)^−γ: γ < −1000, top term 1             */
};

struct series {
    double gamma, k, g; /* k = −γ, g = 1 − γ                                      */
    enum scale scale;
    int e;              /* POW2 exponent, 2^e > N                                  */
    double N;           /* RATIO denominator                                      */
    int exact_k;        /* γ = −exact_k ∈ {0, −1, −2, −3} with H(N) < 2^53: integer sums; −1 otherwise */
    int tail;           /* 0 when every term from m0 on is below the rounding of H */
    int64_t lo, m0;     /* terms below lo are negligible; Euler–Maclaurin from m0  */
    double head, head_c; /* Σ_{lo ≤ d < m0}, compensated                          */
};

/* Largest n for which Σ_{d≤n} d^k stays below 2^53 (and its formula below 2^64). */
static const int64_t EXACT_MAX[] = { INT64_C(9007199254740992), 134217727, 290000, 13000 };

static double exact_term(int k, int64_t d)
{
    uint64_t u = (uint64_t)d, t = 1;
    for (int i = 0; i < k; i++)
        t *= u;
    return (double)t;
}

/* Faulhaber: Σ_{d≤n} d^k for k = 0..3, in exact integers. */
static double exact_sum(int k, int64_t n)
{
    uint64_t u = (uint64_t)n, t;
    switch (k) {
    case 0:
        return (double)u;
    case 1:
        return (double)(u * (u + 1) / 2);
    case 2:
        return (double)(u * (u + 1) * (2 * u + 1) / 6);
    default:
        t = u * (u + 1) / 2;
        return (double)(t * t);
    }
}

static double term(const struct series *s, double x)
{
    switch (s->scale) {
    case POW2:
        return pow(ldexp(x, -s->e), s->k);
    case RATIO:
        return pow(x / s->N, s->k);
    default:
        return pow(x, s->k);
    }
}

/* Neumaier's compensated addition: (*sum + *c) += t. */
static void add(double *sum, double *c, double t)
{
    double s = *sum + t;
    *c += fabs(*sum) >= fabs(t) ? (*sum - s) + t : (t - s) + *sum;
    *sum = s;
}

static double direct_sum(const struct series *s, int64_t from, int64_t to, double *c)
{
    double sum = 0;
    *c = 0;
    for (int64_t d = from; d <= to; d++)
        add(&sum, c, term(s, (double)d));
    return sum;
}

static void series_init(struct series *s, double gamma, int64_t N)
{
    s->gamma = gamma;
    s->k = -gamma;
    s->g = 1 - gamma;
    s->scale = PLAIN;
    s->e = 0;
    s->N = (double)N;
    s->exact_k = -1;
    s->tail = 1;
    s->lo = 1;
    s->m0 = EM_FROM;
    for (int k = 0; k <= 3; k++)
        if (gamma == -k && N <= EXACT_MAX[k])
            s->exact_k = k;
    if (gamma < 0) {
        /* the Bernoulli series converges from about m0 ≥ k/π on: start at 2k */
        double k = s->k, m0 = fmax(EM_FROM, 2 * ceil(k));
        if (k > 1000) {
            s->scale = RATIO;
            double lo = floor(s->N * exp(-NEGLIGIBLE_LOG / k));
            s->lo = lo < 1 ? 1 : (int64_t)lo;
        } else if ((k + 1) * log2(s->N) > 1000) {
            s->scale = POW2;
            s->e = ilogb(s->N) + 1;
        }
        s->m0 = m0 >= s->N ? N : (int64_t)m0;
        if (s->m0 < s->lo)
            s->m0 = s->lo;
    } else if (gamma > 40) {
        s->tail = 0; /* Σ_{d≥16} d^−γ < 1e−46 while H ≥ 1 */
    }
    s->head = s->exact_k >= 0 ? 0 : direct_sum(s, s->lo, s->m0 - 1, &s->head_c);
}

/* ∫_m^n f(x) dx for the scaled f: m·f(m)·((n/m)^g − 1)/g, written to stay
 * accurate both near g = 0 (γ ≈ 1) and for large g·ln(n/m). */
static double integral(const struct series *s, double m, double fm, double n, double fn)
{
    double g = s->g, l = log1p((n - m) / m), gl = g * l;
    if (fabs(gl) < 1e-8)
        return m * fm * l * (1 + gl / 2);
    if (fabs(gl) < 0.5)
        return m * fm * expm1(gl) / g;
    return (n * fn - m * fm) / g;
}

/* Σ_{d=m..n} f(d) = ∫_m^n f + (f(m)+f(n))/2 + Σ_j B_2j/(2j)! (f^(2j−1)(n) − f^(2j−1)(m)),
 * with f^(j)(x) = (−γ)(−γ−1)…(−γ−j+1)·f(x)/x^j kept as one running product. */
static double euler_maclaurin(const struct series *s, int64_t m, int64_t n, double *c)
{
    static const double bernoulli[] = { /* B_2j/(2j)!, j = 1..7 */
        1.0 / 12, -1.0 / 720, 1.0 / 30240, -1.0 / 1209600, 1.0 / 47900160,
        -691.0 / 1307674368000.0, 7.0 / 523069747200.0,
    };
    double xm = (double)m, xn = (double)n, fm = term(s, xm), fn = term(s, xn);
    double sum = integral(s, xm, fm, xn, fn);
    *c = 0;
    add(&sum, c, (fm + fn) / 2);
    double dm = s->k * fm / xm, dn = s->k * fn / xn, corr = 0; /* first derivatives */
    for (int j = 0; j < 7; j++) {
        corr += bernoulli[j] * (dn - dm);
        double a = s->k - (2 * j + 1), b = s->k - (2 * j + 2); /* two more derivative orders */
        dm *= a * b / (xm * xm);
        dn *= a * b / (xn * xn);
    }
    add(&sum, c, corr);
    return sum;
}

/* H(n) in the series' scale. */
static double partial_sum(const struct series *s, int64_t n)
{
    double c1, c2;
    if (n < s->lo)
        return 0;
    if (s->exact_k >= 0)
        return exact_sum(s->exact_k, n);
    if (!s->tail && n >= s->m0)
        n = s->m0 - 1;
    if (n < s->m0 + EM_FROM)
        return direct_sum(s, s->lo, n, &c1) + c1;
    double sum = s->head;
    c1 = 0;
    add(&sum, &c1, euler_maclaurin(s, s->m0, n, &c2));
    return sum + (s->head_c + c1 + c2);
}

static double next_term(const struct series *s, int64_t d)
{
    return s->exact_k >= 0 ? exact_term(s->exact_k, d) : term(s, (double)d);
}

/* First d in (from, N] where a cumulative sum started at H(from) = start reaches target. */
static int64_t walk(const struct series *s, int64_t from, double start, int64_t N, double target, int64_t limit)
{
    double sum = start, c = 0;
    for (int64_t d = from + 1; d <= N && d <= limit; d++) {
        add(&sum, &c, next_term(s, d));
        if (sum + c >= target)
            return d;
    }
    return -1;
}

/* The bisection compares independently rounded sums. Re-decide its answer D
 * from a base below the crossing, adding the terms one at a time. */
static int64_t confirm(const struct series *s, int64_t D, int64_t N, double target)
{
    int64_t back = WALK, base;
    double h;
    for (;;) {
        base = D > back ? D - back : 0;
        h = partial_sum(s, base);
        if (base == 0 || h < target)
            break;
        back *= 2; /* the bisection stopped late: start further back */
    }
    int64_t d = walk(s, base, h, N, target, D + 8 * WALK);
    return d > 0 ? d : D;
}

int64_t taf_df_exact(double gamma, int64_t N, double f)
{
    if (isnan(gamma) || isnan(f))
        return -1;
    if (N <= 1 || f <= 0 || gamma == INFINITY)
        return 1; /* H(1) = 1 already reaches f·H(N) */
    if (f >= 1 || gamma == -INFINITY)
        return N; /* every term is positive: only the full sum reaches it */
    struct series s;
    series_init(&s, gamma, N);
    double target = f * partial_sum(&s, N);
    if (N <= DIRECT_LIMIT) {
        int64_t d = walk(&s, s.lo - 1, 0, N, target, N);
        return d > 0 ? d : N;
    }
    int64_t lo = 1, hi = N; /* H(hi) ≥ target throughout: H is increasing in D */
    while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        if (partial_sum(&s, mid) >= target)
            hi = mid;
        else
            lo = mid + 1;
    }
    return confirm(&s, lo, N, target);
}

double taf_harmonic_sum(double gamma, int64_t n)
{
    if (n <= 0)
        return 0;
    if (isnan(gamma))
        return NAN;
    if (n == 1 || gamma == INFINITY)
        return 1;
    if (n == 2)
        return 1 + pow(2, -gamma);
    if (gamma < 0 && -gamma * log2((double)n) > 1030)
        return INFINITY; /* the last term alone overflows */
    struct series s;
    series_init(&s, gamma, n);
    double h = partial_sum(&s, n);
    if (s.scale == PLAIN)
        return h;
    /* undo the 2^(−e·k) scale: e·k split exactly into an integer and a rest */
    double ek = s.e * s.k, rest = fma(s.e, s.k, -ek), whole = floor(ek);
    return ldexp(h * exp2(ek - whole + rest), (int)whole);
}

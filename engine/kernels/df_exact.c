/* Exact discrete D_f: generalised harmonic numbers by Euler–Maclaurin, then a
 * bisection on D, confirmed at the boundary by the explicit last term. */
#include "kernels/df_exact.h"

#include <math.h>

#define DIRECT_LIMIT 4096 /* below this, sum the terms directly */
#define EM_START 16       /* Euler–Maclaurin applied from this term on */

/* Compensated (Neumaier) sum of d^-γ for d in [from, to]. */
static double direct_sum(double gamma, int64_t from, int64_t to)
{
    double sum = 0, c = 0;
    for (int64_t d = from; d <= to; d++) {
        double t = pow((double)d, -gamma);
        double s = sum + t;
        c += fabs(sum) >= fabs(t) ? (sum - s) + t : (t - s) + sum;
        sum = s;
    }
    return sum + c;
}

/* ∫_m^n x^-γ dx, stable as γ → 1. */
static double integral(double gamma, double m, double n)
{
    double g = 1 - gamma, l = log(n / m);
    if (fabs(g * l) < 1e-8)
        return l * (1 + g * l / 2) * pow(m, g);
    return pow(m, g) * expm1(g * l) / g;
}

/* Σ_{d=m..n} d^-γ = ∫ + (f(m)+f(n))/2 + Σ_k B_2k/(2k)! (f^(2k−1)(n) − f^(2k−1)(m)). */
static double euler_maclaurin(double gamma, int64_t m, int64_t n)
{
    static const double B2k_over_fact[] = {
        1.0 / 12, -1.0 / 720, 1.0 / 30240, -1.0 / 1209600, 1.0 / 47900160, -691.0 / 1307674368000.0,
    };
    double fm = pow((double)m, -gamma), fn = pow((double)n, -gamma);
    double sum = integral(gamma, (double)m, (double)n) + (fm + fn) / 2;
    /* f^(j)(x) = (−γ)(−γ−1)…(−γ−j+1) x^(−γ−j) */
    double coeff = -gamma, dm = fm / (double)m, dn = fn / (double)n; /* j = 1 */
    for (int k = 0; k < 6; k++) {
        sum += B2k_over_fact[k] * coeff * (dn - dm);
        double j = 2.0 * k + 1;
        coeff *= (-gamma - j) * (-gamma - j - 1);
        dm /= (double)m * (double)m;
        dn /= (double)n * (double)n;
    }
    return sum;
}

double taf_harmonic_sum(double gamma, int64_t n)
{
    if (n <= 0)
        return 0;
    if (gamma == 0)
        return (double)n; /* every term is 1: exact */
    if (n <= DIRECT_LIMIT)
        return direct_sum(gamma, 1, n);
    return direct_sum(gamma, 1, EM_START - 1) + euler_maclaurin(gamma, EM_START, n);
}

int64_t taf_df_exact(double gamma, int64_t N, double f)
{
    if (N <= 1)
        return 1;
    if (f >= 1)
        return N;
    if (f <= 0)
        return 1;
    double target = f * taf_harmonic_sum(gamma, N);
    if (gamma == 0) { /* H(D) = D: the smallest integer ≥ f·N */
        double d = ceil(target);
        return d < 1 ? 1 : d > (double)N ? N : (int64_t)d;
    }
    if (N <= DIRECT_LIMIT) {
        double sum = 0, c = 0;
        for (int64_t d = 1; d <= N; d++) {
            double t = pow((double)d, -gamma), s = sum + t;
            c += fabs(sum) >= fabs(t) ? (sum - s) + t : (t - s) + sum;
            sum = s;
            if (sum + c >= target)
                return d;
        }
        return N;
    }
    /* smallest D in [1, N] with H(D) ≥ target: H is increasing in D */
    int64_t lo = 1, hi = N;
    while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        if (taf_harmonic_sum(gamma, mid) >= target)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

#include "formulas/fit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

double taf_round_decimals(double x, int digits)
{
    /* printf rounds the exact binary value half-to-even, as Python's dtoa does;
     * strtod reads the digits back under the same locale that wrote them. */
    char buf[400];
    if (!isfinite(x) || fabs(x) >= 1e300)
        return x;
    snprintf(buf, sizeof buf, "%.*f", digits, x);
    return strtod(buf, NULL);
}

/* §2 OLS of ln m on [1, −ln d]: γ = Σ(x−x̄)(y−ȳ)/Σ(x−x̄)², log_A = ȳ − γ·x̄, x = −ln d */
struct taf_power_fit taf_fit_power_law(const double *distances, const double *means, size_t n)
{
    struct taf_power_fit fit = { NAN, 0.0, 0.0, 0 };
    double sx = 0.0, sy = 0.0;
    for (size_t i = 0; i < n; i++) {
        if (isfinite(means[i]) && means[i] > 0) {
            sx += -log(distances[i]);
            sy += log(means[i]);
            fit.n_points++;
        }
    }
    if (fit.n_points < 2)
        return fit;
    double k = (double)fit.n_points, xbar = sx / k, ybar = sy / k;
    double sxx = 0.0, sxy = 0.0, syy = 0.0;
    for (size_t i = 0; i < n; i++) {
        if (isfinite(means[i]) && means[i] > 0) {
            double dx = -log(distances[i]) - xbar, dy = log(means[i]) - ybar;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
    }
    if (!(sxx > 0))
        return fit;
    fit.gamma = sxy / sxx;
    fit.log_A = ybar - fit.gamma * xbar;
    double ss_res = 0.0;
    for (size_t i = 0; i < n; i++) {
        if (isfinite(means[i]) && means[i] > 0) {
            double r = log(means[i]) - (fit.log_A - fit.gamma * log(distances[i]));
            ss_res += r * r;
        }
    }
    /* §2 R² = 1 − SS_res/SS_tot (0 if SS_tot = 0), rounded to 6 dp */
    fit.R2 = syy > 0 ? taf_round_decimals(1.0 - ss_res / syy, 6) : 0.0;
    return fit;
}

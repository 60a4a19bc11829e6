/* Power-law fit of mean attention against distance (FORMULAS.md §2,
 * reference cli/diagnose_model.py fit_power_law). */
#ifndef TAF_FORMULAS_FIT_H
#define TAF_FORMULAS_FIT_H

#include <stddef.h>

struct taf_power_fit {
    double gamma;    /* decay exponent; NaN when the fit is undefined */
    double log_A;    /* intercept ln A; 0 when the fit is undefined */
    double R2;       /* 1 − SS_res/SS_tot rounded to 6 decimals; 0 if SS_tot = 0 */
    size_t n_points; /* points kept: finite means > 0 */
};

/* §2 ln m = log_A − γ·ln d by ordinary least squares over the points whose
 * mean is finite and > 0. Distances must be finite and > 0. Fewer than two
 * kept points, or kept points all at one distance (the slope is undefined;
 * numpy would return a minimum-norm solution), give γ NaN, log_A 0, R² 0. */
struct taf_power_fit taf_fit_power_law(const double *distances, const double *means, size_t n);

/* x rounded to `digits` decimals exactly as Python's round(x, digits):
 * correctly rounded from the binary value, ties to even. */
double taf_round_decimals(double x, int digits);

#endif

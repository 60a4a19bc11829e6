/* Exact discrete KV-compression window D_f (FORMULAS.md §1 erratum, SPEC §11). */
#ifndef TAF_FORMULAS_DF_EXACT_H
#define TAF_FORMULAS_DF_EXACT_H

#include <stdint.h>

/* §26.7 D_f = smallest D in [1, N] with Σ_{d=1..D} d^−γ ≥ f·Σ_{d=1..N} d^−γ,
 * the target f·Σ rounded to a double as a cumulative pass in double compares it.
 * Any γ (±inf are the limits); f in (0, 1] (f ≥ 1 → N, f ≤ 0 → 1); N ≤ 1 → 1;
 * NaN γ or f → −1. Identical to the direct cumulative sum (ties included:
 * integer sums for γ = 0, −1, −2, −3 are exact) for N up to 1e12 and beyond,
 * in a few microseconds at N = 1e9. */
int64_t taf_df_exact(double gamma, int64_t N, double f);

/* Σ_{d=1..n} d^−γ (generalised harmonic number H_n^(γ)), within ~3e−16
 * relative; 0 for n ≤ 0, +inf when it exceeds the double range. */
double taf_harmonic_sum(double gamma, int64_t n);

#endif

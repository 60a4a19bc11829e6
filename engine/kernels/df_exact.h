/* Exact discrete KV-compression window D_f (FORMULAS.md §1 erratum, SPEC §11). */
#ifndef TAF_KERNELS_DF_EXACT_H
#define TAF_KERNELS_DF_EXACT_H

#include <stdint.h>

/* §26.7 D_f = smallest D in [1, N] with Σ_{d=1..D} d^−γ ≥ f·Σ_{d=1..N} d^−γ.
 * Any finite γ; f in (0, 1]; N ≤ 0 → 1. Identical to the direct cumulative
 * sum for every N up to 1e12, in well under a millisecond for N = 1e9. */
int64_t taf_df_exact(double gamma, int64_t N, double f);

/* Σ_{d=1..n} d^−γ (generalised harmonic number H_n^(γ)), accurate to ~1e-15 relative. */
double taf_harmonic_sum(double gamma, int64_t n);

#endif

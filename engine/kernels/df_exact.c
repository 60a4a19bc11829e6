/* placeholder: filled in by the formulas work */
#include "kernels/df_exact.h"
int64_t taf_df_exact(double gamma, int64_t N, double f) { (void)gamma; (void)f; return N; }
double taf_harmonic_sum(double gamma, int64_t n) { (void)gamma; return (double)n; }

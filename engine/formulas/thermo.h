/* Attention thermodynamics of the power law A(d) ∝ d^−γ on d = 1..N
 * (FORMULAS.md §2, reference cli/diagnose_model.py). Pure functions:
 * a Python None or nan result is NaN here; callers validate the domain. */
#ifndef TAF_FORMULAS_THERMO_H
#define TAF_FORMULAS_THERMO_H

#include <stddef.h>
#include <stdint.h>

/* Euler–Mascheroni constant γ_E. */
#define TAF_EULER_GAMMA 0.5772156649015329

/* Z(γ, N): |γ−1| < 1e−5 → ln N + γ_E, else (N^(1−γ) − 1)/(1−γ) + 1.
 * Both branches are approximations of Σ d^−γ and disagree at the switch
 * (8.60 → 8.18 at N = 2000); kept for compatibility. Domain N ≥ 1. */
double taf_partition_Z(double gamma, double N);
/* U = ⟨ln d⟩ = integral / Z (0 when Z ≤ 0). Domain N ≥ 1. */
double taf_mean_log_d(double gamma, double N);
/* S = ln Z + γ·U. */
double taf_entropy_S(double gamma, double N);
/* F = −ln(max(Z, 1e−30)) / max(γ, 1e−9). */
double taf_free_energy_F(double gamma, double N);
/* C_V = −γ²·∂U/∂γ by central difference of step delta; NaN when
 * γ ≤ delta or γ ≥ 20. The reference default delta is TAF_CV_DELTA. */
#define TAF_CV_DELTA 1e-4
double taf_heat_capacity_Cv(double gamma, double N, double delta);
/* θ_eff = θ + T/√2. */
double taf_theta_eff_pade(double theta, double T);
/* ΔH = ln((θ + D_f/√2)/(θ + N/√2)); NaN when the ratio is not positive. */
double taf_delta_H(double theta, double D_f, double N);
/* Exact discrete D_f (no zone gate): N ≤ 0 → 1; γ ≤ 0 or NaN → N;
 * else the smallest D with Σ_{d≤D} d^−γ ≥ f·Σ_{d≤N} d^−γ. */
int64_t taf_D_f_closed(double gamma, double f, int64_t N);
/* "A — deconfined (RoPE/long)" below 0.95, "B — confined (AbsPE/short)"
 * above 1.05, else "Hagedorn (crossover γ≈1)". */
const char *taf_phase_label(double gamma);
/* KL(p‖q) after normalising both to sum 1: Σ_{p>ε} p·ln(p/(q+ε)), ε = 1e−12.
 * Domain: n ≥ 1 finite entries ≥ 0 with positive sums; NaN otherwise. */
double taf_kl_divergence(const double *p, const double *q, size_t n);

#endif

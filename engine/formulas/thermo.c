#include "formulas/thermo.h"

#include "formulas/df_exact.h"

#include <math.h>

/* Width of the γ = 1 branch shared by Z and ⟨ln d⟩. */
#define HAGEDORN_BAND 1e-5

static int near_hagedorn(double gamma)
{
    return fabs(gamma - 1.0) < HAGEDORN_BAND;
}

/* §2 Z = ln N + γ_E at γ≈1, else (N^(1−γ) − 1)/(1−γ) + 1 */
double taf_partition_Z(double gamma, double N)
{
    if (near_hagedorn(gamma))
        return log(N) + TAF_EULER_GAMMA;
    double g = 1.0 - gamma;
    return (pow(N, g) - 1.0) / g + 1.0;
}

/* §2 U = [(ln N)²/2 at γ≈1, else N^g(ln N/g − 1/g²) + 1/g², g = 1−γ] / Z */
double taf_mean_log_d(double gamma, double N)
{
    double Z = taf_partition_Z(gamma, N);
    if (Z <= 0)
        return 0.0;
    double lnN = log(N), integral;
    if (near_hagedorn(gamma)) {
        integral = lnN * lnN / 2.0;
    } else {
        double g = 1.0 - gamma;
        integral = pow(N, g) * (lnN / g - 1.0 / (g * g)) + 1.0 / (g * g);
    }
    return integral / Z;
}

/* §2 S = ln Z + γ·U */
double taf_entropy_S(double gamma, double N)
{
    return log(taf_partition_Z(gamma, N)) + gamma * taf_mean_log_d(gamma, N);
}

/* §2 F = −ln(max(Z, 1e−30)) / max(γ, 1e−9)   (F = −T ln Z, T = 1/γ) */
double taf_free_energy_F(double gamma, double N)
{
    double Z = fmax(taf_partition_Z(gamma, N), 1e-30);
    return -log(Z) / fmax(gamma, 1e-9);
}

/* §2 C_V = −γ²·(U(γ+δ) − U(γ−δ))/(2δ), NaN outside (δ, 20) */
double taf_heat_capacity_Cv(double gamma, double N, double delta)
{
    if (!(gamma > delta) || gamma >= 20)
        return NAN;
    double dU = (taf_mean_log_d(gamma + delta, N) - taf_mean_log_d(gamma - delta, N)) / (2.0 * delta);
    return -gamma * gamma * dU;
}

/* §2 θ_eff = θ + T/√2 */
double taf_theta_eff_pade(double theta, double T)
{
    return theta + T / sqrt(2.0);
}

/* §2 ΔH = ln((θ + D_f/√2)/(θ + N/√2)) */
double taf_delta_H(double theta, double D_f, double N)
{
    double ratio = (theta + D_f / sqrt(2.0)) / (theta + N / sqrt(2.0));
    return ratio > 0 ? log(ratio) : NAN;
}

/* §2 D_f = min D: Σ_{d≤D} d^−γ ≥ f·Σ_{d≤N} d^−γ   (N ≤ 0 → 1, γ ≤ 0 → N) */
int64_t taf_D_f_closed(double gamma, double f, int64_t N)
{
    if (N <= 0)
        return 1;
    if (!(gamma > 0))
        return N;
    return taf_df_exact(gamma, N, f);
}

/* §2 phase: A below 0.95, B above 1.05, Hagedorn between */
const char *taf_phase_label(double gamma)
{
    if (gamma < 0.95)
        return "A — deconfined (RoPE/long)";
    if (gamma > 1.05)
        return "B — confined (AbsPE/short)";
    return "Hagedorn (crossover γ≈1)";
}

/* §2 KL(p‖q) = Σ_{p>ε} p·ln(p/(q+ε)) on normalised p, q; ε = 1e−12 */
double taf_kl_divergence(const double *p, const double *q, size_t n)
{
    const double eps = 1e-12;
    double sp = 0.0, sq = 0.0;
    for (size_t i = 0; i < n; i++) {
        if (!(p[i] >= 0) || !(q[i] >= 0) || isinf(p[i]) || isinf(q[i]))
            return NAN;
        sp += p[i];
        sq += q[i];
    }
    if (n == 0 || !(sp > 0) || !(sq > 0))
        return NAN;
    double kl = 0.0;
    for (size_t i = 0; i < n; i++) {
        double pi = p[i] / sp, qi = q[i] / sq;
        if (pi > eps)
            kl += pi * log(pi / (qi + eps));
    }
    return kl;
}

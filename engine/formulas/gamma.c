#include "formulas/gamma.h"
#include "formulas/df_exact.h"

#include <float.h>
#include <math.h>

/* §26.1 γ_Padé = (2θ − T√2)/(2θ + T√2); past DBL_MAX/4 the same ratio with
 * both terms scaled by 1/4 (exact), so 2θ + T√2 cannot overflow to ∞/∞ */
double taf_gamma_pade(double theta, double T_eval)
{
    if (theta > DBL_MAX / 4 || T_eval > DBL_MAX / 4) {
        double a = theta / 2, b = T_eval * (M_SQRT2 / 4);
        return (a - b) / (a + b);
    }
    double z = T_eval * M_SQRT2;
    return (2 * theta - z) / (2 * theta + z);
}

/* §26.10 γ_corr = γ_Padé + δ_GQA(+0.11) + δ_SWA(0, erratum) + δ_post_IH(−0.15 for N ≥ 4e8) */
struct taf_gamma_decomposition taf_gamma_decompose(double gamma_pade, int has_GQA, int has_SWA, double n_params)
{
    struct taf_gamma_decomposition d;
    d.pade_centroid = gamma_pade;
    d.delta_GQA = has_GQA ? 0.11 : 0.0;
    d.delta_SWA = 0.0;
    d.delta_post_IH = n_params >= 4e8 ? -0.15 : 0.0;
    d.gamma_corrected = gamma_pade + d.delta_GQA + d.delta_SWA + d.delta_post_IH;
    d.delta_SWA_status = has_SWA ? "exploratory_n1_disabled" : "not_applicable";
    d.delta_post_IH_status = d.delta_post_IH != 0 ? "exploratory_no_replication" : "not_applicable";
    if (has_SWA && d.delta_post_IH != 0)
        d.calibration_warning = "δ_SWA is disabled (fitted on one model) and δ_post_IH = −0.15 is applied "
                                "although it does not replicate (group mean ≈ 0): treat γ_corrected as ±0.15.";
    else if (has_SWA)
        d.calibration_warning = "δ_SWA is disabled (fitted on one model): the sliding window is not reflected in γ_corrected.";
    else if (d.delta_post_IH != 0)
        d.calibration_warning = "δ_post_IH = −0.15 is applied although it does not replicate (group mean ≈ 0): "
                                "treat γ_corrected as ±0.15.";
    else
        d.calibration_warning = 0;
    return d;
}

/* §26.2 d_h = θ(1−γ)√2/(1+γ) */
double taf_d_horizon(double theta, double gamma)
{
    if (!(gamma > 0 && gamma < 1))
        return NAN;
    return theta * (1 - gamma) * M_SQRT2 / (1 + gamma);
}

/* §26.5 L_NIAH^c = 2·d_h */
double taf_l_niah_c(double d_horizon)
{
    return 2 * d_horizon;
}

/* §26.16 χ = 1/|γ − 1| */
double taf_chi_susceptibility(double gamma)
{
    return gamma == 1.0 ? INFINITY : 1.0 / fabs(gamma - 1.0);
}

/* §26.9 P = max(0, 1 − (d_h/L)^(1−γ))·√χ/(1+√χ) */
double taf_p_hallucinate(double L, double theta, double gamma)
{
    double dh = taf_d_horizon(theta, gamma);
    if (isnan(dh) || L <= 0)
        return NAN;
    double chi = taf_chi_susceptibility(gamma);
    if (isinf(chi))
        return NAN;
    double geom = fmax(0.0, 1.0 - pow(dh / L, 1 - gamma));
    return geom * (sqrt(chi) / (1 + sqrt(chi)));
}

/* §26.3 θ_design = T√2(1+γ)/(2(1−γ)) */
double taf_theta_design(double gamma_target, double T_eval)
{
    if (!(gamma_target > -1 && gamma_target < 1))
        return NAN;
    return T_eval * M_SQRT2 * (1 + gamma_target) / (2 * (1 - gamma_target));
}

/* §26.4 α_opt = θ_design/θ_nominal */
double taf_alpha_opt(double gamma_target, double T_eval, double theta_nominal)
{
    return taf_theta_design(gamma_target, T_eval) / theta_nominal;
}

/* §26.7 D_f: zone 0.65 ≤ γ ≤ 0.85, exact discrete window (erratum) */
int64_t taf_df_window(double gamma, int64_t N, double f)
{
    if (!(gamma >= 0.65 && gamma <= 0.85))
        return -1;
    return taf_df_exact(gamma, N, f);
}

/* §26.8 soft decay applies when d_h ≳ T_train/2 */
const char *taf_kv_soft_decay_regime(double theta, double gamma, double T_train)
{
    double dh = taf_d_horizon(theta, gamma);
    if (isnan(dh))
        return "use-hard-cutoff";
    double ratio = dh / fmax(1.0, T_train / 2);
    if (ratio >= 1.2)
        return "applies";
    if (ratio >= 0.8)
        return "borderline";
    return "use-hard-cutoff";
}

/* §26.1 phase of γ_Padé: A for 0 < γ < 1, B/Hagedorn for γ ≥ 1, catastrophic for γ ≤ 0 */
const char *taf_gamma_phase_label(double gamma)
{
    if (gamma > 0 && gamma < 1)
        return "Phase A (long-range OK)";
    if (gamma >= 1)
        return "Phase B / Hagedorn";
    return "Phase B / catastrophic (negative γ — T too large for θ)";
}

/* §26 γ-thermodynamics: the Padé estimate of the decay exponent, its
 * decomposition, and what follows from it (horizon, NIAH length, D_f). */
#ifndef TAF_FORMULAS_GAMMA_H
#define TAF_FORMULAS_GAMMA_H

#include <stdint.h>

/* §26.1 γ_Padé = (2θ − T√2)/(2θ + T√2). */
double taf_gamma_pade(double theta, double T_eval);

/* §26.10 decomposition with the FORMULAS.md §1 erratum (δ_SWA disabled). */
struct taf_gamma_decomposition {
    double pade_centroid, delta_GQA, delta_SWA, delta_post_IH, gamma_corrected;
    const char *delta_SWA_status;     /* "exploratory_n1_disabled" | "not_applicable" */
    const char *delta_post_IH_status; /* "exploratory_no_replication" | "not_applicable" */
    const char *calibration_warning;  /* NULL when no exploratory axis is involved */
};
struct taf_gamma_decomposition taf_gamma_decompose(double gamma_pade, int has_GQA, int has_SWA, double n_params);

/* §26.2 d_h = θ(1−γ)√2/(1+γ); NaN (None) unless 0 < γ < 1. */
double taf_d_horizon(double theta, double gamma);
/* §26.5 L_NIAH^c = 2·d_horizon; NaN in, NaN out. */
double taf_l_niah_c(double d_horizon);
/* §26.16 χ = 1/|γ − 1|; +inf at γ = 1. */
double taf_chi_susceptibility(double gamma);
/* §26.9 P = max(0, 1 − (d_h/L)^(1−γ))·√χ/(1+√χ); NaN (None) when d_h is undefined or L ≤ 0. */
double taf_p_hallucinate(double L, double theta, double gamma);
/* §26.3 θ_design = T√2(1+γ)/(2(1−γ)); NaN outside −1 < γ < 1. */
double taf_theta_design(double gamma_target, double T_eval);
/* §26.4 α = θ_design/θ_nominal; NaN outside −1 < γ < 1. */
double taf_alpha_opt(double gamma_target, double T_eval, double theta_nominal);
/* §26.7 D_f, zone-gated: −1 (None) unless 0.65 ≤ γ ≤ 0.85, else the exact
 * discrete window (formulas/df_exact.h). N ≥ 1, 0 < f ≤ 1. */
int64_t taf_df_window(double gamma, int64_t N, double f);
/* §26.8 soft-decay regime: "applies" (d_h ≥ 1.2·T/2), "borderline" (≥ 0.8), else "use-hard-cutoff". */
const char *taf_kv_soft_decay_regime(double theta, double gamma, double T_train);
/* Phase of a γ_Padé value, as the reference recipes print it. */
const char *taf_gamma_phase_label(double gamma);

#endif

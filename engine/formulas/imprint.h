/* Learned imprint, compute-context invariant, induction-head phase and the
 * six-axis γ decomposition (FORMULAS.md §2; python/taf_browser.py §28–§30).
 * Parameter counts P_M are in millions. Python None is NaN / NULL here. */
#ifndef TAF_FORMULAS_IMPRINT_H
#define TAF_FORMULAS_IMPRINT_H

#include <stdbool.h>

/* §28 imprint slope ν = −1/(2π) and panel baseline P₀ = 14 M (pythia-14m). */
#define TAF_PI 3.14159265358979323846
#define TAF_NU_IMPRINT (-1.0 / (2.0 * TAF_PI))
#define TAF_P0_IMPRINT_M 14.0

/* §28.1 γ_random = γ_Padé(θ, T) + ν·log10(max(P_M, 1e−3)/P₀). */
double taf_gamma_random_predict(double theta, double T_eval, double n_params_M);

struct taf_imprint_purity {
    double gamma_random_obs, gamma_random_pred, gamma_pade_only;
    double imprint_predicted; /* pred − Padé */
    double imprint_residual;  /* obs − pred */
    const char *purity;       /* "clean (within CI)" / "over-imprinted" / "under-imprinted" */
    double ci_95_half_width;  /* 0.18 */
};
/* §28.2 purity of the observed random-token γ against the prediction. */
struct taf_imprint_purity taf_imprint_purity(double gamma_random_obs, double theta, double T_eval,
                                             double n_params_M);

struct taf_invariant_K {
    double K, panel_mean, panel_std, z_score;
    bool in_distribution;       /* |z| ≤ 1 */
    const char *interpretation; /* "in-band" / "high-K outlier" / "low-K outlier" */
};
/* §29 K = γ·ln(N²·D), N = P_M·1e6, D = 20·N when D_tokens is NaN.
 * Domain P_M > 0, D_tokens > 0. */
struct taf_invariant_K taf_compute_invariant_K(double gamma, double n_params_M, double D_tokens);

struct taf_ih_phase {
    double delta_gamma;                 /* γ_text − γ_random */
    const char *phase_observed;         /* "post-IH" / "pre-IH" / "ambiguous" */
    const char *phase_expected_by_size; /* NULL when n_params_M was NaN */
    bool consistent;
    double panel_pre_IH_mean, panel_post_IH_mean, panel_std;
};
/* §30 sign(γ_text − γ_random) > 0 ⟺ post-IH; by size post-IH when P ≥ 4e8. */
struct taf_ih_phase taf_ih_phase_check(double gamma_text, double gamma_random, double n_params_M);

struct taf_gamma_decomposition_v2 {
    double pade_centroid, delta_imprint, delta_GQA, delta_SWA;
    const char *delta_SWA_status;
    double delta_post_IH;
    const char *delta_post_IH_status;
    double delta_instruct;
    const char *delta_instruct_status;
    double gamma_corrected;
    const char *corpus; /* the caller's string */
    const char *calibration_warning;
};
/* The axes list of the decomposition, in order, NULL-terminated. */
extern const char *const taf_decompose_v2_axes[];
/* §28.3 γ = γ_Padé + δ_imprint[corpus = "random"] + δ_GQA + δ_SWA (0: disabled)
 * + δ_post_IH (P ≥ 400 M) + δ_instruct. */
struct taf_gamma_decomposition_v2 taf_gamma_decompose_v2(double gamma_pade, double n_params_M, bool has_GQA,
                                                         bool has_SWA, const char *corpus, bool is_instruct);

#endif

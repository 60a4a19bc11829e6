/* Visual and algebraic diagnostics of a measured γ (FORMULAS.md §2;
 * python/taf_browser.py §31–§34). Labels are static strings. */
#ifndef TAF_FORMULAS_DIAGNOSTICS_H
#define TAF_FORMULAS_DIAGNOSTICS_H

#include <stdbool.h>
#include <stddef.h>

/* §31 one named constant near γ. */
struct taf_constant_hit {
    const char *constant;
    double value, error; /* error = |γ − value| */
};
#define TAF_FAMOUS_MAX_HITS 3
struct taf_constant_proximity {
    double gamma, tolerance;
    size_t n_hits;  /* every constant within tolerance */
    size_t n_shown; /* hits kept: min(n_hits, 3), nearest first */
    struct taf_constant_hit hits[TAF_FAMOUS_MAX_HITS];
    const char *caveat;
};
/* §31 constants c with |γ − c| ≤ tolerance, sorted by error (stable), at most 3. */
struct taf_constant_proximity taf_famous_constant_proximity(double gamma, double tolerance);
/* §32.3 the first min(max_results, 3) hits within tolerance into out[]; returns the count. */
size_t taf_nearest_famous_constant(double gamma, size_t max_results, double tolerance,
                                   struct taf_constant_hit out[TAF_FAMOUS_MAX_HITS]);

struct taf_safety_alert {
    const char *level, *color, *label, *message, *fraction_of_panel;
};
/* §32.1 critical (γ ≥ 1), warning (≥ 0.95), ok (≥ 0.65), info (> 0), else
 * catastrophic; NaN stands for a missing γ: level "unknown", label and
 * fraction_of_panel NULL. */
struct taf_safety_alert taf_hagedorn_safety_alert(double gamma);

/* §32.2 bimodal class; NaN (missing γ) → "unknown". */
const char *taf_bimodal_phase_class(double gamma);

/* §33.1 γ_text ≈ γ_Padé − k_arch·n_kv, k_arch = 0.012 (correlational, R² 0.30). */
#define TAF_K_ARCH 0.012
double taf_architectural_concentration_predict(double gamma_pade, double n_kv);
extern const char taf_arch_concentration_caveat[];
extern const char taf_arch_concentration_interpretation[];

struct taf_pdi {
    double PDI;          /* +inf when singular */
    double log_PDI;      /* NaN unless PDI > 0 */
    bool singular;       /* γ_obs = −1: only PDI and regime are meaningful */
    const char *regime, *traffic_light, *identity;
};
/* §33.2 PDI = θ(1−γ_obs)√2 / ((1+γ_obs)·T); PDI = 1 ⟺ γ_obs = γ_Padé(θ, T). */
struct taf_pdi taf_pade_deviation_index(double theta, double gamma_obs, double T_eval);

struct taf_precision_shift {
    const char *predicted_shift_direction, *expected_magnitude, *reason;
    const char *recommendation;  /* GQA only, else NULL */
    const char *evidence, *caveat; /* MHA only, else NULL */
};
/* §33.3 4-bit γ shift direction (provisional, n = 5). γ_bf16 is not used. */
struct taf_precision_shift taf_precision_shift_predict_4bit(double gamma_bf16, double R2_bf16, bool is_GQA);

struct taf_critical_exponents {
    bool diverges; /* γ ≥ 1: "Hagedorn or beyond", no exponents */
    double nu_c, beta_c, eta_c, alpha_C, gamma_susc;
    double min_gamma_susc, min_at_gamma; /* 2√2 at γ = 1 − 1/√2 */
    double rushbrooke_sum;               /* α + 2β + γ_susc (= 2) */
    const char *eta_note, *am_gm_interpretation, *warning_paper1_eta;
};
/* §33.4 ν = 1/(1−γ), β = η = γ−1, α = 2 − 1/(1−γ), γ_susc = 1/(1−γ) + 2(1−γ). */
struct taf_critical_exponents taf_critical_exponents_bundle(double gamma);

#define TAF_N_IDENTITIES 12
struct taf_identity {
    const char *id, *claim;
    double value;
    const char *expected_key;  /* "expected", or "expected_formula" for the Fisher residual */
    double expected;           /* NaN when expected_text is set */
    const char *expected_text; /* "positive (refutes η=2γ)" for the η = 2γ refutation */
    bool passes;
};
struct taf_consistency {
    bool in_phase_A; /* false: γ ∉ (0, 1), status "out_of_phase_A", no checks */
    double input_gamma;
    int n_passed;
    bool all_consistent;
    struct taf_identity checks[TAF_N_IDENTITIES];
    char interpretation[160];
    const char *message; /* out of phase A: why there are no checks */
    const char *framework_verified_by;
};
/* Identity ids in check order, NULL-terminated; and the three references. */
extern const char *const taf_identity_ids[];
extern const char *const taf_consistency_references[];
/* §34 the 12 algebraic identities of the critical exponents at γ, each
 * passing when its residual is below tol. */
struct taf_consistency taf_verify_algebraic_consistency(double gamma, double tol);

#endif

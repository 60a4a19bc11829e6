#include "formulas/diagnostics.h"

#include "formulas/imprint.h"

#include <math.h>
#include <stdio.h>

struct famous_constant {
    const char *name;
    double value;
};

/* §31 the named constants, in the reference's order (ties keep this order). */
static const struct famous_constant famous[] = {
    { "1−1/φ (golden conjugate)", 0.3819660112501052 }, /* values: the reference's float expressions */
    { "1/√2", 0.7071067811865475 },
    { "1−1/√2", 0.29289321881345254 },
    { "log_10(e)", 0.4342944819032518 },
    { "1/π", 0.3183098861837907 },
    { "2/π", 0.6366197723675814 },
    { "1/φ", 0.6180339887498948 },
    { "ln(2)", 0.6931471805599453 },
    { "z*_Cayley = (√17−3)/2", 0.5615528128088303 },
};
#define N_FAMOUS (sizeof famous / sizeof famous[0])

/* §31 hits |γ − c| ≤ tol, stable-sorted by error, first three kept */
struct taf_constant_proximity taf_famous_constant_proximity(double gamma, double tolerance)
{
    struct taf_constant_hit all[N_FAMOUS];
    size_t n = 0;
    for (size_t i = 0; i < N_FAMOUS; i++) {
        double err = fabs(gamma - famous[i].value);
        if (!(err <= tolerance))
            continue;
        size_t j = n++;
        while (j > 0 && all[j - 1].error > err) { /* insertion sort: stable */
            all[j] = all[j - 1];
            j--;
        }
        all[j] = (struct taf_constant_hit){ famous[i].name, famous[i].value, err };
    }
    struct taf_constant_proximity r = { .gamma = gamma, .tolerance = tolerance, .n_hits = n };
    r.n_shown = n < TAF_FAMOUS_MAX_HITS ? n : TAF_FAMOUS_MAX_HITS;
    for (size_t i = 0; i < r.n_shown; i++)
        r.hits[i] = all[i];
    r.caveat = "n=4 hits in panel; could be coincidence (continuous distribution)";
    return r;
}

/* §32.3 nearest named constants: the proximity hits, cut at max_results */
size_t taf_nearest_famous_constant(double gamma, size_t max_results, double tolerance,
                                   struct taf_constant_hit out[TAF_FAMOUS_MAX_HITS])
{
    struct taf_constant_proximity p = taf_famous_constant_proximity(gamma, tolerance);
    size_t n = p.n_shown < max_results ? p.n_shown : max_results;
    for (size_t i = 0; i < n; i++)
        out[i] = p.hits[i];
    return n;
}

/* §32.1 safety zones: ≥ 1 critical, ≥ 0.95 warning, ≥ 0.65 ok, > 0 info, else catastrophic */
struct taf_safety_alert taf_hagedorn_safety_alert(double gamma)
{
    if (isnan(gamma))
        return (struct taf_safety_alert){ "unknown", "gray", NULL, "no γ available", NULL };
    if (gamma >= 1.0)
        return (struct taf_safety_alert){
            "critical", "red", "🔴 HAGEDORN ZONE",
            "γ ≥ 1.0: attention concentrates locally. Long-context retrieval will FAIL without "
            "NTK extension (α_opt > 1).",
            "36% of n=25 LLMs are in this zone" };
    if (gamma >= 0.95)
        return (struct taf_safety_alert){
            "warning", "orange", "🟠 HAGEDORN BOUNDARY",
            "γ ≥ 0.95: at the edge. Long context above T_train risky. Run X-2 long-context "
            "viability before deploying.",
            "~24% of n=25 LLMs cluster here" };
    if (gamma >= 0.65)
        return (struct taf_safety_alert){
            "ok", "green", "🟢 PHASE A NORMAL",
            "γ ∈ [0.65, 0.95]: long-context OK. KV compression via D_f window applicable in "
            "[0.65, 0.85].",
            "~40% of n=25 LLMs" };
    if (gamma > 0)
        return (struct taf_safety_alert){
            "info", "blue", "🔵 PHASE A WIDE-FIELD",
            "γ < 0.65: very long-range attention. Model may be over-trained on long context, "
            "or pre-IH (small model).",
            "~12% of n=25 LLMs (mostly small or anomalous)" };
    return (struct taf_safety_alert){
        "catastrophic", "darkred", "❌ NEGATIVE γ",
        "Negative γ means T_eval >> θ. Bad operating point. Use lower T or higher θ.",
        "0% of n=25 (pathological)" };
}

/* §32.2 bimodal classes split at 0, 0.85, 0.95, 1 */
const char *taf_bimodal_phase_class(double gamma)
{
    if (isnan(gamma))
        return "unknown";
    if (gamma < 0)
        return "catastrophic";
    if (gamma < 0.85)
        return "Phase A (long-range)";
    if (gamma < 0.95)
        return "boundary (gap zone)";
    if (gamma < 1.0)
        return "Hagedorn boundary";
    return "Hagedorn zone";
}

const char taf_arch_concentration_caveat[] = "Correlational, not per-model predictor (R²=0.30, mean err 0.27)";
const char taf_arch_concentration_interpretation[] =
    "GQA aggressive (low n_kv) → γ pushed up toward Hagedorn. MHA full (n_kv=32) → γ drops below "
    "Padé (sink-prone).";

/* §33.1 γ_text ≈ γ_Padé − 0.012·n_kv */
double taf_architectural_concentration_predict(double gamma_pade, double n_kv)
{
    return gamma_pade - TAF_K_ARCH * n_kv;
}

/* §33.2 PDI = θ(1−γ_obs)√2 / ((1+γ_obs)·T_eval) */
struct taf_pdi taf_pade_deviation_index(double theta, double gamma_obs, double T_eval)
{
    struct taf_pdi r = { .log_PDI = NAN, .identity = "log(PDI) + ΔH_Cardy = 0 (use either, log-inverse)" };
    if (gamma_obs == -1.0) {
        r.PDI = INFINITY;
        r.singular = true;
        r.regime = "singular";
        return r;
    }
    r.PDI = theta * (1.0 - gamma_obs) * sqrt(2.0) / ((1.0 + gamma_obs) * T_eval);
    if (r.PDI < 0) {
        r.regime = "Phase B (γ>1, formula sign-flip)";
        r.traffic_light = "🔴 RED — Phase B, NTK extension required";
    } else if (r.PDI >= 0.5 && r.PDI <= 1.5) {
        r.regime = "canonical (γ_obs ≈ γ_Padé)";
        r.traffic_light = "🟢 GREEN — model matches Padé prediction";
    } else if (r.PDI > 1.5) {
        r.regime = "γ_obs << γ_Padé (sink-dominated or extreme alignment)";
        r.traffic_light = "🟠 ORANGE — large positive deviation";
    } else {
        r.regime = "γ_obs > γ_Padé (over-concentrated in Phase A)";
        r.traffic_light = "🟡 YELLOW — moderate deviation";
    }
    if (r.PDI > 0)
        r.log_PDI = log(r.PDI);
    return r;
}

/* §33.3 GQA stable; MHA: R² < 0.9 UP, R² > 0.99 DOWN, else stable */
struct taf_precision_shift taf_precision_shift_predict_4bit(double gamma_bf16, double R2_bf16, bool is_GQA)
{
    (void)gamma_bf16;
    if (is_GQA)
        return (struct taf_precision_shift){
            "stable", "|Δγ| < 0.05", "GQA KV-sharing distributes attention; little long-tail to perturb",
            "Either bf16 or 4-bit OK for deployment", NULL, NULL };
    struct taf_precision_shift r = {
        .evidence = "n=5 paired measurements (DeepSeek/Pythia-1B/Pythia-2.8B/Llama-3/Qwen-7B-Inst)",
        .caveat = "R²-direction rule is empirical, not formally derived" };
    if (R2_bf16 < 0.9) {
        r.predicted_shift_direction = "UP";
        r.expected_magnitude = "+0.3 to +0.8 expected";
        r.reason = "Sink-dominated bf16: 4-bit truncates long-tail, reveals Padé prediction";
    } else if (R2_bf16 > 0.99) {
        r.predicted_shift_direction = "DOWN";
        r.expected_magnitude = "−0.2 to −0.4 expected";
        r.reason = "Clean bf16: 4-bit further sparsifies, introduces non-monotonicity";
    } else {
        r.predicted_shift_direction = "stable";
        r.expected_magnitude = "|Δγ| < 0.05";
        r.reason = "Borderline R², 4-bit minimal effect";
    }
    return r;
}

/* §33.4 ν = 1/(1−γ), β = η = γ−1, α = 2 − ν, γ_susc = ν + 2(1−γ) ≥ 2√2 at γ = 1 − 1/√2 */
struct taf_critical_exponents taf_critical_exponents_bundle(double gamma)
{
    struct taf_critical_exponents r = {
        .diverges = !(gamma < 1),
        .eta_note = "η_c = γ−1 (Lévy-derived, hyperscaling-consistent). Paper 1 claim η=2γ is INCORRECT.",
        /* the reference prints 2√2 to 3 dp and 1 − 1/√2 to 4 dp */
        .am_gm_interpretation = "γ_susc has UNIVERSAL minimum 2.828 at γ = 0.2929 (AM-GM with ab=2 product constant)",
        .warning_paper1_eta = "Paper 1's η_c = 2γ is INCORRECT. Use η_c = γ-1 (this function).",
    };
    if (r.diverges)
        return r;
    r.nu_c = 1.0 / (1.0 - gamma);
    r.beta_c = gamma - 1.0;
    r.eta_c = gamma - 1.0; /* erratum: η = γ − 1, not 2γ */
    r.alpha_C = 2.0 - 1.0 / (1.0 - gamma);
    r.gamma_susc = 1.0 / (1.0 - gamma) + 2.0 * (1.0 - gamma);
    r.min_gamma_susc = 2.0 * sqrt(2.0);
    r.min_at_gamma = 1.0 - 1.0 / sqrt(2.0);
    /* §33.4 Rushbrooke α + 2β + γ_susc = 2 */
    r.rushbrooke_sum = r.alpha_C + 2.0 * r.beta_c + r.gamma_susc;
    return r;
}

const char *const taf_identity_ids[] = { "D-SAGE-1", "D-SAGE-2", "D-SAGE-4", "D-SAGE-5", "D-SAGE-6",
                                         "Rushbrooke_tautology", "Josephson_tautology", "Fisher_independent",
                                         "eta_2gamma_REFUTED", "D-14_nu_imprint", "D-SAGE-7", "nu_beta_id", NULL };
const char *const taf_consistency_references[] = {
    "Sage script: sage_recursive_sweep_2026-04-30.sage", "Lean script: lean_taf/taf/Taf/Identities.lean",
    "Paper 2 appendix A.4: appendix_formal_verification_2026-05-01.md", NULL
};

static void identity(struct taf_consistency *r, int i, const char *claim, double value, double expected, double tol)
{
    r->checks[i] = (struct taf_identity){ taf_identity_ids[i], claim, value, "expected", expected, NULL,
                                          fabs(value - expected) < tol };
}

/* §34 the 12 D-SAGE identities of (ν, β, η, α, χ, γ_χ) at γ ∈ (0, 1) */
struct taf_consistency taf_verify_algebraic_consistency(double gamma, double tol)
{
    struct taf_consistency r = {
        .in_phase_A = gamma > 0 && gamma < 1, .input_gamma = gamma,
        .message = "Verification requires γ ∈ (0, 1) Phase A regime.",
        .framework_verified_by = "Sage Groebner basis (PolynomialRing(ℚ)) + Lean Mathlib4 (dependent type theory)",
    };
    if (!r.in_phase_A)
        return r;
    double nu = 1.0 / (1.0 - gamma), beta = gamma - 1.0, eta = gamma - 1.0;
    double alpha = 2.0 - 1.0 / (1.0 - gamma), chi = 1.0 / (1.0 - gamma);
    double gchi = 1.0 / (1.0 - gamma) + 2.0 * (1.0 - gamma);
    double two_pi = 2.0 * TAF_PI, nu_imprint = -1.0 / two_pi;
    identity(&r, 0, "2η² + η·γ_χ + 1 = 0", 2.0 * eta * eta + eta * gchi + 1.0, 0.0, tol);
    identity(&r, 1, "β·χ = -1", beta * chi, -1.0, tol);
    identity(&r, 2, "α + χ = 2", alpha + chi, 2.0, tol);
    identity(&r, 3, "α + γ_χ = 2(2-γ)", alpha + gchi, 2.0 * (2.0 - gamma), tol);
    identity(&r, 4, "β·γ_χ = -2γ²+4γ-3", beta * gchi, -2.0 * gamma * gamma + 4.0 * gamma - 3.0, tol);
    identity(&r, 5, "2β + γ_χ - ν·d = 0 (d=1)", 2.0 * beta + gchi - nu, 0.0, tol);
    identity(&r, 6, "2 - α - ν·d = 0 (d=1)", 2.0 - alpha - nu, 0.0, tol);
    /* §34 Fisher residual γ_χ − (2−η)ν = γ(2γ−3)/(1−γ), not 0 */
    identity(&r, 7, "Fisher residual = γ(2γ-3)/(1-γ)  [NOT 0 generally]",
             gchi - (2.0 - eta) * nu, gamma * (2.0 * gamma - 3.0) / (1.0 - gamma), tol);
    r.checks[7].expected_key = "expected_formula";
    /* §34 η = 2γ would need 2(2γ)² + 2γ·γ_χ + 1 = 0; it is > 0 in Phase A */
    double refuted = 2.0 * (2.0 * gamma) * (2.0 * gamma) + 2.0 * gamma * gchi + 1.0;
    r.checks[8] = (struct taf_identity){ taf_identity_ids[8], "Paper 1's η=2γ residual > 0 in Phase A", refuted,
                                         "expected", NAN, "positive (refutes η=2γ)", refuted > 0 };
    identity(&r, 9, "ν_imprint · 2π = -1", nu_imprint * two_pi, -1.0, tol);
    identity(&r, 10, "c · |ν_imprint| · 2π = 3", 3.0 * (1.0 / two_pi) * two_pi, 3.0, tol);
    identity(&r, 11, "ν · β = -1", nu * beta, -1.0, tol);
    for (int i = 0; i < TAF_N_IDENTITIES; i++)
        r.n_passed += r.checks[i].passes;
    r.all_consistent = r.n_passed == TAF_N_IDENTITIES;
    if (r.all_consistent)
        snprintf(r.interpretation, sizeof r.interpretation,
                 "All %d/%d D-SAGE identities consistent ✓ (framework algebraic structure intact)",
                 TAF_N_IDENTITIES, TAF_N_IDENTITIES);
    else
        snprintf(r.interpretation, sizeof r.interpretation,
                 "INCONSISTENCY: %d/%d pass. Possible bf16 outlier, quantization artifact, or measurement noise.",
                 r.n_passed, TAF_N_IDENTITIES);
    return r;
}

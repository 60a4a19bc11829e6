/* Unit tests of engine/formulas/gamma.c. Expected values: "seed:" = the seed
 * formulas module (../shared/seeds/002_taf_formulas.py) called with the same
 * arguments in python3; "hand:" = worked from the equation in the comment. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <math.h>
#include <string.h>
#include <cmocka.h>

#include "formulas/gamma.h"

static void near(double a, double b, double rel) { assert_true(fabs(a - b) <= rel * fmax(1.0, fabs(b))); }

static void test_gamma_pade_matches_seed(void **state)
{
    (void)state;
    near(taf_gamma_pade(10000, 4096), 0.5508312818257147, 1e-15);  /* seed: gamma_pade(10000, 4096) */
    near(taf_gamma_pade(500000, 8192), 0.9770948861777424, 1e-15); /* seed: gamma_pade(500000, 8192) */
    /* hand: T = θ√2 makes the numerator 2θ − 2θ = 0 */
    near(taf_gamma_pade(10000, 10000 * M_SQRT2), 0.0, 1e-15);
}

static void test_d_horizon_of_gamma_pade_is_the_identity_T(void **state)
{
    (void)state;
    /* hand: 1−γ = 2T√2/(2θ+T√2), 1+γ = 4θ/(2θ+T√2) ⇒ d_h = T exactly */
    near(taf_d_horizon(500000, taf_gamma_pade(500000, 32000)), 32000, 1e-12);
    near(taf_d_horizon(1e6, taf_gamma_pade(1e6, 12345)), 12345, 1e-12);
}

static void test_d_horizon_is_none_outside_open_unit_interval(void **state)
{
    (void)state;
    assert_true(isnan(taf_d_horizon(1e4, 0.0))); /* seed: d_horizon(1e4, 0) is None */
    assert_true(isnan(taf_d_horizon(1e4, 1.0))); /* seed: d_horizon(1e4, 1) is None */
    assert_true(isnan(taf_d_horizon(1e4, -0.3)));
    /* hand: θ(1−γ)√2/(1+γ) at θ = 1e4, γ = 0.5 → 1e4·0.5·√2/1.5 */
    near(taf_d_horizon(1e4, 0.5), 1e4 * 0.5 * M_SQRT2 / 1.5, 1e-15);
    near(taf_l_niah_c(taf_d_horizon(1e4, 0.5)), 2 * 1e4 * 0.5 * M_SQRT2 / 1.5, 1e-15); /* hand: 2·d_h */
    assert_true(isnan(taf_l_niah_c(NAN)));
}

static void test_chi_is_infinite_at_the_boundary(void **state)
{
    (void)state;
    assert_true(isinf(taf_chi_susceptibility(1.0)));
    near(taf_chi_susceptibility(0.75), 4.0, 1e-15); /* seed: chi_susceptibility(0.75) */
    near(taf_chi_susceptibility(1.25), 4.0, 1e-15); /* hand: 1/|1.25 − 1| */
}

static void test_p_hallucinate(void **state)
{
    (void)state;
    near(taf_p_hallucinate(200000, 500000, 0.8), 0.11777814338429902, 1e-14); /* seed */
    near(taf_p_hallucinate(32000, 500000, 0.8), 0.0, 1e-15);  /* seed: L inside the horizon → 0.0 */
    assert_true(isnan(taf_p_hallucinate(32000, 500000, 1.0))); /* seed: None */
    assert_true(isnan(taf_p_hallucinate(0, 500000, 0.5)));     /* seed: None (L ≤ 0) */
}

static void test_theta_design_and_alpha_opt(void **state)
{
    (void)state;
    near(taf_theta_design(0.85, 32000), 279071.47630829073, 1e-15);       /* seed */
    near(taf_alpha_opt(0.85, 32000, 500000), 0.5581429526165814, 1e-15); /* seed */
    /* the seed raises ValueError at |γ| ≥ 1: the pure function returns NaN, the binding raises */
    assert_true(isnan(taf_theta_design(1.0, 4096)));
    assert_true(isnan(taf_theta_design(-1.0, 4096)));
    assert_true(isnan(taf_alpha_opt(1.2, 4096, 1e4)));
    /* hand: θ_design inverts γ_Padé */
    near(taf_gamma_pade(taf_theta_design(0.7, 8192), 8192), 0.7, 1e-14);
}

static void test_gamma_decompose_erratum_disables_delta_swa(void **state)
{
    (void)state;
    /* FORMULAS.md §1: δ_SWA = 0 always; δ_GQA = +0.11; δ_post_IH = −0.15 for N ≥ 4e8 */
    struct taf_gamma_decomposition d = taf_gamma_decompose(0.9, 1, 1, 7e9);
    near(d.delta_SWA, 0.0, 0);
    near(d.delta_GQA, 0.11, 1e-15);
    near(d.delta_post_IH, -0.15, 1e-15);
    near(d.gamma_corrected, 0.9 + 0.11 - 0.15, 1e-15);
    assert_string_equal(d.delta_SWA_status, "exploratory_n1_disabled");
    assert_string_equal(d.delta_post_IH_status, "exploratory_no_replication");
    assert_non_null(d.calibration_warning);

    d = taf_gamma_decompose(0.5, 0, 0, 3.99e8); /* just below the post-IH threshold */
    near(d.gamma_corrected, 0.5, 0);
    assert_string_equal(d.delta_SWA_status, "not_applicable");
    assert_string_equal(d.delta_post_IH_status, "not_applicable");
    assert_null(d.calibration_warning);
    d = taf_gamma_decompose(0.5, 0, 0, 4e8); /* at the threshold */
    near(d.delta_post_IH, -0.15, 1e-15);
}

static void test_df_window_zone_gate(void **state)
{
    (void)state;
    /* the zone is [0.65, 0.85], edges included; outside → None (−1) */
    assert_int_equal(taf_df_window(0.6499, 8192, 0.9), -1);
    assert_int_equal(taf_df_window(0.8501, 8192, 0.9), -1);
    /* python3 brute force: smallest D with fsum(d^-γ, d ≤ D) ≥ 0.9·fsum(d^-γ, d ≤ 8192) */
    assert_int_equal(taf_df_window(0.65, 8192, 0.9), 6129);
    assert_int_equal(taf_df_window(0.85, 8192, 0.9), 4826);
    assert_int_equal(taf_df_window(0.7, 1, 0.9), 1); /* N = 1 → 1 */
    assert_int_equal(taf_df_window(0.7, 0, 0.9), 1); /* N ≤ 0 → 1 */
    assert_int_equal(taf_df_window(0.7, 8192, 1.0), 8192); /* f = 1 → N */
}

static void test_kv_soft_decay_regime_thresholds(void **state)
{
    (void)state;
    /* seed: kv_soft_decay_regime(500000, 0.9, 8192) = applies, (10000, 0.6, 8192) = borderline */
    assert_string_equal(taf_kv_soft_decay_regime(500000, 0.9, 8192), "applies");
    assert_string_equal(taf_kv_soft_decay_regime(10000, 0.6, 8192), "borderline");
    /* hand: with θ = 1e4, T_train = 8192, γ = (θ√2 − r·4096)/(θ√2 + r·4096) puts d_h/(T/2) at r */
    double at_1_2 = (1e4 * M_SQRT2 - 1.2 * 4096) / (1e4 * M_SQRT2 + 1.2 * 4096);
    double at_0_8 = (1e4 * M_SQRT2 - 0.8 * 4096) / (1e4 * M_SQRT2 + 0.8 * 4096);
    assert_string_equal(taf_kv_soft_decay_regime(1e4, at_1_2 - 1e-9, 8192), "applies");
    assert_string_equal(taf_kv_soft_decay_regime(1e4, at_1_2 + 1e-9, 8192), "borderline");
    assert_string_equal(taf_kv_soft_decay_regime(1e4, at_0_8 - 1e-9, 8192), "borderline");
    assert_string_equal(taf_kv_soft_decay_regime(1e4, at_0_8 + 1e-9, 8192), "use-hard-cutoff");
    assert_string_equal(taf_kv_soft_decay_regime(1e4, 1.0, 8192), "use-hard-cutoff"); /* no horizon */
}

static void test_gamma_phase_label(void **state)
{
    (void)state;
    assert_string_equal(taf_gamma_phase_label(0.5), "Phase A (long-range OK)");
    assert_string_equal(taf_gamma_phase_label(1.0), "Phase B / Hagedorn");
    assert_string_equal(taf_gamma_phase_label(0.0), "Phase B / catastrophic (negative γ — T too large for θ)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gamma_pade_matches_seed),
        cmocka_unit_test(test_d_horizon_of_gamma_pade_is_the_identity_T),
        cmocka_unit_test(test_d_horizon_is_none_outside_open_unit_interval),
        cmocka_unit_test(test_chi_is_infinite_at_the_boundary),
        cmocka_unit_test(test_p_hallucinate),
        cmocka_unit_test(test_theta_design_and_alpha_opt),
        cmocka_unit_test(test_gamma_decompose_erratum_disables_delta_swa),
        cmocka_unit_test(test_df_window_zone_gate),
        cmocka_unit_test(test_kv_soft_decay_regime_thresholds),
        cmocka_unit_test(test_gamma_phase_label),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests of engine/formulas/gamma.c. Expected values: "seed:" = the seed
 * formulas module (../shared/seeds/002_taf_formulas.py) called with the same
 * arguments in python3; "hand:" = worked from the equation in the comment. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <float.h>
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
    near(taf_gamma_pade(500000, 32000), 0.9134089936270703, 1e-15); /* seed: gamma_pade(500000, 32000) */
    /* hand: T = θ√2 makes the numerator 2θ − 2θ = 0 */
    near(taf_gamma_pade(10000, 10000 * M_SQRT2), 0.0, 1e-15);
}

static void test_gamma_pade_huge_theta_stays_finite(void **state)
{
    (void)state;
    /* 2θ overflows past DBL_MAX/2: the ratio must not become ∞/∞ = NaN.
     * hand: γ = (1 − r)/(1 + r) with r = T√2/(2θ) ≈ 7e-305 here, so γ rounds to 1 */
    assert_true(taf_gamma_pade(1e308, 4096) == 1.0);
    assert_true(taf_gamma_pade(DBL_MAX, 1) == 1.0);
    /* hand: T√2 = 2θ gives 0 whatever the scale (θ = 1e308, T = θ√2) */
    near(taf_gamma_pade(1e308, 1e308 * M_SQRT2), 0.0, 1e-15);
    /* the scaled branch is the same ratio: just below and above DBL_MAX/4 agree */
    near(taf_gamma_pade(DBL_MAX / 4 * 0.999, DBL_MAX / 8), taf_gamma_pade(DBL_MAX / 4 * 1.001, DBL_MAX / 8 * 1.002), 1e-2);
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
    near(taf_d_horizon(500000, 0.8), 78567.42013183859, 1e-15);              /* seed: d_horizon(500000, 0.8) */
    near(taf_l_niah_c(taf_d_horizon(500000, 0.8)), 157134.84026367718, 1e-15); /* seed: l_niah_c of it */
    assert_false(isnan(taf_d_horizon(1e4, nextafter(1.0, 0)))); /* just inside (0, 1): defined */
    assert_false(isnan(taf_d_horizon(1e4, nextafter(0.0, 1))));
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
    near(taf_p_hallucinate(100000, 10000, 0.3), 0.4546947632085271, 1e-14);   /* seed */
    near(taf_p_hallucinate(32000, 500000, 0.8), 0.0, 1e-15);  /* seed: L inside the horizon → 0.0 */
    assert_true(isnan(taf_p_hallucinate(32000, 500000, 1.0))); /* seed: None */
    assert_true(isnan(taf_p_hallucinate(0, 500000, 0.5)));     /* seed: None (L ≤ 0) */
}

static void test_theta_design_and_alpha_opt(void **state)
{
    (void)state;
    near(taf_theta_design(0.85, 32000), 279071.47630829073, 1e-15);       /* seed */
    near(taf_alpha_opt(0.85, 32000, 500000), 0.5581429526165814, 1e-15); /* seed */
    near(taf_theta_design(-0.5, 4096), 965.436458580033, 1e-15);          /* seed: theta_design(-0.5, 4096) */
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

    /* SWA alone: δ_SWA disabled and said so; nothing else applied */
    d = taf_gamma_decompose(0.9, 0, 1, 1e8);
    near(d.gamma_corrected, 0.9, 0);
    assert_string_equal(d.delta_SWA_status, "exploratory_n1_disabled");
    assert_string_equal(d.delta_post_IH_status, "not_applicable");
    assert_non_null(d.calibration_warning);
    /* seed (without the erratum) gives δ_SWA = −0.21 and γ_corr = 0.65 for (0.9, GQA, SWA, 7e9) */

    d = taf_gamma_decompose(0.5, 0, 0, 3.99e8); /* just below the post-IH threshold */
    near(d.gamma_corrected, 0.5, 0);
    assert_string_equal(d.delta_SWA_status, "not_applicable");
    assert_string_equal(d.delta_post_IH_status, "not_applicable");
    assert_null(d.calibration_warning);
    d = taf_gamma_decompose(0.5, 0, 0, 4e8); /* at the threshold */
    near(d.delta_post_IH, -0.15, 1e-15);
}

static void test_df_window_is_none_outside_the_zone(void **state)
{
    (void)state;
    /* the zone is [0.65, 0.85], edges included; outside → None (−1), as the seed gates */
    assert_int_equal(taf_df_window(nextafter(0.65, 0), 8192, 0.9), -1); /* seed: df_window(0.6499…, 8192) is None */
    assert_int_equal(taf_df_window(nextafter(0.85, 1), 8192, 0.9), -1);
    assert_int_equal(taf_df_window(0.6499, 8192, 0.9), -1);
    assert_int_equal(taf_df_window(0.9, 8192, 0.9), -1);  /* Phase A near Hagedorn: out of zone */
    assert_int_equal(taf_df_window(1.2, 8192, 0.9), -1);  /* Phase B: out of zone */
    assert_int_equal(taf_df_window(-0.3, 8192, 0.9), -1);
    assert_int_equal(taf_df_window(NAN, 8192, 0.9), -1);
}

static void test_df_window_at_zone_edges_matches_discrete_sum(void **state)
{
    (void)state;
    /* python3 brute force: smallest D with fsum(d^-γ, d ≤ D) ≥ f·fsum(d^-γ, d ≤ N);
     * the seed's closed form gives 6146 and 4903 here (FORMULAS.md §1 erratum) */
    assert_int_equal(taf_df_window(0.65, 8192, 0.9), 6129);
    assert_int_equal(taf_df_window(nextafter(0.65, 1), 8192, 0.9), 6129); /* python3 brute force */
    assert_int_equal(taf_df_window(0.85, 8192, 0.9), 4826);
    assert_int_equal(taf_df_window(nextafter(0.85, 0), 8192, 0.9), 4826); /* python3 brute force */
    assert_int_equal(taf_df_window(0.7, 8192, 0.9), 5886);                /* python3 brute force */
    assert_int_equal(taf_df_window(0.8, 1000, 0.5), 86);                  /* python3 brute force */
}

static void test_df_window_inside_zone_matches_discrete_sum_at_a_billion(void **state)
{
    (void)state;
    /* mpmath 40-digit partial sums + bisection (see test_df_exact.c); the
     * seed's closed form gives 704362026 for γ = 0.7 */
    assert_int_equal(taf_df_window(0.7, 1000000000, 0.9), 704275392);
    assert_int_equal(taf_df_window(0.65, 1000000000, 0.9), 740189785);
    assert_int_equal(taf_df_window(0.85, 1000000000, 0.9), 510586928);
}

static void test_df_window_small_N_and_full_fraction(void **state)
{
    (void)state;
    assert_int_equal(taf_df_window(0.7, 1, 0.9), 1);       /* N = 1 → 1 */
    assert_int_equal(taf_df_window(0.7, 0, 0.9), 1);       /* N ≤ 0 → 1 (the binding rejects it) */
    /* f = 1 → N; the seed's closed form returns 8193 > N here */
    assert_int_equal(taf_df_window(0.7, 8192, 1.0), 8192);
    /* hand: H(2) = 1 + 2^−0.75 = 1.5946; 0.9·H = 1.435 > H(1) = 1, 0.5·H = 0.797 < 1 */
    assert_int_equal(taf_df_window(0.75, 2, 0.9), 2);
    assert_int_equal(taf_df_window(0.75, 2, 0.5), 1);
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
    assert_string_equal(taf_kv_soft_decay_regime(1e4, 0.2, 8192), "applies");         /* seed */
    /* hand: T_train/2 below 1 uses 1 (max(1, T/2)) */
    assert_string_equal(taf_kv_soft_decay_regime(1.0, 0.1, 0.5), "borderline"); /* d_h = 0.9√2/1.1 = 1.157 */
}

static void test_gamma_phase_label(void **state)
{
    (void)state;
    assert_string_equal(taf_gamma_phase_label(0.5), "Phase A (long-range OK)");
    assert_string_equal(taf_gamma_phase_label(1.0), "Phase B / Hagedorn");
    assert_string_equal(taf_gamma_phase_label(0.0), "Phase B / catastrophic (negative γ — T too large for θ)");
    assert_string_equal(taf_gamma_phase_label(-0.4), "Phase B / catastrophic (negative γ — T too large for θ)");
    assert_string_equal(taf_gamma_phase_label(1.7), "Phase B / Hagedorn");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gamma_pade_matches_seed),
        cmocka_unit_test(test_gamma_pade_huge_theta_stays_finite),
        cmocka_unit_test(test_d_horizon_of_gamma_pade_is_the_identity_T),
        cmocka_unit_test(test_d_horizon_is_none_outside_open_unit_interval),
        cmocka_unit_test(test_chi_is_infinite_at_the_boundary),
        cmocka_unit_test(test_p_hallucinate),
        cmocka_unit_test(test_theta_design_and_alpha_opt),
        cmocka_unit_test(test_gamma_decompose_erratum_disables_delta_swa),
        cmocka_unit_test(test_df_window_is_none_outside_the_zone),
        cmocka_unit_test(test_df_window_at_zone_edges_matches_discrete_sum),
        cmocka_unit_test(test_df_window_inside_zone_matches_discrete_sum_at_a_billion),
        cmocka_unit_test(test_df_window_small_N_and_full_fraction),
        cmocka_unit_test(test_kv_soft_decay_regime_thresholds),
        cmocka_unit_test(test_gamma_phase_label),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

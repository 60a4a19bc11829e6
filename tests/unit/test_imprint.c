/* Imprint, invariant, IH phase and the v2 decomposition (FORMULAS.md §2,
 * taf_browser.py §28–§30). Expected values are worked by hand or evaluated
 * with python3 from the FORMULAS.md equations, quoted beside each. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "formulas/imprint.h"

#define assert_close(a, b, tol) assert_true(fabs((a) - (b)) <= (tol))

/* python3: γ_Padé(10000, 2048) = (20000 − 2048√2)/(20000 + 2048√2) = 0.7470064429851826 */
#define PADE_10K_2048 0.7470064429851826

static void test_gamma_random_at_baseline_size_is_pade(void **state)
{
    (void)state;
    /* by hand: P = P₀ = 14 → log10(1) = 0 → no imprint shift */
    assert_close(taf_gamma_random_predict(10000, 2048, 14.0), PADE_10K_2048, 1e-12);
}

static void test_gamma_random_shifts_by_minus_one_over_pi_per_hundredfold(void **state)
{
    (void)state;
    /* by hand: P = 1400 = 100·P₀ → ν·2 = −1/π = −0.3183098861837907 */
    assert_close(taf_gamma_random_predict(10000, 2048, 1400) - PADE_10K_2048, -1.0 / 3.14159265358979323846, 1e-12);
    /* python3: γ_Padé(10000,2048) + ν·log10(70/14) = 0.6357619117221417 */
    assert_close(taf_gamma_random_predict(10000, 2048, 70), 0.6357619117221417, 1e-12);
    /* python3: γ_Padé(500000,8192) + ν·log10(8000/14) = 0.538310763709889 */
    assert_close(taf_gamma_random_predict(500000, 8192, 8000), 0.538310763709889, 1e-12);
}

static void test_gamma_random_floors_tiny_models_at_1e3_millions(void **state)
{
    (void)state;
    /* python3: ν·log10(1e−3/14) = 0.6598767715700818, same for P = 0 and P = 1e−6 */
    assert_close(taf_gamma_random_predict(10000, 2048, 0.0) - PADE_10K_2048, 0.6598767715700818, 1e-12);
    assert_close(taf_gamma_random_predict(10000, 2048, 1e-6) - PADE_10K_2048, 0.6598767715700818, 1e-12);
}

static void test_imprint_purity_classifies_the_residual(void **state)
{
    (void)state;
    /* prediction for (10000, 2048, 70 M) = 0.6357619117221417 (python3 above) */
    struct taf_imprint_purity r = taf_imprint_purity(0.6, 10000, 2048, 70);
    assert_close(r.gamma_random_pred, 0.6357619117221417, 1e-12);
    assert_close(r.gamma_pade_only, PADE_10K_2048, 1e-12);
    /* python3: ν·log10(5) = −0.11124453126304093 */
    assert_close(r.imprint_predicted, -0.11124453126304093, 1e-12);
    /* python3: 0.6 − 0.6357619117221417 = −0.035761911722141715, |res| < 0.18 */
    assert_close(r.imprint_residual, -0.035761911722141715, 1e-12);
    assert_string_equal(r.purity, "clean (within CI)");
    assert_close(r.ci_95_half_width, 0.18, 0.0);
    /* residual −0.2358 → over; +0.2642 → under (python3: 0.4 − pred, 0.9 − pred) */
    assert_string_equal(taf_imprint_purity(0.4, 10000, 2048, 70).purity, "over-imprinted");
    assert_string_equal(taf_imprint_purity(0.9, 10000, 2048, 70).purity, "under-imprinted");
}

static void test_invariant_K_with_chinchilla_default(void **state)
{
    (void)state;
    /* python3: 0.75·ln((1e9)²·2e10) = 48.87414733829492, z = −0.13844361081577886 */
    struct taf_invariant_K r = taf_compute_invariant_K(0.75, 1000, NAN);
    assert_close(r.K, 48.87414733829492, 1e-10);
    assert_close(r.z_score, -0.13844361081577886, 1e-12);
    assert_true(r.in_distribution);
    assert_string_equal(r.interpretation, "in-band");
    assert_close(r.panel_mean, 51.2, 0.0);
    assert_close(r.panel_std, 16.8, 0.0);
}

static void test_invariant_K_outliers(void **state)
{
    (void)state;
    /* python3: 0.5·ln((7e7)²·1.4e9) = 28.593874836797447 → z = −1.3456 */
    struct taf_invariant_K low = taf_compute_invariant_K(0.5, 70, NAN);
    assert_close(low.K, 28.593874836797447, 1e-10);
    assert_false(low.in_distribution);
    assert_string_equal(low.interpretation, "low-K outlier");
    /* explicit D: python3 1.0·ln((8e9)²·15e12) = 75.94448607428325 → z = 1.4729 */
    struct taf_invariant_K high = taf_compute_invariant_K(1.0, 8000, 15e12);
    assert_close(high.K, 75.94448607428325, 1e-10);
    assert_close(high.z_score, 1.4728860758501932, 1e-12);
    assert_string_equal(high.interpretation, "high-K outlier");
}

static void test_ih_phase_from_sign_and_size(void **state)
{
    (void)state;
    struct taf_ih_phase r = taf_ih_phase_check(0.9, 0.8, 1000); /* Δ = +0.1, 1e9 ≥ 4e8 */
    assert_close(r.delta_gamma, 0.1, 1e-12);
    assert_string_equal(r.phase_observed, "post-IH");
    assert_string_equal(r.phase_expected_by_size, "post-IH");
    assert_true(r.consistent);
    r = taf_ih_phase_check(0.7, 0.9, 1000); /* Δ < 0 but large model → inconsistent */
    assert_string_equal(r.phase_observed, "pre-IH");
    assert_false(r.consistent);
    r = taf_ih_phase_check(0.7, 0.9, 399.9); /* 3.999e8 < 4e8 → pre-IH expected */
    assert_string_equal(r.phase_expected_by_size, "pre-IH");
    assert_true(r.consistent);
    r = taf_ih_phase_check(0.8, 0.8, 400); /* Δ = 0 → ambiguous; 4e8 → post-IH */
    assert_string_equal(r.phase_observed, "ambiguous");
    assert_string_equal(r.phase_expected_by_size, "post-IH");
    assert_false(r.consistent);
    r = taf_ih_phase_check(0.8, 0.8, NAN); /* no size: no expectation, consistent */
    assert_null(r.phase_expected_by_size);
    assert_true(r.consistent);
    assert_close(r.panel_pre_IH_mean, -0.19, 0.0);
    assert_close(r.panel_post_IH_mean, 0.03, 0.0);
    assert_close(r.panel_std, 0.26, 0.0);
}

static void test_decompose_v2_imprint_only_on_random_corpus(void **state)
{
    (void)state;
    struct taf_gamma_decomposition_v2 r = taf_gamma_decompose_v2(PADE_10K_2048, 70, true, false, "random", false);
    assert_close(r.delta_imprint, -0.11124453126304093, 1e-12); /* python3: ν·log10(5) */
    assert_close(r.delta_GQA, 0.11, 0.0);
    /* python3: 0.7470064429851826 − 0.11124453126304093 + 0.11 = 0.7457619117221417 */
    assert_close(r.gamma_corrected, 0.7457619117221417, 1e-12);
    assert_string_equal(r.corpus, "random");
    assert_string_equal(r.delta_SWA_status, "not_applicable");
    assert_string_equal(r.delta_post_IH_status, "not_applicable");
    assert_string_equal(r.delta_instruct_status, "not_applicable");
    r = taf_gamma_decompose_v2(PADE_10K_2048, 70, true, false, "text", false);
    assert_close(r.delta_imprint, 0.0, 0.0);
}

static void test_decompose_v2_swa_disabled_and_flags(void **state)
{
    (void)state;
    struct taf_gamma_decomposition_v2 r = taf_gamma_decompose_v2(PADE_10K_2048, 7000, true, true, "text", true);
    assert_close(r.delta_SWA, 0.0, 0.0); /* erratum: δ_SWA = 0 always */
    assert_string_equal(r.delta_SWA_status, "exploratory_n1_disabled");
    assert_close(r.delta_post_IH, -0.15, 0.0);
    assert_string_equal(r.delta_post_IH_status, "exploratory_no_replication");
    assert_close(r.delta_instruct, -0.10, 0.0);
    assert_string_equal(r.delta_instruct_status, "tentative_n3_p0.06");
    /* python3: 0.7470064429851826 + 0.11 − 0.15 − 0.10 = 0.6070064429851826 */
    assert_close(r.gamma_corrected, 0.6070064429851826, 1e-12);
    assert_non_null(r.calibration_warning);
    assert_true(strlen(r.calibration_warning) > 0);
    /* post-IH threshold is P ≥ 400 M */
    assert_close(taf_gamma_decompose_v2(0.8, 399.99, false, false, "text", false).delta_post_IH, 0.0, 0.0);
    assert_close(taf_gamma_decompose_v2(0.8, 400, false, false, "text", false).delta_post_IH, -0.15, 0.0);
}

static void test_decompose_v2_axes_in_order(void **state)
{
    (void)state;
    const char *expected[] = { "pade", "imprint", "GQA", "SWA", "IH", "instruct" };
    for (int i = 0; i < 6; i++)
        assert_string_equal(taf_decompose_v2_axes[i], expected[i]);
    assert_null(taf_decompose_v2_axes[6]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gamma_random_at_baseline_size_is_pade),
        cmocka_unit_test(test_gamma_random_shifts_by_minus_one_over_pi_per_hundredfold),
        cmocka_unit_test(test_gamma_random_floors_tiny_models_at_1e3_millions),
        cmocka_unit_test(test_imprint_purity_classifies_the_residual),
        cmocka_unit_test(test_invariant_K_with_chinchilla_default),
        cmocka_unit_test(test_invariant_K_outliers),
        cmocka_unit_test(test_ih_phase_from_sign_and_size),
        cmocka_unit_test(test_decompose_v2_imprint_only_on_random_corpus),
        cmocka_unit_test(test_decompose_v2_swa_disabled_and_flags),
        cmocka_unit_test(test_decompose_v2_axes_in_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

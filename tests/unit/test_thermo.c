/* Thermodynamic functions of FORMULAS.md §2. Each expected value is worked
 * by hand or evaluated with python3 straight from the FORMULAS.md equation
 * (the expression is quoted beside it); none is read back from the C code. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "formulas/thermo.h"
#include "formulas/df_exact.h"

#define assert_close(a, b, tol) assert_true(fabs((a) - (b)) <= (tol))

static void test_partition_Z_closed_form_off_hagedorn(void **state)
{
    (void)state;
    /* by hand: (100^0.5 − 1)/0.5 + 1 = 18 + 1 = 19 */
    assert_close(taf_partition_Z(0.5, 100), 19.0, 1e-12);
    /* by hand: (1000^−1 − 1)/(−1) + 1 = 0.999 + 1 = 1.999 */
    assert_close(taf_partition_Z(2.0, 1000), 1.999, 1e-12);
    /* by hand: N = 1 gives (1 − 1)/(1 − γ) + 1 = 1 for any γ ≠ 1 */
    assert_close(taf_partition_Z(0.7, 1), 1.0, 0.0);
}

static void test_partition_Z_at_hagedorn_adds_euler_gamma(void **state)
{
    (void)state;
    /* python3: math.log(2000) + 0.5772156649015329 = 8.178118124443616 */
    assert_close(taf_partition_Z(1.0, 2000), 8.178118124443616, 1e-12);
}

static void test_partition_Z_jumps_at_the_band_edge(void **state)
{
    (void)state;
    /* |γ−1| = 0.99e−5 < 1e−5 → ln N + γ_E = 8.178118124443616 (python3 as above) */
    assert_close(taf_partition_Z(1.0 + 0.99e-5, 2000), 8.178118124443616, 1e-12);
    /* |γ−1| = 1.01e−5 → closed form; python3:
     * (2000**(1-(1+1.01e-5)) - 1)/(1-(1+1.01e-5)) + 1 = 8.600610709731416 */
    assert_close(taf_partition_Z(1.0 + 1.01e-5, 2000), 8.600610709731416, 1e-7);
    /* same on the other side, γ = 1 − 1.01e−5: 8.601194224292612 */
    assert_close(taf_partition_Z(1.0 - 1.01e-5, 2000), 8.601194224292612, 1e-7);
}

static void test_mean_log_d_branches(void **state)
{
    (void)state;
    /* by hand, g = 0.5: (10·(ln100/0.5 − 4) + 4)/19 = (20 ln 100 − 36)/19 = 2.952810722092728 */
    assert_close(taf_mean_log_d(0.5, 100), (20.0 * log(100.0) - 36.0) / 19.0, 1e-12);
    assert_close(taf_mean_log_d(0.5, 100), 2.952810722092728, 1e-12);
    /* γ = 1: (ln 2000)²/2 / (ln 2000 + γ_E); python3 = 3.5322134823898383 */
    assert_close(taf_mean_log_d(1.0, 2000), 3.5322134823898383, 1e-12);
    /* g = −1: (1000^−1·(−ln1000 − 1) + 1)/1.999; python3 = 0.4962942694952565 */
    assert_close(taf_mean_log_d(2.0, 1000), 0.4962942694952565, 1e-12);
}

static void test_mean_log_d_is_zero_when_Z_is_not_positive(void **state)
{
    (void)state;
    /* outside the domain (N < 1): γ = 0.5, N = 0 → Z = (0 − 1)/0.5 + 1 = −1 ≤ 0 → 0 */
    assert_close(taf_mean_log_d(0.5, 0.0), 0.0, 0.0);
}

static void test_entropy_is_log_Z_plus_gamma_U(void **state)
{
    (void)state;
    /* python3: ln 19 + 0.5·2.952810722092728 = 4.420844340212804 */
    assert_close(taf_entropy_S(0.5, 100), 4.420844340212804, 1e-12);
    /* python3: ln 8.178118124443616 + 3.5322134823898383 = 5.633675548400584 */
    assert_close(taf_entropy_S(1.0, 2000), 5.633675548400584, 1e-12);
}

static void test_free_energy_uses_temperature_one_over_gamma(void **state)
{
    (void)state;
    /* by hand: −ln 19 / 0.5 = −5.8888779583328805 */
    assert_close(taf_free_energy_F(0.5, 100), -2.0 * log(19.0), 1e-12);
    /* python3: −ln(8.178118124443616)/1 = −2.101462066010746 */
    assert_close(taf_free_energy_F(1.0, 2000), -2.101462066010746, 1e-12);
    /* γ = 0 divides by the 1e−9 floor: Z = 100 → −ln 100 / 1e−9 = −4605170185.988091 */
    assert_close(taf_free_energy_F(0.0, 100), -4605170185.988091, 1e-3);
}

static void test_heat_capacity_matches_central_difference(void **state)
{
    (void)state;
    /* python3: -0.5**2*(U(0.5001,100)-U(0.4999,100))/2e-4 = 0.44836186664065636 */
    assert_close(taf_heat_capacity_Cv(0.5, 100, TAF_CV_DELTA), 0.44836186664065636, 1e-8);
    /* custom step: python3 Cv(0.8, 4096, d=1e-3) = 3.8422383898324606 */
    assert_close(taf_heat_capacity_Cv(0.8, 4096, 1e-3), 3.8422383898324606, 1e-8);
}

static void test_heat_capacity_is_nan_outside_its_domain(void **state)
{
    (void)state;
    assert_true(isnan(taf_heat_capacity_Cv(1e-4, 100, 1e-4))); /* γ ≤ δ */
    assert_true(isnan(taf_heat_capacity_Cv(-0.5, 100, 1e-4)));
    assert_true(isnan(taf_heat_capacity_Cv(20.0, 100, 1e-4))); /* γ ≥ 20 */
    assert_false(isnan(taf_heat_capacity_Cv(19.9, 100, 1e-4)));
}

static void test_heat_capacity_at_hagedorn_approaches_log_squared_over_12(void **state)
{
    (void)state;
    /* python3 central difference at γ = 1 (both γ±δ use the closed-form branch):
     * N = 2000 → 5.738748213841571; N = 1e3 → 4.791340578063075 (ratio to (ln N)²/12 = 1.205);
     * N = 1e30 → 408.7477464096878 (ratio 1.028): (ln N)²/12 holds only asymptotically. */
    assert_close(taf_heat_capacity_Cv(1.0, 2000, TAF_CV_DELTA), 5.738748213841571, 1e-7);
    double cv3 = taf_heat_capacity_Cv(1.0, 1e3, TAF_CV_DELTA);
    double cv30 = taf_heat_capacity_Cv(1.0, 1e30, TAF_CV_DELTA);
    assert_close(cv3, 4.791340578063075, 1e-7);
    assert_close(cv30, 408.7477464096878, 1e-5);
    double r3 = cv3 / (pow(log(1e3), 2) / 12), r30 = cv30 / (pow(log(1e30), 2) / 12);
    assert_close(r3, 1.2049371698521119, 1e-8);
    assert_close(r30, 1.027928081333387, 1e-8);
    assert_true(r30 < r3 && r30 > 1.0);
}

static void test_theta_eff_and_delta_H(void **state)
{
    (void)state;
    /* python3: 10000 + 2048/math.sqrt(2) = 11448.15468787005 */
    assert_close(taf_theta_eff_pade(10000, 2048), 11448.15468787005, 1e-9);
    /* python3: math.log((10000+500/√2)/(10000+2000/√2)) = −0.09752959895085117 */
    assert_close(taf_delta_H(10000, 500, 2000), -0.09752959895085117, 1e-12);
    /* by hand: D_f = N → ln 1 = 0 */
    assert_close(taf_delta_H(10000, 2000, 2000), 0.0, 0.0);
}

static void test_D_f_closed_edge_cases(void **state)
{
    (void)state;
    assert_int_equal(taf_D_f_closed(0.8, 0.9, 0), 1);     /* N ≤ 0 → 1 */
    assert_int_equal(taf_D_f_closed(0.8, 0.9, -5), 1);
    assert_int_equal(taf_D_f_closed(0.0, 0.9, 500), 500); /* γ ≤ 0 → N */
    assert_int_equal(taf_D_f_closed(-0.3, 0.9, 500), 500);
    assert_int_equal(taf_D_f_closed(NAN, 0.9, 500), 500);
}

static void test_D_f_closed_is_the_discrete_sum(void **state)
{
    (void)state;
    /* python3 direct cumulative sum of d**-γ until ≥ f·total:
     * (0.8, 100, 0.9) → 72; (1.5, 2000, 0.9) → 44; (0.5, 1000, 0.5) → 262 */
    assert_int_equal(taf_D_f_closed(0.8, 0.9, 100), 72);
    assert_int_equal(taf_D_f_closed(1.5, 0.9, 2000), 44);
    assert_int_equal(taf_D_f_closed(0.5, 0.5, 1000), 262);
}

static void test_phase_label_thresholds(void **state)
{
    (void)state;
    assert_string_equal(taf_phase_label(0.9499), "A — deconfined (RoPE/long)");
    assert_string_equal(taf_phase_label(0.95), "Hagedorn (crossover γ≈1)");
    assert_string_equal(taf_phase_label(1.05), "Hagedorn (crossover γ≈1)");
    assert_string_equal(taf_phase_label(1.0501), "B — confined (AbsPE/short)");
}

static void test_kl_divergence_normalises_and_skips_zero_p(void **state)
{
    (void)state;
    const double p[] = { 1, 2, 3, 4 }, q[] = { 4, 3, 2, 1 };
    /* python3 Σ p·ln(p/(q+1e-12)) on p/10, q/10 = 0.45643481914036693 */
    assert_close(taf_kl_divergence(p, q, 4), 0.45643481914036693, 1e-12);
    /* identical distributions: 0 up to the ε in the denominator */
    assert_close(taf_kl_divergence(p, p, 4), 0.0, 1e-10);
    const double p2[] = { 0, 1 }, q2[] = { 0.5, 0.5 };
    /* p = 0 entry skipped: 1·ln(1/(0.5+1e−12)) = 0.6931471805579453 */
    assert_close(taf_kl_divergence(p2, q2, 2), 0.6931471805579453, 1e-12);
    const double p3[] = { 1, 1 }, q3[] = { 0, 1 };
    /* q = 0 where p > 0: 0.5·ln(0.5/1e−12) + 0.5·ln(0.5/1) = 13.122363377403829 */
    assert_close(taf_kl_divergence(p3, q3, 2), 13.122363377403829, 1e-9);
}

static void test_kl_divergence_outside_domain_is_nan(void **state)
{
    (void)state;
    const double z[] = { 0, 0 }, one[] = { 1, 1 }, neg[] = { -1, 2 };
    assert_true(isnan(taf_kl_divergence(z, one, 2)));
    assert_true(isnan(taf_kl_divergence(one, neg, 2)));
    assert_true(isnan(taf_kl_divergence(one, one, 0)));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_partition_Z_closed_form_off_hagedorn),
        cmocka_unit_test(test_partition_Z_at_hagedorn_adds_euler_gamma),
        cmocka_unit_test(test_partition_Z_jumps_at_the_band_edge),
        cmocka_unit_test(test_mean_log_d_branches),
        cmocka_unit_test(test_mean_log_d_is_zero_when_Z_is_not_positive),
        cmocka_unit_test(test_entropy_is_log_Z_plus_gamma_U),
        cmocka_unit_test(test_free_energy_uses_temperature_one_over_gamma),
        cmocka_unit_test(test_heat_capacity_matches_central_difference),
        cmocka_unit_test(test_heat_capacity_is_nan_outside_its_domain),
        cmocka_unit_test(test_heat_capacity_at_hagedorn_approaches_log_squared_over_12),
        cmocka_unit_test(test_theta_eff_and_delta_H),
        cmocka_unit_test(test_D_f_closed_edge_cases),
        cmocka_unit_test(test_D_f_closed_is_the_discrete_sum),
        cmocka_unit_test(test_phase_label_thresholds),
        cmocka_unit_test(test_kl_divergence_normalises_and_skips_zero_p),
        cmocka_unit_test(test_kl_divergence_outside_domain_is_nan),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

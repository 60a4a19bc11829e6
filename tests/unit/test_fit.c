/* fit_power_law of FORMULAS.md §2. Expected values are worked by hand, come
 * from a python3 OLS written from the FORMULAS.md equation (centred sums), or
 * are the fits recorded in ../shared/data/atlas (named beside each array). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "formulas/fit.h"

#define assert_close(a, b, tol) assert_true(fabs((a) - (b)) <= (tol))

static void test_exact_power_law_recovers_gamma_with_R2_one(void **state)
{
    (void)state;
    const double d[] = { 10, 20, 50, 100, 200, 500, 1000 };
    double m[7];
    for (int i = 0; i < 7; i++)
        m[i] = 0.3 * pow(d[i], -0.85); /* by construction: γ = 0.85, A = 0.3 */
    struct taf_power_fit fit = taf_fit_power_law(d, m, 7);
    assert_close(fit.gamma, 0.85, 1e-12);
    assert_close(fit.log_A, -1.2039728043259361, 1e-12); /* python3: math.log(0.3) */
    assert_true(fit.R2 == 1.0);
    assert_int_equal(fit.n_points, 7);
}

static void test_noisy_points_match_reference_ols(void **state)
{
    (void)state;
    const double d[] = { 10, 20, 50, 100 }, m[] = { 0.05, 0.04, 0.02, 0.015 };
    struct taf_power_fit fit = taf_fit_power_law(d, m, 4);
    /* python3 OLS of ln m on −ln d: γ = 0.554812583854876, log_A = −1.6653292679479468, R² = 0.978452 */
    assert_close(fit.gamma, 0.554812583854876, 1e-12);
    assert_close(fit.log_A, -1.6653292679479468, 1e-12);
    assert_true(fit.R2 == 0.978452);
}

static void test_invalid_means_are_dropped(void **state)
{
    (void)state;
    const double d[] = { 10, 20, 40, 80 }, m[] = { 0.1, 0.0, 0.025, INFINITY };
    struct taf_power_fit fit = taf_fit_power_law(d, m, 4);
    /* by hand: kept (10, 0.1), (40, 0.025) → γ = ln 4 / ln 4 = 1, A = 1 → log_A = 0, R² = 1 */
    assert_int_equal(fit.n_points, 2);
    assert_close(fit.gamma, 1.0, 1e-12);
    assert_close(fit.log_A, 0.0, 1e-12);
    assert_true(fit.R2 == 1.0);
}

static void test_fewer_than_two_valid_points_gives_no_gamma(void **state)
{
    (void)state;
    const double d[] = { 10, 20, 30, 40 }, m[] = { 0.1, -1.0, NAN, 0.0 };
    struct taf_power_fit fit = taf_fit_power_law(d, m, 4);
    assert_true(isnan(fit.gamma));
    assert_true(fit.log_A == 0.0 && fit.R2 == 0.0);
    assert_int_equal(fit.n_points, 1);
    fit = taf_fit_power_law(d, m, 0);
    assert_true(isnan(fit.gamma));
    assert_int_equal(fit.n_points, 0);
}

static void test_single_distance_gives_no_gamma(void **state)
{
    (void)state;
    const double d[] = { 50, 50, 50 }, m[] = { 0.1, 0.2, 0.3 };
    struct taf_power_fit fit = taf_fit_power_law(d, m, 3);
    assert_true(isnan(fit.gamma));
    assert_true(fit.log_A == 0.0 && fit.R2 == 0.0);
    assert_int_equal(fit.n_points, 3);
}

static void test_flat_curve_has_zero_R2(void **state)
{
    (void)state;
    /* by hand: ln 1 = 0 everywhere → SS_tot = 0 → R² = 0; slope 0, intercept 0 */
    const double d[] = { 10, 100, 1000 }, m[] = { 1.0, 1.0, 1.0 };
    struct taf_power_fit fit = taf_fit_power_law(d, m, 3);
    assert_true(fit.R2 == 0.0);
    assert_close(fit.gamma, 0.0, 0.0);
    assert_close(fit.log_A, 0.0, 0.0);
    /* two equal means: their mean is exact, SS_tot = 0 again */
    const double d2[] = { 10, 100 }, m2[] = { 0.25, 0.25 };
    fit = taf_fit_power_law(d2, m2, 2);
    assert_true(fit.R2 == 0.0);
    assert_close(fit.gamma, 0.0, 0.0);
    assert_close(fit.log_A, log(0.25), 0.0);
}

static void test_round_decimals_is_python_round(void **state)
{
    (void)state;
    /* python3: round(2.675, 2) = 2.67 (binary value below the tie), round(0.1234565, 6) = 0.123456,
     * round(0.9999995, 6) = 1.0, round(0.5555555, 6) = 0.555555 */
    assert_true(taf_round_decimals(2.675, 2) == 2.67);
    assert_true(taf_round_decimals(0.1234565, 6) == 0.123456);
    assert_true(taf_round_decimals(0.9999995, 6) == 1.0);
    assert_true(taf_round_decimals(0.5555555, 6) == 0.555555);
    assert_true(isnan(taf_round_decimals(NAN, 6)));
}

struct atlas_case {
    const char *file;
    size_t n;
    double d[7], m[7];
    double gamma, log_A, R2;
};

/* distances_fit and attn_by_distance[d].mean_across_seeds of each file, with
 * its recorded fit_power_law {gamma, log_A, R2, n_points}. */
static const struct atlas_case atlas[] = {
    { "gpt2_mongo.json", 5, { 30, 50, 100, 200, 500 },
      { 0.003858918526675552, 0.002250000941243747, 0.0014039013699706025, 0.0008754040200276196,
        0.00018121012873557952 },
      1.0231174997210821, -1.981276401516759, 0.955115 },
    { "meta-llama--Meta-Llama-3-8B_mongo.json", 7, { 30, 50, 100, 200, 500, 1000, 2000 },
      { 0.0025728944933184213, 0.0014714971260077114, 0.0006953646930115712, 0.00037121372909395075,
        0.00011184491504738818, 6.471107897798195e-05, 3.34952792859945e-05 },
      1.0454762537473639, -2.4338207488763257, 0.997461 },
    { "EleutherAI--pythia-2.8b_random.json", 7, { 30, 50, 100, 200, 500, 1000, 2000 },
      { 0.004171221432948693, 0.0028834379232850755, 0.0016150823904253128, 0.0012179727724287658,
        0.0003523622222484037, 0.00021088249445407807, 0.0009888755242556928 },
      0.5511942093739615, -3.841280530850879, 0.644437 },
};

static void test_atlas_fits_are_reproduced(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof atlas / sizeof atlas[0]; i++) {
        struct taf_power_fit fit = taf_fit_power_law(atlas[i].d, atlas[i].m, atlas[i].n);
        print_message("%s: gamma %.12f (recorded %.12f) R2 %.6f\n", atlas[i].file, fit.gamma, atlas[i].gamma, fit.R2);
        assert_close(fit.gamma, atlas[i].gamma, 1e-6);
        assert_close(fit.log_A, atlas[i].log_A, 1e-6);
        assert_close(fit.R2, atlas[i].R2, 1e-6);
        assert_int_equal(fit.n_points, atlas[i].n);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exact_power_law_recovers_gamma_with_R2_one),
        cmocka_unit_test(test_noisy_points_match_reference_ols),
        cmocka_unit_test(test_invalid_means_are_dropped),
        cmocka_unit_test(test_fewer_than_two_valid_points_gives_no_gamma),
        cmocka_unit_test(test_single_distance_gives_no_gamma),
        cmocka_unit_test(test_flat_curve_has_zero_R2),
        cmocka_unit_test(test_round_decimals_is_python_round),
        cmocka_unit_test(test_atlas_fits_are_reproduced),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

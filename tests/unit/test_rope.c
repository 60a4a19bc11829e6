/* Unit tests of engine/formulas/rope.c. Expected values by hand from the
 * equation in each comment, or computed in python3 with math (noted "py:"). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <math.h>
#include <cmocka.h>

#include "formulas/rope.h"

#define TWO_PI 6.283185307179586

static void test_wavelength_fastest_is_two_pi_and_grows_with_i(void **state)
{
    (void)state;
    assert_true(taf_rope_wavelength(10000, 0, 128) == TWO_PI);                 /* θ^0 = 1 */
    assert_true(fabs(taf_rope_wavelength(10000, 1, 128) - 7.255709199196486) < 1e-12);     /* py: 2π·1e4^(2/128) */
    assert_true(fabs(taf_rope_wavelength(10000, 63, 128) - 54410.14313077674) < 1e-8);     /* py: 2π·1e4^(126/128) */
    assert_true(fabs(taf_rope_wavelength(10000, 32, 128) - TWO_PI * 100) < 1e-9);          /* θ^(1/2) = 100 */
}

static void test_n_active_at_the_scales_and_clamps(void **state)
{
    (void)state;
    /* py: 64·(1 − ln(8192/2π)/ln 1e4) */
    assert_true(fabs(taf_rope_n_active(10000, 128, 8192) - 14.156638795621753) < 1e-12);
    /* at T_cross = 2π√θ half the pairs: d/4; at T_max = 2πθ none */
    assert_true(fabs(taf_rope_n_active(10000, 128, TWO_PI * 100) - 32) < 1e-12);
    assert_true(fabs(taf_rope_n_active(10000, 128, TWO_PI * 10000)) < 1e-12);
    /* clamps: below 2π all 64 pairs, beyond T_max zero */
    assert_true(taf_rope_n_active(10000, 128, 1) == 64);
    assert_true(taf_rope_n_active(10000, 128, 1e9) == 0);
}

static void test_pairs_resolving_counts_wavelengths_at_least_the_distance(void **state)
{
    (void)state;
    /* py: sum(2π·1e4^(2i/128) ≥ 8192 for i in 0..63) = 14 */
    assert_int_equal(taf_rope_pairs_resolving(10000, 128, 8192), 14);
    assert_int_equal(taf_rope_pairs_resolving(10000, 128, 1), 64);
    /* λ_32 = 2π·100 exactly: the pair at the boundary counts (≥) */
    assert_int_equal(taf_rope_pairs_resolving(10000, 128, TWO_PI * 100), 32);
    assert_int_equal(taf_rope_pairs_resolving(10000, 128, 1e9), 0);
}

static void test_t_cross_and_t_max(void **state)
{
    (void)state;
    assert_true(fabs(taf_rope_t_cross(10000) - 628.3185307179587) < 1e-12); /* 2π·100 */
    assert_true(fabs(taf_rope_t_max(10000) - 62831.853071795864) < 1e-9);   /* 2π·1e4 */
    /* θ = (8192/2π)² gives T_cross = 8192 exactly in binary64 (py check) */
    assert_true(taf_rope_t_cross(1699887.3833431678) == 8192.0);
}

static void test_lcrit_fraction(void **state)
{
    (void)state;
    /* py: ln(8192/2π)/ln(5e5)·2^(1/√12) */
    assert_true(fabs(taf_lcrit_fraction(500000, 8192, 128) - 0.6677145534163882) < 1e-12);
    /* d_head = 64: the exponent factor is 1; T = 2π gives 0 */
    assert_true(fabs(taf_lcrit_fraction(10000, TWO_PI * 100, 64) - 0.5) < 1e-12);
    assert_true(fabs(taf_lcrit_fraction(10000, TWO_PI, 64)) < 1e-15);
    assert_true(isnan(taf_lcrit_fraction(1, 8192, 64)));
    assert_true(isnan(taf_lcrit_fraction(10000, 0, 64)));
}

static void test_ntk_and_dynamic_bases(void **state)
{
    (void)state;
    assert_true(fabs(taf_ntk_theta(10000, 4, 128) - 40889.94243248622) < 1e-8);   /* py: 1e4·4^(128/126) */
    assert_true(taf_ntk_theta(10000, 1, 128) == 10000);
    /* py: 1e4·(4·16384/4096 − 3)^(128/126); inside the trained context the base is unchanged */
    assert_true(fabs(taf_dynamic_ntk_theta(10000, 4, 128, 16384, 4096) - 135401.97304176545) < 1e-7);
    assert_true(taf_dynamic_ntk_theta(10000, 4, 128, 4096, 4096) == 10000);
    assert_true(taf_dynamic_ntk_theta(10000, 4, 128, 2048, 4096) == 10000);
}

static void test_yarn_mscale_and_correction_range(void **state)
{
    (void)state;
    assert_true(fabs(taf_yarn_mscale(4) - 1.138629436111989) < 1e-15);   /* 0.1·ln 4 + 1 */
    assert_true(taf_yarn_mscale(1) == 1.0);
    assert_true(taf_yarn_mscale(0.5) == 1.0);
    /* py: 128·ln(4096/(32·2π))/(2 ln 1e4) = 20.944, 128·ln(4096/2π)/(2 ln 1e4) = 45.027 */
    assert_true(fabs(taf_yarn_correction_dim(32, 128, 10000, 4096) - 20.94448162063605) < 1e-12);
    struct taf_yarn_range r = taf_yarn_correction_range(32, 1, 128, 10000, 4096);
    assert_true(r.low == 20 && r.high == 46);
    /* clamped to [0, d − 1] for a tiny trained context and a huge one */
    r = taf_yarn_correction_range(32, 1, 128, 10000, 16);
    assert_true(r.low == 0);
    r = taf_yarn_correction_range(32, 1, 128, 10, 1e12);
    assert_true(r.high == 127);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wavelength_fastest_is_two_pi_and_grows_with_i),
        cmocka_unit_test(test_n_active_at_the_scales_and_clamps),
        cmocka_unit_test(test_pairs_resolving_counts_wavelengths_at_least_the_distance),
        cmocka_unit_test(test_t_cross_and_t_max),
        cmocka_unit_test(test_lcrit_fraction),
        cmocka_unit_test(test_ntk_and_dynamic_bases),
        cmocka_unit_test(test_yarn_mscale_and_correction_range),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

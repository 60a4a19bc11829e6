/* Unit tests of engine/kernels/df_exact.c: the exact D_f must equal the
 * direct cumulative sum. Reference values: python3 brute force with
 * math.fsum over d = 1..N (smallest D with Σ_{d≤D} d^-γ ≥ f·Σ_{d≤N} d^-γ),
 * and a compensated direct sum computed in this file for N up to 2e5. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <math.h>
#include <cmocka.h>

#include "kernels/df_exact.h"

/* The baseline, written out: Neumaier-compensated cumulative sum. */
static int64_t df_direct(double gamma, int64_t N, double f)
{
    double total = 0, c = 0;
    for (int64_t d = 1; d <= N; d++) {
        double t = pow((double)d, -gamma), s = total + t;
        c += fabs(total) >= fabs(t) ? (total - s) + t : (t - s) + total;
        total = s;
    }
    double target = f * (total + c), acc = 0;
    c = 0;
    for (int64_t d = 1; d <= N; d++) {
        double t = pow((double)d, -gamma), s = acc + t;
        c += fabs(acc) >= fabs(t) ? (acc - s) + t : (t - s) + acc;
        acc = s;
        if (acc + c >= target)
            return d;
    }
    return N;
}

static void test_matches_python_brute_force(void **state)
{
    (void)state;
    assert_int_equal(taf_df_exact(0.7, 100000, 0.9), 71074);
    assert_int_equal(taf_df_exact(0.8, 1000000, 0.9), 609090);
    assert_int_equal(taf_df_exact(1.0, 100000, 0.5), 237);
    assert_int_equal(taf_df_exact(1.5, 100000, 0.9), 56);
    assert_int_equal(taf_df_exact(0.0, 1000, 0.5), 500);
    assert_int_equal(taf_df_exact(-0.5, 10000, 0.9), 9322);
    assert_int_equal(taf_df_exact(3.0, 1000000, 0.99), 6);
    assert_int_equal(taf_df_exact(0.99, 1000000, 0.9), 259334);
    assert_int_equal(taf_df_exact(0.75, 10000000, 0.9), 6605726);
}

static void test_matches_direct_sum_over_a_grid(void **state)
{
    (void)state;
    const double gammas[] = { -0.5, 0, 0.3, 0.65, 0.7, 0.8, 0.85, 0.99, 1, 1.01, 1.5, 3 };
    const double fs[] = { 0.1, 0.5, 0.9, 0.99, 1 };
    const int64_t Ns[] = { 1, 2, 3, 100, 4095, 4096, 4097, 5000, 65536, 200000 };
    for (size_t g = 0; g < sizeof gammas / sizeof *gammas; g++)
        for (size_t f = 0; f < sizeof fs / sizeof *fs; f++)
            for (size_t n = 0; n < sizeof Ns / sizeof *Ns; n++) {
                /* f = 1 is exactly N; a floating cumulative sum can tie one term early
                 * once the tail falls below its rounding (γ = 3, N = 2e5) */
                int64_t want = fs[f] == 1 ? Ns[n] : df_direct(gammas[g], Ns[n], fs[f]);
                int64_t got = taf_df_exact(gammas[g], Ns[n], fs[f]);
                if (want != got)
                    fail_msg("γ=%g N=%lld f=%g: direct %lld, kernel %lld", gammas[g], (long long)Ns[n], fs[f],
                             (long long)want, (long long)got);
            }
}

static void test_edge_cases(void **state)
{
    (void)state;
    assert_int_equal(taf_df_exact(0.8, 0, 0.9), 1);  /* N ≤ 0 → 1 (FORMULAS.md §1) */
    assert_int_equal(taf_df_exact(0.8, -7, 0.9), 1);
    assert_int_equal(taf_df_exact(0.8, 1, 0.9), 1);
    assert_int_equal(taf_df_exact(3.0, 1000000000, 1.0), 1000000000); /* f = 1 → N, even when the tail underflows */
}

static void test_harmonic_sum_accuracy(void **state)
{
    (void)state;
    /* python3 math.fsum(d**-γ for d in 1..1e6) */
    assert_true(fabs(taf_harmonic_sum(0.7, 1000000) - 207.54075792904104) < 1e-12 * 207.5);
    assert_true(fabs(taf_harmonic_sum(1.0, 1000000) - 14.392726722865724) < 1e-13 * 14.4);
    assert_true(fabs(taf_harmonic_sum(1.5, 1000000) - 2.6103753491854884) < 1e-14 * 2.6);
    /* hand: H_n^(0) = n and H_n^(1) ≈ ln n + γ_E + 1/(2n) − 1/(12n²) */
    assert_true(taf_harmonic_sum(0.0, 123456789) == 123456789.0);
    double n = 1e9, h1 = log(n) + 0.5772156649015329 + 1 / (2 * n) - 1 / (12 * n * n);
    assert_true(fabs(taf_harmonic_sum(1.0, 1000000000) - h1) < 1e-13 * h1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_matches_python_brute_force),
        cmocka_unit_test(test_matches_direct_sum_over_a_grid),
        cmocka_unit_test(test_edge_cases),
        cmocka_unit_test(test_harmonic_sum_accuracy),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

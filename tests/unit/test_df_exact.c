/* Unit tests of engine/formulas/df_exact.c: the exact D_f must equal the
 * direct cumulative sum. References: "mpmath:" = python3 mpmath at 40 digits
 * (direct sum of the first 2000 terms plus a 15-term Euler–Maclaurin tail),
 * bisection on D in that precision; the crossing margin |H(D) − f·H(N)| of
 * every such case is ≥ 1e−13·H, far above double rounding. "brute force:" =
 * the cumulative sum written out in this file (long double accumulation,
 * target f·H(N) rounded to double as the kernel documents). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <math.h>
#include <time.h>
#include <cmocka.h>

#include "formulas/df_exact.h"

/* One pass for H(N), one cumulative pass deciding every f at once. */
static void df_brute_force(double gamma, int64_t N, const double *fs, size_t nf, int64_t *out)
{
    long double total = 0, acc = 0;
    for (int64_t d = 1; d <= N; d++)
        total += pow((double)d, -gamma);
    size_t done = 0;
    for (size_t i = 0; i < nf; i++)
        out[i] = -1;
    for (int64_t d = 1; d <= N && done < nf; d++) {
        acc += pow((double)d, -gamma);
        for (size_t i = 0; i < nf; i++)
            if (out[i] < 0 && acc >= (long double)(fs[i] * (double)total)) {
                out[i] = d;
                done++;
            }
    }
    for (size_t i = 0; i < nf; i++)
        if (out[i] < 0)
            out[i] = N;
}

static const double GAMMAS[] = { -0.5, 0, 0.3, 0.65, 0.7, 0.8, 0.85, 0.99, 1, 1.01, 1.5, 3 };
#define NGAMMAS (sizeof GAMMAS / sizeof *GAMMAS)

static void check_grid(const int64_t *Ns, size_t nN)
{
    /* f = 1 is N by definition (every term is positive); a floating cumulative
     * sum can stall short of it once the terms fall below its rounding (γ = 3) */
    const double fs[] = { 0.1, 0.5, 0.9, 0.99 };
    for (size_t g = 0; g < NGAMMAS; g++)
        for (size_t n = 0; n < nN; n++) {
            int64_t want[4];
            df_brute_force(GAMMAS[g], Ns[n], fs, 4, want);
            for (size_t f = 0; f < 4; f++) {
                int64_t got = taf_df_exact(GAMMAS[g], Ns[n], fs[f]);
                if (want[f] != got)
                    fail_msg("γ=%g N=%lld f=%g: brute force %lld, kernel %lld", GAMMAS[g], (long long)Ns[n], fs[f],
                             (long long)want[f], (long long)got);
            }
            assert_int_equal(taf_df_exact(GAMMAS[g], Ns[n], 1.0), Ns[n]);
        }
}

static void test_df_exact_matches_brute_force_over_a_grid(void **state)
{
    (void)state;
    /* around the direct/bisection switch at 4096 and the Euler–Maclaurin start */
    const int64_t Ns[] = { 2, 3, 17, 100, 4095, 4096, 4097, 5000, 65536, 200001 };
    check_grid(Ns, sizeof Ns / sizeof *Ns);
}

static void test_df_exact_matches_brute_force_at_ten_million(void **state)
{
    (void)state;
    const int64_t Ns[] = { 10000000 };
    check_grid(Ns, 1);
}

static void test_df_exact_matches_high_precision_at_huge_N(void **state)
{
    (void)state;
    assert_int_equal(taf_df_exact(0.7, 1000000000, 0.9), 704275392);           /* mpmath */
    assert_int_equal(taf_df_exact(0.65, 1000000000, 0.9), 740189785);          /* mpmath */
    assert_int_equal(taf_df_exact(0.85, 1000000000, 0.9), 510586928);          /* mpmath */
    assert_int_equal(taf_df_exact(0.99, 1000000000, 0.9), 144107384);          /* mpmath */
    assert_int_equal(taf_df_exact(1.01, 1000000000, 0.9), 95746237);           /* mpmath */
    assert_int_equal(taf_df_exact(0.75, INT64_C(1000000000000), 0.9), INT64_C(656350905679)); /* mpmath */
    assert_int_equal(taf_df_exact(1.0, INT64_C(1000000000000), 0.5), 749306);  /* mpmath */
    assert_int_equal(taf_df_exact(-0.5, INT64_C(1000000000000), 0.5), INT64_C(629960524948)); /* mpmath */
    assert_int_equal(taf_df_exact(1.5, INT64_C(1000000000000), 0.99), 5860);   /* mpmath */
    assert_int_equal(taf_df_exact(0.3, INT64_C(1000000000000), 0.1), INT64_C(37275938411));   /* mpmath */
}

static void test_df_exact_handles_steep_negative_gamma_without_overflow(void **state)
{
    (void)state;
    /* Σ d^300 up to 1e12 is 1e3600: the kernel rescales the terms */
    assert_int_equal(taf_df_exact(-300, INT64_C(1000000000000), 0.5), INT64_C(997699834890));  /* mpmath */
    assert_int_equal(taf_df_exact(-2000, INT64_C(1000000000000), 0.5), INT64_C(999653659600)); /* mpmath */
    /* hand: H(D)/H(N) ≈ (D/N)^1001 ⇒ D ≈ 1e6·0.5^(1/1001) = 999307.9… */
    int64_t d = taf_df_exact(-1000, 1000000, 0.5);
    assert_true(d >= 999300 && d <= 999310);
    /* brute force (in this file, scaled terms) for a mid-size N in the rescaled regimes */
    const double fs[] = { 0.5 };
    int64_t want;
    df_brute_force(-30, 100000, fs, 1, &want); /* Σ d^30 ≈ 1e155 stays finite in long double */
    assert_int_equal(taf_df_exact(-30, 100000, 0.5), want);
}

static void test_df_exact_resolves_exact_ties(void **state)
{
    (void)state;
    /* hand: γ = 0 sums to D: f·N = 5e8 is reached exactly at D = 5e8, not one later */
    assert_int_equal(taf_df_exact(0.0, 1000000000, 0.5), 500000000);
    assert_int_equal(taf_df_exact(0.0, 12, 0.25), 3);
    /* hand: γ = −1 sums to D(D+1)/2; D(D+1) = N(N+1)/2 has integer solutions
     * (N, D) = (23660, 16730): 16730·16731 = 279909630 = 23660·23661/2, and
     * (4684659, 3312554): 3312554·3312555 = 10973017315470 = 4684659·4684660/2 */
    assert_int_equal(taf_df_exact(-1.0, 23660, 0.5), 16730);
    assert_int_equal(taf_df_exact(-1.0, 4684659, 0.5), 3312554);
    /* hand: γ = −2, N = 24: Σ d² = 4900 = 70², f = 0.5 → 2450; Σ_{d≤18} d² = 2109, Σ_{d≤19} = 2470 */
    assert_int_equal(taf_df_exact(-2.0, 24, 0.5), 19);
}

static void test_df_exact_edge_cases(void **state)
{
    (void)state;
    assert_int_equal(taf_df_exact(0.8, 0, 0.9), 1); /* N ≤ 0 → 1 (FORMULAS.md §1) */
    assert_int_equal(taf_df_exact(0.8, -7, 0.9), 1);
    assert_int_equal(taf_df_exact(0.8, 1, 0.9), 1); /* N = 1 → 1 */
    /* f = 1 → N, even where the tail underflows the sum */
    assert_int_equal(taf_df_exact(3.0, 1000000000, 1.0), 1000000000);
    assert_int_equal(taf_df_exact(100.0, 1000000000, 1.0), 1000000000);
    /* hand: γ = 100, 1e5: H = 1 + 2^−100 + … ⇒ f·H < 1 = H(1) for f < 1 */
    assert_int_equal(taf_df_exact(100.0, 1000000000, 0.999), 1);
    assert_int_equal(taf_df_exact(1e5, 1000000000, 0.5), 1);
    /* limits: γ → +∞ keeps the first term only, γ → −∞ the last one */
    assert_int_equal(taf_df_exact(INFINITY, 1000, 0.5), 1);
    assert_int_equal(taf_df_exact(-INFINITY, 1000, 0.5), 1000);
    assert_int_equal(taf_df_exact(NAN, 1000, 0.5), -1); /* invalid input is reported, not guessed */
    assert_int_equal(taf_df_exact(0.7, 1000, NAN), -1);
}

static void test_df_exact_at_a_billion_takes_well_under_a_millisecond(void **state)
{
    (void)state;
    struct timespec t0, t1;
    volatile int64_t sink = 0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int r = 0; r < 200; r++)
        sink += taf_df_exact(0.65 + 0.001 * r, 1000000000, 0.9);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ms = ((double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6) / 200;
    (void)sink;
    assert_true(ms < 1.0); /* SPEC §11; bench/bench_df_exact.c measures it properly */
}

static void near(double got, double want, double rel)
{
    if (!(fabs(got - want) <= rel * fabs(want)))
        fail_msg("got %.17g, want %.17g", got, want);
}

static void test_harmonic_sum_is_accurate_to_a_few_ulp(void **state)
{
    (void)state;
    near(taf_harmonic_sum(0.7, 1000000), 207.54075792904102891, 1e-15);       /* mpmath */
    near(taf_harmonic_sum(1.0, INT64_C(1000000000000)), 28.208236780830581069, 1e-15); /* mpmath */
    near(taf_harmonic_sum(1.5, 1000000000), 2.6123121031323007872, 1e-15);    /* mpmath */
    near(taf_harmonic_sum(0.99, 1000000000), 23.603364104125101753, 1e-15);   /* mpmath */
    near(taf_harmonic_sum(-0.5, INT64_C(1000000000000)), 666666666667166666.46, 1e-15); /* mpmath */
    near(taf_harmonic_sum(3.0, INT64_C(1000000000000000)), 1.2020569031595942854, 1e-15); /* mpmath: ≈ ζ(3) */
    near(taf_harmonic_sum(-7.25, INT64_C(1000000000000)), 1.2121212121262121212e+98, 1e-15); /* mpmath */
    near(taf_harmonic_sum(0.3, 4097), 481.78203114941765321, 1e-15);          /* mpmath */
    /* hand: H^(0) = n, H^(−1) = n(n+1)/2 */
    assert_true(taf_harmonic_sum(0.0, 123456789) == 123456789.0);
    assert_true(taf_harmonic_sum(-1.0, 100000) == 5000050000.0);
    /* hand: empty sum, one term, and a sum past the double range (1e12^31/31) */
    assert_true(taf_harmonic_sum(0.7, 0) == 0);
    assert_true(taf_harmonic_sum(-50, 1) == 1);
    assert_true(isinf(taf_harmonic_sum(-30, INT64_C(1000000000000))));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_df_exact_matches_brute_force_over_a_grid),
        cmocka_unit_test(test_df_exact_matches_brute_force_at_ten_million),
        cmocka_unit_test(test_df_exact_matches_high_precision_at_huge_N),
        cmocka_unit_test(test_df_exact_handles_steep_negative_gamma_without_overflow),
        cmocka_unit_test(test_df_exact_resolves_exact_ties),
        cmocka_unit_test(test_df_exact_edge_cases),
        cmocka_unit_test(test_df_exact_at_a_billion_takes_well_under_a_millisecond),
        cmocka_unit_test(test_harmonic_sum_is_accurate_to_a_few_ulp),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

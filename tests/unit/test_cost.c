/* Unit tests of engine/formulas/cost.c. "seed:" values come from the seed
 * formulas module (../shared/seeds/002_taf_formulas.py) in python3, with the
 * seed's GPU_CATALOG entries copied into the structs below. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <math.h>
#include <cmocka.h>

#include "formulas/cost.h"

static const struct taf_gpu H100 = { "H100 SXM", 989, 80, 3350, 2.5, 700 };
static const struct taf_gpu A100 = { "A100 80GB", 312, 80, 2000, 1.2, 400 };
static const struct taf_gpu LOCAL = { "RTX 5060Ti", 36, 16, 448, 0.0, 180 };

static void near(double a, double b, double rel)
{
    assert_true(fabs(a - b) <= rel * fmax(1.0, fabs(b)));
}

static void test_training_run_matches_seed(void **state)
{
    (void)state;
    /* seed: cost_per_training_run(8e9, 1.6e11, "H100 SXM", 8, 0.45) */
    struct taf_training_cost c = taf_cost_per_training_run(8e9, 1.6e11, &H100, 8, 0.45);
    near(c.total_FLOPs, 7.68e21, 1e-15);
    near(c.hours, 599.1836123282028, 1e-14);
    near(c.days, 24.96598384700845, 1e-14);
    near(c.USD, 11983.672246564056, 1e-14);
}

static void test_local_gpu_cost_is_not_defined(void **state)
{
    (void)state;
    /* seed: cost_per_training_run(1e9, 2e10, "RTX 5060Ti", 1, 0.45) → hours 2057.61316872428
     * and USD 0.0; FORMULAS.md §1: a $0/h card has no cost, so USD is NaN (not defined) */
    struct taf_training_cost c = taf_cost_per_training_run(1e9, 2e10, &LOCAL, 1, 0.45);
    assert_false(c.priced);
    near(c.total_FLOPs, 1.2e20, 1e-15);
    near(c.hours, 2057.61316872428, 1e-14);
    near(c.days, 85.73388203017834, 1e-14);
    assert_true(isnan(c.USD));
    /* seed: cost_per_inference_token(2.0, "RTX 5060Ti", 1) → 224 tok/s, USD 0.0 → NaN here */
    struct taf_inference_cost i = taf_cost_per_inference_token(2.0, &LOCAL, 1);
    assert_false(i.priced);
    near(i.tok_per_sec, 224.0, 1e-15);
    assert_true(isnan(i.USD_per_Mtok));
    /* priced GPUs say so */
    assert_true(taf_cost_per_training_run(8e9, 1.6e11, &H100, 8, 0.45).priced);
    assert_true(taf_cost_per_inference_token(16.0, &A100, 4).priced);
}

static void test_inference_token_cost_matches_seed(void **state)
{
    (void)state;
    /* seed: cost_per_inference_token(16.0, "A100 80GB", 4) → 500 tok/s, $0.6667/Mtok */
    struct taf_inference_cost c = taf_cost_per_inference_token(16.0, &A100, 4);
    near(c.tok_per_sec, 500.0, 1e-15);
    near(c.USD_per_Mtok, 0.6666666666666666, 1e-15);
}

static void test_break_even(void **state)
{
    (void)state;
    /* seed: break_even_volume(1e6, 2.0, 6.25) */
    struct taf_break_even b = taf_break_even_volume(1e6, 2.0, 6.25);
    assert_false(b.never);
    near(b.savings_per_Mtok, 4.25, 1e-15);
    near(b.Mtok_breakeven, 235294.11764705883, 1e-15);
    near(b.tokens_breakeven, 235294117647.05884, 1e-15);
    /* seed: equal prices never break even (savings ≤ 0 → {"error": …}); the volumes are NaN */
    struct taf_break_even never = taf_break_even_volume(1e6, 5, 5);
    assert_true(never.never);
    near(never.savings_per_Mtok, 0.0, 0);
    assert_true(isnan(never.Mtok_breakeven) && isnan(never.tokens_breakeven));
    assert_true(taf_break_even_volume(1e6, 6, 5).never);
    /* hand: a free training run breaks even at once */
    assert_true(taf_break_even_volume(0, 1, 5).Mtok_breakeven == 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_training_run_matches_seed),
        cmocka_unit_test(test_local_gpu_cost_is_not_defined),
        cmocka_unit_test(test_inference_token_cost_matches_seed),
        cmocka_unit_test(test_break_even),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

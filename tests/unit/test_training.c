/* Unit tests of engine/formulas/training.c. "seed:" values come from the seed
 * formulas module (../shared/seeds/002_taf_formulas.py) in python3. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <math.h>
#include <cmocka.h>

#include "formulas/training.h"

static void test_chinchilla_budget_and_inverse(void **state)
{
    (void)state;
    assert_true(taf_chinchilla_optimal_tokens(8e9, 20) == 1.6e11); /* hand: 20·8e9 */
    assert_true(taf_chinchilla_optimal_N(1.6e11, 20) == 8e9);      /* hand: 1.6e11/20 */
    assert_true(taf_chinchilla_optimal_tokens(0, 20) == 0);
    /* seed: chinchilla_optimal_tokens(8e9) = 160000000000.0, chinchilla_optimal_N(1.6e11) = 8e9 (ratio 20) */
    assert_true(taf_chinchilla_optimal_tokens(8e9, 20.0) == 160000000000.0);
    assert_true(taf_chinchilla_optimal_N(1.6e11, 20.0) == 8000000000.0);
    /* hand: a 10:1 ratio halves the budget */
    assert_true(taf_chinchilla_optimal_tokens(8e9, 10) == 8e10);
}

static void test_training_flops_and_memory(void **state)
{
    (void)state;
    assert_true(taf_training_flops(8e9, 1.6e11) == 7.68e21); /* seed: training_flops(8e9, 1.6e11) */
    struct taf_training_memory m = taf_training_memory_16N(8e9);
    assert_true(m.bytes == 128000000000.0); /* seed: training_memory_16N(8e9) */
    assert_true(m.GB == 128.0);
}

static void test_emergent_threshold_tiers_at_their_edges(void **state)
{
    (void)state;
    /* seed: emergent_threshold at each edge and just below it */
    assert_string_equal(taf_emergent_threshold(1e11), "above 100B — strong reasoning capabilities expected");
    assert_string_equal(taf_emergent_threshold(9.99e10), "above 10B — most emergent capabilities present");
    assert_string_equal(taf_emergent_threshold(1e10), "above 10B — most emergent capabilities present");
    assert_string_equal(taf_emergent_threshold(1e9), "above 1B — basic instruction-following, not strong reasoning");
    assert_string_equal(taf_emergent_threshold(1e8), "above 100M — useful for narrow tasks, no emergence");
    assert_string_equal(taf_emergent_threshold(99999999.9), "below 100M — domain-specific tasks only");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chinchilla_budget_and_inverse),
        cmocka_unit_test(test_training_flops_and_memory),
        cmocka_unit_test(test_emergent_threshold_tiers_at_their_edges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

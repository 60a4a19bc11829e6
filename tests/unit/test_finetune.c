/* Unit tests of engine/formulas/finetune.c, values by hand from each equation
 * (Llama-3-8B shapes: d 4096, q 4096, kv 1024, d_ff 14336, 32 layers). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <math.h>
#include <cmocka.h>

#include "formulas/finetune.h"

static void test_lora_params_llama3_8b(void **state)
{
    (void)state;
    /* r·L·[(d+q) + 2(d+kv) + (q+d) + 2(d+ff) + (ff+d)] = 16·32·81920 = 41,943,040 */
    assert_true(taf_lora_params(16, 32, 4096, 4096, 1024, 14336, TAF_LORA_ALL) == 41943040.0);
    /* q and v only: 16·32·(8192 + 5120) = 6,815,744 */
    assert_true(taf_lora_params(16, 32, 4096, 4096, 1024, 14336, TAF_LORA_Q | TAF_LORA_V) == 6815744.0);
    /* attention: 16·32·(8192 + 2·5120 + 8192) = 13,631,488 */
    assert_true(taf_lora_params(16, 32, 4096, 4096, 1024, 14336, TAF_LORA_ATTENTION) == 13631488.0);
    assert_true(taf_lora_params(16, 32, 4096, 4096, 1024, 14336, 0) == 0);
    /* linear in the rank */
    assert_true(taf_lora_params(64, 32, 4096, 4096, 1024, 14336, TAF_LORA_ALL) == 4 * 41943040.0);
}

static void test_activation_bytes(void **state)
{
    (void)state;
    assert_true(taf_activation_bytes(2048, 4096, 32, 1) == 536870912.0);   /* 2·2048·4096·32 */
    assert_true(taf_activation_bytes(2048, 4096, 32, 0) == 9126805504.0);  /* 34·2048·4096·32 */
}

static void test_adapter_memory_and_flops(void **state)
{
    (void)state;
    struct taf_finetune_memory m = taf_adapter_memory(16e9, 41943040, 536870912);
    assert_true(m.weights == 16e9);
    assert_true(m.trainable_state == 16 * 41943040.0);
    assert_true(m.total == 16e9 + 16 * 41943040.0 + 536870912);
    /* (4·8e9 + 6·4e7)·1e8 = 3.224e18 */
    assert_true(taf_adapter_training_flops(8e9, 4e7, 1e8) == 3.224e18);
    assert_true(taf_adapter_training_flops(8e9, 0, 0) == 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lora_params_llama3_8b),
        cmocka_unit_test(test_activation_bytes),
        cmocka_unit_test(test_adapter_memory_and_flops),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

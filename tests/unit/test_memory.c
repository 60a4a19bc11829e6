/* Unit tests of engine/formulas/memory.c. "seed:" values come from the seed
 * formulas module (../shared/seeds/002_taf_formulas.py) in python3. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <math.h>
#include <cmocka.h>

#include "formulas/memory.h"

static void test_kv_cache_memory_llama3_8b_at_8k(void **state)
{
    (void)state;
    /* seed: kv_cache_memory(32, 8, 128, 8192) → 1073741824 bytes (= 2·32·8·128·8192·2) */
    struct taf_kv_memory m = taf_kv_cache_memory(32, 8, 128, 8192, 2.0);
    assert_true(m.bytes == 1073741824.0);
    assert_true(m.MB == 1073.741824);
    assert_true(m.GB == 1.073741824);
    /* hand: fp8 halves it, zero length is zero */
    assert_true(taf_kv_cache_memory(32, 8, 128, 8192, 1.0).bytes == 536870912.0);
    assert_true(taf_kv_cache_memory(32, 8, 128, 0, 2.0).bytes == 0);
    /* seed: kv_cache_memory(80, 8, 128, 131072, 1.0) (Llama-3.3-70B at 128K, fp8) */
    struct taf_kv_memory big = taf_kv_cache_memory(80, 8, 128, 131072, 1.0);
    assert_true(big.bytes == 21474836480.0);
    assert_true(big.MB == 21474.83648);
    assert_true(big.GB == 21.47483648);
}

static void test_weights_and_decode_throughput(void **state)
{
    (void)state;
    assert_true(taf_model_weights_GB(7e9, 0.5) == 3.5);                     /* seed: model_weights_memory(7e9, 0.5) */
    assert_true(fabs(taf_inference_decode_throughput(8e9, 3350, 2.0) - 209.375) < 1e-12); /* seed */
    /* seed: inference_decode_throughput(70e9, 4800, 0.5) */
    assert_true(fabs(taf_inference_decode_throughput(70e9, 4800, 0.5) - 137.14285714285714) < 1e-12);
    /* hand: no bandwidth, no tokens */
    assert_true(taf_inference_decode_throughput(8e9, 0, 2.0) == 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kv_cache_memory_llama3_8b_at_8k),
        cmocka_unit_test(test_weights_and_decode_throughput),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

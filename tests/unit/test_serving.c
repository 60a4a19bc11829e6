/* Unit tests of engine/formulas/serving.c, values by hand from each equation. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <math.h>
#include <cmocka.h>

#include "formulas/serving.h"

static void test_prefill_and_decode_flops(void **state)
{
    (void)state;
    /* 2·8e9·2048 + 2·32·2048²·4096 = 3.2768e13 + 1.099511627776e12 */
    assert_true(taf_prefill_flops(8e9, 2048, 32, 4096) == 33867511627776.0);
    assert_true(taf_prefill_flops(8e9, 0, 32, 4096) == 0);
    /* 32·(2·8e9 + 4·32·3000·4096) */
    assert_true(taf_decode_flops(8e9, 32, 32, 3000, 4096) == 562331648000.0);
}

static void test_seconds_and_ridge(void **state)
{
    (void)state;
    assert_true(taf_compute_seconds(989e12, 989, 1) == 1.0);
    assert_true(fabs(taf_compute_seconds(989e12, 989, 0.5) - 2.0) < 1e-15);
    assert_true(taf_memory_seconds(3350e9, 3350, 1) == 1.0);
    assert_true(fabs(taf_memory_seconds(16e9, 2000, 0.8) - 0.01) < 1e-15);   /* 16e9/(2e12·0.8) */
    assert_true(fabs(taf_roofline_ridge(989, 3350) - 295.2238805970149) < 1e-12); /* 989e12/3350e9 */
}

static void test_max_concurrent_requests_at_the_boundary(void **state)
{
    (void)state;
    assert_true(taf_max_concurrent_requests(10, 2.5) == 4);   /* exactly 4 requests */
    assert_true(taf_max_concurrent_requests(nextafter(10.0, 0), 2.5) == 3);
    assert_true(taf_max_concurrent_requests(10.5, 2.5) == 4);
    assert_true(taf_max_concurrent_requests(0, 2.5) == 0);
    assert_true(taf_max_concurrent_requests(-5, 2.5) == 0);
}

static void test_usd_per_mtok(void **state)
{
    (void)state;
    /* $2.5/h at 1000 tok/s: 2.5/3600/1000·1e6 = 0.69444… */
    assert_true(fabs(taf_usd_per_Mtok(2.5, 1000) - 0.6944444444444445) < 1e-15);
    assert_true(taf_usd_per_Mtok(0, 1000) == 0);
    assert_true(fabs(taf_usd_per_Mtok(3.6, 1e6) - 1e-3) < 1e-18);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_prefill_and_decode_flops),
        cmocka_unit_test(test_seconds_and_ridge),
        cmocka_unit_test(test_max_concurrent_requests_at_the_boundary),
        cmocka_unit_test(test_usd_per_mtok),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

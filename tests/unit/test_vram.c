/* Unit tests of engine/formulas/vram.c. Expected values by hand or python3
 * (noted "py:"): GiB = 2^30, overhead 0.4 + 0.25 GiB with flash attention. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <math.h>
#include <cmocka.h>

#include "formulas/vram.h"

static void test_runtime_overhead(void **state)
{
    (void)state;
    struct taf_runtime_overhead o = taf_runtime_overhead(4096, 1);
    assert_true(o.base == 0.4 * TAF_GIB + 0.25 * TAF_GIB);   /* py: 697932185.6 */
    assert_true(o.per_token == 4096);                         /* 0.5·d_model·2 bytes */
    o = taf_runtime_overhead(0, 0);
    assert_true(o.base == 0.4 * TAF_GIB + 0.6 * TAF_GIB);
    assert_true(o.per_token == 0);
}

static void test_fit_llama3_8b_on_24_gib(void **state)
{
    (void)state;
    /* 16e9 weight bytes, 131072 KV bytes/token (2·32·8·128·2), T = 8192, d_model 4096 */
    struct taf_runtime_overhead o = taf_runtime_overhead(4096, 1);
    struct taf_vram_fit f = taf_vram_fit(16e9, 131072, 1, 8192, o, 24 * TAF_GIB);
    assert_true(f.kv == 131072.0 * 8192);
    assert_true(f.overhead == o.base + 4096.0 * 8192);
    assert_true(f.total == 17805228441.6);                    /* py */
    assert_true(f.fits);
    /* py: budget 9071871590.4 / (131072 + 4096) = 67115.53 → 67115 */
    assert_true(f.max_context == 67115);
    assert_true(fabs(f.kv_share - 131072.0 * 8192 / 17805228441.6) < 1e-15);
    assert_string_equal(taf_fit_class(f.fits, f.headroom, f.weights + f.overhead, f.vram), "fits_comfortably");
}

static void test_max_context_boundary_agrees_with_fits(void **state)
{
    (void)state;
    struct taf_runtime_overhead o = taf_runtime_overhead(4096, 1);
    struct taf_vram_fit at = taf_vram_fit(16e9, 131072, 1, 67115, o, 24 * TAF_GIB);
    struct taf_vram_fit over = taf_vram_fit(16e9, 131072, 1, 67116, o, 24 * TAF_GIB);
    assert_true(at.fits && !over.fits);
    assert_true(at.max_context == 67115 && over.max_context == 67115);
    /* batch multiplies the KV side only: py ⌊9071871590.4/(4·131072 + 4096)⌋ = ⌊17169.09⌋ */
    assert_true(taf_vram_fit(16e9, 131072, 4, 1, o, 24 * TAF_GIB).max_context == 17169);
    /* an exact budget: per-token 1 byte, budget 1000 bytes → 1000 fits, 1001 does not */
    struct taf_runtime_overhead one = { 0, 0 };
    struct taf_vram_fit e = taf_vram_fit(0, 1, 1, 1000, one, 1000);
    assert_true(e.fits && e.max_context == 1000 && e.headroom == 0);
    assert_false(taf_vram_fit(0, 1, 1, 1001, one, 1000).fits);
}

static void test_weights_alone_too_big(void **state)
{
    (void)state;
    struct taf_runtime_overhead o = taf_runtime_overhead(8192, 1);
    struct taf_vram_fit f = taf_vram_fit(140e9, 327680, 1, 8192, o, 24 * TAF_GIB);
    assert_false(f.fits);
    assert_true(f.max_context == 0);
    assert_string_equal(taf_fit_class(f.fits, f.headroom, f.weights + f.overhead, f.vram), "weights_bound");
    /* nothing per token (no KV, no scratch): any context fits once the base does */
    struct taf_runtime_overhead zero = { 0, 0 };
    assert_true(isinf(taf_vram_fit(1, 0, 1, 5, zero, 10).max_context));
}

static void test_fit_with_a_kv_total(void **state)
{
    (void)state;
    /* the same numbers as the linear fit at T = 8192: KV total 131072·8192 */
    struct taf_runtime_overhead o = taf_runtime_overhead(4096, 1);
    struct taf_vram_fit f = taf_vram_fit_kv(16e9, 131072.0 * 8192, 8192, o, 24 * TAF_GIB);
    assert_true(f.total == 17805228441.6);
    assert_true(f.fits);
    assert_true(isnan(f.max_context));
    /* fits is total ≤ VRAM: exactly equal fits, one byte over does not */
    struct taf_runtime_overhead zero = { 0, 0 };
    assert_true(taf_vram_fit_kv(600, 400, 10, zero, 1000).fits);
    assert_true(taf_vram_fit_kv(600, 400, 10, zero, 1000).headroom == 0);
    assert_false(taf_vram_fit_kv(600, 401, 10, zero, 1000).fits);
}

static void test_fit_class_at_each_threshold(void **state)
{
    (void)state;
    /* headroom exactly 10% of VRAM is comfortable; a hair less is tight */
    assert_string_equal(taf_fit_class(1, 1.0, 5, 10), "fits_comfortably");
    assert_string_equal(taf_fit_class(1, nextafter(1.0, 0), 5, 10), "fits_tight");
    assert_string_equal(taf_fit_class(1, 0, 5, 10), "fits_tight");
    /* weights + overhead exactly the VRAM: the KV side binds; one byte more: the weights */
    assert_string_equal(taf_fit_class(0, -1, 10, 10), "kv_bound");
    assert_string_equal(taf_fit_class(0, -1, nextafter(10.0, 0), 10), "kv_bound");
    assert_string_equal(taf_fit_class(0, -1, nextafter(10.0, 11), 10), "weights_bound");
}

static void test_offload_layers(void **state)
{
    (void)state;
    /* ⌊(24 − 1 − 2)/0.5⌋ = 42 → capped at 32 layers; ⌊(10 − 1 − 2)/0.5⌋ = 14 */
    assert_int_equal(taf_offload_layers(24, 1, 2, 0.5, 32), 32);
    assert_int_equal(taf_offload_layers(10, 1, 2, 0.5, 32), 14);
    /* exactly 14 layers' worth and a hair less */
    assert_int_equal(taf_offload_layers(10, 1, 2, 0.5, 32), 14);
    assert_int_equal(taf_offload_layers(nextafter(10.0, 0), 1, 2, 0.5, 32), 13);
    /* nothing left, or no per-layer size */
    assert_int_equal(taf_offload_layers(2, 1, 2, 0.5, 32), 0);
    assert_int_equal(taf_offload_layers(24, 1, 2, 0, 32), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_runtime_overhead),
        cmocka_unit_test(test_fit_llama3_8b_on_24_gib),
        cmocka_unit_test(test_max_context_boundary_agrees_with_fits),
        cmocka_unit_test(test_weights_alone_too_big),
        cmocka_unit_test(test_fit_with_a_kv_total),
        cmocka_unit_test(test_fit_class_at_each_threshold),
        cmocka_unit_test(test_offload_layers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests of engine/formulas/kv_arch.c: KV bytes by architecture, each
 * expected value worked by hand from §19.1 in the comment. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <math.h>
#include <string.h>
#include <cmocka.h>

#include "formulas/kv_arch.h"
#include "formulas/memory.h"

static void test_full_equals_seed_formula_exactly(void **state)
{
    (void)state;
    /* 2·32·8·128·32000·2 = 4,194,304,000 (seed kv_cache_memory(32, 8, 128, 32000)) */
    struct taf_kv_shape s = { .layout = TAF_KV_FULL, .n_layers = 32, .n_kv_heads = 8, .d_head = 128 };
    struct taf_kv_arch_memory m = taf_kv_cache_bytes_arch(&s, 32000, 2.0);
    struct taf_kv_memory seed = taf_kv_cache_memory(32, 8, 128, 32000, 2.0);
    assert_true(m.bytes == seed.bytes && m.MB == seed.MB && m.GB == seed.GB);
    assert_true(m.bytes == 4194304000.0);
    assert_string_equal(m.method, "full");
}

static void test_sliding_window_caps_windowed_layers(void **state)
{
    (void)state;
    /* Gemma-2-9B at 16384: 21 global layers keep 16384 tokens, 21 sliding keep 4096:
     * 2·8·256·2·(21·16384 + 21·4096) = 3,523,215,360 */
    struct taf_kv_shape s = { .layout = TAF_KV_SWA, .n_layers = 42, .n_kv_heads = 8, .d_head = 256,
                              .sliding_window = 4096, .n_swa_layers = 21 };
    assert_true(taf_kv_cache_bytes_arch(&s, 16384, 2).bytes == 3523215360.0);
    /* below the window every layer keeps seq: the full formula 2·42·8·256·2048·2 */
    assert_true(taf_kv_cache_bytes_arch(&s, 2048, 2).bytes == 2.0 * 42 * 8 * 256 * 2048 * 2);
    /* n_swa_layers < 0: all layers slide (Mistral 7B: 2·32·8·128·4096·2 at any seq ≥ 4096) */
    struct taf_kv_shape mistral = { .layout = TAF_KV_SWA, .n_layers = 32, .n_kv_heads = 8, .d_head = 128,
                                    .sliding_window = 4096, .n_swa_layers = -1 };
    assert_true(taf_kv_cache_bytes_arch(&mistral, 65536, 2).bytes == 536870912.0);
    assert_string_equal(taf_kv_cache_bytes_arch(&mistral, 65536, 2).method, "sliding_window");
}

static void test_mla_caches_the_latent(void **state)
{
    (void)state;
    /* DeepSeek-V3 at 65536: 61·(512 + 64)·65536·2 = 4,605,345,792 — not 2·61·128·192·… */
    struct taf_kv_shape s = { .layout = TAF_KV_MLA, .n_layers = 61, .n_kv_heads = 128, .d_head = 192,
                              .kv_lora_rank = 512, .qk_rope_head_dim = 64 };
    struct taf_kv_arch_memory m = taf_kv_cache_bytes_arch(&s, 65536, 2);
    assert_true(m.bytes == 4605345792.0);
    assert_string_equal(m.method, "mla_latent");
}

static void test_recurrent_state_is_constant(void **state)
{
    (void)state;
    /* Mamba-130m: 24·1536·(16 + 3) = 700,416 elements, ·2 bytes, whatever the length */
    struct taf_kv_shape s = { .layout = TAF_KV_SSM, .n_layers = 24, .state_elements = 700416 };
    assert_true(taf_kv_cache_bytes_arch(&s, 1, 2).bytes == 1400832.0);
    assert_true(taf_kv_cache_bytes_arch(&s, 1e6, 2).bytes == 1400832.0);
    assert_string_equal(taf_kv_cache_bytes_arch(&s, 1e6, 2).method, "recurrent_state");
}

static void test_hybrid_counts_attention_layers_only(void **state)
{
    (void)state;
    /* Jamba-v0.1 at 65536: 4 attention layers · 2·8·128·65536·2 + 28·8192·19 state elements ·2 */
    struct taf_kv_shape s = { .layout = TAF_KV_HYBRID, .n_layers = 32, .n_attention_layers = 4, .n_kv_heads = 8,
                              .d_head = 128, .state_elements = 28.0 * 8192 * 19 };
    struct taf_kv_arch_memory m = taf_kv_cache_bytes_arch(&s, 65536, 2);
    assert_true(m.bytes == 4 * 268435456.0 + 2 * 4358144.0);
    assert_string_equal(m.method, "hybrid");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_equals_seed_formula_exactly),
        cmocka_unit_test(test_sliding_window_caps_windowed_layers),
        cmocka_unit_test(test_mla_caches_the_latent),
        cmocka_unit_test(test_recurrent_state_is_constant),
        cmocka_unit_test(test_hybrid_counts_attention_layers_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests of engine/formulas/params_count.c. Every expected count is
 * worked by hand from the layer shapes in the comment, and matches the count
 * the model's authors publish (source named). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <math.h>
#include <cmocka.h>

#include "formulas/params_count.h"

/* Llama-3.1-8B: V 128256, d 4096, 32 layers, 32 heads, 8 KV heads of 128, gated MLP 14336, untied.
 * embeddings 2·128256·4096 = 1,050,673,152; attention per layer 4096·(4096+1024+1024) + 4096·4096
 * = 41,943,040; MLP per layer 3·4096·14336 = 176,160,768; norms 2·4096 per layer + 4096 final.
 * total = 1,050,673,152 + 32·(41,943,040 + 176,160,768 + 8192) + 4096 = 8,030,261,248
 * (the Hugging Face page shows 8.03B). */
static void test_llama31_8b_matches_published_count(void **state)
{
    (void)state;
    struct taf_param_shape s = { .vocab = 128256, .d_model = 4096, .n_attention_layers = 32, .n_heads = 32,
        .n_kv_heads = 8, .d_head = 128, .gated = 1, .n_dense_mlp_layers = 32, .d_ff = 14336, .n_norm_layers = 32,
        .norm_params_per_layer = 8192, .final_norm = 4096 };
    struct taf_param_count c = taf_param_count(&s);
    assert_true(c.total == 8030261248.0);
    assert_true(c.active == c.total);
    assert_true(c.embedding == 1050673152.0);
}

/* Mixtral-8x7B: as Mistral 7B but 8 experts of 3·4096·14336 per layer, top-2, router 4096·8.
 * per layer fixed: attention 41,943,040 + router 32,768 + norms 8192; experts 8·176,160,768.
 * total = 2·32000·4096 + 32·(41,943,040 + 32,768 + 8192 + 8·176,160,768) + 4096 = 46,702,792,704
 * active = total − 32·6·176,160,768 = 12,879,925,248 (Mistral AI: 46.7B total, 12.9B per token). */
static void test_mixtral_total_and_active(void **state)
{
    (void)state;
    struct taf_param_shape s = { .vocab = 32000, .d_model = 4096, .n_attention_layers = 32, .n_heads = 32,
        .n_kv_heads = 8, .d_head = 128, .gated = 1, .n_moe_layers = 32, .n_experts = 8, .n_experts_active = 2,
        .moe_d_ff = 14336, .n_norm_layers = 32, .norm_params_per_layer = 8192, .final_norm = 4096 };
    struct taf_param_count c = taf_param_count(&s);
    assert_true(c.total == 46702792704.0);
    assert_true(c.active == 12879925248.0);
}

/* GPT-2 small: wte 50257·768 + wpe 1024·768; per layer ln 2·2·768, c_attn 768·2304 + 2304,
 * c_proj 768·768 + 768, mlp 768·3072 + 3072 + 3072·768 + 768; ln_f 2·768; tied head.
 * = 38,597,376 + 786,432 + 12·7,087,872 + 1536 = 124,439,808 (the published gpt2 weights). */
static void test_gpt2_biases_positions_and_tied_head(void **state)
{
    (void)state;
    struct taf_param_shape s = { .vocab = 50257, .d_model = 768, .tied = 1, .n_positions = 1024,
        .n_attention_layers = 12, .n_heads = 12, .n_kv_heads = 12, .d_head = 64, .qkv_bias = 1, .o_bias = 1,
        .mlp_bias = 1, .n_dense_mlp_layers = 12, .d_ff = 3072, .n_norm_layers = 12,
        .norm_params_per_layer = 4 * 768, .final_norm = 2 * 768 };
    assert_true(taf_param_count(&s).total == 124439808.0);
}

/* DeepSeek-V2-Lite MLA attention per layer (d 2048, 16 heads, no q LoRA, nope 128, rope 64,
 * kv_lora 512, v 128): q 2048·16·192 = 6,291,456; kv_a 2048·(512+64) = 1,179,648; kv norm 512;
 * kv_b 512·16·(128+128) = 2,097,152; o 16·128·2048 = 4,194,304 → 13,763,072. */
static void test_mla_attention_layer(void **state)
{
    (void)state;
    struct taf_param_shape s = { .d_model = 2048, .n_attention_layers = 1, .n_heads = 16, .d_head = 192,
        .mla = 1, .kv_lora_rank = 512, .qk_nope_head_dim = 128, .qk_rope_head_dim = 64, .v_head_dim = 128 };
    assert_true(taf_param_count(&s).attention == 13763072.0);
    /* with a q LoRA of 1536 (V3 style): q = 2048·1536 + 1536 + 1536·16·192 */
    s.q_lora_rank = 1536;
    assert_true(taf_param_count(&s).attention == 13763072.0 - 6291456.0 + 2048.0 * 1536 + 1536 + 1536.0 * 16 * 192);
}

/* Mamba-130m: V 50280, d 768, 24 layers, d_inner 1536, state 16, conv 4, dt_rank 48, tied.
 * mixer = 768·3072 + 1536·4 + 1536 (conv bias) + 1536·80 + 48·1536 + 1536 + 1536·16 + 1536 + 1536·768
 * = 3,470,592; + norm 768 per layer; embeddings 38,615,040; final norm 768
 * total = 38,615,040 + 24·3,471,360 + 768 = 129,135,360 (Hugging Face page: 129M). */
static void test_mamba1_mixer_and_state(void **state)
{
    (void)state;
    struct taf_param_shape s = { .vocab = 50280, .d_model = 768, .tied = 1, .mixer = TAF_MIXER_MAMBA1,
        .n_mixer_layers = 24, .d_inner = 1536, .d_state = 16, .d_conv = 4, .dt_rank = 48, .conv_bias = 1,
        .n_norm_layers = 24, .norm_params_per_layer = 768, .final_norm = 768 };
    assert_true(taf_param_count(&s).total == 129135360.0);
    /* state per layer: d_inner·(d_state + d_conv − 1) = 1536·19 */
    assert_true(taf_mixer_state_elements(&s) == 29184.0);
}

/* RWKV-4 169M (keras-hub preset: 169,342,464): V 50277, d 768, 12 layers, ffn 3072, untied;
 * per layer 2·768+3·768+4·768² (time mixing) + 2·768+2·768·3072+768² (channel mixing) + 4·768 (ln1, ln2),
 * plus ln0 and ln_out (2·768 each). State: 5·768 per layer. */
static void test_rwkv4_count_and_state(void **state)
{
    (void)state;
    struct taf_param_shape s = { .vocab = 50277, .d_model = 768, .mixer = TAF_MIXER_RWKV4, .n_mixer_layers = 12,
        .rwkv_attention_size = 768, .rwkv_ffn_size = 3072, .n_norm_layers = 12, .norm_params_per_layer = 4 * 768,
        .embed_norm = 2 * 768, .final_norm = 2 * 768 };
    assert_true(taf_param_count(&s).total == 169342464.0);
    assert_true(taf_mixer_state_elements(&s) == 3840.0);
}

/* Mamba-2 mixer (d 256, d_inner 512, 8 heads, 1 group, state 64, conv 4, conv bias):
 * in_proj 256·(1024 + 128 + 8) + conv 640·4 + 640 + dt_bias/A/D 24 + norm 512 + out 512·256. */
static void test_mamba2_mixer(void **state)
{
    (void)state;
    struct taf_param_shape s = { .d_model = 256, .mixer = TAF_MIXER_MAMBA2, .n_mixer_layers = 1, .d_inner = 512,
        .ssm_heads = 8, .n_groups = 1, .d_state = 64, .d_conv = 4, .conv_bias = 1 };
    assert_true(taf_param_count(&s).mixer == 256.0 * 1160 + 2560 + 640 + 24 + 512 + 131072);
    /* state: 512·64 + (512 + 2·64)·3 */
    assert_true(taf_mixer_state_elements(&s) == 512.0 * 64 + 640.0 * 3);
}

static void test_bad_shapes_count_as_zero(void **state)
{
    (void)state;
    struct taf_param_shape s = { .vocab = NAN, .d_model = -5, .n_attention_layers = INFINITY };
    struct taf_param_count c = taf_param_count(&s);
    assert_true(c.total == 0 && isfinite(c.active));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_llama31_8b_matches_published_count),
        cmocka_unit_test(test_mixtral_total_and_active),
        cmocka_unit_test(test_gpt2_biases_positions_and_tied_head),
        cmocka_unit_test(test_mla_attention_layer),
        cmocka_unit_test(test_mamba1_mixer_and_state),
        cmocka_unit_test(test_rwkv4_count_and_state),
        cmocka_unit_test(test_mamba2_mixer),
        cmocka_unit_test(test_bad_shapes_count_as_zero),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

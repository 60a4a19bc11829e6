/* Unit tests of the parameter shapes the config.json reader builds family by
 * family (engine/readers/hf_config_params.c) for the layouts that were once
 * READER_GAPS in tests/golden/catalog_presets.lua: glm4_moe (Glm4MoeForCausalLM),
 * kimi_k2 (DeepseekV3ForCausalLM remote code), cohere (CohereForCausalLM), and
 * the per-layer-kind counts of llama4_text and qwen3_next. Every expected count
 * is worked by hand below from the published config.json shapes and the
 * modules transformers builds from them (the class named in each comment),
 * never taken from tafrun's output; the configs are in tests/data/hf-configs/
 * (provenance in INDEX.json). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "readers/hf_config.h"

#define FIXTURES TAF_SOURCE_DIR "/tests/data/hf-configs/"

static struct taf_model_info M;
static char ERR[1024];

static void read_fixture(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, FIXTURES "%s", name);
    if (taf_read_hf_config(path, &M, ERR, sizeof ERR) != 0)
        fail_msg("%s", ERR);
}

static void parse(const char *json)
{
    if (taf_parse_hf_config(json, strlen(json), "x/config.json", &M, ERR, sizeof ERR) != 0)
        fail_msg("%s", ERR);
}

static int has_note(const char *needle)
{
    for (int i = 0; i < M.n_notes; i++)
        if (strstr(M.notes[i], needle)) return 1;
    return 0;
}

static int within(double n, double published, double tolerance)
{
    return fabs(n / published - 1) <= tolerance;
}

/* GLM-4.5 (zai-org/GLM-4.5 config.json): d 5120, 92 layers, 96 heads × 128, 8 KV heads,
 * attention_bias true, use_qk_norm true, intermediate_size 12288, first_k_dense_replace 3,
 * 160 routed experts (8 active) + 1 shared of moe_intermediate_size 1536, vocab 151552, untied.
 *   attention (Glm4MoeAttention): q 5120·12288 = 62,914,560 + bias 12,288; k, v 5120·1024 =
 *   5,242,880 + bias 1,024 each; o 12288·5120 = 62,914,560, no bias; q_norm, k_norm 2·128 = 256
 *   → 136,329,472
 *   norms (input_layernorm, post_attention_layernorm): 2·5120 = 10,240
 *   dense MLP (Glm4MoeMLP, layers 0–2): 3·5120·12288 = 188,743,680
 *   expert (Glm4MoeMLP of 1536): 3·5120·1536 = 23,592,960
 *   MoE (Glm4MoeMoE, layers 3–91): 160 experts 3,774,873,600 + shared 23,592,960 + router
 *   weight 160·5120 = 819,200 + e_score_correction_bias 160 = 3,799,285,920
 *   layers: 3·(136,329,472 + 10,240 + 188,743,680) = 975,250,176
 *         + 89·(136,329,472 + 10,240 + 3,799,285,920) = 350,270,681,248
 *   embed_tokens + lm_head 2·151552·5120 = 1,551,892,480, final norm 5,120
 *   n_params = 352,797,829,024 (published 355B: −0.62%; the MTP layer is not loaded)
 *   active: MoE layer 136,329,472 + 10,240 + 8·23,592,960 + 23,592,960 + 819,200 + 160 =
 *   349,495,712; 89 · that = 31,105,118,368 + 975,250,176 + 1,551,897,600 = 33,632,266,144 */
static void test_glm4_moe_dense_first_layers_shared_expert_and_qkv_biases(void **state)
{
    (void)state;
    read_fixture("pending/glm-4.5.json");
    assert_string_equal(M.family, "glm4_moe");
    assert_int_equal(M.architecture, TAF_ARCH_FULL);
    assert_true(M.n_experts == 160 && M.n_experts_active == 8 && M.n_shared_experts == 1);
    assert_false(M.tie_word_embeddings);
    assert_true(M.n_params == 352797829024.0);
    assert_true(M.n_params_active == 33632266144.0);
    assert_true(within(M.n_params, 355e9, 0.01));
    assert_true(has_note("1 multi-token-prediction layer (num_nextn_predict_layers) not counted"));
    taf_model_info_free(&M);
}

/* GLM-4.5-Air: d 4096, 46 layers, 96 heads × 128, 8 KV heads, attention_bias true, use_qk_norm
 * false, intermediate_size 10944, first_k_dense_replace 1, 128 routed (8 active) + 1 shared of
 * 1408, vocab 151552, untied.
 *   attention: q 4096·12288 = 50,331,648 + 12,288; k, v 4096·1024 = 4,194,304 + 1,024 each;
 *   o 12288·4096 = 50,331,648 → 109,066,240; norms 2·4096 = 8,192
 *   dense layer 0: 3·4096·10944 = 134,479,872
 *   expert 3·4096·1408 = 17,301,504; MoE: 128 · that = 2,214,592,512 + shared 17,301,504
 *   + router 128·4096 = 524,288 + bias 128 = 2,232,418,432
 *   1·(109,066,240 + 8,192 + 134,479,872) = 243,554,304
 *   + 45·(109,066,240 + 8,192 + 2,232,418,432) = 105,367,178,880
 *   + embeddings 2·151552·4096 = 1,241,513,984 + final norm 4,096
 *   n_params = 106,852,251,264 (published 106B: +0.80%)
 *   active: 45·(109,066,240 + 8,192 + 8·17,301,504 + 17,301,504 + 524,288 + 128) =
 *   45·265,312,384 = 11,939,057,280 + 243,554,304 + 1,241,518,080 = 13,424,129,664 */
static void test_glm4_moe_air_without_qk_norms(void **state)
{
    (void)state;
    read_fixture("pending/glm-4.5-air.json");
    assert_true(M.n_params == 106852251264.0);
    assert_true(M.n_params_active == 13424129664.0);
    assert_true(within(M.n_params, 106e9, 0.01));
    taf_model_info_free(&M);
}

/* A glm4_moe config that leaves the MoE layout out takes Glm4MoeConfig's defaults
 * (first_k_dense_replace 1, n_shared_experts 1). d 64, 3 layers, 4 heads × 16, 2 KV heads,
 * attention_bias and use_qk_norm true, intermediate_size 128, 4 experts (2 active) of 32,
 * vocab 100 (untied).
 *   attention 64·64 + 2·64·32 + 64·64 = 12,288 + q/k/v biases 64 + 32 + 32 + q/k norms 2·16 = 12,448
 *   norms 2·64 = 128; dense layer 0: 3·64·128 = 24,576
 *   MoE (layers 1, 2): 4 · 3·64·32 (6,144) = 24,576 + shared 6,144 + router 4·64 + bias 4 = 30,980
 *   3·(12,448 + 128) + 24,576 + 2·30,980 + embeddings 2·100·64 + final norm 64 = 137,128
 *   active: 2 of 4 experts: 137,128 − 2·2·6,144 = 112,552 */
static void test_glm4_moe_defaults_from_the_config_class(void **state)
{
    (void)state;
    parse("{\"model_type\":\"glm4_moe\",\"hidden_size\":64,\"num_hidden_layers\":3,\"num_attention_heads\":4,"
          "\"num_key_value_heads\":2,\"head_dim\":16,\"intermediate_size\":128,\"moe_intermediate_size\":32,"
          "\"n_routed_experts\":4,\"num_experts_per_tok\":2,\"vocab_size\":100,\"attention_bias\":true,"
          "\"use_qk_norm\":true}");
    assert_true(M.n_params == 137128.0);
    assert_true(M.n_params_active == 112552.0);
    assert_true(M.n_shared_experts == 1);
    assert_true(has_note("first_k_dense_replace absent: 1 (Glm4MoeConfig default)"));
    assert_true(has_note("n_shared_experts absent: 1 (Glm4MoeConfig default)"));
    taf_model_info_free(&M);
}

/* Kimi-K2-Instruct (model_type kimi_k2, remote code DeepseekV3ForCausalLM): d 7168, 61 layers,
 * 64 heads, MLA q_lora_rank 1536, kv_lora_rank 512, qk_nope 128, qk_rope 64, v_head_dim 128,
 * intermediate_size 18432, first_k_dense_replace 1, 384 routed (8 active) + 1 shared of 2048,
 * topk_method noaux_tc, vocab 163840, untied.
 *   attention (DeepseekV3Attention): q_a_proj 7168·1536 = 11,010,048, q_a_layernorm 1,536,
 *   q_b_proj 1536·64·192 = 18,874,368, kv_a_proj_with_mqa 7168·576 = 4,128,768,
 *   kv_a_layernorm 512, kv_b_proj 512·64·256 = 8,388,608, o_proj 8192·7168 = 58,720,256
 *   → 101,124,096; norms 2·7168 = 14,336
 *   dense layer 0: 3·7168·18432 = 396,361,728
 *   expert 3·7168·2048 = 44,040,192; MoE: 384 · that = 16,911,433,728 + shared 44,040,192
 *   + gate 384·7168 = 2,752,512 + e_score_correction_bias 384 = 16,958,226,816
 *   (101,124,096 + 14,336 + 396,361,728) + 60·(101,124,096 + 14,336 + 16,958,226,816)
 *   = 497,500,160 + 1,023,561,914,880; embeddings 2·163840·7168 = 2,348,810,240; norm 7,168
 *   n_params = 1,026,408,232,448 (report 1.04T: −1.31%; model card "1T": +2.64%)
 *   active: 60·(101,138,432 + 8·44,040,192 + 44,040,192 + 2,752,512 + 384) = 30,015,183,360
 *   + 497,500,160 + 2,348,817,408 = 32,861,500,928 */
static void test_kimi_k2_reads_as_deepseek_v3(void **state)
{
    (void)state;
    read_fixture("pending/kimi-k2-instruct.json");
    assert_string_equal(M.family, "kimi_k2");
    assert_int_equal(M.architecture, TAF_ARCH_MLA);
    assert_true(M.kv_lora_rank == 512 && M.d_head == 192 && M.n_shared_experts == 1);
    assert_true(M.n_params == 1026408232448.0);
    assert_true(M.n_params_active == 32861500928.0);
    assert_true(within(M.n_params, 1.04e12, 0.015));
    taf_model_info_free(&M);
    read_fixture("pending/kimi-k2-instruct-0905.json");  /* same shapes, 256K positions */
    assert_true(M.n_params == 1026408232448.0 && M.T_max == 262144);
    taf_model_info_free(&M);
}

/* c4ai-command-r-v01 (CohereForCausalLM): d 8192, 40 layers, 64 heads × 128, 64 KV heads,
 * intermediate_size 22528, vocab 256000, no tie_word_embeddings key (CohereConfig: tied),
 * use_qk_norm false.
 *   attention 4·8192·8192 = 268,435,456; MLP 3·8192·22528 = 553,648,128; one input_layernorm
 *   (CohereLayerNorm, weight only) 8,192 → 822,091,776 per layer, · 40 = 32,883,671,040
 *   + embed_tokens 256000·8192 = 2,097,152,000 (the head shares it) + norm 8,192
 *   n_params = 34,980,831,232 (published 35B: −0.05%)
 * c4ai-command-r-plus: d 12288, 64 layers, 96 heads × 128, 8 KV heads, intermediate_size 33792,
 * use_qk_norm true.
 *   attention 2·12288·12288 + 2·12288·1024 = 327,155,712; q_norm 96·128 + k_norm 8·128 = 13,312;
 *   MLP 3·12288·33792 = 1,245,708,288; input_layernorm 12,288 → 1,572,889,600 · 64 =
 *   100,664,934,400 + embed 256000·12288 = 3,145,728,000 + norm 12,288
 *   n_params = 103,810,674,688 (published 104B: −0.18%) */
static void test_cohere_ties_the_head_and_has_one_layernorm_per_layer(void **state)
{
    (void)state;
    read_fixture("pending/c4ai-command-r-v01.json");
    assert_string_equal(M.family, "cohere");
    assert_true(M.tie_word_embeddings);
    assert_true(has_note("tie_word_embeddings absent: cohere default (tied)"));
    assert_true(M.n_params == 34980831232.0);
    assert_true(within(M.n_params, 35e9, 0.01));
    taf_model_info_free(&M);
    read_fixture("pending/c4ai-command-r-plus.json");
    assert_true(M.n_params == 103810674688.0);
    assert_true(within(M.n_params, 104e9, 0.01));
    taf_model_info_free(&M);
    /* d 64, 2 layers, 4 heads × 16, 2 KV heads, intermediate 128, vocab 100, use_qk_norm:
     * 64·64 + 2·64·32 + 64·64 = 12,288 + q/k norms (4 + 2)·16 = 96 + MLP 3·64·128 = 24,576
     * + norm 64 = 37,024 per layer; 2·37,024 + embed 100·64 + norm 64 = 80,512; untied +6,400 */
    parse("{\"model_type\":\"cohere\",\"hidden_size\":64,\"num_hidden_layers\":2,\"num_attention_heads\":4,"
          "\"num_key_value_heads\":2,\"intermediate_size\":128,\"vocab_size\":100,\"use_qk_norm\":true}");
    assert_true(M.n_params == 80512.0);
    taf_model_info_free(&M);
    parse("{\"model_type\":\"cohere\",\"hidden_size\":64,\"num_hidden_layers\":2,\"num_attention_heads\":4,"
          "\"num_key_value_heads\":2,\"intermediate_size\":128,\"vocab_size\":100,\"use_qk_norm\":true,"
          "\"tie_word_embeddings\":false}");
    assert_true(M.n_params == 86912.0 && !M.tie_word_embeddings);
    taf_model_info_free(&M);
}

/* Llama-4-Maverick-17B-128E (Llama4ForCausalLM text model): d 5120, 48 layers, 40 heads × 128,
 * 8 KV heads, interleave_moe_layer_step 2 (MoE on layers 1, 3, …, 47: 24), 128 experts (1 active)
 * of intermediate_size 8192 + 1 shared expert of 8192, dense layers of intermediate_size_mlp
 * 16384, vocab 202048, untied; Llama4TextL2Norm q/k norms have no weights.
 *   attention 2·5120·5120 + 2·5120·1024 = 62,914,560; norms 2·5120 = 10,240
 *   expert 3·5120·8192 = 125,829,120; MoE (Llama4TextMoe): 128 · that = 16,106,127,360
 *   + shared 125,829,120 + router 5120·128 = 655,360 = 16,232,611,840
 *   dense (Llama4TextMLP of 16384): 3·5120·16384 = 251,658,240
 *   24·(62,924,800 + 16,232,611,840) + 24·(62,924,800 + 251,658,240) = 391,092,879,360 +
 *   7,549,992,960 + embeddings 2·202048·5120 = 2,068,971,520 + norm 5,120
 *   n_params = 400,711,848,960 (published 400B: +0.18%)
 *   active: 24·(62,924,800 + 2·125,829,120 + 655,360) = 7,565,721,600 + 7,549,992,960 +
 *   2,068,976,640 = 17,184,691,200 */
static void test_llama4_maverick_interleaved_moe_and_dense_layers(void **state)
{
    (void)state;
    read_fixture("pending/llama-4-maverick-17b-128e-instruct.json");
    assert_true(M.n_params == 400711848960.0);
    assert_true(M.n_params_active == 17184691200.0);
    assert_true(M.n_shared_experts == 1);
    assert_true(within(M.n_params, 400e9, 0.01));
    taf_model_info_free(&M);
}

/* Qwen3-Next-80B-A3B (Qwen3NextForCausalLM): d 2048, 48 layers (full_attention_interval 4: 12
 * attention, 36 Gated DeltaNet), 16 heads × 256, 2 KV heads, 512 experts (10 active) of 512
 * + shared expert of 512 with a gate, vocab 151936, untied.
 *   Qwen3NextAttention: q_proj 2048·(16·256·2) = 16,777,216 (query and gate), k, v 2048·512 =
 *   1,048,576 each, o 4096·2048 = 8,388,608, q/k norms 2·256 → 27,263,488
 *   Qwen3NextGatedDeltaNet (key_dim 16·128 = 2048, value_dim 32·128 = 4096): in_proj_qkvz
 *   2048·(2·2048 + 2·4096) = 25,165,824, in_proj_ba 2048·64 = 131,072, conv1d (2·2048 + 4096)·4
 *   = 32,768, dt_bias 32, A_log 32, gated norm 128, out_proj 4096·2048 = 8,388,608 → 33,718,464
 *   MoE: router 2048·512 = 1,048,576 + 512 · 3·2048·512 (3,145,728) = 1,610,612,736 + shared
 *   3,145,728 + shared_expert_gate 2048 = 1,614,809,088; norms 2·2048 = 4,096
 *   12·27,263,488 + 36·33,718,464 + 48·(1,614,809,088 + 4,096) + 2·151936·2048 + 2,048
 *   = 327,161,856 + 1,213,864,704 + 77,511,032,832 + 622,329,856 + 2,048
 *   n_params = 79,674,391,296 (published 80B: −0.41%) */
static void test_qwen3_next_counts_attention_and_deltanet_layers_apart(void **state)
{
    (void)state;
    read_fixture("qwen3-next-80b-a3b-instruct.json");
    assert_true(M.n_params == 79674391296.0);
    assert_true(within(M.n_params, 80e9, 0.01));
    taf_model_info_free(&M);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_glm4_moe_dense_first_layers_shared_expert_and_qkv_biases),
        cmocka_unit_test(test_glm4_moe_air_without_qk_norms),
        cmocka_unit_test(test_glm4_moe_defaults_from_the_config_class),
        cmocka_unit_test(test_kimi_k2_reads_as_deepseek_v3),
        cmocka_unit_test(test_cohere_ties_the_head_and_has_one_layernorm_per_layer),
        cmocka_unit_test(test_llama4_maverick_interleaved_moe_and_dense_layers),
        cmocka_unit_test(test_qwen3_next_counts_attention_and_deltanet_layers_apart),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

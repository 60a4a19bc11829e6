/* Unit tests of the config.json reader's layer kinds (engine/readers/
 * hf_config_layers.c): linear/lightning attention (MiniMax attn_type_list,
 * Qwen3-Next full_attention_interval, any layer_types naming
 * linear_attention), chunked attention (Llama 4 attention_chunk_size and
 * no_rope_layers), sliding layers with attention sinks (gpt-oss), SSM layers
 * (Nemotron-H, Granite 4.0-H, the mamba_ssm MambaConfig), and Python's
 * Infinity/-Infinity/NaN tokens. Every expected KV figure is worked by hand
 * from the published shapes in the comment above it, at L = 131072 tokens and
 * 2 bytes per element (bf16 cache); fixtures and their sources are in
 * tests/data/hf-configs/INDEX.json. */
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
#include "formulas/kv_arch.h"

#define FIXTURES TAF_SOURCE_DIR "/tests/data/hf-configs/"
#define L131K 131072.0

static struct taf_model_info M;
static char ERR[1024];

static void read_fixture(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, FIXTURES "%s", name);
    if (taf_read_hf_config(path, &M, ERR, sizeof ERR) != 0)
        fail_msg("%s", ERR);
}

static int parse(const char *json)
{
    return taf_parse_hf_config(json, strlen(json), "x/config.json", &M, ERR, sizeof ERR);
}

static int has_note(const char *needle)
{
    for (int i = 0; i < M.n_notes; i++)
        if (strstr(M.notes[i], needle)) return 1;
    return 0;
}

static void expect_error(const char *json, const char *needle)
{
    assert_int_equal(parse(json), -1);
    if (strstr(ERR, needle) == NULL || strncmp(ERR, "x/config.json: ", 15) != 0)
        fail_msg("error '%s' lacks '%s'", ERR, needle);
}

/* KV bytes of the read model, the way taf.kv_cache_memory_model takes its fields
 * (engine/lua/readers.c): the class picks the layout, absent fields are 0, an
 * absent n_swa_layers means every attention layer slides. */
static double kv_bytes(double seq)
{
    static const enum taf_kv_layout LAYOUT[] = {
        [TAF_ARCH_FULL] = TAF_KV_FULL, [TAF_ARCH_SWA] = TAF_KV_SWA, [TAF_ARCH_MLA] = TAF_KV_MLA,
        [TAF_ARCH_SSM] = TAF_KV_SSM, [TAF_ARCH_RWKV] = TAF_KV_RWKV, [TAF_ARCH_LINEAR] = TAF_KV_LINEAR,
        [TAF_ARCH_HYBRID] = TAF_KV_HYBRID,
    };
    struct taf_kv_shape s = {
        .layout = LAYOUT[M.architecture],
        .n_layers = M.n_layers,
        .n_kv_heads = taf_model_has(&M, TAF_F_KV_HEADS) ? M.n_kv_heads : 0,
        .d_head = taf_model_has(&M, TAF_F_D_HEAD) ? M.d_head : 0,
        .n_attention_layers = taf_model_has(&M, TAF_F_ATTN_LAYERS) ? M.n_attention_layers : 0,
        .sliding_window = taf_model_has(&M, TAF_F_SLIDING_WINDOW) ? M.sliding_window : 0,
        .n_swa_layers = taf_model_has(&M, TAF_F_SWA_LAYERS) ? M.n_swa_layers : -1,
        .state_elements = taf_model_has(&M, TAF_F_STATE_ELEMENTS) ? M.state_elements : 0,
    };
    return taf_kv_cache_bytes_arch(&s, seq, 2).bytes;
}

/* MiniMax-M1 (MiniMax-AI/MiniMax-M1 config.json): attn_type_list puts softmax
 * attention on every 8th layer (7, 15, …, 79: 10 of 80), lightning attention on
 * the other 70. 64 heads × 128, 8 KV heads.
 *   KV: 10 layers · 2·8·128 · 131072 tokens · 2 B = 5,368,709,120
 *   lightning state: 70 layers · 64 heads · 128 · 128 = 73,400,320 elements · 2 B = 146,800,640
 *   total 5,515,509,760 (a Llama reading: 80 layers, 42,949,672,960)
 * n_params: 456,089,655,296 = embed+head 2·200064·6144 (2,458,386,432) + 70 lightning mixers
 * ·(5·6144·8192 + 8192) + 10 attention ·(2·6144·8192 + 2·6144·1024) + 80 MoE ·(6144·32 +
 * 32·3·6144·9216) + norms 161·6144; the README: 456B total, 45.9B active. */
static void test_minimax_lightning_layers_hold_a_constant_state(void **state)
{
    (void)state;
    read_fixture("minimax-m1.json");
    assert_int_equal(M.architecture, TAF_ARCH_HYBRID);
    assert_true(M.n_layers == 80 && M.n_attention_layers == 10);
    assert_true(M.state_elements == 73400320);
    assert_false(M.has_SWA);
    assert_true(kv_bytes(L131K) == 5368709120.0 + 146800640.0);
    assert_true(M.n_params == 456089655296.0);
    assert_true(M.n_params_active == 48403306496.0);  /* 2 of 32 experts, embeddings included */
    assert_true(has_note("attn_type_list: 10 attention"));
    taf_model_info_free(&M);
}

/* Qwen3-Next-80B-A3B-Instruct: no layer_types, full_attention_interval 4 →
 * layers 3, 7, …, 47 full attention (12), 36 Gated DeltaNet layers.
 *   KV: 12 · 2·2·256 · 131072 · 2 B = 3,221,225,472
 *   DeltaNet state per layer: 32 value heads · 128 · 128 = 524,288 + conv (2·16·128 + 32·128)·(4−1)
 *   = 24,576 → 548,864; · 36 = 19,759,104 elements · 2 B = 39,518,208
 *   total 3,260,743,680 */
static void test_qwen3_next_interval_and_gated_deltanet_state(void **state)
{
    (void)state;
    read_fixture("qwen3-next-80b-a3b-instruct.json");
    assert_string_equal(M.family, "qwen3_next");
    assert_int_equal(M.architecture, TAF_ARCH_HYBRID);
    assert_true(M.n_attention_layers == 12 && M.state_elements == 19759104);
    assert_true(kv_bytes(L131K) == 3221225472.0 + 39518208.0);
    /* 79,674,391,296: published 80B (the gated q_proj, DeltaNet mixers, shared expert counted) */
    assert_true(M.n_params == 79674391296.0 && M.n_params_active == 3874929408.0);
    assert_true(M.n_shared_experts == 1);
    taf_model_info_free(&M);
    /* the same model written with layer_types (transformers' Qwen3NextConfig.layer_types) */
    char json[4096] = "{\"model_type\":\"qwen3_next\",\"hidden_size\":2048,\"num_hidden_layers\":8,"
                      "\"num_attention_heads\":16,\"num_key_value_heads\":2,\"head_dim\":256,\"vocab_size\":1000,"
                      "\"max_position_embeddings\":262144,\"layer_types\":[";
    for (int i = 0; i < 8; i++)
        strcat(json, i % 4 == 3 ? "\"full_attention\"," : "\"linear_attention\",");
    json[strlen(json) - 1] = '\0';
    strcat(json, "]}");
    assert_int_equal(parse(json), 0);
    assert_true(M.n_attention_layers == 2 && M.state_elements == 6 * 548864.0);
    assert_true(has_note("linear_num_value_heads absent: 32"));  /* Qwen3NextConfig defaults */
    taf_model_info_free(&M);
}

/* Llama-4-Scout-17B-16E (pending/: its n_params is the text model, 107.8B, and the
 * published 109B counts the vision encoder). no_rope_layers: 1 = RoPE layer, chunked
 * (attention_chunk_size 8192); 0 = NoPE layer with full attention: 36 chunked, 12 full.
 *   KV: 2·8·128 · 2 B = 4096 B per token and layer;
 *   4096 · (12 · 131072 + 36 · min(8192, 131072)) = 4096 · 1,867,776 = 7,650,410,496
 *   (read as Llama: 48 · 131072 · 4096 = 25,769,803,776)
 *   at 4096 tokens, under one chunk: 48 · 4096 · 4096 = 805,306,368 */
static void test_llama4_chunked_layers_keep_one_chunk(void **state)
{
    (void)state;
    read_fixture("pending/llama-4-scout-17b-16e-instruct.json");
    assert_string_equal(M.family, "llama4_text");
    assert_int_equal(M.architecture, TAF_ARCH_SWA);
    assert_true(M.has_SWA && M.sliding_window == 8192 && M.n_swa_layers == 36 && M.n_attention_layers == 48);
    assert_true(kv_bytes(L131K) == 7650410496.0);
    assert_true(kv_bytes(4096) == 805306368.0);
    assert_true(has_note("12 of 48 layers use no positional encoding"));
    assert_true(has_note("chunked attention (attention_chunk_size 8192) on 36 of 48 layers"));
    /* text model: 16 routed experts + 1 shared expert (intermediate_size 8192) on all 48 layers */
    assert_true(M.n_params == 107769861120.0 && M.n_params_active == 17172894720.0);
    taf_model_info_free(&M);
    /* Maverick: interleave_moe_layer_step 2 → 24 MoE layers (128 experts), 24 dense of 16384 */
    read_fixture("pending/llama-4-maverick-17b-128e-instruct.json");
    assert_true(M.n_swa_layers == 36 && fabs(M.n_params / 400e9 - 1) < 0.01);
    taf_model_info_free(&M);
    /* chunking turned off (attention_chunk_size null): every layer attends to all */
    assert_int_equal(parse("{\"model_type\":\"llama4_text\",\"hidden_size\":64,\"num_hidden_layers\":4,"
                           "\"num_attention_heads\":4,\"vocab_size\":10,\"attention_chunk_size\":null,"
                           "\"num_local_experts\":2,\"num_experts_per_tok\":1}"), 0);
    assert_false(M.has_SWA);
    assert_int_equal(M.architecture, TAF_ARCH_FULL);
    assert_true(has_note("a NoPE layer every 4 layers"));
    taf_model_info_free(&M);
}

/* gpt-oss-20b: layer_types alternates sliding_attention (window 128) and
 * full_attention over 24 layers; the sinks are per-head logits, no KV.
 *   KV per token and layer 2·8·64 · 2 B = 2048 B:
 *   2048 · (12 · 131072 + 12 · 128) = 3,221,225,472 + 3,145,728 = 3,224,371,200 */
static void test_gpt_oss_sliding_layers_and_sinks(void **state)
{
    (void)state;
    read_fixture("gpt-oss-20b.json");
    assert_int_equal(M.architecture, TAF_ARCH_SWA);
    assert_true(M.sliding_window == 128 && M.n_swa_layers == 12 && M.n_attention_layers == 24);
    assert_true(kv_bytes(L131K) == 3224371200.0);
    assert_true(has_note("attention sinks"));
    assert_true(M.n_params == 20908119360.0);  /* unchanged by the family: the catalog preset's value */
    taf_model_info_free(&M);
}

/* Nemotron-H-8B-Base-8K (pending/): hybrid_override_pattern has 4 '*' attention layers
 * and 24 'M' Mamba-2 layers. Mamba-2 state per layer: d_inner 128·64 = 8192 · 128 +
 * conv (8192 + 2·8·128)·3 = 1,079,296; · 24 = 25,903,104.
 *   KV: 4 · 2·8·128 · 131072 · 2 = 2,147,483,648 + 2 · 25,903,104 = 2,199,289,856 */
static void test_nemotron_h_attention_layers_only(void **state)
{
    (void)state;
    read_fixture("pending/nemotron-h-8b-base-8k.json");
    assert_int_equal(M.architecture, TAF_ARCH_HYBRID);
    assert_true(M.n_attention_layers == 4 && M.state_elements == 25903104);
    assert_true(kv_bytes(L131K) == 2199289856.0);
    taf_model_info_free(&M);
}

/* Granite-4.0-H-Small's shape fields (GraniteMoeHybridConfig keys; the values of
 * ibm-granite/granite-4.0-h-small's config.json as in catalogs/models/granite-4.0-h-small.lua),
 * with layer_types: attention on layers 5, 15, 25, 35, Mamba-2 on the other 36, and the
 * Python token its Mamba-2 config carries ("time_step_limit": [0.0, Infinity]).
 *   Mamba-2 state: 8192·128 + (8192 + 2·1·128)·3 = 1,073,920 · 36 = 38,661,120
 *   KV: 4 · 2·8·128 · 131072 · 2 = 2,147,483,648 + 2·38,661,120 = 2,224,805,888
 *   n_params 32,207,337,984 (published 32B): embed 100352·4096 (tied) + 4 attention
 *   ·41,943,040 + 36 Mamba-2 ·102,286,976 + 40 MoE ·(4096·72 + 72·3·4096·768 +
 *   3·4096·1536) + norms 81·4096 */
static void test_granite_hybrid_layer_types_mamba_and_attention(void **state)
{
    (void)state;
    char json[4096] = "{\"model_type\":\"granitemoehybrid\",\"hidden_size\":4096,\"num_hidden_layers\":40,"
        "\"num_attention_heads\":32,\"num_key_value_heads\":8,\"vocab_size\":100352,\"intermediate_size\":768,"
        "\"shared_intermediate_size\":1536,\"num_local_experts\":72,\"num_experts_per_tok\":10,"
        "\"tie_word_embeddings\":true,\"max_position_embeddings\":131072,\"position_embedding_type\":\"nope\","
        "\"mamba_n_heads\":128,\"mamba_d_head\":64,\"mamba_d_state\":128,\"mamba_n_groups\":1,\"mamba_d_conv\":4,"
        "\"mamba_expand\":2,\"mamba_conv_bias\":true,\"mamba_proj_bias\":false,"
        "\"time_step_limit\":[0.0, Infinity],\"layer_types\":[";
    for (int i = 0; i < 40; i++)
        strcat(json, i % 10 == 5 ? "\"attention\"," : "\"mamba\",");
    json[strlen(json) - 1] = '\0';
    strcat(json, "]}");
    if (parse(json) != 0) fail_msg("%s", ERR);
    assert_int_equal(M.architecture, TAF_ARCH_HYBRID);
    assert_int_equal(M.position, TAF_POS_NONE);
    assert_true(M.n_attention_layers == 4 && M.state_elements == 38661120);
    assert_true(kv_bytes(L131K) == 2224805888.0);
    assert_true(M.n_params == 32207337984.0);
    taf_model_info_free(&M);
}

/* The mamba_ssm package's own config.json (no model_type): state-spaces/mamba-130m
 * (Mamba-1, ssm_cfg {}) and state-spaces/mamba2-2.7b (ssm_cfg {"layer": "Mamba2"}).
 *   mamba-130m: d_inner 2·768 = 1536, d_state 16, d_conv 4 (mamba_simple.py defaults):
 *   24 · 1536 · (16 + 3) = 700,416 elements · 2 B = 1,400,832 at any length;
 *   vocab 50277 padded to 50280 (pad_vocab_size_multiple 8); 129,135,360 params (the
 *   converted mamba-130m-hf holds exactly these weights)
 *   mamba2-2.7b: d_inner 5120, d_state 128, ngroups 1, d_conv 4 (mamba2.py defaults):
 *   64 · (5120·128 + (5120 + 256)·3) = 64 · 671,488 = 42,975,232 elements */
static void test_mamba_ssm_config_reads_as_ssm(void **state)
{
    (void)state;
    read_fixture("mamba-130m.json");
    assert_string_equal(M.family, "mamba_ssm");
    assert_int_equal(M.architecture, TAF_ARCH_SSM);
    assert_true(M.vocab == 50280 && M.state_elements == 700416 && M.n_params == 129135360.0);
    assert_true(kv_bytes(L131K) == 1400832.0 && kv_bytes(1) == 1400832.0);
    taf_model_info_free(&M);
    read_fixture("mamba2-2.7b.json");
    assert_true(M.vocab == 50288 && M.state_elements == 42975232 && M.n_params == 2702599680.0);
    taf_model_info_free(&M);
    /* ssm_cfg values override the defaults; attention layers make it a hybrid:
     * 2 MHA layers (num_heads 8, head_dim 64 = 512/8, GQA 2 KV heads) of 4;
     * KV 2 · 2·2·64 · 1024 · 2 B = 1,048,576 + state 2 · 1024·32 + 1024·1 (d_conv 2) = 67,584 ·2 */
    assert_int_equal(parse("{\"d_model\":512,\"n_layer\":4,\"vocab_size\":1000,\"ssm_cfg\":{\"d_state\":32,"
                           "\"d_conv\":2},\"attn_layer_idx\":[1,3],\"attn_cfg\":{\"num_heads\":8,\"num_heads_kv\":2,"
                           "\"rotary_emb_dim\":32}}"), 0);
    assert_int_equal(M.architecture, TAF_ARCH_HYBRID);
    assert_int_equal(M.position, TAF_POS_ROPE);
    assert_true(M.n_attention_layers == 2 && M.d_head == 64 && M.n_kv_heads == 2);
    assert_true(M.state_elements == 2 * (1024.0 * 32 + 1024.0 * 1));
    assert_true(kv_bytes(1024) == 1048576.0 + 2 * 67584.0);
    taf_model_info_free(&M);
    expect_error("{\"d_model\":512,\"n_layer\":4,\"ssm_cfg\":{\"layer\":\"Mamba3\"}}", "ssm_cfg.layer 'Mamba3'");
    expect_error("{\"d_model\":512,\"n_layer\":4,\"ssm_cfg\":{\"d_state\":NaN}}",
                 "ssm_cfg.d_state must be a finite number, got NaN");
}

/* An unknown model_type is classified by these fields, not read as Llama. */
static void test_unknown_model_types_are_classified_by_their_fields(void **state)
{
    (void)state;
    /* layer_types naming linear_attention, Qwen3-Next's linear_* keys:
     * 1 full layer of 4; state 3 · (4·32·32 + (2·2·32 + 4·32)·3) = 3 · 4864 */
    assert_int_equal(parse("{\"model_type\":\"brand_new\",\"hidden_size\":256,\"num_hidden_layers\":4,"
                           "\"num_attention_heads\":4,\"vocab_size\":100,\"layer_types\":[\"linear_attention\","
                           "\"linear_attention\",\"linear_attention\",\"full_attention\"],\"linear_num_key_heads\":2,"
                           "\"linear_num_value_heads\":4,\"linear_key_head_dim\":32,\"linear_value_head_dim\":32,"
                           "\"linear_conv_kernel_dim\":4}"), 0);
    assert_int_equal(M.architecture, TAF_ARCH_HYBRID);
    assert_true(M.n_attention_layers == 1 && M.state_elements == 3 * 4864.0);
    assert_true(has_note("layers classified by their fields"));
    taf_model_info_free(&M);
    /* no linear-attention shape: the class is right, the state is named as missing */
    assert_int_equal(parse("{\"model_type\":\"brand_new\",\"hidden_size\":256,\"num_hidden_layers\":2,"
                           "\"num_attention_heads\":4,\"vocab_size\":100,\"layer_types\":[\"linear_attention\","
                           "\"full_attention\"]}"), 0);
    assert_int_equal(M.architecture, TAF_ARCH_HYBRID);
    assert_false(taf_model_has(&M, TAF_F_STATE_ELEMENTS));
    assert_true(has_note("state_elements not counted") && has_note("as attention projections"));
    taf_model_info_free(&M);
    /* every layer linear: no KV at all */
    assert_int_equal(parse("{\"model_type\":\"brand_new\",\"hidden_size\":256,\"num_hidden_layers\":2,"
                           "\"num_attention_heads\":4,\"vocab_size\":100,\"attn_type_list\":[0,0]}"), 0);
    assert_int_equal(M.architecture, TAF_ARCH_LINEAR);
    assert_true(M.n_attention_layers == 0 && M.state_elements == 2 * 4 * 64.0 * 64);  /* lightning: heads·dh·dh */
    taf_model_info_free(&M);
    /* chunked_attention in layer_types with attention_chunk_size */
    assert_int_equal(parse("{\"model_type\":\"brand_new\",\"hidden_size\":256,\"num_hidden_layers\":4,"
                           "\"num_attention_heads\":4,\"vocab_size\":100,\"max_position_embeddings\":65536,"
                           "\"attention_chunk_size\":1024,\"layer_types\":[\"chunked_attention\",\"chunked_attention\","
                           "\"chunked_attention\",\"full_attention\"]}"), 0);
    assert_int_equal(M.architecture, TAF_ARCH_SWA);
    assert_true(M.sliding_window == 1024 && M.n_swa_layers == 3 && M.n_attention_layers == 4);
    taf_model_info_free(&M);
    /* no_rope_layers alone (SmolLM3-style NoPE layers): a note, nothing else changes */
    assert_int_equal(parse("{\"model_type\":\"brand_new\",\"hidden_size\":256,\"num_hidden_layers\":4,"
                           "\"num_attention_heads\":4,\"vocab_size\":100,\"no_rope_layers\":[1,1,1,0]}"), 0);
    assert_int_equal(M.architecture, TAF_ARCH_FULL);
    assert_true(has_note("1 of 4 layers use no positional encoding"));
    taf_model_info_free(&M);
    /* layer lists that cannot be right */
    expect_error("{\"model_type\":\"brand_new\",\"hidden_size\":256,\"num_hidden_layers\":3,\"num_attention_heads\":4,"
                 "\"layer_types\":[\"linear_attention\",\"full_attention\"]}", "layer_types has 2 entries");
    expect_error("{\"model_type\":\"brand_new\",\"hidden_size\":256,\"num_hidden_layers\":2,\"num_attention_heads\":4,"
                 "\"attn_type_list\":[0,2]}", "attn_type_list[1] must be an integer in [0, 1], got 2");
    expect_error("{\"model_type\":\"brand_new\",\"hidden_size\":256,\"num_hidden_layers\":2,\"num_attention_heads\":4,"
                 "\"layer_types\":[\"full_attention\",7]}", "layer_types[1] must be a string, got a number");
}

/* Python's json writes Infinity, -Infinity and NaN. Where tafrun does not read the
 * field they pass; where a number matters the file is refused naming the field. */
static void test_python_nonfinite_tokens(void **state)
{
    (void)state;
#define BASE "\"model_type\":\"llama\",\"hidden_size\":64,\"num_hidden_layers\":2,\"num_attention_heads\":4"
    assert_int_equal(parse("{" BASE ",\"time_step_limit\":[0.0,Infinity],\"x\":-Infinity,\"y\":NaN,"
                           "\"note\":\"NaN, Infinity and -Infinity in a string stay text\"}"), 0);
    assert_true(M.d_model == 64);
    taf_model_info_free(&M);
    expect_error("{" BASE ",\"rope_theta\":Infinity}", "rope_theta must be a finite number, got Infinity");
    expect_error("{" BASE ",\"max_position_embeddings\":-Infinity}",
                 "max_position_embeddings must be a finite number, got -Infinity");
    expect_error("{" BASE ",\"sliding_window\":NaN}", "sliding_window must be a finite number, got NaN");
    expect_error("{" BASE ",\"rope_scaling\":{\"rope_type\":\"linear\",\"factor\":Infinity}}",
                 "rope_scaling.factor must be finite, got Infinity");
    expect_error("{" BASE ",\"rope_scaling\":{\"rope_type\":\"longrope\",\"long_factor\":[1,NaN]}}",
                 "rope_scaling.long_factor[1] must be a finite number, got NaN");
    expect_error("{" BASE ",\"quantization_config\":{\"quant_method\":\"gptq\",\"bits\":NaN}}",
                 "quantization_config.bits must be a finite number, got NaN");
    expect_error("{" BASE ",\"attn_type_list\":[1,NaN]}", "attn_type_list[1] must be a finite number, got NaN");
    expect_error("{\"model_type\":NaN}", "model_type must be a string, got NaN");
    /* the masked token keeps its length: a syntax error after it is reported where it is */
    expect_error("{\"a\":Infinity,\"b\":[1,}", "line 1 column 22");
    expect_error("{\"a\":Infinite}", "line 1 column");  /* not a Python token: still invalid JSON */
    expect_error("{\"a\":NaN1}", "line 1 column");
#undef BASE
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_minimax_lightning_layers_hold_a_constant_state),
        cmocka_unit_test(test_qwen3_next_interval_and_gated_deltanet_state),
        cmocka_unit_test(test_llama4_chunked_layers_keep_one_chunk),
        cmocka_unit_test(test_gpt_oss_sliding_layers_and_sinks),
        cmocka_unit_test(test_nemotron_h_attention_layers_only),
        cmocka_unit_test(test_granite_hybrid_layer_types_mamba_and_attention),
        cmocka_unit_test(test_mamba_ssm_config_reads_as_ssm),
        cmocka_unit_test(test_unknown_model_types_are_classified_by_their_fields),
        cmocka_unit_test(test_python_nonfinite_tokens),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

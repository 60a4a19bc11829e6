/* Unit tests of engine/readers/hf_config.c. The fixtures are published
 * config.json files (tests/data/hf-configs, sources in INDEX.json); expected
 * parameter counts are the ones the model authors publish, expected fields
 * are read off each config by hand. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include <jansson.h>

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

static int has_note(const char *needle)
{
    for (int i = 0; i < M.n_notes; i++)
        if (strstr(M.notes[i], needle)) return 1;
    return 0;
}

/* Every fixture of INDEX.json: the computed total within 1% of the published
 * count, the architecture class as expected, and the active count (MoE)
 * within 2% (published active counts carry two significant digits). */
static void test_every_fixture_matches_its_published_count_and_class(void **state)
{
    (void)state;
    json_error_t je;
    json_t *index = json_load_file(FIXTURES "INDEX.json", 0, &je);
    assert_non_null(index);
    json_t *list = json_object_get(index, "fixtures");
    assert_true(json_array_size(list) >= 25);
    size_t i, verbatim = 0;
    json_t *e;
    json_array_foreach(list, i, e) {
        const char *file = json_string_value(json_object_get(e, "file"));
        /* a verbatim copy names where it was copied from */
        json_t *src = json_object_get(e, "source");
        if (strcmp(json_string_value(json_object_get(src, "kind")), "verbatim") == 0) {
            const char *commit = json_string_value(json_object_get(src, "commit"));
            if (!json_is_string(json_object_get(src, "repo")) || !json_is_string(json_object_get(src, "path")) ||
                commit == NULL || strlen(commit) != 40)
                fail_msg("%s: a verbatim source needs repo, path and a 40-hex commit", file);
            verbatim++;
        }
        double published = json_number_value(json_object_get(e, "published_params"));
        const char *arch = json_string_value(json_object_get(e, "architecture"));
        read_fixture(file);
        if (fabs(M.n_params / published - 1) > 0.01)
            fail_msg("%s: n_params %.0f vs published %.0f (%.2f%%)", file, M.n_params, published,
                     100 * (M.n_params / published - 1));
        if (strcmp(taf_arch_name(M.architecture), arch) != 0)
            fail_msg("%s: architecture %s, expected %s", file, taf_arch_name(M.architecture), arch);
        json_t *active = json_object_get(e, "published_params_active");
        if (active != NULL && strcmp(file, "deepseek-v2-lite.json") != 0 &&
            fabs(M.n_params_active / json_number_value(active) - 1) > 0.02)
            fail_msg("%s: n_params_active %.0f vs published %.0f", file, M.n_params_active, json_number_value(active));
        taf_model_info_free(&M);
    }
    assert_true(verbatim >= 25); /* the floor of published configs copied as they are */
    json_decref(index);
}

static void test_llama3_rope_scaling_and_T_train(void **state)
{
    (void)state;
    read_fixture("llama-3.1-8b.json");
    /* rope_theta 500000; rope_scaling llama3 factor 8 over original_max_position_embeddings 8192 */
    assert_true(M.theta == 500000 && M.T_train == 8192);
    /* max_position_embeddings 131072 in the published file: the window the scaling reaches */
    assert_true(taf_model_has(&M, TAF_F_T_MAX) && M.T_max == 131072);
    assert_true(M.n_attention_heads == 32 && M.n_kv_heads == 8 && M.d_head == 128 && M.n_layers == 32);
    assert_true(M.has_rope_scaling && M.n_rope_fields == 5);
    assert_true(M.n_params == 8030261248.0);  /* = test_params_count's hand sum */
    assert_true(has_note("original_max_position_embeddings 8192"));
    assert_int_equal(M.architecture, TAF_ARCH_FULL);
    taf_model_info_free(&M);
}

static void test_sliding_windows_by_family(void **state)
{
    (void)state;
    read_fixture("qwen2.5-7b.json");        /* use_sliding_window false: no layer slides */
    assert_false(M.has_SWA);
    assert_true(has_note("use_sliding_window is false"));
    taf_model_info_free(&M);
    read_fixture("gemma-2-9b.json");        /* every other layer of 42 */
    assert_true(M.has_SWA && M.sliding_window == 4096 && M.n_swa_layers == 21);
    taf_model_info_free(&M);
    read_fixture("gemma-3-1b.json");        /* pattern 6: 26 − ⌊26/6⌋ = 22 sliding layers of 512 */
    assert_true(M.sliding_window == 512 && M.n_swa_layers == 22 && M.theta == 1000000);
    taf_model_info_free(&M);
    read_fixture("mistral-7b-v0.1.json");   /* all 32 layers, window 4096 */
    assert_true(M.n_swa_layers == 32 && M.architecture == TAF_ARCH_SWA);
    taf_model_info_free(&M);
}

static void test_text_config_is_followed_with_family_defaults(void **state)
{
    (void)state;
    /* the published gemma-3-4b-it text_config states only widths, layers, window and
     * rope_scaling: heads, KV heads and head_dim come from Gemma3TextConfig (8, 4, 256) */
    read_fixture("gemma-3-4b-it.json");
    assert_true(M.d_model == 2560 && M.n_layers == 34 && M.d_head == 256 && M.n_kv_heads == 4);
    assert_true(M.n_attention_heads == 8 && has_note("num_attention_heads absent: 8"));
    assert_true(M.vocab == 262208 && M.T_train == 131072 && M.theta == 1000000);
    assert_true(has_note("text_config") && has_note("Gemma3TextConfig default"));
    taf_model_info_free(&M);
}

static void test_mla_recurrent_hybrid_and_position_classes(void **state)
{
    (void)state;
    read_fixture("deepseek-v3.json");
    assert_true(M.kv_lora_rank == 512 && M.qk_rope_head_dim == 64 && M.q_lora_rank == 1536);
    assert_true(M.T_train == 4096 && M.n_experts == 256 && M.n_experts_active == 8);
    taf_model_info_free(&M);
    read_fixture("mamba-130m-hf.json");     /* 24·1536·(16 + 3) state elements, no θ */
    assert_true(M.state_elements == 700416 && M.position == TAF_POS_NONE && !taf_model_has(&M, TAF_F_THETA));
    taf_model_info_free(&M);
    read_fixture("jamba-v0.1.json");        /* attention at layers 4, 12, 20, 28 */
    assert_true(M.n_attention_layers == 4 && M.architecture == TAF_ARCH_HYBRID);
    assert_true(M.state_elements == 28.0 * 8192 * 19);
    taf_model_info_free(&M);
    read_fixture("bloom-560m.json");
    assert_true(M.position == TAF_POS_ALIBI && !taf_model_has(&M, TAF_F_THETA));
    taf_model_info_free(&M);
    read_fixture("gpt2.json");
    assert_true(M.position == TAF_POS_ABSOLUTE && M.T_train == 1024 && M.T_max == 1024); /* n_positions */
    taf_model_info_free(&M);
    read_fixture("falcon-7b.json");         /* multi_query: one KV head */
    assert_true(M.n_kv_heads == 1 && M.T_train == 2048);
    taf_model_info_free(&M);
}

static int parse(const char *json)
{
    return taf_parse_hf_config(json, strlen(json), "x/config.json", &M, ERR, sizeof ERR);
}

#define BASE "\"model_type\":\"llama\",\"hidden_size\":64,\"num_hidden_layers\":2,\"num_attention_heads\":4,\"vocab_size\":10"

/* quantization_config decides the weight format: DeepSeek-R1-0528 ships FP8
 * blocks under torch_dtype bfloat16 (its published file, lines 37–44). */
static void test_quantization_config_sets_the_weight_format(void **state)
{
    (void)state;
    read_fixture("deepseek-r1-0528.json");
    assert_string_equal(M.dtype, "FP8");
    assert_true(has_note("quant_method fp8"));
    taf_model_info_free(&M);
    static const struct { const char *q; const char *dtype; } CASES[] = {
        { "{\"quant_method\":\"awq\",\"bits\":4,\"group_size\":128}", "AWQ" },
        { "{\"quant_method\":\"gptq\",\"bits\":4}", "GPTQ" },
        { "{\"quant_method\":\"gptq\",\"bits\":8}", "INT8" },
        { "{\"quant_method\":\"bitsandbytes\",\"load_in_4bit\":true}", "NF4" },
        { "{\"quant_method\":\"bitsandbytes\",\"load_in_8bit\":true}", "INT8" },
        { "{\"quant_method\":\"gptq\",\"bits\":3}", "gptq" },   /* not modelled: named, noted */
        { "{\"quant_method\":\"mxfp4\"}", "mxfp4" },
    };
    for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
        char json[512];
        snprintf(json, sizeof json, "{" BASE ",\"torch_dtype\":\"bfloat16\",\"quantization_config\":%s}", CASES[i].q);
        if (parse(json) != 0) fail_msg("case %zu: %s", i, ERR);
        assert_string_equal(M.dtype, CASES[i].dtype);
        assert_true(has_note("torch_dtype bfloat16 is the compute type"));
        taf_model_info_free(&M);
    }
    /* a quantization_config that is not an object is an error naming the key */
    assert_int_equal(parse("{" BASE ",\"quantization_config\":[1]}"), -1);
    assert_non_null(strstr(ERR, "quantization_config must be an object"));
    taf_model_info_free(&M);
}

static void test_every_rope_scaling_type_keeps_its_fields(void **state)
{
    (void)state;
    static const char *const CASES[] = {
        "{" BASE ",\"max_position_embeddings\":8192,\"rope_scaling\":{\"type\":\"linear\",\"factor\":2.0}}",
        "{" BASE ",\"max_position_embeddings\":8192,\"rope_scaling\":{\"type\":\"dynamic\",\"factor\":4.0}}",
        "{" BASE ",\"max_position_embeddings\":131072,\"rope_scaling\":{\"type\":\"yarn\",\"factor\":4.0,"
        "\"original_max_position_embeddings\":32768,\"beta_fast\":32,\"beta_slow\":1}}",
        "{" BASE ",\"max_position_embeddings\":131072,\"original_max_position_embeddings\":4096,"
        "\"rope_scaling\":{\"type\":\"longrope\",\"long_factor\":[1.0,1.5,2.0],\"short_factor\":[1.0,1.0,1.0]}}",
        "{" BASE ",\"max_position_embeddings\":131072,\"rope_scaling\":{\"rope_type\":\"llama3\",\"factor\":8.0,"
        "\"low_freq_factor\":1.0,\"high_freq_factor\":4.0,\"original_max_position_embeddings\":8192}}",
    };
    static const double T_TRAIN[] = { 8192, 8192, 32768, 4096, 8192 };
    static const int FIELDS[] = { 2, 2, 5, 3, 5 };
    for (int i = 0; i < 5; i++) {
        if (parse(CASES[i]) != 0) fail_msg("case %d: %s", i, ERR);
        assert_true(M.has_rope_scaling);
        assert_int_equal(M.n_rope_fields, FIELDS[i]);
        assert_true(M.T_train == T_TRAIN[i]);
        if (i == 3) {
            assert_int_equal(M.rope_scaling[1].kind, TAF_RF_ARRAY);
            assert_true(M.rope_scaling[1].count == 3 && M.rope_scaling[1].array[2] == 2.0);
        }
        taf_model_info_free(&M);
    }
}

static void test_qwen_max_window_layers_and_layer_types(void **state)
{
    (void)state;
    assert_int_equal(parse("{\"model_type\":\"qwen2\",\"hidden_size\":64,\"num_hidden_layers\":8,\"num_attention_heads\":4,"
                           "\"vocab_size\":10,\"max_position_embeddings\":32768,\"sliding_window\":4096,"
                           "\"use_sliding_window\":true,\"max_window_layers\":6}"), 0);
    assert_true(M.n_swa_layers == 2 && M.architecture == TAF_ARCH_SWA);  /* layers 6 and 7 slide */
    taf_model_info_free(&M);
    assert_int_equal(parse("{" BASE ",\"max_position_embeddings\":32768,\"sliding_window\":1024,\"layer_types\":"
                           "[\"sliding_attention\",\"full_attention\"]}"), 0);
    assert_true(M.n_swa_layers == 1);
    taf_model_info_free(&M);
}

static void expect_error(const char *json, const char *needle)
{
    assert_int_equal(parse(json), -1);
    if (strstr(ERR, needle) == NULL || strncmp(ERR, "x/config.json: ", 15) != 0)
        fail_msg("error '%s' lacks '%s'", ERR, needle);
}

static void test_bad_configs_name_the_file_and_the_fault(void **state)
{
    (void)state;
    /* Python's NaN where a number matters: the key named (test_hf_config_hybrid.c has the rest) */
    expect_error("{\"hidden_size\": NaN}", "hidden_size must be a finite number, got NaN");
    expect_error("{\"hidden_size\": NaNa}", "line 1 column");
    expect_error("{\"model_type\": \"llama\",\n \"hidden_size\": 64,", "line 2 column");
    expect_error("[1, 2]", "top level is an array");
    expect_error("{" BASE ",\"num_hidden_layers\":\"2\"}", "num_hidden_layers must be a number, got a string");
    expect_error("{\"model_type\":\"llama\",\"hidden_size\":-64}", "hidden_size must be an integer");
    expect_error("{\"model_type\":\"llama\",\"hidden_size\":1e300}", "hidden_size must be an integer");
    expect_error("{\"model_type\":\"llama\"}", "no hidden_size");
    expect_error("{" BASE ",\"rope_scaling\":{\"type\":\"linear\",\"factor\":\"2\"}}", "rope_scaling.factor");
    expect_error("{" BASE ",\"rope_scaling\":{\"type\":\"longrope\",\"long_factor\":3}}", "long_factor must be an array");
    expect_error("{" BASE ",\"rope_scaling\":[1]}", "rope_scaling must be an object");
    expect_error("{" BASE ",\"sliding_window\":64,\"layer_types\":\"full\"}", "layer_types must be an array");
    expect_error("{" BASE ",\"num_key_value_heads\":8}", "exceeds num_attention_heads");
    expect_error("{" BASE ",\"text_config\":5}", "text_config must be an object");
    /* nesting far deeper than any config: jansson's depth limit, never a stack overflow */
    static char deep[40000];
    memset(deep, '[', 20000);
    deep[20000] = '\0';
    expect_error(deep, "line 1 column");
}

/* θ, lengths and rope scale factors that cannot be: the file and the key named
 * (JSON itself has no NaN or ∞; an overflowing literal is a syntax error). */
static void test_impossible_theta_lengths_and_factors(void **state)
{
    (void)state;
    expect_error("{" BASE ",\"rope_theta\":0}", "rope_theta must be a number in [1e-09, 1e+15], got 0");
    expect_error("{" BASE ",\"rope_theta\":-500000}", "rope_theta must be a number in [1e-09, 1e+15], got -500000");
    expect_error("{" BASE ",\"rope_theta\":1e400}", "real number overflow");
    expect_error("{" BASE ",\"rotary_emb_base\":-1}", "rotary_emb_base must be a number");
    expect_error("{" BASE ",\"rope_parameters\":{\"rope_type\":\"default\",\"rope_theta\":0}}",
                 "rope_parameters.rope_theta must be a number in [1e-09, 1e+15], got 0");
    expect_error("{" BASE ",\"max_position_embeddings\":0}", "max_position_embeddings must be an integer in [1, 1e+15], got 0");
    expect_error("{" BASE ",\"max_position_embeddings\":-4096}", "max_position_embeddings must be an integer in [1, 1e+15], got -4096");
    expect_error("{" BASE ",\"n_positions\":2048.5}", "n_positions must be an integer");
    /* rope_scaling's original length: once ignored, so T_train fell back to max_position_embeddings */
    expect_error("{" BASE ",\"max_position_embeddings\":32768,\"rope_scaling\":{\"type\":\"linear\",\"factor\":4,"
                 "\"original_max_position_embeddings\":0}}",
                 "rope_scaling.original_max_position_embeddings must be an integer in [1, 1e+15], got 0");
    expect_error("{" BASE ",\"max_position_embeddings\":32768,\"rope_scaling\":{\"type\":\"yarn\",\"factor\":4,"
                 "\"original_max_position_embeddings\":-8192}}",
                 "rope_scaling.original_max_position_embeddings must be an integer in [1, 1e+15], got -8192");
    expect_error("{" BASE ",\"max_position_embeddings\":32768,\"rope_scaling\":{\"type\":\"yarn\",\"factor\":4,"
                 "\"original_max_position_embeddings\":\"8192\"}}",
                 "rope_scaling.original_max_position_embeddings must be a number");
    expect_error("{" BASE ",\"rope_scaling\":{\"type\":\"linear\",\"factor\":0}}", "rope_scaling.factor must be a number > 0");
    expect_error("{" BASE ",\"rope_scaling\":{\"type\":\"longrope\",\"long_factor\":[1.0,-1.5],\"short_factor\":[1]}}",
                 "rope_scaling.long_factor[1] must be > 0, got -1.5");
    expect_error("{" BASE ",\"rope_scaling\":{\"type\":\"su\",\"long_factor\":[1],\"short_factor\":[0]}}",
                 "rope_scaling.short_factor[0] must be > 0, got 0");
    expect_error("{" BASE ",\"num_key_value_heads\":0}", "num_key_value_heads must be an integer in [1, 1e+06], got 0");
    /* a possible original length is still the training length */
    assert_int_equal(parse("{" BASE ",\"max_position_embeddings\":32768,\"rope_scaling\":{\"type\":\"yarn\",\"factor\":4,"
                           "\"original_max_position_embeddings\":8192}}"), 0);
    assert_true(M.T_train == 8192 && M.T_max == 32768);
    taf_model_info_free(&M);
}

static void test_directory_path_reads_its_config_json(void **state)
{
    (void)state;
    char dir[] = "/tmp/taf_cfg_XXXXXX", file[64];
    assert_non_null(mkdtemp(dir));
    snprintf(file, sizeof file, "%s/config.json", dir);
    FILE *f = fopen(file, "w");
    fputs("{" BASE ",\"max_position_embeddings\":2048}", f);
    fclose(f);
    assert_int_equal(taf_read_hf_config(dir, &M, ERR, sizeof ERR), 0);
    assert_string_equal(M.id, strrchr(dir, '/') + 1);         /* the folder names the model */
    assert_true(M.n_kv_heads == 4 && has_note("num_key_value_heads absent"));
    taf_model_info_free(&M);
    unlink(file);
    rmdir(dir);
    assert_int_equal(taf_read_hf_config("/nonexistent/config.json", &M, ERR, sizeof ERR), -1);
    assert_non_null(strstr(ERR, "/nonexistent/config.json: cannot open"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_fixture_matches_its_published_count_and_class),
        cmocka_unit_test(test_llama3_rope_scaling_and_T_train),
        cmocka_unit_test(test_sliding_windows_by_family),
        cmocka_unit_test(test_text_config_is_followed_with_family_defaults),
        cmocka_unit_test(test_mla_recurrent_hybrid_and_position_classes),
        cmocka_unit_test(test_every_rope_scaling_type_keeps_its_fields),
        cmocka_unit_test(test_quantization_config_sets_the_weight_format),
        cmocka_unit_test(test_qwen_max_window_layers_and_layer_types),
        cmocka_unit_test(test_bad_configs_name_the_file_and_the_fault),
        cmocka_unit_test(test_impossible_theta_lengths_and_factors),
        cmocka_unit_test(test_directory_path_reads_its_config_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

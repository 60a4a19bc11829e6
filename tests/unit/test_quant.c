/* Unit tests of engine/formulas/quant.c. Bits per weight of the ggml block
 * types are worked by hand from the block layouts (bytes·8/32); the K-quant
 * mixes are the llama.cpp quantize README figures. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <math.h>
#include <cmocka.h>

#include "formulas/quant.h"
#include "formulas/ggml_types.h"

static void test_find_by_name_and_alias_case_insensitively(void **state)
{
    (void)state;
    assert_string_equal(taf_quant_format_find("BF16")->name, "BF16");
    assert_string_equal(taf_quant_format_find("bfloat16")->name, "BF16");
    assert_string_equal(taf_quant_format_find("q4_k_m")->name, "Q4_K_M");
    assert_string_equal(taf_quant_format_find("Q4_K")->name, "Q4_K_M");    /* alias */
    assert_string_equal(taf_quant_format_find("float16")->name, "F16");
    assert_string_equal(taf_quant_format_find("fp32")->name, "F32");
    assert_null(taf_quant_format_find("Q4_K_Q"));
    assert_null(taf_quant_format_find(""));
    assert_null(taf_quant_format_find("BF1"));   /* prefixes do not match */
}

static void test_block_layouts_give_exact_bits(void **state)
{
    (void)state;
    assert_true(taf_quant_format_find("Q8_0")->bits_per_weight == 34 * 8 / 32.0);  /* 8.5 */
    assert_true(taf_quant_format_find("Q4_0")->bits_per_weight == 18 * 8 / 32.0);  /* 4.5 */
    assert_true(taf_quant_format_find("Q4_1")->bits_per_weight == 20 * 8 / 32.0);  /* 5.0 */
    assert_true(taf_quant_format_find("Q5_0")->bits_per_weight == 22 * 8 / 32.0);  /* 5.5 */
    assert_true(taf_quant_format_find("Q5_1")->bits_per_weight == 24 * 8 / 32.0);  /* 6.0 */
    assert_true(taf_quant_format_find("AWQ")->bits_per_weight == 4 + 20 / 128.0);
    assert_true(taf_quant_format_find("INT4")->bits_per_weight == 4 + 16 / 128.0);
    /* README mixes; Q2_K is 3.35 (the upstream 2.63 was a file size in GiB) */
    assert_true(taf_quant_format_find("Q4_K_M")->bits_per_weight == 4.84);
    assert_true(taf_quant_format_find("Q2_K")->bits_per_weight == 3.35);
}

static void test_gguf_file_types(void **state)
{
    (void)state;
    assert_string_equal(taf_quant_format_by_ftype(15)->name, "Q4_K_M");
    assert_string_equal(taf_quant_format_by_ftype(0)->name, "F32");
    assert_string_equal(taf_quant_format_by_ftype(1)->name, "F16");
    assert_string_equal(taf_quant_format_by_ftype(32)->name, "BF16");
    assert_string_equal(taf_quant_format_by_ftype(7)->name, "Q8_0");
    assert_null(taf_quant_format_by_ftype(4));    /* Q4_1_SOME_F16: retired */
    assert_null(taf_quant_format_by_ftype(-1));   /* the non-GGUF marker never matches */
    assert_int_equal(taf_quant_format_gguf_ftype(taf_quant_format_find("AWQ")), -1);
    assert_int_equal(taf_quant_format_gguf_ftype(NULL), -1);
}

/* The file type of each format comes from the one llama_ftype table
 * (formulas/ggml_types.c) by name: the numbers the format table once wrote
 * out itself, every format, and each one found back by its number. */
static void test_gguf_file_types_match_llama_ftype(void **state)
{
    (void)state;
    static const struct { const char *name; int ftype; } WANT[] = {
        { "F32", 0 },
        { "BF16", 32 },
        { "F16", 1 },
        { "FP8", -1 },
        { "INT8", -1 },
        { "AWQ", -1 },
        { "GPTQ", -1 },
        { "INT4", -1 },
        { "NF4", -1 },
        { "Q8_0", 7 },
        { "Q6_K", 18 },
        { "Q5_1", 9 },
        { "Q5_K_M", 17 },
        { "Q5_K_S", 16 },
        { "Q5_0", 8 },
        { "Q4_1", 3 },
        { "Q4_K_M", 15 },
        { "Q4_K_S", 14 },
        { "Q4_0", 2 },
        { "IQ4_NL", 25 },
        { "IQ4_XS", 30 },
        { "Q3_K_L", 13 },
        { "Q3_K_M", 12 },
        { "IQ3_M", 27 },
        { "Q3_K_S", 11 },
        { "IQ3_S", 26 },
        { "IQ3_XS", 22 },
        { "IQ3_XXS", 23 },
        { "Q2_K", 10 },
        { "IQ2_M", 29 },
        { "IQ2_S", 28 },
        { "IQ2_XS", 20 },
        { "IQ2_XXS", 19 },
        { "IQ1_M", 31 },
        { "IQ1_S", 24 }
    };
    assert_int_equal(sizeof WANT / sizeof *WANT, taf_quant_format_count());
    for (size_t i = 0; i < sizeof WANT / sizeof *WANT; i++) {
        const struct taf_quant_format *f = taf_quant_format_find(WANT[i].name);
        assert_non_null(f);
        assert_int_equal(taf_quant_format_gguf_ftype(f), WANT[i].ftype);
        if (WANT[i].ftype >= 0)
            assert_ptr_equal(taf_quant_format_by_ftype(WANT[i].ftype), f);
    }
    assert_int_equal(taf_ggml_ftype_find("ALL_F32"), 0);
    assert_int_equal(taf_ggml_ftype_find("f32"), 0);
    assert_int_equal(taf_ggml_ftype_find("q4_k_m"), 15);
    assert_int_equal(taf_ggml_ftype_find("MXFP4_MOE"), 38);
    assert_int_equal(taf_ggml_ftype_find("AWQ"), -1);
    assert_int_equal(taf_ggml_ftype_find("Q4_K"), -1); /* an alias of Q4_K_M, not a file type */
    assert_int_equal(taf_ggml_ftype_find(""), -1);
}

static void test_table_is_consistent(void **state)
{
    (void)state;
    size_t n = taf_quant_format_count();
    assert_true(n >= 30);
    assert_null(taf_quant_format_at(n));
    for (size_t i = 0; i < n; i++) {
        const struct taf_quant_format *f = taf_quant_format_at(i);
        assert_true(f->bits_per_weight > 1 && f->bits_per_weight <= 32);
        /* effective bits sit at or above the nominal width, within the mix overhead */
        assert_true(f->bits_per_weight >= f->nominal_bits - 0.5);
        assert_true(f->bits_per_weight < f->nominal_bits + 1.5);
        /* every name and every alias finds its own entry */
        assert_ptr_equal(taf_quant_format_find(f->name), f);
        for (size_t j = 0; j < i; j++)
            assert_true(strcmp(taf_quant_format_at(j)->name, f->name) != 0);
    }
}

static void test_weight_bytes(void **state)
{
    (void)state;
    assert_true(taf_weight_bytes(8e9, 16) == 16e9);     /* 8e9·16/8 */
    assert_true(taf_weight_bytes(7e9, 4) == 3.5e9);
    assert_true(taf_weight_bytes(8e9, 4.84) == 4.84e9);
    assert_true(taf_weight_bytes(0, 16) == 0);
}

static void test_quality_tiers_at_each_boundary(void **state)
{
    (void)state;
    assert_string_equal(taf_quant_tier(16), "near-lossless");
    assert_string_equal(taf_quant_tier(8), "near-lossless");
    assert_string_equal(taf_quant_tier(7), "very small loss");
    assert_string_equal(taf_quant_tier(5), "very small loss");
    assert_string_equal(taf_quant_tier(4), "small loss");
    assert_string_equal(taf_quant_tier(3), "degraded");
    assert_string_equal(taf_quant_tier(2), "cliff");
    assert_string_equal(taf_quant_tier(1), "cliff");
}

static void test_kv_dtypes(void **state)
{
    (void)state;
    assert_true(taf_kv_dtype_find("f16")->bytes_per_element == 2.0);
    assert_true(taf_kv_dtype_find("FP16")->bytes_per_element == 2.0);
    assert_true(taf_kv_dtype_find("q8_0")->bytes_per_element == 34 / 32.0);
    assert_true(taf_kv_dtype_find("q4_0")->bytes_per_element == 18 / 32.0);
    assert_true(taf_kv_dtype_find("fp8_e4m3")->bytes_per_element == 1.0);
    assert_null(taf_kv_dtype_find("q3_k"));
    assert_null(taf_kv_dtype_at(taf_kv_dtype_count()));
    for (size_t i = 0; i < taf_kv_dtype_count(); i++)
        assert_ptr_equal(taf_kv_dtype_find(taf_kv_dtype_at(i)->name), taf_kv_dtype_at(i));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_find_by_name_and_alias_case_insensitively),
        cmocka_unit_test(test_block_layouts_give_exact_bits),
        cmocka_unit_test(test_gguf_file_types),
        cmocka_unit_test(test_gguf_file_types_match_llama_ftype),
        cmocka_unit_test(test_table_is_consistent),
        cmocka_unit_test(test_weight_bytes),
        cmocka_unit_test(test_quality_tiers_at_each_boundary),
        cmocka_unit_test(test_kv_dtypes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

#include "formulas/quant.h"
#include "formulas/ggml_types.h"

#include <ctype.h>
#include <string.h>

#define README "llama.cpp tools/quantize README, Llama-2-7B effective bpw (varies a few % with vocabulary)"
#define TYPES "llama-quantize type list"
#define UPSTREAM "upstream fit_check (bitsandbytes, incl. quantization constants)"

/* Effective bits per weight. ggml block layouts: Q8_0 34 B/32, Q5_1 24 B/32,
 * Q5_0 22 B/32, Q4_1 20 B/32, Q4_0 18 B/32 (one fp16 scale, plus an fp16
 * minimum for the _1 types, plus the packed bits). Group-128 4-bit methods:
 * fp16 scale per group (INT4: 4 + 16/128) and a 4-bit zero point (AWQ, GPTQ:
 * 4 + 20/128). Q2_K is 3.35, not the upstream 2.63 (that figure is the GiB
 * size of a LLaMA-7B Q2_K file, not its bits per weight). */
static const struct taf_quant_format FORMATS[] = {
    { "F32", 32.0, 32, "float", "FP32,float32", "IEEE binary32" },
    { "BF16", 16.0, 16, "float", "bfloat16", "bfloat16" },
    { "F16", 16.0, 16, "float", "FP16,float16,half", "IEEE binary16" },
    { "FP8", 8.0, 8, "float", "fp8_e4m3,fp8_e5m2,float8", "8-bit float, per-tensor scale (negligible)" },
    { "INT8", 8.5, 8, "int", "bnb_int8,llm.int8", UPSTREAM },
    { "AWQ", 4.15625, 4, "int", "awq_int4", "4-bit, group 128: fp16 scale + 4-bit zero per group" },
    { "GPTQ", 4.15625, 4, "int", "gptq_int4", "4-bit, group 128: fp16 scale + 4-bit zero per group" },
    { "INT4", 4.125, 4, "int", "w4a16", "4-bit symmetric, group 128: fp16 scale per group" },
    { "NF4", 4.5, 4, "int", "bnb_nf4,bnb_4bit", UPSTREAM },
    { "Q8_0", 8.5, 8, "gguf", "", "ggml block: 34 bytes per 32 weights" },
    { "Q6_K", 6.56, 6, "gguf", "", README },
    { "Q5_1", 6.0, 5, "gguf", "", "ggml block: 24 bytes per 32 weights" },
    { "Q5_K_M", 5.68, 5, "gguf", "Q5_K", README },
    { "Q5_K_S", 5.52, 5, "gguf", "", README },
    { "Q5_0", 5.5, 5, "gguf", "", "ggml block: 22 bytes per 32 weights" },
    { "Q4_1", 5.0, 4, "gguf", "", "ggml block: 20 bytes per 32 weights" },
    { "Q4_K_M", 4.84, 4, "gguf", "Q4_K", README },
    { "Q4_K_S", 4.58, 4, "gguf", "", README },
    { "Q4_0", 4.5, 4, "gguf", "", "ggml block: 18 bytes per 32 weights" },
    { "IQ4_NL", 4.5, 4, "gguf", "", TYPES },
    { "IQ4_XS", 4.25, 4, "gguf", "", TYPES },
    { "Q3_K_L", 4.27, 3, "gguf", "", README },
    { "Q3_K_M", 3.91, 3, "gguf", "Q3_K", README },
    { "IQ3_M", 3.66, 3, "gguf", "", TYPES },
    { "Q3_K_S", 3.50, 3, "gguf", "", README },
    { "IQ3_S", 3.44, 3, "gguf", "", TYPES },
    { "IQ3_XS", 3.3, 3, "gguf", "", TYPES },
    { "IQ3_XXS", 3.06, 3, "gguf", "", TYPES },
    { "Q2_K", 3.35, 2, "gguf", "", README },
    { "IQ2_M", 2.7, 2, "gguf", "", TYPES },
    { "IQ2_S", 2.5, 2, "gguf", "", TYPES },
    { "IQ2_XS", 2.31, 2, "gguf", "", TYPES },
    { "IQ2_XXS", 2.06, 2, "gguf", "", TYPES },
    { "IQ1_M", 1.75, 1, "gguf", "", TYPES },
    { "IQ1_S", 1.56, 1, "gguf", "", TYPES },
};
#define N_FORMATS (sizeof FORMATS / sizeof FORMATS[0])

/* llama.cpp cache types (ggml blocks of 32 elements) and vLLM's fp8. */
static const struct taf_kv_dtype KV_DTYPES[] = {
    { "f32", 4.0, "fp32,float32", "IEEE binary32" },
    { "f16", 2.0, "fp16,float16,half", "IEEE binary16" },
    { "bf16", 2.0, "bfloat16", "bfloat16" },
    { "fp8", 1.0, "fp8_e4m3,fp8_e5m2", "vLLM fp8 cache, per-tensor scale" },
    { "q8_0", 1.0625, "", "ggml block: 34 bytes per 32 elements" },
    { "q5_1", 0.75, "", "ggml block: 24 bytes per 32 elements" },
    { "q5_0", 0.6875, "", "ggml block: 22 bytes per 32 elements" },
    { "q4_1", 0.625, "", "ggml block: 20 bytes per 32 elements" },
    { "iq4_nl", 0.5625, "", "ggml block: 18 bytes per 32 elements" },
    { "q4_0", 0.5625, "", "ggml block: 18 bytes per 32 elements" },
};
#define N_KV_DTYPES (sizeof KV_DTYPES / sizeof KV_DTYPES[0])

static int same_name(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
            return 0;
    return 1;
}

/* `name` equal to `canonical` or to one entry of the comma-separated `aliases`. */
static int matches(const char *name, const char *canonical, const char *aliases)
{
    size_t len = strlen(name);
    if (len == strlen(canonical) && same_name(name, canonical, len))
        return 1;
    for (const char *p = aliases; *p != '\0';) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n == len && same_name(name, p, n))
            return 1;
        p += n + (end != NULL);
    }
    return 0;
}

size_t taf_quant_format_count(void)
{
    return N_FORMATS;
}

const struct taf_quant_format *taf_quant_format_at(size_t i)
{
    return i < N_FORMATS ? &FORMATS[i] : NULL;
}

const struct taf_quant_format *taf_quant_format_find(const char *name)
{
    for (size_t i = 0; i < N_FORMATS; i++)
        if (matches(name, FORMATS[i].name, FORMATS[i].aliases))
            return &FORMATS[i];
    return NULL;
}

int taf_quant_format_gguf_ftype(const struct taf_quant_format *f)
{
    return f != NULL ? taf_ggml_ftype_find(f->name) : -1;
}

const struct taf_quant_format *taf_quant_format_by_ftype(int ftype)
{
    for (size_t i = 0; i < N_FORMATS; i++)
        if (ftype >= 0 && taf_quant_format_gguf_ftype(&FORMATS[i]) == ftype)
            return &FORMATS[i];
    return NULL;
}

/* §35 bytes = N·bpw/8 */
double taf_weight_bytes(double n_params, double bits_per_weight)
{
    return n_params * bits_per_weight / 8.0;
}

const char *taf_quant_tier(int nominal_bits)
{
    if (nominal_bits >= 8)
        return "near-lossless";
    if (nominal_bits >= 5)
        return "very small loss";
    if (nominal_bits == 4)
        return "small loss";
    if (nominal_bits == 3)
        return "degraded";
    return "cliff";
}

size_t taf_kv_dtype_count(void)
{
    return N_KV_DTYPES;
}

const struct taf_kv_dtype *taf_kv_dtype_at(size_t i)
{
    return i < N_KV_DTYPES ? &KV_DTYPES[i] : NULL;
}

const struct taf_kv_dtype *taf_kv_dtype_find(const char *name)
{
    for (size_t i = 0; i < N_KV_DTYPES; i++)
        if (matches(name, KV_DTYPES[i].name, KV_DTYPES[i].aliases))
            return &KV_DTYPES[i];
    return NULL;
}

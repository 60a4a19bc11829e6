/* §35 weight and KV-cache precisions: bits per weight of each quantization
 * format (GGUF file types, float dtypes, weight-only integer methods), bytes
 * per KV-cache element of each cache type, and the cookbook's quality tiers.
 * Plain data and lookups; no Lua. */
#ifndef TAF_FORMULAS_QUANT_H
#define TAF_FORMULAS_QUANT_H

#include <stddef.h>

struct taf_quant_format {
    const char *name;       /* canonical: "BF16", "Q4_K_M", "AWQ" … */
    double bits_per_weight; /* effective, block scales and tensor mixes included */
    int nominal_bits;       /* the bit width the format is named for (Q3_K_L → 3) */
    const char *kind;       /* "float" | "gguf" | "int" (weight-only integer methods) */
    const char *aliases;    /* comma-separated, matched case-insensitively; "" when none */
    const char *source;     /* where the number comes from */
};

/* The table, in ladder order from most to least precise within each kind. */
size_t taf_quant_format_count(void);
const struct taf_quant_format *taf_quant_format_at(size_t i);
/* By name or alias, case-insensitive; NULL when unknown. */
const struct taf_quant_format *taf_quant_format_find(const char *name);
/* Its GGUF general.file_type (llama_ftype, formulas/ggml_types.h: the file
 * type of the same name), −1 when it is not a GGUF file type. */
int taf_quant_format_gguf_ftype(const struct taf_quant_format *f);
/* By GGUF general.file_type; NULL when the type is not in the table. */
const struct taf_quant_format *taf_quant_format_by_ftype(int ftype);

/* §35 weight bytes = N·bpw/8. */
double taf_weight_bytes(double n_params, double bits_per_weight);

/* Cookbook recipe 7 quality tier by nominal bits: ≥ 8 "near-lossless",
 * 5–7 "very small loss", 4 "small loss", 3 "degraded", ≤ 2 "cliff". */
const char *taf_quant_tier(int nominal_bits);

struct taf_kv_dtype {
    const char *name;         /* llama.cpp / vLLM cache type: "f16", "q8_0", "fp8" … */
    double bytes_per_element; /* block scales included (q8_0: 34 bytes per 32) */
    const char *aliases;
    const char *source;
};
size_t taf_kv_dtype_count(void);
const struct taf_kv_dtype *taf_kv_dtype_at(size_t i);
const struct taf_kv_dtype *taf_kv_dtype_find(const char *name);

#endif

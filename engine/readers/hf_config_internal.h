/* Private to the config.json reader (hf_config*.c): the parse context, the
 * model families, the dimensions every piece reads, and the functions the
 * pieces call across files. Not part of the public API (hf_config.h). */
#ifndef TAF_READERS_HF_CONFIG_INTERNAL_H
#define TAF_READERS_HF_CONFIG_INTERNAL_H

#include "readers/model_info.h"
#include "formulas/params_count.h"

#include <jansson.h>
#include <stddef.h>

#define HUGE_DIM 1e15

enum family {
    F_LLAMA, F_MISTRAL, F_MIXTRAL, F_QWEN2, F_QWEN2_MOE, F_QWEN3, F_QWEN3_MOE, F_GEMMA, F_GEMMA2,
    F_GEMMA3, F_PHI3, F_DEEPSEEK, F_GPT2, F_GPTJ, F_NEOX, F_FALCON, F_BLOOM, F_OLMO, F_OLMO2,
    F_MAMBA, F_MAMBA2, F_RWKV, F_JAMBA, F_NEMOTRON_H, F_ZAMBA, F_QWEN3_NEXT, F_MINIMAX, F_LLAMA4,
    F_GPT_OSS, F_GRANITE_HYBRID, F_GLM4_MOE, F_COHERE,
    F_MAMBA_SSM,  /* the original mamba_ssm config (d_model, n_layer, ssm_cfg; no model_type) */
    F_UNKNOWN,
};

/* What each layer keeps of the context (hf_config_layers.c): full attention
 * every token, sliding layers a window, chunked layers at most one chunk,
 * linear-attention and SSM layers a constant state and no KV. */
struct layers {
    double full, sliding, chunked, linear, ssm;  /* layer counts by kind */
    double chunk;      /* attention_chunk_size: tokens a chunked layer keeps at most */
    double nope;       /* attention layers without positional encoding (no_rope_layers) */
    const char *from;  /* the key the kinds were read from; NULL: every layer is full attention */
};

struct ctx {
    json_t *root, *text;  /* top level; nested text_config (multimodal) or NULL */
    const char *path;
    char *err;
    size_t errsize;
    int failed;
    struct taf_model_info *m;
    enum family fam;
    struct layers lay;
};

struct dims {
    double d, L, H, KV, dh, F, V, maxpos;
};

/* JSON field access (hf_config_fields.c). The readers return 1 found, 0
 * absent or null, -1 error (the error is in c->err and c->failed is set). */
int hf_fail(struct ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
json_t *hf_lookup(struct ctx *c, const char *key);
json_t *hf_lookup_object(struct ctx *c, const char *key);
const char *hf_type_name(const json_t *v);
int hf_num_value(struct ctx *c, const char *key, const json_t *v, double lo, double hi, int integer,
                 double *out);
int hf_num(struct ctx *c, const char *key, double lo, double hi, int integer, double *out);
int hf_num_any(struct ctx *c, const char *const *keys, double lo, double hi, int integer, double *out,
               const char **used);
int hf_boolean(struct ctx *c, const char *key, int *out);
const char *hf_string(struct ctx *c, const char *key);

/* Python's json writes inf, -inf and nan as the bare tokens Infinity,
 * -Infinity and NaN, which are not JSON: hf_nonfinite_mask (before parsing)
 * rewrites each one outside strings into a JSON string of the same length
 * whose first byte is DEL (0x7f); hf_nonfinite_name(v) is "Infinity",
 * "-Infinity" or "NaN" for such a value and NULL for any other. */
char *hf_nonfinite_mask(const char *text, size_t len, int *masked);
const char *hf_nonfinite_name(const json_t *v);

/* Layer kinds: layer_types, attn_type_list, full_attention_interval,
 * no_rope_layers + attention_chunk_size (hf_config_layers.c). */
void hf_read_layers(struct ctx *c, const struct dims *D);

/* Families (hf_config_family.c). */
enum family hf_family_of(const char *model_type);
int hf_is_recurrent(enum family f);
enum taf_position hf_default_position(struct ctx *c);
int hf_default_tied(enum family f);
void hf_classify(struct ctx *c, const struct dims *D, const struct taf_param_shape *s);

/* Position encoding: θ, rope_scaling, T_train (hf_config_rope.c). */
void hf_read_position(struct ctx *c, const struct dims *D);
void hf_read_T_train(struct ctx *c, struct dims *D);

/* Parameter shapes and the count (hf_config_params.c). */
int hf_build_shape(struct ctx *c, struct dims *D, struct taf_param_shape *s);
void hf_count_params(struct ctx *c, const struct dims *D, const struct taf_param_shape *s);

#endif

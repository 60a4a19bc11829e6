/* What each layer of a config.json keeps of the context, read from the
 * fields that say it, whatever the model_type (an unknown family with these
 * fields is classified by them):
 *   layer_types        per layer (layers_block_type in Bamba and early Granite
 *                      4.0 configs): "full_attention" / "attention" (all tokens),
 *                      "sliding_attention" (sliding_window), "chunked_attention"
 *                      (attention_chunk_size), "linear_attention" (constant
 *                      state: Qwen3-Next Gated DeltaNet, MiniMax in
 *                      transformers), "mamba" (SSM state: Granite 4.0-H)
 *   attn_type_list     MiniMax-Text-01/M1 remote code: 0 lightning (linear)
 *                      attention, 1 softmax attention (decoder_attention_types
 *                      is vLLM's name for the same list)
 *   full_attention_interval   Qwen3-Next without layer_types: layer i is full
 *                      attention when (i + 1) % interval == 0, else linear
 *                      (Qwen3NextConfig; default 4)
 *   no_rope_layers     Llama 4: 1 = a RoPE layer, which is chunked when
 *                      attention_chunk_size is set, 0 = a NoPE layer with full
 *                      attention (Llama4TextConfig.layer_types; absent or empty:
 *                      a NoPE layer every no_rope_layer_interval = 4 layers)
 * transformers @ 008e574391258935f3ecc3035c882e73bbcac419,
 * src/transformers/models/llama4/configuration_llama4.py (Llama4TextConfig).
 * Attention sinks (gpt-oss: learned per-head logits) add no KV: they change
 * nothing here. Families whose layer pattern has its own keys (Jamba's
 * attn_layer_period, Nemotron-H's hybrid_override_pattern) are read with
 * their shapes (hf_config_params.c). */
#include "readers/hf_config_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

enum kind { K_FULL, K_SLIDING, K_CHUNKED, K_LINEAR, K_SSM, K_UNKNOWN };

static const struct { const char *name; enum kind k; } KINDS[] = {
    { "full_attention", K_FULL }, { "attention", K_FULL }, { "global_attention", K_FULL },
    { "sliding_attention", K_SLIDING }, { "chunked_attention", K_CHUNKED },
    { "linear_attention", K_LINEAR }, { "mamba", K_SSM }, { "mamba2", K_SSM },
};

static void add(struct layers *lay, enum kind k)
{
    switch (k) {
    case K_FULL: case K_UNKNOWN: lay->full++; break;
    case K_SLIDING: lay->sliding++; break;
    case K_CHUNKED: lay->chunked++; break;
    case K_LINEAR: lay->linear++; break;
    case K_SSM: lay->ssm++; break;
    }
}

/* An array of L entries, or an error naming the key (-1). */
static json_t *layer_list(struct ctx *c, const struct dims *D, const char *key, int need_length)
{
    json_t *v = hf_lookup(c, key);
    if (v == NULL || json_is_null(v))
        return NULL;
    if (!json_is_array(v))
        return hf_fail(c, "%s must be an array, got %s", key, hf_type_name(v)), NULL;
    if (need_length && json_array_size(v) != (size_t)D->L)
        return hf_fail(c, "%s has %zu entries, num_hidden_layers says %.0f", key, json_array_size(v), D->L), NULL;
    return v;
}

static int from_layer_types(struct ctx *c, const struct dims *D, json_t *types, const char *key)
{
    struct layers *lay = &c->lay;
    size_t i, unknown = 0;
    json_t *t;
    const char *first_unknown = NULL;
    json_array_foreach(types, i, t) {
        if (!json_is_string(t) || hf_nonfinite_name(t) != NULL)
            return hf_fail(c, "%s[%zu] must be a string, got %s", key, i, hf_type_name(t));
        enum kind k = K_UNKNOWN;
        for (size_t j = 0; j < sizeof KINDS / sizeof *KINDS; j++)
            if (strcmp(json_string_value(t), KINDS[j].name) == 0)
                k = KINDS[j].k;
        if (k == K_UNKNOWN && unknown++ == 0)
            first_unknown = json_string_value(t);
        add(lay, k);
    }
    lay->from = key;
    if (unknown > 0)
        taf_model_note(c->m, "%s: %zu layers of a kind tafrun does not know ('%s'…) counted as full "
                       "attention", key, unknown, first_unknown);
    /* a list that names constant-state or chunked layers must cover every layer */
    if ((lay->linear > 0 || lay->ssm > 0 || lay->chunked > 0) && json_array_size(types) != (size_t)D->L)
        return hf_fail(c, "%s has %zu entries, num_hidden_layers says %.0f", key, json_array_size(types), D->L);
    return 0;
}

static int from_attn_type_list(struct ctx *c, json_t *list, const char *key)
{
    struct layers *lay = &c->lay;
    size_t i;
    json_t *t;
    json_array_foreach(list, i, t) {
        char name[64];
        snprintf(name, sizeof name, "%s[%zu]", key, i);
        double v;
        if (hf_num_value(c, name, t, 0, 1, 1, &v) <= 0)
            return c->failed ? -1 : hf_fail(c, "%s must be 0 or 1, got null", name);
        add(lay, v == 1 ? K_FULL : K_LINEAR);
    }
    lay->from = key;
    return 0;
}

/* Llama 4: no_rope_layers (1 = RoPE, 0 = NoPE), chunked RoPE layers. */
static int from_no_rope_layers(struct ctx *c, const struct dims *D)
{
    struct layers *lay = &c->lay;
    json_t *list = layer_list(c, D, "no_rope_layers", 0);
    if (c->failed)
        return -1;
    size_t n = list ? json_array_size(list) : 0;
    if (n > 0 && n < (size_t)D->L)
        return hf_fail(c, "no_rope_layers has %zu entries, num_hidden_layers says %.0f", n, D->L);
    double interval = 4;
    if (n == 0 && hf_num(c, "no_rope_layer_interval", 1, 1e6, 1, &interval) < 0)
        return -1;
    for (double i = 0; i < D->L; i++) {
        double rope = 1;
        if (n > 0) {
            char name[64];
            snprintf(name, sizeof name, "no_rope_layers[%.0f]", i);
            if (hf_num_value(c, name, json_array_get(list, (size_t)i), 0, 1, 1, &rope) <= 0)
                return c->failed ? -1 : hf_fail(c, "%s must be 0 or 1, got null", name);
        } else {
            rope = fmod(i + 1, interval) != 0;
        }
        if (rope) {
            add(lay, lay->chunk > 0 ? K_CHUNKED : K_FULL);
        } else {
            add(lay, K_FULL);
            lay->nope++;
        }
    }
    lay->from = "no_rope_layers";
    if (n == 0)
        taf_model_note(c->m, "no_rope_layers absent: a NoPE layer every %.0f layers (Llama4TextConfig)", interval);
    return 0;
}

void hf_read_layers(struct ctx *c, const struct dims *D)
{
    struct layers *lay = &c->lay;
    memset(lay, 0, sizeof *lay);
    if (hf_is_recurrent(c->fam) || c->fam == F_JAMBA || c->fam == F_NEMOTRON_H || c->fam == F_ZAMBA ||
        c->fam == F_MAMBA_SSM)
        return;
    /* attention_chunk_size: Llama4TextConfig defaults it to 8192; null turns chunking off */
    json_t *chunk = hf_lookup(c, "attention_chunk_size");
    if (chunk == NULL && c->fam == F_LLAMA4) {
        lay->chunk = 8192;
        taf_model_note(c->m, "attention_chunk_size absent: 8192 (Llama4TextConfig default)");
    } else if (hf_num_value(c, "attention_chunk_size", chunk, 1, HUGE_DIM, 1, &lay->chunk) < 0) {
        return;
    }

    json_t *types = layer_list(c, D, "layer_types", 0);
    const char *types_key = "layer_types";
    if (!c->failed && types == NULL) {  /* Bamba's and early GraniteMoeHybrid's name for the same list */
        types = layer_list(c, D, "layers_block_type", 0);
        types_key = "layers_block_type";
    }
    json_t *attn_types = types ? NULL : layer_list(c, D, "attn_type_list", 1);
    const char *attn_key = "attn_type_list";
    if (!c->failed && types == NULL && attn_types == NULL) {
        attn_types = layer_list(c, D, "decoder_attention_types", 1);
        attn_key = "decoder_attention_types";
    }
    if (c->failed)
        return;
    if (types != NULL) {
        if (from_layer_types(c, D, types, types_key) < 0)
            return;
    } else if (attn_types != NULL) {
        if (from_attn_type_list(c, attn_types, attn_key) < 0)
            return;
    } else if (hf_lookup(c, "full_attention_interval") != NULL || c->fam == F_QWEN3_NEXT) {
        double interval = 4;
        int r = hf_num(c, "full_attention_interval", 1, 1e6, 1, &interval);
        if (r < 0)
            return;
        if (r == 0)
            taf_model_note(c->m, "full_attention_interval absent: 4 (Qwen3NextConfig default)");
        for (double i = 0; i < D->L; i++)
            add(lay, fmod(i + 1, interval) == 0 ? K_FULL : K_LINEAR);
        lay->from = "full_attention_interval";
    } else if (c->fam == F_LLAMA4 || (lay->chunk > 0 && hf_lookup(c, "no_rope_layers") != NULL)) {
        if (from_no_rope_layers(c, D) < 0)
            return;
    } else if (lay->chunk > 0) {
        for (double i = 0; i < D->L; i++)
            add(lay, K_CHUNKED);
        lay->from = "attention_chunk_size";
        taf_model_note(c->m, "attention_chunk_size %.0f with no per-layer list: every layer counted as chunked",
                       lay->chunk);
    }
    if (lay->from == NULL) {  /* NoPE layers of a model without a chunked pattern (SmolLM3) */
        json_t *list = layer_list(c, D, "no_rope_layers", 0);
        size_t i;
        json_t *t;
        if (c->failed)
            return;
        if (list != NULL)
            json_array_foreach(list, i, t)
                lay->nope += json_is_number(t) && json_number_value(t) == 0;
    }
    if (lay->nope > 0)
        taf_model_note(c->m, "%.0f of %.0f layers use no positional encoding (no_rope_layers 0: NoPE)", lay->nope,
                       D->L);
    if (lay->from != NULL && (lay->linear > 0 || lay->ssm > 0))
        taf_model_note(c->m, "layers from %s: %.0f attention (%.0f full, %.0f sliding, %.0f chunked), %.0f "
                       "linear-attention, %.0f SSM", lay->from, lay->full + lay->sliding + lay->chunked, lay->full,
                       lay->sliding, lay->chunked, lay->linear, lay->ssm);
}

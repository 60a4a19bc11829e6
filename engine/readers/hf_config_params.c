/* The parameter shape of a config.json, family by family: which matrices,
 * biases and norms exist, the feed-forward width, the mixture-of-experts
 * layout, the Mamba/RWKV mixers of recurrent and hybrid models; then the
 * parameter count (formulas/params_count.c) with its note. */
#include "readers/hf_config_internal.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* Layers whose pattern position p (0-based) makes them attention layers. */
static double count_period(double layers, double period, double offset)
{
    double n = 0;
    for (double i = 0; i < layers && period > 0; i++)
        if (fmod(i, period) == offset)
            n++;
    return n;
}

static double read_d_ff(struct ctx *c, const struct dims *D, int plain_default)
{
    static const char *const FF[] = { "intermediate_size", "n_inner", "ffn_hidden_size", "ffn_dim", NULL };
    double f = 0;
    int r = hf_num_any(c, FF, 1, 1e9, 1, &f, NULL);
    if (r > 0)
        taf_model_set(c->m, TAF_F_D_FF, f);
    else if (r == 0 && plain_default) {
        f = 4 * D->d;
        taf_model_set(c->m, TAF_F_D_FF, f);
        taf_model_note(c->m, "d_ff = 4·hidden_size = %.0f (no intermediate size given)", f);
    }
    return f;
}

/* Mixture of experts: counts, widths and which layers hold them. */
static void read_moe(struct ctx *c, const struct dims *D, struct taf_param_shape *s)
{
    struct taf_model_info *m = c->m;
    static const char *const E[] = { "num_local_experts", "num_experts", "n_routed_experts", NULL };
    static const char *const K[] = { "num_experts_per_tok", "moe_topk", NULL };
    double e = 0, k = 0;
    if (hf_num_any(c, E, 0, 1e6, 1, &e, NULL) <= 0 || e <= 1)
        return;
    if (hf_num_any(c, K, 1, e, 1, &k, NULL) <= 0) {
        if (c->failed) return;
        k = 2;
        taf_model_note(m, "n_experts_active: num_experts_per_tok absent; assumed 2");
    }
    taf_model_set(m, TAF_F_EXPERTS, e);
    taf_model_set(m, TAF_F_EXPERTS_ACTIVE, k);
    s->n_experts = e;
    s->n_experts_active = k;
    s->moe_d_ff = D->F;
    if (hf_num(c, "moe_intermediate_size", 1, 1e9, 1, &s->moe_d_ff) < 0)
        return;
    double moe_layers = D->L;
    if (c->fam == F_DEEPSEEK || c->fam == F_GLM4_MOE) {
        /* DeepseekV3MoE / Glm4MoeMoE: from layer first_k_dense_replace on (DeepSeek: every moe_layer_freq-th,
         * Glm4MoeDecoderLayer: all), routed experts plus a shared MLP of n_shared_experts·moe_intermediate_size */
        double first = 0, freq = 1, shared = 0, mtp = 0;
        if (hf_num(c, "first_k_dense_replace", 0, D->L, 1, &first) < 0 ||
            (c->fam == F_DEEPSEEK && hf_num(c, "moe_layer_freq", 1, 1e6, 1, &freq) < 0) ||
            hf_num(c, "n_shared_experts", 0, 1e6, 1, &shared) < 0 ||
            hf_num(c, "num_nextn_predict_layers", 0, 1e6, 1, &mtp) < 0)
            return;
        moe_layers = 0;
        for (double i = first; i < D->L; i++)
            moe_layers += fmod(i, freq) == 0;
        s->n_shared_experts = shared;
        s->shared_d_ff = s->moe_d_ff;
        if (shared > 0) taf_model_set(m, TAF_F_SHARED_EXPERTS, shared);
        const char *method = c->fam == F_DEEPSEEK ? hf_string(c, "topk_method") : NULL;
        /* e_score_correction_bias: DeepSeek's remote code with topk_method noaux_tc, Glm4MoeTopkRouter always */
        if (c->fam == F_GLM4_MOE || (method && strcmp(method, "noaux_tc") == 0))
            s->router_bias = e;
        if (mtp > 0)
            taf_model_note(m, "the %.0f multi-token-prediction layer%s (num_nextn_predict_layers) not counted: the "
                           "causal LM of num_hidden_layers does not load %s", mtp, mtp == 1 ? "" : "s",
                           mtp == 1 ? "it" : "them");
    } else if (c->fam == F_QWEN2_MOE || c->fam == F_QWEN3_MOE || c->fam == F_QWEN3_NEXT) {
        double step = 1, shared_ff = 0;
        json_t *only = hf_lookup(c, "mlp_only_layers");
        if (hf_num(c, "decoder_sparse_step", 1, 1e6, 1, &step) < 0 ||
            hf_num(c, "shared_expert_intermediate_size", 0, 1e9, 1, &shared_ff) < 0)
            return;
        size_t n_only = json_is_array(only) ? json_array_size(only) : 0;
        moe_layers = 0;
        for (double i = 0; i < D->L; i++)
            moe_layers += fmod(i + 1, step) == 0;
        moe_layers = moe_layers > n_only ? moe_layers - (double)n_only : 0;
        if (shared_ff > 0) {
            s->n_shared_experts = 1;
            s->shared_d_ff = shared_ff;
            s->shared_expert_gate = D->d;
            taf_model_set(m, TAF_F_SHARED_EXPERTS, 1);
        }
    } else if (c->fam == F_LLAMA4) {
        /* Llama4TextConfig: moe_layers, else every interleave_moe_layer_step-th layer; each MoE layer
         * adds one shared expert of intermediate_size; dense layers are intermediate_size_mlp wide */
        json_t *list = hf_lookup(c, "moe_layers");
        double step = 1;
        if (list != NULL && !json_is_null(list)) {
            if (!json_is_array(list))
                return (void)hf_fail(c, "moe_layers must be an array, got %s", hf_type_name(list));
            moe_layers = (double)json_array_size(list);
            if (moe_layers > D->L)
                return (void)hf_fail(c, "moe_layers has %.0f entries, num_hidden_layers says %.0f", moe_layers, D->L);
        } else {
            if (hf_num(c, "interleave_moe_layer_step", 1, 1e6, 1, &step) < 0)
                return;
            moe_layers = 0;
            for (double i = step - 1; i < D->L; i += step)
                moe_layers++;
        }
        s->n_shared_experts = 1;
        s->shared_d_ff = D->F;
        taf_model_set(m, TAF_F_SHARED_EXPERTS, 1);
        double mlp = D->F;
        if (hf_num(c, "intermediate_size_mlp", 1, 1e9, 1, &mlp) < 0)
            return;
        s->d_ff = mlp;
    } else if (c->fam == F_MINIMAX) {
        /* MiniMax remote code: a shared MLP of shared_intermediate_size beside the experts when > 0
         * (MiniMax-Text-01/M1: 0), with a sigmoid coefficient d → 1 (shared_moe_mode "sigmoid") */
        json_t *v = hf_lookup(c, "shared_intermediate_size");
        double shared = 0;
        if (json_is_array(v))  /* some re-serialised copies hold it as a one-element list */
            v = json_array_get(v, 0);
        if (hf_num_value(c, "shared_intermediate_size", v, 0, 1e9, 1, &shared) < 0)
            return;
        if (shared > 0) {
            s->n_shared_experts = 1;
            s->shared_d_ff = shared;
            s->shared_expert_gate = D->d;
            taf_model_set(m, TAF_F_SHARED_EXPERTS, 1);
        }
    } else if (c->fam == F_GRANITE_HYBRID) {
        double shared = 0;  /* GraniteMoeHybrid: a shared MLP beside the routed experts on every layer */
        if (hf_num(c, "shared_intermediate_size", 0, 1e9, 1, &shared) < 0)
            return;
        if (shared > 0) {
            s->n_shared_experts = 1;
            s->shared_d_ff = shared;
            taf_model_set(m, TAF_F_SHARED_EXPERTS, 1);
        }
    } else if (c->fam == F_JAMBA) {
        double period = 2, offset = 1;
        if (hf_num(c, "expert_layer_period", 1, 1e6, 1, &period) < 0 ||
            hf_num(c, "expert_layer_offset", 0, 1e6, 1, &offset) < 0)
            return;
        moe_layers = count_period(D->L, period, offset);
    }
    s->n_moe_layers = moe_layers;
    s->n_dense_mlp_layers = D->L - moe_layers;
}

/* Mamba-1/Mamba-2 mixer shapes (also Jamba's and Nemotron-H's layers). */
static int read_mamba(struct ctx *c, const struct dims *D, struct taf_param_shape *s, int jamba)
{
    const char *state_key = jamba ? "mamba_d_state" : "state_size";
    const char *conv_key = jamba ? "mamba_d_conv" : "conv_kernel";
    const char *expand_key = jamba ? "mamba_expand" : "expand";
    double expand = 2;
    s->d_state = 16;
    s->d_conv = 4;
    if (c->fam == F_GRANITE_HYBRID) {
        /* GraniteMoeHybridConfig (Bamba's mixer): mamba_* keys, d_inner = mamba_expand·hidden_size */
        double heads = 128, hd = 0;
        expand = 2;
        s->d_state = 256;
        if (hf_num(c, "mamba_n_heads", 1, 1e6, 1, &heads) < 0 ||
            hf_num(c, "mamba_d_state", 1, 1e6, 1, &s->d_state) < 0 ||
            hf_num(c, "mamba_d_conv", 1, 1e4, 1, &s->d_conv) < 0 || hf_num(c, "mamba_expand", 0, 1e4, 0, &expand) < 0)
            return -1;
        s->n_groups = 1;
        json_t *hdv = hf_lookup(c, "mamba_d_head");  /* "auto": d_inner / heads */
        if (hdv != NULL && !(json_is_string(hdv) && strcmp(json_string_value(hdv), "auto") == 0) &&
            hf_num_value(c, "mamba_d_head", hdv, 1, 1e6, 1, &hd) < 0)
            return -1;
        int conv_bias = 1, proj_bias = 0;
        if (hf_num(c, "mamba_n_groups", 1, 1e6, 1, &s->n_groups) < 0 ||
            hf_boolean(c, "mamba_conv_bias", &conv_bias) < 0 || hf_boolean(c, "mamba_proj_bias", &proj_bias) < 0)
            return -1;
        s->d_inner = expand * D->d;
        if (hd > 0 && heads * hd != s->d_inner)
            taf_model_note(c->m, "mamba_n_heads·mamba_d_head = %.0f, mamba_expand·hidden_size = %.0f: the "
                           "latter sizes the mixer (GraniteMoeHybrid)", heads * hd, s->d_inner);
        s->ssm_heads = heads;
        s->conv_bias = conv_bias;
        s->proj_bias = proj_bias;
        s->mixer = TAF_MIXER_MAMBA2;
        return 0;
    }
    if (c->fam == F_NEMOTRON_H) {
        state_key = "ssm_state_size";
        double heads = 0, hd = 0;
        if (hf_num(c, "mamba_num_heads", 1, 1e6, 1, &heads) <= 0 || hf_num(c, "mamba_head_dim", 1, 1e6, 1, &hd) <= 0)
            return c->failed ? -1 : hf_fail(c, "nemotron_h needs mamba_num_heads and mamba_head_dim");
        s->ssm_heads = heads;
        s->d_inner = heads * hd;
    }
    if (hf_num(c, state_key, 1, 1e6, 1, &s->d_state) < 0 || hf_num(c, conv_key, 1, 1e4, 1, &s->d_conv) < 0 ||
        hf_num(c, expand_key, 0, 1e4, 0, &expand) < 0)
        return -1;
    if (s->d_inner == 0) {
        if (jamba || hf_num(c, "intermediate_size", 1, 1e9, 1, &s->d_inner) <= 0)
            s->d_inner = expand * D->d;
        if (c->failed) return -1;
    }
    int conv_bias = 1, proj_bias = 0;
    if (hf_boolean(c, jamba ? "mamba_conv_bias" : "use_conv_bias", &conv_bias) < 0 ||
        hf_boolean(c, jamba ? "mamba_proj_bias" : "use_bias", &proj_bias) < 0)
        return -1;
    s->conv_bias = conv_bias;
    s->proj_bias = proj_bias;
    if (c->fam == F_MAMBA2 || c->fam == F_NEMOTRON_H) {
        s->mixer = TAF_MIXER_MAMBA2;
        s->n_groups = 1;
        if (hf_num(c, "n_groups", 1, 1e6, 1, &s->n_groups) < 0)
            return -1;
        if (c->fam == F_MAMBA2) {
            double hd = 64;
            if (hf_num(c, "num_heads", 1, 1e6, 1, &s->ssm_heads) < 0 || hf_num(c, "head_dim", 1, 1e6, 1, &hd) < 0)
                return -1;
            if (s->ssm_heads == 0) s->ssm_heads = s->d_inner / hd;
        }
        return 0;
    }
    s->mixer = TAF_MIXER_MAMBA1;
    const char *rank_key = jamba ? "mamba_dt_rank" : "time_step_rank";
    json_t *rank = hf_lookup(c, rank_key);
    if (rank != NULL && json_is_string(rank) && strcmp(json_string_value(rank), "auto") == 0)
        rank = NULL;
    if (hf_num_value(c, rank_key, rank, 1, 1e6, 1, &s->dt_rank) < 0)
        return -1;
    if (s->dt_rank == 0)
        s->dt_rank = ceil(D->d / 16);  /* "auto" */
    if (jamba)
        s->mixer_inner_norms = s->dt_rank + 2 * s->d_state;  /* dt, B and C layernorms */
    return 0;
}

/* The linear-attention layers' shape (c->lay.linear of them): Gated DeltaNet
 * when the config has Qwen3-Next's linear_* keys (Qwen3NextConfig defaults for
 * qwen3_next), lightning attention over the attention heads for MiniMax (or a
 * list in MiniMax's attn_type_list form). 0: no shape given, the layers are
 * counted as attention projections. */
static int read_linear(struct ctx *c, const struct dims *D, struct taf_param_shape *s)
{
    const struct layers *lay = &c->lay;
    if (lay->linear == 0)
        return 0;
    if (c->fam == F_QWEN3_NEXT || hf_lookup(c, "linear_num_value_heads") != NULL) {
        static const struct { const char *key; double def; size_t off; } GDN[] = {
            { "linear_num_key_heads", 16, offsetof(struct taf_param_shape, lin_k_heads) },
            { "linear_num_value_heads", 32, offsetof(struct taf_param_shape, lin_v_heads) },
            { "linear_key_head_dim", 128, offsetof(struct taf_param_shape, lin_k_dim) },
            { "linear_value_head_dim", 128, offsetof(struct taf_param_shape, lin_v_dim) },
            { "linear_conv_kernel_dim", 4, offsetof(struct taf_param_shape, lin_conv) },
        };
        for (size_t i = 0; i < sizeof GDN / sizeof *GDN; i++) {
            double *v = (double *)((char *)s + GDN[i].off);
            int r = hf_num(c, GDN[i].key, 1, 1e6, 1, v);
            if (r < 0)
                return -1;
            if (r == 0) {
                *v = GDN[i].def;
                taf_model_note(c->m, "%s absent: %g (Qwen3NextConfig default)", GDN[i].key, GDN[i].def);
            }
        }
        s->linear = TAF_LINEAR_GATED_DELTANET;
    } else if (c->fam == F_MINIMAX || (lay->from != NULL && (strcmp(lay->from, "attn_type_list") == 0 ||
                                                             strcmp(lay->from, "decoder_attention_types") == 0))) {
        s->linear = TAF_LINEAR_LIGHTNING;  /* MiniMaxLightningAttention: heads × head_dim, state dh × dh per head */
        s->lin_k_heads = s->lin_v_heads = D->H;
        s->lin_k_dim = s->lin_v_dim = D->dh;
    } else {
        return 0;
    }
    s->n_linear_layers = lay->linear;
    return 1;
}

/* The mamba_ssm package's MambaConfig (mamba_ssm/models/config_mamba.py):
 * d_model, n_layer, vocab_size padded up to pad_vocab_size_multiple (default
 * 8), ssm_cfg (the mixer's arguments; "layer": "Mamba1" default, or "Mamba2"),
 * d_intermediate (0: no MLP), attn_layer_idx/attn_cfg (MHA layers),
 * rms_norm (default true), tie_embeddings (default true). Mixer defaults as in
 * state-spaces/mamba @ e9594ce1c732d97440f0332fdc43170a2294dbfa:
 * mamba_ssm/modules/mamba_simple.py Mamba: d_state 16, d_conv 4, expand 2,
 * dt_rank "auto" = ceil(d_model/16), conv_bias true, bias false;
 * mamba_ssm/modules/mamba2.py Mamba2: d_state 128, d_conv 4, expand 2,
 * headdim 64, ngroups 1, conv_bias true, bias false; mamba_ssm/modules/mha.py
 * MHA: num_heads_kv = num_heads, head_dim = d_model/num_heads,
 * qkv_proj_bias and out_proj_bias true. */
static int ssm_cfg_num(struct ctx *c, json_t *cfg, const char *obj, const char *key, double lo, double hi,
                       int integer, double *out)
{
    char name[64];
    snprintf(name, sizeof name, "%s.%s", obj, key);
    return hf_num_value(c, name, cfg ? json_object_get(cfg, key) : NULL, lo, hi, integer, out);
}

static int ssm_cfg_bool(struct ctx *c, json_t *cfg, const char *obj, const char *key, int *out)
{
    json_t *v = cfg ? json_object_get(cfg, key) : NULL;
    if (v == NULL || json_is_null(v))
        return 0;
    if (!json_is_boolean(v))
        return hf_fail(c, "%s.%s must be true or false, got %s", obj, key, hf_type_name(v));
    *out = json_is_true(v);
    return 1;
}

static int build_mamba_ssm(struct ctx *c, struct dims *D, struct taf_param_shape *s)
{
    struct taf_model_info *m = c->m;
    json_t *cfg = hf_lookup_object(c, "ssm_cfg"), *attn = hf_lookup_object(c, "attn_cfg");
    if (c->failed)
        return -1;
    const char *layer = "Mamba1";
    json_t *lv = cfg ? json_object_get(cfg, "layer") : NULL;
    if (lv != NULL && !json_is_null(lv)) {
        if (!json_is_string(lv))
            return hf_fail(c, "ssm_cfg.layer must be a string, got %s", hf_type_name(lv));
        layer = json_string_value(lv);
    }
    int mamba2 = strcmp(layer, "Mamba2") == 0;
    if (!mamba2 && strcmp(layer, "Mamba1") != 0)
        return hf_fail(c, "ssm_cfg.layer '%s' is not a mixer tafrun models (Mamba1, Mamba2)", layer);

    double pad = 8;
    int tied = 1, rms = 1;
    if (hf_num(c, "pad_vocab_size_multiple", 1, 1e6, 1, &pad) < 0 || hf_boolean(c, "rms_norm", &rms) < 0)
        return -1;
    int r = hf_boolean(c, "tie_embeddings", &tied);
    if (r < 0) return -1;
    if (r == 0)
        taf_model_note(m, "tie_embeddings absent: MambaConfig default (tied)");
    taf_model_set(m, TAF_F_TIED, tied);
    if (D->V > 0 && fmod(D->V, pad) != 0) {
        double padded = D->V + pad - fmod(D->V, pad);
        taf_model_note(m, "vocab = vocab_size %.0f padded to a multiple of pad_vocab_size_multiple %.0f: %.0f",
                       D->V, pad, padded);
        D->V = padded;
        taf_model_set(m, TAF_F_VOCAB, D->V);
    }

    /* the mixer */
    double expand = 2, hd = 64;
    s->d_state = mamba2 ? 128 : 16;
    s->d_conv = 4;
    s->n_groups = 1;
    int conv_bias = 1, bias = 0;
    if (ssm_cfg_num(c, cfg, "ssm_cfg", "d_state", 1, 1e6, 1, &s->d_state) < 0 ||
        ssm_cfg_num(c, cfg, "ssm_cfg", "d_conv", 1, 1e4, 1, &s->d_conv) < 0 ||
        ssm_cfg_num(c, cfg, "ssm_cfg", "expand", 0, 1e4, 0, &expand) < 0 ||
        ssm_cfg_bool(c, cfg, "ssm_cfg", "conv_bias", &conv_bias) < 0 ||
        ssm_cfg_bool(c, cfg, "ssm_cfg", "bias", &bias) < 0)
        return -1;
    s->d_inner = expand * D->d;
    s->conv_bias = conv_bias;
    s->proj_bias = bias;
    if (mamba2) {
        if (ssm_cfg_num(c, cfg, "ssm_cfg", "headdim", 1, 1e6, 1, &hd) < 0 ||
            ssm_cfg_num(c, cfg, "ssm_cfg", "ngroups", 1, 1e6, 1, &s->n_groups) < 0)
            return -1;
        s->mixer = TAF_MIXER_MAMBA2;
        s->ssm_heads = floor(s->d_inner / hd);
        s->mixer_inner_norms = 0;
    } else {
        s->mixer = TAF_MIXER_MAMBA1;
        json_t *rank = cfg ? json_object_get(cfg, "dt_rank") : NULL;
        if (rank != NULL && json_is_string(rank) && strcmp(json_string_value(rank), "auto") == 0)
            rank = NULL;
        if (hf_num_value(c, "ssm_cfg.dt_rank", rank, 1, 1e6, 1, &s->dt_rank) < 0)
            return -1;
        if (s->dt_rank == 0)
            s->dt_rank = ceil(D->d / 16);
    }
    taf_model_note(m, "mamba_ssm %s mixer: d_state %.0f, d_conv %.0f, expand %g (mamba_ssm defaults where ssm_cfg "
                   "is silent)", layer, s->d_state, s->d_conv, expand);

    /* attention layers (attn_layer_idx) and the MLP (d_intermediate) */
    json_t *idx = hf_lookup(c, "attn_layer_idx");
    double n_attn = 0;
    if (idx != NULL && !json_is_null(idx)) {
        if (!json_is_array(idx))
            return hf_fail(c, "attn_layer_idx must be an array, got %s", hf_type_name(idx));
        n_attn = (double)json_array_size(idx);
        if (n_attn > D->L)
            return hf_fail(c, "attn_layer_idx has %.0f entries, n_layer says %.0f", n_attn, D->L);
    }
    if (n_attn > 0) {
        double heads = 0, kv = 0, head_dim = 0, rot = 0;
        int qkv_bias = 1, out_bias = 1;
        if (ssm_cfg_num(c, attn, "attn_cfg", "num_heads", 1, 1e6, 1, &heads) <= 0)
            return c->failed ? -1 : hf_fail(c, "attn_layer_idx names attention layers but attn_cfg has no num_heads");
        if (ssm_cfg_num(c, attn, "attn_cfg", "num_heads_kv", 1, heads, 1, &kv) < 0 ||
            ssm_cfg_num(c, attn, "attn_cfg", "head_dim", 1, 1e6, 1, &head_dim) < 0 ||
            ssm_cfg_num(c, attn, "attn_cfg", "rotary_emb_dim", 0, 1e6, 1, &rot) < 0 ||
            ssm_cfg_bool(c, attn, "attn_cfg", "qkv_proj_bias", &qkv_bias) < 0 ||
            ssm_cfg_bool(c, attn, "attn_cfg", "out_proj_bias", &out_bias) < 0)
            return -1;
        D->H = heads;
        D->KV = kv > 0 ? kv : heads;
        D->dh = head_dim > 0 ? head_dim : floor(D->d / heads);
        taf_model_set(m, TAF_F_HEADS, D->H);
        taf_model_set(m, TAF_F_KV_HEADS, D->KV);
        taf_model_set(m, TAF_F_D_HEAD, D->dh);
        s->n_heads = D->H;
        s->n_kv_heads = D->KV;
        s->d_head = D->dh;
        s->qkv_bias = qkv_bias;
        s->o_bias = out_bias;
        if (rot > 0) {
            m->position = TAF_POS_ROPE;
            taf_model_note(m, "attention layers rotate %.0f of %.0f head dimensions (attn_cfg.rotary_emb_dim)", rot,
                           D->dh);
        }
    }
    s->n_attention_layers = n_attn;
    s->n_mixer_layers = D->L - n_attn;
    double ff = 0;
    if (hf_num(c, "d_intermediate", 0, 1e9, 1, &ff) < 0)
        return -1;
    double norm = rms ? D->d : 2 * D->d;  /* RMSNorm weight, or LayerNorm weight and bias */
    s->gated = 1;                          /* GatedMLP: fc1 d → 2·f, fc2 f → d, no bias */
    s->d_ff = ff;
    s->n_dense_mlp_layers = ff > 0 ? D->L : 0;
    if (ff > 0)
        taf_model_set(m, TAF_F_D_FF, ff);
    s->n_norm_layers = D->L;
    s->norm_params_per_layer = ff > 0 ? 2 * norm : norm;
    s->final_norm = norm;
    s->vocab = D->V;
    s->tied = tied;
    return 0;
}

/* The parameter shape of each family: which matrices, biases and norms exist. */
int hf_build_shape(struct ctx *c, struct dims *D, struct taf_param_shape *s)
{
    struct taf_model_info *m = c->m;
    s->d_model = D->d;
    s->vocab = D->V;
    if (c->fam == F_MAMBA_SSM)
        return build_mamba_ssm(c, D, s);
    int attention_bias = 0, mlp_bias = 0, qk_norm = 0, tied = hf_default_tied(c->fam);
    if (hf_boolean(c, "attention_bias", &attention_bias) < 0 || hf_boolean(c, "mlp_bias", &mlp_bias) < 0)
        return -1;
    int r = hf_boolean(c, "tie_word_embeddings", &tied);
    if (r < 0) return -1;
    if (r == 0)
        taf_model_note(m, "tie_word_embeddings absent: %s default (%s)", m->family, tied ? "tied" : "untied");
    taf_model_set(m, TAF_F_TIED, tied);

    s->vocab = D->V;
    s->d_model = D->d;
    s->tied = tied;
    s->n_heads = D->H;
    s->n_kv_heads = D->KV;
    s->d_head = D->dh;
    s->n_attention_layers = D->L;
    s->n_norm_layers = D->L;
    s->norm_params_per_layer = 2 * D->d;   /* two RMSNorms per block */
    s->final_norm = D->d;
    s->gated = 1;
    s->qkv_bias = s->o_bias = attention_bias;
    s->mlp_bias = mlp_bias;
    D->F = read_d_ff(c, D, 0);
    s->d_ff = D->F;
    s->n_dense_mlp_layers = D->L;

    switch (c->fam) {
    case F_QWEN2: case F_QWEN2_MOE:
        s->qkv_bias = 1;
        s->o_bias = 0;
        break;
    case F_QWEN3: case F_QWEN3_MOE:
        s->qk_norm = 2 * D->dh;
        break;
    case F_QWEN3_NEXT:  /* Qwen3NextAttention: q_proj doubled (query and output gate), q/k norms */
        s->qk_norm = 2 * D->dh;
        s->attn_output_gate = 1;
        break;
    case F_GPT_OSS:
        taf_model_note(m, "gpt_oss attention sinks (a learned logit per head) add no KV; the sinks, expert and "
                       "router biases are not counted in n_params (under 0.1%%)");
        break;
    case F_GRANITE_HYBRID:
        s->n_mixer_layers = c->lay.ssm;
        if (s->n_mixer_layers > 0 && read_mamba(c, D, s, 0) < 0)
            return -1;
        break;
    case F_OLMO2:
        s->qk_norm = (D->H + D->KV) * D->dh;
        break;
    case F_GLM4_MOE:  /* Glm4MoeAttention: q/k/v bias = attention_bias, o_proj none; use_qk_norm: RMSNorm(head_dim) ×2 */
        s->o_bias = 0;
        if (hf_boolean(c, "use_qk_norm", &qk_norm) < 0)
            return -1;
        s->qk_norm = qk_norm ? 2 * D->dh : 0;
        break;
    case F_COHERE:
        /* CohereDecoderLayer: one input_layernorm (CohereLayerNorm, weight only) before attention and MLP in
         * parallel; CohereAttention use_qk_norm: q_norm (heads, head_dim) and k_norm (kv_heads, head_dim) */
        s->norm_params_per_layer = D->d;
        if (hf_boolean(c, "use_qk_norm", &qk_norm) < 0)
            return -1;
        s->qk_norm = qk_norm ? (D->H + D->KV) * D->dh : 0;
        break;
    case F_GEMMA2:
        s->norm_params_per_layer = 4 * D->d;
        break;
    case F_GEMMA3:
        s->norm_params_per_layer = 4 * D->d;
        s->qk_norm = 2 * D->dh;
        break;
    case F_OLMO:
        s->norm_params_per_layer = s->final_norm = 0;  /* non-parametric LayerNorm */
        break;
    case F_GPT2: case F_GPTJ: case F_NEOX: case F_FALCON: case F_BLOOM: {
        int bias = c->fam != F_GPTJ && c->fam != F_FALCON;
        if (c->fam == F_FALCON && hf_boolean(c, "bias", &bias) < 0)
            return -1;
        s->gated = 0;
        s->qkv_bias = s->o_bias = bias;
        s->mlp_bias = bias || c->fam == F_GPTJ;
        s->final_norm = 2 * D->d;
        D->F = s->d_ff = read_d_ff(c, D, 1);
        if (c->fam == F_GPT2 && hf_num(c, "n_positions", 1, HUGE_DIM, 1, &s->n_positions) < 0)
            return -1;
        if (c->fam == F_GPTJ) {
            s->norm_params_per_layer = 2 * D->d;  /* one LayerNorm, parallel attention and MLP */
            s->lm_head_bias = 1;
        }
        if (c->fam == F_BLOOM)
            s->embed_norm = 2 * D->d;
        if (c->fam == F_GPT2 || c->fam == F_NEOX || c->fam == F_BLOOM)
            s->norm_params_per_layer = 4 * D->d;
        if (c->fam == F_FALCON) {
            int new_arch = 0, parallel = 1;
            double n_ln = 2;
            if (hf_boolean(c, "new_decoder_architecture", &new_arch) < 0 ||
                hf_boolean(c, "parallel_attn", &parallel) < 0 || hf_num(c, "num_ln_in_parallel_attn", 1, 2, 1, &n_ln) < 0)
                return -1;
            s->norm_params_per_layer = (new_arch ? n_ln : parallel ? 1 : 2) * 2 * D->d;
        }
        break;
    }
    case F_MAMBA: case F_MAMBA2:
        s->n_attention_layers = 0;
        s->n_dense_mlp_layers = 0;
        s->n_mixer_layers = D->L;
        s->norm_params_per_layer = D->d;
        return read_mamba(c, D, s, 0);
    case F_RWKV: {
        s->n_attention_layers = s->n_dense_mlp_layers = 0;
        s->mixer = TAF_MIXER_RWKV4;
        s->n_mixer_layers = D->L;
        s->rwkv_attention_size = D->d;
        s->rwkv_ffn_size = 4 * D->d;
        if (hf_num(c, "attention_hidden_size", 1, 1e9, 1, &s->rwkv_attention_size) < 0 ||
            hf_num(c, "intermediate_size", 1, 1e9, 1, &s->rwkv_ffn_size) < 0)
            return -1;
        s->norm_params_per_layer = 4 * D->d;  /* ln1, ln2 with bias */
        s->embed_norm = 2 * D->d;             /* pre_ln of block 0 */
        s->final_norm = 2 * D->d;
        return 0;
    }
    case F_JAMBA: {
        double period = 8, offset = 4;
        if (hf_num(c, "attn_layer_period", 1, 1e6, 1, &period) < 0 ||
            hf_num(c, "attn_layer_offset", 0, 1e6, 1, &offset) < 0)
            return -1;
        s->n_attention_layers = count_period(D->L, period, offset);
        s->n_mixer_layers = D->L - s->n_attention_layers;
        if (read_mamba(c, D, s, 1) < 0)
            return -1;
        break;
    }
    case F_NEMOTRON_H: {
        const char *pattern = hf_string(c, "hybrid_override_pattern");
        if (pattern == NULL)
            return c->failed ? -1 : hf_fail(c, "nemotron_h needs hybrid_override_pattern");
        if (strlen(pattern) != (size_t)D->L)
            return hf_fail(c, "hybrid_override_pattern has %zu layers, num_hidden_layers says %.0f", strlen(pattern),
                           D->L);
        double mamba = 0, attn = 0, mlp = 0;
        for (const char *p = pattern; *p; p++) {
            if (*p == 'M') mamba++;
            else if (*p == '*') attn++;
            else if (*p == '-') mlp++;
            else return hf_fail(c, "hybrid_override_pattern: unknown layer kind '%c'", *p);
        }
        s->n_mixer_layers = mamba;
        s->n_attention_layers = attn;
        s->n_dense_mlp_layers = mlp;
        s->gated = 0;  /* squared-ReLU MLP: up and down */
        s->norm_params_per_layer = D->d;
        return read_mamba(c, D, s, 0);
    }
    default:
        break;
    }
    const struct layers *lay = &c->lay;
    if (lay->from != NULL && (lay->linear > 0 || lay->ssm > 0)) {
        int known = read_linear(c, D, s);
        if (known < 0)
            return -1;
        /* per-token-KV layers hold the attention projections; the others their own mixer */
        s->n_attention_layers = lay->full + lay->sliding + lay->chunked + (known ? 0 : lay->linear);
        if (lay->linear > 0 && !known)
            taf_model_note(m, "n_params counts the %.0f linear-attention layers as attention projections (the "
                           "config gives no linear-attention shape)", lay->linear);
        if (lay->ssm > 0 && s->n_mixer_layers == 0) {
            s->n_attention_layers += lay->ssm;
            taf_model_note(m, "n_params counts the %.0f SSM layers as attention projections (%s's mixer is not "
                           "modelled)", lay->ssm, m->family);
        }
    }
    if (c->fam == F_DEEPSEEK || (c->fam == F_UNKNOWN && hf_lookup(c, "kv_lora_rank") != NULL)) {
        double kvr = 0;
        if (hf_num(c, "kv_lora_rank", 0, 1e6, 1, &kvr) < 0)
            return -1;
        if (kvr > 0) {
            s->mla = 1;
            s->kv_lora_rank = kvr;
            if (hf_num(c, "q_lora_rank", 0, 1e6, 1, &s->q_lora_rank) < 0 ||
                hf_num(c, "qk_nope_head_dim", 0, 1e6, 1, &s->qk_nope_head_dim) < 0 ||
                hf_num(c, "qk_rope_head_dim", 0, 1e6, 1, &s->qk_rope_head_dim) < 0 ||
                hf_num(c, "v_head_dim", 0, 1e6, 1, &s->v_head_dim) < 0)
                return -1;
            taf_model_set(m, TAF_F_KV_LORA_RANK, kvr);
            if (s->q_lora_rank > 0) taf_model_set(m, TAF_F_Q_LORA_RANK, s->q_lora_rank);
            taf_model_set(m, TAF_F_QK_ROPE_DIM, s->qk_rope_head_dim);
            taf_model_set(m, TAF_F_QK_NOPE_DIM, s->qk_nope_head_dim);
            taf_model_set(m, TAF_F_V_HEAD_DIM, s->v_head_dim);
            if (s->qk_nope_head_dim + s->qk_rope_head_dim > 0) {
                D->dh = s->qk_nope_head_dim + s->qk_rope_head_dim;
                taf_model_set(m, TAF_F_D_HEAD, D->dh);
                taf_model_note(m, "d_head = qk_nope_head_dim + qk_rope_head_dim = %.0f (MLA query/key head)", D->dh);
            }
        }
    }
    read_moe(c, D, s);
    return c->failed ? -1 : 0;
}

void hf_count_params(struct ctx *c, const struct dims *D, const struct taf_param_shape *s)
{
    struct taf_model_info *m = c->m;
    if (c->fam == F_ZAMBA)
        return (void)taf_model_note(m, "n_params not computed: Zamba's shared attention blocks with LoRA "
                                       "adapters are not modelled; give --set n_params=…");
    if (D->V == 0)
        return;
    struct taf_param_count n = taf_param_count(s);
    taf_model_set(m, TAF_F_PARAMS, n.total);
    if (s->n_moe_layers > 0 && s->n_experts > 0) {
        taf_model_set(m, TAF_F_PARAMS_ACTIVE, n.active);
        taf_model_note(m, "n_params computed from the shapes: %.4gB total, %.4gB active (%.0f of %.0f experts)",
                       n.total / 1e9, n.active / 1e9, s->n_experts_active, s->n_experts);
    } else {
        taf_model_note(m, "n_params computed from the shapes: %.4gB", n.total / 1e9);
    }
    if (c->fam == F_UNKNOWN)
        taf_model_note(m, "n_params assumes a Llama-style layout (gated MLP, RMSNorm, no biases)");
}

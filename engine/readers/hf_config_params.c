/* The parameter shape of a config.json, family by family: which matrices,
 * biases and norms exist, the feed-forward width, the mixture-of-experts
 * layout, the Mamba/RWKV mixers of recurrent and hybrid models; then the
 * parameter count (formulas/params_count.c) with its note. */
#include "readers/hf_config_internal.h"

#include <math.h>
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
    if (c->fam == F_DEEPSEEK) {
        double first = 0, freq = 1, shared = 0;
        if (hf_num(c, "first_k_dense_replace", 0, D->L, 1, &first) < 0 ||
            hf_num(c, "moe_layer_freq", 1, 1e6, 1, &freq) < 0 || hf_num(c, "n_shared_experts", 0, 1e6, 1, &shared) < 0)
            return;
        moe_layers = 0;
        for (double i = first; i < D->L; i++)
            moe_layers += fmod(i, freq) == 0;
        s->n_shared_experts = shared;
        s->shared_d_ff = s->moe_d_ff;
        if (shared > 0) taf_model_set(m, TAF_F_SHARED_EXPERTS, shared);
        const char *method = hf_string(c, "topk_method");
        if (method && strcmp(method, "noaux_tc") == 0)
            s->router_bias = e;  /* e_score_correction_bias */
    } else if (c->fam == F_QWEN2_MOE || c->fam == F_QWEN3_MOE) {
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

/* The parameter shape of each family: which matrices, biases and norms exist. */
int hf_build_shape(struct ctx *c, struct dims *D, struct taf_param_shape *s)
{
    struct taf_model_info *m = c->m;
    int attention_bias = 0, mlp_bias = 0, tied = hf_default_tied(c->fam);
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
    case F_OLMO2:
        s->qk_norm = (D->H + D->KV) * D->dh;
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

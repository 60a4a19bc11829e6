/* Parameter count from the shapes of a decoder (SPEC §8 n_params): every
 * weight matrix, bias and norm, summed per layer kind. Pure arithmetic: the
 * readers describe the model, this file counts it. */
#ifndef TAF_FORMULAS_PARAMS_COUNT_H
#define TAF_FORMULAS_PARAMS_COUNT_H

enum taf_mixer { TAF_MIXER_NONE, TAF_MIXER_MAMBA1, TAF_MIXER_MAMBA2, TAF_MIXER_RWKV4 };

/* Linear-attention layers: a constant-size state per layer instead of a KV
 * cache. LIGHTNING: MiniMax-01's lightning attention (qkv, output gate, norm,
 * out projections; state heads·d_k·d_v). GATED_DELTANET: Qwen3-Next's Gated
 * DeltaNet (qkvz and ba projections, causal conv over q/k/v, gated norm;
 * state v_heads·d_k·d_v plus the conv window). */
enum taf_linear_attn { TAF_LINEAR_NONE, TAF_LINEAR_LIGHTNING, TAF_LINEAR_GATED_DELTANET };

struct taf_param_shape {
    /* embeddings and head */
    double vocab, d_model;
    int tied;                 /* lm_head shares the embedding matrix */
    double n_positions;       /* learned absolute position rows (GPT-2); 0 otherwise */
    double lm_head_bias;      /* 1 when the head has a bias (GPT-J) */
    double embed_norm;        /* params of a norm right after the embeddings (BLOOM: 2d) */
    double final_norm;        /* params of the final norm (d for RMSNorm, 2d with bias) */

    /* attention layers */
    double n_attention_layers;
    double n_heads, n_kv_heads, d_head;  /* q width = n_heads·d_head */
    double v_head_dim;                   /* 0: = d_head */
    int qkv_bias, o_bias;
    double qk_norm;                      /* per-layer params of q/k norms */
    int mla;                             /* DeepSeek multi-head latent attention */
    int attn_output_gate;                /* q_proj also yields a per-head output gate (Qwen3-Next) */
    double q_lora_rank, kv_lora_rank, qk_nope_head_dim, qk_rope_head_dim;

    /* feed-forward */
    int gated;                           /* gate·up (3 matrices) vs up (2) */
    int mlp_bias;
    double n_dense_mlp_layers, d_ff;
    double n_moe_layers, n_experts, n_experts_active, moe_d_ff;
    double n_shared_experts, shared_d_ff; /* shared experts, each of width shared_d_ff */
    double shared_expert_gate;           /* per-layer params of a shared-expert gate (Qwen2-MoE: d) */
    double router_bias;                  /* per-layer router bias / correction terms */

    /* norms inside the blocks */
    double n_norm_layers, norm_params_per_layer;

    /* recurrent mixers (Mamba, RWKV) */
    enum taf_mixer mixer;
    double n_mixer_layers;
    double d_inner, d_state, d_conv, dt_rank, n_groups, ssm_heads;
    int conv_bias, proj_bias;
    double mixer_inner_norms;            /* per-layer params of norms inside the mixer */
    double rwkv_attention_size, rwkv_ffn_size;

    /* linear-attention layers (their MLP/MoE counts with the feed-forward above) */
    enum taf_linear_attn linear;
    double n_linear_layers;
    double lin_k_heads, lin_v_heads, lin_k_dim, lin_v_dim;  /* key/value heads and head widths */
    double lin_conv;                                        /* causal conv kernel (Gated DeltaNet) */
};

struct taf_param_count {
    double total;
    double active;      /* = total unless some experts are idle per token */
    double embedding;   /* input embeddings + untied head + positions */
    double attention, mlp, mixer, norms;
};

/* Count every parameter described by `s`. Non-finite or negative shapes
 * count as 0; the result is finite. */
struct taf_param_count taf_param_count(const struct taf_param_shape *s);

/* Per-layer recurrent state elements of one mixer (constant in the sequence
 * length): Mamba-1 d_inner·(d_state + d_conv − 1); Mamba-2 the same with the
 * B/C groups in the conv; RWKV-4 five vectors of d_model. */
double taf_mixer_state_elements(const struct taf_param_shape *s);

/* Per-layer state elements of one linear-attention layer: lightning
 * heads·d_k·d_v; Gated DeltaNet v_heads·d_k·d_v + (2·k_heads·d_k +
 * v_heads·d_v)·(conv − 1). 0 when the shape is not given. */
double taf_linear_state_elements(const struct taf_param_shape *s);

#endif

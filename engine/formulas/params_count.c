#include "formulas/params_count.h"

#include <math.h>

static double nn(double x)
{
    return isfinite(x) && x > 0 ? x : 0;
}

/* One attention layer: q, k, v, o (GQA) or the MLA projections. */
static double attention_layer(const struct taf_param_shape *s)
{
    double d = nn(s->d_model), h = nn(s->n_heads), dh = nn(s->d_head);
    if (s->mla) {
        double nope = nn(s->qk_nope_head_dim), rope = nn(s->qk_rope_head_dim);
        double v = nn(s->v_head_dim) > 0 ? nn(s->v_head_dim) : dh;
        double qr = nn(s->q_lora_rank), kvr = nn(s->kv_lora_rank);
        double q = qr > 0 ? d * qr + qr + qr * h * (nope + rope) : d * h * (nope + rope);
        double kv = d * (kvr + rope) + kvr + kvr * h * (nope + v);
        return q + kv + h * v * d;
    }
    double kvh = nn(s->n_kv_heads) > 0 ? nn(s->n_kv_heads) : h;
    double v = nn(s->v_head_dim) > 0 ? nn(s->v_head_dim) : dh;
    double q_w = h * dh, k_w = kvh * dh, v_w = kvh * v;
    double p = d * (q_w + k_w + v_w) + h * v * d;
    if (s->attn_output_gate)
        p += d * q_w;  /* the gate half of q_proj */
    if (s->qkv_bias)
        p += q_w + k_w + v_w;
    if (s->o_bias)
        p += d;
    return p + nn(s->qk_norm);
}

/* One feed-forward block of width f: gated (gate, up, down) or plain (up, down). */
static double mlp_block(const struct taf_param_shape *s, double f)
{
    double d = nn(s->d_model);
    f = nn(f);
    double p = (s->gated ? 3 : 2) * d * f;
    if (s->mlp_bias)
        p += (s->gated ? 2 : 1) * f + d;
    return p;
}

/* One recurrent mixer layer. */
static double mixer_layer(const struct taf_param_shape *s)
{
    double d = nn(s->d_model), di = nn(s->d_inner), n = nn(s->d_state), k = nn(s->d_conv);
    switch (s->mixer) {
    case TAF_MIXER_MAMBA1: {
        double r = nn(s->dt_rank);
        double p = d * 2 * di + di * k + di * (r + 2 * n) + r * di + di + di * n + di + di * d;
        if (s->conv_bias) p += di;
        if (s->proj_bias) p += 2 * di + d;
        return p + nn(s->mixer_inner_norms);
    }
    case TAF_MIXER_MAMBA2: {
        double g = nn(s->n_groups) > 0 ? nn(s->n_groups) : 1, nh = nn(s->ssm_heads);
        double conv_dim = di + 2 * g * n;
        double in_w = 2 * di + 2 * g * n + nh;
        double p = d * in_w + conv_dim * k + 3 * nh + di + di * d;
        if (s->conv_bias) p += conv_dim;
        if (s->proj_bias) p += in_w + d;
        return p + nn(s->mixer_inner_norms);
    }
    case TAF_MIXER_RWKV4: {
        double a = nn(s->rwkv_attention_size) > 0 ? nn(s->rwkv_attention_size) : d;
        double f = nn(s->rwkv_ffn_size) > 0 ? nn(s->rwkv_ffn_size) : 4 * d;
        double att = 2 * a + 3 * d + 3 * d * a + a * d;  /* decay, first, 3 mixes, k v r, output */
        double ffn = 2 * d + d * f + d * d + f * d;      /* 2 mixes, key, receptance, value */
        return att + ffn + nn(s->mixer_inner_norms);
    }
    case TAF_MIXER_NONE:
        break;
    }
    return 0;
}

/* One linear-attention layer (the mixer only; norms and MLP count apart). */
static double linear_layer(const struct taf_param_shape *s)
{
    double d = nn(s->d_model), kh = nn(s->lin_k_heads), vh = nn(s->lin_v_heads);
    double kd = kh * nn(s->lin_k_dim), vd = vh * nn(s->lin_v_dim);
    switch (s->linear) {
    case TAF_LINEAR_LIGHTNING:  /* qkv_proj d→3w, output_gate d→w, norm w, out_proj w→d (w = heads·d_head) */
        return d * 3 * vd + d * vd + vd + vd * d;
    case TAF_LINEAR_GATED_DELTANET: {
        double conv_dim = 2 * kd + vd;
        return d * (2 * kd + 2 * vd)      /* in_proj_qkvz */
               + d * 2 * vh               /* in_proj_ba */
               + conv_dim * nn(s->lin_conv) /* conv1d, no bias */
               + 2 * vh                   /* dt_bias, A_log */
               + nn(s->lin_v_dim)         /* gated RMSNorm over one head */
               + vd * d;                  /* out_proj */
    }
    case TAF_LINEAR_NONE:
        break;
    }
    return 0;
}

double taf_linear_state_elements(const struct taf_param_shape *s)
{
    double vh = nn(s->lin_v_heads), dk = nn(s->lin_k_dim), dv = nn(s->lin_v_dim);
    switch (s->linear) {
    case TAF_LINEAR_LIGHTNING:
        return vh * dk * dv;
    case TAF_LINEAR_GATED_DELTANET: {
        double k = nn(s->lin_conv), conv_dim = 2 * nn(s->lin_k_heads) * dk + vh * dv;
        return vh * dk * dv + conv_dim * (k > 1 ? k - 1 : 0);
    }
    case TAF_LINEAR_NONE:
        break;
    }
    return 0;
}

struct taf_param_count taf_param_count(const struct taf_param_shape *s)
{
    struct taf_param_count c = { 0 };
    double d = nn(s->d_model), v = nn(s->vocab);
    c.embedding = v * d + nn(s->n_positions) * d;
    if (!s->tied)
        c.embedding += v * d;
    c.embedding += nn(s->lm_head_bias) > 0 ? v : 0;
    c.attention = nn(s->n_attention_layers) * attention_layer(s);

    double dense = nn(s->n_dense_mlp_layers) * mlp_block(s, s->d_ff);
    double e = nn(s->n_experts), k = nn(s->n_experts_active);
    if (k > e) k = e;
    double expert = mlp_block(s, s->moe_d_ff);
    double per_moe_fixed = d * e + nn(s->router_bias) + nn(s->n_shared_experts) * mlp_block(s, s->shared_d_ff)
                           + nn(s->shared_expert_gate);
    double moe_layers = nn(s->n_moe_layers);
    double moe_total = moe_layers * (per_moe_fixed + e * expert);
    double moe_active = moe_layers * (per_moe_fixed + k * expert);
    c.mlp = dense + moe_total;

    c.mixer = nn(s->n_mixer_layers) * mixer_layer(s) + nn(s->n_linear_layers) * linear_layer(s);
    c.norms = nn(s->embed_norm) + nn(s->final_norm) + nn(s->n_norm_layers) * nn(s->norm_params_per_layer);
    c.total = c.embedding + c.attention + c.mlp + c.mixer + c.norms;
    c.active = c.total - (moe_total - moe_active);
    return c;
}

double taf_mixer_state_elements(const struct taf_param_shape *s)
{
    double d = nn(s->d_model), di = nn(s->d_inner), n = nn(s->d_state), k = nn(s->d_conv);
    double conv = k > 1 ? k - 1 : 0;
    switch (s->mixer) {
    case TAF_MIXER_MAMBA1:
        return di * n + di * conv;
    case TAF_MIXER_MAMBA2: {
        double g = nn(s->n_groups) > 0 ? nn(s->n_groups) : 1;
        return di * n + (di + 2 * g * n) * conv;
    }
    case TAF_MIXER_RWKV4:
        return 5 * d;   /* att: x, aa, bb, pp; ffn: x */
    case TAF_MIXER_NONE:
        break;
    }
    return 0;
}

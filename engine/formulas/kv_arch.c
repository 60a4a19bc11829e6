#include "formulas/kv_arch.h"
#include "formulas/memory.h"

#include <math.h>

static struct taf_kv_arch_memory result(double bytes, const char *method)
{
    struct taf_kv_arch_memory r = { bytes, bytes / 1e6, bytes / 1e9, method };
    return r;
}

/* Tokens × elements held by the attention layers: full layers keep every
 * token, windowed layers at most `sliding_window`. */
static double attention_elements(const struct taf_kv_shape *m, double attn_layers, double seq_len,
                                 double per_token)
{
    double swa = 0;
    if (m->sliding_window > 0)
        swa = m->n_swa_layers < 0 ? attn_layers : fmin(m->n_swa_layers, attn_layers);
    double window_tokens = fmin(seq_len, m->sliding_window > 0 ? m->sliding_window : seq_len);
    return per_token * ((attn_layers - swa) * seq_len + swa * window_tokens);
}

/* §19.1 KV bytes by layout: Σ_layers tokens_kept · elements_per_token · B + state · B */
struct taf_kv_arch_memory taf_kv_cache_bytes_arch(const struct taf_kv_shape *m, double seq_len,
                                                  double bytes_per_element)
{
    double B = bytes_per_element;
    double attn_layers = m->n_attention_layers > 0 ? m->n_attention_layers : m->n_layers;
    double gqa_per_token = 2 * m->n_kv_heads * m->d_head;
    switch (m->layout) {
    case TAF_KV_FULL: {
        struct taf_kv_memory k = taf_kv_cache_memory(m->n_layers, m->n_kv_heads, m->d_head, seq_len, B);
        return result(k.bytes, "full");
    }
    case TAF_KV_SWA:
        return result(attention_elements(m, attn_layers, seq_len, gqa_per_token) * B, "sliding_window");
    case TAF_KV_MLA:
        return result(attention_elements(m, attn_layers, seq_len, m->kv_lora_rank + m->qk_rope_head_dim) * B,
                      "mla_latent");
    case TAF_KV_SSM:
    case TAF_KV_RWKV:
    case TAF_KV_LINEAR: {
        double attn = m->n_attention_layers > 0
            ? attention_elements(m, m->n_attention_layers, seq_len, gqa_per_token) : 0;
        return result((attn + m->state_elements) * B, attn > 0 ? "hybrid" : "recurrent_state");
    }
    case TAF_KV_HYBRID: {
        double layers = m->n_attention_layers > 0 ? m->n_attention_layers : 0;
        double per_token = m->kv_lora_rank > 0 ? m->kv_lora_rank + m->qk_rope_head_dim : gqa_per_token;
        return result((attention_elements(m, layers, seq_len, per_token) + m->state_elements) * B, "hybrid");
    }
    }
    return result(NAN, "full");
}

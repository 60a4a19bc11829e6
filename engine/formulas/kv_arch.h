/* §19.1 KV-cache memory that follows the architecture (SPEC §8): GQA heads,
 * the MLA latent, sliding-window layers capped at the window, the constant
 * state of SSM/RWKV layers, hybrids by their attention layer count. Each
 * layer kind caches what it keeps: a full-attention layer every token, a
 * sliding layer min(window, seq), a chunked layer (Llama 4's
 * attention_chunk_size; the reader passes it as sliding_window over
 * n_swa_layers) at most one chunk, min(chunk, seq); a linear-attention or SSM
 * layer no per-token KV, only its share of state_elements. */
#ifndef TAF_FORMULAS_KV_ARCH_H
#define TAF_FORMULAS_KV_ARCH_H

enum taf_kv_layout {
    TAF_KV_FULL, TAF_KV_SWA, TAF_KV_MLA, TAF_KV_SSM, TAF_KV_RWKV, TAF_KV_LINEAR, TAF_KV_HYBRID,
};

struct taf_kv_shape {
    enum taf_kv_layout layout;
    double n_layers, n_kv_heads, d_head;
    double n_attention_layers;  /* <= 0: every layer attends (FULL, SWA, MLA) */
    double sliding_window;      /* tokens a windowed layer keeps; <= 0: none */
    double n_swa_layers;        /* windowed (sliding or chunked) layers among the attention layers; < 0: all */
    double kv_lora_rank, qk_rope_head_dim;  /* MLA latent per token and layer */
    double state_elements;      /* recurrent state per sequence, all recurrent layers */
};

struct taf_kv_arch_memory {
    double bytes, MB, GB;
    const char *method;  /* full, sliding_window, mla_latent, recurrent_state, hybrid */
};

/* Bytes of KV cache (or recurrent state) for one sequence of seq_len tokens.
 * FULL gives exactly 2·L·n_kv·d_h·seq·B (taf_kv_cache_memory). Shapes must
 * be finite and >= 0 (callers check); non-finite inputs give NaN bytes. */
struct taf_kv_arch_memory taf_kv_cache_bytes_arch(const struct taf_kv_shape *m, double seq_len,
                                                  double bytes_per_element);

#endif

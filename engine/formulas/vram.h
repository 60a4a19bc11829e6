/* §19–§20 will it fit: weights + KV cache + runtime overhead against a GPU's
 * memory, the largest context that fits, the fit class (upstream fit_check)
 * and the llama.cpp layer split (-ngl) when it does not. Bytes throughout. */
#ifndef TAF_FORMULAS_VRAM_H
#define TAF_FORMULAS_VRAM_H

/* 2^30: GPU memory is sold in GiB ("80 GB" H100 = 80 GiB). */
#define TAF_GIB 1073741824.0

/* Runtime overhead of an inference engine (upstream launch_flags, a coarse
 * estimate): CUDA context and runtime 0.4 GiB, compute scratch 0.25 GiB with
 * flash attention (0.6 GiB without), plus activation scratch d_model bytes
 * per context token. */
struct taf_runtime_overhead {
    double base;      /* bytes independent of the context */
    double per_token; /* bytes per context token */
};
struct taf_runtime_overhead taf_runtime_overhead(double d_model, int flash_attn);

/* Weights, KV and overhead at `context` tokens for `batch` sequences against
 * `vram` bytes. kv_per_token is the whole model's K+V per token of one
 * sequence (2·L·n_kv·d_h·B). */
struct taf_vram_fit {
    double weights, kv, overhead, total, vram, headroom;
    double kv_share;     /* kv / total */
    int fits;            /* context ≤ max_context */
    double max_context;  /* largest context that fits at this batch; 0 when even the weights do not */
};
struct taf_vram_fit taf_vram_fit(double weights, double kv_per_token, double batch, double context,
                                 struct taf_runtime_overhead overhead, double vram);

/* The same budget for a KV cache that is not linear in the context (sliding
 * windows, MLA latents, recurrent state): kv_bytes is the whole cache at
 * `context` for every sequence; fits = total ≤ vram; max_context is NaN (the
 * caller searches it, this function being the predicate). */
struct taf_vram_fit taf_vram_fit_kv(double weights, double kv_bytes, double context,
                                    struct taf_runtime_overhead overhead, double vram);

/* Upstream fit_check verdict codes: "fits_comfortably" (fits with headroom ≥
 * 10% of VRAM), "fits_tight", "kv_bound" (weights + overhead fit, the KV
 * cache does not), "weights_bound". */
const char *taf_fit_class(int fits, double headroom, double weights_plus_overhead, double vram);

/* llama.cpp -ngl: layers whose weights and KV fit after the overhead and the
 * non-layer weights (embeddings, output head) are placed on the GPU:
 * floor((vram − overhead − non_layer)/per_layer), within [0, n_layers]. */
int taf_offload_layers(double vram, double overhead, double non_layer, double per_layer, int n_layers);

#endif

/* §19 inference memory: KV cache, weights, memory-bound decode. */
#ifndef TAF_FORMULAS_MEMORY_H
#define TAF_FORMULAS_MEMORY_H

struct taf_kv_memory { double bytes, MB, GB; };
/* §19.1 bytes = 2·L·n_kv·d_h·seq·B. */
struct taf_kv_memory taf_kv_cache_memory(double n_layers, double n_kv_heads, double d_head, double seq_len,
                                         double bytes_per_element);
/* Weights only: GB = N·B/1e9. */
double taf_model_weights_GB(double N_params, double bytes_per_element);
/* §19.7 memory-bound decode: tokens/s = HBM GB/s / model GB. */
double taf_inference_decode_throughput(double N_params, double hbm_GB_per_s, double bytes_per_element);

#endif

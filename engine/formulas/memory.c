#include "formulas/memory.h"

/* §19.1 KV bytes = 2·L·n_kv·d_h·seq·B */
struct taf_kv_memory taf_kv_cache_memory(double n_layers, double n_kv_heads, double d_head, double seq_len,
                                         double bytes_per_element)
{
    double bytes = 2 * n_layers * n_kv_heads * d_head * seq_len * bytes_per_element;
    struct taf_kv_memory m = { bytes, bytes / 1e6, bytes / 1e9 };
    return m;
}

/* weights GB = N·B/1e9 */
double taf_model_weights_GB(double N_params, double bytes_per_element)
{
    return N_params * bytes_per_element / 1e9;
}

/* §19.7 tokens/s = HBM_BW / model_GB */
double taf_inference_decode_throughput(double N_params, double hbm_GB_per_s, double bytes_per_element)
{
    return hbm_GB_per_s / taf_model_weights_GB(N_params, bytes_per_element);
}

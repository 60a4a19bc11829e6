#include "formulas/serving.h"

#include <math.h>

/* §36 2·N·T + 2·L·T²·d_q */
double taf_prefill_flops(double n_params, double tokens, double n_layers, double q_dim)
{
    return 2.0 * n_params * tokens + 2.0 * n_layers * tokens * tokens * q_dim;
}

/* §36 batch·(2N + 4·L·ctx·d_q) */
double taf_decode_flops(double n_params, double batch, double n_layers, double ctx, double q_dim)
{
    return batch * (2.0 * n_params + 4.0 * n_layers * ctx * q_dim);
}

double taf_compute_seconds(double flops, double peak_TFLOPs, double utilisation)
{
    return flops / (peak_TFLOPs * 1e12 * utilisation);
}

double taf_memory_seconds(double bytes, double bw_GB_s, double utilisation)
{
    return bytes / (bw_GB_s * 1e9 * utilisation);
}

double taf_roofline_ridge(double peak_TFLOPs, double bw_GB_s)
{
    return peak_TFLOPs * 1e12 / (bw_GB_s * 1e9);
}

double taf_max_concurrent_requests(double budget, double kv_bytes_per_request)
{
    if (!(budget > 0))
        return 0;
    return floor(budget / kv_bytes_per_request);
}

double taf_usd_per_Mtok(double usd_per_hour, double tokens_per_s)
{
    return usd_per_hour / 3600.0 / tokens_per_s * 1e6;
}

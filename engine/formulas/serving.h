/* §36 serving: prefill is compute-bound (time to first token), decode is
 * bandwidth-bound (time per output token); the KV budget bounds how many
 * requests run at once; the hourly price turns tokens/s into $/Mtok. */
#ifndef TAF_FORMULAS_SERVING_H
#define TAF_FORMULAS_SERVING_H

/* §36 prefill FLOPs = 2·N·T (matmuls) + 2·L·T²·d_q (causal QKᵀ and AV,
 * d_q = n_heads·d_head). */
double taf_prefill_flops(double n_params, double tokens, double n_layers, double q_dim);

/* §36 FLOPs of one decode step for `batch` sequences at context `ctx`:
 * batch·(2·N + 4·L·ctx·d_q) (matmuls, then QKᵀ and AV against the cache). */
double taf_decode_flops(double n_params, double batch, double n_layers, double ctx, double q_dim);

/* seconds = FLOPs / (peak TFLOP/s·1e12·utilisation) */
double taf_compute_seconds(double flops, double peak_TFLOPs, double utilisation);

/* seconds = bytes / (bandwidth GB/s·1e9·utilisation) */
double taf_memory_seconds(double bytes, double bw_GB_s, double utilisation);

/* Roofline ridge point: FLOPs per byte at which compute and bandwidth take
 * equally long, peak·1e12 / (bandwidth·1e9). */
double taf_roofline_ridge(double peak_TFLOPs, double bw_GB_s);

/* Requests whose KV cache fits in `budget` bytes: floor(budget/kv), 0 when
 * the budget is not positive. */
double taf_max_concurrent_requests(double budget, double kv_bytes_per_request);

/* $/Mtok = USD/h / 3600 / (tokens/s) · 1e6. */
double taf_usd_per_Mtok(double usd_per_hour, double tokens_per_s);

#endif

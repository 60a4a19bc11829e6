#include "formulas/vram.h"

#include <math.h>

struct taf_runtime_overhead taf_runtime_overhead(double d_model, int flash_attn)
{
    struct taf_runtime_overhead o = {
        0.4 * TAF_GIB + (flash_attn ? 0.25 : 0.6) * TAF_GIB,
        0.5 * d_model * 2.0, /* half a hidden vector of fp16 per token */
    };
    return o;
}

/* budget = vram − weights − base; each context token costs batch·kv + scratch.
 * max_context is corrected by one step either way so that "fits" (ctx·cost ≤
 * budget) and max_context never disagree through rounding of the division. */
struct taf_vram_fit taf_vram_fit(double weights, double kv_per_token, double batch, double context,
                                 struct taf_runtime_overhead overhead, double vram)
{
    struct taf_vram_fit f;
    double per_ctx = kv_per_token * batch + overhead.per_token;
    double budget = vram - weights - overhead.base;
    f.weights = weights;
    f.kv = kv_per_token * batch * context;
    f.overhead = overhead.base + overhead.per_token * context;
    f.total = f.weights + f.kv + f.overhead;
    f.vram = vram;
    f.headroom = vram - f.total;
    f.kv_share = f.total > 0 ? f.kv / f.total : 0;
    if (budget < 0) {
        f.max_context = 0;
        f.fits = 0;
        return f;
    }
    if (per_ctx <= 0) {
        f.max_context = INFINITY;
        f.fits = 1;
        return f;
    }
    double m = floor(budget / per_ctx);
    if ((m + 1) * per_ctx <= budget)
        m += 1;
    else if (m > 0 && m * per_ctx > budget)
        m -= 1;
    f.max_context = m;
    f.fits = context * per_ctx <= budget;
    return f;
}

struct taf_vram_fit taf_vram_fit_kv(double weights, double kv_bytes, double context,
                                    struct taf_runtime_overhead overhead, double vram)
{
    struct taf_vram_fit f;
    f.weights = weights;
    f.kv = kv_bytes;
    f.overhead = overhead.base + overhead.per_token * context;
    f.total = f.weights + f.kv + f.overhead;
    f.vram = vram;
    f.headroom = vram - f.total;
    f.kv_share = f.total > 0 ? f.kv / f.total : 0;
    f.fits = f.total <= vram;
    f.max_context = NAN;
    return f;
}

const char *taf_fit_class(int fits, double headroom, double weights_plus_overhead, double vram)
{
    if (fits)
        return headroom >= 0.10 * vram ? "fits_comfortably" : "fits_tight";
    return weights_plus_overhead <= vram ? "kv_bound" : "weights_bound";
}

int taf_offload_layers(double vram, double overhead, double non_layer, double per_layer, int n_layers)
{
    if (!(per_layer > 0))
        return 0;
    double n = floor((vram - overhead - non_layer) / per_layer);
    if (n < 0)
        return 0;
    return n > n_layers ? n_layers : (int)n;
}

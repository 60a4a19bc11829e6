#include "formulas/cost.h"
#include "formulas/training.h"

#include <math.h>

static int has_price(const struct taf_gpu *gpu)
{
    return gpu->usd_h > 0 && isfinite(gpu->usd_h);
}

/* §20.11 USD = 6ND/(peak·MFU·n_gpus)/3600 h · USD/h · n_gpus */
struct taf_training_cost taf_cost_per_training_run(double N_params, double D_tokens, const struct taf_gpu *gpu,
                                                   double n_gpus, double mfu)
{
    struct taf_training_cost c;
    c.total_FLOPs = taf_training_flops(N_params, D_tokens);
    double seconds = c.total_FLOPs / (gpu->flops * 1e12 * mfu * n_gpus);
    c.hours = seconds / 3600;
    c.days = c.hours / 24;
    c.priced = has_price(gpu);
    c.USD = c.priced ? c.hours * gpu->usd_h * n_gpus : NAN;
    return c;
}

/* §19.9 / §20.12 $/Mtok = 1e6/(BW/model_GB·batch)/3600 · USD/h */
struct taf_inference_cost taf_cost_per_inference_token(double model_GB, const struct taf_gpu *gpu, double batch)
{
    struct taf_inference_cost c;
    c.tok_per_sec = gpu->bw_GB_s / model_GB * batch;
    c.priced = has_price(gpu);
    c.USD_per_Mtok = c.priced ? 1e6 / c.tok_per_sec / 3600 * gpu->usd_h : NAN;
    return c;
}

/* §24.3 Mtok_breakeven = training$ / (api − self) */
struct taf_break_even taf_break_even_volume(double training_cost, double self_per_Mtok, double api_per_Mtok)
{
    struct taf_break_even b = { 0, api_per_Mtok - self_per_Mtok, NAN, NAN };
    if (b.savings_per_Mtok <= 0) {
        b.never = 1;
        return b;
    }
    b.Mtok_breakeven = training_cost / b.savings_per_Mtok;
    b.tokens_breakeven = b.Mtok_breakeven * 1e6;
    return b;
}

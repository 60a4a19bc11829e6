/* §20 / §24 cost: training runs, self-hosted tokens, break-even against an API. */
#ifndef TAF_FORMULAS_COST_H
#define TAF_FORMULAS_COST_H

#include "formulas/gpu.h"

/* priced = 0 for a GPU without an hourly price (usd_h ≤ 0, a local card):
 * the dollar figure is then NaN (not defined), never a division by zero. */
struct taf_training_cost { double total_FLOPs, hours, days, USD; int priced; };
/* §20.11 hours = 6ND/(peak·MFU·n_gpus)/3600; USD = hours·USD/h·n_gpus.
 * Domain: gpu->flops > 0, n_gpus > 0, 0 < mfu ≤ 1 (the bindings check them). */
struct taf_training_cost taf_cost_per_training_run(double N_params, double D_tokens, const struct taf_gpu *gpu,
                                                   double n_gpus, double mfu);

struct taf_inference_cost { double tok_per_sec, USD_per_Mtok; int priced; };
/* §19.9/§20.12 tok/s = BW/model_GB·batch; $/Mtok = 1e6/tok_s/3600·USD/h (NaN unpriced).
 * Domain: model_GB > 0, gpu->bw_GB_s > 0, batch > 0. */
struct taf_inference_cost taf_cost_per_inference_token(double model_GB, const struct taf_gpu *gpu, double batch);

struct taf_break_even { int never; double savings_per_Mtok, Mtok_breakeven, tokens_breakeven; };
/* §24.3 Mtok = training$/(api − self); never = 1 (and the volumes NaN) when
 * self-hosting costs as much as the API or more. */
struct taf_break_even taf_break_even_volume(double training_cost, double self_per_Mtok, double api_per_Mtok);

#endif

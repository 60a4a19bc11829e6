#include "formulas/quant_regime.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

const struct taf_quant_scheme taf_quant_schemes[TAF_N_QUANT_SCHEMES] = {
    { "fp8", "FP8 (Hopper)", 8, 0.007, false, "h100+", "FP8" },
    { "int8", "int8 (LLM.int8())", 8, 0.010, false, "any", "INT8" },
    { "gguf_q8_0", "GGUF Q8_0", 8, 0.008, false, "cpu/any", "Q8_0" },
    { "gguf_q5_km", "GGUF Q5_K_M", 5, 0.020, false, "cpu/any", "Q5_K_M" },
    { "awq", "AWQ (4-bit, calibrated)", 4, 0.020, true, "any", "AWQ" },
    { "gptq", "GPTQ (4-bit, calibrated)", 4, 0.035, true, "any", "GPTQ" },
    { "gguf_q4_km", "GGUF Q4_K_M", 4, 0.050, false, "cpu/any", "Q4_K_M" },
    { "nf4", "NF4 (bitsandbytes, uncalibrated)", 4, 0.070, false, "any", "NF4" },
    { "gguf_q3_km", "GGUF Q3_K_M (aggressive)", 3, 0.110, false, "cpu/any", "Q3_K_M" },
    { "gguf_q2_k", "GGUF Q2_K (extreme)", 2, 0.180, false, "cpu/any", "Q2_K" },
};

const struct taf_quant_scheme *taf_quant_scheme_find(const char *id)
{
    for (size_t i = 0; id != NULL && i < TAF_N_QUANT_SCHEMES; i++)
        if (strcmp(taf_quant_schemes[i].id, id) == 0)
            return &taf_quant_schemes[i];
    return NULL;
}

/* A field the caller knows: finite and positive (upstream skips null and 0). */
static bool known(double v)
{
    return isfinite(v) && v > 0;
}

double taf_quant_arch_multiplier(const struct taf_quant_arch *a)
{
    double mult = 1.0;
    /* small heads lose more to rounding noise */
    if (known(a->d_head)) {
        if (a->d_head < 64)
            mult *= 1.5;
        else if (a->d_head < 96)
            mult *= 1.2;
        else if (a->d_head < 128)
            mult *= 1.05;
    }
    /* many query heads sharing one KV head amplify the shared error */
    double n_kv = known(a->n_kv_heads) ? a->n_kv_heads : a->n_attention_heads;
    if (known(a->n_attention_heads) && known(n_kv) && n_kv < a->n_attention_heads) {
        double ratio = a->n_attention_heads / n_kv;
        if (ratio >= 8)
            mult *= 1.3;
        else if (ratio >= 4)
            mult *= 1.15;
    }
    if (a->has_SWA)
        mult *= 0.92;
    /* size buckets, not a validated phase boundary */
    if (known(a->n_params)) {
        if (a->n_params < 1.5e9)
            mult *= 1.4;
        else if (a->n_params < 4e9)
            mult *= 1.15;
        else if (a->n_params >= 30e9)
            mult *= 0.85;
        else if (a->n_params >= 7e9)
            mult *= 0.95;
    }
    return mult;
}

const char *taf_quant_regime_band(double gamma_shift)
{
    if (gamma_shift <= 0.015)
        return "safe";
    if (gamma_shift <= 0.04)
        return "mild";
    if (gamma_shift <= 0.08)
        return "significant";
    return "cliff";
}

struct taf_delta_ppl taf_quant_delta_ppl(double gamma_shift, double n_params)
{
    struct taf_delta_ppl d = { 0, 0, 0 };
    if (!(gamma_shift > 0))
        return d;
    double boost = known(n_params) ? fmax(0.1, 1 + log10(n_params / 1e9) / 4) : 1;
    d.mid = 8 * gamma_shift * gamma_shift * boost;
    d.low = 0.6 * d.mid;
    d.high = 1.5 * d.mid;
    return d;
}

/* The step up when a scheme falls off the cliff or lands in "significant". */
static void recommend(struct taf_quant_prediction *p)
{
    const char *id = p->scheme->id;
    if (strcmp(p->regime, "cliff") == 0) {
        if (strcmp(id, "nf4") == 0 || strcmp(id, "gptq") == 0) {
            p->recommend_code = "switch_to_awq";
            p->recommend_scheme = "awq";
        } else if (strcmp(id, "gguf_q4_km") == 0) {
            p->recommend_code = "switch_to_q5_km";
            p->recommend_scheme = "gguf_q5_km";
        } else if (strcmp(id, "gguf_q3_km") == 0 || strcmp(id, "gguf_q2_k") == 0) {
            p->recommend_code = "switch_to_q4_km";
            p->recommend_scheme = "gguf_q4_km";
        } else {
            p->recommend_code = "use_higher_bits";
        }
    } else if (strcmp(p->regime, "significant") == 0) {
        if (strcmp(id, "nf4") == 0) {
            p->recommend_code = "consider_awq";
            p->recommend_scheme = "awq";
        } else {
            p->recommend_code = "verify_with_eval";
        }
    }
}

struct taf_quant_prediction taf_quant_regime(const struct taf_quant_scheme *scheme,
                                             const struct taf_quant_arch *arch)
{
    struct taf_quant_prediction p = { 0 };
    p.scheme = scheme;
    p.arch_multiplier = taf_quant_arch_multiplier(arch);
    p.gamma_shift = scheme->base_penalty * p.arch_multiplier;
    p.regime = taf_quant_regime_band(p.gamma_shift);
    p.delta_ppl = taf_quant_delta_ppl(p.gamma_shift, arch->n_params);
    recommend(&p);
    return p;
}

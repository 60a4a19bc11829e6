/* Quantization regime (upstream js/quant_regime.js, FORMULAS.md §5 X-7): the
 * γ shift a weight-quantization scheme is expected to cause, scaled by the
 * architecture, its band (safe, mild, significant, cliff) and a ΔPPL band.
 * Every constant is a hand-set heuristic informed by (not fitted to) public
 * PPL comparisons: the results are order-of-magnitude estimates (provisional). */
#ifndef TAF_FORMULAS_QUANT_REGIME_H
#define TAF_FORMULAS_QUANT_REGIME_H

#include <stdbool.h>

struct taf_quant_scheme {
    const char *id, *label;
    int bits;            /* nominal bits per weight (block scales come on top) */
    double base_penalty; /* γ shift on a reference architecture */
    bool calibrated;     /* true only for the activation-calibrated AWQ / GPTQ */
    const char *hardware;
    const char *format; /* the weight format of taf.quant_formats() (effective bits per weight) */
};

#define TAF_N_QUANT_SCHEMES 10
/* The schemes in upstream order: 8-bit first, then 5, 4, 3, 2. */
extern const struct taf_quant_scheme taf_quant_schemes[TAF_N_QUANT_SCHEMES];
/* The scheme with this id (exact, lower case), or NULL. */
const struct taf_quant_scheme *taf_quant_scheme_find(const char *id);

/* What the multiplier reads; NaN marks a field the caller does not know. */
struct taf_quant_arch {
    double n_attention_heads, n_kv_heads, d_head, n_params;
    bool has_SWA;
};

/* Product of: d_head < 64 ×1.5, < 96 ×1.2, < 128 ×1.05; GQA ratio ≥ 8 ×1.3,
 * ≥ 4 ×1.15; SWA ×0.92; N < 1.5e9 ×1.4, < 4e9 ×1.15, ≥ 30e9 ×0.85, ≥ 7e9 ×0.95. */
double taf_quant_arch_multiplier(const struct taf_quant_arch *arch);
/* safe ≤ 0.015 < mild ≤ 0.04 < significant ≤ 0.08 < cliff. */
const char *taf_quant_regime_band(double gamma_shift);

struct taf_delta_ppl {
    double low, mid, high;
};
/* ΔPPL ≈ 8·shift²·max(0.1, 1 + log10(N/1e9)/4) (boost 1 when N is unknown);
 * low = 0.6·mid, high = 1.5·mid; all 0 when shift ≤ 0. Not rounded. */
struct taf_delta_ppl taf_quant_delta_ppl(double gamma_shift, double n_params);

struct taf_quant_prediction {
    const struct taf_quant_scheme *scheme;
    double arch_multiplier, gamma_shift; /* shift = base_penalty × multiplier */
    const char *regime;
    struct taf_delta_ppl delta_ppl;
    const char *recommend_code;   /* NULL when the regime needs no change */
    const char *recommend_scheme; /* NULL when no specific scheme is suggested */
};
struct taf_quant_prediction taf_quant_regime(const struct taf_quant_scheme *scheme,
                                             const struct taf_quant_arch *arch);

#endif

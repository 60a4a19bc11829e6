/* Measuring γ from attention probabilities (SPEC §9, cookbook Recipe 1).
 *
 * Definitions (a[i, j] = attention of query i on key j, 0-based, causal):
 *   A(d)       = mean over the valid query positions i = d … T−1 of a[i, i−d],
 *                for d = 1 … T−1 (each distance averages its own T−d rows);
 *   sink mass  = mean over all T query positions of Σ_{j < min(K, i+1)} a[i, j]
 *                (the attention on the first K keys; K = 1 by default);
 *   fit        = log A(d) = log_A − γ·log d over d1 … d2 (default 8 … ⌊T/2⌋),
 *                equally weighted in log d: distances fall into log-spaced bins
 *                of 8 per octave (bin k = ⌊8·log2(d/d1)⌋), each bin becomes one
 *                point (the means of ln d and ln A over its distances with
 *                A > 0), and fit_power_law (FORMULAS.md §2) fits those points,
 *                so every bin counts once however many distances it holds;
 *   receipt    = R² > 0.95 reliable, R² ≥ 0.85 coarse, else unreliable;
 *   dissimilar = a head with no fit, an unreliable fit, or a γ outside
 *                median ± max(3·1.4826·MAD, 0.1) over all heads of the model.
 * Per layer, the curve is the mean of its heads' A(d); the model curve is the
 * mean of the layer curves (A(d) averaged over layers and heads, as the γ
 * atlas measures it). Pure C: no Lua, no files. */
#ifndef TAF_KERNELS_ATTN_PROFILE_H
#define TAF_KERNELS_ATTN_PROFILE_H

#include "formulas/fit.h"
#include "readers/tensor.h"

#include <stddef.h>

#define TAF_PROFILE_BINS_PER_OCTAVE 8
#define TAF_PROFILE_DEFAULT_D1 8
#define TAF_RECEIPT_RELIABLE_R2 0.95   /* R² above: reliable */
#define TAF_RECEIPT_COARSE_R2 0.85     /* R² at or above: coarse; below: unreliable */
#define TAF_DISSIMILAR_MIN_BAND 0.1

enum taf_receipt { TAF_RECEIPT_RELIABLE, TAF_RECEIPT_COARSE, TAF_RECEIPT_UNRELIABLE };

/* The attention values: layer l holds n_heads·T·T values of layer_dtype[l],
 * C order [head][query][key]. */
struct taf_attn_view {
    size_t n_layers, n_heads, T;
    const void *const *layer_data;
    const enum taf_dtype *layer_dtype;
};

struct taf_profile_opts {
    size_t sink_tokens;     /* K >= 1 (0 → 1) */
    size_t d1, d2;          /* fit range; 0 → the default 8 (d1), ⌊T/2⌋ (d2) */
    int threads;            /* 0 → every online CPU */
    double row_tolerance;   /* |row sum − 1| allowed; 0 → by dtype (see taf_row_tolerance) */
    int portable;           /* 1: never the AVX2/F16C code (tests compare both paths) */
    /* called from the calling thread after each head it finishes */
    void (*progress)(void *ud, size_t heads_done, size_t heads_total);
    void *progress_ud;
};

struct taf_gamma_stats {
    size_t n;                           /* heads with a finite γ */
    double mean, median, sd, min, max;  /* sd: population standard deviation; NaN when n = 0 */
};

struct taf_head_profile {
    struct taf_power_fit fit;
    double sink_mass;
    enum taf_receipt receipt;
    const char *dissimilar;    /* NULL, or why this head is not averaged in */
};

struct taf_layer_profile {
    struct taf_power_fit fit;  /* of the layer curve */
    double sink_mass;          /* mean over its heads */
    enum taf_receipt receipt;
    struct taf_gamma_stats heads;
};

struct taf_profile {
    size_t n_layers, n_heads, T, sink_tokens, d1, d2;
    int binned;                /* 1: log-binned fit of a dump; 0: OLS over given points (atlas) */
    size_t n_curve;            /* model curve A(d) at curve_d[k] */
    double *curve_d, *curve_A;
    double *layer_A;           /* dumps: layer l's curve A(d) at [l·T + d], 1 ≤ d < T */
    size_t n_fit_points;       /* the points the model fit used (bins, or atlas distances_fit) */
    double *fit_d, *fit_A;
    struct taf_power_fit fit;
    double sink_mass;          /* NaN when not measured (atlas) */
    enum taf_receipt receipt;
    struct taf_layer_profile *layers;
    struct taf_head_profile *heads;   /* n_layers × n_heads, layer-major */
    struct taf_gamma_stats head_gammas;
    size_t n_reliable, n_coarse, n_unreliable, n_dissimilar;
    double dissimilar_median, dissimilar_band;
};

/* Error codes of taf_attn_profile. */
enum { TAF_PROFILE_OK = 0, TAF_PROFILE_EINVAL = -1, TAF_PROFILE_EROW = -2, TAF_PROFILE_ENOMEM = -3 };

/* Profile every head of `v`. Returns TAF_PROFILE_OK, or an error code with
 * a sentence in `err`: EINVAL (bad fit range or sink size), EROW (a row that
 * does not sum to 1, naming layer, head and row), ENOMEM. On success `p`
 * owns allocations released by taf_profile_free. */
int taf_attn_profile(const struct taf_attn_view *v, const struct taf_profile_opts *o, struct taf_profile *p,
                     char *err, size_t errsize);

/* Profile of a measured curve (a γ-atlas file): the curve is (d, A) at n
 * points and the fit is fit_power_law over the n_fit given points, exactly as
 * the atlas computed it. */
int taf_curve_profile(const double *d, const double *A, size_t n, const double *fit_d, const double *fit_A,
                      size_t n_fit, struct taf_profile *p, char *err, size_t errsize);

void taf_profile_free(struct taf_profile *p);

/* ── pieces, exported for tests (kernels/profile_fit.c) ── */

/* Log-binned fit of A indexed by distance (A[d], d1 ≤ d ≤ d2) as described
 * above. When bin_d/bin_A are given (room for taf_log_bin_count(d1, d2)
 * entries) they receive the fitted points. */
struct taf_power_fit taf_fit_log_binned(const double *A, size_t d1, size_t d2, double *bin_d, double *bin_A);
/* Bin of distance d ≥ d1: ⌊8·log2(d/d1)⌋. */
size_t taf_log_bin_index(size_t d, size_t d1);
/* Number of bins spanned by d1 … d2. */
size_t taf_log_bin_count(size_t d1, size_t d2);
/* Mean, median, population sd, min, max of the finite values. */
struct taf_gamma_stats taf_gamma_stats(const double *g, size_t n);
/* The cookbook's receipt for a fit (a NaN γ is unreliable). */
enum taf_receipt taf_fit_receipt(struct taf_power_fit fit);
const char *taf_receipt_name(enum taf_receipt r);
/* Tolerance on row sums for values stored as `t`: 1e-3 for float32 and
 * float16 (float16 rounds each value by at most 2^-11 relative, so a row of
 * probabilities moves by at most 4.9e-4), 1e-2 for bfloat16 (2^-8 = 3.9e-3). */
double taf_row_tolerance(enum taf_dtype t);
/* Fill receipts, statistics and the dissimilar-head marks of a profile whose
 * fits are computed (called by taf_attn_profile). */
void taf_profile_summarise(struct taf_profile *p);

#endif

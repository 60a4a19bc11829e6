/* The statistics of a profile: log-binned fits, γ statistics, receipts and
 * dissimilar heads (definitions in attn_profile.h). */
#include "kernels/attn_profile.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_BINS (TAF_PROFILE_BINS_PER_OCTAVE * 64 + 1) /* d2/d1 < 2^64 */

size_t taf_log_bin_index(size_t d, size_t d1)
{
    /* the 1e-9 keeps exact octaves (d = d1·2^m) in their own bin despite rounding in log2 */
    return (size_t)floor(TAF_PROFILE_BINS_PER_OCTAVE * log2((double)d / (double)d1) + 1e-9);
}

size_t taf_log_bin_count(size_t d1, size_t d2)
{
    return d2 >= d1 && d1 >= 1 ? taf_log_bin_index(d2, d1) + 1 : 0;
}

struct taf_power_fit taf_fit_log_binned(const double *A, size_t d1, size_t d2, double *bin_d, double *bin_A)
{
    double pd[MAX_BINS], pA[MAX_BINS];
    size_t n = 0, bin = 0, count = 0;
    double sum_ld = 0.0, sum_lA = 0.0;
    for (size_t d = d1; d <= d2 && d1 >= 1; d++) {
        size_t k = taf_log_bin_index(d, d1);
        if (k != bin) {
            if (count > 0 && n < MAX_BINS) {
                pd[n] = exp(sum_ld / (double)count);
                pA[n++] = exp(sum_lA / (double)count);
            }
            bin = k;
            count = 0;
            sum_ld = sum_lA = 0.0;
        }
        if (isfinite(A[d]) && A[d] > 0) {
            sum_ld += log((double)d);
            sum_lA += log(A[d]);
            count++;
        }
    }
    if (count > 0 && n < MAX_BINS) {
        pd[n] = exp(sum_ld / (double)count);
        pA[n++] = exp(sum_lA / (double)count);
    }
    if (bin_d != NULL && bin_A != NULL) {
        memcpy(bin_d, pd, n * sizeof *pd);
        memcpy(bin_A, pA, n * sizeof *pA);
    }
    return taf_fit_power_law(pd, pA, n);
}

static int compare_doubles(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b;
}

struct taf_gamma_stats taf_gamma_stats(const double *g, size_t n)
{
    struct taf_gamma_stats s = { 0, NAN, NAN, NAN, NAN, NAN };
    double *v = malloc((n ? n : 1) * sizeof *v);
    if (v == NULL)
        return s;
    for (size_t i = 0; i < n; i++)
        if (isfinite(g[i]))
            v[s.n++] = g[i];
    if (s.n > 0) {
        qsort(v, s.n, sizeof *v, compare_doubles);
        double sum = 0.0, ss = 0.0;
        for (size_t i = 0; i < s.n; i++)
            sum += v[i];
        s.mean = sum / (double)s.n;
        for (size_t i = 0; i < s.n; i++)
            ss += (v[i] - s.mean) * (v[i] - s.mean);
        s.sd = sqrt(ss / (double)s.n);
        s.median = s.n % 2 ? v[s.n / 2] : 0.5 * (v[s.n / 2 - 1] + v[s.n / 2]);
        s.min = v[0];
        s.max = v[s.n - 1];
    }
    free(v);
    return s;
}

enum taf_receipt taf_fit_receipt(struct taf_power_fit fit)
{
    if (!isfinite(fit.gamma) || !(fit.R2 >= TAF_RECEIPT_COARSE_R2))
        return TAF_RECEIPT_UNRELIABLE;
    return fit.R2 > TAF_RECEIPT_RELIABLE_R2 ? TAF_RECEIPT_RELIABLE : TAF_RECEIPT_COARSE;
}

const char *taf_receipt_name(enum taf_receipt r)
{
    return r == TAF_RECEIPT_RELIABLE ? "reliable" : r == TAF_RECEIPT_COARSE ? "coarse" : "unreliable";
}

double taf_row_tolerance(enum taf_dtype t)
{
    return t == TAF_DTYPE_BF16 ? 1e-2 : 1e-3;
}

void taf_profile_summarise(struct taf_profile *p)
{
    size_t nh = p->n_layers * p->n_heads;
    p->receipt = taf_fit_receipt(p->fit);
    p->n_reliable = p->n_coarse = p->n_unreliable = p->n_dissimilar = 0;
    double *g = malloc((nh ? nh : 1) * sizeof *g);
    if (g == NULL)
        return;
    for (size_t l = 0; l < p->n_layers; l++) {
        struct taf_layer_profile *lp = &p->layers[l];
        lp->receipt = taf_fit_receipt(lp->fit);
        for (size_t h = 0; h < p->n_heads; h++)
            g[h] = p->heads[l * p->n_heads + h].fit.gamma;
        lp->heads = taf_gamma_stats(g, p->n_heads);
    }
    for (size_t i = 0; i < nh; i++) {
        struct taf_head_profile *hp = &p->heads[i];
        hp->receipt = taf_fit_receipt(hp->fit);
        p->n_reliable += hp->receipt == TAF_RECEIPT_RELIABLE;
        p->n_coarse += hp->receipt == TAF_RECEIPT_COARSE;
        p->n_unreliable += hp->receipt == TAF_RECEIPT_UNRELIABLE;
        g[i] = hp->fit.gamma;
    }
    p->head_gammas = taf_gamma_stats(g, nh);
    /* robust spread: MAD about the median, scaled to σ for a normal sample */
    size_t m = 0;
    for (size_t i = 0; i < nh; i++)
        if (isfinite(g[i]))
            g[m++] = fabs(g[i] - p->head_gammas.median);
    struct taf_gamma_stats dev = taf_gamma_stats(g, m);
    p->dissimilar_median = p->head_gammas.median;
    p->dissimilar_band = m > 0 ? fmax(3.0 * 1.4826 * dev.median, TAF_DISSIMILAR_MIN_BAND) : NAN;
    for (size_t i = 0; i < nh; i++) {
        struct taf_head_profile *hp = &p->heads[i];
        if (!isfinite(hp->fit.gamma))
            hp->dissimilar = "no power-law fit (flat or empty curve)";
        else if (hp->receipt == TAF_RECEIPT_UNRELIABLE)
            hp->dissimilar = "unreliable fit (R² < 0.85)";
        else if (fabs(hp->fit.gamma - p->dissimilar_median) > p->dissimilar_band)
            hp->dissimilar = "γ outside the heads' median ± band";
        else
            hp->dissimilar = NULL;
        p->n_dissimilar += hp->dissimilar != NULL;
    }
    free(g);
}

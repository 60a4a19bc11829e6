/* The profile kernel: one pass over the causal lower triangle of every head,
 * heads spread over POSIX threads, float16/bfloat16 converted per row block
 * in L1, accumulation in double. Memory-bound by design: each value is read
 * once, added to the distance accumulator and to the row sum.
 *
 * Row i of a head adds a[i, 0…i] to acc[T−1−i … T−1], so acc[T−1−d] collects
 * Σ_i a[i, i−d] with one contiguous, vectorisable add per row. */
#define _GNU_SOURCE /* sched_getaffinity */
#include "kernels/attn_profile.h"

#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>
#define TAF_X86 1
#endif

#define MAX_THREADS 256
#define BLOCK 512 /* float16/bfloat16 values converted at a time (2 KiB in L1) */

#define ALWAYS_INLINE inline __attribute__((always_inline))

/* ── element conversion ── */

/* IEEE binary16 → binary32, exact for every input (normals, subnormals, inf, NaN). */
static ALWAYS_INLINE float half_to_float(uint16_t h)
{
    uint32_t sign = (uint32_t)(h & 0x8000u) << 16, em = h & 0x7fffu, bits;
    if (em >= 0x7c00u)                       /* inf / NaN */
        bits = 0x7f800000u | (em & 0x3ffu) << 13;
    else if (em >= 0x0400u)                  /* normal: rebias the exponent by 127 − 15 */
        bits = (em << 13) + (112u << 23);
    else {                                   /* subnormal or zero: m · 2^−24, exact in float */
        float f = (float)em * 0x1p-24f;
        memcpy(&bits, &f, sizeof bits);
    }
    bits |= sign;
    float out;
    memcpy(&out, &bits, sizeof out);
    return out;
}

static ALWAYS_INLINE float bf16_to_float(uint16_t h)
{
    uint32_t bits = (uint32_t)h << 16;
    float out;
    memcpy(&out, &bits, sizeof out);
    return out;
}

static ALWAYS_INLINE void convert_bf16(const uint16_t *restrict src, float *restrict dst, size_t n)
{
    for (size_t j = 0; j < n; j++)
        dst[j] = bf16_to_float(src[j]);
}

static ALWAYS_INLINE void convert_f16(const uint16_t *restrict src, float *restrict dst, size_t n)
{
    for (size_t j = 0; j < n; j++)
        dst[j] = half_to_float(src[j]);
}

#ifdef TAF_X86
__attribute__((target("avx2,fma,f16c"))) static void convert_f16_f16c(const uint16_t *restrict src,
                                                                      float *restrict dst, size_t n)
{
    size_t j = 0;
    for (; j + 8 <= n; j += 8)
        _mm256_storeu_ps(dst + j, _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(const void *)(src + j))));
    for (; j < n; j++)
        dst[j] = half_to_float(src[j]);
}
#endif

/* ── the rows ──
 * GCC/Clang vector types (SSE halves without AVX) hold 8 floats; sums keep one
 * vector of partials per row, so no reduction is reassociated behind our back. */
typedef float v8f __attribute__((vector_size(32)));
typedef float v8f_u __attribute__((vector_size(32), aligned(4), may_alias)); /* unaligned loads */
typedef float v4f __attribute__((vector_size(16)));
typedef double v4d __attribute__((vector_size(32)));
typedef double v4d_u __attribute__((vector_size(32), aligned(8), may_alias));

#define ROWS 8 /* rows folded into each pass over the accumulator */

/* Rows i … i+7 share the accumulator window acc[T−1−i …]: row i+r element
 * m + r lands on acc[T−1−i+m]. p[r] points at row i+r, element r. Adds
 * Σ_r p[r][j] to dst[j] for j < n (one load and store of dst per 8 rows, the
 * 8 values summed as a balanced tree, exact when they are equal) and each
 * row's values to sums[r]. Written out row by row so that every vector stays
 * in a register. */
static ALWAYS_INLINE void accumulate_rows(const float *const *p, size_t n, double *restrict dst, float *sums)
{
    const float *p0 = p[0], *p1 = p[1], *p2 = p[2], *p3 = p[3], *p4 = p[4], *p5 = p[5], *p6 = p[6], *p7 = p[7];
    v8f s0 = { 0 }, s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0;
    size_t j = 0;
    for (; j + 8 <= n; j += 8) {
        v8f x0 = *(const v8f_u *)(p0 + j), x1 = *(const v8f_u *)(p1 + j), x2 = *(const v8f_u *)(p2 + j),
            x3 = *(const v8f_u *)(p3 + j), x4 = *(const v8f_u *)(p4 + j), x5 = *(const v8f_u *)(p5 + j),
            x6 = *(const v8f_u *)(p6 + j), x7 = *(const v8f_u *)(p7 + j);
        s0 += x0, s1 += x1, s2 += x2, s3 += x3, s4 += x4, s5 += x5, s6 += x6, s7 += x7;
        v8f t = ((x0 + x1) + (x2 + x3)) + ((x4 + x5) + (x6 + x7));
        v4f lo = { t[0], t[1], t[2], t[3] }, hi = { t[4], t[5], t[6], t[7] };
        *(v4d_u *)(dst + j) += __builtin_convertvector(lo, v4d);
        *(v4d_u *)(dst + j + 4) += __builtin_convertvector(hi, v4d);
    }
    v8f all[ROWS] = { s0, s1, s2, s3, s4, s5, s6, s7 };
    for (int r = 0; r < ROWS; r++)
        for (int k = 0; k < 8; k++)
            sums[r] += all[r][k];
    for (; j < n; j++) {
        float x0 = p0[j], x1 = p1[j], x2 = p2[j], x3 = p3[j], x4 = p4[j], x5 = p5[j], x6 = p6[j], x7 = p7[j];
        sums[0] += x0, sums[1] += x1, sums[2] += x2, sums[3] += x3;
        sums[4] += x4, sums[5] += x5, sums[6] += x6, sums[7] += x7;
        dst[j] += (double)(((x0 + x1) + (x2 + x3)) + ((x4 + x5) + (x6 + x7)));
    }
}

/* One row (the last T mod 8): dst[j] += row[j] for j < n, returning Σ row[j]. */
static ALWAYS_INLINE float accumulate_row(const float *restrict row, size_t n, double *restrict dst)
{
    float part[16] = { 0 };
    size_t j = 0;
    for (; j + 16 <= n; j += 16)
        for (int k = 0; k < 16; k++) {
            float x = row[j + (size_t)k];
            dst[j + (size_t)k] += (double)x;
            part[k] += x;
        }
    float s = 0.0f;
    for (; j < n; j++) {
        dst[j] += (double)row[j];
        s += row[j];
    }
    for (int k = 0; k < 16; k++)
        s += part[k];
    return s;
}

struct head_out {
    double sink;       /* Σ over rows of the attention on the first K keys */
    int bad;           /* a row failed the sum check */
    size_t bad_row;
    double bad_sum;
};

static ALWAYS_INLINE float value_at(const void *row, enum taf_dtype dt, size_t j)
{
    if (dt == TAF_DTYPE_F32)
        return ((const float *)row)[j];
    uint16_t h = ((const uint16_t *)row)[j];
    return dt == TAF_DTYPE_BF16 ? bf16_to_float(h) : half_to_float(h);
}

static ALWAYS_INLINE void convert_block(const uint16_t *src, float *dst, size_t n, enum taf_dtype dt, int f16c)
{
    (void)f16c;
    if (dt == TAF_DTYPE_BF16)
        convert_bf16(src, dst, n);
#ifdef TAF_X86
    else if (f16c)
        convert_f16_f16c(src, dst, n);
#endif
    else
        convert_f16(src, dst, n);
}

/* Sum check and sink of row i; returns 0 when the row fails the check. */
static ALWAYS_INLINE int finish_row(const void *row, enum taf_dtype dt, size_t i, size_t K, double sum, double tol,
                                    struct head_out *out)
{
    size_t k = K < i + 1 ? K : i + 1;
    double sink = 0.0;
    for (size_t j = 0; j < k; j++)
        sink += value_at(row, dt, j);
    out->sink += sink;
    if (!(fabs(sum - 1.0) <= tol)) {
        out->bad = 1;
        out->bad_row = i;
        out->bad_sum = sum;
        return 0;
    }
    return 1;
}

/* One head: acc[T−1−d] = Σ_i a[i, i−d]. buf holds ROWS·BLOCK floats;
 * f16c selects the hardware float16 conversion. */
static ALWAYS_INLINE void head_core(const void *base, enum taf_dtype dt, size_t T, size_t K, double tol,
                                    double *acc, float *buf, struct head_out *out, int f16c)
{
    size_t es = taf_dtype_size(dt), i = 0;
    memset(acc, 0, T * sizeof *acc);
    out->sink = 0.0;
    out->bad = 0;
    for (; i + ROWS <= T; i += ROWS) {
        size_t b = T - 1 - i, n = i + 1;
        float sums[ROWS] = { 0 };
        const unsigned char *row[ROWS];
        for (int r = 0; r < ROWS; r++)
            row[r] = (const unsigned char *)base + (i + (size_t)r) * T * es;
        const float *p[ROWS];
        if (dt == TAF_DTYPE_F32) {
            for (int r = 0; r < ROWS; r++)
                p[r] = (const float *)(const void *)row[r] + r;
            accumulate_rows(p, n, acc + b, sums);
        } else {
            for (size_t m0 = 0; m0 < n; m0 += BLOCK) {
                size_t len = n - m0 < BLOCK ? n - m0 : BLOCK;
                for (int r = 0; r < ROWS; r++) {
                    convert_block((const uint16_t *)(const void *)row[r] + r + m0, buf + (size_t)r * BLOCK, len,
                                  dt, f16c);
                    p[r] = buf + (size_t)r * BLOCK;
                }
                accumulate_rows(p, len, acc + b + m0, sums);
            }
        }
        /* row i+r also holds keys 0 … r−1, before the shared window */
        for (int r = 1; r < ROWS; r++)
            for (int j = 0; j < r; j++) {
                float x = value_at(row[r], dt, (size_t)j);
                acc[b + (size_t)j - (size_t)r] += (double)x;
                sums[r] += x;
            }
        for (int r = 0; r < ROWS; r++)
            if (!finish_row(row[r], dt, i + (size_t)r, K, sums[r], tol, out))
                return;
    }
    for (; i < T; i++) {
        const unsigned char *row = (const unsigned char *)base + i * T * es;
        size_t n = i + 1;
        double *dst = acc + (T - 1 - i), s = 0.0;
        if (dt == TAF_DTYPE_F32) {
            s = accumulate_row((const float *)(const void *)row, n, dst);
        } else {
            for (size_t j0 = 0; j0 < n; j0 += BLOCK) {
                size_t m = n - j0 < BLOCK ? n - j0 : BLOCK;
                convert_block((const uint16_t *)(const void *)row + j0, buf, m, dt, f16c);
                s += accumulate_row(buf, m, dst + j0);
            }
        }
        if (!finish_row(row, dt, i, K, s, tol, out))
            return;
    }
}

static void head_generic(const void *base, enum taf_dtype dt, size_t T, size_t K, double tol, double *acc,
                         float *buf, struct head_out *out)
{
    head_core(base, dt, T, K, tol, acc, buf, out, 0);
}

#ifdef TAF_X86
__attribute__((target("avx2,fma,f16c"))) static void head_avx2(const void *base, enum taf_dtype dt, size_t T,
                                                               size_t K, double tol, double *acc, float *buf,
                                                               struct head_out *out)
{
    head_core(base, dt, T, K, tol, acc, buf, out, 1);
}
#endif

/* AVX2, FMA and F16C with the OS saving YMM state (CPUID leaves 1 and 7, XGETBV);
 * written out because clang 14's __builtin_cpu_supports knows no "f16c". */
static int cpu_has_avx2(void)
{
#ifdef TAF_X86
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d))
        return 0;
    int osxsave = c >> 27 & 1, avx = c >> 28 & 1, fma = c >> 12 & 1, f16c = c >> 29 & 1;
    if (!(osxsave && avx && fma && f16c))
        return 0;
    unsigned lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    if ((lo & 6) != 6) /* XMM and YMM state enabled */
        return 0;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d))
        return 0;
    return b >> 5 & 1; /* AVX2 */
#else
    return 0;
#endif
}

/* ── threads over the heads of a group of layers ── */

struct group {
    const struct taf_attn_view *v;
    const struct taf_profile_opts *o;
    size_t l0, n_items, d1, d2, K;
    int fast;
    atomic_size_t next;
    atomic_size_t *done;
    size_t total;
    double *curves;              /* n_items × T: A(d) at [item·T + d] */
    struct head_out *outs;
    struct taf_head_profile *heads; /* of the whole profile */
};

struct worker {
    struct group *g;
    double *acc;
    float *buf;
    int is_caller;
    pthread_t tid;
};

static void run_item(struct group *g, size_t item, double *acc, float *buf)
{
    const struct taf_attn_view *v = g->v;
    size_t T = v->T, l = g->l0 + item / v->n_heads, h = item % v->n_heads;
    enum taf_dtype dt = v->layer_dtype[l];
    const unsigned char *base = (const unsigned char *)v->layer_data[l] + h * T * T * taf_dtype_size(dt);
    double tol = g->o->row_tolerance > 0 ? g->o->row_tolerance : taf_row_tolerance(dt);
    struct head_out *out = &g->outs[item];
#ifdef TAF_X86
    if (g->fast)
        head_avx2(base, dt, T, g->K, tol, acc, buf, out);
    else
#endif
        head_generic(base, dt, T, g->K, tol, acc, buf, out);
    if (out->bad)
        return;
    /* A(d) = acc[T−1−d] / (T − d): each distance over its own valid query rows */
    double *A = g->curves + item * T;
    A[0] = NAN;
    for (size_t d = 1; d < T; d++)
        A[d] = acc[T - 1 - d] / (double)(T - d);
    struct taf_head_profile *hp = &g->heads[l * v->n_heads + h];
    hp->fit = taf_fit_log_binned(A, g->d1, g->d2, NULL, NULL);
    hp->sink_mass = out->sink / (double)T;
}

static void *work(void *arg)
{
    struct worker *w = arg;
    struct group *g = w->g;
    for (;;) {
        size_t item = atomic_fetch_add(&g->next, 1);
        if (item >= g->n_items)
            break;
        run_item(g, item, w->acc, w->buf);
        size_t done = atomic_fetch_add(g->done, 1) + 1;
        if (w->is_caller && g->o->progress != NULL)
            g->o->progress(g->o->progress_ud, done, g->total);
    }
    return NULL;
}

static int online_cpus(void)
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
        return CPU_COUNT(&set);
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

static int fail(char *err, size_t errsize, int code, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static int fail(char *err, size_t errsize, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errsize, fmt, ap);
    va_end(ap);
    return code;
}

static int check_range(size_t T, size_t *d1, size_t *d2, size_t *K, char *err, size_t errsize)
{
    if (*K == 0)
        *K = 1;
    if (*K > T)
        return fail(err, errsize, TAF_PROFILE_EINVAL, "sink tokens K = %zu exceeds T = %zu", *K, T);
    if (*d1 == 0 && *d2 == 0 && (T / 2 <= TAF_PROFILE_DEFAULT_D1 || taf_log_bin_count(8, T / 2) < 2))
        return fail(err, errsize, TAF_PROFILE_EINVAL,
                    "T = %zu tokens is too short for the default fit range 8..T/2; give a fit range "
                    "inside 1..%zu", T, T - 1);
    if (*d1 == 0)
        *d1 = TAF_PROFILE_DEFAULT_D1;
    if (*d2 == 0)
        *d2 = T / 2;
    if (*d1 < 1 || *d2 <= *d1)
        return fail(err, errsize, TAF_PROFILE_EINVAL, "fit range %zu..%zu must satisfy 1 <= D1 < D2", *d1, *d2);
    if (*d2 > T - 1)
        return fail(err, errsize, TAF_PROFILE_EINVAL,
                    "fit range %zu..%zu reaches past the longest distance T-1 = %zu", *d1, *d2, T - 1);
    if (taf_log_bin_count(*d1, *d2) < 2)
        return fail(err, errsize, TAF_PROFILE_EINVAL,
                    "fit range %zu..%zu lies inside one log bin (1/%d octave); widen it", *d1, *d2,
                    TAF_PROFILE_BINS_PER_OCTAVE);
    return 0;
}

static int alloc_profile(struct taf_profile *p, size_t n_curve, size_t n_fit)
{
    size_t nh = p->n_layers * p->n_heads;
    p->n_curve = n_curve;
    p->curve_d = calloc(n_curve ? n_curve : 1, sizeof *p->curve_d);
    p->curve_A = calloc(n_curve ? n_curve : 1, sizeof *p->curve_A);
    p->layer_A = calloc(p->n_layers * p->T + 1, sizeof *p->layer_A);
    p->fit_d = calloc(n_fit ? n_fit : 1, sizeof *p->fit_d);
    p->fit_A = calloc(n_fit ? n_fit : 1, sizeof *p->fit_A);
    p->layers = calloc(p->n_layers + 1, sizeof *p->layers);
    p->heads = calloc(nh + 1, sizeof *p->heads);
    return p->curve_d && p->curve_A && p->layer_A && p->fit_d && p->fit_A && p->layers && p->heads ? 0 : -1;
}

/* Layer curves (mean of the heads, in head order), their fits, and the
 * model curve sum (layers in order): the same result for any thread count. */
static void reduce_group(struct taf_profile *p, const struct group *g, size_t layers_in_group, double *model_sum)
{
    size_t T = p->T, H = p->n_heads;
    for (size_t gl = 0; gl < layers_in_group; gl++) {
        size_t l = g->l0 + gl;
        double *LA = p->layer_A + l * T, sink = 0.0;
        for (size_t h = 0; h < H; h++) {
            const double *A = g->curves + (gl * H + h) * T;
            for (size_t d = 1; d < T; d++)
                LA[d] += A[d];
            sink += p->heads[l * H + h].sink_mass;
        }
        LA[0] = NAN;
        for (size_t d = 1; d < T; d++) {
            LA[d] /= (double)H;
            model_sum[d] += LA[d];
        }
        p->layers[l].sink_mass = sink / (double)H;
        p->layers[l].fit = taf_fit_log_binned(LA, p->d1, p->d2, NULL, NULL);
    }
}

int taf_attn_profile(const struct taf_attn_view *v, const struct taf_profile_opts *o, struct taf_profile *p,
                     char *err, size_t errsize)
{
    memset(p, 0, sizeof *p);
    size_t T = v->T, H = v->n_heads, L = v->n_layers;
    size_t d1 = o->d1, d2 = o->d2, K = o->sink_tokens;
    if (T < 2 || H == 0 || L == 0)
        return fail(err, errsize, TAF_PROFILE_EINVAL, "no attention to profile (T = %zu, %zu heads, %zu layers)",
                    T, H, L);
    int rc = check_range(T, &d1, &d2, &K, err, errsize);
    if (rc)
        return rc;
    p->n_layers = L;
    p->n_heads = H;
    p->T = T;
    p->sink_tokens = K;
    p->d1 = d1;
    p->d2 = d2;
    p->binned = 1;
    int threads = o->threads > 0 ? o->threads : online_cpus();
    if (threads > MAX_THREADS)
        threads = MAX_THREADS;
    size_t per_group = ((size_t)threads + H - 1) / H; /* layers at a time: enough heads for every thread */
    if (per_group > L)
        per_group = L;
    if ((size_t)threads > per_group * H)
        threads = (int)(per_group * H);

    struct worker workers[MAX_THREADS];
    memset(workers, 0, sizeof workers);
    struct group g = { .v = v, .o = o, .d1 = d1, .d2 = d2, .K = K, .fast = !o->portable && cpu_has_avx2() };
    atomic_size_t done = 0;
    g.done = &done;
    g.total = L * H;
    g.heads = NULL;
    double *model_sum = NULL;
    rc = TAF_PROFILE_ENOMEM;
    if (alloc_profile(p, T - 1, taf_log_bin_count(d1, d2)))
        goto out;
    g.heads = p->heads;
    g.curves = malloc(per_group * H * T * sizeof *g.curves);
    g.outs = calloc(per_group * H, sizeof *g.outs);
    model_sum = calloc(T, sizeof *model_sum);
    if (g.curves == NULL || g.outs == NULL || model_sum == NULL)
        goto out;
    for (int t = 0; t < threads; t++) {
        workers[t].g = &g;
        workers[t].is_caller = t == 0;
        workers[t].acc = malloc(T * sizeof *workers[t].acc);
        workers[t].buf = malloc(ROWS * BLOCK * sizeof *workers[t].buf);
        if (workers[t].acc == NULL || workers[t].buf == NULL)
            goto out;
    }
    rc = TAF_PROFILE_OK;
    for (size_t l0 = 0; l0 < L && rc == TAF_PROFILE_OK; l0 += per_group) {
        size_t nl = L - l0 < per_group ? L - l0 : per_group;
        g.l0 = l0;
        g.n_items = nl * H;
        atomic_store(&g.next, 0);
        int started = 1;
        for (int t = 1; t < threads && (size_t)t < g.n_items; t++, started++)
            if (pthread_create(&workers[t].tid, NULL, work, &workers[t]) != 0)
                break; /* fewer threads still finish the group */
        work(&workers[0]);
        for (int t = 1; t < started; t++)
            pthread_join(workers[t].tid, NULL);
        for (size_t item = 0; item < g.n_items; item++)
            if (g.outs[item].bad) {
                size_t l = l0 + item / H, h = item % H;
                rc = fail(err, errsize, TAF_PROFILE_EROW,
                          "layer %zu head %zu row %zu sums to %.6g over keys 0..%zu, not 1 ± %g: not causal "
                          "attention probabilities (softmax rows)",
                          l, h, g.outs[item].bad_row, g.outs[item].bad_sum, g.outs[item].bad_row,
                          o->row_tolerance > 0 ? o->row_tolerance : taf_row_tolerance(v->layer_dtype[l]));
                break;
            }
        if (rc == TAF_PROFILE_OK)
            reduce_group(p, &g, nl, model_sum);
    }
    if (rc == TAF_PROFILE_OK) {
        model_sum[0] = NAN;
        for (size_t d = 1; d < T; d++) {
            model_sum[d] /= (double)L; /* now the model curve A(d), indexed by distance */
            p->curve_d[d - 1] = (double)d;
            p->curve_A[d - 1] = model_sum[d];
        }
        p->fit = taf_fit_log_binned(model_sum, d1, d2, p->fit_d, p->fit_A);
        p->n_fit_points = p->fit.n_points;
        double sink = 0.0;
        for (size_t l = 0; l < L; l++)
            sink += p->layers[l].sink_mass;
        p->sink_mass = sink / (double)L;
        taf_profile_summarise(p);
    }
out:
    if (rc == TAF_PROFILE_ENOMEM)
        fail(err, errsize, rc, "out of memory profiling %zu heads of T = %zu", L * H, T);
    for (int t = 0; t < MAX_THREADS; t++) {
        free(workers[t].acc);
        free(workers[t].buf);
    }
    free(g.curves);
    free(g.outs);
    free(model_sum);
    if (rc != TAF_PROFILE_OK)
        taf_profile_free(p);
    return rc;
}

int taf_curve_profile(const double *d, const double *A, size_t n, const double *fit_d, const double *fit_A,
                      size_t n_fit, struct taf_profile *p, char *err, size_t errsize)
{
    memset(p, 0, sizeof *p);
    if (alloc_profile(p, n, n_fit))
        return fail(err, errsize, TAF_PROFILE_ENOMEM, "out of memory");
    memcpy(p->curve_d, d, n * sizeof *d);
    memcpy(p->curve_A, A, n * sizeof *A);
    memcpy(p->fit_d, fit_d, n_fit * sizeof *fit_d);
    memcpy(p->fit_A, fit_A, n_fit * sizeof *fit_A);
    p->n_fit_points = n_fit;
    p->fit = taf_fit_power_law(fit_d, fit_A, n_fit);
    p->sink_mass = NAN;
    p->d1 = p->d2 = 0;
    for (size_t k = 0; k < n_fit; k++) {
        size_t dk = (size_t)fit_d[k];
        if (p->d1 == 0 || dk < p->d1)
            p->d1 = dk;
        if (dk > p->d2)
            p->d2 = dk;
    }
    taf_profile_summarise(p);
    return TAF_PROFILE_OK;
}

void taf_profile_free(struct taf_profile *p)
{
    free(p->curve_d);
    free(p->curve_A);
    free(p->layer_A);
    free(p->fit_d);
    free(p->fit_A);
    free(p->layers);
    free(p->heads);
    memset(p, 0, sizeof *p);
}

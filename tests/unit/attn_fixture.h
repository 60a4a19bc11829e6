/* Synthetic attention dumps with known exponents, written from C (no numpy).
 *
 * A head with exponent γ and scale c holds causal, normalised rows:
 *   a[i, i−d] = v(d) = stored(c·d^−γ)  for 1 ≤ d ≤ i,
 *   a[i, i]   = stored(1 − Σ_{d=1..i} v(d))   (the rest of the row's mass),
 *   a[i, j]   = 0                       for j > i,
 * where stored() rounds to the file's dtype. Every query row i ≥ d holds the
 * same v(d), so A(d) = v(d) exactly: the measured γ is the constructed one up
 * to the storage rounding of v, the fitted log_A is ln c, and with K = 1 the
 * sink mass is (a[0,0] + Σ_{i=1..T−1} v(i))/T = (1 + Σ v(i))/T. c is chosen
 * as share/Σ_{d<T} d^−γ so that the diagonal keeps at least 1 − share. */
#ifndef TAF_TEST_ATTN_FIXTURE_H
#define TAF_TEST_ATTN_FIXTURE_H

#include "readers/tensor.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Σ_{d=1..n} d^−γ */
static inline double fx_zeta(double gamma, size_t n)
{
    double s = 0.0;
    for (size_t d = n; d >= 1; d--)
        s += pow((double)d, -gamma);
    return s;
}

static inline double fx_scale(double gamma, size_t T, double share)
{
    return share / fx_zeta(gamma, T - 1);
}

/* binary32 → binary16, round to nearest even (normals and subnormals; inputs here are in [0, 1]). */
static inline uint16_t fx_to_f16(float f)
{
    uint32_t x;
    memcpy(&x, &f, sizeof x);
    uint32_t sign = (x >> 16) & 0x8000u, e = (x >> 23) & 0xffu, m = x & 0x7fffffu;
    if (e == 0xff)
        return (uint16_t)(sign | 0x7c00u | (m ? 0x200u : 0));
    int exp = (int)e - 127 + 15;
    if (exp >= 31)
        return (uint16_t)(sign | 0x7c00u);
    if (exp <= 0) { /* subnormal half: value = m' · 2^−24 */
        if (exp < -10)
            return (uint16_t)sign;
        m |= 0x800000u;
        int shift = 14 - exp;
        uint32_t half = m >> shift, rem = m & ((1u << shift) - 1), mid = 1u << (shift - 1);
        if (rem > mid || (rem == mid && (half & 1)))
            half++;
        return (uint16_t)(sign | half);
    }
    uint32_t half = (uint32_t)exp << 10 | m >> 13, rem = m & 0x1fffu;
    if (rem > 0x1000u || (rem == 0x1000u && (half & 1)))
        half++;
    return (uint16_t)(sign | half);
}

static inline double fx_from_f16(uint16_t h)
{
    int e = (h >> 10) & 0x1f, m = h & 0x3ff;
    double v = e == 0 ? ldexp(m, -24) : ldexp(1024 + m, e - 25);
    return (h & 0x8000) ? -v : v;
}

static inline uint16_t fx_to_bf16(float f)
{
    uint32_t x;
    memcpy(&x, &f, sizeof x);
    uint32_t rounding = 0x7fffu + ((x >> 16) & 1u);
    return (uint16_t)((x + rounding) >> 16);
}

static inline double fx_from_bf16(uint16_t h)
{
    uint32_t x = (uint32_t)h << 16;
    float f;
    memcpy(&f, &x, sizeof f);
    return f;
}

/* x as the file stores it. */
static inline double fx_stored(double x, enum taf_dtype dt)
{
    float f = (float)x;
    if (dt == TAF_DTYPE_F16)
        return fx_from_f16(fx_to_f16(f));
    if (dt == TAF_DTYPE_BF16)
        return fx_from_bf16(fx_to_bf16(f));
    return f;
}

/* One head's T·T values (already rounded to dt), as described above. */
static inline void fx_head(double *a, size_t T, double gamma, double c, enum taf_dtype dt)
{
    for (size_t i = 0; i < T; i++) {
        double off = 0.0;
        for (size_t j = 0; j < T; j++)
            a[i * T + j] = 0.0;
        for (size_t d = 1; d <= i; d++) {
            a[i * T + i - d] = fx_stored(c * pow((double)d, -gamma), dt);
            off += a[i * T + i - d];
        }
        a[i * T + i] = fx_stored(1.0 - off, dt);
    }
}

static inline void fx_encode(const double *a, size_t n, enum taf_dtype dt, unsigned char *out)
{
    for (size_t k = 0; k < n; k++) {
        float f = (float)a[k];
        if (dt == TAF_DTYPE_F32) {
            memcpy(out + 4 * k, &f, 4);
        } else {
            uint16_t h = dt == TAF_DTYPE_F16 ? fx_to_f16(f) : fx_to_bf16(f);
            out[2 * k] = (unsigned char)(h & 0xff);
            out[2 * k + 1] = (unsigned char)(h >> 8);
        }
    }
}

/* A .npy file (version major.0) of `values` with the given shape. */
static inline int fx_write_npy(const char *path, int major, enum taf_dtype dt, const size_t *shape, int ndim,
                               const double *values, int fortran)
{
    char dict[256], shape_s[128];
    size_t used = 0, count = 1;
    for (int i = 0; i < ndim; i++) {
        used += (size_t)snprintf(shape_s + used, sizeof shape_s - used, "%zu, ", shape[i]);
        count *= shape[i];
    }
    if (ndim > 1)
        shape_s[used - 1] = '\0', shape_s[used - 2] = '\0';
    else
        shape_s[used - 1] = '\0';
    snprintf(dict, sizeof dict, "{'descr': '%s', 'fortran_order': %s, 'shape': (%s), }",
             dt == TAF_DTYPE_F32 ? "<f4" : "<f2", fortran ? "True" : "False", shape_s);
    size_t prefix = major == 1 ? 10 : 12, hlen = strlen(dict) + 1;
    hlen += (64 - (prefix + hlen) % 64) % 64;
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        return -1;
    unsigned char head[12] = { 0x93, 'N', 'U', 'M', 'P', 'Y', (unsigned char)major, 0 };
    head[8] = (unsigned char)(hlen & 0xff);
    head[9] = (unsigned char)(hlen >> 8);
    fwrite(head, 1, prefix, f);
    fputs(dict, f);
    for (size_t k = strlen(dict) + 1; k < hlen; k++)
        fputc(' ', f);
    fputc('\n', f);
    size_t es = taf_dtype_size(dt);
    unsigned char *buf = malloc(count * es);
    fx_encode(values, count, dt, buf);
    fwrite(buf, es, count, f);
    free(buf);
    return fclose(f);
}

struct fx_tensor {
    const char *name;
    enum taf_dtype dtype;
    size_t shape[4];
    int ndim;
    const double *values;
};

/* A .safetensors file holding the tensors in the given order. */
static inline int fx_write_safetensors(const char *path, const struct fx_tensor *t, size_t n)
{
    char header[4096];
    size_t used = (size_t)snprintf(header, sizeof header, "{\"__metadata__\":{\"format\":\"pt\"}"), offset = 0;
    for (size_t i = 0; i < n; i++) {
        size_t count = 1;
        for (int k = 0; k < t[i].ndim; k++)
            count *= t[i].shape[k];
        size_t bytes = count * taf_dtype_size(t[i].dtype);
        used += (size_t)snprintf(header + used, sizeof header - used, ",\"%s\":{\"dtype\":\"%s\",\"shape\":[",
                                 t[i].name, t[i].dtype == TAF_DTYPE_F32 ? "F32" : t[i].dtype == TAF_DTYPE_F16 ? "F16" : "BF16");
        for (int k = 0; k < t[i].ndim; k++)
            used += (size_t)snprintf(header + used, sizeof header - used, "%s%zu", k ? "," : "", t[i].shape[k]);
        used += (size_t)snprintf(header + used, sizeof header - used, "],\"data_offsets\":[%zu,%zu]}", offset,
                                 offset + bytes);
        offset += bytes;
    }
    used += (size_t)snprintf(header + used, sizeof header - used, "}");
    while (used % 8 != 0)
        header[used++] = ' ';
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        return -1;
    unsigned char len[8];
    for (int k = 0; k < 8; k++)
        len[k] = (unsigned char)((uint64_t)used >> (8 * k));
    fwrite(len, 1, 8, f);
    fwrite(header, 1, used, f);
    for (size_t i = 0; i < n; i++) {
        size_t count = 1, es = taf_dtype_size(t[i].dtype);
        for (int k = 0; k < t[i].ndim; k++)
            count *= t[i].shape[k];
        unsigned char *buf = malloc(count * es);
        fx_encode(t[i].values, count, t[i].dtype, buf);
        fwrite(buf, es, count, f);
        free(buf);
    }
    return fclose(f);
}

#endif

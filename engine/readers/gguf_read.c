/* The GGUF reader's bounded byte source and value parsing: reads at a cursor
 * through a 64 KiB buffer (or a memory block for the fuzzer) that fail as
 * "truncated" rather than read past the end, little-endian integers, strings
 * and arrays checked against the bytes left before anything is allocated, a
 * cap on what is kept; then the metadata key/values and their lookup. */
#include "readers/gguf_internal.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const unsigned TYPE_SIZE[T_N] = { 1, 1, 2, 2, 4, 4, 4, 1, 0, 0, 8, 8, 8 };

int gguf_fail(struct gg *g, const char *fmt, ...)
{
    if (!g->failed) {
        int n = snprintf(g->err, g->errsize, "%s: ", g->path);
        va_list ap;
        va_start(ap, fmt);
        if (n >= 0 && (size_t)n < g->errsize)
            vsnprintf(g->err + n, g->errsize - (size_t)n, fmt, ap);
        va_end(ap);
    }
    g->failed = 1;
    return -1;
}

static int truncated(struct gg *g)
{
    return gguf_fail(g, "truncated at byte %llu of %llu while reading %s", (unsigned long long)g->src->pos,
                     (unsigned long long)g->src->size, g->context);
}

/* Copy n bytes at the cursor; fails (truncated) rather than read past the end. */
int gguf_get(struct gg *g, void *out, size_t n)
{
    struct src *s = g->src;
    if (g->failed) return -1;
    if (n > left(g)) return truncated(g);
    if (s->mem != NULL) {
        memcpy(out, s->mem + s->pos, n);
        s->pos += n;
        return 0;
    }
    unsigned char *o = out;
    while (n > 0) {
        if (s->pos >= s->buf_off && s->pos < s->buf_off + s->buf_len) {
            size_t at = (size_t)(s->pos - s->buf_off), k = s->buf_len - at;
            if (k > n) k = n;
            memcpy(o, s->buf + at, k);
            o += k, n -= k, s->pos += k;
            continue;
        }
        ssize_t r;
        do r = pread(s->fd, s->buf, sizeof s->buf, (off_t)s->pos);
        while (r < 0 && errno == EINTR);
        if (r <= 0)
            return r < 0 ? gguf_fail(g, "cannot read: %s", strerror(errno)) : truncated(g);
        s->buf_off = s->pos;
        s->buf_len = (size_t)r;
    }
    return 0;
}

static int skip(struct gg *g, uint64_t n)
{
    if (g->failed) return -1;
    if (n > left(g)) return truncated(g);
    g->src->pos += n;
    return 0;
}

static uint32_t u32(const unsigned char *b) { return b[0] | b[1] << 8 | b[2] << 16 | (uint32_t)b[3] << 24; }
static uint64_t u64(const unsigned char *b) { return u32(b) | (uint64_t)u32(b + 4) << 32; }

int gguf_get_u32(struct gg *g, uint32_t *v)
{
    unsigned char b[4];
    if (gguf_get(g, b, 4)) return -1;
    *v = u32(b);
    return 0;
}

int gguf_get_u64(struct gg *g, uint64_t *v)
{
    unsigned char b[8];
    if (gguf_get(g, b, 8)) return -1;
    *v = u64(b);
    return 0;
}

static void *keep(struct gg *g, size_t n)
{
    if (g->stored + n > MAX_STORED_BYTES) {
        gguf_fail(g, "metadata larger than %u MiB (not counting tokenizer arrays)", MAX_STORED_BYTES >> 20);
        return NULL;
    }
    void *p = malloc(n ? n : 1);
    if (p == NULL) {
        gguf_fail(g, "out of memory");
        return NULL;
    }
    g->stored += n;
    return p;
}

/* A GGUF string: uint64 length, bytes. Kept (truncated to `max`) when out != NULL. */
int gguf_get_string(struct gg *g, char **out, uint64_t max)
{
    uint64_t len;
    if (gguf_get_u64(g, &len)) return -1;
    if (len > left(g))
        return gguf_fail(g, "%s: string of %llu bytes at byte %llu is longer than the %llu bytes left in the file",
                         g->context, (unsigned long long)len, (unsigned long long)g->src->pos,
                         (unsigned long long)left(g));
    if (out == NULL)
        return skip(g, len);
    size_t k = len > max ? (size_t)max : (size_t)len;
    char *s = keep(g, k + 1);
    if (s == NULL || gguf_get(g, s, k) || skip(g, len - k)) {
        free(s);
        return -1;
    }
    s[k] = '\0';
    *out = s;
    return 0;
}

static double scalar_value(uint32_t type, const unsigned char *b)
{
    switch (type) {
    case T_U8: case T_BOOL: return b[0];
    case T_I8: return (int8_t)b[0];
    case T_U16: return (uint16_t)(b[0] | b[1] << 8);
    case T_I16: return (int16_t)(b[0] | b[1] << 8);
    case T_U32: return u32(b);
    case T_I32: return (int32_t)u32(b);
    case T_F32: { float f; uint32_t x = u32(b); memcpy(&f, &x, 4); return f; }
    case T_U64: return (double)u64(b);
    case T_I64: return (double)(int64_t)u64(b);
    case T_F64: { double d; uint64_t x = u64(b); memcpy(&d, &x, 8); return d; }
    }
    return NAN;
}

static int get_scalar(struct gg *g, uint32_t type, double *out)
{
    unsigned char b[8];
    if (gguf_get(g, b, TYPE_SIZE[type])) return -1;
    if (type == T_BOOL && b[0] > 1)
        return gguf_fail(g, "%s: BOOL value %u (must be 0 or 1)", g->context, b[0]);
    *out = scalar_value(type, b);
    return 0;
}

/* An array body (element type, count, elements), skipped or kept. */
static int get_array(struct gg *g, struct kv *kv, int depth)
{
    uint32_t et;
    uint64_t count;
    if (depth > MAX_DEPTH)
        return gguf_fail(g, "%s: arrays nested deeper than %d", g->context, MAX_DEPTH);
    if (gguf_get_u32(g, &et) || gguf_get_u64(g, &count)) return -1;
    if (et >= T_N)
        return gguf_fail(g, "%s: unknown array element type %u", g->context, et);
    /* every element takes at least its fixed size (strings: 8-byte length; arrays: 12 bytes) */
    uint64_t min = et == T_STRING ? 8 : et == T_ARRAY ? 12 : TYPE_SIZE[et];
    if (count > left(g) / min)
        return gguf_fail(g, "%s: array of %llu elements cannot fit in the %llu bytes left", g->context,
                         (unsigned long long)count, (unsigned long long)left(g));
    if (kv != NULL) {
        kv->elem_type = et;
        kv->count = count;
    }
    if (et == T_STRING) {
        for (uint64_t i = 0; i < count; i++)
            if (gguf_get_string(g, NULL, 0)) return -1;
        return 0;
    }
    if (et == T_ARRAY) {
        for (uint64_t i = 0; i < count; i++)
            if (get_array(g, NULL, depth + 1)) return -1;
        return 0;
    }
    if (kv == NULL || count > MAX_STORED_ARRAY)
        return skip(g, count * TYPE_SIZE[et]);
    kv->array = keep(g, (size_t)count * sizeof *kv->array);
    if (kv->array == NULL) return -1;
    for (uint64_t i = 0; i < count; i++)
        if (get_scalar(g, et, &kv->array[i])) return -1;
    return 0;
}

int gguf_get_kv(struct gg *g, struct kv *kv)
{
    g->context = "a metadata key";
    if (gguf_get_string(g, &kv->key, MAX_KEY)) return -1;
    uint64_t klen = strlen(kv->key);
    if (klen == 0)
        return gguf_fail(g, "empty metadata key at byte %llu", (unsigned long long)g->src->pos);
    g->context = kv->key;
    if (gguf_get_u32(g, &kv->type)) return -1;
    if (kv->type >= T_N)
        return gguf_fail(g, "metadata '%s' has unknown value type %u", kv->key, kv->type);
    if (kv->type == T_STRING)
        return gguf_get_string(g, &kv->str, MAX_STORED_STRING);
    if (kv->type == T_ARRAY)
        return get_array(g, kv, 1);
    return get_scalar(g, kv->type, &kv->num);
}

const struct kv *gguf_find(const struct gg *g, const char *key)
{
    for (size_t i = 0; i < g->n_kvs; i++)
        if (g->kvs[i].key != NULL && strcmp(g->kvs[i].key, key) == 0)
            return &g->kvs[i];
    return NULL;
}

const struct kv *gguf_find_arch(const struct gg *g, const char *arch, const char *suffix)
{
    char key[200];
    snprintf(key, sizeof key, "%s.%s", arch, suffix);
    return gguf_find(g, key);
}

/* A numeric value, or the largest element of a per-layer array (0 when absent). */
double gguf_number_or_max(const struct kv *kv, double *nonzero)
{
    if (nonzero) *nonzero = 0;
    if (is_number(kv)) {
        if (nonzero) *nonzero = kv->num != 0;
        return kv->num;
    }
    if (kv == NULL || kv->type != T_ARRAY || kv->array == NULL)
        return 0;
    double mx = 0;
    for (uint64_t i = 0; i < kv->count; i++) {
        if (kv->array[i] > mx) mx = kv->array[i];
        if (nonzero && kv->array[i] != 0) (*nonzero)++;
    }
    return mx;
}

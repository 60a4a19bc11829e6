/* Opening attention files: map, recognise, validate shapes against the file size. */
#include "readers/attn_file.h"
#include "readers/npy.h"
#include "readers/reader_open.h"
#include "readers/safetensors.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_ATLAS_BYTES (64u << 20)

static int fail(char *err, size_t errsize, const char *path, const char *fmt, ...)
{
    int n = snprintf(err, errsize, "%s: ", path);
    if (n < 0 || (size_t)n >= errsize)
        return -1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err + n, errsize - (size_t)n, fmt, ap);
    va_end(ap);
    return -1;
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

enum format { FMT_UNKNOWN, FMT_NPY, FMT_SAFETENSORS, FMT_JSON };

static enum format sniff(const char *path, const unsigned char *buf, size_t size)
{
    if (has_suffix(path, ".npy"))
        return FMT_NPY;
    if (has_suffix(path, ".safetensors"))
        return FMT_SAFETENSORS;
    if (has_suffix(path, ".json"))
        return FMT_JSON;
    if (size >= 6 && memcmp(buf, "\x93NUMPY", 6) == 0)
        return FMT_NPY;
    size_t i = 0;
    while (i < size && (buf[i] == ' ' || buf[i] == '\n' || buf[i] == '\r' || buf[i] == '\t'))
        i++;
    if (i < size && buf[i] == '{')
        return FMT_JSON;
    if (size > 8 && buf[8] == '{')
        return FMT_SAFETENSORS;
    return FMT_UNKNOWN;
}

/* A tensor's shape as (layers, heads, T): [T,T], [H,T,T] or [L,H,T,T]. */
static int split_shape(const size_t *shape, int ndim, size_t *L, size_t *H, size_t *T)
{
    if (ndim < 2 || ndim > 4 || shape[ndim - 1] != shape[ndim - 2])
        return -1;
    *T = shape[ndim - 1];
    *H = ndim >= 3 ? shape[ndim - 3] : 1;
    *L = ndim == 4 ? shape[0] : 1;
    return 0;
}

static void shape_text(const size_t *shape, int ndim, char *out, size_t size)
{
    size_t used = (size_t)snprintf(out, size, "[");
    for (int i = 0; i < ndim && used < size; i++)
        used += (size_t)snprintf(out + used, size - used, "%s%zu", i ? ", " : "", shape[i]);
    if (used < size)
        snprintf(out + used, size - used, "]");
}

static int alloc_layers(struct taf_attn_file *f, const char *path, char *err, size_t errsize)
{
    f->layer_data = calloc(f->n_layers, sizeof *f->layer_data);
    f->layer_dtype = calloc(f->n_layers, sizeof *f->layer_dtype);
    if (f->layer_data == NULL || f->layer_dtype == NULL)
        return fail(err, errsize, path, "out of memory for %zu layers", f->n_layers);
    return 0;
}

static int check_dims(size_t L, size_t H, size_t T, const char *path, char *err, size_t errsize)
{
    if (L == 0 || H == 0)
        return fail(err, errsize, path, "the attention tensor is empty (no layers or heads)");
    if (T < 2)
        return fail(err, errsize, path, "T = %zu tokens: at least 2 are needed to measure a distance", T);
    return 0;
}

static int open_npy(struct taf_attn_file *f, const char *path, char *err, size_t errsize)
{
    struct taf_npy_header h;
    char why[512];
    if (taf_npy_parse(f->map, f->map_size, &h, why, sizeof why))
        return fail(err, errsize, path, "%s", why);
    char shape[160];
    shape_text(h.shape, h.ndim, shape, sizeof shape);
    if (split_shape(h.shape, h.ndim, &f->n_layers, &f->n_heads, &f->T))
        return fail(err, errsize, path, "shape mismatch: %s is not [T,T], [H,T,T] or [L,H,T,T] attention "
                                        "(the last two dimensions are query and key positions)", shape);
    if (check_dims(f->n_layers, f->n_heads, f->T, path, err, errsize) || alloc_layers(f, path, err, errsize))
        return -1;
    snprintf(f->format, sizeof f->format, "npy v%d.%d", h.major, h.minor);
    f->dtype = h.dtype;
    f->data_bytes = h.data_bytes;
    size_t layer_bytes = h.data_bytes / f->n_layers;
    for (size_t l = 0; l < f->n_layers; l++) {
        f->layer_data[l] = (const unsigned char *)f->map + h.data_offset + l * layer_bytes;
        f->layer_dtype[l] = h.dtype;
    }
    return 0;
}

static int open_safetensors(struct taf_attn_file *f, const char *path, char *err, size_t errsize)
{
    struct taf_st_file st;
    char why[512];
    if (taf_safetensors_parse(f->map, f->map_size, &st, why, sizeof why))
        return fail(err, errsize, path, "%s", why);
    int rc = -1;
    size_t total = 0, H0 = 0, T0 = 0;
    for (size_t i = 0; i < st.n; i++) {
        const struct taf_st_tensor *t = &st.tensors[i];
        size_t L, H, T;
        char shape[160];
        shape_text(t->shape, t->ndim, shape, sizeof shape);
        if (split_shape(t->shape, t->ndim, &L, &H, &T)) {
            fail(err, errsize, path, "shape mismatch: tensor '%s' is %s, not [H,T,T] or [1,H,T,T] attention",
                 t->name, shape);
            goto done;
        }
        if (i == 0) {
            H0 = H;
            T0 = T;
        } else if (H != H0 || T != T0) {
            fail(err, errsize, path, "shape mismatch: tensor '%s' is %s, but '%s' has %zu head%s of %zu×%zu",
                 t->name, shape, st.tensors[0].name, H0, H0 == 1 ? "" : "s", T0, T0);
            goto done;
        }
        if (check_dims(L, H, T, path, err, errsize))
            goto done;
        total += L;
        f->data_bytes += t->bytes;
    }
    f->n_layers = total;
    f->n_heads = H0;
    f->T = T0;
    if (alloc_layers(f, path, err, errsize))
        goto done;
    size_t l = 0;
    for (size_t i = 0; i < st.n; i++) {
        const struct taf_st_tensor *t = &st.tensors[i];
        size_t L = t->ndim == 4 ? t->shape[0] : 1, layer_bytes = t->bytes / L;
        for (size_t k = 0; k < L; k++, l++) {
            f->layer_data[l] = (const unsigned char *)f->map + t->offset + k * layer_bytes;
            f->layer_dtype[l] = t->dtype;
            f->mixed_dtypes |= t->dtype != st.tensors[0].dtype;
        }
    }
    f->dtype = st.tensors[0].dtype;
    snprintf(f->format, sizeof f->format, "safetensors");
    rc = 0;
done:
    taf_safetensors_free(&st);
    return rc;
}

static int open_atlas(struct taf_attn_file *f, const char *path, char *err, size_t errsize)
{
    char why[512];
    if (f->map_size > MAX_ATLAS_BYTES)
        return fail(err, errsize, path, "a γ-atlas measurement of %zu bytes is implausibly large (limit 64 MiB)",
                    f->map_size);
    if (taf_atlas_parse(f->map, f->map_size, &f->atlas, why, sizeof why))
        return fail(err, errsize, path, "%s", why);
    f->kind = TAF_ATTN_ATLAS;
    snprintf(f->format, sizeof f->format, "atlas");
    return 0;
}

int taf_attn_open(const char *path, struct taf_attn_file *f, char *err, size_t errsize)
{
    memset(f, 0, sizeof *f);
    struct stat st;
    int fd = taf_reader_open(path, &st);
    if (fd < 0)
        return taf_reader_open_error(fd, path, err, errsize);
    if (st.st_size == 0) {
        close(fd);
        return fail(err, errsize, path, "empty file");
    }
    f->map_size = (size_t)st.st_size;
    f->map = mmap(NULL, f->map_size, PROT_READ, MAP_PRIVATE, fd, 0);
    int map_errno = errno;
    close(fd);
    if (f->map == MAP_FAILED) {
        f->map = NULL;
        return fail(err, errsize, path, "cannot map: %s", strerror(map_errno));
    }
    posix_madvise(f->map, f->map_size, POSIX_MADV_SEQUENTIAL);
    int rc;
    switch (sniff(path, f->map, f->map_size)) {
    case FMT_NPY: rc = open_npy(f, path, err, errsize); break;
    case FMT_SAFETENSORS: rc = open_safetensors(f, path, err, errsize); break;
    case FMT_JSON: rc = open_atlas(f, path, err, errsize); break;
    default:
        rc = fail(err, errsize, path, "unrecognised format: expected .npy, .safetensors or a γ-atlas .json");
    }
    if (rc)
        taf_attn_close(f);
    return rc;
}

void taf_attn_close(struct taf_attn_file *f)
{
    if (f->map != NULL)
        munmap(f->map, f->map_size);
    free(f->layer_data);
    free(f->layer_dtype);
    taf_atlas_free(&f->atlas);
    memset(f, 0, sizeof *f);
}

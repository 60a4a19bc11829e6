/* .safetensors header reader (JSON through jansson; the data stays mapped). */
#include "readers/safetensors.h"
#include "readers/read_error.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int taf_natural_compare(const char *a, const char *b)
{
    while (*a && *b) {
        if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
            while (*a == '0' && a[1] >= '0' && a[1] <= '9')
                a++;
            while (*b == '0' && b[1] >= '0' && b[1] <= '9')
                b++;
            size_t na = strspn(a, "0123456789"), nb = strspn(b, "0123456789");
            if (na != nb)
                return na < nb ? -1 : 1;
            int c = memcmp(a, b, na);
            if (c != 0)
                return c < 0 ? -1 : 1;
            a += na;
            b += nb;
        } else {
            if (*a != *b)
                return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
            a++;
            b++;
        }
    }
    return *a ? 1 : *b ? -1 : 0;
}

static int compare_tensors(const void *x, const void *y)
{
    const struct taf_st_tensor *a = x, *b = y;
    int c = taf_natural_compare(a->name, b->name);
    return c ? c : strcmp(a->name, b->name);
}

static int parse_dtype(const char *s, enum taf_dtype *out)
{
    if (!strcmp(s, "F32"))
        *out = TAF_DTYPE_F32;
    else if (!strcmp(s, "F16"))
        *out = TAF_DTYPE_F16;
    else if (!strcmp(s, "BF16"))
        *out = TAF_DTYPE_BF16;
    else
        return -1;
    return 0;
}

/* A JSON integer in [0, SIZE_MAX]. */
static int get_size(const json_t *v, size_t *out)
{
    if (!json_is_integer(v) || json_integer_value(v) < 0)
        return -1;
    *out = (size_t)json_integer_value(v);
    return 0;
}

static int parse_tensor(const char *name, const json_t *spec, size_t data_start, size_t data_size,
                        struct taf_st_tensor *t, char *err, size_t errsize)
{
    if (!json_is_object(spec))
        return taf_read_fail(err, errsize, "tensor '%s': expected an object with dtype, shape and data_offsets", name);
    const char *dtype = json_string_value(json_object_get(spec, "dtype"));
    const json_t *shape = json_object_get(spec, "shape"), *offs = json_object_get(spec, "data_offsets");
    if (dtype == NULL || !json_is_array(shape) || !json_is_array(offs) || json_array_size(offs) != 2)
        return taf_read_fail(err, errsize, "tensor '%s': expected dtype (string), shape (array) and data_offsets ([begin, end])",
                    name);
    if (parse_dtype(dtype, &t->dtype))
        return taf_read_fail(err, errsize, "tensor '%s' has dtype %s; expected F32, F16 or BF16", name, dtype);
    if (json_array_size(shape) > TAF_MAX_DIMS)
        return taf_read_fail(err, errsize, "tensor '%s' has more than %d dimensions", name, TAF_MAX_DIMS);
    t->ndim = (int)json_array_size(shape);
    size_t count = 1, begin, end;
    for (int i = 0; i < t->ndim; i++) {
        if (get_size(json_array_get(shape, (size_t)i), &t->shape[i]))
            return taf_read_fail(err, errsize, "tensor '%s': shape entries must be non-negative integers", name);
        if (!taf_size_mul(count, t->shape[i], &count))
            return taf_read_fail(err, errsize, "tensor '%s': shape overflows 64 bits", name);
    }
    size_t itemsize = taf_dtype_size(t->dtype);
    if (!taf_size_mul(count, itemsize, &t->bytes))
        return taf_read_fail(err, errsize, "tensor '%s': shape overflows 64 bits", name);
    if (get_size(json_array_get(offs, 0), &begin) || get_size(json_array_get(offs, 1), &end) || end < begin)
        return taf_read_fail(err, errsize, "tensor '%s': data_offsets must be [begin, end] with 0 <= begin <= end", name);
    if (end > data_size)
        return taf_read_fail(err, errsize, "truncated: tensor '%s' ends at data byte %zu, the file holds %zu bytes of data",
                    name, end, data_size);
    if (end - begin != t->bytes)
        return taf_read_fail(err, errsize, "tensor '%s': data_offsets span %zu bytes, its shape and dtype need %zu",
                    name, end - begin, t->bytes);
    t->offset = data_start + begin;
    if (t->offset % itemsize != 0)
        return taf_read_fail(err, errsize, "tensor '%s' starts at byte %zu, not aligned to its %zu-byte elements",
                    name, t->offset, itemsize);
    return 0;
}

int taf_safetensors_parse(const unsigned char *buf, size_t size, struct taf_st_file *out, char *err, size_t errsize)
{
    memset(out, 0, sizeof *out);
    if (size < 8)
        return taf_read_fail(err, errsize, "not a .safetensors file (%zu bytes, shorter than its 8-byte header length)", size);
    uint64_t n = 0;
    for (int i = 7; i >= 0; i--)
        n = n << 8 | buf[i];
    if (n > TAF_SAFETENSORS_MAX_HEADER)
        return taf_read_fail(err, errsize, "not a .safetensors file (header length %llu is over 100 MiB)", (unsigned long long)n);
    if (n > size - 8)
        return taf_read_fail(err, errsize, "truncated: the header declares %llu bytes of JSON, the file holds %zu after the length",
                    (unsigned long long)n, size - 8);
    json_error_t je;
    json_t *root = json_loadb((const char *)buf + 8, (size_t)n, JSON_REJECT_DUPLICATES, &je);
    if (root == NULL)
        return taf_read_fail(err, errsize, "malformed .safetensors header: JSON column %d: %s", je.column, je.text);
    if (!json_is_object(root)) {
        json_decref(root);
        return taf_read_fail(err, errsize, "malformed .safetensors header: expected a JSON object");
    }
    size_t data_start = 8 + (size_t)n, data_size = size - data_start;
    out->tensors = calloc(json_object_size(root) + 1, sizeof *out->tensors);
    if (out->tensors == NULL) {
        json_decref(root);
        return taf_read_fail(err, errsize, "out of memory");
    }
    const char *name;
    json_t *spec;
    json_object_foreach(root, name, spec) {
        if (!strcmp(name, "__metadata__"))
            continue;
        struct taf_st_tensor *t = &out->tensors[out->n];
        int bad = parse_tensor(name, spec, data_start, data_size, t, err, errsize);
        if (!bad && (t->name = strdup(name)) == NULL)
            bad = taf_read_fail(err, errsize, "out of memory");
        if (bad) {
            json_decref(root);
            taf_safetensors_free(out);
            return -1;
        }
        out->n++;
    }
    json_decref(root);
    if (out->n == 0) {
        taf_safetensors_free(out);
        return taf_read_fail(err, errsize, "the .safetensors file holds no tensors");
    }
    qsort(out->tensors, out->n, sizeof *out->tensors, compare_tensors);
    return 0;
}

void taf_safetensors_free(struct taf_st_file *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->tensors[i].name);
    free(f->tensors);
    f->tensors = NULL;
    f->n = 0;
}

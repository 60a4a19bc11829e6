/* .npy header reader: the dict literal is parsed by a small strict scanner
 * that accepts exactly what numpy writes (three keys, quoted strings,
 * True/False, a tuple of integers). */
#include "readers/npy.h"
#include "readers/read_error.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct scan {
    const char *p, *start, *end;
    char *err;
    size_t errsize;
};

static int scan_fail(struct scan *s, const char *what)
{
    return taf_read_fail(s->err, s->errsize, "malformed .npy header at character %d: expected %s",
                (int)(s->p - s->start), what);
}

static void skip_ws(struct scan *s)
{
    while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
        s->p++;
}

static int expect(struct scan *s, char c, const char *what)
{
    skip_ws(s);
    if (s->p >= s->end || *s->p != c)
        return scan_fail(s, what);
    s->p++;
    return 0;
}

/* 'text' or "text", no escapes (numpy never writes any in these fields). */
static int scan_string(struct scan *s, char *out, size_t outsize)
{
    skip_ws(s);
    if (s->p >= s->end || (*s->p != '\'' && *s->p != '"'))
        return scan_fail(s, "a quoted string");
    char q = *s->p++;
    size_t n = 0;
    while (s->p < s->end && *s->p != q) {
        if (*s->p == '\\' || n + 1 >= outsize)
            return scan_fail(s, "a short string without escapes");
        out[n++] = *s->p++;
    }
    if (s->p >= s->end)
        return scan_fail(s, "a closing quote");
    s->p++;
    out[n] = '\0';
    return 0;
}

static int scan_bool(struct scan *s, int *out)
{
    skip_ws(s);
    size_t left = (size_t)(s->end - s->p);
    if (left >= 4 && !memcmp(s->p, "True", 4)) {
        s->p += 4;
        *out = 1;
        return 0;
    }
    if (left >= 5 && !memcmp(s->p, "False", 5)) {
        s->p += 5;
        *out = 0;
        return 0;
    }
    return scan_fail(s, "True or False");
}

/* (a, b, c) or (a,) or (): non-negative decimal integers. */
static int scan_shape(struct scan *s, struct taf_npy_header *h)
{
    if (expect(s, '(', "'(' opening the shape tuple"))
        return -1;
    h->ndim = 0;
    for (;;) {
        skip_ws(s);
        if (s->p < s->end && *s->p == ')') {
            s->p++;
            return 0;
        }
        if (s->p >= s->end || *s->p < '0' || *s->p > '9')
            return scan_fail(s, "a dimension (a non-negative integer)");
        size_t v = 0;
        while (s->p < s->end && *s->p >= '0' && *s->p <= '9') {
            if (v > (SIZE_MAX - 9) / 10)
                return scan_fail(s, "a dimension that fits in 64 bits");
            v = v * 10 + (size_t)(*s->p++ - '0');
        }
        if (h->ndim == TAF_MAX_DIMS)
            return taf_read_fail(s->err, s->errsize, "the .npy shape has more than %d dimensions", TAF_MAX_DIMS);
        h->shape[h->ndim++] = v;
        skip_ws(s);
        if (s->p < s->end && *s->p == ',')
            s->p++;
        else if (s->p >= s->end || *s->p != ')')
            return scan_fail(s, "',' or ')' in the shape tuple");
    }
}

static int parse_descr(const char *descr, struct taf_npy_header *h, char *err, size_t errsize)
{
    if (!strcmp(descr, "<f4")) {
        h->dtype = TAF_DTYPE_F32;
        return 0;
    }
    if (!strcmp(descr, "<f2")) {
        h->dtype = TAF_DTYPE_F16;
        return 0;
    }
    if (descr[0] == '>')
        return taf_read_fail(err, errsize, "big-endian data ('%s') is not supported; save it as '<f4' or '<f2'", descr);
    return taf_read_fail(err, errsize, "unsupported dtype '%s' (expected '<f4' float32 or '<f2' float16)", descr);
}

static int parse_dict(struct scan *s, struct taf_npy_header *h)
{
    int have_descr = 0, have_order = 0, have_shape = 0;
    if (expect(s, '{', "'{' opening the header dict"))
        return -1;
    for (;;) {
        skip_ws(s);
        if (s->p < s->end && *s->p == '}') {
            s->p++;
            break;
        }
        char key[32], value[32];
        if (scan_string(s, key, sizeof key) || expect(s, ':', "':' after a key"))
            return -1;
        if (!strcmp(key, "descr")) {
            if (scan_string(s, value, sizeof value) || parse_descr(value, h, s->err, s->errsize))
                return -1;
            have_descr = 1;
        } else if (!strcmp(key, "fortran_order")) {
            int fortran = 0;
            if (scan_bool(s, &fortran))
                return -1;
            if (fortran)
                return taf_read_fail(s->err, s->errsize, "Fortran-ordered arrays are not supported; "
                                                "save it in C order (numpy.ascontiguousarray)");
            have_order = 1;
        } else if (!strcmp(key, "shape")) {
            if (scan_shape(s, h))
                return -1;
            have_shape = 1;
        } else {
            return taf_read_fail(s->err, s->errsize, "unexpected key '%s' in the .npy header", key);
        }
        skip_ws(s);
        if (s->p < s->end && *s->p == ',')
            s->p++;
        else if (s->p >= s->end || *s->p != '}')
            return scan_fail(s, "',' or '}' in the header dict");
    }
    skip_ws(s);
    if (s->p != s->end)
        return scan_fail(s, "only spaces and a newline after the header dict");
    if (!have_descr || !have_order || !have_shape)
        return taf_read_fail(s->err, s->errsize, "the .npy header lacks '%s'",
                    !have_descr ? "descr" : !have_order ? "fortran_order" : "shape");
    return 0;
}

static void format_shape(const struct taf_npy_header *h, char *out, size_t size)
{
    size_t used = (size_t)snprintf(out, size, "(");
    for (int i = 0; i < h->ndim && used < size; i++)
        used += (size_t)snprintf(out + used, size - used, "%s%zu", i ? ", " : "", h->shape[i]);
    if (used < size)
        snprintf(out + used, size - used, ")");
}

int taf_npy_parse(const unsigned char *buf, size_t size, struct taf_npy_header *h, char *err, size_t errsize)
{
    memset(h, 0, sizeof *h);
    if (size < 10 || memcmp(buf, "\x93NUMPY", 6) != 0)
        return taf_read_fail(err, errsize, "not a .npy file (no \\x93NUMPY magic)");
    h->major = buf[6];
    h->minor = buf[7];
    if (h->major < 1 || h->major > 3)
        return taf_read_fail(err, errsize, "unsupported .npy format version %d.%d (expected 1.0, 2.0 or 3.0)",
                    h->major, h->minor);
    size_t prefix = h->major == 1 ? 10 : 12;
    if (size < prefix)
        return taf_read_fail(err, errsize, "truncated .npy header (%zu bytes)", size);
    size_t hlen = h->major == 1 ? (size_t)buf[8] | (size_t)buf[9] << 8
                                : (size_t)buf[8] | (size_t)buf[9] << 8 | (size_t)buf[10] << 16 | (size_t)buf[11] << 24;
    if (hlen > size - prefix)
        return taf_read_fail(err, errsize, "truncated .npy header: it declares %zu bytes, the file holds %zu after the prefix",
                    hlen, size - prefix);
    struct scan s = { (const char *)buf + prefix, (const char *)buf + prefix, (const char *)buf + prefix + hlen,
                      err, errsize };
    if (parse_dict(&s, h))
        return -1;
    h->data_offset = prefix + hlen;
    size_t count = 1, itemsize = taf_dtype_size(h->dtype);
    for (int i = 0; i < h->ndim; i++)
        if (!taf_size_mul(count, h->shape[i], &count))
            return taf_read_fail(err, errsize, "the .npy shape overflows 64 bits");
    if (!taf_size_mul(count, itemsize, &h->data_bytes))
        return taf_read_fail(err, errsize, "the .npy shape overflows 64 bits");
    char shape[256];
    format_shape(h, shape, sizeof shape);
    size_t have = size - h->data_offset;
    if (have < h->data_bytes)
        return taf_read_fail(err, errsize, "truncated: the header declares shape %s %s (%zu bytes of data), "
                                  "the file holds %zu bytes after the %zu-byte header",
                    shape, taf_dtype_name(h->dtype), h->data_bytes, have, h->data_offset);
    if (have > h->data_bytes)
        return taf_read_fail(err, errsize, "%zu unexpected bytes after the data of shape %s %s",
                    have - h->data_bytes, shape, taf_dtype_name(h->dtype));
    if (h->data_offset % itemsize != 0)
        return taf_read_fail(err, errsize, "the data starts at byte %zu, not aligned to its %zu-byte elements",
                    h->data_offset, itemsize);
    return 0;
}

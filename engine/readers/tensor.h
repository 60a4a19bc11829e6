/* Element types of attention dumps, and size arithmetic that cannot overflow.
 * Shared by the readers (npy, safetensors) and the profile kernel. */
#ifndef TAF_READERS_TENSOR_H
#define TAF_READERS_TENSOR_H

#include <stddef.h>

enum taf_dtype { TAF_DTYPE_F32, TAF_DTYPE_F16, TAF_DTYPE_BF16 };

static inline size_t taf_dtype_size(enum taf_dtype t)
{
    return t == TAF_DTYPE_F32 ? 4 : 2;
}

static inline const char *taf_dtype_name(enum taf_dtype t)
{
    return t == TAF_DTYPE_F32 ? "float32" : t == TAF_DTYPE_F16 ? "float16" : "bfloat16";
}

/* *out = a·b; returns 0 on overflow (the caller reports the file as malformed). */
static inline int taf_size_mul(size_t a, size_t b, size_t *out)
{
    return !__builtin_mul_overflow(a, b, out);
}

#define TAF_MAX_DIMS 8

#endif

/* The attention readers' error report (atlas, npy, safetensors): the message
 * goes into the caller's buffer and the reader returns -1. */
#ifndef TAF_READERS_READ_ERROR_H
#define TAF_READERS_READ_ERROR_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

static inline int taf_read_fail(char *err, size_t errsize, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static inline int taf_read_fail(char *err, size_t errsize, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errsize, fmt, ap);
    va_end(ap);
    return -1;
}

#endif

/* NumPy .npy files, format versions 1.0, 2.0 and 3.0 (numpy/lib/format.py):
 * magic "\x93NUMPY", major, minor, header length (u16 for v1, u32 for v2/v3),
 * then a Python dict literal {'descr': '<f4', 'fortran_order': False,
 * 'shape': (L, H, T, T), } padded with spaces and '\n', then the data. */
#ifndef TAF_READERS_NPY_H
#define TAF_READERS_NPY_H

#include "readers/tensor.h"

#include <stddef.h>

struct taf_npy_header {
    int major, minor;
    enum taf_dtype dtype;       /* '<f4' or '<f2' */
    int ndim;
    size_t shape[TAF_MAX_DIMS];
    size_t data_offset;         /* bytes from the start of the file */
    size_t data_bytes;          /* prod(shape) · element size */
};

/* Parse and validate the header of the `size`-byte file image `buf`: known
 * version, little-endian float32/float16, C order, the data exactly filling
 * the rest of the file and aligned to its element size. Returns 0, or -1 with
 * a sentence in `err` (no file name: the caller adds it). */
int taf_npy_parse(const unsigned char *buf, size_t size, struct taf_npy_header *h, char *err, size_t errsize);

#endif

/* .safetensors files (huggingface/safetensors): an 8-byte little-endian
 * header length N, N bytes of JSON {"name": {"dtype": "F32", "shape": [...],
 * "data_offsets": [begin, end]}, "__metadata__": {...}}, then the data, each
 * tensor's offsets relative to the end of the header. */
#ifndef TAF_READERS_SAFETENSORS_H
#define TAF_READERS_SAFETENSORS_H

#include "readers/tensor.h"

#include <stddef.h>

#define TAF_SAFETENSORS_MAX_HEADER (100u << 20) /* as the reference implementation */

struct taf_st_tensor {
    char *name;
    enum taf_dtype dtype;      /* F32, F16 or BF16 */
    int ndim;
    size_t shape[TAF_MAX_DIMS];
    size_t offset;             /* absolute byte offset in the file */
    size_t bytes;
};

struct taf_st_file {
    struct taf_st_tensor *tensors; /* natural-sorted by name: layer.2 before layer.10 */
    size_t n;
};

/* Parse the header of the `size`-byte file image `buf` and validate every
 * tensor: a supported dtype, offsets inside the file matching its shape, data
 * aligned to its element size. Returns 0, or -1 with a sentence in `err`. */
int taf_safetensors_parse(const unsigned char *buf, size_t size, struct taf_st_file *out, char *err, size_t errsize);
void taf_safetensors_free(struct taf_st_file *f);

/* strcmp, except that runs of digits compare by numeric value. */
int taf_natural_compare(const char *a, const char *b);

#endif

/* Attention files for `tafrun profile` (SPEC §9): a .npy or .safetensors dump
 * of attention probabilities, memory-mapped (MAP_PRIVATE, read-only,
 * POSIX_MADV_SEQUENTIAL) and described as layers of H·T·T values; or a γ-atlas
 * measurement (.json), read whole (it is small). */
#ifndef TAF_READERS_ATTN_FILE_H
#define TAF_READERS_ATTN_FILE_H

#include "readers/atlas.h"
#include "readers/tensor.h"

#include <stddef.h>

enum taf_attn_kind { TAF_ATTN_DUMP, TAF_ATTN_ATLAS };

struct taf_attn_file {
    enum taf_attn_kind kind;
    char format[64];              /* "npy v1.0", "safetensors", "atlas" */
    /* dumps: layer l holds n_heads·T·T values, C order [head][query][key] */
    size_t n_layers, n_heads, T;
    const void **layer_data;
    enum taf_dtype *layer_dtype;
    enum taf_dtype dtype;         /* of the first layer */
    int mixed_dtypes;             /* safetensors layers of different dtypes */
    size_t data_bytes;            /* bytes of attention values in the file */
    void *map;
    size_t map_size;
    /* atlas measurements */
    struct taf_atlas atlas;
};

/* Open `path`, recognise its format (by extension, else by content) and
 * validate it: shapes [T,T], [H,T,T], [L,H,T,T] (npy); one tensor per layer
 * [H,T,T] or [1,H,T,T], same H and T, natural-sorted names (safetensors).
 * Returns 0, or -1 with "PATH: reason" in `err`. */
int taf_attn_open(const char *path, struct taf_attn_file *f, char *err, size_t errsize);
void taf_attn_close(struct taf_attn_file *f);

#endif

/* Private to the GGUF reader (gguf*.c): the reader's limits, the metadata
 * value types, the byte source, a parsed key/value, the parse context, the
 * per-tensor totals, and the functions the pieces call across files. Not
 * part of the public API (gguf.h). */
#ifndef TAF_READERS_GGUF_INTERNAL_H
#define TAF_READERS_GGUF_INTERNAL_H

#include "readers/model_info.h"

#include <stddef.h>
#include <stdint.h>

#define MAX_DEPTH 8                   /* nested arrays */
#define MAX_KEY 65535                 /* GGUF keys are at most 2^16−1 bytes */
#define MAX_STORED_STRING 1024        /* longer values are kept truncated */
#define MAX_STORED_ARRAY 65536        /* numeric arrays kept for per-layer values */
#define MAX_STORED_BYTES (16u << 20)  /* everything kept from the metadata */
#define MAX_LAYERS 65536

enum { T_U8, T_I8, T_U16, T_I16, T_U32, T_I32, T_F32, T_BOOL, T_STRING, T_ARRAY, T_U64, T_I64, T_F64, T_N };

struct src {
    const unsigned char *mem;  /* whole header in memory, or NULL to read fd */
    int fd;
    uint64_t size, pos;
    unsigned char buf[1 << 16];
    uint64_t buf_off;
    size_t buf_len;
};

struct kv {
    char *key;
    uint32_t type, elem_type;   /* elem_type for arrays */
    uint64_t count;             /* array length */
    double num;                 /* numbers and bools */
    char *str;                  /* strings (truncated) */
    double *array;              /* numeric arrays up to MAX_STORED_ARRAY */
};

struct gg {
    struct src *src;
    const char *path;
    char *err;
    size_t errsize;
    int failed;
    struct kv *kvs;
    size_t n_kvs;
    size_t stored;              /* bytes kept, against MAX_STORED_BYTES */
    const char *context;        /* what is being read, for messages */
};

struct tensors {
    double params, expert_params, bytes, max_end;
    double embd_rows;                      /* token_embd.weight ne[1] */
    unsigned char *attn_layer, *ssm_layer; /* per block index */
    uint64_t n_layers;
};

/* Bytes between the cursor and the end of the file. */
static inline uint64_t left(const struct gg *g) { return g->src->size - g->src->pos; }

static inline int is_number(const struct kv *kv) { return kv != NULL && kv->type != T_STRING && kv->type != T_ARRAY; }

/* The bounded reader and the metadata values (gguf_read.c). Each get
 * returns 0, or -1 with the error in g->err and g->failed set. */
int gguf_fail(struct gg *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int gguf_get(struct gg *g, void *out, size_t n);
int gguf_get_u32(struct gg *g, uint32_t *v);
int gguf_get_u64(struct gg *g, uint64_t *v);
int gguf_get_string(struct gg *g, char **out, uint64_t max);
int gguf_get_kv(struct gg *g, struct kv *kv);
const struct kv *gguf_find(const struct gg *g, const char *key);
const struct kv *gguf_find_arch(const struct gg *g, const char *arch, const char *suffix);
double gguf_number_or_max(const struct kv *kv, double *nonzero);

/* Tensor infos: totals per file and per block, the counts they give (gguf_tensors.c). */
int gguf_read_tensor(struct gg *g, struct tensors *t, uint64_t i, uint32_t alignment);
void gguf_fill_counts(const struct gg *g, struct taf_model_info *m, const struct tensors *t);

/* The metadata as model fields (gguf_model.c): 0, or -1 (g->err) when a
 * count, θ or rope scaling value is impossible. */
int gguf_fill_model(struct gg *g, struct taf_model_info *m, const struct tensors *t);

#endif

/* GGUF header reader (ggml's docs/gguf.md): magic "GGUF", uint32 version,
 * uint64 tensor and metadata counts, the metadata key/values, the tensor
 * infos. Little-endian only. Values are read through a 64 KiB buffer (or a
 * memory block for the fuzzer); the tensor data itself is never touched. */
#include "readers/gguf.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_DEPTH 8                   /* nested arrays */
#define MAX_KEY 65535                 /* GGUF keys are at most 2^16−1 bytes */
#define MAX_STORED_STRING 1024        /* longer values are kept truncated */
#define MAX_STORED_ARRAY 65536        /* numeric arrays kept for per-layer values */
#define MAX_STORED_BYTES (16u << 20)  /* everything kept from the metadata */
#define MAX_LAYERS 65536

enum { T_U8, T_I8, T_U16, T_I16, T_U32, T_I32, T_F32, T_BOOL, T_STRING, T_ARRAY, T_U64, T_I64, T_F64, T_N };
static const unsigned TYPE_SIZE[T_N] = { 1, 1, 2, 2, 4, 4, 4, 1, 0, 0, 8, 8, 8 };
static const char *const TYPE_NAME[T_N] = { "UINT8", "INT8", "UINT16", "INT16", "UINT32", "INT32", "FLOAT32",
                                            "BOOL", "STRING", "ARRAY", "UINT64", "INT64", "FLOAT64" };

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

static int fail(struct gg *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(struct gg *g, const char *fmt, ...)
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

static uint64_t left(const struct gg *g) { return g->src->size - g->src->pos; }

static int truncated(struct gg *g)
{
    return fail(g, "truncated at byte %llu of %llu while reading %s", (unsigned long long)g->src->pos,
                (unsigned long long)g->src->size, g->context);
}

/* Copy n bytes at the cursor; fails (truncated) rather than read past the end. */
static int get(struct gg *g, void *out, size_t n)
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
            return r < 0 ? fail(g, "cannot read: %s", strerror(errno)) : truncated(g);
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

static int get_u32(struct gg *g, uint32_t *v)
{
    unsigned char b[4];
    if (get(g, b, 4)) return -1;
    *v = u32(b);
    return 0;
}

static int get_u64(struct gg *g, uint64_t *v)
{
    unsigned char b[8];
    if (get(g, b, 8)) return -1;
    *v = u64(b);
    return 0;
}

static void *keep(struct gg *g, size_t n)
{
    if (g->stored + n > MAX_STORED_BYTES) {
        fail(g, "metadata larger than %u MiB (not counting tokenizer arrays)", MAX_STORED_BYTES >> 20);
        return NULL;
    }
    void *p = malloc(n ? n : 1);
    if (p == NULL) {
        fail(g, "out of memory");
        return NULL;
    }
    g->stored += n;
    return p;
}

/* A GGUF string: uint64 length, bytes. Kept (truncated to `max`) when out != NULL. */
static int get_string(struct gg *g, char **out, uint64_t max)
{
    uint64_t len;
    if (get_u64(g, &len)) return -1;
    if (len > left(g))
        return fail(g, "%s: string of %llu bytes at byte %llu is longer than the %llu bytes left in the file",
                    g->context, (unsigned long long)len, (unsigned long long)g->src->pos, (unsigned long long)left(g));
    if (out == NULL)
        return skip(g, len);
    size_t k = len > max ? (size_t)max : (size_t)len;
    char *s = keep(g, k + 1);
    if (s == NULL || get(g, s, k) || skip(g, len - k)) {
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
    if (get(g, b, TYPE_SIZE[type])) return -1;
    if (type == T_BOOL && b[0] > 1)
        return fail(g, "%s: BOOL value %u (must be 0 or 1)", g->context, b[0]);
    *out = scalar_value(type, b);
    return 0;
}

/* An array body (element type, count, elements), skipped or kept. */
static int get_array(struct gg *g, struct kv *kv, int depth)
{
    uint32_t et;
    uint64_t count;
    if (depth > MAX_DEPTH)
        return fail(g, "%s: arrays nested deeper than %d", g->context, MAX_DEPTH);
    if (get_u32(g, &et) || get_u64(g, &count)) return -1;
    if (et >= T_N)
        return fail(g, "%s: unknown array element type %u", g->context, et);
    /* every element takes at least its fixed size (strings: 8-byte length; arrays: 12 bytes) */
    uint64_t min = et == T_STRING ? 8 : et == T_ARRAY ? 12 : TYPE_SIZE[et];
    if (count > left(g) / min)
        return fail(g, "%s: array of %llu elements cannot fit in the %llu bytes left", g->context,
                    (unsigned long long)count, (unsigned long long)left(g));
    if (kv != NULL) {
        kv->elem_type = et;
        kv->count = count;
    }
    if (et == T_STRING) {
        for (uint64_t i = 0; i < count; i++)
            if (get_string(g, NULL, 0)) return -1;
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

static int get_kv(struct gg *g, struct kv *kv)
{
    g->context = "a metadata key";
    if (get_string(g, &kv->key, MAX_KEY)) return -1;
    uint64_t klen = strlen(kv->key);
    if (klen == 0)
        return fail(g, "empty metadata key at byte %llu", (unsigned long long)g->src->pos);
    g->context = kv->key;
    if (get_u32(g, &kv->type)) return -1;
    if (kv->type >= T_N)
        return fail(g, "metadata '%s' has unknown value type %u", kv->key, kv->type);
    if (kv->type == T_STRING)
        return get_string(g, &kv->str, MAX_STORED_STRING);
    if (kv->type == T_ARRAY)
        return get_array(g, kv, 1);
    return get_scalar(g, kv->type, &kv->num);
}

static const struct kv *find(const struct gg *g, const char *key)
{
    for (size_t i = 0; i < g->n_kvs; i++)
        if (g->kvs[i].key != NULL && strcmp(g->kvs[i].key, key) == 0)
            return &g->kvs[i];
    return NULL;
}

static const struct kv *find_arch(const struct gg *g, const char *arch, const char *suffix)
{
    char key[200];
    snprintf(key, sizeof key, "%s.%s", arch, suffix);
    return find(g, key);
}

static int is_number(const struct kv *kv) { return kv != NULL && kv->type != T_STRING && kv->type != T_ARRAY; }

/* A numeric value, or the largest element of a per-layer array (0 when absent). */
static double number_or_max(const struct kv *kv, double *nonzero)
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

/* ---- types -------------------------------------------------------------- */

int taf_gguf_type_size(uint32_t type, uint32_t *block, uint32_t *bytes)
{
    static const struct { uint32_t type, block, bytes; } T[] = {
        { 0, 1, 4 }, { 1, 1, 2 }, { 2, 32, 18 }, { 3, 32, 20 }, { 6, 32, 22 }, { 7, 32, 24 }, { 8, 32, 34 },
        { 9, 32, 36 }, { 10, 256, 84 }, { 11, 256, 110 }, { 12, 256, 144 }, { 13, 256, 176 }, { 14, 256, 210 },
        { 15, 256, 292 }, { 16, 256, 66 }, { 17, 256, 74 }, { 18, 256, 98 }, { 19, 256, 50 }, { 20, 32, 18 },
        { 21, 256, 110 }, { 22, 256, 82 }, { 23, 256, 136 }, { 24, 1, 1 }, { 25, 1, 2 }, { 26, 1, 4 },
        { 27, 1, 8 }, { 28, 1, 8 }, { 29, 256, 56 }, { 30, 1, 2 }, { 31, 32, 18 }, { 32, 32, 18 },
        { 33, 32, 18 }, { 34, 256, 54 }, { 35, 256, 66 }, { 36, 32, 18 }, { 37, 32, 18 }, { 38, 32, 18 },
        { 39, 32, 17 },
    };
    for (size_t i = 0; i < sizeof T / sizeof *T; i++)
        if (T[i].type == type) {
            *block = T[i].block;
            *bytes = T[i].bytes;
            return 1;
        }
    return 0;
}

const char *taf_gguf_file_type_name(uint32_t ftype)
{
    static const char *const N[] = {
        "ALL_F32", "F16", "Q4_0", "Q4_1", "Q4_1_SOME_F16", NULL, NULL, "Q8_0", "Q5_0", "Q5_1", "Q2_K",
        "Q3_K_S", "Q3_K_M", "Q3_K_L", "Q4_K_S", "Q4_K_M", "Q5_K_S", "Q5_K_M", "Q6_K", "IQ2_XXS", "IQ2_XS",
        "Q2_K_S", "IQ3_XS", "IQ3_XXS", "IQ1_S", "IQ4_NL", "IQ3_S", "IQ3_M", "IQ2_S", "IQ2_M", "IQ4_XS",
        "IQ1_M", "BF16", "Q4_0_4_4", "Q4_0_4_8", "Q4_0_8_8", "TQ1_0", "TQ2_0", "MXFP4_MOE",
    };
    return ftype < sizeof N / sizeof *N ? N[ftype] : NULL;
}

/* ---- tensors ------------------------------------------------------------ */

struct tensors {
    double params, expert_params, bytes, max_end;
    double embd_rows;                      /* token_embd.weight ne[1] */
    unsigned char *attn_layer, *ssm_layer; /* per block index */
    uint64_t n_layers;
};

/* "blk.N.rest" → N, or -1. */
static long block_index(const char *name)
{
    if (strncmp(name, "blk.", 4) != 0) return -1;
    char *end;
    long n = strtol(name + 4, &end, 10);
    return end != name + 4 && *end == '.' && n >= 0 && n < MAX_LAYERS ? n : -1;
}

static int read_tensor(struct gg *g, struct tensors *t, uint64_t i, uint32_t alignment)
{
    char *name = NULL;
    uint32_t n_dims, type;
    uint64_t ne[4] = { 1, 1, 1, 1 }, offset;
    g->context = "a tensor name";
    if (get_string(g, &name, 256)) return -1;
    g->stored -= strlen(name) + 1;  /* transient */
    int rc = -1;
    g->context = name;
    if (get_u32(g, &n_dims)) goto out;
    if (n_dims == 0 || n_dims > 4) {
        fail(g, "tensor %llu '%s' has %u dimensions (1 to 4)", (unsigned long long)i, name, n_dims);
        goto out;
    }
    double elements = 1;
    for (uint32_t d = 0; d < n_dims; d++) {
        if (get_u64(g, &ne[d])) goto out;
        if (ne[d] > (1ull << 53)) {
            fail(g, "tensor '%s' dimension %u is %llu (absurd)", name, d, (unsigned long long)ne[d]);
            goto out;
        }
        elements *= (double)ne[d];
    }
    if (get_u32(g, &type) || get_u64(g, &offset)) goto out;
    uint32_t block, bytes;
    if (!taf_gguf_type_size(type, &block, &bytes)) {
        fail(g, "tensor '%s' has unknown ggml type %u", name, type);
        goto out;
    }
    if (ne[0] % block != 0) {
        fail(g, "tensor '%s': first dimension %llu is not a multiple of the type's block of %u", name,
             (unsigned long long)ne[0], block);
        goto out;
    }
    if (elements > 9e15) {
        fail(g, "tensor '%s' has %.3g elements (absurd)", name, elements);
        goto out;
    }
    if (offset % alignment != 0) {
        fail(g, "tensor '%s' offset %llu is not a multiple of the alignment %u", name,
             (unsigned long long)offset, alignment);
        goto out;
    }
    double nbytes = elements / block * bytes;
    t->params += elements;
    t->bytes += nbytes;
    if ((double)offset + nbytes > t->max_end) t->max_end = (double)offset + nbytes;
    if (strstr(name, "_exps.") != NULL) t->expert_params += elements;
    if (strcmp(name, "token_embd.weight") == 0 && n_dims >= 2) t->embd_rows = (double)ne[1];
    long blk = block_index(name);
    if (blk >= 0 && (uint64_t)blk < t->n_layers) {
        if (strstr(name, ".attn_q.") || strstr(name, ".attn_qkv.") || strstr(name, ".attn_q_a.") ||
            strstr(name, ".attn_kv_a_mqa.") || strstr(name, ".attn_k."))
            t->attn_layer[blk] = 1;
        if (strstr(name, ".ssm_") || strstr(name, ".time_mix_"))
            t->ssm_layer[blk] = 1;
    }
    rc = 0;
out:
    free(name);
    return rc;
}

/* ---- model fields --------------------------------------------------------- */

static void set_from(struct taf_model_info *m, enum taf_field f, const struct kv *kv)
{
    double v = number_or_max(kv, NULL);
    if (kv != NULL && v > 0 && isfinite(v))
        taf_model_set(m, f, v);
}

static int arch_in(const char *arch, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(arch, *list) == 0) return 1;
    return 0;
}

static void copy_rope_scaling(struct gg *g, struct taf_model_info *m, const char *arch)
{
    char prefix[96];
    int n = snprintf(prefix, sizeof prefix, "%s.rope.scaling.", arch);
    const struct kv *type = find_arch(g, arch, "rope.scaling.type");
    if (type == NULL || type->type != T_STRING || strcmp(type->str, "none") == 0)
        return;
    m->has_rope_scaling = 1;
    for (size_t i = 0; i < g->n_kvs && m->n_rope_fields < TAF_ROPE_MAX_FIELDS; i++) {
        const struct kv *kv = &g->kvs[i];
        if (kv->key == NULL || strncmp(kv->key, prefix, (size_t)n) != 0) continue;
        const char *suffix = kv->key + n;
        struct taf_rope_field *f = &m->rope_scaling[m->n_rope_fields];
        memset(f, 0, sizeof *f);
        const char *name = !strcmp(suffix, "type") ? "rope_type"
                         : !strcmp(suffix, "original_context_length") ? "original_max_position_embeddings" : suffix;
        taf_copy_string(f->key, sizeof f->key, name, strlen(name));
        if (kv->type == T_STRING) {
            f->kind = TAF_RF_STRING;
            taf_copy_string(f->string, sizeof f->string, kv->str, strlen(kv->str));
        } else if (is_number(kv)) {
            f->kind = kv->type == T_BOOL ? TAF_RF_BOOL : TAF_RF_NUMBER;
            f->number = kv->num;
        } else {
            continue;
        }
        m->n_rope_fields++;
    }
}

static void fill_model(struct gg *g, struct taf_model_info *m, const struct tensors *t)
{
    const struct kv *a = find(g, "general.architecture");
    const char *arch = a != NULL && a->type == T_STRING ? a->str : "";
    if (*arch == '\0')
        taf_model_note(m, "no general.architecture: model fields come from the tensors only");
    taf_copy_string(m->family, sizeof m->family, *arch ? arch : "unknown", strlen(*arch ? arch : "unknown"));
    const struct kv *name = find(g, "general.name");
    if (name != NULL && name->type == T_STRING && name->str[0])
        taf_copy_string(m->id, sizeof m->id, name->str, strlen(name->str));

    set_from(m, TAF_F_LAYERS, find_arch(g, arch, "block_count"));
    set_from(m, TAF_F_D_MODEL, find_arch(g, arch, "embedding_length"));
    set_from(m, TAF_F_D_FF, find_arch(g, arch, "feed_forward_length"));
    set_from(m, TAF_F_HEADS, find_arch(g, arch, "attention.head_count"));
    double kv_layers = 0;
    const struct kv *kvh = find_arch(g, arch, "attention.head_count_kv");
    double kv_heads = number_or_max(kvh, &kv_layers);
    if (kv_heads > 0) {
        taf_model_set(m, TAF_F_KV_HEADS, kv_heads);
    } else if (taf_model_has(m, TAF_F_HEADS)) {
        taf_model_set(m, TAF_F_KV_HEADS, m->n_attention_heads);
        taf_model_note(m, "n_kv_heads: %s.attention.head_count_kv absent; = heads", arch);
    }
    const struct kv *kl = find_arch(g, arch, "attention.key_length");
    if (is_number(kl) && kl->num > 0) {
        taf_model_set(m, TAF_F_D_HEAD, kl->num);
    } else if (taf_model_has(m, TAF_F_HEADS) && m->n_attention_heads > 0 && m->d_model > 0) {
        taf_model_set(m, TAF_F_D_HEAD, m->d_model / m->n_attention_heads);
        taf_model_note(m, "d_head = embedding_length/head_count = %g", m->d_head);
    }
    const struct kv *tokens = find(g, "tokenizer.ggml.tokens");
    if (tokens != NULL && tokens->type == T_ARRAY && tokens->count > 0)
        taf_model_set(m, TAF_F_VOCAB, (double)tokens->count);
    else if (t->embd_rows > 0)
        taf_model_set(m, TAF_F_VOCAB, t->embd_rows);
    else
        set_from(m, TAF_F_VOCAB, find_arch(g, arch, "vocab_size"));

    /* position and θ */
    static const char *const ALIBI[] = { "bloom", "mpt", "baichuan-13b", NULL };
    static const char *const ABSOLUTE[] = { "gpt2", "starcoder", "gptj-absolute", NULL };
    static const char *const SSM[] = { "mamba", "mamba2", NULL };
    static const char *const RWKV[] = { "rwkv6", "rwkv6qwen2", "rwkv7", "arwkv7", NULL };
    static const char *const HYBRID[] = { "jamba", "falcon-h1", "nemotron_h", "granitehybrid", "plamo2", "lfm2",
                                          "qwen3next", NULL };
    int ssm = arch_in(arch, SSM), rwkv = arch_in(arch, RWKV), hybrid = arch_in(arch, HYBRID);
    m->position = arch_in(arch, ALIBI) ? TAF_POS_ALIBI : arch_in(arch, ABSOLUTE) ? TAF_POS_ABSOLUTE
                : ssm || rwkv || !strcmp(arch, "jamba") || !strcmp(arch, "nemotron_h") ? TAF_POS_NONE : TAF_POS_ROPE;
    const struct kv *base = find_arch(g, arch, "rope.freq_base");
    if (m->position == TAF_POS_ROPE) {
        if (is_number(base) && base->num > 0) {
            taf_model_set(m, TAF_F_THETA, base->num);
        } else {
            taf_model_set(m, TAF_F_THETA, 10000);
            taf_model_note(m, "theta: %s.rope.freq_base absent; RoPE default 10000", arch);
        }
    }
    const struct kv *ctx = find_arch(g, arch, "context_length");
    const struct kv *orig = find_arch(g, arch, "rope.scaling.original_context_length");
    copy_rope_scaling(g, m, arch);
    if (is_number(orig) && orig->num > 0 && m->has_rope_scaling) {
        taf_model_set(m, TAF_F_T_TRAIN, orig->num);
        taf_model_note(m, "T_train = rope.scaling.original_context_length %g; context_length %g is the extended maximum",
                       orig->num, is_number(ctx) ? ctx->num : 0);
    } else if (is_number(ctx) && ctx->num > 0) {
        taf_model_set(m, TAF_F_T_TRAIN, ctx->num);
    } else {
        taf_model_note(m, "T_train: no %s.context_length", arch);
    }

    /* attention layout */
    double layers = m->n_layers, attn = 0, recurrent = 0;
    for (uint64_t i = 0; i < t->n_layers; i++) {
        attn += t->attn_layer[i];
        recurrent += t->ssm_layer[i] && !t->attn_layer[i];
    }
    if (hybrid && attn == 0 && kvh != NULL && kvh->type == T_ARRAY && kv_layers > 0)
        attn = kv_layers;   /* per-layer head_count_kv: zero on recurrent layers */
    const struct kv *kvr = find_arch(g, arch, "attention.kv_lora_rank");
    const struct kv *window = find_arch(g, arch, "attention.sliding_window");
    if (ssm) {
        m->architecture = TAF_ARCH_SSM;
    } else if (rwkv) {
        m->architecture = TAF_ARCH_RWKV;
    } else if (hybrid || (attn > 0 && recurrent > 0)) {
        m->architecture = TAF_ARCH_HYBRID;
    } else if (is_number(kvr) && kvr->num > 0) {
        m->architecture = TAF_ARCH_MLA;
        taf_model_set(m, TAF_F_KV_LORA_RANK, kvr->num);
        set_from(m, TAF_F_Q_LORA_RANK, find_arch(g, arch, "attention.q_lora_rank"));
        set_from(m, TAF_F_QK_ROPE_DIM, find_arch(g, arch, "rope.dimension_count"));
        set_from(m, TAF_F_V_HEAD_DIM, find_arch(g, arch, "attention.value_length"));
    } else if (is_number(window) && window->num > 0) {
        double swa = layers;
        const struct kv *pattern = find_arch(g, arch, "attention.sliding_window_pattern");
        if (pattern != NULL && pattern->type == T_ARRAY && pattern->array != NULL) {
            swa = 0;
            for (uint64_t i = 0; i < pattern->count; i++) swa += pattern->array[i] != 0;
        } else if (is_number(pattern) && pattern->num >= 1) {
            swa = layers - floor(layers / pattern->num);
        } else if (!strcmp(arch, "gemma2")) {
            swa = ceil(layers / 2);
        } else if (!strcmp(arch, "gemma3")) {
            swa = layers - floor(layers / 6);
        } else if (!strcmp(arch, "cohere2")) {
            swa = layers - floor(layers / 4);
        }
        if (swa > 0) {
            m->architecture = TAF_ARCH_SWA;
            m->has_SWA = 1;
            taf_model_set(m, TAF_F_SLIDING_WINDOW, window->num);
            taf_model_set(m, TAF_F_SWA_LAYERS, swa);
        }
    }
    if (ssm || rwkv || hybrid) {
        taf_model_set(m, TAF_F_ATTN_LAYERS, attn);
        double d = m->d_model, state = 0;
        if (ssm || hybrid) {
            double di = number_or_max(find_arch(g, arch, "ssm.inner_size"), NULL);
            double n = number_or_max(find_arch(g, arch, "ssm.state_size"), NULL);
            double k = number_or_max(find_arch(g, arch, "ssm.conv_kernel"), NULL);
            double groups = number_or_max(find_arch(g, arch, "ssm.group_count"), NULL);
            double conv_dim = di + 2 * groups * n;
            state = di * n + (k > 1 ? k - 1 : 0) * conv_dim;
        } else {
            double hs = number_or_max(find_arch(g, arch, "wkv.head_size"), NULL);
            state = d * hs + 2 * d;
        }
        double rec_layers = recurrent > 0 ? recurrent : layers - attn;
        if (state > 0 && rec_layers > 0)
            taf_model_set(m, TAF_F_STATE_ELEMENTS, state * rec_layers);
    } else {
        taf_model_set(m, TAF_F_ATTN_LAYERS, layers);
    }

    /* experts */
    const struct kv *experts = find_arch(g, arch, "expert_count");
    if (is_number(experts) && experts->num > 1) {
        taf_model_set(m, TAF_F_EXPERTS, experts->num);
        set_from(m, TAF_F_EXPERTS_ACTIVE, find_arch(g, arch, "expert_used_count"));
        set_from(m, TAF_F_SHARED_EXPERTS, find_arch(g, arch, "expert_shared_count"));
    }

    /* exact counts from the tensor infos */
    if (t->params > 0) {
        taf_model_set(m, TAF_F_PARAMS, t->params);
        if (m->n_experts > 0 && m->n_experts_active > 0 && t->expert_params > 0)
            taf_model_set(m, TAF_F_PARAMS_ACTIVE,
                          t->params - t->expert_params * (1 - m->n_experts_active / m->n_experts));
        m->weight_bytes = t->bytes;
        m->bits_per_weight = 8 * t->bytes / t->params;
        taf_model_set(m, TAF_F_BYTES_PER_WEIGHT, t->bytes / t->params);
    } else {
        taf_model_note(m, "no tensors (a vocabulary-only file?): n_params unknown");
    }
    const struct kv *ft = find(g, "general.file_type");
    if (is_number(ft)) {
        m->gguf_file_type = (int)ft->num;
        const char *fname = taf_gguf_file_type_name((uint32_t)ft->num);
        snprintf(m->dtype, sizeof m->dtype, "%s", fname ? fname : "unknown");
        if (fname == NULL) taf_model_note(m, "general.file_type %g is not a known llama_ftype", ft->num);
    } else {
        snprintf(m->dtype, sizeof m->dtype, "%s", "unknown");
        taf_model_note(m, "no general.file_type");
    }
}

/* ---- the reader --------------------------------------------------------- */

static int parse(struct src *s, const char *path, struct taf_model_info *m, char *err, size_t errsize)
{
    struct gg g = { .src = s, .path = path, .err = err, .errsize = errsize, .context = "the header" };
    struct tensors t = { 0 };
    taf_model_info_init(m);
    unsigned char magic[4];
    uint32_t version = 0;
    uint64_t n_tensors = 0, n_kv = 0;
    if (s->size < 4 || get(&g, magic, 4)) {
        fail(&g, "not a GGUF file (%llu bytes, too short for the magic)", (unsigned long long)s->size);
        goto done;
    }
    if (memcmp(magic, "GGUF", 4) != 0) {
        char shown[17];
        for (int i = 0; i < 4; i++) snprintf(shown + i * 4, 5, "\\x%02x", magic[i]);
        fail(&g, "not a GGUF file (magic %s, expected 'GGUF')", shown);
        goto done;
    }
    if (get_u32(&g, &version)) goto done;
    if (version != 2 && version != 3) {
        uint32_t swapped = (version >> 24) | ((version >> 8) & 0xff00) | ((version << 8) & 0xff0000) | (version << 24);
        if (swapped == 2 || swapped == 3)
            fail(&g, "big-endian GGUF (version %u) is not supported", swapped);
        else
            fail(&g, "GGUF version %u is not supported (2 and 3 are)", version);
        goto done;
    }
    g.context = "the counts";
    if (get_u64(&g, &n_tensors) || get_u64(&g, &n_kv)) goto done;
    /* a metadata pair takes at least 13 bytes (key length, value type, one byte); a tensor info 24 */
    if (n_kv > left(&g) / 13) {
        fail(&g, "metadata count %llu cannot fit in the %llu bytes left", (unsigned long long)n_kv,
             (unsigned long long)left(&g));
        goto done;
    }
    if (n_tensors > left(&g) / 24) {
        fail(&g, "tensor count %llu cannot fit in the %llu bytes left", (unsigned long long)n_tensors,
             (unsigned long long)left(&g));
        goto done;
    }
    g.kvs = calloc(n_kv ? n_kv : 1, sizeof *g.kvs);
    if (g.kvs == NULL) {
        fail(&g, "out of memory");
        goto done;
    }
    for (uint64_t i = 0; i < n_kv; i++) {
        g.n_kvs = i + 1;
        if (get_kv(&g, &g.kvs[i])) goto done;
    }
    uint32_t alignment = 32;
    const struct kv *al = find(&g, "general.alignment");
    if (al != NULL) {
        if (al->type != T_U32 || al->num == 0 || ((uint32_t)al->num & ((uint32_t)al->num - 1)) != 0) {
            fail(&g, "general.alignment must be a UINT32 power of two, got %s %g", TYPE_NAME[al->type], al->num);
            goto done;
        }
        alignment = (uint32_t)al->num;
    }
    const struct kv *a = find(&g, "general.architecture");
    const struct kv *bc = a != NULL && a->type == T_STRING ? find_arch(&g, a->str, "block_count") : NULL;
    t.n_layers = is_number(bc) && bc->num > 0 && bc->num < MAX_LAYERS ? (uint64_t)bc->num : 0;
    t.attn_layer = calloc(t.n_layers + 1, 1);
    t.ssm_layer = calloc(t.n_layers + 1, 1);
    if (t.attn_layer == NULL || t.ssm_layer == NULL) {
        fail(&g, "out of memory");
        goto done;
    }
    for (uint64_t i = 0; i < n_tensors; i++)
        if (read_tensor(&g, &t, i, alignment)) goto done;
    uint64_t data_start = (s->pos + alignment - 1) / alignment * alignment;
    fill_model(&g, m, &t);
    m->gguf_version = version;
    m->gguf_tensors = n_tensors;
    m->gguf_kv = n_kv;
    if (m->id[0] == '\0') {
        const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
        size_t len = strlen(base);
        if (len > 5 && strcmp(base + len - 5, ".gguf") == 0) len -= 5;
        taf_copy_string(m->id, sizeof m->id, base, len);
    }
    snprintf(m->source, sizeof m->source, "GGUF v%u header at %s", version, path);
    if (n_tensors > 0 && (double)data_start + t.max_end > (double)s->size)
        taf_model_note(m, "tensor data ends at byte %.0f but the file has %llu bytes (truncated, or a header-only copy)",
                       (double)data_start + t.max_end, (unsigned long long)s->size);
done:
    for (size_t i = 0; i < g.n_kvs; i++) {
        free(g.kvs[i].key);
        free(g.kvs[i].str);
        free(g.kvs[i].array);
    }
    free(g.kvs);
    free(t.attn_layer);
    free(t.ssm_layer);
    if (g.failed)
        taf_model_info_free(m);
    return g.failed ? -1 : 0;
}

int taf_parse_gguf(const unsigned char *data, size_t size, const char *path, struct taf_model_info *m,
                   char *err, size_t errsize)
{
    struct src *s = calloc(1, sizeof *s);
    if (s == NULL) {
        snprintf(err, errsize, "%s: out of memory", path);
        return -1;
    }
    s->mem = data;
    s->fd = -1;
    s->size = size;
    int rc = parse(s, path, m, err, errsize);
    free(s);
    return rc;
}

int taf_read_gguf(const char *path, struct taf_model_info *m, char *err, size_t errsize)
{
    taf_model_info_init(m);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errsize, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, errsize, "%s: not a regular file", path);
        close(fd);
        return -1;
    }
    struct src *s = calloc(1, sizeof *s);
    if (s == NULL) {
        snprintf(err, errsize, "%s: out of memory", path);
        close(fd);
        return -1;
    }
    s->fd = fd;
    s->size = (uint64_t)st.st_size;
    int rc = parse(s, path, m, err, errsize);
    free(s);
    close(fd);
    return rc;
}

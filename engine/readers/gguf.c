/* GGUF header reader (ggml's docs/gguf.md): magic "GGUF", uint32 version,
 * uint64 tensor and metadata counts, the metadata key/values, the tensor
 * infos. Little-endian only. Values are read through a 64 KiB buffer (or a
 * memory block for the fuzzer); the tensor data itself is never touched.
 * This file holds the entry points and the header walk; the pieces:
 * gguf_read.c (bounded reads, values), gguf_tensors.c (tensor infos, type
 * sizes, counts), gguf_model.c (metadata → model fields). */
#include "readers/gguf.h"
#include "readers/gguf_internal.h"
#include "readers/reader_open.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const TYPE_NAME[T_N] = { "UINT8", "INT8", "UINT16", "INT16", "UINT32", "INT32", "FLOAT32",
                                            "BOOL", "STRING", "ARRAY", "UINT64", "INT64", "FLOAT64" };

static int parse(struct src *s, const char *path, struct taf_model_info *m, char *err, size_t errsize)
{
    struct gg g = { .src = s, .path = path, .err = err, .errsize = errsize, .context = "the header" };
    struct tensors t = { 0 };
    taf_model_info_init(m);
    unsigned char magic[4];
    uint32_t version = 0;
    uint64_t n_tensors = 0, n_kv = 0;
    if (s->size < 4 || gguf_get(&g, magic, 4)) {
        gguf_fail(&g, "not a GGUF file (%llu bytes, too short for the magic)", (unsigned long long)s->size);
        goto done;
    }
    if (memcmp(magic, "GGUF", 4) != 0) {
        char shown[17];
        for (int i = 0; i < 4; i++) snprintf(shown + i * 4, 5, "\\x%02x", magic[i]);
        gguf_fail(&g, "not a GGUF file (magic %s, expected 'GGUF')", shown);
        goto done;
    }
    if (gguf_get_u32(&g, &version)) goto done;
    if (version != 2 && version != 3) {
        uint32_t swapped = (version >> 24) | ((version >> 8) & 0xff00) | ((version << 8) & 0xff0000) | (version << 24);
        if (swapped == 2 || swapped == 3)
            gguf_fail(&g, "big-endian GGUF (version %u) is not supported", swapped);
        else
            gguf_fail(&g, "GGUF version %u is not supported (2 and 3 are)", version);
        goto done;
    }
    g.context = "the counts";
    if (gguf_get_u64(&g, &n_tensors) || gguf_get_u64(&g, &n_kv)) goto done;
    /* a metadata pair takes at least 13 bytes (key length, value type, one byte); a tensor info 24 */
    if (n_kv > left(&g) / 13) {
        gguf_fail(&g, "metadata count %llu cannot fit in the %llu bytes left", (unsigned long long)n_kv,
                  (unsigned long long)left(&g));
        goto done;
    }
    if (n_tensors > left(&g) / 24) {
        gguf_fail(&g, "tensor count %llu cannot fit in the %llu bytes left", (unsigned long long)n_tensors,
                  (unsigned long long)left(&g));
        goto done;
    }
    g.kvs = calloc(n_kv ? n_kv : 1, sizeof *g.kvs);
    if (g.kvs == NULL) {
        gguf_fail(&g, "out of memory");
        goto done;
    }
    for (uint64_t i = 0; i < n_kv; i++) {
        g.n_kvs = i + 1;
        if (gguf_get_kv(&g, &g.kvs[i])) goto done;
    }
    uint32_t alignment = 32;
    const struct kv *al = gguf_find(&g, "general.alignment");
    if (al != NULL) {
        if (al->type != T_U32 || al->num == 0 || ((uint32_t)al->num & ((uint32_t)al->num - 1)) != 0) {
            gguf_fail(&g, "general.alignment must be a UINT32 power of two, got %s %g", TYPE_NAME[al->type], al->num);
            goto done;
        }
        alignment = (uint32_t)al->num;
    }
    const struct kv *a = gguf_find(&g, "general.architecture");
    const struct kv *bc = a != NULL && a->type == T_STRING ? gguf_find_arch(&g, a->str, "block_count") : NULL;
    t.n_layers = is_number(bc) && bc->num > 0 && bc->num < MAX_LAYERS ? (uint64_t)bc->num : 0;
    t.attn_layer = calloc(t.n_layers + 1, 1);
    t.ssm_layer = calloc(t.n_layers + 1, 1);
    if (t.attn_layer == NULL || t.ssm_layer == NULL) {
        gguf_fail(&g, "out of memory");
        goto done;
    }
    for (uint64_t i = 0; i < n_tensors; i++)
        if (gguf_read_tensor(&g, &t, i, alignment)) goto done;
    uint64_t data_start = (s->pos + alignment - 1) / alignment * alignment;
    if (gguf_fill_model(&g, m, &t)) goto done;
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
    struct stat st;
    int fd = taf_reader_open(path, &st);
    if (fd < 0)
        return taf_reader_open_error(fd, path, err, errsize);
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

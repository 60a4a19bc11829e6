/* What the GGUF tensor infos say: each tensor info checked and summed
 * (parameters, expert parameters, weight bytes, where the data ends, which
 * blocks hold attention or recurrent tensors), and from the totals the exact
 * parameter count, bytes and bits per weight, with general.file_type named.
 * The ggml tables (type block sizes, file type names): formulas/ggml_types.h. */
#include "readers/gguf.h"
#include "readers/gguf_internal.h"
#include "formulas/ggml_types.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "blk.N.rest" → N, or -1. */
static long block_index(const char *name)
{
    if (strncmp(name, "blk.", 4) != 0) return -1;
    char *end;
    long n = strtol(name + 4, &end, 10);
    return end != name + 4 && *end == '.' && n >= 0 && n < MAX_LAYERS ? n : -1;
}

int gguf_read_tensor(struct gg *g, struct tensors *t, uint64_t i, uint32_t alignment)
{
    char *name = NULL;
    uint32_t n_dims, type;
    uint64_t ne[4] = { 1, 1, 1, 1 }, offset;
    g->context = "a tensor name";
    if (gguf_get_string(g, &name, 256)) return -1;
    g->stored -= strlen(name) + 1;  /* transient */
    int rc = -1;
    g->context = name;
    if (gguf_get_u32(g, &n_dims)) goto out;
    if (n_dims == 0 || n_dims > 4) {
        gguf_fail(g, "tensor %llu '%s' has %u dimensions (1 to 4)", (unsigned long long)i, name, n_dims);
        goto out;
    }
    double elements = 1;
    for (uint32_t d = 0; d < n_dims; d++) {
        if (gguf_get_u64(g, &ne[d])) goto out;
        if (ne[d] > (1ull << 53)) {
            gguf_fail(g, "tensor '%s' dimension %u is %llu (absurd)", name, d, (unsigned long long)ne[d]);
            goto out;
        }
        elements *= (double)ne[d];
    }
    if (gguf_get_u32(g, &type) || gguf_get_u64(g, &offset)) goto out;
    uint32_t block, bytes;
    if (!taf_ggml_type_size(type, &block, &bytes)) {
        gguf_fail(g, "tensor '%s' has unknown ggml type %u", name, type);
        goto out;
    }
    if (ne[0] % block != 0) {
        gguf_fail(g, "tensor '%s': first dimension %llu is not a multiple of the type's block of %u", name,
                  (unsigned long long)ne[0], block);
        goto out;
    }
    if (elements > 9e15) {
        gguf_fail(g, "tensor '%s' has %.3g elements (absurd)", name, elements);
        goto out;
    }
    if (offset % alignment != 0) {
        gguf_fail(g, "tensor '%s' offset %llu is not a multiple of the alignment %u", name,
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

/* The exact counts from the tensor infos, and general.file_type as the dtype;
 * after the metadata fields, since the active count needs the expert counts. */
void gguf_fill_counts(const struct gg *g, struct taf_model_info *m, const struct tensors *t)
{
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
    const struct kv *ft = gguf_find(g, "general.file_type");
    /* any number may stand there: only a whole one in int range is a file type */
    if (is_number(ft) && ft->num >= 0 && ft->num <= INT_MAX && floor(ft->num) == ft->num) {
        m->gguf_file_type = (int)ft->num;
        const char *fname = taf_ggml_ftype_name((uint32_t)ft->num);
        snprintf(m->dtype, sizeof m->dtype, "%s", fname ? fname : "unknown");
        if (fname == NULL) taf_model_note(m, "general.file_type %g is not a known llama_ftype", ft->num);
    } else if (is_number(ft)) {
        snprintf(m->dtype, sizeof m->dtype, "%s", "unknown");
        taf_model_note(m, "general.file_type %g is not a known llama_ftype", ft->num);
    } else {
        snprintf(m->dtype, sizeof m->dtype, "%s", "unknown");
        taf_model_note(m, "no general.file_type");
    }
}

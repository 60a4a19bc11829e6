#include "readers/model_info.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void taf_model_info_init(struct taf_model_info *m)
{
    memset(m, 0, sizeof *m);
    m->architecture = TAF_ARCH_FULL;
    m->position = TAF_POS_UNKNOWN;
    m->gguf_file_type = -1;
}

void taf_model_info_free(struct taf_model_info *m)
{
    for (int i = 0; i < m->n_rope_fields; i++) {
        free(m->rope_scaling[i].array);
        m->rope_scaling[i].array = NULL;
    }
    m->n_rope_fields = 0;
}

static double *field_slot(struct taf_model_info *m, enum taf_field f)
{
    switch (f) {
    case TAF_F_THETA: return &m->theta;
    case TAF_F_T_TRAIN: return &m->T_train;
    case TAF_F_T_MAX: return &m->T_max;
    case TAF_F_HEADS: return &m->n_attention_heads;
    case TAF_F_KV_HEADS: return &m->n_kv_heads;
    case TAF_F_D_HEAD: return &m->d_head;
    case TAF_F_LAYERS: return &m->n_layers;
    case TAF_F_D_MODEL: return &m->d_model;
    case TAF_F_D_FF: return &m->d_ff;
    case TAF_F_VOCAB: return &m->vocab;
    case TAF_F_PARAMS: return &m->n_params;
    case TAF_F_PARAMS_ACTIVE: return &m->n_params_active;
    case TAF_F_SLIDING_WINDOW: return &m->sliding_window;
    case TAF_F_SWA_LAYERS: return &m->n_swa_layers;
    case TAF_F_ATTN_LAYERS: return &m->n_attention_layers;
    case TAF_F_EXPERTS: return &m->n_experts;
    case TAF_F_EXPERTS_ACTIVE: return &m->n_experts_active;
    case TAF_F_SHARED_EXPERTS: return &m->n_shared_experts;
    case TAF_F_KV_LORA_RANK: return &m->kv_lora_rank;
    case TAF_F_Q_LORA_RANK: return &m->q_lora_rank;
    case TAF_F_QK_ROPE_DIM: return &m->qk_rope_head_dim;
    case TAF_F_QK_NOPE_DIM: return &m->qk_nope_head_dim;
    case TAF_F_V_HEAD_DIM: return &m->v_head_dim;
    case TAF_F_STATE_ELEMENTS: return &m->state_elements;
    case TAF_F_BYTES_PER_WEIGHT: return &m->bytes_per_weight;
    case TAF_F_TIED: case TAF_F_COUNT: break;
    }
    return NULL;
}

void taf_model_set(struct taf_model_info *m, enum taf_field f, double v)
{
    double *slot = field_slot(m, f);
    if (slot != NULL)
        *slot = v;
    else if (f == TAF_F_TIED)
        m->tie_word_embeddings = v != 0;
    if (f < TAF_F_COUNT)
        m->present[f] = 1;
}

int taf_model_has(const struct taf_model_info *m, enum taf_field f)
{
    return f < TAF_F_COUNT && m->present[f];
}

void taf_model_note(struct taf_model_info *m, const char *fmt, ...)
{
    if (m->n_notes >= TAF_MODEL_MAX_NOTES)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(m->notes[m->n_notes], TAF_MODEL_NOTE_LEN, fmt, ap);
    va_end(ap);
    m->n_notes++;
}

const char *taf_arch_name(enum taf_arch a)
{
    static const char *const NAMES[] = { "FULL", "SWA", "MLA", "SSM", "RWKV", "LINEAR", "HYBRID" };
    return (unsigned)a < sizeof NAMES / sizeof *NAMES ? NAMES[a] : "FULL";
}

const char *taf_position_name(enum taf_position p)
{
    static const char *const NAMES[] = { "unknown", "rope", "alibi", "absolute", "none" };
    return (unsigned)p < sizeof NAMES / sizeof *NAMES ? NAMES[p] : "unknown";
}

void taf_copy_string(char *dst, size_t size, const char *src, size_t len)
{
    if (size == 0)
        return;
    if (len >= size)
        len = size - 1;
    memcpy(dst, src, len);
    dst[len] = '\0';
}

#include "readers/model_info.h"

#include <math.h>
#include <stdarg.h>
#include <stddef.h>
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

#define TAF_MF_TYPE_NUMBER "number"
#define TAF_MF_TYPE_INTEGER "integer"
#define TAF_MF_TYPE_STRING "string"
#define TAF_MF_TYPE_BOOLEAN "boolean"
#define TAF_MF_TYPE_TABLE "table"
#define TAF_MF_FLAG_FLAG(f) f
#define TAF_MF_FLAG_NONE -1
#define TAF_MF_LOWER_MIN(v) .min = (v), .gt = NAN
#define TAF_MF_LOWER_GT(v) .min = NAN, .gt = (v)
#define TAF_MF_LOWER_NONE .min = NAN, .gt = NAN
#define TAF_MF_UPPER_MAX(v) (v)
#define TAF_MF_UPPER_NONE NAN
#define TAF_MF_OFFSET_NUMBER(name) offsetof(struct taf_model_info, name)
#define TAF_MF_OFFSET_INTEGER(name) offsetof(struct taf_model_info, name)
#define TAF_MF_OFFSET_STRING(name) 0
#define TAF_MF_OFFSET_BOOLEAN(name) 0
#define TAF_MF_OFFSET_TABLE(name) 0
#define TAF_MF_PRESET_ANY 1
#define TAF_MF_PRESET_PRESET 1
#define TAF_MF_PRESET_READER 0
#define TAF_MF_ENTRY(name_, type_, where_, flag_, lower_, upper_, doc_) \
    { .name = #name_, .type = TAF_MF_TYPE_##type_, .doc = doc_, TAF_MF_LOWER_##lower_, \
      .max = TAF_MF_UPPER_##upper_, .flag = TAF_MF_FLAG_##flag_, .offset = TAF_MF_OFFSET_##type_(name_), \
      .preset = TAF_MF_PRESET_##where_ },

const struct taf_model_field taf_model_fields[TAF_MODEL_FIELD_COUNT] = { TAF_MODEL_FIELDS(TAF_MF_ENTRY) };

/* The double member behind each presence flag; 0 (never a double: id comes
 * first) for tie_word_embeddings, the one flagged field stored as an int.
 * A number field declared without a flag fails here, at index -1. */
#define TAF_MF_SLOT_NUMBER(name, f) [f] = offsetof(struct taf_model_info, name),
#define TAF_MF_SLOT_INTEGER(name, f) [f] = offsetof(struct taf_model_info, name),
#define TAF_MF_SLOT_STRING(name, f)
#define TAF_MF_SLOT_BOOLEAN(name, f)
#define TAF_MF_SLOT_TABLE(name, f)
#define TAF_MF_SLOT(name, type, where, flag, lower, upper, doc) TAF_MF_SLOT_##type(name, TAF_MF_FLAG_##flag)
static const size_t SLOT[TAF_F_COUNT] = { TAF_MODEL_FIELDS(TAF_MF_SLOT) };

void taf_model_set(struct taf_model_info *m, enum taf_field f, double v)
{
    if (f >= TAF_F_COUNT)
        return;
    if (f == TAF_F_TIED)
        m->tie_word_embeddings = v != 0;
    else
        *(double *)(void *)((char *)m + SLOT[f]) = v;
    m->present[f] = 1;
}

int taf_model_has(const struct taf_model_info *m, enum taf_field f)
{
    return f < TAF_F_COUNT && m->present[f];
}

double taf_model_value(const struct taf_model_info *m, const struct taf_model_field *f)
{
    return *(const double *)(const void *)((const char *)m + f->offset);
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

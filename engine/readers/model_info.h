/* What a model file says about the model (SPEC §8): the fields of a preset,
 * each with a presence flag, plus notes for every field that was defaulted,
 * guessed or could not be read. Filled by hf_config.c and gguf.c; pure C. */
#ifndef TAF_READERS_MODEL_INFO_H
#define TAF_READERS_MODEL_INFO_H

#include <stddef.h>
#include <stdint.h>

#include "readers/model_fields.h"

/* How the model remembers the context (SPEC §8 `architecture`). */
enum taf_arch {
    TAF_ARCH_FULL,   /* every layer attends to the whole context */
    TAF_ARCH_SWA,    /* some or all layers attend to a sliding window */
    TAF_ARCH_MLA,    /* multi-head latent attention: a compressed KV latent */
    TAF_ARCH_SSM,    /* state-space (Mamba): a constant-size state, no KV */
    TAF_ARCH_RWKV,   /* RWKV recurrence: a constant-size state, no KV */
    TAF_ARCH_LINEAR, /* linear attention: a constant-size state, no KV */
    TAF_ARCH_HYBRID, /* attention layers mixed with recurrent (SSM) layers */
};

enum taf_position {
    TAF_POS_UNKNOWN,
    TAF_POS_ROPE,     /* rotary: has a base θ */
    TAF_POS_ALIBI,    /* linear attention biases: no θ */
    TAF_POS_ABSOLUTE, /* learned absolute position table of T_train rows */
    TAF_POS_NONE,     /* no positional encoding (recurrent layers, NoPE attention) */
};

/* Presence flags, one per field a reader may leave unset (FLAG(...) in
 * readers/model_fields.h), in declaration order. */
#define TAF_MF_ENUM_FLAG(f) f,
#define TAF_MF_ENUM_NONE
#define TAF_MF_ENUM(name, type, where, flag, lower, upper, doc) TAF_MF_ENUM_##flag
enum taf_field { TAF_MODEL_FIELDS(TAF_MF_ENUM) TAF_F_COUNT };

/* The double members of struct taf_model_info: every number and integer field. */
#define TAF_MF_MEMBER_NUMBER(name) double name;
#define TAF_MF_MEMBER_INTEGER(name) double name;
#define TAF_MF_MEMBER_STRING(name)
#define TAF_MF_MEMBER_BOOLEAN(name)
#define TAF_MF_MEMBER_TABLE(name)
#define TAF_MF_MEMBER(name, type, where, flag, lower, upper, doc) TAF_MF_MEMBER_##type(name)

#define TAF_MODEL_MAX_NOTES 40
#define TAF_MODEL_NOTE_LEN 240
#define TAF_ROPE_MAX_FIELDS 16

/* One field of rope_scaling: a number, a string, a boolean or a number array. */
struct taf_rope_field {
    char key[48];
    enum { TAF_RF_NUMBER, TAF_RF_STRING, TAF_RF_BOOL, TAF_RF_ARRAY } kind;
    double number;     /* TAF_RF_NUMBER, TAF_RF_BOOL (0/1) */
    char string[64];   /* TAF_RF_STRING */
    double *array;     /* TAF_RF_ARRAY, malloc'd, `count` numbers */
    size_t count;
};

struct taf_model_info {
    char id[256];         /* _name_or_path, general.name, or the file name */
    char family[64];      /* model_type / general.architecture */
    char dtype[32];       /* torch_dtype, or the GGUF file type name */
    char source[600];     /* "config.json at PATH" / "GGUF v3 header at PATH" */
    enum taf_arch architecture;
    enum taf_position position;
    int has_SWA;

    /* theta, T_train, T_max, …, bytes_per_weight: meaning in readers/model_fields.h */
    TAF_MODEL_FIELDS(TAF_MF_MEMBER)
    int tie_word_embeddings;
    unsigned char present[TAF_F_COUNT];

    int has_rope_scaling;
    struct taf_rope_field rope_scaling[TAF_ROPE_MAX_FIELDS];
    int n_rope_fields;

    /* GGUF header facts (zero for config.json). */
    unsigned gguf_version;
    uint64_t gguf_tensors, gguf_kv;
    int gguf_file_type;              /* general.file_type, -1 when absent */
    double weight_bytes;             /* exact, from tensor types and shapes */
    double bits_per_weight;

    char notes[TAF_MODEL_MAX_NOTES][TAF_MODEL_NOTE_LEN];
    int n_notes;
};

/* One entry of readers/model_fields.h, for code that walks every field. */
struct taf_model_field {
    const char *name;
    const char *type;      /* "number", "integer", "string", "boolean" or "table" */
    const char *doc;
    double min, gt, max;   /* physical bounds; NAN where there is none */
    int flag;              /* enum taf_field, or -1 for a field without one */
    size_t offset;         /* of its double member: number and integer fields only, else 0 */
    unsigned char preset;  /* a preset file may set it (all but READER fields) */
};

#define TAF_MF_COUNT_ONE(...) +1
enum { TAF_MODEL_FIELD_COUNT = 0 TAF_MODEL_FIELDS(TAF_MF_COUNT_ONE) };
/* Every field, in declaration order. */
extern const struct taf_model_field taf_model_fields[TAF_MODEL_FIELD_COUNT];

void taf_model_info_init(struct taf_model_info *m);
/* Frees the rope_scaling arrays; the struct can be initialised again. */
void taf_model_info_free(struct taf_model_info *m);
/* Set a numeric field and its presence flag. */
void taf_model_set(struct taf_model_info *m, enum taf_field f, double v);
int taf_model_has(const struct taf_model_info *m, enum taf_field f);
/* The double member of a number or integer field (f->offset != 0). */
double taf_model_value(const struct taf_model_info *m, const struct taf_model_field *f);
/* Append a note (printf-style); silently drops notes past TAF_MODEL_MAX_NOTES. */
void taf_model_note(struct taf_model_info *m, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

const char *taf_arch_name(enum taf_arch a);          /* "FULL", "SWA", … */
const char *taf_position_name(enum taf_position p);  /* "rope", "alibi", … */
/* Copy a string into a fixed buffer, truncating; never overflows. */
void taf_copy_string(char *dst, size_t size, const char *src, size_t len);

#endif

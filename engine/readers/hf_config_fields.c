/* config.json field access for the HuggingFace reader: look a key up in
 * text_config then the top level, check its JSON type and range, fall back to
 * the family's documented default (with a note), try alias keys in order; and
 * the one error formatter, which names the file. */
#include "readers/hf_config_internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int hf_fail(struct ctx *c, const char *fmt, ...)
{
    if (!c->failed) {
        int n = snprintf(c->err, c->errsize, "%s: ", c->path);
        va_list ap;
        va_start(ap, fmt);
        if (n >= 0 && (size_t)n < c->errsize)
            vsnprintf(c->err + n, c->errsize - (size_t)n, fmt, ap);
        va_end(ap);
    }
    c->failed = 1;
    return -1;
}

/* text_config first (the language model of a multimodal config), then the top level. */
json_t *hf_lookup(struct ctx *c, const char *key)
{
    json_t *v = c->text ? json_object_get(c->text, key) : NULL;
    return v != NULL ? v : json_object_get(c->root, key);
}

json_t *hf_lookup_object(struct ctx *c, const char *key)
{
    json_t *v = hf_lookup(c, key);
    if (v == NULL || json_is_null(v))
        return NULL;
    if (!json_is_object(v))
        return hf_fail(c, "%s must be an object, got %s", key, json_is_array(v) ? "an array" : "a scalar"), NULL;
    return v;
}

const char *hf_type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: case JSON_REAL: return "a number";
    case JSON_TRUE: case JSON_FALSE: return "a boolean";
    case JSON_NULL: return "null";
    }
    return "?";
}

/* A number in [lo, hi] (an integer when `integer`): 1 found, 0 absent or null, -1 error. */
int hf_num_value(struct ctx *c, const char *key, const json_t *v, double lo, double hi, int integer,
                 double *out)
{
    if (v == NULL || json_is_null(v))
        return 0;
    if (!json_is_number(v))
        return hf_fail(c, "%s must be a number, got %s", key, hf_type_name(v));
    double x = json_number_value(v);
    if (!isfinite(x) || x < lo || x > hi || (integer && floor(x) != x))
        return hf_fail(c, "%s must be %s in [%g, %g], got %g", key, integer ? "an integer" : "a number", lo, hi, x);
    *out = x;
    return 1;
}

/* Values a family's config class supplies when config.json leaves them out
 * (transformers' defaults, or the documented training length). */
static const struct { enum family f; const char *key; double value; const char *why; } DEFAULTS[] = {
    { F_GEMMA3, "vocab_size", 262208, "Gemma3TextConfig default" },
    { F_GEMMA3, "max_position_embeddings", 131072, "Gemma3TextConfig default" },
    { F_GEMMA3, "rope_theta", 1000000, "Gemma3TextConfig default" },
    { F_GEMMA3, "rope_local_base_freq", 10000, "Gemma3TextConfig default" },
    /* gemma-3-4b's published text_config states neither heads nor head width */
    { F_GEMMA3, "num_attention_heads", 8, "Gemma3TextConfig default" },
    { F_GEMMA3, "num_key_value_heads", 4, "Gemma3TextConfig default" },
    { F_GEMMA3, "head_dim", 256, "Gemma3TextConfig default" },
    { F_FALCON, "max_position_embeddings", 2048, "FalconConfig default" },
    { F_BLOOM, "seq_length", 2048, "BLOOM's training length (ALiBi; not in config.json)" },
};

int hf_num(struct ctx *c, const char *key, double lo, double hi, int integer, double *out)
{
    json_t *v = hf_lookup(c, key);
    if (v == NULL)
        for (size_t i = 0; i < sizeof DEFAULTS / sizeof *DEFAULTS; i++)
            if (DEFAULTS[i].f == c->fam && strcmp(DEFAULTS[i].key, key) == 0) {
                *out = DEFAULTS[i].value;
                taf_model_note(c->m, "%s absent: %g (%s)", key, DEFAULTS[i].value, DEFAULTS[i].why);
                return 1;
            }
    return hf_num_value(c, key, v, lo, hi, integer, out);
}

/* The first of several alias keys that is present; *used names it. */
int hf_num_any(struct ctx *c, const char *const *keys, double lo, double hi, int integer, double *out,
               const char **used)
{
    for (; *keys != NULL; keys++) {
        int r = hf_num(c, *keys, lo, hi, integer, out);
        if (r != 0) {
            if (used) *used = *keys;
            return r;
        }
    }
    return 0;
}

int hf_boolean(struct ctx *c, const char *key, int *out)
{
    json_t *v = hf_lookup(c, key);
    if (v == NULL || json_is_null(v))
        return 0;
    if (!json_is_boolean(v))
        return hf_fail(c, "%s must be true or false, got %s", key, hf_type_name(v));
    *out = json_is_true(v);
    return 1;
}

const char *hf_string(struct ctx *c, const char *key)
{
    json_t *v = hf_lookup(c, key);
    if (v == NULL || json_is_null(v))
        return NULL;
    if (!json_is_string(v))
        return hf_fail(c, "%s must be a string, got %s", key, hf_type_name(v)), NULL;
    return json_string_value(v);
}

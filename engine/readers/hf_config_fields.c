/* config.json field access for the HuggingFace reader: look a key up in
 * text_config then the top level, check its JSON type and range, fall back to
 * the family's documented default (with a note), try alias keys in order; the
 * one error formatter, which names the file; and the masking of Python's
 * non-finite tokens (Infinity, -Infinity, NaN) so that jansson parses them. */
#include "readers/hf_config_internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
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

/* Python's json module writes float('inf'), float('-inf') and float('nan') as
 * Infinity, -Infinity and NaN (allow_nan=True is its default), and published
 * configs carry them (Mamba-2 hybrids' "time_step_limit": [0.0, Infinity]);
 * jansson, like the JSON grammar, has no such tokens. Outside strings each
 * token becomes a JSON string of exactly its own length whose first byte is
 * DEL (0x7f: legal unescaped in a JSON string, absent from published configs):
 *   NaN → "␡"   Infinity → "␡Infin"   -Infinity → "␡-Infin"
 * so every line and column jansson reports still points into the file as it
 * is. Fields tafrun does not read keep the masked string unexamined; a field
 * it reads as a number refuses it by name (hf_num_value, rope_scaling,
 * layer lists): "hidden_size must be a finite number, got NaN". Returns a
 * malloc'd copy when a token was masked (*masked = 1), else NULL (*masked =
 * 0, or -1 when out of memory). */
static const struct { const char *token, *mask; } NONFINITE[] = {
    { "-Infinity", "\"\x7f-Infin\"" }, { "Infinity", "\"\x7fInfin\"" }, { "NaN", "\"\x7f\"" },
};

static int word_char(int ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' ||
           ch == '.' || ch == '+' || ch == '-';
}

char *hf_nonfinite_mask(const char *text, size_t len, int *masked)
{
    char *out = NULL;
    int in_string = 0;
    *masked = 0;
    for (size_t i = 0; i < len; i++) {
        char ch = text[i];
        if (in_string) {
            if (ch == '\\') i++;
            else if (ch == '"') in_string = 0;
            continue;
        }
        if (ch == '"') {
            in_string = 1;
            continue;
        }
        if (ch != '-' && ch != 'I' && ch != 'N')
            continue;
        if (i > 0 && word_char((unsigned char)text[i - 1]))
            continue;
        for (size_t k = 0; k < sizeof NONFINITE / sizeof *NONFINITE; k++) {
            size_t n = strlen(NONFINITE[k].token);
            if (n > len - i || memcmp(text + i, NONFINITE[k].token, n) != 0 ||
                (i + n < len && word_char((unsigned char)text[i + n])))
                continue;
            if (out == NULL) {
                out = malloc(len ? len : 1);
                if (out == NULL) {
                    *masked = -1;
                    return NULL;
                }
                memcpy(out, text, len);
            }
            memcpy(out + i, NONFINITE[k].mask, n);  /* same length as the token */
            *masked = 1;
            i += n - 1;
            break;
        }
    }
    return out;
}

const char *hf_nonfinite_name(const json_t *v)
{
    if (v == NULL || !json_is_string(v))
        return NULL;
    const char *s = json_string_value(v);
    size_t n = json_string_length(v);
    if (n == 0 || s[0] != '\x7f')
        return NULL;
    if (n == 1) return "NaN";
    if (n == 6 && memcmp(s, "\x7fInfin", 6) == 0) return "Infinity";
    if (n == 7 && memcmp(s, "\x7f-Infin", 7) == 0) return "-Infinity";
    return NULL;
}

const char *hf_type_name(const json_t *v)
{
    const char *nonfinite = hf_nonfinite_name(v);
    if (nonfinite != NULL)
        return nonfinite;
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
    if (hf_nonfinite_name(v) != NULL)
        return hf_fail(c, "%s must be a finite number, got %s", key, hf_nonfinite_name(v));
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
    { F_GLM4_MOE, "n_routed_experts", 128, "Glm4MoeConfig default" },
    { F_GLM4_MOE, "num_experts_per_tok", 8, "Glm4MoeConfig default" },
    { F_GLM4_MOE, "moe_intermediate_size", 1408, "Glm4MoeConfig default" },
    { F_GLM4_MOE, "n_shared_experts", 1, "Glm4MoeConfig default" },
    { F_GLM4_MOE, "first_k_dense_replace", 1, "Glm4MoeConfig default" },
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
    if (!json_is_string(v) || hf_nonfinite_name(v) != NULL)
        return hf_fail(c, "%s must be a string, got %s", key, hf_type_name(v)), NULL;
    return json_string_value(v);
}

/* HuggingFace config.json (SPEC §8): the model fields, the architecture class
 * and a parameter count from the shapes, family by family. Every value that
 * is defaulted or guessed leaves a note; a value of the wrong type or out of
 * range is an error naming the file and the key. */
#include "readers/hf_config.h"
#include "formulas/params_count.h"

#include <jansson.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define HUGE_DIM 1e15

enum family {
    F_LLAMA, F_MISTRAL, F_MIXTRAL, F_QWEN2, F_QWEN2_MOE, F_QWEN3, F_QWEN3_MOE, F_GEMMA, F_GEMMA2,
    F_GEMMA3, F_PHI3, F_DEEPSEEK, F_GPT2, F_GPTJ, F_NEOX, F_FALCON, F_BLOOM, F_OLMO, F_OLMO2,
    F_MAMBA, F_MAMBA2, F_RWKV, F_JAMBA, F_NEMOTRON_H, F_ZAMBA, F_UNKNOWN,
};

static const struct { const char *name; enum family f; } FAMILIES[] = {
    { "llama", F_LLAMA }, { "mistral", F_MISTRAL }, { "mixtral", F_MIXTRAL }, { "qwen2", F_QWEN2 },
    { "qwen2_moe", F_QWEN2_MOE }, { "qwen3", F_QWEN3 }, { "qwen3_moe", F_QWEN3_MOE },
    { "gemma", F_GEMMA }, { "gemma2", F_GEMMA2 }, { "gemma3", F_GEMMA3 }, { "gemma3_text", F_GEMMA3 },
    { "phi3", F_PHI3 }, { "deepseek_v2", F_DEEPSEEK }, { "deepseek_v3", F_DEEPSEEK },
    { "gpt2", F_GPT2 }, { "gptj", F_GPTJ }, { "gpt_neox", F_NEOX }, { "falcon", F_FALCON },
    { "RefinedWeb", F_FALCON }, { "RefinedWebModel", F_FALCON }, { "bloom", F_BLOOM },
    { "olmo", F_OLMO }, { "olmo2", F_OLMO2 }, { "mamba", F_MAMBA }, { "falcon_mamba", F_MAMBA },
    { "mamba2", F_MAMBA2 }, { "rwkv", F_RWKV }, { "jamba", F_JAMBA }, { "nemotron_h", F_NEMOTRON_H },
    { "zamba", F_ZAMBA }, { "zamba2", F_ZAMBA },
};

struct ctx {
    json_t *root, *text;  /* top level; nested text_config (multimodal) or NULL */
    const char *path;
    char *err;
    size_t errsize;
    int failed;
    struct taf_model_info *m;
    enum family fam;
};

static int fail(struct ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(struct ctx *c, const char *fmt, ...)
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
static json_t *lookup(struct ctx *c, const char *key)
{
    json_t *v = c->text ? json_object_get(c->text, key) : NULL;
    return v != NULL ? v : json_object_get(c->root, key);
}

static json_t *lookup_object(struct ctx *c, const char *key)
{
    json_t *v = lookup(c, key);
    if (v == NULL || json_is_null(v))
        return NULL;
    if (!json_is_object(v))
        return fail(c, "%s must be an object, got %s", key, json_is_array(v) ? "an array" : "a scalar"), NULL;
    return v;
}

static const char *type_name(const json_t *v)
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
static int num_value(struct ctx *c, const char *key, const json_t *v, double lo, double hi, int integer,
                     double *out)
{
    if (v == NULL || json_is_null(v))
        return 0;
    if (!json_is_number(v))
        return fail(c, "%s must be a number, got %s", key, type_name(v));
    double x = json_number_value(v);
    if (!isfinite(x) || x < lo || x > hi || (integer && floor(x) != x))
        return fail(c, "%s must be %s in [%g, %g], got %g", key, integer ? "an integer" : "a number", lo, hi, x);
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
    { F_FALCON, "max_position_embeddings", 2048, "FalconConfig default" },
    { F_BLOOM, "seq_length", 2048, "BLOOM's training length (ALiBi; not in config.json)" },
};

static int num(struct ctx *c, const char *key, double lo, double hi, int integer, double *out)
{
    json_t *v = lookup(c, key);
    if (v == NULL)
        for (size_t i = 0; i < sizeof DEFAULTS / sizeof *DEFAULTS; i++)
            if (DEFAULTS[i].f == c->fam && strcmp(DEFAULTS[i].key, key) == 0) {
                *out = DEFAULTS[i].value;
                taf_model_note(c->m, "%s absent: %g (%s)", key, DEFAULTS[i].value, DEFAULTS[i].why);
                return 1;
            }
    return num_value(c, key, v, lo, hi, integer, out);
}

/* The first of several alias keys that is present; *used names it. */
static int num_any(struct ctx *c, const char *const *keys, double lo, double hi, int integer, double *out,
                   const char **used)
{
    for (; *keys != NULL; keys++) {
        int r = num(c, *keys, lo, hi, integer, out);
        if (r != 0) {
            if (used) *used = *keys;
            return r;
        }
    }
    return 0;
}

static int boolean(struct ctx *c, const char *key, int *out)
{
    json_t *v = lookup(c, key);
    if (v == NULL || json_is_null(v))
        return 0;
    if (!json_is_boolean(v))
        return fail(c, "%s must be true or false, got %s", key, type_name(v));
    *out = json_is_true(v);
    return 1;
}

static const char *string(struct ctx *c, const char *key)
{
    json_t *v = lookup(c, key);
    if (v == NULL || json_is_null(v))
        return NULL;
    if (!json_is_string(v))
        return fail(c, "%s must be a string, got %s", key, type_name(v)), NULL;
    return json_string_value(v);
}

/* ---- rope_scaling ------------------------------------------------------ */

static void read_rope_scaling(struct ctx *c, json_t *rs)
{
    struct taf_model_info *m = c->m;
    const char *key;
    json_t *v;
    m->has_rope_scaling = 1;
    json_object_foreach(rs, key, v) {
        if (m->n_rope_fields == TAF_ROPE_MAX_FIELDS) {
            taf_model_note(m, "rope_scaling: fields after the first %d ignored", TAF_ROPE_MAX_FIELDS);
            break;
        }
        struct taf_rope_field *f = &m->rope_scaling[m->n_rope_fields];
        memset(f, 0, sizeof *f);
        taf_copy_string(f->key, sizeof f->key, key, strlen(key));
        if (json_is_number(v)) {
            f->kind = TAF_RF_NUMBER;
            f->number = json_number_value(v);
            if (!isfinite(f->number))
                return (void)fail(c, "rope_scaling.%s must be finite", key);
        } else if (json_is_string(v)) {
            f->kind = TAF_RF_STRING;
            taf_copy_string(f->string, sizeof f->string, json_string_value(v), json_string_length(v));
        } else if (json_is_boolean(v)) {
            f->kind = TAF_RF_BOOL;
            f->number = json_is_true(v);
        } else if (json_is_array(v)) {
            size_t n = json_array_size(v);
            f->kind = TAF_RF_ARRAY;
            f->array = n ? malloc(n * sizeof *f->array) : NULL;
            if (n && f->array == NULL)
                return (void)fail(c, "out of memory reading rope_scaling.%s", key);
            m->n_rope_fields++;  /* owns the array from here on */
            for (size_t i = 0; i < n; i++) {
                json_t *e = json_array_get(v, i);
                if (!json_is_number(e) || !isfinite(json_number_value(e)))
                    return (void)fail(c, "rope_scaling.%s[%zu] must be a finite number, got %s", key, i,
                                      type_name(e));
                f->array[i] = json_number_value(e);
            }
            f->count = n;
            continue;
        } else if (json_is_null(v)) {
            continue;
        } else {
            taf_model_note(m, "rope_scaling.%s skipped (%s)", key, type_name(v));
            continue;
        }
        m->n_rope_fields++;
    }
}

static const struct taf_rope_field *rope_field(const struct taf_model_info *m, const char *key)
{
    for (int i = 0; i < m->n_rope_fields; i++)
        if (strcmp(m->rope_scaling[i].key, key) == 0)
            return &m->rope_scaling[i];
    return NULL;
}

static const char *rope_type(const struct taf_model_info *m)
{
    const struct taf_rope_field *f = rope_field(m, "rope_type");
    if (f == NULL || f->kind != TAF_RF_STRING)
        f = rope_field(m, "type");
    return f != NULL && f->kind == TAF_RF_STRING ? f->string : NULL;
}

/* Check the fields each rope_scaling type needs (SPEC §8). */
static void check_rope_scaling(struct ctx *c)
{
    struct taf_model_info *m = c->m;
    const char *type = rope_type(m);
    if (type == NULL)
        return (void)taf_model_note(m, "rope_scaling has no type/rope_type");
    static const char *const KNOWN[] = { "linear", "dynamic", "yarn", "longrope", "su", "llama3", "default",
                                         "mrope", NULL };
    int known = 0;
    for (const char *const *k = KNOWN; *k; k++)
        known |= strcmp(type, *k) == 0;
    if (!known)
        taf_model_note(m, "unknown rope_scaling type '%s': fields kept as given", type);
    const struct taf_rope_field *factor = rope_field(m, "factor");
    int needs_factor = !strcmp(type, "linear") || !strcmp(type, "dynamic") || !strcmp(type, "yarn") ||
                       !strcmp(type, "llama3");
    if (factor != NULL && (factor->kind != TAF_RF_NUMBER || !(factor->number > 0)))
        return (void)fail(c, "rope_scaling.factor must be a number > 0");
    if (needs_factor && factor == NULL)
        taf_model_note(m, "rope_scaling %s without a factor", type);
    if (!strcmp(type, "longrope") || !strcmp(type, "su")) {
        for (int i = 0; i < 2; i++) {
            const char *k = i ? "short_factor" : "long_factor";
            const struct taf_rope_field *f = rope_field(m, k);
            if (f != NULL && f->kind != TAF_RF_ARRAY)
                return (void)fail(c, "rope_scaling.%s must be an array of numbers", k);
            if (f == NULL)
                taf_model_note(m, "rope_scaling %s without %s", type, k);
        }
    }
    if (!strcmp(type, "llama3"))
        for (int i = 0; i < 2; i++) {
            const char *k = i ? "high_freq_factor" : "low_freq_factor";
            if (rope_field(m, k) == NULL)
                taf_model_note(m, "rope_scaling llama3 without %s", k);
        }
}

/* ---- families ----------------------------------------------------------- */

static enum family family_of(const char *model_type)
{
    for (size_t i = 0; i < sizeof FAMILIES / sizeof *FAMILIES; i++)
        if (strcmp(model_type, FAMILIES[i].name) == 0)
            return FAMILIES[i].f;
    return F_UNKNOWN;
}

static int is_recurrent(enum family f) { return f == F_MAMBA || f == F_MAMBA2 || f == F_RWKV; }
static int is_hybrid(enum family f) { return f == F_JAMBA || f == F_NEMOTRON_H || f == F_ZAMBA; }

static enum taf_position default_position(struct ctx *c)
{
    int alibi = 0;
    switch (c->fam) {
    case F_BLOOM: return TAF_POS_ALIBI;
    case F_GPT2: return TAF_POS_ABSOLUTE;
    case F_MAMBA: case F_MAMBA2: case F_RWKV: case F_JAMBA: case F_NEMOTRON_H: return TAF_POS_NONE;
    case F_FALCON: return boolean(c, "alibi", &alibi) > 0 && alibi ? TAF_POS_ALIBI : TAF_POS_ROPE;
    case F_ZAMBA: return boolean(c, "use_mem_rope", &alibi) > 0 && alibi ? TAF_POS_ROPE : TAF_POS_NONE;
    default: return TAF_POS_ROPE;
    }
}

static int default_tied(enum family f)
{
    switch (f) {
    case F_GEMMA: case F_GEMMA2: case F_GEMMA3: case F_GPT2: case F_FALCON: case F_BLOOM: case F_MAMBA:
    case F_MAMBA2: case F_ZAMBA:
        return 1;
    default:
        return 0;
    }
}

/* Layers whose pattern position p (0-based) makes them attention layers. */
static double count_period(double layers, double period, double offset)
{
    double n = 0;
    for (double i = 0; i < layers && period > 0; i++)
        if (fmod(i, period) == offset)
            n++;
    return n;
}

/* ---- the reader ---------------------------------------------------------- */

struct dims {
    double d, L, H, KV, dh, F, V, maxpos;
};

static void read_sliding_window(struct ctx *c, const struct dims *D)
{
    struct taf_model_info *m = c->m;
    double window = 0;
    int r = num(c, "sliding_window", 0, HUGE_DIM, 1, &window);
    if (r < 0 || (r == 0 && !(c->fam == F_GEMMA2 || c->fam == F_GEMMA3)))
        return;
    if (r == 0) {
        window = 4096;
        taf_model_note(m, "sliding_window absent: %s default 4096", c->fam == F_GEMMA2 ? "Gemma 2" : "Gemma 3");
    }
    if (window == 0)
        return;
    double n_swa = D->L;
    json_t *types = lookup(c, "layer_types");
    int use = 1;
    if (types != NULL && !json_is_null(types)) {
        if (!json_is_array(types))
            return (void)fail(c, "layer_types must be an array of strings, got %s", type_name(types));
        n_swa = 0;
        size_t i;
        json_t *t;
        json_array_foreach(types, i, t) {
            if (!json_is_string(t))
                return (void)fail(c, "layer_types[%zu] must be a string, got %s", i, type_name(t));
            n_swa += strcmp(json_string_value(t), "sliding_attention") == 0;
        }
        taf_model_note(m, "sliding layers counted from layer_types: %.0f of %zu", n_swa, json_array_size(types));
    } else if (c->fam == F_QWEN2 || c->fam == F_QWEN2_MOE || c->fam == F_QWEN3 || c->fam == F_QWEN3_MOE) {
        double mwl = D->L;
        if (boolean(c, "use_sliding_window", &use) < 0 || num(c, "max_window_layers", 0, HUGE_DIM, 1, &mwl) < 0)
            return;
        if (!use)
            return (void)taf_model_note(m, "sliding_window %.0f ignored: use_sliding_window is false", window);
        n_swa = D->L > mwl ? D->L - mwl : 0;  /* layers from max_window_layers on slide */
    } else if (c->fam == F_GEMMA2) {
        n_swa = ceil(D->L / 2);               /* even layers slide, odd layers are global */
    } else if (c->fam == F_GEMMA3) {
        double pattern = 6;
        if (num(c, "sliding_window_pattern", 1, HUGE_DIM, 1, &pattern) < 0)
            return;
        n_swa = D->L - floor(D->L / pattern);  /* every pattern-th layer is global */
    }
    if (D->maxpos > 0 && window >= D->maxpos && n_swa == D->L)
        return (void)taf_model_note(m, "sliding_window %.0f >= max_position_embeddings %.0f: no layer is limited",
                                    window, D->maxpos);
    if (n_swa > 0) {
        m->has_SWA = 1;
        taf_model_set(m, TAF_F_SLIDING_WINDOW, window);
        taf_model_set(m, TAF_F_SWA_LAYERS, n_swa);
    }
}

static void read_position(struct ctx *c, const struct dims *D)
{
    struct taf_model_info *m = c->m;
    m->position = default_position(c);
    if (m->position != TAF_POS_ROPE)
        return;
    static const char *const THETA[] = { "rope_theta", "rotary_emb_base", "rope_base", NULL };
    double theta;
    json_t *params = lookup_object(c, "rope_parameters");  /* transformers 5 layout */
    int r = params ? num_value(c, "rope_parameters.rope_theta", json_object_get(params, "rope_theta"),
                               1e-9, HUGE_DIM, 0, &theta)
                   : num_any(c, THETA, 1e-9, HUGE_DIM, 0, &theta, NULL);
    if (r < 0)
        return;
    if (r == 0) {
        theta = 10000;
        taf_model_note(m, "theta: rope_theta absent; RoPE default 10000");
    }
    taf_model_set(m, TAF_F_THETA, theta);
    double local;
    if (num(c, "rope_local_base_freq", 1e-9, HUGE_DIM, 0, &local) > 0)
        taf_model_note(m, "theta %.0f is the global layers' base; sliding layers use %.0f", theta, local);
    double pct = 1;
    if (num(c, "rotary_pct", 0, 1, 0, &pct) > 0 || num(c, "partial_rotary_factor", 0, 1, 0, &pct) > 0)
        taf_model_note(m, "RoPE rotates %.0f%% of each head's dimensions", pct * 100);
    double rdim;
    if (num(c, "rotary_dim", 0, HUGE_DIM, 1, &rdim) > 0 && D->dh > 0)
        taf_model_note(m, "RoPE rotates %.0f of %.0f head dimensions (rotary_dim)", rdim, D->dh);

    json_t *rs = lookup_object(c, "rope_scaling");
    if (rs == NULL && params != NULL) {
        json_t *t = json_object_get(params, "rope_type");
        if (t != NULL && json_is_string(t) && strcmp(json_string_value(t), "default") != 0)
            rs = params;
    }
    if (c->failed || rs == NULL)
        return;
    read_rope_scaling(c, rs);
    if (c->failed)
        return;
    check_rope_scaling(c);
}

static void read_T_train(struct ctx *c, struct dims *D)
{
    struct taf_model_info *m = c->m;
    static const char *const POS[] = { "max_position_embeddings", "n_positions", "n_ctx", "seq_length",
                                       "max_sequence_length", "context_length", NULL };
    const char *used = NULL;
    int r = num_any(c, POS, 1, HUGE_DIM, 1, &D->maxpos, &used);
    if (r < 0)
        return;
    double orig = 0;
    const struct taf_rope_field *f = rope_field(m, "original_max_position_embeddings");
    if (f != NULL && f->kind == TAF_RF_NUMBER && f->number >= 1)
        orig = f->number;
    else if (m->has_rope_scaling && num(c, "original_max_position_embeddings", 1, HUGE_DIM, 1, &orig) < 0)
        return;
    if (orig > 0) {
        taf_model_set(m, TAF_F_T_TRAIN, orig);
        taf_model_note(m, "T_train = original_max_position_embeddings %.0f (rope_scaling %s); the extended "
                       "maximum is %.0f", orig, rope_type(m) ? rope_type(m) : "?", D->maxpos);
    } else if (r > 0) {
        taf_model_set(m, TAF_F_T_TRAIN, D->maxpos);
        if (strcmp(used, "max_position_embeddings") != 0)
            taf_model_note(m, "T_train from %s", used);
    } else {
        taf_model_note(m, "T_train: no max_position_embeddings%s", is_recurrent(c->fam)
                       ? " (a recurrent model has no trained length in its config)" : "; give --set T_train=…");
    }
}

/* Head counts and widths shared by every attention family. */
static int read_dims(struct ctx *c, struct dims *D)
{
    struct taf_model_info *m = c->m;
    static const char *const HIDDEN[] = { "hidden_size", "n_embd", "d_model", "model_dim", NULL };
    static const char *const LAYERS[] = { "num_hidden_layers", "n_layer", "num_layers", "n_layers", NULL };
    static const char *const HEADS[] = { "num_attention_heads", "n_head", "num_heads", "n_heads", NULL };
    static const char *const VOCAB[] = { "vocab_size", "padded_vocab_size", NULL };
    if (num_any(c, HIDDEN, 1, 1e7, 1, &D->d, NULL) <= 0)
        return c->failed ? -1 : fail(c, "no hidden_size (or n_embd, d_model): not a decoder config?");
    if (num_any(c, LAYERS, 1, 1e6, 1, &D->L, NULL) <= 0)
        return c->failed ? -1 : fail(c, "no num_hidden_layers (or n_layer)");
    taf_model_set(m, TAF_F_D_MODEL, D->d);
    taf_model_set(m, TAF_F_LAYERS, D->L);
    int r = num_any(c, VOCAB, 1, 1e9, 1, &D->V, NULL);
    if (r < 0) return -1;
    if (r > 0) taf_model_set(m, TAF_F_VOCAB, D->V);
    else taf_model_note(m, "vocab: no vocab_size; embeddings not counted");
    if (c->fam == F_MAMBA || c->fam == F_MAMBA2 || c->fam == F_RWKV)
        return 0;

    r = num_any(c, HEADS, 1, 1e6, 1, &D->H, NULL);
    if (r <= 0)
        return c->failed ? -1 : fail(c, "no num_attention_heads (or n_head)");
    taf_model_set(m, TAF_F_HEADS, D->H);
    int mq = 0, new_arch = 0;
    if (c->fam == F_FALCON) {
        if (boolean(c, "multi_query", &mq) < 0 || boolean(c, "new_decoder_architecture", &new_arch) < 0)
            return -1;
    }
    if (c->fam == F_FALCON && new_arch) {
        if (num(c, "num_kv_heads", 1, 1e6, 1, &D->KV) <= 0)
            return c->failed ? -1 : fail(c, "new_decoder_architecture without num_kv_heads");
    } else if (c->fam == F_FALCON && mq) {
        D->KV = 1;
        taf_model_note(m, "n_kv_heads = 1 (multi_query)");
    } else {
        static const char *const KV[] = { "num_key_value_heads", "num_kv_heads", "n_head_kv", NULL };
        r = num_any(c, KV, 1, 1e6, 1, &D->KV, NULL);
        if (r < 0) return -1;
        if (r == 0) {
            D->KV = D->H;
            taf_model_note(m, "n_kv_heads: num_key_value_heads absent; = heads (multi-head attention)");
        }
    }
    if (D->KV > D->H)
        return fail(c, "num_key_value_heads %.0f exceeds num_attention_heads %.0f", D->KV, D->H);
    taf_model_set(m, TAF_F_KV_HEADS, D->KV);
    static const char *const HEAD_DIM[] = { "head_dim", "attention_head_dim", "kv_channels", NULL };
    r = num_any(c, HEAD_DIM, 1, 1e6, 1, &D->dh, NULL);
    if (r < 0) return -1;
    if (r == 0) {
        D->dh = D->d / D->H;
        if (floor(D->dh) != D->dh)
            return fail(c, "hidden_size %.0f is not a multiple of num_attention_heads %.0f and head_dim is absent",
                        D->d, D->H);
        if (lookup(c, "kv_lora_rank") == NULL)  /* MLA sets its own head width later */
            taf_model_note(m, "d_head = hidden_size/heads = %.0f (no head_dim)", D->dh);
    }
    taf_model_set(m, TAF_F_D_HEAD, D->dh);
    return 0;
}

static double read_d_ff(struct ctx *c, const struct dims *D, int plain_default)
{
    static const char *const FF[] = { "intermediate_size", "n_inner", "ffn_hidden_size", "ffn_dim", NULL };
    double f = 0;
    int r = num_any(c, FF, 1, 1e9, 1, &f, NULL);
    if (r > 0)
        taf_model_set(c->m, TAF_F_D_FF, f);
    else if (r == 0 && plain_default) {
        f = 4 * D->d;
        taf_model_set(c->m, TAF_F_D_FF, f);
        taf_model_note(c->m, "d_ff = 4·hidden_size = %.0f (no intermediate size given)", f);
    }
    return f;
}

/* Mixture of experts: counts, widths and which layers hold them. */
static void read_moe(struct ctx *c, const struct dims *D, struct taf_param_shape *s)
{
    struct taf_model_info *m = c->m;
    static const char *const E[] = { "num_local_experts", "num_experts", "n_routed_experts", NULL };
    static const char *const K[] = { "num_experts_per_tok", "moe_topk", NULL };
    double e = 0, k = 0;
    if (num_any(c, E, 0, 1e6, 1, &e, NULL) <= 0 || e <= 1)
        return;
    if (num_any(c, K, 1, e, 1, &k, NULL) <= 0) {
        if (c->failed) return;
        k = 2;
        taf_model_note(m, "n_experts_active: num_experts_per_tok absent; assumed 2");
    }
    taf_model_set(m, TAF_F_EXPERTS, e);
    taf_model_set(m, TAF_F_EXPERTS_ACTIVE, k);
    s->n_experts = e;
    s->n_experts_active = k;
    s->moe_d_ff = D->F;
    if (num(c, "moe_intermediate_size", 1, 1e9, 1, &s->moe_d_ff) < 0)
        return;
    double moe_layers = D->L;
    if (c->fam == F_DEEPSEEK) {
        double first = 0, freq = 1, shared = 0;
        if (num(c, "first_k_dense_replace", 0, D->L, 1, &first) < 0 || num(c, "moe_layer_freq", 1, 1e6, 1, &freq) < 0
            || num(c, "n_shared_experts", 0, 1e6, 1, &shared) < 0)
            return;
        moe_layers = 0;
        for (double i = first; i < D->L; i++)
            moe_layers += fmod(i, freq) == 0;
        s->n_shared_experts = shared;
        s->shared_d_ff = s->moe_d_ff;
        if (shared > 0) taf_model_set(m, TAF_F_SHARED_EXPERTS, shared);
        const char *method = string(c, "topk_method");
        if (method && strcmp(method, "noaux_tc") == 0)
            s->router_bias = e;  /* e_score_correction_bias */
    } else if (c->fam == F_QWEN2_MOE || c->fam == F_QWEN3_MOE) {
        double step = 1, shared_ff = 0;
        json_t *only = lookup(c, "mlp_only_layers");
        if (num(c, "decoder_sparse_step", 1, 1e6, 1, &step) < 0 ||
            num(c, "shared_expert_intermediate_size", 0, 1e9, 1, &shared_ff) < 0)
            return;
        size_t n_only = json_is_array(only) ? json_array_size(only) : 0;
        moe_layers = 0;
        for (double i = 0; i < D->L; i++)
            moe_layers += fmod(i + 1, step) == 0;
        moe_layers = moe_layers > n_only ? moe_layers - (double)n_only : 0;
        if (shared_ff > 0) {
            s->n_shared_experts = 1;
            s->shared_d_ff = shared_ff;
            s->shared_expert_gate = D->d;
            taf_model_set(m, TAF_F_SHARED_EXPERTS, 1);
        }
    } else if (c->fam == F_JAMBA) {
        double period = 2, offset = 1;
        if (num(c, "expert_layer_period", 1, 1e6, 1, &period) < 0 || num(c, "expert_layer_offset", 0, 1e6, 1, &offset) < 0)
            return;
        moe_layers = count_period(D->L, period, offset);
    }
    s->n_moe_layers = moe_layers;
    s->n_dense_mlp_layers = D->L - moe_layers;
}

/* Mamba-1/Mamba-2 mixer shapes (also Jamba's and Nemotron-H's layers). */
static int read_mamba(struct ctx *c, const struct dims *D, struct taf_param_shape *s, int jamba)
{
    const char *state_key = jamba ? "mamba_d_state" : "state_size";
    const char *conv_key = jamba ? "mamba_d_conv" : "conv_kernel";
    const char *expand_key = jamba ? "mamba_expand" : "expand";
    double expand = 2;
    s->d_state = 16;
    s->d_conv = 4;
    if (c->fam == F_NEMOTRON_H) {
        state_key = "ssm_state_size";
        double heads = 0, hd = 0;
        if (num(c, "mamba_num_heads", 1, 1e6, 1, &heads) <= 0 || num(c, "mamba_head_dim", 1, 1e6, 1, &hd) <= 0)
            return c->failed ? -1 : fail(c, "nemotron_h needs mamba_num_heads and mamba_head_dim");
        s->ssm_heads = heads;
        s->d_inner = heads * hd;
    }
    if (num(c, state_key, 1, 1e6, 1, &s->d_state) < 0 || num(c, conv_key, 1, 1e4, 1, &s->d_conv) < 0 ||
        num(c, expand_key, 0, 1e4, 0, &expand) < 0)
        return -1;
    if (s->d_inner == 0) {
        if (jamba || num(c, "intermediate_size", 1, 1e9, 1, &s->d_inner) <= 0)
            s->d_inner = expand * D->d;
        if (c->failed) return -1;
    }
    int conv_bias = 1, proj_bias = 0;
    if (boolean(c, jamba ? "mamba_conv_bias" : "use_conv_bias", &conv_bias) < 0 ||
        boolean(c, jamba ? "mamba_proj_bias" : "use_bias", &proj_bias) < 0)
        return -1;
    s->conv_bias = conv_bias;
    s->proj_bias = proj_bias;
    if (c->fam == F_MAMBA2 || c->fam == F_NEMOTRON_H) {
        s->mixer = TAF_MIXER_MAMBA2;
        s->n_groups = 1;
        if (num(c, "n_groups", 1, 1e6, 1, &s->n_groups) < 0)
            return -1;
        if (c->fam == F_MAMBA2) {
            double hd = 64;
            if (num(c, "num_heads", 1, 1e6, 1, &s->ssm_heads) < 0 || num(c, "head_dim", 1, 1e6, 1, &hd) < 0)
                return -1;
            if (s->ssm_heads == 0) s->ssm_heads = s->d_inner / hd;
        }
        return 0;
    }
    s->mixer = TAF_MIXER_MAMBA1;
    const char *rank_key = jamba ? "mamba_dt_rank" : "time_step_rank";
    json_t *rank = lookup(c, rank_key);
    if (rank != NULL && json_is_string(rank) && strcmp(json_string_value(rank), "auto") == 0)
        rank = NULL;
    if (num_value(c, rank_key, rank, 1, 1e6, 1, &s->dt_rank) < 0)
        return -1;
    if (s->dt_rank == 0)
        s->dt_rank = ceil(D->d / 16);  /* "auto" */
    if (jamba)
        s->mixer_inner_norms = s->dt_rank + 2 * s->d_state;  /* dt, B and C layernorms */
    return 0;
}

/* The parameter shape of each family: which matrices, biases and norms exist. */
static int build_shape(struct ctx *c, struct dims *D, struct taf_param_shape *s)
{
    struct taf_model_info *m = c->m;
    int attention_bias = 0, mlp_bias = 0, tied = default_tied(c->fam);
    if (boolean(c, "attention_bias", &attention_bias) < 0 || boolean(c, "mlp_bias", &mlp_bias) < 0)
        return -1;
    int r = boolean(c, "tie_word_embeddings", &tied);
    if (r < 0) return -1;
    if (r == 0)
        taf_model_note(m, "tie_word_embeddings absent: %s default (%s)", m->family, tied ? "tied" : "untied");
    taf_model_set(m, TAF_F_TIED, tied);

    s->vocab = D->V;
    s->d_model = D->d;
    s->tied = tied;
    s->n_heads = D->H;
    s->n_kv_heads = D->KV;
    s->d_head = D->dh;
    s->n_attention_layers = D->L;
    s->n_norm_layers = D->L;
    s->norm_params_per_layer = 2 * D->d;   /* two RMSNorms per block */
    s->final_norm = D->d;
    s->gated = 1;
    s->qkv_bias = s->o_bias = attention_bias;
    s->mlp_bias = mlp_bias;
    D->F = read_d_ff(c, D, 0);
    s->d_ff = D->F;
    s->n_dense_mlp_layers = D->L;

    switch (c->fam) {
    case F_QWEN2: case F_QWEN2_MOE:
        s->qkv_bias = 1;
        s->o_bias = 0;
        break;
    case F_QWEN3: case F_QWEN3_MOE:
        s->qk_norm = 2 * D->dh;
        break;
    case F_OLMO2:
        s->qk_norm = (D->H + D->KV) * D->dh;
        break;
    case F_GEMMA2:
        s->norm_params_per_layer = 4 * D->d;
        break;
    case F_GEMMA3:
        s->norm_params_per_layer = 4 * D->d;
        s->qk_norm = 2 * D->dh;
        break;
    case F_OLMO:
        s->norm_params_per_layer = s->final_norm = 0;  /* non-parametric LayerNorm */
        break;
    case F_GPT2: case F_GPTJ: case F_NEOX: case F_FALCON: case F_BLOOM: {
        int bias = c->fam != F_GPTJ && c->fam != F_FALCON;
        if (c->fam == F_FALCON && boolean(c, "bias", &bias) < 0)
            return -1;
        s->gated = 0;
        s->qkv_bias = s->o_bias = bias;
        s->mlp_bias = bias || c->fam == F_GPTJ;
        s->final_norm = 2 * D->d;
        D->F = s->d_ff = read_d_ff(c, D, 1);
        if (c->fam == F_GPT2 && num(c, "n_positions", 1, HUGE_DIM, 1, &s->n_positions) < 0)
            return -1;
        if (c->fam == F_GPTJ) {
            s->norm_params_per_layer = 2 * D->d;  /* one LayerNorm, parallel attention and MLP */
            s->lm_head_bias = 1;
        }
        if (c->fam == F_BLOOM)
            s->embed_norm = 2 * D->d;
        if (c->fam == F_GPT2 || c->fam == F_NEOX || c->fam == F_BLOOM)
            s->norm_params_per_layer = 4 * D->d;
        if (c->fam == F_FALCON) {
            int new_arch = 0, parallel = 1;
            double n_ln = 2;
            if (boolean(c, "new_decoder_architecture", &new_arch) < 0 || boolean(c, "parallel_attn", &parallel) < 0 ||
                num(c, "num_ln_in_parallel_attn", 1, 2, 1, &n_ln) < 0)
                return -1;
            s->norm_params_per_layer = (new_arch ? n_ln : parallel ? 1 : 2) * 2 * D->d;
        }
        break;
    }
    case F_MAMBA: case F_MAMBA2:
        s->n_attention_layers = 0;
        s->n_dense_mlp_layers = 0;
        s->n_mixer_layers = D->L;
        s->norm_params_per_layer = D->d;
        return read_mamba(c, D, s, 0);
    case F_RWKV: {
        s->n_attention_layers = s->n_dense_mlp_layers = 0;
        s->mixer = TAF_MIXER_RWKV4;
        s->n_mixer_layers = D->L;
        s->rwkv_attention_size = D->d;
        s->rwkv_ffn_size = 4 * D->d;
        if (num(c, "attention_hidden_size", 1, 1e9, 1, &s->rwkv_attention_size) < 0 ||
            num(c, "intermediate_size", 1, 1e9, 1, &s->rwkv_ffn_size) < 0)
            return -1;
        s->norm_params_per_layer = 4 * D->d;  /* ln1, ln2 with bias */
        s->embed_norm = 2 * D->d;             /* pre_ln of block 0 */
        s->final_norm = 2 * D->d;
        return 0;
    }
    case F_JAMBA: {
        double period = 8, offset = 4;
        if (num(c, "attn_layer_period", 1, 1e6, 1, &period) < 0 || num(c, "attn_layer_offset", 0, 1e6, 1, &offset) < 0)
            return -1;
        s->n_attention_layers = count_period(D->L, period, offset);
        s->n_mixer_layers = D->L - s->n_attention_layers;
        if (read_mamba(c, D, s, 1) < 0)
            return -1;
        break;
    }
    case F_NEMOTRON_H: {
        const char *pattern = string(c, "hybrid_override_pattern");
        if (pattern == NULL)
            return c->failed ? -1 : fail(c, "nemotron_h needs hybrid_override_pattern");
        if (strlen(pattern) != (size_t)D->L)
            return fail(c, "hybrid_override_pattern has %zu layers, num_hidden_layers says %.0f", strlen(pattern), D->L);
        double mamba = 0, attn = 0, mlp = 0;
        for (const char *p = pattern; *p; p++) {
            if (*p == 'M') mamba++;
            else if (*p == '*') attn++;
            else if (*p == '-') mlp++;
            else return fail(c, "hybrid_override_pattern: unknown layer kind '%c'", *p);
        }
        s->n_mixer_layers = mamba;
        s->n_attention_layers = attn;
        s->n_dense_mlp_layers = mlp;
        s->gated = 0;  /* squared-ReLU MLP: up and down */
        s->norm_params_per_layer = D->d;
        return read_mamba(c, D, s, 0);
    }
    default:
        break;
    }
    if (c->fam == F_DEEPSEEK || (c->fam == F_UNKNOWN && lookup(c, "kv_lora_rank") != NULL)) {
        double kvr = 0;
        if (num(c, "kv_lora_rank", 0, 1e6, 1, &kvr) < 0)
            return -1;
        if (kvr > 0) {
            s->mla = 1;
            s->kv_lora_rank = kvr;
            if (num(c, "q_lora_rank", 0, 1e6, 1, &s->q_lora_rank) < 0 ||
                num(c, "qk_nope_head_dim", 0, 1e6, 1, &s->qk_nope_head_dim) < 0 ||
                num(c, "qk_rope_head_dim", 0, 1e6, 1, &s->qk_rope_head_dim) < 0 ||
                num(c, "v_head_dim", 0, 1e6, 1, &s->v_head_dim) < 0)
                return -1;
            taf_model_set(m, TAF_F_KV_LORA_RANK, kvr);
            if (s->q_lora_rank > 0) taf_model_set(m, TAF_F_Q_LORA_RANK, s->q_lora_rank);
            taf_model_set(m, TAF_F_QK_ROPE_DIM, s->qk_rope_head_dim);
            taf_model_set(m, TAF_F_QK_NOPE_DIM, s->qk_nope_head_dim);
            taf_model_set(m, TAF_F_V_HEAD_DIM, s->v_head_dim);
            if (s->qk_nope_head_dim + s->qk_rope_head_dim > 0) {
                D->dh = s->qk_nope_head_dim + s->qk_rope_head_dim;
                taf_model_set(m, TAF_F_D_HEAD, D->dh);
                taf_model_note(m, "d_head = qk_nope_head_dim + qk_rope_head_dim = %.0f (MLA query/key head)", D->dh);
            }
        }
    }
    read_moe(c, D, s);
    return c->failed ? -1 : 0;
}

static void classify(struct ctx *c, const struct dims *D, const struct taf_param_shape *s)
{
    struct taf_model_info *m = c->m;
    double state = s->n_mixer_layers * taf_mixer_state_elements(s);
    if (c->fam == F_RWKV) {
        m->architecture = TAF_ARCH_RWKV;
    } else if (c->fam == F_MAMBA || c->fam == F_MAMBA2) {
        m->architecture = TAF_ARCH_SSM;
    } else if (is_hybrid(c->fam)) {
        m->architecture = TAF_ARCH_HYBRID;
    } else if (s->mla) {
        m->architecture = TAF_ARCH_MLA;
    } else if (m->has_SWA) {
        m->architecture = TAF_ARCH_SWA;
    }
    if (is_recurrent(c->fam) || is_hybrid(c->fam)) {
        if (state > 0)
            taf_model_set(m, TAF_F_STATE_ELEMENTS, state);
        taf_model_set(m, TAF_F_ATTN_LAYERS, s->n_attention_layers);
        if (is_hybrid(c->fam))
            taf_model_note(m, "hybrid: %.0f attention layers of %.0f", s->n_attention_layers, D->L);
    } else {
        taf_model_set(m, TAF_F_ATTN_LAYERS, D->L);
    }
}

static void count_params(struct ctx *c, const struct dims *D, const struct taf_param_shape *s)
{
    struct taf_model_info *m = c->m;
    if (c->fam == F_ZAMBA)
        return (void)taf_model_note(m, "n_params not computed: Zamba's shared attention blocks with LoRA "
                                       "adapters are not modelled; give --set n_params=…");
    if (D->V == 0)
        return;
    struct taf_param_count n = taf_param_count(s);
    taf_model_set(m, TAF_F_PARAMS, n.total);
    if (s->n_moe_layers > 0 && s->n_experts > 0) {
        taf_model_set(m, TAF_F_PARAMS_ACTIVE, n.active);
        taf_model_note(m, "n_params computed from the shapes: %.4gB total, %.4gB active (%.0f of %.0f experts)",
                       n.total / 1e9, n.active / 1e9, s->n_experts_active, s->n_experts);
    } else {
        taf_model_note(m, "n_params computed from the shapes: %.4gB", n.total / 1e9);
    }
    if (c->fam == F_UNKNOWN)
        taf_model_note(m, "n_params assumes a Llama-style layout (gated MLP, RMSNorm, no biases)");
}

static void read_identity(struct ctx *c)
{
    struct taf_model_info *m = c->m;
    const char *name = string(c, "_name_or_path");
    if (name != NULL && *name && name[0] != '/' && name[0] != '.') {
        taf_copy_string(m->id, sizeof m->id, name, strlen(name));
    } else {
        /* the folder holding config.json, else the file name without .json */
        const char *p = c->path, *slash = strrchr(p, '/'), *base = slash ? slash + 1 : p;
        size_t len = strlen(base);
        if (strcmp(base, "config.json") == 0 && slash != NULL && slash != p) {
            const char *start = slash;
            while (start > p && start[-1] != '/') start--;
            base = start;
            len = (size_t)(slash - start);
        } else if (len > 5 && strcmp(base + len - 5, ".json") == 0) {
            len -= 5;
        }
        taf_copy_string(m->id, sizeof m->id, base, len);
    }
    const char *dtype = string(c, "torch_dtype");
    if (dtype == NULL) dtype = string(c, "dtype");
    if (dtype != NULL)
        taf_copy_string(m->dtype, sizeof m->dtype, dtype, strlen(dtype));
    else
        taf_model_note(m, "dtype: no torch_dtype");
    snprintf(m->source, sizeof m->source, "config.json at %s", c->path);
}

int taf_parse_hf_config(const char *text, size_t len, const char *path, struct taf_model_info *m,
                        char *err, size_t errsize)
{
    taf_model_info_init(m);
    struct ctx c = { .path = path, .err = err, .errsize = errsize, .m = m };
    json_error_t je;
    c.root = json_loadb(text, len, 0, &je);
    if (c.root == NULL) {
        snprintf(err, errsize, "%s: line %d column %d: %s", path, je.line, je.column, je.text);
        return -1;
    }
    if (!json_is_object(c.root)) {
        fail(&c, "the top level is %s, expected an object", type_name(c.root));
        goto done;
    }
    json_t *text_config = json_object_get(c.root, "text_config");
    if (text_config != NULL && !json_is_null(text_config)) {
        if (!json_is_object(text_config)) {
            fail(&c, "text_config must be an object, got %s", type_name(text_config));
            goto done;
        }
        c.text = text_config;
        taf_model_note(m, "fields read from text_config (the language model of a multimodal config)");
    }
    const char *type = string(&c, "model_type");
    if (c.failed) goto done;
    json_t *archs = json_object_get(c.root, "architectures");
    if (type == NULL && json_is_array(archs) && json_is_string(json_array_get(archs, 0)))
        type = json_string_value(json_array_get(archs, 0));
    c.fam = type ? family_of(type) : F_UNKNOWN;
    taf_copy_string(m->family, sizeof m->family, type ? type : "unknown", strlen(type ? type : "unknown"));
    if (c.fam == F_UNKNOWN)
        taf_model_note(m, "model_type '%s' is not one tafrun knows: read as a Llama-like decoder", m->family);

    read_identity(&c);
    struct dims D = { 0 };
    struct taf_param_shape s = { 0 };
    if (c.failed || read_dims(&c, &D) < 0)
        goto done;
    read_position(&c, &D);
    if (c.failed) goto done;
    read_T_train(&c, &D);
    if (c.failed || build_shape(&c, &D, &s) < 0)
        goto done;
    if (!is_recurrent(c.fam))
        read_sliding_window(&c, &D);
    if (c.failed) goto done;
    classify(&c, &D, &s);
    count_params(&c, &D, &s);
done:
    json_decref(c.root);
    if (c.failed)
        taf_model_info_free(m);
    return c.failed ? -1 : 0;
}

int taf_read_hf_config(const char *path, struct taf_model_info *m, char *err, size_t errsize)
{
    char file[4200];
    struct stat st;
    taf_model_info_init(m);
    if (stat(path, &st) != 0) {
        snprintf(err, errsize, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        snprintf(file, sizeof file, "%s%sconfig.json", path, path[0] && path[strlen(path) - 1] == '/' ? "" : "/");
        path = file;
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errsize, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, errsize, "%s: not a regular file", path);
        close(fd);
        return -1;
    }
    if ((unsigned long long)st.st_size > TAF_HF_CONFIG_MAX_BYTES) {
        snprintf(err, errsize, "%s: %lld bytes is too large for a config.json (at most %u MiB)", path,
                 (long long)st.st_size, TAF_HF_CONFIG_MAX_BYTES >> 20);
        close(fd);
        return -1;
    }
    size_t size = (size_t)st.st_size, got = 0;
    char *buf = malloc(size ? size : 1);
    if (buf == NULL) {
        snprintf(err, errsize, "%s: out of memory", path);
        close(fd);
        return -1;
    }
    while (got < size) {
        ssize_t n = read(fd, buf + got, size - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += (size_t)n;
    }
    close(fd);
    if (got != size) {
        snprintf(err, errsize, "%s: cannot read: %s", path, got < size ? "short read" : strerror(errno));
        free(buf);
        return -1;
    }
    int rc = taf_parse_hf_config(buf, size, path, m, err, errsize);
    free(buf);
    return rc;
}

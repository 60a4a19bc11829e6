/* Position encoding from config.json: the default per family, θ (rope_theta
 * and its aliases, or the transformers 5 rope_parameters), the rope_scaling
 * block copied field by field and checked per type, and T_train (the
 * original length when rope_scaling extends it). */
#include "readers/hf_config_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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
                return (void)hf_fail(c, "rope_scaling.%s must be finite", key);
        } else if (hf_nonfinite_name(v) != NULL) {
            return (void)hf_fail(c, "rope_scaling.%s must be finite, got %s", key, hf_nonfinite_name(v));
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
                return (void)hf_fail(c, "out of memory reading rope_scaling.%s", key);
            m->n_rope_fields++;  /* owns the array from here on */
            for (size_t i = 0; i < n; i++) {
                json_t *e = json_array_get(v, i);
                if (!json_is_number(e) || !isfinite(json_number_value(e)))
                    return (void)hf_fail(c, "rope_scaling.%s[%zu] must be a finite number, got %s", key, i,
                                         hf_type_name(e));
                f->array[i] = json_number_value(e);
            }
            f->count = n;
            continue;
        } else if (json_is_null(v)) {
            continue;
        } else {
            taf_model_note(m, "rope_scaling.%s skipped (%s)", key, hf_type_name(v));
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
        return (void)hf_fail(c, "rope_scaling.factor must be a number > 0");
    if (needs_factor && factor == NULL)
        taf_model_note(m, "rope_scaling %s without a factor", type);
    if (!strcmp(type, "longrope") || !strcmp(type, "su")) {
        for (int i = 0; i < 2; i++) {
            const char *k = i ? "short_factor" : "long_factor";
            const struct taf_rope_field *f = rope_field(m, k);
            if (f != NULL && f->kind != TAF_RF_ARRAY)
                return (void)hf_fail(c, "rope_scaling.%s must be an array of numbers", k);
            for (size_t j = 0; f != NULL && j < f->count; j++)  /* per-dimension scale factors */
                if (!(f->array[j] > 0))
                    return (void)hf_fail(c, "rope_scaling.%s[%zu] must be > 0, got %g", k, j, f->array[j]);
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

void hf_read_position(struct ctx *c, const struct dims *D)
{
    struct taf_model_info *m = c->m;
    m->position = hf_default_position(c);
    if (m->position != TAF_POS_ROPE)
        return;
    static const char *const THETA[] = { "rope_theta", "rotary_emb_base", "rope_base", NULL };
    double theta;
    json_t *params = hf_lookup_object(c, "rope_parameters");  /* transformers 5 layout */
    int r = params ? hf_num_value(c, "rope_parameters.rope_theta", json_object_get(params, "rope_theta"),
                                  1e-9, HUGE_DIM, 0, &theta)
                   : hf_num_any(c, THETA, 1e-9, HUGE_DIM, 0, &theta, NULL);
    if (r < 0)
        return;
    if (r == 0) {
        theta = 10000;
        taf_model_note(m, "theta: rope_theta absent; RoPE default 10000");
    }
    taf_model_set(m, TAF_F_THETA, theta);
    double local;
    if (hf_num(c, "rope_local_base_freq", 1e-9, HUGE_DIM, 0, &local) > 0)
        taf_model_note(m, "theta %.0f is the global layers' base; sliding layers use %.0f", theta, local);
    double pct = 1;
    if (hf_num(c, "rotary_pct", 0, 1, 0, &pct) > 0 || hf_num(c, "partial_rotary_factor", 0, 1, 0, &pct) > 0)
        taf_model_note(m, "RoPE rotates %.0f%% of each head's dimensions", pct * 100);
    double rdim;
    if (hf_num(c, "rotary_dim", 0, HUGE_DIM, 1, &rdim) > 0 && D->dh > 0)
        taf_model_note(m, "RoPE rotates %.0f of %.0f head dimensions (rotary_dim)", rdim, D->dh);

    json_t *rs = hf_lookup_object(c, "rope_scaling");
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

void hf_read_T_train(struct ctx *c, struct dims *D)
{
    struct taf_model_info *m = c->m;
    static const char *const POS[] = { "max_position_embeddings", "n_positions", "n_ctx", "seq_length",
                                       "max_sequence_length", "context_length", NULL };
    const char *used = NULL;
    int r = hf_num_any(c, POS, 1, HUGE_DIM, 1, &D->maxpos, &used);
    if (r < 0)
        return;
    if (r > 0)
        taf_model_set(m, TAF_F_T_MAX, D->maxpos);
    double orig = 0;
    const struct taf_rope_field *f = rope_field(m, "original_max_position_embeddings");
    if (f != NULL) {  /* a length, checked as the top-level key is */
        if (f->kind != TAF_RF_NUMBER)
            return (void)hf_fail(c, "rope_scaling.original_max_position_embeddings must be a number");
        if (!(f->number >= 1 && f->number <= HUGE_DIM && f->number == floor(f->number)))
            return (void)hf_fail(c, "rope_scaling.original_max_position_embeddings must be an integer in [1, %g], got %g",
                                 HUGE_DIM, f->number);
        orig = f->number;
    } else if (m->has_rope_scaling && hf_num(c, "original_max_position_embeddings", 1, HUGE_DIM, 1, &orig) < 0) {
        return;
    }
    if (orig > 0) {
        taf_model_set(m, TAF_F_T_TRAIN, orig);
        taf_model_note(m, "T_train = original_max_position_embeddings %.0f (rope_scaling %s); the extended "
                       "maximum is %.0f", orig, rope_type(m) ? rope_type(m) : "?", D->maxpos);
    } else if (r > 0) {
        taf_model_set(m, TAF_F_T_TRAIN, D->maxpos);
        if (strcmp(used, "max_position_embeddings") != 0)
            taf_model_note(m, "T_train from %s", used);
    } else {
        taf_model_note(m, "T_train: no max_position_embeddings%s", hf_is_recurrent(c->fam)
                       ? " (a recurrent model has no trained length in its config)" : "; give --set T_train=…");
    }
}

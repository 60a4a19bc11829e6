/* GGUF metadata as model fields: general.* and the {arch}.* keys (layers,
 * widths, heads, vocabulary), the position encoding and θ, rope scaling and
 * T_train, the architecture class from the names and the tensors'
 * per-block layout (SWA, MLA, SSM, RWKV, hybrid) with the recurrent state,
 * and the experts; the counts from the tensor infos come last. */
#include "readers/gguf_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static void set_from(struct taf_model_info *m, enum taf_field f, const struct kv *kv)
{
    double v = gguf_number_or_max(kv, NULL);
    if (kv != NULL && v > 0 && isfinite(v))
        taf_model_set(m, f, v);
}

static int arch_in(const char *arch, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(arch, *list) == 0) return 1;
    return 0;
}

/* {arch}.* keys that hold a count or a width, as one value or one per layer. */
static const char *const COUNT_KEYS[] = {
    "block_count", "context_length", "embedding_length", "feed_forward_length", "vocab_size",
    "attention.head_count", "attention.head_count_kv", "attention.key_length", "attention.value_length",
    "attention.kv_lora_rank", "attention.q_lora_rank", "attention.sliding_window",
    "attention.sliding_window_pattern", "rope.dimension_count", "rope.scaling.original_context_length",
    "expert_count", "expert_used_count", "expert_shared_count",
    "ssm.inner_size", "ssm.state_size", "ssm.conv_kernel", "ssm.group_count", "wkv.head_size", NULL
};

static int is_count(double x) { return isfinite(x) && x >= 0 && x == floor(x); }

/* A count present in the file is a finite integer >= 0 (0 reads as absent, as
 * in mamba's head_count): a negative, fractional, NaN or infinite one fails. */
static int check_count(struct gg *g, const struct kv *kv)
{
    if (kv == NULL)
        return 0;
    if (kv->type == T_STRING || (kv->type == T_ARRAY && (kv->elem_type == T_STRING || kv->elem_type == T_ARRAY)))
        return gguf_fail(g, "%s must be an integer >= 0 (or one per layer), got %s", kv->key,
                         kv->type == T_STRING ? "a string" : "an array of non-numbers");
    if (kv->type != T_ARRAY) {
        if (!is_count(kv->num))
            return gguf_fail(g, "%s must be an integer >= 0, got %g", kv->key, kv->num);
        return 0;
    }
    for (uint64_t i = 0; kv->array != NULL && i < kv->count; i++)
        if (!is_count(kv->array[i]))
            return gguf_fail(g, "%s[%llu] must be an integer >= 0, got %g", kv->key, (unsigned long long)i,
                             kv->array[i]);
    return 0;
}

/* head_count_kv <= head_count, per layer when both are per-layer arrays (the
 * config.json reader's num_key_value_heads check). */
static int check_kv_heads(struct gg *g, const char *arch)
{
    const struct kv *h = gguf_find_arch(g, arch, "attention.head_count");
    const struct kv *kv = gguf_find_arch(g, arch, "attention.head_count_kv");
    if (h == NULL || kv == NULL)
        return 0;
    if (h->type == T_ARRAY && kv->type == T_ARRAY && h->array != NULL && kv->array != NULL && h->count == kv->count) {
        for (uint64_t i = 0; i < h->count; i++)
            if (kv->array[i] > h->array[i])
                return gguf_fail(g, "%s[%llu] %.0f exceeds %s[%llu] %.0f", kv->key, (unsigned long long)i,
                                 kv->array[i], h->key, (unsigned long long)i, h->array[i]);
        return 0;
    }
    double heads = gguf_number_or_max(h, NULL), kv_heads = gguf_number_or_max(kv, NULL);
    if (heads > 0 && kv_heads > heads)
        return gguf_fail(g, "%s %.0f exceeds %s %.0f", kv->key, kv_heads, h->key, heads);
    return 0;
}

/* θ, when the file states one: a finite number > 0. */
static int check_freq_base(struct gg *g, const struct kv *base)
{
    if (base == NULL)
        return 0;
    if (!is_number(base) || base->type == T_BOOL)
        return gguf_fail(g, "%s must be a number, got %s", base->key,
                         base->type == T_STRING ? "a string" : base->type == T_BOOL ? "a boolean" : "an array");
    if (!(isfinite(base->num) && base->num > 0))
        return gguf_fail(g, "%s must be a finite number > 0, got %g", base->key, base->num);
    return 0;
}

static int check_fields(struct gg *g, const char *arch)
{
    if (*arch == '\0')
        return 0;
    for (const char *const *k = COUNT_KEYS; *k; k++)
        if (check_count(g, gguf_find_arch(g, arch, *k)))
            return -1;
    return check_kv_heads(g, arch) || check_freq_base(g, gguf_find_arch(g, arch, "rope.freq_base")) ? -1 : 0;
}

static int copy_rope_scaling(struct gg *g, struct taf_model_info *m, const char *arch)
{
    char prefix[96];
    int n = snprintf(prefix, sizeof prefix, "%s.rope.scaling.", arch);
    const struct kv *type = gguf_find_arch(g, arch, "rope.scaling.type");
    if (type == NULL || type->type != T_STRING || strcmp(type->str, "none") == 0)
        return 0;
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
            if (!isfinite(kv->num))  /* the config.json reader's rope_scaling checks */
                return gguf_fail(g, "%s must be finite", kv->key);
            if (!strcmp(suffix, "factor") && !(kv->num > 0))
                return gguf_fail(g, "%s must be a number > 0, got %g", kv->key, kv->num);
            f->kind = kv->type == T_BOOL ? TAF_RF_BOOL : TAF_RF_NUMBER;
            f->number = kv->num;
        } else {
            continue;
        }
        m->n_rope_fields++;
    }
    return 0;
}

int gguf_fill_model(struct gg *g, struct taf_model_info *m, const struct tensors *t)
{
    const struct kv *a = gguf_find(g, "general.architecture");
    const char *arch = a != NULL && a->type == T_STRING ? a->str : "";
    if (check_fields(g, arch))
        return -1;
    if (*arch == '\0')
        taf_model_note(m, "no general.architecture: model fields come from the tensors only");
    taf_copy_string(m->family, sizeof m->family, *arch ? arch : "unknown", strlen(*arch ? arch : "unknown"));
    const struct kv *name = gguf_find(g, "general.name");
    if (name != NULL && name->type == T_STRING && name->str[0])
        taf_copy_string(m->id, sizeof m->id, name->str, strlen(name->str));

    set_from(m, TAF_F_LAYERS, gguf_find_arch(g, arch, "block_count"));
    set_from(m, TAF_F_D_MODEL, gguf_find_arch(g, arch, "embedding_length"));
    set_from(m, TAF_F_D_FF, gguf_find_arch(g, arch, "feed_forward_length"));
    set_from(m, TAF_F_HEADS, gguf_find_arch(g, arch, "attention.head_count"));
    double kv_layers = 0;
    const struct kv *kvh = gguf_find_arch(g, arch, "attention.head_count_kv");
    double kv_heads = gguf_number_or_max(kvh, &kv_layers);
    if (kv_heads > 0) {
        taf_model_set(m, TAF_F_KV_HEADS, kv_heads);
    } else if (taf_model_has(m, TAF_F_HEADS)) {
        taf_model_set(m, TAF_F_KV_HEADS, m->n_attention_heads);
        taf_model_note(m, "n_kv_heads: %s.attention.head_count_kv absent; = heads", arch);
    }
    const struct kv *kl = gguf_find_arch(g, arch, "attention.key_length");
    if (is_number(kl) && kl->num > 0) {
        taf_model_set(m, TAF_F_D_HEAD, kl->num);
    } else if (taf_model_has(m, TAF_F_HEADS) && m->n_attention_heads > 0 && m->d_model > 0) {
        taf_model_set(m, TAF_F_D_HEAD, m->d_model / m->n_attention_heads);
        taf_model_note(m, "d_head = embedding_length/head_count = %g", m->d_head);
    }
    const struct kv *tokens = gguf_find(g, "tokenizer.ggml.tokens");
    if (tokens != NULL && tokens->type == T_ARRAY && tokens->count > 0)
        taf_model_set(m, TAF_F_VOCAB, (double)tokens->count);
    else if (t->embd_rows > 0)
        taf_model_set(m, TAF_F_VOCAB, t->embd_rows);
    else
        set_from(m, TAF_F_VOCAB, gguf_find_arch(g, arch, "vocab_size"));

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
    const struct kv *base = gguf_find_arch(g, arch, "rope.freq_base");
    if (m->position == TAF_POS_ROPE) {
        if (is_number(base) && base->num > 0) {
            taf_model_set(m, TAF_F_THETA, base->num);
        } else {
            taf_model_set(m, TAF_F_THETA, 10000);
            taf_model_note(m, "theta: %s.rope.freq_base absent; RoPE default 10000", arch);
        }
    }
    const struct kv *ctx = gguf_find_arch(g, arch, "context_length");
    const struct kv *orig = gguf_find_arch(g, arch, "rope.scaling.original_context_length");
    if (copy_rope_scaling(g, m, arch))
        return -1;
    if (is_number(ctx) && ctx->num > 0)
        taf_model_set(m, TAF_F_T_MAX, ctx->num);
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
    const struct kv *kvr = gguf_find_arch(g, arch, "attention.kv_lora_rank");
    const struct kv *window = gguf_find_arch(g, arch, "attention.sliding_window");
    if (ssm) {
        m->architecture = TAF_ARCH_SSM;
    } else if (rwkv) {
        m->architecture = TAF_ARCH_RWKV;
    } else if (hybrid || (attn > 0 && recurrent > 0)) {
        m->architecture = TAF_ARCH_HYBRID;
    } else if (is_number(kvr) && kvr->num > 0) {
        m->architecture = TAF_ARCH_MLA;
        taf_model_set(m, TAF_F_KV_LORA_RANK, kvr->num);
        set_from(m, TAF_F_Q_LORA_RANK, gguf_find_arch(g, arch, "attention.q_lora_rank"));
        set_from(m, TAF_F_QK_ROPE_DIM, gguf_find_arch(g, arch, "rope.dimension_count"));
        set_from(m, TAF_F_V_HEAD_DIM, gguf_find_arch(g, arch, "attention.value_length"));
    } else if (is_number(window) && window->num > 0) {
        double swa = layers;
        const struct kv *pattern = gguf_find_arch(g, arch, "attention.sliding_window_pattern");
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
            double di = gguf_number_or_max(gguf_find_arch(g, arch, "ssm.inner_size"), NULL);
            double n = gguf_number_or_max(gguf_find_arch(g, arch, "ssm.state_size"), NULL);
            double k = gguf_number_or_max(gguf_find_arch(g, arch, "ssm.conv_kernel"), NULL);
            double groups = gguf_number_or_max(gguf_find_arch(g, arch, "ssm.group_count"), NULL);
            double conv_dim = di + 2 * groups * n;
            state = di * n + (k > 1 ? k - 1 : 0) * conv_dim;
        } else {
            double hs = gguf_number_or_max(gguf_find_arch(g, arch, "wkv.head_size"), NULL);
            state = d * hs + 2 * d;
        }
        double rec_layers = recurrent > 0 ? recurrent : layers - attn;
        if (state > 0 && rec_layers > 0)
            taf_model_set(m, TAF_F_STATE_ELEMENTS, state * rec_layers);
    } else {
        taf_model_set(m, TAF_F_ATTN_LAYERS, layers);
    }

    /* experts */
    const struct kv *experts = gguf_find_arch(g, arch, "expert_count");
    if (is_number(experts) && experts->num > 1) {
        taf_model_set(m, TAF_F_EXPERTS, experts->num);
        set_from(m, TAF_F_EXPERTS_ACTIVE, gguf_find_arch(g, arch, "expert_used_count"));
        set_from(m, TAF_F_SHARED_EXPERTS, gguf_find_arch(g, arch, "expert_shared_count"));
    }

    /* exact counts from the tensor infos */
    gguf_fill_counts(g, m, t);
    return 0;
}

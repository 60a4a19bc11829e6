/* HuggingFace config.json (SPEC §8): reads the file (or the config.json in a
 * directory), picks the family, then fills the model fields in order: the
 * identity and dtype, the dimensions (width, layers, heads, KV heads, head
 * width, vocabulary), the position encoding, the parameter shape, the
 * sliding-window layers, the architecture class and the parameter count.
 * Every value that is defaulted or guessed leaves a note; a value of the
 * wrong type or out of range is an error naming the file and the key. The
 * pieces: hf_config_fields.c (JSON field access), hf_config_family.c,
 * hf_config_rope.c, hf_config_params.c. */
#include "readers/hf_config.h"
#include "readers/hf_config_internal.h"
#include "readers/reader_open.h"

#include <jansson.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Sliding-window layers: how many slide and how far they see (0 when none). */
static double sliding_layers(struct ctx *c, const struct dims *D, double *window)
{
    struct taf_model_info *m = c->m;
    *window = 0;
    int r = hf_num(c, "sliding_window", 0, HUGE_DIM, 1, window);
    if (r < 0 || (r == 0 && !(c->fam == F_GEMMA2 || c->fam == F_GEMMA3)))
        return 0;
    if (r == 0) {
        *window = 4096;
        taf_model_note(m, "sliding_window absent: %s default 4096", c->fam == F_GEMMA2 ? "Gemma 2" : "Gemma 3");
    }
    if (*window == 0)
        return 0;
    double n_swa = D->L;
    int use = 1;
    const struct layers *lay = &c->lay;
    if (lay->from != NULL && (strcmp(lay->from, "layer_types") == 0 || strcmp(lay->from, "layers_block_type") == 0)) {
        n_swa = lay->sliding;
        taf_model_note(m, "sliding layers counted from %s: %.0f of %.0f", lay->from, n_swa,
                       lay->full + lay->sliding + lay->chunked + lay->linear + lay->ssm);
    } else if (lay->from != NULL) {
        return 0;  /* the layer list names every kind and none slides */
    } else if (c->fam == F_QWEN2 || c->fam == F_QWEN2_MOE || c->fam == F_QWEN3 || c->fam == F_QWEN3_MOE) {
        double mwl = D->L;
        if (hf_boolean(c, "use_sliding_window", &use) < 0 || hf_num(c, "max_window_layers", 0, HUGE_DIM, 1, &mwl) < 0)
            return 0;
        if (!use)
            return taf_model_note(m, "sliding_window %.0f ignored: use_sliding_window is false", *window), 0;
        n_swa = D->L > mwl ? D->L - mwl : 0;  /* layers from max_window_layers on slide */
    } else if (c->fam == F_GEMMA2) {
        n_swa = ceil(D->L / 2);               /* even layers slide, odd layers are global */
    } else if (c->fam == F_GEMMA3) {
        double pattern = 6;
        if (hf_num(c, "sliding_window_pattern", 1, HUGE_DIM, 1, &pattern) < 0)
            return 0;
        n_swa = D->L - floor(D->L / pattern);  /* every pattern-th layer is global */
    }
    if (D->maxpos > 0 && *window >= D->maxpos && n_swa == D->L)
        return taf_model_note(m, "sliding_window %.0f >= max_position_embeddings %.0f: no layer is limited",
                              *window, D->maxpos), 0;
    return n_swa;
}

/* Layers that keep at most a window of keys: sliding layers (sliding_window)
 * and chunked layers (attention_chunk_size: a chunked layer attends within its
 * chunk, so it holds at most one chunk of keys). Both are written as
 * sliding_window W over n_swa_layers: the KV formula caps each at min(W, L). */
static void read_sliding_window(struct ctx *c, const struct dims *D)
{
    struct taf_model_info *m = c->m;
    double window = 0;
    double n_swa = sliding_layers(c, D, &window);
    if (c->failed)
        return;
    const struct layers *lay = &c->lay;
    if (lay->chunked > 0 && lay->chunk > 0) {
        if (D->maxpos > 0 && lay->chunk >= D->maxpos) {
            taf_model_note(m, "attention_chunk_size %.0f >= max_position_embeddings %.0f: no chunked layer is limited",
                           lay->chunk, D->maxpos);
        } else {
            if (n_swa > 0 && window != lay->chunk)
                taf_model_note(m, "sliding_window %.0f and attention_chunk_size %.0f differ: both kinds are counted "
                               "at the larger, %.0f", window, lay->chunk, fmax(window, lay->chunk));
            window = n_swa > 0 ? fmax(window, lay->chunk) : lay->chunk;
            n_swa += lay->chunked;
            taf_model_note(m, "chunked attention (attention_chunk_size %.0f) on %.0f of %.0f layers, written as "
                           "sliding_window = %.0f over n_swa_layers: a chunked layer keeps at most one chunk of keys",
                           lay->chunk, lay->chunked, D->L, window);
        }
    }
    if (n_swa > 0) {
        m->has_SWA = 1;
        taf_model_set(m, TAF_F_SLIDING_WINDOW, window);
        taf_model_set(m, TAF_F_SWA_LAYERS, n_swa);
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
    if (hf_num_any(c, HIDDEN, 1, 1e7, 1, &D->d, NULL) <= 0)
        return c->failed ? -1 : hf_fail(c, "no hidden_size (or n_embd, d_model): not a decoder config?");
    if (hf_num_any(c, LAYERS, 1, 1e6, 1, &D->L, NULL) <= 0)
        return c->failed ? -1 : hf_fail(c, "no num_hidden_layers (or n_layer)");
    taf_model_set(m, TAF_F_D_MODEL, D->d);
    taf_model_set(m, TAF_F_LAYERS, D->L);
    int r = hf_num_any(c, VOCAB, 1, 1e9, 1, &D->V, NULL);
    if (r < 0) return -1;
    if (r > 0) taf_model_set(m, TAF_F_VOCAB, D->V);
    else taf_model_note(m, "vocab: no vocab_size; embeddings not counted");
    if (hf_is_recurrent(c->fam))  /* no attention heads (mamba_ssm's attn_cfg is read with its shape) */
        return 0;

    r = hf_num_any(c, HEADS, 1, 1e6, 1, &D->H, NULL);
    if (r <= 0)
        return c->failed ? -1 : hf_fail(c, "no num_attention_heads (or n_head)");
    taf_model_set(m, TAF_F_HEADS, D->H);
    int mq = 0, new_arch = 0;
    if (c->fam == F_FALCON) {
        if (hf_boolean(c, "multi_query", &mq) < 0 || hf_boolean(c, "new_decoder_architecture", &new_arch) < 0)
            return -1;
    }
    if (c->fam == F_FALCON && new_arch) {
        if (hf_num(c, "num_kv_heads", 1, 1e6, 1, &D->KV) <= 0)
            return c->failed ? -1 : hf_fail(c, "new_decoder_architecture without num_kv_heads");
    } else if (c->fam == F_FALCON && mq) {
        D->KV = 1;
        taf_model_note(m, "n_kv_heads = 1 (multi_query)");
    } else {
        static const char *const KV[] = { "num_key_value_heads", "num_kv_heads", "n_head_kv", NULL };
        r = hf_num_any(c, KV, 1, 1e6, 1, &D->KV, NULL);
        if (r < 0) return -1;
        if (r == 0) {
            D->KV = D->H;
            taf_model_note(m, "n_kv_heads: num_key_value_heads absent; = heads (multi-head attention)");
        }
    }
    if (D->KV > D->H)
        return hf_fail(c, "num_key_value_heads %.0f exceeds num_attention_heads %.0f", D->KV, D->H);
    taf_model_set(m, TAF_F_KV_HEADS, D->KV);
    static const char *const HEAD_DIM[] = { "head_dim", "attention_head_dim", "kv_channels", NULL };
    r = hf_num_any(c, HEAD_DIM, 1, 1e6, 1, &D->dh, NULL);
    if (r < 0) return -1;
    if (r == 0) {
        D->dh = D->d / D->H;
        if (floor(D->dh) != D->dh)
            return hf_fail(c, "hidden_size %.0f is not a multiple of num_attention_heads %.0f and head_dim is absent",
                           D->d, D->H);
        if (hf_lookup(c, "kv_lora_rank") == NULL)  /* MLA sets its own head width later */
            taf_model_note(m, "d_head = hidden_size/heads = %.0f (no head_dim)", D->dh);
    }
    taf_model_set(m, TAF_F_D_HEAD, D->dh);
    return 0;
}

/* quantization_config: a checkpoint stored in another format than torch_dtype
 * (which then names the compute type). The weight format becomes `dtype`:
 * fp8 → FP8, awq → AWQ, gptq 4/8-bit → GPTQ/INT8, bitsandbytes → NF4/INT8; any
 * other method keeps its own name, so a recipe that sizes the weights stops
 * and asks for --set weight_format rather than counting bf16 bytes. */
static void read_quantization(struct ctx *c)
{
    struct taf_model_info *m = c->m;
    json_t *q = hf_lookup_object(c, "quantization_config");
    if (q == NULL)
        return;
    json_t *mv = json_object_get(q, "quant_method");
    const char *method = json_is_string(mv) ? json_string_value(mv) : "unknown";
    json_t *bv = json_object_get(q, "bits");
    if (hf_nonfinite_name(bv) != NULL)
        return (void)hf_fail(c, "quantization_config.bits must be a finite number, got %s", hf_nonfinite_name(bv));
    double bits = json_is_number(bv) ? json_number_value(bv) : 0;
    const char *format = NULL;
    if (strcmp(method, "fp8") == 0)
        format = "FP8";
    else if (strcmp(method, "awq") == 0 && (bits == 0 || bits == 4))
        format = "AWQ";
    else if (strcmp(method, "gptq") == 0 && bits == 4)
        format = "GPTQ";
    else if (strcmp(method, "gptq") == 0 && bits == 8)
        format = "INT8";
    else if (strcmp(method, "bitsandbytes") == 0)
        format = json_is_true(json_object_get(q, "load_in_4bit")) ? "NF4"
                 : json_is_true(json_object_get(q, "load_in_8bit")) ? "INT8" : NULL;
    char torch[sizeof m->dtype];
    taf_copy_string(torch, sizeof torch, m->dtype, strlen(m->dtype));
    if (format != NULL) {
        taf_copy_string(m->dtype, sizeof m->dtype, format, strlen(format));
        taf_model_note(m, "dtype = %s from quantization_config (quant_method %s); torch_dtype %s is the compute type",
                       format, method, torch[0] ? torch : "absent");
    } else {
        char bits_text[32] = "";
        if (bits > 0 && bits < 64)
            snprintf(bits_text, sizeof bits_text, ", %g bits", bits);
        taf_copy_string(m->dtype, sizeof m->dtype, method, strlen(method));
        taf_model_note(m, "dtype = %s: quantization_config (quant_method %s%s) is not a weight format tafrun "
                       "models; give --set weight_format=… (torch_dtype %s is the compute type)",
                       m->dtype, method, bits_text, torch[0] ? torch : "absent");
    }
}

static void read_identity(struct ctx *c)
{
    struct taf_model_info *m = c->m;
    const char *name = hf_string(c, "_name_or_path");
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
    const char *dtype = hf_string(c, "torch_dtype");
    if (dtype == NULL) dtype = hf_string(c, "dtype");
    if (dtype != NULL)
        taf_copy_string(m->dtype, sizeof m->dtype, dtype, strlen(dtype));
    else
        taf_model_note(m, "dtype: no torch_dtype");
    read_quantization(c);
    snprintf(m->source, sizeof m->source, "config.json at %s", c->path);
}

int taf_parse_hf_config(const char *text, size_t len, const char *path, struct taf_model_info *m,
                        char *err, size_t errsize)
{
    taf_model_info_init(m);
    struct ctx c = { .path = path, .err = err, .errsize = errsize, .m = m };
    json_error_t je;
    int masked;
    char *unmasked = hf_nonfinite_mask(text, len, &masked);  /* Infinity, -Infinity, NaN: hf_config_fields.c */
    if (masked < 0) {
        snprintf(err, errsize, "%s: out of memory", path);
        return -1;
    }
    c.root = json_loadb(unmasked ? unmasked : text, len, 0, &je);
    free(unmasked);
    if (c.root == NULL) {
        snprintf(err, errsize, "%s: line %d column %d: %s", path, je.line, je.column, je.text);
        return -1;
    }
    if (!json_is_object(c.root)) {
        hf_fail(&c, "the top level is %s, expected an object", hf_type_name(c.root));
        goto done;
    }
    json_t *text_config = json_object_get(c.root, "text_config");
    if (text_config != NULL && !json_is_null(text_config)) {
        if (!json_is_object(text_config)) {
            hf_fail(&c, "text_config must be an object, got %s", hf_type_name(text_config));
            goto done;
        }
        c.text = text_config;
        taf_model_note(m, "fields read from text_config (the language model of a multimodal config)");
    }
    const char *type = hf_string(&c, "model_type");
    if (c.failed) goto done;
    json_t *archs = json_object_get(c.root, "architectures");
    if (type == NULL && json_is_array(archs) && json_is_string(json_array_get(archs, 0)))
        type = json_string_value(json_array_get(archs, 0));
    if (type == NULL && json_object_get(c.root, "ssm_cfg") != NULL && json_object_get(c.root, "n_layer") != NULL) {
        type = "mamba_ssm";  /* the mamba_ssm package's own config.json (MambaConfig) */
        taf_model_note(m, "no model_type: read as a mamba_ssm MambaConfig (d_model, n_layer, ssm_cfg)");
    }
    c.fam = type ? hf_family_of(type) : F_UNKNOWN;
    taf_copy_string(m->family, sizeof m->family, type ? type : "unknown", strlen(type ? type : "unknown"));

    read_identity(&c);
    struct dims D = { 0 };
    struct taf_param_shape s = { 0 };
    if (c.failed || read_dims(&c, &D) < 0)
        goto done;
    hf_read_position(&c, &D);
    if (c.failed) goto done;
    hf_read_T_train(&c, &D);
    if (c.failed) goto done;
    hf_read_layers(&c, &D);
    if (c.failed) goto done;
    if (c.fam == F_UNKNOWN)
        taf_model_note(m, "model_type '%s' is not one tafrun knows: %s", m->family, c.lay.from == NULL
                       ? "read as a Llama-like decoder" : "layers classified by their fields, the rest read as Llama");
    if (hf_build_shape(&c, &D, &s) < 0)
        goto done;
    if (!hf_is_recurrent(c.fam))
        read_sliding_window(&c, &D);
    if (c.failed) goto done;
    hf_classify(&c, &D, &s);
    hf_count_params(&c, &D, &s);
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
    if (stat(path, &st) != 0)
        return taf_reader_open_error(-1, path, err, errsize);
    if (S_ISDIR(st.st_mode)) {
        snprintf(file, sizeof file, "%s%sconfig.json", path, path[0] && path[strlen(path) - 1] == '/' ? "" : "/");
        path = file;
    }
    int fd = taf_reader_open(path, &st);
    if (fd < 0)
        return taf_reader_open_error(fd, path, err, errsize);
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

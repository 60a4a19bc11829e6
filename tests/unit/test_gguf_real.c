/* Unit test of engine/readers/gguf.c on the structure of a real, published
 * GGUF file: mistral-7b-instruct-v0.2.Q3_K_M.gguf of TheBloke/Mistral-7B-
 * Instruct-v0.2-GGUF on Hugging Face. No copy of the file is at hand, but
 * llama.cpp's listing of its header is published (tests/data/gguf/, source
 * in the fixture's first line): every tensor with its name, ggml type and
 * shape, every key with its type, and the values llama.cpp read. The test
 * parses that text, writes a GGUF v3 header with the same keys, value types
 * and values in the same order and the same tensor infos (offsets laid out
 * as llama.cpp's writer does), and compares what the reader makes of it with
 * facts published apart from the reader: the counts llama.cpp printed in the
 * same log, TheBloke's file size, Mistral AI's parameter count. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "readers/gguf.h"

#define DUMP TAF_SOURCE_DIR "/tests/data/gguf/mistral-7b-instruct-v0.2.Q3_K_M.dump.txt"
#define MAX_TENSORS 400
#define MAX_KVS 40

enum { GGUF_U32 = 4, GGUF_I32 = 5, GGUF_F32 = 6, GGUF_BOOL = 7, GGUF_STRING = 8, GGUF_ARRAY = 9 };

/* The ggml types the listing uses, with ggml.c's type_traits: elements per
 * block and bytes per block. TheBloke's model card states the same figures as
 * bits per weight: Q3_K 3.4375 = 110·8/256, Q4_K 4.5 = 144·8/256,
 * Q5_K 5.5 = 176·8/256, Q6_K 6.5625 = 210·8/256. */
static const struct { const char *name; uint32_t type, block, bytes; } GGML[] = {
    { "f32", 0, 1, 4 }, { "q3_K", 11, 256, 110 }, { "q4_K", 12, 256, 144 }, { "q5_K", 13, 256, 176 },
    { "q6_K", 14, 256, 210 },
};

struct tensor_line { char name[128], type[16]; unsigned long long ne[4]; };
struct kv_line { char key[128], type[16]; };

struct dump {
    char *text;
    struct tensor_line t[MAX_TENSORS];
    struct kv_line kv[MAX_KVS];
    int n_t, n_kv, declared_kv, declared_t, version;
};

static struct dump D;

/* --- the published text ------------------------------------------------- */

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) fail_msg("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    assert_non_null(s);
    assert_true(fread(s, 1, (size_t)n, f) == (size_t)n);
    s[n] = '\0';
    fclose(f);
    return s;
}

/* Tensor lines in the loader's "%4d: %32s %-8s [ %5d, … ]" form, key lines in
 * its "%4d: %42s %s" form, and the "loaded meta data" line with the counts. */
static void parse_dump(struct dump *d)
{
    d->text = slurp(DUMP);
    for (char *line = d->text; *line;) {
        char *nl = strchr(line, '\n');
        if (nl != NULL) *nl = '\0';
        struct tensor_line *t = &d->t[d->n_t];
        struct kv_line *kv = &d->kv[d->n_kv];
        int i;
        if (d->n_t < MAX_TENSORS &&
            sscanf(line, "llama_model_loader: - tensor %d: %127s %15s [ %llu, %llu, %llu, %llu ]", &i, t->name,
                   t->type, &t->ne[0], &t->ne[1], &t->ne[2], &t->ne[3]) == 7) {
            assert_int_equal(i, d->n_t);
            d->n_t++;
        } else if (d->n_kv < MAX_KVS && sscanf(line, "llama_model_loader: - kv %d: %127s %15s", &i, kv->key, kv->type) == 3) {
            assert_int_equal(i, d->n_kv);
            d->n_kv++;
        } else {
            sscanf(line, "llama_model_loader: loaded meta data with %d key-value pairs and %d tensors from %*s (version GGUF V%d",
                   &d->declared_kv, &d->declared_t, &d->version);
        }
        if (nl == NULL) break;
        *nl = '\n';  /* keep the text whole for meta() */
        line = nl + 1;
    }
}

/* The value of an llm_load_print_meta line ("n_embd           = 4096"), or NULL. */
static const char *meta(const char *field, char *out, size_t size)
{
    char prefix[96];
    snprintf(prefix, sizeof prefix, "\nllm_load_print_meta: %s ", field);
    const char *p = strstr(D.text, prefix);
    if (p == NULL) return NULL;
    p += strlen(prefix);
    p += strspn(p, " ");
    if (*p != '=') return NULL;
    p += 1 + strspn(p + 1, " ");
    size_t n = strcspn(p, "\n");
    if (n >= size) n = size - 1;
    memcpy(out, p, n);
    out[n] = '\0';
    return out;
}

static const char *need_meta(const char *field, char *out, size_t size)
{
    if (meta(field, out, size) == NULL) fail_msg("no llm_load_print_meta line '%s' in the dump", field);
    return out;
}

/* --- a GGUF header in memory, after ggml's docs/gguf.md ------------------ */

struct buf { unsigned char *d; size_t n, cap; };

static void put(struct buf *b, const void *p, size_t n)
{
    if (b->n + n > b->cap) {
        b->cap = 2 * (b->n + n);
        b->d = realloc(b->d, b->cap);
        assert_non_null(b->d);
    }
    memcpy(b->d + b->n, p, n);
    b->n += n;
}
static void u8(struct buf *b, uint8_t v) { put(b, &v, 1); }
static void u32(struct buf *b, uint32_t v) { for (int i = 0; i < 4; i++) u8(b, (uint8_t)(v >> (8 * i))); }
static void u64(struct buf *b, uint64_t v) { for (int i = 0; i < 8; i++) u8(b, (uint8_t)(v >> (8 * i))); }
static void str(struct buf *b, const char *s) { u64(b, strlen(s)); put(b, s, strlen(s)); }
static void key(struct buf *b, const char *k, uint32_t type) { str(b, k); u32(b, type); }
static void f32(struct buf *b, float v) { uint32_t x; memcpy(&x, &v, 4); u32(b, x); }

/* Which llm_load_print_meta line holds each key's value: the loader of that
 * llama.cpp version printed keys with their types only. */
static const struct { const char *key, *field; } VALUE_LINE[] = {
    { "general.architecture", "arch" },
    { "general.name", "general.name" },
    { "llama.context_length", "n_ctx_train" },
    { "llama.embedding_length", "n_embd" },
    { "llama.block_count", "n_layer" },
    { "llama.feed_forward_length", "n_ff" },
    { "llama.rope.dimension_count", "n_rot" },
    { "llama.attention.head_count", "n_head" },
    { "llama.attention.head_count_kv", "n_head_kv" },
    { "llama.attention.layer_norm_rms_epsilon", "f_norm_rms_eps" },
    { "llama.rope.freq_base", "freq_base_train" },
    { "tokenizer.ggml.bos_token_id", "BOS token" },
    { "tokenizer.ggml.eos_token_id", "EOS token" },
    { "tokenizer.ggml.unknown_token_id", "UNK token" },
    { "tokenizer.ggml.padding_token_id", "PAD token" },
};

static const char *value_of(const char *k, char *out, size_t size)
{
    for (size_t i = 0; i < sizeof VALUE_LINE / sizeof *VALUE_LINE; i++)
        if (strcmp(VALUE_LINE[i].key, k) == 0) return need_meta(VALUE_LINE[i].field, out, size);
    return NULL;
}

static void write_kv(struct buf *b, const struct kv_line *kv)
{
    char v[256];
    if (strcmp(kv->key, "general.file_type") == 0) {
        /* "mostly Q3_K - Medium" is llama.cpp's name for LLAMA_FTYPE_MOSTLY_Q3_K_M = 12 (llama.h) */
        assert_string_equal(need_meta("model ftype", v, sizeof v), "mostly Q3_K - Medium");
        key(b, kv->key, GGUF_U32);
        u32(b, 12);
    } else if (strcmp(kv->key, "tokenizer.ggml.model") == 0) {
        /* llama.cpp reads tokenizer model "llama" as the SPM vocabulary */
        assert_string_equal(need_meta("vocab type", v, sizeof v), "SPM");
        key(b, kv->key, GGUF_STRING);
        str(b, "llama");
    } else if (strcmp(kv->type, "arr") == 0) {
        /* The listing gives neither the element type nor the length of the three
         * tokenizer arrays: one element per vocabulary entry (n_vocab), of the
         * types llama.cpp's converter writes (tokens STRING, scores FLOAT32,
         * token_type INT32). The contents are placeholders (empty strings,
         * zeros): the reader only skips or stores them. */
        uint64_t n = strtoull(need_meta("n_vocab", v, sizeof v), NULL, 10);
        uint32_t et = strstr(kv->key, ".tokens") ? GGUF_STRING : strstr(kv->key, ".scores") ? GGUF_F32 : GGUF_I32;
        assert_true(strstr(kv->key, ".tokens") || strstr(kv->key, ".scores") || strstr(kv->key, ".token_type"));
        key(b, kv->key, GGUF_ARRAY);
        u32(b, et);
        u64(b, n);
        for (uint64_t i = 0; i < n; i++) {
            if (et == GGUF_STRING) str(b, "");
            else u32(b, 0);
        }
    } else if (value_of(kv->key, v, sizeof v) != NULL) {
        if (strcmp(kv->type, "str") == 0) {
            key(b, kv->key, GGUF_STRING);
            str(b, v);
        } else if (strcmp(kv->type, "u32") == 0) {
            key(b, kv->key, GGUF_U32);
            u32(b, (uint32_t)strtoul(v, NULL, 10));
        } else if (strcmp(kv->type, "f32") == 0) {
            key(b, kv->key, GGUF_F32);
            f32(b, strtof(v, NULL));
        } else {
            fail_msg("%s: type %s", kv->key, kv->type);
        }
    } else {
        /* add_bos_token, add_eos_token, chat_template, quantization_version:
         * the listing has their types but not their values; placeholders of
         * the stated type (false, "", 0), keys the reader does not use. */
        if (strcmp(kv->type, "bool") == 0) { key(b, kv->key, GGUF_BOOL); u8(b, 0); }
        else if (strcmp(kv->type, "str") == 0) { key(b, kv->key, GGUF_STRING); str(b, ""); }
        else if (strcmp(kv->type, "u32") == 0) { key(b, kv->key, GGUF_U32); u32(b, 0); }
        else fail_msg("%s: type %s", kv->key, kv->type);
    }
}

static int ggml(const char *name)
{
    for (size_t i = 0; i < sizeof GGML / sizeof *GGML; i++)
        if (strcmp(GGML[i].name, name) == 0) return (int)i;
    fail_msg("ggml type %s not in the table", name);
    return -1;
}

/* The header: keys and tensor infos in the listing's order; each tensor's data
 * offset is the sum of the earlier tensors' sizes, each padded to the default
 * alignment of 32 (no general.alignment key), as llama.cpp's writer lays it out. */
static void write_header(struct buf *b)
{
    b->n = 0;
    put(b, "GGUF", 4);
    u32(b, 3);
    u64(b, (uint64_t)D.n_t);
    u64(b, (uint64_t)D.n_kv);
    for (int i = 0; i < D.n_kv; i++) write_kv(b, &D.kv[i]);
    uint64_t offset = 0;
    for (int i = 0; i < D.n_t; i++) {
        const struct tensor_line *t = &D.t[i];
        int g = ggml(t->type);
        uint32_t n_dims = t->ne[3] > 1 ? 4 : t->ne[2] > 1 ? 3 : t->ne[1] > 1 ? 2 : 1;
        str(b, t->name);
        u32(b, n_dims);
        for (uint32_t d = 0; d < n_dims; d++) u64(b, t->ne[d]);
        u32(b, GGML[g].type);
        u64(b, offset);
        uint64_t bytes = t->ne[0] * t->ne[1] * t->ne[2] * t->ne[3] / GGML[g].block * GGML[g].bytes;
        offset += (bytes + 31) / 32 * 32;
    }
}

static int setup(void **state)
{
    (void)state;
    memset(&D, 0, sizeof D);
    parse_dump(&D);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    free(D.text);
    return 0;
}

static void parse_reconstruction(struct taf_model_info *m, struct buf *b)
{
    char err[512];
    write_header(b);
    if (taf_parse_gguf(b->d, b->n, "mistral-7b-instruct-v0.2.Q3_K_M.gguf", m, err, sizeof err) != 0)
        fail_msg("%s", err);
}

/* --- the tests ---------------------------------------------------------- */

/* Nothing was lost in copying: the listing holds as many keys and tensors as
 * its own first line announces, and as many tensors of each type as its
 * "- type" summary lines. */
static void test_dump_lists_every_key_and_tensor(void **state)
{
    (void)state;
    assert_int_equal(D.version, 3);
    assert_int_equal(D.n_kv, D.declared_kv);
    assert_int_equal(D.n_t, D.declared_t);
    assert_int_equal(D.n_kv, 24);
    assert_int_equal(D.n_t, 291);
    for (size_t g = 0; g < sizeof GGML / sizeof *GGML; g++) {
        char line[96];
        int counted = 0, summary = -1;
        for (int i = 0; i < D.n_t; i++) counted += strcmp(D.t[i].type, GGML[g].name) == 0;
        snprintf(line, sizeof line, "llama_model_loader: - type %4s: ", GGML[g].name);
        const char *p = strstr(D.text, line);
        assert_non_null(p);
        summary = atoi(p + strlen(line));
        assert_int_equal(counted, summary);
    }
}

/* The architecture as llama.cpp printed it: n_layer 32, n_embd 4096, n_head 32,
 * n_head_kv 8, n_ff 14336, n_ctx_train 32768, freq_base_train 1000000.0,
 * n_vocab 32000, no rope scaling key (llama.cpp's "linear" is its default for
 * an absent key) and no sliding-window key, so every layer attends fully. */
static void test_real_header_gives_the_published_architecture(void **state)
{
    (void)state;
    struct taf_model_info m;
    struct buf b = { 0 };
    parse_reconstruction(&m, &b);
    assert_string_equal(m.family, "llama");
    assert_string_equal(m.id, "mistralai_mistral-7b-instruct-v0.2");
    assert_true(m.n_layers == 32 && m.n_attention_layers == 32);
    assert_true(m.d_model == 4096 && m.d_ff == 14336);
    assert_true(m.n_attention_heads == 32 && m.n_kv_heads == 8);
    assert_true(m.d_head == 128);                 /* 4096/32, llama.cpp's n_rot = 128 */
    assert_true(m.vocab == 32000);                /* tokenizer.ggml.tokens length */
    assert_true(m.theta == 1000000.0);
    assert_true(m.T_train == 32768 && m.T_max == 32768);
    assert_false(m.has_rope_scaling);
    assert_int_equal(m.architecture, TAF_ARCH_FULL);
    assert_int_equal(m.position, TAF_POS_ROPE);
    assert_int_equal(m.gguf_version, 3);
    assert_true(m.gguf_tensors == 291 && m.gguf_kv == 24);
    taf_model_info_free(&m);
    free(b.d);
}

/* Exact totals over the 291 tensors of the listing (python3 over the fixture):
 *   token_embd, output    2 × 4096·32000           =   262 144 000
 *   per layer             q 4096² + k 4096·1024 + v 4096·1024 + o 4096²
 *                         + gate, up, down 3 × 4096·14336 + 2 norms × 4096
 *                                                  =   218 112 000
 *   32 layers + output_norm 4096                   → 7 241 732 096 parameters.
 * Bytes by type (elements / block × bytes):
 *   q3_K 4 560 257 024 → 1 959 485 440   (token_embd; q, k, gate, up ×32)
 *   q4_K 2 424 307 712 → 1 363 673 088   (o ×32; v, down of layers 2–31)
 *   q5_K   125 829 120 →    86 507 520   (v, down of layers 0–1)
 *   q6_K   131 072 000 →   107 520 000   (output)
 *   f32        266 240 →     1 064 960   (65 norms)
 *   total               → 3 518 251 008 bytes; every size is a multiple of 32,
 * so the data section ends exactly there and needs no padding. */
static void test_real_header_gives_exact_counts_that_match_the_published_ones(void **state)
{
    (void)state;
    struct taf_model_info m;
    struct buf b = { 0 };
    char v[128];
    parse_reconstruction(&m, &b);
    assert_true(m.n_params == 7241732096.0);
    assert_true(m.weight_bytes == 3518251008.0);
    assert_true(fabs(m.bits_per_weight - 8.0 * 3518251008.0 / 7241732096.0) < 1e-12);  /* 3.8866 */
    assert_int_equal(m.gguf_file_type, 12);
    assert_string_equal(m.dtype, "Q3_K_M");

    /* llama.cpp's own counts in the same log, printed to two decimals:
     * "model params = 7.24 B", "model size = 3.28 GiB (3.89 BPW)" */
    double params_b, size_gib, bpw;
    assert_true(sscanf(need_meta("model params", v, sizeof v), "%lf B", &params_b) == 1);
    assert_true(sscanf(need_meta("model size", v, sizeof v), "%lf GiB (%lf BPW)", &size_gib, &bpw) == 2);
    assert_true(fabs(m.n_params / 1e9 - params_b) <= 0.005);
    assert_true(fabs(m.weight_bytes / 1073741824.0 - size_gib) <= 0.005);
    assert_true(fabs(m.bits_per_weight - bpw) <= 0.005);
    /* Mistral AI publishes Mistral 7B as "7.3B parameters", one decimal:
     * 7.2417e9 is within 1% of it (0.8%) */
    assert_true(fabs(m.n_params / 7.3e9 - 1) < 0.01);

    /* The data section starts at the header's end rounded up to 32; the reader
     * says where the tensor data ends, which checks the offsets as well. */
    uint64_t data_start = (b.n + 31) / 32 * 32;
    char expect[96];
    snprintf(expect, sizeof expect, "tensor data ends at byte %llu", (unsigned long long)(data_start + 3518251008ull));
    int noted = 0;
    for (int i = 0; i < m.n_notes; i++) noted |= strstr(m.notes[i], expect) != NULL;
    assert_true(noted);
    /* TheBloke's model card lists the file at "3.52 GB" (decimal, two places):
     * header + data must fall in [3.515e9, 3.525e9). The weights alone are
     * 3.5183e9, leaving 0 to 6.7 MB for the header; the real header holds
     * 32000 token strings, two 32000-element arrays and the chat template
     * (under 1 MB), this one the same arrays with empty strings (~0.5 MB). */
    double file = (double)data_start + m.weight_bytes;
    assert_true(file >= 3.515e9 && file < 3.525e9);
    assert_true(b.n > 500000 && b.n < 1000000);
    taf_model_info_free(&m);
    free(b.d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dump_lists_every_key_and_tensor),
        cmocka_unit_test(test_real_header_gives_the_published_architecture),
        cmocka_unit_test(test_real_header_gives_exact_counts_that_match_the_published_ones),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

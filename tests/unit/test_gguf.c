/* Unit tests of engine/readers/gguf.c on GGUF files this test writes itself,
 * byte by byte after ggml's docs/gguf.md: "GGUF", uint32 version, uint64
 * tensor count, uint64 metadata count, key/values (uint64-length strings,
 * uint32 value types 0–12), tensor infos (name, uint32 n_dims, uint64 dims,
 * uint32 ggml type, uint64 offset). Sizes of ggml types from ggml.c's
 * type_traits: F16 1×2 bytes, Q8_0 32 elements in 34 bytes, Q4_K 256 in 144. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "readers/gguf.h"
#include "formulas/ggml_types.h"

struct buf { unsigned char d[1 << 16]; size_t n; };

static void put(struct buf *b, const void *p, size_t n) { memcpy(b->d + b->n, p, n); b->n += n; }
static void u8(struct buf *b, uint8_t v) { put(b, &v, 1); }
static void u32(struct buf *b, uint32_t v) { for (int i = 0; i < 4; i++) u8(b, (uint8_t)(v >> (8 * i))); }
static void u64(struct buf *b, uint64_t v) { for (int i = 0; i < 8; i++) u8(b, (uint8_t)(v >> (8 * i))); }
static void str(struct buf *b, const char *s) { u64(b, strlen(s)); put(b, s, strlen(s)); }
static void key(struct buf *b, const char *k, uint32_t type) { str(b, k); u32(b, type); }
static void kv_u32(struct buf *b, const char *k, uint32_t v) { key(b, k, 4); u32(b, v); }
static void kv_str(struct buf *b, const char *k, const char *v) { key(b, k, 8); str(b, v); }
static void kv_f32(struct buf *b, const char *k, float v) { uint32_t x; memcpy(&x, &v, 4); key(b, k, 6); u32(b, x); }
static void header(struct buf *b, uint32_t version, uint64_t tensors, uint64_t kvs)
{
    b->n = 0;
    put(b, "GGUF", 4);
    u32(b, version);
    u64(b, tensors);
    u64(b, kvs);
}
static void tensor(struct buf *b, const char *name, uint32_t n_dims, const uint64_t *ne, uint32_t type, uint64_t off)
{
    str(b, name);
    u32(b, n_dims);
    for (uint32_t i = 0; i < n_dims; i++) u64(b, ne[i]);
    u32(b, type);
    u64(b, off);
}

/* A small llama header: 11 metadata pairs, 3 tensors. */
static void llama(struct buf *b, uint32_t version)
{
    header(b, version, 3, 11);
    kv_str(b, "general.architecture", "llama");
    kv_str(b, "general.name", "tiny-llama");
    kv_u32(b, "general.file_type", 15);                    /* Q4_K_M */
    kv_u32(b, "llama.block_count", 2);
    kv_u32(b, "llama.context_length", 4096);
    kv_u32(b, "llama.embedding_length", 256);
    kv_u32(b, "llama.feed_forward_length", 512);
    kv_u32(b, "llama.attention.head_count", 4);
    kv_u32(b, "llama.attention.head_count_kv", 2);
    kv_f32(b, "llama.rope.freq_base", 500000.0f);
    key(b, "tokenizer.ggml.tokens", 9);                     /* array of 3 strings */
    u32(b, 8);
    u64(b, 3);
    str(b, "a"); str(b, "b"); str(b, "c");
    uint64_t e[2] = { 256, 3 }, q[2] = { 256, 256 }, f[2] = { 256, 512 };
    tensor(b, "token_embd.weight", 2, e, 1, 0);            /* F16: 768 params, 1536 bytes */
    tensor(b, "blk.0.attn_q.weight", 2, q, 12, 1536);      /* Q4_K: 65536 params, 256 blocks · 144 = 36864 bytes */
    tensor(b, "blk.0.ffn_up.weight", 2, f, 8, 38400);      /* Q8_0: 131072 params, 4096 blocks · 34 = 139264 bytes */
}

static int parse(const struct buf *b, struct taf_model_info *m, char *err)
{
    return taf_parse_gguf(b->d, b->n, "t.gguf", m, err, 512);
}

static void test_llama_v3_fields_and_exact_counts(void **state)
{
    (void)state;
    static struct buf b;
    struct taf_model_info m;
    char err[512];
    llama(&b, 3);
    assert_int_equal(parse(&b, &m, err), 0);
    assert_string_equal(m.family, "llama");
    assert_string_equal(m.id, "tiny-llama");
    assert_string_equal(m.dtype, "Q4_K_M");
    assert_true(m.n_layers == 2 && m.d_model == 256 && m.d_ff == 512);
    assert_true(m.n_attention_heads == 4 && m.n_kv_heads == 2 && m.d_head == 64);
    assert_true(m.theta == 500000 && m.T_train == 4096 && m.vocab == 3);
    assert_true(m.n_params == 768 + 65536 + 131072);
    assert_true(m.weight_bytes == 1536 + 36864 + 139264);
    assert_true(fabs(m.bits_per_weight - 8.0 * 177664 / 197376) < 1e-12);
    assert_int_equal(m.gguf_version, 3);
    assert_true(m.gguf_tensors == 3 && m.gguf_kv == 11);
    assert_int_equal(m.architecture, TAF_ARCH_FULL);
    assert_int_equal(m.position, TAF_POS_ROPE);
    /* the test wrote no tensor data: a note says the file is short, not an error */
    int noted = 0;
    for (int i = 0; i < m.n_notes; i++) noted |= strstr(m.notes[i], "truncated, or a header-only copy") != NULL;
    assert_true(noted);
    taf_model_info_free(&m);
}

static void test_v2_reads_like_v3_and_from_a_file(void **state)
{
    (void)state;
    static struct buf b;
    struct taf_model_info m;
    char err[512], path[] = "/tmp/taf_gguf_XXXXXX";
    llama(&b, 2);
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_true(write(fd, b.d, b.n) == (ssize_t)b.n);
    close(fd);
    assert_int_equal(taf_read_gguf(path, &m, err, sizeof err), 0);
    assert_int_equal(m.gguf_version, 2);
    assert_true(m.n_params == 197376);
    taf_model_info_free(&m);
    unlink(path);
}

/* Every value type 0–12 once, a nested array, then the architecture. */
static void test_every_value_type_and_nested_arrays(void **state)
{
    (void)state;
    static struct buf b;
    struct taf_model_info m;
    char err[512];
    header(&b, 3, 0, 14);
    key(&b, "t.u8", 0); u8(&b, 1);
    key(&b, "t.i8", 1); u8(&b, 0xff);
    key(&b, "t.u16", 2); u8(&b, 2); u8(&b, 0);
    key(&b, "t.i16", 3); u8(&b, 0xfe); u8(&b, 0xff);
    key(&b, "t.u32", 4); u32(&b, 3);
    key(&b, "t.i32", 5); u32(&b, (uint32_t)-3);
    kv_f32(&b, "t.f32", 0.5f);
    key(&b, "t.bool", 7); u8(&b, 1);
    kv_str(&b, "t.str", "x");
    key(&b, "t.arr", 9); u32(&b, 9); u64(&b, 2);           /* array of 2 arrays */
    u32(&b, 0); u64(&b, 2); u8(&b, 1); u8(&b, 2);           /*   [u8 1, 2] */
    u32(&b, 8); u64(&b, 1); str(&b, "y");                   /*   ["y"] */
    key(&b, "t.u64", 10); u64(&b, 4);
    key(&b, "t.i64", 11); u64(&b, (uint64_t)-4);
    key(&b, "t.f64", 12); u64(&b, 0x3fd0000000000000ull);  /* 0.25 */
    kv_str(&b, "general.architecture", "mamba");
    assert_int_equal(parse(&b, &m, err), 0);
    assert_string_equal(m.family, "mamba");
    assert_int_equal(m.architecture, TAF_ARCH_SSM);
    assert_int_equal(m.position, TAF_POS_NONE);
    assert_false(taf_model_has(&m, TAF_F_PARAMS));          /* no tensors */
    taf_model_info_free(&m);
}

/* A hybrid whose head_count_kv is a per-layer array (0 on recurrent layers). */
static void test_per_layer_kv_heads_count_attention_layers(void **state)
{
    (void)state;
    static struct buf b;
    struct taf_model_info m;
    char err[512];
    header(&b, 3, 0, 3);
    kv_str(&b, "general.architecture", "jamba");
    kv_u32(&b, "jamba.block_count", 4);
    key(&b, "jamba.attention.head_count_kv", 9); u32(&b, 4); u64(&b, 4);
    u32(&b, 0); u32(&b, 8); u32(&b, 0); u32(&b, 0);
    assert_int_equal(parse(&b, &m, err), 0);
    assert_int_equal(m.architecture, TAF_ARCH_HYBRID);
    assert_true(m.n_attention_layers == 1 && m.n_kv_heads == 8);
    taf_model_info_free(&m);
}

static void expect_error(const struct buf *b, const char *needle)
{
    struct taf_model_info m;
    char err[512];
    assert_int_equal(parse(b, &m, err), -1);
    if (strstr(err, needle) == NULL)
        fail_msg("error '%s' lacks '%s'", err, needle);
    assert_non_null(strstr(err, "t.gguf: "));
}

static void test_hostile_headers_fail_cleanly(void **state)
{
    (void)state;
    static struct buf b;
    b.n = 0;
    put(&b, "GGML", 4); u32(&b, 3);
    expect_error(&b, "not a GGUF file");
    header(&b, 1, 0, 0);
    expect_error(&b, "version 1 is not supported");
    header(&b, 0x03000000u, 0, 0);
    expect_error(&b, "big-endian");
    header(&b, 3, 0, UINT64_MAX);
    expect_error(&b, "metadata count");
    header(&b, 3, UINT64_MAX / 2, 0);
    expect_error(&b, "tensor count");
    header(&b, 3, 0, 1);                                    /* a key longer than the file */
    u64(&b, 1ull << 40);
    u64(&b, 0); u64(&b, 0);                                 /* bytes enough for the count check */
    expect_error(&b, "longer than");
    header(&b, 3, 0, 1);
    key(&b, "k", 99);
    expect_error(&b, "unknown value type 99");
    header(&b, 3, 0, 1);                                    /* 4e9 UINT32s in a few bytes */
    key(&b, "k", 9); u32(&b, 4); u64(&b, 4000000000ull);
    expect_error(&b, "cannot fit");
    header(&b, 3, 0, 1);                                    /* arrays nested 20 deep */
    key(&b, "k", 9);
    for (int i = 0; i < 20; i++) { u32(&b, 9); u64(&b, 1); }
    u32(&b, 0); u64(&b, 0);
    expect_error(&b, "nested deeper");
    header(&b, 3, 0, 1);
    key(&b, "k", 7); u8(&b, 7);
    expect_error(&b, "BOOL value 7");
    llama(&b, 3);
    b.n -= 5;                                               /* cut inside the last tensor info */
    expect_error(&b, "truncated at byte");
    header(&b, 3, 1, 0);
    uint64_t ne[5] = { 32, 1, 1, 1, 1 };
    tensor(&b, "x", 5, ne, 0, 0);
    expect_error(&b, "5 dimensions");
    header(&b, 3, 1, 0);
    tensor(&b, "x", 1, ne, 77, 0);
    expect_error(&b, "unknown ggml type 77");
    header(&b, 3, 1, 0);
    uint64_t odd[1] = { 33 };
    tensor(&b, "x", 1, odd, 8, 0);                          /* Q8_0 rows must hold whole 32-blocks */
    expect_error(&b, "not a multiple");
    header(&b, 3, 1, 0);
    tensor(&b, "x", 1, ne, 0, 7);
    expect_error(&b, "alignment");
    b.n = 3;
    expect_error(&b, "too short");
}

/* A llama header with one more pair written by `extra`, for the checks below. */
static void llama_with(struct buf *b, uint64_t extra_pairs)
{
    header(b, 3, 0, 1 + extra_pairs);
    kv_str(b, "general.architecture", "llama");
}

static void kv_i32(struct buf *b, const char *k, int32_t v) { key(b, k, 5); u32(b, (uint32_t)v); }

/* θ stated in the file: a finite number > 0, or the file is refused naming
 * the key (NaN once read as "absent" and replaced by 10000, ∞ was kept). */
static void test_rope_freq_base_must_be_finite_and_positive(void **state)
{
    (void)state;
    static struct buf b;
    const float bad[] = { NAN, -10000.0f, 0.0f, INFINITY, -INFINITY };
    const char *shown[] = { "got nan", "got -10000", "got 0", "got inf", "got -inf" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        llama_with(&b, 1);
        kv_f32(&b, "llama.rope.freq_base", bad[i]);
        expect_error(&b, "llama.rope.freq_base must be a finite number > 0");
        expect_error(&b, shown[i]);
    }
    llama_with(&b, 1);
    kv_str(&b, "llama.rope.freq_base", "10000");
    expect_error(&b, "llama.rope.freq_base must be a number, got a string");
    /* absent: the RoPE default, with its note; present and valid: kept */
    struct taf_model_info m;
    char err[512];
    llama_with(&b, 0);
    assert_int_equal(parse(&b, &m, err), 0);
    assert_true(m.theta == 10000);
    assert_non_null(strstr(m.notes[0], "rope.freq_base absent"));
    taf_model_info_free(&m);
    llama_with(&b, 1);
    kv_f32(&b, "llama.rope.freq_base", 1e6f);
    assert_int_equal(parse(&b, &m, err), 0);
    assert_true(m.theta == 1e6);
    taf_model_info_free(&m);
}

/* head_count_kv <= head_count, as config.json's num_key_value_heads is checked;
 * per layer when both are per-layer arrays. */
static void test_more_kv_heads_than_heads_is_refused(void **state)
{
    (void)state;
    static struct buf b;
    llama_with(&b, 2);
    kv_u32(&b, "llama.attention.head_count", 4);
    kv_u32(&b, "llama.attention.head_count_kv", 8);
    expect_error(&b, "llama.attention.head_count_kv 8 exceeds llama.attention.head_count 4");
    llama_with(&b, 2);                                      /* per layer: layer 1 has 2 heads, 4 KV heads */
    key(&b, "llama.attention.head_count", 9); u32(&b, 4); u64(&b, 2); u32(&b, 8); u32(&b, 2);
    key(&b, "llama.attention.head_count_kv", 9); u32(&b, 4); u64(&b, 2); u32(&b, 2); u32(&b, 4);
    expect_error(&b, "llama.attention.head_count_kv[1] 4 exceeds llama.attention.head_count[1] 2");
    struct taf_model_info m;                                /* equal is multi-head attention */
    char err[512];
    llama_with(&b, 2);
    kv_u32(&b, "llama.attention.head_count", 4);
    kv_u32(&b, "llama.attention.head_count_kv", 4);
    assert_int_equal(parse(&b, &m, err), 0);
    assert_true(m.n_attention_heads == 4 && m.n_kv_heads == 4);
    taf_model_info_free(&m);
}

/* A count or width in the file is a finite integer >= 0: negative, NaN, ∞ or
 * fractional ones (once dropped as if absent) fail naming the key and, in a
 * per-layer array, the layer; 0 still reads as absent (mamba's head_count). */
static void test_impossible_counts_name_the_key(void **state)
{
    (void)state;
    static struct buf b;
    llama_with(&b, 1);
    kv_i32(&b, "llama.block_count", -2);
    expect_error(&b, "llama.block_count must be an integer >= 0, got -2");
    llama_with(&b, 1);
    kv_f32(&b, "llama.context_length", NAN);
    expect_error(&b, "llama.context_length must be an integer >= 0, got nan");
    llama_with(&b, 1);
    kv_f32(&b, "llama.embedding_length", INFINITY);
    expect_error(&b, "llama.embedding_length must be an integer >= 0, got inf");
    llama_with(&b, 1);
    kv_f32(&b, "llama.attention.head_count", 4.5f);
    expect_error(&b, "llama.attention.head_count must be an integer >= 0, got 4.5");
    llama_with(&b, 1);
    kv_str(&b, "llama.feed_forward_length", "11008");
    expect_error(&b, "llama.feed_forward_length must be an integer >= 0 (or one per layer), got a string");
    llama_with(&b, 1);                                      /* per-layer feed_forward_length, layer 2 negative */
    key(&b, "llama.feed_forward_length", 9); u32(&b, 5); u64(&b, 3); u32(&b, 512); u32(&b, 512); u32(&b, (uint32_t)-1);
    expect_error(&b, "llama.feed_forward_length[2] must be an integer >= 0, got -1");
    llama_with(&b, 1);
    kv_i32(&b, "llama.rope.scaling.original_context_length", -8192);
    expect_error(&b, "llama.rope.scaling.original_context_length must be an integer >= 0, got -8192");

    struct taf_model_info m;
    char err[512];
    header(&b, 3, 0, 4);                                    /* mamba states its absent heads as 0 */
    kv_str(&b, "general.architecture", "mamba");
    kv_u32(&b, "mamba.block_count", 24);
    kv_u32(&b, "mamba.attention.head_count", 0);
    kv_u32(&b, "mamba.attention.head_count_kv", 0);
    assert_int_equal(parse(&b, &m, err), 0);
    assert_true(m.n_layers == 24 && !taf_model_has(&m, TAF_F_HEADS));
    taf_model_info_free(&m);
}

/* rope scaling values copied into the model: finite, and a factor > 0 (the
 * config.json reader's rope_scaling checks). */
static void test_rope_scaling_values_must_be_possible(void **state)
{
    (void)state;
    static struct buf b;
    const float bad_factor[] = { -2.0f, 0.0f, NAN };
    for (size_t i = 0; i < 3; i++) {
        llama_with(&b, 2);
        kv_str(&b, "llama.rope.scaling.type", "linear");
        kv_f32(&b, "llama.rope.scaling.factor", bad_factor[i]);
        expect_error(&b, isnan(bad_factor[i]) ? "llama.rope.scaling.factor must be finite"
                                              : "llama.rope.scaling.factor must be a number > 0");
    }
    llama_with(&b, 2);
    kv_str(&b, "llama.rope.scaling.type", "yarn");
    kv_f32(&b, "llama.rope.scaling.attn_factor", INFINITY);
    expect_error(&b, "llama.rope.scaling.attn_factor must be finite");
    struct taf_model_info m;                                /* type "none": the block is not read */
    char err[512];
    llama_with(&b, 2);
    kv_str(&b, "llama.rope.scaling.type", "none");
    kv_f32(&b, "llama.rope.scaling.factor", 0.0f);
    assert_int_equal(parse(&b, &m, err), 0);
    assert_false(m.has_rope_scaling);
    taf_model_info_free(&m);
}

/* general.file_type may hold any number: one outside int range (the fuzzer's
 * 2^31) or with a fraction is no llama_ftype, named as such, never converted. */
static void test_file_type_out_of_range_is_unknown(void **state)
{
    (void)state;
    static const double BAD[] = { 2147483648.0, 4000000000.0, -1.0, 7.5 };
    for (size_t i = 0; i < sizeof BAD / sizeof *BAD; i++) {
        static struct buf b;
        struct taf_model_info m;
        char err[512];
        b.n = 0;
        header(&b, 3, 0, 2);
        kv_str(&b, "general.architecture", "llama");
        key(&b, "general.file_type", 12);                  /* float64 */
        uint64_t x;
        memcpy(&x, &BAD[i], 8);
        u64(&b, x);
        assert_int_equal(parse(&b, &m, err), 0);
        assert_int_equal(m.gguf_file_type, -1);
        assert_string_equal(m.dtype, "unknown");
        int noted = 0;
        for (int k = 0; k < m.n_notes; k++) noted |= strstr(m.notes[k], "is not a known llama_ftype") != NULL;
        assert_true(noted);
        taf_model_info_free(&m);
    }
}

static void test_type_tables(void **state)
{
    (void)state;
    uint32_t block, bytes;
    assert_true(taf_ggml_type_size(12, &block, &bytes) && block == 256 && bytes == 144);  /* Q4_K */
    assert_true(taf_ggml_type_size(30, &block, &bytes) && block == 1 && bytes == 2);      /* BF16 */
    assert_false(taf_ggml_type_size(4, &block, &bytes));                                  /* removed Q4_2 */
    assert_string_equal(taf_ggml_ftype_name(15), "Q4_K_M");
    assert_string_equal(taf_ggml_ftype_name(32), "BF16");
    assert_string_equal(taf_ggml_ftype_name(0), "ALL_F32");
    assert_null(taf_ggml_ftype_name(5));   /* retired Q4_2 */
    assert_null(taf_ggml_ftype_name(999));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_llama_v3_fields_and_exact_counts),
        cmocka_unit_test(test_v2_reads_like_v3_and_from_a_file),
        cmocka_unit_test(test_every_value_type_and_nested_arrays),
        cmocka_unit_test(test_per_layer_kv_heads_count_attention_layers),
        cmocka_unit_test(test_hostile_headers_fail_cleanly),
        cmocka_unit_test(test_rope_freq_base_must_be_finite_and_positive),
        cmocka_unit_test(test_more_kv_heads_than_heads_is_refused),
        cmocka_unit_test(test_impossible_counts_name_the_key),
        cmocka_unit_test(test_rope_scaling_values_must_be_possible),
        cmocka_unit_test(test_file_type_out_of_range_is_unknown),
        cmocka_unit_test(test_type_tables),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

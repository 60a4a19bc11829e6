/* The profile kernel, its readers and its plot (SPEC §9). Dumps are written
 * here from C (attn_fixture.h: exact power-law rows with known γ, scale and
 * sink mass); each expected number says how it is derived. The γ atlas files
 * are found at ../shared/data/atlas relative to the source tree.
 *
 *   test_attn_profile --write-fixtures DIR   writes the files the CLI and Lua
 *   golden tests read (tests/cli/fixtures/profile), then exits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "attn_fixture.h"
#include "kernels/attn_profile.h"
#include "readers/attn_file.h"
#include "readers/safetensors.h"
#include "render_svg.h"

#define assert_close(a, b, tol) assert_true(fabs((a) - (b)) <= (tol))

static char tmpdir[64];

static const char *tmp(const char *name)
{
    static char buf[4][400];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", tmpdir, name);
    return buf[k];
}

/* Heads of L layers × H heads, γ and c per head, values in layer-major order. */
struct dump {
    size_t L, H, T;
    double gamma[16], c[16];
    double *values;
};

static void make_dump(struct dump *d, size_t L, size_t H, size_t T, enum taf_dtype dt,
                      double (*gamma_of)(size_t l, size_t h), double (*share_of)(size_t l, size_t h))
{
    d->L = L, d->H = H, d->T = T;
    d->values = malloc(L * H * T * T * sizeof *d->values);
    assert_non_null(d->values);
    for (size_t l = 0; l < L; l++)
        for (size_t h = 0; h < H; h++) {
            size_t k = l * H + h;
            d->gamma[k] = gamma_of(l, h);
            d->c[k] = fx_scale(d->gamma[k], T, share_of(l, h));
            fx_head(d->values + k * T * T, T, d->gamma[k], d->c[k], dt);
        }
}

/* Sink mass with K = 1 by construction: (a[0,0] + Σ_{i≥1} a[i,0])/T, a[i,0] = v(i) = stored(c·i^−γ). */
static double sink_k1(const double *head, size_t T)
{
    double s = head[0];
    for (size_t i = 1; i < T; i++)
        s += head[i * T];
    return s / (double)T;
}

static int profile_file(const char *path, const struct taf_profile_opts *o, struct taf_attn_file *f,
                        struct taf_profile *p, char *err, size_t errsize)
{
    int rc = taf_attn_open(path, f, err, errsize);
    if (rc)
        return rc;
    struct taf_attn_view v = { f->n_layers, f->n_heads, f->T, f->layer_data, f->layer_dtype };
    rc = taf_attn_profile(&v, o, p, err, errsize);
    taf_attn_close(f);
    return rc;
}

/* Distinct bins ⌊8·log2(d/d1)⌋ over d1 … d2: the points of a fit whose curve is positive. */
static size_t bins_between(size_t d1, size_t d2)
{
    size_t n = 0, last = (size_t)-1;
    for (size_t d = d1; d <= d2; d++) {
        size_t k = (size_t)floor(8 * log2((double)d / (double)d1) + 1e-9);
        n += k != last;
        last = k;
    }
    return n;
}

static double gamma_grid(size_t l, size_t h) { return 0.5 + 0.15 * (double)h + 0.1 * (double)l; }
static double share_grid(size_t l, size_t h) { return 0.4 + 0.1 * (double)h + 0.05 * (double)l; }
static double gamma_08(size_t l, size_t h) { (void)l, (void)h; return 0.8; }

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/taf-profile-XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    DIR *d = opendir(tmpdir);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL)
        if (e->d_name[0] != '.')
            unlink(tmp(e->d_name));
    if (d)
        closedir(d);
    return rmdir(tmpdir);
}

static void test_npy_float32_heads_recover_gamma_log_A_and_sink(void **state)
{
    (void)state;
    struct dump d;
    size_t T = 256;
    make_dump(&d, 2, 3, T, TAF_DTYPE_F32, gamma_grid, share_grid);
    size_t shape[] = { 2, 3, T, T };
    assert_int_equal(fx_write_npy(tmp("f32.npy"), 1, TAF_DTYPE_F32, shape, 4, d.values, 0), 0);
    struct taf_attn_file f;
    struct taf_profile p;
    struct taf_profile_opts o = { 0 };
    char err[512];
    assert_int_equal(profile_file(tmp("f32.npy"), &o, &f, &p, err, sizeof err), 0);
    assert_int_equal(p.n_layers, 2);
    assert_int_equal(p.n_heads, 3);
    /* default fit range 8 … T/2 = 128; 8 bins per octave over 4 octaves, all non-empty: 33 points */
    assert_int_equal(p.d1, 8);
    assert_int_equal(p.d2, 128);
    assert_int_equal(bins_between(8, 128), 33);
    for (size_t k = 0; k < 6; k++) {
        const struct taf_head_profile *hp = &p.heads[k];
        /* A(d) = fl32(c·d^−γ): ln A off by at most 2^−24 relative, so γ within ~3·2^−24/ln 16 ≈ 1e-7 */
        assert_close(hp->fit.gamma, d.gamma[k], 1e-6);
        assert_close(hp->fit.log_A, log(d.c[k]), 1e-6);
        assert_true(hp->fit.R2 == 1.0);
        assert_int_equal(hp->fit.n_points, 33);
        assert_close(hp->sink_mass, sink_k1(d.values + k * T * T, T), 1e-12);
        assert_true(hp->receipt == TAF_RECEIPT_RELIABLE);
    }
    /* layer 0: heads γ 0.5, 0.65, 0.8 → mean = median = 0.65, population sd = 0.15·√(2/3) */
    assert_close(p.layers[0].heads.mean, 0.65, 1e-6);
    assert_close(p.layers[0].heads.median, 0.65, 1e-6);
    assert_close(p.layers[0].heads.sd, 0.15 * sqrt(2.0 / 3.0), 1e-6);
    assert_close(p.layers[1].heads.min, 0.6, 1e-6);
    assert_close(p.layers[1].heads.max, 0.9, 1e-6);
    /* the layer sink is the mean of its heads' sinks, the model's the mean of the layers' */
    double s0 = 0, s1 = 0;
    for (size_t h = 0; h < 3; h++)
        s0 += p.heads[h].sink_mass / 3, s1 += p.heads[3 + h].sink_mass / 3;
    assert_close(p.layers[0].sink_mass, s0, 1e-15);
    assert_close(p.sink_mass, (s0 + s1) / 2, 1e-15);
    /* every curve point: A(d) averaged over the six heads of v(d) = fl32(c·d^−γ) */
    for (size_t dd = 1; dd < T; dd += 37) {
        double mean = 0;
        for (size_t k = 0; k < 6; k++)
            mean += fx_stored(d.c[k] * pow((double)dd, -d.gamma[k]), TAF_DTYPE_F32) / 6;
        assert_close(p.curve_A[dd - 1], mean, 1e-15 * mean + 1e-18);
        assert_true(p.curve_d[dd - 1] == (double)dd);
    }
    /* head γ 0.5 0.65 0.8 | 0.6 0.75 0.9: median 0.70, |γ − 0.70| = .2 .05 .1 .1 .05 .2, their
     * median (MAD) 0.1 → band max(3·1.4826·0.1, 0.1) = 0.44478: every head agrees */
    assert_close(p.dissimilar_median, 0.70, 1e-6);
    assert_close(p.dissimilar_band, 3 * 1.4826 * 0.1, 1e-5);
    assert_int_equal(p.n_dissimilar, 0);
    taf_profile_free(&p);
    free(d.values);
}

static void test_model_curve_of_equal_gammas_is_an_exact_power_law(void **state)
{
    (void)state;
    struct dump d;
    size_t T = 200;
    make_dump(&d, 2, 2, T, TAF_DTYPE_F32, gamma_08, share_grid);
    size_t shape[] = { 2, 2, T, T };
    assert_int_equal(fx_write_npy(tmp("eq.npy"), 1, TAF_DTYPE_F32, shape, 4, d.values, 0), 0);
    struct taf_attn_file f;
    struct taf_profile p;
    struct taf_profile_opts o = { 0 };
    char err[512];
    assert_int_equal(profile_file(tmp("eq.npy"), &o, &f, &p, err, sizeof err), 0);
    /* mean of c_h·d^−0.8 is c̄·d^−0.8: γ = 0.8, log_A = ln mean(c) (up to float rounding of each v) */
    double cbar = (d.c[0] + d.c[1] + d.c[2] + d.c[3]) / 4;
    assert_close(p.fit.gamma, 0.8, 1e-6);
    assert_close(p.fit.log_A, log(cbar), 1e-6);
    assert_true(p.fit.R2 == 1.0);
    assert_true(p.receipt == TAF_RECEIPT_RELIABLE);
    /* T = 200: default range 8 … 100 */
    assert_int_equal(p.d2, 100);
    assert_int_equal(p.fit.n_points, bins_between(8, 100));
    assert_int_equal(p.n_fit_points, p.fit.n_points);
    taf_profile_free(&p);
    free(d.values);
}

static double gamma_lo(size_t l, size_t h) { return 0.6 + 0.3 * (double)h + 0.1 * (double)l; }
static double share_half(size_t l, size_t h) { (void)l, (void)h; return 0.5; }

/* float16 stores v with relative error ≤ 2^−11, bfloat16 ≤ 2^−8. With the 33
 * bins spread evenly over R = ln 16 in ln d, an error bounded by u in ln A
 * moves the least-squares slope by at most u·Σ|x−x̄|/Σ(x−x̄)² ≈ 3u/R = 1.08u:
 * 5.3e-4 for float16, 4.2e-3 for bfloat16. */
static void test_float16_and_bfloat16_within_their_rounding(void **state)
{
    (void)state;
    size_t T = 256;
    struct dump h16, b16;
    make_dump(&h16, 1, 2, T, TAF_DTYPE_F16, gamma_lo, share_half);
    make_dump(&b16, 1, 2, T, TAF_DTYPE_BF16, gamma_lo, share_half);
    size_t shape[] = { 2, T, T };
    assert_int_equal(fx_write_npy(tmp("f16.npy"), 1, TAF_DTYPE_F16, shape, 3, h16.values, 0), 0);
    struct fx_tensor t = { "layer.0", TAF_DTYPE_BF16, { 2, T, T }, 3, b16.values };
    assert_int_equal(fx_write_safetensors(tmp("bf16.safetensors"), &t, 1), 0);
    struct taf_attn_file f;
    struct taf_profile p;
    struct taf_profile_opts o = { 0 };
    char err[512];
    assert_int_equal(profile_file(tmp("f16.npy"), &o, &f, &p, err, sizeof err), 0);
    for (size_t k = 0; k < 2; k++) {
        assert_close(p.heads[k].fit.gamma, h16.gamma[k], 5.3e-4);
        assert_true(p.heads[k].fit.R2 >= 0.9999);
        assert_close(p.heads[k].sink_mass, sink_k1(h16.values + k * T * T, T), 1e-12);
    }
    taf_profile_free(&p);
    assert_int_equal(profile_file(tmp("bf16.safetensors"), &o, &f, &p, err, sizeof err), 0);
    for (size_t k = 0; k < 2; k++) {
        assert_close(p.heads[k].fit.gamma, b16.gamma[k], 4.2e-3);
        assert_true(p.heads[k].fit.R2 >= 0.999);
        assert_close(p.heads[k].sink_mass, sink_k1(b16.values + k * T * T, T), 1e-12);
    }
    taf_profile_free(&p);
    free(h16.values);
    free(b16.values);
}

static void test_sink_mass_counts_the_first_K_keys(void **state)
{
    (void)state;
    size_t T = 64;
    struct dump d;
    make_dump(&d, 1, 1, T, TAF_DTYPE_F32, gamma_08, share_half);
    size_t shape[] = { T, T };
    assert_int_equal(fx_write_npy(tmp("k.npy"), 1, TAF_DTYPE_F32, shape, 2, d.values, 0), 0);
    struct taf_attn_file f;
    struct taf_profile p;
    struct taf_profile_opts o = { .sink_tokens = 4 };
    char err[512];
    assert_int_equal(profile_file(tmp("k.npy"), &o, &f, &p, err, sizeof err), 0);
    /* rows 0 … 3 lie wholly within the first 4 keys: their whole mass, the stored diagonal
     * plus v(1) … v(i) (1 up to the float rounding of the diagonal); row i ≥ 4 puts
     * v(i), v(i−1), v(i−2), v(i−3) on keys 0 … 3 */
    double s = 0.0;
    for (size_t i = 0; i < 4; i++) {
        s += d.values[i * T + i];
        for (size_t k = 1; k <= i; k++)
            s += fx_stored(d.c[0] * pow((double)k, -0.8), TAF_DTYPE_F32);
    }
    for (size_t i = 4; i < T; i++)
        for (size_t j = 0; j < 4; j++)
            s += fx_stored(d.c[0] * pow((double)(i - j), -0.8), TAF_DTYPE_F32);
    assert_close(p.sink_mass, s / (double)T, 1e-12);
    assert_int_equal(p.sink_tokens, 4);
    taf_profile_free(&p);
    free(d.values);
}

static void test_npy_versions_2_and_3_read_like_version_1(void **state)
{
    (void)state;
    size_t T = 64;
    struct dump d;
    make_dump(&d, 1, 2, T, TAF_DTYPE_F32, gamma_lo, share_half);
    size_t shape[] = { 1, 2, T, T };
    struct taf_profile_opts o = { 0 };
    struct taf_attn_file f;
    struct taf_profile p[3];
    char err[512];
    for (int major = 1; major <= 3; major++) {
        char name[32];
        snprintf(name, sizeof name, "v%d.npy", major);
        assert_int_equal(fx_write_npy(tmp(name), major, TAF_DTYPE_F32, shape, 4, d.values, 0), 0);
        assert_int_equal(profile_file(tmp(name), &o, &f, &p[major - 1], err, sizeof err), 0);
    }
    for (int k = 1; k < 3; k++) {
        assert_true(p[k].fit.gamma == p[0].fit.gamma && p[k].sink_mass == p[0].sink_mass);
        assert_memory_equal(p[k].curve_A, p[0].curve_A, (T - 1) * sizeof(double));
    }
    for (int k = 0; k < 3; k++)
        taf_profile_free(&p[k]);
    free(d.values);
}

static double gamma_by_layer(size_t l, size_t h) { (void)h; return 0.5 + 0.2 * (double)l; }

static void test_safetensors_layers_follow_natural_name_order(void **state)
{
    (void)state;
    size_t T = 64;
    struct dump d;
    make_dump(&d, 3, 2, T, TAF_DTYPE_F32, gamma_by_layer, share_half);
    /* written out of order, mixed shapes and dtypes: natural order is layers.2, layers.9, layers.10 */
    struct fx_tensor t[] = {
        { "layers.10.attn", TAF_DTYPE_F32, { 1, 2, T, T }, 4, d.values + 2 * 2 * T * T },
        { "layers.2.attn", TAF_DTYPE_F32, { 2, T, T }, 3, d.values },
        { "layers.9.attn", TAF_DTYPE_F32, { 2, T, T }, 3, d.values + 2 * T * T },
    };
    assert_int_equal(fx_write_safetensors(tmp("layers.safetensors"), t, 3), 0);
    struct taf_attn_file f;
    struct taf_profile p;
    struct taf_profile_opts o = { .threads = 2 };
    char err[512];
    assert_int_equal(profile_file(tmp("layers.safetensors"), &o, &f, &p, err, sizeof err), 0);
    assert_int_equal(p.n_layers, 3);
    /* layer l holds γ = 0.5 + 0.2·l in both heads: its curve is an exact power law */
    for (size_t l = 0; l < 3; l++)
        assert_close(p.layers[l].fit.gamma, 0.5 + 0.2 * (double)l, 1e-6);
    taf_profile_free(&p);
    assert_int_equal(taf_natural_compare("layer.2", "layer.10"), -1);
    assert_int_equal(taf_natural_compare("layer.010", "layer.9"), 1);
    assert_int_equal(taf_natural_compare("a", "a"), 0);
    free(d.values);
}

static void test_thread_count_and_code_path_do_not_change_results(void **state)
{
    (void)state;
    size_t T = 203; /* not a multiple of 8: the single-row tail runs too */
    struct dump d;
    make_dump(&d, 2, 3, T, TAF_DTYPE_F16, gamma_grid, share_grid);
    size_t shape[] = { 2, 3, T, T };
    assert_int_equal(fx_write_npy(tmp("det.npy"), 1, TAF_DTYPE_F16, shape, 4, d.values, 0), 0);
    struct taf_attn_file f;
    struct taf_profile a, b;
    struct taf_profile_opts one = { .threads = 1, .portable = 1 }, many = { .threads = 4 };
    char err[512];
    assert_int_equal(profile_file(tmp("det.npy"), &one, &f, &a, err, sizeof err), 0);
    assert_int_equal(profile_file(tmp("det.npy"), &many, &f, &b, err, sizeof err), 0);
    assert_memory_equal(a.curve_A, b.curve_A, (T - 1) * sizeof(double));
    assert_memory_equal(a.layer_A, b.layer_A, 2 * T * sizeof(double));
    for (size_t k = 0; k < 6; k++) {
        assert_true(a.heads[k].fit.gamma == b.heads[k].fit.gamma);
        assert_true(a.heads[k].sink_mass == b.heads[k].sink_mass);
    }
    assert_true(a.fit.gamma == b.fit.gamma && a.fit.R2 == b.fit.R2);
    taf_profile_free(&a);
    taf_profile_free(&b);
    free(d.values);
}

static void test_rows_that_do_not_sum_to_one_are_rejected_with_their_position(void **state)
{
    (void)state;
    size_t T = 64;
    struct dump d;
    make_dump(&d, 2, 2, T, TAF_DTYPE_F32, gamma_lo, share_half);
    /* layer 1, head 0, row 37: the diagonal doubled → the row sums to 1 + a[37,37] */
    double *row = d.values + (2 * T * T) + 37 * T;
    double expect = 1.0 + row[37];
    row[37] *= 2;
    size_t shape[] = { 2, 2, T, T };
    assert_int_equal(fx_write_npy(tmp("bad.npy"), 1, TAF_DTYPE_F32, shape, 4, d.values, 0), 0);
    struct taf_attn_file f;
    struct taf_profile p;
    struct taf_profile_opts o = { 0 };
    char err[512], want[128];
    assert_int_equal(profile_file(tmp("bad.npy"), &o, &f, &p, err, sizeof err), TAF_PROFILE_EROW);
    snprintf(want, sizeof want, "layer 1 head 0 row 37 sums to %.6g over keys 0..37", expect);
    assert_non_null(strstr(err, want));
    /* bidirectional attention (uniform over all T keys): row 0 holds 1/T below the diagonal */
    for (size_t k = 0; k < 4 * T * T; k++)
        d.values[k] = 1.0 / (double)T;
    assert_int_equal(fx_write_npy(tmp("bidir.npy"), 1, TAF_DTYPE_F32, shape, 4, d.values, 0), 0);
    assert_int_equal(profile_file(tmp("bidir.npy"), &o, &f, &p, err, sizeof err), TAF_PROFILE_EROW);
    assert_non_null(strstr(err, "layer 0 head 0 row 0 sums to 0.015625 over keys 0..0"));
    free(d.values);
}

static void expect_open_error(const char *name, const void *bytes, size_t n, const char *want)
{
    FILE *fp = fopen(tmp(name), "wb");
    assert_non_null(fp);
    fwrite(bytes, 1, n, fp);
    fclose(fp);
    struct taf_attn_file f;
    char err[512];
    assert_int_equal(taf_attn_open(tmp(name), &f, err, sizeof err), -1);
    if (strstr(err, want) == NULL)
        fail_msg("%s: expected '%s' in '%s'", name, want, err);
    assert_non_null(strstr(err, name)); /* the message names the file */
}

/* An npy image with this header dict and `data` bytes of zeros after it (version 1, 64-byte aligned). */
static size_t npy_image(unsigned char *out, const char *dict, size_t data)
{
    size_t hlen = strlen(dict) + 1;
    hlen += (64 - (10 + hlen) % 64) % 64;
    memcpy(out, "\x93NUMPY\x01\x00", 8);
    out[8] = (unsigned char)hlen, out[9] = (unsigned char)(hlen >> 8);
    memset(out + 10, ' ', hlen);
    memcpy(out + 10, dict, strlen(dict));
    out[10 + hlen - 1] = '\n';
    memset(out + 10 + hlen, 0, data);
    return 10 + hlen + data;
}

static void test_malformed_npy_files_name_the_problem(void **state)
{
    (void)state;
    static unsigned char img[1 << 16];
    size_t n;
    expect_open_error("magic.npy", "NUMPY....", 9, "not a .npy file");
    n = npy_image(img, "{'descr': '<f4', 'fortran_order': False, 'shape': (4, 4), }", 64);
    img[6] = 4;
    expect_open_error("v4.npy", img, n, "unsupported .npy format version 4.0");
    n = npy_image(img, "{'descr': '<f4', 'fortran_order': False, 'shape': (4, 4), }", 64);
    expect_open_error("hdr.npy", img, 40, "truncated .npy header");
    n = npy_image(img, "{'descr': '<f4', 'fortran_order': False, 'shape': (4, 4), }", 64);
    expect_open_error("cut.npy", img, n - 1, "truncated: the header declares shape (4, 4) float32 (64 bytes of data)");
    n = npy_image(img, "{'descr': '<f4', 'fortran_order': False, 'shape': (4, 4), }", 68);
    expect_open_error("tail.npy", img, n, "4 unexpected bytes after the data");
    n = npy_image(img, "{'descr': '<f4', 'fortran_order': True, 'shape': (4, 4), }", 64);
    expect_open_error("fortran.npy", img, n, "Fortran-ordered arrays are not supported");
    n = npy_image(img, "{'descr': '>f4', 'fortran_order': False, 'shape': (4, 4), }", 64);
    expect_open_error("big.npy", img, n, "big-endian data ('>f4') is not supported");
    n = npy_image(img, "{'descr': '<f8', 'fortran_order': False, 'shape': (4, 4), }", 128);
    expect_open_error("f8.npy", img, n, "unsupported dtype '<f8'");
    n = npy_image(img, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 4, 3), }", 96);
    expect_open_error("square.npy", img, n, "shape mismatch: [2, 4, 3] is not [T,T], [H,T,T] or [L,H,T,T]");
    n = npy_image(img, "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1, 1, 2, 2), }", 16);
    expect_open_error("5d.npy", img, n, "shape mismatch: [1, 1, 1, 2, 2]");
    n = npy_image(img, "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1), }", 4);
    expect_open_error("t1.npy", img, n, "T = 1 tokens: at least 2 are needed");
    n = npy_image(img, "{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296, 2, 2), }", 0);
    expect_open_error("huge.npy", img, n, "the .npy shape overflows 64 bits");
    n = npy_image(img, "{'descr': '<f4', 'shape': (4, 4), }", 64);
    expect_open_error("nokey.npy", img, n, "the .npy header lacks 'fortran_order'");
    n = npy_image(img, "{'descr': '<f4' 'fortran_order': False}", 64);
    expect_open_error("syntax.npy", img, n, "malformed .npy header at character 16: expected ',' or '}'");
    expect_open_error("empty.npy", "", 0, "empty file");
    struct taf_attn_file f;
    char err[512];
    assert_int_equal(taf_attn_open(tmp("missing.npy"), &f, err, sizeof err), -1);
    assert_non_null(strstr(err, "missing.npy: cannot open: No such file or directory"));
}

/* A safetensors image: the JSON header padded with spaces to 8 bytes, then `data` zero bytes. */
static size_t st_image(unsigned char *out, const char *json, size_t data)
{
    size_t n = strlen(json);
    memcpy(out + 8, json, n);
    while (n % 8)
        out[8 + n++] = ' ';
    for (int k = 0; k < 8; k++)
        out[k] = (unsigned char)((uint64_t)n >> (8 * k));
    memset(out + 8 + n, 0, data);
    return 8 + n + data;
}

static void test_malformed_safetensors_name_the_problem(void **state)
{
    (void)state;
    static unsigned char img[1 << 16];
    size_t n = st_image(img, "{\"a\":{\"dtype\":\"F32\",\"shape\":[4,4],\"data_offsets\":[0,64]}}", 64);
    expect_open_error("cut.safetensors", img, n - 4, "truncated: tensor 'a' ends at data byte 64, the file holds 60");
    img[0] = 0xff, img[1] = 0xff, img[2] = 0xff;
    expect_open_error("len.safetensors", img, n, "truncated: the header declares 16777215 bytes of JSON");
    n = st_image(img, "{\"a\":{\"dtype\":\"F32\",\"shape\":[4,4],\"data_offsets\":[0,64]}", 64);
    expect_open_error("json.safetensors", img, n, "malformed .safetensors header: JSON");
    n = st_image(img, "{\"a\":{\"dtype\":\"I64\",\"shape\":[4,4],\"data_offsets\":[0,128]}}", 128);
    expect_open_error("i64.safetensors", img, n, "tensor 'a' has dtype I64; expected F32, F16 or BF16");
    n = st_image(img, "{\"a\":{\"dtype\":\"F32\",\"shape\":[4,4],\"data_offsets\":[0,60]}}", 64);
    expect_open_error("span.safetensors", img, n, "tensor 'a': data_offsets span 60 bytes, its shape and dtype need 64");
    n = st_image(img, "{\"a\":{\"dtype\":\"F32\",\"shape\":[2,4,4],\"data_offsets\":[0,128]},"
                      "\"b\":{\"dtype\":\"F32\",\"shape\":[1,4,4],\"data_offsets\":[128,192]}}", 192);
    expect_open_error("heads.safetensors", img, n, "shape mismatch: tensor 'b' is [1, 4, 4], but 'a' has 2 heads of 4×4");
    n = st_image(img, "{\"a\":{\"dtype\":\"F32\",\"shape\":[4,2],\"data_offsets\":[0,32]}}", 32);
    expect_open_error("rect.safetensors", img, n, "shape mismatch: tensor 'a' is [4, 2]");
    n = st_image(img, "{\"__metadata__\":{}}", 0);
    expect_open_error("none.safetensors", img, n, "holds no tensors");
    n = st_image(img, "{\"a\":{\"dtype\":\"F32\",\"shape\":[4,4],\"data_offsets\":[2,66]}}", 66);
    expect_open_error("align.safetensors", img, n, "not aligned to its 4-byte elements");
}

static void test_fit_range_and_sink_size_are_checked(void **state)
{
    (void)state;
    size_t T = 16;
    struct dump d;
    make_dump(&d, 1, 1, T, TAF_DTYPE_F32, gamma_08, share_half);
    const void *data[1];
    enum taf_dtype dt[1] = { TAF_DTYPE_F32 };
    float *vals = malloc(T * T * sizeof *vals);
    for (size_t k = 0; k < T * T; k++)
        vals[k] = (float)d.values[k];
    data[0] = vals;
    struct taf_attn_view v = { 1, 1, T, data, dt };
    struct taf_profile p;
    char err[512];
    struct taf_profile_opts o = { 0 };
    assert_int_equal(taf_attn_profile(&v, &o, &p, err, sizeof err), TAF_PROFILE_EINVAL);
    assert_non_null(strstr(err, "T = 16 tokens is too short for the default fit range 8..T/2"));
    o.d1 = 2, o.d2 = 16;
    assert_int_equal(taf_attn_profile(&v, &o, &p, err, sizeof err), TAF_PROFILE_EINVAL);
    assert_non_null(strstr(err, "fit range 2..16 reaches past the longest distance T-1 = 15"));
    o.d1 = 9, o.d2 = 9;
    assert_int_equal(taf_attn_profile(&v, &o, &p, err, sizeof err), TAF_PROFILE_EINVAL);
    assert_non_null(strstr(err, "must satisfy 1 <= D1 < D2"));
    o.d1 = 12, o.d2 = 13; /* 8·log2(13/12) = 0.92: one bin */
    assert_int_equal(taf_attn_profile(&v, &o, &p, err, sizeof err), TAF_PROFILE_EINVAL);
    assert_non_null(strstr(err, "lies inside one log bin"));
    o.d1 = 1, o.d2 = 15, o.sink_tokens = 17;
    assert_int_equal(taf_attn_profile(&v, &o, &p, err, sizeof err), TAF_PROFILE_EINVAL);
    assert_non_null(strstr(err, "sink tokens K = 17 exceeds T = 16"));
    o.sink_tokens = 0; /* 1..15: bins ⌊8·log2 d⌋ are distinct for every d ≤ 11, then 12,13 | 14,15 share */
    assert_int_equal(taf_attn_profile(&v, &o, &p, err, sizeof err), TAF_PROFILE_OK);
    assert_close(p.fit.gamma, 0.8, 1e-6);
    assert_int_equal(p.fit.n_points, bins_between(1, 15));
    taf_profile_free(&p);
    free(vals);
    free(d.values);
}

static void test_log_binned_fit_gives_each_bin_one_vote(void **state)
{
    (void)state;
    /* d = 16 … 24: ⌊8·log2(d/16)⌋ = 0 0 1 1 2 3 3 4 4 (8·log2(17/16) = 0.70, 18: 1.36, 19: 1.98,
     * 20: 2.58, 21: 3.14, 22: 3.68, 23: 4.19, 24: 4.68) → bins {16,17} {18,19} {20} {21,22} {23,24} */
    const size_t expect_bin[] = { 0, 0, 1, 1, 2, 3, 3, 4, 4 };
    for (size_t d = 16; d <= 24; d++)
        assert_int_equal(taf_log_bin_index(d, 16), expect_bin[d - 16]);
    assert_int_equal(taf_log_bin_index(32, 16), 8); /* an exact octave starts its own bin */
    double A[25];
    for (size_t d = 0; d <= 24; d++)
        A[d] = 1.0 / (double)d;
    A[20] = 2.0 / 20.0; /* one distance off the line, alone in its bin */
    /* the binned fit is fit_power_law over the five bin points (geometric means of d and A) */
    double bd[5] = { sqrt(16.0 * 17), sqrt(18.0 * 19), 20, sqrt(21.0 * 22), sqrt(23.0 * 24) };
    double bA[5] = { 1 / bd[0], 1 / bd[1], 0.1, 1 / bd[3], 1 / bd[4] };
    struct taf_power_fit want = taf_fit_power_law(bd, bA, 5), got;
    double pd[5], pA[5];
    got = taf_fit_log_binned(A, 16, 24, pd, pA);
    assert_int_equal(got.n_points, 5);
    assert_close(got.gamma, want.gamma, 1e-12);
    assert_close(got.log_A, want.log_A, 1e-12);
    assert_true(got.R2 == want.R2);
    for (int k = 0; k < 5; k++)
        assert_close(pd[k], bd[k], 1e-12);
    /* one vote per distance would weigh the outlier 1/9 instead of 1/5: a different slope */
    double dd[9], AA[9];
    for (size_t d = 16; d <= 24; d++)
        dd[d - 16] = (double)d, AA[d - 16] = A[d];
    assert_true(fabs(taf_fit_power_law(dd, AA, 9).gamma - got.gamma) > 1e-3);
    /* a zero in a bin is skipped like fit_power_law skips it; an all-zero bin drops out */
    A[20] = 0.0;
    got = taf_fit_log_binned(A, 16, 24, NULL, NULL);
    assert_int_equal(got.n_points, 4);
    assert_close(got.gamma, 1.0, 1e-12);
}

static void test_gamma_statistics_skip_missing_fits(void **state)
{
    (void)state;
    const double g[] = { 3, 1, NAN, 2, 10 };
    struct taf_gamma_stats s = taf_gamma_stats(g, 5);
    /* n = 4, mean 4, median (2+3)/2, population sd √((1+9+4+36)/4) = √12.5 */
    assert_int_equal(s.n, 4);
    assert_close(s.mean, 4.0, 1e-15);
    assert_close(s.median, 2.5, 1e-15);
    assert_close(s.sd, sqrt(12.5), 1e-15);
    assert_true(s.min == 1.0 && s.max == 10.0);
    s = taf_gamma_stats(g + 2, 1);
    assert_int_equal(s.n, 0);
    assert_true(isnan(s.mean) && isnan(s.median));
}

static void test_receipts_and_dissimilar_heads(void **state)
{
    (void)state;
    /* the cookbook's rule at its edges: > 0.95 reliable, ≥ 0.85 coarse, else unreliable */
    struct taf_power_fit f = { 0.9, 0, 0.950001, 5 };
    assert_true(taf_fit_receipt(f) == TAF_RECEIPT_RELIABLE);
    f.R2 = 0.95;
    assert_true(taf_fit_receipt(f) == TAF_RECEIPT_COARSE);
    f.R2 = 0.85;
    assert_true(taf_fit_receipt(f) == TAF_RECEIPT_COARSE);
    f.R2 = 0.849999;
    assert_true(taf_fit_receipt(f) == TAF_RECEIPT_UNRELIABLE);
    f.gamma = NAN, f.R2 = 0.99;
    assert_true(taf_fit_receipt(f) == TAF_RECEIPT_UNRELIABLE);
    assert_string_equal(taf_receipt_name(TAF_RECEIPT_COARSE), "coarse");
    /* six heads: γ 0.80 0.82 0.84 0.86 1.60 0.83, R² .99 .97 .90 .99 .99 .70.
     * median γ = (0.83 + 0.84)/2 = 0.835; |γ − median| = .035 .015 .005 .025 .765 .005,
     * their median 0.02 → band max(3·1.4826·0.02, 0.1) = 0.1: head 4 lies outside,
     * head 5 has an unreliable fit; heads 0–3 agree. */
    struct taf_head_profile heads[6];
    struct taf_layer_profile layer[1];
    const double g[] = { 0.80, 0.82, 0.84, 0.86, 1.60, 0.83 }, r2[] = { 0.99, 0.97, 0.90, 0.99, 0.99, 0.70 };
    memset(heads, 0, sizeof heads);
    memset(layer, 0, sizeof layer);
    for (int k = 0; k < 6; k++)
        heads[k].fit = (struct taf_power_fit){ g[k], -2, r2[k], 10 };
    struct taf_profile p = { .n_layers = 1, .n_heads = 6, .layers = layer, .heads = heads };
    p.fit = (struct taf_power_fit){ 0.9, -2, 0.93, 10 };
    taf_profile_summarise(&p);
    assert_true(p.receipt == TAF_RECEIPT_COARSE);
    assert_close(p.dissimilar_median, 0.835, 1e-12);
    assert_close(p.dissimilar_band, 0.1, 1e-12);
    assert_int_equal(p.n_reliable, 4);
    assert_int_equal(p.n_coarse, 1);
    assert_int_equal(p.n_unreliable, 1);
    assert_int_equal(p.n_dissimilar, 2);
    for (int k = 0; k < 4; k++)
        assert_null(heads[k].dissimilar);
    assert_string_equal(heads[4].dissimilar, "γ outside the heads' median ± band");
    assert_string_equal(heads[5].dissimilar, "unreliable fit (R² < 0.85)");
    assert_close(layer[0].heads.median, 0.835, 1e-12);
}

/* ../shared/data/atlas beside the source tree (this file is tests/unit/ in it). */
static int atlas_dir(char *out, size_t size)
{
    snprintf(out, size, "%s", __FILE__);
    char *cut = strstr(out, "/tests/unit/");
    if (cut == NULL)
        return -1;
    snprintf(cut, size - (size_t)(cut - out), "/../shared/data/atlas");
    return access(out, R_OK) == 0 ? 0 : -1;
}

static void test_every_atlas_file_reproduces_its_recorded_fit(void **state)
{
    (void)state;
    char dir[4096];
    if (atlas_dir(dir, sizeof dir) != 0) {
        print_message("atlas directory not found beside the source tree (%s); skipped\n", dir);
        skip();
    }
    DIR *dp = opendir(dir);
    assert_non_null(dp);
    struct dirent *e;
    int files = 0;
    while ((e = readdir(dp)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 5, ".json") != 0)
            continue;
        char path[8192], err[512];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct taf_attn_file f;
        if (taf_attn_open(path, &f, err, sizeof err) != 0)
            fail_msg("%s", err);
        assert_true(f.kind == TAF_ATTN_ATLAS);
        assert_true(f.atlas.has_recorded);
        struct taf_profile p;
        const struct taf_atlas *a = &f.atlas;
        assert_int_equal(taf_curve_profile(a->distances, a->means, a->n, a->fit_distances, a->fit_means, a->n_fit,
                                           &p, err, sizeof err), 0);
        /* the atlas's own method: OLS of ln mean_across_seeds on −ln d over distances_fit */
        if (!(fabs(p.fit.gamma - a->recorded.gamma) <= 1e-6 && fabs(p.fit.R2 - a->recorded.R2) <= 1e-6 &&
              fabs(p.fit.log_A - a->recorded.log_A) <= 1e-6 && p.fit.n_points == a->recorded.n_points))
            fail_msg("%s: γ %.17g R² %.17g, recorded γ %.17g R² %.17g", e->d_name, p.fit.gamma, p.fit.R2,
                     a->recorded.gamma, a->recorded.R2);
        assert_int_equal(p.n_curve, a->n);
        assert_true(isnan(p.sink_mass));
        taf_profile_free(&p);
        taf_attn_close(&f);
        files++;
    }
    closedir(dp);
    assert_true(files >= 32);
}

static void test_malformed_atlas_files_name_the_problem(void **state)
{
    (void)state;
    const char *bad = "{\"distances\": [10, 20],\n \"attn_by_distance\": }";
    expect_open_error("syntax.json", bad, strlen(bad), "malformed JSON: line 2 column");
    const char *none = "{\"distances\": [10, 20]}";
    expect_open_error("none.json", none, strlen(none), "not a γ-atlas measurement (no 'attn_by_distance' object)");
    const char *gap = "{\"distances\": [10, 20], \"distances_fit\": [10, 30], \"attn_by_distance\": "
                      "{\"10\": {\"mean_across_seeds\": 0.1}, \"20\": {\"mean_across_seeds\": 0.05}}}";
    expect_open_error("gap.json", gap, strlen(gap), "distance 30 has no entry in attn_by_distance");
    const char *frac = "{\"distances\": [10.5], \"distances_fit\": [10], \"attn_by_distance\": {}}";
    expect_open_error("frac.json", frac, strlen(frac), "distances[0] must be an integer distance >= 1");
}

/* A small XML well-formedness check: nested tags match, attributes are
 * quoted, entity references are the five predefined ones or numeric. */
static int xml_well_formed(const char *s, char *why, size_t size)
{
    const char *stack[64];
    size_t len[64];
    int depth = 0, roots = 0;
    while (*s) {
        if (*s == '&') {
            const char *ents[] = { "&amp;", "&lt;", "&gt;", "&quot;", "&apos;" };
            int ok = s[1] == '#';
            for (int k = 0; k < 5 && !ok; k++)
                ok = strncmp(s, ents[k], strlen(ents[k])) == 0;
            if (!ok)
                return snprintf(why, size, "bad entity at %.20s", s), -1;
            s++;
        } else if (*s == '<') {
            if (!strncmp(s, "<?", 2) || !strncmp(s, "<!--", 4)) {
                const char *end = strstr(s, s[1] == '?' ? "?>" : "-->");
                if (end == NULL)
                    return snprintf(why, size, "unterminated declaration"), -1;
                s = end + 2;
                continue;
            }
            int closing = s[1] == '/';
            const char *name = s + 1 + closing;
            size_t n = strcspn(name, " \t\n/>");
            if (n == 0)
                return snprintf(why, size, "empty tag name at %.20s", s), -1;
            const char *p = name + n;
            while (*p && *p != '>' && !(p[0] == '/' && p[1] == '>')) {
                if (*p == '=') {
                    if (p[1] != '"')
                        return snprintf(why, size, "unquoted attribute at %.20s", p), -1;
                    const char *q = strchr(p + 2, '"');
                    if (q == NULL || memchr(p + 2, '<', (size_t)(q - p - 2)))
                        return snprintf(why, size, "bad attribute value at %.20s", p), -1;
                    p = q;
                }
                p++;
            }
            if (*p == '\0')
                return snprintf(why, size, "unterminated tag"), -1;
            if (closing) {
                if (depth == 0 || len[depth - 1] != n || strncmp(stack[depth - 1], name, n))
                    return snprintf(why, size, "mismatched </%.*s>", (int)n, name), -1;
                depth--;
            } else if (*p == '/') {
                roots += depth == 0;
                p++;
            } else {
                if (depth == 64)
                    return snprintf(why, size, "too deep"), -1;
                roots += depth == 0;
                stack[depth] = name, len[depth++] = n;
            }
            s = p;
        }
        s++;
    }
    if (depth != 0 || roots != 1)
        return snprintf(why, size, "%d unclosed tags, %d roots", depth, roots), -1;
    return 0;
}

static size_t count(const char *s, const char *what)
{
    size_t n = 0;
    for (const char *p = strstr(s, what); p; p = strstr(p + 1, what))
        n++;
    return n;
}

static void test_svg_plot_is_well_formed_and_shows_the_data(void **state)
{
    (void)state;
    struct dump d;
    size_t T = 128;
    make_dump(&d, 3, 2, T, TAF_DTYPE_F32, gamma_grid, share_grid);
    size_t shape[] = { 3, 2, T, T };
    assert_int_equal(fx_write_npy(tmp("plot.npy"), 1, TAF_DTYPE_F32, shape, 4, d.values, 0), 0);
    struct taf_attn_file f;
    struct taf_profile p;
    struct taf_profile_opts o = { 0 };
    char err[512], why[128];
    assert_int_equal(profile_file(tmp("plot.npy"), &o, &f, &p, err, sizeof err), 0);
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    struct taf_svg_labels labels = { "a <b> & \"c\".npy", "npy v1.0 · float32 · 3 layers × 2 heads · T = 128" };
    assert_int_equal(taf_profile_svg(mem, &p, &labels), 0);
    fclose(mem);
    if (xml_well_formed(buf, why, sizeof why) != 0)
        fail_msg("not well-formed: %s", why);
    assert_non_null(strstr(buf, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert_non_null(strstr(buf, "a &lt;b&gt; &amp; &quot;c&quot;.npy")); /* the title, escaped */
    /* one circle per fitted bin (plus one in the legend), a polyline per layer and one for the model */
    assert_int_equal(count(buf, "<circle"), p.n_fit_points + 1);
    assert_int_equal(count(buf, "<polyline"), 3 + 1);
    char legend[128];
    snprintf(legend, sizeof legend, "γ = %.4f, R² = %.6f (reliable)", p.fit.gamma, p.fit.R2);
    assert_non_null(strstr(buf, legend));
    assert_non_null(strstr(buf, "layers 0–2"));
    free(buf);
    taf_profile_free(&p);
    /* nothing positive to draw: no plot */
    struct taf_profile empty = { 0 };
    double zero = 0, one = 1;
    empty.n_curve = 1, empty.curve_d = &one, empty.curve_A = &zero;
    mem = open_memstream(&buf, &len);
    assert_int_equal(taf_profile_svg(mem, &empty, &labels), -1);
    fclose(mem);
    free(buf);
    free(d.values);
}

/* ── fixtures for tests/cli/profile.t and tests/golden/profile.lua ── */

static double gamma_fixture(size_t l, size_t h) { return 0.6 + 0.2 * (double)h + 0.1 * (double)l; }

static int write_fixtures(const char *dir)
{
    char path[4096];
    int rc = 0;
    size_t T = 48;
    struct dump d;
    /* pl_f32.npy: 2 layers × 2 heads, γ = 0.6 + 0.2·head + 0.1·layer (0.6 0.8 / 0.7 0.9) */
    make_dump(&d, 2, 2, T, TAF_DTYPE_F32, gamma_fixture, share_half);
    size_t shape4[] = { 2, 2, T, T };
    snprintf(path, sizeof path, "%s/pl_f32.npy", dir);
    rc |= fx_write_npy(path, 1, TAF_DTYPE_F32, shape4, 4, d.values, 0);
    free(d.values);
    /* pl_f16.safetensors: the same heads as float16, one tensor per layer, names out of order */
    make_dump(&d, 2, 2, T, TAF_DTYPE_F16, gamma_fixture, share_half);
    struct fx_tensor t[] = {
        { "model.layers.1.attn", TAF_DTYPE_F16, { 1, 2, T, T }, 4, d.values + 2 * T * T },
        { "model.layers.0.attn", TAF_DTYPE_F16, { 2, T, T }, 3, d.values },
    };
    snprintf(path, sizeof path, "%s/pl_f16.safetensors", dir);
    rc |= fx_write_safetensors(path, t, 2);
    free(d.values);
    /* pl_bf16.safetensors: one layer, one head, γ = 0.6, as bfloat16 [T, T] */
    make_dump(&d, 1, 1, T, TAF_DTYPE_BF16, gamma_fixture, share_half);
    struct fx_tensor one = { "attn", TAF_DTYPE_BF16, { T, T }, 2, d.values };
    snprintf(path, sizeof path, "%s/pl_bf16.safetensors", dir);
    rc |= fx_write_safetensors(path, &one, 1);
    free(d.values);
    /* not_normalised.npy: a float32 head (γ = 0.6) with row 20 scaled by 0.9 */
    make_dump(&d, 1, 1, T, TAF_DTYPE_F32, gamma_fixture, share_half);
    for (size_t j = 0; j < T; j++)
        d.values[20 * T + j] *= 0.9;
    size_t shape2[] = { T, T };
    snprintf(path, sizeof path, "%s/not_normalised.npy", dir);
    rc |= fx_write_npy(path, 1, TAF_DTYPE_F32, shape2, 2, d.values, 0);
    /* not_square.npy: [2, 48, 24] */
    size_t rect[] = { 2, T, T / 2 };
    snprintf(path, sizeof path, "%s/not_square.npy", dir);
    rc |= fx_write_npy(path, 1, TAF_DTYPE_F32, rect, 3, d.values, 0);
    /* fortran.npy */
    snprintf(path, sizeof path, "%s/fortran.npy", dir);
    rc |= fx_write_npy(path, 1, TAF_DTYPE_F32, shape2, 2, d.values, 1);
    /* heads_mismatch.safetensors: 1 head, then 2 heads */
    struct fx_tensor mm[] = {
        { "layer.0", TAF_DTYPE_F32, { 1, T, T }, 3, d.values },
        { "layer.1", TAF_DTYPE_F32, { 2, T / 2, T / 2 }, 3, d.values },
    };
    snprintf(path, sizeof path, "%s/heads_mismatch.safetensors", dir);
    rc |= fx_write_safetensors(path, mm, 2);
    free(d.values);
    return rc ? 1 : 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--write-fixtures") == 0)
        return write_fixtures(argv[2]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_npy_float32_heads_recover_gamma_log_A_and_sink),
        cmocka_unit_test(test_model_curve_of_equal_gammas_is_an_exact_power_law),
        cmocka_unit_test(test_float16_and_bfloat16_within_their_rounding),
        cmocka_unit_test(test_sink_mass_counts_the_first_K_keys),
        cmocka_unit_test(test_npy_versions_2_and_3_read_like_version_1),
        cmocka_unit_test(test_safetensors_layers_follow_natural_name_order),
        cmocka_unit_test(test_thread_count_and_code_path_do_not_change_results),
        cmocka_unit_test(test_rows_that_do_not_sum_to_one_are_rejected_with_their_position),
        cmocka_unit_test(test_malformed_npy_files_name_the_problem),
        cmocka_unit_test(test_malformed_safetensors_name_the_problem),
        cmocka_unit_test(test_fit_range_and_sink_size_are_checked),
        cmocka_unit_test(test_log_binned_fit_gives_each_bin_one_vote),
        cmocka_unit_test(test_gamma_statistics_skip_missing_fits),
        cmocka_unit_test(test_receipts_and_dissimilar_heads),
        cmocka_unit_test(test_every_atlas_file_reproduces_its_recorded_fit),
        cmocka_unit_test(test_malformed_atlas_files_name_the_problem),
        cmocka_unit_test(test_svg_plot_is_well_formed_and_shows_the_data),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

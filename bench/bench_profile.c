/* Benchmark of the profile kernel (SPEC §11): on a [32 heads, 4096, 4096]
 * float32 dump (2 GiB, written here into a temporary directory) it prints
 *   (a) the kernel's throughput against this machine's read bandwidth,
 *       measured in the same run by a STREAM-like read loop over the same
 *       mapped file (same threads), target ≥ 60 %;
 *   (b) the time of a straightforward numpy implementation of the same
 *       computation (bench/profile_numpy.py) over the kernel's, target ≥ 10×.
 * Not a test: timings depend on the machine. Usage:
 *   bench_profile [--heads H] [--tokens T] [--threads N] [--reps R] [--dir DIR] [--no-numpy]
 * The kernel reads the causal lower triangle only (H·T(T+1)/2 values): (a)
 * compares those bytes per second with the read loop's, and also shows the
 * whole file's bytes per second. */
#define _GNU_SOURCE
#include "kernels/attn_profile.h"
#include "readers/attn_file.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* ── the dump: exact power-law heads, γ_h = 0.55 + 0.5·h/H, written row by row ── */

static int write_dump(const char *path, size_t H, size_t T)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        return -1;
    char dict[128];
    snprintf(dict, sizeof dict, "{'descr': '<f4', 'fortran_order': False, 'shape': (%zu, %zu, %zu), }", H, T, T);
    size_t hlen = strlen(dict) + 1;
    hlen += (64 - (10 + hlen) % 64) % 64;
    unsigned char magic[10] = { 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (unsigned char)(hlen & 0xff),
                                (unsigned char)(hlen >> 8) };
    fwrite(magic, 1, 10, f);
    fputs(dict, f);
    for (size_t k = strlen(dict) + 1; k < hlen; k++)
        fputc(' ', f);
    fputc('\n', f);
    float *v = malloc(T * sizeof *v), *row = malloc(T * sizeof *row);
    double *prefix = malloc(T * sizeof *prefix);
    for (size_t h = 0; h < H; h++) {
        double gamma = 0.55 + 0.5 * (double)h / (double)H, z = 0.0;
        for (size_t d = 1; d < T; d++)
            z += pow((double)d, -gamma);
        prefix[0] = 0.0;
        for (size_t d = 1; d < T; d++) {
            v[d] = (float)(0.6 / z * pow((double)d, -gamma));
            prefix[d] = prefix[d - 1] + v[d];
        }
        for (size_t i = 0; i < T; i++) {
            for (size_t j = 0; j < i; j++)
                row[j] = v[i - j];
            row[i] = (float)(1.0 - prefix[i]);
            memset(row + i + 1, 0, (T - i - 1) * sizeof *row);
            if (fwrite(row, sizeof *row, T, f) != T) {
                fclose(f);
                return -1;
            }
        }
    }
    free(v);
    free(row);
    free(prefix);
    return fclose(f);
}

/* ── STREAM-like read: every float of the mapped data summed, split over threads ── */

typedef float v8f __attribute__((vector_size(32)));
typedef float v8f_u __attribute__((vector_size(32), aligned(4), may_alias));

struct reader {
    const float *p;
    size_t n;
    int pieces;
    double sum;
    pthread_t tid;
};

/* Two ways to read a thread's part, and the faster one counts as the read
 * bandwidth: one stream (STREAM's loop), or blocks of 8 × 16 KiB whose 8
 * pieces are read in lockstep (8 streams at once, as the kernel reads 8 rows
 * at a time; on some machines one stream per core leaves the memory system
 * idle between misses and understates the bandwidth). */
#define PIECE 4096 /* floats */
static void *read_part(void *arg)
{
    struct reader *r = arg;
    v8f s0 = { 0 }, s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0;
    size_t base = 0;
    if (r->pieces) {
        for (; base + 8 * PIECE <= r->n; base += 8 * PIECE) {
            const float *p = r->p + base;
            for (size_t j = 0; j < PIECE; j += 8) {
                s0 += *(const v8f_u *)(p + j);
                s1 += *(const v8f_u *)(p + PIECE + j);
                s2 += *(const v8f_u *)(p + 2 * PIECE + j);
                s3 += *(const v8f_u *)(p + 3 * PIECE + j);
                s4 += *(const v8f_u *)(p + 4 * PIECE + j);
                s5 += *(const v8f_u *)(p + 5 * PIECE + j);
                s6 += *(const v8f_u *)(p + 6 * PIECE + j);
                s7 += *(const v8f_u *)(p + 7 * PIECE + j);
            }
        }
    } else {
        for (; base + 32 <= r->n; base += 32) {
            s0 += *(const v8f_u *)(r->p + base);
            s1 += *(const v8f_u *)(r->p + base + 8);
            s2 += *(const v8f_u *)(r->p + base + 16);
            s3 += *(const v8f_u *)(r->p + base + 24);
        }
    }
    v8f s = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    double t = 0;
    for (int k = 0; k < 8; k++)
        t += s[k];
    for (; base < r->n; base++)
        t += r->p[base];
    r->sum = t;
    return NULL;
}

static double read_all(const float *p, size_t n, int threads, int pieces, double *sum)
{
    struct reader r[256];
    double t0 = now();
    for (int t = 0; t < threads; t++) {
        r[t].p = p + n * (size_t)t / (size_t)threads;
        r[t].n = n * (size_t)(t + 1) / (size_t)threads - n * (size_t)t / (size_t)threads;
        r[t].pieces = pieces;
        if (t > 0)
            pthread_create(&r[t].tid, NULL, read_part, &r[t]);
    }
    read_part(&r[0]);
    for (int t = 1; t < threads; t++)
        pthread_join(r[t].tid, NULL);
    double dt = now() - t0;
    *sum = 0;
    for (int t = 0; t < threads; t++)
        *sum += r[t].sum;
    return dt;
}

static long long mem_available(void)
{
    FILE *f = fopen("/proc/meminfo", "r");
    char line[256];
    long long kb = -1;
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "MemAvailable: %lld kB", &kb) == 1)
            break;
    if (f)
        fclose(f);
    return kb < 0 ? -1 : kb * 1024;
}

static int cpus(void)
{
    cpu_set_t set;
    return sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : (int)sysconf(_SC_NPROCESSORS_ONLN);
}

int main(int argc, char **argv)
{
    size_t H = 32, T = 4096;
    int threads = 0, reps = 5, numpy = 1;
    const char *dir = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--heads") && i + 1 < argc) H = (size_t)atol(argv[++i]);
        else if (!strcmp(argv[i], "--tokens") && i + 1 < argc) T = (size_t)atol(argv[++i]);
        else if (!strcmp(argv[i], "--threads") && i + 1 < argc) threads = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--reps") && i + 1 < argc) reps = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--dir") && i + 1 < argc) dir = argv[++i];
        else if (!strcmp(argv[i], "--no-numpy")) numpy = 0;
        else {
            fprintf(stderr, "usage: %s [--heads H] [--tokens T] [--threads N] [--reps R] [--dir DIR] [--no-numpy]\n",
                    argv[0]);
            return 2;
        }
    }
    if (threads <= 0)
        threads = cpus();
    if (threads > 256)
        threads = 256;
    double file_bytes = (double)H * (double)T * (double)T * 4.0, tri_bytes = (double)H * (double)T * (double)(T + 1) * 2.0;
    struct statvfs vfs;
    long long avail = mem_available();
    if (statvfs(dir, &vfs) == 0 && (double)vfs.f_bavail * (double)vfs.f_frsize < file_bytes * 1.1) {
        printf("bench_profile: skipped: %s has %.1f GiB free, the dump needs %.1f GiB (use --dir or --heads)\n", dir,
               (double)vfs.f_bavail * (double)vfs.f_frsize / 1073741824.0, file_bytes / 1073741824.0);
        return 0;
    }
    if (avail >= 0 && (double)avail < file_bytes * 1.5) {
        printf("bench_profile: skipped: %.1f GiB of memory available, the dump (%.1f GiB) must stay in the page "
               "cache for a memory-bandwidth comparison (use --heads)\n", (double)avail / 1073741824.0,
               file_bytes / 1073741824.0);
        return 0;
    }
    char tmpl[4096], path[4200];
    snprintf(tmpl, sizeof tmpl, "%s/taf-bench-profile-XXXXXX", dir);
    if (mkdtemp(tmpl) == NULL) {
        fprintf(stderr, "bench_profile: cannot create a directory in %s: %s\n", dir, strerror(errno));
        return 1;
    }
    snprintf(path, sizeof path, "%s/attn.npy", tmpl);
    printf("profile kernel benchmark: [%zu heads, %zu, %zu] float32 = %.2f GiB, %d threads\n", H, T, T,
           file_bytes / 1073741824.0, threads);
    double t0 = now();
    if (write_dump(path, H, T) != 0) {
        fprintf(stderr, "bench_profile: cannot write %s\n", path);
        return 1;
    }
    printf("  dump written in %.2f s: %s\n", now() - t0, path);

    struct taf_attn_file f;
    char err[1024];
    if (taf_attn_open(path, &f, err, sizeof err) != 0) {
        fprintf(stderr, "bench_profile: %s\n", err);
        return 1;
    }
    const float *data = f.layer_data[0];
    size_t n = H * T * T;
    double sum, best_read = INFINITY, best_kernel = INFINITY, first_kernel = 0;
    /* the first pass maps every page of the file (page faults), then both loops run on a mapped file */
    double cold = read_all(data, n, threads, 0, &sum), best_stream = INFINITY, best_pieces = INFINITY;
    struct taf_profile_opts o = { .threads = threads };
    struct taf_attn_view v = { f.n_layers, f.n_heads, f.T, f.layer_data, f.layer_dtype };
    struct taf_profile p;
    for (int r = 0; r < reps; r++) {
        best_stream = fmin(best_stream, read_all(data, n, threads, 0, &sum));
        best_pieces = fmin(best_pieces, read_all(data, n, threads, 1, &sum));
        best_read = fmin(best_stream, best_pieces);
        double k0 = now();
        if (taf_attn_profile(&v, &o, &p, err, sizeof err) != 0) {
            fprintf(stderr, "bench_profile: %s\n", err);
            return 1;
        }
        double dt = now() - k0;
        if (r == 0)
            first_kernel = dt;
        best_kernel = fmin(best_kernel, dt);
        if (r + 1 < reps)
            taf_profile_free(&p);
    }
    double bw = file_bytes / best_read, kernel_tri = tri_bytes / best_kernel, kernel_file = file_bytes / best_kernel;
    printf("  read loop (STREAM-like sum over the mapped file): best %.3f s = %.2f GB/s (one stream a thread %.2f GB/s, "
           "8 streams a thread %.2f GB/s; first, faulting pass %.3f s; checksum %.6g)\n", best_read, bw / 1e9,
           file_bytes / best_stream / 1e9, file_bytes / best_pieces / 1e9, cold, sum);
    printf("  kernel: best %.3f s of %d (first %.3f s); γ = %.6f, R² = %.6f, sink mass %.6f\n", best_kernel, reps,
           first_kernel, p.fit.gamma, p.fit.R2, p.sink_mass);
    printf("  (a) kernel reads the causal triangle, %.2f GiB: %.2f GB/s = %.0f%% of the read bandwidth (target >= 60%%)\n",
           tri_bytes / 1073741824.0, kernel_tri / 1e9, 100.0 * kernel_tri / bw);
    printf("      whole file per kernel second: %.2f GB/s = %.0f%% of the read loop over the whole file\n",
           kernel_file / 1e9, 100.0 * kernel_file / bw);
    double kernel_gamma = p.fit.gamma;
    taf_profile_free(&p);
    taf_attn_close(&f);

    if (numpy) {
        char script[4096], cmd[12000];
        snprintf(script, sizeof script, "%s", __FILE__);
        char *slash = strrchr(script, '/');
        snprintf(slash ? slash + 1 : script, sizeof script - (size_t)(slash ? slash + 1 - script : 0),
                 "profile_numpy.py");
        /* Debian's interpreter first (a pyenv or venv shim on PATH may lack numpy), then PATH's */
        const char *candidates[] = { "/usr/bin/python3", "python3" }, *python = NULL;
        for (int k = 0; k < 2 && python == NULL; k++) {
            snprintf(cmd, sizeof cmd, "%s -c 'import numpy' >/dev/null 2>&1", candidates[k]);
            if (system(cmd) == 0)
                python = candidates[k];
        }
        if (python == NULL) {
            printf("  (b) numpy: skipped (no python3 with numpy; on Debian: apt-get install python3-numpy)\n");
        } else {
            snprintf(cmd, sizeof cmd, "%s '%s' '%s'", python, script, path);
            FILE *py = popen(cmd, "r");
            double np_time = NAN, np_gamma = NAN;
            char line[512];
            while (py && fgets(line, sizeof line, py))
                sscanf(line, "numpy_seconds %lf gamma %lf", &np_time, &np_gamma);
            int status = py ? pclose(py) : -1;
            if (status != 0 || !isfinite(np_time))
                printf("  (b) numpy: the script failed (%s)\n", cmd);
            else
                printf("  (b) numpy (same computation, bench/profile_numpy.py, %s): %.2f s, γ = %.6f (kernel %.6f): "
                       "kernel is %.1fx faster (target >= 10x)\n", python, np_time, np_gamma, kernel_gamma,
                       np_time / best_kernel);
        }
    }
    unlink(path);
    rmdir(tmpl);
    return 0;
}

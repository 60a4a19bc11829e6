/* Benchmark: exact D_f (engine/formulas/df_exact.c) against the direct
 * cumulative sum it must equal, both timed in this run. Prints the time per
 * call at N = 1e6 … 1e9 and the speed-up over direct summation. Never gates CI. */
#include "formulas/df_exact.h"

#include <stdio.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* The baseline: smallest D with Σ_{d≤D} d^-γ ≥ f·Σ_{d≤N} d^-γ, by brute force. */
static int64_t df_direct(double gamma, int64_t N, double f)
{
    double total = 0;
    for (int64_t d = 1; d <= N; d++)
        total += __builtin_pow((double)d, -gamma);
    double acc = 0, target = f * total;
    for (int64_t d = 1; d <= N; d++) {
        acc += __builtin_pow((double)d, -gamma);
        if (acc >= target)
            return d;
    }
    return N;
}

int main(void)
{
    const double gammas[] = { 0.65, 0.75, 0.85 };
    printf("exact D_f, f = 0.9\n%-8s %-6s %14s %14s %14s %10s\n", "N", "gamma", "D_f", "kernel (us)", "direct (us)", "speed-up");
    for (int64_t N = 1000000; N <= 1000000000; N *= 10) {
        for (size_t g = 0; g < sizeof gammas / sizeof *gammas; g++) {
            int reps = 200;
            volatile int64_t sink = 0;
            double t0 = now();
            for (int r = 0; r < reps; r++)
                sink += taf_df_exact(gammas[g], N, 0.9);
            double kernel_us = (now() - t0) / reps * 1e6;
            int64_t d = taf_df_exact(gammas[g], N, 0.9);
            if (N <= 10000000) {
                t0 = now();
                int64_t ref = df_direct(gammas[g], N, 0.9);
                double direct_us = (now() - t0) * 1e6;
                printf("%-8.0e %-6.2f %14lld %14.2f %14.0f %9.0fx%s\n", (double)N, gammas[g], (long long)d, kernel_us,
                       direct_us, direct_us / kernel_us, ref == d ? "" : "  MISMATCH");
            } else {
                printf("%-8.0e %-6.2f %14lld %14.2f %14s %10s\n", (double)N, gammas[g], (long long)d, kernel_us, "-", "-");
            }
            (void)sink;
        }
    }
    return 0;
}

/* The benchmarks' process timer: runs each of several commands with
 * posix_spawn (no shell, no fork of a big parent), interleaved in rounds so
 * that a slow spell of the machine hits every command alike, and prints per
 * command the best round and the median round in ms per run, and the peak RSS
 * of its children (wait4's ru_maxrss).
 *
 *   bench_spawn [-r ROUNDS] [-n RUNS] :: NAME PROGRAM ARG... [:: NAME PROGRAM ARG...]...
 *
 * PROGRAM is found on PATH as execvp does. After one untimed run of each
 * command, each round runs every command RUNS times in a row (stdin and
 * stdout /dev/null, stderr kept) and takes the mean of those runs; a child
 * that does not exit 0 stops the benchmark with exit 1.
 * Output, one line per command: NAME BEST_MS MEDIAN_MS PEAK_RSS_KIB.
 *
 * Peak RSS: the largest ru_maxrss over a command's runs. Linux charges a
 * child with the high-water mark of the memory it exec'd from, so this
 * program stays small (no allocation beyond its tables) and the trivial C
 * program's figure is the floor any child reports. */
#define _DEFAULT_SOURCE /* wait4 */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

#define MAX_COMMANDS 16
#define MAX_ROUNDS 1000

extern char **environ;

struct command {
    const char *name;
    char **argv;
    double per_run_ms[MAX_ROUNDS];
    long peak_rss_kib;
};

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* One run of `c`: 0 when it exited 0; its peak RSS folded into the command's. */
static int run_once(struct command *c, const posix_spawn_file_actions_t *io)
{
    pid_t pid;
    int err = posix_spawnp(&pid, c->argv[0], io, NULL, c->argv, environ);
    if (err != 0) {
        fprintf(stderr, "bench_spawn: cannot start %s: %s\n", c->argv[0], strerror(err));
        return -1;
    }
    int status;
    struct rusage usage;
    while (wait4(pid, &status, 0, &usage) < 0)
        if (errno != EINTR) {
            perror("bench_spawn: wait4");
            return -1;
        }
    if (usage.ru_maxrss > c->peak_rss_kib)
        c->peak_rss_kib = usage.ru_maxrss;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "bench_spawn: %s (%s) failed: %s %d\n", c->name, c->argv[0],
                WIFEXITED(status) ? "exit status" : "signal",
                WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
        return -1;
    }
    return 0;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int usage_error(void)
{
    fprintf(stderr, "usage: bench_spawn [-r ROUNDS] [-n RUNS] :: NAME PROGRAM ARG... [:: NAME PROGRAM ARG...]...\n");
    return 2;
}

int main(int argc, char **argv)
{
    static struct command commands[MAX_COMMANDS];
    int rounds = 10, runs = 1, n = 0, i = 1;
    for (; i < argc && strcmp(argv[i], "::") != 0; i += 2) {
        if (i + 1 >= argc)
            return usage_error();
        if (strcmp(argv[i], "-r") == 0)
            rounds = atoi(argv[i + 1]);
        else if (strcmp(argv[i], "-n") == 0)
            runs = atoi(argv[i + 1]);
        else
            return usage_error();
    }
    if (rounds < 1 || rounds > MAX_ROUNDS || runs < 1)
        return usage_error();
    while (i < argc) { /* argv[i] is "::"; split the commands in place */
        argv[i++] = NULL;
        if (n == MAX_COMMANDS || i + 1 >= argc)
            return usage_error();
        commands[n].name = argv[i++];
        commands[n++].argv = argv + i;
        while (i < argc && strcmp(argv[i], "::") != 0)
            i++;
    }
    if (n == 0)
        return usage_error();
    for (int c = 0; c < n; c++)
        if (commands[c].argv[0] == NULL) /* a NAME with no PROGRAM */
            return usage_error();

    posix_spawn_file_actions_t io;
    posix_spawn_file_actions_init(&io);
    posix_spawn_file_actions_addopen(&io, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&io, 1, "/dev/null", O_WRONLY, 0);

    for (int c = 0; c < n; c++) /* one untimed run each: page cache, and a failing command stops here */
        if (run_once(&commands[c], &io) != 0)
            return 1;
    for (int r = 0; r < rounds; r++)
        for (int c = 0; c < n; c++) {
            double t0 = now_ms();
            for (int k = 0; k < runs; k++)
                if (run_once(&commands[c], &io) != 0)
                    return 1;
            commands[c].per_run_ms[r] = (now_ms() - t0) / runs;
        }
    posix_spawn_file_actions_destroy(&io);

    for (int c = 0; c < n; c++) {
        double *t = commands[c].per_run_ms;
        qsort(t, (size_t)rounds, sizeof *t, by_value);
        double median = rounds % 2 ? t[rounds / 2] : (t[rounds / 2 - 1] + t[rounds / 2]) / 2;
        printf("%s %.4f %.4f %ld\n", commands[c].name, t[0], median, commands[c].peak_rss_kib);
    }
    return 0;
}

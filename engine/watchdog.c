/* CPU watchdog (watchdog.h). */
#include "watchdog.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#define TICK_US WATCHDOG_TICK_US

static volatile sig_atomic_t ticks, depth, entered_at;
static long limit_ticks;
static int armed;
static void (*on_stop)(void);
static void (*on_tick_fn)(void);
static char message[256];
static size_t message_len;

static void on_tick(int sig)
{
    (void)sig;
    ticks++;
    if (on_tick_fn != NULL)
        on_tick_fn();
    if (depth > 0 && ticks - entered_at > limit_ticks) {
        ssize_t w = write(STDERR_FILENO, message, message_len);
        (void)w;
        if (on_stop != NULL)
            on_stop();
        _exit(1);
    }
}

static void arm(void)
{
    struct itimerval it = { { 0, TICK_US }, { 0, TICK_US } };
    setitimer(ITIMER_PROF, &it, NULL);
}

void watchdog_start(double limit_s, void (*cleanup)(void), void (*tick)(void))
{
    on_tick_fn = tick;
    limit_ticks = (long)(limit_s * 1e6 / TICK_US + 0.5);
    on_stop = cleanup;
    int n = snprintf(message, sizeof message,
                     "tafrun: script stopped: a string pattern call (find, match, gmatch, gsub) used "
                     "more than %.1f s of CPU (the limit follows --max-steps; raise it, or use --trust)\n",
                     limit_s);
    message_len = n > 0 && (size_t)n < sizeof message ? (size_t)n : strlen(message);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_tick;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGPROF, &sa, NULL);
    arm();
    armed = 1;
}

void watchdog_after_fork(void)
{
    depth = 0;
    if (armed)
        arm();
}

void watchdog_enter(void)
{
    if (depth++ == 0)
        entered_at = ticks;
}

void watchdog_leave(void)
{
    depth--;
}

/* The CPU clock behind the sandbox's limits. A profiling timer ticks every
 * WATCHDOG_TICK_US of process CPU time (user + system) and calls the tick
 * function the host gave, from the SIGPROF handler: that is how the
 * instruction budget is kept without a count hook running at every
 * instruction (the host arms a hook only once the budget is spent, as lua.c
 * arms one from its SIGINT handler).
 * It also guards the one kind of script work no hook can stop: C loops run on
 * a script's behalf. Lua's pattern matcher (string.find, match, gmatch, gsub)
 * backtracks without executing a VM instruction, so ("a"):rep(1e5):find("a*a*b")
 * runs for hours. The sandbox runs those calls between watchdog_enter and
 * watchdog_leave; a call that uses more CPU than the limit stops the process
 * from the handler: message on stderr, partial outputs removed, exit 1. */
#ifndef TAF_WATCHDOG_H
#define TAF_WATCHDOG_H

#define WATCHDOG_TICK_US 10000 /* 10 ms of process CPU time */

/* Arm the profiling timer; `limit_s` is the CPU time one guarded call may use.
 * `cleanup` must be async-signal-safe (it deletes partial files); `tick`
 * (may be NULL) runs in the signal handler at every tick and must be
 * async-signal-safe too. */
void watchdog_start(double limit_s, void (*cleanup)(void), void (*tick)(void));
/* The timer is not inherited by fork(): a worker arms it again. */
void watchdog_after_fork(void);
void watchdog_enter(void);
void watchdog_leave(void);

#endif

/* A CPU watchdog for the one kind of script work the instruction budget
 * cannot see: C loops run on a script's behalf. Lua's pattern matcher
 * (string.find, match, gmatch, gsub) backtracks without executing a single VM
 * instruction, so ("a"):rep(1e5):find("a*a*b") runs for hours under any
 * --max-steps. The sandbox runs those calls between watchdog_enter and
 * watchdog_leave; a call that uses more CPU than the limit stops the process
 * from a SIGPROF handler: message on stderr, partial outputs removed, exit 1. */
#ifndef TAF_WATCHDOG_H
#define TAF_WATCHDOG_H

/* Arm the profiling timer; `limit_s` is the CPU time one guarded call may use.
 * `cleanup` must be async-signal-safe (it deletes partial files). */
void watchdog_start(double limit_s, void (*cleanup)(void));
/* The timer is not inherited by fork(): a worker arms it again. */
void watchdog_after_fork(void);
void watchdog_enter(void);
void watchdog_leave(void);

#endif

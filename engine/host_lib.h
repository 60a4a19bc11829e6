/* The `host` table: privileged services for the built-in recipe library only
 * (file listing, pack discovery, atomic output files, worker processes).
 * Untrusted scripts never see it. */
#ifndef TAF_HOST_LIB_H
#define TAF_HOST_LIB_H

#include "host.h"

/* Push a new `host` table (without `load`, which sandbox.c adds). */
void host_lib_push(struct taf_host *h);

/* At exit: when the run failed, stop worker processes and delete the files
 * registered with host.on_failure_remove (partial sweep parts). */
void host_lib_shutdown(int failed);

/* From a signal handler (async-signal-safe): stop the workers, delete every
 * partial output and registered file. The process exits right after. */
void host_lib_emergency_stop(void);

#endif

/* The `host` table: privileged services for the built-in recipe library only
 * (file listing, pack discovery, atomic output files, worker processes).
 * Untrusted scripts never see it. */
#ifndef TAF_HOST_LIB_H
#define TAF_HOST_LIB_H

#include "host.h"

/* Push a new `host` table (without `load`, which sandbox.c adds). */
void host_lib_push(struct taf_host *h);

#endif

/* A GPU as the catalogs describe it (catalogs/gpus.lua); plain data, no Lua. */
#ifndef TAF_FORMULAS_GPU_H
#define TAF_FORMULAS_GPU_H

struct taf_gpu {
    const char *name;   /* catalog name, e.g. "H100 SXM" */
    double flops;       /* dense bf16 TFLOP/s */
    double vram_GB;     /* HBM capacity, GB */
    double bw_GB_s;     /* HBM bandwidth, GB/s */
    double usd_h;       /* spot price, USD per GPU-hour (0 = local card, no price) */
    double tdp;         /* board power, W */
};

#endif

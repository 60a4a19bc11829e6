/* libFuzzer target for the .npy reader (engine/readers/npy.c); a header that
 * parses and holds at most 64 KiB of attention also goes through the profile
 * kernel (one thread), so arbitrary values (NaN, negative, huge) reach it.
 * Long run: build-fuzz/tests/fuzz/fuzz_npy -max_total_time=600 tests/fuzz/corpus/npy */
#include "kernels/attn_profile.h"
#include "readers/npy.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct taf_npy_header h;
    char err[512];
    if (taf_npy_parse(data, size, &h, err, sizeof err) != 0 || h.ndim < 2 || h.ndim > 4 || h.data_bytes > 65536)
        return 0;
    size_t T = h.shape[h.ndim - 1], H = h.ndim >= 3 ? h.shape[h.ndim - 3] : 1, L = h.ndim == 4 ? h.shape[0] : 1;
    if (T != h.shape[h.ndim - 2] || T < 2 || H == 0 || L == 0)
        return 0;
    /* an aligned copy, as the mapping would be */
    void *copy = malloc(h.data_bytes ? h.data_bytes : 1);
    const void **layers = malloc(L * sizeof *layers);
    enum taf_dtype *types = malloc(L * sizeof *types);
    if (copy && layers && types) {
        memcpy(copy, data + h.data_offset, h.data_bytes);
        for (size_t l = 0; l < L; l++) {
            layers[l] = (const char *)copy + l * (h.data_bytes / L);
            types[l] = h.dtype;
        }
        struct taf_attn_view v = { L, H, T, layers, types };
        struct taf_profile_opts o = { .threads = 1, .d1 = 1, .d2 = T - 1 };
        struct taf_profile p;
        if (taf_attn_profile(&v, &o, &p, err, sizeof err) == TAF_PROFILE_OK)
            taf_profile_free(&p);
    }
    free(copy);
    free(layers);
    free(types);
    return 0;
}

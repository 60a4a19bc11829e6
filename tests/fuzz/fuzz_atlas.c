/* libFuzzer target for the γ-atlas reader (engine/readers/atlas.c) and the
 * curve profile built from what it reads.
 * Long run: build-fuzz/tests/fuzz/fuzz_atlas -max_total_time=600 tests/fuzz/corpus/atlas */
#include "kernels/attn_profile.h"
#include "readers/atlas.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct taf_atlas a;
    char err[512];
    if (taf_atlas_parse((const char *)data, size, &a, err, sizeof err) != 0)
        return 0;
    struct taf_profile p;
    if (taf_curve_profile(a.distances, a.means, a.n, a.fit_distances, a.fit_means, a.n_fit, &p, err, sizeof err) == 0)
        taf_profile_free(&p);
    taf_atlas_free(&a);
    return 0;
}

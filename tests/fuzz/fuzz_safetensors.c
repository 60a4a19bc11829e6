/* libFuzzer target for the .safetensors header reader (engine/readers/safetensors.c).
 * Long run: build-fuzz/tests/fuzz/fuzz_safetensors -max_total_time=600 tests/fuzz/corpus/safetensors */
#include "readers/safetensors.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct taf_st_file f;
    char err[512];
    if (taf_safetensors_parse(data, size, &f, err, sizeof err) == 0)
        taf_safetensors_free(&f);
    return 0;
}

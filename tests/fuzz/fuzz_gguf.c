/* libFuzzer target for the GGUF header reader (engine/readers/gguf.c).
 * Build: make test-fuzz (clang, -DTAF_FUZZ=ON); long run:
 *   build-fuzz/tests/fuzz/fuzz_gguf -max_total_time=600 tests/fuzz/corpus/gguf */
#include "readers/gguf.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct taf_model_info *m = malloc(sizeof *m);
    char err[512];
    if (m == NULL)
        return 0;
    if (taf_parse_gguf(data, size, "fuzz.gguf", m, err, sizeof err) == 0)
        taf_model_info_free(m);
    free(m);
    return 0;
}

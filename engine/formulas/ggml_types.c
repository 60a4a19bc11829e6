#include "formulas/ggml_types.h"

#include <ctype.h>
#include <stddef.h>

/* enum llama_ftype (llama.h), index = value; NULL where a value was retired. */
static const char *const NAMES[] = {
    "ALL_F32", "F16", "Q4_0", "Q4_1", "Q4_1_SOME_F16", NULL, NULL, "Q8_0", "Q5_0", "Q5_1", "Q2_K",
    "Q3_K_S", "Q3_K_M", "Q3_K_L", "Q4_K_S", "Q4_K_M", "Q5_K_S", "Q5_K_M", "Q6_K", "IQ2_XXS", "IQ2_XS",
    "Q2_K_S", "IQ3_XS", "IQ3_XXS", "IQ1_S", "IQ4_NL", "IQ3_S", "IQ3_M", "IQ2_S", "IQ2_M", "IQ4_XS",
    "IQ1_M", "BF16", "Q4_0_4_4", "Q4_0_4_8", "Q4_0_8_8", "TQ1_0", "TQ2_0", "MXFP4_MOE",
};
#define N_NAMES (sizeof NAMES / sizeof *NAMES)

const char *taf_ggml_ftype_name(uint32_t ftype)
{
    return ftype < N_NAMES ? NAMES[ftype] : NULL;
}

static int same_name(const char *a, const char *b)
{
    for (; *a != '\0' && *b != '\0'; a++, b++)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return 0;
    return *a == *b;
}

int taf_ggml_ftype_find(const char *name)
{
    for (size_t i = 0; i < N_NAMES; i++)
        if (NAMES[i] != NULL && (same_name(name, NAMES[i]) || (i == 0 && same_name(name, NAMES[i] + 4))))
            return (int)i;
    return -1;
}

int taf_ggml_type_size(uint32_t type, uint32_t *block, uint32_t *bytes)
{
    /* enum ggml_type (ggml.h): elements and bytes per block; types 4 and 5
     * (Q4_2, Q4_3) were removed */
    static const struct { uint32_t type, block, bytes; } T[] = {
        { 0, 1, 4 }, { 1, 1, 2 }, { 2, 32, 18 }, { 3, 32, 20 }, { 6, 32, 22 }, { 7, 32, 24 }, { 8, 32, 34 },
        { 9, 32, 36 }, { 10, 256, 84 }, { 11, 256, 110 }, { 12, 256, 144 }, { 13, 256, 176 }, { 14, 256, 210 },
        { 15, 256, 292 }, { 16, 256, 66 }, { 17, 256, 74 }, { 18, 256, 98 }, { 19, 256, 50 }, { 20, 32, 18 },
        { 21, 256, 110 }, { 22, 256, 82 }, { 23, 256, 136 }, { 24, 1, 1 }, { 25, 1, 2 }, { 26, 1, 4 },
        { 27, 1, 8 }, { 28, 1, 8 }, { 29, 256, 56 }, { 30, 1, 2 }, { 31, 32, 18 }, { 32, 32, 18 },
        { 33, 32, 18 }, { 34, 256, 54 }, { 35, 256, 66 }, { 36, 32, 18 }, { 37, 32, 18 }, { 38, 32, 18 },
        { 39, 32, 17 },
    };
    for (size_t i = 0; i < sizeof T / sizeof *T; i++)
        if (T[i].type == type) {
            *block = T[i].block;
            *bytes = T[i].bytes;
            return 1;
        }
    return 0;
}

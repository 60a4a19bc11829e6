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

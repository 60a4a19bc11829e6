#include "formulas/training.h"

/* §17.30 D = ratio·N */
double taf_chinchilla_optimal_tokens(double N_params, double ratio)
{
    return ratio * N_params;
}

/* §17.30 N = D/ratio */
double taf_chinchilla_optimal_N(double D_tokens, double ratio)
{
    return D_tokens / ratio;
}

/* §17.10 C = 6·N·D */
double taf_training_flops(double N_params, double D_tokens)
{
    return 6 * N_params * D_tokens;
}

/* §17.20 memory = 16·N bytes */
struct taf_training_memory taf_training_memory_16N(double N_params)
{
    struct taf_training_memory m = { 16 * N_params, 16 * N_params / 1e9 };
    return m;
}

/* §17.60 emergent capabilities by parameter count */
const char *taf_emergent_threshold(double N_params)
{
    if (N_params >= 1e11)
        return "above 100B — strong reasoning capabilities expected";
    if (N_params >= 1e10)
        return "above 10B — most emergent capabilities present";
    if (N_params >= 1e9)
        return "above 1B — basic instruction-following, not strong reasoning";
    if (N_params >= 1e8)
        return "above 100M — useful for narrow tasks, no emergence";
    return "below 100M — domain-specific tasks only";
}

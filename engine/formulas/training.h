/* §17 pre-training viability: Chinchilla budget, compute, memory, emergence. */
#ifndef TAF_FORMULAS_TRAINING_H
#define TAF_FORMULAS_TRAINING_H

/* §17.30 D = ratio·N (Chinchilla, ratio 20). */
double taf_chinchilla_optimal_tokens(double N_params, double ratio);
/* §17.30 inverse N = D/ratio. */
double taf_chinchilla_optimal_N(double D_tokens, double ratio);
/* §17.10 C = 6·N·D. */
double taf_training_flops(double N_params, double D_tokens);
/* §17.20 16·N bytes (weights + gradients + Adam moments). */
struct taf_training_memory { double bytes, GB; };
struct taf_training_memory taf_training_memory_16N(double N_params);
/* §17.60 capability tier by size (Wei 2022). */
const char *taf_emergent_threshold(double N_params);

#endif

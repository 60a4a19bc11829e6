/* §14 RoPE scales and context extension: wavelengths of the rotary pairs,
 * how many pairs still resolve a distance, the two scales T_cross and
 * T_max, the depth landmark L_crit/N, and the effective bases of the
 * NTK-aware, dynamic-NTK and YaRN extensions. Pure functions; callers
 * validate the domain (θ > 1, d_head ≥ 2, distances > 0). */
#ifndef TAF_FORMULAS_ROPE_H
#define TAF_FORMULAS_ROPE_H

/* §14 λ_i = 2π·θ^(2i/d): wavelength (positions per full turn) of pair i. */
double taf_rope_wavelength(double theta, double i, double d_head);

/* §14 n_active(d) = (d_head/2)·(1 − log_θ(d/2π)), clamped to [0, d_head/2]:
 * pairs whose wavelength still exceeds the distance d (continuous count). */
double taf_rope_n_active(double theta, double d_head, double distance);

/* The discrete count behind n_active: pairs i in [0, d_head/2) with λ_i ≥ d. */
int taf_rope_pairs_resolving(double theta, int d_head, double distance);

/* §14 T_cross = 2π√θ: half the pairs have aliased (n_active = d_head/4). */
double taf_rope_t_cross(double theta);

/* §14 T_max = 2πθ: the slowest possible wavelength; n_active reaches 0. */
double taf_rope_t_max(double theta);

/* Depth landmark L_crit/N = log_θ(T/2π)·(d_head/64)^(1/√12) (upstream depth
 * mode); NaN when θ ≤ 1 or T ≤ 0. */
double taf_lcrit_fraction(double theta, double T, double d_head);

/* NTK-aware base: θ' = θ·s^(d/(d−2)) for a stretch s ≥ 1. */
double taf_ntk_theta(double theta, double factor, double d_head);

/* Dynamic NTK base at sequence length L (transformers' dynamic rope):
 * θ' = θ·((s·L/L0) − (s − 1))^(d/(d−2)) when L > L0, else θ. */
double taf_dynamic_ntk_theta(double theta, double factor, double d_head, double seq_len, double original_len);

/* YaRN attention temperature: mscale = 0.1·ln s + 1 for s > 1, else 1. */
double taf_yarn_mscale(double factor);

/* YaRN ramp: dimension index where a pair makes `rotations` full turns over
 * L0 positions: d·ln(L0/(rotations·2π)) / (2·ln θ). */
double taf_yarn_correction_dim(double rotations, double d_head, double theta, double original_len);

/* YaRN correction range [low, high] over the rotary dimension indices
 * (floor of the β_fast dimension, ceil of the β_slow one, clamped to
 * [0, d_head − 1]): pairs below `low` keep their frequency (extrapolate),
 * pairs above `high` are interpolated by s, the ones between are blended. */
struct taf_yarn_range { double low, high; };
struct taf_yarn_range taf_yarn_correction_range(double beta_fast, double beta_slow, double d_head, double theta,
                                                double original_len);

#endif

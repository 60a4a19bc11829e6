#include "formulas/rope.h"

#include <math.h>

#define TWO_PI 6.283185307179586476925286766559

/* §14 λ_i = 2π·θ^(2i/d) */
double taf_rope_wavelength(double theta, double i, double d_head)
{
    return TWO_PI * pow(theta, 2.0 * i / d_head);
}

/* §14 n_active(d) = (d_head/2)(1 − log_θ(d/2π)), within [0, d_head/2] */
double taf_rope_n_active(double theta, double d_head, double distance)
{
    double n = d_head / 2.0 * (1.0 - log(distance / TWO_PI) / log(theta));
    if (n < 0)
        return 0;
    return n > d_head / 2.0 ? d_head / 2.0 : n;
}

/* Pairs with λ_i ≥ d; λ_i grows with i, so they are the top of the range. */
int taf_rope_pairs_resolving(double theta, int d_head, double distance)
{
    int count = 0;
    for (int i = 0; i < d_head / 2; i++)
        if (taf_rope_wavelength(theta, i, d_head) >= distance)
            count++;
    return count;
}

/* §14 T_cross = 2π√θ */
double taf_rope_t_cross(double theta)
{
    return TWO_PI * sqrt(theta);
}

/* §14 T_max = 2πθ */
double taf_rope_t_max(double theta)
{
    return TWO_PI * theta;
}

/* L_crit/N = log_θ(T/2π)·(d_head/64)^(1/√12) */
double taf_lcrit_fraction(double theta, double T, double d_head)
{
    if (!(theta > 1) || !(T > 0))
        return NAN;
    return log(T / TWO_PI) / log(theta) * pow(d_head / 64.0, 1.0 / sqrt(12.0));
}

/* θ' = θ·s^(d/(d−2)) */
double taf_ntk_theta(double theta, double factor, double d_head)
{
    return theta * pow(factor, d_head / (d_head - 2.0));
}

/* θ' = θ·((s·L/L0) − (s − 1))^(d/(d−2)) past L0 */
double taf_dynamic_ntk_theta(double theta, double factor, double d_head, double seq_len, double original_len)
{
    if (!(seq_len > original_len))
        return theta;
    return theta * pow(factor * seq_len / original_len - (factor - 1.0), d_head / (d_head - 2.0));
}

/* mscale = 0.1·ln s + 1 */
double taf_yarn_mscale(double factor)
{
    return factor <= 1 ? 1.0 : 0.1 * log(factor) + 1.0;
}

/* j such that pair j turns `rotations` times over L0: d·ln(L0/(r·2π))/(2 ln θ) */
double taf_yarn_correction_dim(double rotations, double d_head, double theta, double original_len)
{
    return d_head * log(original_len / (rotations * TWO_PI)) / (2.0 * log(theta));
}

struct taf_yarn_range taf_yarn_correction_range(double beta_fast, double beta_slow, double d_head, double theta,
                                                double original_len)
{
    double low = floor(taf_yarn_correction_dim(beta_fast, d_head, theta, original_len));
    double high = ceil(taf_yarn_correction_dim(beta_slow, d_head, theta, original_len));
    struct taf_yarn_range r = { low < 0 ? 0 : low, high > d_head - 1 ? d_head - 1 : high };
    return r;
}

/* SVG plot of a γ profile: log A(d) against log d, the layer curves, the
 * points and line of the model fit, γ and R² in the legend. Self-contained
 * (no scripts, fonts or external references), readable in any browser. */
#ifndef TAF_RENDER_SVG_H
#define TAF_RENDER_SVG_H

#include "kernels/attn_profile.h"

#include <stdio.h>

struct taf_svg_labels {
    const char *title;     /* e.g. the file name */
    const char *subtitle;  /* e.g. "npy v1.0 · float32 · 2 layers × 4 heads · T = 256" */
};

/* Write the plot of `p` to `out`. Returns 0, or -1 when the profile has no
 * positive point to draw or the stream fails. */
int taf_profile_svg(FILE *out, const struct taf_profile *p, const struct taf_svg_labels *labels);

#endif

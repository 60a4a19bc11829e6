/* Measurement files of the published γ atlas (shared/data/atlas, one JSON file per model and corpus):
 * mean attention by distance ("attn_by_distance": {"30": {"mean_across_seeds":
 * …}}), the distances measured and the subset fitted ("distances_fit"), and
 * the recorded fit ("fit_power_law": {gamma, log_A, R2, n_points}). */
#ifndef TAF_READERS_ATLAS_H
#define TAF_READERS_ATLAS_H

#include "formulas/fit.h"

#include <stddef.h>

struct taf_atlas {
    char model[256];           /* "" when absent */
    char decision[64];         /* "" when absent */
    double theta;              /* NaN when null or absent */
    size_t n;                  /* the curve: every measured distance */
    double *distances, *means;
    size_t n_fit;              /* the points the atlas fitted */
    double *fit_distances, *fit_means;
    int has_recorded;          /* fit_power_law present */
    struct taf_power_fit recorded;
};

/* Parse `len` bytes of JSON text. Returns 0, or -1 with a sentence in `err`
 * (JSON syntax errors name line and column). */
int taf_atlas_parse(const char *text, size_t len, struct taf_atlas *out, char *err, size_t errsize);
void taf_atlas_free(struct taf_atlas *a);

#endif

/* γ-atlas measurement reader (jansson). */
#include "readers/atlas.h"
#include "readers/read_error.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DISTANCES 1000000

/* The mean attention recorded at distance d: {"mean_across_seeds": x} or a
 * bare number; null → NaN. A mean of attention probabilities lies in [0, 1]. */
static int mean_at(const json_t *by_distance, double d, double *out, char *err, size_t errsize)
{
    char key[32];
    snprintf(key, sizeof key, "%.17g", d);
    const json_t *e = json_object_get(by_distance, key);
    if (e == NULL)
        return taf_read_fail(err, errsize, "distance %s has no entry in attn_by_distance", key);
    const char *field = json_is_object(e) ? ".mean_across_seeds" : "";
    if (json_is_object(e))
        e = json_object_get(e, "mean_across_seeds");
    if (json_is_number(e))
        *out = json_number_value(e);
    else if (e == NULL || json_is_null(e))
        *out = NAN;
    else
        return taf_read_fail(err, errsize, "attn_by_distance[\"%s\"]%s must be a number", key, field);
    if (*out < 0 || *out > 1)
        return taf_read_fail(err, errsize, "attn_by_distance[\"%s\"]%s = %g: a mean attention probability is in [0, 1]",
                             key, field, *out);
    return 0;
}

/* distances / distances_fit: integers >= 1 in increasing order (the atlas
 * lists each distance once, smallest first), read with their means. */
static int read_points(const json_t *root, const char *field, const json_t *by_distance,
                       size_t *n, double **d, double **m, char *err, size_t errsize)
{
    const json_t *arr = json_object_get(root, field);
    if (!json_is_array(arr) || json_array_size(arr) == 0 || json_array_size(arr) > MAX_DISTANCES)
        return taf_read_fail(err, errsize, "not a γ-atlas measurement: '%s' must be a non-empty array of distances", field);
    *n = json_array_size(arr);
    *d = malloc(*n * sizeof **d);
    *m = malloc(*n * sizeof **m);
    if (*d == NULL || *m == NULL)
        return taf_read_fail(err, errsize, "out of memory");
    for (size_t i = 0; i < *n; i++) {
        const json_t *v = json_array_get(arr, i);
        double x = json_is_number(v) ? json_number_value(v) : NAN;
        if (!(x >= 1 && x <= 1e15 && x == floor(x)))
            return taf_read_fail(err, errsize, "%s[%zu] must be an integer distance >= 1", field, i);
        if (i > 0 && !(x > (*d)[i - 1]))
            return taf_read_fail(err, errsize, "%s[%zu] = %.17g %s %s[%zu] = %.17g: distances must be strictly increasing",
                                 field, i, x, x == (*d)[i - 1] ? "repeats" : "is below", field, i - 1, (*d)[i - 1]);
        (*d)[i] = x;
        if (mean_at(by_distance, x, &(*m)[i], err, errsize))
            return -1;
    }
    return 0;
}

static void copy_string(const json_t *v, char *out, size_t size)
{
    const char *s = json_string_value(v);
    snprintf(out, size, "%s", s ? s : "");
}

int taf_atlas_parse(const char *text, size_t len, struct taf_atlas *a, char *err, size_t errsize)
{
    memset(a, 0, sizeof *a);
    a->theta = NAN;
    json_error_t je;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
    if (root == NULL)
        return taf_read_fail(err, errsize, "malformed JSON: line %d column %d: %s", je.line, je.column, je.text);
    int rc = -1;
    const json_t *by_distance = json_object_get(root, "attn_by_distance");
    if (!json_is_object(root) || !json_is_object(by_distance)) {
        taf_read_fail(err, errsize, "not a γ-atlas measurement (no 'attn_by_distance' object)");
        goto done;
    }
    if (read_points(root, "distances", by_distance, &a->n, &a->distances, &a->means, err, errsize) ||
        read_points(root, "distances_fit", by_distance, &a->n_fit, &a->fit_distances, &a->fit_means, err, errsize))
        goto done;
    copy_string(json_object_get(root, "model"), a->model, sizeof a->model);
    copy_string(json_object_get(root, "decision"), a->decision, sizeof a->decision);
    const json_t *theta = json_object_get(root, "theta");
    if (json_is_number(theta))
        a->theta = json_number_value(theta);
    if (theta != NULL && !json_is_null(theta) && !(a->theta > 0)) {
        if (json_is_number(theta))
            taf_read_fail(err, errsize, "theta must be a number > 0 (or null), got %g", a->theta);
        else
            taf_read_fail(err, errsize, "theta must be a number > 0 (or null)");
        goto done;
    }
    const json_t *fit = json_object_get(root, "fit_power_law");
    if (json_is_object(fit)) {
        const json_t *g = json_object_get(fit, "gamma"), *la = json_object_get(fit, "log_A"),
                     *r2 = json_object_get(fit, "R2"), *np = json_object_get(fit, "n_points");
        a->has_recorded = json_is_number(g) && json_is_number(r2);
        a->recorded.gamma = json_is_number(g) ? json_number_value(g) : NAN;
        a->recorded.log_A = json_is_number(la) ? json_number_value(la) : NAN;
        a->recorded.R2 = json_is_number(r2) ? json_number_value(r2) : NAN;
        if (np != NULL && !json_is_null(np) && !(json_is_integer(np) && json_integer_value(np) >= 0)) {
            taf_read_fail(err, errsize, "fit_power_law.n_points must be an integer >= 0");
            goto done;
        }
        a->recorded.n_points = json_is_integer(np) ? (size_t)json_integer_value(np) : 0;
    }
    rc = 0;
done:
    json_decref(root);
    if (rc)
        taf_atlas_free(a);
    return rc;
}

void taf_atlas_free(struct taf_atlas *a)
{
    free(a->distances);
    free(a->means);
    free(a->fit_distances);
    free(a->fit_means);
    a->distances = a->means = a->fit_distances = a->fit_means = NULL;
    a->n = a->n_fit = 0;
}

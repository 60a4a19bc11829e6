/* Unit tests of engine/readers/atlas.c on γ-atlas measurement texts written
 * here, in the layout of the published files (../shared/data/atlas: every one
 * lists its distances once, smallest first, and records mean attention
 * probabilities in [0, 1]). The published files themselves are read in
 * test_attn_profile.c. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "readers/atlas.h"

static struct taf_atlas A;
static char ERR[512];

static int parse(const char *json)
{
    return taf_atlas_parse(json, strlen(json), &A, ERR, sizeof ERR);
}

static void expect_error(const char *json, const char *message)
{
    assert_int_equal(parse(json), -1);
    if (strcmp(ERR, message) != 0)
        fail_msg("error '%s', expected '%s'", ERR, message);
    assert_null(A.distances);                              /* freed on the error path */
}

static void test_a_measurement_reads_its_curve_and_fit(void **state)
{
    (void)state;
    assert_int_equal(parse("{\"model\": \"m\", \"theta\": 10000, \"distances\": [10, 20, 30], "
                           "\"distances_fit\": [20, 30], \"attn_by_distance\": {\"10\": {\"mean_across_seeds\": 0.1}, "
                           "\"20\": 0.05, \"30\": null}, \"fit_power_law\": {\"gamma\": 0.8, \"R2\": 0.99, \"n_points\": 2}}"), 0);
    assert_int_equal(A.n, 3);
    assert_int_equal(A.n_fit, 2);
    assert_true(A.means[0] == 0.1 && A.means[1] == 0.05 && isnan(A.means[2]));  /* null: not measured */
    assert_true(A.theta == 10000 && A.has_recorded && A.recorded.n_points == 2);
    taf_atlas_free(&A);
    /* the bounds themselves are possible: probability 0 and 1, θ null */
    assert_int_equal(parse("{\"theta\": null, \"distances\": [1, 2], \"distances_fit\": [1, 2], "
                           "\"attn_by_distance\": {\"1\": 1, \"2\": 0}}"), 0);
    assert_true(isnan(A.theta));
    taf_atlas_free(&A);
}

/* A mean attention probability below 0 or above 1 names the distance's entry. */
static void test_impossible_means_name_the_entry(void **state)
{
    (void)state;
    expect_error("{\"distances\": [10, 20], \"distances_fit\": [10, 20], \"attn_by_distance\": "
                 "{\"10\": {\"mean_across_seeds\": 0.1}, \"20\": {\"mean_across_seeds\": -0.05}}}",
                 "attn_by_distance[\"20\"].mean_across_seeds = -0.05: a mean attention probability is in [0, 1]");
    expect_error("{\"distances\": [10, 20], \"distances_fit\": [10, 20], \"attn_by_distance\": {\"10\": -1e-9, \"20\": 0.05}}",
                 "attn_by_distance[\"10\"] = -1e-09: a mean attention probability is in [0, 1]");
    expect_error("{\"distances\": [10, 20], \"distances_fit\": [10, 20], \"attn_by_distance\": {\"10\": 0.1, \"20\": 1.5}}",
                 "attn_by_distance[\"20\"] = 1.5: a mean attention probability is in [0, 1]");
}

/* Distances are listed once each, in increasing order, in both arrays. */
static void test_repeated_or_unordered_distances_name_the_index(void **state)
{
    (void)state;
    expect_error("{\"distances\": [10, 20, 20], \"distances_fit\": [10, 20], \"attn_by_distance\": {\"10\": 0.1, \"20\": 0.05}}",
                 "distances[2] = 20 repeats distances[1] = 20: distances must be strictly increasing");
    expect_error("{\"distances\": [20, 10], \"distances_fit\": [10, 20], \"attn_by_distance\": {\"10\": 0.1, \"20\": 0.05}}",
                 "distances[1] = 10 is below distances[0] = 20: distances must be strictly increasing");
    expect_error("{\"distances\": [10, 20, 30], \"distances_fit\": [30, 10], "
                 "\"attn_by_distance\": {\"10\": 0.1, \"20\": 0.05, \"30\": 0.03}}",
                 "distances_fit[1] = 10 is below distances_fit[0] = 30: distances must be strictly increasing");
    expect_error("{\"distances\": [10, 20], \"distances_fit\": [20, 20], \"attn_by_distance\": {\"10\": 0.1, \"20\": 0.05}}",
                 "distances_fit[1] = 20 repeats distances_fit[0] = 20: distances must be strictly increasing");
}

/* θ, when stated, is > 0; the recorded fit's point count is an integer >= 0. */
static void test_impossible_theta_and_point_count(void **state)
{
    (void)state;
    const char *tail = ", \"distances\": [10, 20], \"distances_fit\": [10, 20], \"attn_by_distance\": {\"10\": 0.1, \"20\": 0.05}}";
    char json[256];
    snprintf(json, sizeof json, "{\"theta\": 0%s", tail);
    expect_error(json, "theta must be a number > 0 (or null), got 0");
    snprintf(json, sizeof json, "{\"theta\": -10000%s", tail);
    expect_error(json, "theta must be a number > 0 (or null), got -10000");
    snprintf(json, sizeof json, "{\"theta\": \"10000\"%s", tail);
    expect_error(json, "theta must be a number > 0 (or null)");
    expect_error("{\"distances\": [10, 20], \"distances_fit\": [10, 20], \"attn_by_distance\": {\"10\": 0.1, \"20\": 0.05}, "
                 "\"fit_power_law\": {\"gamma\": 0.8, \"R2\": 0.99, \"n_points\": -2}}",
                 "fit_power_law.n_points must be an integer >= 0");
    expect_error("{\"distances\": [10, 20], \"distances_fit\": [10, 20], \"attn_by_distance\": {\"10\": 0.1, \"20\": 0.05}, "
                 "\"fit_power_law\": {\"gamma\": 0.8, \"R2\": 0.99, \"n_points\": 2.5}}",
                 "fit_power_law.n_points must be an integer >= 0");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_measurement_reads_its_curve_and_fit),
        cmocka_unit_test(test_impossible_means_name_the_entry),
        cmocka_unit_test(test_repeated_or_unordered_distances_name_the_index),
        cmocka_unit_test(test_impossible_theta_and_point_count),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

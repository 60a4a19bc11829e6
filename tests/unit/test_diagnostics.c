/* §31–§34 diagnostics of FORMULAS.md §2 (taf_browser.py), and the taf.*
 * bindings of every §2 function (engine/lua/diagnostics.c). Expected values
 * are worked by hand or evaluated with python3 from the FORMULAS.md
 * equations, quoted beside each. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <lualib.h>

#include "formulas/diagnostics.h"
#include "lua/bind.h"
#include "lua/module.h"

#define assert_close(a, b, tol) assert_true(fabs((a) - (b)) <= (tol))

static void test_famous_constants_single_hit(void **state)
{
    (void)state;
    /* pythia-1.4b γ = 0.7051: only 1/√2 = 0.7071067811865475 lies within 0.01 */
    struct taf_constant_proximity r = taf_famous_constant_proximity(0.7051, 0.01);
    assert_int_equal(r.n_hits, 1);
    assert_int_equal(r.n_shown, 1);
    assert_string_equal(r.hits[0].constant, "1/√2");
    assert_close(r.hits[0].value, 0.7071067811865475, 1e-15);
    assert_close(r.hits[0].error, 0.0020067811865475127, 1e-15); /* python3: abs(0.7051 − 1/√2) */
    assert_string_equal(r.caveat, "n=4 hits in panel; could be coincidence (continuous distribution)");
}

static void test_famous_constants_sorted_by_error_and_capped_at_three(void **state)
{
    (void)state;
    /* python3 at γ = 0.65, tol 0.1: errors 2/π 0.01338, 1/φ 0.03197, ln 2 0.04315,
     * 1/√2 0.05711, (√17−3)/2 0.08845 → 5 hits, first three shown */
    struct taf_constant_proximity r = taf_famous_constant_proximity(0.65, 0.1);
    assert_int_equal(r.n_hits, 5);
    assert_int_equal(r.n_shown, 3);
    assert_string_equal(r.hits[0].constant, "2/π");
    assert_string_equal(r.hits[1].constant, "1/φ");
    assert_string_equal(r.hits[2].constant, "ln(2)");
    assert_close(r.hits[0].error, 0.01338022763241864, 1e-15);
    assert_true(r.hits[0].error <= r.hits[1].error && r.hits[1].error <= r.hits[2].error);
}

static void test_famous_constants_none_in_range(void **state)
{
    (void)state;
    /* nearest to 0.5 is (√17−3)/2 = 0.5616, 0.06 away */
    struct taf_constant_proximity r = taf_famous_constant_proximity(0.5, 0.01);
    assert_int_equal(r.n_hits, 0);
    assert_int_equal(r.n_shown, 0);
}

static void test_nearest_famous_constant_cuts_at_max_results(void **state)
{
    (void)state;
    struct taf_constant_hit out[TAF_FAMOUS_MAX_HITS];
    /* python3 at γ = 0.62, tol 0.05: 1/φ (0.00197) then 2/π (0.01662) */
    assert_int_equal(taf_nearest_famous_constant(0.62, 3, 0.05, out), 2);
    assert_string_equal(out[0].constant, "1/φ");
    assert_string_equal(out[1].constant, "2/π");
    assert_int_equal(taf_nearest_famous_constant(0.62, 1, 0.05, out), 1);
    assert_string_equal(out[0].constant, "1/φ");
    assert_int_equal(taf_nearest_famous_constant(0.62, 0, 0.05, out), 0);
    /* more than three asked: still at most three (the proximity list is capped) */
    assert_int_equal(taf_nearest_famous_constant(0.65, 10, 0.1, out), 3);
}

static void test_hagedorn_safety_levels(void **state)
{
    (void)state;
    assert_string_equal(taf_hagedorn_safety_alert(1.0).level, "critical");
    assert_string_equal(taf_hagedorn_safety_alert(1.0).color, "red");
    assert_string_equal(taf_hagedorn_safety_alert(0.99).level, "warning");
    assert_string_equal(taf_hagedorn_safety_alert(0.95).level, "warning");
    assert_string_equal(taf_hagedorn_safety_alert(0.9499).level, "ok");
    assert_string_equal(taf_hagedorn_safety_alert(0.65).level, "ok");
    assert_string_equal(taf_hagedorn_safety_alert(0.3).level, "info");
    assert_string_equal(taf_hagedorn_safety_alert(0.0).level, "catastrophic");
    assert_string_equal(taf_hagedorn_safety_alert(-0.1).label, "❌ NEGATIVE γ");
    struct taf_safety_alert u = taf_hagedorn_safety_alert(NAN);
    assert_string_equal(u.level, "unknown");
    assert_string_equal(u.color, "gray");
    assert_string_equal(u.message, "no γ available");
    assert_null(u.label);
    assert_null(u.fraction_of_panel);
}

static void test_bimodal_classes(void **state)
{
    (void)state;
    assert_string_equal(taf_bimodal_phase_class(-0.01), "catastrophic");
    assert_string_equal(taf_bimodal_phase_class(0.0), "Phase A (long-range)");
    assert_string_equal(taf_bimodal_phase_class(0.85), "boundary (gap zone)");
    assert_string_equal(taf_bimodal_phase_class(0.95), "Hagedorn boundary");
    assert_string_equal(taf_bimodal_phase_class(1.0), "Hagedorn zone");
    assert_string_equal(taf_bimodal_phase_class(NAN), "unknown");
}

static void test_architectural_concentration(void **state)
{
    (void)state;
    /* by hand: 0.75 − 0.012·8 = 0.654; 0.75 − 0.012·32 = 0.366 */
    assert_close(taf_architectural_concentration_predict(0.75, 8), 0.654, 1e-12);
    assert_close(taf_architectural_concentration_predict(0.75, 32), 0.366, 1e-12);
}

static void test_pdi_is_one_exactly_at_pade(void **state)
{
    (void)state;
    /* γ_Padé(10000, 8192) = 0.2664144126271304 (python3); PDI = d_h/T = 1 by the §33.2 identity */
    struct taf_pdi r = taf_pade_deviation_index(10000, 0.2664144126271304, 8192);
    assert_close(r.PDI, 1.0, 1e-12);
    assert_close(r.log_PDI, 0.0, 1e-12);
    assert_string_equal(r.regime, "canonical (γ_obs ≈ γ_Padé)");
    /* and for (500000, 8192): γ_Padé = 0.9770948861777424 */
    assert_close(taf_pade_deviation_index(500000, 0.9770948861777424, 8192).PDI, 1.0, 1e-10);
}

static void test_pdi_singular_at_minus_one(void **state)
{
    (void)state;
    struct taf_pdi r = taf_pade_deviation_index(10000, -1.0, 8192);
    assert_true(r.singular);
    assert_true(isinf(r.PDI) && r.PDI > 0);
    assert_string_equal(r.regime, "singular");
}

static void test_pdi_regimes(void **state)
{
    (void)state;
    /* python3: 10000·0.95·√2/(1.05·8192) = 1.5619220659580082 → orange, log = 0.44591715641988383 */
    struct taf_pdi r = taf_pade_deviation_index(10000, 0.05, 8192);
    assert_close(r.PDI, 1.5619220659580082, 1e-12);
    assert_close(r.log_PDI, 0.44591715641988383, 1e-12);
    assert_string_equal(r.traffic_light, "🟠 ORANGE — large positive deviation");
    /* python3: γ = 0.9 → 0.09085973236874839 → yellow */
    r = taf_pade_deviation_index(10000, 0.9, 8192);
    assert_close(r.PDI, 0.09085973236874839, 1e-12);
    assert_string_equal(r.regime, "γ_obs > γ_Padé (over-concentrated in Phase A)");
    /* python3: γ = 1.2 → −0.1569395377278381 → red, no log */
    r = taf_pade_deviation_index(10000, 1.2, 8192);
    assert_close(r.PDI, -0.1569395377278381, 1e-12);
    assert_true(isnan(r.log_PDI));
    assert_string_equal(r.regime, "Phase B (γ>1, formula sign-flip)");
    /* γ = 1 → PDI = 0: not < 0, not in [0.5, 1.5], not > 1.5 → yellow, no log */
    r = taf_pade_deviation_index(10000, 1.0, 8192);
    assert_close(r.PDI, 0.0, 0.0);
    assert_true(isnan(r.log_PDI));
    assert_string_equal(r.traffic_light, "🟡 YELLOW — moderate deviation");
}

static void test_precision_shift_rule(void **state)
{
    (void)state;
    struct taf_precision_shift r = taf_precision_shift_predict_4bit(0.8, 0.5, true);
    assert_string_equal(r.predicted_shift_direction, "stable");
    assert_non_null(r.recommendation);
    assert_null(r.evidence);
    assert_string_equal(taf_precision_shift_predict_4bit(0.8, 0.89, false).predicted_shift_direction, "UP");
    assert_string_equal(taf_precision_shift_predict_4bit(0.8, 0.9, false).predicted_shift_direction, "stable");
    assert_string_equal(taf_precision_shift_predict_4bit(0.8, 0.99, false).predicted_shift_direction, "stable");
    r = taf_precision_shift_predict_4bit(0.8, 0.995, false);
    assert_string_equal(r.predicted_shift_direction, "DOWN");
    assert_string_equal(r.expected_magnitude, "−0.2 to −0.4 expected");
    assert_null(r.recommendation);
    assert_non_null(r.caveat);
}

static void test_critical_exponents_values_and_rushbrooke(void **state)
{
    (void)state;
    /* by hand at γ = 0.5: ν = 2, β = η = −0.5, α = 0, γ_susc = 2 + 1 = 3, α + 2β + γ_susc = 2 */
    struct taf_critical_exponents r = taf_critical_exponents_bundle(0.5);
    assert_false(r.diverges);
    assert_close(r.nu_c, 2.0, 1e-15);
    assert_close(r.beta_c, -0.5, 0.0);
    assert_close(r.eta_c, -0.5, 0.0); /* erratum: η = γ − 1, not 2γ = 1 */
    assert_close(r.alpha_C, 0.0, 1e-15);
    assert_close(r.gamma_susc, 3.0, 1e-15);
    assert_close(r.rushbrooke_sum, 2.0, 1e-15);
    /* AM-GM minimum: 2√2 = 2.8284271247461903 at 1 − 1/√2 = 0.29289321881345254 (python3) */
    assert_close(r.min_gamma_susc, 2.8284271247461903, 1e-15);
    assert_close(r.min_at_gamma, 0.29289321881345254, 1e-15);
    assert_close(taf_critical_exponents_bundle(r.min_at_gamma).gamma_susc, 2.8284271247461903, 1e-12);
    /* γ = 0: γ_susc = 1 + 2 = 3 = c_central */
    assert_close(taf_critical_exponents_bundle(0.0).gamma_susc, 3.0, 0.0);
    assert_true(taf_critical_exponents_bundle(1.0).diverges);
    assert_true(taf_critical_exponents_bundle(1.7).diverges);
}

static void test_algebraic_consistency_holds_in_phase_A(void **state)
{
    (void)state;
    const double gammas[] = { 0.05, 0.3, 0.5, 0.7470064429851826, 0.95 };
    for (size_t k = 0; k < sizeof gammas / sizeof gammas[0]; k++) {
        struct taf_consistency r = taf_verify_algebraic_consistency(gammas[k], 1e-9);
        assert_true(r.in_phase_A);
        assert_int_equal(r.n_passed, 12);
        assert_true(r.all_consistent);
    }
    struct taf_consistency r = taf_verify_algebraic_consistency(0.3, 1e-9);
    assert_string_equal(r.interpretation,
                        "All 12/12 D-SAGE identities consistent ✓ (framework algebraic structure intact)");
    /* python3 at γ = 0.3: Fisher residual γ(2γ−3)/(1−γ) = −1.0285714285714287;
     * η = 2γ residual 2(2γ)² + 2γ·γ_χ + 1 = 3.417142857142857 */
    assert_string_equal(r.checks[7].id, "Fisher_independent");
    assert_string_equal(r.checks[7].expected_key, "expected_formula");
    assert_close(r.checks[7].expected, -1.0285714285714287, 1e-12);
    assert_close(r.checks[7].value, -1.0285714285714287, 1e-12);
    assert_string_equal(r.checks[8].id, "eta_2gamma_REFUTED");
    assert_close(r.checks[8].value, 3.417142857142857, 1e-12);
    assert_string_equal(r.checks[8].expected_text, "positive (refutes η=2γ)");
    const char *ids[] = { "D-SAGE-1", "D-SAGE-2", "D-SAGE-4", "D-SAGE-5", "D-SAGE-6", "Rushbrooke_tautology",
                          "Josephson_tautology", "Fisher_independent", "eta_2gamma_REFUTED", "D-14_nu_imprint",
                          "D-SAGE-7", "nu_beta_id" };
    for (int i = 0; i < TAF_N_IDENTITIES; i++)
        assert_string_equal(r.checks[i].id, ids[i]);
}

static void test_algebraic_consistency_out_of_phase_A(void **state)
{
    (void)state;
    const double gammas[] = { 0.0, 1.0, 1.2, -0.3 };
    for (size_t k = 0; k < sizeof gammas / sizeof gammas[0]; k++) {
        struct taf_consistency r = taf_verify_algebraic_consistency(gammas[k], 1e-9);
        assert_false(r.in_phase_A);
        assert_int_equal(r.n_passed, 0);
    }
}

static void test_algebraic_consistency_reports_failures(void **state)
{
    (void)state;
    /* tol = 0: every |residual| < 0 is false; only the η = 2γ refutation (> 0) passes */
    struct taf_consistency r = taf_verify_algebraic_consistency(0.3, 0.0);
    assert_int_equal(r.n_passed, 1);
    assert_false(r.all_consistent);
    assert_string_equal(r.interpretation, "INCONSISTENCY: 1/12 pass. Possible bf16 outlier, quantization "
                                          "artifact, or measurement noise.");
}

/* ---- the taf.* bindings of FORMULAS.md §2 (engine/lua/diagnostics.c) ---- */

/* Runs `code` (which returns one string) in a fresh state with `taf`; copies the
 * result or the error message into out. Returns 1 on success, 0 on error. */
static int run_lua(const char *code, char *out, size_t size)
{
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    luaL_requiref(L, "taf", luaopen_taf, 1);
    lua_pop(L, 1);
    int ok = luaL_dostring(L, code) == LUA_OK;
    snprintf(out, size, "%s", lua_tostring(L, -1) ? lua_tostring(L, -1) : "(not a string)");
    lua_close(L);
    return ok;
}

static void test_bindings_register_every_section2_function(void **state)
{
    (void)state;
    const char *names[] = { "partition_Z", "mean_log_d", "entropy_S", "free_energy_F", "heat_capacity_Cv",
                            "theta_eff_pade", "delta_H", "D_f_closed", "phase_label", "kl_divergence",
                            "fit_power_law", "gamma_random_predict", "imprint_purity", "compute_invariant_K",
                            "ih_phase_check", "gamma_decompose_v2", "famous_constant_proximity",
                            "nearest_famous_constant", "hagedorn_safety_alert", "bimodal_phase_class",
                            "architectural_concentration_predict", "pade_deviation_index",
                            "precision_shift_predict_4bit", "critical_exponents_bundle",
                            "verify_algebraic_consistency" };
    size_t n = 0;
    while (taf_diagnostics_lib[n].name != NULL)
        n++;
    assert_int_equal(n, sizeof names / sizeof names[0]);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(taf_diagnostics_lib[i].name, names[i]);
}

static void test_bindings_map_none_to_nil(void **state)
{
    (void)state;
    char out[512];
    assert_true(run_lua("local a = taf.hagedorn_safety_alert() local f = taf.fit_power_law({10, 20}, {0.1, -1})"
                        "local ih = taf.ih_phase_check(0.8, 0.7)"
                        "return table.concat({a.level, tostring(a.label), tostring(f.gamma), f.n_points,"
                        " tostring(ih.phase_expected_by_size), tostring(taf.heat_capacity_Cv(25, 100)),"
                        " #taf.nearest_famous_constant(nil), taf.bimodal_phase_class(nil)}, ' ')",
                        out, sizeof out));
    assert_string_equal(out, "unknown nil nil 1 nil nil 0 unknown");
}

static void test_bindings_return_reference_keys(void **state)
{
    (void)state;
    char out[512];
    assert_true(run_lua("local k = taf.compute_invariant_K(0.75, 1000) local p = taf.pade_deviation_index(1e4, -1, 8192)"
                        "local d = taf.gamma_decompose_v2(0.7, 70, true, true, 'random')"
                        "local v = taf.verify_algebraic_consistency(0.3)"
                        "return table.concat({k.interpretation, tostring(p.PDI == math.huge), p.regime,"
                        " d.delta_SWA_status, d.axes[6], tostring(v.all_consistent),"
                        " tostring(v.checks['Fisher_independent'].passes), v.references[2]}, ' ')",
                        out, sizeof out));
    assert_string_equal(out, "in-band true singular exploratory_n1_disabled instruct true true "
                             "Lean script: lean_taf/taf/Taf/Identities.lean");
}

static void test_bindings_reject_bad_arguments_by_name(void **state)
{
    (void)state;
    char out[512];
    assert_false(run_lua("return taf.partition_Z(1, 0)", out, sizeof out));
    assert_non_null(strstr(out, "N must be >= 1"));
    assert_false(run_lua("return taf.partition_Z(0/0, 10)", out, sizeof out));
    assert_non_null(strstr(out, "finite number expected"));
    assert_false(run_lua("return taf.D_f_closed(0.8, 1.5, 100)", out, sizeof out));
    assert_non_null(strstr(out, "f must be in (0, 1]"));
    assert_false(run_lua("return taf.kl_divergence({1, 2}, {1})", out, sizeof out));
    assert_non_null(strstr(out, "q must have the length of p"));
    assert_false(run_lua("return taf.pade_deviation_index(0, 0.5, 8192)", out, sizeof out));
    assert_non_null(strstr(out, "theta must be > 0"));
    assert_false(run_lua("return taf.precision_shift_predict_4bit(0.8, 0.9)", out, sizeof out));
    assert_non_null(strstr(out, "boolean expected"));
    assert_false(run_lua("return taf.architectural_concentration_predict(0.8, 2.5)", out, sizeof out));
    assert_non_null(strstr(out, "n_kv must be an integer"));
    assert_false(run_lua("return taf.partition_Z(-1000, 2000)", out, sizeof out)); /* 2000^1001 overflows */
    assert_non_null(strstr(out, "overflow"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_famous_constants_single_hit),
        cmocka_unit_test(test_famous_constants_sorted_by_error_and_capped_at_three),
        cmocka_unit_test(test_famous_constants_none_in_range),
        cmocka_unit_test(test_nearest_famous_constant_cuts_at_max_results),
        cmocka_unit_test(test_hagedorn_safety_levels),
        cmocka_unit_test(test_bimodal_classes),
        cmocka_unit_test(test_architectural_concentration),
        cmocka_unit_test(test_pdi_is_one_exactly_at_pade),
        cmocka_unit_test(test_pdi_singular_at_minus_one),
        cmocka_unit_test(test_pdi_regimes),
        cmocka_unit_test(test_precision_shift_rule),
        cmocka_unit_test(test_critical_exponents_values_and_rushbrooke),
        cmocka_unit_test(test_algebraic_consistency_holds_in_phase_A),
        cmocka_unit_test(test_algebraic_consistency_out_of_phase_A),
        cmocka_unit_test(test_algebraic_consistency_reports_failures),
        cmocka_unit_test(test_bindings_register_every_section2_function),
        cmocka_unit_test(test_bindings_map_none_to_nil),
        cmocka_unit_test(test_bindings_return_reference_keys),
        cmocka_unit_test(test_bindings_reject_bad_arguments_by_name),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* taf.<name> bindings of FORMULAS.md §2: thermodynamics, the γ fit,
 * imprint/invariant/IH and the §31–§34 diagnostics. Names, positional
 * order and defaults are the Python reference's; dict keys keep its order. */
#include "lua/bind.h"

#include "formulas/diagnostics.h"
#include "formulas/fit.h"
#include "formulas/imprint.h"
#include "formulas/thermo.h"

#include <math.h>

/* A NaN argument stands for Python None in the pure layer. */
static double opt_none(lua_State *L, int arg, const char *name, double lo)
{
    return lua_isnoneornil(L, arg) ? NAN : taf_checkmin(L, arg, name, lo);
}

/* A number result that overflowed (Python raises OverflowError) becomes an error. */
static int push_finite(lua_State *L, double v, const char *fn)
{
    if (!isfinite(v))
        return luaL_error(L, "%s: result out of range (overflow) for these arguments", fn);
    lua_pushnumber(L, v);
    return 1;
}

static void push_strings(lua_State *L, const char *const *items)
{
    lua_newtable(L);
    for (int i = 0; items[i] != NULL; i++) {
        lua_pushstring(L, items[i]);
        lua_rawseti(L, -2, i + 1);
    }
    taf_markarray(L, -1);
}

/* ---- thermodynamics (cli/diagnose_model.py) ---------------------------- */

typedef double (*thermo_fn)(double gamma, double N);

static int thermo(lua_State *L, thermo_fn f, const char *fn)
{
    double gamma = taf_checkfinite(L, 1);
    double N = taf_checkmin(L, 2, "N", 1);
    return push_finite(L, f(gamma, N), fn);
}

static int l_partition_Z(lua_State *L) { return thermo(L, taf_partition_Z, "partition_Z"); }
static int l_mean_log_d(lua_State *L) { return thermo(L, taf_mean_log_d, "mean_log_d"); }
static int l_entropy_S(lua_State *L) { return thermo(L, taf_entropy_S, "entropy_S"); }
static int l_free_energy_F(lua_State *L) { return thermo(L, taf_free_energy_F, "free_energy_F"); }

static int l_heat_capacity_Cv(lua_State *L)
{
    double gamma = taf_checkfinite(L, 1);
    double N = taf_checkmin(L, 2, "N", 1);
    double delta = lua_isnoneornil(L, 3) ? TAF_CV_DELTA : taf_checkpositive(L, 3, "delta");
    double cv = taf_heat_capacity_Cv(gamma, N, delta);
    if (!isfinite(cv) && gamma > delta && gamma < 20)
        return luaL_error(L, "heat_capacity_Cv: result out of range (overflow) for these arguments");
    taf_pushnum_or_nil(L, cv); /* nil outside (delta, 20), the reference's nan */
    return 1;
}

static int l_theta_eff_pade(lua_State *L)
{
    double theta = taf_checkpositive(L, 1, "theta");
    double T = taf_checkmin(L, 2, "T", 0);
    return push_finite(L, taf_theta_eff_pade(theta, T), "theta_eff_pade");
}

static int l_delta_H(lua_State *L)
{
    double theta = taf_checkpositive(L, 1, "theta");
    double D_f = taf_checkmin(L, 2, "Df", 0);
    double N = taf_checkmin(L, 3, "N", 1);
    return push_finite(L, taf_delta_H(theta, D_f, N), "delta_H");
}

static int l_D_f_closed(lua_State *L)
{
    double gamma = taf_checkfinite(L, 1);
    double f = taf_checkfinite(L, 2);
    luaL_argcheck(L, f > 0 && f <= 1, 2, lua_pushfstring(L, "f must be in (0, 1], got %f", f));
    lua_Integer N = taf_checkintrange(L, 3, "N", LUA_MININTEGER, (lua_Integer)1000000000000);
    lua_pushinteger(L, (lua_Integer)taf_D_f_closed(gamma, f, (int64_t)N));
    return 1;
}

static int l_phase_label(lua_State *L)
{
    lua_pushstring(L, taf_phase_label(taf_checkfinite(L, 1)));
    return 1;
}

static int l_kl_divergence(lua_State *L)
{
    size_t n, m;
    const double *p = taf_checkarray(L, 1, &n);
    const double *q = taf_checkarray(L, 2, &m);
    luaL_argcheck(L, n > 0, 1, "p must not be empty");
    luaL_argcheck(L, m == n, 2, lua_pushfstring(L, "q must have the length of p (%I), got %I",
                                                (lua_Integer)n, (lua_Integer)m));
    double sp = 0, sq = 0;
    for (size_t i = 0; i < n; i++) {
        luaL_argcheck(L, isfinite(p[i]) && p[i] >= 0, 1, "entries must be finite and >= 0");
        luaL_argcheck(L, isfinite(q[i]) && q[i] >= 0, 2, "entries must be finite and >= 0");
        sp += p[i];
        sq += q[i];
    }
    luaL_argcheck(L, sp > 0, 1, "p must have a positive sum");
    luaL_argcheck(L, sq > 0, 2, "q must have a positive sum");
    return push_finite(L, taf_kl_divergence(p, q, n), "kl_divergence");
}

static const char *const fit_keys[] = { "gamma", "log_A", "R2", "n_points", NULL };

static int l_fit_power_law(lua_State *L)
{
    size_t n, m;
    const double *d = taf_checkarray(L, 1, &n);
    const double *mean = taf_checkarray(L, 2, &m);
    luaL_argcheck(L, m == n, 2, lua_pushfstring(L, "means must have the length of distances (%I), got %I",
                                                (lua_Integer)n, (lua_Integer)m));
    for (size_t i = 0; i < n; i++)
        luaL_argcheck(L, isfinite(d[i]) && d[i] > 0, 1, "distances must be finite and > 0");
    struct taf_power_fit fit = taf_fit_power_law(d, mean, n);
    taf_newdict(L, fit_keys);
    if (!isnan(fit.gamma))
        taf_setnum(L, "gamma", fit.gamma);
    taf_setnum(L, "log_A", fit.log_A);
    taf_setnum(L, "R2", fit.R2);
    taf_setint(L, "n_points", (lua_Integer)fit.n_points);
    return 1;
}

/* ---- imprint, invariant, IH (taf_browser.py §28–§30) ------------------- */

static int l_gamma_random_predict(lua_State *L)
{
    double theta = taf_checkpositive(L, 1, "theta");
    double T = taf_checkpositive(L, 2, "T_eval");
    double P = taf_checkmin(L, 3, "n_params_M", 0);
    return push_finite(L, taf_gamma_random_predict(theta, T, P), "gamma_random_predict");
}

static const char *const purity_keys[] = { "gamma_random_obs", "gamma_random_pred", "gamma_pade_only",
                                           "imprint_predicted", "imprint_residual", "purity",
                                           "ci_95_half_width", NULL };

static int l_imprint_purity(lua_State *L)
{
    double obs = taf_checkfinite(L, 1);
    double theta = taf_checkpositive(L, 2, "theta");
    double T = taf_checkpositive(L, 3, "T_eval");
    double P = taf_checkmin(L, 4, "n_params_M", 0);
    struct taf_imprint_purity r = taf_imprint_purity(obs, theta, T, P);
    taf_newdict(L, purity_keys);
    taf_setnum(L, "gamma_random_obs", r.gamma_random_obs);
    taf_setnum(L, "gamma_random_pred", r.gamma_random_pred);
    taf_setnum(L, "gamma_pade_only", r.gamma_pade_only);
    taf_setnum(L, "imprint_predicted", r.imprint_predicted);
    taf_setnum(L, "imprint_residual", r.imprint_residual);
    taf_setstr(L, "purity", r.purity);
    taf_setnum(L, "ci_95_half_width", r.ci_95_half_width);
    return 1;
}

static const char *const invariant_keys[] = { "K", "panel_mean", "panel_std", "z_score",
                                              "in_distribution", "interpretation", NULL };

static int l_compute_invariant_K(lua_State *L)
{
    double gamma = taf_checkfinite(L, 1);
    double P = taf_checkpositive(L, 2, "n_params_M");
    double D = lua_isnoneornil(L, 3) ? NAN : taf_checkpositive(L, 3, "D_tokens");
    struct taf_invariant_K r = taf_compute_invariant_K(gamma, P, D);
    if (!isfinite(r.K))
        return luaL_error(L, "compute_invariant_K: N²·D out of range (overflow)");
    taf_newdict(L, invariant_keys);
    taf_setnum(L, "K", r.K);
    taf_setnum(L, "panel_mean", r.panel_mean);
    taf_setnum(L, "panel_std", r.panel_std);
    taf_setnum(L, "z_score", r.z_score);
    taf_setbool(L, "in_distribution", r.in_distribution);
    taf_setstr(L, "interpretation", r.interpretation);
    return 1;
}

static const char *const ih_keys[] = { "delta_gamma", "phase_observed", "phase_expected_by_size", "consistent",
                                       "panel_pre_IH_mean", "panel_post_IH_mean", "panel_std", NULL };

static int l_ih_phase_check(lua_State *L)
{
    double text = taf_checkfinite(L, 1), rnd = taf_checkfinite(L, 2);
    struct taf_ih_phase r = taf_ih_phase_check(text, rnd, opt_none(L, 3, "n_params_M", 0));
    taf_newdict(L, ih_keys);
    taf_setnum(L, "delta_gamma", r.delta_gamma);
    taf_setstr(L, "phase_observed", r.phase_observed);
    if (r.phase_expected_by_size != NULL)
        taf_setstr(L, "phase_expected_by_size", r.phase_expected_by_size);
    taf_setbool(L, "consistent", r.consistent);
    taf_setnum(L, "panel_pre_IH_mean", r.panel_pre_IH_mean);
    taf_setnum(L, "panel_post_IH_mean", r.panel_post_IH_mean);
    taf_setnum(L, "panel_std", r.panel_std);
    return 1;
}

static const char *const decompose_keys[] = {
    "pade_centroid", "delta_imprint", "delta_GQA", "delta_SWA", "delta_SWA_status", "delta_post_IH",
    "delta_post_IH_status", "delta_instruct", "delta_instruct_status", "gamma_corrected", "corpus", "axes",
    "calibration_warning", NULL
};

static int l_gamma_decompose_v2(lua_State *L)
{
    double g = taf_checkfinite(L, 1);
    double P = taf_checkmin(L, 2, "n_params_M", 0);
    bool gqa = taf_optboolean(L, 3, 0), swa = taf_optboolean(L, 4, 0);
    const char *corpus = luaL_optstring(L, 5, "text");
    bool instruct = taf_optboolean(L, 6, 0);
    struct taf_gamma_decomposition_v2 r = taf_gamma_decompose_v2(g, P, gqa, swa, corpus, instruct);
    taf_newdict(L, decompose_keys);
    taf_setnum(L, "pade_centroid", r.pade_centroid);
    taf_setnum(L, "delta_imprint", r.delta_imprint);
    taf_setnum(L, "delta_GQA", r.delta_GQA);
    taf_setnum(L, "delta_SWA", r.delta_SWA);
    taf_setstr(L, "delta_SWA_status", r.delta_SWA_status);
    taf_setnum(L, "delta_post_IH", r.delta_post_IH);
    taf_setstr(L, "delta_post_IH_status", r.delta_post_IH_status);
    taf_setnum(L, "delta_instruct", r.delta_instruct);
    taf_setstr(L, "delta_instruct_status", r.delta_instruct_status);
    taf_setnum(L, "gamma_corrected", r.gamma_corrected);
    taf_setstr(L, "corpus", r.corpus);
    push_strings(L, taf_decompose_v2_axes);
    lua_setfield(L, -2, "axes");
    taf_setstr(L, "calibration_warning", r.calibration_warning);
    return 1;
}

/* ---- §31–§34 diagnostics ---------------------------------------------- */

static const char *const hit_keys[] = { "constant", "value", "error", NULL };

static void push_hits(lua_State *L, const struct taf_constant_hit *hits, size_t n)
{
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        taf_newdict(L, hit_keys);
        taf_setstr(L, "constant", hits[i].constant);
        taf_setnum(L, "value", hits[i].value);
        taf_setnum(L, "error", hits[i].error);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    taf_markarray(L, -1);
}

static const char *const proximity_keys[] = { "gamma", "tolerance", "n_hits", "hits", "caveat", NULL };

static int l_famous_constant_proximity(lua_State *L)
{
    double gamma = taf_checkfinite(L, 1);
    double tol = lua_isnoneornil(L, 2) ? 0.01 : taf_checkmin(L, 2, "tolerance", 0);
    struct taf_constant_proximity r = taf_famous_constant_proximity(gamma, tol);
    taf_newdict(L, proximity_keys);
    taf_setnum(L, "gamma", r.gamma);
    taf_setnum(L, "tolerance", r.tolerance);
    taf_setint(L, "n_hits", (lua_Integer)r.n_hits);
    push_hits(L, r.hits, r.n_shown);
    lua_setfield(L, -2, "hits");
    taf_setstr(L, "caveat", r.caveat);
    return 1;
}

static int l_nearest_famous_constant(lua_State *L)
{
    struct taf_constant_hit hits[TAF_FAMOUS_MAX_HITS];
    size_t n = 0;
    lua_Integer max_results = lua_isnoneornil(L, 2) ? 3 : taf_checkintrange(L, 2, "max_results", 0, LUA_MAXINTEGER);
    double tol = lua_isnoneornil(L, 3) ? 0.05 : taf_checkmin(L, 3, "tolerance", 0);
    if (!lua_isnoneornil(L, 1)) /* None → [] */
        n = taf_nearest_famous_constant(taf_checkfinite(L, 1), (size_t)max_results, tol, hits);
    push_hits(L, hits, n);
    return 1;
}

static const char *const alert_keys[] = { "level", "color", "label", "message", "fraction_of_panel", NULL };
static const char *const unknown_alert_keys[] = { "level", "color", "message", NULL };

static int l_hagedorn_safety_alert(lua_State *L)
{
    double gamma = lua_isnoneornil(L, 1) ? NAN : taf_checkfinite(L, 1);
    struct taf_safety_alert r = taf_hagedorn_safety_alert(gamma);
    taf_newdict(L, r.label != NULL ? alert_keys : unknown_alert_keys);
    taf_setstr(L, "level", r.level);
    taf_setstr(L, "color", r.color);
    if (r.label != NULL)
        taf_setstr(L, "label", r.label);
    taf_setstr(L, "message", r.message);
    if (r.fraction_of_panel != NULL)
        taf_setstr(L, "fraction_of_panel", r.fraction_of_panel);
    return 1;
}

static int l_bimodal_phase_class(lua_State *L)
{
    lua_pushstring(L, taf_bimodal_phase_class(lua_isnoneornil(L, 1) ? NAN : taf_checkfinite(L, 1)));
    return 1;
}

static const char *const arch_keys[] = { "gamma_pade", "n_kv", "k_arch", "gamma_text_predicted", "caveat",
                                         "interpretation", NULL };

static int l_architectural_concentration_predict(lua_State *L)
{
    double g = taf_checkfinite(L, 1);
    lua_Integer n_kv = taf_checkintrange(L, 2, "n_kv", 1, 1 << 20);
    taf_newdict(L, arch_keys);
    taf_setnum(L, "gamma_pade", g);
    taf_setint(L, "n_kv", n_kv);
    taf_setnum(L, "k_arch", TAF_K_ARCH);
    taf_setnum(L, "gamma_text_predicted", taf_architectural_concentration_predict(g, (double)n_kv));
    taf_setstr(L, "caveat", taf_arch_concentration_caveat);
    taf_setstr(L, "interpretation", taf_arch_concentration_interpretation);
    return 1;
}

static const char *const pdi_keys[] = { "PDI", "log_PDI", "regime", "traffic_light", "identity", NULL };
static const char *const pdi_singular_keys[] = { "PDI", "regime", NULL };

static int l_pade_deviation_index(lua_State *L)
{
    double theta = taf_checkpositive(L, 1, "theta");
    double g = taf_checkfinite(L, 2);
    double T = taf_checkpositive(L, 3, "T_eval");
    struct taf_pdi r = taf_pade_deviation_index(theta, g, T);
    taf_newdict(L, r.singular ? pdi_singular_keys : pdi_keys);
    taf_setnum(L, "PDI", r.PDI); /* math.huge when singular */
    if (!isnan(r.log_PDI))
        taf_setnum(L, "log_PDI", r.log_PDI);
    taf_setstr(L, "regime", r.regime);
    if (!r.singular) {
        taf_setstr(L, "traffic_light", r.traffic_light);
        taf_setstr(L, "identity", r.identity);
    }
    return 1;
}

static const char *const shift_gqa_keys[] = { "predicted_shift_direction", "expected_magnitude", "reason",
                                              "recommendation", NULL };
static const char *const shift_mha_keys[] = { "predicted_shift_direction", "expected_magnitude", "reason",
                                              "evidence", "caveat", NULL };

static int l_precision_shift_predict_4bit(lua_State *L)
{
    double g = taf_checkfinite(L, 1);
    double R2 = taf_checkfinite(L, 2);
    luaL_argcheck(L, R2 <= 1, 2, lua_pushfstring(L, "R2_bf16 must be <= 1, got %f", R2));
    luaL_checktype(L, 3, LUA_TBOOLEAN);
    struct taf_precision_shift r = taf_precision_shift_predict_4bit(g, R2, lua_toboolean(L, 3));
    taf_newdict(L, r.recommendation != NULL ? shift_gqa_keys : shift_mha_keys);
    taf_setstr(L, "predicted_shift_direction", r.predicted_shift_direction);
    taf_setstr(L, "expected_magnitude", r.expected_magnitude);
    taf_setstr(L, "reason", r.reason);
    if (r.recommendation != NULL) {
        taf_setstr(L, "recommendation", r.recommendation);
    } else {
        taf_setstr(L, "evidence", r.evidence);
        taf_setstr(L, "caveat", r.caveat);
    }
    return 1;
}

static const char *const exponents_keys[] = {
    "nu_correlation_length", "beta_order_param", "eta_anomalous_dim", "eta_note", "alpha_specific_heat",
    "gamma_susceptibility", "c_central_at_gamma_0", "AM_GM_bound", "hyperscaling_check", "warning_paper1_eta", NULL
};
static const char *const diverge_keys[] = { "regime", "exponents", NULL };
static const char *const amgm_keys[] = { "min_gamma_susc", "min_at_gamma", "interpretation", NULL };
#define RUSHBROOKE_KEY "Rushbrooke (α + 2β + γ_susc = 2)"
static const char *const hyperscaling_keys[] = { RUSHBROOKE_KEY, "expected", NULL };

static int l_critical_exponents_bundle(lua_State *L)
{
    struct taf_critical_exponents r = taf_critical_exponents_bundle(taf_checkfinite(L, 1));
    if (r.diverges) {
        taf_newdict(L, diverge_keys);
        taf_setstr(L, "regime", "Hagedorn or beyond");
        taf_setstr(L, "exponents", "diverge");
        return 1;
    }
    taf_newdict(L, exponents_keys);
    taf_setnum(L, "nu_correlation_length", r.nu_c);
    taf_setnum(L, "beta_order_param", r.beta_c);
    taf_setnum(L, "eta_anomalous_dim", r.eta_c);
    taf_setstr(L, "eta_note", r.eta_note);
    taf_setnum(L, "alpha_specific_heat", r.alpha_C);
    taf_setnum(L, "gamma_susceptibility", r.gamma_susc);
    taf_setint(L, "c_central_at_gamma_0", 3);
    taf_newdict(L, amgm_keys);
    taf_setnum(L, "min_gamma_susc", r.min_gamma_susc);
    taf_setnum(L, "min_at_gamma", r.min_at_gamma);
    taf_setstr(L, "interpretation", r.am_gm_interpretation);
    lua_setfield(L, -2, "AM_GM_bound");
    taf_newdict(L, hyperscaling_keys);
    taf_setnum(L, RUSHBROOKE_KEY, r.rushbrooke_sum);
    taf_setint(L, "expected", 2);
    lua_setfield(L, -2, "hyperscaling_check");
    taf_setstr(L, "warning_paper1_eta", r.warning_paper1_eta);
    return 1;
}

static const char *const out_of_phase_keys[] = { "status", "phase_A_range", "input_gamma", "message", NULL };
static const char *const consistency_keys[] = { "input_gamma", "phase", "n_checks_total", "n_checks_passed",
                                                "all_consistent", "framework_verified_by", "checks",
                                                "interpretation", "references", NULL };
static const char *const check_keys[] = { "claim", "value", "expected", "passes", NULL };
static const char *const check_formula_keys[] = { "claim", "value", "expected_formula", "passes", NULL };
static int l_verify_algebraic_consistency(lua_State *L)
{
    double gamma = taf_checkfinite(L, 1);
    double tol = lua_isnoneornil(L, 2) ? 1e-9 : taf_checkpositive(L, 2, "tol");
    struct taf_consistency r = taf_verify_algebraic_consistency(gamma, tol);
    if (!r.in_phase_A) {
        taf_newdict(L, out_of_phase_keys);
        taf_setstr(L, "status", "out_of_phase_A");
        taf_setstr(L, "phase_A_range", "(0, 1)");
        taf_setnum(L, "input_gamma", gamma);
        taf_setstr(L, "message", r.message);
        return 1;
    }
    taf_newdict(L, consistency_keys);
    taf_setnum(L, "input_gamma", r.input_gamma);
    taf_setstr(L, "phase", "A (γ ∈ (0,1))");
    taf_setint(L, "n_checks_total", TAF_N_IDENTITIES);
    taf_setint(L, "n_checks_passed", r.n_passed);
    taf_setbool(L, "all_consistent", r.all_consistent);
    taf_setstr(L, "framework_verified_by", r.framework_verified_by);
    taf_newdict(L, taf_identity_ids);
    for (int i = 0; i < TAF_N_IDENTITIES; i++) {
        const struct taf_identity *c = &r.checks[i];
        int formula = c->expected_key[8] != '\0'; /* "expected_formula" */
        taf_newdict(L, formula ? check_formula_keys : check_keys);
        taf_setstr(L, "claim", c->claim);
        taf_setnum(L, "value", c->value);
        if (c->expected_text != NULL)
            taf_setstr(L, c->expected_key, c->expected_text);
        else
            taf_setnum(L, c->expected_key, c->expected);
        taf_setbool(L, "passes", c->passes);
        lua_setfield(L, -2, c->id);
    }
    lua_setfield(L, -2, "checks");
    taf_setstr(L, "interpretation", r.interpretation);
    push_strings(L, taf_consistency_references);
    lua_setfield(L, -2, "references");
    return 1;
}

const luaL_Reg taf_diagnostics_lib[] = {
    { "partition_Z", l_partition_Z },
    { "mean_log_d", l_mean_log_d },
    { "entropy_S", l_entropy_S },
    { "free_energy_F", l_free_energy_F },
    { "heat_capacity_Cv", l_heat_capacity_Cv },
    { "theta_eff_pade", l_theta_eff_pade },
    { "delta_H", l_delta_H },
    { "D_f_closed", l_D_f_closed },
    { "phase_label", l_phase_label },
    { "kl_divergence", l_kl_divergence },
    { "fit_power_law", l_fit_power_law },
    { "gamma_random_predict", l_gamma_random_predict },
    { "imprint_purity", l_imprint_purity },
    { "compute_invariant_K", l_compute_invariant_K },
    { "ih_phase_check", l_ih_phase_check },
    { "gamma_decompose_v2", l_gamma_decompose_v2 },
    { "famous_constant_proximity", l_famous_constant_proximity },
    { "nearest_famous_constant", l_nearest_famous_constant },
    { "hagedorn_safety_alert", l_hagedorn_safety_alert },
    { "bimodal_phase_class", l_bimodal_phase_class },
    { "architectural_concentration_predict", l_architectural_concentration_predict },
    { "pade_deviation_index", l_pade_deviation_index },
    { "precision_shift_predict_4bit", l_precision_shift_predict_4bit },
    { "critical_exponents_bundle", l_critical_exponents_bundle },
    { "verify_algebraic_consistency", l_verify_algebraic_consistency },
    { NULL, NULL }
};

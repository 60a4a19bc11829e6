/* Quantization regime (engine/formulas/quant_regime.c) and its taf.*
 * bindings (engine/lua/compression.c). Expected values are evaluated with
 * python3 from the js/quant_regime.js equations, quoted beside each. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <lualib.h>

#include "formulas/quant.h"
#include "formulas/quant_regime.h"
#include "lua/bind.h"
#include "lua/module.h"

#define assert_close(a, b, tol) assert_true(fabs((a) - (b)) <= (tol))

static const struct taf_quant_arch UNKNOWN = { NAN, NAN, NAN, NAN, false };

static void test_scheme_table_is_ordered_by_bits(void **state)
{
    (void)state;
    for (int i = 1; i < TAF_N_QUANT_SCHEMES; i++)
        assert_true(taf_quant_schemes[i].bits <= taf_quant_schemes[i - 1].bits);
    assert_string_equal(taf_quant_scheme_find("awq")->label, "AWQ (4-bit, calibrated)");
    assert_true(taf_quant_scheme_find("awq")->calibrated);
    assert_false(taf_quant_scheme_find("nf4")->calibrated);
    assert_null(taf_quant_scheme_find("AWQ")); /* ids are exact */
    assert_null(taf_quant_scheme_find("q4"));
    assert_null(taf_quant_scheme_find(NULL));
    assert_string_equal(taf_quant_scheme_find("gguf_q4_km")->format, "Q4_K_M");
    assert_string_equal(taf_quant_scheme_find("int8")->format, "INT8");
}

static void test_every_scheme_names_a_weight_format(void **state)
{
    (void)state;
    /* memory comes from the quantization catalog (formulas/quant.c): each scheme's
     * format must exist there with the scheme's nominal bit width */
    for (int i = 0; i < TAF_N_QUANT_SCHEMES; i++) {
        const struct taf_quant_format *f = taf_quant_format_find(taf_quant_schemes[i].format);
        assert_non_null(f);
        assert_int_equal(f->nominal_bits, taf_quant_schemes[i].bits);
    }
}

static void test_multiplier_unknown_architecture_is_one(void **state)
{
    (void)state;
    assert_close(taf_quant_arch_multiplier(&UNKNOWN), 1.0, 0);
}

static void test_multiplier_llama3_8b_gqa4_and_size(void **state)
{
    (void)state;
    /* 32 heads / 8 KV = ratio 4 → ×1.15; d_head 128 → ×1; N 8e9 ≥ 7e9 → ×0.95: 1.0925 */
    struct taf_quant_arch a = { 32, 8, 128, 8e9, false };
    assert_close(taf_quant_arch_multiplier(&a), 1.0924999999999998, 1e-15);
}

static void test_multiplier_every_sensitive_bucket(void **state)
{
    (void)state;
    /* d_head 48 ×1.5, ratio 8 ×1.3, SWA ×0.92, N 2e9 ×1.15 → 2.0631 */
    struct taf_quant_arch a = { 32, 4, 48, 2e9, true };
    assert_close(taf_quant_arch_multiplier(&a), 2.0631, 1e-12);
    /* bucket edges: d_head 64 → ×1.2, 96 → ×1.05, 128 → ×1; N 1.5e9 → ×1.15, 4e9 → ×1, 30e9 → ×0.85 */
    struct taf_quant_arch b = { 8, 8, 64, 1.5e9, false };
    assert_close(taf_quant_arch_multiplier(&b), 1.2 * 1.15, 1e-15);
    struct taf_quant_arch c = { 8, 8, 96, 4e9, false };
    assert_close(taf_quant_arch_multiplier(&c), 1.05, 1e-15);
    struct taf_quant_arch d = { 64, 8, 128, 30e9, false };
    assert_close(taf_quant_arch_multiplier(&d), 1.3 * 0.85, 1e-15);
    /* n_kv unknown → taken as the head count (MHA, no GQA factor) */
    struct taf_quant_arch e = { 32, NAN, 128, NAN, false };
    assert_close(taf_quant_arch_multiplier(&e), 1.0, 0);
}

static void test_regime_bands_at_their_edges(void **state)
{
    (void)state;
    assert_string_equal(taf_quant_regime_band(0.0), "safe");
    assert_string_equal(taf_quant_regime_band(0.015), "safe");
    assert_string_equal(taf_quant_regime_band(nextafter(0.015, 1)), "mild");
    assert_string_equal(taf_quant_regime_band(0.04), "mild");
    assert_string_equal(taf_quant_regime_band(nextafter(0.04, 1)), "significant");
    assert_string_equal(taf_quant_regime_band(0.08), "significant");
    assert_string_equal(taf_quant_regime_band(nextafter(0.08, 1)), "cliff");
}

static void test_delta_ppl_scales_with_size_and_clamps(void **state)
{
    (void)state;
    /* python3: 8·0.02185²·(1 + log10(8)/4) = 0.004681690958629321 */
    struct taf_delta_ppl d = taf_quant_delta_ppl(0.021849999999999998, 8e9);
    assert_close(d.mid, 0.004681690958629321, 1e-17);
    assert_close(d.low, 0.6 * d.mid, 1e-18);
    assert_close(d.high, 1.5 * d.mid, 1e-18);
    /* N = 1e6: boost 1 − 3/4 = 0.25 → 8e-4·0.25 = 2e-4; N = 1e5: 1 − 1 = 0 → clamp 0.1 */
    assert_close(taf_quant_delta_ppl(0.01, 1e6).mid, 0.0002, 1e-18);
    assert_close(taf_quant_delta_ppl(0.01, 1e5).mid, 8e-05, 1e-18);
    /* unknown size → boost 1; no shift → zero band */
    assert_close(taf_quant_delta_ppl(0.01, NAN).mid, 8e-4, 1e-18);
    struct taf_delta_ppl z = taf_quant_delta_ppl(0, 8e9);
    assert_true(z.low == 0 && z.mid == 0 && z.high == 0);
}

static void test_prediction_and_recommendations(void **state)
{
    (void)state;
    /* pythia-1b (MHA, d_head 256, N 1e9 → ×1.4): Q4_K_M 0.05·1.4 = 0.07 significant */
    struct taf_quant_arch p1b = { 8, 8, 256, 1e9, false };
    struct taf_quant_prediction q = taf_quant_regime(taf_quant_scheme_find("gguf_q4_km"), &p1b);
    assert_close(q.gamma_shift, 0.06999999999999999, 1e-15);
    assert_string_equal(q.regime, "significant");
    assert_string_equal(q.recommend_code, "verify_with_eval");
    assert_null(q.recommend_scheme);
    /* NF4 0.07·1.4 = 0.098 → cliff → AWQ */
    q = taf_quant_regime(taf_quant_scheme_find("nf4"), &p1b);
    assert_string_equal(q.regime, "cliff");
    assert_string_equal(q.recommend_scheme, "awq");
    /* Q2_K → Q4_K_M; Q4_K_M on a sensitive model → Q5_K_M; int8 never needs a change here */
    q = taf_quant_regime(taf_quant_scheme_find("gguf_q2_k"), &UNKNOWN);
    assert_string_equal(q.recommend_code, "switch_to_q4_km");
    struct taf_quant_arch tiny = { 32, 4, 48, 2e8, false }; /* 1.5·1.3·1.4 = 2.73 */
    q = taf_quant_regime(taf_quant_scheme_find("gguf_q4_km"), &tiny);
    assert_string_equal(q.regime, "cliff");
    assert_string_equal(q.recommend_scheme, "gguf_q5_km");
    q = taf_quant_regime(taf_quant_scheme_find("int8"), &tiny); /* 0.0273 mild */
    assert_string_equal(q.regime, "mild");
    assert_null(q.recommend_code);
    q = taf_quant_regime(taf_quant_scheme_find("fp8"), &(struct taf_quant_arch){ 8, 8, 16, 1e8, false });
    assert_string_equal(q.regime, "safe"); /* d_head 16, N 1e8: 0.007·1.5·1.4 = 0.0147 ≤ 0.015 */
}

/* ---- bindings ----------------------------------------------------------- */

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

static void test_bindings_return_upstream_keys(void **state)
{
    (void)state;
    char out[512];
    assert_true(run_lua("local s = taf.quant_schemes() local r = taf.quant_regime('nf4', 8, 8, 256, false, 1e9)"
                        "local u = taf.quant_regime('awq')"
                        "return table.concat({#s, s[1].id, s[10].id, tostring(s[5].calibrated), r.regime,"
                        " r.recommend_scheme, string.format('%.3f', r.gamma_shift), tostring(r.n_params),"
                        " u.regime, tostring(u.n_params), tostring(u.recommend_code),"
                        " taf.json.encode(taf.quant_regime('int8').delta_ppl)}, ' ')",
                        out, sizeof out));
    assert_string_equal(out, "10 fp8 gguf_q2_k true cliff awq 0.098 1000000000.0 mild nil nil "
                             /* C evaluates (8·g)·g, python 8·g², hence 0.00048 */
                             "{\"low\":0.00048,\"mid\":0.0008,\"high\":0.0012000000000000001}");
}

static void test_bindings_reject_bad_arguments(void **state)
{
    (void)state;
    char out[512];
    assert_false(run_lua("return taf.quant_regime('q4')", out, sizeof out));
    assert_non_null(strstr(out, "unknown scheme 'q4' (one of fp8, int8,"));
    assert_false(run_lua("return taf.quant_regime('awq', 0)", out, sizeof out));
    assert_non_null(strstr(out, "n_attention_heads must be > 0"));
    assert_false(run_lua("return taf.quant_regime('awq', 8, 8, 128, 'yes')", out, sizeof out));
    assert_non_null(strstr(out, "boolean expected"));
    assert_false(run_lua("return taf.quant_regime('awq', 8, 8, 128, false, 0/0)", out, sizeof out));
    assert_non_null(strstr(out, "finite number expected"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scheme_table_is_ordered_by_bits),
        cmocka_unit_test(test_every_scheme_names_a_weight_format),
        cmocka_unit_test(test_multiplier_unknown_architecture_is_one),
        cmocka_unit_test(test_multiplier_llama3_8b_gqa4_and_size),
        cmocka_unit_test(test_multiplier_every_sensitive_bucket),
        cmocka_unit_test(test_regime_bands_at_their_edges),
        cmocka_unit_test(test_delta_ppl_scales_with_size_and_clamps),
        cmocka_unit_test(test_prediction_and_recommendations),
        cmocka_unit_test(test_bindings_return_upstream_keys),
        cmocka_unit_test(test_bindings_reject_bad_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

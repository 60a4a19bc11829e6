/* taf.quant_schemes / taf.quant_regime: the quantization-regime heuristics of
 * upstream js/quant_regime.js (recipe X-7). Keys keep the upstream names. */
#include "lua/bind.h"

#include "formulas/quant_regime.h"

#include <math.h>

static const char *const scheme_keys[] = { "id", "label", "bits", "base_penalty", "calibrated", "hardware", "format",
                                           NULL };

static void push_scheme(lua_State *L, const struct taf_quant_scheme *s)
{
    taf_newdict(L, scheme_keys);
    taf_setstr(L, "id", s->id);
    taf_setstr(L, "label", s->label);
    taf_setint(L, "bits", s->bits);
    taf_setnum(L, "base_penalty", s->base_penalty);
    taf_setbool(L, "calibrated", s->calibrated);
    taf_setstr(L, "hardware", s->hardware);
    taf_setstr(L, "format", s->format);
}

/* taf.quant_schemes() → array of every scheme, upstream order. */
static int l_quant_schemes(lua_State *L)
{
    lua_createtable(L, TAF_N_QUANT_SCHEMES, 0);
    for (int i = 0; i < TAF_N_QUANT_SCHEMES; i++) {
        push_scheme(L, &taf_quant_schemes[i]);
        lua_rawseti(L, -2, i + 1);
    }
    taf_markarray(L, -1);
    return 1;
}

/* An optional architecture field: nil → NaN (unknown), else a number > 0. */
static double opt_field(lua_State *L, int arg, const char *name)
{
    return lua_isnoneornil(L, arg) ? NAN : taf_checkpositive(L, arg, name);
}

static const char *const regime_keys[] = {
    "scheme", "scheme_label", "scheme_bits", "scheme_calibrated", "format", "arch_multiplier", "base_penalty",
    "gamma_shift", "regime", "delta_ppl", "n_params", "recommend_code", "recommend_scheme", NULL
};
static const char *const ppl_keys[] = { "low", "mid", "high", NULL };

/* taf.quant_regime(scheme, n_attention_heads, n_kv_heads, d_head, has_SWA, n_params):
 * every architecture argument may be nil (unknown, no multiplier). */
static int l_quant_regime(lua_State *L)
{
    const char *id = luaL_checkstring(L, 1);
    const struct taf_quant_scheme *s = taf_quant_scheme_find(id);
    if (s == NULL) {
        luaL_Buffer b;
        luaL_buffinit(L, &b);
        for (int i = 0; i < TAF_N_QUANT_SCHEMES; i++) {
            luaL_addstring(&b, i ? ", " : "");
            luaL_addstring(&b, taf_quant_schemes[i].id);
        }
        luaL_pushresult(&b);
        return luaL_argerror(L, 1, lua_pushfstring(L, "unknown scheme '%s' (one of %s)", id, lua_tostring(L, -1)));
    }
    struct taf_quant_arch arch = {
        .n_attention_heads = opt_field(L, 2, "n_attention_heads"),
        .n_kv_heads = opt_field(L, 3, "n_kv_heads"),
        .d_head = opt_field(L, 4, "d_head"),
        .has_SWA = taf_optboolean(L, 5, 0),
        .n_params = opt_field(L, 6, "n_params"),
    };
    struct taf_quant_prediction p = taf_quant_regime(s, &arch);
    taf_newdict(L, regime_keys);
    taf_setstr(L, "scheme", s->id);
    taf_setstr(L, "scheme_label", s->label);
    taf_setint(L, "scheme_bits", s->bits);
    taf_setbool(L, "scheme_calibrated", s->calibrated);
    taf_setstr(L, "format", s->format);
    taf_setnum(L, "arch_multiplier", p.arch_multiplier);
    taf_setnum(L, "base_penalty", s->base_penalty);
    taf_setnum(L, "gamma_shift", p.gamma_shift);
    taf_setstr(L, "regime", p.regime);
    taf_newdict(L, ppl_keys);
    taf_setnum(L, "low", p.delta_ppl.low);
    taf_setnum(L, "mid", p.delta_ppl.mid);
    taf_setnum(L, "high", p.delta_ppl.high);
    lua_setfield(L, -2, "delta_ppl");
    if (!isnan(arch.n_params))
        taf_setnum(L, "n_params", arch.n_params);
    if (p.recommend_code != NULL)
        taf_setstr(L, "recommend_code", p.recommend_code);
    if (p.recommend_scheme != NULL)
        taf_setstr(L, "recommend_scheme", p.recommend_scheme);
    return 1;
}

const luaL_Reg taf_compression_lib[] = {
    { "quant_schemes", l_quant_schemes },
    { "quant_regime", l_quant_regime },
    { NULL, NULL }
};

/* Bindings of the seed formulas (§17, §19, §20, §24, §26): check, call, push.
 * Names and positional arguments are the seed module's; its None (NaN or −1
 * from the pure C) is nil, its dicts are tables with the same key order, its
 * ValueError is a Lua error with the same message. Every argument is checked
 * for type, finiteness and range, and the error names it. */
#include "lua/bind.h"
#include "formulas/cost.h"
#include "formulas/gamma.h"
#include "formulas/memory.h"
#include "formulas/training.h"
#include "formulas/df_exact.h"
#include "numfmt.h"

#include <math.h>
#include <stdio.h>

#define MAX_TOKENS 1e15 /* lengths beyond this are input errors, not models */

static int l_gamma_pade(lua_State *L)
{
    double theta = taf_checkpositive(L, 1, "theta");
    double T = taf_checkpositive(L, 2, "T_eval");
    lua_pushnumber(L, taf_gamma_pade(theta, T));
    return 1;
}

static const char *const DECOMPOSE_KEYS[] = {
    "pade_centroid", "delta_GQA", "delta_SWA", "delta_post_IH", "gamma_corrected",
    "delta_SWA_status", "delta_post_IH_status", "calibration_warning", NULL,
};

static int l_gamma_decompose(lua_State *L)
{
    double g = taf_checkfinite(L, 1);
    int gqa = taf_optboolean(L, 2, 0), swa = taf_optboolean(L, 3, 0);
    double n = taf_optfinite(L, 4, 0.0);
    luaL_argcheck(L, n >= 0, 4, "n_params must be >= 0");
    struct taf_gamma_decomposition d = taf_gamma_decompose(g, gqa, swa, n);
    taf_newdict(L, DECOMPOSE_KEYS);
    taf_setnum(L, "pade_centroid", d.pade_centroid);
    taf_setnum(L, "delta_GQA", d.delta_GQA);
    taf_setnum(L, "delta_SWA", d.delta_SWA);
    taf_setnum(L, "delta_post_IH", d.delta_post_IH);
    taf_setnum(L, "gamma_corrected", d.gamma_corrected);
    taf_setstr(L, "delta_SWA_status", d.delta_SWA_status);
    taf_setstr(L, "delta_post_IH_status", d.delta_post_IH_status);
    if (d.calibration_warning != NULL)
        taf_setstr(L, "calibration_warning", d.calibration_warning);
    return 1;
}

static int l_d_horizon(lua_State *L)
{
    double theta = taf_checkpositive(L, 1, "theta");
    taf_pushnum_or_nil(L, taf_d_horizon(theta, taf_checkfinite(L, 2)));
    return 1;
}

static int l_l_niah_c(lua_State *L)
{
    if (lua_isnoneornil(L, 1))
        return lua_pushnil(L), 1;
    taf_pushnum_or_nil(L, taf_l_niah_c(taf_checkmin(L, 1, "d_horizon", 0)));
    return 1;
}

static int l_chi_susceptibility(lua_State *L)
{
    lua_pushnumber(L, taf_chi_susceptibility(taf_checkfinite(L, 1)));
    return 1;
}

static int l_p_hallucinate(lua_State *L)
{
    double len = taf_checkfinite(L, 1);
    double theta = taf_checkpositive(L, 2, "theta");
    taf_pushnum_or_nil(L, taf_p_hallucinate(len, theta, taf_checkfinite(L, 3)));
    return 1;
}

static double check_gamma_target(lua_State *L, int arg)
{
    double g = taf_checkfinite(L, arg);
    if (!(g > -1 && g < 1))
        luaL_error(L, "gamma_target must be in (-1, 1)"); /* the seed's ValueError, verbatim */
    return g;
}

static int l_theta_design(lua_State *L)
{
    double g = check_gamma_target(L, 1);
    lua_pushnumber(L, taf_theta_design(g, taf_checkpositive(L, 2, "T_eval")));
    return 1;
}

static int l_alpha_opt(lua_State *L)
{
    double g = check_gamma_target(L, 1);
    double T = taf_checkpositive(L, 2, "T_eval");
    lua_pushnumber(L, taf_alpha_opt(g, T, taf_checkpositive(L, 3, "theta_nominal")));
    return 1;
}

/* A token count: an integer in [lo, 1e15] (FORMULAS.md §1: validate N ≥ 1). */
static int64_t check_tokens(lua_State *L, int arg, const char *name, lua_Integer lo)
{
    return (int64_t)taf_checkintrange(L, arg, name, lo, (lua_Integer)MAX_TOKENS);
}

static double check_fraction(lua_State *L, int arg)
{
    double f = taf_optfinite(L, arg, 0.9);
    if (!(f > 0 && f <= 1))
        luaL_argerror(L, arg, lua_pushfstring(L, "f must be in (0, 1], got %f", f));
    return f;
}

static int l_df_window(lua_State *L)
{
    double g = taf_checkfinite(L, 1);
    int64_t N = check_tokens(L, 2, "N", 1);
    int64_t d = taf_df_window(g, N, check_fraction(L, 3));
    if (d < 0)
        lua_pushnil(L);
    else
        lua_pushinteger(L, (lua_Integer)d);
    return 1;
}

static int l_df_exact(lua_State *L)
{
    double g = taf_checkfinite(L, 1);
    int64_t N = check_tokens(L, 2, "N", 1);
    lua_pushinteger(L, (lua_Integer)taf_df_exact(g, N, check_fraction(L, 3)));
    return 1;
}

static int l_harmonic_sum(lua_State *L)
{
    double g = taf_checkfinite(L, 1);
    lua_pushnumber(L, taf_harmonic_sum(g, check_tokens(L, 2, "n", 0)));
    return 1;
}

static int l_kv_soft_decay_regime(lua_State *L)
{
    double theta = taf_checkpositive(L, 1, "theta");
    double g = taf_checkfinite(L, 2);
    lua_pushstring(L, taf_kv_soft_decay_regime(theta, g, taf_checkpositive(L, 3, "T_train")));
    return 1;
}

static int l_gamma_phase_label(lua_State *L)
{
    lua_pushstring(L, taf_gamma_phase_label(taf_checkfinite(L, 1)));
    return 1;
}

static int l_chinchilla_optimal_tokens(lua_State *L)
{
    double N = taf_checkmin(L, 1, "N_params", 0);
    double ratio = lua_isnoneornil(L, 2) ? 20.0 : taf_checkpositive(L, 2, "ratio");
    lua_pushnumber(L, taf_chinchilla_optimal_tokens(N, ratio));
    return 1;
}

static int l_chinchilla_optimal_N(lua_State *L)
{
    double D = taf_checkmin(L, 1, "D_tokens", 0);
    double ratio = lua_isnoneornil(L, 2) ? 20.0 : taf_checkpositive(L, 2, "ratio");
    lua_pushnumber(L, taf_chinchilla_optimal_N(D, ratio));
    return 1;
}

static int l_training_flops(lua_State *L)
{
    double N = taf_checkmin(L, 1, "N_params", 0);
    lua_pushnumber(L, taf_training_flops(N, taf_checkmin(L, 2, "D_tokens", 0)));
    return 1;
}

static const char *const BYTES_GB_KEYS[] = { "bytes", "GB", NULL };

static int l_training_memory_16N(lua_State *L)
{
    struct taf_training_memory m = taf_training_memory_16N(taf_checkmin(L, 1, "N_params", 0));
    taf_newdict(L, BYTES_GB_KEYS);
    taf_setnum(L, "bytes", m.bytes);
    taf_setnum(L, "GB", m.GB);
    return 1;
}

static int l_emergent_threshold(lua_State *L)
{
    lua_pushstring(L, taf_emergent_threshold(taf_checkmin(L, 1, "N_params", 0)));
    return 1;
}

static double opt_bytes(lua_State *L, int arg)
{
    return lua_isnoneornil(L, arg) ? 2.0 : taf_checkpositive(L, arg, "bytes_per_element");
}

static const char *const KV_KEYS[] = { "bytes", "MB", "GB", NULL };

static int l_kv_cache_memory(lua_State *L)
{
    double layers = taf_checkmin(L, 1, "n_layers", 0);
    double kv = taf_checkmin(L, 2, "n_kv_heads", 0);
    double dh = taf_checkmin(L, 3, "d_head", 0);
    double seq = taf_checkmin(L, 4, "seq_len", 0);
    struct taf_kv_memory m = taf_kv_cache_memory(layers, kv, dh, seq, opt_bytes(L, 5));
    taf_newdict(L, KV_KEYS);
    taf_setnum(L, "bytes", m.bytes);
    taf_setnum(L, "MB", m.MB);
    taf_setnum(L, "GB", m.GB);
    return 1;
}

static const char *const GB_KEYS[] = { "GB", NULL };

static int l_model_weights_memory(lua_State *L)
{
    double N = taf_checkmin(L, 1, "N_params", 0);
    double gb = taf_model_weights_GB(N, opt_bytes(L, 2));
    taf_newdict(L, GB_KEYS);
    taf_setnum(L, "GB", gb);
    return 1;
}

static int l_inference_decode_throughput(lua_State *L)
{
    double N = taf_checkpositive(L, 1, "N_params");
    double bw = taf_checkmin(L, 2, "hbm_GB_per_s", 0);
    lua_pushnumber(L, taf_inference_decode_throughput(N, bw, opt_bytes(L, 3)));
    return 1;
}

/* Push a count as an integer when it is one (n_gpus, batch), as Python keeps ints. */
static void setcount(lua_State *L, const char *key, double v)
{
    if (v == floor(v) && fabs(v) < 9e15)
        taf_setint(L, key, (lua_Integer)v);
    else
        taf_setnum(L, key, v);
}

static const char *const TRAINING_COST_KEYS[] = {
    "total_FLOPs", "hours", "days", "USD", "gpu", "n_gpus", "mfu", NULL,
};
/* A GPU without an hourly price: the dollar key stays nil (JSON null) and a
 * note says why, instead of the seed's $0 or division by zero. */
static const char *const UNPRICED_TRAINING_COST_KEYS[] = {
    "total_FLOPs", "hours", "days", "USD", "gpu", "n_gpus", "mfu", "note", NULL,
};

static void set_unpriced_note(lua_State *L, const char *gpu)
{
    lua_pushfstring(L, "gpu '%s' has no hourly price (a local card): cost is not defined", gpu);
    lua_setfield(L, -2, "note");
}

static int l_cost_per_training_run(lua_State *L)
{
    double N = taf_checkmin(L, 1, "N_params", 0);
    double D = taf_checkmin(L, 2, "D_tokens", 0);
    struct taf_gpu gpu;
    lua_settop(L, 5); /* a slot for the default gpu, and nothing beyond mfu */
    if (lua_isnil(L, 3)) {
        lua_pushliteral(L, "H100 SXM");
        lua_replace(L, 3);
    }
    taf_checkgpu(L, 3, &gpu);
    double n_gpus = lua_isnoneornil(L, 4) ? 8 : taf_checkpositive(L, 4, "n_gpus");
    double mfu = lua_isnoneornil(L, 5) ? 0.45 : taf_checkfinite(L, 5);
    if (!(mfu > 0 && mfu <= 1))
        luaL_argerror(L, 5, lua_pushfstring(L, "mfu must be in (0, 1], got %f", mfu));
    if (gpu.flops <= 0)
        return luaL_error(L, "gpu '%s' has no FLOP/s figure", gpu.name);
    struct taf_training_cost c = taf_cost_per_training_run(N, D, &gpu, n_gpus, mfu);
    taf_newdict(L, c.priced ? TRAINING_COST_KEYS : UNPRICED_TRAINING_COST_KEYS);
    taf_setnum(L, "total_FLOPs", c.total_FLOPs);
    taf_setnum(L, "hours", c.hours);
    taf_setnum(L, "days", c.days);
    if (c.priced)
        taf_setnum(L, "USD", c.USD);
    taf_setstr(L, "gpu", gpu.name);
    setcount(L, "n_gpus", n_gpus);
    taf_setnum(L, "mfu", mfu);
    if (!c.priced)
        set_unpriced_note(L, gpu.name);
    return 1;
}

static const char *const INFERENCE_COST_KEYS[] = { "tok_per_sec", "USD_per_Mtok", "gpu", "batch", NULL };
static const char *const UNPRICED_INFERENCE_COST_KEYS[] = {
    "tok_per_sec", "USD_per_Mtok", "gpu", "batch", "note", NULL,
};

static int l_cost_per_inference_token(lua_State *L)
{
    double model_GB = taf_checkpositive(L, 1, "model_GB");
    struct taf_gpu gpu;
    taf_checkgpu(L, 2, &gpu);
    double batch = lua_isnoneornil(L, 3) ? 1 : taf_checkpositive(L, 3, "batch");
    if (gpu.bw_GB_s <= 0)
        return luaL_error(L, "gpu '%s' has no memory bandwidth figure", gpu.name);
    struct taf_inference_cost c = taf_cost_per_inference_token(model_GB, &gpu, batch);
    taf_newdict(L, c.priced ? INFERENCE_COST_KEYS : UNPRICED_INFERENCE_COST_KEYS);
    taf_setnum(L, "tok_per_sec", c.tok_per_sec);
    if (c.priced)
        taf_setnum(L, "USD_per_Mtok", c.USD_per_Mtok);
    taf_setstr(L, "gpu", gpu.name);
    setcount(L, "batch", batch);
    if (!c.priced)
        set_unpriced_note(L, gpu.name);
    return 1;
}

static const char *const BREAK_EVEN_KEYS[] = { "savings_per_Mtok", "Mtok_breakeven", "tokens_breakeven", NULL };
static const char *const ERROR_KEYS[] = { "error", NULL };

static int l_break_even_volume(lua_State *L)
{
    double cost = taf_checkmin(L, 1, "training_cost", 0);
    double self = taf_checkmin(L, 2, "self_inference_per_Mtok", 0);
    double api = taf_checkmin(L, 3, "api_per_Mtok", 0);
    if (!lua_isnoneornil(L, 4)) /* blend_input_output: accepted and unused, as in the seed */
        taf_checkrange(L, 4, "blend_input_output", 0, 1);
    struct taf_break_even b = taf_break_even_volume(cost, self, api);
    if (b.never) {
        taf_newdict(L, ERROR_KEYS);
        taf_setstr(L, "error", "self-host more expensive than API per token; never breaks even");
        return 1;
    }
    taf_newdict(L, BREAK_EVEN_KEYS);
    taf_setnum(L, "savings_per_Mtok", b.savings_per_Mtok);
    taf_setnum(L, "Mtok_breakeven", b.Mtok_breakeven);
    taf_setnum(L, "tokens_breakeven", b.tokens_breakeven);
    return 1;
}

/* taf.commas(x [, decimals]) → x grouped by thousands, as interpretations
 * quote counts and bytes: 34359738368 → "34,359,738,368", (1234.5, 2) →
 * "1,234.50". An integer with no decimals prints exactly (%lld); anything
 * else as "%.<decimals>f". Non-finite x prints as Lua's tostring does. */
static int l_commas(lua_State *L)
{
    lua_Integer decimals = luaL_optinteger(L, 2, 0);
    luaL_argcheck(L, decimals >= 0 && decimals <= 20, 2, "decimals must be in [0, 20]");
    char raw[400], out[560];
    if (lua_isinteger(L, 1) && decimals == 0) {
        snprintf(raw, sizeof raw, "%lld", (long long)lua_tointeger(L, 1));
    } else {
        double x = luaL_checknumber(L, 1);
        if (!isfinite(x)) {
            luaL_tolstring(L, 1, NULL);
            return 1;
        }
        snprintf(raw, sizeof raw, "%.*f", (int)decimals, x);
    }
    taf_group_digits(raw, out, sizeof out);
    lua_pushstring(L, out);
    return 1;
}

const luaL_Reg taf_formulas_lib[] = {
    { "commas", l_commas },
    { "gamma_pade", l_gamma_pade },
    { "gamma_decompose", l_gamma_decompose },
    { "d_horizon", l_d_horizon },
    { "l_niah_c", l_l_niah_c },
    { "chi_susceptibility", l_chi_susceptibility },
    { "p_hallucinate", l_p_hallucinate },
    { "theta_design", l_theta_design },
    { "alpha_opt", l_alpha_opt },
    { "df_window", l_df_window },
    { "df_exact", l_df_exact },
    { "harmonic_sum", l_harmonic_sum },
    { "kv_soft_decay_regime", l_kv_soft_decay_regime },
    { "gamma_phase_label", l_gamma_phase_label },
    { "chinchilla_optimal_tokens", l_chinchilla_optimal_tokens },
    { "chinchilla_optimal_N", l_chinchilla_optimal_N },
    { "training_flops", l_training_flops },
    { "training_memory_16N", l_training_memory_16N },
    { "emergent_threshold", l_emergent_threshold },
    { "kv_cache_memory", l_kv_cache_memory },
    { "model_weights_memory", l_model_weights_memory },
    { "inference_decode_throughput", l_inference_decode_throughput },
    { "cost_per_training_run", l_cost_per_training_run },
    { "cost_per_inference_token", l_cost_per_inference_token },
    { "break_even_volume", l_break_even_volume },
    { NULL, NULL },
};

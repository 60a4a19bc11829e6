/* Bindings of the hardware and context formulas: RoPE scales and extension
 * (formulas/rope.h), quantization formats (quant.h), VRAM fit and layer
 * offload (vram.h), serving (serving.h) and fine-tuning (finetune.h).
 * Memory in and out is in bytes; recipes convert for display. */
#include "lua/bind.h"
#include "formulas/finetune.h"
#include "formulas/quant.h"
#include "formulas/rope.h"
#include "formulas/serving.h"
#include "formulas/vram.h"

#include <math.h>
#include <string.h>

#define MAX_TOKENS 1e15 /* context lengths beyond this are input errors */
#define MAX_D_HEAD 65536

/* θ > 1: log_θ appears in every RoPE scale. */
static double check_theta(lua_State *L, int arg)
{
    double theta = taf_checkfinite(L, arg);
    if (!(theta > 1))
        luaL_argerror(L, arg, lua_pushfstring(L, "theta must be > 1, got %f", theta));
    return theta;
}

static double check_d_head(lua_State *L, int arg)
{
    return (double)taf_checkintrange(L, arg, "d_head", 2, MAX_D_HEAD);
}

static double check_tokens(lua_State *L, int arg, const char *name)
{
    double v = taf_checkpositive(L, arg, name);
    if (v > MAX_TOKENS)
        luaL_argerror(L, arg, lua_pushfstring(L, "%s must be <= 1e15, got %f", name, v));
    return v;
}

/* ---- RoPE scales and extension ----------------------------------------- */

static int l_rope_wavelength(lua_State *L)
{
    double theta = check_theta(L, 1);
    lua_Integer i = taf_checkintrange(L, 2, "i", 0, MAX_D_HEAD);
    double d = check_d_head(L, 3);
    luaL_argcheck(L, i < (lua_Integer)d / 2, 2, "i must be < d_head/2");
    lua_pushnumber(L, taf_rope_wavelength(theta, (double)i, d));
    return 1;
}

static int l_rope_n_active(lua_State *L)
{
    double theta = check_theta(L, 1);
    double d = check_d_head(L, 2);
    lua_pushnumber(L, taf_rope_n_active(theta, d, check_tokens(L, 3, "distance")));
    return 1;
}

static int l_rope_pairs_resolving(lua_State *L)
{
    double theta = check_theta(L, 1);
    int d = (int)check_d_head(L, 2);
    lua_pushinteger(L, taf_rope_pairs_resolving(theta, d, check_tokens(L, 3, "distance")));
    return 1;
}

static int l_rope_t_cross(lua_State *L)
{
    lua_pushnumber(L, taf_rope_t_cross(taf_checkpositive(L, 1, "theta")));
    return 1;
}

static int l_rope_t_max(lua_State *L)
{
    lua_pushnumber(L, taf_rope_t_max(taf_checkpositive(L, 1, "theta")));
    return 1;
}

static int l_lcrit_fraction(lua_State *L)
{
    double theta = check_theta(L, 1);
    double T = check_tokens(L, 2, "T");
    lua_pushnumber(L, taf_lcrit_fraction(theta, T, check_d_head(L, 3)));
    return 1;
}

static double check_factor(lua_State *L, int arg)
{
    double s = taf_checkfinite(L, arg);
    if (!(s >= 1 && s <= 1e6))
        luaL_argerror(L, arg, lua_pushfstring(L, "factor must be in [1, 1e6], got %f", s));
    return s;
}

static int l_ntk_theta(lua_State *L)
{
    double theta = check_theta(L, 1);
    double s = check_factor(L, 2);
    double d = (double)taf_checkintrange(L, 3, "d_head", 4, MAX_D_HEAD);
    lua_pushnumber(L, taf_ntk_theta(theta, s, d));
    return 1;
}

static int l_dynamic_ntk_theta(lua_State *L)
{
    double theta = check_theta(L, 1);
    double s = check_factor(L, 2);
    double d = (double)taf_checkintrange(L, 3, "d_head", 4, MAX_D_HEAD);
    double seq = check_tokens(L, 4, "seq_len");
    lua_pushnumber(L, taf_dynamic_ntk_theta(theta, s, d, seq, check_tokens(L, 5, "original_len")));
    return 1;
}

static int l_yarn_mscale(lua_State *L)
{
    lua_pushnumber(L, taf_yarn_mscale(check_factor(L, 1)));
    return 1;
}

static const char *const YARN_RANGE_KEYS[] = { "low", "high", NULL };

static int l_yarn_correction_range(lua_State *L)
{
    double theta = check_theta(L, 1);
    double d = check_d_head(L, 2);
    double L0 = check_tokens(L, 3, "original_len");
    double fast = lua_isnoneornil(L, 4) ? 32 : taf_checkpositive(L, 4, "beta_fast");
    double slow = lua_isnoneornil(L, 5) ? 1 : taf_checkpositive(L, 5, "beta_slow");
    struct taf_yarn_range r = taf_yarn_correction_range(fast, slow, d, theta, L0);
    taf_newdict(L, YARN_RANGE_KEYS);
    taf_setint(L, "low", (lua_Integer)r.low);
    taf_setint(L, "high", (lua_Integer)r.high);
    return 1;
}

/* ---- quantization formats ---------------------------------------------- */

static const char *const FORMAT_KEYS[] = {
    "name", "bits_per_weight", "bytes_per_weight", "nominal_bits", "tier", "kind", "gguf_ftype", "aliases",
    "source", NULL,
};

/* A comma-separated alias list as a JSON array. */
static void push_aliases(lua_State *L, const char *aliases)
{
    lua_newtable(L);
    int n = 0;
    for (const char *p = aliases; *p != '\0';) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        lua_pushlstring(L, p, len);
        lua_rawseti(L, -2, ++n);
        p += len + (end != NULL);
    }
    taf_markarray(L, -1);
}

static void push_format(lua_State *L, const struct taf_quant_format *f)
{
    taf_newdict(L, FORMAT_KEYS);
    taf_setstr(L, "name", f->name);
    taf_setnum(L, "bits_per_weight", f->bits_per_weight);
    taf_setnum(L, "bytes_per_weight", f->bits_per_weight / 8.0);
    taf_setint(L, "nominal_bits", f->nominal_bits);
    taf_setstr(L, "tier", taf_quant_tier(f->nominal_bits));
    taf_setstr(L, "kind", f->kind);
    int ftype = taf_quant_format_gguf_ftype(f);
    if (ftype >= 0)
        taf_setint(L, "gguf_ftype", ftype);
    push_aliases(L, f->aliases);
    lua_setfield(L, -2, "aliases");
    taf_setstr(L, "source", f->source);
}

static int l_quant_formats(lua_State *L)
{
    size_t n = taf_quant_format_count();
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        push_format(L, taf_quant_format_at(i));
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    taf_markarray(L, -1);
    return 1;
}

/* taf.quant_format(name | gguf_ftype) → the format, or nil when unknown. */
static int l_quant_format(lua_State *L)
{
    const struct taf_quant_format *f;
    if (lua_type(L, 1) == LUA_TNUMBER)
        f = taf_quant_format_by_ftype((int)taf_checkintrange(L, 1, "gguf_ftype", 0, 1 << 20));
    else
        f = taf_quant_format_find(luaL_checkstring(L, 1));
    if (f == NULL)
        lua_pushnil(L);
    else
        push_format(L, f);
    return 1;
}

/* taf.weight_bytes(n_params, format name | bits per weight) → bytes */
static int l_weight_bytes(lua_State *L)
{
    double n = taf_checkmin(L, 1, "n_params", 0);
    double bits;
    if (lua_type(L, 2) == LUA_TSTRING) {
        const struct taf_quant_format *f = taf_quant_format_find(lua_tostring(L, 2));
        if (f == NULL)
            return luaL_error(L, "unknown weight format '%s' (see taf.quant_formats())", lua_tostring(L, 2));
        bits = f->bits_per_weight;
    } else {
        bits = taf_checkrange(L, 2, "bits_per_weight", 0.5, 64);
    }
    lua_pushnumber(L, taf_weight_bytes(n, bits));
    return 1;
}

static int l_quant_tier(lua_State *L)
{
    lua_pushstring(L, taf_quant_tier((int)taf_checkintrange(L, 1, "nominal_bits", 1, 64)));
    return 1;
}

static const char *const KV_DTYPE_KEYS[] = { "name", "bytes_per_element", "aliases", "source", NULL };

static void push_kv_dtype(lua_State *L, const struct taf_kv_dtype *k)
{
    taf_newdict(L, KV_DTYPE_KEYS);
    taf_setstr(L, "name", k->name);
    taf_setnum(L, "bytes_per_element", k->bytes_per_element);
    push_aliases(L, k->aliases);
    lua_setfield(L, -2, "aliases");
    taf_setstr(L, "source", k->source);
}

static int l_kv_dtypes(lua_State *L)
{
    size_t n = taf_kv_dtype_count();
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        push_kv_dtype(L, taf_kv_dtype_at(i));
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    taf_markarray(L, -1);
    return 1;
}

static int l_kv_dtype(lua_State *L)
{
    const struct taf_kv_dtype *k = taf_kv_dtype_find(luaL_checkstring(L, 1));
    if (k == NULL)
        lua_pushnil(L);
    else
        push_kv_dtype(L, k);
    return 1;
}

/* ---- VRAM fit and layer offload ---------------------------------------- */

static const char *const OVERHEAD_KEYS[] = { "base_bytes", "per_token_bytes", NULL };

static struct taf_runtime_overhead check_overhead(lua_State *L, int d_model_arg, int fa_arg)
{
    double d_model = taf_checkmin(L, d_model_arg, "d_model", 0);
    return taf_runtime_overhead(d_model, taf_optboolean(L, fa_arg, 1));
}

/* taf.runtime_overhead(d_model, flash_attn=true) → {base_bytes, per_token_bytes} */
static int l_runtime_overhead(lua_State *L)
{
    struct taf_runtime_overhead o = check_overhead(L, 1, 2);
    taf_newdict(L, OVERHEAD_KEYS);
    taf_setnum(L, "base_bytes", o.base);
    taf_setnum(L, "per_token_bytes", o.per_token);
    return 1;
}

static const char *const FIT_KEYS[] = {
    "weights_bytes", "kv_bytes", "overhead_bytes", "total_bytes", "vram_bytes", "headroom_bytes", "kv_share",
    "fits", "fit_class", "max_context", NULL,
};

/* The fit as a table; max_context absent (nil) when NaN. */
static void push_fit(lua_State *L, struct taf_vram_fit f)
{
    taf_newdict(L, FIT_KEYS);
    taf_setnum(L, "weights_bytes", f.weights);
    taf_setnum(L, "kv_bytes", f.kv);
    taf_setnum(L, "overhead_bytes", f.overhead);
    taf_setnum(L, "total_bytes", f.total);
    taf_setnum(L, "vram_bytes", f.vram);
    taf_setnum(L, "headroom_bytes", f.headroom);
    taf_setnum(L, "kv_share", f.kv_share);
    taf_setbool(L, "fits", f.fits);
    taf_setstr(L, "fit_class", taf_fit_class(f.fits, f.headroom, f.weights + f.overhead, f.vram));
    if (isfinite(f.max_context) && f.max_context < 9e15)
        taf_setint(L, "max_context", (lua_Integer)f.max_context);
    else if (!isnan(f.max_context))
        taf_setnum(L, "max_context", f.max_context);
}

/* taf.vram_fit(weights_bytes, kv_bytes_per_token, batch, context, d_model,
 * flash_attn, vram_bytes, n_gpus=1) → the budget, the fit class and the
 * largest context. vram_bytes is per GPU; each GPU pays the fixed overhead. */
static int l_vram_fit(lua_State *L)
{
    double w = taf_checkmin(L, 1, "weights_bytes", 0);
    double kv = taf_checkmin(L, 2, "kv_bytes_per_token", 0);
    double batch = taf_checkrange(L, 3, "batch", 1, 1e9);
    double ctx = taf_checkrange(L, 4, "context", 0, MAX_TOKENS);
    struct taf_runtime_overhead o = check_overhead(L, 5, 6);
    double vram = taf_checkpositive(L, 7, "vram_bytes");
    double n_gpus = lua_isnoneornil(L, 8) ? 1 : (double)taf_checkintrange(L, 8, "n_gpus", 1, 100000);
    o.base *= n_gpus;
    vram *= n_gpus;
    push_fit(L, taf_vram_fit(w, kv, batch, ctx, o, vram));
    return 1;
}

/* taf.vram_budget(weights_bytes, kv_bytes, context, d_model, flash_attn,
 * vram_bytes, n_gpus=1) → the same table for a KV cache given in total at
 * this context (any layout); max_context is nil. */
static int l_vram_budget(lua_State *L)
{
    double w = taf_checkmin(L, 1, "weights_bytes", 0);
    double kv = taf_checkmin(L, 2, "kv_bytes", 0);
    double ctx = taf_checkrange(L, 3, "context", 0, MAX_TOKENS);
    struct taf_runtime_overhead o = check_overhead(L, 4, 5);
    double vram = taf_checkpositive(L, 6, "vram_bytes");
    double n_gpus = lua_isnoneornil(L, 7) ? 1 : (double)taf_checkintrange(L, 7, "n_gpus", 1, 100000);
    o.base *= n_gpus;
    push_fit(L, taf_vram_fit_kv(w, kv, ctx, o, vram * n_gpus));
    return 1;
}

/* taf.offload_layers(vram, overhead, non_layer, per_layer, n_layers) → -ngl (bytes in) */
static int l_offload_layers(lua_State *L)
{
    double vram = taf_checkmin(L, 1, "vram_bytes", 0);
    double overhead = taf_checkmin(L, 2, "overhead_bytes", 0);
    double non_layer = taf_checkmin(L, 3, "non_layer_bytes", 0);
    double per_layer = taf_checkmin(L, 4, "per_layer_bytes", 0);
    int n_layers = (int)taf_checkintrange(L, 5, "n_layers", 1, 100000);
    lua_pushinteger(L, taf_offload_layers(vram, overhead, non_layer, per_layer, n_layers));
    return 1;
}

/* ---- serving ----------------------------------------------------------- */

static int l_prefill_flops(lua_State *L)
{
    double N = taf_checkmin(L, 1, "n_params", 0);
    double T = taf_checkrange(L, 2, "tokens", 0, MAX_TOKENS);
    double layers = taf_checkmin(L, 3, "n_layers", 0);
    lua_pushnumber(L, taf_prefill_flops(N, T, layers, taf_checkmin(L, 4, "q_dim", 0)));
    return 1;
}

static int l_decode_flops(lua_State *L)
{
    double N = taf_checkmin(L, 1, "n_params", 0);
    double batch = taf_checkmin(L, 2, "batch", 0);
    double layers = taf_checkmin(L, 3, "n_layers", 0);
    double ctx = taf_checkrange(L, 4, "context", 0, MAX_TOKENS);
    lua_pushnumber(L, taf_decode_flops(N, batch, layers, ctx, taf_checkmin(L, 5, "q_dim", 0)));
    return 1;
}

static int l_compute_seconds(lua_State *L)
{
    double flops = taf_checkmin(L, 1, "flops", 0);
    double peak = taf_checkpositive(L, 2, "peak_TFLOPs");
    lua_pushnumber(L, taf_compute_seconds(flops, peak, taf_checkrange(L, 3, "utilisation", 1e-6, 1)));
    return 1;
}

static int l_memory_seconds(lua_State *L)
{
    double bytes = taf_checkmin(L, 1, "bytes", 0);
    double bw = taf_checkpositive(L, 2, "bw_GB_s");
    lua_pushnumber(L, taf_memory_seconds(bytes, bw, taf_checkrange(L, 3, "utilisation", 1e-6, 1)));
    return 1;
}

static int l_roofline_ridge(lua_State *L)
{
    double peak = taf_checkpositive(L, 1, "peak_TFLOPs");
    lua_pushnumber(L, taf_roofline_ridge(peak, taf_checkpositive(L, 2, "bw_GB_s")));
    return 1;
}

static int l_max_concurrent_requests(lua_State *L)
{
    double budget = taf_checkfinite(L, 1);
    double kv = taf_checkpositive(L, 2, "kv_bytes_per_request");
    double n = taf_max_concurrent_requests(budget, kv);
    if (n < 9e15)
        lua_pushinteger(L, (lua_Integer)n);
    else
        lua_pushnumber(L, n);
    return 1;
}

static int l_usd_per_Mtok(lua_State *L)
{
    double usd = taf_checkmin(L, 1, "usd_per_hour", 0);
    lua_pushnumber(L, taf_usd_per_Mtok(usd, taf_checkpositive(L, 2, "tokens_per_s")));
    return 1;
}

/* ---- fine-tuning ------------------------------------------------------- */

/* "all", "attention", "qv", or a comma list of q,k,v,o,gate,up,down. */
static int check_targets(lua_State *L, int arg)
{
    static const char *const names[] = { "q", "k", "v", "o", "gate", "up", "down" };
    const char *s = luaL_checkstring(L, arg);
    if (!strcmp(s, "all"))
        return TAF_LORA_ALL;
    if (!strcmp(s, "attention"))
        return TAF_LORA_ATTENTION;
    if (!strcmp(s, "qv"))
        return TAF_LORA_Q | TAF_LORA_V;
    int mask = 0;
    for (const char *p = s; *p != '\0';) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        int bit = 0;
        for (int i = 0; i < 7; i++)
            if (strlen(names[i]) == len && !strncmp(p, names[i], len))
                bit = 1 << i;
        if (bit == 0)
            luaL_argerror(L, arg, lua_pushfstring(L, "targets must be all, attention, qv or a comma list of "
                                                     "q,k,v,o,gate,up,down, got '%s'", s));
        mask |= bit;
        p += len + (end != NULL);
    }
    if (mask == 0)
        luaL_argerror(L, arg, "targets must name at least one projection");
    return mask;
}

static int l_lora_params(lua_State *L)
{
    double r = (double)taf_checkintrange(L, 1, "rank", 1, 1 << 20);
    double layers = taf_checkmin(L, 2, "n_layers", 1);
    double d_model = taf_checkmin(L, 3, "d_model", 1);
    double q_dim = taf_checkmin(L, 4, "q_dim", 1);
    double kv_dim = taf_checkmin(L, 5, "kv_dim", 1);
    double d_ff = taf_checkmin(L, 6, "d_ff", 1);
    lua_pushnumber(L, taf_lora_params(r, layers, d_model, q_dim, kv_dim, d_ff, check_targets(L, 7)));
    return 1;
}

static int l_activation_bytes(lua_State *L)
{
    double tokens = taf_checkrange(L, 1, "tokens", 0, MAX_TOKENS);
    double d_model = taf_checkmin(L, 2, "d_model", 0);
    double layers = taf_checkmin(L, 3, "n_layers", 0);
    lua_pushnumber(L, taf_activation_bytes(tokens, d_model, layers, taf_optboolean(L, 4, 1)));
    return 1;
}

static const char *const FINETUNE_KEYS[] = { "weights_bytes", "trainable_state_bytes", "activations_bytes",
                                             "total_bytes", NULL };

static int l_adapter_memory(lua_State *L)
{
    double w = taf_checkmin(L, 1, "base_weight_bytes", 0);
    double p = taf_checkmin(L, 2, "trainable_params", 0);
    struct taf_finetune_memory m = taf_adapter_memory(w, p, taf_checkmin(L, 3, "activation_bytes", 0));
    taf_newdict(L, FINETUNE_KEYS);
    taf_setnum(L, "weights_bytes", m.weights);
    taf_setnum(L, "trainable_state_bytes", m.trainable_state);
    taf_setnum(L, "activations_bytes", m.activations);
    taf_setnum(L, "total_bytes", m.total);
    return 1;
}

static int l_adapter_training_flops(lua_State *L)
{
    double N = taf_checkmin(L, 1, "n_params", 0);
    double P = taf_checkmin(L, 2, "trainable_params", 0);
    lua_pushnumber(L, taf_adapter_training_flops(N, P, taf_checkmin(L, 3, "tokens", 0)));
    return 1;
}

const luaL_Reg taf_hardware_lib[] = {
    { "rope_wavelength", l_rope_wavelength },
    { "rope_n_active", l_rope_n_active },
    { "rope_pairs_resolving", l_rope_pairs_resolving },
    { "rope_t_cross", l_rope_t_cross },
    { "rope_t_max", l_rope_t_max },
    { "lcrit_fraction", l_lcrit_fraction },
    { "ntk_theta", l_ntk_theta },
    { "dynamic_ntk_theta", l_dynamic_ntk_theta },
    { "yarn_mscale", l_yarn_mscale },
    { "yarn_correction_range", l_yarn_correction_range },
    { "quant_formats", l_quant_formats },
    { "quant_format", l_quant_format },
    { "weight_bytes", l_weight_bytes },
    { "quant_tier", l_quant_tier },
    { "kv_dtypes", l_kv_dtypes },
    { "kv_dtype", l_kv_dtype },
    { "runtime_overhead", l_runtime_overhead },
    { "vram_fit", l_vram_fit },
    { "vram_budget", l_vram_budget },
    { "offload_layers", l_offload_layers },
    { "prefill_flops", l_prefill_flops },
    { "decode_flops", l_decode_flops },
    { "compute_seconds", l_compute_seconds },
    { "memory_seconds", l_memory_seconds },
    { "roofline_ridge", l_roofline_ridge },
    { "max_concurrent_requests", l_max_concurrent_requests },
    { "usd_per_Mtok", l_usd_per_Mtok },
    { "lora_params", l_lora_params },
    { "activation_bytes", l_activation_bytes },
    { "adapter_memory", l_adapter_memory },
    { "adapter_training_flops", l_adapter_training_flops },
    { NULL, NULL },
};

/* GPU arguments for the cost bindings: a catalog name or a table. The
 * catalogs themselves are Lua data (catalogs/gpus.lua) resolved by the
 * recipe library, which registers its resolver under TAF_GPU_RESOLVER. */
#include "lua/bind.h"

#include <math.h>

static double gpu_field(lua_State *L, int t, const char *key, int required)
{
    int type = lua_getfield(L, t, key);
    double v = lua_tonumber(L, -1);
    lua_pop(L, 1);
    if (type == LUA_TNIL && !required)
        return 0;
    if (type != LUA_TNUMBER || !isfinite(v) || v < 0)
        luaL_error(L, "gpu field '%s' must be a finite number >= 0", key);
    return v;
}

void taf_checkgpu(lua_State *L, int arg, struct taf_gpu *out)
{
    arg = lua_absindex(L, arg);
    if (lua_type(L, arg) == LUA_TSTRING) {
        if (lua_getfield(L, LUA_REGISTRYINDEX, TAF_GPU_RESOLVER) != LUA_TFUNCTION)
            luaL_error(L, "the GPU catalog is not loaded; pass a gpu table instead of '%s'",
                       lua_tostring(L, arg));
        lua_pushvalue(L, arg);
        lua_call(L, 1, 1);
        lua_replace(L, arg);
    }
    luaL_argexpected(L, lua_type(L, arg) == LUA_TTABLE, arg, "gpu name or table");
    lua_getfield(L, arg, "name");
    out->name = lua_isstring(L, -1) ? lua_tostring(L, -1) : "custom";
    lua_pop(L, 1); /* the string stays alive: it is referenced by the table */
    out->flops = gpu_field(L, arg, "flops", 1);
    out->vram_GB = gpu_field(L, arg, "vram_GB", 1);
    out->bw_GB_s = gpu_field(L, arg, "bw_GB_s", 1);
    out->usd_h = gpu_field(L, arg, "usd_h", 1);
    out->tdp = gpu_field(L, arg, "tdp", 0);
}

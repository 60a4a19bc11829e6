/* The `taf` module: stitches the binding slices of each concern together. */
#include "lua/module.h"
#include "lua/bind.h"

static const luaL_Reg *const SLICES[] = {
    taf_formulas_lib, taf_diagnostics_lib, taf_readers_lib, taf_compression_lib, taf_hardware_lib, taf_kernels_lib,
};

int luaopen_taf(lua_State *L)
{
    /* sized once for every function (and json, version): built at every start */
    int n = 2;
    for (size_t i = 0; i < sizeof SLICES / sizeof *SLICES; i++)
        for (const luaL_Reg *r = SLICES[i]; r->name != NULL; r++)
            n++;
    lua_createtable(L, 0, n);
    for (size_t i = 0; i < sizeof SLICES / sizeof *SLICES; i++)
        luaL_setfuncs(L, SLICES[i], 0);
    lua_newtable(L);
    lua_newtable(L); /* json.ordered's metatables by key list, weak keys */
    lua_createtable(L, 0, 1);
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    luaL_setfuncs(L, taf_json_lib, 1);
    lua_setfield(L, -2, "json");
    lua_pushstring(L, TAF_VERSION_STRING);
    lua_setfield(L, -2, "version");
    return 1;
}

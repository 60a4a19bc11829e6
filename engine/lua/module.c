/* The `taf` module: stitches the binding slices of each concern together. */
#include "lua/module.h"
#include "lua/bind.h"

static void add_slice(lua_State *L, const luaL_Reg *slice)
{
    luaL_setfuncs(L, slice, 0);
}

int luaopen_taf(lua_State *L)
{
    lua_newtable(L);
    add_slice(L, taf_formulas_lib);
    add_slice(L, taf_diagnostics_lib);
    add_slice(L, taf_readers_lib);
    add_slice(L, taf_compression_lib);
    add_slice(L, taf_hardware_lib);
    add_slice(L, taf_kernels_lib);
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

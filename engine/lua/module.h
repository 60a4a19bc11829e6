#ifndef TAF_LUA_MODULE_H
#define TAF_LUA_MODULE_H
#include <lua.h>

#ifdef TAF_VERSION
#define TAF_VERSION_STRING TAF_VERSION
#else
#define TAF_VERSION_STRING "0.0.0"
#endif

/* Push a fresh `taf` table holding every formula, reader and kernel binding. */
int luaopen_taf(lua_State *L);

/* Replace string.format by one with a printf-free path for %s, %d and %f
 * (stringlib.c); every other case is Lua's own. */
void taf_install_fast_format(lua_State *L);

/* Run string.find, match, gmatch and gsub under the CPU watchdog (watchdog.h). */
void taf_guard_patterns(lua_State *L);
#endif

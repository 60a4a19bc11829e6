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
#endif

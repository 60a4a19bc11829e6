/* The engine's own Lua (the .lua files of engine/core and engine/cmd), built into the
 * binary as Lua 5.4 bytecode by tools/taf_embed.c. No recipe can reach it by name. */
#ifndef TAF_ENGINE_LUA_H
#define TAF_ENGINE_LUA_H

#include <stddef.h>

struct taf_engine_file {
    const char *module; /* "runner", "cmd.run" */
    const char *chunkname; /* "@engine/core/runner.lua": errors name the source file */
    const char *code; /* the chunk as lua_dump wrote it, debug information kept */
    size_t len;
};

/* Terminated by an entry with module NULL. */
extern const struct taf_engine_file taf_engine_files[];

#endif

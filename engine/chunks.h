/* Precompiled built-in Lua files (generated at build time by tools/taf_luac.c). */
#ifndef TAF_CHUNKS_H
#define TAF_CHUNKS_H

#include <stddef.h>
#include <stdint.h>

struct taf_chunk {
    const char *path;          /* relative to the data directory, e.g. "recipes/x2.lua" */
    uint64_t source_hash;      /* FNV-1a of the source it was compiled from */
    const unsigned char *code; /* Lua bytecode (lua_dump, debug info kept) */
    size_t size;
};

/* Terminated by an entry with path NULL. */
extern const struct taf_chunk taf_chunks[];

/* FNV-1a, 64 bit. */
static inline uint64_t taf_fnv1a(const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

#endif

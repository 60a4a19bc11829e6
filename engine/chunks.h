/* Precompiled built-in Lua files (generated at build time by tools/taf_luac.c). */
#ifndef TAF_CHUNKS_H
#define TAF_CHUNKS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct taf_chunk {
    const char *path;          /* relative to the data directory, e.g. "recipes/x2.lua" */
    uint64_t source_hash;      /* taf_source_hash of the source it was compiled from */
    const unsigned char *code; /* Lua bytecode (lua_dump, debug info kept) */
    size_t size;
};

/* Terminated by an entry with path NULL. */
extern const struct taf_chunk taf_chunks[];

/* A 64-bit hash of a source text, read a word at a time in four independent
 * lanes (a byte-serial FNV-1a cost a tenth of the cold start). It only has to
 * notice an edited file, not resist an adversary: a mismatch loads the text. */
static inline uint64_t taf_mix64(uint64_t h, uint64_t w)
{
    h ^= w * 0x9e3779b97f4a7c15ULL;
    h = (h << 31) | (h >> 33);
    return h * 0xc2b2ae3d27d4eb4fULL;
}

static inline uint64_t taf_source_hash(const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t lane[4] = { 0x243f6a8885a308d3ULL, 0x13198a2e03707344ULL, 0xa4093822299f31d0ULL, 0x082efa98ec4e6c89ULL };
    size_t i = 0;
    for (; i + 32 <= len; i += 32)
        for (int k = 0; k < 4; k++) {
            uint64_t w;
            memcpy(&w, p + i + 8 * k, 8);
            lane[k] = taf_mix64(lane[k], w);
        }
    uint64_t tail = 0;
    for (size_t k = 0; i < len; i++, k++) {
        tail |= (uint64_t)p[i] << (8 * (k & 7));
        if ((k & 7) == 7 || i + 1 == len) {
            lane[k >> 3 & 3] = taf_mix64(lane[k >> 3 & 3], tail);
            tail = 0;
        }
    }
    uint64_t h = (uint64_t)len;
    for (int k = 0; k < 4; k++)
        h = taf_mix64(h, lane[k]);
    return h ^ (h >> 29);
}

#endif

/* The shipped scripts (recipes/, catalogs/) as Lua 5.4 bytecode, compiled at
 * build time by tools/taf_embed.c (issue #18: a cold run parsed them at every
 * start; loading bytecode costs about an eighth). An entry serves a file only
 * when the file's text is byte for byte what was compiled (its length and
 * 64-bit FNV-1a hash): an edited or user-written script is parsed as text, as
 * before. The chunk's source name is the one the loader would give the text
 * (spliced in at `name_at`), so errors read the same either way. */
#ifndef TAF_SCRIPT_CODE_H
#define TAF_SCRIPT_CODE_H

#include <stddef.h>
#include <stdint.h>

struct taf_script_code {
    size_t text_len; /* the source text this was compiled from */
    uint64_t text_hash; /* taf_script_hash of that text */
    const char *code; /* lua_dump's bytes, debug information kept */
    size_t len;
    size_t name_at, name_len; /* where the main function's source name lies in `code`, encoded */
};

/* Terminated by an entry with code NULL. */
extern const struct taf_script_code taf_script_codes[];

static inline uint64_t taf_script_hash(const char *s, size_t len)
{
    uint64_t h = 14695981039346656037ull;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

/* A string as Lua 5.4's dump writes it (ldump.c dumpString: its length + 1 in
 * 7-bit groups, most significant first, the last marked with 0x80, then the
 * bytes): into `out` (size ≥ len + 10); returns the bytes written. */
static inline size_t taf_script_dump_string(const char *s, size_t len, char *out)
{
    unsigned char groups[10];
    size_t x = len + 1, n = 0, k = 0;
    do {
        groups[n++] = x & 0x7f;
        x >>= 7;
    } while (x != 0);
    groups[0] |= 0x80;
    while (n > 0)
        out[k++] = (char)groups[--n];
    for (size_t i = 0; i < len; i++)
        out[k++] = s[i];
    return k;
}

#endif

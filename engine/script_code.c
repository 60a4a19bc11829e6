/* Loading a shipped script from its build-time bytecode (script_code.h). */
#include "script_code.h"
#include "sandbox.h"

#include <lauxlib.h>
#include <string.h>

struct splice {
    const struct taf_script_code *c;
    const char *name;
    size_t name_len;
    int part;
};

/* lua_load's reader: the code up to the source name, the new name, the rest. */
static const char *read_spliced(lua_State *L, void *ud, size_t *size)
{
    (void)L;
    struct splice *s = ud;
    switch (s->part++) {
    case 0:
        *size = s->c->name_at;
        return s->c->code;
    case 1:
        *size = s->name_len;
        return s->name;
    case 2:
        *size = s->c->len - s->c->name_at - s->c->name_len;
        return s->c->code + s->c->name_at + s->c->name_len;
    default:
        *size = 0;
        return NULL;
    }
}

int sandbox_load_shipped(lua_State *L, const char *text, size_t len, const char *chunkname)
{
    uint64_t hash = 0;
    int hashed = 0;
    for (const struct taf_script_code *c = taf_script_codes; c->code != NULL; c++) {
        if (c->text_len != len)
            continue;
        if (!hashed)
            hash = taf_script_hash(text, len), hashed = 1;
        if (c->text_hash != hash)
            continue;
        size_t n = strlen(chunkname); /* stored whole, as the parser stores a text chunk's name */
        char encoded[4096 + 16];
        if (n > 4096)
            return -1;
        struct splice s = { c, encoded, taf_script_dump_string(chunkname, n, encoded), 0 };
        if (lua_load(L, read_spliced, &s, chunkname, "b") == LUA_OK)
            return LUA_OK;
        lua_pop(L, 1); /* a liblua whose dump format differs: parse the text */
        return -1;
    }
    return -1;
}

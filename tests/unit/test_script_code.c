/* The shipped scripts as build-time bytecode (engine/script_code.h,
 * sandbox_load_shipped): every recipe, recipe helper, catalog and preset is
 * served, under the name the loader gives it, as exactly the chunk parsing its
 * text gives (the two dumps are compared byte for byte); an edited file, or
 * any other text, is not served and is parsed as before. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "script_code.h"
#include "sandbox.h"

#include <dirent.h>
#include <lauxlib.h>
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const DIRS[] = { "recipes", "recipes/lib", "recipes/lib/engines", "catalogs", "catalogs/models" };

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    long n = ftell(f);
    assert_true(n >= 0);
    rewind(f);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return buf;
}

struct bytes {
    char *p;
    size_t n;
};

static int collect(lua_State *L, const void *p, size_t size, void *ud)
{
    (void)L;
    struct bytes *b = ud;
    b->p = realloc(b->p, b->n + size);
    assert_non_null(b->p);
    memcpy(b->p + b->n, p, size);
    b->n += size;
    return 0;
}

/* The dump of the function at the top (debug information kept). */
static struct bytes dump_top(lua_State *L)
{
    struct bytes b = { NULL, 0 };
    assert_int_equal(lua_dump(L, collect, &b, 0), 0);
    return b;
}

/* Calls fn(L, path relative to the source tree, its text, length) for every
 * shipped .lua file; returns how many. */
static int each_shipped(lua_State *L, void (*fn)(lua_State *, const char *, const char *, size_t))
{
    int count = 0;
    for (size_t d = 0; d < sizeof DIRS / sizeof *DIRS; d++) {
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/%s", TAF_SOURCE_DIR, DIRS[d]);
        DIR *dh = opendir(dir);
        assert_non_null(dh);
        struct dirent *e;
        while ((e = readdir(dh)) != NULL) {
            size_t k = strlen(e->d_name);
            if (k < 5 || strcmp(e->d_name + k - 4, ".lua") != 0)
                continue;
            char rel[4096], path[8192];
            snprintf(rel, sizeof rel, "%s/%s", DIRS[d], e->d_name);
            snprintf(path, sizeof path, "%s/%s", TAF_SOURCE_DIR, rel);
            size_t len;
            char *text = slurp(path, &len);
            fn(L, rel, text, len);
            free(text);
            count++;
        }
        closedir(dh);
    }
    return count;
}

/* Served under another name, equal to the parsed text under that name. */
static void check_served(lua_State *L, const char *rel, const char *text, size_t len)
{
    char name[4200];
    snprintf(name, sizeof name, "@/some/other/place/%s", rel);
    int top = lua_gettop(L);
    if (sandbox_load_shipped(L, text, len, name) != LUA_OK)
        fail_msg("%s: not served from the build-time bytecode", rel);
    assert_int_equal(lua_gettop(L), top + 1);
    lua_Debug ar;
    lua_pushvalue(L, -1);
    assert_true(lua_getinfo(L, ">S", &ar));
    assert_string_equal(ar.source, name);
    struct bytes served = dump_top(L);
    lua_pop(L, 1);
    assert_int_equal(luaL_loadbufferx(L, text, len, name, "t"), LUA_OK);
    struct bytes parsed = dump_top(L);
    lua_pop(L, 1);
    assert_int_equal(served.n, parsed.n);
    if (memcmp(served.p, parsed.p, served.n) != 0)
        fail_msg("%s: the served chunk differs from the parsed text", rel);
    free(served.p);
    free(parsed.p);
}

static void test_every_shipped_script_is_served_as_its_parsed_text(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    int n = each_shipped(L, check_served);
    int entries = 0;
    for (const struct taf_script_code *c = taf_script_codes; c->code != NULL; c++)
        entries++;
    assert_true(n > 100); /* 23 recipes, their lib, the catalogs, 80 presets */
    assert_int_equal(entries, n);
    lua_close(L);
}

/* One byte changed (same length), or one more byte: parsed, not served. */
static void check_edit_not_served(lua_State *L, const char *rel, const char *text, size_t len)
{
    char *edited = malloc(len + 2);
    assert_non_null(edited);
    memcpy(edited, text, len);
    edited[len / 2] = edited[len / 2] == ' ' ? '\t' : ' ';
    int top = lua_gettop(L);
    if (sandbox_load_shipped(L, edited, len, "@x.lua") != -1)
        fail_msg("%s: an edited copy was served the shipped bytecode", rel);
    memcpy(edited, text, len);
    edited[len] = '\n';
    if (sandbox_load_shipped(L, edited, len + 1, "@x.lua") != -1)
        fail_msg("%s: a longer copy was served the shipped bytecode", rel);
    assert_int_equal(lua_gettop(L), top);
    free(edited);
}

static void test_an_edited_script_is_parsed_not_served(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    each_shipped(L, check_edit_not_served);
    assert_int_equal(sandbox_load_shipped(L, "", 0, "@empty.lua"), -1);
    assert_int_equal(sandbox_load_shipped(L, "return 1", 8, "@one.lua"), -1);
    assert_int_equal(lua_gettop(L), 0);
    lua_close(L);
}

/* The name goes in whole, however long (the dump's length prefix grows). */
static void test_a_long_name_is_spliced_whole(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    char path[4096], name[4100];
    snprintf(path, sizeof path, "%s/recipes/x2.lua", TAF_SOURCE_DIR);
    size_t len;
    char *text = slurp(path, &len);
    int k = snprintf(name, sizeof name, "@");
    while (k < 3000)
        k += snprintf(name + k, sizeof name - (size_t)k, "long/dir/");
    snprintf(name + k, sizeof name - (size_t)k, "x2.lua");
    assert_int_equal(sandbox_load_shipped(L, text, len, name), LUA_OK);
    lua_Debug ar;
    assert_true(lua_getinfo(L, ">S", &ar));
    assert_string_equal(ar.source, name);
    free(text);
    lua_close(L);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_shipped_script_is_served_as_its_parsed_text),
        cmocka_unit_test(test_an_edited_script_is_parsed_not_served),
        cmocka_unit_test(test_a_long_name_is_spliced_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

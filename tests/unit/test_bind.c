/* Shared binding helpers (engine/lua/bind.c) an untrusted script reaches:
 * array arguments read raw (a lying __len sizes nothing, the copy is Lua
 * memory under the cap), and the text of any error object, described
 * without calling a metamethod unprotected. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "lua/bind.h"

#include <lauxlib.h>
#include <lualib.h>
#include <string.h>

static void run_chunk(lua_State *L, const char *code)
{
    if (luaL_dostring(L, code) != LUA_OK)
        fail_msg("%s", lua_tostring(L, -1));
}

/* ── taf_checkarray ── */

/* sum(t) → the number of elements, their sum, and whether the copy is a
 * userdata of the Lua state. */
static int l_sum(lua_State *L)
{
    size_t n;
    const double *a = taf_checkarray(L, 1, &n);
    int lua_owned = lua_type(L, -1) == LUA_TUSERDATA && lua_touserdata(L, -1) == (const void *)a;
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += a[i];
    lua_pushinteger(L, (lua_Integer)n);
    lua_pushnumber(L, s);
    lua_pushboolean(L, lua_owned);
    return 3;
}

static lua_State *open_sum(void)
{
    lua_State *L = luaL_newstate();
    assert_non_null(L);
    luaL_openlibs(L);
    lua_register(L, "sum", l_sum);
    return L;
}

static void test_checkarray_copies_a_sequence_into_lua_memory(void **state)
{
    (void)state;
    lua_State *L = open_sum();
    run_chunk(L, "local n, s, owned = sum({ 1, 2, 3.5 }); assert(n == 3 and s == 6.5 and owned)\n"
                 "n, s = sum({}); assert(n == 0 and s == 0)");
    lua_close(L);
}

/* A lying __len sizes nothing and an __index is never asked: the raw
 * sequence is what counts, so the loop is bounded by the table itself. */
static void test_checkarray_reads_raw(void **state)
{
    (void)state;
    lua_State *L = open_sum();
    run_chunk(L, "local asked = 0\n"
                 "local lie = function() asked = asked + 1; return 1e8 end\n"
                 "local t = setmetatable({ 1, 2 }, { __len = lie, __index = function() asked = asked + 1; return 1 end })\n"
                 "local n, s = sum(t)\n"
                 "assert(n == 2 and s == 3 and asked == 0, n .. ' ' .. s .. ' ' .. asked)\n"
                 "n = sum(setmetatable({}, { __len = lie }))\n"
                 "assert(n == 0 and asked == 0)");
    lua_close(L);
}

static void test_checkarray_names_a_bad_element(void **state)
{
    (void)state;
    lua_State *L = open_sum();
    run_chunk(L, "local ok, e = pcall(sum, { 1, 'x', 3 })\n"
                 "assert(not ok and e:find('element 2 is string, number expected', 1, true), e)\n"
                 "ok, e = pcall(sum, 'nope')\n"
                 "assert(not ok and e:find('table expected, got string', 1, true), e)");
    lua_close(L);
}

/* ── taf_push_error_text ── */

/* text(v [, level]) → taf_push_error_text's text, and whether the stack
 * grew by exactly one value. */
static int l_text(lua_State *L)
{
    int level = (int)luaL_optinteger(L, 2, 0);
    lua_settop(L, 1);
    const char *s = taf_push_error_text(L, 1, level);
    int one = lua_gettop(L) == 2 && lua_type(L, 2) == LUA_TSTRING && strcmp(s, lua_tostring(L, 2)) == 0;
    lua_pushboolean(L, one);
    return 2;
}

static int l_usage(lua_State *L)
{
    taf_push_usage_error(L, luaL_checkstring(L, 1));
    return 1;
}

static void test_error_text_of_every_kind_of_object(void **state)
{
    static const struct {
        const char *value, *text;
    } cases[] = {
        { "'plain message'", "plain message" },
        { "42", "42" },
        { "1.5", "1.5" },
        { "usage('missing --model')", "missing --model" },
        { "nil", "(error object is a nil value)" },
        { "true", "(error object is a boolean value)" },
        { "print", "(error object is a function value)" },
        { "{}", "{}" },
        { "{ code = 42 }", "{code = 42}" },
        { "{ 'a', 'b', [4] = 'd', x = 1.0, [true] = false }", "{\"a\", \"b\", [4] = \"d\", x = 1.0, [true] = false}" },
        { "{ ['not an id'] = 1, ['1x'] = 2, _ok = 3 }", "{[\"1x\"] = 2, _ok = 3, [\"not an id\"] = 1}" },
        { "{ nested = { deep = { 1 } }, f = print, [print] = 1 }", "{f = function, nested = {…}, [function] = 1}" },
        { "{ s = 'tab\\tquote\"back\\\\' }", "{s = \"tab\\9quote\\\"back\\\\\"}" },
        { "{ s = ('x'):rep(100) }", "{s = \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…\"}" },
        { "{ s = ('é'):rep(40) }",
          "{s = \"éééééééééééééééééééééééééééééé…\"}" },
        { "{ 1, 2, 3, 4, 5, 6, 7, 8, 9 }", "{1, 2, 3, 4, 5, 6, 7, 8, …}" },
        { "setmetatable({}, { __tostring = function() return 'mine' end })", "mine" },
        { "setmetatable({}, { __tostring = function() error('bad', 0) end })",
          "(error object is a table value whose __tostring raised: bad)" },
        { "setmetatable({}, { __tostring = function() return nil end })",
          "(error object is a table value whose __tostring raised: '__tostring' must return a string)" },
    };
    (void)state;
    lua_State *L = luaL_newstate();
    assert_non_null(L);
    luaL_openlibs(L);
    lua_register(L, "text", l_text);
    lua_register(L, "usage", l_usage);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char code[512];
        snprintf(code, sizeof code, "return text(%s)", cases[i].value);
        if (luaL_dostring(L, code) != LUA_OK)
            fail_msg("%s: %s", cases[i].value, lua_tostring(L, -1));
        if (strcmp(lua_tostring(L, -2), cases[i].text) != 0)
            fail_msg("%s: \"%s\", expected \"%s\"", cases[i].value, lua_tostring(L, -2), cases[i].text);
        assert_true(lua_toboolean(L, -1));
        lua_settop(L, 0);
    }
    lua_close(L);
}

/* Not one metamethod is called to describe a table, whatever it defines. */
static void test_error_text_calls_no_metamethod_of_a_table(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    lua_register(L, "text", l_text);
    run_chunk(L, "local called = 0\n"
                 "local raise = function() called = called + 1; error('called') end\n"
                 "local mt = { __index = raise, __len = raise, __pairs = raise, __eq = raise, __lt = raise,\n"
                 "             __le = raise, __concat = raise, __call = raise, __name = 'Evil' }\n"
                 "local inner = setmetatable({}, mt)\n"
                 "local e = setmetatable({ 1, x = inner, [inner] = 2 }, mt)\n"
                 "local s, one = text(e)\n"
                 "assert(s == '{1, x = {…}, [{…}] = 2}' and one, s)\n"
                 "assert(called == 0)\n"
                 /* the metatable's own metatable is not asked either */
                 "local s2 = text(setmetatable({ y = 1 }, setmetatable({}, { __index = raise })))\n"
                 "assert(s2 == '{y = 1}' and called == 0, s2)");
    lua_close(L);
}

/* With a level, the first Lua function from there up gives file:line;
 * __tostring's own text never gets one. */
static void test_error_text_names_the_line_that_raised(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    lua_register(L, "text", l_text);
    run_chunk(L, "local function f()\n"
                 "  return text({ code = 1 }, 1)\n"
                 "end\n"
                 "local s = f()\n"
                 "assert(s == '[string \"local function f()...\"]:2: {code = 1}', s)\n"
                 "s = text(setmetatable({}, { __tostring = function() return 'own' end }), 1)\n"
                 "assert(s == 'own', s)\n"
                 "s = text('a string keeps its text', 1)\n"
                 "assert(s == 'a string keeps its text', s)");
    lua_close(L);
}

/* Many fields: the 8 smallest keys are chosen in one pass, the same every
 * run whatever the table's internal order. */
static void test_error_text_of_a_big_table_is_bounded(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    lua_register(L, "text", l_text);
    run_chunk(L, "local t = {}\n"
                 "for i = 100000, 1, -1 do t['k' .. i] = i end\n"
                 "local s = text(t)\n"
                 "assert(s == '{k1 = 1, k10 = 10, k100 = 100, k1000 = 1000, k10000 = 10000, k100000 = 100000, '\n"
                 "         .. 'k10001 = 10001, k10002 = 10002, …}', s)");
    lua_close(L);
}

/* The usage error keeps printing its message, as the host prints it. */
static void test_usage_error_message_unchanged(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    lua_register(L, "usage", l_usage);
    lua_register(L, "text", l_text);
    run_chunk(L, "local u = usage('unknown option --frobnicate')\n"
                 "assert(tostring(u) == 'unknown option --frobnicate')\n"
                 "assert(text(u, 1) == 'unknown option --frobnicate')\n"
                 "assert(u.kind == 'usage' and u.message == 'unknown option --frobnicate')");
    lua_close(L);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_checkarray_copies_a_sequence_into_lua_memory),
        cmocka_unit_test(test_checkarray_reads_raw),
        cmocka_unit_test(test_checkarray_names_a_bad_element),
        cmocka_unit_test(test_error_text_of_every_kind_of_object),
        cmocka_unit_test(test_error_text_calls_no_metamethod_of_a_table),
        cmocka_unit_test(test_error_text_names_the_line_that_raised),
        cmocka_unit_test(test_error_text_of_a_big_table_is_bounded),
        cmocka_unit_test(test_usage_error_message_unchanged),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

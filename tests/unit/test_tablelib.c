/* The C loops a script can start without running a VM instruction
 * (lua/tablelib.c, lua/stringlib.c string.rep): the replacements give Lua's
 * own results and errors on every kind of call, ask a __len once, and charge
 * their work to the instruction budget (the stopping itself is tested
 * through the host in test_host.c and the transcripts). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "lua/bind.h"
#include "lua/module.h"

#include <lauxlib.h>
#include <lualib.h>
#include <string.h>

/* A plain state with Lua's own functions saved as lua_<name> and the
 * guarded ones installed in `table` and `string`. */
static lua_State *open_both(void)
{
    lua_State *L = luaL_newstate();
    assert_non_null(L);
    luaL_openlibs(L);
    static const char *const saved[][2] = {
        { "table", "insert" }, { "table", "remove" }, { "table", "move" },
        { "table", "concat" }, { "table", "sort" },   { "string", "rep" },
    };
    for (size_t i = 0; i < sizeof saved / sizeof *saved; i++) {
        lua_getglobal(L, saved[i][0]);
        const char *name = lua_pushfstring(L, "lua_%s", saved[i][1]);
        lua_getfield(L, -2, saved[i][1]);
        lua_setglobal(L, name);
        lua_pop(L, 2);
    }
    taf_guard_patterns(L); /* string.rep, and taf_guard_tables */
    return L;
}

static void run_chunk(lua_State *L, const char *code)
{
    if (luaL_dostring(L, code) != LUA_OK)
        fail_msg("%s", lua_tostring(L, -1));
}

/* Every case runs twice, on fresh copies of its tables: with Lua's function
 * and with the replacement; the results, the tables after the call and the
 * error messages must be the same. */
static const char *const SAME_AS_LUA =
    "local function dump(v, seen)\n"
    "  if type(v) ~= 'table' then return tostring(v) end\n"
    "  seen = seen or {}\n"
    "  if seen[v] then return '<cycle>' end\n"
    "  seen[v] = true\n"
    "  local keys = {}\n"
    "  for k in next, v do keys[#keys + 1] = k end\n"
    "  lua_sort(keys, function(a, b) return tostring(a) < tostring(b) end)\n"
    "  local out = {}\n"
    "  for _, k in ipairs(keys) do out[#out + 1] = tostring(k) .. '=' .. dump(rawget(v, k), seen) end\n"
    "  return '{' .. lua_concat(out, ',') .. '}'\n"
    "end\n"
    "local function norm(...)\n"
    "  local out = { select('#', ...) }\n"
    "  for i = 1, select('#', ...) do\n"
    "    out[#out + 1] = (dump((select(i, ...))):gsub(\"'lua_(%a+)'\", \"'table.%1'\"):gsub(\"'table%.rep'\", \"'string.rep'\"))\n"
    "  end\n"
    "  return lua_concat(out, ' | ')\n"
    "end\n"
    "local cases = {\n"
    "  { 'insert', function() return { 1, 2, 3 }, 'x' end },\n"
    "  { 'insert', function() return { 1, 2, 3 }, 1, 'x' end },\n"
    "  { 'insert', function() return { 1, 2, 3 }, 4, 'x' end },\n"
    "  { 'insert', function() return { 1, 2, 3 }, 5, 'x' end },\n"
    "  { 'insert', function() return { 1, 2, 3 }, 0, 'x' end },\n"
    "  { 'insert', function() return { 1, 2, 3 }, 1.5, 'x' end },\n"
    "  { 'insert', function() return { 1, 2, 3 }, 1, 'x', 'y' end },\n"
    "  { 'insert', function() return { 1, 2, 3 } end },\n"
    "  { 'insert', function() return nil, 'x' end },\n"
    "  { 'insert', function() return 'abc', 'x' end },\n"
    "  { 'insert', function() return setmetatable({}, { __len = function() return 2 end }), 1, 'x' end },\n"
    "  { 'insert', function() return setmetatable({}, { __len = function() return 'x' end }), 'x' end },\n"
    "  { 'insert', function() return setmetatable({}, { __len = function() return math.maxinteger end }), 'x' end },\n"
    "  { 'remove', function() return { 1, 2, 3 } end },\n"
    "  { 'remove', function() return { 1, 2, 3 }, 1 end },\n"
    "  { 'remove', function() return { 1, 2, 3 }, 4 end },\n"
    "  { 'remove', function() return { 1, 2, 3 }, 5 end },\n"
    "  { 'remove', function() return { 1, 2, 3 }, 0 end },\n"
    "  { 'remove', function() return {}, 0 end },\n"
    "  { 'remove', function() return {} end },\n"
    "  { 'remove', function() return { [0] = 'z' }, 0 end },\n"
    "  { 'remove', function() return { 1, 2 }, -1 end },\n"
    "  { 'remove', function() return 7 end },\n"
    "  { 'move', function() return { 1, 2, 3 }, 1, 3, 2 end },\n"
    "  { 'move', function() return { 1, 2, 3 }, 2, 3, 1 end },\n"
    "  { 'move', function() return { 1, 2, 3 }, 1, 3, 1, {} end },\n"
    "  { 'move', function() return { 1, 2, 3 }, 3, 1, 1 end },\n"
    "  { 'move', function() return { 1, 2, 3 }, math.mininteger, -1, 1 end },\n"
    "  { 'move', function() return { 1, 2, 3 }, 1, 3, math.maxinteger end },\n"
    "  { 'move', function() return { 1, 2, 3 }, 1, 2 end },\n"
    "  { 'move', function() return { 1, 2, 3 }, 1, 3, 1, 'x' end },\n"
    "  { 'concat', function() return { 1, 'b', 3.5 } end },\n"
    "  { 'concat', function() return { 1, 'b', 3.5 }, ', ' end },\n"
    "  { 'concat', function() return { 1, 'b', 3.5 }, '-', 2 end },\n"
    "  { 'concat', function() return { 1, 'b', 3.5 }, '-', 2, 3 end },\n"
    "  { 'concat', function() return { 1, 'b', 3.5 }, '-', 3, 2 end },\n"
    "  { 'concat', function() return { 1, {}, 3 } end },\n"
    "  { 'concat', function() return { 1, 2 }, '', 1, 3 end },\n"
    "  { 'concat', function() return {}, {} end },\n"
    "  { 'concat', function() return setmetatable({}, { __len = function() return 3 end, __index = function(_, i) return i * 2 end }), '+' end },\n"
    "  { 'sort', function() return { 5, 2, 8, 1, 9, 3 } end },\n"
    "  { 'sort', function() return { 5, 2, 8, 1, 9, 3 }, function(a, b) return a > b end end },\n"
    "  { 'sort', function() return { 'b', 'a', 'c' } end },\n"
    "  { 'sort', function() return { 1, 'a' } end },\n"
    "  { 'sort', function() return { 3, 2, 1 }, 'x' end },\n"
    "  { 'sort', function() return { 3, 1, 2, 5, 4 }, function() return true end end },\n"
    "  { 'sort', function() return setmetatable({}, { __len = function() return math.maxinteger end }) end },\n"
    "  { 'rep', function() return 'ab', 3 end },\n"
    "  { 'rep', function() return 'ab', 3, ', ' end },\n"
    "  { 'rep', function() return '', 3, ', ' end },\n"
    "  { 'rep', function() return '', 0 end },\n"
    "  { 'rep', function() return '', -5, '' end },\n"
    "  { 'rep', function() return '', 1.5 end },\n"
    "  { 'rep', function() return '', 'x' end },\n"
    "  { 'rep', function() return '', 3, {} end },\n"
    "  { 'rep', function() return {}, 3 end },\n"
    "  { 'rep', function() return 12, 2, 0 end },\n"
    "  { 'rep', function() return 'x', 2^62 end },\n"
    "  { 'rep', function() return '', '4', '' end },\n"
    "}\n"
    "local big = {}\n"
    "for i = 1, 300 do big[i] = (i * 7919) % 1000 end\n"
    "cases[#cases + 1] = { 'sort', function() return lua_move(big, 1, #big, 1, {}) end }\n"
    "cases[#cases + 1] = { 'sort', function() return lua_move(big, 1, #big, 1, {}), function(a, b) return a % 10 < b % 10 end end }\n"
    "for i, c in ipairs(cases) do\n"
    "  local name = c[1]\n"
    "  local lib = name == 'rep' and string or table\n"
    "  local a = table.pack(c[2]())\n"
    "  local want = norm(pcall(_G['lua_' .. name], table.unpack(a, 1, a.n))) .. ' after ' .. dump(a[1])\n"
    "  local b = table.pack(c[2]())\n"
    "  local got = norm(pcall(lib[name], table.unpack(b, 1, b.n))) .. ' after ' .. dump(b[1])\n"
    "  if want ~= got then error(string.format('case %d (%s): Lua %s, guarded %s', i, name, want, got)) end\n"
    "end\n";

static void test_same_results_and_errors_as_lua(void **state)
{
    (void)state;
    lua_State *L = open_both();
    run_chunk(L, SAME_AS_LUA);
    lua_close(L);
}

/* string.rep of nothing returns at once, whatever the count. */
static void test_rep_of_nothing_is_immediate(void **state)
{
    (void)state;
    lua_State *L = open_both();
    run_chunk(L, "assert(string.rep('', 2^62) == '' and string.rep('', math.maxinteger, '') == ''\n"
                 "       and (''):rep(2^62, nil) == '')");
    lua_close(L);
}

/* Each length is asked once: a __len that answers differently the second
 * time cannot make a loop longer than what was charged. */
static void test_each_length_is_asked_once(void **state)
{
    (void)state;
    lua_State *L = open_both();
    run_chunk(L, "for _, f in ipairs({ 'insert', 'remove', 'concat', 'sort' }) do\n"
                 "  local asked = 0\n"
                 "  local t = setmetatable({ 'a', 'b', 'c' }, { __len = function() asked = asked + 1; return 3 end })\n"
                 "  if f == 'insert' then table.insert(t, 1, 'z') elseif f == 'remove' then table.remove(t, 1)\n"
                 "  else table[f](t) end\n"
                 "  assert(asked == 1, f .. ' asked __len ' .. asked .. ' times')\n"
                 "end");
    lua_close(L);
}

/* The charge to the budget comes before the loop: with a host's budget of a
 * million steps, a billion-element move of an empty table raises at once
 * (see test_host.c for the host side); without a host nothing is charged
 * and a short move runs as Lua's. */
static void test_without_a_host_nothing_is_charged(void **state)
{
    (void)state;
    lua_State *L = open_both();
    run_chunk(L, "local t = table.move({ 1, 2, 3 }, 1, 3, 1, {}); assert(#t == 3)\n"
                 "local ok = pcall(table.move, {}, 1, 1000, 2); assert(ok)");
    lua_close(L);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_results_and_errors_as_lua),
        cmocka_unit_test(test_rep_of_nothing_is_immediate),
        cmocka_unit_test(test_each_length_is_asked_once),
        cmocka_unit_test(test_without_a_host_nothing_is_charged),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* engine/numfmt.c and the string.format fast path (engine/lua/stringlib.c).
 * The reference is the C library's own printf and Lua's own string.format:
 * every accepted value must print the same bytes; a declined value falls back. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <math.h>
#include <limits.h>
#include <cmocka.h>

#include <lauxlib.h>
#include <lualib.h>

#include "numfmt.h"
#include "lua/module.h"

#include "xorshift.h"

static int same_as_printf(double x, int prec, int *declined)
{
    char want[512], got[48];
    snprintf(want, sizeof want, "%.*f", prec, x);
    int n = taf_fmt_fixed(got, x, prec);
    if (n < 0) {
        (*declined)++;
        return 1;
    }
    got[n] = '\0';
    if (strcmp(want, got) != 0) {
        print_error("x=%.17g prec=%d: printf '%s', fast '%s'\n", x, prec, want, got);
        return 0;
    }
    return 1;
}

/* Random magnitudes from 1e-12 to 1e14 and both signs, every precision:
 * identical to printf, and printf is rarely needed. */
static void test_fixed_matches_printf(void **state)
{
    (void)state;
    int declined = 0, total = 0, inside_declined = 0;
    for (int i = 0; i < 400000; i++) {
        uint64_t u = next_u64();
        double mant = (double)(u >> 11) / 9007199254740992.0; /* [0, 1) */
        int e = (int)(next_u64() % 27) - 12;
        double x = mant * pow(10.0, e) * ((u & 1) ? -1 : 1);
        int prec = (int)(next_u64() % 16);
        int before = declined;
        assert_true(same_as_printf(x, prec, &declined));
        if (fabs(x) * pow(10.0, prec) < 1e13) { /* inside 2^50: declines only within an ulp of a tie */
            total++;
            inside_declined += declined - before;
        }
    }
    assert_true(total > 100000);
    assert_true(inside_declined < total / 1000); /* measured: 43 of 275 397 */
}

/* Values whose decimal expansion sits on or next to a rounding tie: short
 * decimals (x.xx5) and exact binary halves, where the double product is most
 * likely to mislead. */
static void test_fixed_near_ties(void **state)
{
    (void)state;
    int declined = 0;
    for (int k = 0; k < 200000; k++) {
        for (int prec = 0; prec <= 4; prec++) {
            double x = (k + 0.5) / pow(10.0, prec);
            assert_true(same_as_printf(x, prec, &declined));
            assert_true(same_as_printf(nextafter(x, 0), prec, &declined));
            assert_true(same_as_printf(nextafter(x, INFINITY), prec, &declined));
            assert_true(same_as_printf(-x, prec, &declined));
        }
    }
    assert_true(same_as_printf(0.125, 2, &declined));  /* exact tie: printf gives 0.12 */
    assert_true(same_as_printf(2.5, 0, &declined));
    assert_true(same_as_printf(1.005, 2, &declined));  /* just below the tie: 1.00 */
}

static void test_fixed_edges(void **state)
{
    (void)state;
    char b[48];
    int n = taf_fmt_fixed(b, -0.0, 2);
    assert_int_equal(n, 5);
    assert_memory_equal(b, "-0.00", 5);            /* printf keeps the sign of zero */
    n = taf_fmt_fixed(b, -0.0004, 3);
    assert_memory_equal(b, "-0.000", (size_t)n);
    n = taf_fmt_fixed(b, 8192.0, 0);
    assert_memory_equal(b, "8192", (size_t)n);
    assert_int_equal(taf_fmt_fixed(b, NAN, 2), -1);
    assert_int_equal(taf_fmt_fixed(b, INFINITY, 2), -1);
    assert_int_equal(taf_fmt_fixed(b, 1.0, 16), -1);
    assert_int_equal(taf_fmt_fixed(b, 1e300, 2), -1);
    assert_int_equal(taf_fmt_fixed(b, 2e13, 2), -1);  /* 2e15 ≥ 2^50: printf's job */
    n = taf_fmt_int(b, LLONG_MIN);
    assert_memory_equal(b, "-9223372036854775808", (size_t)n);
    n = taf_fmt_int(b, 0);
    assert_memory_equal(b, "0", (size_t)n);
}

/* string.format with the fast path against Lua's own, on formats the
 * recipes use and on every kind of fallback, errors included; the guarded
 * pattern functions against Lua's own, results and errors. */
static void test_string_lib_same_as_lua(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    static const char *const saved[] = { "format", "find", "match", "gsub", "gmatch" };
    lua_getglobal(L, "string");
    for (int i = 0; i < 5; i++) {
        const char *name = lua_pushfstring(L, "lua_%s", saved[i]);
        lua_getfield(L, -2, saved[i]);
        lua_setglobal(L, name);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    taf_install_fast_format(L);
    taf_guard_patterns(L); /* the watchdog is not started: only the wrapping is tested */
    static const char *const check =
        "local cases = {\n"
        "  {'%.2f GB per request', 15.999999}, {'%.0f', 8192}, {'%.3f (δ %+.2f, %+.2f)', 0.5, -0.05, 0.125},\n"
        "  {'%d tokens, %s', 32768, 'ok'}, {'%5.1f|%-7.2f|% .1f', 3.14159, -2.5, 7}, {'100%% %s', 'x'},\n"
        "  {'%f', 1/3}, {'%.15f', 0.1}, {'%.1f', 1e300}, {'%.2f', 0/0}, {'%.2f', 1/0}, {'%.2f', -1/0},\n"
        "  {'%d', 3.0}, {'%s', 12}, {'%s', 1.5}, {'%s', true}, {'%05.1f', 2.25}, {'%#.0f', 3},\n"
        "  {'%g %e %x %q', 0.1, 1e5, 255, 'a\\n'}, {'%-+ 8.3f|', 1}, {'%10s', 'r'}, {'%.2f', '3.5'},\n"
        "  {'%s', 'a\\0b'}, {'no conversions'}, {'%i', 7}, {'%.f', 2.7}, {'%c%c', 72, 105},\n"
        "  {'%d', 3.5}, {'%d'}, {'%y', 1}, {'%', 1}, {'%.2f', {}}, {'%s %d', 'a', 'b'}, {'%123f', 1},\n"
        "  {'%.2f', 1.005}, {'%.2f', 2^52}, {'%.0f', 0.5}, {'%.0f', -0.5}, {'%.1f', -0.04},\n"
        "}\n"
        "local function norm(ok, v) return tostring(ok) .. ':' .. tostring(v):gsub(\"'lua_(%a+)'\", \"'string.%1'\") end\n"
        "for i, c in ipairs(cases) do\n"
        "  local want = norm(pcall(lua_format, table.unpack(c)))\n"
        "  local got = norm(pcall(string.format, table.unpack(c)))\n"
        "  if want ~= got then error(string.format('case %d (%s): Lua %s, fast %s', i, c[1], want, got)) end\n"
        "end\n"
        "local pats = {\n"
        "  {'find', 'hello world', 'o w'}, {'find', 'a.b', '.', 1, true}, {'match', 'k=v', '(%w+)=(%w+)'},\n"
        "  {'gsub', 'abc', 'b', '[%0]'}, {'gsub', 'abc', '%w', {a = 1}}, {'gsub', 'abc', '.', string.upper, 2},\n"
        "  {'find', 'x', '[a'}, {'find', 'x', '%'}, {'gsub', 'x', 'x', '%2'}, {'match', 'x', '(()'},\n"
        "  {'find', {}, 'x'}, {'gsub', 'x', 'x', true}, {'match', 'x'}, {'find', 'abc', 'b', 10},\n"
        "}\n"
        "for i, c in ipairs(pats) do\n"
        "  local f, a = c[1], table.move(c, 2, #c, 1, {})\n"
        "  local want = norm(pcall(_G['lua_' .. f], table.unpack(a)))\n"
        "  local got = norm(pcall(string[f], table.unpack(a)))\n"
        "  if want ~= got then error(string.format('pattern case %d (%s): Lua %s, guarded %s', i, f, want, got)) end\n"
        "end\n"
        "local words = {}\n"
        "for k, v in ('a=1, b=2'):gmatch('(%w+)=(%w+)') do words[#words + 1] = k .. v end\n"
        "assert(table.concat(words, ' ') == 'a1 b2', 'gmatch through the guard')\n"
        "return #cases\n";
    if (luaL_dostring(L, check) != LUA_OK)
        fail_msg("%s", lua_tostring(L, -1));
    assert_int_equal(lua_tointeger(L, -1), 39);
    lua_close(L);
}

/* Thousands grouping (taf.commas, the renderer): sign and fraction kept,
 * every length of integer part, and a buffer too small is cut, terminated. */
static void test_group_digits(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        { "0", "0" }, { "7", "7" }, { "999", "999" }, { "1000", "1,000" }, { "65536", "65,536" },
        { "500000", "500,000" }, { "34359738368", "34,359,738,368" }, { "-1234", "-1,234" },
        { "-0", "-0" }, { "1234.50", "1,234.50" }, { "-1234567.125", "-1,234,567.125" },
        { "0.75", "0.75" }, { "9223372036854775807", "9,223,372,036,854,775,807" },
    };
    char buf[64];
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        taf_group_digits(cases[i][0], buf, sizeof buf);
        assert_string_equal(buf, cases[i][1]);
    }
    char small[6];
    taf_group_digits("1234567", small, sizeof small);
    assert_int_equal(strlen(small), 4); /* "1,23": cut to fit, never overrun */
    assert_string_equal(small, "1,23");
}

int main(void)
{
    rng_seed(0x9E3779B97F4A7C15u);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixed_matches_printf),
        cmocka_unit_test(test_fixed_near_ties),
        cmocka_unit_test(test_fixed_edges),
        cmocka_unit_test(test_string_lib_same_as_lua),
        cmocka_unit_test(test_group_digits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Text and markdown rendering from JSON text (engine/render.c,
 * taf_render_json_text): a Lua result encoded by the one Lua → JSON
 * converter (lua/json_lua.c) and parsed back renders byte for byte as the
 * earlier direct Lua → jansson conversion rendered it: key order, integers
 * against reals, NaN and infinities as n/a, invalid UTF-8 as U+FFFD, empty
 * arrays marked. Numbers are written as people read them (issue #15): whole
 * numbers and anything from 1,000 up grouped by thousands, exact for
 * integers; below 1e-4 or from 1e15 up %.4g; a list, or a value wider than
 * its 40-column cell, reads "see Figures" and is shown whole below the table. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <lauxlib.h>
#include <lualib.h>

#include "lua/json_lua.h"
#include "render.h"

/* taf_json_encode_lua's text as a malloc'd copy (the box it pushes closed
 * again), or NULL with the message in err. */
static char *encode_copy(lua_State *L, int idx, int indent, char *err, size_t errsize)
{
    int top = lua_gettop(L);
    const char *text;
    size_t len;
    char *copy = NULL;
    if (taf_json_encode_lua(L, idx, indent, 0, &text, &len, err, errsize) == TAF_JSON_OK) {
        copy = malloc(len + 1);
        memcpy(copy, text, len + 1);
    }
    lua_settop(L, top);
    return copy;
}

static const char RESULT_LUA[] =
    "local function ordered(t, keys) return setmetatable(t, { __jsonorder = keys }) end\n"
    "local STEP = { \"step\", \"section\", \"name\", \"formula\", \"result\", \"receipt\", \"interpretation\" }\n"
    "local function step(n, name, result) return ordered({ step = n, section = \"§\" .. n, name = name, formula = \"f|\" .. n, result = result, receipt = \"lean\", interpretation = \"is \" .. name }, STEP) end\n"
    "return ordered({\n"
    "  recipe_id = \"X-0\", recipe_name = \"Render · test\", question = \"pipes | and\\nnewlines?\", model = \"mod\\255el\",\n"
    "  verdict = \"OK\", reason = \"r\", mitigation = \"none\",\n"
    "  chain = {\n"
    "    step(1, \"integer\", 3), step(2, \"whole real\", 3.0), step(3, \"nan\", 0 / 0), step(4, \"minus zero\", -0.0),\n"
    "    step(5, \"huge\", 1e300), step(6, \"denormal\", 5e-324), step(7, \"min int\", math.mininteger),\n"
    "    step(8, \"empty array\", setmetatable({}, { __jsonarray = true })), step(9, \"empty object\", {}),\n"
    "    step(10, \"ordered\", ordered({ b = 1, a = 2.5, c = \"x\", z = true }, { \"c\", \"b\", \"a\" })),\n"
    "    step(11, \"sorted\", { b = 1, a = 0.1, c = \"\\0\" }), step(12, \"absent key\", ordered({ y = 2 }, { \"x\", \"y\" })),\n"
    "    step(13, \"array\", { 1, 2.5, \"three\" }), step(14, \"inf\", 1 / 0), step(15, \"utf8\", \"γ ≥ 0.65 · \\u{1F600}\"),\n"
    "    step(16, \"long\", string.rep(\"é\", 60)), step(17, \"small\", 1.5e-7),\n"
    "  },\n"
    "  confidence = ordered({ pct = 90, band = \"high\", factors = { ordered({ key = \"k1\", status = \"ok\" }, { \"key\", \"status\" }), { key = \"k2\", status = \"warn\" } } }, { \"pct\", \"band\", \"factors\" }),\n"
    "  notes = { \"note one\", \"note\\ttwo\" },\n"
    "}, { \"recipe_id\", \"recipe_name\", \"question\", \"model\", \"verdict\", \"chain\", \"reason\", \"mitigation\", \"confidence\", \"notes\" })\n";

static const char WANT_TEXT[] =
    "X-0 · Render · test\n"
    "pipes | and\n"
    "newlines?\n"
    "model: mod�el\n"
    "\n"
    "VERDICT: OK\n"
    "\n"
    "  #  section  step          result                      receipt      interpretation\n"
    "  1  §1       integer       3                           lean         is integer\n"
    "  2  §2       whole real    3                           lean         is whole real\n"
    "  3  §3       nan           n/a                         lean         is nan\n"
    "  4  §4       minus zero    0                           lean         is minus zero\n"
    "  5  §5       huge          1e+300                      lean         is huge\n"
    "  6  §6       denormal      4.941e-324                  lean         is denormal\n"
    "  7  §7       min int       -9,223,372,036,854,775,808  lean         is min int\n"
    "  8  §8       empty array   [0 items]                   lean         is empty array\n"
    "  9  §9       empty object                              lean         is empty object\n"
    " 10  §10      ordered       c=x, b=1, a=2.5, z=true     lean         is ordered\n"
    " 11  §11      sorted        a=0.1, b=1, c=              lean         is sorted\n"
    " 12  §12      absent key    x=n/a, y=2                  lean         is absent key\n"
    " 13  §13      array         see Figures                 lean         is array\n"
    " 14  §14      inf           n/a                         lean         is inf\n"
    " 15  §15      utf8          γ ≥ 0.65 · 😀                lean         is utf8\n"
    " 16  §16      long          see Figures                 lean         is long\n"
    " 17  §17      small         1.5e-07                     lean         is small\n"
    "\n"
    "Figures\n"
    " 13  array\n"
    "      [1] 1\n"
    "      [2] 2.5\n"
    "      [3] three\n"
    " 16  long\n"
    "      éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé\n"
    "\n"
    "Reason       r\n"
    "Mitigation   none\n"
    "Confidence   90% (high): k1 ok, k2 warn\n"
    "Notes\n"
    "  - note one\n"
    "  - note\ttwo\n";

static const char WANT_MARKDOWN[] =
    "## X-0 — Render · test\n"
    "\n"
    "> pipes | and\n"
    "newlines?\n"
    "\n"
    "Model: `mod�el`\n"
    "\n"
    "**Verdict: OK**\n"
    "\n"
    "| # | section | step | formula | result | receipt | interpretation |\n"
    "|---|---|---|---|---|---|---|\n"
    "| 1 | §1 | integer | `f\\|1` | 3 | lean | is integer |\n"
    "| 2 | §2 | whole real | `f\\|2` | 3 | lean | is whole real |\n"
    "| 3 | §3 | nan | `f\\|3` | n/a | lean | is nan |\n"
    "| 4 | §4 | minus zero | `f\\|4` | 0 | lean | is minus zero |\n"
    "| 5 | §5 | huge | `f\\|5` | 1e+300 | lean | is huge |\n"
    "| 6 | §6 | denormal | `f\\|6` | 4.941e-324 | lean | is denormal |\n"
    "| 7 | §7 | min int | `f\\|7` | -9,223,372,036,854,775,808 | lean | is min int |\n"
    "| 8 | §8 | empty array | `f\\|8` | [0 items] | lean | is empty array |\n"
    "| 9 | §9 | empty object | `f\\|9` |  | lean | is empty object |\n"
    "| 10 | §10 | ordered | `f\\|10` | c=x, b=1, a=2.5, z=true | lean | is ordered |\n"
    "| 11 | §11 | sorted | `f\\|11` | a=0.1, b=1, c= | lean | is sorted |\n"
    "| 12 | §12 | absent key | `f\\|12` | x=n/a, y=2 | lean | is absent key |\n"
    "| 13 | §13 | array | `f\\|13` | [3 items] | lean | is array |\n"
    "| 14 | §14 | inf | `f\\|14` | n/a | lean | is inf |\n"
    "| 15 | §15 | utf8 | `f\\|15` | γ ≥ 0.65 · 😀 | lean | is utf8 |\n"
    "| 16 | §16 | long | `f\\|16` | éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé | lean | is long |\n"
    "| 17 | §17 | small | `f\\|17` | 1.5e-07 | lean | is small |\n"
    "\n"
    "**Reason:** r\n"
    "\n"
    "**Mitigation:** none\n"
    "\n"
    "**Confidence:** 90% (high): k1 ok, k2 warn\n"
    "\n"
    "**Notes**\n"
    "\n"
    "- note one\n"
    "- note\ttwo\n";

/* The JSON text of RESULT_LUA (malloc'd) at `indent`. */
static char *encoded_result(int indent)
{
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    assert_int_equal(luaL_loadstring(L, RESULT_LUA), LUA_OK);
    assert_int_equal(lua_pcall(L, 0, 1, 0), LUA_OK);
    char err[256];
    char *s = encode_copy(L, -1, indent, err, sizeof err);
    assert_non_null(s);
    lua_close(L);
    return s;
}

/* What taf_render_json_text writes for `len` bytes of `json`; *rc its result. */
static char *rendered(const char *json, size_t len, enum taf_format format, int color, int *rc)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *mem = open_memstream(&buf, &size);
    assert_non_null(mem);
    *rc = taf_render_json_text(mem, json, len, format, color);
    fclose(mem);
    return buf;
}

static void test_text_and_markdown_as_the_direct_conversion_rendered_them(void **state)
{
    (void)state;
    for (int indent = 0; indent <= 4; indent += 2) {
        char *json = encoded_result(indent);
        int rc;
        char *text = rendered(json, strlen(json), TAF_FORMAT_TEXT, 0, &rc);
        assert_int_equal(rc, 0);
        assert_string_equal(text, WANT_TEXT);
        char *md = rendered(json, strlen(json), TAF_FORMAT_MARKDOWN, 0, &rc);
        assert_int_equal(rc, 0);
        assert_string_equal(md, WANT_MARKDOWN);
        free(text);
        free(md);
        free(json);
    }
}

/* JSON output re-serialises the parsed text: the encoder's own bytes at indent 2. */
static void test_json_format_is_the_encoders_text(void **state)
{
    (void)state;
    char *json = encoded_result(0), *want = encoded_result(2);
    int rc;
    char *out = rendered(json, strlen(json), TAF_FORMAT_JSON, 0, &rc);
    assert_int_equal(rc, 0);
    assert_int_equal(strlen(out), strlen(want) + 1);
    assert_memory_equal(out, want, strlen(want));
    assert_int_equal(out[strlen(want)], '\n');
    free(out);
    free(want);
    free(json);
}

/* One very long section or step name widens its columns to 48 code points
 * at most and overflows its own row only: 1000 steps under a 100 KB name
 * stay about 100 KB of text, not 1000 × 100 KB. */
static void test_a_long_name_does_not_pad_every_row(void **state)
{
    (void)state;
    size_t long_len = 100000;
    size_t cap = long_len + 1000 * 64 + 4096;
    char *json = malloc(cap);
    assert_non_null(json);
    size_t n = (size_t)snprintf(json, cap, "{\"recipe_id\":\"R\",\"chain\":[{\"step\":1,\"section\":\"");
    memset(json + n, 'S', long_len);
    n += long_len;
    n += (size_t)snprintf(json + n, cap - n, "\",\"name\":\"first\",\"result\":1}");
    for (int i = 2; i <= 1000; i++)
        n += (size_t)snprintf(json + n, cap - n, ",{\"step\":%d,\"section\":\"§1\",\"name\":\"n\",\"result\":%d}", i, i);
    n += (size_t)snprintf(json + n, cap - n, "]}");
    int rc;
    char *text = rendered(json, n, TAF_FORMAT_TEXT, 0, &rc);
    assert_int_equal(rc, 0);
    assert_true(strlen(text) < long_len + 1000 * 200);
    /* a short row: its section padded to the 48-point column plus two */
    char want[128];
    snprintf(want, sizeof want, "\n  2  §1%48sn      ", "");
    assert_non_null(strstr(text, want));
    free(text);
    free(json);
}

/* Any value at the top, and \u0000 inside a string, read as the encoder writes them. */
static void test_scalars_and_nul_bytes_parse(void **state)
{
    (void)state;
    static const char *const OK[] = { "3", "\"x\"", "null", "[]", "{\"recipe_id\":\"a\\u0000b\"}" };
    for (size_t i = 0; i < sizeof OK / sizeof *OK; i++) {
        int rc;
        free(rendered(OK[i], strlen(OK[i]), TAF_FORMAT_TEXT, 0, &rc));
        assert_int_equal(rc, 0);
    }
}

/* Text that does not parse, or none: -1 (the message goes to stderr). */
static void test_bad_text_is_refused(void **state)
{
    (void)state;
    static const char *const BAD[] = { "", "{", "{\"a\":1,}", "nan", "[1] [2]" };
    for (size_t i = 0; i < sizeof BAD / sizeof *BAD; i++) {
        int rc;
        free(rendered(BAD[i], strlen(BAD[i]), TAF_FORMAT_TEXT, 0, &rc));
        assert_int_equal(rc, -1);
    }
    int rc;
    char *out = rendered(NULL, 0, TAF_FORMAT_MARKDOWN, 0, &rc);
    assert_int_equal(rc, -1);
    assert_string_equal(out, "");
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_and_markdown_as_the_direct_conversion_rendered_them),
        cmocka_unit_test(test_json_format_is_the_encoders_text),
        cmocka_unit_test(test_scalars_and_nul_bytes_parse),
        cmocka_unit_test(test_bad_text_is_refused),
        cmocka_unit_test(test_a_long_name_does_not_pad_every_row),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* The Lua ↔ JSON converter (engine/lua/json_lua.c, lua/json_bind.c) on
 * hostile values: tables read raw (no metamethod runs while encoding), a
 * __jsonorder list with repeats or of any length, a text bounded by the
 * memory cap, the keys it visits charged to the budget, and nothing leaked
 * when an error unwinds through taf.json.encode or decode. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "host_fixture.h"
#include "json_write.h"
#include "lua/bind.h"
#include "lua/json_lua.h"

#include <jansson.h>
#include <lualib.h>
#include <malloc.h>

static void run_chunk(lua_State *L, const char *code)
{
    if (luaL_dostring(L, code) != LUA_OK)
        fail_msg("%s", lua_tostring(L, -1));
}

/* encode(v [, max_bytes]) → text, or nil, status, message; and the stack
 * the encoder left: one box, closed here. */
static int l_encode(lua_State *L)
{
    size_t max = (size_t)luaL_optinteger(L, 2, 0);
    lua_settop(L, 1);
    const char *text;
    size_t len;
    char err[256];
    int status = taf_json_encode_lua(L, 1, 0, max, &text, &len, err, sizeof err);
    assert_int_equal(lua_gettop(L), 2); /* the box */
    if (status != TAF_JSON_OK) {
        lua_settop(L, 1);
        lua_pushnil(L);
        lua_pushinteger(L, status);
        lua_pushstring(L, err);
        return 3;
    }
    assert_int_equal(strlen(text), len);
    lua_pushlstring(L, text, len);
    lua_closeslot(L, 2);
    return 1;
}

static lua_State *open_plain(void)
{
    lua_State *L = luaL_newstate();
    assert_non_null(L);
    luaL_openlibs(L);
    lua_register(L, "encode", l_encode);
    lua_pushinteger(L, TAF_JSON_TOO_LARGE);
    lua_setglobal(L, "TOO_LARGE");
    lua_pushinteger(L, TAF_JSON_INVALID);
    lua_setglobal(L, "INVALID");
    return L;
}

/* No metamethod of a table, of its metatable or of its __jsonorder list is
 * called: the encoder runs no script code. */
static void test_encode_reads_tables_raw(void **state)
{
    (void)state;
    lua_State *L = open_plain();
    run_chunk(L, "local called = 0\n"
                 "local raise = function() called = called + 1; error('called') end\n"
                 "local order = setmetatable({ 'b', 'a' }, { __index = raise, __len = raise })\n"
                 "local t = setmetatable({ a = 1, c = 3 }, { __jsonorder = order, __index = raise, __pairs = raise,\n"
                 "                                           __len = raise, __tostring = raise })\n"
                 "local s = encode({ t = t, u = setmetatable({ z = 1 }, setmetatable({}, { __index = raise })),\n"
                 "                   a = setmetatable({ 1, 2 }, { __index = raise, __len = raise }) })\n"
                 "assert(s == '{\"a\":[1,2],\"t\":{\"b\":null,\"a\":1,\"c\":3},\"u\":{\"z\":1}}', s)\n"
                 "assert(called == 0)");
    lua_close(L);
}

/* A key listed twice is written once, and the unlisted keys still follow;
 * a long list (hashed) gives the same text as a short one (searched). */
static void test_encode_order_lists_repeats_and_length(void **state)
{
    (void)state;
    lua_State *L = open_plain();
    run_chunk(L, "local t = setmetatable({ a = 1, b = 2, c = 3 }, { __jsonorder = { 'b', 'b', 7, 'a', 'b' } })\n"
                 "local s = encode(t)\n"
                 "assert(s == '{\"b\":2,\"a\":1,\"c\":3}', s)\n"
                 "local long, want = {}, {}\n"
                 "for i = 1, 100 do long[#long + 1] = 'k' .. (i % 50); long[#long + 1] = i end\n"
                 "local u = { extra = true }\n"
                 "for i = 0, 49 do u['k' .. i] = i end\n"
                 "s = encode(setmetatable(u, { __jsonorder = long }))\n"
                 "for i = 1, 50 do want[#want + 1] = ('\"k%d\":%d'):format(i % 50, i % 50) end\n"
                 "want = '{' .. table.concat(want, ',') .. ',\"extra\":true}'\n"
                 "assert(s == want, s)");
    lua_close(L);
}

/* Keys the order does not list follow it sorted by their bytes, however many
 * (more than fit the encoder's stack block: 100 here); a long key (not
 * interned) repeated in a short order list is written once. */
static void test_encode_unlisted_keys_sorted_and_long_repeats(void **state)
{
    (void)state;
    lua_State *L = open_plain();
    run_chunk(L, "local t, names = {}, {}\n"
                 "for i = 1, 100 do local k = ('key%03d'):format(101 - i); t[k] = i; names[#names + 1] = k end\n"
                 "table.sort(names)\n"
                 "local want = {}\n"
                 "for _, k in ipairs(names) do want[#want + 1] = ('\"%s\":%d'):format(k, t[k]) end\n"
                 "local s = encode(t)\n"
                 "assert(s == '{' .. table.concat(want, ',') .. '}', s)\n"
                 "local long = ('L'):rep(60)\n"
                 "local order = { long, 'b', long .. '', ('L'):rep(30) .. ('L'):rep(30) }\n"
                 "local u = setmetatable({ [long] = 1, b = 2, z = 3, a = 4 }, { __jsonorder = order })\n"
                 "s = encode(u)\n"
                 "assert(s == '{\"' .. long .. '\":1,\"b\":2,\"a\":4,\"z\":3}', s)");
    lua_close(L);
}

/* The text stops at max_bytes: one string shared 10^5 times, a table shared
 * 2^60 times; the status says which failure it was. */
static void test_encode_text_is_bounded(void **state)
{
    (void)state;
    lua_State *L = open_plain();
    run_chunk(L, "local s, many = ('x'):rep(1 << 20), {}\n"
                 "for i = 1, 100000 do many[i] = s end\n"
                 "local text, status, err = encode(many, 4 << 20)\n"
                 "assert(text == nil and status == TOO_LARGE, status)\n"
                 "assert(err == 'the result is larger than the memory cap (4 MiB; raise it with --max-mem)', err)\n"
                 "local a = {}\n"
                 "for i = 1, 60 do a = { a, a } end\n"
                 "text, status = encode(a, 1 << 20)\n"
                 "assert(text == nil and status == TOO_LARGE)\n"
                 "assert(encode({ 1, 2 }, 5) == '[1,2]')\n"
                 "assert(encode({ 1, 2 }, 4) == nil)\n"
                 "text, status, err = encode({ f = print })\n"
                 "assert(status == INVALID and err == 'cannot encode a function value as JSON', err)\n"
                 "local cycle = {}; cycle[1] = cycle\n"
                 "text, status, err = encode(cycle)\n"
                 "assert(status == INVALID and err:find('deeper than 100 levels'), err)");
    lua_close(L);
}

/* The keys it walks are charged: a shared table whose keys JSON skips
 * (table keys) writes almost nothing yet stops at the budget. */
static void test_encode_walk_is_charged_to_the_budget(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    fx_open(h);
    assert_int_equal(fx_push_host(h, NULL), TAF_EXIT_OK);
    h->limits.max_steps = 1000000;
    host_start_limits(h);
    int rc = fx_run(h,
                    "local t, list = {}, {}\n"
                    "for i = 1, 10000 do t[{}] = true end\n"
                    "for i = 1, 10000 do list[i] = t end\n"
                    "pcall(taf.json.encode, list)",
                    &out);
    assert_int_equal(rc, TAF_EXIT_RUNTIME);
    assert_true(h->steps_exhausted);
    fx_close(h);
}

/* ── nothing leaked when an error unwinds through encode or decode ── */

static long live_jansson;

static void *counting_malloc(size_t n)
{
    live_jansson++;
    return malloc(n);
}

static void counting_free(void *p)
{
    if (p != NULL)
        live_jansson--;
    free(p);
}

/* Decoding under a memory cap fails while the tree becomes Lua values; the
 * tree is freed each time (the jansson blocks alive return to zero), also
 * when the failure is a Lua error raised past taf.json.decode. */
static void test_decode_frees_the_tree_on_error(void **state)
{
    struct taf_host *h = *state;
    json_malloc_t saved_malloc;
    json_free_t saved_free;
    json_get_alloc_funcs(&saved_malloc, &saved_free);
    json_set_alloc_funcs(counting_malloc, counting_free);
    live_jansson = 0;
    fx_open(h);
    lua_State *L = h->L;
    /* a deep Lua stack leaves too little room for a deep document: the push
     * raises "stack overflow" after the whole tree was built */
    luaL_checkstack(L, 5, NULL);
    lua_getglobal(L, "taf");
    lua_getfield(L, -1, "json");
    lua_getfield(L, -1, "decode");
    int decode = lua_gettop(L);
    char doc[4001];
    memset(doc, '[', 2000);
    memset(doc + 2000, ']', 2000);
    doc[4000] = '\0';
    int failures = 0;
    for (int i = 0; i < 50; i++) {
        lua_pushvalue(L, decode);
        lua_pushstring(L, doc);
        /* fill the stack to near its limit: what is left cannot hold 2000 levels */
        int filled = 0;
        while (lua_checkstack(L, 2000)) {
            for (int k = 0; k < 1000; k++)
                lua_pushnil(L);
            filled += 1000;
        }
        lua_rotate(L, decode + 1, filled); /* the call on top again */
        if (lua_pcall(L, 1, 1, 0) != LUA_OK)
            failures++;
        lua_settop(L, decode);
        assert_int_equal(live_jansson, 0);
    }
    assert_true(failures > 0);
    /* a success frees it too */
    lua_pushvalue(L, decode);
    lua_pushstring(L, "{\"a\": [1, 2, {\"b\": null}]}");
    assert_int_equal(lua_pcall(L, 1, 1, 0), LUA_OK);
    assert_int_equal(live_jansson, 0);
    lua_settop(L, 0);
    fx_close(h);
    json_set_alloc_funcs(saved_malloc, saved_free);
}

/* Encoding that raises after its text was written (the budget, here) frees
 * the text as the error unwinds, not at some later collection: 200 failing
 * encodes of 1 MiB each leave the heap where it was. (LeakSanitizer checks
 * the same in the ASan build, where mallinfo2 does not see its heap.) */
static void test_encode_frees_the_text_on_error(void **state)
{
    struct taf_host *h = *state;
    fx_open(h);
    assert_int_equal(fx_push_host(h, NULL), TAF_EXIT_OK);
    lua_State *L = h->L;
    /* a 1 MiB string written first, then enough small tables to reach a charge */
    run_chunk(L, "payload = { big = ('x'):rep(1 << 20), rest = {} }\n"
                 "for i = 1, 10000 do payload.rest[i] = {} end");
    h->limits.max_steps = h->steps_used + 10; /* spent at the first charge */
    lua_sethook(L, NULL, 0, 0);                 /* no hook: only the charge raises */
    size_t before = mallinfo2().uordblks;
    int failures = 0;
    for (int i = 0; i < 200; i++) {
        h->steps_exhausted = 0;
        lua_getglobal(L, "taf");
        lua_getfield(L, -1, "json");
        lua_getfield(L, -1, "encode");
        lua_getglobal(L, "payload");
        if (lua_pcall(L, 1, 1, 0) != LUA_OK)
            failures++;
        lua_settop(L, 0);
    }
    size_t after = mallinfo2().uordblks;
    assert_int_equal(failures, 200);
    assert_true(after < before + (16u << 20));
    fx_close(h);
}

static int teardown(void **state)
{
    return fx_teardown(state);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_encode_reads_tables_raw),
        cmocka_unit_test(test_encode_order_lists_repeats_and_length),
        cmocka_unit_test(test_encode_unlisted_keys_sorted_and_long_repeats),
        cmocka_unit_test(test_encode_text_is_bounded),
        cmocka_unit_test_setup_teardown(test_encode_walk_is_charged_to_the_budget, fx_setup, teardown),
        cmocka_unit_test_setup_teardown(test_decode_frees_the_tree_on_error, fx_setup, teardown),
        cmocka_unit_test_setup_teardown(test_encode_frees_the_text_on_error, fx_setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* The host layer (engine/host.c): opening and closing the Lua state, the
 * allocator's memory cap, the instruction budget that pcall cannot swallow,
 * how host_call() turns every kind of error into an exit code and a message
 * (the message handler describes any error object without calling a
 * metamethod unprotected), the C work charged to the budget
 * (taf_charge_steps), and host.declare's declaration budget (STYLE.md "Sandbox and limits"). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "host_fixture.h"
#include "lua/bind.h"
#include "watchdog.h"

#include <signal.h>

/* ── a guard for the budget tests: a loop the engine fails to stop is
 * stopped by the test and reported, instead of hanging. SIGALRM marks the
 * budget spent (the count hook of every thread then raises, coroutines
 * included) and sets a hook on the main thread that raises at every
 * instruction (lua_sethook is signal-safe: lua.c laction). ── */

/* steps of one tick of the CPU clock (host.h, watchdog.h) */
#define STEPS_PER_TICK (TAF_STEPS_PER_CPU_S * WATCHDOG_TICK_US / 1000000)

static struct taf_host *volatile guard_host;
static volatile sig_atomic_t guard_fired;

static void guard_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    luaL_error(L, "test guard: the loop was not stopped");
}

static void guard_alarm(int sig)
{
    (void)sig;
    struct taf_host *h = guard_host;
    if (h == NULL)
        return;
    guard_fired = 1;
    h->steps_exhausted = 1;
    lua_sethook(h->L, guard_hook, LUA_MASKCOUNT, 1);
}

static void guard_arm(struct taf_host *h, unsigned seconds)
{
    guard_host = h;
    guard_fired = 0;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = guard_alarm;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, NULL);
    alarm(seconds);
}

static void guard_disarm(void)
{
    alarm(0);
    guard_host = NULL;
}

/* A host with the privileged `host` table as a global (host.declare,
 * host.usage_error) and the given limits in force. */
static void open_limited(struct taf_host *h, long long max_steps, size_t max_mem)
{
    fx_open(h);
    assert_int_equal(fx_push_host(h, NULL), TAF_EXIT_OK);
    h->limits.max_steps = max_steps;
    h->limits.max_mem = max_mem;
    host_start_limits(h);
}

static int count_of(const char *text, const char *needle)
{
    int n = 0;
    for (const char *p = strstr(text, needle); p != NULL; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* ── host_open / host_close ── */

static void test_open_makes_taf_a_global_table(void **state)
{
    struct taf_host *h = *state;
    fx_open(h);
    assert_int_equal(lua_getglobal(h->L, "taf"), LUA_TTABLE);
    assert_int_equal(lua_getfield(h->L, -1, "json"), LUA_TTABLE); /* a C slice of the module */
    lua_pop(h->L, 2);
    assert_int_equal(fx_run(h, "assert(type(taf) == 'table' and type(taf.json.encode) == 'function')", NULL),
                     TAF_EXIT_OK);
    fx_close(h);
}

static void test_open_removes_string_dump_for_everyone(void **state)
{
    struct taf_host *h = *state;
    fx_open(h);
    lua_getglobal(h->L, "string");
    assert_int_equal(lua_getfield(h->L, -1, "dump"), LUA_TNIL);
    lua_pop(h->L, 2);
    /* strings' own methods are the same table */
    assert_int_equal(fx_run(h, "assert(string.dump == nil and ('').dump == nil)", NULL), TAF_EXIT_OK);
    fx_close(h);
}

static void test_open_seals_the_string_metatable(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    fx_open(h);
    assert_int_equal(fx_run(h, "assert(getmetatable('') == false)", &out), TAF_EXIT_OK);
    assert_int_equal(fx_run(h, "assert(('abc'):upper() == 'ABC')", &out), TAF_EXIT_OK);
    fx_close(h);
}

static void test_close_frees_every_byte_and_can_be_repeated(void **state)
{
    struct taf_host *h = *state;
    fx_open(h);
    size_t opened = h->mem_used;
    assert_true(opened > 0);
    assert_int_equal(fx_run(h, "keep = {} for i = 1, 10000 do keep[i] = { i, tostring(i) } end", NULL),
                     TAF_EXIT_OK);
    assert_true(h->mem_used > opened + 500000);
    fx_close(h);
    assert_int_equal(h->mem_used, 0); /* every block the state had came back through the allocator */
    host_close(h);                  /* a second close is harmless */
    assert_null(h->L);
}

/* Every allocation the start-up makes can be refused (the cap set a few bytes
 * higher each time, up to the size a full start needs): host_open reports it
 * with "tafrun: " and exit 1, never crashes, and the state still closes
 * cleanly with nothing left allocated. */
static void test_open_reports_out_of_memory_at_every_step(void **state)
{
    struct taf_host *h = *state;
    fx_open(h);
    size_t needed = h->mem_used;
    fx_close(h);

    fflush(stderr);
    FILE *log = tmpfile();
    assert_non_null(log);
    int saved = dup(STDERR_FILENO);
    dup2(fileno(log), STDERR_FILENO);
    int refused = 0, opened = 0, bad_rc = 0, leaked = 0;
    for (size_t cap = 16; cap <= 4 * needed && !opened; cap += 16) { /* the peak is above what stays */
        memset(h, 0, sizeof *h);
        snprintf(h->datadir, sizeof h->datadir, "%s", TAF_SOURCE_DIR);
        h->limits.max_mem = cap;
        int rc = host_open(h);
        if (rc == TAF_EXIT_OK)
            opened = 1;
        else if (rc == TAF_EXIT_RUNTIME && (h->L == NULL || h->mem_exhausted))
            refused++;
        else
            bad_rc++;
        host_close(h);
        if (h->mem_used != 0)
            leaked++;
    }
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);

    assert_true(opened);
    assert_int_equal(bad_rc, 0);
    assert_int_equal(leaked, 0);
    assert_true(refused > 100); /* start-up makes hundreds of allocations */
    rewind(log);
    char line[1024];
    int lines = 0;
    while (fgets(line, sizeof line, log) != NULL) {
        lines++;
        if (strncmp(line, "tafrun: ", 8) != 0 || strstr(line, "memory") == NULL)
            fail_msg("unexpected start-up message: %s", line);
    }
    fclose(log);
    assert_int_equal(lines, refused); /* one message per refused start */
}

/* ── the memory cap ── */

static void test_memory_cap_stops_a_chunk_allocating_past_it(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    fx_open(h);
    h->limits.max_mem = 8 * FX_MIB;
    int rc = fx_run(h, "local t = {} for i = 1, 1e7 do t[i] = i end", &out);
    assert_int_equal(rc, TAF_EXIT_RUNTIME);
    assert_true(h->mem_exhausted);
    assert_true(h->mem_used <= h->limits.max_mem);
    assert_string_equal(out.err, "tafrun: script stopped: memory cap exceeded (8 MiB; raise it with --max-mem)\n");
    fx_close(h);
}

static void test_memory_cap_lets_a_chunk_below_it_finish(void **state)
{
    struct taf_host *h = *state;
    fx_open(h);
    h->limits.max_mem = 8 * FX_MIB;
    assert_int_equal(fx_run(h, "local t = {} for i = 1, 100000 do t[i] = i end assert(#t == 100000)", NULL),
                     TAF_EXIT_OK);
    assert_false(h->mem_exhausted);
    fx_close(h);
}

/* The allocator's flag outlives the error: a script that catches the
 * out-of-memory error and returns normally still fails the run. */
static void test_memory_cap_cannot_be_swallowed_by_pcall(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    fx_open(h);
    h->limits.max_mem = 8 * FX_MIB;
    int rc = fx_run(h,
                    "local ok, err = pcall(function() local t = {} for i = 1, 1e7 do t[i] = i end end)\n"
                    "assert(not ok and err == 'not enough memory')\n"
                    "caught = true",
                    &out);
    assert_int_equal(rc, TAF_EXIT_RUNTIME);
    assert_true(h->mem_exhausted);
    assert_non_null(strstr(out.err, "memory cap exceeded"));
    h->limits.max_mem = 0;
    assert_int_equal(lua_getglobal(h->L, "caught"), LUA_TBOOLEAN); /* the script went on after pcall */
    lua_pop(h->L, 1);
    fx_close(h);
}

static void test_memory_in_use_falls_back_when_garbage_is_collected(void **state)
{
    struct taf_host *h = *state;
    fx_open(h);
    lua_gc(h->L, LUA_GCCOLLECT);
    size_t before = h->mem_used;
    assert_int_equal(fx_run(h, "big = {} for i = 1, 100000 do big[i] = { i } end", NULL), TAF_EXIT_OK);
    assert_true(h->mem_used > before + 4 * FX_MIB);
    assert_int_equal(fx_run(h, "big = nil", NULL), TAF_EXIT_OK);
    lua_gc(h->L, LUA_GCCOLLECT);
    assert_true(h->mem_used < before + FX_MIB / 4);
    fx_close(h);
}

/* A run whose live data stays under the cap must not fail because garbage
 * was still uncollected when an allocation came: Lua answers a refused
 * allocation with an emergency collection and asks again (lmem.c tryagain),
 * and only a refusal of that second request is a real out-of-memory. Here
 * about 4 MiB stay live and each round builds and drops a table whose array
 * grows to 2 MiB (3 MiB at the moment it doubles): the script never needs
 * more than about 7.2 MiB of the 8 MiB. */
static void test_memory_cap_is_not_tripped_by_collectable_garbage(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    fx_open(h);
    h->limits.max_mem = 8 * FX_MIB;
    int rc = fx_run(h,
                    "keep = {} for i = 1, 4000 do keep[i] = string.rep('k', 1000) .. i end\n"
                    "for round = 1, 50 do local t = {} for i = 1, 131072 do t[i] = i end end\n"
                    "done = true",
                    &out);
    h->limits.max_mem = 0;
    assert_int_equal(lua_getglobal(h->L, "done"), LUA_TBOOLEAN); /* every allocation was granted in the end */
    lua_pop(h->L, 1);
    assert_string_equal(out.err, "");
    assert_int_equal(rc, TAF_EXIT_OK);
    assert_false(h->mem_exhausted);
    fx_close(h);
}

/* ── the instruction budget ── */

static void test_budget_stops_an_endless_loop(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    open_limited(h, 100000, 0);
    guard_arm(h, 10);
    int rc = fx_run(h, "while true do end", &out);
    guard_disarm();
    assert_false(guard_fired);
    assert_int_equal(rc, TAF_EXIT_RUNTIME);
    assert_true(h->steps_exhausted);
    /* the CPU clock stops it at its first tick past the budget (10 ms = 2·10^5 steps) */
    assert_true(host_steps_used(h) >= 100000 && host_steps_used(h) <= 100000 + 2 * STEPS_PER_TICK);
    assert_string_equal(out.err, "tafrun: script stopped: instruction budget exhausted "
                                 "(100000 steps; raise it with --max-steps or --trust)\n");
    fx_close(h);
}

/* A loop that pcall()s its own endless loop: once the budget is spent the
 * hook raises at every instruction, so the catching loop stops too. */
static void test_budget_cannot_be_swallowed_by_pcall_in_a_loop(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    open_limited(h, 100000, 0);
    guard_arm(h, 10);
    int rc = fx_run(h,
                    "local function spin() while true do end end\n"
                    "while true do pcall(spin) end",
                    &out);
    guard_disarm();
    assert_false(guard_fired);
    assert_int_equal(rc, TAF_EXIT_RUNTIME);
    assert_true(h->steps_exhausted);
    assert_non_null(strstr(out.err, "instruction budget exhausted"));
    fx_close(h);
}

/* The same, when the budget runs out inside a coroutine: hooks are per
 * thread, so the main thread must raise at every instruction as well. */
static void test_budget_cannot_be_swallowed_after_running_out_in_a_coroutine(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    open_limited(h, 100000, 0);
    guard_arm(h, 3);
    int rc = fx_run(h,
                    "pcall(coroutine.wrap(function() while true do end end))\n"
                    "local function spin() while true do end end\n"
                    "while true do pcall(spin) end",
                    &out);
    guard_disarm();
    assert_false(guard_fired);
    assert_int_equal(rc, TAF_EXIT_RUNTIME);
    assert_true(h->steps_exhausted);
    fx_close(h);
}

/* No hook runs before the budget is spent: a short chunk runs hook-free. */
static void test_budget_lets_a_short_chunk_finish(void **state)
{
    struct taf_host *h = *state;
    open_limited(h, 10000000, 0);
    assert_null(lua_gethook(h->L));
    assert_int_equal(fx_run(h, "local s = 0 for i = 1, 1000 do s = s + i end assert(s == 500500)", NULL),
                     TAF_EXIT_OK);
    assert_false(h->steps_exhausted);
    assert_null(lua_gethook(h->L));
    assert_true(host_steps_used(h) < 10000000);
    fx_close(h);
}

/* ── host_call: every kind of error ── */

static void test_call_string_error_exits_1_with_the_tafrun_prefix(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    fx_open(h);
    int top = lua_gettop(h->L);
    assert_int_equal(fx_run(h, "error('boom')", &out), TAF_EXIT_RUNTIME);
    assert_string_equal(out.err, "tafrun: test:1: boom\n");
    assert_int_equal(lua_gettop(h->L), top); /* the function and the error are gone */
    fx_close(h);
}

static int raise_usage_error(lua_State *L)
{
    taf_push_usage_error(L, "unknown option --frobnicate");
    return lua_error(L);
}

static void test_call_usage_error_exits_2(void **state)
{
    struct taf_host *h = *state;
    struct fx_capture c;
    struct fx_out out;
    fx_open(h);
    fx_capture_begin(&c);
    lua_pushcfunction(h->L, raise_usage_error);
    int rc = host_call(h, 0, 0);
    fx_capture_end(&c, out.err, sizeof out.err);
    assert_int_equal(rc, TAF_EXIT_USAGE);
    assert_string_equal(out.err, "tafrun: unknown option --frobnicate\n");
    /* raised from Lua, through error() and a pcall that rethrows it */
    assert_int_equal(fx_push_host(h, NULL), TAF_EXIT_OK);
    rc = fx_run(h, "local ok, e = pcall(error, host.usage_error('missing --model')) error(e)", &out);
    assert_int_equal(rc, TAF_EXIT_USAGE);
    assert_string_equal(out.err, "tafrun: missing --model\n");
    fx_close(h);
}

static void test_call_plain_usage_error_prints_without_the_prefix(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    fx_open(h);
    assert_int_equal(fx_push_host(h, NULL), TAF_EXIT_OK);
    int rc = fx_run(h, "error(host.usage_error('usage: tafrun COMMAND', { plain = true }))", &out);
    assert_int_equal(rc, TAF_EXIT_USAGE);
    assert_string_equal(out.err, "usage: tafrun COMMAND\n");
    fx_close(h);
}

/* A table that looks like a usage error is not one: exit 1, not 2. */
static void test_call_lookalike_usage_table_is_a_runtime_error(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    fx_open(h);
    int rc = fx_run(h, "error({ kind = 'usage', message = 'forged', plain = true })", &out);
    assert_int_equal(rc, TAF_EXIT_RUNTIME);
    /* shown by its fields, with the line that raised it */
    assert_string_equal(out.err, "tafrun: test:1: {kind = \"usage\", message = \"forged\", plain = true}\n");
    /* nor with the real metatable's look: a copy of its fields */
    rc = fx_run(h, "error(setmetatable({ kind = 'usage', message = 'forged' }, { __metatable = false }))", &out);
    assert_int_equal(rc, TAF_EXIT_RUNTIME);
    fx_close(h);
}

static void test_call_error_object_with_tostring_prints_its_text(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    fx_open(h);
    int rc = fx_run(h, "error(setmetatable({}, { __tostring = function() return 'custom failure' end }))", &out);
    assert_int_equal(rc, TAF_EXIT_RUNTIME);
    assert_string_equal(out.err, "tafrun: custom failure\n");
    /* a __tostring that returns no string, or raises, still ends in exit 1,
     * the object described as such */
    rc = fx_run(h, "error(setmetatable({}, { __tostring = function() return {} end }))", &out);
    assert_int_equal(rc, TAF_EXIT_RUNTIME);
    assert_string_equal(out.err, "tafrun: test:1: (error object is a table value whose __tostring raised: "
                                 "'__tostring' must return a string)\n");
    rc = fx_run(h, "error(setmetatable({}, { __tostring = function() error('in tostring') end }))", &out);
    assert_int_equal(rc, TAF_EXIT_RUNTIME);
    assert_string_equal(out.err, "tafrun: test:1: (error object is a table value whose __tostring raised: "
                                 "test:1: in tostring)\n");
    fx_close(h);
}

static void test_call_non_string_errors_exit_1(void **state)
{
    static const struct {
        const char *code, *printed;
    } cases[] = {
        { "error(42)", "tafrun: 42\n" },
        { "error(nil)", "tafrun: test:1: (error object is a nil value)\n" },
        { "error(true)", "tafrun: test:1: (error object is a boolean value)\n" },
        { "error(print)", "tafrun: test:1: (error object is a function value)\n" },
        { "error(coroutine.create(print))", "tafrun: test:1: (error object is a thread value)\n" },
        { "error({ code = 42 })", "tafrun: test:1: {code = 42}\n" },
        { "\nerror({}, 2)", "tafrun: test:2: {}\n" },
    };
    struct taf_host *h = *state;
    struct fx_out out;
    fx_open(h);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        int rc = fx_run(h, cases[i].code, &out);
        if (rc != TAF_EXIT_RUNTIME || strcmp(out.err, cases[i].printed) != 0)
            fail_msg("%s: exit %d, printed \"%s\"", cases[i].code, rc, out.err);
    }
    fx_close(h);
}

static void test_call_stack_overflow_is_a_runtime_error(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    fx_open(h);
    int rc = fx_run(h, "local function f() return 1 + f() end f()", &out);
    assert_int_equal(rc, TAF_EXIT_RUNTIME);
    assert_non_null(strstr(out.err, "stack overflow"));
    assert_int_equal(strncmp(out.err, "tafrun: ", 8), 0);
    fx_close(h);
}

static void test_call_success_leaves_the_results(void **state)
{
    struct taf_host *h = *state;
    fx_open(h);
    int top = lua_gettop(h->L);
    assert_int_equal(fx_call(h, "return 6 * 7, 'x'", 0, 2, NULL), TAF_EXIT_OK);
    assert_int_equal(lua_gettop(h->L), top + 2);
    assert_int_equal(lua_tointeger(h->L, -2), 42);
    assert_string_equal(lua_tostring(h->L, -1), "x");
    lua_pop(h->L, 2);
    fx_close(h);
}

/* --verbose: the message carries one traceback, also when it passed through
 * a nested protected call (host.declare) that added one already. */
static void test_call_verbose_adds_one_traceback(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    fx_open(h);
    assert_int_equal(fx_push_host(h, NULL), TAF_EXIT_OK);
    h->verbose = 1;
    assert_int_equal(fx_run(h, "error('plain')", &out), TAF_EXIT_RUNTIME);
    assert_int_equal(strncmp(out.err, "tafrun: test:1: plain\nstack traceback:", 38), 0);
    assert_int_equal(count_of(out.err, "stack traceback:"), 1);
    assert_int_equal(fx_run(h, "host.declare(function() error('nested') end, 'x.lua')", &out), TAF_EXIT_RUNTIME);
    assert_non_null(strstr(out.err, "test:1: nested"));
    assert_int_equal(count_of(out.err, "stack traceback:"), 1);
    h->verbose = 0;
    assert_int_equal(fx_run(h, "error('quiet')", &out), TAF_EXIT_RUNTIME);
    assert_null(strstr(out.err, "stack traceback:"));
    fx_close(h);
}

/* The message handler calls no metamethod unprotected: an error object
 * whose every metamethod raises, whose __tostring raises itself, or loops
 * (the budget stops it inside the handler) ends in exit 1 with a message. */
static void test_call_handler_survives_every_hostile_error_object(void **state)
{
    static const struct {
        const char *code, *printed;
    } cases[] = {
        { "error(setmetatable({ code = 42 }, { __index = error, __len = error, __pairs = error, __name = 'X' }))",
          "tafrun: test:1: {code = 42}\n" },
        { "local e; e = setmetatable({}, { __tostring = function() error(e) end }); error(e)",
          "tafrun: test:1: (error object is a table value whose __tostring raised: {})\n" },
        { "error(setmetatable({}, { __tostring = function() error({ why = 'inner' }) end }))",
          "tafrun: test:1: (error object is a table value whose __tostring raised: {why = \"inner\"})\n" },
        { "error(setmetatable({}, { __tostring = function() error() end }))",
          "tafrun: test:1: (error object is a table value whose __tostring raised: a nil value)\n" },
        { "error(setmetatable({}, { __tostring = function() while true do end end }))",
          "tafrun: script stopped: instruction budget exhausted (1000000 steps; raise it with --max-steps or --trust)\n" },
    };
    struct taf_host *h = *state;
    struct fx_out out;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        open_limited(h, 1000000, 0);
        guard_arm(h, 20);
        int rc = fx_run(h, cases[i].code, &out);
        guard_disarm();
        assert_false(guard_fired);
        if (rc != TAF_EXIT_RUNTIME || strcmp(out.err, cases[i].printed) != 0)
            fail_msg("%s: exit %d, printed \"%s\"", cases[i].code, rc, out.err);
        fx_close(h);
    }
}

/* Under --verbose a described object still gets its one traceback. */
static void test_call_verbose_traceback_of_a_table_error(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    fx_open(h);
    h->verbose = 1;
    assert_int_equal(fx_run(h, "error({ code = 7 })", &out), TAF_EXIT_RUNTIME);
    static const char start[] = "tafrun: test:1: {code = 7}\nstack traceback:";
    assert_int_equal(strncmp(out.err, start, sizeof start - 1), 0);
    assert_int_equal(count_of(out.err, "stack traceback:"), 1);
    fx_close(h);
}

/* ── taf_charge_steps: C work charged to the budget ── */

static int l_charge(lua_State *L)
{
    taf_charge_steps(L, luaL_checkinteger(L, 1));
    return 0;
}

static void push_charge(struct taf_host *h)
{
    lua_pushcfunction(h->L, l_charge);
    lua_setglobal(h->L, "charge");
}

static void test_charge_adds_to_the_steps_used(void **state)
{
    struct taf_host *h = *state;
    open_limited(h, 1000000000LL, 0);
    push_charge(h);
    long long before = h->steps_used;
    assert_int_equal(fx_run(h, "charge(5000000) charge(0) charge(-7)", NULL), TAF_EXIT_OK);
    long long used = h->steps_used - before;
    assert_true(used >= 5000000 && used < 5000000 + 2000); /* and the chunk's own few instructions */
    assert_false(h->steps_exhausted);
    fx_close(h);
}

/* Past the budget it raises at once, and pcall cannot swallow it. */
static void test_charge_past_the_budget_stops_the_run(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    open_limited(h, 1000000, 0);
    push_charge(h);
    guard_arm(h, 20);
    int rc = fx_run(h, "for i = 1, 10 do pcall(charge, 1 << 62) end", &out);
    guard_disarm();
    assert_false(guard_fired);
    assert_int_equal(rc, TAF_EXIT_RUNTIME);
    assert_true(h->steps_exhausted);
    assert_int_equal(h->steps_used, 1000000); /* saturated, never wrapped */
    assert_string_equal(out.err, "tafrun: script stopped: instruction budget exhausted (1000000 steps; raise it "
                                 "with --max-steps or --trust)\n");
    fx_close(h);
}

/* Inside a declaration it spends the declaration's budget only: the file is
 * named, and the run's budget is left for the rest. */
static void test_charge_in_a_declaration_spends_that_budget(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    open_limited(h, 1000000000LL, 0);
    push_charge(h);
    long long before = h->steps_used;
    int rc = fx_run(h, "host.declare(function() charge(1 << 62) end, 'c.lua')", &out);
    assert_int_equal(rc, TAF_EXIT_RUNTIME);
    assert_non_null(strstr(out.err, "tafrun: c.lua: its top level took more than 10000000 steps"));
    assert_true(h->steps_used - before <= TAF_DECLARE_MAX_STEPS + 2000);
    assert_false(h->steps_exhausted);
    assert_int_equal(fx_run(h, "charge(100000000)", &out), TAF_EXIT_OK);
    fx_close(h);
}

/* No budget (--trust), or a state that is not a host's: nothing to charge. */
static void test_charge_without_a_budget_is_free(void **state)
{
    struct taf_host *h = *state;
    open_limited(h, 0, 0);
    push_charge(h);
    assert_int_equal(fx_run(h, "charge(1 << 62)", NULL), TAF_EXIT_OK);
    assert_int_equal(h->steps_used, 0);
    assert_int_equal(taf_memory_cap(h->L), 0);
    fx_close(h);
    open_limited(h, 1000, 32 * FX_MIB);
    assert_int_equal(taf_memory_cap(h->L), 32 * FX_MIB);
    fx_close(h);
    lua_State *L = luaL_newstate();
    lua_pushcfunction(L, l_charge);
    lua_pushinteger(L, (lua_Integer)1 << 62);
    assert_int_equal(lua_pcall(L, 1, 0, 0), LUA_OK);
    assert_int_equal(taf_memory_cap(L), 0);
    lua_close(L);
}

/* The loops the budget now counts, from a sandboxed script: each stops. */
static void test_budget_stops_the_table_library_loops(void **state)
{
    static const char *const loops[] = {
        "table.move({}, 1, 2^62, 2)",
        "table.insert(setmetatable({}, { __len = function() return 2^62 end }), 1, 'x')",
        "table.remove(setmetatable({}, { __len = function() return 2^62 end }), 1)",
        "table.concat(setmetatable({}, { __len = function() return 2^62 end, __index = tostring }))",
        "table.sort(setmetatable({}, { __len = function() return 2^31 - 2 end, __index = tostring, __newindex = type }))",
    };
    struct taf_host *h = *state;
    struct fx_out out;
    for (size_t i = 0; i < sizeof loops / sizeof *loops; i++) {
        open_limited(h, 1000000, 0);
        assert_int_equal(fx_run(h, FX_SEAL, NULL), TAF_EXIT_OK);
        guard_arm(h, 20);
        int rc = fx_sandboxed(h, loops[i], &out);
        guard_disarm();
        assert_false(guard_fired);
        if (rc != TAF_EXIT_RUNTIME || !h->steps_exhausted)
            fail_msg("%s: exit %d, printed \"%s\"", loops[i], rc, out.err);
        fx_close(h);
    }
}

/* ── host.declare: the declaration budget ── */

static void test_declare_returns_the_value_of_the_top_level(void **state)
{
    struct taf_host *h = *state;
    open_limited(h, 1000000000LL, 0);
    assert_int_equal(fx_run(h, "local v = host.declare(function() return { name = 'x4' } end, 'x4.lua')\n"
                                "assert(v.name == 'x4')", NULL),
                     TAF_EXIT_OK);
    assert_int_equal(h->decl_limit, 0);
    assert_int_equal(h->decl_mem_limit, 0);
    fx_close(h);
}

static void test_declare_stops_an_endless_top_level_naming_the_file(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out, caught;
    open_limited(h, 1000000000LL, 0);
    guard_arm(h, 20);
    int rc = fx_run(h, "host.declare(function() while true do end end, 'recipes/x99.lua')", &out);
    int steps_exhausted = h->steps_exhausted;
    /* a pcall inside the top level does not let it run on */
    int rc_caught = fx_run(h, "host.declare(function() while true do pcall(function() while true do end end) end end,"
                               " 'p.lua')",
                           &caught);
    guard_disarm();
    assert_false(guard_fired);
    assert_int_equal(rc, TAF_EXIT_RUNTIME);
    assert_false(steps_exhausted); /* the run's budget is not what stopped it */
    assert_non_null(strstr(out.err, "tafrun: recipes/x99.lua: its top level took more than 10000000 steps"));
    assert_int_equal(rc_caught, TAF_EXIT_RUNTIME);
    assert_non_null(strstr(caught.err, "p.lua: its top level took more than"));
    fx_close(h);
}

/* After a declaration ran out, the run has its own budget back: a chunk
 * longer than the declaration budget (about 12 million steps) runs. */
static void test_declare_restores_the_run_budget_afterwards(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    open_limited(h, 1000000000LL, 0);
    guard_arm(h, 20);
    int declared = fx_run(h, "host.declare(function() while true do end end, 'loop.lua')", &out);
    long long decl_limit = h->decl_limit;
    size_t decl_mem_limit = h->decl_mem_limit;
    int decl_exhausted = h->decl_exhausted;
    long long before = h->steps_used;
    /* 0.75 s of CPU: 1.5 × the declaration budget, well within the run's */
    int rc = fx_run(h, "local t = os.clock() while os.clock() - t < 0.75 do end", &out);
    guard_disarm();
    assert_false(guard_fired);
    assert_int_equal(declared, TAF_EXIT_RUNTIME);
    assert_int_equal(decl_limit, 0);
    assert_int_equal(decl_mem_limit, 0);
    assert_false(decl_exhausted);
    assert_string_equal(out.err, "");
    assert_int_equal(rc, TAF_EXIT_OK);
    assert_true(host_steps_used(h) - before > TAF_DECLARE_MAX_STEPS);
    assert_false(h->steps_exhausted);
    fx_close(h);
}

/* A declaration inside a declaration gets what is left of the outer one,
 * never a fresh 10 million steps: the outer spends about 6 million (0.3 s
 * of CPU), the inner loops forever, and the whole stops at the outer's
 * limit (a fresh budget would stop it past 16 million). */
static void test_declare_nested_never_extends_the_outer_budget(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    open_limited(h, 1000000000LL, 0);
    guard_arm(h, 20);
    long long before = host_steps_used(h);
    int rc = fx_run(h,
                    "host.declare(function()\n"
                    "  local t = os.clock() while os.clock() - t < 0.3 do end\n"
                    "  host.declare(function() while true do end end, 'inner.lua')\n"
                    "end, 'outer.lua')",
                    &out);
    guard_disarm();
    assert_false(guard_fired);
    assert_int_equal(rc, TAF_EXIT_RUNTIME);
    assert_non_null(strstr(out.err, "took more than 10000000 steps"));
    assert_true(host_steps_used(h) - before <= TAF_DECLARE_MAX_STEPS + 2 * STEPS_PER_TICK);
    assert_true(host_steps_used(h) - before >= TAF_DECLARE_MAX_STEPS - STEPS_PER_TICK);
    fx_close(h);
}

/* A top level that allocates more than 64 MiB stops with the MiB message
 * when the run's own cap is larger; the run's cap is not what stopped it. */
static void test_declare_stops_a_top_level_allocating_past_64_mib(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    open_limited(h, 1000000000LL, 512 * FX_MIB);
    int rc = fx_run(h, "host.declare(function() local t = {} t[1] = ('x'):rep(70 * 2^20) end,"
                       " 'big.lua')",
                    &out);
    assert_int_equal(rc, TAF_EXIT_RUNTIME);
    assert_false(h->mem_exhausted);
    assert_non_null(strstr(out.err, "tafrun: big.lua: its top level took more than 64 MiB"));
    assert_true(h->mem_used < 512 * FX_MIB);
    assert_int_equal(h->decl_mem_limit, 0);
    assert_false(h->decl_mem_exhausted);
    /* the run goes on with its own cap */
    lua_gc(h->L, LUA_GCCOLLECT);
    assert_int_equal(fx_run(h, "local t = {} for i = 1, 2000000 do t[i] = i end", &out), TAF_EXIT_OK);
    fx_close(h);
}

/* Errors of the top level pass through unchanged: a usage error stays exit 2. */
static void test_declare_passes_errors_of_the_top_level_through(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    open_limited(h, 1000000000LL, 0);
    assert_int_equal(fx_run(h, "host.declare(function() error(host.usage_error('bad preset')) end, 'p.lua')", &out),
                     TAF_EXIT_USAGE);
    assert_string_equal(out.err, "tafrun: bad preset\n");
    assert_int_equal(fx_run(h, "host.declare(function() error('broken') end, 'p.lua')", &out), TAF_EXIT_RUNTIME);
    assert_string_equal(out.err, "tafrun: test:1: broken\n");
    fx_close(h);
}

/* Without a budget (--trust) a declaration is not metered: neither the
 * steps (12 million here) nor the memory (a 70 MiB string) are limited. */
static void test_declare_is_unmetered_without_a_budget(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    open_limited(h, 0, 0);
    int rc = fx_run(h,
                    "host.declare(function()\n"
                    "  local n = 0 for i = 1, 6000000 do n = n + 1 end\n"
                    "  assert(#string.rep('x', 70 * 2^20) == 70 * 2^20)\n"
                    "end, 'x.lua')",
                    &out);
    assert_string_equal(out.err, "");
    assert_int_equal(rc, TAF_EXIT_OK);
    fx_close(h);
}

static int teardown(void **state)
{
    guard_disarm();
    return fx_teardown(state);
}

#define SETUP fx_setup
#define TEARDOWN teardown

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_open_makes_taf_a_global_table, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_open_removes_string_dump_for_everyone, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_open_seals_the_string_metatable, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_close_frees_every_byte_and_can_be_repeated, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_open_reports_out_of_memory_at_every_step, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_memory_cap_stops_a_chunk_allocating_past_it, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_memory_cap_lets_a_chunk_below_it_finish, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_memory_cap_cannot_be_swallowed_by_pcall, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_memory_in_use_falls_back_when_garbage_is_collected, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_memory_cap_is_not_tripped_by_collectable_garbage, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_budget_stops_an_endless_loop, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_budget_cannot_be_swallowed_by_pcall_in_a_loop, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_budget_cannot_be_swallowed_after_running_out_in_a_coroutine, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_budget_lets_a_short_chunk_finish, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_call_string_error_exits_1_with_the_tafrun_prefix, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_call_usage_error_exits_2, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_call_plain_usage_error_prints_without_the_prefix, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_call_lookalike_usage_table_is_a_runtime_error, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_call_error_object_with_tostring_prints_its_text, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_call_non_string_errors_exit_1, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_call_stack_overflow_is_a_runtime_error, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_call_success_leaves_the_results, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_call_verbose_adds_one_traceback, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_call_handler_survives_every_hostile_error_object, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_call_verbose_traceback_of_a_table_error, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_charge_adds_to_the_steps_used, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_charge_past_the_budget_stops_the_run, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_charge_in_a_declaration_spends_that_budget, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_charge_without_a_budget_is_free, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_budget_stops_the_table_library_loops, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_declare_returns_the_value_of_the_top_level, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_declare_stops_an_endless_top_level_naming_the_file, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_declare_restores_the_run_budget_afterwards, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_declare_nested_never_extends_the_outer_budget, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_declare_stops_a_top_level_allocating_past_64_mib, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_declare_passes_errors_of_the_top_level_through, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_declare_is_unmetered_without_a_budget, SETUP, TEARDOWN),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

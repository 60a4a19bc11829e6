/* The sandbox (engine/sandbox.c): host.seal builds the environment every
 * untrusted file runs in, from an allow-list (STYLE.md "Sandbox and limits");
 * the engine tables are read-only, files load as text only, each load gets a
 * fresh environment, and --trust scripts get the global table instead. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "host_fixture.h"

/* A host with the `host` table as a global and the sandbox sealed (FX_SEAL). */
static void open_sealed(struct taf_host *h, int trusted)
{
    struct fx_out out;
    fx_open(h);
    h->trusted = trusted;
    assert_int_equal(fx_push_host(h, &out), TAF_EXIT_OK);
    int rc = fx_run(h, FX_SEAL, &out);
    if (rc != TAF_EXIT_OK)
        fail_msg("seal: %s", out.err);
}

/* A temporary file holding `len` bytes of `text`; its path goes to `path`. */
static void write_temp(char *path, size_t size, const char *text, size_t len)
{
    snprintf(path, size, "/tmp/taf_test_sandbox_XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, len), (ssize_t)len);
    close(fd);
}

/* Run `fmt` with the one %s replaced by `path`, in the global table. */
static int run_with_path(struct taf_host *h, const char *fmt, const char *path, struct fx_out *out)
{
    char code[2048];
    snprintf(code, sizeof code, fmt, path);
    return fx_run(h, code, out);
}

/* ── what an environment holds ── */

static void test_env_lacks_every_unsafe_global(void **state)
{
    static const char *const absent[] = {
        "io", "os.execute", "os.exit", "os.getenv", "os.remove", "os.rename", "os.tmpname", "load",
        "loadfile", "dofile", "debug", "package", "collectgarbage", "rawset", "rawget", "host",
        "string.dump", "('').dump", "count", "_G.io", "_ENV.host", "taf.io",
    };
    struct taf_host *h = *state;
    struct fx_out out;
    open_sealed(h, 0);
    for (size_t i = 0; i < sizeof absent / sizeof *absent; i++) {
        char code[256];
        snprintf(code, sizeof code, "assert(%s == nil)", absent[i]);
        if (fx_sandboxed(h, code, &out) != TAF_EXIT_OK)
            fail_msg("%s is reachable in the sandbox: %s", absent[i], out.err);
    }
    fx_close(h);
}

static void test_env_keeps_the_safe_builtins_and_the_declarations(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    open_sealed(h, 0);
    int rc = fx_sandboxed(h,
                          "assert(type(print) == 'function' and type(pairs) == 'function' and type(pcall) == 'function')\n"
                          "assert(string.format('%d', 3) == '3' and ('abc'):upper() == 'ABC')\n"
                          "assert(math.floor(2.5) == 2 and table.concat({ 1, 2 }, ',') == '1,2')\n"
                          "assert(type(os.clock()) == 'number' and type(os.time()) == 'number' and os.date('!%Y', 0) == '1970')\n"
                          "assert(utf8.char(72) == 'H' and type(coroutine.wrap) == 'function')\n"
                          "assert(recipe({}).declared == true)          -- a declaration of the seal\n"
                          "assert(taf.gpu('H100').name == 'H100')       -- a taf function of the seal\n"
                          "assert(type(taf.json.encode) == 'function')  -- a C slice of taf\n"
                          "assert(_G == _ENV and type(require) == 'function' and type(setmetatable) == 'function')",
                          &out);
    assert_string_equal(out.err, "");
    assert_int_equal(rc, TAF_EXIT_OK);
    fx_close(h);
}

static void test_env_is_a_fresh_table_not_the_globals(void **state)
{
    struct taf_host *h = *state;
    open_sealed(h, 0);
    sandbox_push_env(h, NULL);
    sandbox_push_env(h, NULL);
    lua_rawgeti(h->L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    assert_false(lua_rawequal(h->L, -1, -2));
    assert_false(lua_rawequal(h->L, -1, -3));
    assert_false(lua_rawequal(h->L, -2, -3)); /* one per load */
    lua_pop(h->L, 3);
    fx_close(h);
}

static void test_env_changes_do_not_leak_into_the_next_env(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    open_sealed(h, 0);
    assert_int_equal(fx_sandboxed(h, "leaked = 1; print = nil; string = nil; taf = nil; require = nil", &out),
                     TAF_EXIT_OK);
    int rc = fx_sandboxed(h, "assert(leaked == nil and print and string.format and taf.json and require)", &out);
    assert_string_equal(out.err, "");
    assert_int_equal(rc, TAF_EXIT_OK);
    assert_int_equal(lua_getglobal(h->L, "leaked"), LUA_TNIL); /* nor into the real globals */
    lua_pop(h->L, 1);
    fx_close(h);
}

static void test_print_writes_to_stderr(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    open_sealed(h, 0);
    assert_int_equal(fx_sandboxed(h, "print('a', 1, nil, true)", &out), TAF_EXIT_OK);
    assert_string_equal(out.err, "a\t1\tnil\ttrue\n");
    fx_close(h);
}

/* ── require: the recipe path only ── */

static void test_require_finds_built_in_helpers_read_only_and_cached(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    open_sealed(h, 0);
    int rc = fx_sandboxed(h,
                          "local fmt = require 'lib.fmt'\n"
                          "assert(fmt.commas(1234567) == '1,234,567')\n"
                          "assert(require('lib.fmt') == fmt)\n"
                          "local ok, err = pcall(function() fmt.commas = nil end)\n"
                          "assert(not ok and err:find('read%-only'), err)",
                          &out);
    assert_string_equal(out.err, "");
    assert_int_equal(rc, TAF_EXIT_OK);
    fx_close(h);
}

static void test_require_refuses_modules_off_the_recipe_path(void **state)
{
    static const struct {
        const char *name, *says;
    } cases[] = {
        { "lib.cli", "not found on the recipe path" }, /* the engine's command layer, once reachable */
        { "args", "not found on the recipe path" },    /* engine modules are built in, never on the path */
        { "runner", "not found on the recipe path" },
        { "../catalogs/gpus", "invalid module name" },
        { "lib..fmt", "invalid module name" },
        { "/etc/passwd", "invalid module name" },
        { "", "invalid module name" },
    };
    struct taf_host *h = *state;
    struct fx_out out;
    open_sealed(h, 0);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char code[256];
        snprintf(code, sizeof code, "require '%s'", cases[i].name);
        int rc = fx_sandboxed(h, code, &out);
        if (rc != TAF_EXIT_RUNTIME || strstr(out.err, cases[i].says) == NULL)
            fail_msg("require '%s': exit %d, \"%s\"", cases[i].name, rc, out.err);
    }
    fx_close(h);
}

/* ── read-only engine tables ── */

static void test_taf_and_the_libraries_are_read_only(void **state)
{
    static const char *const writes[] = {
        "taf.x = 1", "taf.gpu = nil", "taf.json.encode = nil", "string.upper = nil", "string.x = 1",
        "table.insert = nil", "math.pi = 3", "os.clock = nil", "utf8.x = 1", "coroutine.x = 1",
    };
    struct taf_host *h = *state;
    struct fx_out out;
    open_sealed(h, 0);
    for (size_t i = 0; i < sizeof writes / sizeof *writes; i++) {
        char code[256];
        snprintf(code, sizeof code, "%s", writes[i]);
        int rc = fx_sandboxed(h, code, &out);
        if (rc != TAF_EXIT_RUNTIME || strstr(out.err, "attempt to modify a read-only table") == NULL)
            fail_msg("%s: exit %d, \"%s\"", writes[i], rc, out.err);
    }
    assert_int_equal(fx_sandboxed(h, "taf.x = 1", &out), TAF_EXIT_RUNTIME);
    assert_string_equal(out.err, "tafrun: test:1: attempt to modify a read-only table (field 'x')\n");
    /* still listed and measured through the proxies */
    assert_int_equal(fx_sandboxed(h, "local n = 0 for k, v in pairs(taf) do n = n + 1 end assert(n > 5)\n"
                                      "assert(#string == 0 and string.upper('a') == 'A')",
                                  &out),
                     TAF_EXIT_OK);
    /* the real tables are untouched */
    assert_int_equal(fx_run(h, "assert(rawget(taf, 'x') == nil and taf.gpu and string.upper and math.pi > 3.14)", &out),
                     TAF_EXIT_OK);
    fx_close(h);
}

/* pairs() over a read-only proxy must not hand the script the table behind
 * it: with that table a script of one pack could rewrite string.rep or
 * taf.gpu for the engine and every later script of the run. */
static void test_read_only_tables_do_not_leak_the_real_table_through_pairs(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    open_sealed(h, 0);
    assert_int_equal(fx_sandboxed(h,
                                  "for _, lib in ipairs({ string, taf, math, table, require 'lib.fmt' }) do\n"
                                  "  local _, behind = pairs(lib)\n"
                                  "  if type(behind) == 'table' then\n"
                                  "    pcall(function() behind.injected = true end)\n"
                                  "    pcall(function() behind.rep = function() return 'pwned' end end)\n"
                                  "  end\n"
                                  "end",
                                  &out),
                     TAF_EXIT_OK);
    int rc = fx_run(h,
                    "assert(rawget(string, 'injected') == nil, 'string')\n"
                    "assert(rawget(taf, 'injected') == nil, 'taf')\n"
                    "assert(rawget(math, 'injected') == nil, 'math')\n"
                    "assert(('ab'):rep(2) == 'abab', 'string.rep')",
                    &out);
    assert_string_equal(out.err, "");
    assert_int_equal(rc, TAF_EXIT_OK);
    rc = fx_sandboxed(h, "assert(string.injected == nil and taf.injected == nil and require('lib.fmt').injected == nil)",
                      &out);
    assert_string_equal(out.err, "");
    assert_int_equal(rc, TAF_EXIT_OK);
    fx_close(h);
}

/* ── setmetatable ── */

static void test_setmetatable_refuses_gc_finalizers(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    open_sealed(h, 0);
    assert_int_equal(fx_sandboxed(h, "setmetatable({}, { __gc = function() end })", &out),
                     TAF_EXIT_RUNTIME);
    assert_non_null(strstr(out.err, "setmetatable: __gc finalizers are not allowed in sandboxed scripts"));
    /* other metamethods are fine */
    assert_int_equal(fx_sandboxed(h,
                                  "local t = setmetatable({}, { __index = function() return 1 end })\n"
                                  "assert(t.anything == 1 and getmetatable(t).__index)",
                                  &out),
                     TAF_EXIT_OK);
    fx_close(h);
}

static void test_setmetatable_refuses_protected_metatables(void **state)
{
    static const char *const targets[] = { "taf", "string", "os", "_G", "require 'lib.fmt'" };
    struct taf_host *h = *state;
    struct fx_out out;
    open_sealed(h, 0);
    for (size_t i = 0; i < sizeof targets / sizeof *targets; i++) {
        char code[256];
        snprintf(code, sizeof code, "assert(getmetatable(%s) == false) setmetatable(%s, {})", targets[i], targets[i]);
        int rc = fx_sandboxed(h, code, &out);
        if (rc != TAF_EXIT_RUNTIME || strstr(out.err, "cannot change a protected metatable") == NULL)
            fail_msg("setmetatable(%s): exit %d, \"%s\"", targets[i], rc, out.err);
    }
    fx_close(h);
}

/* ── sealing ── */

static void test_second_seal_is_refused(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    open_sealed(h, 0);
    assert_int_equal(fx_run(h, FX_SEAL, &out), TAF_EXIT_RUNTIME);
    assert_non_null(strstr(out.err, "host.seal: the sandbox is already sealed"));
    fx_close(h);
}

static void test_loading_before_the_seal_is_an_error(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    fx_open(h);
    assert_int_equal(fx_push_host(h, NULL), TAF_EXIT_OK);
    assert_int_equal(fx_sandboxed(h, "return 1", &out), TAF_EXIT_RUNTIME);
    assert_non_null(strstr(out.err, "a script was loaded before the sandbox was sealed"));
    assert_int_equal(fx_run(h, "host.load_chunk('return 1', '=x')", &out), TAF_EXIT_RUNTIME);
    assert_non_null(strstr(out.err, "before the sandbox was sealed"));
    fx_close(h);
}

/* Every allocation host_lib_push and host.seal make can be refused (the cap
 * set a few bytes above what the open state holds, higher each time): the
 * failure is a clean exit 1 with the memory message, the state closes with
 * nothing left allocated, and the first cap that fits gives a working sandbox. */
static void test_seal_reports_out_of_memory_at_every_step(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    int refused = 0, sealed = 0;
    for (size_t extra = 0; extra <= 256 * 1024 && !sealed; extra += 16) {
        fx_open(h);
        h->limits.max_mem = h->mem_used + extra;
        int rc = fx_push_host(h, &out);
        if (rc == TAF_EXIT_OK)
            rc = fx_run(h, FX_SEAL, &out);
        if (rc == TAF_EXIT_OK) {
            sealed = 1;
            h->limits.max_mem = 0;
            rc = fx_sandboxed(h, "assert(io == nil and taf.gpu('x').name == 'x' and recipe({}).declared)", &out);
            if (rc != TAF_EXIT_OK)
                fail_msg("sandbox sealed under a cap of +%zu bytes does not work: %s", extra, out.err);
        } else {
            refused++;
            if (rc != TAF_EXIT_RUNTIME || !h->mem_exhausted || strncmp(out.err, "tafrun: script stopped: memory cap exceeded", 43) != 0)
                fail_msg("cap +%zu bytes: exit %d, \"%s\"", extra, rc, out.err);
        }
        fx_close(h);
        if (h->mem_used != 0)
            fail_msg("cap +%zu bytes: %zu bytes left allocated after close", extra, h->mem_used);
    }
    assert_true(sealed);
    assert_true(refused > 100);
}

/* ── host.loadfile and host.load_chunk ── */

static void test_loadfile_refuses_precompiled_chunks(void **state)
{
    static const char bytecode[] = "\x1bLua\x54\x00\x19\x93\r\n\x1a\n\x04\x08\x08\x78\x56\x00\x00";
    char path[256];
    struct taf_host *h = *state;
    struct fx_out out;
    write_temp(path, sizeof path, bytecode, sizeof bytecode - 1);
    open_sealed(h, 0);
    int rc = run_with_path(h, "host.loadfile('%s')", path, &out);
    assert_int_equal(rc, TAF_EXIT_RUNTIME);
    assert_non_null(strstr(out.err, path));
    assert_non_null(strstr(out.err, "is a precompiled (binary) chunk; tafrun loads Lua source text only"));
    fx_close(h);
    unlink(path);
}

static void test_loadfile_runs_text_in_a_fresh_sandbox(void **state)
{
    static const char text[] = "assert(io == nil and host == nil and debug == nil)\n"
                               "return { extra = EXTRA, gpu = taf.gpu('A100').name, io = io }\n";
    char path[256];
    struct taf_host *h = *state;
    struct fx_out out;
    write_temp(path, sizeof path, text, sizeof text - 1);
    open_sealed(h, 0);
    int rc = run_with_path(h,
                           "local f = host.loadfile('%s', { EXTRA = 7 })\n"
                           "local name, env = debug.getupvalue(f, 1)\n"
                           "assert(name == '_ENV' and env ~= _G and env.io == nil and env.EXTRA == 7)\n"
                           "local r = f()\n"
                           "assert(r.extra == 7 and r.gpu == 'A100' and r.io == nil)",
                           path, &out);
    assert_string_equal(out.err, "");
    assert_int_equal(rc, TAF_EXIT_OK);
    fx_close(h);
    unlink(path);
}

static void test_loadfile_errors_name_the_file(void **state)
{
    char path[256], expected[512];
    struct taf_host *h = *state;
    struct fx_out out;
    open_sealed(h, 0);
    write_temp(path, sizeof path, "\nerror('declared badly')\n", 25);
    assert_int_equal(run_with_path(h, "host.loadfile('%s')()", path, &out), TAF_EXIT_RUNTIME);
    snprintf(expected, sizeof expected, "tafrun: %s:2: declared badly\n", path);
    assert_string_equal(out.err, expected);
    unlink(path);
    write_temp(path, sizeof path, "local = 1\n", 10);
    assert_int_equal(run_with_path(h, "host.loadfile('%s')", path, &out), TAF_EXIT_RUNTIME);
    snprintf(expected, sizeof expected, "tafrun: %s:1: ", path);
    assert_int_equal(strncmp(out.err, expected, strlen(expected)), 0);
    unlink(path);
    assert_int_equal(run_with_path(h, "host.loadfile('%s')", path, &out), TAF_EXIT_RUNTIME);
    snprintf(expected, sizeof expected, "tafrun: cannot open %s: No such file or directory\n", path);
    assert_string_equal(out.err, expected);
    fx_close(h);
}

static void test_load_chunk_sandboxes_text_and_returns_syntax_errors(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    open_sealed(h, 0);
    int rc = fx_run(h,
                    "local f, err = host.load_chunk('return +', '=(command line)')\n"
                    "assert(f == nil and err:find('^%(command line%):1:'), err)\n"
                    "assert(host.load_chunk('return io, host, taf.gpu(\"B200\").name', '=x')() == nil)\n"
                    "assert(select(3, host.load_chunk('return io, host, taf.gpu(\"B200\").name', '=x')()) == 'B200')\n"
                    "assert(host.load_chunk('\\27Lua', '=x') == nil)",
                    &out);
    assert_string_equal(out.err, "");
    assert_int_equal(rc, TAF_EXIT_OK);
    fx_close(h);
}

/* ── --trust ── */

static void test_trusted_env_is_the_global_table(void **state)
{
    struct taf_host *h = *state;
    struct fx_out out;
    open_sealed(h, 1);
    sandbox_push_env(h, NULL);
    lua_rawgeti(h->L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    assert_true(lua_rawequal(h->L, -1, -2));
    lua_pop(h->L, 2);
    /* with the declarations as globals, and the full library */
    int rc = fx_sandboxed(h, "assert(recipe({}).declared and io and debug and load and taf.gpu('x').name == 'x')", &out);
    assert_string_equal(out.err, "");
    assert_int_equal(rc, TAF_EXIT_OK);
    rc = fx_run(h, "assert(host.load_chunk('return _ENV', '=x')() == _G)", &out);
    assert_string_equal(out.err, "");
    assert_int_equal(rc, TAF_EXIT_OK);
    fx_close(h);
}

#define SETUP fx_setup
#define TEARDOWN fx_teardown

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_env_lacks_every_unsafe_global, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_env_keeps_the_safe_builtins_and_the_declarations, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_env_is_a_fresh_table_not_the_globals, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_env_changes_do_not_leak_into_the_next_env, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_print_writes_to_stderr, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_require_finds_built_in_helpers_read_only_and_cached, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_require_refuses_modules_off_the_recipe_path, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_taf_and_the_libraries_are_read_only, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_read_only_tables_do_not_leak_the_real_table_through_pairs, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_setmetatable_refuses_gc_finalizers, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_setmetatable_refuses_protected_metatables, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_second_seal_is_refused, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_loading_before_the_seal_is_an_error, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_seal_reports_out_of_memory_at_every_step, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_loadfile_refuses_precompiled_chunks, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_loadfile_runs_text_in_a_fresh_sandbox, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_loadfile_errors_name_the_file, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_load_chunk_sandboxes_text_and_returns_syntax_errors, SETUP, TEARDOWN),
        cmocka_unit_test_setup_teardown(test_trusted_env_is_the_global_table, SETUP, TEARDOWN),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Helpers for the host and sandbox tests (test_host.c, test_sandbox.c): a
 * host over the source tree, chunks run through host_call() (protected, so a
 * load failure or a memory refusal is reported like any other error), and
 * stderr captured into a buffer. Include after <cmocka.h>. */
#ifndef TAF_TEST_HOST_FIXTURE_H
#define TAF_TEST_HOST_FIXTURE_H

#include "host.h"
#include "host_lib.h"
#include "sandbox.h"

#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FX_MIB ((size_t)1 << 20)

/* Room for what one failing call prints (a message, a traceback). */
struct fx_out {
    char err[16384];
};

/* stderr goes to a temporary file from begin to end; end restores it before
 * anything is asserted, so a failing assertion still prints. */
struct fx_capture {
    int saved;
    FILE *file;
};

static inline void fx_capture_begin(struct fx_capture *c)
{
    fflush(stderr);
    c->file = tmpfile();
    c->saved = dup(STDERR_FILENO);
    if (c->file != NULL && c->saved >= 0)
        dup2(fileno(c->file), STDERR_FILENO);
}

static inline void fx_capture_end(struct fx_capture *c, char *buf, size_t size)
{
    fflush(stderr);
    if (c->saved >= 0) {
        dup2(c->saved, STDERR_FILENO);
        close(c->saved);
    }
    size_t n = 0;
    if (c->file != NULL) {
        rewind(c->file);
        n = fread(buf, 1, size - 1, c->file);
        fclose(c->file);
    }
    buf[n] = '\0';
}

/* A host over the repository root (recipes/, catalogs/), no limits, open. */
static inline void fx_open(struct taf_host *h)
{
    memset(h, 0, sizeof *h);
    snprintf(h->datadir, sizeof h->datadir, "%s", TAF_SOURCE_DIR);
    assert_int_equal(host_open(h), TAF_EXIT_OK);
    assert_non_null(h->L);
}

static inline void fx_close(struct taf_host *h)
{
    host_close(h);
    assert_null(h->L);
}

/* cmocka setup and teardown: each test gets a zeroed host in *state, and
 * the teardown closes whatever the test left open (a failing assertion
 * leaves the test early, and LeakSanitizer should then report the failure
 * only, not the state it abandoned). */
static inline int fx_setup(void **state)
{
    struct taf_host *h = calloc(1, sizeof *h);
    *state = h;
    return h == NULL ? -1 : 0;
}

static inline int fx_teardown(void **state)
{
    struct taf_host *h = *state;
    host_close(h);
    free(h);
    return 0;
}

static inline struct taf_host *fx_host_of(lua_State *L)
{
    void *ud;
    lua_getallocf(L, &ud);
    return ud;
}

/* Protected body of fx_call: load the code (a text chunk named "=test"), in
 * the global table or in a fresh sandbox environment, and call it. */
static inline int fx_do(lua_State *L)
{
    const char *code = lua_touserdata(L, 1);
    int sandboxed = lua_toboolean(L, 2);
    int nresults = (int)lua_tointeger(L, 3);
    lua_settop(L, 0);
    if (luaL_loadbufferx(L, code, strlen(code), "=test", "t") != LUA_OK)
        return lua_error(L);
    if (sandboxed) {
        sandbox_push_env(fx_host_of(L), NULL);
        if (lua_setupvalue(L, -2, 1) == NULL)
            lua_pop(L, 1);
    }
    lua_call(L, 0, nresults);
    return nresults;
}

/* Run `code` through host_call() with `nresults` results left on the stack
 * when it succeeds; stderr goes to out->err (out may be NULL). Returns the
 * exit code. */
static inline int fx_call(struct taf_host *h, const char *code, int sandboxed, int nresults, struct fx_out *out)
{
    struct fx_capture c;
    static struct fx_out scratch;
    fx_capture_begin(&c);
    lua_pushcfunction(h->L, fx_do);
    lua_pushlightuserdata(h->L, (void *)code);
    lua_pushboolean(h->L, sandboxed);
    lua_pushinteger(h->L, nresults);
    int rc = host_call(h, 3, nresults);
    out = out != NULL ? out : &scratch;
    fx_capture_end(&c, out->err, sizeof out->err);
    return rc;
}

/* Run code in the global table, no results. */
static inline int fx_run(struct taf_host *h, const char *code, struct fx_out *out)
{
    return fx_call(h, code, 0, 0, out);
}

/* Run code in a fresh sandbox environment (the sandbox must be sealed). */
static inline int fx_sandboxed(struct taf_host *h, const char *code, struct fx_out *out)
{
    return fx_call(h, code, 1, 0, out);
}

/* Protected: push the privileged host table and make it the global `host`
 * (the trusted driver chunks of the tests reach it there; a sandbox
 * environment never copies it). */
static inline int fx_do_push_host(lua_State *L)
{
    host_lib_push(fx_host_of(L));
    lua_setglobal(L, "host");
    return 0;
}

static inline int fx_push_host(struct taf_host *h, struct fx_out *out)
{
    struct fx_capture c;
    static struct fx_out scratch;
    fx_capture_begin(&c);
    lua_pushcfunction(h->L, fx_do_push_host);
    int rc = host_call(h, 0, 0);
    out = out != NULL ? out : &scratch;
    fx_capture_end(&c, out->err, sizeof out->err);
    return rc;
}

/* The seal the tests use: one declaration (recipe), one non-function value
 * that must not become a global (count), one taf function (gpu). */
#define FX_SEAL \
    "host.seal({ recipe = function(t) t.declared = true; return t end, count = 42 }," \
    "          { gpu = function(name) return { name = name } end })"

#endif

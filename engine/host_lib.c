#include "host_lib.h"
#include "sandbox.h"
#include "engine_lua.h"
#include "watchdog.h"
#include "lua/bind.h"

#include <lauxlib.h>
#include <lfs.h>
#include <dirent.h>
#include <limits.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define WRITER "tafrun.output"
#define MAX_CHILDREN 256
#define MAX_CLEANUP 512

/* Worker processes started by host.fork, and files to delete if the run
 * fails in a way Lua code cannot clean up after (budget, memory cap). */
static pid_t children[MAX_CHILDREN];
static int n_children;
static char *cleanup[MAX_CLEANUP];
static int n_cleanup;
static int is_worker;
/* temporary files of the open writers, for host_lib_emergency_stop */
static char *open_tmp[MAX_CLEANUP];
static int n_open_tmp;

/* Registries the SIGPROF watchdog reads change with SIGPROF held off. */
static void hold_watchdog(int hold)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGPROF);
    sigprocmask(hold ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}

/* SIGINT, SIGTERM, SIGHUP while output is being written: stop the workers,
 * remove every partial file, then die of the signal as usual. */
static void on_fatal_signal(int sig)
{
    host_lib_emergency_stop();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void catch_fatal_signals(void)
{
    static int installed;
    if (installed)
        return;
    installed = 1;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal_signal;
    sigemptyset(&sa.sa_mask);
    const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
    for (int i = 0; i < 3; i++)
        sigaction(sigs[i], &sa, NULL);
}

static void track_tmp(char *path, int add)
{
    hold_watchdog(1);
    if (add && n_open_tmp < MAX_CLEANUP) {
        open_tmp[n_open_tmp++] = path;
    } else if (!add) {
        for (int i = 0; i < n_open_tmp; i++)
            if (open_tmp[i] == path) {
                open_tmp[i] = open_tmp[--n_open_tmp];
                break;
            }
    }
    hold_watchdog(0);
}

/* host.exists(path) → "file" | "directory" | "other" | nil */
static int l_exists(lua_State *L)
{
    struct stat st;
    if (stat(luaL_checkstring(L, 1), &st) != 0)
        return lua_pushnil(L), 1;
    lua_pushstring(L, S_ISDIR(st.st_mode) ? "directory" : S_ISREG(st.st_mode) ? "file" : "other");
    return 1;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* host.dir(path) → sorted entry names (hidden ones skipped), or nil and a message. */
static int l_dir(lua_State *L)
{
    const char *path = luaL_checkstring(L, 1);
    DIR *d = opendir(path);
    if (d == NULL)
        return lua_pushnil(L), lua_pushfstring(L, "cannot list %s: %s", path, strerror(errno)), 2;
    size_t n = 0, cap = 64;
    char **names = malloc(cap * sizeof *names);
    struct dirent *e;
    while (names != NULL && (e = readdir(d)) != NULL && n < 100000) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            char **grown = realloc(names, (cap *= 2) * sizeof *names);
            if (grown == NULL)
                break;
            names = grown;
        }
        if ((names[n] = strdup(e->d_name)) != NULL)
            n++;
    }
    closedir(d);
    if (names == NULL)
        return luaL_error(L, "out of memory listing %s", path);
    qsort(names, n, sizeof *names, compare_names);
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        lua_pushstring(L, names[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
        free(names[i]);
    }
    free(names);
    return 1;
}

/* host.getenv(name): only the variables tafrun documents. */
static int l_getenv(lua_State *L)
{
    static const char *const ALLOWED[] = { "TAFRUN_PATH", "XDG_DATA_HOME", "HOME", "NO_COLOR", "HF_HUB_CACHE",
                                           "HF_HOME", "OLLAMA_MODELS", NULL };
    const char *name = luaL_checkstring(L, 1);
    for (const char *const *a = ALLOWED; *a; a++)
        if (!strcmp(*a, name)) {
            const char *v = getenv(name);
            if (v != NULL && *v)
                lua_pushstring(L, v);
            else
                lua_pushnil(L);
            return 1;
        }
    return luaL_error(L, "host.getenv: '%s' is not a tafrun variable", name);
}

/* ── atomic output files: written to PATH.partial-PID, renamed on commit ── */

struct writer {
    FILE *f;
    char *tmp, *path;
};

static struct writer *check_writer(lua_State *L)
{
    struct writer *w = luaL_checkudata(L, 1, WRITER);
    if (w->f == NULL)
        luaL_error(L, "output %s is already closed", w->path ? w->path : "?");
    return w;
}

static void writer_release(struct writer *w, int keep)
{
    if (w->f == stdout) {
        fflush(stdout);
        w->f = NULL;
    } else if (w->f != NULL) {
        fclose(w->f);
        w->f = NULL;
        if (!keep && w->tmp)
            unlink(w->tmp);
    }
    if (w->tmp != NULL)
        track_tmp(w->tmp, 0);
    free(w->tmp);
    free(w->path);
    w->tmp = w->path = NULL;
}

static int writer_write(lua_State *L)
{
    struct writer *w = check_writer(L);
    size_t len;
    const char *s = luaL_checklstring(L, 2, &len);
    if (fwrite(s, 1, len, w->f) != len)
        return luaL_error(L, "cannot write %s: %s", w->path, strerror(errno));
    return 0;
}

/* w:append_file(path): copy a finished part file in, then delete it. */
static int writer_append_file(lua_State *L)
{
    struct writer *w = check_writer(L);
    const char *part = luaL_checkstring(L, 2);
    FILE *in = fopen(part, "rb");
    if (in == NULL)
        return luaL_error(L, "cannot read %s: %s", part, strerror(errno));
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, w->f) != n) {
            fclose(in);
            return luaL_error(L, "cannot write %s: %s", w->path, strerror(errno));
        }
    fclose(in);
    unlink(part);
    return 0;
}

static int writer_commit(lua_State *L)
{
    struct writer *w = check_writer(L);
    if (w->f == stdout) {
        int ok = fflush(stdout) == 0;
        writer_release(w, 1);
        if (!ok)
            return luaL_error(L, "cannot write to stdout: %s", strerror(errno));
        return 0;
    }
    int ok = fflush(w->f) == 0 && fsync(fileno(w->f)) == 0;
    ok = fclose(w->f) == 0 && ok;
    w->f = NULL;
    if (!ok || (strcmp(w->tmp, w->path) != 0 && rename(w->tmp, w->path) != 0)) {
        int e = errno;
        unlink(w->tmp);
        lua_pushfstring(L, "cannot write %s: %s", w->path, strerror(e));
        writer_release(w, 0);
        return lua_error(L);
    }
    writer_release(w, 1);
    return 0;
}

static int writer_abort(lua_State *L)
{
    struct writer *w = luaL_checkudata(L, 1, WRITER);
    writer_release(w, 0);
    return 0;
}

/* host.on_failure_remove(path): delete `path` if this run ends in failure. */
static int l_on_failure_remove(lua_State *L)
{
    const char *path = luaL_checkstring(L, 1);
    if (n_cleanup == MAX_CLEANUP)
        return luaL_error(L, "too many files to clean up");
    char *copy = strdup(path);
    if (copy == NULL)
        return luaL_error(L, "out of memory");
    hold_watchdog(1);
    cleanup[n_cleanup++] = copy;
    hold_watchdog(0);
    return 0;
}

/* host.open_output(path [, direct]) → writer, or nil and the system's reason
 * when the file cannot be created; nothing appears at `path` until commit
 * (direct: write `path` itself, for a worker's part). "-" is stdout. */
static int l_open_output(lua_State *L)
{
    const char *path = luaL_checkstring(L, 1);
    int direct = lua_toboolean(L, 2);
    struct writer *w = lua_newuserdatauv(L, sizeof *w, 0);
    memset(w, 0, sizeof *w);
    luaL_setmetatable(L, WRITER);
    if (!strcmp(path, "-")) {
        w->f = stdout;
        w->path = strdup("(stdout)");
        return 1;
    }
    size_t n = strlen(path) + 32;
    w->tmp = malloc(n);
    w->path = strdup(path);
    if (w->tmp == NULL || w->path == NULL)
        return luaL_error(L, "out of memory");
    if (direct)
        snprintf(w->tmp, n, "%s", path);
    else
        snprintf(w->tmp, n, "%s.partial-%ld", path, (long)getpid());
    int fd = open(w->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0 || (w->f = fdopen(fd, "wb")) == NULL) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        writer_release(w, 0);
        lua_pushnil(L);
        lua_pushstring(L, strerror(e));
        return 2;
    }
    track_tmp(w->tmp, 1);
    catch_fatal_signals();
    return 1;
}

/* ── worker processes ── */

/* host.fork(n) → 0 in the parent, 1 … n−1 in the children. */
static int l_fork(lua_State *L)
{
    lua_Integer n = luaL_checkinteger(L, 1);
    luaL_argcheck(L, n >= 1 && n <= 256, 1, "workers must be in [1, 256]");
    /* the instruction budget is the command's: the workers and the parent
     * share what is left of it, a part each (each counts the others' parts
     * as spent, so messages still name the budget the user gave) */
    struct taf_host *h = host_of(L);
    if (h->limits.max_steps > 0 && n > 1 && host_steps_used(h) < h->limits.max_steps) {
        long long left = h->limits.max_steps - host_steps_used(h);
        h->steps_used += left - left / n;
    }
    catch_fatal_signals();
    fflush(NULL);
    for (lua_Integer k = 1; k < n; k++) {
        pid_t pid = fork();
        if (pid < 0)
            return luaL_error(L, "cannot start worker %d: %s", (int)k, strerror(errno));
        if (pid == 0) {
            is_worker = 1;
            n_children = 0;
            watchdog_after_fork();
            lua_pushinteger(L, k);
            return 1;
        }
        if (n_children < MAX_CHILDREN)
            children[n_children++] = pid;
    }
    lua_pushinteger(L, 0);
    return 1;
}

/* host.wait() → true when every child exited 0. */
static int l_wait(lua_State *L)
{
    int ok = 1, status;
    while (wait(&status) > 0)
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            ok = 0;
    n_children = 0;
    lua_pushboolean(L, ok);
    return 1;
}

/* host.exit(code): end a worker process at once (its output is flushed). */
static int l_exit(lua_State *L)
{
    int code = (int)luaL_optinteger(L, 1, 0);
    fflush(NULL);
    _exit(code);
    return 0;
}

/* host.remove(path): delete a file tafrun wrote (missing is fine). */
static int l_remove(lua_State *L)
{
    unlink(luaL_checkstring(L, 1));
    return 0;
}

/* host.clone(t [, keys]): a shallow copy of table t, sized once (a sweep point
 * copies the resolved parameters of its model; growing a Lua table key by key
 * rehashes it five times for twenty-odd fields). With `keys`, the list of t's
 * keys, only those are read, without walking t (two lua_next walks cost more
 * than the copy). The metatable is not copied. */
static int l_clone(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    if (lua_istable(L, 2)) { /* the keys given: one raw read and write each */
        lua_Integer n = (lua_Integer)lua_rawlen(L, 2);
        lua_createtable(L, 0, n < INT_MAX ? (int)n : INT_MAX);
        for (lua_Integer i = 1; i <= n; i++) {
            lua_rawgeti(L, 2, i);
            lua_pushvalue(L, -1);
            lua_rawget(L, 1);
            lua_rawset(L, -3);
        }
        return 1;
    }
    int n = 0;
    lua_pushnil(L);
    while (lua_next(L, 1) != 0) {
        lua_pop(L, 1);
        n++;
    }
    lua_createtable(L, 0, n);
    lua_pushnil(L);
    while (lua_next(L, 1) != 0) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, -4);
    }
    return 1;
}

static int l_nproc(lua_State *L)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    lua_pushinteger(L, n > 0 ? n : 1);
    return 1;
}

static int l_clock(lua_State *L)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    lua_pushnumber(L, (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec);
    return 1;
}

/* host.progress(text): redraw one status line on stderr (callers check stderr_tty). */
static int l_progress(lua_State *L)
{
    fprintf(stderr, "\r%s\033[K", luaL_checkstring(L, 1));
    fflush(stderr);
    return 0;
}

/* The parent of a failed run: stop the workers, then delete their parts and
 * every registered file (async-signal-safe: kill, wait, unlink). */
static void stop_workers_and_clean(void)
{
    if (is_worker)
        return;
    for (int i = 0; i < n_children; i++)
        kill(children[i], SIGTERM);
    while (wait(NULL) > 0)
        ;
    for (int i = 0; i < n_cleanup; i++)
        unlink(cleanup[i]);
}

void host_lib_emergency_stop(void)
{
    stop_workers_and_clean();
    for (int i = 0; i < n_open_tmp; i++)
        unlink(open_tmp[i]);
}

void host_lib_shutdown(int failed)
{
    if (failed)
        stop_workers_and_clean();
    for (int i = 0; i < n_cleanup; i++)
        free(cleanup[i]);
    n_cleanup = n_children = 0;
}

/* host.engine_chunk(module) → the engine's own Lua file, loaded from the
 * bytecode built into the binary ("runner", "cmd.run"; tools/taf_embed.c):
 * the only chunks loaded with mode "b", never reachable by a script. */
static int l_engine_chunk(lua_State *L)
{
    const char *name = luaL_checkstring(L, 1);
    for (const struct taf_engine_file *f = taf_engine_files; f->module != NULL; f++)
        if (strcmp(f->module, name) == 0) {
            if (luaL_loadbufferx(L, f->code, f->len, f->chunkname, "b") != LUA_OK)
                return lua_error(L);
            return 1;
        }
    return luaL_error(L, "internal error: no engine module '%s'", name);
}

/* host.configure{trust=, max_steps=, max_mem_mib=, verbose=, print_to_stdout=}:
 * the run's limits, once, before the sandbox is sealed. */
static int l_configure(lua_State *L)
{
    struct taf_host *h = host_of(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    if (h->configured)
        return luaL_error(L, "host.configure: already configured");
    h->configured = 1;
    lua_getfield(L, 1, "trust");
    h->trusted = lua_toboolean(L, -1);
    lua_getfield(L, 1, "verbose");
    h->verbose = lua_toboolean(L, -1);
    lua_getfield(L, 1, "print_to_stdout");
    h->print_to_stdout = lua_toboolean(L, -1);
    lua_getfield(L, 1, "max_steps");
    lua_Integer steps = luaL_optinteger(L, -1, TAF_DEFAULT_MAX_STEPS);
    lua_getfield(L, 1, "max_mem_mib");
    lua_Integer mib = luaL_optinteger(L, -1, TAF_DEFAULT_MAX_MEM >> 20);
    luaL_argcheck(L, steps > 0 && mib > 0 && mib <= (1 << 20), 1, "limits out of range");
    h->limits.max_steps = h->trusted ? 0 : steps;
    h->limits.max_mem = h->trusted ? 0 : (size_t)mib << 20;
    host_start_limits(h);
    return 0;
}

/* host.usage_error(message [, extra]) → the usage error object (lua/bind.h),
 * with the fields of `extra` (missing = NAME, plain = true) added. */
static int l_usage_error(lua_State *L)
{
    taf_push_usage_error(L, luaL_checkstring(L, 1));
    if (lua_istable(L, 2)) {
        lua_pushnil(L);
        while (lua_next(L, 2)) {
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, -4);
        }
    }
    return 1;
}

/* host.read_text(path, max_bytes) → the contents of a small regular file
 * (a manifest, a refs/main, an index.json), or nil and the reason; never
 * blocks on a FIFO or reads past max_bytes. */
static int l_read_text(lua_State *L)
{
    const char *path = luaL_checkstring(L, 1);
    lua_Integer max = luaL_checkinteger(L, 2);
    luaL_argcheck(L, max > 0 && max <= (64 << 20), 2, "max_bytes must be in (0, 64 MiB]");
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        lua_pushnil(L);
        lua_pushfstring(L, "%s: %s", path, fd >= 0 ? "not a regular file" : strerror(e));
        return 2;
    }
    if (st.st_size > max) {
        close(fd);
        lua_pushnil(L);
        lua_pushfstring(L, "%s: larger than %I bytes", path, max);
        return 2;
    }
    luaL_Buffer b;
    char *p = luaL_buffinitsize(L, &b, (size_t)st.st_size + 1);
    ssize_t n = read(fd, p, (size_t)st.st_size);
    close(fd);
    if (n < 0) {
        lua_pushnil(L);
        lua_pushfstring(L, "%s: %s", path, strerror(errno));
        return 2;
    }
    luaL_pushresultsize(&b, (size_t)n);
    return 1;
}

/* host.file_size(path) → bytes of a regular file, or nil. */
static int l_file_size(lua_State *L)
{
    struct stat st;
    if (stat(luaL_checkstring(L, 1), &st) != 0 || !S_ISREG(st.st_mode))
        return lua_pushnil(L), 1;
    lua_pushinteger(L, (lua_Integer)st.st_size);
    return 1;
}

/* host.realpath(path) → the canonical absolute path, or nil when it does not resolve. */
static int l_realpath(lua_State *L)
{
    char real[PATH_MAX];
    if (realpath(luaL_checkstring(L, 1), real) == NULL)
        return lua_pushnil(L), 1;
    lua_pushstring(L, real);
    return 1;
}

static int check_read(lua_State *L)
{
    taf_readers_check(L, lua_tostring(L, 1));
    return 0;
}

/* host.readable(path) → true, or false and the reason: may scripts read
 * `path` (below the recipe, pack and command-line paths; host.allow_reads)? */
static int l_readable(lua_State *L)
{
    luaL_checkstring(L, 1);
    lua_pushcfunction(L, check_read);
    lua_pushvalue(L, 1);
    if (lua_pcall(L, 1, 0, 0) != LUA_OK) {
        lua_pushboolean(L, 0);
        lua_insert(L, -2);
        return 2;
    }
    lua_pushboolean(L, 1);
    return 1;
}

/* host.error_text(e [, level]) → the text of any error object: a string as
 * it is, __tostring's text, a table's fields (raw, bounded), never a
 * metamethod run unprotected (lua/bind.c taf_push_error_text); a described
 * object is prefixed with the file:line of the first Lua function from stack
 * `level` up, counted from the caller (an error handler passes 2: past error()). */
static int l_error_text(lua_State *L)
{
    luaL_checkany(L, 1);
    int level = (int)luaL_optinteger(L, 2, 0);
    if (lua_type(L, 1) == LUA_TSTRING)
        return lua_settop(L, 1), 1;
    taf_push_error_text(L, 1, level);
    return 1;
}

/* host.is_usage_error(v) → whether v is a usage error object (not a look-alike). */
static int l_is_usage_error(lua_State *L)
{
    lua_pushboolean(L, taf_is_usage_error(L, 1));
    return 1;
}

/* host.allow_reads({path, …} [, append]): from now on taf.read_config, read_gguf and
 * profile read only below these paths (the recipe, pack and command-line ones). */
static int l_allow_reads(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    if (!lua_toboolean(L, 2)) /* append: add to the paths already allowed (none restricted: stays so) */
        taf_readers_restrict(L);
    lua_Integer n = (lua_Integer)lua_rawlen(L, 1);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, 1, i);
        taf_readers_allow(L, lua_tostring(L, -1));
        lua_pop(L, 1);
    }
    return 0;
}

void host_lib_push(struct taf_host *h)

{
    lua_State *L = h->L;
    if (luaL_newmetatable(L, WRITER)) {
        static const luaL_Reg methods[] = {
            { "write", writer_write }, { "append_file", writer_append_file },
            { "commit", writer_commit }, { "abort", writer_abort }, { NULL, NULL },
        };
        luaL_newlib(L, methods);
        lua_setfield(L, -2, "__index");
        lua_pushcfunction(L, writer_abort);
        lua_setfield(L, -2, "__gc");
    }
    lua_pop(L, 1);

    static const luaL_Reg funcs[] = {
        { "exists", l_exists }, { "dir", l_dir }, { "getenv", l_getenv },
        { "open_output", l_open_output }, { "fork", l_fork }, { "wait", l_wait }, { "exit", l_exit },
        { "remove", l_remove }, { "on_failure_remove", l_on_failure_remove }, { "nproc", l_nproc },
        { "clone", l_clone }, { "clock", l_clock }, { "progress", l_progress },
        { "engine_chunk", l_engine_chunk }, { "configure", l_configure }, { "allow_reads", l_allow_reads }, { "usage_error", l_usage_error },
        { "is_usage_error", l_is_usage_error }, { "error_text", l_error_text },
        { "declare", host_declare },
        { "realpath", l_realpath }, { "read_text", l_read_text }, { "file_size", l_file_size }, { "readable", l_readable },
        { NULL, NULL },
    };
    luaL_newlib(L, funcs);
    int top = lua_gettop(L);
    luaopen_lfs(L); /* returns its table on top, may leave more below it */
    lua_replace(L, top + 1);
    lua_settop(L, top + 1);
    lua_setfield(L, -2, "lfs");
    lua_pushstring(L, h->datadir);
    lua_setfield(L, -2, "datadir");
    lua_pushboolean(L, isatty(STDOUT_FILENO));
    lua_setfield(L, -2, "stdout_tty");
    lua_pushboolean(L, isatty(STDERR_FILENO));
    lua_setfield(L, -2, "stderr_tty");
    sandbox_push_host_funcs(h);
}

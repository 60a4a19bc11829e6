/* Replacements in Lua's string library, each calling Lua's own function
 * for everything they do not handle, so results and errors stay Lua's.
 *
 * string.format with a fast path for the conversions recipe interpretations
 * use most: %s of a string, %d of an integer, %% and %[-+ ][width][.prec]f of
 * a number. The glibc %f behind Lua's own string.format costs more than the
 * rest of a formatted step; numfmt.c prints the same bytes without it. A
 * format with any other conversion, flag or argument type, or a number the
 * fast printer declines, goes to Lua's string.format unchanged.
 *
 * string.find, match, gmatch and gsub under the CPU watchdog (watchdog.h):
 * pattern backtracking runs no VM instruction, so only CPU time can bound it.
 * With them (taf_guard_patterns), the other C loops a script can start
 * without running an instruction: string.rep of nothing, and the table
 * library's (lua/tablelib.c, charged to the instruction budget). */
#include "lua/module.h"
#include "lua/bind.h"
#include "numfmt.h"
#include "watchdog.h"

#include <lauxlib.h>
#include <stdio.h>
#include <string.h>

struct spec {
    int left, plus, space, width, prec;
    char conv;
};

/* Up to two decimal digits at *c (none: 0), as Lua allows in a width or precision. */
static int two_digits(const char **c)
{
    int v = 0;
    for (int i = 0; i < 2 && **c >= '0' && **c <= '9'; i++)
        v = v * 10 + (*(*c)++ - '0');
    return v;
}

/* Parse the conversion after '%' at *p; 0 when it is outside the fast subset. */
static int parse_spec(const char **p, struct spec *s)
{
    const char *c = *p;
    memset(s, 0, sizeof *s);
    s->prec = -1;
    for (int flags = 0;; c++, flags++) {
        if (flags > 3) /* Lua bounds the length of a conversion: let it judge */
            return 0;
        if (*c == '-') s->left = 1;
        else if (*c == '+') s->plus = 1;
        else if (*c == ' ') s->space = 1;
        else break;
    }
    if (*c >= '1' && *c <= '9') /* a width never starts with 0 (that is a flag) */
        s->width = two_digits(&c);
    if (*c == '.') {
        c++;
        s->prec = two_digits(&c);
    }
    s->conv = *c++;
    *p = c;
    int bare = !s->left && !s->plus && !s->space && s->width == 0 && s->prec < 0;
    if (s->conv == 'f')
        return 1;
    return (s->conv == 's' || s->conv == 'd' || s->conv == '%') && bare;
}

/* Append one converted argument; 0 to give the whole call to Lua's format. */
static int convert(lua_State *L, luaL_Buffer *b, const struct spec *s, int arg)
{
    char num[48];
    const char *text = num;
    size_t len;
    if (s->conv == 's') {
        if (lua_type(L, arg) != LUA_TSTRING)
            return 0;
        text = lua_tolstring(L, arg, &len);
    } else if (s->conv == 'd') {
        if (!lua_isinteger(L, arg))
            return 0;
        len = (size_t)taf_fmt_int(num, (long long)lua_tointeger(L, arg));
    } else {
        if (lua_type(L, arg) != LUA_TNUMBER)
            return 0;
        double x = (double)lua_tonumber(L, arg);
        int n = taf_fmt_fixed(num + 1, x, s->prec < 0 ? 6 : s->prec);
        if (n < 0)
            return 0;
        text = num + 1;
        len = (size_t)n;
        if (num[1] != '-' && (s->plus || s->space)) {
            num[0] = s->plus ? '+' : ' ';
            text = num;
            len++;
        }
    }
    size_t pad = (size_t)s->width > len ? (size_t)s->width - len : 0;
    if (!s->left)
        for (size_t i = 0; i < pad; i++) luaL_addchar(b, ' ');
    luaL_addlstring(b, text, len);
    if (s->left)
        for (size_t i = 0; i < pad; i++) luaL_addchar(b, ' ');
    return 1;
}

/* The messages Lua's string functions raise themselves (lstrlib.c). */
static int raised_by_lua_string_lib(const char *msg)
{
    static const char *const starts[] = {
        "bad argument", "invalid ", "malformed pattern", "missing '['", "pattern too complex",
        "too many captures", "unfinished capture", "calling '",
    };
    for (size_t i = 0; i < sizeof starts / sizeof *starts; i++)
        if (strncmp(msg, starts[i], strlen(starts[i])) == 0)
            return 1;
    return 0;
}

/* Call Lua's own function (upvalue 1, its global name upvalue 2) on the
 * arguments and return all its results; `guard`: under the CPU watchdog.
 * Called from here, its argument errors would name the function '?' and miss
 * the caller's file and line; they get both back, as if the script had
 * called it directly. */
static int call_lua_original(lua_State *L, int guard)
{
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    if (guard)
        watchdog_enter();
    int rc = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
    if (guard)
        watchdog_leave();
    if (rc == LUA_OK)
        return lua_gettop(L);
    const char *msg = lua_tostring(L, -1);
    if (msg != NULL && raised_by_lua_string_lib(msg)) {
        lua_Debug ar;
        const char *name = lua_tostring(L, lua_upvalueindex(2)); /* "string.find" */
        int arg, method = 0;
        if (lua_getstack(L, 0, &ar) && lua_getinfo(L, "n", &ar)) {
            if (ar.name != NULL)
                name = ar.name;
            method = strcmp(ar.namewhat, "method") == 0;
        }
        luaL_where(L, 1);
        /* s:format(…) counts arguments after the string, as Lua's own does */
        if (method &&
            sscanf(msg, "bad argument #%d ", &arg) == 1 && arg > 1) {
            const char *rest = strstr(msg, " to '?'");
            lua_pushfstring(L, "bad argument #%d to '%s'%s", arg - 1, name, rest ? rest + 7 : "");
        } else {
            lua_pushfstring(L, "to '%s'", name);
            luaL_gsub(L, msg, "to '?'", lua_tostring(L, -1));
            lua_remove(L, -2);
        }
        lua_concat(L, 2);
    }
    return lua_error(L);
}

static int lua_format(lua_State *L)
{
    return call_lua_original(L, 0);
}

static int fast_format(lua_State *L)
{
    size_t flen;
    if (lua_type(L, 1) != LUA_TSTRING)
        return lua_format(L);
    const char *f = lua_tolstring(L, 1, &flen);
    const char *end = f + flen;
    int top = lua_gettop(L), arg = 1;
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    while (f < end) {
        const char *pct = memchr(f, '%', (size_t)(end - f));
        if (pct == NULL) {
            luaL_addlstring(&b, f, (size_t)(end - f));
            break;
        }
        luaL_addlstring(&b, f, (size_t)(pct - f));
        f = pct + 1;
        struct spec s;
        if (f >= end || !parse_spec(&f, &s) || f > end)
            goto slow;
        if (s.conv == '%') {
            luaL_addchar(&b, '%');
            continue;
        }
        if (++arg > top || !convert(L, &b, &s, arg))
            goto slow;
    }
    luaL_pushresult(&b);
    return 1;
slow:
    /* the buffer may hold a box on the stack: drop everything above the arguments */
    lua_settop(L, top);
    return lua_format(L);
}

void taf_install_fast_format(lua_State *L)
{
    lua_getglobal(L, "string");
    lua_getfield(L, -1, "format");
    lua_pushliteral(L, "string.format");
    lua_pushcclosure(L, fast_format, 2);
    lua_setfield(L, -2, "format");
    lua_pop(L, 1);
}

static int guarded(lua_State *L)
{
    return call_lua_original(L, 1);
}

/* gmatch matches in its iterator: the iterator is guarded, not the call. */
static int guarded_gmatch(lua_State *L)
{
    int n = call_lua_original(L, 0);
    if (n >= 1 && lua_type(L, 1) == LUA_TFUNCTION) {
        lua_settop(L, 1);
        lua_pushliteral(L, "gmatch iterator");
        lua_pushcclosure(L, guarded, 2);
        return 1;
    }
    return n;
}

/* string.rep of an empty string with an empty separator is "" whatever the
 * count: Lua's own loops the count out, copying nothing, and
 * string.rep("", 2^62) never ends. Every other call is Lua's, whose copies
 * are bounded by the memory cap (it allocates the whole result first). */
static int guarded_rep(lua_State *L)
{
    int isnum;
    if (lua_type(L, 1) == LUA_TSTRING && lua_rawlen(L, 1) == 0 && (lua_tointegerx(L, 2, &isnum), isnum) &&
        (lua_isnoneornil(L, 3) || (lua_type(L, 3) == LUA_TSTRING && lua_rawlen(L, 3) == 0))) {
        lua_pushliteral(L, "");
        return 1;
    }
    return call_lua_original(L, 0);
}

void taf_guard_patterns(lua_State *L)
{
    static const char *const names[] = { "find", "match", "gsub", "gmatch", "rep" };
    static const lua_CFunction guards[] = { guarded, guarded, guarded, guarded_gmatch, guarded_rep };
    lua_getglobal(L, "string");
    for (int i = 0; i < 5; i++) {
        lua_getfield(L, -1, names[i]);
        lua_pushfstring(L, "string.%s", names[i]);
        lua_pushcclosure(L, guards[i], 2);
        lua_setfield(L, -2, names[i]);
    }
    lua_pop(L, 1);
    /* the table library's loops: the other C work done on a script's behalf */
    taf_guard_tables(L);
}

/* table.insert, remove, move, concat and sort, copied from Lua 5.4.4's
 * ltablib.c (MIT licence, see lua.h) with one change: the elements they move
 * and the comparisons they make are charged to the instruction budget
 * (taf_charge_steps), before the loop where the count is known, per
 * partition in sort. The VM counts none of that work, and a lying __len
 * (setmetatable({}, {__len = function() return 2^62 end})) or a huge range
 * would loop in C past every limit. Each length is asked once, so a __len
 * cannot answer the charge one number and the loop another. Results and
 * error messages are Lua's own; table.pack and table.unpack stay Lua's
 * (unpack is bounded by the stack, at most a million values). */
#include "lua/bind.h"

#include <lauxlib.h>
#include <limits.h>
#include <string.h>
#include <time.h>

/* Operations that an object must define to mimic a table. */
#define TAB_R 1 /* read */
#define TAB_W 2 /* write */
#define TAB_L 4 /* length */
#define TAB_RW (TAB_R | TAB_W)

#define aux_getn(L, n, w) (checktab(L, n, (w) | TAB_L), luaL_len(L, n))

static int checkfield(lua_State *L, const char *key, int n)
{
    lua_pushstring(L, key);
    return lua_rawget(L, -n) != LUA_TNIL;
}

/* 'arg' is a table or can behave like one (a metatable with the required metamethods). */
static void checktab(lua_State *L, int arg, int what)
{
    if (lua_type(L, arg) != LUA_TTABLE) {
        int n = 1;
        if (lua_getmetatable(L, arg) && (!(what & TAB_R) || checkfield(L, "__index", ++n)) &&
            (!(what & TAB_W) || checkfield(L, "__newindex", ++n)) &&
            (!(what & TAB_L) || checkfield(L, "__len", ++n)))
            lua_pop(L, n);
        else
            luaL_checktype(L, arg, LUA_TTABLE); /* force an error */
    }
}

static int tinsert(lua_State *L)
{
    lua_Integer pos;
    lua_Integer e = aux_getn(L, 1, TAB_RW);
    e = (lua_Integer)((lua_Unsigned)e + 1u); /* first empty element */
    switch (lua_gettop(L)) {
    case 2:
        pos = e;
        break;
    case 3: {
        pos = luaL_checkinteger(L, 2);
        /* check whether 'pos' is in [1, e] */
        luaL_argcheck(L, (lua_Unsigned)pos - 1u < (lua_Unsigned)e, 2, "position out of bounds");
        taf_charge_steps(L, e - pos);
        for (lua_Integer i = e; i > pos; i--) { /* move up elements */
            lua_geti(L, 1, i - 1);
            lua_seti(L, 1, i);
        }
        break;
    }
    default:
        return luaL_error(L, "wrong number of arguments to 'insert'");
    }
    lua_seti(L, 1, pos);
    return 0;
}

static int tremove(lua_State *L)
{
    lua_Integer size = aux_getn(L, 1, TAB_RW);
    lua_Integer pos = luaL_optinteger(L, 2, size);
    if (pos != size) /* check whether 'pos' is in [1, size + 1] */
        luaL_argcheck(L, (lua_Unsigned)pos - 1u <= (lua_Unsigned)size, 1, "position out of bounds"); /* sic: #1, as Lua's */
    lua_geti(L, 1, pos);
    if (pos < size)
        taf_charge_steps(L, size - pos);
    for (; pos < size; pos++) {
        lua_geti(L, 1, pos + 1);
        lua_seti(L, 1, pos);
    }
    lua_pushnil(L);
    lua_seti(L, 1, pos);
    return 1;
}

/* Copy elements (1[f], ..., 1[e]) into (tt[t], tt[t+1], ...), in increasing
 * order whenever the ranges allow. */
static int tmove(lua_State *L)
{
    lua_Integer f = luaL_checkinteger(L, 2);
    lua_Integer e = luaL_checkinteger(L, 3);
    lua_Integer t = luaL_checkinteger(L, 4);
    int tt = !lua_isnoneornil(L, 5) ? 5 : 1;
    checktab(L, 1, TAB_R);
    checktab(L, tt, TAB_W);
    if (e >= f) {
        luaL_argcheck(L, f > 0 || e < LUA_MAXINTEGER + f, 3, "too many elements to move");
        lua_Integer n = e - f + 1;
        luaL_argcheck(L, t <= LUA_MAXINTEGER - n + 1, 4, "destination wrap around");
        taf_charge_steps(L, n);
        if (t > e || t <= f || (tt != 1 && !lua_compare(L, 1, tt, LUA_OPEQ))) {
            for (lua_Integer i = 0; i < n; i++) {
                lua_geti(L, 1, f + i);
                lua_seti(L, tt, t + i);
            }
        } else {
            for (lua_Integer i = n - 1; i >= 0; i--) {
                lua_geti(L, 1, f + i);
                lua_seti(L, tt, t + i);
            }
        }
    }
    lua_pushvalue(L, tt);
    return 1;
}

static void addfield(lua_State *L, luaL_Buffer *b, lua_Integer i)
{
    lua_geti(L, 1, i);
    if (!lua_isstring(L, -1))
        luaL_error(L, "invalid value (%s) at index %I in table for 'concat'", luaL_typename(L, -1), (lua_Integer)i);
    luaL_addvalue(b);
}

static int tconcat(lua_State *L)
{
    luaL_Buffer b;
    lua_Integer last = aux_getn(L, 1, TAB_R);
    size_t lsep;
    const char *sep = luaL_optlstring(L, 2, "", &lsep);
    lua_Integer i = luaL_optinteger(L, 3, 1);
    last = luaL_optinteger(L, 4, last);
    if (i <= last) /* last - i + 1 elements, counted without overflow */
        taf_charge_steps(L, (lua_Unsigned)last - (lua_Unsigned)i >= (lua_Unsigned)LUA_MAXINTEGER
                                ? LUA_MAXINTEGER
                                : last - i + 1);
    luaL_buffinit(L, &b);
    for (; i < last; i++) {
        addfield(L, &b, i);
        luaL_addlstring(&b, sep, lsep);
    }
    if (i == last)
        addfield(L, &b, i);
    luaL_pushresult(&b);
    return 1;
}

/* ── Quicksort (after 'Algorithms in MODULA-3', Robert Sedgewick) ──────── */

typedef unsigned int IdxT;

/* A "random" unsigned int from clock and time to randomize the pivot after
 * a badly imbalanced partition. */
static unsigned int randomize_pivot(void)
{
    clock_t c = clock();
    time_t t = time(NULL);
    unsigned int buff[(sizeof c + sizeof t) / sizeof(unsigned int)];
    unsigned int rnd = 0;
    memcpy(buff, &c, sizeof c / sizeof(unsigned int) * sizeof(unsigned int));
    memcpy(buff + sizeof c / sizeof(unsigned int), &t, sizeof t / sizeof(unsigned int) * sizeof(unsigned int));
    for (size_t i = 0; i < sizeof buff / sizeof *buff; i++)
        rnd += buff[i];
    return rnd;
}

#define RANLIMIT 100u /* arrays larger than this may use randomized pivots */

static void set2(lua_State *L, IdxT i, IdxT j)
{
    lua_seti(L, 1, i);
    lua_seti(L, 1, j);
}

/* Is the value at stack index a less than the one at b, in the sort's order? */
static int sort_comp(lua_State *L, int a, int b)
{
    if (lua_isnil(L, 2))
        return lua_compare(L, a, b, LUA_OPLT);
    lua_pushvalue(L, 2);
    lua_pushvalue(L, a - 1);
    lua_pushvalue(L, b - 2);
    lua_call(L, 2, 1);
    int res = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return res;
}

/* Partition with the pivot P at the top of the stack; precondition
 * a[lo] <= P == a[up-1] <= a[up]; returns i with
 * a[lo .. i - 1] <= a[i] == P <= a[i + 1 .. up]. */
static IdxT partition(lua_State *L, IdxT lo, IdxT up)
{
    IdxT i = lo;
    IdxT j = up - 1;
    for (;;) {
        while ((void)lua_geti(L, 1, ++i), sort_comp(L, -1, -2)) {
            if (i == up - 1)
                luaL_error(L, "invalid order function for sorting");
            lua_pop(L, 1);
        }
        while ((void)lua_geti(L, 1, --j), sort_comp(L, -3, -1)) {
            if (j < i)
                luaL_error(L, "invalid order function for sorting");
            lua_pop(L, 1);
        }
        if (j < i) {
            lua_pop(L, 1);
            set2(L, up - 1, i);
            return i;
        }
        set2(L, i, j);
    }
}

/* An element in the middle (2nd–3rd quarters) of [lo, up], "randomized" by rnd. */
static IdxT choose_pivot(IdxT lo, IdxT up, unsigned int rnd)
{
    IdxT r4 = (up - lo) / 4;
    return rnd % (r4 * 2) + (lo + r4);
}

static void auxsort(lua_State *L, IdxT lo, IdxT up, unsigned int rnd)
{
    while (lo < up) {
        IdxT p, n;
        /* a partition compares each element of [lo, up] about once */
        taf_charge_steps(L, (lua_Integer)(up - lo) + 1);
        lua_geti(L, 1, lo);
        lua_geti(L, 1, up);
        if (sort_comp(L, -1, -2))
            set2(L, lo, up);
        else
            lua_pop(L, 2);
        if (up - lo == 1)
            return;
        if (up - lo < RANLIMIT || rnd == 0)
            p = (lo + up) / 2;
        else
            p = choose_pivot(lo, up, rnd);
        lua_geti(L, 1, p);
        lua_geti(L, 1, lo);
        if (sort_comp(L, -2, -1)) {
            set2(L, p, lo);
        } else {
            lua_pop(L, 1);
            lua_geti(L, 1, up);
            if (sort_comp(L, -1, -2))
                set2(L, p, up);
            else
                lua_pop(L, 2);
        }
        if (up - lo == 2)
            return;
        lua_geti(L, 1, p);
        lua_pushvalue(L, -1);
        lua_geti(L, 1, up - 1);
        set2(L, p, up - 1);
        p = partition(L, lo, up);
        if (p - lo < up - p) {
            auxsort(L, lo, p - 1, rnd);
            n = p - lo;
            lo = p + 1;
        } else {
            auxsort(L, p + 1, up, rnd);
            n = up - p;
            up = p - 1;
        }
        if ((up - lo) / 128 > n)
            rnd = randomize_pivot();
    }
}

static int tsort(lua_State *L)
{
    lua_Integer n = aux_getn(L, 1, TAB_RW);
    if (n > 1) {
        luaL_argcheck(L, n < INT_MAX, 1, "array too big");
        if (!lua_isnoneornil(L, 2))
            luaL_checktype(L, 2, LUA_TFUNCTION);
        lua_settop(L, 2);
        auxsort(L, 1, (IdxT)n, 0);
    }
    return 0;
}

void taf_guard_tables(lua_State *L)
{
    static const luaL_Reg funcs[] = {
        { "concat", tconcat }, { "insert", tinsert }, { "remove", tremove },
        { "move", tmove },     { "sort", tsort },     { NULL, NULL },
    };
    lua_getglobal(L, "table");
    luaL_setfuncs(L, funcs, 0);
    lua_pop(L, 1);
}

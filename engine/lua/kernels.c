/* taf.profile(path [, opts]) → result [, svg]: γ measured from an attention
 * file (SPEC §9). opts: sink_tokens (K ≥ 1, default 1), fit_range ({d1, d2},
 * either may be nil for its default 8 / ⌊T/2⌋), threads (default: all CPUs),
 * svg (true: also return the plot as SVG text). Bad files and options raise
 * usage errors (exit 2) whose message names the file. */
#include "lua/bind.h"
#include "formulas/thermo.h"
#include "kernels/attn_profile.h"
#include "readers/attn_file.h"
#include "render_svg.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define RUN_META "taf.profile_run"
#define PROGRESS_MIN_BYTES (64u << 20) /* smaller files finish before a bar is worth drawing */

static const char *const DUMP_KEYS[] = {
    "gamma", "log_A", "R2", "n_points", "fit_range", "sink_mass", "phase", "receipt", "curve", "layers",
    "sink_tokens", "fit_method", "gamma_heads", "receipt_counts", "dissimilar_heads", "receipt_note", "source", NULL,
};
static const char *const ATLAS_KEYS[] = {
    "gamma", "log_A", "R2", "n_points", "fit_range", "sink_mass", "phase", "receipt", "curve", "layers",
    "fit_method", "receipt_note", "source", "atlas", NULL,
};
static const char *const LAYER_KEYS[] = {
    "layer", "gamma", "R2", "log_A", "n_points", "sink_mass", "receipt", "gamma_heads", "heads", NULL,
};
static const char *const HEAD_KEYS[] = {
    "head", "gamma", "log_A", "R2", "sink_mass", "n_points", "receipt", "dissimilar", NULL,
};
static const char *const STATS_KEYS[] = { "n", "mean", "median", "sd", "min", "max", NULL };
static const char *const COUNT_KEYS[] = { "reliable", "coarse", "unreliable", "dissimilar", NULL };
static const char *const DISSIMILAR_KEYS[] = { "layer", "head", "gamma", "R2", "reason", NULL };
static const char *const POINT_KEYS[] = { "d", "A", NULL };
static const char *const SOURCE_KEYS[] = { "file", "format", "dtype", "n_layers", "n_heads", "T", NULL };
static const char *const ATLAS_SOURCE_KEYS[] = { "file", "format", NULL };
static const char *const ATLAS_INFO_KEYS[] = { "model", "theta", "decision", "recorded", "reproduced", NULL };
static const char *const FIT_KEYS[] = { "gamma", "log_A", "R2", "n_points", NULL };

/* Everything one call owns, released by __close/__gc even when a Lua error unwinds. */
struct profile_run {
    struct taf_attn_file file;
    struct taf_profile prof;
    int have_file, have_prof;
    const char *path;
    int last_pct;
    int bar;
};

static int run_release(lua_State *L)
{
    struct profile_run *r = luaL_checkudata(L, 1, RUN_META);
    if (r->have_prof)
        taf_profile_free(&r->prof);
    if (r->have_file)
        taf_attn_close(&r->file);
    if (r->bar)
        fputs("\r\033[K", stderr);
    r->have_prof = r->have_file = r->bar = 0;
    return 0;
}

static int usage_error(lua_State *L, const char *msg)
{
    taf_push_usage_error(L, msg);
    return lua_error(L);
}

/* An optional integer option in [lo, hi]; nil gives 0. */
static lua_Integer opt_count(lua_State *L, int idx, const char *name, lua_Integer lo, lua_Integer hi)
{
    lua_Integer v = 0;
    int t = lua_type(L, idx);
    if (t == LUA_TNIL)
        return 0;
    if (t != LUA_TNUMBER || !lua_isinteger(L, idx)) {
        lua_Number x = t == LUA_TNUMBER ? lua_tonumber(L, idx) : NAN;
        if (!lua_numbertointeger(x, &v) || (lua_Number)v != x) {
            lua_pushfstring(L, "taf.profile: %s must be an integer, got %s", name, luaL_tolstring(L, idx, NULL));
            return usage_error(L, lua_tostring(L, -1));
        }
    } else {
        v = lua_tointeger(L, idx);
    }
    if (v < lo || v > hi) {
        lua_pushfstring(L, "taf.profile: %s must be in [%I, %I], got %I", name, lo, hi, v);
        return usage_error(L, lua_tostring(L, -1));
    }
    return v;
}

static void read_opts(lua_State *L, int idx, struct taf_profile_opts *o, int *want_svg)
{
    memset(o, 0, sizeof *o);
    *want_svg = 0;
    if (lua_isnoneornil(L, idx))
        return;
    luaL_checktype(L, idx, LUA_TTABLE);
    lua_getfield(L, idx, "sink_tokens");
    o->sink_tokens = (size_t)opt_count(L, -1, "sink_tokens", 1, (lua_Integer)1 << 40);
    lua_pop(L, 1);
    if (lua_getfield(L, idx, "fit_range") != LUA_TNIL) {
        if (!lua_istable(L, -1))
            usage_error(L, "taf.profile: fit_range must be {d1, d2}");
        lua_geti(L, -1, 1);
        o->d1 = (size_t)opt_count(L, -1, "fit_range[1]", 1, (lua_Integer)1 << 40);
        lua_geti(L, -2, 2);
        o->d2 = (size_t)opt_count(L, -1, "fit_range[2]", 2, (lua_Integer)1 << 40);
        lua_pop(L, 2);
    }
    lua_pop(L, 1);
    lua_getfield(L, idx, "threads");
    o->threads = (int)opt_count(L, -1, "threads", 1, 256);
    lua_pop(L, 1);
    lua_getfield(L, idx, "svg");
    *want_svg = lua_toboolean(L, -1);
    lua_pop(L, 1);
}

static void progress(void *ud, size_t done, size_t total)
{
    struct profile_run *r = ud;
    int pct = (int)(100 * done / (total ? total : 1));
    if (pct == r->last_pct)
        return;
    r->last_pct = pct;
    r->bar = 1;
    int fill = pct * 30 / 100;
    fprintf(stderr, "\rprofile %s [%.*s%.*s] %3d%% (%zu/%zu heads)", r->path, fill,
            "##############################", 30 - fill, "..............................", pct, done, total);
    fflush(stderr);
}

/* ── the result table ── */

static void set_num_or_nil(lua_State *L, const char *key, double v)
{
    if (isfinite(v))
        taf_setnum(L, key, v);
}

static void set_fit(lua_State *L, struct taf_power_fit f)
{
    set_num_or_nil(L, "gamma", f.gamma);
    taf_setnum(L, "log_A", f.log_A);
    taf_setnum(L, "R2", f.R2);
    taf_setint(L, "n_points", (lua_Integer)f.n_points);
}

static void push_stats(lua_State *L, const struct taf_gamma_stats *s)
{
    taf_newdict(L, STATS_KEYS);
    taf_setint(L, "n", (lua_Integer)s->n);
    set_num_or_nil(L, "mean", s->mean);
    set_num_or_nil(L, "median", s->median);
    set_num_or_nil(L, "sd", s->sd);
    set_num_or_nil(L, "min", s->min);
    set_num_or_nil(L, "max", s->max);
}

static void push_curve(lua_State *L, const struct taf_profile *p)
{
    lua_createtable(L, (int)p->n_curve, 0);
    for (size_t k = 0; k < p->n_curve; k++) {
        taf_newdict(L, POINT_KEYS);
        double d = p->curve_d[k];
        if (d == floor(d) && d < 9007199254740992.0)
            taf_setint(L, "d", (lua_Integer)d);
        else
            taf_setnum(L, "d", d);
        set_num_or_nil(L, "A", p->curve_A[k]);
        lua_rawseti(L, -2, (lua_Integer)k + 1);
    }
    taf_markarray(L, -1);
}

static void push_head(lua_State *L, const struct taf_head_profile *hp, size_t h)
{
    taf_newdict(L, HEAD_KEYS);
    taf_setint(L, "head", (lua_Integer)h);
    set_fit(L, hp->fit);
    set_num_or_nil(L, "sink_mass", hp->sink_mass);
    taf_setstr(L, "receipt", taf_receipt_name(hp->receipt));
    taf_setbool(L, "dissimilar", hp->dissimilar != NULL);
}

static void push_layers(lua_State *L, const struct taf_profile *p)
{
    lua_createtable(L, (int)p->n_layers, 0);
    for (size_t l = 0; l < p->n_layers; l++) {
        const struct taf_layer_profile *lp = &p->layers[l];
        luaL_checkstack(L, 6, "profile layers");
        taf_newdict(L, LAYER_KEYS);
        taf_setint(L, "layer", (lua_Integer)l);
        set_fit(L, lp->fit);
        set_num_or_nil(L, "sink_mass", lp->sink_mass);
        taf_setstr(L, "receipt", taf_receipt_name(lp->receipt));
        push_stats(L, &lp->heads);
        lua_setfield(L, -2, "gamma_heads");
        lua_createtable(L, (int)p->n_heads, 0);
        for (size_t h = 0; h < p->n_heads; h++) {
            push_head(L, &p->heads[l * p->n_heads + h], h);
            lua_rawseti(L, -2, (lua_Integer)h + 1);
        }
        taf_markarray(L, -1);
        lua_setfield(L, -2, "heads");
        lua_rawseti(L, -2, (lua_Integer)l + 1);
    }
    taf_markarray(L, -1);
}

static void push_dissimilar(lua_State *L, const struct taf_profile *p)
{
    lua_createtable(L, (int)p->n_dissimilar, 0);
    lua_Integer k = 0;
    for (size_t i = 0; i < p->n_layers * p->n_heads; i++) {
        const struct taf_head_profile *hp = &p->heads[i];
        if (hp->dissimilar == NULL)
            continue;
        taf_newdict(L, DISSIMILAR_KEYS);
        taf_setint(L, "layer", (lua_Integer)(i / p->n_heads));
        taf_setint(L, "head", (lua_Integer)(i % p->n_heads));
        set_num_or_nil(L, "gamma", hp->fit.gamma);
        taf_setnum(L, "R2", hp->fit.R2);
        taf_setstr(L, "reason", hp->dissimilar);
        lua_rawseti(L, -2, ++k);
    }
    taf_markarray(L, -1);
}

/* The cookbook's receipt in a sentence, then which heads not to average in. */
static void set_receipt_note(lua_State *L, const struct taf_profile *p)
{
    char note[512];
    int n;
    if (!isfinite(p->fit.gamma))
        n = snprintf(note, sizeof note, "no fit: fewer than two usable points in the fit range");
    else if (p->receipt == TAF_RECEIPT_RELIABLE)
        n = snprintf(note, sizeof note, "R² = %.6f > 0.95: γ is a reliable summary of the decay", p->fit.R2);
    else if (p->receipt == TAF_RECEIPT_COARSE)
        n = snprintf(note, sizeof note, "R² = %.6f is in [0.85, 0.95]: γ is a coarse summary; say so when you use it",
                     p->fit.R2);
    else
        n = snprintf(note, sizeof note, "R² = %.6f < 0.85: the curve is not a power law; γ does not summarise it",
                     p->fit.R2);
    size_t nh = p->n_layers * p->n_heads;
    if (nh > 1 && n > 0 && (size_t)n < sizeof note) {
        if (p->n_dissimilar > 0)
            snprintf(note + n, sizeof note - (size_t)n,
                     "; %zu of %zu heads are dissimilar (dissimilar_heads): report them apart, do not average "
                     "them in", p->n_dissimilar, nh);
        else
            snprintf(note + n, sizeof note - (size_t)n, "; all %zu heads agree (γ within median ± %.3g)", nh,
                     p->dissimilar_band);
    }
    taf_setstr(L, "receipt_note", note);
}

static void set_common(lua_State *L, const struct taf_profile *p)
{
    set_fit(L, p->fit);
    lua_createtable(L, 2, 0);
    lua_pushinteger(L, (lua_Integer)p->d1);
    lua_rawseti(L, -2, 1);
    lua_pushinteger(L, (lua_Integer)p->d2);
    lua_rawseti(L, -2, 2);
    lua_setfield(L, -2, "fit_range");
    set_num_or_nil(L, "sink_mass", p->sink_mass);
    if (isfinite(p->fit.gamma))
        taf_setstr(L, "phase", taf_phase_label(p->fit.gamma));
    taf_setstr(L, "receipt", taf_receipt_name(p->receipt));
    push_curve(L, p);
    lua_setfield(L, -2, "curve");
    push_layers(L, p);
    lua_setfield(L, -2, "layers");
    set_receipt_note(L, p);
}

static void push_dump_result(lua_State *L, const struct profile_run *r)
{
    const struct taf_profile *p = &r->prof;
    const struct taf_attn_file *f = &r->file;
    taf_newdict(L, DUMP_KEYS);
    set_common(L, p);
    taf_setint(L, "sink_tokens", (lua_Integer)p->sink_tokens);
    char method[160];
    snprintf(method, sizeof method, "log-binned least squares: %d bins per octave over d = %zu..%zu, "
                                    "one point per bin (equal weight in log d)",
             TAF_PROFILE_BINS_PER_OCTAVE, p->d1, p->d2);
    taf_setstr(L, "fit_method", method);
    push_stats(L, &p->head_gammas);
    lua_setfield(L, -2, "gamma_heads");
    taf_newdict(L, COUNT_KEYS);
    taf_setint(L, "reliable", (lua_Integer)p->n_reliable);
    taf_setint(L, "coarse", (lua_Integer)p->n_coarse);
    taf_setint(L, "unreliable", (lua_Integer)p->n_unreliable);
    taf_setint(L, "dissimilar", (lua_Integer)p->n_dissimilar);
    lua_setfield(L, -2, "receipt_counts");
    push_dissimilar(L, p);
    lua_setfield(L, -2, "dissimilar_heads");
    taf_newdict(L, SOURCE_KEYS);
    taf_setstr(L, "file", r->path);
    taf_setstr(L, "format", f->format);
    taf_setstr(L, "dtype", f->mixed_dtypes ? "mixed" : taf_dtype_name(f->dtype));
    taf_setint(L, "n_layers", (lua_Integer)f->n_layers);
    taf_setint(L, "n_heads", (lua_Integer)f->n_heads);
    taf_setint(L, "T", (lua_Integer)f->T);
    lua_setfield(L, -2, "source");
}

static void push_atlas_result(lua_State *L, const struct profile_run *r)
{
    const struct taf_profile *p = &r->prof;
    const struct taf_atlas *a = &r->file.atlas;
    taf_newdict(L, ATLAS_KEYS);
    set_common(L, p);
    taf_setstr(L, "fit_method", "least squares over the atlas's distances_fit (fit_power_law, as the atlas "
                                "recorded it)");
    taf_newdict(L, ATLAS_SOURCE_KEYS);
    taf_setstr(L, "file", r->path);
    taf_setstr(L, "format", "atlas");
    lua_setfield(L, -2, "source");
    taf_newdict(L, ATLAS_INFO_KEYS);
    if (a->model[0])
        taf_setstr(L, "model", a->model);
    set_num_or_nil(L, "theta", a->theta);
    if (a->decision[0])
        taf_setstr(L, "decision", a->decision);
    if (a->has_recorded) {
        taf_newdict(L, FIT_KEYS);
        set_fit(L, a->recorded);
        lua_setfield(L, -2, "recorded");
        taf_setbool(L, "reproduced", fabs(p->fit.gamma - a->recorded.gamma) <= 1e-6 &&
                                         fabs(p->fit.R2 - a->recorded.R2) <= 1e-6);
    }
    lua_setfield(L, -2, "atlas");
}

static void push_svg(lua_State *L, const struct profile_run *r)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (mem == NULL) {
        luaL_error(L, "taf.profile: out of memory for the plot");
        return;
    }
    const char *base = strrchr(r->path, '/');
    char subtitle[400];
    if (r->file.kind == TAF_ATTN_ATLAS)
        snprintf(subtitle, sizeof subtitle, "γ-atlas measurement%s%s", r->file.atlas.model[0] ? ": " : "",
                 r->file.atlas.model);
    else
        snprintf(subtitle, sizeof subtitle, "%s · %s · %zu layer%s × %zu head%s · T = %zu", r->file.format,
                 r->file.mixed_dtypes ? "mixed dtypes" : taf_dtype_name(r->file.dtype), r->file.n_layers,
                 r->file.n_layers == 1 ? "" : "s", r->file.n_heads, r->file.n_heads == 1 ? "" : "s", r->file.T);
    struct taf_svg_labels labels = { base ? base + 1 : r->path, subtitle };
    int rc = taf_profile_svg(mem, &r->prof, &labels);
    fclose(mem);
    if (rc != 0) {
        free(buf);
        lua_pushfstring(L, "%s: nothing to plot (no positive mean attention)", r->path);
        usage_error(L, lua_tostring(L, -1));
        return;
    }
    lua_pushlstring(L, buf, len);
    free(buf);
}

static int l_profile(lua_State *L)
{
    const char *path = luaL_checkstring(L, 1);
    struct taf_profile_opts o;
    int want_svg;
    read_opts(L, 2, &o, &want_svg);
    if (*path == '\0')
        return usage_error(L, "taf.profile: the file name is empty");
    taf_readers_check(L, path);

    struct profile_run *r = lua_newuserdatauv(L, sizeof *r, 0);
    memset(r, 0, sizeof *r);
    r->last_pct = -1;
    if (luaL_newmetatable(L, RUN_META)) {
        lua_pushcfunction(L, run_release);
        lua_setfield(L, -2, "__gc");
        lua_pushcfunction(L, run_release);
        lua_setfield(L, -2, "__close");
    }
    lua_setmetatable(L, -2);
    int box = lua_gettop(L);
    lua_toclose(L, box);
    lua_pushstring(L, path); /* keeps r->path alive while the box is open */
    r->path = lua_tostring(L, -1);

    char err[1024];
    if (taf_attn_open(path, &r->file, err, sizeof err) != 0)
        return usage_error(L, err);
    r->have_file = 1;
    int rc;
    if (r->file.kind == TAF_ATTN_ATLAS) {
        const struct taf_atlas *a = &r->file.atlas;
        if (o.d1 || o.d2) { /* its fit is the one it recorded; K does not apply either (no sink measured) */
            lua_pushfstring(L, "%s: a γ-atlas measurement is fitted over its own distances_fit; "
                               "a fit range does not apply", path);
            return usage_error(L, lua_tostring(L, -1));
        }
        rc = taf_curve_profile(a->distances, a->means, a->n, a->fit_distances, a->fit_means, a->n_fit, &r->prof,
                               err, sizeof err);
    } else {
        struct taf_attn_view v = { r->file.n_layers, r->file.n_heads, r->file.T,
                                   r->file.layer_data, r->file.layer_dtype };
        if (isatty(STDERR_FILENO) && r->file.data_bytes >= PROGRESS_MIN_BYTES) {
            o.progress = progress;
            o.progress_ud = r;
        }
        rc = taf_attn_profile(&v, &o, &r->prof, err, sizeof err);
        if (r->bar) {
            fputs("\r\033[K", stderr);
            r->bar = 0;
        }
    }
    if (rc == TAF_PROFILE_ENOMEM)
        return luaL_error(L, "%s: %s", path, err);
    if (rc != TAF_PROFILE_OK) {
        lua_pushfstring(L, "%s: %s", path, err);
        return usage_error(L, lua_tostring(L, -1));
    }
    r->have_prof = 1;
    if (r->file.kind == TAF_ATTN_ATLAS)
        push_atlas_result(L, r);
    else
        push_dump_result(L, r);
    if (want_svg)
        push_svg(L, r);
    return want_svg ? 2 : 1; /* the box below them is closed on return */
}

const luaL_Reg taf_kernels_lib[] = {
    { "profile", l_profile },
    { NULL, NULL },
};

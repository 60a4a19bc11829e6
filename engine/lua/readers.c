/* Readers as the `taf` module sees them: taf.read_config(path) and
 * taf.read_gguf(path) return model tables with the preset field names
 * (readers/model_fields.h, which taf.model_fields() returns);
 * taf.kv_cache_memory_model(model, seq, bytes) is the architecture-aware
 * §19.1 formula over such a table: attention layers (n_attention_layers) keep
 * every token, windowed ones (sliding or chunked: n_swa_layers) at most
 * sliding_window, linear-attention and SSM layers only state_elements. */
#include "lua/bind.h"
#include "readers/hf_config.h"
#include "readers/gguf.h"
#include "formulas/kv_arch.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define REG_READ_ROOTS "taf.read_roots"

/* The JSON key order of a read model: every field a reader returns, in
 * declaration order (readers/model_fields.h). */
#define MODEL_KEY_ANY(name) #name,
#define MODEL_KEY_PRESET(name)
#define MODEL_KEY_READER(name) #name,
#define MODEL_KEY(name, type, where, flag, lower, upper, doc) MODEL_KEY_##where(name)
static const char *const MODEL_KEYS[] = { TAF_MODEL_FIELDS(MODEL_KEY) NULL };
static const char *const GGUF_KEYS[] = { "version", "tensors", "metadata", "file_type", "file_type_name",
                                         "weight_bytes", "bits_per_weight", NULL };
static const char *const KV_KEYS[] = { "bytes", "MB", "GB", "method", NULL };

/* Integral values as Lua integers, so integer parameters accept them as they are. */
static void set_number(lua_State *L, const char *key, double v)
{
    if (floor(v) == v && fabs(v) < 9007199254740992.0)
        taf_setint(L, key, (lua_Integer)v);
    else
        taf_setnum(L, key, v);
}

static void push_rope_scaling(lua_State *L, const struct taf_model_info *m)
{
    lua_createtable(L, 0, m->n_rope_fields);
    for (int i = 0; i < m->n_rope_fields; i++) {
        const struct taf_rope_field *f = &m->rope_scaling[i];
        switch (f->kind) {
        case TAF_RF_NUMBER: set_number(L, f->key, f->number); break;
        case TAF_RF_STRING: taf_setstr(L, f->key, f->string); break;
        case TAF_RF_BOOL: taf_setbool(L, f->key, f->number != 0); break;
        case TAF_RF_ARRAY:
            lua_createtable(L, (int)(f->count < INT_MAX ? f->count : INT_MAX), 0);
            for (size_t k = 0; k < f->count; k++) {
                lua_pushnumber(L, f->array[k]);
                lua_rawseti(L, -2, (lua_Integer)k + 1);
            }
            taf_markarray(L, -1);
            lua_setfield(L, -2, f->key);
            break;
        }
    }
}

static void push_model(lua_State *L, const struct taf_model_info *m)
{
    taf_newdict(L, MODEL_KEYS);
    taf_setstr(L, "id", m->id);
    taf_setstr(L, "family", m->family);
    taf_setstr(L, "source", m->source);
    taf_setstr(L, "architecture", taf_arch_name(m->architecture));
    if (m->position != TAF_POS_UNKNOWN)
        taf_setstr(L, "position", taf_position_name(m->position));
    if (m->dtype[0])
        taf_setstr(L, "dtype", m->dtype);
    for (size_t i = 0; i < TAF_MODEL_FIELD_COUNT; i++) {  /* the number and integer fields that were read */
        const struct taf_model_field *f = &taf_model_fields[i];
        if (f->offset != 0 && taf_model_has(m, (enum taf_field)f->flag))
            set_number(L, f->name, taf_model_value(m, f));
    }
    taf_setbool(L, "has_SWA", m->has_SWA);
    if (taf_model_has(m, TAF_F_TIED))
        taf_setbool(L, "tie_word_embeddings", m->tie_word_embeddings);
    if (m->has_rope_scaling) {
        push_rope_scaling(L, m);
        lua_setfield(L, -2, "rope_scaling");
    }
    if (m->gguf_version) {
        taf_newdict(L, GGUF_KEYS);
        set_number(L, "version", m->gguf_version);
        set_number(L, "tensors", (double)m->gguf_tensors);
        set_number(L, "metadata", (double)m->gguf_kv);
        if (m->gguf_file_type >= 0) {
            set_number(L, "file_type", m->gguf_file_type);
            taf_setstr(L, "file_type_name", m->dtype);
        }
        set_number(L, "weight_bytes", m->weight_bytes);
        taf_setnum(L, "bits_per_weight", m->bits_per_weight);
        lua_setfield(L, -2, "gguf");
    }
    lua_createtable(L, m->n_notes, 0);
    for (int i = 0; i < m->n_notes; i++) {
        lua_pushstring(L, m->notes[i]);
        lua_rawseti(L, -2, i + 1);
    }
    taf_markarray(L, -1);
    lua_setfield(L, -2, "notes");
}

/* Untrusted scripts read files only below the allowed roots (SPEC §10);
 * with no root list registered every path is allowed. */
static void check_allowed(lua_State *L, const char *path)
{
    if (lua_getfield(L, LUA_REGISTRYINDEX, REG_READ_ROOTS) != LUA_TTABLE) {
        lua_pop(L, 1);
        return;
    }
    char real[PATH_MAX];
    if (realpath(path, real) == NULL) {  /* the reader reports the missing file */
        lua_pop(L, 1);
        return;
    }
    lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, -1, i);
        size_t len;
        const char *root = lua_tolstring(L, -1, &len);
        int below = root != NULL && strncmp(real, root, len) == 0 &&
                    (real[len] == '\0' || real[len] == '/' || (len > 0 && root[len - 1] == '/'));
        lua_pop(L, 1);
        if (below) {
            lua_pop(L, 1);
            return;
        }
    }
    luaL_error(L, "%s: reading files outside the recipe, pack and command-line paths needs --trust", path);
}

typedef int (*reader_fn)(const char *, struct taf_model_info *, char *, size_t);

static int read_model(lua_State *L, reader_fn read)
{
    const char *path = luaL_checkstring(L, 1);
    luaL_argcheck(L, *path != '\0', 1, "path must not be empty");
    check_allowed(L, path);
    struct taf_model_info *m = malloc(sizeof *m);
    if (m == NULL)
        return luaL_error(L, "%s: out of memory", path);
    char err[1024];
    if (read(path, m, err, sizeof err) != 0) {
        free(m);
        lua_pushstring(L, err);
        return lua_error(L);
    }
    push_model(L, m);
    taf_model_info_free(m);
    free(m);
    return 1;
}

static int read_config(lua_State *L) { return read_model(L, taf_read_hf_config); }
static int read_gguf(lua_State *L) { return read_model(L, taf_read_gguf); }

/* A model field: nil → `def`; otherwise a finite number >= 0. */
static double model_field(lua_State *L, const char *key, double def, int required)
{
    int t = lua_getfield(L, 1, key);
    double v = lua_tonumber(L, -1);
    lua_pop(L, 1);
    if (t == LUA_TNIL) {
        if (required)
            luaL_error(L, "kv_cache_memory_model: the model has no '%s'", key);
        return def;
    }
    if (t != LUA_TNUMBER || !isfinite(v) || v < 0)
        luaL_error(L, "kv_cache_memory_model: model field '%s' must be a finite number >= 0", key);
    return v;
}

/* §19.1 taf.kv_cache_memory_model(model, seq_len [, bytes = 2]) → {bytes, MB, GB, method} */
static int kv_cache_memory_model(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    double seq = taf_checkmin(L, 2, "seq_len", 0);
    double B = lua_isnoneornil(L, 3) ? 2.0 : taf_checkpositive(L, 3, "bytes_per_element");
    static const char *const LAYOUTS[] = { "FULL", "SWA", "MLA", "SSM", "RWKV", "LINEAR", "HYBRID", NULL };
    struct taf_kv_shape s = { 0 };
    int t = lua_getfield(L, 1, "architecture");
    if (t == LUA_TSTRING) {
        const char *a = lua_tostring(L, -1);
        int found = -1;
        for (int i = 0; LAYOUTS[i]; i++)
            if (strcasecmp(a, LAYOUTS[i]) == 0) found = i;
        if (found < 0)
            return luaL_error(L, "kv_cache_memory_model: unknown architecture '%s' (FULL, SWA, MLA, SSM, RWKV, "
                                 "LINEAR or HYBRID)", a);
        s.layout = (enum taf_kv_layout)found;
    } else if (t != LUA_TNIL) {
        return luaL_error(L, "kv_cache_memory_model: model field 'architecture' must be a string");
    }
    lua_pop(L, 1);
    if (t == LUA_TNIL) {  /* a table without the class: infer it from the fields it has */
        lua_getfield(L, 1, "has_SWA");
        int swa = lua_toboolean(L, -1);
        lua_pop(L, 1);
        double attn = model_field(L, "n_attention_layers", -1, 0);
        if (model_field(L, "state_elements", 0, 0) > 0)  /* a recurrent or linear-attention state */
            s.layout = attn > 0 ? TAF_KV_HYBRID : TAF_KV_SSM;
        else if (model_field(L, "kv_lora_rank", 0, 0) > 0) s.layout = TAF_KV_MLA;
        else if (swa && model_field(L, "sliding_window", 0, 0) > 0) s.layout = TAF_KV_SWA;
    }
    int attention = s.layout == TAF_KV_FULL || s.layout == TAF_KV_SWA || s.layout == TAF_KV_HYBRID;
    s.n_layers = model_field(L, "n_layers", 0, 1);
    s.n_attention_layers = model_field(L, "n_attention_layers", 0, s.layout == TAF_KV_HYBRID);
    int gqa = attention || s.n_attention_layers > 0;
    s.kv_lora_rank = model_field(L, "kv_lora_rank", 0, s.layout == TAF_KV_MLA);
    s.qk_rope_head_dim = model_field(L, "qk_rope_head_dim", 0, s.layout == TAF_KV_MLA);
    int mla_hybrid = s.layout == TAF_KV_HYBRID && s.kv_lora_rank > 0;
    s.n_kv_heads = model_field(L, "n_kv_heads", 0, gqa && s.layout != TAF_KV_MLA && !mla_hybrid &&
                                                   (s.layout != TAF_KV_HYBRID || s.n_attention_layers > 0));
    s.d_head = model_field(L, "d_head", 0, s.n_kv_heads > 0);
    s.sliding_window = model_field(L, "sliding_window", 0, s.layout == TAF_KV_SWA);
    s.n_swa_layers = model_field(L, "n_swa_layers", -1, 0);
    s.state_elements = model_field(L, "state_elements", 0,
                                   s.layout == TAF_KV_SSM || s.layout == TAF_KV_RWKV || s.layout == TAF_KV_LINEAR);
    struct taf_kv_arch_memory r = taf_kv_cache_bytes_arch(&s, seq, B);
    taf_newdict(L, KV_KEYS);
    taf_setnum(L, "bytes", r.bytes);
    taf_setnum(L, "MB", r.MB);
    taf_setnum(L, "GB", r.GB);
    taf_setstr(L, "method", r.method);
    return 1;
}

/* taf.model_fields() → { {name, type, doc, min, gt, max, preset}, … }: the
 * model-field schema in declaration order, fresh tables on every call, so a
 * caller changing one changes nothing for the next. */
static int model_fields(lua_State *L)
{
    lua_createtable(L, TAF_MODEL_FIELD_COUNT, 0);
    for (int i = 0; i < TAF_MODEL_FIELD_COUNT; i++) {
        const struct taf_model_field *f = &taf_model_fields[i];
        lua_createtable(L, 0, 7);
        taf_setstr(L, "name", f->name);
        taf_setstr(L, "type", f->type);
        taf_setstr(L, "doc", f->doc);
        if (!isnan(f->min)) set_number(L, "min", f->min);
        if (!isnan(f->gt)) set_number(L, "gt", f->gt);
        if (!isnan(f->max)) set_number(L, "max", f->max);
        taf_setbool(L, "preset", f->preset);
        lua_rawseti(L, -2, i + 1);
    }
    taf_markarray(L, -1);
    return 1;
}

void taf_readers_check(lua_State *L, const char *path)
{
    check_allowed(L, path);
}

void taf_readers_restrict(lua_State *L)
{
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, REG_READ_ROOTS);
}

void taf_readers_allow(lua_State *L, const char *path)
{
    char real[PATH_MAX];
    if (path == NULL || realpath(path, real) == NULL)
        return;
    if (lua_getfield(L, LUA_REGISTRYINDEX, REG_READ_ROOTS) == LUA_TTABLE) {
        lua_pushstring(L, real);
        lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    }
    lua_pop(L, 1);
}

const luaL_Reg taf_readers_lib[] = {
    { "read_config", read_config },
    { "read_gguf", read_gguf },
    { "kv_cache_memory_model", kv_cache_memory_model },
    { "model_fields", model_fields },
    { NULL, NULL },
};

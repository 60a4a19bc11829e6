/* Unit tests of the model-field schema (engine/readers/model_fields.h): the
 * presence flags and double members it generates, the descriptor table in
 * readers/model_info.c, and taf.model_fields() / the read model's key order
 * in lua/readers.c. Expected names and bounds are written out by hand. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <math.h>
#include <string.h>
#include <cmocka.h>

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

#include "readers/model_info.h"
#include "lua/module.h"

/* The field order of `tafrun show-model` with id, aliases, source and notes
 * where MODEL_KEYS and dsl.lua had them, written out independently. */
static const char *const EXPECTED_ORDER[] = {
    "id", "aliases", "family", "source", "architecture", "position", "dtype", "theta", "T_train", "T_max",
    "n_attention_heads", "n_kv_heads", "d_head", "n_layers", "d_model", "d_ff", "vocab", "n_params",
    "n_params_active", "has_SWA", "sliding_window", "n_swa_layers", "n_attention_layers", "n_experts",
    "n_experts_active", "n_shared_experts", "kv_lora_rank", "q_lora_rank", "qk_rope_head_dim",
    "qk_nope_head_dim", "v_head_dim", "state_elements", "tie_word_embeddings", "bytes_per_weight",
    "rope_scaling", "gguf", "notes",
};
#define N_EXPECTED (sizeof EXPECTED_ORDER / sizeof *EXPECTED_ORDER)

/* MODEL_KEYS as it stood before the schema: the JSON key order of a read model. */
static const char *const OLD_MODEL_KEYS[] = {
    "id", "family", "source", "architecture", "position", "dtype", "theta", "T_train", "T_max",
    "n_attention_heads", "n_kv_heads", "d_head", "n_layers", "d_model", "d_ff", "vocab", "n_params",
    "n_params_active", "has_SWA", "sliding_window", "n_swa_layers", "n_attention_layers", "n_experts",
    "n_experts_active", "n_shared_experts", "kv_lora_rank", "q_lora_rank", "qk_rope_head_dim",
    "qk_nope_head_dim", "v_head_dim", "state_elements", "tie_word_embeddings", "bytes_per_weight",
    "rope_scaling", "gguf", "notes",
};

/* Setting flag f writes `member` (reached by name, not through the table) and
 * marks f present, and no other flag. */
static void check_round_trip(const char *name, enum taf_field f, const double *member, struct taf_model_info *m)
{
    taf_model_info_init(m);
    for (int g = 0; g < TAF_F_COUNT; g++)
        assert_false(taf_model_has(m, (enum taf_field)g));
    double v = 1234.5 + (double)f;
    taf_model_set(m, f, v);
    if (*member != v)
        fail_msg("%s: taf_model_set wrote %g, not %g, to the member", name, *member, v);
    for (int g = 0; g < TAF_F_COUNT; g++)
        if (taf_model_has(m, (enum taf_field)g) != (g == (int)f))
            fail_msg("%s: setting flag %d leaves flag %d %s", name, (int)f, g, g == (int)f ? "unset" : "set");
    int found = 0;  /* the descriptor reaches the same member through its offset */
    for (int i = 0; i < TAF_MODEL_FIELD_COUNT; i++)
        if (strcmp(taf_model_fields[i].name, name) == 0) {
            found = 1;
            assert_int_equal(taf_model_fields[i].flag, (int)f);
            assert_true(taf_model_value(m, &taf_model_fields[i]) == v);
        }
    assert_true(found);
}

#define TEST_FLAG_FLAG(f) f
#define TEST_FLAG_NONE (-1)
#define ROUND_TRIP_NUMBER(name, f) check_round_trip(#name, f, &m.name, &m); numbers++;
#define ROUND_TRIP_INTEGER(name, f) ROUND_TRIP_NUMBER(name, f)
#define ROUND_TRIP_BOOLEAN(name, f) booleans += (f) >= 0;
#define ROUND_TRIP_STRING(name, f)
#define ROUND_TRIP_TABLE(name, f)
#define ROUND_TRIP(name, type, where, flag, lower, upper, doc) ROUND_TRIP_##type(name, TEST_FLAG_##flag)

static void test_every_numeric_field_round_trips_through_set_and_has(void **state)
{
    (void)state;
    struct taf_model_info m;
    taf_model_info_init(&m);
    int numbers = 0, booleans = 0;
    TAF_MODEL_FIELDS(ROUND_TRIP)
    assert_int_equal(numbers, 25);
    assert_int_equal(booleans, 1);                      /* tie_word_embeddings */
    assert_int_equal(numbers + booleans, TAF_F_COUNT);  /* every flag belongs to one field */

    taf_model_info_init(&m);
    taf_model_set(&m, TAF_F_TIED, 1);
    assert_true(m.tie_word_embeddings == 1 && taf_model_has(&m, TAF_F_TIED));
    taf_model_set(&m, TAF_F_COUNT, 7);                  /* out of range: ignored */
    assert_false(taf_model_has(&m, TAF_F_COUNT));
}

static void test_descriptor_table_in_declaration_order(void **state)
{
    (void)state;
    assert_int_equal(TAF_MODEL_FIELD_COUNT, N_EXPECTED);
    for (size_t i = 0; i < N_EXPECTED; i++)
        assert_string_equal(taf_model_fields[i].name, EXPECTED_ORDER[i]);
    const struct taf_model_field *theta = &taf_model_fields[7];
    assert_string_equal(theta->name, "theta");
    assert_string_equal(theta->type, "number");
    assert_true(isnan(theta->min) && theta->gt == 0 && theta->max == 1e15);
    assert_int_equal(theta->offset, offsetof(struct taf_model_info, theta));
    assert_int_equal(taf_model_fields[0].offset, 0);    /* id: no double member */
    assert_int_equal(taf_model_fields[0].flag, -1);
}

/* A Lua state with `taf` loaded as a global. */
static lua_State *new_state(void)
{
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    luaL_requiref(L, "taf", luaopen_taf, 1);
    lua_pop(L, 1);
    return L;
}

/* Field `key` of the table at the top as a number; NAN when nil. */
static double number_field(lua_State *L, const char *key)
{
    int t = lua_getfield(L, -1, key);
    double v = t == LUA_TNIL ? NAN : lua_tonumber(L, -1);
    if (t != LUA_TNIL && t != LUA_TNUMBER)
        fail_msg("field '%s' is a %s, not a number", key, lua_typename(L, t));
    lua_pop(L, 1);
    return v;
}

static const char *string_field(lua_State *L, const char *key)
{
    lua_getfield(L, -1, key);
    const char *s = lua_tostring(L, -1);  /* still referenced by the entry table */
    lua_pop(L, 1);
    return s;
}

static int boolean_field(lua_State *L, const char *key)
{
    assert_int_equal(lua_getfield(L, -1, key), LUA_TBOOLEAN);
    int b = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return b;
}

struct expected_bounds {
    const char *name, *type;
    double min, gt, max;  /* NAN: absent */
};

static void test_lua_model_fields_in_order_with_bounds(void **state)
{
    (void)state;
    static const struct expected_bounds EXPECTED[] = {
        { "theta", "number", NAN, 0, 1e15 },
        { "T_train", "integer", 1, NAN, 1e12 },
        { "T_max", "integer", NAN, NAN, NAN },
        { "n_attention_heads", "integer", 1, NAN, 1e6 },
        { "n_kv_heads", "integer", 1, NAN, 1e6 },
        { "d_head", "integer", 1, NAN, 65536 },
        { "n_layers", "integer", 1, NAN, 100000 },
        { "d_model", "integer", 1, NAN, 1e6 },
        { "vocab", "integer", 1, NAN, 1e8 },
        { "n_params", "number", 1, NAN, 1e15 },
        { "sliding_window", "integer", 1, NAN, NAN },
        { "n_swa_layers", "integer", 0, NAN, NAN },
        { "kv_lora_rank", "integer", 1, NAN, NAN },
        { "state_elements", "number", 0, NAN, NAN },
        { "bytes_per_weight", "number", 0.0625, NAN, 8 },
        { "has_SWA", "boolean", NAN, NAN, NAN },
        { "id", "string", NAN, NAN, NAN },
        { "rope_scaling", "table", NAN, NAN, NAN },
    };
    lua_State *L = new_state();
    assert_int_equal(luaL_dostring(L, "return taf.model_fields()"), LUA_OK);
    assert_int_equal(lua_type(L, -1), LUA_TTABLE);
    assert_int_equal(lua_rawlen(L, -1), N_EXPECTED);
    int checked = 0;
    for (size_t i = 0; i < N_EXPECTED; i++) {
        assert_int_equal(lua_rawgeti(L, -1, (lua_Integer)i + 1), LUA_TTABLE);
        const char *name = string_field(L, "name");
        assert_non_null(name);
        assert_string_equal(name, EXPECTED_ORDER[i]);
        const char *doc = string_field(L, "doc");
        assert_true(doc != NULL && doc[0] != '\0');
        /* a preset may set every field but the GGUF header facts */
        assert_int_equal(boolean_field(L, "preset"), strcmp(name, "gguf") != 0);
        for (size_t k = 0; k < sizeof EXPECTED / sizeof *EXPECTED; k++) {
            const struct expected_bounds *e = &EXPECTED[k];
            if (strcmp(e->name, name) != 0)
                continue;
            assert_string_equal(string_field(L, "type"), e->type);
            double min = number_field(L, "min"), gt = number_field(L, "gt"), max = number_field(L, "max");
            if (!(isnan(e->min) ? isnan(min) : min == e->min) || !(isnan(e->gt) ? isnan(gt) : gt == e->gt) ||
                !(isnan(e->max) ? isnan(max) : max == e->max))
                fail_msg("%s: bounds min=%g gt=%g max=%g, want min=%g gt=%g max=%g", name, min, gt, max, e->min,
                         e->gt, e->max);
            checked++;
        }
        lua_pop(L, 1);
    }
    assert_int_equal(checked, (int)(sizeof EXPECTED / sizeof *EXPECTED));
    lua_close(L);
}

static void test_lua_model_fields_are_fresh_tables(void **state)
{
    (void)state;
    lua_State *L = new_state();
    const char *code =
        "local a = taf.model_fields()\n"
        "a[8].max = 1; a[8].name = 'x'; a[1] = nil\n"
        "local b = taf.model_fields()\n"
        "assert(b[1].name == 'id' and b[8].name == 'theta' and b[8].max == 1e15)\n"
        "assert(math.type(b[9].min) == 'integer' and math.type(b[34].min) == 'float')\n"
        "return #b";
    if (luaL_dostring(L, code) != LUA_OK)
        fail_msg("%s", lua_tostring(L, -1));
    assert_int_equal(lua_tointeger(L, -1), (lua_Integer)N_EXPECTED);
    lua_close(L);
}

/* A read model keeps the JSON key order MODEL_KEYS had before the schema. */
static void test_read_model_key_order_unchanged(void **state)
{
    (void)state;
    lua_State *L = new_state();
    const char *code =
        "local m = taf.read_config('" TAF_SOURCE_DIR "/tests/data/hf-configs/deepseek-v3.json')\n"
        "local keys = {}\n"
        "for i, k in ipairs(debug.getmetatable(m).__jsonorder) do keys[i] = k end\n"
        "return table.concat(keys, ',')";
    if (luaL_dostring(L, code) != LUA_OK)
        fail_msg("%s", lua_tostring(L, -1));
    char want[2048] = "";
    for (size_t i = 0; i < sizeof OLD_MODEL_KEYS / sizeof *OLD_MODEL_KEYS; i++) {
        if (i > 0)
            strcat(want, ",");
        strcat(want, OLD_MODEL_KEYS[i]);
    }
    assert_string_equal(lua_tostring(L, -1), want);
    /* and the numbers the reader set come through the offset loop */
    assert_int_equal(luaL_dostring(L, "local m = taf.read_config('" TAF_SOURCE_DIR
                                      "/tests/data/hf-configs/deepseek-v3.json')\n"
                                      "return m.kv_lora_rank, m.n_layers, m.theta, m.aliases"), LUA_OK);
    assert_true(lua_isinteger(L, -4) && lua_tointeger(L, -4) == 512);
    assert_true(lua_isinteger(L, -3) && lua_tointeger(L, -3) == 61);
    assert_true(lua_tonumber(L, -2) == 10000);
    assert_true(lua_isnil(L, -1));
    lua_close(L);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_numeric_field_round_trips_through_set_and_has),
        cmocka_unit_test(test_descriptor_table_in_declaration_order),
        cmocka_unit_test(test_lua_model_fields_in_order_with_bounds),
        cmocka_unit_test(test_lua_model_fields_are_fresh_tables),
        cmocka_unit_test(test_read_model_key_order_unchanged),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

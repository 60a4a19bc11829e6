/* Helpers shared by every binding file: argument checks that name the
 * allowed range, and tables whose JSON key order is declared once. */
#ifndef TAF_LUA_BIND_H
#define TAF_LUA_BIND_H

#include <lua.h>
#include <lauxlib.h>

/* Slices of the `taf` module; engine/lua/module.c stitches them together. */
extern const luaL_Reg taf_formulas_lib[];    /* lua/formulas.c    seed formulas §17 §19 §20 §24 §26 */
extern const luaL_Reg taf_diagnostics_lib[]; /* lua/diagnostics.c FORMULAS.md §2 */
extern const luaL_Reg taf_json_lib[];        /* lua/json_bind.c   taf.json.encode / decode */
extern const luaL_Reg taf_readers_lib[];     /* lua/readers.c     read_config, read_gguf, kv_cache_memory_model, model_fields */

/* File reads through taf.read_config/read_gguf (lua/readers.c): unrestricted
 * until taf_readers_restrict; then only below the paths given to taf_readers_allow. */
void taf_readers_restrict(lua_State *L);
void taf_readers_allow(lua_State *L, const char *path);
/* Raise the error above when `path` lies outside the allowed roots (taf.profile uses it too). */
void taf_readers_check(lua_State *L, const char *path);
extern const luaL_Reg taf_kernels_lib[];     /* lua/kernels.c     taf.profile (SPEC §9) */
extern const luaL_Reg taf_compression_lib[]; /* lua/compression.c quantization regime */
extern const luaL_Reg taf_hardware_lib[];    /* lua/hardware.c    RoPE scales, quant formats, VRAM fit, serving, fine-tuning */

/* A finite number (integers accepted); raises "bad argument #n to 'f' (finite number expected, got inf)". */
double taf_checkfinite(lua_State *L, int arg);
/* Like taf_checkfinite, but nil/none gives `def`. */
double taf_optfinite(lua_State *L, int arg, double def);
/* A finite number within [lo, hi]; the message names the parameter and the range. */
double taf_checkrange(lua_State *L, int arg, const char *name, double lo, double hi);
/* A finite number > 0; the message names the parameter. */
double taf_checkpositive(lua_State *L, int arg, const char *name);
/* A finite number >= lo; the message names the parameter ("N must be >= 1, got 0"). */
double taf_checkmin(lua_State *L, int arg, const char *name, double lo);
/* An integer (or integral float) in [lo, hi]; the message names the parameter and the range. */
lua_Integer taf_checkintrange(lua_State *L, int arg, const char *name, lua_Integer lo, lua_Integer hi);
/* A boolean; nil/none gives `def`. Numbers and strings are rejected. */
int taf_optboolean(lua_State *L, int arg, int def);
/* A number array (Lua sequence, read raw: a lying __len or __index is not
 * asked) copied into a userdata left on the stack, so the copy counts against
 * the memory cap; *n receives its length. */
double *taf_checkarray(lua_State *L, int arg, size_t *n);

/* Push a new table whose JSON encoding lists `keys` first, in that order
 * (a listed key that is absent encodes as null, as Python's None does).
 * `keys` is NULL-terminated and must have static storage duration. */
void taf_newdict(lua_State *L, const char *const *keys);
/* Mark the table at `idx` as a JSON array even when empty. */
void taf_markarray(lua_State *L, int idx);

/* Field setters on the table at the top of the stack. */
void taf_setnum(lua_State *L, const char *key, double v);
void taf_setint(lua_State *L, const char *key, lua_Integer v);
void taf_setstr(lua_State *L, const char *key, const char *v);
void taf_setbool(lua_State *L, const char *key, int v);
/* Push v, or nil when v is NaN (Python None results are NaN in the pure C layer). */
void taf_pushnum_or_nil(lua_State *L, double v);

/* Metatable field naming the key order; also read by the JSON encoder. */
#define TAF_JSON_ORDER "__jsonorder"
#define TAF_JSON_ARRAY "__jsonarray"

#include "formulas/gpu.h"
/* A GPU argument: a catalog name (resolved case-insensitively through the
 * catalogs, unknown names raise an error listing the nearest ones) or a
 * table with the fields of struct taf_gpu. out->name stays valid while the
 * argument is on the stack. Implemented in lua/catalogs.c. */
void taf_checkgpu(lua_State *L, int arg, struct taf_gpu *out);
/* Registry key of the Lua function resolving a GPU name to its catalog table. */
#define TAF_GPU_RESOLVER "taf.gpu_resolver"

/* The usage error (exit 2: bad input the user can fix), the one object every
 * layer raises: a table {kind = "usage", message = msg} with a sealed
 * metatable, so a script can neither forge one nor change how it prints. */
#define TAF_USAGE_ERROR "tafrun.usage_error"
void taf_push_usage_error(lua_State *L, const char *msg);
/* Is the value at idx a usage error made by taf_push_usage_error? */
int taf_is_usage_error(lua_State *L, int idx);

/* Push (and return) the text that reports the error object at idx, whatever
 * it is, never raising but for want of memory: a string or number as it is;
 * a usage error's message; an object whose __tostring gives a string, that
 * string; any other table as its fields, read raw ({code = 42, "x", …}: at
 * most 8, nested tables as {…}); else "(error object is a T value)", or
 * "(error object is a T value whose __tostring raised: …)". Those described
 * here are prefixed with the file:line of the first Lua function from stack
 * `level` up (as luaL_where counts levels; 0: none). */
const char *taf_push_error_text(lua_State *L, int idx, int level);

/* Limits of the host running L (engine/host.c), for C functions that work on
 * a script's behalf. Charge `n` steps of such work to the instruction
 * budget: once it is spent this raises, as the budget's count hook does, and
 * the run fails whatever pcall does. Nothing without a budget. */
void taf_charge_steps(lua_State *L, lua_Integer n);
/* The memory cap in bytes (0: none). */
size_t taf_memory_cap(lua_State *L);

/* Replace table.insert, remove, move, concat and sort (lua/tablelib.c) by
 * copies of Lua's own that charge their element moves and comparisons to
 * the instruction budget: a lying __len or a huge range would otherwise loop
 * in C past every limit. */
void taf_guard_tables(lua_State *L);

#endif

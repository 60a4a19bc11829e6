/* Lua values ↔ JSON, the one converter in each direction: a Lua value to
 * JSON text (taf.json.encode, --json output, sweep rows; text and markdown
 * rendering parse this text, render.h) and a jansson tree to a Lua value
 * (taf.json.decode). Key order: the keys a table's metatable lists in
 * __jsonorder first, in that order (absent ones as null), then the other
 * string keys sorted; __jsonarray marks an array even when empty (bind.h). */
#ifndef TAF_LUA_JSON_LUA_H
#define TAF_LUA_JSON_LUA_H

#include <jansson.h>
#include <lua.h>
#include <stddef.h>

/* The JSON text of the Lua value at `idx`: reals in the shortest form that
 * reads back to the same double (at most 17 significant digits), non-finite
 * numbers as null, invalid UTF-8 as U+FFFD. `indent` 0 gives compact output.
 * A malloc'd NUL-terminated string, or NULL with a message in `err` for
 * values JSON cannot hold (functions, tables mixing array and object keys,
 * nesting deeper than 100 levels or a cycle) or when out of memory. Leaves
 * the stack as it was. */
char *taf_json_encode_lua(lua_State *L, int idx, int indent, char *err, size_t errsize);

/* Push the Lua value of `j`; objects keep their key order for re-encoding,
 * arrays stay arrays when empty. */
void taf_json_push(lua_State *L, const json_t *j);

#endif

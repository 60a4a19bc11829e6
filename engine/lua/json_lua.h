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
 * Tables are read raw: no metamethod runs (__jsonorder and __jsonarray are
 * read raw from the metatable), so no script code runs while it encodes.
 * Pushes one value, a to-be-closed box owning the text: closing it (lua_settop
 * below it, lua_closeslot) or an error unwinding past it frees the text, so
 * an error raised meanwhile (memory, the instruction budget, to which the
 * keys it visits are charged) leaks nothing. Returns TAF_JSON_OK with the
 * NUL-terminated text in *text (valid while the box is open) and its length
 * in *len; TAF_JSON_TOO_LARGE when the text would pass `max_bytes` (the
 * memory cap; 0: no bound); TAF_JSON_INVALID for values JSON cannot hold
 * (functions, tables mixing array and object keys, nesting deeper than 100
 * levels or a cycle) or when out of memory. Either failure puts its message
 * in `err`. */
enum { TAF_JSON_OK, TAF_JSON_INVALID, TAF_JSON_TOO_LARGE };
int taf_json_encode_lua(lua_State *L, int idx, int indent, size_t max_bytes, const char **text, size_t *len,
                        char *err, size_t errsize);

/* Push the Lua value of `j`; objects keep their key order for re-encoding,
 * arrays stay arrays when empty. */
void taf_json_push(lua_State *L, const json_t *j);

#endif

/* Lua values ↔ JSON (jansson): declared key order, 17 significant digits,
 * non-finite numbers as null, always valid UTF-8. */
#ifndef TAF_JSON_H
#define TAF_JSON_H

#include <jansson.h>
#include <lua.h>

/* Convert the Lua value at `idx`; NULL with a message in `err` for values
 * JSON cannot hold (functions, cycles deeper than 100 levels). */
json_t *taf_json_from_lua(lua_State *L, int idx, char *err, size_t errsize);
/* Push the Lua value of `j`; objects keep their key order for re-encoding. */
void taf_json_push(lua_State *L, const json_t *j);
/* Serialise `j` in its key order: reals in the shortest form that reads back
 * to the same double (at most 17 significant digits), non-finite as null,
 * UTF-8 passed through. `indent` 0 gives compact output. Returns a malloc'd
 * string (NULL when out of memory). */
char *taf_json_dumps(const json_t *j, int indent);
/* The same text straight from the Lua value at `idx` (no jansson tree);
 * NULL with a message in `err` for values JSON cannot hold. */
char *taf_json_encode_lua(lua_State *L, int idx, int indent, char *err, size_t errsize);

#endif

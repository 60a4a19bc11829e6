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
/* Encode flags used for every result tafrun prints. */
#define TAF_JSON_FLAGS JSON_REAL_PRECISION(17)

#endif

/* A jansson tree as JSON text: its key order, 17 significant digits at
 * most, non-finite numbers as null, always valid UTF-8. No Lua: Lua values
 * are encoded by lua/json_lua.h with the same primitives (json_write.h). */
#ifndef TAF_JSON_H
#define TAF_JSON_H

#include <jansson.h>

/* Serialise `j` in its key order: reals in the shortest form that reads back
 * to the same double (at most 17 significant digits), non-finite as null,
 * UTF-8 passed through. `indent` 0 gives compact output. Returns a malloc'd
 * string (NULL when out of memory). */
char *taf_json_dumps(const json_t *j, int indent);

#endif

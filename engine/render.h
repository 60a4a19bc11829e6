/* Recipe results as people read them: text (terminal) or markdown. JSON
 * output is taf_json_dumps of the same value. No Lua: a Lua result reaches
 * these as the JSON text of lua/json_lua.h (taf_json_encode_lua). */
#ifndef TAF_RENDER_H
#define TAF_RENDER_H

#include <jansson.h>
#include <stdio.h>

/* CSV and JSON Lines are sweep formats; a single result renders them as JSON. */
enum taf_format { TAF_FORMAT_TEXT, TAF_FORMAT_JSON, TAF_FORMAT_MARKDOWN, TAF_FORMAT_CSV, TAF_FORMAT_JSONL };

/* Write `result` (a recipe result object, SPEC §4) to `out`. */
void taf_render(FILE *out, const json_t *result, enum taf_format format, int color);
/* The same from JSON text (`len` bytes at `json`, as taf_json_encode_lua
 * writes it), parsed with jansson: 0, or -1 with a message on stderr naming
 * the problem (no text, or where and why it does not parse). */
int taf_render_json_text(FILE *out, const char *json, size_t len, enum taf_format format, int color);
/* A step result as one short cell: numbers with 6 significant digits,
 * objects as "k=v, …", null as "n/a". Writes at most size-1 bytes. */
void taf_render_value(const json_t *v, char *buf, size_t size);
/* Display width of a UTF-8 string (code points). */
size_t taf_display_width(const char *s);

#endif

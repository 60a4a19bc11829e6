#include "render.h"
#include "json.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define RESULT_CELL 40
/* The section and step columns widen to their longest entry up to this many
 * code points; a longer one overflows its own row only (else one long name
 * would pad every row of a long chain to its width). */
#define MAX_COLUMN 48

size_t taf_display_width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            w++;
    return w;
}

static void format_number(double v, int is_int, char *buf, size_t size)
{
    if (is_int)
        snprintf(buf, size, "%.0f", v);
    else if (v != 0 && (fabs(v) >= 1e7 || fabs(v) < 1e-4))
        snprintf(buf, size, "%.4e", v);
    else
        snprintf(buf, size, "%.6g", v);
}

/* Cut a UTF-8 string to `width` code points, ending with "…" when cut. */
static void clip(char *buf, size_t width)
{
    size_t w = 0;
    for (char *p = buf; *p; p++) {
        if (((unsigned char)*p & 0xC0) != 0x80 && ++w == width && p[1] != '\0') {
            /* keep room for the ellipsis: replace from this code point on */
            size_t w2 = 0;
            for (char *q = p + 1; *q; q++)
                if (((unsigned char)*q & 0xC0) != 0x80)
                    w2++;
            if (w2 > 0) {
                strcpy(p, "\xE2\x80\xA6");
                return;
            }
        }
    }
}

void taf_render_value(const json_t *v, char *buf, size_t size)
{
    buf[0] = '\0';
    switch (json_typeof(v)) {
    case JSON_NULL:
        snprintf(buf, size, "n/a");
        break;
    case JSON_TRUE:
    case JSON_FALSE:
        snprintf(buf, size, "%s", json_is_true(v) ? "true" : "false");
        break;
    case JSON_INTEGER:
        snprintf(buf, size, "%lld", (long long)json_integer_value(v));
        break;
    case JSON_REAL: {
        double d = json_real_value(v);
        format_number(d, 0, buf, size);
        break;
    }
    case JSON_STRING:
        snprintf(buf, size, "%s", json_string_value(v));
        break;
    case JSON_ARRAY:
        snprintf(buf, size, "[%zu item%s]", json_array_size(v), json_array_size(v) == 1 ? "" : "s");
        break;
    case JSON_OBJECT: {
        size_t used = 0;
        const char *key;
        json_t *item;
        json_object_foreach((json_t *)v, key, item) {
            char cell[128];
            if (json_is_object(item) || json_is_array(item))
                continue;
            if (json_is_real(item))
                snprintf(cell, sizeof cell, "%.4g", json_real_value(item));
            else
                taf_render_value(item, cell, sizeof cell);
            int n = snprintf(buf + used, size - used, "%s%s=%s", used ? ", " : "", key, cell);
            if (n < 0 || (size_t)n >= size - used)
                break;
            used += (size_t)n;
        }
        break;
    }
    }
}

static const char *str(const json_t *obj, const char *key)
{
    const char *s = json_string_value(json_object_get(obj, key));
    return s ? s : "";
}

static const char *receipt_color(const char *r)
{
    if (!strcmp(r, "lean")) return "\033[32m";
    if (!strcmp(r, "data")) return "\033[36m";
    if (!strcmp(r, "analogy")) return "\033[35m";
    if (!strcmp(r, "erratum") || !strcmp(r, "provisional")) return "\033[33m";
    if (!strcmp(r, "refuted")) return "\033[31m";
    return "";
}

static void pad(FILE *out, const char *s, size_t width)
{
    fputs(s, out);
    for (size_t w = taf_display_width(s); w < width; w++)
        fputc(' ', out);
}

static void confidence_line(const json_t *conf, char *buf, size_t size)
{
    size_t used = (size_t)snprintf(buf, size, "%lld%% (%s)",
                                   (long long)json_integer_value(json_object_get(conf, "pct")),
                                   str(conf, "band"));
    json_t *factors = json_object_get(conf, "factors");
    size_t i;
    json_t *f;
    json_array_foreach(factors, i, f) {
        if (used >= size)
            break;
        int n = snprintf(buf + used, size - used, "%s%s %s", i ? ", " : ": ", str(f, "key"), str(f, "status"));
        if (n < 0)
            break;
        used += (size_t)n;
    }
}

static void render_text(FILE *out, const json_t *r, int color)
{
    const char *bold = color ? "\033[1m" : "", *dim = color ? "\033[2m" : "", *off = color ? "\033[0m" : "";
    fprintf(out, "%s%s · %s%s\n", bold, str(r, "recipe_id"), str(r, "recipe_name"), off);
    fprintf(out, "%s%s%s\n", dim, str(r, "question"), off);
    if (*str(r, "model"))
        fprintf(out, "model: %s\n", str(r, "model"));
    fprintf(out, "\n%sVERDICT: %s%s\n\n", bold, str(r, "verdict"), off);

    json_t *chain = json_object_get(r, "chain");
    size_t i, w_sec = 7, w_name = 4, w_res = 6;
    json_t *s;
    char cell[512];
    json_array_foreach(chain, i, s) {
        size_t a = taf_display_width(str(s, "section")), b = taf_display_width(str(s, "name"));
        taf_render_value(json_object_get(s, "result"), cell, sizeof cell);
        clip(cell, RESULT_CELL);
        size_t c = taf_display_width(cell);
        if (a > w_sec) w_sec = a < MAX_COLUMN ? a : MAX_COLUMN;
        if (b > w_name) w_name = b < MAX_COLUMN ? b : MAX_COLUMN;
        if (c > w_res) w_res = c;
    }
    fprintf(out, "%s %2s  ", dim, "#");
    pad(out, "section", w_sec + 2);
    pad(out, "step", w_name + 2);
    pad(out, "result", w_res + 2);
    pad(out, "receipt", 13);
    fprintf(out, "interpretation%s\n", off);
    json_array_foreach(chain, i, s) {
        fprintf(out, " %2lld  ", (long long)json_integer_value(json_object_get(s, "step")));
        pad(out, str(s, "section"), w_sec + 2);
        pad(out, str(s, "name"), w_name + 2);
        taf_render_value(json_object_get(s, "result"), cell, sizeof cell);
        clip(cell, RESULT_CELL);
        pad(out, cell, w_res + 2);
        const char *rc = str(s, "receipt");
        fprintf(out, "%s", color ? receipt_color(rc) : "");
        pad(out, rc, 11);
        fprintf(out, "%s  %s\n", off, str(s, "interpretation"));
    }
    fprintf(out, "\n%sReason%s       %s\n", bold, off, str(r, "reason"));
    fprintf(out, "%sMitigation%s   %s\n", bold, off, str(r, "mitigation"));
    json_t *conf = json_object_get(r, "confidence");
    if (json_is_object(conf)) {
        char line[1024];
        confidence_line(conf, line, sizeof line);
        fprintf(out, "%sConfidence%s   %s\n", bold, off, line);
    }
    json_t *notes = json_object_get(r, "notes");
    if (json_array_size(notes) > 0) {
        fprintf(out, "%sNotes%s\n", bold, off);
        json_t *n;
        json_array_foreach(notes, i, n)
            fprintf(out, "  - %s\n", json_string_value(n) ? json_string_value(n) : "");
    }
}

/* Markdown table cells cannot hold '|' or newlines. */
static void md_cell(FILE *out, const char *s)
{
    for (; *s; s++) {
        if (*s == '|')
            fputs("\\|", out);
        else if (*s == '\n')
            fputc(' ', out);
        else
            fputc(*s, out);
    }
}

static void render_markdown(FILE *out, const json_t *r)
{
    fprintf(out, "## %s — %s\n\n> %s\n\n", str(r, "recipe_id"), str(r, "recipe_name"), str(r, "question"));
    if (*str(r, "model"))
        fprintf(out, "Model: `%s`\n\n", str(r, "model"));
    fprintf(out, "**Verdict: %s**\n\n", str(r, "verdict"));
    fprintf(out, "| # | section | step | formula | result | receipt | interpretation |\n");
    fprintf(out, "|---|---|---|---|---|---|---|\n");
    size_t i;
    json_t *s;
    char cell[512];
    json_array_foreach(json_object_get(r, "chain"), i, s) {
        fprintf(out, "| %lld | ", (long long)json_integer_value(json_object_get(s, "step")));
        md_cell(out, str(s, "section"));
        fputs(" | ", out);
        md_cell(out, str(s, "name"));
        fputs(" | `", out);
        md_cell(out, str(s, "formula"));
        fputs("` | ", out);
        taf_render_value(json_object_get(s, "result"), cell, sizeof cell);
        md_cell(out, cell);
        fputs(" | ", out);
        md_cell(out, str(s, "receipt"));
        fputs(" | ", out);
        md_cell(out, str(s, "interpretation"));
        fputs(" |\n", out);
    }
    fprintf(out, "\n**Reason:** %s\n\n**Mitigation:** %s\n\n", str(r, "reason"), str(r, "mitigation"));
    json_t *conf = json_object_get(r, "confidence");
    if (json_is_object(conf)) {
        char line[1024];
        confidence_line(conf, line, sizeof line);
        fprintf(out, "**Confidence:** %s\n\n", line);
    }
    json_t *notes = json_object_get(r, "notes");
    if (json_array_size(notes) > 0) {
        fprintf(out, "**Notes**\n\n");
        json_t *n;
        json_array_foreach(notes, i, n)
            fprintf(out, "- %s\n", json_string_value(n) ? json_string_value(n) : "");
    }
}

void taf_render(FILE *out, const json_t *result, enum taf_format format, int color)
{
    if (format == TAF_FORMAT_MARKDOWN)
        render_markdown(out, result);
    else if (format == TAF_FORMAT_TEXT)
        render_text(out, result, color);
    else {
        char *s = taf_json_dumps(result, 2);
        if (s != NULL) {
            fputs(s, out);
            fputc('\n', out);
        }
        free(s);
    }
}

int taf_render_json_text(FILE *out, const char *json, size_t len, enum taf_format format, int color)
{
    if (json == NULL) {
        fprintf(stderr, "tafrun: cannot render the result: no JSON text\n");
        return -1;
    }
    /* any value at the top, as the encoder writes any value; \u0000 stays in
     * its string, as a Lua string holds it */
    json_error_t e;
    json_t *j = json_loadb(json, len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &e);
    if (j == NULL) {
        fprintf(stderr, "tafrun: cannot render the result: its JSON text does not parse (line %d, column %d: %s)\n",
                e.line, e.column, e.text);
        return -1;
    }
    taf_render(out, j, format, color);
    json_decref(j);
    return 0;
}

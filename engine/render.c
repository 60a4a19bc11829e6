#include "render.h"
#include "numfmt.h"
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

static void grouped(double v, char *buf, size_t size)
{
    char raw[64];
    snprintf(raw, sizeof raw, "%.0f", v == 0 ? 0.0 : v); /* -0 shows as 0 */
    taf_group_digits(raw, buf, size);
}

/* A number as people read it: whole numbers and anything from 1,000 up
 * grouped by thousands (34,360 MB, not 3.436e+04), small ones with `digits`
 * significant digits, the extremes in scientific notation. */
static void human_number(double v, int digits, char *buf, size_t size)
{
    double a = fabs(v);
    if (!isfinite(v))
        snprintf(buf, size, "%s", isnan(v) ? "n/a" : v > 0 ? "∞" : "−∞");
    else if (a >= 1e15 || (a != 0 && a < 1e-4))
        snprintf(buf, size, "%.4g", v);
    else if (a >= 1000 || v == floor(v))
        grouped(v, buf, size);
    else
        snprintf(buf, size, "%.*g", digits, v);
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
    case JSON_INTEGER: { /* exact, whatever its size */
        char raw[32];
        snprintf(raw, sizeof raw, "%lld", (long long)json_integer_value(v));
        taf_group_digits(raw, buf, size);
        break;
    }
    case JSON_REAL:
        human_number(json_real_value(v), 6, buf, size);
        break;
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
                human_number(json_real_value(item), 4, cell, sizeof cell);
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

/* What a verdict rests on (the result's "basis"), as the VERDICT line says it. */
static const char *basis_text(const json_t *r)
{
    const char *b = str(r, "basis");
    if (!strcmp(b, "closed_form"))
        return " (closed form, unmeasured)";
    if (!strcmp(b, "trained_window"))
        return " (from the trained window)";
    if (!strcmp(b, "measured"))
        return " (measured)";
    return "";
}

/* A result too big for its cell (a list, an object or text wider than the
 * column) is shown whole in the Figures block instead of cut. */
static int needs_figures(const json_t *v)
{
    char cell[512];
    if (json_is_array(v))
        return json_array_size(v) > 0;
    if (!json_is_object(v) && !json_is_string(v))
        return 0;
    taf_render_value(v, cell, sizeof cell);
    if (json_is_object(v)) {
        const char *k;
        json_t *x;
        json_object_foreach((json_t *)v, k, x)
            if (json_is_object(x) || json_is_array(x))
                return 1; /* the cell leaves nested values out */
    }
    return taf_display_width(cell) > RESULT_CELL;
}

#define FIGURE_LINES 256

/* One value of the Figures block: an object a line per key, a list a line
 * per item (objects inline), nested values inline. */
static void figure(FILE *out, const json_t *v, int indent, size_t *lines)
{
    char cell[1024];
    if (json_is_object(v)) {
        const char *k;
        json_t *x;
        size_t w = 0;
        json_object_foreach((json_t *)v, k, x)
            if (taf_display_width(k) > w)
                w = taf_display_width(k);
        json_object_foreach((json_t *)v, k, x) {
            if ((*lines)++ >= FIGURE_LINES)
                return;
            fprintf(out, "%*s", indent, "");
            pad(out, k, w + 2);
            if (json_is_object(x) || json_is_array(x)) {
                fputc('\n', out);
                figure(out, x, indent + 2, lines);
            } else {
                taf_render_value(x, cell, sizeof cell);
                fprintf(out, "%s\n", cell);
            }
        }
    } else if (json_is_array(v)) {
        size_t i;
        json_t *x;
        json_array_foreach(v, i, x) {
            if ((*lines)++ >= FIGURE_LINES) {
                fprintf(out, "%*s… %zu more\n", indent, "", json_array_size(v) - i);
                return;
            }
            taf_render_value(x, cell, sizeof cell);
            fprintf(out, "%*s[%zu] %s\n", indent, "", i + 1, cell);
        }
    } else {
        taf_render_value(v, cell, sizeof cell);
        fprintf(out, "%*s%s\n", indent, "", cell);
    }
}

static void render_text(FILE *out, const json_t *r, int color)
{
    const char *bold = color ? "\033[1m" : "", *dim = color ? "\033[2m" : "", *off = color ? "\033[0m" : "";
    fprintf(out, "%s%s · %s%s\n", bold, str(r, "recipe_id"), str(r, "recipe_name"), off);
    fprintf(out, "%s%s%s\n", dim, str(r, "question"), off);
    if (*str(r, "model"))
        fprintf(out, "model: %s\n", str(r, "model"));
    fprintf(out, "\n%sVERDICT: %s%s%s\n\n", bold, str(r, "verdict"), basis_text(r), off);

    json_t *chain = json_object_get(r, "chain");
    size_t i, w_sec = 7, w_name = 4, w_res = 6, n_figures = 0;
    json_t *s;
    char cell[512];
    static const char SEE[] = "see Figures";
    json_array_foreach(chain, i, s) {
        size_t a = taf_display_width(str(s, "section")), b = taf_display_width(str(s, "name"));
        json_t *res = json_object_get(s, "result");
        if (needs_figures(res)) {
            snprintf(cell, sizeof cell, "%s", SEE);
            n_figures++;
        } else {
            taf_render_value(res, cell, sizeof cell);
        }
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
        json_t *res = json_object_get(s, "result");
        if (needs_figures(res))
            snprintf(cell, sizeof cell, "%s", SEE);
        else
            taf_render_value(res, cell, sizeof cell);
        pad(out, cell, w_res + 2);
        const char *rc = str(s, "receipt");
        fprintf(out, "%s", color ? receipt_color(rc) : "");
        pad(out, rc, 11);
        fprintf(out, "%s  %s\n", off, str(s, "interpretation"));
    }
    if (n_figures > 0) {
        fprintf(out, "\n%sFigures%s\n", bold, off);
        size_t lines = 0;
        json_array_foreach(chain, i, s) {
            json_t *res = json_object_get(s, "result");
            if (!needs_figures(res))
                continue;
            fprintf(out, " %2lld  %s\n", (long long)json_integer_value(json_object_get(s, "step")), str(s, "name"));
            figure(out, res, 6, &lines);
        }
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
    fprintf(out, "**Verdict: %s%s**\n\n", str(r, "verdict"), basis_text(r));
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

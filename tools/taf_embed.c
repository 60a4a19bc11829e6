/* Build tool: writes a C file holding the engine's own Lua files as text
 * (engine/engine_lua.h). Usage:
 *   taf_embed OUT.c SRCDIR [--bundle NAME=MODULE,MODULE,...] FILE...
 * where each FILE is relative to SRCDIR (engine/core/runner.lua,
 * engine/cmd/run.lua). Text only: the engine loads every entry with mode "t",
 * like every other chunk.
 *
 * Start-up parses these texts at every run, so they go in lean: comments,
 * indentation and trailing blanks are left out, every line break is kept
 * (error positions name the source file's lines). With --bundle, the named
 * modules also go into one extra entry NAME, a chunk returning
 * { [module] = function(...) <module text> end, ... }: one parse for the
 * modules every recipe run loads (engine/core/main.lua's `use` takes a
 * module from there first). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap);
    while (buf != NULL && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *grown = realloc(buf, cap *= 2);
            if (grown == NULL)
                free(buf);
            buf = grown;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

/* The level of the long bracket opening at s[i] ("[[" 0, "[==[" 2), or -1. */
static int long_bracket(const char *s, size_t i, size_t len)
{
    if (i >= len || s[i] != '[')
        return -1;
    size_t j = i + 1;
    while (j < len && s[j] == '=')
        j++;
    return j < len && s[j] == '[' ? (int)(j - i - 1) : -1;
}

/* The index just past the long bracket of `level` closing at or after s[i]
 * (len when it never closes: the loader reports that on the original text's
 * terms anyway, an unfinished string or comment). */
static size_t long_close(const char *s, size_t i, size_t len, int level)
{
    for (; i < len; i++) {
        if (s[i] != ']')
            continue;
        size_t j = i + 1;
        while (j < len && s[j] == '=')
            j++;
        if (j < len && s[j] == ']' && (int)(j - i - 1) == level)
            return j + 1;
    }
    return len;
}

/* Lua text without comments, indentation, trailing blanks and runs of blanks,
 * with every line break and every string as written; `out` holds at least
 * `len` bytes. Returns the new length. */
static size_t minify(const char *s, size_t len, char *out)
{
    size_t i = 0, n = 0;
    int line_start = 1, blank = 0;
    while (i < len) {
        char c = s[i];
        if (c == '\n' || c == '\r') {
            out[n++] = c;
            i++;
            line_start = 1;
            blank = 0;
        } else if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
            blank = !line_start;
            i++;
        } else if (c == '-' && i + 1 < len && s[i + 1] == '-') { /* a comment counts as a blank */
            int level = long_bracket(s, i + 2, len);
            size_t end = i + 2;
            if (level >= 0) {
                end = long_close(s, i + 2, len, level);
                for (size_t k = i; k < end; k++) /* keep its line breaks */
                    if (s[k] == '\n' || s[k] == '\r')
                        out[n++] = s[k], line_start = 1, blank = 0;
            } else {
                while (end < len && s[end] != '\n' && s[end] != '\r')
                    end++;
            }
            blank = blank || !line_start;
            i = end;
        } else {
            if (blank)
                out[n++] = ' ';
            blank = line_start = 0;
            int level = long_bracket(s, i, len);
            if (level >= 0) { /* a long string, as written */
                size_t end = long_close(s, i, len, level);
                memcpy(out + n, s + i, end - i);
                n += end - i;
                i = end;
            } else if (c == '"' || c == '\'') { /* a short string, escapes and all */
                out[n++] = s[i++];
                while (i < len) {
                    char d = s[i++];
                    out[n++] = d;
                    if (d == '\\' && i < len)
                        out[n++] = s[i++];
                    else if (d == c)
                        break;
                }
            } else {
                out[n++] = s[i++];
            }
        }
    }
    return n;
}

/* "engine/core/runner.lua" → "runner", "engine/cmd/show_model.lua" → "cmd.show_model" */
static void module_name(const char *rel, char *out, size_t size)
{
    const char *p = strncmp(rel, "engine/core/", 12) == 0 ? rel + 12 : strncmp(rel, "engine/", 7) == 0 ? rel + 7 : rel;
    snprintf(out, size, "%s", p);
    char *dot = strrchr(out, '.');
    if (dot != NULL && strcmp(dot, ".lua") == 0)
        *dot = '\0';
    for (char *c = out; *c; c++)
        if (*c == '/')
            *c = '.';
}

/* Is `name` one of the comma-separated `list`? */
static int listed(const char *list, const char *name)
{
    size_t k = strlen(name);
    for (const char *p = list; p != NULL && *p; p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL)
        if (strncmp(p, name, k) == 0 && (p[k] == ',' || p[k] == '\0'))
            return 1;
    return 0;
}

static void write_bytes(FILE *out, const char *s, size_t len)
{
    for (size_t k = 0; k < len; k++)
        fprintf(out, "%s%d,", k % 24 ? "" : "\n", (int)(signed char)s[k]);
}

/* The bundle chunk, built as the files go by, and where each module's lines
 * landed in it (a comment in the output, for errors that name its lines). */
struct bundle {
    const char *name, *modules;
    char *text;
    size_t len, cap, line; /* line: the last line written */
    char map[8192];
};

static int bundle_add(struct bundle *b, const char *file, const char *module, const char *lean, size_t len)
{
    while (b->len + len + strlen(module) + 64 > b->cap) {
        char *grown = realloc(b->text, b->cap *= 2);
        if (grown == NULL)
            return -1;
        b->text = grown;
    }
    b->len += (size_t)sprintf(b->text + b->len, "[\"%s\"] = function(...)\n", module);
    memcpy(b->text + b->len, lean, len);
    b->len += len;
    b->len += (size_t)sprintf(b->text + b->len, "\nend,\n");
    size_t lines = 1;
    for (size_t k = 0; k < len; k++)
        lines += lean[k] == '\n';
    size_t used = strlen(b->map);
    snprintf(b->map + used, sizeof b->map - used, " *   %-26s lines %5zu-%-5zu (its line 1 = line %zu)\n", file,
             b->line + 2, b->line + 1 + lines, b->line + 2);
    b->line += lines + 2;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: taf_embed OUT.c SRCDIR [--bundle NAME=MODULE,...] FILE...\n");
        return 2;
    }
    struct bundle b = { .cap = 1 << 16, .line = 1 };
    char spec[4096];
    int first = 3;
    if (argc > 4 && strcmp(argv[3], "--bundle") == 0) {
        snprintf(spec, sizeof spec, "%s", argv[4]);
        char *eq = strchr(spec, '=');
        if (eq == NULL) {
            fprintf(stderr, "taf_embed: --bundle wants NAME=MODULE,...\n");
            return 2;
        }
        *eq = '\0';
        b.name = spec;
        b.modules = eq + 1;
        first = 5;
    }
    b.text = malloc(b.cap);
    char *bundled = calloc((size_t)argc, 1);
    FILE *out = fopen(argv[1], "w");
    if (b.text == NULL || bundled == NULL || out == NULL) {
        perror(argv[1]);
        return 1;
    }
    b.len = (size_t)sprintf(b.text, "return {\n");
    fprintf(out, "/* generated by tools/taf_embed.c: do not edit */\n#include \"engine_lua.h\"\n\n");
    for (int i = first; i < argc; i++) {
        char path[4096], module[512];
        snprintf(path, sizeof path, "%s/%s", argv[2], argv[i]);
        module_name(argv[i], module, sizeof module);
        size_t len;
        char *src = slurp(path, &len);
        char *lean = src == NULL ? NULL : malloc(len + 1);
        if (lean == NULL) {
            perror(path);
            return 1;
        }
        len = minify(src, len, lean);
        free(src);
        bundled[i] = b.name != NULL && listed(b.modules, module);
        if (bundled[i] && bundle_add(&b, argv[i], module, lean, len) != 0)
            return 1;
        if (!bundled[i]) {
            fprintf(out, "static const char text_%d[] = {", i);
            write_bytes(out, lean, len);
            fprintf(out, "0};\n#define NAME_%d \"%s\"\n#define LEN_%d %zu\n", i, module, i, len);
        }
        free(lean);
    }
    if (b.name != NULL) {
        b.len += (size_t)sprintf(b.text + b.len, "}\n");
        fprintf(out, "/* \"%s\", one chunk: an error at (engine %s):LINE is in the file whose lines hold LINE\n%s */\n",
                b.name, b.name, b.map);
        fprintf(out, "static const char text_bundle[] = {");
        write_bytes(out, b.text, b.len);
        fprintf(out, "0};\n");
    }
    fprintf(out, "\nconst struct taf_engine_file taf_engine_files[] = {\n");
    for (int i = first; i < argc; i++)
        if (!bundled[i])
            fprintf(out, "    { NAME_%d, \"@%s\", text_%d, LEN_%d },\n", i, argv[i], i, i);
    if (b.name != NULL)
        fprintf(out, "    { \"%s\", \"=(engine %s)\", text_bundle, %zu },\n", b.name, b.name, b.len);
    fprintf(out, "    { 0, 0, 0, 0 },\n};\n");
    free(b.text);
    free(bundled);
    return fclose(out) == 0 ? 0 : 1;
}

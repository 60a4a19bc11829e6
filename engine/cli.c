/* Command line (SPEC §3): parse argv, open the host, hand the command to the
 * recipe library (lib.cli), and print what it returns. */
#include "tafrun.h"
#include "host.h"
#include "host_lib.h"
#include "json.h"
#include "render.h"
#include "lua/module.h"
#include "lua/bind.h"

#include <lauxlib.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_SETS 256
#define MAX_PACKS 32

struct cli {
    const char *command;  /* run, eval, list, show, card, test */
    const char *target;   /* recipe, list kind, chunk, test dir */
    const char *model;
    const char *config;   /* --config: a config.json or a folder holding one */
    const char *gguf;     /* --gguf: a GGUF file (header only) */
    const char *sets[MAX_SETS];
    int n_sets;
    const char *packs[MAX_PACKS];
    int n_packs;
    const char *grids[MAX_SETS]; /* sweep: KEY=START..STOP*FACTOR|+STEP or KEY=a,b,c */
    int n_grids;
    const char *out;             /* sweep: output file (.jsonl or .csv) */
    const char *shard;           /* sweep: I/N */
    long long jobs;              /* sweep: worker processes */
    int full;                    /* sweep: full results instead of lean rows */
    const char *sink_tokens, *fit_range, *plot; /* profile: K, D1..D2, SVG file */
    enum taf_format format;
    int format_given;
    int trust;
    long long max_steps;
    long long max_mem_mib;
};

static const char USAGE[] =
    "usage: tafrun RECIPE [--model ID | --config PATH | --gguf PATH] [--set KEY=VALUE]... [--format text|json|markdown] [--json]\n"
    "       tafrun show-model --model ID | --config PATH | --gguf PATH\n"
    "       tafrun -e CHUNK\n"
    "       tafrun list [recipes|models|gpus|apis|packs]\n"
    "       tafrun show RECIPE\n"
    "       tafrun card --model ID\n"
    "       tafrun compare RECIPE --model A,B,C\n"
    "       tafrun sweep RECIPE --model A,B --grid KEY=START..STOP[*FACTOR|+STEP] [--out FILE.jsonl|.csv]\n"
    "       tafrun profile FILE [--sink-tokens K] [--fit-range D1..D2] [--plot FILE.svg] [--json]\n"
    "       tafrun test [PACK_DIR | DIR]\n"
    "       tafrun --help | --version\n";

static const char HELP[] =
    "tafrun answers practical questions about transformer LLMs (context length, KV cache,\n"
    "hardware, training and serving cost) from the formulas of the Thermodynamic Attention\n"
    "Framework. Every answer shows its chain of formulas, each with its receipt.\n"
    "\n"
    "Commands:\n"
    "  tafrun RECIPE [options]   run a recipe: an id (x19, X-19) or a path to a .lua file\n"
    "  tafrun show RECIPE        the recipe's question, parameters (type, range, default) and sections\n"
    "  tafrun list [KIND]        recipes, models, gpus, apis or packs (default: recipes)\n"
    "  tafrun card --model ID    every recipe that applies to one model, one summary table\n"
    "  tafrun show-model --config PATH | --gguf PATH | --model ID\n"
    "                            the model fields read from a file or preset, with a note per guess\n"
    "  tafrun compare RECIPE --model A,B,C   one recipe on several models, side by side\n"
    "  tafrun sweep RECIPE --model A,B --grid KEY=START..STOP*FACTOR [--grid …]\n"
    "                            run a recipe over a grid; JSON Lines or CSV (--out FILE.jsonl|.csv)\n"
    "  tafrun test [DIR]         run a pack's tests (DIR/tests/*.lua, or DIR/*.lua); 'N passed, N failed'\n"
    "  tafrun profile FILE       measure γ, R² and sink mass from attention probabilities\n"
    "                            (.npy, .safetensors) or a γ-atlas measurement (.json)\n"
    "  tafrun -e CHUNK           run Lua with the taf module loaded, like lua -e\n"
    "\n"
    "Options:\n"
    "  --model ID          a model preset: short id (qwen2.5-7b), alias or HF id (Qwen/Qwen2.5-7B)\n"
    "  --config PATH       a HuggingFace config.json (or its folder) instead of a preset\n"
    "  --gguf PATH         a GGUF file instead of a preset (only its header is read)\n"
    "  --set KEY=VALUE     set a recipe parameter; numbers (32768, 8e9), true/false, or text\n"
    "  --format FMT        text (default), json or markdown; --json is --format json\n"
    "  --pack DIR          add a recipe pack (also $TAFRUN_PATH, $XDG_DATA_HOME/tafrun/packs)\n"
    "  --grid KEY=SPEC     sweep axis: 1024..131072*2, 0.5..0.9+0.1, or a,b,c\n"
    "  --out FILE          sweep output (.jsonl or .csv; written to a temp file, renamed at the end)\n"
    "  --shard I/N         sweep only the I-th of N slices of the grid (1-based)\n"
    "  --jobs N            sweep with N worker processes (default: all cores)\n"
    "  --full              sweep rows carry full results, not lean rows\n"
    "  --sink-tokens K     profile: the sink is the first K keys (default 1)\n"
    "  --fit-range D1..D2  profile: distances of the log-log fit (default 8..T/2)\n"
    "  --plot FILE.svg     profile: also write log A(d) with the fitted line as SVG\n"
    "  --trust             run the script without the sandbox (your own scripts only)\n"
    "  --max-steps N       instruction budget for scripts (default 500000000)\n"
    "  --max-mem MIB       memory cap for scripts in MiB (default 512)\n"
    "  -h, --help          this help;  --version  the version\n"
    "\n"
    "Examples:\n"
    "  tafrun x19 --model qwen2.5-7b\n"
    "  tafrun x2 --model llama-3-8b --set T_eval=32000 --json\n"
    "  tafrun show x2\n"
    "  tafrun -e 'print(taf.gamma_pade(10000, 4096))'\n"
    "\n"
    "Exit codes: 0 success, 1 recipe or runtime error, 2 usage error (bad flag, unknown\n"
    "recipe/model/gpu, malformed or out-of-range value, unreadable file).\n"
    "Environment: NO_COLOR disables colour; TAFRUN_DATADIR points at recipes/ and catalogs/.\n";

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "tafrun: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%s", USAGE);
    return TAF_EXIT_USAGE;
}

static int parse_count(const char *flag, const char *s, long long lo, long long hi, long long *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi) {
        fprintf(stderr, "tafrun: %s expects an integer in [%lld, %lld], got '%s'\n", flag, lo, hi, s);
        return -1;
    }
    *out = v;
    return 0;
}

/* Returns -1 to continue, else an exit code (help, version, usage errors). */
static int parse(int argc, char **argv, struct cli *c)
{
    c->format = TAF_FORMAT_TEXT;
    c->max_steps = TAF_DEFAULT_MAX_STEPS;
    c->max_mem_mib = TAF_DEFAULT_MAX_MEM >> 20;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *next = i + 1 < argc ? argv[i + 1] : NULL;
#define NEED_VALUE() do { if (next == NULL) return usage_error("%s needs a value", a); i++; } while (0)
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(HELP, stdout);
            return TAF_EXIT_OK;
        } else if (!strcmp(a, "--version")) {
            printf("tafrun %s\n", TAF_VERSION_STRING);
            return TAF_EXIT_OK;
        } else if (!strcmp(a, "-e")) {
            NEED_VALUE();
            if (c->command != NULL)
                return usage_error("-e cannot be combined with '%s'", c->command);
            c->command = "eval";
            c->target = next;
        } else if (!strcmp(a, "--model")) {
            NEED_VALUE();
            c->model = next;
        } else if (!strcmp(a, "--config")) {
            NEED_VALUE();
            c->config = next;
        } else if (!strcmp(a, "--gguf")) {
            NEED_VALUE();
            c->gguf = next;
        } else if (!strcmp(a, "--set")) {
            NEED_VALUE();
            const char *eq = strchr(next, '=');
            if (eq == NULL || eq == next)
                return usage_error("--set expects KEY=VALUE, got '%s'", next);
            if (c->n_sets == MAX_SETS)
                return usage_error("too many --set options (at most 256), at '%s'", next);
            c->sets[c->n_sets++] = next;
        } else if (!strcmp(a, "--pack")) {
            NEED_VALUE();
            if (c->n_packs == MAX_PACKS)
                return usage_error("too many --pack options (at most 32), at '%s'", next);
            c->packs[c->n_packs++] = next;
        } else if (!strcmp(a, "--grid")) {
            NEED_VALUE();
            if (strchr(next, '=') == NULL || next[0] == '=')
                return usage_error("--grid expects KEY=START..STOP[*FACTOR|+STEP] or KEY=A,B,C, got '%s'", next);
            if (c->n_grids == MAX_SETS)
                return usage_error("too many --grid options (at most 256), at '%s'", next);
            c->grids[c->n_grids++] = next;
        } else if (!strcmp(a, "--out")) {
            NEED_VALUE();
            c->out = next;
        } else if (!strcmp(a, "--shard")) {
            NEED_VALUE();
            c->shard = next;
        } else if (!strcmp(a, "--jobs")) {
            NEED_VALUE();
            if (parse_count(a, next, 1, 256, &c->jobs))
                return TAF_EXIT_USAGE;
        } else if (!strcmp(a, "--full")) {
            c->full = 1;
        } else if (!strcmp(a, "--sink-tokens") || !strcmp(a, "--fit-range") || !strcmp(a, "--plot")) {
            NEED_VALUE();
            *(a[2] == 's' ? &c->sink_tokens : a[2] == 'f' ? &c->fit_range : &c->plot) = next;
        } else if (!strcmp(a, "--json")) {
            c->format = TAF_FORMAT_JSON;
            c->format_given = 1;
        } else if (!strcmp(a, "--format")) {
            NEED_VALUE();
            if (!strcmp(next, "text")) c->format = TAF_FORMAT_TEXT;
            else if (!strcmp(next, "json")) c->format = TAF_FORMAT_JSON;
            else if (!strcmp(next, "markdown") || !strcmp(next, "md")) c->format = TAF_FORMAT_MARKDOWN;
            else if (!strcmp(next, "csv")) c->format = TAF_FORMAT_CSV;
            else if (!strcmp(next, "jsonl")) c->format = TAF_FORMAT_JSONL;
            else return usage_error("--format expects text, json, markdown (or csv, jsonl for sweep), got '%s'", next);
            c->format_given = 1;
        } else if (!strcmp(a, "--trust")) {
            c->trust = 1;
        } else if (!strcmp(a, "--max-steps")) {
            NEED_VALUE();
            if (parse_count(a, next, 1000, 1000000000000LL, &c->max_steps))
                return TAF_EXIT_USAGE;
        } else if (!strcmp(a, "--max-mem")) {
            NEED_VALUE();
            if (parse_count(a, next, 1, 1 << 20, &c->max_mem_mib))
                return TAF_EXIT_USAGE;
        } else if (a[0] == '-' && a[1] != '\0') {
            return usage_error("unknown option '%s' (see tafrun --help)", a);
        } else if (c->command == NULL) {
            static const char *const WORDS[] = { "list", "show", "card", "test", "sweep", "compare", "show-model", "profile", NULL };
            for (const char *const *w = WORDS; *w; w++)
                if (!strcmp(a, *w))
                    c->command = *w;
            if (c->command == NULL) {
                c->command = "run";
                c->target = a;
            }
        } else if (c->target == NULL) {
            c->target = a;
        } else {
            return usage_error("unexpected argument '%s'", a);
        }
#undef NEED_VALUE
    }
    if (c->command == NULL) {
        fputs(USAGE, stderr);
        return TAF_EXIT_USAGE;
    }
    if ((c->model != NULL) + (c->config != NULL) + (c->gguf != NULL) > 1)
        return usage_error("give one model source: --model, --config or --gguf%s", "");
    if ((!strcmp(c->command, "show") || !strcmp(c->command, "sweep") || !strcmp(c->command, "compare")) &&
        c->target == NULL)
        return usage_error("'%s' needs an argument", c->command);
    if ((c->sink_tokens || c->fit_range || c->plot) && strcmp(c->command, "profile"))
        return usage_error("--sink-tokens, --fit-range and --plot apply only to 'tafrun profile'%s", "");
    return -1;
}

/* The options table handed to lib.cli. */
static void push_options(lua_State *L, const struct cli *c)
{
    lua_createtable(L, 0, 8);
    lua_pushstring(L, c->command);
    lua_setfield(L, -2, "command");
    if (c->target) {
        lua_pushstring(L, c->target);
        lua_setfield(L, -2, "target");
    }
    if (c->model) {
        lua_pushstring(L, c->model);
        lua_setfield(L, -2, "model");
    }
    if (c->config) {
        lua_pushstring(L, c->config);
        lua_setfield(L, -2, "config");
    }
    if (c->gguf) {
        lua_pushstring(L, c->gguf);
        lua_setfield(L, -2, "gguf");
    }
    lua_createtable(L, c->n_sets, 0);
    for (int i = 0; i < c->n_sets; i++) {
        const char *eq = strchr(c->sets[i], '=');
        lua_createtable(L, 2, 0);
        lua_pushlstring(L, c->sets[i], (size_t)(eq - c->sets[i]));
        lua_rawseti(L, -2, 1);
        lua_pushstring(L, eq + 1);
        lua_rawseti(L, -2, 2);
        lua_rawseti(L, -2, i + 1);
    }
    lua_setfield(L, -2, "sets");
    lua_createtable(L, c->n_grids, 0);
    for (int i = 0; i < c->n_grids; i++) {
        lua_pushstring(L, c->grids[i]);
        lua_rawseti(L, -2, i + 1);
    }
    lua_setfield(L, -2, "grids");
    if (c->out) {
        lua_pushstring(L, c->out);
        lua_setfield(L, -2, "out");
    }
    if (c->shard) {
        lua_pushstring(L, c->shard);
        lua_setfield(L, -2, "shard");
    }
    lua_pushinteger(L, c->jobs);
    lua_setfield(L, -2, "jobs");
    lua_pushboolean(L, c->full);
    lua_setfield(L, -2, "full");
    lua_pushboolean(L, c->format_given);
    lua_setfield(L, -2, "format_given");
    const char *const profile_opts[][2] = { { "sink_tokens", c->sink_tokens }, { "fit_range", c->fit_range },
                                            { "plot", c->plot } };
    for (int i = 0; i < 3; i++)
        if (profile_opts[i][1]) {
            lua_pushstring(L, profile_opts[i][1]);
            lua_setfield(L, -2, profile_opts[i][0]);
        }
    static const char *const FORMATS[] = { "text", "json", "markdown", "csv", "jsonl" };
    lua_pushstring(L, FORMATS[c->format]);
    lua_setfield(L, -2, "format");
}

static int use_color(void)
{
    const char *nc = getenv("NO_COLOR");
    return isatty(STDOUT_FILENO) && (nc == NULL || *nc == '\0');
}

/* Print what lib.cli returned: a string as is, a result table rendered. The
 * output is built in memory first, so a failure never leaves half a result. */
static int emit(struct taf_host *h, const struct cli *c)
{
    lua_State *L = h->L;
    if (lua_isnil(L, -1))
        return TAF_EXIT_OK;
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (mem == NULL) {
        fprintf(stderr, "tafrun: out of memory\n");
        return TAF_EXIT_RUNTIME;
    }
    if (lua_type(L, -1) == LUA_TSTRING) {
        fputs(lua_tostring(L, -1), mem);
    } else if (c->format != TAF_FORMAT_TEXT && c->format != TAF_FORMAT_MARKDOWN) {
        char err[256];
        char *s = taf_json_encode_lua(L, -1, 2, err, sizeof err);
        if (s == NULL) {
            fclose(mem);
            free(buf);
            fprintf(stderr, "tafrun: the recipe's result cannot be written as JSON: %s\n", err);
            return TAF_EXIT_RUNTIME;
        }
        fputs(s, mem);
        fputc('\n', mem);
        free(s);
    } else {
        char err[256];
        json_t *j = taf_json_from_lua(L, -1, err, sizeof err);
        if (j == NULL) {
            fclose(mem);
            free(buf);
            fprintf(stderr, "tafrun: the recipe's result cannot be written as JSON: %s\n", err);
            return TAF_EXIT_RUNTIME;
        }
        taf_render(mem, j, c->format, use_color());
        json_decref(j);
    }
    fclose(mem);
    int ok = fwrite(buf, 1, len, stdout) == len && fflush(stdout) == 0;
    free(buf);
    if (!ok) {
        fprintf(stderr, "tafrun: cannot write the output: %s\n", strerror(errno));
        return TAF_EXIT_RUNTIME;
    }
    return TAF_EXIT_OK;
}

static int dispatch(struct taf_host *h, const struct cli *c)
{
    lua_State *L = h->L;
    if (!strcmp(c->command, "eval")) {
        int rc = host_loadstring(h, c->target, "=(command line)");
        return rc ? rc : host_call(h, 0, 0);
    }
    int rc = host_require(h, "lib.cli");
    if (rc)
        return rc;
    lua_getfield(L, -1, c->command);
    lua_remove(L, -2);
    push_options(L, c);
    rc = host_call(h, 1, 2);
    if (rc)
        return rc;
    /* a command may return an exit code after its output (tafrun test) */
    int status = lua_isinteger(L, -1) ? (int)lua_tointeger(L, -1) : TAF_EXIT_OK;
    lua_pop(L, 1);
    rc = emit(h, c);
    lua_pop(L, 1);
    return rc ? rc : status;
}

/* Untrusted scripts read model files only below the recipe and pack trees and
 * the paths named on the command line (SPEC §10); -e chunks are the user's own. */
static void restrict_reads(struct taf_host *h, const struct cli *c)
{
    if (c->trust || !strcmp(c->command, "eval"))
        return;
    lua_State *L = h->L;
    taf_readers_restrict(L);
    taf_readers_allow(L, h->datadir);
    for (int i = 0; i < c->n_packs; i++)
        taf_readers_allow(L, c->packs[i]);
    taf_readers_allow(L, c->config);
    taf_readers_allow(L, c->gguf);
    if (!strcmp(c->command, "test") || !strcmp(c->command, "profile"))
        taf_readers_allow(L, c->target);
    for (int i = 0; i < c->n_sets; i++) /* --set attention=FILE */
        taf_readers_allow(L, strchr(c->sets[i], '=') + 1);
    char dir[4200];
    const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    if (xdg && *xdg) snprintf(dir, sizeof dir, "%s/tafrun/packs", xdg);
    else if (home) snprintf(dir, sizeof dir, "%s/.local/share/tafrun/packs", home);
    else dir[0] = '\0';
    taf_readers_allow(L, dir);
    const char *path = getenv("TAFRUN_PATH");
    while (path && *path) {
        size_t n = strcspn(path, ":");
        if (n > 0 && n < sizeof dir) {
            memcpy(dir, path, n);
            dir[n] = '\0';
            taf_readers_allow(L, dir);
        }
        path += n + (path[n] == ':');
    }
}

int tafrun_main(int argc, char **argv)
{
    struct cli c = { 0 };
    int rc = parse(argc, argv, &c);
    if (rc >= 0)
        return rc;
    struct taf_host h = { 0 };
    if (host_find_datadir(h.datadir, sizeof h.datadir) != 0)
        return TAF_EXIT_RUNTIME;
    h.trusted = c.trust;
    h.print_to_stdout = !strcmp(c.command, "eval") || !strcmp(c.command, "test");
    h.limits.max_steps = c.trust ? 0 : c.max_steps;
    h.limits.max_mem = c.trust ? 0 : (size_t)c.max_mem_mib << 20;
    h.pack_dirs = c.packs;
    h.n_pack_dirs = c.n_packs;
    rc = host_open(&h);
    if (rc == TAF_EXIT_OK) {
        restrict_reads(&h, &c);
        rc = dispatch(&h, &c);
    }
    host_lib_shutdown(rc != TAF_EXIT_OK);
#if defined(__SANITIZE_ADDRESS__) || defined(TAF_KEEP_CLOSE)
    host_close(&h);
#else
    /* on success everything is written and committed: let exit() free the
     * state instead of walking it (a failed run closes it, so __gc handlers
     * remove partial output files) */
    if (rc != TAF_EXIT_OK)
        host_close(&h);
#endif
    return rc;
}

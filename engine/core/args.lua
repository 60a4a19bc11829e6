-- The command line, declared once as data. OPTIONS gives every option: its
-- value, how the value is read, its help line. Each command (engine/cmd/*.lua)
-- declares its synopsis, its help line and the options it takes. From these
-- two tables come the parser, `tafrun --help`, `tafrun COMMAND --help`,
-- "did you mean" and the check that an option applies to the command.
local host, use = ...
local errors = use "errors"

local M = {}

-- Commands in the order --help lists them; "run" is a recipe id or file.
M.COMMANDS = { "run", "show", "list", "card", "show-model", "compare", "sweep", "test", "profile", "eval" }
local WORDS = { list = true, show = true, card = true, test = true, sweep = true, compare = true,
                ["show-model"] = true, profile = true }

local function integer_in(lo, hi)
  return function(flag, s)
    local v = s:match("^%s*[+-]?%d+%s*$") and math.tointeger(tonumber(s))
    if not v or v < lo or v > hi then
      errors.usage("%s expects an integer in [%d, %d], got '%s'", flag, lo, hi, s)
    end
    return v
  end
end

local FORMATS = { text = "text", json = "json", markdown = "markdown", md = "markdown", csv = "csv", jsonl = "jsonl" }

-- Every option: key (the field of the parsed options), value (its metavar;
-- none for a flag), list (repeatable, with the most it takes), read (turns
-- the text into the stored value, raising a usage error), doc (--help).
M.OPTIONS = {
  { flag = "--model", key = "model", value = "ID",
    doc = "a model preset: short id (qwen2.5-7b), alias or HF id (Qwen/Qwen2.5-7B)" },
  { flag = "--config", key = "config", value = "PATH", doc = "a HuggingFace config.json (or its folder) instead of a preset" },
  { flag = "--gguf", key = "gguf", value = "PATH", doc = "a GGUF file instead of a preset (only its header is read)" },
  { flag = "--set", key = "sets", value = "KEY=VALUE", list = 256, with_usage = true,
    doc = "set a recipe parameter; numbers (32768, 8e9, 128k, 70B), true/false, or text",
    read = function(flag, s)
      local k, v = s:match("^([^=]+)=(.*)$")
      if not k then errors.usage("%s expects KEY=VALUE, got '%s'", flag, s) end
      return { k, v }
    end },
  { flag = "--format", key = "format", value = "FMT", with_usage = true,
    doc = "text (default), json or markdown; --json is --format json",
    read = function(flag, s)
      local f = FORMATS[s]
      if not f then errors.usage("%s expects text, json, markdown (or csv, jsonl for sweep), got '%s'", flag, s) end
      return f
    end },
  { flag = "--json", key = "format", const = "json", doc = "the result as JSON (SPEC §4)" },
  { flag = "--pack", key = "packs", value = "DIR", list = 32, with_usage = true,
    doc = "add a recipe pack (also $TAFRUN_PATH, $XDG_DATA_HOME/tafrun/packs)" },
  { flag = "--grid", key = "grids", value = "KEY=SPEC", list = 256, with_usage = true,
    doc = "sweep axis: 1024..131072*2, 0.5..0.9+0.1, or a,b,c",
    read = function(flag, s)
      if not s:find("=", 2, true) then
        errors.usage("%s expects KEY=START..STOP[*FACTOR|+STEP] or KEY=A,B,C, got '%s'", flag, s)
      end
      return s
    end },
  { flag = "--out", key = "out", value = "FILE", doc = "sweep output (.jsonl or .csv; written to a temp file, renamed at the end)" },
  { flag = "--shard", key = "shard", value = "I/N", doc = "sweep only the I-th of N slices of the grid (1-based)" },
  { flag = "--jobs", key = "jobs", value = "N", read = integer_in(1, 256), doc = "sweep with N worker processes (default: all cores)" },
  { flag = "--full", key = "full", const = true, doc = "sweep rows carry full results, not lean rows" },
  { flag = "--sink-tokens", key = "sink_tokens", value = "K", doc = "profile: the sink is the first K keys (default 1)" },
  { flag = "--fit-range", key = "fit_range", value = "D1..D2", doc = "profile: distances of the log-log fit (default 8..T/2)" },
  { flag = "--plot", key = "plot", value = "FILE.svg", doc = "profile: also write log A(d) with the fitted line as SVG" },
  { flag = "--local", key = "local_models", const = true, doc = "list models: those found on disk (HF cache, Ollama store)" },
  { flag = "--family", key = "family", value = "NAME", doc = "list models: only this family (llama, qwen2, gemma3, …)" },
  { flag = "--arch", key = "arch", value = "KIND", doc = "list models: only this architecture (FULL, SWA, MLA, SSM, HYBRID, …)" },
  { flag = "--trust", key = "trust", const = true, doc = "run the script without the sandbox (your own scripts only)" },
  { flag = "--max-steps", key = "max_steps", value = "N", read = integer_in(1000, 1000000000000),
    doc = "budget for scripts in steps of 50 ns of CPU (default 500000000 = 25 s)" },
  { flag = "--max-mem", key = "max_mem_mib", value = "MIB", read = integer_in(1, 1048576),
    doc = "memory cap for scripts in MiB (default 512)" },
  { flag = "--verbose", key = "verbose", const = true, doc = "runtime errors also print the Lua traceback" },
  { flag = "--help", short = "-h", key = "help", const = true, doc = "this help, or a command's: tafrun COMMAND --help" },
  { flag = "--version", key = "version", const = true, doc = "the version" },
}
local BY_FLAG = {}
for _, o in ipairs(M.OPTIONS) do
  BY_FLAG[o.flag] = o
  if o.short then BY_FLAG[o.short] = o end
end

-- Options every command takes.
M.COMMON = { "--pack", "--format", "--json", "--trust", "--max-steps", "--max-mem", "--verbose", "--help", "--version" }

local commands = {}
function M.command(name)
  local c = commands[name]
  if c == nil then
    c = use("cmd." .. name:gsub("%-", "_"))
    c.allowed = {}
    for _, f in ipairs(M.COMMON) do c.allowed[f] = true end
    for _, f in ipairs(c.options or {}) do c.allowed[f] = true end
    commands[name] = c
  end
  return c
end

-- The help texts and the messages of a bad command line live in
-- engine/core/args_help.lua, loaded only when one is needed.
local function help() return use "args_help" end
local function bad(fmt, ...) help().bad(fmt, ...) end
function M.help() return help().help() end
function M.command_help(name) return help().command_help(name) end

-- argv (strings) → the options table the commands take: command, target,
-- model, config, gguf, sets = {{k, v}}, packs, grids, out, shard, jobs, full,
-- sink_tokens, fit_range, plot, format, format_given, trust, max_steps,
-- max_mem_mib, verbose; or { output = text } for --help and --version.
function M.parse(argv)
  local o = { sets = {}, packs = {}, grids = {}, format = "text", seen = {} }
  local i = 1
  while i <= #argv do
    local a = argv[i]
    local opt = BY_FLAG[a]
    if a == "-e" then
      if i == #argv then bad("%s needs a value", a) end
      if o.command ~= nil then bad("-e cannot be combined with '%s'", o.command) end
      o.command, o.target = "eval", argv[i + 1]
      i = i + 1
    elseif opt then
      o.seen[#o.seen + 1] = opt.flag
      local v = opt.const
      if opt.value then
        if i == #argv then bad("%s needs a value", a) end
        i = i + 1
        v = argv[i]
        if opt.read and opt.with_usage then
          local ok, r = pcall(opt.read, a, v)
          if not ok then bad("%s", r.message) end
          v = r
        elseif opt.read then
          v = opt.read(a, v)
        end
      end
      if opt.key == "format" then o.format_given = true end
      if opt.list then
        local t = o[opt.key]
        if #t == opt.list then
          bad("too many %s options (at most %d), at '%s'", a, opt.list, argv[i])
        end
        t[#t + 1] = v
      else
        o[opt.key] = v
      end
      if opt.key == "help" and o.command == nil then return { output = M.help() } end
      if opt.key == "help" then return { output = M.command_help(o.command) } end
      if opt.key == "version" then return { output = "tafrun " .. taf.version .. "\n" } end
    elseif a:sub(1, 1) == "-" and #a > 1 then
      bad("unknown option '%s'%s (see tafrun --help)", a, help().suggest(a))
    elseif o.command == nil then
      if WORDS[a] then o.command = a else o.command, o.target = "run", a end
    elseif o.target == nil then
      o.target = a
    elseif o.command == "list" and o.filter == nil then
      o.filter = a -- tafrun list models qwen
    else
      bad("unexpected argument '%s'", a)
    end
    i = i + 1
  end
  if o.command == nil then errors.usage_plain(help().synopsis_lines()) end
  local c = M.command(o.command)
  for _, flag in ipairs(o.seen) do
    if not c.allowed[flag] then help().not_allowed(flag, o.command) end
  end
  if (o.model and 1 or 0) + (o.config and 1 or 0) + (o.gguf and 1 or 0) > 1 then
    bad("give one model source: --model, --config or --gguf")
  end
  if c.needs_target and o.target == nil then bad("'%s' needs an argument", o.command) end
  if (o.format == "csv" or o.format == "jsonl") and o.command ~= "sweep" then
    bad("--format %s applies only to 'tafrun sweep' (use text, json or markdown)", o.format)
  end
  return o
end

return M

-- The help texts and the messages of a bad command line (engine/core/args.lua
-- declares the options and the commands; this part is loaded only when a run
-- asks for help or its command line is wrong).
local host, use = ...
local errors = use "errors"
local M = use "args"

local H = {}

function H.synopsis_lines()
  local lines = {}
  for i, name in ipairs(M.COMMANDS) do
    for _, s in ipairs(M.command(name).synopsis) do
      lines[#lines + 1] = (#lines == 0 and "usage: " or "       ") .. s
    end
    if i == #M.COMMANDS then lines[#lines + 1] = "       tafrun --help | --version" end
  end
  return table.concat(lines, "\n")
end

-- A usage error about the command line: the message, then the synopsis.
function H.bad(fmt, ...)
  errors.usage("%s\n%s", string.format(fmt, ...), H.synopsis_lines())
end

local function option_help(flags)
  local rows = {}
  for _, o in ipairs(M.OPTIONS) do
    if flags == nil or flags[o.flag] then
      local left = (o.short and (o.short .. ", ") or "") .. o.flag .. (o.value and (" " .. o.value) or "")
      rows[#rows + 1] = string.format("  %-19s %s", left, o.doc)
    end
  end
  return table.concat(rows, "\n")
end

function H.help()
  local cmds = {}
  for _, name in ipairs(M.COMMANDS) do
    local c = M.command(name)
    local head = "  " .. c.synopsis[1]:gsub(" %[%-%-.*$", "")
    if #head > 27 then
      cmds[#cmds + 1] = head
      cmds[#cmds + 1] = string.rep(" ", 28) .. c.about
    else
      cmds[#cmds + 1] = string.format("%-27s %s", head, c.about)
    end
  end
  return table.concat({
    "tafrun answers practical questions about transformer LLMs (context length, KV cache,",
    "hardware, training and serving cost) from the formulas of the Thermodynamic Attention",
    "Framework. Every answer shows its chain of formulas, each with its receipt.",
    "",
    "Commands:",
    table.concat(cmds, "\n"),
    "",
    "Options (tafrun COMMAND --help lists a command's own):",
    option_help(nil),
    "",
    "Examples:",
    "  tafrun x19 --model qwen2.5-7b",
    "  tafrun x2 --model llama-3-8b --set T_eval=32000 --json",
    "  tafrun show x2",
    "  tafrun -e 'print(taf.gamma_pade(10000, 4096))'",
    "",
    "Exit codes: 0 success, 1 recipe or runtime error, 2 usage error (bad flag, unknown",
    "recipe/model/gpu, malformed or out-of-range value, unreadable file).",
    "Environment: NO_COLOR disables colour; TAFRUN_DATADIR points at recipes/ and catalogs/;",
    "TAFRUN_PATH (colon-separated) and XDG_DATA_HOME/tafrun/packs hold recipe packs.",
    "",
  }, "\n")
end

function H.command_help(name)
  local c = M.command(name)
  local lines = {}
  for i, s in ipairs(c.synopsis) do lines[i] = (i == 1 and "usage: " or "       ") .. s end
  lines[#lines + 1] = ""
  lines[#lines + 1] = c.about
  if c.doc then lines[#lines + 1] = c.doc end
  lines[#lines + 1] = ""
  lines[#lines + 1] = "Options:"
  lines[#lines + 1] = option_help(c.allowed)
  return table.concat(lines, "\n") .. "\n"
end

-- Options of `flag`'s kind that only one command takes, for the message
-- "--sink-tokens, --fit-range and --plot apply only to 'tafrun profile'".
function H.not_allowed(flag, command)
  local owners = {}
  for _, name in ipairs(M.COMMANDS) do
    if M.command(name).allowed[flag] then owners[#owners + 1] = name end
  end
  local shown = command == "run" and "tafrun RECIPE" or "tafrun " .. command
  if #owners ~= 1 then
    H.bad("%s does not apply to '%s' (see %s --help)", flag, shown, shown)
  end
  local only = M.command(owners[1])
  local same = {}
  for _, o in ipairs(M.OPTIONS) do
    if only.allowed[o.flag] and not M.command(command).allowed[o.flag] then
      local n = 0
      for _, name in ipairs(M.COMMANDS) do if M.command(name).allowed[o.flag] then n = n + 1 end end
      if n == 1 then same[#same + 1] = o.flag end
    end
  end
  local list = #same == 1 and same[1] or table.concat(same, ", ", 1, #same - 1) .. " and " .. same[#same]
  H.bad("%s appl%s only to 'tafrun %s'", list, #same == 1 and "ies" or "y", owners[1])
end

function H.suggest(a)
  local flags = {}
  for _, o in ipairs(M.OPTIONS) do flags[#flags + 1] = o.flag end
  local near = errors.nearest(a, flags, 1)[1]
  local d = near and #near - #a
  if near and near:sub(1, 3) == a:sub(1, 3) and d and d > -3 and d < 3 then
    return string.format("; did you mean '%s'?", near)
  end
  return ""
end

return H

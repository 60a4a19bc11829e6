-- The commands behind the tafrun executable. Each takes the parsed options
-- and returns a result table (rendered by the host) or a string (printed).
local errors = require "lib.errors"
local params = require "lib.params"
local runner = require "lib.runner"
local catalog = require "lib.catalog"
local packs = require "lib.packs"

local M = {}

local function typed_sets(opts)
  local sets = {}
  for i, kv in ipairs(opts.sets or {}) do sets[i] = params.typed(kv[1], kv[2]) end
  return sets
end

function M.run(opts)
  local r = runner.find(opts.target)
  local model = require("lib.readers").from_options(opts)
  return runner.run(r, model, typed_sets(opts))
end

local columns = require("lib.fmt").columns

local function fmt_params(n)
  if not n then return "?" end
  if n >= 1e9 then return string.format("%.1fB", n / 1e9) end
  return string.format("%.0fM", n / 1e6)
end

local LISTS = {
  recipes = function()
    local rows = { { "ID", "NAME", "ORIGIN", "QUESTION" } }
    for _, x in ipairs(runner.recipes()) do
      local e, r = x.entry, x.recipe
      local origin = e.origin .. (e.shadows and " (overrides built-in)" or "")
        .. (e.conflict and (" CONFLICT with " .. e.conflict) or "")
      if r then rows[#rows + 1] = { r.id, r.name, origin, r.question }
      else rows[#rows + 1] = { e.id, "(does not load)", origin, x.error } end
    end
    return columns(rows)
  end,
  packs = function()
    local rows = { { "PACK", "VERSION", "FOUND BY", "DIRECTORY", "DESCRIPTION" } }
    for _, p in ipairs(packs.all()) do
      rows[#rows + 1] = { p.name, p.version, p.origin, p.dir, p.description }
    end
    if #rows == 1 then return "no packs (add one with --pack DIR, $TAFRUN_PATH or $XDG_DATA_HOME/tafrun/packs)\n" end
    return columns(rows)
  end,
  models = function()
    local rows = { { "ID", "HF ID", "FAMILY", "PARAMS", "CONTEXT", "θ", "ARCH", "ORIGIN", "SOURCE" } }
    for _, m in ipairs(catalog.models()) do
      rows[#rows + 1] = { m.short_id, m.id, m.family or "?", fmt_params(m.n_params), tostring(m.T_train or "?"),
                          tostring(m.theta or "-"), m.architecture or "?", m.origin or "built-in", m.source }
    end
    return columns(rows)
  end,
  gpus = function()
    local rows = { { "GPU", "BF16 TFLOP/s", "VRAM GB", "HBM GB/s", "USD/h", "TDP W", "ORIGIN", "ALIASES" } }
    for _, g in ipairs(catalog.gpus()) do
      rows[#rows + 1] = { g.name, tostring(g.flops), tostring(g.vram_GB), tostring(g.bw_GB_s),
                          g.usd_h > 0 and string.format("%.2f", g.usd_h) or "local",
                          tostring(g.tdp), g.origin, table.concat(g.aliases or {}, ", ") }
    end
    return columns(rows)
  end,
  apis = function()
    local rows = { { "API MODEL", "USD/Mtok IN", "USD/Mtok OUT", "ALIASES" } }
    for _, a in ipairs(catalog.apis()) do
      rows[#rows + 1] = { a.name, string.format("%.2f", a.input), string.format("%.2f", a.output),
                          table.concat(a.aliases or {}, ", ") }
    end
    return columns(rows)
  end,
}

function M.list(opts)
  local kind = opts.target or "recipes"
  local f = LISTS[kind]
  if f == nil then errors.usage("list: unknown kind '%s'; use recipes, models, gpus, apis or packs", kind) end
  return f()
end

local function show_default(spec)
  if spec.default ~= nil then return tostring(spec.default) end
  if spec.default_from then return "= " .. spec.default_from end
  if spec.optional then return "(optional)" end
  return "(required)"
end

function M.show(opts)
  local r = runner.find(opts.target)
  local lines = {
    string.format("%s · %s", r.id, r.name),
    r.question,
    "",
  }
  if r.category then lines[#lines + 1] = "category: " .. r.category end
  if r.sections then lines[#lines + 1] = "sections: " .. table.concat(r.sections, ", ") end
  if r.verdicts then lines[#lines + 1] = "verdicts: " .. table.concat(r.verdicts, " | ") end
  lines[#lines + 1] = ""
  lines[#lines + 1] = "parameters (filled from --model by name, overridden by --set KEY=VALUE):"
  local rows = { { "  NAME", "TYPE / RANGE", "DEFAULT", "DOC" } }
  for _, d in ipairs(params.ordered(r)) do
    local doc = d.spec.doc or ""
    if d.spec.from then doc = doc .. " [model field " .. d.spec.from .. "]" end
    if d.spec.unit then doc = doc .. " (" .. d.spec.unit .. ")" end
    rows[#rows + 1] = { "  " .. d.name, params.describe(d.spec), show_default(d.spec), doc }
  end
  local text = table.concat(lines, "\n") .. "\n" .. columns(rows)
  if r.doc then text = text .. "\n" .. r.doc .. "\n" end
  return text
end

-- The card's key number: the recipe's own `key`, else its first numeric step.
local function key_of(res)
  if res.key then return res.key end
  for _, s in ipairs(res.chain) do
    if type(s.result) == "number" then return string.format("%s = %.4g", s.name, s.result) end
  end
  return ""
end

-- tafrun card --model ID: every recipe the model's fields can feed, one table
-- (--json: an array of the full results, plus one entry per recipe lacking input).
function M.card(opts)
  local model = require("lib.readers").from_options(opts)
  if not model then errors.usage("card needs --model ID, --config PATH or --gguf PATH") end
  local rows = { { "RECIPE", "NAME", "VERDICT", "KEY", "CONFIDENCE" } }
  local results = {}
  for _, x in ipairs(runner.recipes()) do
    local r = x.recipe
    if not r then error(x.error, 0) end
    local sets = {}   -- a --set applies to the recipes that declare it
    for _, kv in ipairs(typed_sets(opts)) do if r.params[kv[1]] then sets[#sets + 1] = kv end end
    local ok, res = pcall(runner.run, r, model, sets)
    if ok then
      rows[#rows + 1] = { r.id, r.name, res.verdict, key_of(res), res.confidence.pct .. "% " .. res.confidence.band }
      results[#results + 1] = res
    elseif errors.is_usage(res) then
      rows[#rows + 1] = { r.id, r.name, "needs input", "",
                          res.missing and ("--set " .. res.missing .. "=…") or res.message }
      results[#results + 1] = taf.json.ordered({ recipe_id = r.id, recipe_name = r.name,
        needs_input = res.missing, message = res.message }, { "recipe_id", "recipe_name", "needs_input", "message" })
    else
      error(res, 0)
    end
  end
  if opts.format == "json" then return taf.json.array(results) end
  return string.format("%s (%s)\n\n", model.id, model.short_id or model.source) .. columns(rows)
end

function M.sweep(opts)
  return require("lib.sweep").run(opts)
end

-- tafrun compare RECIPE --model A,B,C: one table, a column per model.
function M.compare(opts)
  local r = runner.find(opts.target)
  local models = {}
  for id in (opts.model or ""):gmatch("[^,]+") do models[#models + 1] = catalog.model(id) end
  if #models < 1 then errors.usage("compare needs --model A,B[,C…]") end
  local results = {}
  for i, m in ipairs(models) do results[i] = runner.run(r, m, typed_sets(opts)) end
  if opts.format == "json" then return taf.json.array(results) end
  local head = { "" }
  for i, m in ipairs(models) do head[i + 1] = m.short_id end
  local rows = { head }
  local function row(label, f)
    local cells = { label }
    for i, res in ipairs(results) do cells[i + 1] = f(res) end
    rows[#rows + 1] = cells
  end
  row("verdict", function(res) return res.verdict end)
  row("confidence", function(res) return res.confidence.pct .. "% " .. res.confidence.band end)
  for n, s in ipairs(results[1].chain) do
    row(string.format("%d %s", n, s.name), function(res)
      local step = res.chain[n]
      local v = step and step.result
      if type(v) == "number" then return string.format(math.type(v) == "integer" and "%d" or "%.6g", v) end
      if type(v) == "table" then return v.GB and string.format("%.4g GB", v.GB) or "…" end
      return tostring(v == nil and "n/a" or v)
    end)
  end
  return string.format("%s · %s\n%s\n\n", r.id, r.name, r.question) .. columns(rows)
end

-- tafrun show-model --config PATH | --gguf PATH | --model ID: every model field
-- that was read, derived or defaulted, then the reader's note for each guess.
local SHOW_FIELDS = { "family", "architecture", "position", "dtype", "theta", "T_train", "T_max", "n_attention_heads",
  "n_kv_heads", "d_head", "n_layers", "d_model", "d_ff", "vocab", "n_params", "n_params_active", "has_SWA",
  "sliding_window", "n_swa_layers", "n_attention_layers", "n_experts", "n_experts_active", "n_shared_experts",
  "kv_lora_rank", "q_lora_rank", "qk_rope_head_dim", "qk_nope_head_dim", "v_head_dim", "state_elements",
  "tie_word_embeddings", "bytes_per_weight", "rope_scaling", "gguf" }

local function show_value(k, v)
  if type(v) == "number" then
    local s = math.type(v) == "integer" and tostring(v) or string.format("%.6g", v)
    if (k == "n_params" or k == "n_params_active") and v >= 1e6 then s = s .. " (" .. fmt_params(v) .. ")" end
    return s
  elseif type(v) == "table" then
    local keys = {}
    for key in pairs(v) do if type(key) == "string" then keys[#keys + 1] = key end end
    table.sort(keys)
    local parts = {}
    for _, key in ipairs(keys) do
      local x = v[key]
      parts[#parts + 1] = key .. "=" .. (type(x) == "table" and ("[" .. #x .. " numbers]")
        or type(x) == "number" and string.format("%.6g", x) or tostring(x))
    end
    return table.concat(parts, ", ")
  end
  return tostring(v)
end

M["show-model"] = function(opts)
  local model = require("lib.readers").from_options(opts)
  if not model then errors.usage("show-model needs --config PATH, --gguf PATH or --model ID") end
  if opts.format == "json" then return taf.json.encode(model, { indent = 2 }) .. "\n" end
  local rows = { { "  FIELD", "VALUE" } }
  for _, k in ipairs(SHOW_FIELDS) do
    -- T_max only when rope_scaling takes the window past T_train
    if model[k] ~= nil and not (k == "T_max" and model.T_max == model.T_train) then
      rows[#rows + 1] = { "  " .. k, show_value(k, model[k]) }
    end
  end
  local out = { string.format("%s\nsource: %s\n", model.id, model.source), columns(rows) }
  if model.notes and #model.notes > 0 then
    out[#out + 1] = "notes (defaulted, derived or guessed):\n"
    for _, n in ipairs(model.notes) do out[#out + 1] = "  - " .. n .. "\n" end
  end
  return table.concat(out)
end

-- tafrun profile FILE: γ measured from attention (SPEC §9), see lib/profile.lua.
function M.profile(opts)
  return require("lib.profile").run(opts)
end

-- tafrun test DIR: the report goes to stdout; any failure makes the exit code 1.
function M.test(opts)
  local report, failed = require("lib.testing").run_dir(opts.target)
  return report, failed > 0 and 1 or 0
end

return M

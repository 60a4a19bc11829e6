-- Parameter declarations shared by the recipes: a model's fields and the run
-- settings several recipes take. A model field's kind, physical bounds and
-- doc come from the one schema (taf.model_fields(), engine/readers/model_fields.h);
-- a recipe may pass fields of its own (doc, optional, default, from, a
-- tighter bound): mp.n_params { optional = true, doc = "…" }.
-- Call each function inside the params table so declaration order follows
-- the recipe's own text.
local M = {}

-- A declaration of `kind` with the fields of `base`, then those of the
-- recipe's `over`; a recipe's own default replaces a shared default_from,
-- and its own lower bound (min or gt) the shared one.
local CONSTRUCTORS = { number = number, integer = integer, boolean = boolean }
local function shared(kind, base)
  local constructor = CONSTRUCTORS[kind]
  return function(over)
    over = over or {}
    local spec = {}
    for k, v in pairs(base) do spec[k] = v end
    for k, v in pairs(over) do spec[k] = v end
    if over.default ~= nil and over.default_from == nil then spec.default_from = nil end
    if over.gt ~= nil and over.min == nil then spec.min = nil end
    if over.min ~= nil and over.gt == nil then spec.gt = nil end
    return constructor(spec)
  end
end

-- The model-field schema (engine/readers/model_fields.h), read once:
-- name → { type, doc, min, gt, max }.
local FIELDS = {}
for _, f in ipairs(taf.model_fields()) do FIELDS[f.name] = f end

-- A recipe may tighten a physical bound, never widen it.
local function check_tighter(declared, f, over)
  local lo = f.gt or f.min
  local function fail(what, v)
    error(string.format("model_params.%s: %s = %.15g is looser than the bound of model field '%s'",
      declared, what, v, f.name), 4)  -- the recipe's line
  end
  if lo ~= nil then
    if over.min ~= nil and (over.min < lo or (f.gt ~= nil and over.min == lo)) then fail("min", over.min) end
    if over.gt ~= nil and over.gt < lo then fail("gt", over.gt) end
  end
  if f.max ~= nil and over.max ~= nil and over.max > f.max then fail("max", over.max) end
end

-- Schema field `name` as a declaration (M[declared]): its kind, bounds and
-- doc, then `extra`.
local function field(name, extra, declared)
  local f = FIELDS[name]
  local base = { min = f.min, gt = f.gt, max = f.max, doc = f.doc }
  for k, v in pairs(extra or {}) do base[k] = v end
  local declare = shared(f.type, base)
  return function(over)
    check_tighter(declared or name, f, over or {})
    return declare(over)
  end
end

-- M.theta, M.T_train, M.n_layers, … M.bytes_per_weight: every number and integer field.
for name, f in pairs(FIELDS) do
  if f.type == "number" or f.type == "integer" then M[name] = field(name) end
end
M.has_SWA = field("has_SWA", { default = false })
-- Run settings, not model fields; the evaluated context takes T_train's bounds.
M.T_eval = field("T_train", { default_from = "T_train", doc = "evaluation context length L (tokens)" }, "T_eval")
M.tokens = shared("number", { min = 1, max = 1e17, doc = "training tokens" })
M.utilisation = shared("number", { min = 1e-6, max = 1, doc = "achieved fraction of peak" })

-- Architecture fields (SPEC §8), all optional: a model without them keeps the
-- plain 2·L·n_kv·d_h·seq·B of every layer (lib.kv).
local ARCH_CHOICES = { "FULL", "SWA", "MLA", "SSM", "RWKV", "LINEAR", "HYBRID" }
local POSITIONS = { "rope", "alibi", "absolute", "none", "unknown" }
local KV_LAYOUT = {
  { "architecture", function() return choice { choices = ARCH_CHOICES, optional = true, doc = FIELDS.architecture.doc } end },
  { "position", function() return choice { choices = POSITIONS, optional = true, doc = FIELDS.position.doc } end },
  { "sliding_window", function() return M.sliding_window { optional = true } end },
  { "n_swa_layers", function() return M.n_swa_layers { optional = true } end },
  { "n_attention_layers", function() return M.n_attention_layers { optional = true } end },
  { "kv_lora_rank", function() return M.kv_lora_rank { optional = true } end },
  { "qk_rope_head_dim", function() return M.qk_rope_head_dim { optional = true } end },
  { "state_elements", function() return M.state_elements { optional = true } end },
}

-- Add the architecture fields to a recipe's params table; returns the table.
function M.with_kv_layout(params)
  for _, f in ipairs(KV_LAYOUT) do params[f[1]] = f[2]() end
  return params
end

-- The same declaration made optional, for recipes that also serve models
-- without the field (no RoPE, no attention); check with M.need inside run.
function M.optional(spec)
  spec.optional = true
  return spec
end

-- Raise the usual missing-input error (exit 2) for the first absent field.
function M.need(p, recipe_id, names)
  for _, n in ipairs(names) do
    if p[n] == nil then
      require("lib.errors").missing(n, "%s needs '%s' for this model: give --model ID, --config PATH or --set %s=VALUE",
        recipe_id, n, n)
    end
  end
end

return M

-- The declarations recipe and catalog files are written in: recipe {…},
-- number {…}, integer {…}, boolean {…}, text {…}, choice {…}, gpu {…},
-- api {…} and model {…}. Each constructor only checks shape and stamps
-- the declaration order; validation of values happens in lib.params.
local host, use = ...

local M = {}
local sequence = 0

local PARAM_FIELDS = {
  doc = "string", min = "number", max = "number", gt = "number", lt = "number",
  default = true, default_from = "string", from = "string", optional = "boolean",
  choices = "table", unit = "string",
}

local function param(kind)
  return function(spec)
    if type(spec) ~= "table" then
      error(kind .. " { … } expects a table of fields", 2)
    end
    for k, v in pairs(spec) do
      local want = PARAM_FIELDS[k]
      if want == nil then
        error(string.format("%s { … }: unknown field '%s'", kind, tostring(k)), 2)
      elseif want ~= true and type(v) ~= want then
        error(string.format("%s { … }: field '%s' must be a %s", kind, k, want), 2)
      end
    end
    if kind == "choice" and type(spec.choices) ~= "table" then
      error("choice { … } needs choices = { … }", 2)
    end
    sequence = sequence + 1
    local p = { kind = kind, seq = sequence }
    for k, v in pairs(spec) do p[k] = v end
    return p
  end
end

M.number = param("number")
M.integer = param("integer")
M.boolean = param("boolean")
M.text = param("text")
M.choice = param("choice")
M.gpu = param("gpu")
M.api = param("api")

local RECEIPTS = { lean = true, data = true, derived = true, analogy = true,
                   erratum = true, provisional = true, refuted = true }
M.RECEIPTS = RECEIPTS

local RECIPE_REQUIRED = { id = "string", name = "string", question = "string",
                          params = "table", run = "function" }
local RECIPE_OPTIONAL = { category = "string", sections = "table", verdicts = "table",
                          notes = "table", doc = "string", factors = "table" }

function M.recipe(spec)
  if type(spec) ~= "table" then error("recipe { … } expects a table", 2) end
  for k, want in pairs(RECIPE_REQUIRED) do
    if type(spec[k]) ~= want then
      error(string.format("recipe { … }: field '%s' must be a %s", k, want), 2)
    end
  end
  for k, v in pairs(spec) do
    local want = RECIPE_REQUIRED[k] or RECIPE_OPTIONAL[k]
    if want == nil then
      error(string.format("recipe { … }: unknown field '%s'", tostring(k)), 2)
    elseif type(v) ~= want then
      error(string.format("recipe { … }: field '%s' must be a %s", k, want), 2)
    end
  end
  for name, p in pairs(spec.params) do
    if type(name) ~= "string" or type(p) ~= "table" or p.seq == nil then
      error(string.format("recipe %s: parameter '%s' must be declared with number { … }, "
        .. "integer { … }, boolean { … }, text { … }, choice { … }, gpu { … } or api { … }",
        spec.id, tostring(name)), 2)
    end
  end
  spec.is_recipe = true
  return spec
end

-- name → the type() a preset's value must have, from the one model-field
-- schema (engine/readers/model_fields.h, as taf.model_fields()).
local MODEL_FIELDS = {}
for _, f in ipairs(taf.model_fields()) do
  if f.preset then MODEL_FIELDS[f.name] = f.type == "integer" and "number" or f.type end
end
M.MODEL_FIELDS = MODEL_FIELDS

function M.model(spec)
  if type(spec) ~= "table" then error("model { … } expects a table", 2) end
  if type(spec.id) ~= "string" then error("model { … }: field 'id' (HF id) is required", 2) end
  if type(spec.source) ~= "string" then
    error(string.format("model %s: field 'source' (where the numbers come from) is required", spec.id), 2)
  end
  for k, v in pairs(spec) do
    local want = MODEL_FIELDS[k]
    if want == nil then
      error(string.format("model %s: unknown field '%s'", spec.id, tostring(k)), 2)
    elseif type(v) ~= want then
      error(string.format("model %s: field '%s' must be a %s", spec.id, k, want), 2)
    end
  end
  spec.is_model = true
  return spec
end

-- pack.lua: return pack { name = "serving-ops", version = "1.0.0",
--                         description = "…", requires = ">= 0.1" }
function M.pack(spec)
  if type(spec) ~= "table" then error("pack { … } expects a table", 2) end
  for _, k in ipairs { "name", "version", "description", "requires" } do
    if type(spec[k]) ~= "string" then error(string.format("pack { … }: field '%s' must be a string", k), 2) end
  end
  if not spec.name:match("^[%w_%-%.]+$") then error("pack { … }: name may hold letters, digits, '_', '-', '.'", 2) end
  spec.is_pack = true
  return spec
end

return M

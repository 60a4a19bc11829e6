-- Parameter resolution and validation: defaults < model preset < --set,
-- then every value checked against its declaration before the recipe runs.
local host, use = ...
local errors = use "errors"
local catalog = use "catalog"

local M = {}

-- Declarations sorted in source order: { {name=, spec=}, … }.
function M.ordered(r)
  local list = {}
  for name, spec in pairs(r.params) do list[#list + 1] = { name = name, spec = spec } end
  table.sort(list, function(a, b) return a.spec.seq < b.spec.seq end)
  return list
end

-- A value typed from the command line that remembers the text it came from,
-- so a text parameter given "4090" or "1e3" gets the text, not a number.
local TextValue = {}
function M.text_value(v, raw)
  if type(v) == "string" or type(v) == "boolean" then return v end
  return setmetatable({ value = v, raw = raw }, TextValue)
end

-- --set KEY=VALUE → { key, typed value }
function M.typed(key, raw)
  return { key, M.text_value(M.parse_value(raw), raw) }
end

-- The command line's --set pairs ({ {key, text}, … }), typed.
function M.typed_sets(sets)
  local out = {}
  for i, kv in ipairs(sets or {}) do out[i] = M.typed(kv[1], kv[2]) end
  return out
end

local TEXT_KINDS = { text = true, choice = true, gpu = true, api = true }

-- The value a parameter of `spec` (named `name`) gets from a possibly
-- remembered text; a number with a unit suffix is read for that parameter.
function M.unwrap(spec, v, name)
  if getmetatable(v) == TextValue then
    if TEXT_KINDS[spec.kind] then return v.raw end
    return v.value
  end
  if type(v) == "string" and (spec.kind == "number" or spec.kind == "integer") then
    return M.suffixed(v, name or "") or v
  end
  return v
end

local function bad(rid, name, spec, v)
  errors.usage("%s: parameter '%s' must be %s, got %s", rid, name, M.describe(spec),
    type(v) == "string" and string.format("'%s'", v) or v ~= v and "nan" or tostring(v))
end

local HUGE = math.huge
local mtype, floor, tointeger = math.type, math.floor, math.tointeger
local EXACT = 2 ^ 53

-- Is number v (not NaN) outside the declared range?
local function out_of_range(spec, v)
  return (spec.min and v < spec.min) or (spec.max and v > spec.max)
    or (spec.gt and v <= spec.gt) or (spec.lt and v >= spec.lt)
end

-- Check one value against its declaration; returns the canonical value.
function M.check(rid, name, spec, v)
  if type(v) ~= "number" then v = M.unwrap(spec, v, name) end -- a plain number needs no unwrapping
  local kind = spec.kind
  if kind == "number" or kind == "integer" then
    if type(v) ~= "number" or v ~= v or v == HUGE or v == -HUGE then bad(rid, name, spec, v) end
    if kind == "integer" then
      -- whole and exact: beyond 2^53 a double no longer holds every integer
      if mtype(v) ~= "integer" and floor(v) ~= v or v > EXACT or v < -EXACT then bad(rid, name, spec, v) end
      v = tointeger(v) or v
    end
    if out_of_range(spec, v) then bad(rid, name, spec, v) end
  elseif kind == "boolean" then
    if type(v) ~= "boolean" then bad(rid, name, spec, v) end
  elseif kind == "text" then
    if type(v) ~= "string" then bad(rid, name, spec, v) end
  elseif kind == "choice" then
    if type(v) ~= "string" then bad(rid, name, spec, v) end
    local found
    for _, c in ipairs(spec.choices) do if c:lower() == v:lower() then found = c end end
    if not found then bad(rid, name, spec, v) end
    v = found
  elseif kind == "gpu" then
    if type(v) ~= "string" then bad(rid, name, spec, v) end
    v = catalog.gpu(v).name
  elseif kind == "api" then
    if type(v) ~= "string" then bad(rid, name, spec, v) end
    v = catalog.api(v).name
  end
  return v
end

-- M.check without raising, as pcall(M.check, …) returns: true and the value,
-- or false and the error. A plain number already canonical for its kind and
-- in range (most sweep points) is passed without a protected call.
function M.checked(rid, name, spec, v)
  local kind = spec.kind
  if type(v) == "number" and (kind == "integer" and mtype(v) == "integer" and v <= EXACT and v >= -EXACT
      or kind == "number" and v == v and v ~= HUGE and v ~= -HUGE) and not out_of_range(spec, v) then
    return true, v
  end
  return pcall(M.check, rid, name, spec, v)
end

-- A model field by name; `from` may name a nested field ("rope_scaling.factor")
-- and alternatives tried in order ("rope_scaling.rope_type|rope_scaling.type").
function M.model_field(model, path)
  for alt in path:gmatch("[^|]+") do
    local v = model
    for key in alt:gmatch("[^.]+") do
      if type(v) ~= "table" then v = nil break end
      v = v[key]
    end
    if v ~= nil then return v end
  end
  return nil
end

-- Resolve every parameter of recipe `r` from `model` (a preset table or nil)
-- and `sets` ({ {key, value}, … } with values already typed). Returns the
-- validated values and the list of names in declaration order.
-- Declarations of a recipe, computed once per recipe table.
local declared = setmetatable({}, { __mode = "k" })
local function declarations(r)
  local c = declared[r]
  if c == nil then
    local decl = M.ordered(r)
    local by_name, names = {}, {}
    for _, d in ipairs(decl) do by_name[d.name] = d.spec; names[#names + 1] = d.name end
    c = { decl = decl, by_name = by_name, names = names }
    declared[r] = c
  end
  return c.decl, c.by_name, c.names
end

-- A recipe whose own default lies outside its own range is the recipe's
-- bug, not the user's bad value: said once, at load, naming the file.
local PLAIN_KINDS = { number = true, integer = true, boolean = true, text = true, choice = true }
function M.check_defaults(r, path)
  for _, d in ipairs(M.ordered(r)) do
    local spec = d.spec
    if spec.default ~= nil and PLAIN_KINDS[spec.kind] then
      local ok = pcall(M.check, r.id, d.name, spec, spec.default)
      if not ok then
        error(string.format("%s: recipe %s declares parameter '%s' with the default %s, outside its own range (%s)",
          path, r.id, d.name, type(spec.default) == "string" and ("'" .. spec.default .. "'") or tostring(spec.default),
          M.describe(spec)), 0)
      end
    end
  end
end

-- Parameter names in declaration order.
function M.ordered_names(r)
  local _, _, names = declarations(r)
  return names
end

function M.resolve(r, model, sets)
  local decl, by_name, names = declarations(r)
  local given = {}
  for _, kv in ipairs(sets) do
    local key, value = kv[1], kv[2]
    if by_name[key] == nil then
      errors.usage("%s has no parameter '%s'; its parameters: %s (see 'tafrun show %s')",
                   r.id, key, table.concat(names, ", "), r.id)
    end
    given[key] = value
  end
  local values, pending = {}, {}
  for _, d in ipairs(decl) do
    local name, spec = d.name, d.spec
    local v = given[name]
    if v == nil and model ~= nil then v = M.model_field(model, spec.from or name) end
    if v == nil and spec.default_from ~= nil then
      pending[#pending + 1] = d
    else
      if v == nil then v = spec.default end
      values[name] = v
    end
  end
  for _, d in ipairs(pending) do
    local src = d.spec.default_from
    if by_name[src] == nil then
      error(string.format("%s: parameter '%s' defaults from unknown parameter '%s'", r.id, d.name, src), 0)
    end
    values[d.name] = values[src]
    if values[d.name] == nil then values[d.name] = d.spec.default end
  end
  for _, d in ipairs(decl) do
    local v = values[d.name]
    if v == nil then
      if not d.spec.optional then
        if model ~= nil then -- the model was given and cannot supply it
          errors.missing(d.name, "%s needs '%s' (%s%s), which %s does not give: --set %s=VALUE", r.id, d.name,
                         d.spec.doc or d.spec.kind, d.spec.unit and (", " .. d.spec.unit) or "",
                         model.short_id or model.id or "the model", d.name)
        end
        errors.missing(d.name, "%s needs '%s' (%s%s): give --model ID or --set %s=VALUE", r.id, d.name,
                     d.spec.doc or d.spec.kind, d.spec.unit and (", " .. d.spec.unit) or "", d.name)
      end
    else
      values[d.name] = M.check(r.id, d.name, d.spec, v)
    end
  end
  return values, names
end

-- Reading typed text ("128k", "8e9") and describing a declaration's range
-- are in engine/core/params_more.lua, loaded on first use.
setmetatable(M, { __index = function(_, k) return use("params_more")[k] end })

return M

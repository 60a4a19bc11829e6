-- The functions of the `taf` module written in Lua (catalog access, input
-- errors, running one recipe from another) and the declarations recipe and
-- catalog files are written in. install() hands both to the host, which seals
-- them into `taf` and the sandbox template: the one place `taf` is completed.
local host, use = ...
local errors = use "errors"

local M = {}

local function catalog() return use "catalog" end

-- A fresh copy of a catalog entry (or list): scripts get their own, so one
-- pack cannot change what another recipe, or the next sweep point, is told.
local function copy(v, depth)
  if type(v) ~= "table" or depth > 8 then return v end
  local t = {}
  for k, x in pairs(v) do t[k] = copy(x, depth + 1) end
  return t
end
local function copied(f) return function(...) return copy(f(...), 0) end end

M.functions = {
  gpu = copied(function(name) return catalog().gpu(name) end),
  gpus = copied(function() return catalog().gpus() end),
  api = copied(function(name) return catalog().api(name) end),
  apis = copied(function() return catalog().apis() end),
  host_memory = copied(function(name) return catalog().host_memory(name) end),
  host_memories = copied(function() return catalog().host_memories() end),
  model = copied(function(id) return catalog().model(id) end),
  models = copied(function() return catalog().models() end),
  -- taf.input_error(fmt, …): stop with a usage error (exit 2) naming the bad or missing input
  input_error = errors.usage,
  -- taf.missing_input(name, fmt, …): the same, for a required input nobody gave
  missing_input = errors.missing,
  is_input_error = errors.is_usage,
  -- taf.nearest(name, candidates [, count]) → the closest candidates, for "did you mean"
  nearest = errors.nearest,
  -- taf.run_recipe("x4", { model = "llama-3-8b", set = { T_eval = 32768 } }) → result table
  run_recipe = function(ref, opts) return use("runner").run_ref(ref, opts) end,
}

function M.install()
  local dsl = use "dsl"
  local declarations = {}
  for k, v in pairs(dsl) do
    if type(v) == "function" then declarations[k] = v end
  end
  host.seal(declarations, M.functions)
end

return M

-- The parts of engine/core/runner.lua a plain run does not need: every
-- recipe on the path (list, card, a pack's recipe by its declared id) and
-- run_ref for scripts and tests. Loaded on first use.
local host, use = ...
local errors = use "errors"
local catalog = use "catalog"
local runner = use "runner"
local load_path = runner.load_path

local M = {}

-- Every recipe file on the path: { {id=, path=, root=, origin=, shadows=}, … },
-- sorted by number; a pack recipe overriding a built-in one notes it in
-- `shadows`, and one id in two packs is listed as a conflict.
function M.available()
  local by_id, list = {}, {}
  for _, d in ipairs(runner.recipe_dirs()) do
    for _, f in ipairs(host.dir(d.dir) or {}) do
      local id = f:match("^(.+)%.lua$")
      if id and host.exists(d.dir .. "/" .. f) == "file" then
        local e = by_id[id]
        if e == nil then
          e = { id = id, path = d.dir .. "/" .. f, root = d.root, origin = d.origin }
          by_id[id] = e
          list[#list + 1] = e
        elseif d.origin == "built-in" then
          e.shadows = "built-in"
        else
          e.conflict = d.origin
        end
      end
    end
  end
  local function key(e) return tonumber(e.id:match("^x(%d+)$")) or math.huge end
  table.sort(list, function(a, b)
    if key(a) ~= key(b) then return key(a) < key(b) end
    return a.id < b.id
  end)
  return list
end

-- Every loadable recipe on the path, as { {entry=, recipe=} | {entry=, error=} };
-- modules that load but return something else (a pack's helpers) are skipped.
function M.recipes()
  local out = {}
  for _, e in ipairs(M.available()) do
    local ok, r = pcall(load_path, e.path, e.root)
    if ok then
      out[#out + 1] = { entry = e, recipe = r }
    elseif not (errors.is_usage(r) and r.message:find("does not return recipe", 1, true)) then
      out[#out + 1] = { entry = e, error = errors.text(r) }
    end
  end
  return out
end

-- Convenience for scripts and tests: run(ref, { model = id, set = { k = v } }).
function M.run_ref(ref, opts)
  opts = opts or {}
  local r = runner.find(ref, true)
  -- a preset id, or a table of model fields (a recipe passing its own inputs on)
  local model = opts.model
  if type(model) == "string" then model = catalog.model(model)
  elseif model ~= nil and type(model) ~= "table" then errors.usage("run_recipe: model must be an id or a table") end
  if model == nil and (opts.config or opts.gguf) then model = use("readers").from_options(opts) end
  local sets = {}
  for k, v in pairs(opts.set or {}) do sets[#sets + 1] = { k, v } end
  table.sort(sets, function(a, b) return a[1] < b[1] end)
  return runner.run(r, model, sets)
end

return M

-- Finding, loading and running recipes: validated parameters in, a result
-- table out (SPEC §4), with the failing step named when a recipe raises.
local host, use = ...
local errors = use "errors"
local params = use "params"
local chainlib = use "chain"
local catalog = use "catalog"
local packs = use "packs"

local M = {}

local RESULT_ORDER = { "recipe_id", "recipe_name", "question", "model", "inputs", "chain",
                       "verdict", "basis", "reason", "mitigation", "confidence", "notes" }
-- What a verdict rests on, when the recipe says (X-2 …): a measurement, the
-- closed form alone, or the model's trained / shipped window.
local BASES = { measured = true, closed_form = true, trained_window = true }

-- Recipe directories in search order: packs (--pack, $TAFRUN_PATH, user dir), then the built-ins.
function M.recipe_dirs()
  local dirs = {}
  for _, p in ipairs(packs.all()) do
    dirs[#dirs + 1] = { dir = p.dir .. "/recipes", root = p.dir, origin = p.name }
  end
  dirs[#dirs + 1] = { dir = host.datadir .. "/recipes", origin = "built-in" }
  return dirs
end

-- "x19", "X-19", "x-19" → "x19"; nil when `ref` is not an id.
function M.normalize_id(ref)
  local n = ref:lower():gsub("%-", "")
  if n:match("^[%w_]+$") then return n end
  return nil
end

local loaded = {}

local function load_path(path, root)
  if loaded[path] then return loaded[path] end
  local r = host.declare(host.loadfile(path, nil, root), path)
  if type(r) ~= "table" or not r.is_recipe then
    errors.usage("%s does not return recipe { … }", path)
  end
  params.check_defaults(r, path)
  loaded[path] = r
  return r
end
M.load_path = load_path

-- A recipe by id (x19, X-19) or by path to a .lua file.
-- `from_script`: the lookup comes from a script (taf.run_recipe, a test's
-- run): a path is only opened below the recipe, pack and command-line paths,
-- so no file outside them is ever parsed (and echoed in a syntax error).
function M.find(ref, from_script)
  if type(ref) ~= "string" or ref == "" then errors.usage("a recipe is an id (x19) or a path to a .lua file") end
  if ref:match("%.lua$") or ref:find("/", 1, true) then
    if from_script then
      local ok, why = host.readable(ref)
      if not ok then error(why, 0) end
    end
    local kind = host.exists(ref)
    if kind == nil then errors.usage("recipe file '%s' not found", ref) end
    if kind ~= "file" then errors.usage("recipe file '%s' is not a regular file", ref) end
    local owner = packs.owner(ref)
    return load_path(ref, owner and owner.dir)
  end
  local id = M.normalize_id(ref)
  if id and #packs.all() == 0 then -- no packs: the built-in file, without listing directories
    local path = host.datadir .. "/recipes/" .. id .. ".lua"
    if host.exists(path) == "file" then return load_path(path, nil) end
  end
  local all = M.available()
  if id then
    for _, e in ipairs(all) do
      if e.id == id then
        if e.conflict then
          errors.usage("recipe '%s' is defined by two packs, %s and %s: remove one from the path, "
            .. "or run the file by its path", id, e.origin, e.conflict)
        end
        return load_path(e.path, e.root)
      end
    end
  end
  -- then by the id a recipe declares (a pack's LC-THETA in theta_sweep.lua)
  local ids = {}
  for _, x in ipairs(M.recipes()) do
    if x.recipe then
      if id and M.normalize_id(x.recipe.id) == id then return x.recipe end
      ids[#ids + 1] = x.entry.id
    end
  end
  errors.unknown("recipe", ref, ids)
end

-- The verdict vocabulary of a recipe as a set, computed once per recipe table.
local vocabularies = setmetatable({}, { __mode = "k" })
local function vocabulary(r)
  local set = vocabularies[r]
  if set == nil then
    set = {}
    for _, v in ipairs(r.verdicts) do set[v] = true end
    vocabularies[r] = set
  end
  return set
end

local OUTCOME_KEYS = { "verdict", "reason", "mitigation" }

local function check_outcome(r, out, chain)
  if type(out) ~= "table" then
    error(string.format("%s: run() must return { verdict = …, reason = …, mitigation = … }", r.id), 0)
  end
  for i = 1, #OUTCOME_KEYS do
    local k = OUTCOME_KEYS[i]
    local t = type(out[k])
    if t ~= "string" and (i == 1 or t ~= "function") then
      error(string.format("%s: run() result lacks a '%s' string", r.id, k), 0)
    end
  end
  if r.verdicts and not vocabulary(r)[out.verdict] then
    error(string.format("%s: verdict '%s' is not in the recipe's vocabulary (%s)",
      r.id, out.verdict, table.concat(r.verdicts, " | ")), 0)
  end
  if chainlib.factor_count(chain) == 0 then
    error(string.format("%s: no confidence factors; call chain:factor(key, status)", r.id), 0)
  end
  if out.basis ~= nil and not BASES[out.basis] then
    error(string.format("%s: run() result field 'basis' must be measured, closed_form or trained_window", r.id), 0)
  end
  if out.key ~= nil and type(out.key) ~= "string" and type(out.key) ~= "function" then
    error(string.format("%s: run() result field 'key' (the card's key number) must be a string", r.id), 0)
  end
end

local RESULT_META = { __jsonorder = RESULT_ORDER }
local RESULT_META_NO_MODEL = { __jsonorder = {} }
for _, k in ipairs(RESULT_ORDER) do
  if k ~= "model" then table.insert(RESULT_META_NO_MODEL.__jsonorder, k) end
end
local ARRAY_META = getmetatable(taf.json.array({}))

-- The recipe being run and its chain, for the error handler below.
local current = {}
local function annotate(e)
  if errors.is_usage(e) then return e end
  local r = current.recipe
  local n, last = chainlib.progress(current.chain)
  local where = n > 0 and string.format("step %d, after '%s'", n + 1, last) or "step 1"
  local msg = string.format("%s\n  (in %s %s, %s)", errors.text(e, 2), r.id, r.name, where)
  -- --verbose: the traceback where the recipe raised, not where the engine re-raises
  if M.verbose and not msg:find("\nstack traceback:", 1, true) then msg = debug.traceback(msg, 2) end
  return msg
end

-- Run recipe `r` on validated parameters `p`: its checked outcome and chain.
-- `fast` (sweeps): skip chain:step shape checks already passed on an earlier
-- point; `lean`: the chain keeps no JSON layout (sweep rows).
function M.execute(r, p, fast, lean)
  local chain = chainlib.new(not fast, lean)
  local notes = r.notes
  if notes and not chain.n then for _, n in ipairs(notes) do chain:note(n) end end -- a lean chain keeps none
  local saved_recipe, saved_chain = current.recipe, current.chain
  current.recipe, current.chain = r, chain
  local ok, out = xpcall(r.run, annotate, p, chain)
  current.recipe, current.chain = saved_recipe, saved_chain
  if not ok then error(out, 0) end
  check_outcome(r, out, chain)
  return out, chain
end

-- Run recipe `r` with `model` (preset or nil) and typed `sets`, or with
-- parameters already `resolved`; `fast` as in execute. The whole result
-- (SPEC §4); sweep rows that need only the verdict call execute.
function M.run(r, model, sets, fast, resolved)
  local p, names
  if resolved then p, names = resolved, params.ordered_names(r)
  else p, names = params.resolve(r, model, sets or {}) end
  local ok, out, chain = pcall(M.execute, r, p, fast)
  if not ok then
    -- a model was given and a recipe's own check finds a field it lacks
    -- (lib.model_params need): only --set can supply it
    if model ~= nil and errors.is_usage(out) and out.missing and out.message:find("--model ID", 1, true) then
      errors.missing(out.missing, "%s needs '%s', which %s does not give: --set %s=VALUE", r.id, out.missing,
        model.short_id or model.id or "the model", out.missing)
    end
    error(out, 0)
  end
  -- the prose the recipe deferred (chain.prose), now that the result will be read
  chainlib.expand(chain, r.id)
  local prose = chainlib.prose
  local used = {}
  local inputs = setmetatable({}, { __jsonorder = used })
  for _, n in ipairs(names) do
    local v = p[n]
    if v ~= nil then used[#used + 1] = n; inputs[n] = v end
  end
  local result = setmetatable({
    recipe_id = r.id, recipe_name = r.name, question = r.question,
    model = model and model.id or nil,
    inputs = inputs, chain = setmetatable(chain.steps, ARRAY_META),
    verdict = out.verdict, basis = out.basis, reason = prose(out.reason, "%s reason", r.id),
    mitigation = prose(out.mitigation, "%s mitigation", r.id),
    confidence = chainlib.confidence(chain.factors),
    notes = setmetatable(chain.notes, ARRAY_META),
  }, model and RESULT_META or RESULT_META_NO_MODEL)
  -- recipe-specific extras (e.g. X-2's caveats, horizon_source, pdi) follow the notes
  for k, v in pairs(out.extra or {}) do result[k] = v end
  -- optional one-line key number shown by `tafrun card` ("D_f = 4826")
  result.key = prose(out.key, "%s key", r.id)
  return result
end

-- Listing every recipe on the path and run_ref (scripts and tests) are in
-- engine/core/runner_more.lua, loaded on first use.
setmetatable(M, { __index = function(_, k) return use("runner_more")[k] end })

return M

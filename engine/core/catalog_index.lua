-- The catalogs' lists (engine/core/catalog.lua loads this on first need): the
-- GPUs, API prices and model presets of catalogs/ and of every pack, loaded
-- once per run, and the index that resolves names case-insensitively through
-- ids and aliases, suggesting the nearest on a miss.
local host, use = ...
local errors = use "errors"
local packs = use "packs"
local catalog = use "catalog"

local M = {}
local root = host.datadir .. "/catalogs"
local cache = {}
local lower, load_model = catalog.lower, catalog.load_model

-- An index name → entry over `entries`, keyed by every id and alias, lowercased.
local function index(entries, keys_of)
  local by_key, names, canonical = {}, {}, {}
  for _, e in ipairs(entries) do
    for _, k in ipairs(keys_of(e)) do
      local lk = lower(k)
      if by_key[lk] ~= nil and by_key[lk] ~= e then
        error(string.format("catalog conflict: '%s' names two entries", k), 0)
      end
      by_key[lk] = e
      names[#names + 1] = k
      canonical[k] = keys_of(e)[1]
    end
  end
  return by_key, { keys = names, canonical = canonical }
end

-- Unknown name: the three nearest entries (matched through ids and aliases,
-- shown by their primary name).
local function unknown(what, name, names, listing)
  local out, seen = {}, {}
  for _, k in ipairs(errors.nearest(name, names.keys, #names.keys)) do
    local c = names.canonical[k]
    if not seen[c] then seen[c] = true; out[#out + 1] = c end
    if #out == 3 then break end
  end
  errors.usage("unknown %s '%s'; nearest: %s (see 'tafrun list %s')", what, name, table.concat(out, ", "),
    listing or (what .. "s"))
end

local function load_list(path, what, pack_root)
  local list = host.declare(host.loadfile(path, nil, pack_root), path)
  if type(list) ~= "table" then
    error(string.format("%s must return a list of %s", path, what), 0)
  end
  return list
end

-- The numeric fields an entry of a catalog file must hold, and those it may
-- hold: finite and >= 0 (a share at most 1).
local NUMERIC = { ["gpus.lua"] = { "flops", "vram_GB", "bw_GB_s", "usd_h", "tdp" },
                  ["apis.lua"] = { "input", "output" },
                  ["host_memory.lua"] = { "bw_GB_s" } }
local OPTIONAL_NUMERIC = { ["gpus.lua"] = { "fp8_tflops", "fp4_tflops", "gpu_wired_share" }, ["apis.lua"] = {},
                           ["host_memory.lua"] = { "channels", "MT_s" } }
local AT_MOST = { gpu_wired_share = 1 }

local function check_number(e, f, required, path, n)
  local v, max = e[f], AT_MOST[f]
  if v == nil and not required then return end
  if type(v) ~= "number" or v ~= v or v < 0 or v == math.huge or (max and v > max) then
    errors.usage("%s: entry %d (%s): field '%s' must be a finite number >= 0%s, got %s", path, n, e.name, f,
      max and (" and <= " .. max) or "", tostring(v))
  end
end

-- The built-in list of `file`, then each pack's: a pack entry with the name
-- of a built-in one overrides it; the same name from two packs is a conflict.
local function merged(file, what)
  local list, position = {}, {}
  local function add(e, origin, path, n)
    if type(e) ~= "table" or type(e.name) ~= "string" then
      errors.usage("%s: entry %d has no name", path, n)
    end
    for _, f in ipairs(NUMERIC[file]) do check_number(e, f, true, path, n) end
    for _, f in ipairs(OPTIONAL_NUMERIC[file]) do check_number(e, f, false, path, n) end
    local i = position[e.name]
    if i and list[i].origin ~= "built-in" then
      errors.usage("%s '%s' is defined by two packs, %s and %s", what, e.name, list[i].origin, origin)
    end
    local t = { origin = origin }
    for k, v in pairs(e) do t[k] = v end
    if not i then i = #list + 1; position[e.name] = i end
    list[i] = t
  end
  for n, e in ipairs(load_list(root .. "/" .. file, what)) do add(e, "built-in", "catalogs/" .. file, n) end
  for _, p in ipairs(packs.all()) do
    local path = p.dir .. "/" .. file
    if host.exists(path) == "file" then
      for n, e in ipairs(load_list(path, what, p.dir)) do add(e, p.name, path, n) end
    end
  end
  return list
end

local function gpu_keys(g) local k = { g.name }; for _, a in ipairs(g.aliases or {}) do k[#k + 1] = a end; return k end

-- A catalog of named entries (gpus.lua, apis.lua, host_memory.lua), merged
-- with the packs' on first use: its list in catalog order, and one entry by
-- name or alias (unknown → usage error with the nearest names).
local function named_catalog(file, what, listing)
  local c
  local function all()
    if not c then
      local list = merged(file, what)
      c = { list = list }
      c.by_key, c.names = index(list, gpu_keys)
    end
    return c
  end
  local function one(name)
    if type(name) ~= "string" then errors.usage("%s must be a name, got %s", what, type(name)) end
    local e = all().by_key[lower(name)]
    if e == nil then unknown(what, name, all().names, listing) end
    return e
  end
  return function() return all().list end, one
end

-- GPUs: { {name=, flops=, vram_GB=, bw_GB_s=, usd_h=, tdp=, …}, … }; API prices;
-- host-RAM bandwidth presets for offload to system memory ("ddr5-5600-2ch").
M.gpus, M.gpu = named_catalog("gpus.lua", "gpu")
M.apis, M.api = named_catalog("apis.lua", "api")
M.host_memories, M.host_memory = named_catalog("host_memory.lua", "host memory", "memory")

local function model_keys(m)
  local k = { m.short_id, m.id }
  for _, a in ipairs(m.aliases or {}) do k[#k + 1] = a end
  return k
end

local function models()
  if not cache.models then
    local list, by_short = {}, {}
    local dirs = { { dir = root .. "/models", origin = "built-in" } }
    for _, p in ipairs(packs.all()) do dirs[#dirs + 1] = { dir = p.dir .. "/models", origin = p.name, root = p.dir } end
    for _, d in ipairs(dirs) do
      for _, f in ipairs(host.dir(d.dir) or {}) do
        local short = f:match("^(.+)%.lua$")
        if short then
          local m = load_model(short, d.dir .. "/" .. f, d.root)
          m.origin = d.origin
          local i = by_short[short]
          if i and list[i].origin ~= "built-in" then
            errors.usage("model '%s' is defined by two packs, %s and %s", short, list[i].origin, d.origin)
          end
          if not i then i = #list + 1; by_short[short] = i end
          list[i] = m
        end
      end
    end
    cache.models = { list = list }
    cache.models.by_key, cache.models.names = index(list, model_keys)
  end
  return cache.models
end

function M.models() return models().list end

-- Has the preset list been loaded (catalog.model's one-file path is then not taken)?
function M.has_models() return cache.models ~= nil end

-- One preset by short id, alias or HF id (case-insensitive); `id` already checked.
function M.model(id)
  local m = models().by_key[lower(id)]
  if m == nil then
    -- not a preset: a model on disk (HF cache ORG/NAME, ollama:NAME, a models folder)
    local found, looked = use("local_models").find(id)
    if found then return found end
    if #looked > 0 and (id:find("/", 1, true) or id:match("^ollama:")) then
      errors.usage("model '%s' is not a preset and is not on disk; looked in: %s (see 'tafrun list models --local')",
        id, table.concat(looked, ", "))
    end
    unknown("model", id, models().names)
  end
  return m
end

return M

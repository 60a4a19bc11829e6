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

local function gpus()
  if not cache.gpus then
    local list = merged("gpus.lua", "gpu")
    cache.gpus = { list = list }
    cache.gpus.by_key, cache.gpus.names = index(list, gpu_keys)
  end
  return cache.gpus
end

-- Every GPU, in catalog order: { {name=, flops=, vram_GB=, bw_GB_s=, usd_h=, tdp=}, … }.
function M.gpus() return gpus().list end

-- One GPU by name or alias; unknown → usage error with the nearest names.
function M.gpu(name)
  if type(name) ~= "string" then errors.usage("gpu must be a name, got %s", type(name)) end
  local g = gpus().by_key[lower(name)]
  if g == nil then unknown("gpu", name, gpus().names) end
  return g
end

local function apis()
  if not cache.apis then
    local list = merged("apis.lua", "api")
    cache.apis = { list = list }
    cache.apis.by_key, cache.apis.names = index(list, gpu_keys)
  end
  return cache.apis
end

function M.apis() return apis().list end

function M.api(name)
  if type(name) ~= "string" then errors.usage("api must be a name, got %s", type(name)) end
  local a = apis().by_key[lower(name)]
  if a == nil then unknown("api", name, apis().names) end
  return a
end

local function host_memories()
  if not cache.host_memory then
    local list = merged("host_memory.lua", "host memory")
    cache.host_memory = { list = list }
    cache.host_memory.by_key, cache.host_memory.names = index(list, gpu_keys)
  end
  return cache.host_memory
end

-- Host-RAM bandwidth presets (offload to system memory), in catalog order.
function M.host_memories() return host_memories().list end

-- One host-RAM preset by name or alias ("ddr5-5600-2ch"); unknown → usage error.
function M.host_memory(name)
  if type(name) ~= "string" then errors.usage("host memory must be a name, got %s", type(name)) end
  local m = host_memories().by_key[lower(name)]
  if m == nil then unknown("host memory", name, host_memories().names, "memory") end
  return m
end

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

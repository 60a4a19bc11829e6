-- The catalogs (GPUs, API prices, model presets) are Lua data files under
-- catalogs/. The question nearly every run asks, one preset by its short id,
-- is answered here by reading that one file; the lists, the index of ids and
-- aliases, packs' entries and the nearest names on a miss are
-- engine/core/catalog_index.lua, loaded on first need.
local host, use = ...
local errors = use "errors"
local packs = use "packs"

local M = {}
local root = host.datadir .. "/catalogs"

local full -- engine/core/catalog_index.lua, once something needs it
local function index() full = full or use "catalog_index"; return full end

function M.lower(s) return (s:gsub("%s+", " ")):lower() end

-- Presets: catalogs/models/<short id>.lua, each returning model { … }.
function M.load_model(short, path, pack_root)
  local m = host.declare(host.loadfile(path, nil, pack_root), path)
  if type(m) ~= "table" or not m.is_model then
    error(string.format("%s must return model { … }", path), 0)
  end
  m.short_id = short
  return m
end

-- Every GPU, in catalog order: { {name=, flops=, vram_GB=, bw_GB_s=, usd_h=, tdp=}, … }.
function M.gpus() return index().gpus() end

-- One GPU by name or alias; unknown → usage error with the nearest names.
function M.gpu(name) return index().gpu(name) end

function M.apis() return index().apis() end

function M.host_memories() return index().host_memories() end

function M.host_memory(name) return index().host_memory(name) end

function M.api(name) return index().api(name) end

function M.models() return index().models() end

-- One preset by short id, alias or HF id (case-insensitive).
function M.model(id)
  if type(id) ~= "string" or id == "" then errors.usage("model id must be a non-empty string") end
  if #id > 256 then errors.usage("model id '%s…' is longer than 256 characters", id:sub(1, 40)) end
  -- fast path: the short id is the file name
  local short = M.lower(id)
  if not (full and full.has_models()) and #packs.all() == 0 and short:match("^[%w%._%-]+$") then
    local path = root .. "/models/" .. short .. ".lua"
    if host.exists(path) == "file" then return M.load_model(short, path) end
  end
  return index().model(id)
end

return M

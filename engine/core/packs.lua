-- Recipe packs: directories holding pack.lua, recipes/, and optionally
-- models/, gpus.lua, apis.lua, tests/. Found (in this order) through --pack,
-- $TAFRUN_PATH (colon-separated; each entry a pack or a directory of packs)
-- and the user's pack directory ($XDG_DATA_HOME/tafrun/packs, default
-- ~/.local/share/tafrun/packs). Pack entries join the built-in ones and may
-- override them by id; two packs defining the same id is a reported conflict.
local host, use = ...
local errors = use "errors"

local M = {}
local lfs = host.lfs
local explicit = {}      -- directories given with --pack or `tafrun test DIR` (M.add)
local cache

local function mode(path) return lfs.attributes(path, "mode") end

-- Reading a pack's pack.lua and its version requirement: engine/core/packs_more.lua,
-- loaded only when a pack is found.
local function load_pack(dir, origin) return use("packs_more").load_pack(dir, origin) end

local function add_candidates(list, dir, origin)
  if mode(dir .. "/pack.lua") == "file" then
    list[#list + 1] = { dir = dir, origin = origin }
  elseif mode(dir) == "directory" then
    for _, name in ipairs(host.dir(dir) or {}) do
      if mode(dir .. "/" .. name .. "/pack.lua") == "file" then
        list[#list + 1] = { dir = dir .. "/" .. name, origin = origin }
      end
    end
  end
end

-- Every pack, in search order: { {name, version, description, dir, origin}, … }.
function M.all()
  if cache then return cache end
  local candidates = {}
  for _, d in ipairs(explicit) do
    if mode(d) ~= "directory" then errors.usage("--pack %s: no such directory", d) end
    candidates[#candidates + 1] = { dir = d, origin = "--pack" }
  end
  for entry in (host.getenv("TAFRUN_PATH") or ""):gmatch("[^:]+") do
    add_candidates(candidates, entry, "TAFRUN_PATH")
  end
  local data = host.getenv("XDG_DATA_HOME") or ((host.getenv("HOME") or "") .. "/.local/share")
  add_candidates(candidates, data .. "/tafrun/packs", "user")
  local list, seen_dir, by_name = {}, {}, {}
  for _, c in ipairs(candidates) do
    local dir = (c.dir:gsub("/+$", ""))
    local real = host.realpath(dir) or dir -- one pack, however its path is spelled
    if not seen_dir[real] then
      seen_dir[real] = true
      local p = load_pack(dir, c.origin)
      if by_name[p.name] then
        errors.usage("two packs are named '%s': %s and %s", p.name, by_name[p.name].dir, p.dir)
      end
      by_name[p.name] = p
      list[#list + 1] = p
    end
  end
  cache = list
  return list
end

-- Add a pack directory before discovery (tafrun test PACK_DIR).
function M.add(dir)
  explicit[#explicit + 1] = dir
  cache = nil
end

-- The pack whose directory holds `path`, if any, decided on resolved real
-- paths: "A/../B/recipes/x.lua" belongs to B, and a link out of a pack does
-- not carry the pack's require scope along.
function M.owner(path)
  local real = host.realpath(path)
  if not real then return nil end
  for _, p in ipairs(M.all()) do
    if p.real and real:sub(1, #p.real + 1) == p.real .. "/" then return p end
  end
  return nil
end

setmetatable(M, { __index = function(_, k) return use("packs_more")[k] end })

return M

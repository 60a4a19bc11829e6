-- The parts of engine/core/packs.lua a run without packs does not need:
-- reading a pack's pack.lua and checking its version requirement.
local host, use = ...
local errors = use "errors"
local lfs = host.lfs

local P = {}

local function mode(path) return lfs.attributes(path, "mode") end

local function parse_version(v)
  local parts = {}
  for n in tostring(v):gmatch("%d+") do parts[#parts + 1] = tonumber(n) end
  if #parts == 0 then return nil end
  return parts
end

local function compare(a, b)
  for i = 1, math.max(#a, #b) do
    local x, y = a[i] or 0, b[i] or 0
    if x ~= y then return x < y and -1 or 1 end
  end
  return 0
end

-- "0.1", ">= 0.1", "< 2.0", ">= 0.1, < 1" against tafrun's own version.
function P.satisfies(version, requirement)
  local have = parse_version(version)
  for clause in tostring(requirement):gmatch("[^,]+") do
    local op, v = clause:match("^%s*([<>=~!]*)%s*([%d%.]+)%s*$")
    local want = v and parse_version(v)
    if not want then return false, "cannot read requirement '" .. requirement .. "'" end
    local c = compare(have, want)
    local ok = (op == "" or op == ">=") and c >= 0 or op == ">" and c > 0 or op == "<" and c < 0
      or op == "<=" and c <= 0 or (op == "==" or op == "=") and c == 0 or op == "~=" and c ~= 0
      or op == "!=" and c ~= 0
    if not ok then return false end
  end
  return true
end

function P.load_pack(dir, origin)
  local file = dir .. "/pack.lua"
  if mode(file) ~= "file" then errors.usage("pack directory %s has no pack.lua", dir) end
  local ok, p = pcall(function() return host.declare(host.loadfile(file, nil, dir), file) end)
  if not ok then errors.usage("pack %s: %s", dir, errors.is_usage(p) and p.message or tostring(p)) end
  if type(p) ~= "table" or not p.is_pack then errors.usage("%s must return pack { … }", file) end
  local fits, why = P.satisfies(taf.version, p.requires)
  if not fits then
    errors.usage("pack %s %s requires tafrun %s, this is tafrun %s%s", p.name, p.version, p.requires,
                 taf.version, why and (" (" .. why .. ")") or "")
  end
  return { name = p.name, version = p.version, description = p.description, requires = p.requires,
           real = host.realpath(dir),
           dir = dir, origin = origin }
end

return P

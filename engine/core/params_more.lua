-- The parts of engine/core/params.lua a run without --set or errors does not
-- need: reading typed text from the command line (numbers with unit
-- suffixes) and the human text of a declaration's range.
local host, use = ...
local M = {}

-- "32768" → 32768, "8e9" → 8e9, "true" → true, anything else stays text.
function M.parse_value(s)
  if s == "true" then return true elseif s == "false" then return false end
  local lower = s:lower()
  if lower == "nan" or lower == "inf" or lower == "-inf" or lower == "+inf" then
    return lower == "nan" and 0 / 0 or (lower:sub(1, 1) == "-" and -math.huge or math.huge)
  end
  local n = tonumber(s)
  if n ~= nil and not s:match("^%s*0[xX]") then return n end
  if M.suffixed(s, "") then return s end -- a number with a unit suffix: read per parameter (unwrap)
  return s
end

-- "128k", "32K", "1M", "70B", "1.5T": a number with a unit suffix, read as
-- people say it. For a length in tokens (a parameter named T_…, or for a
-- context, window, sequence or ctx) k and M are powers of two, as context
-- windows are quoted (128k = 131,072; 1M = 1,048,576); for anything else
-- they are powers of ten (70B = 7·10^10, 20k = 20,000). nil when `s` is not one.
local DECIMAL = { k = 1e3, m = 1e6, g = 1e9, b = 1e9, t = 1e12 }
local BINARY = { k = 1024, m = 1048576, g = 1073741824 }
local function is_length(name)
  local n = name:lower()
  return name:match("^T_") ~= nil or n:find("ctx", 1, true) or n:find("context", 1, true)
    or n:find("window", 1, true) or n:find("seq", 1, true) or n:find("len", 1, true)
end
function M.suffixed(s, name)
  local mant, letter = s:match("^%s*([%d]*%.?%d+)%s*([kKmMgGbBtT])%s*$")
  local x = mant and tonumber(mant)
  if not x then return nil end
  local scale = is_length(name) and BINARY[letter:lower()] or DECIMAL[letter:lower()]
  if not scale then return nil end
  local v = x * scale
  return math.tointeger(v) or v
end

-- Human text of a declaration's range: "integer >= 1", "number in (0, 1]".
local function bound(x) return string.format("%.15g", x) end -- 1e12 → "1e+12", 65536 → "65536"

function M.describe(spec)
  local lo = spec.gt and ("(" .. bound(spec.gt)) or spec.min and ("[" .. bound(spec.min))
  local hi = spec.lt and (bound(spec.lt) .. ")") or spec.max and (bound(spec.max) .. "]")
  if spec.kind == "choice" then return "one of " .. table.concat(spec.choices, ", ") end
  if spec.kind == "gpu" then return "a GPU name (tafrun list gpus)" end
  if spec.kind == "api" then return "an API model name (tafrun list apis)" end
  if lo and hi then return string.format("%s in %s, %s", spec.kind, lo, hi) end
  if lo then return string.format("%s %s %s", spec.kind, spec.gt and ">" or ">=", bound(spec.gt or spec.min)) end
  if hi then return string.format("%s %s %s", spec.kind, spec.lt and "<" or "<=", bound(spec.lt or spec.max)) end
  return spec.kind
end

return M

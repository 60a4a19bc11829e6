-- Usage errors (exit 2) travel as tables the host recognises; anything else
-- raised by a recipe is a runtime error (exit 1).
local host, use = ...
local M = {}

-- Raise a usage error: bad input the user can fix (unknown id, bad value).
-- The object is the host's (engine/lua/bind.c), the same one C bindings raise.
function M.usage(fmt, ...)
  local msg = select("#", ...) > 0 and string.format(fmt, ...) or fmt
  error(host.usage_error(msg), 0)
end

-- A usage error for a required input nobody gave (tafrun card lists these).
function M.missing(name, fmt, ...)
  error(host.usage_error(string.format(fmt, ...), { missing = name }), 0)
end

-- The bare synopsis (`tafrun` alone): printed as it is, exit 2.
function M.usage_plain(text)
  error(host.usage_error(text, { plain = true }), 0)
end

M.is_usage = host.is_usage_error

-- The text of any error object, whatever a script raised: a usage error's
-- message, a string, __tostring's text, or a table's fields; never a
-- metamethod run unprotected.
-- `level` (error handlers): where to look for the file:line of the raise.
function M.text(e, level)
  if M.is_usage(e) then return e.message end
  if type(e) == "string" then return e end
  return host.error_text(e, level and level + 1)
end

-- Levenshtein distance, case-insensitive, for "did you mean" suggestions.
local function distance(a, b)
  a, b = a:lower(), b:lower()
  local prev = {}
  for j = 0, #b do prev[j] = j end
  for i = 1, #a do
    local cur = { [0] = i }
    local ai = a:byte(i)
    for j = 1, #b do
      local cost = (ai == b:byte(j)) and 0 or 1
      cur[j] = math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
    end
    prev = cur
  end
  return prev[#b]
end

-- The `count` candidates nearest to `name` (substring matches first).
function M.nearest(name, candidates, count)
  local scored, seen = {}, {}
  if #name > 256 then name = name:sub(1, 256) end -- a distance costs #name·#candidate
  local lname = name:lower()
  for _, c in ipairs(candidates) do
    if not seen[c] then
      seen[c] = true
      local d = distance(name, c)
      if c:lower():find(lname, 1, true) or lname:find(c:lower(), 1, true) then d = d - 100 end
      scored[#scored + 1] = { c, d }
    end
  end
  table.sort(scored, function(x, y)
    if x[2] ~= y[2] then return x[2] < y[2] end
    return x[1] < y[1]
  end)
  local out = {}
  for i = 1, math.min(count or 3, #scored) do out[i] = scored[i][1] end
  return out
end

-- "unknown model 'nope'; nearest: a, b, c"
function M.unknown(what, name, candidates)
  local near = M.nearest(name, candidates, 3)
  M.usage("unknown %s '%s'; nearest: %s (see 'tafrun list %ss')",
          what, name, table.concat(near, ", "), what)
end

return M

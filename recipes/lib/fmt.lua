-- Number formatting for interpretation strings (grouped thousands, fixed
-- digits), and aligned text columns for the listings.
local M = {}

-- 1234567.8 → "1,234,568" (decimals = 0) or "1,234,567.80" (decimals = 2).
function M.commas(x, decimals)
  if x ~= x or x == math.huge or x == -math.huge then return tostring(x) end
  local s = string.format("%." .. (decimals or 0) .. "f", x)
  local sign, int, frac = s:match("^(-?)(%d+)(.*)$")
  int = int:reverse():gsub("(%d%d%d)", "%1,"):reverse():gsub("^,", "")
  return sign .. int .. frac
end

-- Fixed decimals: M.f(0.91470, 3) → "0.915"; nil → "n/a".
function M.f(x, decimals)
  if x == nil then return "n/a" end
  return string.format("%." .. (decimals or 0) .. "f", x)
end

-- Scientific: M.e(2.19e12, 2) → "2.19e+12".
function M.e(x, decimals)
  if x == nil then return "n/a" end
  return string.format("%." .. (decimals or 2) .. "e", x)
end

-- Percent with one decimal: 0.123 → "12.3%".
function M.pct(x, decimals)
  return string.format("%." .. (decimals or 1) .. "f%%", x * 100)
end

-- Rows of cells → lines with columns aligned by display width (code points:
-- γ and R² are two bytes, one column); the last cell of a row is not padded.
function M.columns(rows)
  local widths = {}
  for _, row in ipairs(rows) do
    for i, cell in ipairs(row) do widths[i] = math.max(widths[i] or 0, utf8.len(cell) or #cell) end
  end
  local out = {}
  for _, row in ipairs(rows) do
    local cells = {}
    for i, cell in ipairs(row) do
      cells[i] = i < #row and cell .. string.rep(" ", widths[i] - (utf8.len(cell) or #cell)) or cell
    end
    out[#out + 1] = table.concat(cells, "  ") .. "\n"
  end
  return table.concat(out)
end

return M

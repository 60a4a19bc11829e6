-- Text layout for the listings and tables the commands print.
local M = {}

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

-- A parameter count as people say it: 7.6e9 → "7.6B", 3.5e8 → "350M", nil → "?".
function M.params_count(n)
  if not n then return "?" end
  if n >= 1e9 then return string.format("%.1fB", n / 1e9) end
  return string.format("%.0fM", n / 1e6)
end

-- A whole number grouped by thousands: 500000 → "500,000".
function M.commas(n)
  local whole = n // 1
  return taf.commas(math.tointeger(whole) or whole)
end

-- A token count as context windows are quoted: 131072 → "128K", 8192 → "8K",
-- 1048576 → "1M", 163840 → "160K", 2048 → "2K", 1000 → "1,000".
function M.tokens(n)
  if n >= 1048576 and n % 1048576 == 0 then return string.format("%dM", n // 1048576) end
  if n >= 1024 and n % 1024 == 0 then return string.format("%dK", n // 1024) end
  return M.commas(n)
end

return M

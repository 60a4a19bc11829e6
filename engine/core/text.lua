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

return M

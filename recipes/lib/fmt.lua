-- Number formatting for interpretation strings: grouped thousands, fixed
-- digits, scientific notation, percentages.
local M = {}

-- 1234567.8 → "1,234,568" (decimals = 0) or "1,234,567.80" (decimals = 2).
M.commas = taf.commas

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

return M

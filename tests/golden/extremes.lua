-- Every recipe at the edges of its declared ranges: bad input never crashes
-- and never lies (expect_robust, lib/testing.lua). For each numeric
-- parameter of each built-in recipe, on presets of four families (GQA, SWA,
-- partial rotary), the value is set to the smallest and the largest the
-- declaration admits (open bound: the next value inside; no bound: ±1e308,
-- or ±2^53 for an integer) and to a value just past each bound. A value
-- inside must give a usage error (exit 2) or a result whose every number is
-- finite (a NaN or an infinity would reach the JSON as null: an answer
-- without its number); a value outside must give a usage error naming the
-- parameter. A formula's argument check or a Lua error fails the test.

local MODELS = { "llama-3-8b", "qwen2.5-7b", "mistral-7b", "gemma-2-9b", "pythia-1.4b" }

-- inputs no preset holds, given so that each recipe reaches its formulas
local BASE = {
  x6 = { task = "code" },
  x9 = { T_target = 131072 },
  x22 = { gamma_obs = 0.8 },
}

for i = 1, 23 do
  local id = "x" .. i
  test(string.format("X-%d at the edges of its declared ranges", i), function()
    expect_robust(id, { models = MODELS, set = BASE[id] })
  end)
end

-- The ceiling of the sweep benchmark: what the X-2 recipe itself costs a point
-- when nothing but the recipe runs. Run by bench/sweep_vs_python.sh as
--   tafrun --trust -e 'assert(loadfile("bench/recipe_ceiling.lua"))(...)'
-- (--trust: no sandbox and no count hook; the chunk gets the engine's module
-- loader as `...`). The real recipe file runs over the
-- benchmark's grid (T_eval = 1000, 1001, …) on llama-3-8b, its parameters
-- resolved once; no sweep machinery, no rows, no JSON. Two chains:
--   lean  the chain a lean sweep row uses (steps kept, no JSON layout);
--   null  a chain whose step only hands back its result: the cost of the
--         recipe's own Lua code and taf calls, below any host's bookkeeping.
-- Prints "<lean µs> <null µs>" per point, the best of REPS runs.
local use = ...
local runner = use "runner"
local params = use "params"
local catalog = use "catalog"
local chainlib = use "chain"

local n = tonumber(os.getenv("POINTS") or "") or 100000
local reps = tonumber(os.getenv("REPS") or "") or 3
local r = runner.find("x2")
local p = params.resolve(r, catalog.model("llama-3-8b"), {})
local null_chain = {
  step = function(_, s) return s.result end,
  factor = function() end,
  note = function() end,
}

local function per_point(make_chain)
  local best = math.huge
  for _ = 1, reps do
    local t0 = os.clock()
    for i = 0, n - 1 do
      p.T_eval = 1000 + i
      local out = r.run(p, make_chain())
      if out.verdict == nil then error("X-2 gave no verdict at T_eval=" .. p.T_eval) end
    end
    best = math.min(best, os.clock() - t0)
  end
  return best / n * 1e6
end

local lean = per_point(function() return chainlib.new(false, true) end)
local null = per_point(function() return null_chain end)
print(string.format("%.3f %.3f", lean, null))

-- Every recipe at the edges of its declared ranges: bad input never crashes
-- and never lies. For each numeric parameter of each built-in recipe, on
-- several presets, the value is set to the smallest and the largest the
-- declaration admits (for an open bound: the next value inside it; for no
-- bound: ±1e308, or ±2^53 for an integer) and to a value just outside, where
-- there is a bound. Each run must end in one of two ways:
--   - a usage error (exit 2) naming the parameter or the missing input;
--   - a result whose every number is finite (a NaN or an infinity would reach
--     the JSON as null: an answer without its number).
-- A runtime error (a formula's argument check, a Lua error) fails the test.

-- inputs no preset holds, given so that each recipe reaches its formulas
local BASE = {
  x6 = { task = "code" },
  x9 = { T_target = 131072 },
  x22 = { gamma_obs = 0.8 },
}

local PRESETS = { "llama-3-8b", "qwen2.5-7b", "mistral-7b", "gemma-2-9b", "pythia-1.4b" }
local TINY = 2.0 ^ -1000 -- a positive value far below any physical one

-- the values at and just past the edges a declaration admits
local function edges(p)
  local inside, outside = {}, {}
  local int = p.kind == "integer"
  local lo = p.min or (p.gt and (int and math.floor(p.gt) + 1 or (p.gt == 0 and TINY or p.gt + math.abs(p.gt) * 1e-12)))
  local hi = p.max or (p.lt and (int and math.ceil(p.lt) - 1 or (p.lt == 0 and -TINY or p.lt - math.abs(p.lt) * 1e-12)))
  inside[#inside + 1] = lo or (int and -2 ^ 53 or -1e308)
  inside[#inside + 1] = hi or (int and 2 ^ 53 or 1e308)
  if p.min then outside[#outside + 1] = int and p.min - 1 or p.min - math.max(1, math.abs(p.min)) * 1e-9 end
  if p.gt then outside[#outside + 1] = p.gt end
  if p.max then outside[#outside + 1] = int and p.max + 1 or p.max + math.max(1, math.abs(p.max)) * 1e-9 end
  if p.lt then outside[#outside + 1] = p.lt end
  return inside, outside
end

-- the first non-finite number in a result, as a path; nil when none. One
-- infinity is an answer: a largest context of +∞ is X-4's and X-15's
-- "unbounded by memory" (the cache does not grow with the context), allowed
-- as max_context and as the result of a step whose interpretation says so.
local function non_finite(v, path, seen)
  if type(v) == "number" then
    if v ~= v or v == math.huge or v == -math.huge then return path end
  elseif type(v) == "table" and not seen[v] then
    seen[v] = true
    local unbounded = type(v.interpretation) == "string" and v.interpretation:find("unbounded", 1, true)
    for k, x in pairs(v) do
      if not (x == math.huge and (k == "max_context" or (k == "result" and unbounded))) then
        local bad = non_finite(x, path .. "." .. tostring(k), seen)
        if bad then return bad end
      end
    end
  end
  return nil
end

-- the recipe's base inputs with one value set
local function with(id, name, v)
  local set = {}
  for k, x in pairs(BASE[id] or {}) do set[k] = x end
  set[name] = v
  return set
end

local function is_usage(e)
  return type(e) == "table" and e.kind == "usage"
end

local function describe_error(e)
  return is_usage(e) and e.message or tostring(e)
end

for i = 1, 23 do
  local id = "x" .. i
  test(string.format("X-%d at the edges of its declared ranges", i), function()
    for _, p in ipairs(params(id)) do
      if p.kind == "number" or p.kind == "integer" then
        local inside, outside = edges(p)
        for _, model in ipairs(PRESETS) do
          for _, v in ipairs(inside) do
            local ok, r = pcall(run, id, { model = model, set = with(id, p.name, v) })
            local where = string.format("%s=%.17g on %s", p.name, v, model)
            if ok then
              local bad = non_finite(r, "result", {})
              if bad then fail(string.format("%s: %s is not finite", where, bad)) end
            elseif not is_usage(r) then
              fail(string.format("%s: runtime error: %s", where, describe_error(r)))
            end
          end
          for _, v in ipairs(outside) do
            local ok, r = pcall(run, id, { model = model, set = with(id, p.name, v) })
            local where = string.format("%s=%.17g on %s", p.name, v, model)
            if ok then
              fail(string.format("%s is outside the declared range and was accepted", where))
            elseif not is_usage(r) then
              fail(string.format("%s: runtime error: %s", where, describe_error(r)))
            elseif not r.message:find(p.name, 1, true) then
              fail(string.format("%s: the message does not name the parameter: %s", where, r.message))
            end
          end
        end
      end
    end
  end)
end

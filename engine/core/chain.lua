-- The chain of formulas a recipe builds, step by step, each with its receipt,
-- plus the confidence factors and honesty notes that travel with the verdict.
local host, use = ...
local dsl = use "dsl"

local Chain = {}
Chain.__index = Chain
Chain.__metatable = false -- a recipe cannot rewrite the methods every other recipe of the run uses

local STEP_ORDER = { "step", "section", "name", "formula", "inputs", "result",
                     "interpretation", "receipt", "breakdown" }
local STEP_FIELDS = { section = "string", name = "string", formula = "string",
                      inputs = "table", interpretation = "prose", receipt = "string",
                      breakdown = "table", result = true }
local STATUS = { ok = 1, warn = 0.5, miss = 0 }
local REQUIRED = { "section", "name", "formula", "receipt" }
local RECEIPTS = {}
for k in pairs(dsl.RECEIPTS) do RECEIPTS[k] = true end
local FACTOR_META = { __jsonorder = { "key", "status" } }
local CONFIDENCE_META = { __jsonorder = { "pct", "band", "factors" } }
local ARRAY_META = getmetatable(taf.json.array({}))

-- JSON key order of a step (SPEC §4), one metatable per set of optional keys
-- present; "result" is always listed (null when nil).
local STEP_META = {}
for mask = 0, 3 do
  local order = {}
  for _, k in ipairs(STEP_ORDER) do
    if not ((k == "interpretation" and mask & 1 == 0) or (k == "breakdown" and mask & 2 == 0)) then
      order[#order + 1] = k
    end
  end
  STEP_META[mask] = { __jsonorder = order }
end

local M = {}

-- level 3: the recipe that called chain:step / chain:factor
local function bad_receipt(s)
  error(string.format("chain:step '%s': receipt '%s' is not one of lean, data, derived, "
    .. "analogy, erratum, provisional, refuted", s.name, s.receipt), 3)
end

local function bad_status(key, status)
  error(string.format("chain:factor '%s': status must be ok, warn or miss, got %s", key, tostring(status)), 3)
end

-- A lean chain (sweep rows read only the verdict and the confidence): it
-- keeps no steps, factors or notes, only what a row and an error message
-- need (the number of steps, the last one's name, the factors' sum).
local Lean = {}
Lean.__index = Lean
Lean.__metatable = false

function Lean:step(s)
  if type(s) ~= "table" then error("chain:step expects a table", 2) end
  if not RECEIPTS[s.receipt] then bad_receipt(s) end
  self.n = self.n + 1
  self.last = s.name
  return s.result
end

function Lean:factor(key, status)
  local v = STATUS[status]
  if v == nil then bad_status(key, status) end
  self.sum, self.count = self.sum + v, self.count + 1
end

function Lean:note() end

-- `checked = false` skips the per-field shape checks of chain:step (sweeps
-- run the same recipe thousands of times after checking it on the first point).
-- `lean = true`: a lean chain (above), for sweep rows; a checked point always
-- gets the whole chain.
function M.new(checked, lean)
  if lean and checked == false then
    return setmetatable({ n = 0, last = false, sum = 0, count = 0, lean = true }, Lean)
  end
  return setmetatable({ steps = {}, factors = {}, notes = {}, checked = checked ~= false, lean = lean }, Chain)
end

-- How many steps a chain has, and the last one's name (for error messages).
function M.progress(chain)
  if chain.n then return chain.n, chain.last end
  local steps = chain.steps
  return #steps, steps[#steps] and steps[#steps].name
end

-- How many factors a chain has.
function M.factor_count(chain)
  return chain.count or #chain.factors
end

-- chain:step { section=, name=, formula=, inputs=, result=, interpretation=, receipt= }
-- → result. Every step names its section, formula and receipt.
function Chain:step(s)
  if type(s) ~= "table" then error("chain:step expects a table", 2) end
  if self.checked then self:check_step(s) end
  if not RECEIPTS[s.receipt] then bad_receipt(s) end
  local n = #self.steps + 1
  self.steps[n] = s
  if self.lean then return s.result end
  s.step = n
  s.inputs = s.inputs or {}
  setmetatable(s, STEP_META[(s.interpretation and 1 or 0) + (s.breakdown and 2 or 0)])
  return s.result
end

function Chain:check_step(s)
  for k, v in pairs(s) do
    local want = STEP_FIELDS[k]
    if want == nil then
      error(string.format("chain:step: unknown field '%s'", tostring(k)), 3)
    elseif want == "prose" then
      if type(v) ~= "string" and type(v) ~= "function" then
        error(string.format("chain:step: field '%s' must be a string (or a function that returns one)", k), 3)
      end
    elseif want ~= true and type(v) ~= want then
      error(string.format("chain:step: field '%s' must be a %s", k, want), 3)
    end
  end
  for i = 1, #REQUIRED do
    if s[REQUIRED[i]] == nil then error(string.format("chain:step: field '%s' is required", REQUIRED[i]), 3) end
  end
end

-- A confidence factor (FORMULAS.md §1): status ok, warn or miss.
function Chain:factor(key, status)
  if STATUS[status] == nil then bad_status(key, status) end
  local f = { key = key, status = status }
  if not self.lean then setmetatable(f, FACTOR_META) end
  self.factors[#self.factors + 1] = f
end

-- An honesty note shown with the verdict: a string, or a function that
-- returns one (prose, below).
function Chain:note(text)
  self.notes[#self.notes + 1] = text
end

-- Prose only when someone reads it: an interpretation, note, reason,
-- mitigation or key may be a function returning the string, called here when
-- the result is assembled for rendering; lean sweep rows never call it.
-- `what` and what follows name the field for the error a wrong return
-- raises: a format and its arguments, formatted only then.
function M.prose(v, what, ...)
  if type(v) ~= "function" then return v end
  local s = v()
  if type(s) ~= "string" then
    error(string.format("%s: the function given for it returned %s, not a string", string.format(what, ...), type(s)), 0)
  end
  return s
end

-- Expand every lazy interpretation and note of a (non-lean) chain in place.
function M.expand(chain, rid)
  local steps, notes = chain.steps, chain.notes
  for i = 1, #steps do
    local s = steps[i]
    if type(s.interpretation) == "function" then
      s.interpretation = M.prose(s.interpretation, "%s step %d ('%s') interpretation", rid, i, tostring(s.name))
    end
  end
  for i = 1, #notes do
    if type(notes[i]) == "function" then notes[i] = M.prose(notes[i], "%s note %d", rid, i) end
  end
end

-- pct = round(100·Σ/n) over the factors (ok = 1, warn = ½, miss = 0);
-- `factors` is a list of factors or a chain.
function M.confidence_pct(factors)
  local sum, n = factors.sum, factors.count
  if sum == nil then
    factors = factors.factors or factors
    sum, n = 0, #factors
    for _, f in ipairs(factors) do sum = sum + STATUS[f.status] end
  end
  return n > 0 and math.floor(100 * sum / n + 0.5) or 0
end

-- pct as above; band high ≥ 80, medium ≥ 55, else low.
function M.confidence(factors)
  local pct = M.confidence_pct(factors)
  local band = pct >= 80 and "high" or pct >= 55 and "medium" or "low"
  return setmetatable({ pct = pct, band = band, factors = setmetatable(factors, ARRAY_META) }, CONFIDENCE_META)
end

return M

-- `tafrun test DIR`: runs every *.lua file in DIR (and DIR/tests) with a small
-- assertion API, then prints "N passed, N failed".
--
--   test("X-19 on Qwen2.5-7B", function()
--     local r = run("x19", { model = "qwen2.5-7b" })
--     expect_verdict(r, "USE SOFT DECAY (caveat)")
--     expect_near(step(r, "γ_Padé").result, 0.9547084761104221, 1e-12)
--   end)
local host, use = ...
local errors = use "errors"
local runner = use "runner"
local packs = use "packs"
local params = use "params"

local M = {}

local function describe(v)
  if type(v) == "string" then return string.format("%q", v) end
  return tostring(v)
end

local function message_of(e)
  return errors.text(e)
end

-- Test files of DIR: a pack's DIR/tests/*.lua (the pack is activated, and
-- its tests may require its modules), else DIR/*.lua.
local function test_files(dir)
  dir = (dir:gsub("/+$", ""))
  if host.exists(dir) ~= "directory" then errors.usage("test: '%s' is not a directory", dir) end
  local root, sub = nil, dir
  if host.exists(dir .. "/pack.lua") == "file" then
    packs.add(dir)
    packs.all()
    root, sub = dir, dir .. "/tests"
  end
  local files = {}
  for _, f in ipairs(host.dir(sub) or {}) do
    if f:match("%.lua$") and host.exists(sub .. "/" .. f) == "file" then
      files[#files + 1] = { path = sub .. "/" .. f, root = root }
    end
  end
  if #files == 0 then errors.usage("test: no *.lua test files in '%s'", sub) end
  return files
end

-- The values at and just past the edges a numeric declaration admits:
-- inside, the smallest and the largest (for an open bound the next value in;
-- for no bound ±1e308, or ±2^53 for an integer); outside, one value past
-- each bound there is.
local TINY = 2.0 ^ -1000 -- a positive value far below any physical one
function M.edge_values(p)
  local int = p.kind == "integer"
  local function next_in(b, dir) -- the next value inside an open bound b
    if int then return dir > 0 and math.floor(b) + 1 or math.ceil(b) - 1 end
    if b == 0 then return dir * TINY end
    return b + dir * math.abs(b) * 1e-12
  end
  local lo = p.min or (p.gt and next_in(p.gt, 1))
  local hi = p.max or (p.lt and next_in(p.lt, -1))
  local inside = { lo or (int and -2 ^ 53 or -1e308), hi or (int and 2 ^ 53 or 1e308) }
  local outside = {}
  if p.min then outside[#outside + 1] = int and p.min - 1 or p.min - math.max(1, math.abs(p.min)) * 1e-9 end
  if p.gt then outside[#outside + 1] = p.gt end
  if p.max then outside[#outside + 1] = int and p.max + 1 or p.max + math.max(1, math.abs(p.max)) * 1e-9 end
  if p.lt then outside[#outside + 1] = p.lt end
  return inside, outside
end

-- The first non-finite number in a result, as a path; nil when none. One
-- infinity is an answer: a largest context of +∞ means "unbounded by
-- memory" (X-4, X-15: the cache does not grow with the context), allowed as
-- max_context and as the result of a step whose interpretation says so.
function M.non_finite(v, path, seen)
  if type(v) == "number" then
    if v ~= v or v == math.huge or v == -math.huge then return path end
  elseif type(v) == "table" and not seen[v] then
    seen[v] = true
    local unbounded = type(v.interpretation) == "string" and v.interpretation:find("unbounded", 1, true)
    for k, x in pairs(v) do
      if not (x == math.huge and (k == "max_context" or (k == "result" and unbounded))) then
        local bad = M.non_finite(x, path .. "." .. tostring(k), seen)
        if bad then return bad end
      end
    end
  end
  return nil
end

function M.run_dir(dir)
  local files = {}
  if dir then
    files = test_files(dir)
  else -- every discovered pack's tests
    for _, p in ipairs(packs.all()) do
      if host.exists(p.dir .. "/tests") == "directory" then
        for _, f in ipairs(test_files(p.dir)) do files[#files + 1] = f end
      end
    end
    if #files == 0 then errors.usage("test: no pack with tests on the path (give a directory)") end
  end

  local passed, failed, lines = 0, 0, {}
  local current, failures

  local api = {}
  function api.run(ref, opts) return runner.run_ref(ref, opts) end
  function api.fail(msg) failures[#failures + 1] = msg end
  function api.expect(cond, msg) if not cond then api.fail(msg or "expectation failed") end end
  function api.expect_eq(actual, expected, msg)
    if actual ~= expected then
      api.fail(string.format("%sexpected %s, got %s", msg and (msg .. ": ") or "", describe(expected), describe(actual)))
    end
  end
  -- |actual − expected| ≤ rel·max(1, |expected|)
  function api.expect_near(actual, expected, rel, msg)
    rel = rel or 1e-12
    if type(actual) ~= "number" or math.abs(actual - expected) > rel * math.max(1, math.abs(expected)) then
      api.fail(string.format("%sexpected %.17g (±%g rel), got %s", msg and (msg .. ": ") or "",
        expected, rel, describe(actual)))
    end
  end
  function api.expect_verdict(result, verdict) api.expect_eq(result.verdict, verdict, "verdict") end
  -- expect_error(fn, pattern [, kind]): fn must raise; kind "usage" or "runtime".
  function api.expect_error(fn, pattern, kind)
    local ok, e = pcall(fn)
    if ok then return api.fail("expected an error matching '" .. pattern .. "'") end
    local msg = message_of(e)
    if not msg:find(pattern) then api.fail(string.format("error %q does not match '%s'", msg, pattern)) end
    if kind and (kind == "usage") ~= errors.is_usage(e) then
      api.fail(string.format("expected a %s error, got: %s", kind, msg))
    end
  end
  -- params(ref) → the recipe's parameters in declaration order, each
  -- { name =, kind =, min =, max =, gt =, lt =, optional =, default = }
  -- (for property tests over a recipe's declared ranges)
  function api.params(ref)
    local list = {}
    for _, d in ipairs(params.ordered(runner.find(ref, true))) do
      local s = d.spec
      list[#list + 1] = { name = d.name, kind = s.kind, min = s.min, max = s.max, gt = s.gt, lt = s.lt,
                          optional = s.optional, default = s.default }
    end
    return list
  end
  -- expect_robust(ref, { models = { id, … }, set = { k = v } }): the recipe at
  -- the edges of its declared ranges (see edge_values) on each model, `set`
  -- holding inputs no preset has. A value inside must give a usage error or
  -- a result whose every number is finite; a value outside must give a
  -- usage error that names the parameter. Anything else is a failure.
  function api.expect_robust(ref, opts)
    opts = opts or {}
    local models = opts.models or { false }
    for _, p in ipairs(api.params(ref)) do
      if p.kind == "number" or p.kind == "integer" then
        local inside, outside = M.edge_values(p)
        for _, model in ipairs(models) do
          for pass, values in ipairs { inside, outside } do
            for _, v in ipairs(values) do
              local set = {}
              for k, x in pairs(opts.set or {}) do set[k] = x end
              set[p.name] = v
              local ok, r = pcall(runner.run_ref, ref, { model = model or nil, set = set })
              local where = string.format("%s %s=%.17g%s", ref, p.name, v, model and (" on " .. model) or "")
              if ok and pass == 1 then
                local bad = M.non_finite(r, "result", {})
                if bad then api.fail(string.format("%s: %s is not finite", where, bad)) end
              elseif ok then
                api.fail(where .. " is outside the declared range and was accepted")
              elseif not errors.is_usage(r) then
                api.fail(string.format("%s: runtime error: %s", where, message_of(r)))
              elseif pass == 2 and not r.message:find(p.name, 1, true) then
                api.fail(string.format("%s: the message does not name the parameter: %s", where, r.message))
              end
            end
          end
        end
      end
    end
  end
  -- step(result, name or number) → the chain step
  function api.step(result, key)
    for _, s in ipairs(result.chain) do
      if s.step == key or s.name == key then return s end
    end
    error(string.format("no step '%s' in %s", tostring(key), result.recipe_id), 2)
  end
  function api.test(name, fn)
    current, failures = name, {}
    local ok, e = pcall(fn)
    if not ok then failures[#failures + 1] = "raised: " .. message_of(e) end
    if #failures == 0 then
      passed = passed + 1
    else
      failed = failed + 1
      for _, f in ipairs(failures) do lines[#lines + 1] = string.format("FAIL %s: %s", current, f) end
    end
  end

  for _, f in ipairs(files) do
    local ok, e = pcall(function() return host.loadfile(f.path, api, f.root)() end)
    if not ok then
      failed = failed + 1
      lines[#lines + 1] = string.format("FAIL %s: %s", f.path, message_of(e))
    end
  end
  lines[#lines + 1] = string.format("%d passed, %d failed", passed, failed)
  return table.concat(lines, "\n") .. "\n", failed
end

return M

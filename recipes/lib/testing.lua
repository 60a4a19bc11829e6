-- `tafrun test DIR`: runs every *.lua file in DIR (and DIR/tests) with a small
-- assertion API, then prints "N passed, N failed".
--
--   test("X-19 on Qwen2.5-7B", function()
--     local r = run("x19", { model = "qwen2.5-7b" })
--     expect_verdict(r, "USE SOFT DECAY (caveat)")
--     expect_near(step(r, "γ_Padé").result, 0.9547084761104221, 1e-12)
--   end)
local errors = require "lib.errors"
local runner = require "lib.runner"
local packs = require "lib.packs"
local params = require "lib.params"

local M = {}

local function describe(v)
  if type(v) == "string" then return string.format("%q", v) end
  return tostring(v)
end

local function message_of(e)
  if errors.is_usage(e) then return e.message end
  return tostring(e)
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
    for _, d in ipairs(params.ordered(runner.find(ref))) do
      local s = d.spec
      list[#list + 1] = { name = d.name, kind = s.kind, min = s.min, max = s.max, gt = s.gt, lt = s.lt,
                          optional = s.optional, default = s.default }
    end
    return list
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
    local ok, e = pcall(host.load, f.path, api, f.root)
    if not ok then
      failed = failed + 1
      lines[#lines + 1] = string.format("FAIL %s: %s", f.path, message_of(e))
    end
  end
  lines[#lines + 1] = string.format("%d passed, %d failed", passed, failed)
  return table.concat(lines, "\n") .. "\n", failed
end

return M

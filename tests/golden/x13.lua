-- Golden tests for X-13 (Effective Context). Expected values derived independently by
-- tests/golden/derive_diag.py by hand from upstream swa_unmasker:
-- effective = min(2·W, advertised), severe at ratio ≤ 0.25; global layers or full
-- attention reach the advertised context; RoPE scaling reached it from the original length.
-- Regenerate with: python3 tests/golden/derive_diag.py

test("X-13 llama-3-8b: full attention", function()
  local r = run("x13", { model = "llama-3-8b" })
  expect_verdict(r, "HONEST")
  expect_eq(step(r, "Effective context").result, 8192, "effective context")
  expect_eq(r.confidence.pct, 100, "confidence")
end)

test("X-13 qwen2.5-7b: full attention", function()
  local r = run("x13", { model = "qwen2.5-7b" })
  expect_verdict(r, "HONEST")
  expect_eq(step(r, "Effective context").result, 131072, "effective context")
  expect_eq(r.confidence.pct, 100, "confidence")
end)

test("X-13 mistral-7b: 2·4096 = 8192 of 32768 advertised", function()
  local r = run("x13", { model = "mistral-7b" })
  expect_verdict(r, "SEVERELY INFLATED")
  expect_eq(step(r, "Effective context").result, 8192, "effective context")
  expect_eq(r.confidence.pct, 88, "confidence")
  expect_eq(step(r, "Receptive field").result, 131072, "W × layers")
end)

test("X-13 phi-3-mini: 2·2047 = 4094 of 4096 advertised", function()
  local r = run("x13", { model = "phi-3-mini" })
  expect_verdict(r, "INFLATED")
  expect_eq(step(r, "Effective context").result, 4094, "effective context")
  expect_eq(r.confidence.pct, 88, "confidence")
  expect_eq(step(r, "Receptive field").result, 65504, "W × layers")
end)

test("X-13 mistral-7b advertised 32767: ratio 0.250008", function()
  local r = run("x13", { model = "mistral-7b", set = { T_advertised = 32767 } })
  expect_verdict(r, "INFLATED")
  expect_eq(step(r, "Effective context").result, 8192, "effective context")
end)

test("X-13 mistral-7b advertised 32768: ratio 0.250000", function()
  local r = run("x13", { model = "mistral-7b", set = { T_advertised = 32768 } })
  expect_verdict(r, "SEVERELY INFLATED")
  expect_eq(step(r, "Effective context").result, 8192, "effective context")
end)

test("X-13 mistral-7b advertised 32769: ratio 0.249992", function()
  local r = run("x13", { model = "mistral-7b", set = { T_advertised = 32769 } })
  expect_verdict(r, "SEVERELY INFLATED")
  expect_eq(step(r, "Effective context").result, 8192, "effective context")
end)

test("X-13 2W = advertised", function()
  local r = run("x13", { set = { T_advertised = 8192, has_SWA = true, sliding_window = 4096 } })
  expect_verdict(r, "WINDOWED (MULTI-HOP)")
  expect_eq(step(r, "Effective context").result, 8192, "effective context")
  expect_eq(r.confidence.pct, 63, "confidence")
end)

test("X-13 2W = advertised − 1", function()
  local r = run("x13", { set = { T_advertised = 8193, has_SWA = true, sliding_window = 4096 } })
  expect_verdict(r, "INFLATED")
  expect_eq(step(r, "Effective context").result, 8192, "effective context")
end)

test("X-13 gemma-2-9b with its 21 sliding of 42 layers", function()
  local r = run("x13", { model = "gemma-2-9b", set = { n_swa_layers = 21 } })
  expect_verdict(r, "LOCAL/GLOBAL MIX")
  expect_eq(r.confidence.pct, 100, "confidence")
  expect_eq(step(r, "Receptive field").result, 172032, "W × layers")
end)

test("X-13 llama-3.2-1b: llama3 RoPE ×32 over 8192", function()
  local r = run("x13", { model = "llama-3.2-1b" })
  expect_verdict(r, "EXTENDED")
  expect_eq(r.confidence.pct, 88, "confidence")
  expect_eq(step(r, "RoPE extension").result, 8192, "original context")
end)

test("X-13 llama-3.3-70b: ×8 over 8192", function()
  local r = run("x13", { model = "llama-3.3-70b" })
  expect_verdict(r, "EXTENDED")
  expect_eq(step(r, "RoPE extension").result, 8192, "original context")
end)

test("X-13 context field = original length", function()
  local r = run("x13", { set = { T_advertised = 8192, has_SWA = false, rope_factor = 32, rope_original = 8192, rope_type = "llama3" } })
  expect_verdict(r, "EXTENDED")
  expect_eq(r.key, "8,192 ×32", "key")
end)

test("X-13 SSM: no window", function()
  local r = run("x13", { set = { T_advertised = 4096, architecture = "SSM" } })
  expect_verdict(r, "NOT A WINDOW (SEE X-14)")
  expect_eq(r.confidence.pct, 50, "confidence")
end)

test("X-13 ghost window (declared, disabled)", function()
  local r = run("x13", { set = { T_advertised = 32768, has_SWA = false, sliding_window = 4096 } })
  expect_verdict(r, "HONEST")
  expect_eq(step(r, "Effective context").result, 32768, "effective context")
  expect(r.notes[2] and r.notes[2]:find("not in force"), "ghost-window note")
end)

test("X-13 window ≥ context", function()
  local r = run("x13", { set = { T_advertised = 8192, has_SWA = true, sliding_window = 8192 } })
  expect_verdict(r, "HONEST")
  expect_eq(step(r, "Effective context").result, 8192, "effective context")
end)

test("X-13 more sliding layers than layers", function()
  expect_error(function() run("x13", { model = "gemma-2-9b", set = { n_swa_layers = 50 } }) end, "'n_swa_layers' must be <= n_layers", "usage")
end)

test("X-13 without a context", function()
  expect_error(function() run("x13", { set = { has_SWA = true } }) end, "needs the advertised context", "usage")
end)

test("X-13 SSM needs no context", function()
  local r = run("x13", { set = { architecture = "SSM" } })
  expect_verdict(r, "NOT A WINDOW (SEE X-14)")
end)

test("X-13 SWA without its size", function()
  expect_error(function() run("x13", { set = { T_advertised = 8192, has_SWA = true } }) end, "size is unknown", "usage")
end)

test("X-13 without any pattern field", function()
  expect_error(function() run("x13", { set = { T_advertised = 8192 } }) end, "needs the attention pattern", "usage")
end)

test("X-13 unknown architecture", function()
  expect_error(function() run("x13", { set = { T_advertised = 8192, architecture = "transformer" } }) end, "'architecture' must be one of", "usage")
end)

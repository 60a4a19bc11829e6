-- Golden tests for X-14 (Memory Reality). Expected values derived independently by
-- tests/golden/derive_diag.py by hand from upstream memory_reality:
-- detection order HYBRID, SSM, RWKV, LINEAR/TTT, SWA, FULL; compression pressure
-- context/(layers × state), context 131072 when none is declared.
-- Regenerate with: python3 tests/golden/derive_diag.py

test("X-14 llama-3-8b", function()
  local r = run("x14", { model = "llama-3-8b" })
  expect_verdict(r, "FULL ATTENTION")
  expect_eq(r.confidence.pct, 83, "confidence")
  expect_eq(step(r, "Detection").result, "FULL", "class")
  expect_eq(r.key, "8,192 tokens addressable", "key")
end)

test("X-14 qwen2.5-7b", function()
  local r = run("x14", { model = "qwen2.5-7b" })
  expect_verdict(r, "FULL ATTENTION")
end)

test("X-14 mistral-7b", function()
  local r = run("x14", { model = "mistral-7b" })
  expect_verdict(r, "SLIDING WINDOW")
  expect_eq(r.confidence.pct, 83, "confidence")
  expect_eq(step(r, "Recall window").result.window, 4096, "W")
  expect_eq(step(r, "Recall window").result.multi_hop, 8192, "2W")
  expect_eq(step(r, "Recall window").result.receptive_field, 131072, "W × layers")
end)

test("X-14 gemma-2-9b with its layer pattern", function()
  local r = run("x14", { model = "gemma-2-9b", set = { n_swa_layers = 21 } })
  expect_verdict(r, "SLIDING WINDOW")
  expect(r.notes[1] and r.notes[1]:find("21 of 42 layers attend globally"), "global-layer note")
end)

test("X-14 mamba-2.8b: pressure 131072/(64·16) = 128", function()
  local r = run("x14", { set = { architecture = "SSM", n_layers = 64, state_size = 16 } })
  expect_verdict(r, "STATE SPACE (SSM)")
  expect_eq(r.confidence.pct, 83, "confidence")
  expect_eq(step(r, "Compression pressure").result, 128.0, "pressure")
end)

test("X-14 SSM from the reader's state_elements", function()
  local r = run("x14", { set = { architecture = "SSM", T_advertised = 2048, d_model = 2560, state_elements = 5242880 } })
  expect_verdict(r, "STATE SPACE (SSM)")
  expect_eq(step(r, "Compression pressure").result, 1.0, "pressure")
end)

test("X-14 RWKV-6 (declares heads, no KV)", function()
  local r = run("x14", { set = { architecture = "RWKV" } })
  expect_verdict(r, "RWKV")
  expect_eq(r.confidence.pct, 67, "confidence")
end)

test("X-14 GLA", function()
  local r = run("x14", { set = { architecture = "LINEAR", T_advertised = 2048 } })
  expect_verdict(r, "LINEAR ATTENTION")
end)

test("X-14 DeltaNet", function()
  local r = run("x14", { set = { architecture = "TTT", T_advertised = 2048 } })
  expect_verdict(r, "TEST-TIME TRAINING (TTT)")
end)

test("X-14 Jamba: 32/8 = 4 attention layers, MoE 16×2", function()
  local r = run("x14", { set = { architecture = "HYBRID", n_layers = 32, n_attention_layers = 4, n_experts = 16, n_experts_active = 2 } })
  expect_verdict(r, "HYBRID")
  expect_eq(r.confidence.pct, 83, "confidence")
  expect_eq(step(r, "Recall layers").result, 0.125, "fraction")
  expect_eq(step(r, "Mixture of experts").result, 16, "experts")
end)

test("X-14 hybrid inferred from the layer counts", function()
  local r = run("x14", { set = { n_layers = 52, n_attention_layers = 4 } })
  expect_verdict(r, "HYBRID")
  expect_eq(r.confidence.pct, 67, "confidence")
end)

test("X-14 zero attention layers is not a hybrid", function()
  local r = run("x14", { set = { architecture = "SSM", n_layers = 64, n_attention_layers = 0 } })
  expect_verdict(r, "STATE SPACE (SSM)")
end)

test("X-14 detection order: HYBRID wins over SSM", function()
  local r = run("x14", { set = { architecture = "SSM", n_layers = 32, n_attention_layers = 4 } })
  expect_verdict(r, "HYBRID")
end)

test("X-14 MLA", function()
  local r = run("x14", { set = { architecture = "MLA", T_advertised = 163840 } })
  expect_verdict(r, "LATENT ATTENTION (MLA)")
end)

test("X-14 Qwen2.5 ghost window", function()
  local r = run("x14", { set = { architecture = "FULL", sliding_window = 131072, has_SWA = false, T_advertised = 131072 } })
  expect_verdict(r, "FULL ATTENTION")
  expect(r.notes[1] and r.notes[1]:find("not in force"), "ghost note")
end)

test("X-14 window ≥ context is full attention", function()
  local r = run("x14", { set = { has_SWA = true, sliding_window = 4096, T_advertised = 4096 } })
  expect_verdict(r, "FULL ATTENTION")
end)

test("X-14 SWA inferred from the window fields", function()
  local r = run("x14", { set = { has_SWA = true, sliding_window = 4096, T_advertised = 32768 } })
  expect_verdict(r, "SLIDING WINDOW")
  expect_eq(r.confidence.pct, 67, "confidence")
end)

test("X-14 without fields", function()
  expect_error(function() run("x14", {}) end, "needs the architecture", "usage")
end)

test("X-14 unknown architecture", function()
  expect_error(function() run("x14", { set = { architecture = "TRANSFORMER" } }) end, "'architecture' must be one of", "usage")
end)

test("X-14 more attention layers than layers", function()
  expect_error(function() run("x14", { set = { architecture = "HYBRID", n_layers = 32, n_attention_layers = 40 } }) end, "'n_attention_layers' must be <= n_layers", "usage")
end)

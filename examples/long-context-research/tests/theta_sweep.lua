-- Expected values by hand from FORMULAS.md: γ_Padé = (2θ − T√2)/(2θ + T√2),
-- γ_corr = γ_Padé + 0.11 (GQA) − 0.15 (N ≥ 4e8) for Llama-3-8B.

test("llama-3-8b at 131072 tokens is already in zone at θ×1", function()
  -- θ = 5e5, T = 131072: γ_Padé = (1e6 − 185363.8)/(1e6 + 185363.8) = 0.687249…, γ_corr = 0.647249 < 0.65
  -- θ×2 = 1e6: γ_Padé = (2e6 − 185363.8)/(2e6 + 185363.8) = 0.830354…, γ_corr = 0.790354 → in zone
  local r = run("theta_sweep", { model = "llama-3-8b", set = { T_eval = 131072, max_multiplier = 8 } })
  expect_verdict(r, "IN ZONE")
  local rows = step(r, 1).result
  expect_eq(#rows, 4)                                     -- α = 1, 2, 4, 8
  local z = 131072 * math.sqrt(2)
  expect_near(rows[1].gamma_pade, (1e6 - z) / (1e6 + z), 1e-14)
  expect_near(rows[2].gamma_corrected, (2e6 - z) / (2e6 + z) + 0.11 - 0.15, 1e-14)
  expect_eq(rows[1].D_f, nil)
  expect_eq(step(r, 2).result, 2)
end)

test("a tiny θ cannot reach the zone within the multipliers allowed", function()
  -- θ = 100, T = 1e6: even θ×4 = 400 gives γ_Padé ≈ −1 → never in zone
  local r = run("theta_sweep", { set = { theta = 100, T_train = 1000000, n_attention_heads = 8,
                                         n_kv_heads = 8, n_params = 1e8, max_multiplier = 4 } })
  expect_verdict(r, "NO MULTIPLIER FITS")
end)

test("the pack's recipe validates its parameters", function()
  expect_error(function() run("theta_sweep", { model = "llama-3-8b", set = { max_multiplier = 0.5 } }) end,
               "max_multiplier", "usage")
end)

test("the pack's helper module is private to the pack but usable here", function()
  local steps = require "lc_steps"
  expect_near(steps.evaluate(10000, 4096, false, 1e8).gamma_pade, taf.gamma_pade(10000, 4096), 0)
end)

test("every parameter at the edges of its range: an answer or a clear error", function()
  expect_robust("lc-theta", { models = { "llama-3-8b", "qwen2.5-7b" } })
end)

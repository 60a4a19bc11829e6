-- Golden tests for X-22. Expected values derived by tests/golden/derive.py
-- from FORMULAS.md §2: K = γ·ln(N²D), D = 20N by default, z = (K − 51.2)/16.8.
-- Regenerate with: python3 tests/golden/derive.py ../shared

test("X-22 llama-3-8b γ_obs=0.8", function()
  local r = run("x22", { model = "llama-3-8b", set = { gamma_obs = 0.8 } })
  expect_verdict(r, "IN-BAND")
  expect_near(step(r, 1).result, 57.12308352754619, 1e-12, "K")
  expect_near(step(r, 2).result, 0.3525644956872732, 1e-12, "z")
end)

test("X-22 pythia-1b γ_obs=0.6", function()
  local r = run("x22", { model = "pythia-1b", set = { gamma_obs = 0.6, D_tokens = 300000000000.0 } })
  expect_verdict(r, "IN-BAND")
  expect_near(step(r, 1).result, 40.724147991297265, 1e-12, "K")
  expect_near(step(r, 2).result, -0.6235626195656391, 1e-12, "z")
end)

test("X-22 qwen2.5-7b γ_obs=0.2", function()
  local r = run("x22", { model = "qwen2.5-7b", set = { gamma_obs = 0.2 } })
  expect_verdict(r, "OUTLIER")
  expect_near(step(r, 1).result, 14.249994905254017, 1e-12, "K")
  expect_near(step(r, 2).result, -2.1994050651634516, 1e-12, "z")
end)

test("X-22 llama-3.3-70b γ_obs=1.5", function()
  local r = run("x22", { model = "llama-3.3-70b", set = { gamma_obs = 1.5, D_tokens = 15000000000000.0 } })
  expect_verdict(r, "OUTLIER")
  expect_near(step(r, 1).result, 120.42389021253345, 1e-12, "K")
  expect_near(step(r, 2).result, 4.120469655507943, 1e-12, "z")
end)

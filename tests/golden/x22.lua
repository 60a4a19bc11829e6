-- Golden tests for X-22. Expected values derived by tests/golden/derive.py
-- from FORMULAS.md §2: K = γ·ln(N²D), D = 20N by default, z = (K − 51.2)/16.8.
-- Regenerate with: python3 tests/golden/derive.py ../shared

test("X-22 llama-3-8b γ_obs=0.8", function()
  local r = run("x22", { model = "llama-3-8b", set = { gamma_obs = 0.8 } })
  expect_verdict(r, "IN-BAND")
  expect_near(step(r, 1).result, 57.13214477493929, 1e-12, "K")
  expect_near(step(r, 2).result, 0.3531038556511481, 1e-12, "z")
end)

test("X-22 pythia-1b γ_obs=0.6", function()
  local r = run("x22", { model = "pythia-1b", set = { gamma_obs = 0.6, D_tokens = 300000000000.0 } })
  expect_verdict(r, "IN-BAND")
  expect_near(step(r, 1).result, 40.73820331400796, 1e-12, "K")
  expect_near(step(r, 2).result, -0.622725993213812, 1e-12, "z")
end)

test("X-22 qwen2.5-7b γ_obs=0.2", function()
  local r = run("x22", { model = "qwen2.5-7b", set = { gamma_obs = 0.2 } })
  expect_verdict(r, "OUTLIER")
  expect_near(step(r, 1).result, 14.251226522846729, 1e-12, "K")
  expect_near(step(r, 2).result, -2.199331754592457, 1e-12, "z")
end)

test("X-22 llama-3.3-70b γ_obs=1.5", function()
  local r = run("x22", { model = "llama-3.3-70b", set = { gamma_obs = 1.5, D_tokens = 15000000000000.0 } })
  expect_verdict(r, "OUTLIER")
  expect_near(step(r, 1).result, 120.44752712859463, 1e-12, "K")
  expect_near(step(r, 2).result, 4.121876614797299, 1e-12, "z")
end)

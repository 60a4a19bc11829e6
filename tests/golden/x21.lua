-- Golden tests for X-21. Expected values derived by tests/golden/derive.py
-- from FORMULAS.md §2: γ_random = γ_Padé + ν·log10(P_M/P₀), ν = −1/(2π), P₀ = 14;
-- purity clean when |obs − pred| < 0.18.
-- Regenerate with: python3 tests/golden/derive.py ../shared

test("X-21 pythia-1b γ_random_obs=None", function()
  local r = run("x21", { model = "pythia-1b" })
  expect_verdict(r, "PREDICTION ONLY")
  expect_near(step(r, 3).result, 0.45114396808574253, 1e-12, "γ_random predicted")
end)

test("X-21 pythia-1b γ_random_obs=0.55", function()
  local r = run("x21", { model = "pythia-1b", set = { gamma_random_obs = 0.55 } })
  expect_verdict(r, "CLEAN")
  expect_near(step(r, 3).result, 0.45114396808574253, 1e-12, "γ_random predicted")
  expect_near(step(r, 4).result.imprint_residual, 0.09885603191425751, 1e-12, "residual")
end)

test("X-21 llama-3-8b γ_random_obs=0.4", function()
  local r = run("x21", { model = "llama-3-8b", set = { gamma_random_obs = 0.4 } })
  expect_verdict(r, "CLEAN")
  expect_near(step(r, 3).result, 0.5380497993562481, 1e-12, "γ_random predicted")
  expect_near(step(r, 4).result.imprint_residual, -0.13804979935624806, 1e-12, "residual")
end)

test("X-21 llama-3-8b γ_random_obs=0.1", function()
  local r = run("x21", { model = "llama-3-8b", set = { gamma_random_obs = 0.1 } })
  expect_verdict(r, "OVER-IMPRINTED")
  expect_near(step(r, 3).result, 0.5380497993562481, 1e-12, "γ_random predicted")
  expect_near(step(r, 4).result.imprint_residual, -0.4380497993562481, 1e-12, "residual")
end)

test("X-21 qwen2.5-7b γ_random_obs=1.3", function()
  local r = run("x21", { model = "qwen2.5-7b", set = { gamma_random_obs = 1.3 } })
  expect_verdict(r, "UNDER-IMPRINTED")
  expect_near(step(r, 3).result, 0.3949782561494511, 1e-12, "γ_random predicted")
  expect_near(step(r, 4).result.imprint_residual, 0.905021743850549, 1e-12, "residual")
end)

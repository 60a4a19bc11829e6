-- Golden tests for X-12 (Measure γ). Expected values derived independently by
-- tests/golden/derive_diag.py from the cookbook receipt rule
-- (R² > 0.95 reliable, ≥ 0.85 coarse) with γ/R² measured in the γ atlas.
-- Regenerate with: python3 tests/golden/derive_diag.py

-- γ = 0.8 by construction, R² = 1
test("X-12 profiles an exact power law", function()
  local r = run("x12", { set = { attention = "tests/golden/fixtures/power_law_0.8.json" } })
  expect_verdict(r, "RELIABLE")
  expect_near(step(r, "Power-law fit").result, 0.8000000000000003, 1e-09, "Power-law fit")
  expect_eq(step(r, "Fit receipt").inputs.R2, 1.0, "R²")
  expect_eq(step(r, "Fit receipt").inputs.n_points, 7, "points")
  expect_eq(r.confidence.pct, 100, "confidence")
end)

-- OLS of ln(0.02·e^(−d/300)) on −ln d over the atlas fit range: γ = 1.368265, R² = 0.781842
test("X-12 profiles an exponential tail", function()
  local r = run("x12", { set = { attention = "tests/golden/fixtures/exponential_300.json" } })
  expect_verdict(r, "UNRELIABLE")
  expect_near(step(r, "Power-law fit").result, 1.368265080311312, 1e-09, "Power-law fit")
  expect_eq(step(r, "Fit receipt").inputs.R2, 0.781842, "R²")
end)

-- γ, R², n_points from data/atlas/meta-llama--Meta-Llama-3-8B_random.json
test("X-12 atlas meta-llama--Meta-Llama-3-8B_random.json", function()
  local r = run("x12", { set = { gamma_obs = 0.7589145044527899, R2 = 0.984284, n_points = 7 } })
  expect_verdict(r, "RELIABLE")
  expect_near(step(r, "Power-law fit").result, 0.7589145044527899, 1e-12, "Power-law fit")
  expect_eq(step(r, "Fit receipt").result, "reliable", "receipt")
  expect_eq(step(r, "Phase").receipt, "analogy", "phase receipt")
  expect_eq(r.confidence.pct, 83, "confidence")
end)

-- γ, R², n_points from data/atlas/Qwen--Qwen2.5-7B_mongo.json
test("X-12 atlas Qwen--Qwen2.5-7B_mongo.json", function()
  local r = run("x12", { set = { gamma_obs = 0.9966953735480816, R2 = 0.993942, n_points = 7 } })
  expect_verdict(r, "RELIABLE")
  expect_near(step(r, "Power-law fit").result, 0.9966953735480816, 1e-12, "Power-law fit")
  expect_eq(step(r, "Fit receipt").result, "reliable", "receipt")
  expect_eq(step(r, "Phase").receipt, "analogy", "phase receipt")
  expect_eq(r.confidence.pct, 83, "confidence")
end)

-- γ, R², n_points from data/atlas/EleutherAI--pythia-2.8b_mongo.json
test("X-12 atlas EleutherAI--pythia-2.8b_mongo.json", function()
  local r = run("x12", { set = { gamma_obs = 0.6741618914822415, R2 = 0.999287, n_points = 3 } })
  expect_verdict(r, "RELIABLE")
  expect_near(step(r, "Power-law fit").result, 0.6741618914822415, 1e-12, "Power-law fit")
  expect_eq(step(r, "Fit receipt").result, "reliable", "receipt")
  expect_eq(step(r, "Phase").receipt, "analogy", "phase receipt")
  expect_eq(r.confidence.pct, 67, "confidence")
end)

-- γ, R², n_points from data/atlas/gpt2_mongo.json
test("X-12 atlas gpt2_mongo.json", function()
  local r = run("x12", { set = { gamma_obs = 1.0231174997210821, R2 = 0.955115, n_points = 5 } })
  expect_verdict(r, "RELIABLE")
  expect_near(step(r, "Power-law fit").result, 1.0231174997210821, 1e-12, "Power-law fit")
  expect_eq(step(r, "Fit receipt").result, "reliable", "receipt")
  expect_eq(step(r, "Phase").receipt, "analogy", "phase receipt")
  expect_eq(r.confidence.pct, 83, "confidence")
end)

test("X-12 with a sink mass and a model (ignored)", function()
  local r = run("x12", { model = "llama-3-8b", set = { gamma_obs = 0.84, R2 = 0.9, sink_mass = 0.38 } })
  expect_verdict(r, "COARSE")
  expect_near(step(r, "Power-law fit").result, 0.84, 1e-12, "Power-law fit")
  expect_eq(step(r, "Fit receipt").result, "coarse", "receipt")
  expect_eq(step(r, "Phase").receipt, "analogy", "phase receipt")
  expect_eq(r.confidence.pct, 50, "confidence")
  expect_near(step(r, "Sink mass").result, 0.38, 1e-12, "Sink mass")
end)

test("X-12 receipt edge R² = 0.9500001", function()
  local r = run("x12", { set = { gamma_obs = 0.8, R2 = 0.9500001, n_points = 7 } })
  expect_verdict(r, "RELIABLE")
  expect_near(step(r, "Power-law fit").result, 0.8, 1e-12, "Power-law fit")
  expect_eq(step(r, "Fit receipt").result, "reliable", "receipt")
  expect_eq(step(r, "Phase").receipt, "analogy", "phase receipt")
  expect_eq(r.confidence.pct, 83, "confidence")
end)

test("X-12 receipt edge R² = 0.95", function()
  local r = run("x12", { set = { gamma_obs = 0.8, R2 = 0.95, n_points = 7 } })
  expect_verdict(r, "COARSE")
  expect_near(step(r, "Power-law fit").result, 0.8, 1e-12, "Power-law fit")
  expect_eq(step(r, "Fit receipt").result, "coarse", "receipt")
  expect_eq(step(r, "Phase").receipt, "analogy", "phase receipt")
  expect_eq(r.confidence.pct, 67, "confidence")
end)

test("X-12 receipt edge R² = 0.85", function()
  local r = run("x12", { set = { gamma_obs = 0.8, R2 = 0.85, n_points = 7 } })
  expect_verdict(r, "COARSE")
  expect_near(step(r, "Power-law fit").result, 0.8, 1e-12, "Power-law fit")
  expect_eq(step(r, "Fit receipt").result, "coarse", "receipt")
  expect_eq(step(r, "Phase").receipt, "analogy", "phase receipt")
  expect_eq(r.confidence.pct, 67, "confidence")
end)

test("X-12 receipt edge R² = 0.8499999", function()
  local r = run("x12", { set = { gamma_obs = 0.8, R2 = 0.8499999, n_points = 7 } })
  expect_verdict(r, "UNRELIABLE")
  expect_near(step(r, "Power-law fit").result, 0.8, 1e-12, "Power-law fit")
  expect_eq(step(r, "Fit receipt").result, "unreliable", "receipt")
  expect_eq(step(r, "Phase").receipt, "analogy", "phase receipt")
  expect_eq(r.confidence.pct, 50, "confidence")
end)

test("X-12 receipt edge R² = 0.3", function()
  local r = run("x12", { set = { gamma_obs = 0.8, R2 = 0.3, n_points = 7 } })
  expect_verdict(r, "UNRELIABLE")
  expect_near(step(r, "Power-law fit").result, 0.8, 1e-12, "Power-law fit")
  expect_eq(step(r, "Fit receipt").result, "unreliable", "receipt")
  expect_eq(step(r, "Phase").receipt, "analogy", "phase receipt")
  expect_eq(r.confidence.pct, 50, "confidence")
end)

test("X-12 fit points n = 2", function()
  local r = run("x12", { set = { gamma_obs = 0.8, R2 = 1, n_points = 2 } })
  expect_verdict(r, "UNRELIABLE")
  expect_near(step(r, "Power-law fit").result, 0.8, 1e-12, "Power-law fit")
  expect_eq(step(r, "Fit receipt").result, "unreliable", "receipt")
  expect_eq(step(r, "Phase").receipt, "analogy", "phase receipt")
  expect_eq(r.confidence.pct, 17, "confidence")
end)

test("X-12 fit points n = 3", function()
  local r = run("x12", { set = { gamma_obs = 0.8, R2 = 1, n_points = 3 } })
  expect_verdict(r, "RELIABLE")
  expect_near(step(r, "Power-law fit").result, 0.8, 1e-12, "Power-law fit")
  expect_eq(step(r, "Fit receipt").result, "reliable", "receipt")
  expect_eq(step(r, "Phase").receipt, "analogy", "phase receipt")
  expect_eq(r.confidence.pct, 67, "confidence")
end)

test("X-12 fit points n = 4", function()
  local r = run("x12", { set = { gamma_obs = 0.8, R2 = 1, n_points = 4 } })
  expect_verdict(r, "RELIABLE")
  expect_near(step(r, "Power-law fit").result, 0.8, 1e-12, "Power-law fit")
  expect_eq(step(r, "Fit receipt").result, "reliable", "receipt")
  expect_eq(step(r, "Phase").receipt, "analogy", "phase receipt")
  expect_eq(r.confidence.pct, 67, "confidence")
end)

test("X-12 fit points n = 5", function()
  local r = run("x12", { set = { gamma_obs = 0.8, R2 = 1, n_points = 5 } })
  expect_verdict(r, "RELIABLE")
  expect_near(step(r, "Power-law fit").result, 0.8, 1e-12, "Power-law fit")
  expect_eq(step(r, "Fit receipt").result, "reliable", "receipt")
  expect_eq(step(r, "Phase").receipt, "analogy", "phase receipt")
  expect_eq(r.confidence.pct, 83, "confidence")
end)

-- An attention file goes through taf.profile; without the kernel the recipe
-- says so (exit 2), with it an unreadable file is a usage error naming the file.
test("X-12 attention file", function()
  if taf.profile == nil then
    expect_error(function() run("x12", { set = { attention = "tests/golden/none.npy" } }) end, "needs taf.profile", "usage")
  else
    expect_error(function() run("x12", { set = { attention = "tests/golden/none.npy" } }) end, "none%.npy", "usage")
  end
end)

test("X-12 without inputs", function()
  expect_error(function() run("x12", { model = "llama-3-8b" }) end, "needs an attention file", "usage")
end)

test("X-12 γ without R²", function()
  expect_error(function() run("x12", { set = { gamma_obs = 0.8 } }) end, "needs the R²", "usage")
end)

test("X-12 R² above 1", function()
  expect_error(function() run("x12", { set = { gamma_obs = 0.8, R2 = 1.2 } }) end, "'R2' must be number <= 1", "usage")
end)

test("X-12 negative point count", function()
  expect_error(function() run("x12", { set = { gamma_obs = 0.8, R2 = 0.9, n_points = -1 } }) end, "'n_points' must be integer >= 0", "usage")
end)

test("X-12 fit range reversed", function()
  expect_error(function() run("x12", { set = { attention = "tests/golden/none.npy", fit_d1 = 100, fit_d2 = 50 } }) end, "'fit_d2' must be > fit_d1", "usage")
end)

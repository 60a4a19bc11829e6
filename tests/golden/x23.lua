-- Golden tests for X-23. Expected values derived by tests/golden/derive.py
-- by hand from FORMULAS.md §2/§4: post-IH expected iff N ≥ 4e8; Δγ = text − random
-- > 0 post-IH, < 0 pre-IH, = 0 ambiguous (→ ANOMALY against any expectation).
-- Regenerate with: python3 tests/golden/derive.py ../shared

test("X-23 N=1.4e+08 text=None random=None", function()
  local r = run("x23", { set = { n_params = 140000000.0 } })
  expect_verdict(r, "PREDICTED PRE-IH")
end)

test("X-23 N=8e+09 text=None random=None", function()
  local r = run("x23", { set = { n_params = 8000000000.0 } })
  expect_verdict(r, "PREDICTED POST-IH")
end)

test("X-23 N=8e+09 text=0.7 random=0.5", function()
  local r = run("x23", { set = { n_params = 8000000000.0, gamma_text = 0.7, gamma_random = 0.5 } })
  expect_verdict(r, "CONFIRMED POST-IH")
end)

test("X-23 N=7e+07 text=0.4 random=0.6", function()
  local r = run("x23", { set = { n_params = 70000000.0, gamma_text = 0.4, gamma_random = 0.6 } })
  expect_verdict(r, "CONFIRMED PRE-IH")
end)

test("X-23 N=8e+09 text=0.4 random=0.6", function()
  local r = run("x23", { set = { n_params = 8000000000.0, gamma_text = 0.4, gamma_random = 0.6 } })
  expect_verdict(r, "ANOMALY")
end)

test("X-23 N=4e+08 text=0.5 random=0.5", function()
  local r = run("x23", { set = { n_params = 400000000.0, gamma_text = 0.5, gamma_random = 0.5 } })
  expect_verdict(r, "ANOMALY")
end)

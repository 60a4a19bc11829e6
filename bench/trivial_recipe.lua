-- The sweep benchmark's floor: a recipe that does nothing but return a verdict,
-- so its points cost only the sweep itself (parameters, sandbox budget, rows).
return recipe {
  id = "BENCH-0", name = "Empty recipe", question = "What does a sweep point cost without a recipe?",
  category = "bench", sections = { "§0" }, verdicts = { "SHORT", "LONG" },
  params = { T_eval = integer { min = 1, default = 1, doc = "evaluation length (tokens)" } },
  run = function(p, chain)
    chain:factor("none", "ok")
    return { verdict = p.T_eval > 50000 and "LONG" or "SHORT", reason = "-", mitigation = "-" }
  end,
}

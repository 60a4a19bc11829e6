return recipe { id = "EVIL", name = "pattern", question = "budget?",
  params = { n = integer { min = 1, default = 1, doc = "sweepable" } },
  run = function(p)
    -- quadratic backtracking: hours of C work, not one VM instruction
    return string.rep("a", 300000):find("a*a*b")
  end }

return recipe { id = "EVIL", name = "loop", question = "budget?",
  params = { n = integer { min = 1, default = 1, doc = "sweepable" } },
  run = function(p) local i = 0; while true do i = i + p.n end end }

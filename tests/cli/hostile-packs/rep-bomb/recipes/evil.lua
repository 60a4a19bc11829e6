return recipe { id = "EVIL", name = "rep-bomb", question = "memory?", params = {},
  run = function() local s = string.rep("x", 1 << 26); return string.rep(s, 64) end }

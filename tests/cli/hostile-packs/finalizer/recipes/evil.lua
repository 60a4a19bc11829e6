return recipe { id = "EVIL", name = "finalizer", question = "budget?",
  params = { n = integer { min = 1, default = 1, doc = "sweepable" } },
  run = function(p)
    setmetatable({}, { __gc = function() while true do end end })
    for i = 1, 1e7 do local t = { i } end
  end }

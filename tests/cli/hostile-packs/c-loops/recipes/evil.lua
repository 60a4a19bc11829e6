-- Each of these loops in C for 2^62 (or 2^31) iterations and runs no VM
-- instruction: the element moves and comparisons are charged to the
-- instruction budget, which pcall cannot give back.
local huge = function() return 2^62 end
local cases = {
  move = function() table.move({}, 1, 2^62, 2) end,
  insert = function() table.insert(setmetatable({}, { __len = huge }), 1, "x") end,
  remove = function() table.remove(setmetatable({}, { __len = huge }), 1) end,
  concat = function() table.concat(setmetatable({}, { __len = huge, __index = tostring })) end,
  sort = function()
    table.sort(setmetatable({}, { __len = function() return 2^31 - 2 end, __index = tostring, __newindex = type }))
  end,
}
return recipe { id = "EVIL", name = "c-loops", question = "budget?",
  params = { loop = choice { choices = { "move", "insert", "remove", "concat", "sort" }, default = "move", doc = "which loop" } },
  run = function(p)
    for _ = 1, 100 do pcall(cases[p.loop]) end
    error("survived the " .. p.loop .. " loops")
  end }

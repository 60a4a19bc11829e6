-- The JSON encoder reads tables raw: none of these metamethods is called
-- while --json writes the result (no script code runs inside the encoder).
local raise = function() error("a metamethod was called") end
local order = setmetatable({ "b", "a", "b", 7 }, { __index = raise, __len = raise })
local hostile = setmetatable({ a = 1, c = 3 }, { __jsonorder = order, __index = raise, __pairs = raise })
local sealed = setmetatable({ z = true }, setmetatable({}, { __index = raise }))
return recipe { id = "EVIL", name = "json-metadata", question = "encoded raw?",
  params = { mode = choice { choices = { "metamethods", "function" }, default = "metamethods", doc = "what the result holds" } },
  run = function(p, chain)
    chain:factor("raw", "ok")
    local extra = { hostile = hostile, sealed = sealed }
    if p.mode == "function" then extra.hostile = { f = raise } end
    return { verdict = "X", reason = "r", mitigation = "m", extra = extra }
  end }

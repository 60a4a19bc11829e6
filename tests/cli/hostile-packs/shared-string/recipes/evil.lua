-- One string shared by every entry costs 1 MiB in Lua, but its JSON text
-- is written once per entry: the encoder stops at the memory cap.
return recipe { id = "EVIL", name = "shared-string", question = "memory?", params = {},
  run = function(p, chain)
    chain:factor("shared", "ok")
    local s, many = string.rep("x", 1 << 20), {}
    for i = 1, 100000 do many[i] = s end
    return { verdict = "X", reason = "r", mitigation = "m", extra = { many = many } }
  end }

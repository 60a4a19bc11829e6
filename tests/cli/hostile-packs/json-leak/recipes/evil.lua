-- Fill the Lua stack until a deep encode or decode no longer fits in what is
-- left, then fail both 200 times under pcall: each failure happens after the
-- text (1 MiB) or the parsed tree is allocated, and each must be freed then
-- (LeakSanitizer in the ASan build; memory would grow by 200 MiB otherwise).
local nested = string.rep("[", 1500) .. string.rep("]", 1500)
local deep = {}
local v = deep
for _ = 1, 90 do v[1] = {}; v = v[1] end
local payload = { string.rep("x", 1 << 20), deep }
local depth = 0
local function frame(n, stop)
  local a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20
  if not stop then
    depth = n
  elseif n == stop then
    local failed = 0
    for _ = 1, 200 do
      if not pcall(taf.json.decode, nested) then failed = failed + 1 end
      if not pcall(taf.json.encode, payload) then failed = failed + 1 end
    end
    error(string.format("%d of 400 calls failed", failed), 0)
  end
  return frame(n + 1, stop) + 0
end
return recipe { id = "EVIL", name = "json-leak", question = "leaks?", params = {},
  run = function()
    pcall(frame, 1)
    frame(1, depth - 3)
  end }

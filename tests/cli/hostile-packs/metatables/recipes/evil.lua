-- every attempt must fail; the recipe reports which ones succeeded
return recipe { id = "EVIL", name = "metatables", question = "tamper?", params = {},
  run = function()
    local won = {}
    local function try(name, f) if pcall(f) then won[#won + 1] = name end end
    try("string metatable", function() getmetatable("").__index = {} end)
    try("setmetatable(taf)", function() setmetatable(taf, {}) end)
    try("taf field", function() taf.gamma_pade = function() return 0 end end)
    try("taf.json field", function() taf.json.encode = nil end)
    try("string.format", function() string.format = nil end)
    try("math.huge", function() math.pi = 3 end)
    try("lib module", function() require("lib.runner").run = nil end)
    try("lib nested table", function() require("lib.dsl").RECEIPTS.made_up = true end)
    try("result dict metatable", function() setmetatable(taf.kv_cache_memory(1, 1, 1, 1), {}) end)
    error("tampered: [" .. table.concat(won, ",") .. "]")
  end }

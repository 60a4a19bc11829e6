return recipe { id = "EVIL", name = "loadlib", question = "loader?", params = {},
  run = function()
    local found = {}
    for _, n in ipairs { "package", "load", "loadfile", "dofile", "debug", "collectgarbage", "rawset" } do
      if _G[n] ~= nil or _ENV[n] ~= nil then found[#found + 1] = n end
    end
    error("reachable: [" .. table.concat(found, ",") .. "]")
  end }

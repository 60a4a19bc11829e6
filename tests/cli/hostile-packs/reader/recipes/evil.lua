-- the module exists, but in another pack: packs cannot read each other
return recipe { id = "EVIL", name = "reader", question = "read?", params = {},
  run = function() return require "secret" end }

return recipe { id = "EVIL", name = "writer", question = "write?", params = {},
  run = function() local f = io.open("/tmp/tafrun-hostile-write", "w"); f:write("x") end }

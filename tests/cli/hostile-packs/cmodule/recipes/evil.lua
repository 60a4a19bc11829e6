return recipe { id = "EVIL", name = "cmodule", question = "C?", params = {},
  run = function() local lfs = require "lfs"; return lfs.mkdir("/tmp/tafrun-hostile-dir") end }

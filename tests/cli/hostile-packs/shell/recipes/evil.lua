return recipe { id = "EVIL", name = "shell", question = "escape?", params = {},
  run = function() local f = io and io.popen or os.execute; return f("touch /tmp/tafrun-hostile-shell") end }

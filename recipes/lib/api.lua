-- Functions of the `taf` module that are written in Lua: catalog access and
-- running one recipe from another. The host attaches them at start-up.
local catalog = require "lib.catalog"
local errors = require "lib.errors"

return {
  gpu = catalog.gpu, gpus = catalog.gpus,
  api = catalog.api, apis = catalog.apis,
  model = catalog.model, models = catalog.models,
  -- taf.input_error(fmt, …): stop with a usage error (exit 2) naming the bad or missing input
  input_error = errors.usage,
  -- taf.run_recipe("x4", { model = "llama-3-8b", set = { T_eval = 32768 } }) → result table
  run_recipe = function(ref, opts) return require("lib.runner").run_ref(ref, opts) end,
}

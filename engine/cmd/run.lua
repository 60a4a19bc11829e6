-- tafrun RECIPE: one recipe on one model (a preset, a config.json or a GGUF
-- header), every parameter validated before it runs; the result of SPEC §4.
local host, use = ...
local runner = use "runner"
local params = use "params"

return {
  synopsis = { "tafrun RECIPE [--model ID | --config PATH | --gguf PATH] [--set KEY=VALUE]... [--format text|json|markdown] [--json]" },
  about = "run a recipe: an id (x19, X-19) or a path to a .lua file",
  options = { "--model", "--config", "--gguf", "--set" },
  run = function(o)
    local r = runner.find(o.target)
    local model = use("readers").from_options(o)
    return runner.run(r, model, params.typed_sets(o.sets))
  end,
}

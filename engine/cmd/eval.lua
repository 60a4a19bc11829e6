-- tafrun -e CHUNK: Lua with `taf` loaded, like lua -e; print goes to stdout.
-- The chunk runs in the same sandbox as a recipe. Under --trust (your own
-- code, no sandbox) it also receives the engine's module loader as `...`,
-- for benchmarks and debugging: local use = ...; use("runner").find("x2").
local host, use = ...
local errors = use "errors"

return {
  synopsis = { "tafrun -e CHUNK" },
  about = "run Lua with the taf module loaded, like lua -e",
  run = function(o)
    local chunk, err = host.load_chunk(o.target, "=(command line)")
    if not chunk then errors.usage("%s", err) end
    chunk(o.trust and use or nil)
    return nil
  end,
}

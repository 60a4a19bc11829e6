-- tafrun test [DIR]: a pack's tests (DIR/tests/*.lua) or DIR/*.lua, with the
-- assertion API of engine/core/testing.lua; the report goes to stdout and any
-- failure makes the exit code 1.
local host, use = ...

return {
  synopsis = { "tafrun test [PACK_DIR | DIR]" },
  about = "run a pack's tests (DIR/tests/*.lua, or DIR/*.lua); 'N passed, N failed'",
  run = function(o)
    local report, failed = use("testing").run_dir(o.target)
    return report, failed > 0 and 1 or 0
  end,
}

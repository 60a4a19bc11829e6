# The engine's own Lua (engine/core, engine/cmd) is out of every script's
# reach: no require name, spelling or path loads it, no chunk is taken as
# bytecode, and a file's top level runs under a small declaration budget of
# its own (10^7 steps, 64 MiB), so list and show stay cheap. Each hostile case
# ends in exit 1 with nothing written.

# the old escape: lib.cli's sweep wrote any path; now the name is unknown
$ tafrun tests/cli/fixtures/engine/cli_escape.lua; rc=$?; test ! -e /tmp/tafrun-engine-escape.jsonl && exit $rc
! tafrun: tests/cli/fixtures/engine/cli_escape.lua:3: require: module 'lib.cli' not found on the recipe path
[1]

$ tafrun -e 'local cli = require "lib.cli"'
! tafrun: (command line):1: require: module 'lib.cli' not found on the recipe path
[1]

# every engine module name under every prefix a require might try
$ tafrun tests/cli/fixtures/engine/engine_names.lua
! tafrun: tests/cli/fixtures/engine/engine_names.lua:17: loaded: []
!   (in T-NAMES Engine names, step 1)
[1]

$ tafrun tests/cli/fixtures/engine/traversal.lua
! tafrun: tests/cli/fixtures/engine/traversal.lua:2: require: invalid module name 'lib.../../../etc.passwd'
[1]

$ tafrun -e 'require "lib..cli"'
! tafrun: (command line):1: require: invalid module name 'lib..cli'
[1]

# the recipe helpers are still there, and hold no engine function
$ tafrun -e 'local n = 0; for _, m in ipairs { "fmt", "hw", "kv", "measure", "memory_class", "model_params", "errors" } do for k, v in pairs(require("lib." .. m)) do n = n + 1 end end; print(n > 0)'
  true

# text chunks only: a recipe, and a pack module, that are bytecode
$ tafrun tests/cli/fixtures/engine/bytecode.lua
! tafrun: tests/cli/fixtures/engine/bytecode.lua is a precompiled (binary) chunk; tafrun loads Lua source text only
[1]

$ tafrun --pack tests/cli/hostile-packs/bytecode evil
! tafrun: tests/cli/hostile-packs/bytecode/recipes/blob.lua is a precompiled (binary) chunk; tafrun loads Lua source text only
[1]

# declarations that loop or allocate at load time
$ tafrun show tests/cli/fixtures/engine/declare_loop.lua
! tafrun: tests/cli/fixtures/engine/declare_loop.lua: its top level took more than 10000000 steps (a recipe, preset, catalog or pack file only declares at load time; do the work in run)
[1]

$ tafrun tests/cli/fixtures/engine/declare_pcall.lua
! tafrun: tests/cli/fixtures/engine/declare_pcall.lua: its top level took more than 10000000 steps (a recipe, preset, catalog or pack file only declares at load time; do the work in run)
[1]

$ tafrun tests/cli/fixtures/engine/declare_alloc.lua
! tafrun: tests/cli/fixtures/engine/declare_alloc.lua: its top level took more than 64 MiB (a recipe, preset, catalog or pack file only declares at load time; do the work in run)
[1]

# list goes on past a pack recipe that never finishes declaring
$ tafrun --pack tests/cli/hostile-packs/declare-loop list | grep evil
  evil  \(does not load\) +hostile-declare-loop  tests/cli/hostile-packs/declare-loop/recipes/evil.lua: its top level took more than 10000000 steps .* (re)

# --verbose adds the Lua traceback to a runtime error; a usage error stays one line
$ tafrun --verbose tests/cli/fixtures/raises.lua 2>&1 | grep -c 'stack traceback'
  1

$ tafrun --verbose x19 --model nope
! tafrun: unknown model 'nope'; nearest: gpt2, phi-4, gpt-j-6b (see 'tafrun list models')
[2]

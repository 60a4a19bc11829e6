# Hostile and broken recipes: the sandbox stops them with exit 1 and a clear
# message, and nothing reaches stdout.

$ tafrun tests/cli/fixtures/infinite_loop.lua --max-steps 1000000
! tafrun: script stopped: instruction budget exhausted (1000000 steps; raise it with --max-steps or --trust)
[1]

$ tafrun tests/cli/fixtures/memory_bomb.lua --max-mem 64
! tafrun: script stopped: memory cap exceeded (64 MiB; raise it with --max-mem)
[1]

$ tafrun tests/cli/fixtures/shell_escape.lua; rc=$?; test ! -e /tmp/tafrun-escaped && exit $rc
! tafrun: tests/cli/fixtures/shell_escape.lua:6: attempt to call a nil value (field 'execute')
!   (in T-ESC Shell escape, step 1)
[1]

$ tafrun tests/cli/fixtures/io_escape.lua
! tafrun: tests/cli/fixtures/io_escape.lua:16: exposed: []
!   (in T-IO IO escape, step 1)
[1]

$ tafrun tests/cli/fixtures/deep_recursion.lua
! tafrun: tests/cli/fixtures/deep_recursion.lua:6: stack overflow
!   (in T-REC Deep recursion, step 1)
[1]

$ tafrun tests/cli/fixtures/syntax_error.lua
! tafrun: tests/cli/fixtures/syntax_error.lua:4: '}' expected (to close '{' at line 1) near 'question'
[1]

$ tafrun tests/cli/fixtures/not_a_recipe.lua
! tafrun: tests/cli/fixtures/not_a_recipe.lua does not return recipe { … }
[2]

# a formula's domain error names the recipe line and the step that failed
$ tafrun tests/cli/fixtures/raises.lua
! tafrun: tests/cli/fixtures/raises.lua:7: gamma_target must be in (-1, 1)
!   (in T-RAISE Raises, step 2, after 'first')
[1]

# -e chunks are sandboxed too, unless --trust
$ tafrun -e 'print(io, os.execute, require("os"))'
! tafrun: (command line):1: require: module 'os' not found on the recipe path
[1]

$ tafrun --trust -e 'print(type(io), type(os.execute))'
  table	function

$ tafrun -e 'print(taf.gamma_pade(10000, 4096))'
  0.55083128182571

# pairs() over a read-only table hands out the proxy, never the table behind it
$ tafrun -e 'local _, s = pairs(string); s.rep = nil'
! tafrun: (command line):1: attempt to modify a read-only table (field 'rep')
[1]

# a budget spent inside a coroutine stops the main thread too
$ tafrun --max-steps 100000 -e 'local spin = function() while true do end end; pcall(coroutine.wrap(spin)); while true do pcall(spin) end'
! tafrun: script stopped: instruction budget exhausted (100000 steps; raise it with --max-steps or --trust)
[1]

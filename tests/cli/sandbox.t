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

# ── C loops the VM never counts (hardening class 4) ──
# string.rep of nothing is "" at once, whatever the count
$ tafrun --max-steps 100000 -e 'local a, b = string.rep("", 2^62), (""):rep(2^62, ""); error(("rep: %q %q"):format(a, b), 0)'
! tafrun: rep: "" ""
[1]

# the table library's loops are charged to the instruction budget: a huge
# range, or a lying __len, stops at once, and pcall cannot give the budget back
$ tafrun --max-steps 100000 -e 'table.move({}, 1, 2^62, 2)'
! tafrun: script stopped: instruction budget exhausted (100000 steps; raise it with --max-steps or --trust)
[1]

$ tafrun --max-steps 100000 -e 'local t = setmetatable({}, { __len = function() return 2^62 end }); for i = 1, 100 do pcall(table.insert, t, 1, "x"); pcall(table.remove, t, 1) end'
! tafrun: script stopped: instruction budget exhausted (100000 steps; raise it with --max-steps or --trust)
[1]

$ tafrun --max-steps 100000 -e 'table.concat(setmetatable({}, { __len = function() return 2^62 end, __index = tostring }))'
! tafrun: script stopped: instruction budget exhausted (100000 steps; raise it with --max-steps or --trust)
[1]

$ tafrun --max-steps 100000 -e 'table.sort(setmetatable({}, { __len = function() return 2^31 - 2 end, __index = tostring, __newindex = type }))'
! tafrun: script stopped: instruction budget exhausted (100000 steps; raise it with --max-steps or --trust)
[1]

# the length is asked once: a __len cannot answer the charge small and the loop huge
$ tafrun --max-steps 100000 -e 'local n = 0; local t = setmetatable({}, { __len = function() n = n + 1; return n == 1 and 3 or 2^62 end }); table.insert(t, 1, "x"); error("__len asked " .. n .. " time(s)", 0)'
! tafrun: __len asked 1 time(s)
[1]

# the rest of the class is bounded already: unpack by the stack, a width by Lua's format check
$ tafrun --max-steps 100000 -e 'table.unpack(setmetatable({}, { __len = function() return 2^62 end }))'
! tafrun: (command line):1: too many results to unpack
[1]

$ tafrun --max-steps 100000 -e 'string.format("%99999999d", 1)'
! tafrun: (command line):1: invalid conversion specification: '%99999999d'
[1]

# ── error objects: reported protected, described raw (class 5) ──
$ tafrun -e 'error({ code = 42 })'
! tafrun: (command line):1: {code = 42}
[1]

# at most 8 fields, in order (positions, then names), nested tables as {…}, no metamethod called
$ tafrun -e 'error(setmetatable({ "first", 2.5, code = 42, msg = "disk\nfull", nested = { 1 }, [true] = print, ["a b"] = 1, z1 = 1, z2 = 2 }, { __index = error, __pairs = error }))'
! tafrun: (command line):1: {"first", 2.5, ["a b"] = 1, code = 42, msg = "disk\nfull", nested = {…}, z1 = 1, z2 = 2, …}
[1]

$ tafrun -e 'error(setmetatable({}, { __tostring = function() error("tostring failed") end }))'
! tafrun: (command line):1: (error object is a table value whose __tostring raised: (command line):1: tostring failed)
[1]

$ tafrun -e 'local e; e = setmetatable({}, { __tostring = function() error(e) end }); error(e)'
! tafrun: (command line):1: (error object is a table value whose __tostring raised: {})
[1]

$ tafrun -e 'error(setmetatable({}, { __tostring = function() return {} end }))'
! tafrun: (command line):1: (error object is a table value whose __tostring raised: '__tostring' must return a string)
[1]

# a __tostring that never returns spends the budget, not the handler's life
$ tafrun --max-steps 100000 -e 'error(setmetatable({}, { __tostring = function() while true do end end }))'
! tafrun: script stopped: instruction budget exhausted (100000 steps; raise it with --max-steps or --trust)
[1]

$ tafrun -e 'error(setmetatable({}, { __tostring = function() return "a custom failure" end }))'
! tafrun: a custom failure
[1]

$ tafrun -e 'error()'
! tafrun: (command line):1: (error object is a nil value)
[1]

# ── memory outside the cap (class 7) ──
# JSON text is bounded by the memory cap: a table shared 2^60 times over
$ tafrun --max-mem 4 -e 'local a = {}; for i = 1, 60 do a = { a, a } end; error(select(2, pcall(taf.json.encode, a)), 0)'
! tafrun: json.encode: the result is larger than the memory cap (4 MiB; raise it with --max-mem)
[1]

# keys the encoder skips are still counted: one table of 10^4 table keys, met 10^4 times
$ tafrun --max-steps 1000000 -e 'local t, list = {}, {}; for i = 1, 10000 do t[{}] = true end; for i = 1, 10000 do list[i] = t end; pcall(taf.json.encode, list)'
! tafrun: script stopped: instruction budget exhausted (1000000 steps; raise it with --max-steps or --trust)
[1]

# array arguments are read raw: a lying __len sizes nothing
$ tafrun -e 'taf.kl_divergence(setmetatable({}, { __len = function() return 1e8 end, __index = function() return 1 end }), { 1 })'
! tafrun: (command line):1: bad argument #1 to 'kl_divergence' (p must not be empty)
[1]

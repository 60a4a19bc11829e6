# Hostile third-party packs (SPEC §10): every escape ends with exit 1 and a
# clear message; nothing is written outside, no output file is left behind.

$ tafrun --pack tests/cli/hostile-packs/shell evil; rc=$?; test ! -e /tmp/tafrun-hostile-shell && exit $rc
! tafrun: tests/cli/hostile-packs/shell/recipes/evil.lua:2: attempt to call a nil value (local 'f')
!   (in EVIL shell, step 1)
[1]

$ tafrun --pack tests/cli/hostile-packs/writer evil; rc=$?; test ! -e /tmp/tafrun-hostile-write && exit $rc
! tafrun: tests/cli/hostile-packs/writer/recipes/evil.lua:2: attempt to index a nil value (global 'io')
!   (in EVIL writer, step 1)
[1]

# another pack's module is invisible, even with both packs on the path
$ tafrun --pack tests/cli/hostile-packs/victim --pack tests/cli/hostile-packs/reader evil
! tafrun: tests/cli/hostile-packs/reader/recipes/evil.lua:3: require: module 'secret' not found on the recipe path of this pack
!   (in EVIL reader, step 1)
[1]

$ tafrun --pack tests/cli/hostile-packs/cmodule evil; rc=$?; test ! -e /tmp/tafrun-hostile-dir && exit $rc
! tafrun: tests/cli/hostile-packs/cmodule/recipes/evil.lua:2: require: module 'lfs' not found on the recipe path of this pack
!   (in EVIL cmodule, step 1)
[1]

$ tafrun --pack tests/cli/hostile-packs/loadlib evil
! tafrun: tests/cli/hostile-packs/loadlib/recipes/evil.lua:7: reachable: []
!   (in EVIL loadlib, step 1)
[1]

$ tafrun --pack tests/cli/hostile-packs/rep-bomb evil --max-mem 128
! tafrun: script stopped: memory cap exceeded (128 MiB; raise it with --max-mem)
[1]

$ tafrun --pack tests/cli/hostile-packs/loop evil --max-steps 2000000
! tafrun: script stopped: instruction budget exhausted (2000000 steps; raise it with --max-steps or --trust)
[1]

$ tafrun --pack tests/cli/hostile-packs/recursion evil
! tafrun: tests/cli/hostile-packs/recursion/recipes/evil.lua:2: stack overflow
!   (in EVIL recursion, step 1)
[1]

# the collector runs finalizers with hooks off: an endless __gc is refused up front
$ tafrun --pack tests/cli/hostile-packs/finalizer evil
! tafrun: tests/cli/hostile-packs/finalizer/recipes/evil.lua:4: setmetatable: __gc finalizers are not allowed in sandboxed scripts (they would run outside the instruction budget; use --trust for your own)
!   (in EVIL finalizer, step 1)
[1]

$ tafrun --pack tests/cli/hostile-packs/metatables evil
! tafrun: tests/cli/hostile-packs/metatables/recipes/evil.lua:15: tampered: []
!   (in EVIL metatables, step 1)
[1]

# a sweep stopped by the budget leaves neither the output nor a partial file
$ d=$(mktemp -d); tafrun --pack tests/cli/hostile-packs/loop sweep evil --grid n=1..4 --jobs 2 --max-steps 2000000 --out $d/out.jsonl; rc=$?; ls $d; rm -rf $d; exit $rc
! tafrun: script stopped: instruction budget exhausted (2000000 steps; raise it with --max-steps or --trust)
! ...
[1]

# pattern backtracking runs in C, unseen by the instruction budget: the CPU
# watchdog stops it (1 s, the floor of the limit --max-steps sets), alone or in
# a sweep's workers, and leaves no output behind
$ tafrun --pack tests/cli/hostile-packs/pattern evil --max-steps 1000000
! tafrun: script stopped: a string pattern call (find, match, gmatch, gsub) used more than 1.0 s of CPU (the limit follows --max-steps; raise it, or use --trust)
[1]

$ d=$(mktemp -d); tafrun --pack tests/cli/hostile-packs/pattern sweep evil --grid n=1..4 --jobs 2 --max-steps 1000000 --out $d/out.jsonl 2>/dev/null; rc=$?; ls $d; rm -rf $d; exit $rc
[1]

# two packs defining the same recipe id: reported, not silently resolved
$ tafrun --pack tests/cli/hostile-packs/loop --pack tests/cli/hostile-packs/shell evil
! tafrun: recipe 'evil' is defined by two packs, loop and shell: remove one from the path, or run the file by its path
[2]

$ tafrun --pack tests/cli/hostile-packs/nope x19
! tafrun: --pack tests/cli/hostile-packs/nope: no such directory
[2]

# the table library's C loops (a huge range, a lying __len) are charged to the
# instruction budget, each call of them under pcall in a loop
$ tafrun --pack tests/cli/hostile-packs/c-loops evil --set loop=move --max-steps 1000000
! tafrun: script stopped: instruction budget exhausted (1000000 steps; raise it with --max-steps or --trust)
[1]

$ tafrun --pack tests/cli/hostile-packs/c-loops evil --set loop=insert --max-steps 1000000
! tafrun: script stopped: instruction budget exhausted (1000000 steps; raise it with --max-steps or --trust)
[1]

$ tafrun --pack tests/cli/hostile-packs/c-loops evil --set loop=remove --max-steps 1000000
! tafrun: script stopped: instruction budget exhausted (1000000 steps; raise it with --max-steps or --trust)
[1]

$ tafrun --pack tests/cli/hostile-packs/c-loops evil --set loop=concat --max-steps 1000000
! tafrun: script stopped: instruction budget exhausted (1000000 steps; raise it with --max-steps or --trust)
[1]

$ tafrun --pack tests/cli/hostile-packs/c-loops evil --set loop=sort
! tafrun: script stopped: instruction budget exhausted (500000000 steps; raise it with --max-steps or --trust)
[1]

# at load time the same loop spends the declaration budget: named, and the listing goes on
$ tafrun --pack tests/cli/hostile-packs/declare-c-loop evil
! tafrun: tests/cli/hostile-packs/declare-c-loop/recipes/evil.lua: its top level took more than 10000000 steps (a recipe, preset, catalog or pack file only declares at load time; do the work in run)
[1]

$ tafrun --pack tests/cli/hostile-packs/declare-c-loop list | grep evil
  evil  \(does not load\) +declare-c-loop +tests/cli/hostile-packs/declare-c-loop/recipes/evil.lua: its top level took more than 10000000 steps .* (re)

# --json reads the result raw: metamethods that raise, on the tables and on
# their __jsonorder list, are never called (a repeated listed key is written once)
$ tafrun --pack tests/cli/hostile-packs/json-metadata evil --json | grep -A7 '"hostile"'
    "hostile": {
      "b": null,
      "a": 1,
      "c": 3
    },
    "sealed": {
      "z": true
    }

$ tafrun --pack tests/cli/hostile-packs/json-metadata evil --set mode=function --json
! tafrun: the recipe's result cannot be written as JSON: cannot encode a function value as JSON
[1]

# one 1 MiB string shared 10^5 times: its JSON text (100 GB) stops at the memory cap,
# as JSON or rendered as text
$ tafrun --pack tests/cli/hostile-packs/shared-string evil --json --max-mem 16
! tafrun: the result is larger than the memory cap (16 MiB; raise it with --max-mem)
[1]

$ tafrun --pack tests/cli/hostile-packs/shared-string evil --max-mem 16
! tafrun: the result is larger than the memory cap (16 MiB; raise it with --max-mem)
[1]

# taf.json.encode and decode failing after they allocate, 400 times under pcall:
# what they allocated is freed each time (the ASan build's LeakSanitizer checks)
$ tafrun --pack tests/cli/hostile-packs/json-leak evil --max-mem 64
! tafrun: 400 of 400 calls failed
!   (in EVIL json-leak, step 1)
[1]

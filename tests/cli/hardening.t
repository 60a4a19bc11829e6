# Hardening (SPEC §10): every limit holds where the work happens, every table
# a script is handed is its own, every bad value is refused up front. Classes
# 1-3, 8 and 9 of the hardening pass; the C-side classes are in sandbox.t,
# hostile_packs.t, readers.t and profile.t.

# 1. the instruction budget is the command's, not each sweep point's
$ d=$(mktemp -d); tafrun sweep x2 --model llama-3-8b --grid T_eval=1000..400999+1 --max-steps 1000000 --jobs 1 --out $d/s.jsonl; rc=$?; ls $d; rm -rf $d; exit $rc
! tafrun: script stopped: instruction budget exhausted (1000000 steps; raise it with --max-steps or --trust)
[1]

# with workers the budget is shared, and no part file is left behind
$ d=$(mktemp -d); tafrun sweep x2 --model llama-3-8b --grid T_eval=1000..400999+1 --max-steps 1000000 --jobs 2 --out $d/s.jsonl 2>/dev/null; rc=$?; ls $d; rm -rf $d; exit $rc
[1]

# 2. pack ownership on real paths: A/../B/x.lua is B's, with B's require scope only
$ tafrun --pack tests/cli/hostile-packs/victim --pack tests/cli/hostile-packs/reader tests/cli/hostile-packs/victim/../reader/recipes/evil.lua
! tafrun: tests/cli/hostile-packs/victim/../reader/recipes/evil.lua:3: require: module 'secret' not found on the recipe path of this pack
!   (in EVIL reader, step 1)
[1]

# a script cannot have a file outside the recipe and pack roots parsed (and echoed)
$ tafrun tests/cli/fixtures/hardening/peek.lua
! tafrun: tests/cli/fixtures/hardening/peek.lua:6: peek: /etc/passwd: reading files outside the recipe, pack and command-line paths needs --trust
!   (in T-PEEK Peek, step 1)
[1]

# 3. a pack that rewrites every catalog entry it is handed changes nobody's answer
$ diff <(tafrun card --model llama-3-8b) <(tafrun --pack tests/cli/hostile-packs/mutator card --model llama-3-8b | grep -v '^MUT ') && echo same
  same

$ tafrun --pack tests/cli/hostile-packs/mutator -e 'local m = taf.model("llama-3-8b"); m.n_layers = 1; print(taf.model("llama-3-8b").n_layers)'
  32

# 8. sweep edges, refused up front with exit 2
$ tafrun sweep x2 --model llama-3-8b --grid T_eval=1..1e8+1
! tafrun: --grid 'T_eval=1..1e8+1': more than 1000000 values
[2]

$ tafrun sweep x2 --model llama-3-8b --grid T_eval=1e309..1e310*2
! tafrun: --grid 'T_eval=1e309..1e310*2': START, STOP and the step must be finite numbers
[2]

$ tafrun sweep x2 --model llama-3-8b --grid T_eval=1000..2000*1.0000000001
! tafrun: --grid 'T_eval=1000..2000*1.0000000001': more than 1000000 values
[2]

$ tafrun sweep x2 --model llama-3-8b --grid T_eval=,,,
! tafrun: --grid 'T_eval=,,,': no values
[2]

$ tafrun sweep x2 --model llama-3-8b --grid T_eval=-1,abc
! tafrun: --grid T_eval: no value is valid (X-2: parameter 'T_eval' must be integer in [1, 1000000000000], got -1)
[2]

$ tafrun sweep x2 --model llama-3-8b --grid T_eval=1..3 --shard 99999999999999999999/99999999999999999999
! tafrun: --shard: at most 1000000000 shards, got '99999999999999999999/99999999999999999999'
[2]

# more shards than points: the empty ones are empty, exactly
$ tafrun sweep x2 --model llama-3-8b --grid T_eval=1..3 --shard 1000000000/1000000000 | wc -l
  1

$ tafrun sweep x2 --model llama-3-8b --grid T_eval=1..3 --out /tmp
! tafrun: --out: /tmp is a directory, not a file
[2]

$ tafrun sweep x2 --model llama-3-8b --grid T_eval=1..3 --out ''
! tafrun: --out needs a file name
[2]

# SIGTERM to the parent: workers stopped, every partial file removed, no orphan
$ d=$(mktemp -d); "$TAFRUN_BIN" sweep x2 --model llama-3-8b --grid T_eval=1000..400999+1 --jobs 2 --out $d/big.jsonl & pid=$!; sleep 1; kill -TERM $pid; wait $pid; rc=$?; sleep 0.2; ls $d; pgrep -f "$d/big.jsonl"; rm -rf $d; exit $rc
[143]

# 9. impossible values, each exit 2 naming the file and the field
$ tafrun --pack tests/cli/hostile-packs/bad-gpus x4 --model llama-3-8b --set gpu=h100
! tafrun: tests/cli/hostile-packs/bad-gpus/gpus.lua: entry 2 (Infinite GPU): field 'vram_GB' must be a finite number >= 0, got inf
[2]

$ tafrun --pack tests/cli/hostile-packs/bad-apis list apis
! tafrun: tests/cli/hostile-packs/bad-apis/apis.lua: entry 1 (Free Lunch): field 'input' must be a finite number >= 0, got -1
[2]

$ tafrun x19 --model "$(printf '%*s' 100000 '' | tr ' ' a)"
! tafrun: model id 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…' is longer than 256 characters
[2]

$ tafrun "$(printf '%*s' 100000 '' | tr ' ' x)" --model llama-3-8b
! tafrun: unknown recipe .* (re)
[2]

$ tafrun x19 --model qwen2.5-7b --format csv
! tafrun: --format csv applies only to 'tafrun sweep' (use text, json or markdown)
! ...
[2]

# 5. errors a recipe raises are described, never crash the report
$ tafrun tests/cli/fixtures/hardening/table_error.lua
! tafrun: tests/cli/fixtures/hardening/table_error.lua:3: {code = 42}
!   (in T-E E, step 1)
[1]

$ tafrun tests/cli/fixtures/hardening/tostring_raises.lua
! tafrun: tests/cli/fixtures/hardening/tostring_raises.lua:3: (error object is a table value whose __tostring raised: tests/cli/fixtures/hardening/tostring_raises.lua:3: boom)
!   (in T-E E, step 1)
[1]

# 6. a recipe path that is not a regular file is refused before it is opened
$ tafrun /dev/zero
! tafrun: recipe file '/dev/zero' is not a regular file
[2]

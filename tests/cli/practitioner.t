# Answers a practitioner can act on (issue #15): verdicts that respect the
# window a model was trained and shipped for, and say what they rest on.

# Llama 3 8B was trained at 8,192 with no rope_scaling: 262,144 is not YES
$ tafrun x2 --model llama-3-8b --set T_eval=262144 --json | tafrun --trust -e 'local r = taf.json.decode(io.read("a")); local w = r.chain[#r.chain]; print(r.verdict, r.basis, w.name, w.result, w.receipt)'
  NO	trained_window	Usable window	8192	erratum

# pythia-1b was trained at 2,048: 8,192 is not YES
$ tafrun x2 --model pythia-1b --set T_eval=8192 --json | tafrun --trust -e 'local r = taf.json.decode(io.read("a")); print(r.verdict, r.basis)'
  NO	trained_window

# DeepSeek-V3 ships YaRN ×40 over 4,096 (163,840): 65,536 is inside, not a fine-tuning NO
$ tafrun x2 --config tests/data/hf-configs/deepseek-v3.json --set T_eval=65536 --json | tafrun --trust -e 'local r = taf.json.decode(io.read("a")); local w = r.chain[#r.chain]; print(r.verdict, r.basis, w.result, w.receipt)'
  YES	trained_window	163840	erratum

# inside its trained window the closed form decides, and says it is one
$ tafrun x2 --model llama-3-8b --set T_eval=4096 --json | tafrun --trust -e 'local r = taf.json.decode(io.read("a")); print(r.verdict, r.basis, r.chain[#r.chain].receipt)'
  YES	closed_form	data

# a measured γ decides whatever the window (γ 0.9 at θ 500,000: d_h = 37,214 > 32,000)
$ tafrun x2 --model llama-3-8b --set T_eval=32000 --set gamma_obs=0.9 --json | tafrun --trust -e 'local r = taf.json.decode(io.read("a")); print(r.verdict, r.basis)'
  YES	measured

# Llama 3.1 ships llama3 scaling to 131,072: no "beyond the trained context" warning there
$ tafrun x4 --config tests/data/hf-configs/llama-3.1-70b-instruct.json --set T_eval=131072 --set gpu=h200 --set n_gpus=4 --json | tafrun --trust -e 'local r = taf.json.decode(io.read("a")); for _, f in ipairs(r.confidence.factors) do if f.key == "trained_context" then print(f.status) end end; local n = 0; for _, x in ipairs(r.notes) do if x:find("window") or x:find("trained context") then n = n + 1 end end; print(n)'
  ok
  0

$ tafrun x15 --config tests/data/hf-configs/llama-3.1-8b.json --set T_eval=262144 --set gpu=h200 --json | tafrun --trust -e 'local r = taf.json.decode(io.read("a")); for _, n in ipairs(r.notes) do if n:find("usable window") then print(n) end end'
  -c 262,144 is past 1.25× the usable window 131,072 (llama3 ×8 from 8,192 to 131,072): KV allocated beyond it is likely wasted memory unless the model is extended further (X-9).

# a model was given and cannot supply the input: only --set can
$ tafrun x19 --config tests/data/hf-configs/gpt2.json
! tafrun: X-19 needs 'theta' (RoPE base θ (rope_theta)), which gpt2 does not give: --set theta=VALUE
[2]

# a recipe whose own default breaks its own range is the recipe's error
$ tafrun tests/cli/fixtures/recipes/bad_default.lua
! tafrun: tests/cli/fixtures/recipes/bad_default.lua: recipe T-DEF declares parameter 'n' with the default 50, outside its own range (integer in [1, 10])
[1]

# deferred prose (a function given for an interpretation, note, reason or key)
# that returns no string is the recipe's error, naming the field; a lean sweep
# row reads only the key, so only the key's failure is an ERROR row there
$ for n in 2 3 4 5; do tafrun tests/cli/fixtures/recipes/bad_prose.lua --set n=$n; echo "exit $?"; done
! tafrun: T-PROSE step 1 ('one') interpretation: the function given for it returned number, not a string
! tafrun: T-PROSE note 1: the function given for it returned table, not a string
! tafrun: T-PROSE reason: the function given for it returned boolean, not a string
! tafrun: T-PROSE key: the function given for it returned number, not a string
  exit 1
  exit 1
  exit 1
  exit 1

$ tafrun sweep tests/cli/fixtures/recipes/bad_prose.lua --grid n=4..5
  {"n":4,"verdict":"OK","confidence":100,"key":"k"}
  {"n":5,"verdict":"ERROR","confidence":null,"error":"T-PROSE key: the function given for it returned number, not a string"}

# one pack, however its path is spelled
$ tafrun --pack examples/serving-ops --pack "$PWD/examples/serving-ops" list packs | wc -l
  2

$ TAFRUN_PATH="$PWD/examples/serving-ops" tafrun --pack examples/serving-ops list packs | wc -l
  2

# Apple Silicon (issue #17): the GPU wires only part of the unified memory. An
# M3 Max has 128 GiB and macOS lets the GPU wire 3/4 of it by default: 96 GiB
# (gpu_wired_share in catalogs/gpus.lua); --set vram_GiB gives the whole budget back
$ tafrun x4 --model llama-3.1-70b --set gpu=m3-max --set weight_format=Q4_K_M | grep -E "Total vs VRAM  |may wire" | tr -s ' ' | cut -c1-70
   4 §20 Total vs VRAM see Figures derived 42.97 GiB of 96.00 GiB: fits
   - M3 Max: the GPU may wire 75% of the 128 GiB of unified memory by de

$ tafrun x4 --model llama-3.1-70b --set gpu=m3-max --set weight_format=Q4_K_M --set vram_GiB=128 | grep -E "Total vs VRAM  |may wire" | grep -o "of [0-9.]* GiB"
  of 128.00 GiB

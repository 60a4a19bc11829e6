# Usage errors: exit 2, a message naming the bad input, nothing on stdout.

$ tafrun
! usage: tafrun RECIPE [--model ID | --config PATH | --gguf PATH] [--set KEY=VALUE]... [--format text|json|markdown] [--json]
! ...
[2]

$ tafrun --version
  tafrun 0.1.0

$ tafrun --help | head -1
  tafrun answers practical questions about transformer LLMs (context length, KV cache,

$ tafrun --bogus
! tafrun: unknown option '--bogus' (see tafrun --help)
! ...
[2]

$ tafrun x19 --model
! tafrun: --model needs a value
! ...
[2]

$ tafrun x19 --model nope
! tafrun: unknown model 'nope'; nearest: gpt2, phi-4, gpt-j-6b (see 'tafrun list models')
[2]

$ tafrun x19 --model Qwen-7B
! tafrun: unknown model 'Qwen-7B'; nearest: qwen3-4b, qwen3-8b, qwen2.5-7b (see 'tafrun list models')
[2]

$ tafrun x99 --model qwen2.5-7b
! tafrun: unknown recipe 'x99'; nearest: x9, x19, .* \(see 'tafrun list recipes'\) (re)
[2]

$ tafrun no/such/recipe.lua
! tafrun: recipe file 'no/such/recipe.lua' not found
[2]

$ tafrun x19 --set T_eval
! tafrun: --set expects KEY=VALUE, got 'T_eval'
! ...
[2]

$ tafrun x19 --set =5
! tafrun: --set expects KEY=VALUE, got '=5'
! ...
[2]

$ tafrun x19 --model qwen2.5-7b --set T_eval=-5
! tafrun: X-19: parameter 'T_eval' must be integer in [1, 1000000000000], got -5
[2]

$ tafrun x19 --model qwen2.5-7b --set T_eval=4096.5
! tafrun: X-19: parameter 'T_eval' must be integer in [1, 1000000000000], got 4096.5
[2]

$ tafrun x19 --model qwen2.5-7b --set T_eval=abc
! tafrun: X-19: parameter 'T_eval' must be integer in [1, 1000000000000], got 'abc'
[2]

$ tafrun x19 --model qwen2.5-7b --set theta=nan
! tafrun: X-19: parameter 'theta' must be number in (0, 1e+15], got nan
[2]

$ tafrun x19 --model qwen2.5-7b --set theta=1e999
! tafrun: X-19: parameter 'theta' must be number in (0, 1e+15], got inf
[2]

$ tafrun x19 --model qwen2.5-7b --set has_SWA=maybe
! tafrun: X-19: parameter 'has_SWA' must be boolean, got 'maybe'
[2]

$ tafrun x19 --model qwen2.5-7b --set bogus=1
! tafrun: X-19 has no parameter 'bogus'; its parameters: theta, T_train, T_eval, n_attention_heads, n_kv_heads, d_head, n_layers, n_params, has_SWA, architecture, position, sliding_window, n_swa_layers, n_attention_layers, kv_lora_rank, qk_rope_head_dim, state_elements, T_max, shipped_type, shipped_factor (see 'tafrun show X-19')
[2]

$ tafrun x19
! tafrun: X-19 needs 'theta' (RoPE base θ (rope_theta)): give --model ID or --set theta=VALUE
[2]

$ tafrun x1 --model llama-3-8b --set gpu=h1000
! tafrun: unknown gpu 'h1000'; nearest: H100 SXM, H200, A100 80GB (see 'tafrun list gpus')
[2]

$ tafrun x1 --model llama-3-8b --set api_model=gpt-5
! tafrun: unknown api 'gpt-5'; nearest: GPT-4o, Claude-Opus-4, GPT-4o-mini (see 'tafrun list apis')
[2]

$ tafrun x3 --set gpu=rtx5060ti
! tafrun: GPU 'RTX 5060Ti' has no hourly price in the catalog (a local card): cost is not defined; give your price with --set usd_h=VALUE
[2]

$ tafrun x1 --model llama-3-8b --set gpu=5060ti
! tafrun: GPU 'RTX 5060Ti' is a local card with no hourly price: training cost is not defined; choose a priced GPU (tafrun list gpus)
[2]

$ tafrun x19 --model qwen2.5-7b --format yaml
! tafrun: --format expects text, json, markdown (or csv, jsonl for sweep), got 'yaml'
! ...
[2]

$ tafrun list things
! tafrun: list: unknown kind 'things'; use recipes, models, gpus, memory, apis, packs or engines
[2]

$ tafrun show
! tafrun: 'show' needs an argument
! ...
[2]

$ tafrun --max-steps 12 x19
! tafrun: --max-steps expects an integer in [1000, 1000000000000], got '12'
[2]

$ tafrun -e 'print(('
! tafrun: (command line):1: unexpected symbol near <eof>
[2]

# options are declared once (engine/core/args.lua): each command takes its own
$ tafrun list --grid T_eval=1..2
! tafrun: --grid, --out, --shard, --jobs and --full apply only to 'tafrun sweep'
! ...
[2]

$ tafrun show x2 --set T_eval=5
! tafrun: --set does not apply to 'tafrun show' (see tafrun show --help)
! ...
[2]

$ tafrun x19 --modle qwen2.5-7b
! tafrun: unknown option '--modle'; did you mean '--model'? (see tafrun --help)
! ...
[2]

$ tafrun sweep --help
  usage: tafrun sweep RECIPE --model A,B --grid KEY=START..STOP[*FACTOR|+STEP] [--out FILE.jsonl|.csv]
  
  run a recipe over a grid; JSON Lines or CSV (--out FILE.jsonl|.csv)
  
  Options:
    --model ID          a model preset: short id (qwen2.5-7b), alias or HF id (Qwen/Qwen2.5-7B)
  ...

# every option has its help line
$ tafrun --help | grep -c '^  -'
  24

# numbers with unit suffixes: token lengths in powers of two, counts in powers of ten
$ tafrun x2 --model llama-3-8b --set T_eval=128k --json | tafrun --trust -e 'print(taf.json.decode(io.read("a")).inputs.T_eval)'
  131072

$ tafrun x1 --model llama-3-8b --set N_params=70B --json | tafrun --trust -e 'print(taf.json.decode(io.read("a")).inputs.N_params)'
  70000000000

$ tafrun sweep x2 --model llama-3-8b --grid T_eval=4k..16k*2 | tafrun --trust -e 'for l in io.lines() do print(taf.json.decode(l).T_eval) end'
  4096
  8192
  16384

$ tafrun x2 --model llama-3-8b --set T_eval=12q
! tafrun: X-2: parameter 'T_eval' must be integer in [1, 1000000000000], got '12q'
[2]

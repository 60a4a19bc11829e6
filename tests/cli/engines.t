# Engine rules in the recipes (issue #16): --set engine=llama.cpp|vllm on X-4,
# X-15 and X-8, and `tafrun list engines`. The numbers are the engines' own
# (the issue's 814 MiB KV buffer; vLLM issue #10517's refusal of 29000 tokens)
# or derived by hand in tests/golden/derive_engines.py.

# the engine modules of recipes/lib/engines/ (packs cannot add one: lib.* resolves in the built-in library)
$ tafrun list engines
  ENGINE     CHECKED AGAINST                              MODULE                ORIGIN    DESCRIPTION
  llama.cpp  ec98e2002 (Dec 2025); KV eras back to b3045  lib.engines.llamacpp  built-in  model, KV and compute buffers per device (MiB), -ngl / --n-cpu-moe placement, decode rate
  vllm       V1 0.8-0.11, V0 0.6-0.7                      lib.engines.vllm      built-in  weights per rank, KV cache after gpu_memory_utilization, blocks, tokens, concurrency, max_model_len refusal

$ tafrun show x4 | grep -E '^  (engine|n_cpu_moe|gpu_memory_utilization) ' | tr -s ' '
   engine one of neutral, llama.cpp, vllm neutral neutral (engine-agnostic estimate), llama.cpp or vllm: add what that engine allocates (lib.engines)
   n_cpu_moe integer in [0, 4096] (optional) llama.cpp --n-cpu-moe N: routed experts of the first N layers in host RAM (X-15 searches it when not given)
   gpu_memory_utilization number in (0, 1] 0.9 vLLM --gpu-memory-utilization: share of each GPU's memory vLLM may use

# the issue's case: llama.cpp prints "CUDA0 KV buffer size = 814.00 MiB" and "compute buffer size = 517.00 MiB"
$ tafrun x4 --config tests/data/hf-configs/gemma-3-4b-it.json --set engine=llama.cpp --set weight_format=F16 --set T_eval=32768 --json | tafrun --trust -e 'local r = taf.json.decode(io.read("a")); local e = r.engine; print(e.name, e.fits, string.format("%.2f %.2f", e.kv_MiB, e.compute_MiB), e.n_gpu_layers, e.devices[1].name, #r.chain)'
  llama.cpp	true	814.00 517.12	35	CUDA0	11

$ tafrun x4 --config tests/data/hf-configs/gemma-3-4b-it.json --set engine=llama.cpp --set weight_format=F16 --set T_eval=32768 | grep -E '^ +(8|9) '
    8  §19.1    llama.cpp KV buffer size          CUDA0=814                   derived      CUDA0 KV buffer size = 814.00 MiB: 32,768 cells × 5 layers + 1,536 cells × 29 sliding-window layers
    9  §20      llama.cpp compute buffer size     CUDA0=517.1                 data         CUDA0 compute buffer size = 517.12 MiB (an estimate: within 15 % on the logged cases)

# without engine: the engine-neutral chain, which says that it is one
$ tafrun x4 --config tests/data/hf-configs/gemma-3-4b-it.json --set weight_format=F16 --set T_eval=32768 --json | tafrun --trust -e 'local r = taf.json.decode(io.read("a")); print(r.engine, #r.chain, r.notes[#r.notes])'
  nil	6	Engine-neutral estimate (engine=neutral): no engine's allocation rules are applied. --set engine=llama.cpp or engine=vllm adds what that engine allocates and lets it decide the fit.

# an MoE model too big for the card: the fewest expert layers in RAM at the requested -c
$ tafrun x15 --config tests/data/hf-configs/mixtral-8x7b-v0.1.json --set engine=llama.cpp --set weight_format=Q4_K_M --set gpu=rtx4090 --set T_eval=32768 | grep -E '^(VERDICT|Mitigation)'
  VERDICT: PARTIAL OFFLOAD
  Mitigation   llama-server -m model.gguf -ngl 99 -c 32768 --flash-attn on --n-cpu-moe 10

$ tafrun x15 --config tests/data/hf-configs/mixtral-8x7b-v0.1.json --set engine=llama.cpp --set weight_format=Q4_K_M --set gpu=rtx4090 --set T_eval=32768 --json | tafrun --trust -e 'local e = taf.json.decode(io.read("a")).engine; print(e.n_cpu_moe, e.maximises, string.format("%.1f tokens/s", e.tokens_per_s)); print(e.ot)'
  10	speed	18.9 tokens/s
  -ot "blk\.(0|1|2|3|4|5|6|7|8|9)\.ffn_(up|down|gate)_exps=CPU"

# vLLM issue #10517: V0 refused max_model_len 29000 on a 23.58 GiB RTX 3090
$ tafrun x4 --config tests/data/hf-configs/llama-3.1-8b-instruct.json --set engine=vllm --set vllm_engine=v0 --set vram_GiB=23.58 --set T_eval=29000 --set weight_format=BF16 | grep -E '^(VERDICT|Reason|Mitigation)'
  VERDICT: KV-BOUND
  Reason       vLLM refuses: The model's max seq len (29000) is larger than the maximum number of tokens that can be stored in KV cache (25600). Try increasing `gpu_memory_utilization` or decreasing `max_model_len` when initializing the engine.
  Mitigation   --max-model-len 25600, or raise gpu_memory_utilization, use kv_dtype=fp8 or more GPUs (tensor_parallel).

$ tafrun x15 --config tests/data/hf-configs/llama-3.1-8b-instruct.json --set engine=vllm --set vllm_engine=v0 --set vram_GiB=23.58 --set T_eval=29000 --set weight_format=BF16 --json | tafrun --trust -e 'local r = taf.json.decode(io.read("a")); print(r.verdict); print(r.vllm_serve)'
  ENGINE REFUSES
  vllm serve llama-3.1-8b-instruct --max-model-len 25600 --gpu-memory-utilization 0.9 --kv-cache-dtype auto -tp 1 --max-num-seqs 256

# what the engines cannot take is a usage error
$ tafrun x4 --model llama-3-8b --set engine=llama.cpp --set weight_format=FP8
! tafrun: X-4: engine=llama.cpp loads GGUF files: weight_format must be a GGUF type (F16, BF16, Q8_0, Q6_K, Q5_K_M, Q4_K_M, IQ4_XS …), got 'FP8'
[2]

$ tafrun x8 --model llama-3-8b --set engine=vllm --set kv_dtype=q8_0
! tafrun: X-8: engine=vllm keeps the KV cache in the model dtype (kv_dtype f16 or bf16: --kv-cache-dtype auto) or fp8; 'q8_0' is a llama.cpp type
[2]

$ tafrun x15 --model llama-3-8b --set kv_cache_type=fp8
! tafrun: X-15: kv_cache_type=fp8 is vLLM's (--kv-cache-dtype fp8); llama.cpp and Ollama take f16, q8_0 or q4_0: set engine=vllm or another kv_cache_type
[2]

$ tafrun x4 --config tests/data/hf-configs/mamba-2.8b-hf.json --set engine=llama.cpp --set T_eval=4096
! tafrun: X-4: engine=llama.cpp: the engine rules cover attention decoders; recurrent layers (architecture SSM) are not modelled (docs/engine-rules.md): use engine=neutral
[2]

$ tafrun x4 --config tests/data/hf-configs/qwen3-30b-a3b.json --set engine=llama.cpp --set weight_format=Q4_K_M --set n_params_active=3e9
! tafrun: X-4: engine=llama.cpp needs the routed-expert width of this MoE model: --set d_ff_expert=VALUE (moe_intermediate_size in config.json)
[2]

$ tafrun x4 --model llama-3-8b --set engine=ollama
! tafrun: X-4: parameter 'engine' must be one of neutral, llama.cpp, vllm, got 'ollama'
[2]

# every engine path at the edges of every declared range (its own instruction budget)
$ tafrun --max-steps 2000000000 test tests/golden/engine-edges
  6 passed, 0 failed

# host RAM presets (catalogs/host_memory.lua, issue #17): DDR4-3200 dual channel
# is 2 × 8 B × 3200 MT/s = 51.2 GB/s. The decode rate reads 9562.30 MiB a token
# from the RTX 4090 (1008 GB/s) and 2063.25 MiB from host RAM, each at 0.7 of
# peak: 1 / (10026.8e6/705.6e9 + 2163.5e6/35.84e9) = 13.4 tokens/s (18.9 at the
# default 80 GB/s)
$ tafrun x15 --model mixtral-8x7b-v0.1 --set gpu=rtx4090 --set weight_format=Q4_K_M --set engine=llama.cpp --set host_memory=ddr4-3200-2ch | grep -E "Decode rate" | tr -s " " | cut -d" " -f8-11
  13.4093 derived 13.4 tokens/s

$ tafrun list memory | grep -E "^DDR4-3200 dual" | tr -s ' '
  DDR4-3200 dual channel ddr4-3200-2ch 51.2 DDR4 2 3200 built-in

$ tafrun x15 --model mixtral-8x7b-v0.1 --set gpu=rtx4090 --set engine=llama.cpp --set host_memory=ddr9
! tafrun: unknown host memory 'ddr9'; nearest: DDR4-3200 dual channel, DDR5-5600 dual channel, DDR5-4800 12-channel (see 'tafrun list memory')
[2]

$ tafrun x15 --model mixtral-8x7b-v0.1 --set gpu=rtx4090 --set engine=llama.cpp --set host_memory=ddr5 --set host_bw_GB_s=60
! tafrun: X-15: give host_memory or host_bw_GB_s, not both
[2]

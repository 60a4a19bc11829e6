-- Golden tests of the engine steps (engine=llama.cpp | vllm) of X-4, X-15 and X-8.
-- Expected values derived by tests/golden/derive_engines.py from docs/engine-rules.md
-- and the configs in tests/data/hf-configs/ (no tafrun code), checked against the
-- engines' own logs where one exists (issue #16; vLLM issue #10517).
-- Regenerate with: python3 tests/golden/derive_engines.py

local GEMMA = "tests/data/hf-configs/gemma-3-4b-it.json"
local MIXTRAL = "tests/data/hf-configs/mixtral-8x7b-v0.1.json"
local LLAMA31 = "tests/data/hf-configs/llama-3.1-8b-instruct.json"

local function named(r, name)
  for _, s in ipairs(r.chain) do if s.name == name then return s end end
  error("no step named " .. name)
end

test("X-4 without engine: the neutral chain, said to be engine-neutral", function()
  local r = run("x4", { config = GEMMA, set = { weight_format = "F16", T_eval = 32768 } })
  expect_eq(#r.chain, 6, "the engine-neutral steps only")
  expect_eq(r.engine, nil, "no engine object")
  expect(r.notes[#r.notes]:find("Engine-neutral estimate", 1, true), "the neutral note")
end)

test("X-4 gemma-3-4b-it F16 -c 32768 on llama.cpp: KV 814 MiB, compute 517 MiB (issue #16)", function()
  local r = run("x4", { config = GEMMA, set = { engine = "llama.cpp", weight_format = "F16", T_eval = 32768 } })
  expect_eq(r.verdict, "FITS COMFORTABLY", "verdict")
  expect_eq(#r.chain, 11, "6 neutral steps, then 5 of llama.cpp")
  expect_eq(r.chain[7].name, "llama.cpp model buffer size")
  -- 5 global layers x 32768 cells + 29 sliding layers x 1536 cells, K+V f16 of 4 x 256
  expect_near(r.engine.kv_MiB, 814, 8 / 814, "the issue's 814 MiB, ±8")
  expect_near(r.engine.kv_MiB, 814.0, 1e-9, "KV MiB by hand")
  expect_near(named(r, "llama.cpp KV buffer size").result.CUDA0, 814.0, 1e-9)
  expect_near(r.engine.compute_MiB, 517, 0.15, "the issue's 517 MiB, within the 15 % of compute estimates")
  expect_near(r.engine.compute_MiB, 517.125, 1e-9, "logits 4·n_ub·(vocab + d)")
  expect_near(r.engine.devices[1].model_MiB, 7401.716796875, 1e-6, "CUDA0 model buffer")
  expect_eq(r.engine.devices[2].name, "CPU")
  expect_near(r.engine.devices[2].model_MiB, 1280.3125, 1e-9, "token_embd in host RAM")
  expect_near(r.engine.model_MiB, 8682.029296875, 1e-6, "model total")
  expect_eq(r.engine.n_gpu_layers, 35, "34 layers + the output layer")
  expect_eq(r.engine.fits, true)
end)

test("X-15 Mixtral-8x7B Q4_K_M on an RTX 4090 at -c 32768: --n-cpu-moe 10, its tokens/s", function()
  local r = run("x15", { config = MIXTRAL, set = { engine = "llama.cpp", weight_format = "Q4_K_M", gpu = "rtx4090",
                                                 T_eval = 32768 } })
  expect_eq(r.verdict, "PARTIAL OFFLOAD", "verdict")
  -- the whole model on the GPU: 31685.17 MiB with the CUDA context, over 24576 MiB
  expect_eq(named(r, "llama.cpp fit per GPU").result.fits, false)
  expect_near(named(r, "llama.cpp fit per GPU").result.free_MiB, -7109.1703124999985, 1e-6)
  expect_eq(r.engine.n_cpu_moe, 10, "fewest expert layers in RAM that fit")
  expect_eq(r.engine.maximises, "speed")
  expect_near(r.engine.tokens_per_s, 18.923698023760778, 1e-9, "GPU 1008 GB/s, host 80 GB/s, efficiency 0.7")
  expect_near(named(r, "Expert offload (--n-cpu-moe)").result.gpu_used_MiB, 23791.6546875, 1e-6)
  expect_eq(r.llama_cpp, "llama-server -m model.gguf -ngl 99 -c 32768 --flash-attn on --n-cpu-moe 10")
  expect(r.engine.ot:find("(0|1|", 1, true) ~= nil, "-ot equivalent")
end)

test("X-4 Llama-3.1-8B vLLM V0 max_model_len 29000 on 23.58 GiB: refused, as in the log", function()
  local r = run("x4", { config = LLAMA31, set = { engine = "vllm", vllm_engine = "v0", vram_GiB = 23.58, T_eval = 29000,
                                                weight_format = "BF16" } })
  -- the log: "The model's max seq len (29000) is larger than the maximum number of tokens that
  -- can be stored in KV cache (23648)"
  expect_eq(r.engine.fits, false, "refused")
  expect_eq(r.verdict, "KV-BOUND", "the weights fit, the cache does not")
  expect_near(r.engine.max_model_len_fits, 23648, 0.10, "the log's largest length, within 10 %")
  expect_eq(r.engine.max_model_len_fits, 25600, "blocks x 16 by hand")
  expect_eq(r.engine.gpu_blocks, 1600)
  expect_near(r.engine.weights_GiB, 14.957527160644531, 1e-12)
  expect_near(r.engine.kv_cache_GiB, 3.1254408569335914, 1e-9)
  expect_near(r.engine.max_concurrency, 0.8827586206896552, 1e-12, "log: 0.82x")
  expect(r.engine.refusal:find("max seq len (29000) is larger than the maximum number of tokens that can be stored in KV cache (25600)", 1, true), "V0 refusal text")
  expect_eq(r.max_context, 25600)
end)

test("X-15 the same refusal: the vllm serve command with the largest length that fits", function()
  local r = run("x15", { config = LLAMA31, set = { engine = "vllm", vllm_engine = "v0", vram_GiB = 23.58, T_eval = 29000,
                                                 weight_format = "BF16" } })
  expect_eq(r.verdict, "ENGINE REFUSES")
  expect_eq(r.vllm_serve, "vllm serve llama-3.1-8b-instruct --max-model-len 25600 --gpu-memory-utilization 0.9 --kv-cache-dtype auto -tp 1 --max-num-seqs 256")
  expect_eq(r.engine.command, r.vllm_serve)
end)

test("X-4 Llama-3.1-8B vLLM V0 max_model_len 20000: accepted, as in the log", function()
  local r = run("x4", { config = LLAMA31, set = { engine = "vllm", vllm_engine = "v0", vram_GiB = 23.58, T_eval = 20000,
                                                weight_format = "BF16" } })
  expect_eq(r.engine.fits, true)
  expect_near(r.engine.kv_cache_tokens, 31232, 0.10, "log: # GPU blocks: 1952 (31232 tokens), within 10 %")
  expect_eq(r.engine.kv_cache_tokens, 32064)
  expect_near(r.engine.max_concurrency, 1.6032, 1e-12, "log: 1.56x")
  expect_eq(r.verdict, "FITS COMFORTABLY", "1.60x >= 1.1 x batch 1")
end)

test("X-8 Llama-3.1-8B on vLLM V0 at max_model_len 20000: 13 requests of P + O = 2304 tokens", function()
  local r = run("x8", { config = LLAMA31, set = { engine = "vllm", vllm_engine = "v0", vram_GiB = 23.58, T_eval = 20000,
                                                weight_format = "BF16", gpu = "rtx4090" } })
  expect_eq(r.verdict, "SERVES (KV-LIMITED BATCH)", "32 asked")
  expect_eq(r.engine.requests, 13, "2004 blocks // ceil(2304/16)")
  expect_eq(r.max_concurrent_requests, 13)
  expect_eq(r.batch, 13)
end)

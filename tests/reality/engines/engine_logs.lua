-- Reality check of the engine rules (recipes/lib/engines/) against public
-- load logs (tests/data/engine-logs/*.json, one case per file).
--
-- Every expected number is parsed here from the case's verbatim `log` lines,
-- never taken from the modules: llama.cpp "model buffer size", "KV buffer
-- size" and "compute buffer size" lines (MiB, summed per device); vLLM "GPU KV
-- cache size: N tokens" / "# GPU blocks: N", "Maximum concurrency for L tokens
-- per request: Xx", the refusal texts and "estimated maximum model length is N".
--
-- Tolerances (issue #16): llama.cpp KV and model buffers 1 %, compute buffer
-- 15 %; vLLM KV tokens 10 % and the same fit/refuse outcome. vLLM cases are
-- run twice: from first principles (weights, activation peak and non-torch
-- memory estimated by lib.engines.vllm) and, where the log prints the memory
-- left for the KV cache, from that logged figure (the block arithmetic alone,
-- 1 % plus the log's 0.01 GiB rounding).
--
-- A case may mark a check as a known miss (`known_miss` = { [check key] = why }):
-- it is still computed and reported, and does not fail the run. An unmarked
-- miss fails. The cases live as JSON in tests/data/engine-logs/ and are
-- embedded below between the GENERATED markers by embed_logs.py (tests run in
-- a sandbox without io); `python3 tests/reality/engines/embed_logs.py --check`
-- fails when the embedded copy is stale.
local llamacpp = require "lib.engines.llamacpp"
local vllm = require "lib.engines.vllm"

local MiB = 1048576.0
local GiB = 1073741824.0
local CASES = {}
local ROWS = {}   -- agreement rows: { case, check, predicted, logged, err, status }

-- host-side buffer names the logs print
local HOST = { CPU = true, CPU_Mapped = true, CUDA_Host = true, CPU_AARCH64 = true, CPU_REPACK = true,
               host = true }

local function num(s) return tonumber((string.gsub(s, ",", ""))) end

------------------------------------------------------------------------------
-- llama.cpp log parsing
------------------------------------------------------------------------------

-- Sum of the MiB figures of `what` lines ("model", "kv", "compute") printed
-- for buffer `dev` ("*" = every buffer); nil when there is none.
local function llama_logged(log, what, dev)
  local total, found = 0, false
  for _, line in ipairs(log) do
    local name, v
    if what == "model" then
      name, v = string.match(line, "(%S+) model buffer size =%s*([%d%.]+) MiB")
      if not name then name, v = string.match(line, "llm_load_tensors:%s+(%S+) buffer size =%s*([%d%.]+) MiB") end
    elseif what == "kv" then
      name, v = string.match(line, "(%S+) KV buffer size =%s*([%d%.]+) MiB")
    elseif what == "compute" then
      name, v = string.match(line, "(%S+) compute buffer size =%s*([%d%.]+) MiB")
    end
    if name and (dev == "*" or name == dev) then total = total + num(v); found = true end
  end
  return found and total or nil
end

local function device_index(case, dev)
  if HOST[dev] then return 0 end
  local g = case.settings.gpus
  if type(g) == "table" then
    for i, nm in ipairs(g) do if nm == dev then return i end end
  end
  error(string.format("%s: check names device '%s' that settings.gpus does not list", case.id, dev))
end

local function predicted_mib(case, plan, chk)
  if chk.what == "kv_total" then return plan.kv.total_bytes / MiB end
  local i = device_index(case, chk.device)
  local d = plan.devices[i]
  if chk.what == "model" then return d.model_bytes / MiB
  elseif chk.what == "kv" then return d.kv_bytes / MiB
  elseif chk.what == "compute" then return d.compute_bytes / MiB end
  error(case.id .. ": unknown check " .. tostring(chk.what))
end

local TOL = { model = 0.01, kv = 0.01, kv_total = 0.01, compute = 0.15 }

local function check_key(chk)
  return chk.what .. ":" .. (chk.log_device or chk.device or "*")
end

local function record(case, key, pred, logged, tol, fmt)
  local err = (logged ~= 0) and (pred - logged) / logged or (pred == 0 and 0 or math.huge)
  local ok = math.abs(err) <= tol
  local miss = case.known_miss and case.known_miss[key]
  local status = ok and "ok" or (miss and "known miss" or "MISS")
  ROWS[#ROWS + 1] = { case = case.id, check = key, predicted = pred, logged = logged, err = err,
                      status = status, fmt = fmt or "%.2f" }
  return ok, miss
end

local function run_llamacpp(case)
  local plan = llamacpp.plan(case.model, case.settings)
  local failures = {}
  for _, chk in ipairs(case.checks) do
    local key = check_key(chk)
    local logged = llama_logged(case.log, chk.what == "kv_total" and "kv" or chk.what,
      chk.what == "kv_total" and "*" or chk.log_device)
    if logged == nil then
      failures[#failures + 1] = key .. ": no such line in the log"
    else
      local pred = predicted_mib(case, plan, chk)
      local ok, miss = record(case, key, pred, logged, TOL[chk.what])
      if not ok and not miss then
        failures[#failures + 1] = string.format("%s: predicted %.2f MiB, logged %.2f MiB (%+.2f %%)",
          key, pred, logged, 100 * (pred - logged) / logged)
      end
    end
  end
  return failures
end

------------------------------------------------------------------------------
-- vLLM log parsing
------------------------------------------------------------------------------

local function first_match(log, pat)
  for _, line in ipairs(log) do
    local a, b = string.match(line, pat)
    if a then return a, b end
  end
end

-- The KV cache size in tokens the log prints: V1 "GPU KV cache size: N tokens";
-- V0 "# GPU blocks: N" / "# cuda blocks: N" × block size.
local function vllm_logged_tokens(log, bs)
  local t = first_match(log, "GPU KV cache size: ([%d,]+) tokens")
  if t then return num(t) end
  local b = first_match(log, "GPU blocks: (%d+)") or first_match(log, "# cuda blocks: (%d+)")
  if b then return num(b) * bs end
end

-- "fit" or "refuse" from the log's texts. A case may name the verbatim words
-- that decide it (`outcome_evidence` = { outcome, quote }) when the excerpt
-- holds no refusal line of its own; the quote must then be in the log.
local function vllm_logged_outcome(log, evidence)
  if evidence then
    for _, line in ipairs(log) do
      if string.find(line, evidence.quote, 1, true) then return evidence.outcome end
    end
    return nil
  end
  local blocks = first_match(log, "GPU blocks: (%d+)") or first_match(log, "# cuda blocks: (%d+)")
  if blocks and num(blocks) == 0 then return "refuse" end
  for _, line in ipairs(log) do
    if string.find(line, "larger than the maximum number of tokens that can be stored in KV cache", 1, true)
      or string.find(line, "larger than the available KV cache memory", 1, true)
      or string.find(line, "No available memory for the cache blocks", 1, true) then
      return "refuse"
    end
  end
  if vllm_logged_tokens(log, 16) or first_match(log, "Maximum concurrency for") then return "fit" end
end

local function vllm_logged_largest(log)
  local n = first_match(log, "estimated maximum model length is ([%d,]+)")
  if n then return num(n) end
  n = first_match(log, "stored in KV cache %(([%d,]+)%)")
  if n then return num(n) end
end

-- The memory left for the KV cache that the log prints, per pipeline stage
-- (the smallest over the stage's ranks; "rank=N" prefixes give the rank, rank
-- // tp the stage), or nil.
local function vllm_logged_available_GiB(log, tp, pp)
  local per_stage = {}
  for _, line in ipairs(log) do
    local v = string.match(line, "Available KV cache memory: (%-?[%d%.]+) GiB")
      or string.match(line, "reserved for KV Cache is (%-?[%d%.]+) ?GiB")
      or string.match(line, "kv_cache_size=(%-?[%d%.]+)GiB")
      or string.match(line, "larger than the available KV cache memory %((%-?[%d%.]+) GiB%)")
    if v then
      local rank = tonumber(string.match(line, "rank=(%d+)") or "0")
      local stage = (pp > 1) and (rank // tp + 1) or 1
      v = num(v)
      if not per_stage[stage] or v < per_stage[stage] then per_stage[stage] = v end
    end
  end
  for stage = 1, pp do if per_stage[stage] == nil then return nil end end
  return per_stage
end

local function run_vllm_plan(case, plan, tier, tol_tokens, failures)
  local bs = case.settings.block_size or 16
  local function chk(key, pred, logged, tol, fmt)
    local full = tier .. " " .. key
    local ok, miss = record(case, full, pred, logged, tol, fmt)
    if not ok and not miss then
      failures[#failures + 1] = string.format("%s: predicted %s, logged %s", full,
        string.format(fmt, pred), string.format(fmt, logged))
    end
  end
  for _, c in ipairs(case.checks) do
    if c.what == "kv_tokens" then
      local logged = vllm_logged_tokens(case.log, bs)
      if not logged then failures[#failures + 1] = "kv_tokens: no such line in the log"
      else chk("kv_tokens", plan.kv_tokens, logged, tol_tokens, "%.0f") end
    elseif c.what == "outcome" then
      local logged = vllm_logged_outcome(case.log, case.outcome_evidence)
      local pred = plan.fits and "fit" or "refuse"
      local full = tier .. " outcome"
      local ok = logged == pred
      local miss = case.known_miss and case.known_miss[full]
      ROWS[#ROWS + 1] = { case = case.id, check = full, predicted = pred, logged = logged or "?",
                          status = ok and "ok" or (miss and "known miss" or "MISS") }
      if not ok and not miss then
        failures[#failures + 1] = string.format("%s: predicted %s, logged %s", full, pred, tostring(logged))
      end
    elseif c.what == "largest_len" then
      local logged = vllm_logged_largest(case.log)
      if not logged then failures[#failures + 1] = "largest_len: no such line in the log"
      else chk("largest_len", plan.largest_len, logged, tol_tokens, "%.0f") end
    elseif c.what == "needed_GiB" then
      local logged = first_match(case.log, "%(([%d%.]+) GiB KV cache is needed")
      if not logged then failures[#failures + 1] = "needed_GiB: no such line in the log"
      else chk("needed_GiB", (plan.needed_bytes or 0) / GiB, num(logged), 0.01 + 0.005 / num(logged), "%.2f") end
    elseif c.what == "concurrency" then
      local L, x = first_match(case.log, "Maximum concurrency for ([%d,]+) tokens per request: ([%d%.]+)x")
      if not L then failures[#failures + 1] = "concurrency: no such line in the log"
      else chk("concurrency", plan.max_concurrency, num(x), tol_tokens, "%.2f") end
    end
  end
end

local function run_vllm(case)
  local failures = {}
  local s = case.settings
  if case.first_principles ~= false then
    run_vllm_plan(case, vllm.plan(case.model, s), "first-principles", 0.10, failures)
  end
  local pp = s.pp or 1
  local avail = vllm_logged_available_GiB(case.log, s.tp or 1, pp)
  if avail then
    local ms = {}
    for k, v in pairs(s) do ms[k] = v end
    ms.measured = { available_GiB = pp > 1 and avail or avail[1] }
    ms.gpu_total_GiB = ms.gpu_total_GiB or 0
    -- 1 % plus the 0.005 GiB the log's two decimals can hide
    local least = math.huge
    for _, v in ipairs(avail) do least = math.min(least, v) end
    local tol = 0.01 + (least > 0 and 0.005 / least or 0)
    run_vllm_plan(case, vllm.plan(case.model, ms), "logged-memory", tol, failures)
  end
  return failures
end

------------------------------------------------------------------------------
-- One test per case, then the agreement table
------------------------------------------------------------------------------

local function add_case(json_text)
  local case = taf.json.decode(json_text)
  CASES[#CASES + 1] = case
end

local function run_all()
  local n_llama, n_vllm, n_other = 0, 0, 0
  for _, case in ipairs(CASES) do
    if case.engine == "vllm" then n_vllm = n_vllm + 1
    elseif case.engine == "llama.cpp" or case.engine == "ollama" then n_llama = n_llama + 1
    else n_other = n_other + 1 end   -- forks (ik_llama.cpp) run through the llama.cpp rules
    test(case.id, function()
      local failures = case.engine == "vllm" and run_vllm(case) or run_llamacpp(case)
      if #failures > 0 then fail(case.id .. ": " .. table.concat(failures, "; ")) end
    end)
  end
  test("the logged cases cover both engines (>= 12 llama.cpp/Ollama, >= 8 vLLM, >= 25 in all)", function()
    expect(n_llama >= 12, "llama.cpp cases: " .. n_llama)
    expect(n_vllm >= 8, "vLLM cases: " .. n_vllm)
    expect(n_llama + n_vllm + n_other >= 25, "cases: " .. (n_llama + n_vllm + n_other))
  end)
  test("agreement table", function()
    local out = { "| case | check | predicted | logged | error | status |", "|---|---|---:|---:|---:|---|" }
    local n_ok, n_known, n_miss = 0, 0, 0
    for _, r in ipairs(ROWS) do
      local p, l, e
      if type(r.predicted) == "number" then
        p, l = string.format(r.fmt, r.predicted), string.format(r.fmt, r.logged)
        e = string.format("%+.2f %%", 100 * r.err)
      else p, l, e = r.predicted, r.logged, "" end
      out[#out + 1] = string.format("| %s | %s | %s | %s | %s | %s |", r.case, r.check, p, l, e, r.status)
      if r.status == "ok" then n_ok = n_ok + 1 elseif r.status == "known miss" then n_known = n_known + 1
      else n_miss = n_miss + 1 end
    end
    out[#out + 1] = string.format("checks: %d ok, %d known misses, %d unmarked misses", n_ok, n_known, n_miss)
    print(table.concat(out, "\n"))
  end)
end

-- BEGIN GENERATED CASES (tests/reality/engines/embed_logs.py; do not edit by hand)
-- ikllama-deepseek-v3-0324-mla-c16384-4gpu.json
add_case([=[
{
  "id": "ikllama-deepseek-v3-0324-mla-c16384-4gpu",
  "engine": "ik_llama.cpp",
  "engine_version": "ik_llama.cpp build 3679-3682 (May 2025), -mla 1",
  "source": {
    "url": "https://github.com/ikawrakow/ik_llama.cpp/pull/394",
    "title": "ik_llama.cpp PR #394 'Handle incompatible DeepSeek GGUFs', comment by Panchovix 2025-05-09",
    "kind": "GitHub pull request"
  },
  "stated": {
    "model": "unsloth DeepSeek-V3-0324-UD-Q2_K_XL (mainline-format GGUF with split attn_k_b/attn_v_b)",
    "hardware": "RTX 5090 + 2x RTX 4090 + RTX A6000, 192 GB RAM",
    "command": "llama-server -c 16384 --no-mmap -ngl 999 -ot ... (experts of layers 0-24 on the GPUs, the rest on CPU) -fmoe -mla 1",
    "n_ctx": 16384,
    "n_ubatch": 512,
    "flash_attn": 0,
    "cache": "f16 (c^KV 576 wide, kv^T 512 wide)"
  },
  "settings": {
    "n_ctx": 16384,
    "n_ubatch": 512,
    "n_batch": 2048,
    "flash_attn": false,
    "gpus": [
      "CUDA0",
      "CUDA1",
      "CUDA2",
      "CUDA3"
    ],
    "weight_format": "Q2_K"
  },
  "model": {
    "n_layers": 61,
    "d_model": 7168,
    "n_attention_heads": 128,
    "n_kv_heads": 128,
    "d_head": 192,
    "d_ff": 18432,
    "vocab": 129280,
    "tie_word_embeddings": false,
    "kv_lora_rank": 512,
    "q_lora_rank": 1536,
    "qk_rope_head_dim": 64,
    "qk_nope_head_dim": 128,
    "v_head_dim": 128,
    "mla_split_kv_b": true,
    "n_experts": 256,
    "n_experts_active": 8,
    "d_ff_expert": 2048,
    "n_shared_experts": 1,
    "n_dense_lead": 3,
    "router_bias": false
  },
  "model_facts": {
    "source": "the log's GGUF metadata in the same thread (deepseek2.block_count 61, embedding_length 7168, head_count 128, kv_lora_rank 512, q_lora_rank 1536, key_length 576 / value_length 512 = the split MLA layout, expert_count 256, expert_used_count 8, expert_feed_forward_length 2048, leading_dense_block_count 3, vocab 129280)"
  },
  "log": [
    "./llama-server -m '/GGUFs/DeepSeek-V3-0324-UD-Q2_K_XL-merged.gguf' -c 16384 --no-mmap --no-warmup -v -ngl 999 -ot \"blk.(0|1|2|3|4|5|6).ffn.=CUDA0\" -ot \"blk.(7|8|9|10).ffn.=CUDA1\" -ot \"blk.(11|12|13|14).ffn.=CUDA2\"  -ot \"blk.(15|16|17|18|19|20|21|22|23|24).ffn.=CUDA3\"  -ot \"ffn.*=CPU\" -fmoe -mla 1",
    "llm_load_tensors: offloaded 62/62 layers to GPU",
    "llama_new_context_with_model: n_ctx      = 16384",
    "llama_new_context_with_model: n_batch    = 2048",
    "llama_new_context_with_model: n_ubatch   = 512",
    "llama_new_context_with_model: flash_attn = 0",
    "llama_new_context_with_model: mla_attn   = 1",
    "llama_kv_cache_init:      CUDA0 KV buffer size =   510.00 MiB",
    "llama_kv_cache_init:      CUDA1 KV buffer size =   408.00 MiB",
    "llama_kv_cache_init:      CUDA2 KV buffer size =   408.00 MiB",
    "llama_kv_cache_init:      CUDA3 KV buffer size =   748.00 MiB",
    "llama_new_context_with_model: KV self size  = 2074.00 MiB, c^KV (f16): 1098.00 MiB, kv^T (f16):  976.00 MiB"
  ],
  "checks": [
    {
      "what": "kv_total"
    }
  ],
  "engine_note": "ik_llama.cpp is a llama.cpp fork; with -mla 1 its cache holds the same K (kv_lora_rank + rope = 576) and V (kv_lora_rank = 512) rows as mainline llama.cpp's split-MLA cache, which is what the rule computes",
  "not_compared": "per-GPU KV and compute buffers: the layer split follows each GPU's free memory (no -ts given) and the -ot expert placement; model buffers: Q2_K_XL is an Unsloth dynamic mix"
}
]=])
-- llamacpp-deepseek-v2-lite-q4_0-opencl-b7057.json
add_case([=[
{
  "id": "llamacpp-deepseek-v2-lite-q4_0-opencl-b7057",
  "engine": "llama.cpp",
  "engine_version": "b7057 (915803d1)",
  "source": {
    "url": null,
    "index_id": "60665970451",
    "title": "llama-cli debug log on a Snapdragon/Adreno 840 phone (OpenCL backend)",
    "kind": "llama-cli log",
    "note": "public file found through the search index of public GitHub repositories; the index exposes the text but not the repository/path, so no URL can be given (read_file id 60665970451)"
  },
  "stated": {
    "model": "deepseek-v2-lite-chat-q4_0.gguf (377 tensors: no attn_k_b/attn_v_b, n_embd_head_k_mla = 0)",
    "gpu": "QUALCOMM Adreno 840, OpenCL",
    "command": "llama-cli -ngl 30 -n 10",
    "n_ctx": 4096,
    "n_ubatch": 512,
    "flash_attn": "auto (enabled)",
    "cache": "f16/f16"
  },
  "settings": {
    "build": 7057,
    "n_ctx": 4096,
    "n_ubatch": 512,
    "n_batch": 2048,
    "flash_attn": true,
    "n_gpu_layers": 30,
    "gpus": [
      "OpenCL"
    ],
    "weight_format": "Q4_0"
  },
  "model": {
    "n_layers": 27,
    "d_model": 2048,
    "n_attention_heads": 16,
    "n_kv_heads": 16,
    "d_head": 192,
    "d_ff": 10944,
    "vocab": 102400,
    "tie_word_embeddings": false,
    "kv_lora_rank": 512,
    "q_lora_rank": 0,
    "qk_rope_head_dim": 64,
    "qk_nope_head_dim": 128,
    "v_head_dim": 128,
    "mla_split_kv_b": false,
    "n_experts": 64,
    "n_experts_active": 6,
    "d_ff_expert": 1408,
    "n_shared_experts": 2,
    "n_dense_lead": 1
  },
  "model_facts": {
    "source": "the log's GGUF metadata (deepseek2.block_count 27, embedding_length 2048, feed_forward_length 10944, head_count 16, kv_lora_rank 512, key_length 192, value_length 128, expert_count 64, expert_used_count 6, expert_shared_count 2, expert_feed_forward_length 1408, leading_dense_block_count 1, vocab 102400, no q_lora)"
  },
  "log": [
    "build: 7057 (915803d1) with Android (9352603, based on r450784d1) clang version 14.0.7 (https://android.googlesource.com/toolchain/llvm-project 4c603efb0cca074e9238af8b4106c30add4418f6) for x86_64-unknown-linux-gnu",
    "llama_model_loader: loaded meta data with 45 key-value pairs and 377 tensors from ../models/deepseek-v2-lite-chat-q4_0.gguf (version GGUF V3 (latest))",
    "llama_model_loader: - type  f32:  108 tensors",
    "llama_model_loader: - type q4_0:  268 tensors",
    "llama_model_loader: - type q6_K:    1 tensors",
    "print_info: file type   = Q4_0",
    "print_info: n_embd_head_k    = 192",
    "print_info: n_embd_head_v    = 128",
    "print_info: n_embd_k_gqa     = 3072",
    "print_info: n_embd_v_gqa     = 2048",
    "print_info: n_embd_head_k_mla    = 0",
    "print_info: n_embd_head_v_mla    = 0",
    "load_tensors: offloading 27 repeating layers to GPU",
    "load_tensors: offloading output layer to GPU",
    "load_tensors: offloaded 28/28 layers to GPU",
    "load_tensors:   CPU_Mapped model buffer size =   112.50 MiB",
    "load_tensors:       OpenCL model buffer size =  8376.26 MiB",
    "llama_context: n_seq_max     = 1",
    "llama_context: n_ctx         = 4096",
    "llama_context: n_ctx_seq     = 4096",
    "llama_context: n_batch       = 2048",
    "llama_context: n_ubatch      = 512",
    "llama_context: causal_attn   = 1",
    "llama_context: flash_attn    = auto",
    "llama_context: kv_unified    = false",
    "llama_context:        CPU  output buffer size =     0.39 MiB",
    "llama_kv_cache:     OpenCL KV buffer size =  1080.00 MiB",
    "llama_kv_cache: size = 1080.00 MiB (  4096 cells,  27 layers,  1/1 seqs), K (f16):  648.00 MiB, V (f16):  432.00 MiB",
    "llama_context: Flash Attention was auto, set to enabled",
    "llama_context:     OpenCL compute buffer size =   208.00 MiB",
    "llama_context:        CPU compute buffer size =    12.01 MiB",
    "llama_context: graph nodes  = 1737",
    "llama_context: graph splits = 2"
  ],
  "checks": [
    {
      "what": "model",
      "log_device": "OpenCL",
      "device": "OpenCL"
    },
    {
      "what": "model",
      "log_device": "CPU_Mapped",
      "device": "host"
    },
    {
      "what": "kv",
      "log_device": "OpenCL",
      "device": "OpenCL"
    },
    {
      "what": "compute",
      "log_device": "OpenCL",
      "device": "OpenCL"
    }
  ]
}
]=])
-- llamacpp-gemma-2-2b-it-q4_k_m-cpu-np4-unified-b7445.json
add_case([=[
{
  "id": "llamacpp-gemma-2-2b-it-q4_k_m-cpu-np4-unified-b7445",
  "engine": "llama.cpp",
  "engine_version": "b7445 (4b2a4778f)",
  "source": {
    "url": null,
    "index_id": "46940380535",
    "title": "llama-server log on Windows (CPU build llama-b7445-bin-win-cpu-x64)",
    "kind": "llama-server log",
    "note": "public file found through the search index of public GitHub repositories; the index exposes the text but not the repository/path, so no URL can be given (read_file id 46940380535)"
  },
  "stated": {
    "model": "gemma-2-2b-it-Q4_K_M.gguf",
    "hardware": "x86 CPU, no GPU",
    "n_parallel": "auto -> 4, kv_unified = true",
    "n_ctx": 8192,
    "n_batch": 2048,
    "n_ubatch": 512,
    "flash_attn": "auto (enabled)",
    "cache": "f16/f16"
  },
  "settings": {
    "build": 7445,
    "n_ctx": 8192,
    "n_seq": 4,
    "kv_unified": true,
    "n_ubatch": 512,
    "n_batch": 2048,
    "flash_attn": true,
    "gpus": 0,
    "weight_format": "Q4_K_M"
  },
  "model": {
    "n_layers": 26,
    "d_model": 2304,
    "n_attention_heads": 8,
    "n_kv_heads": 4,
    "d_head": 256,
    "d_ff": 9216,
    "vocab": 256000,
    "tie_word_embeddings": true,
    "post_norms": true,
    "sliding_window": 4096,
    "swa_period": 2
  },
  "model_facts": {
    "source": "the log's GGUF metadata (gemma2.block_count 26, embedding_length 2304, head_count 8, head_count_kv 4, key_length 256, feed_forward_length 9216, sliding_window 4096, 256000 tokens) and google/gemma-2-2b-it config.json (alternating sliding/global layers, tied embeddings)"
  },
  "log": [
    "main: n_parallel is set to auto, using n_parallel = 4 and kv_unified = true",
    "build: 7445 (4b2a4778f) with Clang 19.1.5 for Windows x86_64",
    "llama_params_fit_impl: no devices with dedicated memory found",
    "llama_model_loader: - type  f32:  105 tensors",
    "llama_model_loader: - type q4_K:  156 tensors",
    "llama_model_loader: - type q6_K:   27 tensors",
    "print_info: file type   = Q4_K - Medium",
    "print_info: n_swa            = 4096",
    "print_info: is_swa_any       = 1",
    "load_tensors:   CPU_Mapped model buffer size =  1623.67 MiB",
    "load_tensors:   CPU_REPACK model buffer size =   921.38 MiB",
    "llama_context: n_seq_max     = 4",
    "llama_context: n_ctx         = 8192",
    "llama_context: n_ctx_seq     = 8192",
    "llama_context: n_batch       = 2048",
    "llama_context: n_ubatch      = 512",
    "llama_context: causal_attn   = 1",
    "llama_context: flash_attn    = auto",
    "llama_context: kv_unified    = true",
    "llama_context:        CPU  output buffer size =     3.91 MiB",
    "llama_kv_cache_iswa: creating non-SWA KV cache, size = 8192 cells",
    "llama_kv_cache:        CPU KV buffer size =   416.00 MiB",
    "llama_kv_cache: size =  416.00 MiB (  8192 cells,  13 layers,  4/1 seqs), K (f16):  208.00 MiB, V (f16):  208.00 MiB",
    "llama_kv_cache_iswa: creating     SWA KV cache, size = 8192 cells",
    "llama_kv_cache:        CPU KV buffer size =   416.00 MiB",
    "llama_kv_cache: size =  416.00 MiB (  8192 cells,  13 layers,  4/1 seqs), K (f16):  208.00 MiB, V (f16):  208.00 MiB",
    "llama_context: Flash Attention was auto, set to enabled",
    "llama_context:        CPU compute buffer size =   509.00 MiB",
    "llama_context: graph nodes  = 948",
    "llama_context: graph splits = 1"
  ],
  "checks": [
    {
      "what": "kv",
      "log_device": "CPU",
      "device": "host"
    },
    {
      "what": "compute",
      "log_device": "CPU",
      "device": "host"
    }
  ],
  "not_compared": "host model buffers (CPU_REPACK copies next to the CPU_Mapped span)"
}
]=])
-- llamacpp-gpt-oss-120b-vulkan-c2000-fa0-pad32.json
add_case([=[
{
  "id": "llamacpp-gpt-oss-120b-vulkan-c2000-fa0-pad32",
  "engine": "llama.cpp",
  "engine_version": "≈b6200-b6900 (llama_kv_cache_unified_iswa naming, kv_unified printed, 32-cell padding without FA)",
  "source": {
    "url": "https://github.com/intel/AI-Playground/issues/325",
    "title": "GPT-OSS-120B-Q4_K_M-GGUF not working with 128GB RAM (intel/AI-Playground, comment by simplythomasjay)",
    "kind": "GitHub issue"
  },
  "stated": {
    "model": "GPT-OSS-120B Q4_K_M GGUF",
    "backend": "llama.cpp Vulkan inside AI Playground",
    "n_ctx": 2000,
    "n_batch": 2000,
    "n_ubatch": 512,
    "flash_attn": 0,
    "cache": "f16/f16"
  },
  "settings": {
    "build": 6500,
    "n_ctx": 2000,
    "n_ubatch": 512,
    "n_batch": 2000,
    "flash_attn": false,
    "gpus": [
      "Vulkan0"
    ],
    "weight_format": "Q4_K_M"
  },
  "model": {
    "n_layers": 36,
    "d_model": 2880,
    "n_attention_heads": 64,
    "n_kv_heads": 8,
    "d_head": 64,
    "d_ff": 2880,
    "vocab": 201088,
    "tie_word_embeddings": false,
    "qkv_bias": true,
    "o_bias": true,
    "attn_sinks": true,
    "n_experts": 128,
    "n_experts_active": 4,
    "d_ff_expert": 2880,
    "router_bias": true,
    "expert_bias": true,
    "sliding_window": 128,
    "swa_period": 2
  },
  "model_facts": {
    "source": "openai/gpt-oss-120b config.json (36 layers, 8 KV heads x 64, sliding_window 128 on alternating layers); the log's '18 layers' per cache"
  },
  "log": [
    "index-DHRl2uzL.js:201 [llamacpp-backend] I llama_context: constructing llama_context",
    "I llama_context: n_seq_max     = 1",
    "I llama_context: n_ctx         = 2000",
    "I llama_context: n_ctx_per_seq = 2000",
    "I llama_context: n_batch       = 2000",
    "I llama_context: n_ubatch      = 512",
    "I llama_context: causal_attn   = 1",
    "I llama_context: flash_attn    = 0",
    "I llama_context: kv_unified    = false",
    "I llama_context: freq_base     = 150000.0",
    "I llama_context: freq_scale    = 0.03125",
    "W llama_context: n_ctx_per_seq (2000) < n_ctx_train (131072) -- the full capacity of the model will not be utilized",
    "index-DHRl2uzL.js:201 [llamacpp-backend] I llama_context: Vulkan_Host  output buffer size =     0.77 MiB",
    "I llama_kv_cache_unified_iswa: creating non-SWA KV cache, size = 2016 cells",
    "index-DHRl2uzL.js:201 [llamacpp-backend] I llama_kv_cache_unified:    Vulkan0 KV buffer size =    70.88 MiB",
    "index-DHRl2uzL.js:201 [llamacpp-backend] I llama_kv_cache_unified: size =   70.88 MiB (  2016 cells,  18 layers,  1/1 seqs), K (f16):   35.44 MiB, V (f16):   35.44 MiB",
    "I llama_kv_cache_unified_iswa: creating     SWA KV cache, size = 640 cells",
    "I llama_kv_cache_unified:    Vulkan0 KV buffer size =    22.50 MiB"
  ],
  "checks": [
    {
      "what": "kv",
      "log_device": "Vulkan0",
      "device": "Vulkan0"
    }
  ],
  "not_compared": "model and compute buffers are not in the quoted part of the comment"
}
]=])
-- llamacpp-gpt-oss-20b-mxfp4-cann8-c131072-fa.json
add_case([=[
{
  "id": "llamacpp-gpt-oss-20b-mxfp4-cann8-c131072-fa",
  "engine": "llama.cpp",
  "engine_version": "Aug 2025 build (llama_kv_cache_unified_iswa naming, kv_unified printed)",
  "source": {
    "url": null,
    "index_id": "44321302313",
    "title": "gpt-oss-20b on Ascend NPUs with llama.cpp (CANN backend), Chinese deployment notes",
    "kind": "llama-server log in deployment notes",
    "note": "public file found through the search index of public GitHub repositories; the index exposes the text but not the repository/path, so no URL can be given (read_file id 44321302313)"
  },
  "stated": {
    "model": "gpt-oss-20b MXFP4 GGUF",
    "hardware": "8 Ascend NPUs (CANN0-7)",
    "n_ctx": 131072,
    "n_batch": 2048,
    "n_ubatch": 512,
    "flash_attn": 1,
    "cache": "f16/f16",
    "ngl": "25/25"
  },
  "settings": {
    "build": 6100,
    "n_ctx": 131072,
    "n_ubatch": 512,
    "n_batch": 2048,
    "flash_attn": true,
    "gpus": [
      "CANN0",
      "CANN1",
      "CANN2",
      "CANN3",
      "CANN4",
      "CANN5",
      "CANN6",
      "CANN7"
    ],
    "n_cpu_moe": 24,
    "weight_format": "MXFP4_MOE"
  },
  "model": {
    "n_layers": 24,
    "d_model": 2880,
    "n_attention_heads": 64,
    "n_kv_heads": 8,
    "d_head": 64,
    "d_ff": 2880,
    "vocab": 201088,
    "tie_word_embeddings": false,
    "qkv_bias": true,
    "o_bias": true,
    "attn_sinks": true,
    "n_experts": 32,
    "n_experts_active": 4,
    "d_ff_expert": 2880,
    "router_bias": true,
    "expert_bias": true,
    "sliding_window": 128,
    "swa_period": 2
  },
  "model_facts": {
    "source": "openai/gpt-oss-20b config.json (num_hidden_layers 24, hidden_size 2880, num_attention_heads 64, num_key_value_heads 8, head_dim 64, num_local_experts 32, num_experts_per_tok 4, intermediate_size 2880, sliding_window 128, layer_types alternating sliding/full starting with sliding, vocab_size 201088, attention_bias true, sinks) and the GGUF tensor list of ggml-org/gpt-oss-20b-GGUF (MXFP4 experts, q8_0 elsewhere, 459 tensors)",
    "gguf_file_type": "MXFP4 MoE (38)",
    "placement": "the CANN model buffers (81.90 MiB for 3 layers) hold no expert weights: CANN has no MXFP4 kernels, so the stacked MXFP4 expert tensors stay in host memory; modelled as --n-cpu-moe 24"
  },
  "log": [
    "load_tensors: offloading 24 repeating layers to GPU",
    "load_tensors: offloading output layer to GPU",
    "load_tensors: offloaded 25/25 layers to GPU",
    "load_tensors:   CPU_Mapped model buffer size = 10949.33 MiB",
    "load_tensors:        CANN0 model buffer size =   109.20 MiB",
    "load_tensors:        CANN1 model buffer size =    81.90 MiB",
    "load_tensors:        CANN2 model buffer size =    81.90 MiB",
    "load_tensors:        CANN3 model buffer size =    81.90 MiB",
    "load_tensors:        CANN4 model buffer size =    81.90 MiB",
    "load_tensors:        CANN5 model buffer size =    81.90 MiB",
    "load_tensors:        CANN6 model buffer size =    81.90 MiB",
    "load_tensors:        CANN7 model buffer size =   641.43 MiB",
    "llama_context: n_seq_max     = 1",
    "llama_context: n_ctx         = 131072",
    "llama_context: n_ctx_per_seq = 131072",
    "llama_context: n_batch       = 2048",
    "llama_context: n_ubatch      = 512",
    "llama_context: causal_attn   = 1",
    "llama_context: flash_attn    = 1",
    "llama_context: kv_unified    = false",
    "llama_context:  CANN_Host  output buffer size =     0.77 MiB",
    "llama_kv_cache_unified_iswa: creating non-SWA KV cache, size = 131072 cells",
    "llama_kv_cache_unified:      CANN0 KV buffer size =   512.00 MiB",
    "llama_kv_cache_unified:      CANN1 KV buffer size =   256.00 MiB",
    "llama_kv_cache_unified:      CANN2 KV buffer size =   512.00 MiB",
    "llama_kv_cache_unified:      CANN3 KV buffer size =   256.00 MiB",
    "llama_kv_cache_unified:      CANN4 KV buffer size =   512.00 MiB",
    "llama_kv_cache_unified:      CANN5 KV buffer size =   256.00 MiB",
    "llama_kv_cache_unified:      CANN6 KV buffer size =   512.00 MiB",
    "llama_kv_cache_unified:      CANN7 KV buffer size =   256.00 MiB",
    "llama_kv_cache_unified: size = 3072.00 MiB (131072 cells,  12 layers,  1/1 seqs), K (f16): 1536.00 MiB, V (f16): 1536.00 MiB",
    "llama_kv_cache_unified_iswa: creating     SWA KV cache, size = 768 cells",
    "llama_kv_cache_unified:      CANN0 KV buffer size =     3.00 MiB",
    "llama_kv_cache_unified:      CANN1 KV buffer size =     3.00 MiB",
    "llama_kv_cache_unified:      CANN2 KV buffer size =     1.50 MiB",
    "llama_kv_cache_unified:      CANN3 KV buffer size =     3.00 MiB",
    "llama_kv_cache_unified:      CANN4 KV buffer size =     1.50 MiB",
    "llama_kv_cache_unified:      CANN5 KV buffer size =     3.00 MiB",
    "llama_kv_cache_unified:      CANN6 KV buffer size =     1.50 MiB",
    "llama_kv_cache_unified:      CANN7 KV buffer size =     1.50 MiB",
    "llama_kv_cache_unified: size =   18.00 MiB (   768 cells,  12 layers,  1/1 seqs), K (f16):    9.00 MiB, V (f16):    9.00 MiB",
    "llama_context:      CANN0 compute buffer size =   396.27 MiB",
    "llama_context:      CANN1 compute buffer size =    34.76 MiB",
    "llama_context:      CANN2 compute buffer size =    34.76 MiB",
    "llama_context:      CANN3 compute buffer size =    34.76 MiB",
    "llama_context:      CANN4 compute buffer size =    34.76 MiB",
    "llama_context:      CANN5 compute buffer size =    34.76 MiB",
    "llama_context:      CANN6 compute buffer size =    34.76 MiB",
    "llama_context:      CANN7 compute buffer size =   398.38 MiB",
    "llama_context:  CANN_Host compute buffer size =   402.27 MiB",
    "llama_context: graph nodes  = 1352",
    "llama_context: graph splits = 194"
  ],
  "checks": [
    {
      "what": "model",
      "log_device": "CANN0",
      "device": "CANN0"
    },
    {
      "what": "model",
      "log_device": "CANN1",
      "device": "CANN1"
    },
    {
      "what": "model",
      "log_device": "CANN7",
      "device": "CANN7"
    },
    {
      "what": "kv",
      "log_device": "CANN0",
      "device": "CANN0"
    },
    {
      "what": "kv",
      "log_device": "CANN1",
      "device": "CANN1"
    },
    {
      "what": "kv",
      "log_device": "CANN7",
      "device": "CANN7"
    },
    {
      "what": "kv_total"
    },
    {
      "what": "compute",
      "log_device": "CANN0",
      "device": "CANN0"
    },
    {
      "what": "compute",
      "log_device": "CANN1",
      "device": "CANN1"
    },
    {
      "what": "compute",
      "log_device": "CANN7",
      "device": "CANN7"
    }
  ],
  "not_compared": "CPU_Mapped (mmap span of the whole file)",
  "known_miss": {
    "compute:CANN0": "CANN runs neither MXFP4 matmuls nor (it appears) attention with sinks, so those ops and the inputs they need fall back to the CPU backend; which buffers then hold the mask and the logits is not modelled (CANN0 396.27 MiB looks like a second logits-sized buffer)",
    "compute:CANN1": "same cause: the logged 34.76 MiB holds no flash-attention mask (128 MiB at 131072 cells), so the attention of the middle NPUs did not run there"
  }
}
]=])
-- llamacpp-gpt-oss-20b-mxfp4-vulkan-ngl24-ncpumoe14-b6182.json
add_case([=[
{
  "id": "llamacpp-gpt-oss-20b-mxfp4-vulkan-ngl24-ncpumoe14-b6182",
  "engine": "llama.cpp",
  "engine_version": "b6182 (1fe00296f)",
  "source": {
    "url": "https://github.com/ggml-org/llama.cpp/issues/16188",
    "title": "Eval bug: Gpt-oss-20b garbage outputs with Vulkan backend (alexghergh, 2025-09-23), log of a b6182 run",
    "kind": "GitHub issue",
    "note": "the lines were read from a public write-up that quotes this issue's b6182 log verbatim (search index id 65929508964); the issue itself reports version 6527 in its header"
  },
  "stated": {
    "model": "ggml-org/gpt-oss-20b-GGUF gpt-oss-20b-mxfp4.gguf",
    "hardware": "Apple M2 Pro, Vulkan (Asahi), 16 GB RAM",
    "command": "llama-cli -ngl 24 --n-cpu-moe 14 --no-warmup",
    "n_ctx": 4096,
    "n_batch": 2048,
    "n_ubatch": 512,
    "flash_attn": 0,
    "cache": "f16/f16"
  },
  "settings": {
    "build": 6182,
    "n_ctx": 4096,
    "n_ubatch": 512,
    "n_batch": 2048,
    "flash_attn": false,
    "n_gpu_layers": 24,
    "n_cpu_moe": 14,
    "gpus": [
      "Vulkan0"
    ],
    "weight_format": "MXFP4_MOE"
  },
  "model": {
    "n_layers": 24,
    "d_model": 2880,
    "n_attention_heads": 64,
    "n_kv_heads": 8,
    "d_head": 64,
    "d_ff": 2880,
    "vocab": 201088,
    "tie_word_embeddings": false,
    "qkv_bias": true,
    "o_bias": true,
    "attn_sinks": true,
    "n_experts": 32,
    "n_experts_active": 4,
    "d_ff_expert": 2880,
    "router_bias": true,
    "expert_bias": true,
    "sliding_window": 128,
    "swa_period": 2
  },
  "model_facts": {
    "source": "openai/gpt-oss-20b config.json (num_hidden_layers 24, hidden_size 2880, num_attention_heads 64, num_key_value_heads 8, head_dim 64, num_local_experts 32, num_experts_per_tok 4, intermediate_size 2880, sliding_window 128, layer_types alternating sliding/full starting with sliding, vocab_size 201088, attention_bias true, sinks) and the GGUF tensor list of ggml-org/gpt-oss-20b-GGUF (MXFP4 experts, q8_0 elsewhere, 459 tensors)",
    "gguf_file_type": "MXFP4 MoE (38)"
  },
  "log": [
    "build: 6182 (1fe00296f) with cc (GCC) 15.2.1 20250808 (Red Hat 15.2.1-1) for aarch64-redhat-linux",
    "llama_model_load_from_file_impl: using device Vulkan0 (Apple M2 Pro (G14S B1)) - 7789 MiB free",
    "llama_model_loader: loaded meta data with 35 key-value pairs and 459 tensors from ./gpt-oss-20b-mxfp4.gguf (version GGUF V3 (latest))",
    "print_info: file type   = MXFP4 MoE",
    "print_info: file size   = 11.27 GiB (4.63 BPW)",
    "print_info: n_layer          = 24",
    "print_info: n_swa            = 128",
    "print_info: is_swa_any       = 1",
    "print_info: n_embd_k_gqa     = 512",
    "print_info: n_embd_v_gqa     = 512",
    "print_info: n_expert         = 32",
    "print_info: n_expert_used    = 4",
    "load_tensors: offloading 24 repeating layers to GPU",
    "load_tensors: offloaded 24/25 layers to GPU",
    "load_tensors:      Vulkan0 model buffer size =  4699.90 MiB",
    "load_tensors:   CPU_Mapped model buffer size =  7218.45 MiB",
    "llama_context: n_seq_max     = 1",
    "llama_context: n_ctx         = 4096",
    "llama_context: n_ctx_per_seq = 4096",
    "llama_context: n_batch       = 2048",
    "llama_context: n_ubatch      = 512",
    "llama_context: causal_attn   = 1",
    "llama_context: flash_attn    = 0",
    "llama_context: kv_unified    = false",
    "llama_context:        CPU  output buffer size =     0.77 MiB",
    "llama_kv_cache_unified_iswa: creating non-SWA KV cache, size = 4096 cells",
    "llama_kv_cache_unified:    Vulkan0 KV buffer size =    96.00 MiB",
    "llama_kv_cache_unified: size =   96.00 MiB (  4096 cells,  12 layers,  1/1 seqs), K (f16):   48.00 MiB, V (f16):   48.00 MiB",
    "llama_kv_cache_unified_iswa: creating     SWA KV cache, size = 640 cells",
    "llama_kv_cache_unified:    Vulkan0 KV buffer size =    15.00 MiB",
    "llama_kv_cache_unified: size =   15.00 MiB (   640 cells,  12 layers,  1/1 seqs), K (f16):    7.50 MiB, V (f16):    7.50 MiB",
    "llama_context:    Vulkan0 compute buffer size =   985.20 MiB",
    "llama_context: Vulkan_Host compute buffer size =    58.33 MiB",
    "llama_context: graph nodes  = 1446",
    "llama_context: graph splits = 116 (with bs=512), 31 (with bs=1)"
  ],
  "checks": [
    {
      "what": "model",
      "log_device": "Vulkan0",
      "device": "Vulkan0"
    },
    {
      "what": "kv",
      "log_device": "Vulkan0",
      "device": "Vulkan0"
    },
    {
      "what": "compute",
      "log_device": "Vulkan0",
      "device": "Vulkan0"
    }
  ],
  "not_compared": "CPU_Mapped 7218.45 MiB: with mmap the host buffer is the mapped span of the file (it runs from the first to the last host tensor and includes the offloaded tensors between them), not the bytes of host tensors"
}
]=])
-- llamacpp-jina-v4-qwen2.5vl-3b-q8_0-ub4096-fa.json
add_case([=[
{
  "id": "llamacpp-jina-v4-qwen2.5vl-3b-q8_0-ub4096-fa",
  "engine": "llama.cpp",
  "engine_version": "b6xxx (kv_unified printed, llama_kv_cache_unified naming: Jul-Sep 2025)",
  "source": {
    "url": "https://github.com/jina-ai/jina-embeddings-v4-gguf/blob/main/README.md",
    "title": "jina-ai/jina-embeddings-v4-gguf README, 'System info' block under Table 1 (also the HF model card jinaai/jina-embeddings-v4-gguf)",
    "kind": "model card"
  },
  "stated": {
    "model": "jina-embeddings-v4 text-only GGUF (Qwen2.5-VL-3B language model)",
    "quant": "not printed in the excerpt; Q8_0 inferred: CPU_Mapped 315.30 MiB is exactly token_embd 151936 x 2048 at q8_0 (table row Q8_0, 3.05 GB file)",
    "gpu": "CUDA ARCHS = 890 (Ada)",
    "n_ctx": 4096,
    "n_batch": 4096,
    "n_ubatch": 4096,
    "flash_attn": 1,
    "kv_unified": true,
    "cache": "f16/f16",
    "ngl": "37/37"
  },
  "settings": {
    "build": 6300,
    "n_ctx": 4096,
    "n_ubatch": 4096,
    "n_batch": 4096,
    "flash_attn": true,
    "kv_unified": true,
    "gpus": [
      "CUDA0"
    ],
    "weight_format": "Q8_0"
  },
  "model": {
    "n_layers": 36,
    "d_model": 2048,
    "n_attention_heads": 16,
    "n_kv_heads": 2,
    "d_head": 128,
    "d_ff": 11008,
    "vocab": 151936,
    "tie_word_embeddings": true,
    "qkv_bias": true
  },
  "model_facts": {
    "source": "Qwen/Qwen2.5-VL-3B-Instruct config.json (text: 36 layers, hidden 2048, 16 heads, 2 KV heads, intermediate 11008, vocab 151936, tie_word_embeddings true, q/k/v bias); the log's '36 layers' KV line"
  },
  "log": [
    "load_tensors: loading model tensors, this can take a while... (mmap = true)",
    "load_tensors: offloading 36 repeating layers to GPU",
    "load_tensors: offloading output layer to GPU",
    "load_tensors: offloaded 37/37 layers to GPU",
    "load_tensors:        CUDA0 model buffer size =  3127.61 MiB",
    "load_tensors:   CPU_Mapped model buffer size =   315.30 MiB",
    "llama_context: n_seq_max     = 1",
    "llama_context: n_ctx         = 4096",
    "llama_context: n_ctx_per_seq = 4096",
    "llama_context: n_batch       = 4096",
    "llama_context: n_ubatch      = 4096",
    "llama_context: causal_attn   = 1",
    "llama_context: flash_attn    = 1  // 1 for w/ FA in the table; 0 for w/o FA",
    "llama_context: kv_unified    = true",
    "llama_context:  CUDA_Host  output buffer size =     0.59 MiB",
    "llama_kv_cache_unified:      CUDA0 KV buffer size =   144.00 MiB",
    "llama_kv_cache_unified: size =  144.00 MiB (  4096 cells,  36 layers,  1/1 seqs), K (f16):   72.00 MiB, V (f16):   72.00 MiB",
    "llama_context:      CUDA0 compute buffer size =  2470.16 MiB",
    "llama_context:  CUDA_Host compute buffer size =    96.17 MiB",
    "llama_context: graph nodes  = 1234",
    "llama_context: graph splits = 2"
  ],
  "checks": [
    {
      "what": "model",
      "log_device": "CUDA0",
      "device": "CUDA0"
    },
    {
      "what": "model",
      "log_device": "CPU_Mapped",
      "device": "host"
    },
    {
      "what": "kv",
      "log_device": "CUDA0",
      "device": "CUDA0"
    },
    {
      "what": "compute",
      "log_device": "CUDA0",
      "device": "CUDA0"
    }
  ]
}
]=])
-- llamacpp-mistral-7b-v0.2-q4_k_s-c2048-logdetective.json
add_case([=[
{
  "id": "llamacpp-mistral-7b-v0.2-q4_k_s-c2048-logdetective",
  "engine": "llama.cpp",
  "engine_version": "≈b4400 (llama_new_context_with_model / KV self size era, Jan 2025)",
  "source": {
    "url": "https://github.com/fedora-copr/logdetective/pull/106",
    "title": "fedora-copr/logdetective PR #106 'llama server: explictly set context to 32k' (TomasTomecek, 2025-01-13)",
    "kind": "GitHub pull request",
    "note": "model from the project's server config at the time (PR #111 .env: mistral-7b-instruct-v0.2.Q4_K_S.gguf); the diff prefixes '-'/'+' are kept verbatim: '-' lines are the 2048-cell run, '+' lines the 32768-cell run"
  },
  "stated": {
    "model": "Mistral-7B-Instruct-v0.2 Q4_K_S GGUF (llama-cpp server of logdetective)",
    "n_ctx": 2048,
    "n_batch": 512,
    "n_ubatch": 512,
    "flash_attn": 0,
    "cache": "f16/f16",
    "gpu": "CUDA0, all layers (the log shows no CPU KV buffer)"
  },
  "settings": {
    "build": 4400,
    "n_ctx": 2048,
    "n_ubatch": 512,
    "n_batch": 512,
    "flash_attn": false,
    "gpus": [
      "CUDA0"
    ],
    "weight_format": "Q4_K_S"
  },
  "model": {
    "n_layers": 32,
    "d_model": 4096,
    "n_attention_heads": 32,
    "n_kv_heads": 8,
    "d_head": 128,
    "d_ff": 14336,
    "vocab": 32000,
    "tie_word_embeddings": false
  },
  "model_facts": {
    "source": "mistralai/Mistral-7B-Instruct-v0.2 config.json (32 layers, hidden 4096, 32 heads, 8 KV heads, intermediate 14336, vocab 32000, rope_theta 1e6 = the log's freq_base 1000000)"
  },
  "log": [
    "-llama_new_context_with_model: n_ctx      = 2048",
    " llama_new_context_with_model: n_batch    = 512",
    " llama_new_context_with_model: n_ubatch   = 512",
    " llama_new_context_with_model: flash_attn = 0",
    " llama_new_context_with_model: freq_base  = 1000000.0",
    " llama_new_context_with_model: freq_scale = 1",
    "-llama_kv_cache_init:      CUDA0 KV buffer size =   256.00 MiB",
    "-llama_new_context_with_model: KV self size  =  256.00 MiB, K (f16):  128.00 MiB, V (f16):  128.00 MiB",
    "-llama_new_context_with_model:  CUDA_Host  output buffer size =     0.12 MiB",
    "-llama_new_context_with_model:      CUDA0 compute buffer size =   164.00 MiB",
    "-llama_new_context_with_model:  CUDA_Host compute buffer size =    12.01 MiB",
    " llama_new_context_with_model: graph nodes  = 1030",
    " llama_new_context_with_model: graph splits = 2"
  ],
  "checks": [
    {
      "what": "kv",
      "log_device": "CUDA0",
      "device": "CUDA0"
    },
    {
      "what": "compute",
      "log_device": "CUDA0",
      "device": "CUDA0"
    }
  ]
}
]=])
-- llamacpp-mistral-7b-v0.2-q4_k_s-c32768-logdetective.json
add_case([=[
{
  "id": "llamacpp-mistral-7b-v0.2-q4_k_s-c32768-logdetective",
  "engine": "llama.cpp",
  "engine_version": "≈b4400 (llama_new_context_with_model / KV self size era, Jan 2025)",
  "source": {
    "url": "https://github.com/fedora-copr/logdetective/pull/106",
    "title": "fedora-copr/logdetective PR #106 'llama server: explictly set context to 32k' (TomasTomecek, 2025-01-13)",
    "kind": "GitHub pull request",
    "note": "model from the project's server config at the time (PR #111 .env: mistral-7b-instruct-v0.2.Q4_K_S.gguf); the diff prefixes '-'/'+' are kept verbatim: '-' lines are the 2048-cell run, '+' lines the 32768-cell run"
  },
  "stated": {
    "model": "Mistral-7B-Instruct-v0.2 Q4_K_S GGUF (llama-cpp server of logdetective)",
    "n_ctx": 32768,
    "n_batch": 512,
    "n_ubatch": 512,
    "flash_attn": 0,
    "cache": "f16/f16",
    "gpu": "CUDA0, all layers (the log shows no CPU KV buffer)"
  },
  "settings": {
    "build": 4400,
    "n_ctx": 32768,
    "n_ubatch": 512,
    "n_batch": 512,
    "flash_attn": false,
    "gpus": [
      "CUDA0"
    ],
    "weight_format": "Q4_K_S"
  },
  "model": {
    "n_layers": 32,
    "d_model": 4096,
    "n_attention_heads": 32,
    "n_kv_heads": 8,
    "d_head": 128,
    "d_ff": 14336,
    "vocab": 32000,
    "tie_word_embeddings": false
  },
  "model_facts": {
    "source": "mistralai/Mistral-7B-Instruct-v0.2 config.json (32 layers, hidden 4096, 32 heads, 8 KV heads, intermediate 14336, vocab 32000, rope_theta 1e6 = the log's freq_base 1000000)"
  },
  "log": [
    "+llama_new_context_with_model: n_ctx      = 32768",
    " llama_new_context_with_model: n_batch    = 512",
    " llama_new_context_with_model: n_ubatch   = 512",
    " llama_new_context_with_model: flash_attn = 0",
    " llama_new_context_with_model: freq_base  = 1000000.0",
    " llama_new_context_with_model: freq_scale = 1",
    "+llama_kv_cache_init:      CUDA0 KV buffer size =  4096.00 MiB",
    "+llama_new_context_with_model: KV self size  = 4096.00 MiB, K (f16): 2048.00 MiB, V (f16): 2048.00 MiB",
    "+llama_new_context_with_model:  CUDA_Host  output buffer size =     0.12 MiB",
    "+llama_new_context_with_model:      CUDA0 compute buffer size =  2144.00 MiB",
    "+llama_new_context_with_model:  CUDA_Host compute buffer size =    72.01 MiB",
    " llama_new_context_with_model: graph nodes  = 1030",
    " llama_new_context_with_model: graph splits = 2"
  ],
  "checks": [
    {
      "what": "kv",
      "log_device": "CUDA0",
      "device": "CUDA0"
    },
    {
      "what": "compute",
      "log_device": "CUDA0",
      "device": "CUDA0"
    }
  ]
}
]=])
-- llamacpp-pythia-1.4b-q4_0-cpu-c128-b4310.json
add_case([=[
{
  "id": "llamacpp-pythia-1.4b-q4_0-cpu-c128-b4310",
  "engine": "llama.cpp",
  "engine_version": "b4310 (5555c0c1)",
  "source": {
    "url": "https://github.com/ggml-org/ci/blob/f301f9d0366b660d2039abeebb9b769a2576d959/llama.cpp/55/55c0c1f66d766c544c30699190dec0285bcbfc/ggml-2-x86-cpu/pythia_1_4b-tg-q4_0.log",
    "title": "ggml-org/ci llama.cpp CI run for commit 5555c0c1 (b4310), node ggml-2-x86-cpu (no GPU), pythia_1_4b-tg-q4_0.log",
    "kind": "CI log"
  },
  "stated": {
    "model": "pythia-1.4B GGUF Q4_0",
    "hardware": "x86 CPU, no GPU",
    "command": "llama-perplexity -c 128 -b 128",
    "n_ctx": 128,
    "n_batch": 128,
    "n_ubatch": 128,
    "flash_attn": 0,
    "cache": "f16/f16"
  },
  "settings": {
    "build": 4310,
    "n_ubatch": 128,
    "n_batch": 128,
    "flash_attn": false,
    "gpus": 0,
    "weight_format": "Q4_0",
    "type_k": "f16",
    "type_v": "f16",
    "n_ctx": 128
  },
  "model": {
    "n_layers": 24,
    "d_model": 2048,
    "n_attention_heads": 16,
    "n_kv_heads": 16,
    "d_head": 128,
    "d_ff": 8192,
    "vocab": 50304,
    "tie_word_embeddings": false,
    "fused_qkv": true,
    "qkv_bias": true,
    "o_bias": true,
    "ffn_bias": true,
    "norm_bias": true,
    "ffn_gated": false
  },
  "model_facts": {
    "source": "the log's own llm_load_print_meta lines (n_embd 2048, n_layer 24, n_head 16, n_head_kv 16, n_embd_head_k 128, n_ff 8192, n_vocab 50304, 292 tensors) and EleutherAI/pythia-1.4b config.json (GPTNeoX layout as 2.8B)",
    "arch": "gptneox",
    "tensors": 292
  },
  "log": [
    "+ ./bin/llama-perplexity --model ../models-mnt/pythia/1.4B/ggml-model-q4_0.gguf -f ../models-mnt/wikitext/wikitext-2-raw/wiki.test-60.raw -ngl 99 -c 128 -b 128 --chunks 1",
    "warning: no usable GPU found, --gpu-layers option will be ignored",
    "0.00.000.613 I build: 4310 (5555c0c1) with cc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0 for x86_64-linux-gnu",
    "0.00.126.203 I llm_load_tensors:  CPU_AARCH64 model buffer size =   648.00 MiB",
    "0.00.126.212 I llm_load_tensors:   CPU_Mapped model buffer size =   777.31 MiB",
    "0.00.452.598 I llama_new_context_with_model: n_seq_max     = 1",
    "0.00.452.603 I llama_new_context_with_model: n_ctx         = 128",
    "0.00.452.603 I llama_new_context_with_model: n_ctx_per_seq = 128",
    "0.00.452.603 I llama_new_context_with_model: n_batch       = 128",
    "0.00.452.603 I llama_new_context_with_model: n_ubatch      = 128",
    "0.00.452.604 I llama_new_context_with_model: flash_attn    = 0",
    "0.00.457.617 I llama_kv_cache_init:        CPU KV buffer size =    24.00 MiB",
    "0.00.457.627 I llama_new_context_with_model: KV self size  =   24.00 MiB, K (f16):   12.00 MiB, V (f16):   12.00 MiB",
    "0.00.457.646 I llama_new_context_with_model:        CPU  output buffer size =     0.19 MiB",
    "0.00.460.034 I llama_new_context_with_model:        CPU compute buffer size =    25.56 MiB",
    "0.00.460.040 I llama_new_context_with_model: graph nodes  = 967",
    "0.00.460.041 I llama_new_context_with_model: graph splits = 1"
  ],
  "checks": [
    {
      "what": "kv",
      "log_device": "CPU",
      "device": "host"
    },
    {
      "what": "compute",
      "log_device": "CPU",
      "device": "host"
    }
  ],
  "not_compared": "host model buffers (CPU_AARCH64 repacked copies next to the CPU_Mapped mmap span double-count)"
}
]=])
-- llamacpp-pythia-1.4b-q4_0-cpu-c2048-b4310.json
add_case([=[
{
  "id": "llamacpp-pythia-1.4b-q4_0-cpu-c2048-b4310",
  "engine": "llama.cpp",
  "engine_version": "b4310 (5555c0c1)",
  "source": {
    "url": "https://github.com/ggml-org/ci/blob/f301f9d0366b660d2039abeebb9b769a2576d959/llama.cpp/55/55c0c1f66d766c544c30699190dec0285bcbfc/ggml-2-x86-cpu/pythia_1_4b-tg-q4_0.log",
    "title": "ggml-org/ci llama.cpp CI run for commit 5555c0c1 (b4310), node ggml-2-x86-cpu (no GPU), pythia_1_4b-tg-q4_0.log",
    "kind": "CI log"
  },
  "stated": {
    "model": "pythia-1.4B GGUF Q4_0",
    "hardware": "x86 CPU, no GPU",
    "command": "llama-cli -ngl 99 -c 0 (no GPU: ngl ignored)",
    "n_ctx": 2048,
    "n_batch": 2048,
    "n_ubatch": 512,
    "flash_attn": 0,
    "cache": "f16/f16"
  },
  "settings": {
    "build": 4310,
    "n_ubatch": 512,
    "n_batch": 2048,
    "flash_attn": false,
    "gpus": 0,
    "weight_format": "Q4_0",
    "type_k": "f16",
    "type_v": "f16",
    "n_ctx": 2048
  },
  "model": {
    "n_layers": 24,
    "d_model": 2048,
    "n_attention_heads": 16,
    "n_kv_heads": 16,
    "d_head": 128,
    "d_ff": 8192,
    "vocab": 50304,
    "tie_word_embeddings": false,
    "fused_qkv": true,
    "qkv_bias": true,
    "o_bias": true,
    "ffn_bias": true,
    "norm_bias": true,
    "ffn_gated": false
  },
  "model_facts": {
    "source": "the log's own llm_load_print_meta lines (n_embd 2048, n_layer 24, n_head 16, n_head_kv 16, n_embd_head_k 128, n_ff 8192, n_vocab 50304, 292 tensors) and EleutherAI/pythia-1.4b config.json (GPTNeoX layout as 2.8B)",
    "arch": "gptneox",
    "tensors": 292
  },
  "log": [
    "+ ./bin/llama-cli --model ../models-mnt/pythia/1.4B/ggml-model-q4_0.gguf -ngl 99 -c 0 -s 1234 -n 64 --ignore-eos -p 'I believe the meaning of life is'",
    "warning: no usable GPU found, --gpu-layers option will be ignored",
    "0.00.000.581 I build: 4310 (5555c0c1) with cc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0 for x86_64-linux-gnu",
    "0.00.009.767 I llama_model_loader: loaded meta data with 23 key-value pairs and 292 tensors from ../models-mnt/pythia/1.4B/ggml-model-q4_0.gguf (version GGUF V3 (latest))",
    "0.00.022.243 I llama_model_loader: - type  f32:  194 tensors",
    "0.00.022.244 I llama_model_loader: - type q4_0:   97 tensors",
    "0.00.022.244 I llama_model_loader: - type q6_K:    1 tensors",
    "0.00.080.332 I llm_load_print_meta: model size       = 786.31 MiB (4.66 BPW) ",
    "0.00.125.473 I llm_load_tensors:  CPU_AARCH64 model buffer size =   648.00 MiB",
    "0.00.125.479 I llm_load_tensors:   CPU_Mapped model buffer size =   777.31 MiB",
    "0.00.446.924 I llama_new_context_with_model: n_seq_max     = 1",
    "0.00.446.928 I llama_new_context_with_model: n_ctx         = 2048",
    "0.00.446.929 I llama_new_context_with_model: n_ctx_per_seq = 2048",
    "0.00.446.929 I llama_new_context_with_model: n_batch       = 2048",
    "0.00.446.930 I llama_new_context_with_model: n_ubatch      = 512",
    "0.00.446.930 I llama_new_context_with_model: flash_attn    = 0",
    "0.00.522.393 I llama_kv_cache_init:        CPU KV buffer size =   384.00 MiB",
    "0.00.522.410 I llama_new_context_with_model: KV self size  =  384.00 MiB, K (f16):  192.00 MiB, V (f16):  192.00 MiB",
    "0.00.522.437 I llama_new_context_with_model:        CPU  output buffer size =     0.19 MiB",
    "0.00.525.084 I llama_new_context_with_model:        CPU compute buffer size =   102.25 MiB",
    "0.00.525.090 I llama_new_context_with_model: graph nodes  = 967",
    "0.00.525.090 I llama_new_context_with_model: graph splits = 1"
  ],
  "checks": [
    {
      "what": "kv",
      "log_device": "CPU",
      "device": "host"
    },
    {
      "what": "compute",
      "log_device": "CPU",
      "device": "host"
    }
  ],
  "not_compared": "host model buffers (CPU_AARCH64 repacked copies next to the CPU_Mapped mmap span double-count)"
}
]=])
-- llamacpp-pythia-2.8b-f16-v100-b4310.json
add_case([=[
{
  "id": "llamacpp-pythia-2.8b-f16-v100-b4310",
  "engine": "llama.cpp",
  "engine_version": "b4310 (5555c0c1)",
  "source": {
    "url": "https://github.com/ggml-org/ci/blob/be11b890030e6b539ac475962790fd4b225a48e4/llama.cpp/55/55c0c1f66d766c544c30699190dec0285bcbfc/ggml-4-x86-cuda-v100/pythia_2_8b-tg-f16.log",
    "title": "ggml-org/ci llama.cpp CI run for commit 5555c0c1 (b4310), node ggml-4-x86-cuda-v100 (Tesla V100-PCIE-16GB), pythia_2_8b-tg-f16.log",
    "kind": "CI log"
  },
  "stated": {
    "model": "EleutherAI pythia-2.8B converted to GGUF F16",
    "gpu": "Tesla V100-PCIE-16GB (15841 MiB free)",
    "command": "llama-cli -t 1 -ngl 99 -c 0 (n_ctx = n_ctx_train = 2048)",
    "n_ctx": 2048,
    "n_batch": 2048,
    "n_ubatch": 512,
    "flash_attn": 0,
    "cache": "f16/f16",
    "ngl": "33/33 layers offloaded"
  },
  "settings": {
    "build": 4310,
    "n_ctx": 2048,
    "n_ubatch": 512,
    "n_batch": 2048,
    "flash_attn": false,
    "n_gpu_layers": 99,
    "gpus": [
      "CUDA0"
    ],
    "weight_format": "F16",
    "type_k": "f16",
    "type_v": "f16"
  },
  "model": {
    "n_layers": 32,
    "d_model": 2560,
    "n_attention_heads": 32,
    "n_kv_heads": 32,
    "d_head": 80,
    "d_ff": 10240,
    "vocab": 50304,
    "tie_word_embeddings": false,
    "fused_qkv": true,
    "qkv_bias": true,
    "o_bias": true,
    "ffn_bias": true,
    "norm_bias": true,
    "ffn_gated": false
  },
  "model_facts": {
    "source": "the log's own llm_load_print_meta lines (n_embd 2560, n_layer 32, n_head 32, n_head_kv 32, n_embd_head_k 80, n_ff 10240, n_vocab 50304, 388 tensors) and EleutherAI/pythia-2.8b config.json (GPTNeoX: fused query_key_value with bias, dense/dense_h_to_4h/dense_4h_to_h with bias, LayerNorm weight+bias, untied embed_out, 2-matrix GELU MLP)",
    "arch": "gptneox",
    "tensors": 388
  },
  "log": [
    "+ ./bin/llama-cli --model ../models-mnt/pythia/2.8B/ggml-model-f16.gguf -t 1 -ngl 99 -c 0 -s 1234 -n 256 --ignore-eos -p 'I believe the meaning of life is'",
    "  Device 0: Tesla V100-PCIE-16GB, compute capability 7.0, VMM: yes",
    "0.00.000.186 I build: 4310 (5555c0c1) with cc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0 for x86_64-linux-gnu",
    "0.00.312.335 I llama_load_model_from_file: using device CUDA0 (Tesla V100-PCIE-16GB) - 15841 MiB free",
    "0.00.328.620 I llama_model_loader: loaded meta data with 22 key-value pairs and 388 tensors from ../models-mnt/pythia/2.8B/ggml-model-f16.gguf (version GGUF V3 (latest))",
    "0.00.344.415 I llama_model_loader: - type  f32:  258 tensors",
    "0.00.344.416 I llama_model_loader: - type  f16:  130 tensors",
    "0.00.432.253 I llm_load_print_meta: n_embd           = 2560",
    "0.00.432.253 I llm_load_print_meta: n_layer          = 32",
    "0.00.432.266 I llm_load_print_meta: n_head           = 32",
    "0.00.432.268 I llm_load_print_meta: n_head_kv        = 32",
    "0.00.432.269 I llm_load_print_meta: n_embd_head_k    = 80",
    "0.00.432.289 I llm_load_print_meta: n_ff             = 10240",
    "0.00.432.303 I llm_load_print_meta: model size       = 5.17 GiB (16.01 BPW) ",
    "0.00.773.025 I llm_load_tensors: offloading 32 repeating layers to GPU",
    "0.00.773.037 I llm_load_tensors: offloading output layer to GPU",
    "0.00.773.037 I llm_load_tensors: offloaded 33/33 layers to GPU",
    "0.00.773.046 I llm_load_tensors:        CUDA0 model buffer size =  5049.71 MiB",
    "0.00.773.048 I llm_load_tensors:   CPU_Mapped model buffer size =   245.62 MiB",
    "0.01.645.922 I llama_new_context_with_model: n_seq_max     = 1",
    "0.01.645.927 I llama_new_context_with_model: n_ctx         = 2048",
    "0.01.645.928 I llama_new_context_with_model: n_ctx_per_seq = 2048",
    "0.01.645.928 I llama_new_context_with_model: n_batch       = 2048",
    "0.01.645.929 I llama_new_context_with_model: n_ubatch      = 512",
    "0.01.645.930 I llama_new_context_with_model: flash_attn    = 0",
    "0.01.647.204 I llama_kv_cache_init:      CUDA0 KV buffer size =   640.00 MiB",
    "0.01.647.214 I llama_new_context_with_model: KV self size  =  640.00 MiB, K (f16):  320.00 MiB, V (f16):  320.00 MiB",
    "0.01.648.432 I llama_new_context_with_model:  CUDA_Host  output buffer size =     0.19 MiB",
    "0.01.657.946 I llama_new_context_with_model:      CUDA0 compute buffer size =   162.00 MiB",
    "0.01.657.955 I llama_new_context_with_model:  CUDA_Host compute buffer size =     9.01 MiB",
    "0.01.657.956 I llama_new_context_with_model: graph nodes  = 1287",
    "0.01.657.957 I llama_new_context_with_model: graph splits = 2"
  ],
  "checks": [
    {
      "what": "model",
      "log_device": "CUDA0",
      "device": "CUDA0"
    },
    {
      "what": "model",
      "log_device": "CPU_Mapped",
      "device": "host"
    },
    {
      "what": "kv",
      "log_device": "CUDA0",
      "device": "CUDA0"
    },
    {
      "what": "compute",
      "log_device": "CUDA0",
      "device": "CUDA0"
    }
  ]
}
]=])
-- llamacpp-pythia-2.8b-q4_0-fa-v100-b4310.json
add_case([=[
{
  "id": "llamacpp-pythia-2.8b-q4_0-fa-v100-b4310",
  "engine": "llama.cpp",
  "engine_version": "b4310 (5555c0c1)",
  "source": {
    "url": "https://github.com/ggml-org/ci/blob/be11b890030e6b539ac475962790fd4b225a48e4/llama.cpp/55/55c0c1f66d766c544c30699190dec0285bcbfc/ggml-4-x86-cuda-v100/pythia_2_8b-save-load-state.log",
    "title": "ggml-org/ci llama.cpp CI run for commit 5555c0c1 (b4310), node ggml-4-x86-cuda-v100 (Tesla V100-PCIE-16GB), pythia_2_8b-save-load-state.log",
    "kind": "CI log"
  },
  "stated": {
    "model": "pythia-2.8B GGUF Q4_0",
    "gpu": "Tesla V100-PCIE-16GB",
    "command": "llama-save-load-state -ngl 99 -c 0 -fa",
    "n_ctx": 2048,
    "n_ubatch": 512,
    "flash_attn": 1,
    "cache": "f16/f16",
    "ngl": "33/33 layers offloaded"
  },
  "settings": {
    "build": 4310,
    "n_ctx": 2048,
    "n_ubatch": 512,
    "n_batch": 2048,
    "flash_attn": true,
    "n_gpu_layers": 99,
    "gpus": [
      "CUDA0"
    ],
    "weight_format": "Q4_0",
    "type_k": "f16",
    "type_v": "f16"
  },
  "model": {
    "n_layers": 32,
    "d_model": 2560,
    "n_attention_heads": 32,
    "n_kv_heads": 32,
    "d_head": 80,
    "d_ff": 10240,
    "vocab": 50304,
    "tie_word_embeddings": false,
    "fused_qkv": true,
    "qkv_bias": true,
    "o_bias": true,
    "ffn_bias": true,
    "norm_bias": true,
    "ffn_gated": false
  },
  "model_facts": {
    "source": "the log's own llm_load_print_meta lines (n_embd 2560, n_layer 32, n_head 32, n_head_kv 32, n_embd_head_k 80, n_ff 10240, n_vocab 50304, 388 tensors) and EleutherAI/pythia-2.8b config.json (GPTNeoX: fused query_key_value with bias, dense/dense_h_to_4h/dense_4h_to_h with bias, LayerNorm weight+bias, untied embed_out, 2-matrix GELU MLP)",
    "arch": "gptneox",
    "tensors": 388
  },
  "log": [
    "+ ./bin/llama-save-load-state --model ../models-mnt/pythia/2.8B/ggml-model-q4_0.gguf -ngl 99 -c 0 -fa",
    "main: build = 4310 (5555c0c1)",
    "llm_load_tensors: offloading 32 repeating layers to GPU",
    "llm_load_tensors: offloading output layer to GPU",
    "llm_load_tensors: offloaded 33/33 layers to GPU",
    "llm_load_tensors:        CUDA0 model buffer size =  1454.83 MiB",
    "llm_load_tensors:   CPU_Mapped model buffer size =    69.08 MiB",
    "llama_new_context_with_model: n_seq_max     = 1",
    "llama_new_context_with_model: n_ctx         = 2048",
    "llama_new_context_with_model: n_ctx_per_seq = 2048",
    "llama_new_context_with_model: n_batch       = 2048",
    "llama_new_context_with_model: n_ubatch      = 512",
    "llama_new_context_with_model: flash_attn    = 1",
    "llama_kv_cache_init:      CUDA0 KV buffer size =   640.00 MiB",
    "llama_new_context_with_model: KV self size  =  640.00 MiB, K (f16):  320.00 MiB, V (f16):  320.00 MiB",
    "llama_new_context_with_model:  CUDA_Host  output buffer size =     0.19 MiB",
    "llama_new_context_with_model:      CUDA0 compute buffer size =   103.25 MiB",
    "llama_new_context_with_model:  CUDA_Host compute buffer size =     9.01 MiB",
    "llama_new_context_with_model: graph nodes  = 1160",
    "llama_new_context_with_model: graph splits = 2"
  ],
  "checks": [
    {
      "what": "model",
      "log_device": "CUDA0",
      "device": "CUDA0"
    },
    {
      "what": "model",
      "log_device": "CPU_Mapped",
      "device": "host"
    },
    {
      "what": "kv",
      "log_device": "CUDA0",
      "device": "CUDA0"
    },
    {
      "what": "compute",
      "log_device": "CUDA0",
      "device": "CUDA0"
    }
  ]
}
]=])
-- llamacpp-pythia-2.8b-q4_0-ngl10-fa-v100-b4310.json
add_case([=[
{
  "id": "llamacpp-pythia-2.8b-q4_0-ngl10-fa-v100-b4310",
  "engine": "llama.cpp",
  "engine_version": "b4310 (5555c0c1)",
  "source": {
    "url": "https://github.com/ggml-org/ci/blob/be11b890030e6b539ac475962790fd4b225a48e4/llama.cpp/55/55c0c1f66d766c544c30699190dec0285bcbfc/ggml-4-x86-cuda-v100/pythia_2_8b-save-load-state.log",
    "title": "ggml-org/ci llama.cpp CI run for commit 5555c0c1 (b4310), node ggml-4-x86-cuda-v100 (Tesla V100-PCIE-16GB), pythia_2_8b-save-load-state.log",
    "kind": "CI log"
  },
  "stated": {
    "model": "pythia-2.8B GGUF Q4_0",
    "gpu": "Tesla V100-PCIE-16GB",
    "command": "llama-save-load-state -ngl 10 -c 0 -fa",
    "n_ctx": 2048,
    "n_ubatch": 512,
    "flash_attn": 1,
    "cache": "f16/f16",
    "ngl": "10/33 layers offloaded"
  },
  "settings": {
    "build": 4310,
    "n_ctx": 2048,
    "n_ubatch": 512,
    "n_batch": 2048,
    "flash_attn": true,
    "n_gpu_layers": 10,
    "gpus": [
      "CUDA0"
    ],
    "weight_format": "Q4_0",
    "type_k": "f16",
    "type_v": "f16"
  },
  "model": {
    "n_layers": 32,
    "d_model": 2560,
    "n_attention_heads": 32,
    "n_kv_heads": 32,
    "d_head": 80,
    "d_ff": 10240,
    "vocab": 50304,
    "tie_word_embeddings": false,
    "fused_qkv": true,
    "qkv_bias": true,
    "o_bias": true,
    "ffn_bias": true,
    "norm_bias": true,
    "ffn_gated": false
  },
  "model_facts": {
    "source": "the log's own llm_load_print_meta lines (n_embd 2560, n_layer 32, n_head 32, n_head_kv 32, n_embd_head_k 80, n_ff 10240, n_vocab 50304, 388 tensors) and EleutherAI/pythia-2.8b config.json (GPTNeoX: fused query_key_value with bias, dense/dense_h_to_4h/dense_4h_to_h with bias, LayerNorm weight+bias, untied embed_out, 2-matrix GELU MLP)",
    "arch": "gptneox",
    "tensors": 388
  },
  "log": [
    "+ ./bin/llama-save-load-state --model ../models-mnt/pythia/2.8B/ggml-model-q4_0.gguf -ngl 10 -c 0 -fa",
    "main: build = 4310 (5555c0c1)",
    "llm_load_tensors: offloading 10 repeating layers to GPU",
    "llm_load_tensors: offloaded 10/33 layers to GPU",
    "llama_new_context_with_model: n_seq_max     = 1",
    "llama_new_context_with_model: n_ctx         = 2048",
    "llama_new_context_with_model: n_ctx_per_seq = 2048",
    "llama_new_context_with_model: n_batch       = 2048",
    "llama_new_context_with_model: n_ubatch      = 512",
    "llama_new_context_with_model: flash_attn    = 1",
    "llama_kv_cache_init:      CUDA0 KV buffer size =   200.00 MiB",
    "llama_kv_cache_init:        CPU KV buffer size =   440.00 MiB",
    "llama_new_context_with_model: KV self size  =  640.00 MiB, K (f16):  320.00 MiB, V (f16):  320.00 MiB",
    "llama_new_context_with_model:        CPU  output buffer size =     0.19 MiB",
    "llama_new_context_with_model:      CUDA0 compute buffer size =   203.99 MiB",
    "llama_new_context_with_model:  CUDA_Host compute buffer size =    14.01 MiB",
    "llama_new_context_with_model: graph nodes  = 1160",
    "llama_new_context_with_model: graph splits = 313 (with bs=512), 3 (with bs=1)"
  ],
  "checks": [
    {
      "what": "kv",
      "log_device": "CUDA0",
      "device": "CUDA0"
    },
    {
      "what": "kv",
      "log_device": "CPU",
      "device": "host"
    },
    {
      "what": "compute",
      "log_device": "CUDA0",
      "device": "CUDA0"
    }
  ]
}
]=])
-- llamacpp-pythia-2.8b-q4_0-ngl10-v100-b4310.json
add_case([=[
{
  "id": "llamacpp-pythia-2.8b-q4_0-ngl10-v100-b4310",
  "engine": "llama.cpp",
  "engine_version": "b4310 (5555c0c1)",
  "source": {
    "url": "https://github.com/ggml-org/ci/blob/be11b890030e6b539ac475962790fd4b225a48e4/llama.cpp/55/55c0c1f66d766c544c30699190dec0285bcbfc/ggml-4-x86-cuda-v100/pythia_2_8b-save-load-state.log",
    "title": "ggml-org/ci llama.cpp CI run for commit 5555c0c1 (b4310), node ggml-4-x86-cuda-v100 (Tesla V100-PCIE-16GB), pythia_2_8b-save-load-state.log",
    "kind": "CI log"
  },
  "stated": {
    "model": "pythia-2.8B GGUF Q4_0",
    "gpu": "Tesla V100-PCIE-16GB",
    "command": "llama-save-load-state -ngl 10 -c 0",
    "n_ctx": 2048,
    "n_ubatch": 512,
    "flash_attn": 0,
    "cache": "f16/f16",
    "ngl": "10/33 layers offloaded"
  },
  "settings": {
    "build": 4310,
    "n_ctx": 2048,
    "n_ubatch": 512,
    "n_batch": 2048,
    "flash_attn": false,
    "n_gpu_layers": 10,
    "gpus": [
      "CUDA0"
    ],
    "weight_format": "Q4_0",
    "type_k": "f16",
    "type_v": "f16"
  },
  "model": {
    "n_layers": 32,
    "d_model": 2560,
    "n_attention_heads": 32,
    "n_kv_heads": 32,
    "d_head": 80,
    "d_ff": 10240,
    "vocab": 50304,
    "tie_word_embeddings": false,
    "fused_qkv": true,
    "qkv_bias": true,
    "o_bias": true,
    "ffn_bias": true,
    "norm_bias": true,
    "ffn_gated": false
  },
  "model_facts": {
    "source": "the log's own llm_load_print_meta lines (n_embd 2560, n_layer 32, n_head 32, n_head_kv 32, n_embd_head_k 80, n_ff 10240, n_vocab 50304, 388 tensors) and EleutherAI/pythia-2.8b config.json (GPTNeoX: fused query_key_value with bias, dense/dense_h_to_4h/dense_4h_to_h with bias, LayerNorm weight+bias, untied embed_out, 2-matrix GELU MLP)",
    "arch": "gptneox",
    "tensors": 388
  },
  "log": [
    "+ ./bin/llama-save-load-state --model ../models-mnt/pythia/2.8B/ggml-model-q4_0.gguf -ngl 10 -c 0",
    "main: build = 4310 (5555c0c1)",
    "llama_load_model_from_file: using device CUDA0 (Tesla V100-PCIE-16GB) - 15841 MiB free",
    "llama_model_loader: - type  f32:  258 tensors",
    "llama_model_loader: - type q4_0:  129 tensors",
    "llama_model_loader: - type q6_K:    1 tensors",
    "llm_load_tensors: tensor 'token_embd.weight' (q4_0) (and 179 others) cannot be used with preferred buffer type CPU_AARCH64, using CPU instead",
    "llm_load_tensors: offloading 10 repeating layers to GPU",
    "llm_load_tensors: offloaded 10/33 layers to GPU",
    "llm_load_tensors:        CUDA0 model buffer size =   423.14 MiB",
    "llm_load_tensors:  CPU_AARCH64 model buffer size =   928.12 MiB",
    "llm_load_tensors:   CPU_Mapped model buffer size =  1086.70 MiB",
    "llama_new_context_with_model: n_seq_max     = 1",
    "llama_new_context_with_model: n_ctx         = 2048",
    "llama_new_context_with_model: n_ctx_per_seq = 2048",
    "llama_new_context_with_model: n_batch       = 2048",
    "llama_new_context_with_model: n_ubatch      = 512",
    "llama_new_context_with_model: flash_attn    = 0",
    "llama_kv_cache_init:      CUDA0 KV buffer size =   200.00 MiB",
    "llama_kv_cache_init:        CPU KV buffer size =   440.00 MiB",
    "llama_new_context_with_model: KV self size  =  640.00 MiB, K (f16):  320.00 MiB, V (f16):  320.00 MiB",
    "llama_new_context_with_model:        CPU  output buffer size =     0.19 MiB",
    "llama_new_context_with_model:      CUDA0 compute buffer size =   203.99 MiB",
    "llama_new_context_with_model:  CUDA_Host compute buffer size =    14.01 MiB",
    "llama_new_context_with_model: graph nodes  = 1287",
    "llama_new_context_with_model: graph splits = 313 (with bs=512), 3 (with bs=1)"
  ],
  "checks": [
    {
      "what": "model",
      "log_device": "CUDA0",
      "device": "CUDA0"
    },
    {
      "what": "kv",
      "log_device": "CUDA0",
      "device": "CUDA0"
    },
    {
      "what": "kv",
      "log_device": "CPU",
      "device": "host"
    },
    {
      "what": "compute",
      "log_device": "CUDA0",
      "device": "CUDA0"
    }
  ],
  "not_compared": "host model buffers: the CPU backend repacks 129 q4_0 tensors into CPU_AARCH64 copies while CPU_Mapped is the mmap span of the file, so the host lines double-count and are not a buffer we model"
}
]=])
-- llamacpp-pythia-2.8b-q4_0-v100-b4310.json
add_case([=[
{
  "id": "llamacpp-pythia-2.8b-q4_0-v100-b4310",
  "engine": "llama.cpp",
  "engine_version": "b4310 (5555c0c1)",
  "source": {
    "url": "https://github.com/ggml-org/ci/blob/be11b890030e6b539ac475962790fd4b225a48e4/llama.cpp/55/55c0c1f66d766c544c30699190dec0285bcbfc/ggml-4-x86-cuda-v100/pythia_2_8b-tg-q4_0.log",
    "title": "ggml-org/ci llama.cpp CI run for commit 5555c0c1 (b4310), node ggml-4-x86-cuda-v100 (Tesla V100-PCIE-16GB), pythia_2_8b-tg-q4_0.log",
    "kind": "CI log"
  },
  "stated": {
    "model": "EleutherAI pythia-2.8B converted to GGUF Q4_0",
    "gpu": "Tesla V100-PCIE-16GB (15841 MiB free)",
    "command": "llama-cli -t 1 -ngl 99 -c 0 (n_ctx = n_ctx_train = 2048)",
    "n_ctx": 2048,
    "n_batch": 2048,
    "n_ubatch": 512,
    "flash_attn": 0,
    "cache": "f16/f16",
    "ngl": "33/33 layers offloaded"
  },
  "settings": {
    "build": 4310,
    "n_ctx": 2048,
    "n_ubatch": 512,
    "n_batch": 2048,
    "flash_attn": false,
    "n_gpu_layers": 99,
    "gpus": [
      "CUDA0"
    ],
    "weight_format": "Q4_0",
    "type_k": "f16",
    "type_v": "f16"
  },
  "model": {
    "n_layers": 32,
    "d_model": 2560,
    "n_attention_heads": 32,
    "n_kv_heads": 32,
    "d_head": 80,
    "d_ff": 10240,
    "vocab": 50304,
    "tie_word_embeddings": false,
    "fused_qkv": true,
    "qkv_bias": true,
    "o_bias": true,
    "ffn_bias": true,
    "norm_bias": true,
    "ffn_gated": false
  },
  "model_facts": {
    "source": "the log's own llm_load_print_meta lines (n_embd 2560, n_layer 32, n_head 32, n_head_kv 32, n_embd_head_k 80, n_ff 10240, n_vocab 50304, 388 tensors) and EleutherAI/pythia-2.8b config.json (GPTNeoX: fused query_key_value with bias, dense/dense_h_to_4h/dense_4h_to_h with bias, LayerNorm weight+bias, untied embed_out, 2-matrix GELU MLP)",
    "arch": "gptneox",
    "tensors": 388
  },
  "log": [
    "+ ./bin/llama-cli --model ../models-mnt/pythia/2.8B/ggml-model-q4_0.gguf -t 1 -ngl 99 -c 0 -s 1234 -n 256 --ignore-eos -p 'I believe the meaning of life is'",
    "0.00.316.647 I llama_model_loader: - kv  22:                          general.file_type u32              = 2",
    "0.00.316.650 I llama_model_loader: - type  f32:  258 tensors",
    "0.00.316.652 I llama_model_loader: - type q4_0:  129 tensors",
    "0.00.316.652 I llama_model_loader: - type q6_K:    1 tensors",
    "0.00.399.552 I llm_load_print_meta: model ftype      = Q4_0",
    "0.00.399.554 I llm_load_print_meta: model size       = 1.49 GiB (4.61 BPW) ",
    "0.00.503.490 I llm_load_tensors: offloading 32 repeating layers to GPU",
    "0.00.503.502 I llm_load_tensors: offloading output layer to GPU",
    "0.00.503.502 I llm_load_tensors: offloaded 33/33 layers to GPU",
    "0.00.503.510 I llm_load_tensors:        CUDA0 model buffer size =  1454.83 MiB",
    "0.00.503.512 I llm_load_tensors:   CPU_Mapped model buffer size =    69.08 MiB",
    "0.00.806.374 I llama_new_context_with_model: n_seq_max     = 1",
    "0.00.806.380 I llama_new_context_with_model: n_ctx         = 2048",
    "0.00.806.381 I llama_new_context_with_model: n_ctx_per_seq = 2048",
    "0.00.806.381 I llama_new_context_with_model: n_batch       = 2048",
    "0.00.806.382 I llama_new_context_with_model: n_ubatch      = 512",
    "0.00.806.383 I llama_new_context_with_model: flash_attn    = 0",
    "0.00.807.681 I llama_kv_cache_init:      CUDA0 KV buffer size =   640.00 MiB",
    "0.00.807.694 I llama_new_context_with_model: KV self size  =  640.00 MiB, K (f16):  320.00 MiB, V (f16):  320.00 MiB",
    "0.00.808.915 I llama_new_context_with_model:  CUDA_Host  output buffer size =     0.19 MiB",
    "0.00.819.145 I llama_new_context_with_model:      CUDA0 compute buffer size =   162.00 MiB",
    "0.00.819.154 I llama_new_context_with_model:  CUDA_Host compute buffer size =     9.01 MiB"
  ],
  "checks": [
    {
      "what": "model",
      "log_device": "CUDA0",
      "device": "CUDA0"
    },
    {
      "what": "model",
      "log_device": "CPU_Mapped",
      "device": "host"
    },
    {
      "what": "kv",
      "log_device": "CUDA0",
      "device": "CUDA0"
    },
    {
      "what": "compute",
      "log_device": "CUDA0",
      "device": "CUDA0"
    }
  ]
}
]=])
-- llamacpp-pythia-2.8b-q8_0-c512-v100-b3045.json
add_case([=[
{
  "id": "llamacpp-pythia-2.8b-q8_0-c512-v100-b3045",
  "engine": "llama.cpp",
  "engine_version": "b3045 (ec03bbc0)",
  "source": {
    "url": "https://github.com/ggml-org/ci/blob/4d7d6f89eefc00c1fb20105c62c67361be6002c9/llama.cpp/ec/03bbc03849288295970c73fd819eece3e6cf49/ggml-4-x86-cuda-v100/pythia_2_8b-tg-q8_0.log",
    "title": "ggml-org/ci llama.cpp CI run for commit ec03bbc0 (b3045, May 2024), node ggml-4-x86-cuda-v100 (Tesla V100-PCIE-16GB), pythia_2_8b-tg-q8_0.log",
    "kind": "CI log"
  },
  "stated": {
    "model": "pythia-2.8B GGUF Q8_0",
    "gpu": "Tesla V100-PCIE-16GB",
    "command": "main -t 1 -ngl 999 (default -c 512)",
    "n_ctx": 512,
    "n_batch": 512,
    "n_ubatch": 512,
    "flash_attn": 0,
    "cache": "f16/f16",
    "ngl": "33/33 layers offloaded"
  },
  "settings": {
    "build": 3045,
    "n_ctx": 512,
    "n_ubatch": 512,
    "n_batch": 512,
    "flash_attn": false,
    "n_gpu_layers": 999,
    "gpus": [
      "CUDA0"
    ],
    "weight_format": "Q8_0",
    "type_k": "f16",
    "type_v": "f16"
  },
  "model": {
    "n_layers": 32,
    "d_model": 2560,
    "n_attention_heads": 32,
    "n_kv_heads": 32,
    "d_head": 80,
    "d_ff": 10240,
    "vocab": 50304,
    "tie_word_embeddings": false,
    "fused_qkv": true,
    "qkv_bias": true,
    "o_bias": true,
    "ffn_bias": true,
    "norm_bias": true,
    "ffn_gated": false
  },
  "model_facts": {
    "source": "the log's own llm_load_print_meta lines (n_embd 2560, n_layer 32, n_head 32, n_head_kv 32, n_embd_head_k 80, n_ff 10240, n_vocab 50304, 388 tensors) and EleutherAI/pythia-2.8b config.json (GPTNeoX: fused query_key_value with bias, dense/dense_h_to_4h/dense_4h_to_h with bias, LayerNorm weight+bias, untied embed_out, 2-matrix GELU MLP)",
    "arch": "gptneox",
    "tensors": 388
  },
  "log": [
    "+ ./bin/main --model ../models-mnt/pythia/2.8B/ggml-model-q8_0.gguf -t 1 -ngl 999 -s 1234 -n 256 --ignore-eos -p 'I believe the meaning of life is'",
    "main: build = 3045 (ec03bbc0)",
    "llama_model_loader: - kv  19:                          general.file_type u32              = 7",
    "llama_model_loader: - type  f32:  258 tensors",
    "llama_model_loader: - type q8_0:  130 tensors",
    "llm_load_print_meta: model ftype      = Q8_0",
    "  Device 0: Tesla V100-PCIE-16GB, compute capability 7.0, VMM: yes",
    "llm_load_tensors: ggml ctx size =    0.37 MiB",
    "llm_load_tensors: offloading 32 repeating layers to GPU",
    "llm_load_tensors: offloading non-repeating layers to GPU",
    "llm_load_tensors: offloaded 33/33 layers to GPU",
    "llm_load_tensors:        CPU buffer size =   130.49 MiB",
    "llm_load_tensors:      CUDA0 buffer size =  2684.57 MiB",
    "llama_new_context_with_model: n_ctx      = 512",
    "llama_new_context_with_model: n_batch    = 512",
    "llama_new_context_with_model: n_ubatch   = 512",
    "llama_new_context_with_model: flash_attn = 0",
    "llama_kv_cache_init:      CUDA0 KV buffer size =   160.00 MiB",
    "llama_new_context_with_model: KV self size  =  160.00 MiB, K (f16):   80.00 MiB, V (f16):   80.00 MiB",
    "llama_new_context_with_model:  CUDA_Host  output buffer size =     0.19 MiB",
    "llama_new_context_with_model:      CUDA0 compute buffer size =   103.25 MiB",
    "llama_new_context_with_model:  CUDA_Host compute buffer size =     6.01 MiB",
    "llama_new_context_with_model: graph nodes  = 1287",
    "llama_new_context_with_model: graph splits = 2"
  ],
  "checks": [
    {
      "what": "model",
      "log_device": "CUDA0",
      "device": "CUDA0"
    },
    {
      "what": "model",
      "log_device": "CPU",
      "device": "host"
    },
    {
      "what": "kv",
      "log_device": "CUDA0",
      "device": "CUDA0"
    },
    {
      "what": "compute",
      "log_device": "CUDA0",
      "device": "CUDA0"
    }
  ]
}
]=])
-- llamacpp-pythia-2.8b-q8_0-v100-b4310.json
add_case([=[
{
  "id": "llamacpp-pythia-2.8b-q8_0-v100-b4310",
  "engine": "llama.cpp",
  "engine_version": "b4310 (5555c0c1)",
  "source": {
    "url": "https://github.com/ggml-org/ci/blob/be11b890030e6b539ac475962790fd4b225a48e4/llama.cpp/55/55c0c1f66d766c544c30699190dec0285bcbfc/ggml-4-x86-cuda-v100/pythia_2_8b-tg-q8_0.log",
    "title": "ggml-org/ci llama.cpp CI run for commit 5555c0c1 (b4310), node ggml-4-x86-cuda-v100 (Tesla V100-PCIE-16GB), pythia_2_8b-tg-q8_0.log",
    "kind": "CI log"
  },
  "stated": {
    "model": "EleutherAI pythia-2.8B converted to GGUF Q8_0",
    "gpu": "Tesla V100-PCIE-16GB (15841 MiB free)",
    "command": "llama-cli -t 1 -ngl 99 -c 0 (n_ctx = n_ctx_train = 2048)",
    "n_ctx": 2048,
    "n_batch": 2048,
    "n_ubatch": 512,
    "flash_attn": 0,
    "cache": "f16/f16",
    "ngl": "33/33 layers offloaded"
  },
  "settings": {
    "build": 4310,
    "n_ctx": 2048,
    "n_ubatch": 512,
    "n_batch": 2048,
    "flash_attn": false,
    "n_gpu_layers": 99,
    "gpus": [
      "CUDA0"
    ],
    "weight_format": "Q8_0",
    "type_k": "f16",
    "type_v": "f16"
  },
  "model": {
    "n_layers": 32,
    "d_model": 2560,
    "n_attention_heads": 32,
    "n_kv_heads": 32,
    "d_head": 80,
    "d_ff": 10240,
    "vocab": 50304,
    "tie_word_embeddings": false,
    "fused_qkv": true,
    "qkv_bias": true,
    "o_bias": true,
    "ffn_bias": true,
    "norm_bias": true,
    "ffn_gated": false
  },
  "model_facts": {
    "source": "the log's own llm_load_print_meta lines (n_embd 2560, n_layer 32, n_head 32, n_head_kv 32, n_embd_head_k 80, n_ff 10240, n_vocab 50304, 388 tensors) and EleutherAI/pythia-2.8b config.json (GPTNeoX: fused query_key_value with bias, dense/dense_h_to_4h/dense_4h_to_h with bias, LayerNorm weight+bias, untied embed_out, 2-matrix GELU MLP)",
    "arch": "gptneox",
    "tensors": 388
  },
  "log": [
    "+ ./bin/llama-cli --model ../models-mnt/pythia/2.8B/ggml-model-q8_0.gguf -t 1 -ngl 99 -c 0 -s 1234 -n 256 --ignore-eos -p 'I believe the meaning of life is'",
    "0.00.318.692 I llama_model_loader: - kv  22:                          general.file_type u32              = 7",
    "0.00.318.694 I llama_model_loader: - type  f32:  258 tensors",
    "0.00.318.695 I llama_model_loader: - type q8_0:  130 tensors",
    "0.00.401.370 I llm_load_print_meta: model ftype      = Q8_0",
    "0.00.401.371 I llm_load_print_meta: model params     = 2.78 B",
    "0.00.401.372 I llm_load_print_meta: model size       = 2.75 GiB (8.51 BPW) ",
    "0.00.589.379 I llm_load_tensors: offloading 32 repeating layers to GPU",
    "0.00.589.390 I llm_load_tensors: offloading output layer to GPU",
    "0.00.589.390 I llm_load_tensors: offloaded 33/33 layers to GPU",
    "0.00.589.399 I llm_load_tensors:        CUDA0 model buffer size =  2684.57 MiB",
    "0.00.589.401 I llm_load_tensors:   CPU_Mapped model buffer size =   130.49 MiB",
    "0.01.120.448 I llama_new_context_with_model: n_seq_max     = 1",
    "0.01.120.454 I llama_new_context_with_model: n_ctx         = 2048",
    "0.01.120.455 I llama_new_context_with_model: n_ctx_per_seq = 2048",
    "0.01.120.455 I llama_new_context_with_model: n_batch       = 2048",
    "0.01.120.456 I llama_new_context_with_model: n_ubatch      = 512",
    "0.01.120.456 I llama_new_context_with_model: flash_attn    = 0",
    "0.01.121.711 I llama_kv_cache_init:      CUDA0 KV buffer size =   640.00 MiB",
    "0.01.121.723 I llama_new_context_with_model: KV self size  =  640.00 MiB, K (f16):  320.00 MiB, V (f16):  320.00 MiB",
    "0.01.122.975 I llama_new_context_with_model:  CUDA_Host  output buffer size =     0.19 MiB",
    "0.01.133.174 I llama_new_context_with_model:      CUDA0 compute buffer size =   162.00 MiB",
    "0.01.133.182 I llama_new_context_with_model:  CUDA_Host compute buffer size =     9.01 MiB"
  ],
  "checks": [
    {
      "what": "model",
      "log_device": "CUDA0",
      "device": "CUDA0"
    },
    {
      "what": "model",
      "log_device": "CPU_Mapped",
      "device": "host"
    },
    {
      "what": "kv",
      "log_device": "CUDA0",
      "device": "CUDA0"
    },
    {
      "what": "compute",
      "log_device": "CUDA0",
      "device": "CUDA0"
    }
  ]
}
]=])
-- llamacpp-qwen2.5-coder-32b-q8_0-ctk-q8_0-ts10-6-b4462.json
add_case([=[
{
  "id": "llamacpp-qwen2.5-coder-32b-q8_0-ctk-q8_0-ts10-6-b4462",
  "engine": "llama.cpp",
  "engine_version": "b4462 (c05e8c99)",
  "source": {
    "url": "https://github.com/ggml-org/llama.cpp/issues/11200",
    "title": "KV cache bug: llama-speculative and llama-server choose different kv cache quantization when cache quantization specified (bitbottrap, 2025-01-12)",
    "kind": "GitHub issue"
  },
  "stated": {
    "model": "qwen2.5-coder:32b-instruct-q8_0.gguf (main model; a 1.5B draft model is loaded after it)",
    "hardware": "AMD EPYC 7773X + 2x RTX 3090 Ti",
    "command": "llama-server -b 512 -ub 256 -ts 10,6 -ngl 99 -c 32768 --flash-attn --cache-type-k q8_0 --cache-type-v q8_0 -md qwen2.5-coder:1.5b-instruct-q8_0.gguf -devd CUDA1",
    "n_ctx": 32768,
    "n_batch": 512,
    "n_ubatch": 256,
    "flash_attn": 1,
    "cache": "q8_0/q8_0"
  },
  "settings": {
    "build": 4462,
    "n_ctx": 32768,
    "n_ubatch": 256,
    "n_batch": 512,
    "flash_attn": true,
    "type_k": "q8_0",
    "type_v": "q8_0",
    "n_gpu_layers": 99,
    "gpus": [
      "CUDA0",
      "CUDA1"
    ],
    "tensor_split": [
      10,
      6
    ],
    "weight_format": "Q8_0"
  },
  "model": {
    "n_layers": 64,
    "d_model": 5120,
    "n_attention_heads": 40,
    "n_kv_heads": 8,
    "d_head": 128,
    "d_ff": 27648,
    "vocab": 152064,
    "tie_word_embeddings": false,
    "qkv_bias": true
  },
  "model_facts": {
    "source": "Qwen/Qwen2.5-Coder-32B-Instruct config.json (64 layers, hidden 5120, 40 heads, 8 KV heads, intermediate 27648, vocab 152064, untied, q/k/v bias); the log's n_layer = 64"
  },
  "log": [
    "llama_kv_cache_init: kv_size = 32768, offload = 1, type_k = 'q8_0', type_v = 'q8_0', n_layer = 64, can_shift = 1",
    "llama_kv_cache_init:      CUDA0 KV buffer size =  2788.00 MiB",
    "llama_kv_cache_init:      CUDA1 KV buffer size =  1564.00 MiB",
    "llama_new_context_with_model: KV self size  = 4352.00 MiB, K (q8_0): 2176.00 MiB, V (q8_0): 2176.00 MiB",
    "llama_new_context_with_model:  CUDA_Host  output buffer size =     0.58 MiB",
    "llama_new_context_with_model: pipeline parallelism enabled (n_copies=4)",
    "llama_new_context_with_model:      CUDA0 compute buffer size =   233.00 MiB",
    "llama_new_context_with_model:      CUDA1 compute buffer size =   237.51 MiB",
    "llama_new_context_with_model:  CUDA_Host compute buffer size =   133.01 MiB",
    "llama_new_context_with_model: graph nodes  = 1991",
    "llama_new_context_with_model: graph splits = 3"
  ],
  "checks": [
    {
      "what": "kv",
      "log_device": "CUDA0",
      "device": "CUDA0"
    },
    {
      "what": "kv",
      "log_device": "CUDA1",
      "device": "CUDA1"
    },
    {
      "what": "compute",
      "log_device": "CUDA0",
      "device": "CUDA0"
    },
    {
      "what": "compute",
      "log_device": "CUDA1",
      "device": "CUDA1"
    }
  ]
}
]=])
-- llamacpp-qwen3-14b-q4_k_m-vulkan-ctk-q4_0-c65536.json
add_case([=[
{
  "id": "llamacpp-qwen3-14b-q4_k_m-vulkan-ctk-q4_0-c65536",
  "engine": "llama.cpp",
  "engine_version": "2026 build (llama_kv_cache naming, n_ctx_seq)",
  "source": {
    "url": null,
    "index_id": "61071482478",
    "title": "'Local LLM Setup — llama.cpp + Vulkan on Windows' notes (Radeon RX 9060 XT 16 GB)",
    "kind": "setup notes with a verified startup log",
    "note": "public file found through the search index of public GitHub repositories; the index exposes the text but not the repository/path, so no URL can be given (read_file id 61071482478)"
  },
  "stated": {
    "model": "Qwen3-14B-Q4_K_M.gguf",
    "gpu": "AMD Radeon RX 9060 XT (16 GB), Vulkan",
    "command": "llama-server -ngl 99 --parallel 1 --ctx-size 65536 --rope-scaling yarn --yarn-orig-ctx 40960 -ctk q4_0 -ctv q4_0",
    "n_ctx": 65536,
    "cache": "q4_0/q4_0"
  },
  "settings": {
    "n_ctx": 65536,
    "n_seq": 1,
    "n_ubatch": 512,
    "flash_attn": true,
    "type_k": "q4_0",
    "type_v": "q4_0",
    "n_gpu_layers": 99,
    "gpus": [
      "Vulkan0"
    ],
    "weight_format": "Q4_K_M"
  },
  "model": {
    "n_layers": 40,
    "d_model": 5120,
    "n_attention_heads": 40,
    "n_kv_heads": 8,
    "d_head": 128,
    "d_ff": 17408,
    "vocab": 151936,
    "tie_word_embeddings": false,
    "qk_norm": true
  },
  "model_facts": {
    "source": "Qwen/Qwen3-14B config.json (40 layers, hidden 5120, 40 heads, 8 KV heads, head_dim 128, intermediate 17408, vocab 151936, untied); the log's '40 layers'"
  },
  "log": [
    "llama_context: n_ctx         = 65536",
    "llama_context: n_ctx_seq     = 65536",
    "llama_kv_cache: Vulkan0 KV buffer size = 2880.00 MiB",
    "llama_kv_cache: size = 2880.00 MiB (65536 cells, 40 layers, 1/1 seqs), K (q4_0): 1440.00 MiB, V (q4_0): 1440.00 MiB"
  ],
  "checks": [
    {
      "what": "kv",
      "log_device": "Vulkan0",
      "device": "Vulkan0"
    }
  ],
  "transcription_note": "the notes quote the lines with runs of spaces collapsed"
}
]=])
-- ollama-qwq-32b-q4_k_m-ngl29-ctk-q8_0-c8192.json
add_case([=[
{
  "id": "ollama-qwq-32b-q4_k_m-ngl29-ctk-q8_0-c8192",
  "engine": "ollama",
  "engine_version": "Ollama's llama.cpp runner, 2026 (llama_kv_cache naming, n_ctx_seq)",
  "source": {
    "url": null,
    "index_id": "65940070224",
    "title": "an Ollama server log pasted in a project notes file (Ollama 'llama runner started')",
    "kind": "Ollama server log",
    "note": "public file found through the search index of public GitHub repositories; the index exposes the text but not the repository/path, so no URL can be given (read_file id 65940070224)"
  },
  "stated": {
    "model": "QwQ 32B Q4_K_M (file type Q4_K - Medium, 18.48 GiB)",
    "n_ctx": 8192,
    "n_batch": 512,
    "n_ubatch": 512,
    "flash_attn": "enabled",
    "cache": "q8_0/q8_0",
    "ngl": "29/65",
    "mmap": false
  },
  "settings": {
    "build": 7000,
    "n_ctx": 8192,
    "n_ubatch": 512,
    "n_batch": 512,
    "flash_attn": true,
    "type_k": "q8_0",
    "type_v": "q8_0",
    "n_gpu_layers": 29,
    "gpus": [
      "CUDA0"
    ],
    "weight_format": "Q4_K_M"
  },
  "model": {
    "n_layers": 64,
    "d_model": 5120,
    "n_attention_heads": 40,
    "n_kv_heads": 8,
    "d_head": 128,
    "d_ff": 27648,
    "vocab": 152064,
    "tie_word_embeddings": false,
    "qkv_bias": true
  },
  "model_facts": {
    "source": "the log's print_info lines (n_layer 64, n_embd 5120, n_head 40, n_head_kv 8, n_embd_head_k 128, n_ff 27648, n_vocab 152064; q4_K 385 / q6_K 65 tensors = the Q4_K_M mix) and Qwen/QwQ-32B config.json"
  },
  "log": [
    "llama_model_loader: - kv  32:                          general.file_type u32              = 15",
    "llama_model_loader: - type  f32:  321 tensors",
    "llama_model_loader: - type q4_K:  385 tensors",
    "llama_model_loader: - type q6_K:   65 tensors",
    "print_info: file type   = Q4_K - Medium",
    "print_info: file size   = 18.48 GiB (4.85 BPW)",
    "print_info: n_embd           = 5120",
    "print_info: n_layer          = 64",
    "print_info: n_head           = 40",
    "print_info: n_head_kv        = 8",
    "print_info: n_embd_head_k    = 128",
    "print_info: n_ff             = 27648",
    "print_info: n_vocab          = 152064",
    "load_tensors: loading model tensors, this can take a while... (mmap = false)",
    "ggml_cuda_host_malloc: failed to allocate 10379.71 MiB of pinned memory: out of memory",
    "load_tensors: offloading 29 repeating layers to GPU",
    "load_tensors: offloaded 29/65 layers to GPU",
    "load_tensors:          CPU model buffer size =   417.66 MiB",
    "load_tensors:        CUDA0 model buffer size =  8128.64 MiB",
    "load_tensors:          CPU model buffer size = 10379.71 MiB",
    "llama_context: n_seq_max     = 1",
    "llama_context: n_ctx         = 8192",
    "llama_context: n_ctx_seq     = 8192",
    "llama_context: n_batch       = 512",
    "llama_context: n_ubatch      = 512",
    "llama_context: causal_attn   = 1",
    "llama_context: flash_attn    = enabled",
    "llama_context: kv_unified    = false",
    "llama_context:        CPU  output buffer size =     0.60 MiB",
    "llama_kv_cache:        CPU KV buffer size =   595.00 MiB",
    "llama_kv_cache:      CUDA0 KV buffer size =   493.00 MiB",
    "llama_kv_cache: size = 1088.00 MiB (  8192 cells,  64 layers,  1/1 seqs), K (q8_0):  544.00 MiB, V (q8_0):  544.00 MiB",
    "llama_context:      CUDA0 compute buffer size =   916.08 MiB",
    "llama_context:  CUDA_Host compute buffer size =    26.01 MiB",
    "llama_context: graph nodes  = 2183",
    "llama_context: graph splits = 494 (with bs=512), 3 (with bs=1)"
  ],
  "checks": [
    {
      "what": "model",
      "log_device": "CUDA0",
      "device": "CUDA0"
    },
    {
      "what": "model",
      "log_device": "CPU",
      "device": "host"
    },
    {
      "what": "kv",
      "log_device": "CUDA0",
      "device": "CUDA0"
    },
    {
      "what": "kv",
      "log_device": "CPU",
      "device": "host"
    },
    {
      "what": "compute",
      "log_device": "CUDA0",
      "device": "CUDA0"
    }
  ]
}
]=])
-- vllm-deepseek-v2-lite-tp2-pp2-l4-len1024.json
add_case([=[
{
  "id": "vllm-deepseek-v2-lite-tp2-pp2-l4-len1024",
  "engine": "vllm",
  "engine_version": "≈v0.9.2 V1 engine (gpu_worker.py:233, kv_cache_utils.py:716)",
  "source": {
    "url": "https://github.com/vllm-project/vllm/pull/20665",
    "title": "Correct PPMissingLayer handling in Deepseek-V2-Lite PP deployment (eicherseiji, 2025-07-09)",
    "kind": "GitHub pull request"
  },
  "stated": {
    "model": "deepseek-ai/DeepSeek-V2-Lite",
    "gpu": "4x NVIDIA L4 (24 GB)",
    "tp": 2,
    "pp": 2,
    "max_model_len": 1024,
    "enforce_eager": true,
    "gpu_memory_utilization": "default 0.9"
  },
  "settings": {
    "engine": "v1",
    "gpu_total_GiB": 22.03,
    "gpu_memory_utilization": 0.9,
    "max_model_len": 1024,
    "tp": 2,
    "pp": 2,
    "dtype": "bfloat16",
    "weight_format": "BF16",
    "max_num_batched_tokens": 8192,
    "max_num_seqs": 256
  },
  "model": {
    "n_layers": 27,
    "d_model": 2048,
    "n_attention_heads": 16,
    "n_kv_heads": 16,
    "d_head": 192,
    "d_ff": 10944,
    "vocab": 102400,
    "tie_word_embeddings": false,
    "kv_lora_rank": 512,
    "q_lora_rank": 0,
    "qk_rope_head_dim": 64,
    "qk_nope_head_dim": 128,
    "v_head_dim": 128,
    "n_experts": 64,
    "n_experts_active": 6,
    "d_ff_expert": 1408,
    "n_shared_experts": 2,
    "n_dense_lead": 1
  },
  "model_facts": {
    "source": "deepseek-ai/DeepSeek-V2-Lite config.json (27 layers, hidden 2048, 16 heads, kv_lora_rank 512, no q_lora, qk_rope 64, qk_nope 128, v_head 128, 64 routed experts, 6 per token, 2 shared, moe_intermediate 1408, first_k_dense_replace 1, vocab 102400)",
    "gpu_total": "L4: 22.03 GiB as torch reports it (23034 MiB less the CUDA context is not included)"
  },
  "log": [
    "(VllmWorker rank=3 pid=19834) INFO 07-09 09:47:45 [gpu_worker.py:233] Available KV cache memory: 11.33 GiB",
    "(VllmWorker rank=2 pid=19833) INFO 07-09 09:47:45 [gpu_worker.py:233] Available KV cache memory: 11.33 GiB",
    "(VllmWorker rank=1 pid=19832) INFO 07-09 09:47:45 [gpu_worker.py:233] Available KV cache memory: 12.13 GiB",
    "(VllmWorker rank=0 pid=19831) INFO 07-09 09:47:45 [gpu_worker.py:233] Available KV cache memory: 12.13 GiB",
    "INFO 07-09 09:47:46 [kv_cache_utils.py:716] GPU KV cache size: 807,792 tokens",
    "INFO 07-09 09:47:46 [kv_cache_utils.py:720] Maximum concurrency for 1,024 tokens per request: 788.86x"
  ],
  "checks": [
    {
      "what": "kv_tokens"
    },
    {
      "what": "concurrency"
    },
    {
      "what": "outcome"
    }
  ]
}
]=])
-- vllm-gpt-oss-120b-h100-util0.9-v0.10.1.json
add_case([=[
{
  "id": "vllm-gpt-oss-120b-h100-util0.9-v0.10.1",
  "engine": "vllm",
  "engine_version": "v0.10.1 V1 engine (gpu_worker.py:276)",
  "source": {
    "url": "https://github.com/vllm-project/vllm/issues/23278",
    "title": "[Bug]: gpt-oss 120b does not work while gpt-oss 20b works on H100 (QichangZheng, 2025-08-20)",
    "kind": "GitHub issue"
  },
  "stated": {
    "model": "openai/gpt-oss-120b",
    "gpu": "one H100 80GB (Marlin FP4 path: 'Your GPU does not have native support for FP4')",
    "gpu_memory_utilization": "default 0.9",
    "max_model_len": "default 131072"
  },
  "settings": {
    "engine": "v1",
    "gpu_total_GiB": 79.19,
    "gpu_memory_utilization": 0.9,
    "max_model_len": 131072,
    "tp": 1,
    "dtype": "bfloat16",
    "weight_format": "BF16",
    "expert_bytes_per_weight": 0.53125,
    "max_num_batched_tokens": 8192,
    "max_num_seqs": 256
  },
  "model": {
    "n_layers": 36,
    "d_model": 2880,
    "n_attention_heads": 64,
    "n_kv_heads": 8,
    "d_head": 64,
    "d_ff": 2880,
    "vocab": 201088,
    "tie_word_embeddings": false,
    "qkv_bias": true,
    "o_bias": true,
    "attn_sinks": true,
    "n_experts": 128,
    "n_experts_active": 4,
    "d_ff_expert": 2880,
    "router_bias": true,
    "expert_bias": true,
    "sliding_window": 128,
    "swa_period": 2
  },
  "model_facts": {
    "source": "openai/gpt-oss-120b config.json (36 layers, hidden 2880, 64 heads, 8 KV heads, head_dim 64, 128 experts, 4 per token, intermediate 2880, sliding_window 128 on alternating layers, vocab 201088, max_position_embeddings 131072); MXFP4 experts (4.25 bits incl. scales), bf16 elsewhere"
  },
  "log": [
    "(EngineCore_0 pid=5839) INFO 08-20 18:04:10 [gpu_model_runner.py:2007] Model loading took 65.9651 GiB and 12.799889 seconds",
    "(EngineCore_0 pid=5839) INFO 08-20 18:04:22 [gpu_worker.py:276] Available KV cache memory: -2.14 GiB",
    "(EngineCore_0 pid=5839) ERROR 08-20 18:04:22 [core.py:700] EngineCore failed to start."
  ],
  "checks": [
    {
      "what": "outcome"
    }
  ],
  "outcome_evidence": {
    "outcome": "refuse",
    "quote": "Available KV cache memory: -2.14 GiB",
    "why": "negative available memory: check_enough_kv_cache_memory raises 'No available memory for the cache blocks'"
  },
  "known_miss": {
    "first-principles outcome": "first principles leave 9.2 GiB for the cache (71.27 requested - 60.77 weights - 0.95 activation - 0.35 non-torch) and accept 131072 tokens (4.8 GiB needed); vLLM logged -2.14 GiB: its weights alone took 65.97 GiB (MXFP4 experts repacked for the Marlin kernel on a GPU without native FP4) and the rest of the non-KV overhead was ~7.4 GiB, neither of which this module models"
  }
}
]=])
-- vllm-gpt-oss-120b-h100-util0.95-mnbt1024-v0.11.json
add_case([=[
{
  "id": "vllm-gpt-oss-120b-h100-util0.95-mnbt1024-v0.11",
  "engine": "vllm",
  "engine_version": "v0.11 V1 engine (gpu_worker.py:298)",
  "source": {
    "url": "https://github.com/vllm-project/vllm/issues/27508",
    "title": "[Bug]: openai/gpt-oss-120b can't run on H100 (matheusfvesco, comment 2025-10-31)",
    "kind": "GitHub issue"
  },
  "stated": {
    "model": "openai/gpt-oss-120b",
    "gpu": "one H100 80GB",
    "command": "vllm serve openai/gpt-oss-120b --gpu-memory-utilization 0.95 --max-num-batched-tokens 1024",
    "max_model_len": "default = 131072"
  },
  "settings": {
    "engine": "v1",
    "gpu_total_GiB": 79.19,
    "gpu_memory_utilization": 0.95,
    "max_model_len": 131072,
    "tp": 1,
    "dtype": "bfloat16",
    "weight_format": "BF16",
    "expert_bytes_per_weight": 0.53125,
    "max_num_batched_tokens": 1024,
    "max_num_seqs": 256
  },
  "model": {
    "n_layers": 36,
    "d_model": 2880,
    "n_attention_heads": 64,
    "n_kv_heads": 8,
    "d_head": 64,
    "d_ff": 2880,
    "vocab": 201088,
    "tie_word_embeddings": false,
    "qkv_bias": true,
    "o_bias": true,
    "attn_sinks": true,
    "n_experts": 128,
    "n_experts_active": 4,
    "d_ff_expert": 2880,
    "router_bias": true,
    "expert_bias": true,
    "sliding_window": 128,
    "swa_period": 2
  },
  "model_facts": {
    "source": "openai/gpt-oss-120b config.json (36 layers, hidden 2880, 64 heads, 8 KV heads, head_dim 64, 128 experts, 4 per token, intermediate 2880, sliding_window 128 on alternating layers, vocab 201088, max_position_embeddings 131072); MXFP4 experts (4.25 bits incl. scales), bf16 elsewhere"
  },
  "log": [
    "I tried the provided command (`vllm serve openai/gpt-oss-120b --gpu-memory-utilization 0.95 --max-num-batched-tokens 1024`) and still got the same error about the kv cache, requiring me to decrease the context or increase even more the memory utilization.",
    "(EngineCore_DP0 pid=6880) INFO 10-31 15:07:49 [gpu_worker.py:298] Available KV cache memory: 1.71 GiB",
    "(EngineCore_DP0 pid=6880) ERROR 10-31 15:07:50 [core.py:708] EngineCore failed to start."
  ],
  "checks": [
    {
      "what": "outcome"
    }
  ],
  "outcome_evidence": {
    "outcome": "refuse",
    "quote": "requiring me to decrease the context or increase even more the memory utilization",
    "why": "the reporter's description of the check_enough_kv_cache_memory error; the traceback tail is not in the stored excerpt"
  },
  "known_miss": {
    "first-principles outcome": "first principles leave ~13 GiB for the cache at utilization 0.95 where vLLM logged 1.71 GiB; the same unmodelled gpt-oss-120b overhead as in the v0.10.1 case (MXFP4/Marlin weight layout, compile and CUDA-graph memory)"
  }
}
]=])
-- vllm-llama-3.1-8b-rtx3090-v0-len20000.json
add_case([=[
{
  "id": "vllm-llama-3.1-8b-rtx3090-v0-len20000",
  "engine": "vllm",
  "engine_version": "0.6.4-era V0 engine",
  "source": {
    "url": "https://github.com/vllm-project/vllm/issues/10517",
    "title": "[Usage]: What's the relationship between KV cache and MAX_SEQUENCE_LENGTH. (comment by kaspersiminski, 2024-12-02)",
    "kind": "GitHub issue"
  },
  "stated": {
    "model": "meta-llama/Llama-3.1-8B-Instruct",
    "gpu": "RTX 3090 (total_gpu_memory=23.58GiB)",
    "gpu_memory_utilization": 0.9,
    "tp": 1,
    "dtype": "bfloat16 (default for the checkpoint)",
    "engine": "V0 (worker.py 'Memory profiling results' line, vLLM 0.6.4-era)",
    "max_model_len": 20000
  },
  "settings": {
    "engine": "v0",
    "gpu_total_GiB": 23.58,
    "gpu_memory_utilization": 0.9,
    "max_model_len": 20000,
    "tp": 1,
    "dtype": "bfloat16",
    "weight_format": "BF16",
    "max_num_batched_tokens": 20000,
    "max_num_seqs": 256
  },
  "model": {
    "n_layers": 32,
    "d_model": 4096,
    "n_attention_heads": 32,
    "n_kv_heads": 8,
    "d_head": 128,
    "d_ff": 14336,
    "vocab": 128256,
    "tie_word_embeddings": false
  },
  "model_facts": {
    "source": "meta-llama/Llama-3.1-8B-Instruct config.json (32 layers, hidden 4096, 32 heads, 8 KV heads, intermediate 14336, vocab 128256, bf16, untied)"
  },
  "log": [
    "Loading model weights took 14.9888 GB",
    "Memory profiling results: total_gpu_memory=23.58GiB initial_memory_usage=15.34GiB peak_torch_memory=17.06GiB memory_usage_post_profile=15.35GiB non_torch_memory=0.35GiB kv_cache_size=3.81GiB gpu_memory_utilization=0.90",
    "GPU blocks: 1952, # CPU blocks: 2048",
    "Maximum concurrency for 20000 tokens per request: 1.56x"
  ],
  "checks": [
    {
      "what": "kv_tokens"
    },
    {
      "what": "outcome"
    },
    {
      "what": "concurrency"
    }
  ],
  "note": "V0 profiles a batch of max_num_batched_tokens = max_model_len (chunked prefill off below 32K), which is why the activation peak grows from 2.07 GiB (17.06 - 14.99) at 20000 to 2.99 GiB at 29000"
}
]=])
-- vllm-llama-3.1-8b-rtx3090-v0-len29000.json
add_case([=[
{
  "id": "vllm-llama-3.1-8b-rtx3090-v0-len29000",
  "engine": "vllm",
  "engine_version": "0.6.4-era V0 engine",
  "source": {
    "url": "https://github.com/vllm-project/vllm/issues/10517",
    "title": "[Usage]: What's the relationship between KV cache and MAX_SEQUENCE_LENGTH. (comment by kaspersiminski, 2024-12-02)",
    "kind": "GitHub issue"
  },
  "stated": {
    "model": "meta-llama/Llama-3.1-8B-Instruct",
    "gpu": "RTX 3090 (total_gpu_memory=23.58GiB)",
    "gpu_memory_utilization": 0.9,
    "tp": 1,
    "dtype": "bfloat16 (default for the checkpoint)",
    "engine": "V0 (worker.py 'Memory profiling results' line, vLLM 0.6.4-era)",
    "max_model_len": 29000
  },
  "settings": {
    "engine": "v0",
    "gpu_total_GiB": 23.58,
    "gpu_memory_utilization": 0.9,
    "max_model_len": 29000,
    "tp": 1,
    "dtype": "bfloat16",
    "weight_format": "BF16",
    "max_num_batched_tokens": 29000,
    "max_num_seqs": 256
  },
  "model": {
    "n_layers": 32,
    "d_model": 4096,
    "n_attention_heads": 32,
    "n_kv_heads": 8,
    "d_head": 128,
    "d_ff": 14336,
    "vocab": 128256,
    "tie_word_embeddings": false
  },
  "model_facts": {
    "source": "meta-llama/Llama-3.1-8B-Instruct config.json (32 layers, hidden 4096, 32 heads, 8 KV heads, intermediate 14336, vocab 128256, bf16, untied)"
  },
  "log": [
    "Loading model weights took 14.9888 GB",
    "Memory profiling results: total_gpu_memory=23.58GiB initial_memory_usage=15.34GiB peak_torch_memory=17.98GiB memory_usage_post_profile=15.35GiB non_torch_memory=0.35GiB kv_cache_size=2.89GiB gpu_memory_utilization=0.90",
    "# GPU blocks: 1478, # CPU blocks: 2048",
    "Maximum concurrency for 29000 tokens per request: 0.82x",
    "The model's max seq len (29000) is larger than the maximum number of tokens that can be stored in KV cache (23648). Try increasing `gpu_memory_utilization` or decreasing `max_model_len` when initializing the engine."
  ],
  "checks": [
    {
      "what": "kv_tokens"
    },
    {
      "what": "outcome"
    },
    {
      "what": "concurrency"
    },
    {
      "what": "largest_len"
    }
  ],
  "note": "V0 profiles a batch of max_num_batched_tokens = max_model_len (chunked prefill off below 32K), which is why the activation peak grows from 2.07 GiB (17.06 - 14.99) at 20000 to 2.99 GiB at 29000"
}
]=])
-- vllm-qwen2.5-7b-bnb4-rtx4060-util0.7-v0.json
add_case([=[
{
  "id": "vllm-qwen2.5-7b-bnb4-rtx4060-util0.7-v0",
  "engine": "vllm",
  "engine_version": "0.7.3.dev V0 engine (worker.py:267, executor_base.py)",
  "source": {
    "url": "https://github.com/vllm-project/vllm/issues/13882",
    "title": "[Usage]: I want to be able to Qwen2.5-7B & RTX4060 (sancelot, 2025-02-26)",
    "kind": "GitHub issue"
  },
  "stated": {
    "model": "unsloth/Qwen2.5-7B-Instruct-bnb-4bit (bitsandbytes 4-bit)",
    "gpu": "RTX 4060 laptop/desktop, total_gpu_memory 8.00GiB",
    "gpu_memory_utilization": 0.7,
    "max_model_len": 4096,
    "engine": "V0"
  },
  "settings": {
    "engine": "v0",
    "gpu_total_GiB": 8.0,
    "gpu_memory_utilization": 0.7,
    "max_model_len": 4096,
    "tp": 1,
    "dtype": "bfloat16",
    "weight_format": "NF4",
    "max_num_batched_tokens": 4096,
    "max_num_seqs": 256
  },
  "model": {
    "n_layers": 28,
    "d_model": 3584,
    "n_attention_heads": 28,
    "n_kv_heads": 4,
    "d_head": 128,
    "d_ff": 18944,
    "vocab": 152064,
    "tie_word_embeddings": false,
    "qkv_bias": true
  },
  "model_facts": {
    "source": "Qwen/Qwen2.5-7B-Instruct config.json (28 layers, hidden 3584, 28 heads, 4 KV heads, intermediate 18944, vocab 152064, untied, q/k/v bias)"
  },
  "log": [
    "INFO 02-26 09:54:02 model_runner.py:1115] Loading model weights took 5.2032 GB",
    "INFO 02-26 09:54:05 worker.py:267] Memory profiling takes 3.25 seconds",
    "INFO 02-26 09:54:05 worker.py:267] the current vLLM instance can use total_gpu_memory (8.00GiB) x gpu_memory_utilization (0.70) = 5.60GiB",
    "INFO 02-26 09:54:05 worker.py:267] model weights take 5.20GiB; non_torch_memory takes 0.03GiB; PyTorch activation peak memory takes 1.42GiB; the rest of the memory reserved for KV Cache is -1.05GiB.",
    "INFO 02-26 09:54:05 executor_base.py:111] # cuda blocks: 0, # CPU blocks: 4681",
    "INFO 02-26 09:54:05 executor_base.py:116] Maximum concurrency for 4096 tokens per request: 0.00x"
  ],
  "checks": [
    {
      "what": "kv_tokens"
    },
    {
      "what": "outcome"
    }
  ],
  "outcome_evidence": {
    "outcome": "refuse",
    "quote": "# cuda blocks: 0",
    "why": "V0 raises 'No available memory for the cache blocks' when the block count is 0 (worker.raise_if_cache_size_invalid)"
  }
}
]=])
-- vllm-qwen3-0.6b-a100-bf16-len4096.json
add_case([=[
{
  "id": "vllm-qwen3-0.6b-a100-bf16-len4096",
  "engine": "vllm",
  "engine_version": "v0.10.2 V1 (gpu_worker.py:276, kv_cache_utils.py:864)",
  "source": {
    "url": "https://github.com/vllm-project/vllm/pull/24577",
    "title": "[Bugfix] Enable FP8 KV cache for FlashInfer and Triton backend on non-sm100 GPUs, comment by mgoin 2025-09-10 (BF16 run)",
    "kind": "GitHub pull request"
  },
  "stated": {
    "model": "Qwen/Qwen3-0.6B",
    "gpu": "A100 (80 GB, per the ~70 GiB left after a 1.1 GiB model)",
    "max_model_len": 4096,
    "command": "lm_eval --model vllm --model_args pretrained=Qwen/Qwen3-0.6B,max_model_len=4096 (FlashInfer)",
    "gpu_memory_utilization": "default 0.9"
  },
  "settings": {
    "engine": "v1",
    "gpu_total_GiB": 79.25,
    "gpu_memory_utilization": 0.9,
    "max_model_len": 4096,
    "tp": 1,
    "dtype": "bfloat16",
    "weight_format": "BF16",
    "max_num_batched_tokens": 16384,
    "max_num_seqs": 1024
  },
  "model": {
    "n_layers": 28,
    "d_model": 1024,
    "n_attention_heads": 16,
    "n_kv_heads": 8,
    "d_head": 128,
    "d_ff": 3072,
    "vocab": 151936,
    "tie_word_embeddings": true,
    "qk_norm": true
  },
  "model_facts": {
    "source": "Qwen/Qwen3-0.6B config.json (28 layers, hidden 1024, 16 heads, 8 KV heads, head_dim 128, intermediate 3072, vocab 151936, tied)",
    "gpu_total": "A100-SXM4-80GB as torch reports it, 79.25 GiB (assumed: the comment does not print it)",
    "batch_defaults": "offline LLM class on a >= 70 GiB GPU: max_num_batched_tokens 16384, max_num_seqs 1024 (vllm/engine/arg_utils.py defaults of that release)"
  },
  "log": [
    "(EngineCore_DP0 pid=643458) INFO 09-10 13:29:13 [cuda.py:285] Using FlashInfer backend on V1 engine.",
    "(EngineCore_DP0 pid=643458) INFO 09-10 13:29:14 [gpu_model_runner.py:2235] Model loading took 1.1201 GiB and 0.596228 seconds",
    "(EngineCore_DP0 pid=643458) INFO 09-10 13:29:24 [gpu_worker.py:276] Available KV cache memory: 69.66 GiB",
    "(EngineCore_DP0 pid=643458) INFO 09-10 13:29:25 [kv_cache_utils.py:864] GPU KV cache size: 652,144 tokens",
    "(EngineCore_DP0 pid=643458) INFO 09-10 13:29:25 [kv_cache_utils.py:868] Maximum concurrency for 4,096 tokens per request: 159.21x"
  ],
  "checks": [
    {
      "what": "kv_tokens"
    },
    {
      "what": "concurrency"
    },
    {
      "what": "outcome"
    }
  ]
}
]=])
-- vllm-qwen3-14b-len32768-lmcache.json
add_case([=[
{
  "id": "vllm-qwen3-14b-len32768-lmcache",
  "engine": "vllm",
  "engine_version": "v0.10.2-v0.11 V1 engine (gpu_worker.py:298, kv_cache_utils.py:864)",
  "source": {
    "url": "https://github.com/LMCache/LMCache/issues/1739",
    "title": "LMCache fails in retrieving KV Cache from local disk on 2x GPU environment (TP=2). (jaeyoun98, 2025-10-03), single-GPU run",
    "kind": "GitHub issue"
  },
  "stated": {
    "model": "Qwen/Qwen3-14B",
    "gpu": "not stated",
    "tp": 1,
    "max_model_len": 32768
  },
  "settings": {
    "engine": "v1",
    "gpu_memory_utilization": 0.9,
    "max_model_len": 32768,
    "tp": 1,
    "dtype": "bfloat16",
    "weight_format": "BF16",
    "max_num_batched_tokens": 8192,
    "max_num_seqs": 256
  },
  "model": {
    "n_layers": 40,
    "d_model": 5120,
    "n_attention_heads": 40,
    "n_kv_heads": 8,
    "d_head": 128,
    "d_ff": 17408,
    "vocab": 151936,
    "tie_word_embeddings": false,
    "qk_norm": true
  },
  "model_facts": {
    "source": "Qwen/Qwen3-14B config.json (40 layers, hidden 5120, 40 heads, 8 KV heads, head_dim 128)"
  },
  "log": [
    "(EngineCore_DP0 pid=1133552) INFO 10-03 16:22:17 [gpu_worker.py:298] Available KV cache memory: 6.51 GiB",
    "(EngineCore_DP0 pid=1133552) INFO 10-03 16:22:17 [kv_cache_utils.py:864] GPU KV cache size: 42,656 tokens",
    "(EngineCore_DP0 pid=1133552) INFO 10-03 16:22:17 [kv_cache_utils.py:868] Maximum concurrency for 32,768 tokens per request: 1.30x"
  ],
  "checks": [
    {
      "what": "kv_tokens"
    },
    {
      "what": "concurrency"
    },
    {
      "what": "outcome"
    }
  ],
  "first_principles": false,
  "first_principles_why": "the GPU and its memory are not stated, so only the block arithmetic from the logged available memory can be checked"
}
]=])
-- vllm-qwen3-235b-a22b-fp8-tp4-h100.json
add_case([=[
{
  "id": "vllm-qwen3-235b-a22b-fp8-tp4-h100",
  "engine": "vllm",
  "engine_version": "v0.9.x-v0.10 V1 engine (July 2025, LMCache connector)",
  "source": {
    "url": "https://github.com/vllm-project/vllm/issues/21348",
    "title": "[Performance]: KV Cache Size Comparison vLLM vs SGLang (MMuzzammil1, 2025-07-22)",
    "kind": "GitHub issue"
  },
  "stated": {
    "model": "Qwen/Qwen3-235B-A22B-FP8",
    "gpu": "4x H100",
    "command": "vllm serve ... --tensor-parallel-size 4 --kv-transfer-config LMCacheConnectorV1",
    "gpu_memory_utilization": "default 0.9",
    "max_model_len": "default 40960"
  },
  "settings": {
    "engine": "v1",
    "gpu_total_GiB": 79.19,
    "gpu_memory_utilization": 0.9,
    "max_model_len": 40960,
    "tp": 4,
    "dtype": "bfloat16",
    "weight_format": "FP8",
    "max_num_batched_tokens": 8192,
    "max_num_seqs": 256
  },
  "model": {
    "n_layers": 94,
    "d_model": 4096,
    "n_attention_heads": 64,
    "n_kv_heads": 4,
    "d_head": 128,
    "d_ff": 12288,
    "vocab": 151936,
    "tie_word_embeddings": false,
    "qk_norm": true,
    "n_experts": 128,
    "n_experts_active": 8,
    "d_ff_expert": 1536
  },
  "model_facts": {
    "source": "Qwen/Qwen3-235B-A22B config.json (94 layers, hidden 4096, 64 heads, 4 KV heads, head_dim 128, 128 experts, 8 per token, moe_intermediate_size 1536, vocab 151936, untied, max_position_embeddings 40960); FP8 block-quantized linears"
  },
  "log": [
    "Available KV cache memory: 8.11 GiB",
    "GPU KV cache size: 178,880 tokens"
  ],
  "checks": [
    {
      "what": "kv_tokens"
    }
  ],
  "known_miss": {
    "first-principles kv_tokens": "first principles leave 15.17 GiB per rank (71.27 requested - 55.11 FP8 weights - 0.39 activation - 0.6 non-torch) where vLLM logged 8.11 GiB: about 7 GiB of per-rank overhead is not modelled (the LMCache KV connector's GPU buffers, FP8 block-scale tensors, MoE workspaces, CUDA-graph/compile memory of this build); the two gpt-oss-120b cases show the same kind of gap",
    "logged-memory kv_tokens": "8.11 GiB is one rank's figure; the 178,880 tokens (11,180 blocks of 752 KiB) need 8.02 GiB, so another of the 4 TP ranks had ~0.09 GiB less and vLLM sizes the cache from the smallest rank (+1.1 %, outside the 1 % arithmetic tier, inside the 10 % token tolerance)"
  }
}
]=])
-- vllm-qwen3-30b-a3b-class-fp8kv-len100000.json
add_case([=[
{
  "id": "vllm-qwen3-30b-a3b-class-fp8kv-len100000",
  "engine": "vllm",
  "engine_version": "v0.10.2-v0.11 V1 (kv_cache_utils.py:868)",
  "source": {
    "url": "https://github.com/vllm-project/vllm/issues/25350",
    "title": "[Bug]: The maximum model length calculation should also take into account the kv-cache-dtype (ErykCh, 2025-09-21)",
    "kind": "GitHub issue"
  },
  "stated": {
    "kv_cache_dtype": "fp8",
    "max_model_len": 100000,
    "gpu": "not stated"
  },
  "settings": {
    "engine": "v1",
    "gpu_memory_utilization": 0.9,
    "max_model_len": 100000,
    "tp": 1,
    "dtype": "bfloat16",
    "kv_cache_dtype": "fp8",
    "weight_format": "FP8",
    "max_num_batched_tokens": 8192,
    "max_num_seqs": 256
  },
  "model": {
    "n_layers": 48,
    "d_model": 2048,
    "n_attention_heads": 32,
    "n_kv_heads": 4,
    "d_head": 128,
    "d_ff": 6144,
    "vocab": 151936,
    "tie_word_embeddings": false,
    "qk_norm": true,
    "n_experts": 128,
    "n_experts_active": 8,
    "d_ff_expert": 768
  },
  "model_facts": {
    "source": "not named in the issue; identified from the arithmetic: 10.12 GiB for 221000 tokens at 1 byte per element = 49152 bytes/token = 2 x 48 layers x 4 KV heads x 128, the Qwen3-30B-A3B family (Qwen/Qwen3-30B-A3B config.json: 48 layers, 4 KV heads, head_dim 128, hidden 2048, 128 experts / 8, moe_intermediate 768); the reporter's 'Model loading took 29.09' GiB fits an FP8 checkpoint of it"
  },
  "log": [
    "with kv-cache-dtype fp8 and --max-model-len 100000",
    "Available KV cache memory: 10.55 GiB",
    "GPU KV cache size: 230,528 tokens",
    "[kv_cache_utils.py:868] Maximum concurrency for 100,000 tokens per request: 2.31x"
  ],
  "checks": [
    {
      "what": "kv_tokens"
    },
    {
      "what": "concurrency"
    },
    {
      "what": "outcome"
    }
  ],
  "first_principles": false,
  "first_principles_why": "the GPU and the checkpoint are not stated"
}
]=])
-- vllm-qwen3-30b-a3b-class-fp8kv-len221000-refuse.json
add_case([=[
{
  "id": "vllm-qwen3-30b-a3b-class-fp8kv-len221000-refuse",
  "engine": "vllm",
  "engine_version": "v0.10.2-v0.11 V1",
  "source": {
    "url": "https://github.com/vllm-project/vllm/issues/25350",
    "title": "[Bug]: The maximum model length calculation should also take into account the kv-cache-dtype (ErykCh, 2025-09-21)",
    "kind": "GitHub issue"
  },
  "stated": {
    "kv_cache_dtype": "fp8",
    "max_model_len": 221000,
    "gpu": "not stated"
  },
  "settings": {
    "engine": "v1",
    "gpu_memory_utilization": 0.9,
    "max_model_len": 221000,
    "tp": 1,
    "dtype": "bfloat16",
    "kv_cache_dtype": "fp8",
    "weight_format": "FP8",
    "max_num_batched_tokens": 8192,
    "max_num_seqs": 256
  },
  "model": {
    "n_layers": 48,
    "d_model": 2048,
    "n_attention_heads": 32,
    "n_kv_heads": 4,
    "d_head": 128,
    "d_ff": 6144,
    "vocab": 151936,
    "tie_word_embeddings": false,
    "qk_norm": true,
    "n_experts": 128,
    "n_experts_active": 8,
    "d_ff_expert": 768
  },
  "model_facts": {
    "source": "not named in the issue; identified from the arithmetic: 10.12 GiB for 221000 tokens at 1 byte per element = 49152 bytes/token = 2 x 48 layers x 4 KV heads x 128, the Qwen3-30B-A3B family (Qwen/Qwen3-30B-A3B config.json: 48 layers, 4 KV heads, head_dim 128, hidden 2048, 128 experts / 8, moe_intermediate 768); the reporter's 'Model loading took 29.09' GiB fits an FP8 checkpoint of it"
  },
  "log": [
    "with kv-cache-dtype fp8 and --max-model-len 221000",
    "ValueError: To serve at least one request with the models's max seq len (221000), (10.12 GiB KV cache is needed, which is larger than the available KV cache memory (5.59 GiB). Based on the available memory, the estimated maximum model length is 122080. Try increasing `gpu_memory_utilization` or decreasing `max_model_len` when initializing the engine."
  ],
  "checks": [
    {
      "what": "outcome"
    },
    {
      "what": "largest_len"
    },
    {
      "what": "needed_GiB"
    }
  ],
  "first_principles": false,
  "first_principles_why": "the GPU and the checkpoint are not stated",
  "note": "the available memory differs from the 100000 run (5.59 vs 10.55 GiB), which is the point of the issue: a longer max_model_len changed the profiled activation peak in this build"
}
]=])
-- vllm-qwen3-coder-480b-fp8-dp8-ep-h20-util0.9.json
add_case([=[
{
  "id": "vllm-qwen3-coder-480b-fp8-dp8-ep-h20-util0.9",
  "engine": "vllm",
  "engine_version": "v0.10.1.dev101+gbda9d0535 V1",
  "source": {
    "url": "https://github.com/vllm-project/recipes/pull/12",
    "title": "vllm-project/recipes PR #12 '[Qwen3-Coder-480B-A35B] update max-model-len for fp8' (Abirdcfly, 2025-08-04)",
    "kind": "GitHub pull request"
  },
  "stated": {
    "model": "Qwen3-Coder-480B-A35B-Instruct-FP8",
    "hardware": "8x H20 (one node), data parallel 8 with expert parallelism",
    "gpu_memory_utilization": 0.9,
    "max_model_len": "default 262144"
  },
  "settings": {
    "engine": "v1",
    "gpu_memory_utilization": 0.9,
    "max_model_len": 262144,
    "tp": 1,
    "dtype": "bfloat16",
    "weight_format": "FP8",
    "max_num_batched_tokens": 8192,
    "max_num_seqs": 256
  },
  "model": {
    "n_layers": 62,
    "d_model": 6144,
    "n_attention_heads": 96,
    "n_kv_heads": 8,
    "d_head": 128,
    "d_ff": 8192,
    "vocab": 151936,
    "tie_word_embeddings": false,
    "qk_norm": true,
    "n_experts": 160,
    "n_experts_active": 8,
    "d_ff_expert": 2560
  },
  "model_facts": {
    "source": "Qwen/Qwen3-Coder-480B-A35B-Instruct config.json (62 layers, hidden 6144, 96 heads, 8 KV heads, head_dim 128, 160 experts / 8, moe_intermediate 2560, vocab 151936, max_position_embeddings 262144)"
  },
  "log": [
    "# vllm serve /tmp/model/Qwen3-Coder-480B-A35B-Instruct-FP8 --served-model-name Qwen3-Coder-480B-A35B-FP8 -dp=8  --enable-expert-parallel --enable-auto-tool-choice --tool-call-parser qwen3_coder",
    "ValueError: To serve at least one request with the models's max seq len (262144), (62.00 GiB KV cache is needed, which is larger than the available KV cache memory (48.66 GiB). Based on the available memory, the estimated maximum model length is 205728. Try increasing `gpu_memory_utilization` or decreasing `max_model_len` when initializing the engine."
  ],
  "checks": [
    {
      "what": "outcome"
    },
    {
      "what": "largest_len"
    },
    {
      "what": "needed_GiB"
    }
  ],
  "first_principles": false,
  "first_principles_why": "expert parallelism (each of the 8 data-parallel ranks holds 1/8 of the experts and all attention) is not modelled by weights_per_rank, and the H20's usable memory is not in the excerpt"
}
]=])
-- vllm-qwen3-coder-480b-fp8-dp8-ep-h20-util0.95.json
add_case([=[
{
  "id": "vllm-qwen3-coder-480b-fp8-dp8-ep-h20-util0.95",
  "engine": "vllm",
  "engine_version": "v0.10.1.dev101+gbda9d0535 V1",
  "source": {
    "url": "https://github.com/vllm-project/recipes/pull/12",
    "title": "vllm-project/recipes PR #12 '[Qwen3-Coder-480B-A35B] update max-model-len for fp8' (Abirdcfly, 2025-08-04)",
    "kind": "GitHub pull request"
  },
  "stated": {
    "model": "Qwen3-Coder-480B-A35B-Instruct-FP8",
    "hardware": "8x H20 (one node), data parallel 8 with expert parallelism",
    "gpu_memory_utilization": 0.95,
    "max_model_len": "default 262144"
  },
  "settings": {
    "engine": "v1",
    "gpu_memory_utilization": 0.95,
    "max_model_len": 262144,
    "tp": 1,
    "dtype": "bfloat16",
    "weight_format": "FP8",
    "max_num_batched_tokens": 8192,
    "max_num_seqs": 256
  },
  "model": {
    "n_layers": 62,
    "d_model": 6144,
    "n_attention_heads": 96,
    "n_kv_heads": 8,
    "d_head": 128,
    "d_ff": 8192,
    "vocab": 151936,
    "tie_word_embeddings": false,
    "qk_norm": true,
    "n_experts": 160,
    "n_experts_active": 8,
    "d_ff_expert": 2560
  },
  "model_facts": {
    "source": "Qwen/Qwen3-Coder-480B-A35B-Instruct config.json (62 layers, hidden 6144, 96 heads, 8 KV heads, head_dim 128, 160 experts / 8, moe_intermediate 2560, vocab 151936, max_position_embeddings 262144)"
  },
  "log": [
    "# vllm serve /tmp/model/Qwen3-Coder-480B-A35B-Instruct-FP8 --served-model-name Qwen3-Coder-480B-A35B-FP8 -dp=8  --enable-expert-parallel --enable-auto-tool-choice --tool-call-parser qwen3_coder --gpu-memory-utilization 0.95",
    "ValueError: To serve at least one request with the models's max seq len (262144), (62.00 GiB KV cache is needed, which is larger than the available KV cache memory (55.65 GiB). Based on the available memory, the estimated maximum model length is 235296. Try increasing `gpu_memory_utilization` or decreasing `max_model_len` when initializing the engine."
  ],
  "checks": [
    {
      "what": "outcome"
    },
    {
      "what": "largest_len"
    },
    {
      "what": "needed_GiB"
    }
  ],
  "first_principles": false,
  "first_principles_why": "expert parallelism (each of the 8 data-parallel ranks holds 1/8 of the experts and all attention) is not modelled by weights_per_rank, and the H20's usable memory is not in the excerpt"
}
]=])
-- END GENERATED CASES

run_all()

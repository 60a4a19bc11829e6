-- How much KV cache vLLM allocates and whether it accepts max_model_len:
-- weights per rank (tensor and pipeline parallel), the memory left for the KV
-- cache after the profiled peak, blocks of 16 tokens, the GPU KV cache size in
-- tokens, the maximum concurrency for a request length, the refusal vLLM
-- raises with the largest length that fits, and a decode-rate estimate.
--
-- Rules follow vllm/v1/worker/gpu_worker.py (determine_available_memory),
-- vllm/utils memory_profiling, vllm/v1/core/kv_cache_utils.py (get_num_blocks,
-- hybrid grouping, check_enough_kv_cache_memory, estimate_max_model_len,
-- get_max_concurrency_for_kv_cache_config), vllm/v1/kv_cache_interface.py
-- (page sizes) and, for the V0 engine, vllm/worker/worker.py and
-- vllm/engine/llm_engine.py; read in the stored copies of vllm-project/vllm
-- for v0.8.x-v0.11 (gpu_worker.py at 0012cf69 and later), and V0 0.6-0.7.
-- The measured agreement with public logs is in docs/engine-rules.md.
--
-- Entry point: M.plan(model, settings) → plan (see the comment above it).
local shapes = require "lib.engines.shapes"

local M = {}

-- What `tafrun list engines` shows of this module: the rules follow vLLM V1
-- 0.8-0.11 (gpu_worker.py, kv_cache_utils.py) and V0 0.6-0.7 (worker.py).
M.name = "vllm"
M.version_checked = "V1 0.8-0.11, V0 0.6-0.7"
M.describe = "weights per rank, KV cache after gpu_memory_utilization, blocks, tokens, concurrency, max_model_len refusal"
M.GiB = 1073741824.0
M.BLOCK_SIZE = 16   -- CacheConfig.block_size default on CUDA

-- Bytes per KV element: "auto" follows the model dtype (bf16/fp16 = 2),
-- "fp8"/"fp8_e4m3"/"fp8_e5m2" = 1 (taf's KV catalog).
-- Rule source: vllm/config (CacheConfig.cache_dtype, STR_DTYPE_TO_TORCH_DTYPE), checked at vLLM v0.10-v0.11.
function M.kv_element_bytes(kv_cache_dtype, dtype)
  local k = kv_cache_dtype or "auto"
  if k == "auto" then
    local d = string.lower(dtype or "bfloat16")
    if d == "float32" or d == "fp32" then return 4 end
    return 2
  end
  local e = taf.kv_dtype(k)
  if not e then error(string.format("lib.engines.vllm: unknown kv_cache_dtype '%s'", k), 2) end
  return e.bytes_per_element
end

-- KV heads each tensor-parallel rank stores: n_kv/tp, at least one (ranks
-- replicate a head when n_kv < tp; ModelConfig.get_num_kv_heads).
-- Rule source: vllm/config ModelConfig.get_num_kv_heads, checked at vLLM v0.10-v0.11.
function M.kv_heads_per_rank(n_kv, tp)
  return math.max(1, n_kv // (tp or 1))
end

-- Layers of each pipeline stage (vllm/distributed/utils.py get_pp_indices):
-- n // pp each, the remainder added to the stages before the last.
-- Rule source: vllm/distributed/utils.py get_pp_indices, checked at vLLM v0.10-v0.11.
function M.pp_layers(n, pp)
  pp = pp or 1
  local parts = {}
  for i = 1, pp do parts[i] = n // pp end
  local rem = n % pp
  for i = 2, rem + 1 do parts[pp - i + 1] = parts[pp - i + 1] + 1 end
  return parts
end

-- Page bytes of one layer for one block (kv_cache_interface.py):
-- attention 2·block·kv_heads_rank·head_size·B (taf.kv_cache_memory of one layer
-- over one block); MLA block·(kv_lora_rank + rope)·B (taf.kv_cache_memory_model, MLA).
-- Rule source: vllm/v1/kv_cache_interface.py AttentionSpec/MLAAttentionSpec.page_size_bytes, checked at vLLM v0.10-v0.11.
function M.page_bytes(model, s)
  local B = M.kv_element_bytes(s.kv_cache_dtype, s.dtype)
  local bs = s.block_size or M.BLOCK_SIZE
  if shapes.is_mla(model) then
    return taf.kv_cache_memory_model({ architecture = "MLA", n_layers = 1, kv_lora_rank = model.kv_lora_rank,
      qk_rope_head_dim = model.qk_rope_head_dim }, bs, B).bytes
  end
  local hd = math.max(model.d_head, model.d_head_v or model.d_head)
  return taf.kv_cache_memory(1, M.kv_heads_per_rank(model.n_kv_heads, s.tp), hd, bs, B).bytes
end

------------------------------------------------------------------------------
-- Weights per rank
------------------------------------------------------------------------------

-- Bytes per weight of a linear layer under the checkpoint's format (the
-- quant catalog), and of embeddings/norms (kept in the model dtype); every
-- tensor is then priced with taf.weight_bytes(n, bits).
local function linear_bytes(s)
  local f = s.weight_format or "BF16"
  local q = taf.quant_format(f)
  if not q then error(string.format("lib.engines.vllm: unknown weight_format '%s'", f), 3) end
  return q.bytes_per_weight
end

-- Weight bytes held by one rank of pipeline stage `stage` (1-based): column-
-- and row-parallel linears divided by tp; K/V projections keep kv_heads_rank
-- heads; MLA's q_a/kv_a and the MoE router are replicated; the vocabulary is
-- padded to a multiple of 64 and split over tp; the first stage holds the
-- embedding, the last the final norm and lm_head (shared with the embedding
-- when tied and pp = 1). `s.expert_bytes_per_weight` prices routed experts
-- apart (gpt-oss MXFP4 experts next to bf16 attention).
-- Rule source: vllm/model_executor/layers/linear.py + vocab_parallel_embedding.py (sharding, vocab padded to 64), checked at vLLM v0.10-v0.11.
function M.weights_per_rank(model, s, stage)
  local tp, pp = s.tp or 1, s.pp or 1
  stage = stage or 1
  local lin = linear_bytes(s)
  local dense = s.dtype_bytes or 2
  local exb = s.expert_bytes_per_weight or lin
  local parts = M.pp_layers(model.n_layers, pp)
  local first = 0
  for i = 1, stage - 1 do first = first + parts[i] end
  local total = 0
  local kv_rank = (not shapes.is_mla(model)) and M.kv_heads_per_rank(model.n_kv_heads, tp) or nil
  for il = first, first + parts[stage] - 1 do
    for _, x in ipairs(shapes.layer_tensors(model, il)) do
      local n = x.elements
      local per
      if x.dim == 1 or x.role == "norm" or x.role == "bias" then
        per = dense
        if x.role == "bias" and (x.name:find("attn_q.bias", 1, true) or x.name:find("ffn", 1, true)
            or x.name:find("exps", 1, true)) then n = n / tp end
      elseif x.role == "router" then per = dense
      elseif x.role == "experts" then per = exb; n = n / tp
      else
        per = lin
        local short = x.name:match("^blk%.%d+%.(.*)$")
        if short == "attn_k.weight" or short == "attn_v.weight" then
          n = n / model.n_kv_heads * kv_rank
        elseif short == "attn_kv_a_mqa.weight" or short == "attn_q_a.weight" then
          -- replicated
        else
          n = n / tp
        end
      end
      total = total + taf.weight_bytes(n, per * 8)
    end
  end
  local vpad = math.ceil(model.vocab / 64) * 64
  local embed = taf.weight_bytes(vpad * model.d_model / tp, dense * 8)
  if stage == 1 then total = total + embed end
  if stage == pp then
    total = total + taf.weight_bytes(model.d_model, dense * 8)
    if not model.tie_word_embeddings or pp > 1 then total = total + embed end
  end
  return total
end

------------------------------------------------------------------------------
-- Profiled peak (estimate)
------------------------------------------------------------------------------

-- The activation peak vLLM's profile run records: a forward pass over
-- max_num_batched_tokens tokens (its widest live tensors: the gate/up output
-- 2·I, the QKV output and a few hidden-state copies, in the model dtype) and
-- the sampler's fp32 logits for max_num_seqs rows (logits and probabilities).
-- Fitted on Llama-3.1-8B (vLLM issue #10517: 2.07 GiB at 20,000 tokens,
-- 2.99 GiB at 29,000); treat as ±20%.
-- Rule source: estimate of the profile run in vllm/v1/worker/gpu_model_runner.py profile_run (fitted, see comment), vLLM v0.6-v0.11.
function M.activation_peak(model, s)
  local tp = s.tp or 1
  local T = s.max_num_batched_tokens or 8192
  local B = s.dtype_bytes or 2
  local d = model.d_model
  local inter
  if (model.n_experts or 0) > 1 then
    local sh = model.d_ff_shared or (model.n_shared_experts or 0) * (model.d_ff_expert or 0)
    inter = ((model.n_experts_active or 1) * model.d_ff_expert + sh) / tp
  else
    inter = model.d_ff / tp
  end
  local qkv
  if shapes.is_mla(model) then
    qkv = model.n_attention_heads / tp * (model.qk_nope_head_dim + model.qk_rope_head_dim + model.v_head_dim)
  else
    qkv = (model.n_attention_heads / tp + 2 * M.kv_heads_per_rank(model.n_kv_heads, tp)) * model.d_head
  end
  local fwd = T * B * (2 * inter + 3 * d + qkv)
  local rows = s.max_num_seqs or 256
  local logits = rows * math.ceil(model.vocab / 64) * 64 / tp * 4 * 2
  return fwd + logits
end

-- Memory outside torch's allocator after profiling (cuBLAS workspaces, NCCL
-- and custom all-reduce buffers): 0.35 GiB on one GPU (the 0.35 GiB of
-- issue #10517), 0.6 GiB with tensor or pipeline parallelism.
-- Rule source: estimate of vllm/utils memory_profiling non_torch_increase (fitted on logged values), vLLM v0.6-v0.11.
function M.non_torch(s)
  if (s.tp or 1) > 1 or (s.pp or 1) > 1 then return 0.6 * M.GiB end
  return 0.35 * M.GiB
end

-- Memory left for the KV cache on one rank (gpu_worker.determine_available_memory):
-- gpu_memory_utilization × total − (weights + activation peak + non-torch);
-- CUDA graphs are captured after the KV cache is allocated and live in the
-- (1 − utilization) slack, so they are not subtracted unless
-- s.count_cudagraph_GiB is given (the V1 estimate some builds add).
-- `measured` = { weights_GiB, activation_GiB, non_torch_GiB, available_GiB }
-- replaces any estimate with a logged figure.
-- Rule source: vllm/v1/worker/gpu_worker.py determine_available_memory (V0: vllm/worker/worker.py determine_num_available_blocks), checked at vLLM v0.10-v0.11 and 0.6-0.7.
function M.available_kv(model, s, stage)
  local meas = s.measured or {}
  local total = s.gpu_total_GiB * M.GiB
  local req = total * (s.gpu_memory_utilization or 0.9)
  local w = meas.weights_GiB and meas.weights_GiB * M.GiB or M.weights_per_rank(model, s, stage)
  local a = meas.activation_GiB and meas.activation_GiB * M.GiB or M.activation_peak(model, s)
  local n = meas.non_torch_GiB and meas.non_torch_GiB * M.GiB or M.non_torch(s)
  local g = (s.count_cudagraph_GiB or 0) * M.GiB
  local avail = meas.available_GiB and meas.available_GiB * M.GiB or (req - w - a - n - g)
  return avail, { requested = req, weights = w, activation = a, non_torch = n, cudagraph = g }
end

------------------------------------------------------------------------------
-- Blocks, tokens, concurrency, refusal
------------------------------------------------------------------------------

-- KV layers of one pipeline stage, split into full-attention and
-- sliding-window layers (sliding only when the hybrid KV cache manager is
-- on: V1 and not s.disable_hybrid; V0 and the disabled manager give every
-- layer a full-length cache).
-- Rule source: vllm/v1/core/kv_cache_utils.py (hybrid allocator grouping), checked at vLLM v0.10-v0.11.
function M.stage_layers(model, s, stage)
  local parts = M.pp_layers(model.n_layers, s.pp)
  local first = 0
  for i = 1, (stage or 1) - 1 do first = first + parts[i] end
  local swa = shapes.swa_set(model)
  local hybrid = (s.engine or "v1") == "v1" and not s.disable_hybrid and (model.sliding_window or 0) > 0
  local full, sliding = 0, 0
  for il = first, first + parts[stage or 1] - 1 do
    if hybrid and swa[il] then sliding = sliding + 1 else full = full + 1 end
  end
  return full, sliding
end

local function cdiv(a, b) return (a + b - 1) // b end

-- KV bytes one request of `len` tokens needs on one rank of a stage
-- (KVCacheSpec.max_memory_usage_bytes summed over layers): full layers
-- ⌈len/16⌉ pages; sliding layers ⌈min(window − 1 + max_num_batched_tokens, len)/16⌉ + 1 pages.
-- Rule source: vllm/v1/kv_cache_interface.py max_memory_usage_bytes (full and sliding-window specs), checked at vLLM v0.10-v0.11.
function M.request_bytes(model, s, len, stage)
  local page = M.page_bytes(model, s)
  local bs = s.block_size or M.BLOCK_SIZE
  local full, sliding = M.stage_layers(model, s, stage)
  local b = full * cdiv(len, bs) * page
  if sliding > 0 then
    local t = math.min(model.sliding_window - 1 + (s.max_num_batched_tokens or 8192), len)
    b = b + sliding * (cdiv(t, bs) + 1) * page
  end
  return b
end

-- Blocks of one rank (get_num_blocks): available // (page × layers per block);
-- hybrid models group layers so that every group holds the smaller type's
-- layer count and share one pool: blocks = available // (page × group size),
-- the reported token count is blocks // groups × 16 (v0.10 _get_kv_cache_config_uniform_page_size).
-- Rule source: vllm/v1/core/kv_cache_utils.py get_num_blocks / _get_kv_cache_config_uniform_page_size, checked at vLLM v0.10-v0.11.
function M.blocks(model, s, avail, stage)
  local page = M.page_bytes(model, s)
  local bs = s.block_size or M.BLOCK_SIZE
  local full, sliding = M.stage_layers(model, s, stage)
  if avail <= 0 then return 0, 0, 1 end
  if sliding == 0 or full == 0 then
    local n = full + sliding
    local blocks = math.floor(avail / (page * n))
    return blocks, blocks * bs, 1
  end
  local g = math.min(full, sliding)
  local groups = cdiv(full, g) + cdiv(sliding, g)
  local blocks = math.floor(avail / (page * g))
  return blocks, (blocks // groups) * bs, groups
end

-- plan(model, settings) → {
--   ranks = { { stage, weights_bytes, available_bytes, components, blocks } … },
--   num_blocks (min over ranks), kv_tokens (the "GPU KV cache size"), page_bytes,
--   max_concurrency (for max_model_len), fits, refusal (text) or nil,
--   largest_len (the largest max_model_len that fits), needed_bytes }
-- model: lib.engines.shapes fields plus sliding_window/swa_period for hybrid models.
-- settings:
--   gpu_total_GiB (the GPU's total memory as torch reports it), gpu_memory_utilization (0.9),
--   tp, pp, max_model_len, dtype ("bfloat16"), dtype_bytes (2), kv_cache_dtype ("auto"/"fp8"),
--   block_size (16), weight_format ("BF16", "FP8", "AWQ", "NF4", …), expert_bytes_per_weight,
--   max_num_batched_tokens (8192), max_num_seqs (256), engine ("v1" or "v0"),
--   disable_hybrid, count_cudagraph_GiB, measured = { weights_GiB, activation_GiB,
--   non_torch_GiB, available_GiB (per rank; a list for several stages) }.
-- Rule source: vllm/v1/core/kv_cache_utils.py check_enough_kv_cache_memory, estimate_max_model_len, get_max_concurrency_for_kv_cache_config (V0: vllm/worker/worker.py raise_if_cache_size_invalid), checked at vLLM v0.10-v0.11 and 0.6-0.7.
function M.plan(model, s)
  local pp = s.pp or 1
  local ranks = {}
  local min_blocks, min_tokens, min_avail
  local groups = 1
  for stage = 1, pp do
    local ss = s
    if s.measured and type(s.measured.available_GiB) == "table" then
      ss = {}
      for k, v in pairs(s) do ss[k] = v end
      ss.measured = {}
      for k, v in pairs(s.measured) do ss.measured[k] = v end
      ss.measured.available_GiB = s.measured.available_GiB[stage]
    end
    local avail, parts = M.available_kv(model, ss, stage)
    local blocks, tokens, g = M.blocks(model, s, avail, stage)
    groups = g
    ranks[#ranks + 1] = { stage = stage, weights_bytes = parts.weights, available_bytes = avail,
                          components = parts, blocks = blocks, tokens = tokens }
    if not min_blocks or blocks < min_blocks then min_blocks, min_tokens = blocks, tokens end
    if not min_avail or avail < min_avail then min_avail = avail end
  end
  local L = s.max_model_len
  local bs = s.block_size or M.BLOCK_SIZE
  local page = M.page_bytes(model, s)
  local out = { ranks = ranks, num_blocks = min_blocks, kv_tokens = min_tokens, page_bytes = page,
                groups = groups, available_bytes = min_avail }

  -- refusal and the largest length (V1: check_enough_kv_cache_memory on every
  -- stage, estimate_max_model_len by bisection; V0: max_model_len against the
  -- block count, llm_engine._initialize_kv_caches / worker.raise_if_cache_size_invalid)
  local engine = s.engine or "v1"
  if engine == "v0" then
    local cap = min_blocks * bs
    out.largest_len = cap
    out.max_concurrency = L and cap / L or nil
    if min_blocks <= 0 then
      out.fits = false
      out.refusal = "No available memory for the cache blocks. Try increasing `gpu_memory_utilization` when initializing the engine."
    elseif L and L > cap then
      out.fits = false
      out.refusal = string.format("The model's max seq len (%d) is larger than the maximum number of tokens that can be "
        .. "stored in KV cache (%d). Try increasing `gpu_memory_utilization` or decreasing `max_model_len` when "
        .. "initializing the engine.", L, cap)
    else out.fits = true end
    return out
  end

  local function fits_len(len)
    for stage = 1, pp do
      if M.request_bytes(model, s, len, stage) > ranks[stage].available_bytes then return false end
    end
    return true
  end
  local worst_stage, worst_need = 1, -1
  for stage = 1, pp do
    local need = L and M.request_bytes(model, s, L, stage) or 0
    if need - ranks[stage].available_bytes > worst_need - ranks[worst_stage].available_bytes then
      worst_stage, worst_need = stage, need
    end
  end
  out.needed_bytes = worst_need
  local lo, hi = 0, L or (1 << 24)
  if fits_len(hi) then lo = hi
  else
    while hi - lo > 1 do
      local mid = (lo + hi) // 2
      if fits_len(mid) then lo = mid else hi = mid end
    end
  end
  out.largest_len = lo
  if L then
    local per_req = 0
    local full, sliding = M.stage_layers(model, s, 1)
    per_req = cdiv(M.request_bytes(model, s, L, 1), page * math.max(1, math.min(full > 0 and full or sliding,
      sliding > 0 and sliding or full)))
    if sliding > 0 and full > 0 then
      local g = math.min(full, sliding)
      per_req = cdiv(full, g) * cdiv(L, bs) + cdiv(sliding, g) * (cdiv(math.min(model.sliding_window - 1
        + (s.max_num_batched_tokens or 8192), L), bs) + 1)
    else
      per_req = cdiv(L, bs)
    end
    out.max_concurrency = min_blocks / per_req
  end
  local ra = ranks[worst_stage].available_bytes
  if min_avail <= 0 then
    out.fits = false
    out.refusal = "No available memory for the cache blocks. Try increasing `gpu_memory_utilization` when initializing the engine."
  elseif L and not fits_len(L) then
    out.fits = false
    out.refusal = string.format("To serve at least one request with the model's max seq len (%d), (%.2f GiB KV cache "
      .. "is needed, which is larger than the available KV cache memory (%.2f GiB). Based on the available memory, "
      .. "the estimated maximum model length is %d. Try increasing `gpu_memory_utilization` or decreasing "
      .. "`max_model_len` when initializing the engine.", L, worst_need / M.GiB, ra / M.GiB, lo)
  else
    out.fits = true
  end
  return out
end

------------------------------------------------------------------------------
-- Decode rate
------------------------------------------------------------------------------

-- Tokens per second for one sequence at context `ctx` on one replica:
-- each step every rank reads its dense weights, n_experts_active/n_experts of
-- its routed experts (uniform routing) and the sequence's KV pages; ranks of
-- a stage run in parallel, stages in series.
-- hw = { bw_GB_s = HBM bandwidth per GPU, efficiency = 0.7 }
-- Rule source: not an engine rule: bandwidth model over the per-rank weights and KV pages.
function M.decode_rate(model, s, hw, ctx)
  local pp = s.pp or 1
  local frac = (model.n_experts or 0) > 1 and (model.n_experts_active or 1) / model.n_experts or 1
  local eff = hw.efficiency or 0.7
  local t = 0
  local exb = s.expert_bytes_per_weight or linear_bytes(s)
  for stage = 1, pp do
    local w = M.weights_per_rank(model, s, stage)
    -- experts of this stage's layers, per rank
    local parts = M.pp_layers(model.n_layers, pp)
    local first = 0
    for i = 1, stage - 1 do first = first + parts[i] end
    local experts = 0
    for il = first, first + parts[stage] - 1 do
      for _, x in ipairs(shapes.layer_tensors(model, il)) do
        if x.role == "experts" then experts = experts + x.elements / (s.tp or 1) * exb end
      end
    end
    local vpad = math.ceil(model.vocab / 64) * 64
    local embed_unread = stage == 1 and vpad * model.d_model / (s.tp or 1) * (s.dtype_bytes or 2) or 0
    if stage == 1 and model.tie_word_embeddings and pp == 1 then embed_unread = 0 end
    local read = w - embed_unread - experts * (1 - frac) + M.request_bytes(model, s, ctx, stage)
    t = t + read / (hw.bw_GB_s * 1e9 * eff)
  end
  return { tokens_per_s = 1 / t, seconds_per_token = t,
           derivation = "per stage: (rank weights − unread embedding − unused experts + KV pages)/(bandwidth × efficiency)" }
end

return M

-- What llama.cpp (and Ollama's llama.cpp runner) allocates when it loads a
-- GGUF model: the model, KV and compute buffers per device, as the load log
-- prints them ("CUDA0 model buffer size", "KV buffer size", "compute buffer
-- size"), plus a decode-rate estimate from the bytes each token reads.
--
-- Rules were read from the llama.cpp sources and checked against commit
-- ec98e2002 (Dec 2025, the tree Ollama vendored at f63eea3); older eras were
-- read from the trees Ollama vendored before (46e3556 Jan 2025, de4c07f May
-- 2025, e54d41b Aug 2025, 3cfa9c3 Nov 2025). The measured agreement with
-- public load logs is in docs/engine-rules.md (tests/reality/engines).
--
-- Entry point: M.plan(model, settings) → plan (see the comment above it).
-- Pure functions and data only: no io; shared arithmetic comes from taf
-- (taf.kv_dtype for cache element sizes, taf.quant_format for mixed file types).
local shapes = require "lib.engines.shapes"

local M = {}

-- What `tafrun list engines` shows of this module: the rules follow llama.cpp
-- at ec98e2002 (Dec 2025), with KV-cache eras back to b3045 (May 2024).
M.name = "llama.cpp"
M.version_checked = "ec98e2002 (Dec 2025); KV eras back to b3045"
M.describe = "model, KV and compute buffers per device (MiB), -ngl / --n-cpu-moe placement, decode rate"
M.MiB = 1048576.0

------------------------------------------------------------------------------
-- Element sizes
------------------------------------------------------------------------------

-- GGML tensor types the KV-dtype catalog does not hold: bytes per block and
-- elements per block (ggml/src/ggml.c type_traits, ec98e2002). The block types
-- the KV catalog holds (f32, f16, bf16, q8_0, q4_0, q4_1, q5_0, q5_1, iq4_nl)
-- come from taf.kv_dtype.
M.WEIGHT_BLOCKS = {
  q2_k = { 84, 256 }, q3_k = { 110, 256 }, q4_k = { 144, 256 }, q5_k = { 176, 256 },
  q6_k = { 210, 256 }, q8_k = { 292, 256 }, mxfp4 = { 17, 32 },
}

-- Bytes per element of GGML type `t` (lower-case name), exact for block types.
-- Rule source: ggml/src/ggml.c type_traits (block sizes), checked at llama.cpp ec98e2002.
function M.type_bytes(t)
  t = string.lower(t)
  local b = M.WEIGHT_BLOCKS[t]
  if b then return b[1] / b[2] end
  local k = taf.kv_dtype(t)
  if k then return k.bytes_per_element end
  error(string.format("lib.engines.llamacpp: unknown GGML type '%s'", t), 2)
end

-- Elements per block of type t (a row must be a whole number of blocks).
local function block_of(t)
  t = string.lower(t)
  if M.WEIGHT_BLOCKS[t] then return M.WEIGHT_BLOCKS[t][2] end
  if t == "f32" or t == "f16" or t == "bf16" then return 1 end
  return 32
end

-- Bytes of one row of n elements of type t (ggml_row_size).
-- Rule source: ggml/src/ggml.c ggml_row_size, checked at llama.cpp ec98e2002.
function M.row_bytes(t, n)
  local blk = block_of(t)
  if n % blk ~= 0 then
    error(string.format("lib.engines.llamacpp: a row of %d elements is not a whole number of %s blocks (%d)",
      n, t, blk), 2)
  end
  return M.type_bytes(t) * n
end

------------------------------------------------------------------------------
-- Tensor types from the GGUF file type (src/llama-quant.cpp, ec98e2002)
------------------------------------------------------------------------------

-- Pure file types: every 2-D weight takes the type, except the output
-- projection (token_embd when the model is tied), which llama-quantize keeps
-- at q6_K for the 4- and 5-bit types; 1-D tensors and the MoE router stay f32.
local PURE = { F32 = "f32", F16 = "f16", BF16 = "bf16", Q8_0 = "q8_0", Q4_0 = "q4_0", Q4_1 = "q4_1",
               Q5_0 = "q5_0", Q5_1 = "q5_1" }
local OUTPUT_Q6K = { Q4_0 = true, Q4_1 = true, Q5_0 = true, Q5_1 = true }

-- K-quant mixes (llama_tensor_get_type in src/llama-quant.cpp, ec98e2002):
-- the base type, and the tensors bumped to more bits.
local KQUANT = { Q4_K_M = "q4_k", Q4_K_S = "q4_k", Q5_K_M = "q5_k", Q5_K_S = "q5_k", Q6_K = "q6_k" }
-- When a row is not a whole number of 256-blocks the quantizer falls back.
local KQ_FALLBACK = { q4_k = "q5_0", q5_k = "q5_1", q6_k = "q8_0" }

-- llama-quant's use_more_bits: the first and last eighth of the layers and
-- every third layer between them.
-- Rule source: src/llama-quant.cpp llama_tensor_get_type, checked at llama.cpp ec98e2002.
function M.use_more_bits(i, n)
  return i < n // 8 or i >= 7 * n // 8 or (i - n // 8) % 3 == 2
end

local function kquant_type(x, f, m)
  local t = KQUANT[f]
  local short = x.name:match("^blk%.%d+%.(.*)$") or x.name
  local il, L = x.layer or 0, m.n_layers
  local n_exp = m.n_experts or 0
  if short == "attn_v.weight" then
    if (f == "Q4_K_M" or f == "Q5_K_M") and M.use_more_bits(il, L) then t = "q6_k"
    elseif f == "Q4_K_S" and il < 4 then t = "q5_k" end
    if n_exp == 8 then t = "q8_0" end
  elseif short == "attn_k.weight" then
    if n_exp == 8 then t = "q8_0" end
  elseif string.find(short, "ffn_down", 1, true) then
    if (f == "Q4_K_M" or f == "Q5_K_M") and M.use_more_bits(il, L) then t = "q6_k"
    elseif f == "Q4_K_S" and il < L // 8 then t = "q5_k" end
  elseif short == "attn_output.weight" then
    if n_exp == 8 and (f == "Q4_K_M" or f == "Q4_K_S") then t = "q5_k" end
  elseif short == "attn_qkv.weight" then
    if f == "Q4_K_M" then t = "q5_k" elseif f == "Q5_K_M" then t = "q6_k" end
  end
  if x.cols % 256 ~= 0 and KQ_FALLBACK[t] then t = KQ_FALLBACK[t] end
  return t
end

-- The GGML type of tensor x under file type `ftype`: exact for the pure types,
-- the K-quant mixes Q4_K_M/Q4_K_S/Q5_K_M/Q5_K_S/Q6_K and MXFP4_MOE; other mixes
-- (IQ*, Q2_K, Q3_K_*) return { bytes_per_element = … } priced at the
-- catalogued effective bits per weight (taf.quant_format). `gguf.types`
-- (tensor-name pattern → type, read from the file) overrides everything.
-- Not modelled: the 70B attn_v bump, imatrix-dependent choices, Falcon.
-- Rule source: src/llama-quant.cpp llama_tensor_get_type / llama_model_quantize_impl, checked at llama.cpp ec98e2002.
function M.tensor_type(x, ftype, m, gguf)
  if gguf and gguf.types then
    for pat, t in pairs(gguf.types) do
      if string.find(x.name, pat) then return t end
    end
  end
  if x.dim == 1 or x.role == "norm" or x.role == "bias" or x.role == "router" then return "f32" end
  local f = string.upper(ftype)
  local is_output = x.role == "output" or (x.role == "embed" and m.tie_word_embeddings)
  if f == "MXFP4_MOE" then
    -- gpt-oss GGUFs: stacked expert tensors mxfp4, every other 2-D weight (output included) q8_0
    return x.role == "experts" and "mxfp4" or "q8_0"
  end
  if PURE[f] then
    if is_output and OUTPUT_Q6K[f] then return "q6_k" end
    return PURE[f]
  end
  if KQUANT[f] then
    if is_output then return x.cols % 256 == 0 and "q6_k" or "q8_0" end
    if x.role == "embed" then
      local t = KQUANT[f]
      if x.cols % 256 ~= 0 then t = KQ_FALLBACK[t] end
      return t
    end
    return kquant_type(x, f, m)
  end
  local q = taf.quant_format(ftype)
  if not q then error(string.format("lib.engines.llamacpp: unknown file type '%s'", tostring(ftype)), 2) end
  if is_output then return "q6_k" end
  return { bytes_per_element = q.bytes_per_weight, approximate = true }
end

------------------------------------------------------------------------------
-- Eras of the KV-cache sizing rules, by build number
------------------------------------------------------------------------------

-- Boundaries (approximate to a few builds where the PR's build is not printed
-- in a log we hold):
--   < 5450  one stream of n_ctx cells, padded to 256 with flash attention and
--           to 32 without (llama_kv_cache_unified::get_padding); sliding-window
--           layers keep a full-size cache (no iSWA yet)
--   ≥ 5450  iSWA (PR #13194, May 2025): sliding layers keep n_swa·n_seq + n_ubatch
--           cells, padded like the main cache
--   ≥ 5913  per-sequence streams (PR #14363, the b5912→b5913 change of issue
--           #14847): without --kv-unified each of n_seq streams holds
--           pad(ceil(n_ctx/n_seq)) cells; the SWA term multiplies by n_seq only
--           when unified
--   ≥ 7000  n_ctx and every cache padded to 256 whatever flash attention
--           (PR #17046 / issue #17037, Nov 2025; llama-context.cpp and
--           llama-kv-cache-iswa.cpp at ec98e2002)
M.ERAS = {
  { from = 0, name = "single-stream", iswa = false, streams = false, pad256 = false },
  { from = 5450, name = "iswa", iswa = true, streams = false, pad256 = false },
  { from = 5913, name = "streams", iswa = true, streams = true, pad256 = false },
  { from = 7000, name = "pad256", iswa = true, streams = true, pad256 = true },
}

-- Rule source: src/llama-context.cpp, src/llama-kv-cache.cpp, src/llama-kv-cache-iswa.cpp across b3045, b4310, b5450, b5913, ec98e2002.
function M.era(build)
  local e = M.ERAS[#M.ERAS]
  if build then
    for _, x in ipairs(M.ERAS) do if build >= x.from then e = x end end
  end
  return e
end

local function pad(x, p) return ((x + p - 1) // p) * p end

------------------------------------------------------------------------------
-- KV cache
------------------------------------------------------------------------------

-- Cells per stream of the main and the sliding-window cache, the number of
-- streams and the padded context (llama-context.cpp constructor,
-- llama_model::create_memory, llama_kv_cache_iswa constructor).
-- settings: n_ctx, n_seq (-np, default 1), kv_unified (default false; llama-server's
-- "-np auto" sets it), n_ubatch (default 512, capped at n_ctx), flash_attn
-- (true, false or "auto" = true for padding), swa_full, build.
-- Rule source: src/llama-context.cpp (n_ctx padding), src/llama-model.cpp create_memory, src/llama-kv-cache-iswa.cpp (SWA size), checked at llama.cpp ec98e2002 and the eras above.
function M.kv_cells(model, s)
  local era = M.era(s.build)
  local fa = s.flash_attn ~= false
  local p = era.pad256 and 256 or (fa and 256 or 32)
  local n_seq = s.n_seq or 1
  local unified = s.kv_unified or not era.streams or n_seq == 1
  local n_ctx = s.n_ctx
  local per_stream, streams
  if era.pad256 then
    n_ctx = pad(n_ctx, 256)
    if unified then per_stream, streams = n_ctx, 1
    else per_stream, streams = pad(n_ctx // n_seq, 256), n_seq; n_ctx = per_stream * n_seq end
  elseif era.streams and not unified then
    per_stream, streams = pad((n_ctx + n_seq - 1) // n_seq, p), n_seq
    n_ctx = per_stream * n_seq
  else
    per_stream, streams = pad(n_ctx, p), 1
    n_ctx = per_stream
  end
  local n_ub = math.min(s.n_ubatch or 512, s.n_batch or 2048, n_ctx)
  local swa_cells
  local n_swa = model.sliding_window or 0
  if n_swa > 0 and next(shapes.swa_set(model)) ~= nil then
    if not era.iswa or s.swa_full then
      swa_cells = per_stream
    else
      local want = n_swa * (unified and n_seq or 1) + n_ub
      if era.pad256 then swa_cells = pad(math.min(per_stream, want), 256)
      else swa_cells = math.min(per_stream, pad(want, p)) end
    end
  end
  return { n_ctx = n_ctx, per_stream = per_stream, streams = streams, swa_cells = swa_cells,
           n_ubatch = n_ub, unified = unified, era = era.name, pad = p }
end

-- K and V row widths of layer il (elements per cell): GQA heads, or the MLA
-- latent when the GGUF stores the split attn_k_b/attn_v_b (llama.cpp ≥ b5130
-- keeps kv_lora_rank + rope in K and kv_lora_rank in V); older MLA GGUFs
-- (no n_embd_head_k_mla) cache full per-head K and V.
-- Rule source: src/llama-hparams.cpp n_embd_k_gqa/n_embd_v_gqa and the MLA branch of src/llama-kv-cache.cpp, checked at llama.cpp ec98e2002.
function M.kv_widths(m)
  if shapes.is_mla(m) then
    if m.mla_split_kv_b then
      return m.kv_lora_rank + m.qk_rope_head_dim, m.kv_lora_rank
    end
    local H = m.n_attention_heads
    return H * (m.qk_nope_head_dim + m.qk_rope_head_dim), H * m.v_head_dim
  end
  return m.n_kv_heads * m.d_head, m.n_kv_heads * (m.d_head_v or m.d_head)
end

-- Bytes of the K (or V) half of one layer's cache: `width` elements per cell
-- over `cells` cells of GGML type t. taf.kv_cache_memory(1, 1, width, cells, B)
-- counts K and V of equal width, so one half is half of it
-- (llama_kv_cache constructor: one K and one V tensor of width × cells per layer).
-- Rule source: src/llama-kv-cache.cpp constructor (one K and one V tensor per layer), checked at llama.cpp ec98e2002.
function M.kv_half_bytes(width, cells, t)
  return taf.kv_cache_memory(1, 1, width, cells, M.type_bytes(t)).bytes / 2
end

------------------------------------------------------------------------------
-- Layers on devices (llama_model::load_tensors)
------------------------------------------------------------------------------

-- Device of each repeating layer and of the output layer. Layers
-- il ≥ n_layer − ngl go to the GPUs; the output layer (index n_layer) when
-- ngl > n_layer. Among GPUs, the cumulative normalised tensor_split (default:
-- equal shares, llama.cpp's default is free memory per device) picks device
-- upper_bound(split, (il − i_gpu_start)/min(ngl, n_layer+1)). Device 0 is the host.
-- Rule source: src/llama-model.cpp llama_model::load_tensors (i_gpu_start, splits, upper_bound), checked at llama.cpp ec98e2002.
function M.layer_devices(n_layer, ngl, n_gpus, tensor_split)
  local split = {}
  local sum = 0
  for i = 1, n_gpus do sum = sum + ((tensor_split and tensor_split[i]) or 1); split[i] = sum end
  for i = 1, n_gpus do split[i] = split[i] / sum end
  ngl = ngl or 999
  if n_gpus == 0 then ngl = 0 end
  local start = math.max(n_layer - ngl, 0)
  local act = math.min(ngl, n_layer + 1)
  local function dev(il)
    if il < start or (il - start) >= act then return 0 end
    local x = (il - start) / act
    for i = 1, n_gpus do if x < split[i] then return i end end
    return n_gpus
  end
  local out = {}
  for il = 0, n_layer do out[il] = dev(il) end
  return out -- out[n_layer] is the output layer
end

------------------------------------------------------------------------------
-- The plan
------------------------------------------------------------------------------

-- plan(model, settings) → {
--   devices = { [0] = host, [1..n] = GPUs }, each { name, model_bytes, kv_bytes, compute_bytes,
--             layers = count, output = bool, kv_k_bytes, kv_v_bytes, approximate_model = bool },
--   kv = { cells, swa_cells, streams, n_ctx, k_bytes, v_bytes, total_bytes },
--   compute = { stages, derivation }, notes = { … }, refusal = text or nil }
-- model: see lib.engines.shapes, plus sliding_window and swa_period/swa_layers.
-- settings:
--   n_ctx (-c), n_seq (-np), kv_unified, n_ubatch (-ub, 512), n_batch (-b, 2048),
--   flash_attn (true/false/"auto"), type_k, type_v ("f16" … "q4_0"), swa_full,
--   n_gpu_layers (-ngl, default all), n_cpu_moe (--n-cpu-moe N: routed experts of
--   layers 0..N−1 stay in host RAM), gpus (count or list of names, default 1; 0 = CPU
--   only), tensor_split (-ts shares), weight_format (GGUF file type, e.g. "Q4_K_M",
--   "Q8_0", "F16", "MXFP4_MOE"), gguf = { types = {pattern → ggml type} } (tensor facts
--   read from a GGUF that override the file-type rules), op_offload (default true),
--   build (llama.cpp build number, selects the era; default: current rules),
--   swa_kv_f16 (the sliding-window cache stays f16 whatever -ctk/-ctv: llama.cpp PR #21277,
--   Apr 2026, newer than the checked commit; default false), pipeline_parallel (override the
--   automatic rule), offload_kqv (false: -nkvo, K/V in host memory).
-- Rule source: src/llama-model.cpp load_tensors + src/llama-context.cpp constructor, checked at llama.cpp ec98e2002.
function M.plan(model, s)
  s = s or {}
  local notes = {}
  local type_k, type_v = string.lower(s.type_k or "f16"), string.lower(s.type_v or "f16")
  local fa = s.flash_attn ~= false
  local refusal
  if not fa and taf.kv_dtype(type_v) and type_v ~= "f16" and type_v ~= "f32" and type_v ~= "bf16" then
    refusal = "quantized V cache was requested, but this requires Flash Attention"
  end

  -- devices
  local gpu_names = {}
  if type(s.gpus) == "table" then gpu_names = s.gpus
  else for i = 1, (s.gpus == nil and 1 or s.gpus) do gpu_names[i] = "GPU" .. (i - 1) end end
  local n_gpus = #gpu_names
  local function new_device(nm)
    return { name = nm, model_bytes = 0, dense_bytes = 0, expert_bytes = 0, embed_bytes = 0,
             kv_k_bytes = 0, kv_v_bytes = 0, layers = 0 }
  end
  local devices = { [0] = new_device("host") }
  for i, nm in ipairs(gpu_names) do devices[i] = new_device(nm) end
  local L = model.n_layers
  local ldev = M.layer_devices(L, s.n_gpu_layers, n_gpus, s.tensor_split)
  local out_dev = ldev[L]
  devices[out_dev].output = true

  -- weights: every tensor on the device of its layer (token_embd always on the
  -- host; a tied model duplicates it as the output projection in the output
  -- layer's buffer; --n-cpu-moe keeps routed experts of the first N layers on the host)
  local ftype = s.weight_format or "F16"
  local t = shapes.tensors(model)
  local approx = false
  local function put(dev, x, kind)
    local ty = M.tensor_type(x, ftype, model, s.gguf)
    local b
    if type(ty) == "table" then b = x.elements * ty.bytes_per_element; approx = true
      devices[dev].approximate_model = true
    else local n0 = x.dim == 1 and x.rows or x.cols   -- ne[0]: blocks run along the input dimension
      b = M.row_bytes(ty, n0) / n0 * x.elements end
    local dv = devices[dev]
    dv.model_bytes = dv.model_bytes + b
    if kind == "embed" then dv.embed_bytes = dv.embed_bytes + b
    elseif kind == "experts" then dv.expert_bytes = dv.expert_bytes + b
    else dv.dense_bytes = dv.dense_bytes + b end
    return b
  end
  local output_bytes = 0
  for _, x in ipairs(t.globals) do
    if x.role == "embed" then
      local b = put(0, x, "embed")
      if model.tie_word_embeddings then
        if out_dev ~= 0 then
          output_bytes = put(out_dev, { name = "output.weight", role = "output", rows = x.rows, cols = x.cols,
            stack = 1, elements = x.elements, dim = 2 })
        else
          output_bytes = b
          devices[0].embed_bytes = devices[0].embed_bytes - b   -- read every token as the output
          devices[0].dense_bytes = devices[0].dense_bytes + b
        end
      end
    else
      local b = put(out_dev, x)
      if x.role == "output" then output_bytes = b end
    end
  end
  local cpu_moe = s.n_cpu_moe or 0
  local expert_host_max = 0
  for il = 0, L - 1 do
    local dev = ldev[il]
    devices[dev].layers = devices[dev].layers + 1
    for _, x in ipairs(t.layers[il + 1]) do
      local is_exp = x.role == "experts" or (x.role == "bias" and string.find(x.name, "_exps", 1, true) ~= nil)
      local d = (is_exp and il < cpu_moe) and 0 or dev
      local b = put(d, x, is_exp and "experts" or nil)
      if d == 0 and x.role == "experts" and n_gpus > 0 then expert_host_max = math.max(expert_host_max, b) end
    end
  end
  if approx then
    notes[#notes + 1] = string.format("file type %s mixes tensor types: weights priced at its catalogued "
      .. "effective bits per weight (output at q6_K); pass gguf.types from the file for exact buffers", ftype)
  end

  -- KV cache
  local c = M.kv_cells(model, s)
  local kw, vw = M.kv_widths(model)
  local swa = shapes.swa_set(model)
  local kv_k, kv_v = 0, 0
  local swa_k, swa_v = 0, 0
  M.row_bytes(type_k, kw); M.row_bytes(type_v, vw)   -- rows must be whole blocks of the cache types
  for il = 0, L - 1 do
    local cells = (swa[il] and c.swa_cells) or c.per_stream
    -- s.swa_kv_f16: builds after PR #21277 (Apr 2026, after ec98e2002) keep the SWA cache in f16
    local tk = (swa[il] and c.swa_cells and s.swa_kv_f16) and "f16" or type_k
    local tv = (swa[il] and c.swa_cells and s.swa_kv_f16) and "f16" or type_v
    local kb = M.kv_half_bytes(kw, cells * c.streams, tk)
    local vb = M.kv_half_bytes(vw, cells * c.streams, tv)
    local dev = ldev[il]
    if s.offload_kqv == false then dev = 0 end
    devices[dev].kv_k_bytes = devices[dev].kv_k_bytes + kb
    devices[dev].kv_v_bytes = devices[dev].kv_v_bytes + vb
    if swa[il] and c.swa_cells then swa_k, swa_v = swa_k + kb, swa_v + vb
    else kv_k, kv_v = kv_k + kb, kv_v + vb end
  end
  for i = 0, n_gpus do
    local dv = devices[i]
    dv.kv_bytes = dv.kv_k_bytes + dv.kv_v_bytes
  end

  -- compute buffers
  local comp = M.compute(model, s, c, {
    devices = devices, n_gpus = n_gpus, ldev = ldev, out_dev = out_dev,
    output_bytes = output_bytes, expert_host_max = expert_host_max,
  })
  for i = 0, n_gpus do devices[i].compute_bytes = comp.per_device[i] or 0 end

  return {
    devices = devices, n_gpus = n_gpus,
    kv = { cells = c.per_stream, swa_cells = c.swa_cells, streams = c.streams, n_ctx = c.n_ctx,
           n_ubatch = c.n_ubatch, era = c.era,
           base = { k_bytes = kv_k, v_bytes = kv_v, bytes = kv_k + kv_v },
           swa = c.swa_cells and { k_bytes = swa_k, v_bytes = swa_v, bytes = swa_k + swa_v } or nil,
           total_bytes = kv_k + kv_v + swa_k + swa_v },
    compute = comp, output_device = out_dev,
    notes = notes, refusal = refusal,
  }
end

------------------------------------------------------------------------------
-- Compute buffer estimate
------------------------------------------------------------------------------

-- ggml-alloc reserves, per backend, the peak of live f32 intermediates of the
-- worst-case prompt graph (llama_context::graph_reserve with n_tokens =
-- n_outputs = n_ubatch, ec98e2002 and earlier; ops that can run in place do).
-- The estimate is the largest of these stages, each in bytes (4 = f32):
--   attention without flash attention: the KQ scores n_head·n_kv·n_ub·4, the f32
--     mask n_kv·n_ub·4, and a few residual-stream sized tensors c·d·n_ub·4
--     (c = 6 with a fused QKV projection, else 4; fitted on pythia, phi-3, mistral)
--   attention with flash attention: the f16 mask n_kv·n_ub·2 plus c·d·n_ub·4
--   FFN: 4·n_ub·(2·d_ff + d) dense; 4·n_ub·(2·n_used·d_ff_expert + n_experts + d) MoE
--   output (on the device holding the output layer): logits n_vocab·n_ub·4 + d·n_ub·4
--   op offload: when the output layer is in host RAM and n_ub ≥ 32 the first GPU
--     runs the output matmul, so its buffer also holds a copy of the output
--     weights next to the logits; likewise a copy of the largest host-resident
--     expert tensor (--n-cpu-moe, -ot)
--   pipeline parallelism (several GPUs holding every layer): + 4 copies of the
--     inputs each GPU receives (first GPU: the f32 mask n_kv·pad(n_ub,64)·4 and
--     the embeddings d·n_ub·4; the others: the mask, f16 with flash attention,
--     and the residual stream)
-- n_kv is the largest cache a layer on that device attends over (non-SWA cells).
-- The stage constants were fitted on the logged cases of tests/data/engine-logs
-- (docs/engine-rules.md); the estimate is within 15 % on those, not a derivation
-- of ggml-alloc's exact packing. Backends that cannot run some ops (CANN without
-- MXFP4 or attention sinks) move work between buffers in ways it does not model.
local PIPELINE_COPIES = 4   -- GGML_SCHED_MAX_COPIES

-- Rule source: src/llama-context.cpp graph_reserve + ggml-alloc / ggml-backend.cpp scheduler, checked at llama.cpp ec98e2002 (estimate, see comment).
function M.compute(m, s, c, ctx)
  local fa = s.flash_attn ~= false
  local nub = c.n_ubatch
  local d = m.d_model
  local H = m.n_attention_heads
  local cfac = m.fused_qkv and 6 or 4
  local swa = shapes.swa_set(m)
  local per_device, stages = {}, {}
  local op_offload = s.op_offload ~= false and nub >= 32 and ctx.n_gpus > 0
  -- llama_context constructor: pipeline parallelism when several GPUs hold
  -- every layer and the output, split by layer, K/V offloaded, no tensor
  -- overrides (--n-cpu-moe is one) and every device has async compute and
  -- events (s.pipeline_parallel = false for backends without them)
  local pipeline = s.pipeline_parallel
  if pipeline == nil then
    pipeline = ctx.n_gpus > 1 and (s.n_gpu_layers or 999) > m.n_layers and s.offload_kqv ~= false
      and (s.n_cpu_moe or 0) == 0 and s.split_mode ~= "row" and s.split_mode ~= "none"
  end
  local n_kv_all = 0
  for il = 0, m.n_layers - 1 do
    n_kv_all = math.max(n_kv_all, ((swa[il] and c.swa_cells) or c.per_stream) * c.streams)
  end
  for i = 0, ctx.n_gpus do
    local has_layer, n_kv, moe, dense = false, 0, false, false
    for il = 0, m.n_layers - 1 do
      if ctx.ldev[il] == i then
        has_layer = true
        local cells = (swa[il] and c.swa_cells) or c.per_stream
        n_kv = math.max(n_kv, cells * c.streams)
        if shapes.is_moe_layer(m, il) then moe = true else dense = true end
      end
    end
    local st = {}
    if has_layer then
      if fa then st.attention = 2 * n_kv * nub + 4 * cfac * d * nub
      else st.attention = 4 * nub * (H * n_kv + n_kv + cfac * d) end
      local ffn = 0
      if dense then ffn = 4 * nub * (2 * m.d_ff + d) end
      if moe then
        ffn = math.max(ffn, 4 * nub * (2 * (m.n_experts_active or 1) * m.d_ff_expert + m.n_experts + d))
      end
      st.ffn = ffn
    end
    local logits = 4 * m.vocab * nub + 4 * d * nub
    if ctx.out_dev == i then st.output = logits end
    if i == 1 and op_offload then
      if ctx.out_dev == 0 then st.output = logits + ctx.output_bytes end
      if ctx.expert_host_max > 0 then
        st.expert_copy = ctx.expert_host_max + 4 * nub * (2 * (m.n_experts_active or 1) * m.d_ff_expert)
      end
    end
    local peak = 0
    for _, v in pairs(st) do peak = math.max(peak, v) end
    -- pipeline parallelism: the scheduler keeps n_copies (4) copies of every
    -- graph input and split input alive next to the graph (ggml-backend.cpp,
    -- ggml_backend_sched_split_graph): on the first GPU the f32 KQ mask and the
    -- token embeddings coming from the host, on the others the residual stream
    -- and the mask (its f16 cast with flash attention)
    if pipeline and i > 0 and has_layer then
      local mask_rows = pad(nub, 64)
      if i == 1 then
        -- (+ the f16 cast of the mask, made once here and live for every layer)
        st.pipeline_inputs = PIPELINE_COPIES * (4 * n_kv_all * mask_rows + 4 * d * nub)
          + (fa and 2 * n_kv_all * mask_rows or 0)
      else
        st.pipeline_inputs = PIPELINE_COPIES * ((fa and 2 or 4) * n_kv_all * mask_rows + 4 * d * nub)
      end
      peak = peak + st.pipeline_inputs
    end
    per_device[i] = peak
    stages[i] = st
  end
  return { per_device = per_device, stages = stages, pipeline_parallel = pipeline,
    derivation = "max(attention, FFN, output logits [+ host weight copy under op offload]) per device "
      .. "[+ 4 copies of the graph/split inputs under pipeline parallelism]; see lib.engines.llamacpp M.compute" }
end

------------------------------------------------------------------------------
-- Decode rate
------------------------------------------------------------------------------

-- Tokens per second for one sequence at context `ctx`, bandwidth bound: each
-- token reads every dense weight, n_experts_active/n_experts of the routed
-- expert weights and the KV cache up to ctx, from the device where each lives;
-- device reads overlap, so the time is the slowest device's bytes/bandwidth,
-- plus the host's share over host bandwidth.
-- hw = { gpu_bw_GB_s = number or list per GPU, host_bw_GB_s = number, efficiency = 0.7 }
-- Rule source: not an engine rule: bandwidth model over the buffers of M.plan (weights and KV read once per token).
function M.decode_rate(model, p, hw, ctx)
  local frac = (model.n_experts or 0) > 1 and (model.n_experts_active or 1) / model.n_experts or 1
  local cells = p.kv.cells * p.kv.streams
  local frac_ctx = math.min(1, (ctx or cells) / cells)
  local eff = hw.efficiency or 0.7
  local read, t_gpu = {}, 0
  for i = 0, p.n_gpus do
    local dv = p.devices[i]
    read[i] = dv.dense_bytes + dv.expert_bytes * frac + dv.kv_bytes * frac_ctx
    if i > 0 then
      local bw = type(hw.gpu_bw_GB_s) == "table" and hw.gpu_bw_GB_s[i] or hw.gpu_bw_GB_s
      t_gpu = math.max(t_gpu, read[i] / (bw * 1e9 * eff))
    end
  end
  local t_host = read[0] / ((hw.host_bw_GB_s or 60) * 1e9 * eff)
  local t = t_gpu + t_host
  return { tokens_per_s = 1 / t, seconds_per_token = t, bytes_per_token = read,
           derivation = "Σ bytes read per token / (bandwidth × efficiency): dense weights, "
             .. "n_experts_active/n_experts of the routed experts, the KV cache up to ctx; GPUs overlap, the host adds" }
end

return M

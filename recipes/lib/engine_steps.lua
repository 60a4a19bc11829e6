-- What an engine would do with the recipe's model and settings, as chain
-- steps: the wiring between the fit, launch and serving recipes (X-4, X-15,
-- X-8) and the engine rules of lib.engines.llamacpp and lib.engines.vllm
-- (docs/engine-rules.md). A recipe declares the settings with M.params,
-- evaluates once with M.evaluate (before its own steps, so its verdict can
-- rest on the engine), and appends the engine's steps at the end of its chain
-- with M.add_steps; M.neutral_note says when no engine was chosen.
--
--   engine = "neutral"    the recipe's own engine-agnostic estimate, unchanged
--   engine = "llama.cpp"  model, KV and compute buffers per device in MiB, as
--                         llama.cpp prints them at load; fits when every GPU holds
--                         its three buffers plus the CUDA context
--   engine = "vllm"       weights per rank, the KV cache left after
--                         gpu_memory_utilization, blocks, tokens, concurrency, and
--                         vLLM's refusal of a max_model_len that does not fit
--
-- The engine modules need a few structural facts the model fields do not hold
-- (lib.engines.shapes); M.model takes them from the family (model_type) and
-- solves the routed-expert width of an MoE model from its parameter counts.
local hw = require "lib.hw"
local mp = require "lib.model_params"
local fmt = require "lib.fmt"
local errors = require "lib.errors"
local shapes = require "lib.engines.shapes"
local llamacpp = require "lib.engines.llamacpp"
local vllm = require "lib.engines.vllm"

local M = {}

M.ENGINES = { "neutral", "llama.cpp", "vllm" }
local MiB, GiB = 1048576.0, 1073741824.0
-- What a GPU holds besides llama.cpp's printed buffers: the CUDA context and
-- library workspaces (the 0.4 GiB base of the engine-neutral overhead,
-- upstream js/fit_check.js). llama.cpp does not print it.
M.CUDA_CONTEXT_BYTES = 0.4 * GiB
-- Host RAM bandwidth when not given: dual-channel DDR5 (two 64-bit channels at
-- 5000-5600 MT/s: 80-90 GB/s peak); the decode rate applies its 0.7 efficiency on top.
M.HOST_BW_GB_s = 80

------------------------------------------------------------------------------
-- Parameters
------------------------------------------------------------------------------

-- Add the engine settings (and the model fields the engine modules read) that
-- `params` does not already declare. opts.tp_from: the parameter the tensor-
-- parallel degree defaults from (X-4, X-8: n_gpus); opts.context: declare
-- T_eval (X-8 has none); opts.host_bw: declare host_bw_GB_s (X-15);
-- opts.served_model: declare served_model (X-15).
function M.params(params, opts)
  opts = opts or {}
  local function add(name, make) if params[name] == nil then params[name] = make() end end
  add("engine", function() return choice { choices = M.ENGINES, default = "neutral",
    doc = "neutral (engine-agnostic estimate), llama.cpp or vllm: add what that engine allocates (lib.engines)" } end)
  if opts.context then
    add("T_eval", function() return mp.T_eval { optional = true,
      doc = "engine context: llama.cpp -c / vLLM max_model_len (default: the trained context, else P + O)" } end)
  end
  -- model fields the engine rules read
  add("n_attention_heads", function() return mp.n_attention_heads { optional = true, doc = "attention (query) heads (engine rules)" } end)
  add("d_ff", function() return mp.d_ff { min = 1, max = 16777216, optional = true, doc = "MLP inner size (engine rules)" } end)
  add("vocab", function() return mp.vocab { optional = true, doc = "vocabulary size (engine rules)" } end)
  add("n_params_active", function() return mp.n_params_active { gt = 0, max = 1e15, optional = true, doc = "parameters active per token (MoE: solves the expert width)" } end)
  add("n_experts", function() return mp.n_experts { min = 0, max = 65536, optional = true, doc = "MoE routed experts per layer" } end)
  add("n_experts_active", function() return mp.n_experts_active { min = 1, max = 65536, optional = true, doc = "MoE experts active per token" } end)
  add("n_shared_experts", function() return mp.n_shared_experts { min = 0, max = 65536, optional = true, doc = "MoE shared experts" } end)
  add("d_ff_expert", function() return integer { min = 1, max = 1048576, optional = true,
    doc = "routed-expert MLP width (moe_intermediate_size); default: solved from n_params − n_params_active" } end)
  add("q_lora_rank", function() return mp.q_lora_rank { min = 0, max = 1048576, optional = true, doc = "MLA query latent width" } end)
  add("qk_nope_head_dim", function() return mp.qk_nope_head_dim { min = 1, max = 65536, optional = true, doc = "MLA key width without RoPE, per head" } end)
  add("v_head_dim", function() return mp.v_head_dim { min = 1, max = 65536, optional = true, doc = "MLA value width per head" } end)
  add("tie_word_embeddings", function() return boolean { optional = true, doc = "output head shares the embedding (engine rules)" } end)
  add("family", function() return text { optional = true, doc = "model_type: the tensor layout the engines load (biases, norms, fused QKV)" } end)
  -- llama.cpp
  add("n_ubatch", function() return integer { min = 1, max = 65536, default = 512, doc = "llama.cpp -ub: physical batch (sizes the compute buffer)" } end)
  add("n_parallel", function() return integer { min = 1, max = 4096, default = 1, doc = "llama.cpp -np: parallel sequences sharing -c" } end)
  add("kv_unified", function() return boolean { default = false, doc = "llama.cpp --kv-unified: one cache for all -np sequences" } end)
  add("n_cpu_moe", function() return integer { min = 0, max = 4096, optional = true,
    doc = "llama.cpp --n-cpu-moe N: routed experts of the first N layers in host RAM (X-15 searches it when not given)" } end)
  if opts.host_bw then
    add("host_bw_GB_s", function() return number { gt = 0, max = 100000, default = M.HOST_BW_GB_s, unit = "GB/s",
      doc = "host RAM bandwidth for layers/experts in RAM (dual-channel DDR5 ≈ 80)" } end)
    add("host_memory", function() return text { optional = true,
      doc = "host RAM preset instead of host_bw_GB_s: ddr5-5600-2ch, ddr4-3200-2ch, epyc-… (tafrun list memory)" } end)
  end
  -- vLLM
  add("gpu_memory_utilization", function() return number { gt = 0, max = 1, default = 0.9,
    doc = "vLLM --gpu-memory-utilization: share of each GPU's memory vLLM may use" } end)
  add("tensor_parallel", function()
    return integer { min = 1, max = 64, default_from = opts.tp_from, default = opts.tp_from == nil and 1 or nil,
      doc = "vLLM -tp: tensor-parallel ranks" .. (opts.tp_from and (" (default: " .. opts.tp_from .. ")") or "") } end)
  add("pipeline_parallel", function() return integer { min = 1, max = 64, default = 1, doc = "vLLM -pp: pipeline stages" } end)
  add("max_num_seqs", function() return integer { min = 1, max = 65536, default = 256, doc = "vLLM --max-num-seqs: sequences per step" } end)
  add("max_num_batched_tokens", function() return integer { min = 1, max = 16777216, optional = true,
    doc = "vLLM --max-num-batched-tokens (sizes the profiled peak; default 8192 for V1, max(max_model_len, 2048) for V0)" } end)
  add("vllm_engine", function() return choice { choices = { "v1", "v0" }, default = "v1",
    doc = "vLLM engine: v1 (0.8 on) or v0 (0.6-0.7 and VLLM_USE_V1=0): their refusals differ" } end)
  if opts.served_model then
    add("served_model", function() return text { from = "id", optional = true, doc = "model for vllm serve (HF id or directory; default: the model's id)" } end)
  end
  return params
end

-- The engine-neutral notice (engine = neutral).
function M.neutral_note(chain, p)
  if p.engine == "neutral" then
    chain:note("Engine-neutral estimate (engine=neutral): no engine's allocation rules are applied. "
      .. "--set engine=llama.cpp or engine=vllm adds what that engine allocates and lets it decide the fit.")
  end
end

------------------------------------------------------------------------------
-- The model the engine modules read
------------------------------------------------------------------------------

-- Structural facts by model_type: the GGUF / checkpoint tensor layouts of
-- lib.engines.shapes (llama.cpp src/llama-model.cpp create_tensor, ec98e2002).
-- They move model buffers by well under 1 % except ffn_gated = false.
local NEOX = { fused_qkv = true, qkv_bias = true, o_bias = true, ffn_bias = true, norm_bias = true, ffn_gated = false }
M.FAMILY = {
  gpt_neox = NEOX, gpt2 = NEOX, bloom = NEOX,
  falcon = { fused_qkv = true, norm_bias = true, ffn_gated = false },
  RefinedWebModel = { fused_qkv = true, norm_bias = true, ffn_gated = false },
  gptj = { ffn_bias = true, norm_bias = true, ffn_gated = false },
  phi3 = { fused_qkv = true },
  gemma2 = { post_norms = true },
  gemma3 = { qk_norm = true, post_norms = true }, gemma3_text = { qk_norm = true, post_norms = true },
  qwen2 = { qkv_bias = true }, qwen2_moe = { qkv_bias = true }, qwen2_vl = { qkv_bias = true },
  qwen2_5_vl = { qkv_bias = true },
  qwen3 = { qk_norm = true }, qwen3_moe = { qk_norm = true },
  gpt_oss = { qkv_bias = true, o_bias = true, attn_sinks = true, router_bias = true, expert_bias = true,
              expert_width_is_d_ff = true },
  mixtral = { expert_width_is_d_ff = true },
  -- GGUFs converted by llama.cpp ≥ b5130 store MLA's attn_k_b / attn_v_b
  deepseek_v2 = { mla_split_kv_b = true }, deepseek_v3 = { mla_split_kv_b = true },
  kimi_k2 = { mla_split_kv_b = true },
}

local RECURRENT = { SSM = true, RWKV = true, LINEAR = true, HYBRID = true }
-- Every tensor of every layer is priced, and the searches price the model a
-- few dozen times: a bound far above any real decoder (Llama 3.1 405B: 126 layers).
M.MAX_LAYERS = 1024

-- The routed-expert width and the number of leading dense layers of an MoE
-- model. Routed experts hold 3·d_model·d_ff_expert weights each, so
--   n_params − n_params_active = (n_experts − n_active)·3·d_model·d_ff_expert·(n_layers − lead)
-- (the active count keeps n_active routed experts and every shared one); the
-- smallest lead giving a whole width that is a multiple of 32 is taken
-- (Qwen3-30B-A3B: 768, lead 0; DeepSeek-V2-Lite: 1408, lead 1; DeepSeek-V3: 2048, lead 3).
function M.expert_width(p, rid)
  local fam = M.FAMILY[p.family or ""] or {}
  local E, k, d, L = p.n_experts, p.n_experts_active or 1, p.d_model, p.n_layers
  if fam.expert_width_is_d_ff and p.d_ff and not p.d_ff_expert then return p.d_ff, 0 end
  local diff = p.n_params_active and (p.n_params - p.n_params_active)
  if p.d_ff_expert then
    if not diff or E <= k then return p.d_ff_expert, 0 end
    local layers = diff / ((E - k) * 3 * d * p.d_ff_expert)
    return p.d_ff_expert, math.max(0, math.min(L - 1, L - math.floor(layers + 0.5)))
  end
  if diff and diff > 0 and E > k then
    for lead = 0, L - 1 do
      local fe = diff / ((E - k) * 3 * d * (L - lead))
      if fe == math.floor(fe) and fe % 32 == 0 then return math.tointeger(fe), lead end
    end
  end
  errors.missing("d_ff_expert", "%s: engine=%s needs the routed-expert width of this MoE model: --set d_ff_expert=VALUE "
    .. "(moe_intermediate_size in config.json)", rid, p.engine)
end

-- The model table of lib.engines.shapes from the recipe's parameters.
function M.model(p, rid)
  if RECURRENT[p.architecture or ""] then
    errors.usage("%s: engine=%s: the engine rules cover attention decoders; %s layers (architecture %s) are not "
      .. "modelled (docs/engine-rules.md): use engine=neutral", rid, p.engine,
      p.architecture == "HYBRID" and "recurrent/hybrid" or "recurrent", p.architecture)
  end
  if p.n_layers > M.MAX_LAYERS then
    errors.usage("%s: engine=%s prices every tensor of every layer: n_layers must be at most %d, got %d", rid,
      p.engine, M.MAX_LAYERS, p.n_layers)
  end
  if p.n_experts and p.n_experts_active and p.n_experts > 1 and p.n_experts_active > p.n_experts then
    errors.usage("%s: n_experts_active (%d) exceeds n_experts (%d)", rid, p.n_experts_active, p.n_experts)
  end
  local mla = (p.kv_lora_rank or 0) > 0
  local need = { "n_layers", "d_model", "n_attention_heads", "vocab" }
  if mla then
    for _, n in ipairs { "qk_rope_head_dim", "qk_nope_head_dim", "v_head_dim" } do need[#need + 1] = n end
  else
    need[#need + 1] = "n_kv_heads"; need[#need + 1] = "d_head"
  end
  local moe = (p.n_experts or 0) > 1
  if not moe then need[#need + 1] = "d_ff" end
  mp.need(p, rid, need)
  local m = {
    n_layers = p.n_layers, d_model = p.d_model, n_attention_heads = p.n_attention_heads,
    n_kv_heads = p.n_kv_heads or p.n_attention_heads, d_head = p.d_head or (p.qk_nope_head_dim or 0) + (p.qk_rope_head_dim or 0),
    d_ff = p.d_ff, vocab = p.vocab, tie_word_embeddings = p.tie_word_embeddings == true,
    sliding_window = (p.architecture == "SWA" or p.has_SWA) and p.sliding_window or nil,
    n_swa_layers = p.n_swa_layers,
  }
  if mla then
    m.kv_lora_rank, m.q_lora_rank = p.kv_lora_rank, p.q_lora_rank or 0
    m.qk_rope_head_dim, m.qk_nope_head_dim, m.v_head_dim = p.qk_rope_head_dim, p.qk_nope_head_dim, p.v_head_dim
  end
  if moe then
    m.n_experts, m.n_experts_active, m.n_shared_experts = p.n_experts, p.n_experts_active or 1, p.n_shared_experts
    m.d_ff_expert, m.n_dense_lead = M.expert_width(p, rid)
    if m.n_dense_lead > 0 and not p.d_ff then
      errors.missing("d_ff", "%s needs 'd_ff' (the dense layers' MLP width) for this model: --set d_ff=VALUE", rid)
    end
    m.d_ff = m.d_ff or m.d_ff_expert
  end
  for k, v in pairs(M.FAMILY[p.family or ""] or {}) do
    if k ~= "expert_width_is_d_ff" then m[k] = v end
  end
  return m
end

------------------------------------------------------------------------------
-- llama.cpp
------------------------------------------------------------------------------

local LLAMA_KV = { f32 = true, f16 = true, bf16 = true, q8_0 = true, q5_1 = true, q5_0 = true, q4_1 = true,
                   iq4_nl = true, q4_0 = true }

local function gpu_names(n)
  local t = {}
  for i = 1, n do t[i] = "CUDA" .. (i - 1) end
  return t
end

-- lib.engines.llamacpp settings from the recipe's parameters (n_ctx is set by
-- the caller; the searches replace n_ctx, n_cpu_moe and n_gpu_layers).
function M.llama_settings(p, rid, kv_name, n_gpus)
  local f = hw.weight_format(p.weight_format)
  if f.gguf_ftype == nil then
    errors.usage("%s: engine=llama.cpp loads GGUF files: weight_format must be a GGUF type (F16, BF16, Q8_0, Q6_K, "
      .. "Q5_K_M, Q4_K_M, IQ4_XS …), got '%s'", rid, p.weight_format)
  end
  if not LLAMA_KV[kv_name] then
    errors.usage("%s: engine=llama.cpp has no '%s' KV cache type (-ctk/-ctv take f32, f16, bf16, q8_0, q5_1, q5_0, "
      .. "q4_1, iq4_nl, q4_0)", rid, kv_name)
  end
  return { n_ctx = p.T_eval, n_seq = p.n_parallel, kv_unified = p.kv_unified, n_ubatch = p.n_ubatch,
           flash_attn = p.flash_attn ~= false, type_k = kv_name, type_v = kv_name, gpus = gpu_names(n_gpus),
           weight_format = f.name, n_cpu_moe = p.n_cpu_moe }
end

local function with(s, changes)
  local t = {}
  for k, v in pairs(s) do t[k] = v end
  for k, v in pairs(changes) do t[k] = v end
  return t
end

-- Per-GPU fit of a plan: model + KV + compute + CUDA context ≤ VRAM on every GPU.
local function llama_fit(plan, vram)
  local fits, min_free, worst = plan.refusal == nil, math.huge, nil
  local weights_fit = true
  for i = 1, plan.n_gpus do
    local d = plan.devices[i]
    local used = d.model_bytes + d.kv_bytes + d.compute_bytes + M.CUDA_CONTEXT_BYTES
    d.used_bytes, d.free_bytes = used, vram - used
    if d.free_bytes < min_free then min_free, worst = d.free_bytes, d.name end
    if d.free_bytes < 0 then fits = false end
    if d.model_bytes + d.compute_bytes + M.CUDA_CONTEXT_BYTES > vram then weights_fit = false end
  end
  return { fits = fits, min_free = min_free, worst = worst, weights_fit = weights_fit }
end

-- An engine module refuses inputs it cannot price (a row that is not a whole
-- number of quant blocks, an unknown type) with an error naming itself
-- ("lib.engines.…: …"): for the recipe that is the user's input, exit 2.
local function guarded(rid, f, ...)
  local r = table.pack(pcall(f, ...))
  if r[1] then return table.unpack(r, 2, r.n) end
  local msg = tostring(r[2])
  local what = msg:match("(lib%.engines%.[%w_]+: .*)$")
  if what and not errors.is_usage(r[2]) then errors.usage("%s", what) end
  error(r[2], 0)
end
M.guarded = guarded

local function llama_try(model, s, vram)
  local plan = guarded(nil, llamacpp.plan, model, s)
  return plan, llama_fit(plan, vram)
end

-- The largest n_ctx (a multiple of 256) at which settings `s` fit, or 0.
local CTX_CAP = 1 << 24
local function llama_largest_ctx(model, s, vram)
  local function ok(n) local _, f = llama_try(model, with(s, { n_ctx = n * 256 }), vram); return f.fits end
  if not ok(1) then return 0 end
  local lo, hi = 1, CTX_CAP // 256
  if ok(hi) then return CTX_CAP end
  while hi - lo > 1 do
    local mid = (lo + hi) // 2
    if ok(mid) then lo = mid else hi = mid end
  end
  return lo * 256
end

-- The layers llama.cpp reports offloaded ("offloaded N/L+1 layers to GPU"):
-- repeating layers on GPUs, plus the output layer when it is on one.
local function offloaded(plan)
  local n = 0
  for i = 1, plan.n_gpus do n = n + plan.devices[i].layers end
  return n + (plan.output_device > 0 and 1 or 0)
end

-- The most -ngl layers that fit with `n_cpu_moe` expert layers in RAM, or nil.
local function most_layers(model, s, vram, n_layers, n_cpu_moe)
  local function fits(n)
    local _, f = llama_try(model, with(s, { n_gpu_layers = n, n_cpu_moe = n_cpu_moe }), vram)
    return f.fits
  end
  local lo, hi = -1, n_layers + 1   -- fits(lo) or lo = −1; not fits(hi)
  while hi - lo > 1 do
    local mid = (lo + hi) // 2
    if fits(mid) then lo = mid else hi = mid end
  end
  return lo >= 0 and lo or nil
end

-- Search the expert and layer offload for a model too big for the GPU.
-- MoE, at the requested -c (maximises speed there): the fewest --n-cpu-moe
-- layers with every other weight on the GPU; when even every expert in RAM
-- is too much, every expert in RAM and the most -ngl layers. When not one
-- layer fits at that -c: every expert in RAM, every other weight on the GPU,
-- and the largest -c that fits (maximises context).
-- Any model: the most -ngl layers that fit (the plain layer split), for comparison.
local function llama_offload(model, s, vram, n_layers)
  local out = {}
  if (model.n_experts or 0) > 1 then
    local function fits_at(n) local _, f = llama_try(model, with(s, { n_cpu_moe = n }), vram); return f.fits end
    if fits_at(n_layers) then
      local lo, hi = 0, n_layers   -- fits_at(hi), not fits_at(lo): the whole model does not fit
      while hi - lo > 1 do
        local mid = (lo + hi) // 2
        if fits_at(mid) then hi = mid else lo = mid end
      end
      out.moe = { n_cpu_moe = hi, n_ctx = s.n_ctx, maximises = "speed" }
    else
      local k = most_layers(model, s, vram, n_layers, n_layers)
      if k and k > 0 then
        out.moe = { n_cpu_moe = n_layers, ngl = k, n_ctx = s.n_ctx, maximises = "speed" }
      else
        local ctx = llama_largest_ctx(model, with(s, { n_cpu_moe = n_layers }), vram)
        if ctx > 0 then out.moe = { n_cpu_moe = n_layers, n_ctx = ctx, maximises = "context" } end
      end
    end
  end
  out.ngl = most_layers(model, s, vram, n_layers, 0)
  return out
end

------------------------------------------------------------------------------
-- vLLM
------------------------------------------------------------------------------

local VLLM_KV = { f16 = "auto", bf16 = "auto", fp8 = "fp8" }

function M.vllm_settings(p, rid, kv_name, vram, max_model_len)
  local f = hw.weight_format(p.weight_format)
  local kvd = VLLM_KV[kv_name]
  if not kvd then
    errors.usage("%s: engine=vllm keeps the KV cache in the model dtype (kv_dtype f16 or bf16: --kv-cache-dtype auto) "
      .. "or fp8; '%s' is a llama.cpp type", rid, kv_name)
  end
  local mnbt = p.max_num_batched_tokens
  if mnbt == nil and p.vllm_engine == "v0" then mnbt = math.max(max_model_len, 2048) end
  return { gpu_total_GiB = vram / GiB, gpu_memory_utilization = p.gpu_memory_utilization, tp = p.tensor_parallel,
           pp = p.pipeline_parallel, max_model_len = max_model_len, dtype = "bfloat16", kv_cache_dtype = kvd,
           weight_format = f.name, max_num_seqs = p.max_num_seqs, max_num_batched_tokens = mnbt,
           engine = p.vllm_engine }
end

------------------------------------------------------------------------------
-- Evaluate, then add the steps
------------------------------------------------------------------------------

local function mib(b) return b / MiB end
local function mib_text(b) return string.format("%.2f MiB", b / MiB) end

-- Evaluate the chosen engine (nil for neutral). opts:
--   rid       recipe id (messages)
--   kv        KV cache type name (f16, q8_0, fp8 …)
--   vram      bytes per GPU
--   n_gpus    GPUs for llama.cpp's layer split (default 1)
--   ctx       llama.cpp -c / vLLM max_model_len
--   largest   search the largest -c that fits (llama.cpp; X-4)
--   offload   search --n-cpu-moe / -ngl when it does not fit, with decode rates (X-15)
--   workload  tokens per request (X-8): llama.cpp slot size check, vLLM concurrency at that length
function M.evaluate(p, opts)
  if p.engine == "neutral" then return nil end
  local rid = opts.rid
  local model = M.model(p, rid)
  local ev = { engine = p.engine, model = model, opts = opts, vram = opts.vram }
  if p.engine == "llama.cpp" then
    local s = M.llama_settings(p, rid, opts.kv, opts.n_gpus or 1)
    s.n_ctx = opts.ctx
    if not p.kv_unified and opts.ctx // p.n_parallel < 1 then
      errors.usage("%s: n_parallel (%d) exceeds the context (%d): each llama.cpp sequence needs a cell", rid,
        p.n_parallel, opts.ctx)
    end
    ev.settings = s
    ev.plan, ev.fit = llama_try(model, s, opts.vram)
    ev.fits = ev.fit.fits
    if opts.largest then ev.largest_ctx = llama_largest_ctx(model, s, opts.vram) end
    if opts.offload then
      local g = taf.gpu(p.gpu)
      local host_bw = p.host_bw_GB_s or M.HOST_BW_GB_s
      if p.host_memory ~= nil then -- a preset of catalogs/host_memory.lua: its peak bandwidth
        if p.host_bw_GB_s ~= nil and p.host_bw_GB_s ~= M.HOST_BW_GB_s then
          errors.usage("%s: give host_memory or host_bw_GB_s, not both", rid)
        end
        host_bw = taf.host_memory(p.host_memory).bw_GB_s
      end
      ev.rate_hw = { gpu_bw_GB_s = g.bw_GB_s, host_bw_GB_s = host_bw, host_memory = p.host_memory }
      ev.rate = llamacpp.decode_rate(model, ev.plan, ev.rate_hw, ev.plan.kv.n_ctx)
      if not ev.fits and ev.plan.refusal == nil then
        ev.offload = llama_offload(model, s, opts.vram, p.n_layers)
        local o = ev.offload
        if o.moe then
          o.moe.plan = guarded(rid, llamacpp.plan, model, with(s, { n_cpu_moe = o.moe.n_cpu_moe, n_ctx = o.moe.n_ctx,
                                                                     n_gpu_layers = o.moe.ngl }))
          o.moe.fit = llama_fit(o.moe.plan, opts.vram)
          o.moe.rate = llamacpp.decode_rate(model, o.moe.plan, ev.rate_hw, o.moe.plan.kv.n_ctx)
        end
        if o.ngl then
          o.ngl_plan = guarded(rid, llamacpp.plan, model, with(s, { n_gpu_layers = o.ngl, n_cpu_moe = 0 }))
          o.ngl_rate = llamacpp.decode_rate(model, o.ngl_plan, ev.rate_hw, o.ngl_plan.kv.n_ctx)
        end
      end
    end
    if opts.workload then
      -- llama_context: n_ctx_seq = n_ctx with --kv-unified (the sequences share it), else n_ctx / n_seq
      local np = p.n_parallel or 1
      ev.slot_ctx = p.kv_unified and ev.plan.kv.n_ctx or ev.plan.kv.n_ctx // np
      local held = p.kv_unified and math.min(np, ev.plan.kv.n_ctx // opts.workload) or np
      ev.requests = ev.fits and ev.slot_ctx >= opts.workload and held or 0
    end
  else
    local s = M.vllm_settings(p, rid, opts.kv, opts.vram, opts.ctx)
    -- vllm/config ParallelConfig / ModelConfig.verify_with_parallel_config
    if model.n_attention_heads % s.tp ~= 0 then
      errors.usage("%s: vLLM needs the %d attention heads divisible by tensor_parallel (%d)", rid,
        model.n_attention_heads, s.tp)
    end
    if s.pp > model.n_layers then
      errors.usage("%s: pipeline_parallel (%d) exceeds the model's %d layers", rid, s.pp, model.n_layers)
    end
    ev.settings = s
    ev.plan = guarded(rid, vllm.plan, model, s)
    ev.fits = ev.plan.fits and (ev.plan.kv_tokens or 0) > 0
    -- V1 bisects only below max_model_len: when it fits, the largest length comes from an open search
    -- (capped at the model's window: vLLM refuses a max_model_len past max_position_embeddings)
    ev.largest_len = ev.plan.largest_len
    if ev.fits and s.engine ~= "v0" then
      local open = with(s, {})
      open.max_model_len = nil
      ev.largest_len = guarded(rid, vllm.plan, model, open).largest_len
    end
    local window = p.T_max or p.T_train
    if window and ev.largest_len > window then ev.largest_len, ev.largest_capped = math.max(window, opts.ctx), true end
    if opts.workload then
      local w = guarded(rid, vllm.plan, model, with(s, { max_model_len = opts.workload }))
      ev.workload_concurrency = w.max_concurrency or 0
      ev.requests = ev.fits and math.min(p.max_num_seqs, math.floor(w.max_concurrency or 0)) or 0
    end
  end
  return ev
end

-- The -ot pattern equivalent to --n-cpu-moe N (llama.cpp common/arg.cpp
-- builds one override per layer: blk.i.ffn_(up|down|gate)_exps → CPU).
function M.ot_pattern(n)
  local ids = {}
  for i = 0, n - 1 do ids[#ids + 1] = tostring(i) end
  return string.format('-ot "blk\\.(%s)\\.ffn_(up|down|gate)_exps=CPU"', table.concat(ids, "|"))
end

-- llama-server command line of a plan.
function M.llama_command(p, s, extra)
  local parts = { "llama-server -m " .. (p.model_file or "model.gguf"), "-ngl " .. (extra.ngl or 99), "-c " .. s.n_ctx,
                  "--flash-attn " .. (s.flash_attn and "on" or "off") }
  if s.type_k ~= "f16" then
    parts[#parts + 1] = "--cache-type-k " .. s.type_k
    parts[#parts + 1] = "--cache-type-v " .. s.type_v
  end
  if (s.n_seq or 1) > 1 then parts[#parts + 1] = "-np " .. s.n_seq end
  if s.kv_unified then parts[#parts + 1] = "--kv-unified" end
  if s.n_ubatch ~= 512 then parts[#parts + 1] = "-ub " .. s.n_ubatch end
  if (extra.n_cpu_moe or 0) > 0 then parts[#parts + 1] = "--n-cpu-moe " .. extra.n_cpu_moe end
  if extra.no_mmap then parts[#parts + 1] = "--no-mmap" end
  return table.concat(parts, " ")
end

-- vllm serve command line.
function M.vllm_command(p, s, max_model_len)
  local parts = { "vllm serve " .. (p.served_model or "MODEL"), "--max-model-len " .. max_model_len,
                  "--gpu-memory-utilization " .. fmt.f(s.gpu_memory_utilization, 2):gsub("0+$", ""):gsub("%.$", "") }
  parts[#parts + 1] = "--kv-cache-dtype " .. s.kv_cache_dtype
  parts[#parts + 1] = "-tp " .. (s.tp or 1)
  if (s.pp or 1) > 1 then parts[#parts + 1] = "-pp " .. s.pp end
  parts[#parts + 1] = "--max-num-seqs " .. s.max_num_seqs
  if p.max_num_batched_tokens then parts[#parts + 1] = "--max-num-batched-tokens " .. p.max_num_batched_tokens end
  return table.concat(parts, " ")
end

-- A per-device figure table { CUDA0 = MiB, …, CPU = MiB } (the host only
-- when it holds some of that buffer), ordered as the devices.
local function per_device(plan, field)
  local t, order = {}, {}
  for i = 1, plan.n_gpus do
    local d = plan.devices[i]
    t[d.name] = mib(d[field]); order[#order + 1] = d.name
  end
  if plan.devices[0][field] > 0 then t.CPU = mib(plan.devices[0][field]); order[#order + 1] = "CPU" end
  return taf.json.ordered(t, order)
end

local function lines(plan, field, label)
  local out = {}
  for i = 1, plan.n_gpus do
    local d = plan.devices[i]
    out[#out + 1] = string.format("%s %s buffer size = %s", d.name, label, mib_text(d[field]))
  end
  if plan.devices[0][field] > 0 then
    out[#out + 1] = string.format("%s %s buffer size = %s", label == "model" and "CPU_Mapped" or "CPU", label,
      mib_text(plan.devices[0][field]))
  end
  return table.concat(out, "; ")
end

local function total(plan, field)
  local t = 0
  for i = 0, plan.n_gpus do t = t + plan.devices[i][field] end
  return t
end

-- The JSON object `engine` of the result (README: "Will it run in llama.cpp / vLLM?").
local function llama_json(ev, plan, fit, extra)
  local devices = {}
  for i = 1, plan.n_gpus do
    local d = plan.devices[i]
    devices[#devices + 1] = taf.json.ordered({ name = d.name, model_MiB = mib(d.model_bytes), kv_MiB = mib(d.kv_bytes),
      compute_MiB = mib(d.compute_bytes), layers = d.layers, used_MiB = mib(d.used_bytes), vram_MiB = mib(ev.vram),
      fits = d.free_bytes >= 0 },
      { "name", "model_MiB", "kv_MiB", "compute_MiB", "layers", "used_MiB", "vram_MiB", "fits" })
  end
  local h = plan.devices[0]
  devices[#devices + 1] = taf.json.ordered({ name = "CPU", model_MiB = mib(h.model_bytes), kv_MiB = mib(h.kv_bytes),
    compute_MiB = mib(h.compute_bytes), layers = h.layers },
    { "name", "model_MiB", "kv_MiB", "compute_MiB", "layers" })
  local o = { name = "llama.cpp", fits = fit.fits, n_ctx = plan.kv.n_ctx, model_MiB = mib(total(plan, "model_bytes")),
    kv_MiB = mib(plan.kv.total_bytes), compute_MiB = mib(total(plan, "compute_bytes")), n_gpu_layers = offloaded(plan),
    devices = taf.json.array(devices), refusal = plan.refusal }
  local order = { "name", "fits", "n_ctx", "model_MiB", "kv_MiB", "compute_MiB", "n_gpu_layers", "devices", "refusal" }
  for _, kv in ipairs(extra or {}) do o[kv[1]] = kv[2]; order[#order + 1] = kv[1] end
  return taf.json.ordered(o, order)
end

local function vllm_json(ev)
  local v = ev.plan
  local s = ev.settings
  local o = { name = "vllm", fits = ev.fits, weights_GiB = v.ranks[1].weights_bytes / GiB,
    kv_cache_GiB = math.max(0, v.available_bytes) / GiB, gpu_blocks = v.num_blocks, kv_cache_tokens = v.kv_tokens,
    max_concurrency = v.max_concurrency, max_model_len = s.max_model_len, max_model_len_fits = ev.largest_len,
    tensor_parallel = s.tp, pipeline_parallel = s.pp, gpu_memory_utilization = s.gpu_memory_utilization,
    refusal = v.refusal }
  local order = { "name", "fits", "weights_GiB", "kv_cache_GiB", "gpu_blocks", "kv_cache_tokens", "max_concurrency",
                  "max_model_len", "max_model_len_fits", "tensor_parallel", "pipeline_parallel",
                  "gpu_memory_utilization", "refusal" }
  if ev.command then o.command = ev.command; order[#order + 1] = "command" end
  if ev.requests and ev.opts.workload then
    o.requests = ev.requests; order[#order + 1] = "requests"
  end
  return taf.json.ordered(o, order)
end

local function kv_how(plan, model)
  local swa = shapes.swa_set(model)
  local n_swa = 0
  for _ in pairs(swa) do n_swa = n_swa + 1 end
  local streams = plan.kv.streams > 1 and string.format(" × %d streams", plan.kv.streams) or ""
  if plan.kv.swa_cells and n_swa > 0 then
    return string.format("%s cells%s × %d layers + %s cells × %d sliding-window layers", fmt.commas(plan.kv.cells),
      streams, model.n_layers - n_swa, fmt.commas(plan.kv.swa_cells), n_swa)
  end
  return string.format("%s cells%s × %d layers", fmt.commas(plan.kv.cells), streams, model.n_layers)
end

local function llama_steps(chain, p, ev)
  local plan, fit, s, model = ev.plan, ev.fit, ev.settings, ev.model
  local base = { n_ctx = plan.kv.n_ctx, weight_format = s.weight_format, n_gpus = plan.n_gpus }
  chain:step {
    section = "§35", name = "llama.cpp model buffer size",
    formula = "Σ tensors of each device's layers, ggml_row_size of the file type's tensor types (token_embd in host RAM)",
    inputs = base, result = per_device(plan, "model_bytes"),
    interpretation = function() return lines(plan, "model_bytes", "model") .. string.format(" (%d/%d layers on the GPU%s)",
      offloaded(plan), model.n_layers + 1, plan.devices[1] and plan.devices[1].approximate_model
        and "; mixed quant priced at its effective bits" or "") end,
    receipt = "derived" }
  chain:step {
    section = "§19.1", name = "llama.cpp KV buffer size",
    formula = "Σ layers K and V of kv_width × cells (cells padded to 256; sliding layers min(cells, n_swa + n_ubatch))",
    inputs = { n_ctx = plan.kv.n_ctx, n_parallel = s.n_seq, kv_unified = s.kv_unified == true, type_k = s.type_k,
               type_v = s.type_v, n_ubatch = plan.kv.n_ubatch },
    result = per_device(plan, "kv_bytes"),
    interpretation = function() return lines(plan, "kv_bytes", "KV") .. ": " .. kv_how(plan, model) end,
    receipt = "derived" }
  chain:step {
    section = "§20", name = "llama.cpp compute buffer size",
    formula = "max(attention, FFN, output logits) of the n_ubatch-token graph per device (estimate)",
    inputs = { n_ubatch = plan.kv.n_ubatch, flash_attn = s.flash_attn },
    result = per_device(plan, "compute_bytes"),
    interpretation = function()
      return lines(plan, "compute_bytes", "compute") .. " (an estimate: within 15 % on the logged cases)"
    end,
    receipt = "data" }
  local function verdict()
    if plan.refusal then return "llama.cpp refuses: " .. plan.refusal
    elseif fit.fits then
      return string.format("fits: %s free on %s (model + KV + compute + %.1f GiB CUDA context)",
        mib_text(fit.min_free), fit.worst, M.CUDA_CONTEXT_BYTES / GiB)
    end
    return string.format("does not fit: %s over on %s (model + KV + compute + %.1f GiB CUDA context)",
      mib_text(-fit.min_free), fit.worst, M.CUDA_CONTEXT_BYTES / GiB)
  end
  chain:step {
    section = "§20", name = "llama.cpp fit per GPU",
    formula = "model + KV + compute buffers + CUDA context ≤ VRAM, on every GPU",
    inputs = { vram_MiB = mib(ev.vram), cuda_context_MiB = mib(M.CUDA_CONTEXT_BYTES) },
    result = taf.json.ordered({ fits = fit.fits, free_MiB = mib(fit.min_free) }, { "fits", "free_MiB" }),
    interpretation = verdict, receipt = "derived" }
  if ev.largest_ctx then
    chain:step {
      section = "§20", name = "Largest -c that fits (llama.cpp)",
      formula = "largest n_ctx (multiple of 256) whose buffers fit every GPU (bisection)",
      inputs = { n_parallel = s.n_seq, type_k = s.type_k }, result = ev.largest_ctx,
      interpretation = function() return ev.largest_ctx >= CTX_CAP and string.format("at least %s tokens", fmt.commas(CTX_CAP))
        or ev.largest_ctx > 0 and string.format("-c %d (memory alone: the model's window may be shorter)", ev.largest_ctx)
        or "none: not even -c 256 fits with every layer on the GPU" end,
      receipt = "derived" }
  end
end

local function vllm_steps(chain, p, ev)
  local v, s = ev.plan, ev.settings
  local r1 = v.ranks[1]
  local comp = r1.components
  chain:step {
    section = "§35", name = "vLLM model weights per rank",
    formula = "linears ÷ TP (K/V heads max(1, n_kv ÷ TP)), embedding and lm_head padded to 64 rows ÷ TP, layers ÷ PP",
    inputs = { weight_format = s.weight_format, tensor_parallel = s.tp, pipeline_parallel = s.pp },
    result = r1.weights_bytes / GiB,
    interpretation = function() return string.format("Model loading took %.2f GiB (per rank%s)", r1.weights_bytes / GiB,
      s.pp > 1 and ", first stage" or "") end,
    receipt = "derived" }
  chain:step {
    section = "§20", name = "vLLM available KV cache memory",
    formula = "gpu_memory_utilization × total − (weights + activation peak + non-torch)",
    inputs = { gpu_total_GiB = s.gpu_total_GiB, gpu_memory_utilization = s.gpu_memory_utilization,
               activation_GiB = comp.activation / GiB, non_torch_GiB = comp.non_torch / GiB,
               max_num_batched_tokens = s.max_num_batched_tokens or 8192 },
    result = v.available_bytes / GiB,
    interpretation = function() return v.available_bytes > 0
      and string.format("Available KV cache memory: %.2f GiB", v.available_bytes / GiB)
      or string.format("nothing left: %.2f GiB over (activation peak estimated, ±20 %%)", -v.available_bytes / GiB) end,
    receipt = "data" }
  chain:step {
    section = "§19.1", name = "vLLM # GPU blocks",
    formula = "available ÷ (page × layers), page = 2·16·kv_heads_rank·head_size·B",
    inputs = { page_bytes = v.page_bytes, kv_cache_dtype = s.kv_cache_dtype, block_size = vllm.BLOCK_SIZE },
    result = v.num_blocks,
    interpretation = function() return string.format("# GPU blocks: %d", v.num_blocks) end, receipt = "derived" }
  chain:step {
    section = "§19.1", name = "vLLM GPU KV cache size",
    formula = "blocks × 16 (hybrid models: blocks ÷ groups × 16)",
    inputs = { groups = v.groups }, result = v.kv_tokens,
    interpretation = function() return string.format("GPU KV cache size: %s tokens", fmt.commas(v.kv_tokens)) end,
    receipt = "derived" }
  chain:step {
    section = "§36", name = "vLLM maximum concurrency",
    formula = "blocks ÷ blocks per request of max_model_len",
    inputs = { max_model_len = s.max_model_len }, result = v.max_concurrency,
    interpretation = function() return string.format("Maximum concurrency for %s tokens per request: %.2fx",
      fmt.commas(s.max_model_len), v.max_concurrency or 0) end,
    receipt = "derived" }
  chain:step {
    section = "§20", name = "vLLM max_model_len check",
    formula = s.engine == "v0" and "blocks × 16 ≥ max_model_len (V0)"
      or "KV of one max_model_len request ≤ available, every stage (V1); largest length by bisection",
    inputs = { max_model_len = s.max_model_len, engine = s.engine }, result = ev.largest_len,
    interpretation = function() return v.refusal and ("vLLM refuses: " .. v.refusal)
      or string.format("max_model_len %s accepted; the largest that fits is %s%s", fmt.commas(s.max_model_len),
        fmt.commas(ev.largest_len), ev.largest_capped and " (the model's window; memory would hold more)" or "") end,
    receipt = "derived" }
  if ev.opts.workload then
    chain:step {
      section = "§36", name = "vLLM requests of P + O held",
      formula = "min(max_num_seqs, ⌊blocks ÷ blocks per request of P + O⌋)",
      inputs = { tokens = ev.opts.workload, max_num_seqs = p.max_num_seqs }, result = ev.requests,
      interpretation = function() return string.format("%d requests of %s tokens at once", ev.requests,
        fmt.commas(ev.opts.workload)) end,
      receipt = "derived" }
  end
end

-- Append the engine's steps (nil ev: nothing) and return extra.engine.
function M.add_steps(chain, p, ev, json_extra)
  if ev == nil then return nil end
  if ev.engine == "llama.cpp" then
    llama_steps(chain, p, ev)
    if ev.opts.workload then
      chain:step {
        section = "§36", name = "llama-server slots",
        formula = "-np slots of n_ctx ÷ np tokens each; a request needs P + O",
        inputs = { n_parallel = p.n_parallel, tokens = ev.opts.workload },
        result = taf.json.ordered({ slots = p.n_parallel, slot_ctx = ev.slot_ctx }, { "slots", "slot_ctx" }),
        interpretation = function() return ev.slot_ctx >= ev.opts.workload
          and string.format("%d slot%s of %s tokens hold requests of %s", p.n_parallel, p.n_parallel > 1 and "s" or "",
            fmt.commas(ev.slot_ctx), fmt.commas(ev.opts.workload))
          or string.format("a slot of %s tokens is too small for P + O = %s: raise -c (T_eval) or lower -np",
            fmt.commas(ev.slot_ctx), fmt.commas(ev.opts.workload)) end,
        receipt = "derived" }
    end
    return llama_json(ev, ev.plan, ev.fit, json_extra)
  end
  vllm_steps(chain, p, ev)
  return vllm_json(ev)
end

M.mib_text = mib_text

return M

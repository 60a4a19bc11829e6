-- X-4 · Fit check: will the model fit in this GPU at this context and
-- precision, which side binds (weights or KV cache), the largest context
-- that fits, and the cheapest rescue. Budget of upstream js/fit_check.js and
-- js/launch_flags.js: weights N·bpw/8 + KV·batch + runtime overhead (0.4 GiB +
-- 0.25/0.6 GiB scratch + d_model bytes per token); the KV cache follows the
-- layout (lib.kv, §19.1: 2·L·n_kv·d_h·T·B for full attention, windowed layers
-- capped at the window, MLA latent, recurrent state). With --set engine=llama.cpp
-- or vllm the engine's own allocation rules (lib.engine_steps) add their steps at
-- the end of the chain and decide the fit.
--
-- Confidence factors:
--   overhead_model  warn always: the runtime overhead is a coarse engine-agnostic estimate
--   weight_bits     ok for exact layouts (floats, ggml blocks, group-128 methods) or a
--                   bytes_per_weight from the file; warn for K-quant mixes (effective bpw
--                   measured on Llama-2-7B, varies a few % with the vocabulary)
--   margin          ok when |headroom| ≥ 10% of VRAM; warn inside that band, where the
--                   overhead estimate decides the verdict
--   kv_layout       ok when the cache layout leaves the engine no choice (full, MLA
--                   latent, recurrent state) or the context is inside the window; warn when
--                   windowed layers are counted at the window (the project's §19.1 model):
--                   an engine keeping a full cache needs more
--   trained_context ok when T_eval ≤ the usable window (lib.window: T_train, or what the shipped rope_scaling reaches); warn beyond it
--   engine_rules    engine=llama.cpp|vllm only (lib.engine_steps): ok for llama.cpp's buffer rules,
--                   warn for a mixed quant priced at its effective bits and for vLLM (activation
--                   peak and non-torch memory are estimates)
local hw = require "lib.hw"
local mp = require "lib.model_params"
local fmt = require "lib.fmt"
local window = require "lib.window"
local engines = require "lib.engine_steps"

local VERDICT = {
  fits_comfortably = "FITS COMFORTABLY", fits_tight = "FITS (TIGHT)",
  kv_bound = "KV-BOUND", weights_bound = "WEIGHTS-BOUND",
}

local function gib(x) return fmt.f(hw.gib(x), 2) .. " GiB" end
local function ctx_text(n) return n == math.huge and "unbounded" or fmt.commas(n) end

-- engine = llama.cpp | vllm: the engine's steps end the chain and its
-- buffers decide the fit. llama.cpp: every GPU holds model + KV + compute +
-- CUDA context (comfortable with ≥ 10% of the VRAM free; KV-bound when the
-- model and compute buffers alone fit). vLLM: it accepts max_model_len
-- (comfortable when the cache holds batch such requests with 10% to spare;
-- weights-bound when nothing is left for the cache).
local function engine_outcome(chain, p, ev, vram, rescue)
  local extra = { rescue = rescue, engine = engines.add_steps(chain, p, ev) }
  local cls, reason, mitigation, key
  if ev.engine == "llama.cpp" then
    local fit, plan, largest = ev.fit, ev.plan, ev.largest_ctx
    chain:factor("engine_rules", plan.devices[1] and plan.devices[1].approximate_model and "warn" or "ok")
    if p.batch > 1 then
      chain:note(function() return string.format("llama.cpp has no batch of full contexts: its -np sequences "
        .. "(n_parallel = %d) share -c; for %d sequences of %s tokens set n_parallel=%d and T_eval=%d.", p.n_parallel,
        p.batch, fmt.commas(p.T_eval), p.batch, p.batch * p.T_eval) end)
    end
    if fit.fits then cls = fit.min_free >= 0.10 * vram and "fits_comfortably" or "fits_tight"
    elseif plan.refusal or fit.weights_fit then cls = "kv_bound" else cls = "weights_bound" end
    local d = plan.devices[1]
    local function used()
      return d and string.format("%s: model %s + KV %s + compute %s + %.1f GiB CUDA context = %s of %s",
        d.name, engines.mib_text(d.model_bytes), engines.mib_text(d.kv_bytes), engines.mib_text(d.compute_bytes),
        engines.CUDA_CONTEXT_BYTES / 1073741824, engines.mib_text(d.used_bytes), engines.mib_text(vram)) or "no GPU"
    end
    extra.max_context = largest
    key = string.format("llama.cpp %s, max -c %s", fit.fits and "fits" or "over", ctx_text(largest))
    if plan.refusal then
      reason = function() return "llama.cpp refuses this configuration: " .. plan.refusal .. "." end
      mitigation = "Set flash_attn=true or kv_dtype=f16."
    elseif fit.fits then
      reason = function() return string.format("llama.cpp at -c %s: %s (%s free%s). Largest -c: %s.",
        fmt.commas(plan.kv.n_ctx), used(), engines.mib_text(fit.min_free),
        plan.n_gpus > 1 and (" on the fullest GPU, " .. fit.worst) or "", ctx_text(largest)) end
      mitigation = cls == "fits_tight" and "Little headroom: a longer -c, a larger -ub or another process can tip it over."
        or "None needed."
    else
      reason = function() return string.format("llama.cpp at -c %s: %s: over by %s on %s.", fmt.commas(plan.kv.n_ctx),
        used(), engines.mib_text(-fit.min_free), fit.worst) end
      mitigation = cls == "kv_bound" and largest > 0
        and function() return string.format("Cap the context at -c %d, quantize the cache (kv_dtype=q8_0), or offload "
          .. "(X-15 --set engine=llama.cpp plans -ngl / --n-cpu-moe).", largest) end
        or "Use a smaller GGUF type or more GPUs (n_gpus); X-15 --set engine=llama.cpp plans -ngl / --n-cpu-moe."
    end
  else
    local v = ev.plan
    chain:factor("engine_rules", "warn") -- the activation peak and non-torch memory are estimates
    if ev.fits then cls = (v.max_concurrency or 0) >= 1.1 * p.batch and "fits_comfortably" or "fits_tight"
    elseif v.available_bytes > 0 then cls = "kv_bound" else cls = "weights_bound" end
    extra.max_context = ev.largest_len
    key = string.format("vLLM %s, max_model_len ≤ %s", ev.fits and "starts" or "refuses", ctx_text(ev.largest_len))
    if ev.fits then
      reason = function() return string.format("vLLM accepts max_model_len %s: %.2f GiB of weights per rank leave %.2f GiB for a KV cache of %s tokens (%.2fx concurrency at full length; largest max_model_len %s).",
        fmt.commas(p.T_eval), v.ranks[1].weights_bytes / 1073741824, v.available_bytes / 1073741824,
        fmt.commas(v.kv_tokens), v.max_concurrency or 0, ctx_text(ev.largest_len)) end
      mitigation = cls == "fits_tight" and function() return string.format("The cache holds %.2f of the %d sequences asked at full length: raise gpu_memory_utilization, use kv_dtype=fp8 or more GPUs.",
        v.max_concurrency or 0, p.batch) end or "None needed."
    else
      reason = function() return "vLLM refuses: " .. v.refusal end
      mitigation = ev.largest_len > 0 and function() return string.format("--max-model-len %d, or raise gpu_memory_utilization, use kv_dtype=fp8 or more GPUs (tensor_parallel).",
        ev.largest_len) end or "Nothing is left for the cache: a smaller weight format or more GPUs (tensor_parallel)."
    end
  end
  extra.fit_class = cls
  return { verdict = VERDICT[cls], reason = reason, mitigation = mitigation, extra = extra, key = key }
end

return recipe {
  id = "X-4", name = "Fit Check",
  question = "Will it fit in this GPU at this context and precision — and what is the largest context that does?",
  category = "hardware", sections = { "§19", "§20", "§35" },
  verdicts = { "FITS COMFORTABLY", "FITS (TIGHT)", "KV-BOUND", "WEIGHTS-BOUND" },
  params = engines.params(window.params(mp.with_kv_layout {
    n_params = mp.n_params { doc = "parameter count N" },
    n_layers = mp.n_layers { doc = "transformer layers" },
    n_kv_heads = mp.n_kv_heads { optional = true, doc = "key/value heads per layer (not needed for SSM/RWKV)" },
    d_head = mp.d_head { optional = true, doc = "head dimension (not needed for SSM/RWKV)" },
    d_model = mp.d_model { optional = true, doc = "hidden size (activation scratch, non-layer weights)" },
    vocab = mp.vocab { optional = true, doc = "vocabulary size (embedding and output head, for -ngl)" },
    T_train = mp.T_train { optional = true, doc = "training context length (warns past it)" },
    T_eval = mp.T_eval { doc = "context length to hold (tokens)" },
    batch = integer { min = 1, max = 4096, default = 1, doc = "sequences held at once (KV cache × batch)" },
    gpu = gpu { default = "RTX 4090", doc = "the GPU (tafrun list gpus)" },
    n_gpus = integer { min = 1, max = 64, default = 1, doc = "GPUs splitting the model (ideal tensor parallel)" },
    vram_GiB = number { gt = 0, max = 16384, optional = true, unit = "GiB",
                        doc = "VRAM per GPU, overriding the catalog (a card not in it: 12 for an RTX 3060)" },
    weight_format = text { from = "dtype", default = "BF16",
                           doc = "weight precision: BF16, F16, F32, FP8, INT8, AWQ, GPTQ, NF4 or a GGUF type (Q8_0 … Q2_K)" },
    bytes_per_weight = mp.bytes_per_weight { optional = true,
                                doc = "bytes per weight measured from a file; overrides weight_format" },
    kv_dtype = choice { choices = hw.kv_dtype_names(), default = "f16", doc = "KV cache element type" },
    flash_attn = boolean { default = true, doc = "flash attention (smaller compute scratch)" },
    has_SWA = mp.has_SWA { doc = "sliding-window attention (when the config gives no architecture)" },
  }), { tp_from = "n_gpus" }),
  notes = {
    "Memory is in GiB (2^30 bytes): GPU capacities are sold in GiB (an \"80 GB\" H100 holds 80 GiB).",
    "The runtime overhead (CUDA context, compute and activation scratch) is a coarse estimate; engines differ by a few hundred MiB.",
  },
  run = function(p, chain)
    hw.need_heads(p, "X-4")
    local f = hw.weight_format(p.weight_format)
    local bits = p.bytes_per_weight and p.bytes_per_weight * 8 or f.bits_per_weight
    local kv_t = hw.kv_dtype(p.kv_dtype)
    local vram = hw.vram_bytes(p.gpu, p.vram_GiB, chain)
    local d_model = p.d_model or 0

    -- the engine's own rules (engine = llama.cpp | vllm), evaluated first: its steps end the chain
    local ev = engines.evaluate(p, { rid = "X-4", kv = kv_t.name, vram = vram, n_gpus = p.n_gpus, ctx = p.T_eval,
                                     largest = true })

    local w = taf.weight_bytes(p.n_params, bits)
    chain:step {
      section = "§35", name = "Weights", formula = "N · bits_per_weight / 8",
      inputs = { n_params = p.n_params, weight_format = p.bytes_per_weight and "bytes_per_weight" or f.name,
                 bits_per_weight = bits },
      result = hw.gib(w),
      interpretation = function() return string.format("%s of weights at %s (%.4g bits/weight)", gib(w),
        p.bytes_per_weight and "the given bytes_per_weight" or f.name, bits) end,
      receipt = (p.bytes_per_weight == nil and f.source:find("README", 1, true)) and "data" or "derived" }

    local fit, kv_formula, kv_how, layout = hw.fit(p, w, kv_t.bytes_per_element, p.batch, p.T_eval, d_model,
      p.flash_attn, vram, p.n_gpus)
    chain:step {
      section = "§19.1", name = "KV cache", formula = kv_formula .. " · batch",
      inputs = { n_layers = p.n_layers, n_kv_heads = p.n_kv_heads, d_head = p.d_head, T_eval = p.T_eval,
                 batch = p.batch, kv_dtype = kv_t.name, bytes_per_element = kv_t.bytes_per_element },
      result = hw.gib(fit.kv_bytes),
      interpretation = function() return string.format("%s for %d × %s tokens%s", gib(fit.kv_bytes), p.batch,
        fmt.commas(p.T_eval), kv_how) end,
      receipt = "derived" }

    chain:step {
      section = "§20", name = "Runtime overhead", formula = "(0.4 + 0.25|0.6 GiB)·n_gpus + d_model·T bytes",
      inputs = { d_model = d_model, T_eval = p.T_eval, flash_attn = p.flash_attn, n_gpus = p.n_gpus },
      result = hw.gib(fit.overhead_bytes),
      interpretation = function() return string.format("%s CUDA context and scratch (coarse estimate)", gib(fit.overhead_bytes)) end,
      receipt = "provisional" }

    local fits = fit.fits
    chain:step {
      section = "§20", name = "Total vs VRAM", formula = "weights + KV + overhead ≤ VRAM·n_gpus",
      inputs = { gpu = p.gpu, n_gpus = p.n_gpus, vram_GiB = hw.gib(vram) },
      result = taf.json.ordered({ total_GiB = hw.gib(fit.total_bytes), vram_GiB = hw.gib(fit.vram_bytes),
                                  headroom_GiB = hw.gib(fit.headroom_bytes), kv_share = fit.kv_share },
                                { "total_GiB", "vram_GiB", "headroom_GiB", "kv_share" }),
      interpretation = function() return string.format("%s of %s: %s (KV is %.0f%% of the total)", gib(fit.total_bytes),
        gib(fit.vram_bytes), fits and ("fits, " .. gib(fit.headroom_bytes) .. " free")
          or ("over by " .. gib(-fit.headroom_bytes)), fit.kv_share * 100) end,
      receipt = "derived" }

    chain:step {
      section = "§20", name = "Largest context that fits",
      formula = layout == "full" and "⌊(VRAM − weights − fixed)/(batch·KV/token + scratch/token)⌋"
        or "largest T with weights + batch·KV(T) + overhead(T) ≤ VRAM (bisection: KV is not linear in T)",
      inputs = { batch = p.batch, kv_dtype = kv_t.name },
      result = fit.max_context,
      interpretation = fit.max_context == math.huge and "unbounded by memory: the cache does not grow with the context"
        or fit.max_context > 0 and function() return string.format("%s tokens at batch %d (%.2f× the requested %s)",
          fmt.commas(fit.max_context), p.batch, fit.max_context / p.T_eval, fmt.commas(p.T_eval)) end
        or "none: the weights and fixed overhead alone exceed the VRAM",
      receipt = "derived" }

    local wpo = fit.weights_bytes + fit.overhead_bytes
    chain:step {
      section = "§20", name = "Binding side", formula = "fits → headroom ≥ 10%? ; else weights + overhead ≤ VRAM?",
      inputs = { weights_plus_overhead_GiB = hw.gib(wpo), headroom_GiB = hw.gib(fit.headroom_bytes) },
      result = fit.fit_class,
      interpretation = fit.fit_class == "kv_bound" and "the weights fit; the KV cache at this context does not"
        or fit.fit_class == "weights_bound" and "the weights and overhead alone exceed the VRAM"
        or fit.fit_class == "fits_tight" and "fits with less than 10% of the VRAM free"
        or "fits with at least 10% of the VRAM free",
      receipt = "derived" }

    -- Rescue: candidates in order of quality cost; the first that fits is the cheapest.
    local rescue
    if not fits then
      local q8, q4 = taf.kv_dtype("q8_0"), taf.kv_dtype("q4_0")
      local cands = {}
      local function add(lever, wf, kvd)
        local wb = taf.weight_bytes(p.n_params, wf and wf.bits_per_weight or bits)
        local r = hw.fit(p, wb, kvd.bytes_per_element, p.batch, p.T_eval, d_model, p.flash_attn, vram, p.n_gpus)
        cands[#cands + 1] = taf.json.ordered({ lever = lever, weight_format = wf and wf.name or f.name,
          kv_dtype = kvd.name, total_GiB = hw.gib(r.total_bytes), fits = r.fits, max_context = r.max_context },
          { "lever", "weight_format", "kv_dtype", "total_GiB", "fits", "max_context" })
      end
      local kv_r = kv_t
      if kv_t.bytes_per_element > q8.bytes_per_element then add("kv_dtype", nil, q8); kv_r = q8 end
      local lower = p.bytes_per_weight and {} or hw.below(f)
      local last4
      for _, g in ipairs(lower) do
        if g.nominal_bits >= 4 then add("weight_precision", g, kv_r); last4 = g end
      end
      if kv_t.bytes_per_element > q4.bytes_per_element then add("kv_dtype", last4, q4) end
      for _, g in ipairs(lower) do
        if g.nominal_bits < 4 then add("weight_precision (below 4 bits: quality cliff)", g, q4.bytes_per_element
          < kv_t.bytes_per_element and q4 or kv_t) end
      end
      for _, c in ipairs(cands) do if c.fits then rescue = c; break end end
      local cheapest = rescue -- rescue may become the offload below
      chain:step {
        section = "§35", name = "Rescue options", formula = "first that fits: KV q8_0 → lower weight bits → KV q4_0 → < 4 bits",
        inputs = { weight_format = f.name, kv_dtype = kv_t.name }, result = taf.json.array(cands),
        interpretation = cheapest and function() return string.format("cheapest: weights %s + KV %s (%.2f GiB)",
          cheapest.weight_format, cheapest.kv_dtype, cheapest.total_GiB) end or "no precision change fits on this GPU",
        receipt = "derived" }

      -- llama.cpp partial offload: layers on the GPU, the rest in system RAM.
      local ngl, per_layer, non_layer_frac = hw.offload(p, w, fit.kv_bytes, fit.overhead_bytes, fit.vram_bytes)
      chain:step {
        section = "§20", name = "Partial offload (-ngl)", formula = "⌊(VRAM − overhead − non-layer weights)/(layer weights + layer KV)⌋",
        inputs = { non_layer_fraction = non_layer_frac, per_layer_GiB = hw.gib(per_layer) },
        result = ngl,
        interpretation = function() return string.format("%d of %d layers on the GPU at the current precision (the rest run on the CPU, several times slower)",
          ngl, p.n_layers) end,
        receipt = "provisional" }
      if rescue == nil and ngl > 0 then
        rescue = { lever = "offload", ngl = ngl }
      end
    end

    chain:factor("overhead_model", "warn")
    chain:factor("weight_bits", (p.bytes_per_weight or not f.source:find("README", 1, true)) and "ok" or "warn")
    chain:factor("margin", math.abs(fit.headroom_bytes) >= 0.10 * fit.vram_bytes and "ok" or "warn")
    local full = layout ~= "sliding_window" and 0 or taf.kv_cache_memory(p.n_layers, p.n_kv_heads, p.d_head, p.T_eval * p.batch, kv_t.bytes_per_element).bytes
    local windowed = layout == "sliding_window" and full > fit.kv_bytes
    chain:factor("kv_layout", windowed and "warn" or "ok")
    if windowed then
      chain:note(function() return string.format("The KV cache is counted windowed (%s); an engine that keeps a full "
        .. "cache for the windowed layers needs %s of KV, %s in total.", gib(fit.kv_bytes), gib(full),
        gib(fit.total_bytes - fit.kv_bytes + full)) end)
    end
    window.check(chain, p, p.T_eval, "T_eval")
    engines.neutral_note(chain, p)
    if ev then return engine_outcome(chain, p, ev, vram, rescue) end

    local verdict = VERDICT[fit.fit_class]
    local extra = { max_context = fit.max_context, fit_class = fit.fit_class, rescue = rescue }
    local key = string.format("%.1f/%.0f GiB, max %s tok", hw.gib(fit.total_bytes), hw.gib(fit.vram_bytes),
      ctx_text(fit.max_context))
    if fits then
      return { verdict = verdict, extra = extra, key = key,
        reason = function() return string.format("%s of %s at %s tokens × %d (weights %s, KV %s); largest context %s tokens.",
          gib(fit.total_bytes), gib(fit.vram_bytes), fmt.commas(p.T_eval), p.batch, gib(fit.weights_bytes),
          gib(fit.kv_bytes), ctx_text(fit.max_context)) end,
        mitigation = function()
          local kv_note = ""
          local q8b = taf.kv_dtype("q8_0").bytes_per_element
          if kv_t.bytes_per_element > q8b then
            local q8 = hw.fit(p, w, q8b, p.batch, p.T_eval, d_model, p.flash_attn, vram, p.n_gpus)
            kv_note = string.format(" A q8_0 KV cache would raise it to %s tokens.", ctx_text(q8.max_context))
          end
          return fit.fit_class == "fits_tight"
            and ("Little headroom: engine scratch or a longer prompt can tip it over." .. kv_note)
            or ("None needed." .. kv_note)
        end }
    end
    local reason = fit.fit_class == "kv_bound"
      and function() return string.format("The weights fit (%s with overhead) but the KV cache for %s tokens × %d adds %s: over by %s. Largest context: %s tokens.",
        gib(wpo), fmt.commas(p.T_eval), p.batch, gib(fit.kv_bytes), gib(-fit.headroom_bytes), ctx_text(fit.max_context)) end
      or function() return string.format("The weights alone (%s at %s, %s with overhead) exceed the %s of VRAM.",
        gib(fit.weights_bytes), p.bytes_per_weight and "the given bytes_per_weight" or f.name, gib(wpo), gib(fit.vram_bytes)) end
    local mitigation
    if rescue and rescue.lever == "offload" then
      mitigation = function() return string.format("No precision change fits: offload %d of %d layers to the GPU (llama.cpp -ngl %d, X-15), or use more/larger GPUs.",
        rescue.ngl, p.n_layers, rescue.ngl) end
    elseif rescue then
      mitigation = function()
        local m = string.format("Cheapest rescue: weights %s with a %s KV cache (%.2f GiB, largest context %s).",
          rescue.weight_format, rescue.kv_dtype, rescue.total_GiB, ctx_text(rescue.max_context))
        if fit.fit_class == "kv_bound" and fit.max_context > 0 then
          m = m .. string.format(" Or keep the precision and cap the context at %s tokens.", ctx_text(fit.max_context))
        end
        return m
      end
    else
      mitigation = "Nothing fits on this GPU: use more GPUs (n_gpus), a larger GPU (X-5), or a smaller model."
    end
    return { verdict = verdict, reason = reason, mitigation = mitigation, extra = extra, key = key }
  end,
}

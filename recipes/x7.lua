-- X-7 · Compression choice (cookbook recipe 7, ch. 35; upstream quant_regime,
-- §33.3 precision shift): quantize (which bits, which method), distill or
-- prune — and what breaks.
local mp = require "lib.model_params"
local fmt = require "lib.fmt"
local measure = require "lib.measure"

-- One representative per bit width, safest first: the lowest-penalty scheme
-- that runs on any hardware (FP8 needs Hopper; GGUF K-quants are llama.cpp's).
local LADDER = { { bits = 8, scheme = "int8" }, { bits = 5, scheme = "gguf_q5_km" }, { bits = 4, scheme = "awq" },
                 { bits = 3, scheme = "gguf_q3_km" }, { bits = 2, scheme = "gguf_q2_k" } }
local SCHEME_IDS = {}
for _, s in ipairs(taf.quant_schemes()) do SCHEME_IDS[#SCHEME_IDS + 1] = s.id end

local QUANTIZE = { [8] = "QUANTIZE 8-BIT", [5] = "QUANTIZE 5-BIT", [4] = "QUANTIZE 4-BIT",
                   [3] = "QUANTIZE ≤3-BIT (CLIFF RISK)", [2] = "QUANTIZE ≤3-BIT (CLIFF RISK)" }

-- Confidence factors (ok = 1, warn = ½, miss = 0):
--   regime           the chosen scheme's band: safe or mild ok, significant warn, cliff
--                    miss; distill/prune/no-compression verdicts warn (they depend on training)
--   heuristics       warn: the γ-shift penalties and multipliers are hand-set, not fitted
--   gamma_measured   bf16 γ and R² given (the §33.3 precision-shift rule ran) ok, else warn
--   budget           a memory target given ok, else warn (8-bit is then only the default)
--   downstream_eval  warn: perplexity hides long-tail damage; only downstream tasks show it

local function regime_status(regime)
  return (regime == "safe" or regime == "mild") and "ok" or regime == "significant" and "warn" or "miss"
end

return recipe {
  id = "X-7", name = "Compression Choice",
  question = "Quantize (which bits and method), distill or prune — and what breaks?",
  category = "compression", sections = { "§43.7", "ch. 35", "§33.3" },
  verdicts = { "NO COMPRESSION NEEDED", "QUANTIZE 8-BIT", "QUANTIZE 5-BIT", "QUANTIZE 4-BIT",
               "QUANTIZE ≤3-BIT (CLIFF RISK)", "DISTILL", "PRUNE (STRUCTURED)", "USE A SMALLER MODEL" },
  params = {
    n_params = mp.n_params { doc = "parameter count N" },
    bytes_per_weight = mp.bytes_per_weight { default = 2, doc = "bytes per weight now (bf16 = 2)" },
    target_GB = number { gt = 0, optional = true, doc = "memory budget for the weights", unit = "GB" },
    can_train = boolean { default = false, doc = "you can train (distillation, QAT, recovery fine-tune)" },
    need_new_shape = boolean { default = false, doc = "you need fewer layers/heads (a new shape for latency or a device)" },
    scheme = choice { choices = SCHEME_IDS, optional = true, doc = "a quantization scheme to evaluate instead of the ladder" },
    n_attention_heads = mp.n_attention_heads { optional = true, doc = "query heads" },
    n_kv_heads = mp.n_kv_heads { optional = true, doc = "key/value heads (GQA when fewer)" },
    d_head = mp.d_head { optional = true, doc = "head dimension" },
    has_SWA = mp.has_SWA { doc = "sliding-window attention present" },
    gamma_obs = measure.gamma_obs("γ measured in bf16 (X-12), for the 4-bit precision-shift rule"),
    R2 = number { max = 1, optional = true, doc = "R² of that bf16 γ fit" },
  },
  notes = {
    "Compression harms the long tail first — math, code, rare facts, long-context retrieval — while perplexity barely moves: evaluate on downstream tasks.",
    "Quantization penalties are hand-set heuristics informed by public PPL comparisons (upstream quant_regime), not fits: order-of-magnitude estimates.",
  },
  run = function(p, chain)
    local function regime(id)
      return taf.quant_regime(id, p.n_attention_heads, p.n_kv_heads, p.d_head, p.has_SWA, p.n_params)
    end
    -- effective bits per weight (block scales included) from the quantization catalog
    local function weights_GB(format) return taf.weight_bytes(p.n_params, format) / 1e9 end

    local now = chain:step {
      section = "ch. 35", name = "Weights now", formula = "N × bytes per weight",
      inputs = { n_params = p.n_params, bytes_per_weight = p.bytes_per_weight },
      result = taf.model_weights_memory(p.n_params, p.bytes_per_weight).GB,
      interpretation = function() -- file sizes in GB as checkpoint listings give them; GiB as a card holds them
        local gb = taf.model_weights_memory(p.n_params, p.bytes_per_weight).GB
        return string.format("%.2f GB (%.2f GiB) at %s bytes per weight", gb, gb * 1e9 / 1073741824,
          fmt.f(p.bytes_per_weight, 2)) end,
      receipt = "derived" }

    if p.target_GB then
      chain:step {
        section = "ch. 35", name = "Compression needed", formula = "weights now / target",
        inputs = { weights_GB = now, target_GB = p.target_GB }, result = now / p.target_GB,
        interpretation = now <= p.target_GB and "already fits the budget"
          or function() return string.format("×%.2f smaller → at most %.1f bits per weight", now / p.target_GB,
            8 * p.target_GB * 1e9 / p.n_params) end,
        receipt = "derived" }
    end

    -- every ladder rung (and the chosen scheme) with its memory and regime
    local candidates, chosen = {}, nil
    for _, rung in ipairs(LADDER) do
      local r = regime(rung.scheme)
      local gb = weights_GB(r.format)
      local fits = p.target_GB == nil or gb <= p.target_GB
      candidates[#candidates + 1] = taf.json.ordered({ scheme = rung.scheme, bits = rung.bits, GB = gb, fits = fits,
        gamma_shift = r.gamma_shift, regime = r.regime }, { "scheme", "bits", "GB", "fits", "gamma_shift", "regime" })
      if chosen == nil and fits then chosen = { r = r, GB = gb } end
    end
    local own
    if p.scheme then
      local r = regime(p.scheme)
      own = { r = r, GB = weights_GB(r.format) }
      own.fits = p.target_GB == nil or own.GB <= p.target_GB
      if own.fits then chosen = own end
    end
    local quantizing = chosen ~= nil and not p.need_new_shape and (p.target_GB == nil or now > p.target_GB)
      and (p.target_GB ~= nil or p.scheme ~= nil or now > chosen.GB)
    if quantizing then
      local r = chosen.r
      chain:step {
        section = "§43.7", name = "Quantization choice", formula = "largest bit width with N·bpw/8 ≤ budget; "
          .. "γ shift = base penalty × architecture multiplier: safe ≤ 0.015 < mild ≤ 0.04 < significant ≤ 0.08 < cliff",
        inputs = { scheme = r.scheme, n_attention_heads = p.n_attention_heads, n_kv_heads = p.n_kv_heads,
                   d_head = p.d_head, has_SWA = p.has_SWA, n_params = p.n_params },
        result = r, breakdown = taf.json.array(candidates),
        interpretation = function() return string.format("%s: %.1f GB, γ shift %.3f (×%.2f architecture) → %s; ΔPPL ≈ %.3f (%.3f–%.3f)",
          r.scheme_label, chosen.GB, r.gamma_shift, r.arch_multiplier, r.regime, r.delta_ppl.mid, r.delta_ppl.low,
          r.delta_ppl.high) end,
        receipt = "provisional" }
    end
    if own and not own.fits then
      chain:note(function() return string.format("%s needs %.1f GB, over the %.1f GB budget; the ladder picks the "
        .. "largest scheme that fits.", own.r.scheme_label, own.GB, p.target_GB) end)
    end

    local shift
    if p.gamma_obs ~= nil and p.R2 ~= nil then
      local gqa = p.n_kv_heads ~= nil and p.n_attention_heads ~= nil and p.n_kv_heads < p.n_attention_heads
      shift = taf.precision_shift_predict_4bit(p.gamma_obs, p.R2, gqa)
      chain:step {
        section = "§33.3", name = "4-bit γ shift", formula = "GQA → stable · MHA: R² < 0.9 up, R² > 0.99 down, else stable",
        inputs = { gamma_bf16 = p.gamma_obs, R2_bf16 = p.R2, is_GQA = gqa }, result = shift,
        interpretation = function() return string.format("%s (%s) — n = 5 paired measurements",
          shift.predicted_shift_direction, shift.expected_magnitude) end,
        receipt = "provisional" }
    end

    local alternative = p.need_new_shape and (p.can_train and "distill" or "prune (structured)")
      or (p.can_train and "distill" or "none")
    chain:step {
      section = "ch. 35", name = "Distill or prune", formula = "distill: student learns the teacher's soft targets (logits/T) · "
        .. "prune: structured removes heads/channels (real speedup), unstructured needs sparse kernels",
      inputs = { can_train = p.can_train, need_new_shape = p.need_new_shape }, result = alternative,
      interpretation = p.need_new_shape and (p.can_train and "a new shape you can train: distil into it"
          or "a new shape without a training budget: structured pruning, then a short recovery if possible")
        or p.can_train and "available if quantization is not enough" or "no training budget: quantization only",
      receipt = "derived" }

    chain:step {
      section = "ch. 35", name = "What breaks", formula = "the long tail first; perplexity hides it",
      inputs = {}, result = taf.json.array { "math and code", "rare facts", "long-context retrieval", "instruction following" },
      interpretation = "measure these downstream; a near-intact perplexity is not a receipt",
      receipt = "data" }

    chain:factor("heuristics", "warn")
    chain:factor("gamma_measured", shift and "ok" or "warn")
    chain:factor("budget", p.target_GB and "ok" or "warn")
    chain:factor("downstream_eval", "warn")

    local function quantize(c, extra)
      local r = c.r
      chain:factor("regime", regime_status(r.regime))
      return { verdict = QUANTIZE[r.scheme_bits], key = string.format("%s → %.1f GB", r.scheme, c.GB),
        reason = function()
          local up = shift and shift.predicted_shift_direction:match("UP") and r.scheme_bits <= 4
          return string.format("%s brings the weights from %.1f to %.1f GB with a %s γ shift (%.3f).%s%s", r.scheme_label,
            now, c.GB, r.regime, r.gamma_shift, extra or "",
            up and " The §33.3 rule predicts this MHA model's γ to rise under 4-bit (long-range attention weakens)." or "")
        end,
        mitigation = function() return (r.recommend_scheme and string.format("Prefer %s if it fits. ", r.recommend_scheme) or "")
          .. (r.scheme_bits <= 4 and "Use a calibrated method (AWQ/GPTQ) and compare" or "Compare")
          .. " downstream tasks (math, code, long-context retrieval) against bf16, not perplexity alone." end }
    end

    if p.need_new_shape then
      chain:factor("regime", "warn")
      if p.can_train then
        return { verdict = "DISTILL", key = "student of the new shape",
          reason = "A different shape is needed and you can train: a student trained on the teacher's soft targets "
            .. "keeps more than pruning to that shape.",
          mitigation = "Distil with temperature-softened logits on in-domain data; quantize the student afterwards (8-bit ≈ lossless)." }
      end
      return { verdict = "PRUNE (STRUCTURED)", key = "remove heads/channels",
        reason = "A different shape is needed without a training budget: structured pruning (whole heads, channels, "
          .. "layers) gives real speedups on ordinary GPUs; unstructured sparsity does not.",
        mitigation = "Prune by importance, keep the sink/induction heads, and run a short recovery fine-tune if you can; "
          .. "evaluate downstream." }
    end
    local int8_GB = weights_GB(taf.quant_regime("int8").format)
    if p.target_GB == nil and p.scheme == nil and now <= int8_GB then
      chain:factor("regime", "warn")
      return { verdict = "NO COMPRESSION NEEDED", key = string.format("%.1f GB now", now),
        reason = function() return string.format("The weights are already at %s bits per weight (%.1f GB): 8-bit would "
          .. "not shrink them.", fmt.f(p.bytes_per_weight * 8, 2), now) end,
        mitigation = "Give --set target_GB=… to size a lower-bit scheme against a budget." }
    end
    if p.target_GB and now <= p.target_GB then
      chain:factor("regime", "warn")
      return { verdict = "NO COMPRESSION NEEDED", key = string.format("%.1f ≤ %.1f GB", now, p.target_GB),
        reason = function() return string.format("The weights (%.1f GB) already fit the %.1f GB budget.", now, p.target_GB) end,
        mitigation = "8-bit (int8 / FP8 on Hopper) still frees memory for KV cache and batch at ≈ no quality cost." }
    end
    if chosen == nil then
      chain:factor("regime", "miss")
      if p.can_train then
        return { verdict = "DISTILL", key = string.format("> %.1f GB even at Q2_K", p.target_GB),
          reason = function() return string.format("Even Q2_K weights (%.1f GB) exceed the %.1f GB budget.",
            weights_GB("Q2_K"), p.target_GB) end,
          mitigation = "Distil into a student small enough for the budget at 8 or 4 bits." }
      end
      return { verdict = "USE A SMALLER MODEL", key = string.format("> %.1f GB even at Q2_K", p.target_GB),
        reason = function() return string.format("Even Q2_K weights (%.1f GB) exceed the %.1f GB budget and you cannot train.",
          weights_GB("Q2_K"), p.target_GB) end,
        mitigation = function() return string.format("Pick a base model of at most ≈ %.1fB parameters (AWQ 4-bit within "
          .. "the budget).", p.target_GB * 8 / taf.quant_format("AWQ").bits_per_weight) end }
    end
    if chosen.r.scheme_bits <= 3 and p.can_train then
      chain:factor("regime", "warn")
      return { verdict = "DISTILL", key = string.format("%d bits needed", chosen.r.scheme_bits),
        reason = function() return string.format("Only %d-bit weights fit (%s, %s): below ~3–4 bits quality falls off a "
          .. "cliff; a trained smaller student does better.", chosen.r.scheme_bits, chosen.r.scheme, chosen.r.regime) end,
        mitigation = "Distil into a model that fits at 4–8 bits, or use quantization-aware training (QAT) if you keep this one." }
    end
    return quantize(chosen, p.target_GB == nil and " No budget given: 8-bit is the near-lossless first step." or nil)
  end,
}

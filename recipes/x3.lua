-- X-3 · Budget pre-flight (seed formulas module; a $0/h GPU asks for a price
-- instead of dividing by zero).
local mp = require "lib.model_params"

return recipe {
  id = "X-3", name = "Budget Pre-flight",
  question = "Given a $ budget, what model is feasible to train?",
  category = "training-budget", sections = { "§17", "§20" },
  verdicts = { "GO", "MEMORY-LIMITED", "TINY-MODEL" },
  params = {
    USD_budget = number { gt = 0, max = 1e13, default = 5000.0, doc = "training budget, USD" },
    gpu = gpu { default = "H100 SXM", doc = "training GPU" },
    mfu = mp.utilisation { default = 0.45, doc = "model FLOPs utilisation" },
    n_gpus = integer { min = 1, max = 100000, default = 1, doc = "GPUs rented in parallel" },
    usd_h = number { min = 1e-4, max = 1e6, optional = true, doc = "your price per GPU-hour (overrides the catalog)" },
  },
  run = function(p, chain)
    local info = taf.gpu(p.gpu)
    local price = p.usd_h or info.usd_h
    if price <= 0 then
      taf.input_error(string.format("GPU '%s' has no hourly price in the catalog (a local card): cost is not "
        .. "defined; give your price with --set usd_h=VALUE", info.name))
    end
    local hours = chain:step {
      section = "§20.11", name = "Affordable GPU-hours", formula = "USD / ($/h·n_gpus)",
      inputs = { USD = p.USD_budget, gpu = p.gpu, n_gpus = p.n_gpus, usd_h = price },
      result = p.USD_budget / (price * p.n_gpus),
      interpretation = function() return string.format("%.0f GPU-hours total (%.1f days at full use)",
        p.USD_budget / (price * p.n_gpus), p.USD_budget / (price * p.n_gpus) / 24) end,
      receipt = "derived" }

    local max_flops = info.flops * 1e12 * p.mfu * p.n_gpus * hours * 3600
    chain:step {
      section = "§17.10", name = "Max training FLOPs", formula = "peak·MFU·n_gpus·seconds",
      inputs = { peak_TFLOPs = info.flops, MFU = p.mfu }, result = max_flops,
      interpretation = function() return string.format("%.2e effective FLOPs", max_flops) end, receipt = "derived" }

    -- 6·N·D = C with D = 20·N  ⇒  N = √(C/120)
    local N = math.sqrt(max_flops / 120)
    local D = taf.chinchilla_optimal_tokens(N)
    chain:step {
      section = "§17.30", name = "Chinchilla-optimal N", formula = "N = √(C/120) at D=20N",
      inputs = { max_FLOPs = max_flops }, result = N,
      interpretation = function() return string.format("N ≈ %.2e params with D = %.2e tokens", N, D) end, receipt = "data" }

    local emerg = taf.emergent_threshold(N)
    chain:step {
      section = "§17.60", name = "Emergence threshold", formula = "Wei 2022 capability",
      inputs = { N = N }, result = emerg, interpretation = emerg, receipt = "data" }

    local mem = taf.training_memory_16N(N)
    local fits = mem.GB <= info.vram_GB
    chain:step {
      section = "§17.20", name = "16N training memory", formula = "model + grads + AdamW",
      inputs = { N = N }, result = mem,
      interpretation = function() return string.format("%.1f GB needed; %s%s GB VRAM", mem.GB, fits and "fits in " or "EXCEEDS ",
        tostring(info.vram_GB)) end,
      receipt = "derived" }

    chain:factor("prices", p.usd_h and "ok" or "warn")
    chain:factor("mfu", p.mfu <= 0.6 and "ok" or "warn")
    chain:factor("chinchilla_rule", "warn")
    chain:note("16·N bytes covers weights, gradients and Adam moments only: activations come on top and grow with batch × context.")

    if N < 1e8 then
      return { verdict = "TINY-MODEL", reason = function() return string.format("Budget supports only ~%.0e params", N) end,
        mitigation = "Use LoRA fine-tuning of larger pretrained model instead." }
    elseif not fits then
      return { verdict = "MEMORY-LIMITED",
        reason = function() return string.format("Chinchilla N (%.1e) doesn't fit one %s", N, p.gpu) end,
        mitigation = function() return string.format("Use ZeRO-3 across multiple GPUs (need ≥%d× %s) OR train smaller N undertrained.",
          math.ceil(mem.GB / info.vram_GB), p.gpu) end }
    end
    return { verdict = "GO",
      reason = function()
        local tier = emerg:match("^(.-)%s*—") or emerg
        return string.format("At $%s, train %.1e-param model on %.1e tokens in ~%.1f days. Capability tier: %s.",
          tostring(p.USD_budget), N, D, hours / 24, tier)
      end,
      mitigation = "None — proceed with Chinchilla-optimal recipe." }
  end,
}

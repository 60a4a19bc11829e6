-- X-1 · Custom training vs API (seed formulas module).
local mp = require "lib.model_params"
local fmt = require "lib.fmt"

return recipe {
  id = "X-1", name = "Custom Training vs API",
  question = "Should I train a custom model or use a frontier API for my domain task?",
  category = "build-vs-buy", sections = { "§17", "§19", "§20", "§24" },
  verdicts = { "YES (custom)", "NO (API)", "NO" },
  params = {
    N_params = mp.n_params { from = "n_params", doc = "parameters of the model to train" },
    D_tokens = mp.tokens { optional = true, doc = "training tokens (default: Chinchilla 20·N)" },
    gpu = gpu { default = "H100 SXM", doc = "training and serving GPU" },
    n_gpus = integer { min = 1, max = 100000, default = 8, doc = "GPUs used for training" },
    mfu = mp.utilisation { default = 0.45, doc = "model FLOPs utilisation" },
    api_model = api { default = "GPT-4o", doc = "API to compare against (tafrun list apis)" },
    monthly_tokens_M = number { gt = 0, default = 10.0, doc = "your monthly volume, millions of tokens" },
  },
  notes = {
    "Self-inference cost assumes one user, memory-bound bf16 decode: real serving batches requests and is cheaper per token.",
  },
  run = function(p, chain)
    local gpu = taf.gpu(p.gpu)
    if gpu.usd_h <= 0 then
      taf.input_error(string.format("GPU '%s' is a local card with no hourly price: training cost is not defined; "
        .. "choose a priced GPU (tafrun list gpus)", gpu.name))
    end
    local D = p.D_tokens or taf.chinchilla_optimal_tokens(p.N_params)
    chain:step {
      section = "§17.30", name = "Chinchilla optimal D", formula = "D = 20·N",
      inputs = { N_params = p.N_params }, result = D,
      interpretation = function() return string.format("recommended D = %.2e tokens", D) end, receipt = "data" }

    local flops = taf.training_flops(p.N_params, D)
    chain:step {
      section = "§17.10", name = "Training FLOPs", formula = "C = 6·N·D",
      inputs = { N = p.N_params, D = D }, result = flops,
      interpretation = function() return string.format("%.2e FLOPs total", flops) end, receipt = "derived" }

    local cost = taf.cost_per_training_run(p.N_params, D, p.gpu, p.n_gpus, p.mfu)
    chain:step {
      section = "§20.11", name = "Training cost", formula = "hours·USD/h·n_gpus = total $",
      inputs = { gpu = p.gpu, n_gpus = p.n_gpus, mfu = p.mfu }, result = cost,
      interpretation = function() return string.format("$%s over %.1f days", fmt.commas(cost.USD), cost.days) end,
      receipt = "derived" }

    local model_GB = p.N_params * 2 / 1e9
    local inf = taf.cost_per_inference_token(model_GB, p.gpu, 1)
    chain:step {
      section = "§19.9 / §20.12", name = "Self-inference $/Mtok", formula = "BW / model_GB → tok/s → $/Mtok",
      inputs = { model_GB = model_GB, gpu = p.gpu }, result = inf,
      interpretation = function() return string.format("$%.2f per million tokens (single user)", inf.USD_per_Mtok) end,
      receipt = "derived" }

    local api = taf.api(p.api_model)
    local blend = (api.input + api.output) / 2
    chain:step {
      section = "§24.X", name = p.api_model .. " blended price", formula = "(input + output) / 2 USD/Mtok",
      inputs = { api_model = p.api_model }, result = blend,
      interpretation = function() return string.format("$%.2f/Mtok blended", blend) end, receipt = "data" }

    local be = taf.break_even_volume(cost.USD, inf.USD_per_Mtok, blend)
    local interp
    if be.error then interp = be.error
    else
      interp = function() return string.format("break-even at %.0f Mtok (%.1f months at %s M/mo)", be.Mtok_breakeven,
        be.Mtok_breakeven / math.max(p.monthly_tokens_M, 0.001), tostring(p.monthly_tokens_M)) end
    end
    chain:step {
      section = "§24.3", name = "Break-even tokens", formula = "training$ / (api − self) = Mtok",
      inputs = { training_cost = cost.USD }, result = be, interpretation = interp, receipt = "derived" }

    chain:factor("prices", "warn")     -- catalog list prices, not your negotiated ones
    chain:factor("mfu", p.mfu <= 0.6 and "ok" or "warn")
    chain:factor("chinchilla_rule", p.D_tokens and "ok" or "warn")

    if be.error then
      return { verdict = "NO", reason = be.error,
        mitigation = function() return string.format("Stick with %s API.", p.api_model) end }
    end
    local months = be.Mtok_breakeven / p.monthly_tokens_M
    if p.monthly_tokens_M >= be.Mtok_breakeven then
      return { verdict = "YES (custom)",
        reason = function() return string.format("At %s M tokens/month, break-even in %.1f months. Long-term custom is cheaper.",
          tostring(p.monthly_tokens_M), months) end,
        mitigation = function() return string.format("Train at %s×%d; serve self-hosted.", p.gpu, p.n_gpus) end }
    end
    return { verdict = "NO (API)",
      reason = function() return string.format("At %s M tokens/month, break-even in %.1f months — too slow.",
        tostring(p.monthly_tokens_M), months) end,
      mitigation = function() return string.format("Use %s API (cheaper for your volume).", p.api_model) end }
  end,
}

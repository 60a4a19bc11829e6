-- Which RoPE base θ keeps a model in the D_f compression zone at length T?
-- For θ·α over the given multipliers, at T_eval: γ_Padé, γ_corrected,
-- d_horizon and the exact D_f window; the verdict names the smallest
-- multiplier whose γ_corrected lands in [0.65, 0.85].
local steps = require "lc_steps"

return recipe {
  id = "LC-THETA", name = "RoPE base sweep",
  question = "Which multiple of θ puts γ in the D_f compression zone at length T?",
  category = "long-context", sections = { "§26" },
  verdicts = { "IN ZONE", "NO MULTIPLIER FITS" },
  params = {
    theta = number { gt = 0, max = 1e15, doc = "RoPE base θ of the model" },
    T_train = integer { min = 1, max = 1e12, doc = "training context" },
    T_eval = integer { min = 1, max = 1e12, default_from = "T_train", doc = "target context length" },
    n_attention_heads = integer { min = 1, max = 1e6, doc = "query heads" },
    n_kv_heads = integer { min = 1, max = 1e6, doc = "key/value heads" },
    n_params = number { min = 1, max = 1e15, doc = "parameter count" },
    max_multiplier = number { min = 1, max = 1e6, default = 1024, doc = "largest θ multiplier tried (powers of 2)" },
  },
  notes = { "D_f is provisional (no long-context benchmark yet) and γ_corrected carries ±0.15 of calibration doubt." },
  run = function(p, chain)
    local has_GQA = p.n_kv_heads < p.n_attention_heads
    local rows, best = taf.json.array({}), nil
    local alpha = 1
    while alpha <= p.max_multiplier do
      local row = steps.evaluate(p.theta * alpha, p.T_eval, has_GQA, p.n_params)
      row.alpha = alpha
      rows[#rows + 1] = row
      if not best and row.D_f then best = row end
      alpha = alpha * 2
    end
    chain:step { section = "§26.1–§26.7", name = "θ·α sweep",
                 formula = "γ_Padé(θα, T) + δ → d_h, exact D_f (zone [0.65, 0.85])",
                 inputs = { theta = p.theta, T_eval = p.T_eval, max_multiplier = p.max_multiplier },
                 result = rows, interpretation = string.format("%d multipliers tried", #rows),
                 receipt = "provisional" }
    chain:factor("gamma_measured", "warn")
    chain:factor("df_validated", "warn")
    if best then
      chain:step { section = "§26.7", name = "Smallest multiplier in zone", formula = "min α: 0.65 ≤ γ_corr ≤ 0.85",
                   inputs = {}, result = best.alpha,
                   interpretation = string.format("θ = %.0f, γ_corr = %.3f, D_f = %d of %d", p.theta * best.alpha,
                     best.gamma_corrected, best.D_f, p.T_eval), receipt = "provisional" }
      return { verdict = "IN ZONE",
               reason = string.format("θ×%g (%.0f) gives γ_corrected %.3f at T = %d.", best.alpha, p.theta * best.alpha,
                 best.gamma_corrected, p.T_eval),
               mitigation = string.format("Rescale rope_theta to %.0f (fine-tune at the new base).", p.theta * best.alpha) }
    end
    return { verdict = "NO MULTIPLIER FITS",
             reason = string.format("No θ×2^k up to ×%g lands γ_corrected in [0.65, 0.85] at T = %d.", p.max_multiplier, p.T_eval),
             mitigation = "Raise max_multiplier, or shorten the target context." }
  end,
}

-- X-21 · Imprint purity (upstream §28–§29): how far the random-token γ sits
-- from the Padé centre plus the size imprint ν·log10(P/P₀).
local mp = require "lib.model_params"

return recipe {
  id = "X-21", name = "Imprint Purity",
  question = "How clean is the Padé prediction on random tokens for this model?",
  category = "diagnostics", sections = { "§26", "§28", "§29" },
  verdicts = { "CLEAN", "OVER-IMPRINTED", "UNDER-IMPRINTED", "PREDICTION ONLY" },
  params = {
    theta = mp.theta(), T_train = mp.T_train(), n_params = mp.n_params(), T_eval = mp.T_eval(),
    gamma_random_obs = number { optional = true, doc = "γ measured on random tokens (tafrun profile)" },
  },
  notes = {
    "The imprint slope ν = −1/(2π) is an algebraic identity (proved in Lean) that did not reproduce on data: treat the imprint as refuted, the purity as a diagnostic only.",
  },
  run = function(p, chain)
    local P_M = p.n_params / 1e6
    local g_pade = chain:step {
      section = "§26.1", name = "γ_Padé", formula = "(2θ − T√2)/(2θ + T√2)",
      inputs = { theta = p.theta, T_eval = p.T_eval }, result = taf.gamma_pade(p.theta, p.T_eval),
      interpretation = function() return taf.gamma_phase_label(taf.gamma_pade(p.theta, p.T_eval)) end, receipt = "lean" }

    local pred = taf.gamma_random_predict(p.theta, p.T_eval, P_M)
    chain:step {
      section = "§28", name = "Imprint shift", formula = "ν·log10(max(P_M, 1e−3)/P₀), ν = −1/(2π), P₀ = 14M",
      inputs = { P_M = P_M }, result = pred - g_pade,
      interpretation = function() return string.format("%+.3f from model size (%.0fM params)", pred - g_pade, P_M) end,
      receipt = "refuted" }

    chain:step {
      section = "§28", name = "γ_random predicted", formula = "γ_Padé + ν·log10(P_M/P₀)",
      inputs = { theta = p.theta, T_eval = p.T_eval, P_M = P_M }, result = pred,
      interpretation = function() return string.format("expected γ on random tokens ≈ %.3f", pred) end, receipt = "refuted" }

    chain:factor("gamma_measured", p.gamma_random_obs and "ok" or "miss")
    chain:factor("imprint_law", "warn")

    if p.gamma_random_obs == nil then
      return { verdict = "PREDICTION ONLY",
        reason = function() return string.format("No measured γ_random: predicted %.3f (Padé %.3f %+.3f imprint).", pred,
          g_pade, pred - g_pade) end,
        mitigation = "Measure γ on random tokens (tafrun profile) and pass --set gamma_random_obs=VALUE." }
    end
    local ip = taf.imprint_purity(p.gamma_random_obs, p.theta, p.T_eval, P_M)
    chain:step {
      section = "§29", name = "Imprint purity", formula = "residual = γ_obs − γ_pred; clean if |residual| < 0.18",
      inputs = { gamma_random_obs = p.gamma_random_obs }, result = ip,
      interpretation = function() return string.format("residual %+.3f → %s", ip.imprint_residual, ip.purity) end,
      receipt = "data" }
    if ip.purity:match("^clean") then
      return { verdict = "CLEAN",
        reason = function() return string.format("Residual %+.3f inside the ±%.2f band.", ip.imprint_residual,
          ip.ci_95_half_width) end,
        mitigation = "None: the geometry plus size imprint accounts for the random-token γ." }
    elseif ip.imprint_residual < 0 then
      return { verdict = "OVER-IMPRINTED",
        reason = function() return string.format("Measured γ_random %.3f is %.3f below the prediction.", p.gamma_random_obs,
          -ip.imprint_residual) end,
        mitigation = "Check the measurement (R², sink tokens excluded) before reading training effects into it." }
    end
    return { verdict = "UNDER-IMPRINTED",
      reason = function() return string.format("Measured γ_random %.3f is %.3f above the prediction.", p.gamma_random_obs,
        ip.imprint_residual) end,
      mitigation = "Check the measurement (R², sink tokens excluded) before reading training effects into it." }
  end,
}

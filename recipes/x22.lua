-- X-22 · Compute-context invariant (upstream §30): K = γ·ln(N²D) against the
-- empirical panel band (mean 51.2, std 16.8).
local mp = require "lib.model_params"
local measure = require "lib.measure"

return recipe {
  id = "X-22", name = "Compute-Context Invariant",
  question = "Is this model inside the empirical K band?",
  category = "diagnostics", sections = { "§26", "§30" },
  verdicts = { "IN-BAND", "OUTLIER" },
  params = {
    theta = mp.theta(), T_train = mp.T_train(), n_params = mp.n_params(),
    gamma_obs = measure.gamma_obs("measured γ (tafrun profile)", true),
    D_tokens = mp.tokens { optional = true, doc = "training tokens (default 20·n_params)" },
    T_eval = mp.T_eval(),
  },
  notes = { "K is an empirical regularity of a small panel, not a law: use it to flag models worth a second look." },
  run = function(p, chain)
    local P_M = p.n_params / 1e6
    local D = p.D_tokens or 20 * p.n_params
    local inv = taf.compute_invariant_K(p.gamma_obs, P_M, D)
    chain:step {
      section = "§30", name = "Invariant K", formula = "K = γ·ln(N²·D)",
      inputs = { gamma_obs = p.gamma_obs, N = p.n_params, D = D }, result = inv.K,
      interpretation = function() return string.format("K = %.1f (panel 51.2 ± 16.8)", inv.K) end, receipt = "data" }
    chain:step {
      section = "§30", name = "z-score", formula = "z = (K − 51.2)/16.8",
      inputs = { K = inv.K }, result = inv.z_score,
      interpretation = function() return string.format("z = %+.2f → %s", inv.z_score, inv.interpretation) end,
      receipt = "data" }
    local g_pade = taf.gamma_pade(p.theta, p.T_eval)
    chain:step {
      section = "§26.1", name = "γ_obs − γ_Padé", formula = "γ_obs − (2θ − T√2)/(2θ + T√2)",
      inputs = { gamma_obs = p.gamma_obs, theta = p.theta, T_eval = p.T_eval }, result = p.gamma_obs - g_pade,
      interpretation = function() return string.format("measured %.3f vs Padé %.3f", p.gamma_obs, g_pade) end,
      receipt = "lean" }

    chain:factor("gamma_measured", "ok")
    chain:factor("panel_size", "warn")
    chain:factor("data_tokens", p.D_tokens and "ok" or "warn")

    if inv.in_distribution then
      return { verdict = "IN-BAND",
        reason = function() return string.format("K = %.1f is within one σ of the panel (z = %+.2f).", inv.K,
          inv.z_score) end,
        mitigation = "None." }
    end
    return { verdict = "OUTLIER",
      reason = function() return string.format("K = %.1f is a %s (z = %+.2f).", inv.K, inv.interpretation, inv.z_score) end,
      mitigation = "Re-measure γ (R² > 0.95, several corpora) and check D_tokens before drawing conclusions." }
  end,
}

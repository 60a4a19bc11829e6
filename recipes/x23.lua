-- X-23 · Induction-head phase detector (upstream §31): size predicts the
-- phase, the sign of γ_text − γ_random confirms it.
local mp = require "lib.model_params"

return recipe {
  id = "X-23", name = "IH-Phase Detector",
  question = "Is this model pre- or post-induction-head?",
  category = "diagnostics", sections = { "§31" },
  verdicts = { "CONFIRMED POST-IH", "CONFIRMED PRE-IH", "ANOMALY", "PREDICTED POST-IH", "PREDICTED PRE-IH" },
  params = {
    n_params = mp.n_params { doc = "parameter count N" },
    gamma_text = number { optional = true, doc = "γ measured on natural text" },
    gamma_random = number { optional = true, doc = "γ measured on random tokens" },
  },
  notes = { "The size threshold (400M) and the Δγ sign come from a small panel (means −0.19 / +0.03, std 0.26): overlapping distributions." },
  run = function(p, chain)
    local P_M = p.n_params / 1e6
    local expected = p.n_params >= 4e8 and "post-IH" or "pre-IH"
    chain:step {
      section = "§31", name = "Size prediction", formula = "post-IH if N ≥ 4e8",
      inputs = { n_params = p.n_params }, result = expected,
      interpretation = function() return string.format("%.0fM params → %s expected", P_M, expected) end, receipt = "data" }

    local measured = p.gamma_text ~= nil and p.gamma_random ~= nil
    chain:factor("size_rule", "warn")
    chain:factor("gamma_measured", measured and "ok" or "miss")
    if not measured then
      local which = expected == "post-IH" and "PREDICTED POST-IH" or "PREDICTED PRE-IH"
      return { verdict = which,
        reason = function() return string.format("Only size is known: %s expected at %.0fM params.", expected, P_M) end,
        mitigation = "Measure γ on text and on random tokens and pass --set gamma_text=… --set gamma_random=… to confirm." }
    end
    local ih = taf.ih_phase_check(p.gamma_text, p.gamma_random, P_M)
    chain:step {
      section = "§31", name = "Δγ discriminator", formula = "Δ = γ_text − γ_random; post-IH if Δ > 0",
      inputs = { gamma_text = p.gamma_text, gamma_random = p.gamma_random }, result = ih,
      interpretation = function() return string.format("Δ = %+.3f → observed %s", p.gamma_text - p.gamma_random,
        ih.phase_observed) end,
      receipt = "data" }
    if ih.phase_observed == expected then
      return { verdict = expected == "post-IH" and "CONFIRMED POST-IH" or "CONFIRMED PRE-IH",
        reason = function() return string.format("Size and Δγ = %+.3f agree: %s.", p.gamma_text - p.gamma_random,
          expected) end,
        mitigation = "None." }
    end
    return { verdict = "ANOMALY",
      reason = function() return string.format("Size predicts %s but Δγ = %+.3f says %s.", expected,
        p.gamma_text - p.gamma_random, ih.phase_observed) end,
      mitigation = "Re-measure both γ with R² > 0.95 on the same lengths; a real anomaly is worth reporting." }
  end,
}

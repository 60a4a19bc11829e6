-- X-18 · Prediction vs reality (upstream prediction_reality, §33.2 PDI;
-- cookbook recipe 2): does the measured γ agree with the geometric γ_Padé?
local mp = require "lib.model_params"
local measure = require "lib.measure"
local errors = require "lib.errors"
local fmt = require "lib.fmt"

-- |γ_obs − γ_Padé| within this counts as "matches" (upstream GAMMA_TOL).
local GAMMA_TOL = 0.1
-- PDI bands of §33.2: [0.5, 1.5] canonical, above sink-dominated, below over-concentrated.
local PDI_LO, PDI_HI = 0.5, 1.5

-- Confidence factors (ok = 1, warn = ½, miss = 0):
--   gamma_measured  ok: this recipe always compares against a measurement
--   fit_quality     R² > 0.95 ok, ≥ 0.85 warn, else miss; unknown warn
--   pade_validity   γ_Padé > 0 (T_eval < θ√2) ok, else miss
--   pade_accuracy   warn: γ_Padé is a centre, median error ~22% in Phase A

return recipe {
  id = "X-18", name = "Prediction vs Reality",
  question = "Does the measured γ agree with the geometric prediction γ_Padé (PDI, validity gate)?",
  category = "measurement", sections = { "§26", "§33", "§15" },
  verdicts = { "AGREES", "LONGER REACH THAN PREDICTED", "SHORTER REACH THAN PREDICTED",
               "OUTSIDE VALIDITY", "UNRELIABLE MEASUREMENT" },
  params = {
    theta = mp.theta(), T_train = mp.T_train(), T_eval = mp.T_eval(),
    attention = measure.attention(), sink_tokens = measure.sink_tokens(),
    fit_d1 = measure.fit_d1(), fit_d2 = measure.fit_d2(),
    gamma_obs = measure.gamma_obs("measured γ at context T_eval (tafrun profile)"), R2 = measure.R2(),
    n_attention_heads = mp.n_attention_heads { optional = true, doc = "query heads (for the γ decomposition)" },
    n_kv_heads = mp.n_kv_heads { optional = true, doc = "key/value heads (GQA when fewer than query heads)" },
    has_SWA = mp.has_SWA { doc = "sliding-window attention present" },
    n_params = mp.n_params { optional = true, doc = "parameter count N (for the γ decomposition)" },
  },
  notes = {
    "γ_Padé is the centre of the prediction, not the exact value (median error ~22% in Phase A); the Cayley form is proved in Lean, its accuracy is a data question.",
  },
  run = function(p, chain)
    if p.attention == nil and p.gamma_obs == nil then
      errors.missing("gamma_obs", "X-18 needs a measured γ (--set gamma_obs=… [--set R2=…]) "
        .. "or an attention file (--set attention=FILE)")
    end
    local m = measure.resolve("X-18", p)
    if m.gamma == nil then
      errors.usage("X-18: the attention file gave no γ fit (fewer than two usable distances); see X-12")
    end
    local g_obs = m.gamma

    local g_pade = chain:step {
      section = "§26.1", name = "γ_Padé", formula = "(2θ − T√2)/(2θ + T√2)",
      inputs = { theta = p.theta, T_eval = p.T_eval }, result = taf.gamma_pade(p.theta, p.T_eval),
      interpretation = function() return taf.gamma_phase_label(taf.gamma_pade(p.theta, p.T_eval)) end, receipt = "lean" }

    chain:step {
      section = "§15", name = "γ measured", formula = "log A(d) = c − γ·log d",
      inputs = { source = m.source, file = m.file, R2 = m.R2 }, result = g_obs,
      interpretation = function() return string.format("γ_obs = %.4f, fit %s", g_obs,
        m.R2 and string.format("R² %.3f (%s)", m.R2, measure.receipt(m.R2)) or "R² not given") end,
      receipt = "data" }

    local pade_valid = g_pade > 0
    local in_phase_A = g_obs > 0 and g_obs < 1
    local fit_usable = m.R2 == nil and "unchecked" or m.R2 >= measure.R2_COARSE
    local passes = pade_valid and in_phase_A and fit_usable ~= false
    local function why()
      return not pade_valid and string.format("T_eval = %s ≥ θ√2 = %s: γ_Padé ≤ 0",
          fmt.commas(p.T_eval), fmt.commas(p.theta * math.sqrt(2)))
        or not in_phase_A and string.format("γ_obs = %.3f outside (0, 1)", g_obs)
        or fit_usable == false and string.format("R² = %.3f < 0.85", m.R2)
        or "closed form and measurement both in Phase A"
    end
    chain:step {
      section = "§33.2", name = "Validity gate", formula = "T_eval < θ√2 · 0 < γ_obs < 1 · R² ≥ 0.85",
      inputs = { theta = p.theta, T_eval = p.T_eval, gamma_obs = g_obs, R2 = m.R2 },
      result = taf.json.ordered({ pade_valid = pade_valid, gamma_obs_in_phase_A = in_phase_A,
        fit_usable = fit_usable, passes = passes }, { "pade_valid", "gamma_obs_in_phase_A", "fit_usable", "passes" }),
      interpretation = function() return (passes and "passes: " or "fails: ") .. why() end, receipt = "derived" }

    local delta = g_obs - g_pade
    chain:step {
      section = "§15", name = "Δγ", formula = "γ_obs − γ_Padé; |Δγ| ≤ 0.1 matches",
      inputs = { gamma_obs = g_obs, gamma_pade = g_pade }, result = delta,
      interpretation = function() return string.format("%+.3f → %s", delta,
        math.abs(delta) <= GAMMA_TOL and "within ±0.1 of the prediction" or "outside ±0.1") end,
      receipt = "data" }

    local pdi = taf.pade_deviation_index(p.theta, g_obs, p.T_eval)
    chain:step {
      section = "§33.2", name = "Padé deviation index", formula = "PDI = θ(1−γ_obs)√2 / ((1+γ_obs)·T)",
      inputs = { theta = p.theta, gamma_obs = g_obs, T_eval = p.T_eval }, result = pdi,
      interpretation = function() return string.format("PDI = %s: %s; PDI = 1 ⟺ γ_obs = γ_Padé", fmt.f(pdi.PDI, 3),
        pdi.regime) end,
      receipt = "derived" }

    if p.n_attention_heads and p.n_kv_heads and p.n_params then
      local has_GQA = p.n_kv_heads < p.n_attention_heads
      local d = taf.gamma_decompose(g_pade, has_GQA, p.has_SWA or false, p.n_params)
      chain:step {
        section = "§26.10", name = "Residual after decomposition", formula = "γ_obs − (γ_Padé + δ_GQA + δ_SWA + δ_post_IH)",
        inputs = { has_GQA = has_GQA, has_SWA = p.has_SWA or false, n_params = p.n_params },
        result = g_obs - d.gamma_corrected, breakdown = d,
        interpretation = function() return string.format("γ_corrected = %.3f; residual %+.3f (training and data effects, "
          .. "±0.15 calibration)", d.gamma_corrected, g_obs - d.gamma_corrected) end,
        receipt = "data" }
      if d.calibration_warning then chain:note(d.calibration_warning) end
    end

    chain:factor("gamma_measured", "ok")
    chain:factor("fit_quality", measure.fit_status(m.R2))
    chain:factor("pade_validity", pade_valid and "ok" or "miss")
    chain:factor("pade_accuracy", "warn")

    local key = string.format("PDI = %s (Δγ %+.3f)", fmt.f(pdi.PDI, 2), delta)
    -- near γ = 1 the horizon, hence PDI, moves fast with γ: a small Δγ can still be a large PDI
    local function sensitive()
      return math.abs(delta) <= GAMMA_TOL
        and string.format(" |Δγ| = %.3f is within ±0.1, but near γ = 1 the horizon (so PDI) moves fast with γ.",
          math.abs(delta)) or ""
    end
    if fit_usable == false then
      return { verdict = "UNRELIABLE MEASUREMENT", key = key,
        reason = function() return string.format("R² = %.3f < 0.85: the measured γ is not a usable summary, so nothing "
          .. "can be compared.", m.R2) end,
        mitigation = "Re-measure (X-12): fit per layer, exclude sink keys, start the fit at d ≥ 30." }
    elseif not passes then
      return { verdict = "OUTSIDE VALIDITY", key = key,
        reason = function() return "The comparison is defined in Phase A only: " .. why() .. "." end,
        mitigation = g_obs >= 1 and "Phase B: decide from the measured γ directly (X-19 literature methods, X-2 with gamma_obs)."
          or "Evaluate at a context below θ√2, or raise θ (X-9), before comparing with γ_Padé." }
    elseif pdi.PDI >= PDI_LO and pdi.PDI <= PDI_HI then
      return { verdict = "AGREES", key = key,
        reason = function() return string.format("PDI = %.3f in [0.5, 1.5]: the measured horizon d_h(γ_obs) is within "
          .. "×1.5 of T_eval, as γ_Padé = %.3f predicts (Δγ %+.3f).", pdi.PDI, g_pade, delta) end,
        mitigation = "γ_Padé is a usable centre for this model at this context; re-measure after changing θ or context." }
    elseif pdi.PDI > PDI_HI then
      return { verdict = "LONGER REACH THAN PREDICTED", key = key,
        reason = function() return string.format("PDI = %.3f > 1.5: γ_obs = %.3f sits well below γ_Padé = %.3f (upstream "
          .. "reads this as sink-dominated or extreme alignment).", pdi.PDI, g_obs, g_pade) .. sensitive() end,
        mitigation = "Check the sink mass (X-11) and the fit range (X-12); if it holds, decide context limits from the "
          .. "measured γ (X-2 with gamma_obs), not from γ_Padé." }
    end
    return { verdict = "SHORTER REACH THAN PREDICTED", key = key,
      reason = function() return string.format("PDI = %.3f < 0.5: γ_obs = %.3f sits above γ_Padé = %.3f — attention "
        .. "concentrates more than the geometry predicts.", pdi.PDI, g_obs, g_pade) .. sensitive() end,
      mitigation = "Decide from the measured γ (X-2 with gamma_obs); plan a θ/YaRN extension (X-9) before serving "
        .. "beyond d_h(γ_obs)." }
  end,
}

-- X-2 · Long-context viability (seed formulas module, with the X-2 erratum of
-- FORMULAS.md §1: the closed-form horizon is tautological, a measured γ decides).
local mp = require "lib.model_params"
local fmt = require "lib.fmt"
local kvlib = require "lib.kv"
local measure = require "lib.measure"
local window = require "lib.window"

local function fine_tune_or_zero_shot(alpha)
  return alpha > 8 and "fine-tuning required" or "zero-shot may work"
end

local RECURRENT = { SSM = true, RWKV = true, LINEAR = true }
-- what the RoPE path needs beyond the declared parameters
local NEEDS = { "theta", "T_train", "n_attention_heads", "n_kv_heads", "d_head", "n_params" }

-- Models without RoPE (ALiBi, learned absolute positions, none) or without
-- attention (SSM, RWKV): §26's γ formulas do not apply; the verdict rests on
-- the architecture and the trained length only, and says so.
local function without_rope(p, chain)
  local recurrent = RECURRENT[p.architecture or ""] and (p.n_attention_layers or 0) == 0
  chain:step {
    section = "§26", name = "Position encoding", formula = "γ_Padé needs RoPE (θ)",
    inputs = { position = p.position, architecture = p.architecture },
    result = recurrent and p.architecture or (p.position or "unknown"),
    interpretation = recurrent and "no attention over the context: a constant-size state; γ_Padé, d_horizon and L_NIAH^c do not apply"
      or string.format("%s positions, no RoPE: γ_Padé, d_horizon and L_NIAH^c do not apply", p.position or "unknown"),
    receipt = "derived" }
  local kv, formula, how = kvlib.memory(p, p.T_eval, p.bytes_per_element)
  chain:step {
    section = "§19.1", name = "KV cache memory", formula = formula,
    inputs = { n_layers = p.n_layers, seq_len = p.T_eval, bytes_per_element = p.bytes_per_element },
    result = kv, interpretation = function() return string.format("%.2f GiB (%.2f GB) per request", kv.bytes / 1073741824, kv.GB) .. how end,
    receipt = "derived" }
  chain:factor("gamma_measured", p.gamma_obs ~= nil and "ok" or "warn")
  chain:factor("benchmark_evidence", "warn")
  chain:factor("validity", "miss")
  chain:factor("calibration", "warn")
  chain:note("TAF's γ formulas (§26) assume RoPE attention: this verdict rests on the architecture and the trained length only.")
  if p.gamma_obs ~= nil then chain:note("gamma_obs is not used: the Padé deviation index needs a RoPE base θ.") end
  local extra = { caveats = taf.json.array({}), horizon_source = "not_applicable" }
  local function out(verdict, reason, mitigation)
    return { verdict = verdict, reason = reason, mitigation = mitigation, extra = extra,
             basis = recurrent and "closed_form" or "trained_window" }
  end
  if recurrent then
    return out("DEGRADED", string.format("%s keeps the context in a fixed state of %s elements: recall of a needle at L=%d is lossy and unmeasured here.",
        p.architecture, p.state_elements and string.format("%.0f", p.state_elements) or "?", p.T_eval),
      "Measure NIAH/RULER at L on this model; for exact retrieval prefer an attention or hybrid model.")
  elseif p.T_train == nil then
    return out("DEGRADED", "The config states no trained context length, so L cannot be checked against it.",
      "Give --set T_train=… (the length the model was trained at).")
  elseif p.T_eval <= p.T_train then
    return out("YES", string.format("L=%d is within the trained length %d (%s positions).", p.T_eval, p.T_train,
      p.position or "unknown"), "None required.")
  elseif p.position == "absolute" then
    return out("NO", string.format("L=%d exceeds the %d learned positions: the model has no position embedding past T_train.",
      p.T_eval, p.T_train), string.format("Chunk the input to ≤ %d tokens, or use a model with RoPE and a longer context.", p.T_train))
  end
  return out("DEGRADED", string.format("L=%d is beyond the trained length %d: %s attention runs, but retrieval past T_train is unmeasured.",
      p.T_eval, p.T_train, p.position == "alibi" and "ALiBi" or "position-free"),
    string.format("Measure NIAH at L, or keep L ≤ %d.", p.T_train))
end

return recipe {
  id = "X-2", name = "Long Context Viability",
  question = "Will model M serve length L doing Needle-in-a-Haystack retrieval?",
  category = "long-context", sections = { "§26", "§33", "§19" },
  verdicts = { "YES", "DEGRADED", "NO" },
  params = window.params(mp.with_kv_layout {
    theta = mp.optional(mp.theta()), T_train = mp.optional(mp.T_train()), T_eval = mp.T_eval(),
    n_attention_heads = mp.optional(mp.n_attention_heads()), n_kv_heads = mp.optional(mp.n_kv_heads()),
    d_head = mp.optional(mp.d_head()), n_layers = mp.n_layers(), n_params = mp.optional(mp.n_params()),
    has_SWA = mp.has_SWA(),
    bytes_per_element = number { gt = 0, max = 8, default = 2.0, doc = "bytes per KV element (bf16 = 2, fp8 = 1)" },
    gamma_obs = measure.gamma_obs("measured γ (tafrun profile); decides the verdict when given"),
  }),
  run = function(p, chain)
    local no_rope = (p.position ~= nil and p.position ~= "rope" and p.position ~= "unknown")
      or (RECURRENT[p.architecture or ""] and (p.n_attention_layers or 0) == 0)
    if no_rope then return without_rope(p, chain) end
    mp.need(p, "X-2", NEEDS)
    local g_pade = chain:step {
      section = "§26.1", name = "γ_Padé", formula = "γ = (2θ − T√2)/(2θ + T√2)",
      inputs = { theta = p.theta, T_eval = p.T_eval }, result = taf.gamma_pade(p.theta, p.T_eval),
      interpretation = function() return taf.gamma_phase_label(taf.gamma_pade(p.theta, p.T_eval)) end, receipt = "lean" }

    local has_GQA = p.n_kv_heads < p.n_attention_heads
    local decomp = taf.gamma_decompose(g_pade, has_GQA, p.has_SWA, p.n_params)
    local g = chain:step {
      section = "§26.10", name = "γ-decomposition", formula = "γ + δ_GQA + δ_SWA + δ_post_IH",
      inputs = { has_GQA = has_GQA, has_SWA = p.has_SWA, n_params = p.n_params },
      result = decomp.gamma_corrected, breakdown = decomp,
      interpretation = function() return string.format("γ_corrected = %.3f (δ_GQA %+.2f, δ_SWA %+.2f, δ_post_IH %+.2f)",
        decomp.gamma_corrected, decomp.delta_GQA, decomp.delta_SWA, decomp.delta_post_IH) end,
      receipt = "data" }

    -- d_horizon(θ, γ_Padé(θ, T)) ≡ T for every T < θ√2: the closed form cannot
    -- say more than T_eval itself; only the δ-corrections move it.
    local dh = taf.d_horizon(p.theta, g)
    local native = taf.d_horizon(p.theta, taf.gamma_pade(p.theta, p.T_train))
    chain:step {
      section = "§26.2", name = "d_horizon", formula = "d_h = θ(1−γ)√2/(1+γ)",
      inputs = { theta = p.theta, gamma = g }, result = dh,
      interpretation = function() return (dh and string.format("horizon at d=%.0f", dh) or "n/a — γ outside (0,1)")
        .. string.format("; identity d_h(γ_Padé(θ,T)) ≡ T; native horizon at T_train: %s",
          native and string.format("%.0f", native) or "n/a (T_train ≥ θ√2)") end,
      receipt = "derived" }

    local l_niah = taf.l_niah_c(dh)
    chain:step {
      section = "§26.5", name = "L_NIAH^c", formula = "L_NIAH^c = 2·d_horizon",
      inputs = { d_horizon = dh }, result = l_niah,
      interpretation = function() return l_niah and string.format("NIAH 50%% at L=%.0f", l_niah) or "n/a" end,
      receipt = "derived" }

    local p_hallu = taf.p_hallucinate(p.T_eval, p.theta, g)
    chain:step {
      section = "§26.9", name = "P_hallucinate", formula = "max(0,1−(d_h/L)^(1−γ))·√χ/(1+√χ)",
      inputs = { L = p.T_eval, theta = p.theta, gamma = g }, result = p_hallu,
      interpretation = function() return p_hallu and string.format("%.1f%% predicted", p_hallu * 100) or "n/a (Phase B)" end,
      receipt = "provisional" }

    local kv, kv_formula, kv_how = kvlib.memory(p, p.T_eval, p.bytes_per_element)
    chain:step {
      section = "§19.1", name = "KV cache memory", formula = kv_formula,
      inputs = { n_layers = p.n_layers, n_kv_heads = p.n_kv_heads, d_head = p.d_head,
                 seq_len = p.T_eval, bytes_per_element = p.bytes_per_element },
      result = kv, interpretation = function() return string.format("%.2f GiB (%.2f GB) per request", kv.bytes / 1073741824, kv.GB) .. kv_how end,
      receipt = "derived" }

    local caveats = {
      "d_horizon(γ_Padé(θ, T_eval)) equals T_eval identically; without a measured γ the verdict is driven only by the δ-corrections.",
    }
    if decomp.calibration_warning then caveats[#caveats + 1] = decomp.calibration_warning end
    local measured = p.gamma_obs ~= nil
    local pdi
    if measured then
      pdi = taf.pade_deviation_index(p.theta, p.gamma_obs, p.T_eval)
      chain:step {
        section = "§33.2", name = "Padé deviation index", formula = "PDI = θ(1−γ_obs)√2 / ((1+γ_obs)·T)",
        inputs = { theta = p.theta, gamma_obs = p.gamma_obs, T_eval = p.T_eval }, result = pdi,
        interpretation = function() return string.format("PDI = %s (%s); PDI = 1 ⟺ γ_obs = γ_Padé",
          fmt.f(pdi.PDI, 3), tostring(pdi.regime or pdi.label or "")) end,
        receipt = "derived" }
    end

    chain:factor("gamma_measured", measured and "ok" or "warn")
    chain:factor("benchmark_evidence", measured and "ok" or "warn")
    chain:factor("validity", (g > 0 and g < 1) and "ok" or "miss")
    chain:factor("calibration", (p.has_SWA or decomp.delta_post_IH ~= 0) and "warn" or "ok")
    for _, c in ipairs(caveats) do chain:note(c) end

    local extra = { caveats = taf.json.array(caveats),
                    horizon_source = measured and "measured" or "closed_form_tautological",
                    pdi = pdi }
    local function out(verdict, reason, mitigation)
      return { verdict = verdict, reason = reason, mitigation = mitigation, extra = extra,
               basis = measured and "measured" or "closed_form" }
    end

    if measured then
      window.step(chain, p, p.T_eval)
      local dh_obs = taf.d_horizon(p.theta, p.gamma_obs)
      if p.gamma_obs >= 1 or dh_obs == nil then
        local a = taf.alpha_opt(0.85, p.T_eval, p.theta)
        return out("NO", function() return string.format("measured γ=%.3f: no horizon (γ_obs outside (0,1)).", p.gamma_obs) end,
          function() return string.format("Apply NTK-aware extension: α_opt = %.2f (%s).", a, fine_tune_or_zero_shot(a)) end)
      elseif p.T_eval < dh_obs then
        return out("YES", function() return string.format("L=%d inside the measured horizon d_h=%.0f (%.0f%% margin).",
          p.T_eval, dh_obs, (1 - p.T_eval / dh_obs) * 100) end, "None required.")
      elseif p.T_eval < 2 * dh_obs then
        return out("DEGRADED", function() return string.format("L between the measured d_horizon (%.0f) and 2·d_horizon (%.0f).",
          dh_obs, 2 * dh_obs) end, "Consider context contraction OR NTK extension.")
      end
      return out("NO", function() return string.format("L=%d exceeds the measured NIAH ceiling %.0f.", p.T_eval, 2 * dh_obs) end,
        function() return string.format("Apply NTK extension; need θ ≈ %s for γ=0.85.",
          fmt.commas(taf.theta_design(0.85, p.T_eval))) end)
    end

    -- The closed form alone (the seed's X-2), then the usable window: past W
    -- it cannot vouch for YES (the horizon is tautological, the model never
    -- saw such positions); within W a Phase-B NO contradicts a model trained
    -- or fine-tuned at that length. Either departure is an erratum.
    local seed = (function()
      if g <= 0 or g >= 1 then
        local a = taf.alpha_opt(0.85, p.T_eval, p.theta)
        return out("NO", "Phase B / geometric collapse (γ_corrected outside (0,1))",
          function() return string.format("Apply NTK-aware extension. Required θ for γ=0.85: %s. α_opt = %.2f (%s).",
            fmt.commas(taf.theta_design(0.85, p.T_eval)), a, fine_tune_or_zero_shot(a)) end)
      elseif dh ~= nil and p.T_eval < dh then
        return out("YES", function() return string.format("L=%d inside d_horizon=%.0f (%.0f%% margin).",
          p.T_eval, dh, (1 - p.T_eval / dh) * 100) end, "None required.")
      elseif dh ~= nil and p.T_eval < l_niah then
        return out("DEGRADED", function() return string.format("L between d_horizon (%.0f) and L_NIAH^c (%.0f).", dh, l_niah) end,
          "Consider context contraction OR NTK extension.")
      end
      return out("NO", function() return string.format("L=%d exceeds NIAH ceiling %.0f.", p.T_eval, l_niah) end,
        function() return string.format("Apply NTK extension; need θ ≈ %s for γ=0.85.",
          fmt.commas(taf.theta_design(0.85, p.T_eval))) end)
    end)()
    local w = window.of(p)
    if p.T_eval > w.W and seed.verdict ~= "NO" then
      window.step(chain, p, p.T_eval, function() return string.format("the closed form says %s, but past the usable "
        .. "window nothing measured supports it; the seed's verdict was %s", seed.verdict, seed.verdict) end, w)
      chain:note(function() return string.format("X-2 erratum: the seed's closed-form verdict %s is replaced by NO: "
        .. "L = %s is past the usable window %s.", seed.verdict, fmt.commas(p.T_eval), fmt.commas(w.W)) end)
      local o = out("NO", function() return string.format("L=%s is %.3g× past the usable window %s (%s); the closed-form "
          .. "horizon cannot vouch beyond it and no γ was measured.", fmt.commas(p.T_eval), p.T_eval / w.W, fmt.commas(w.W),
          window.text(w)) end,
        function() return string.format("Keep L ≤ %s, or extend the window (tafrun x9 --set T_target=%d) and measure γ "
          .. "at L (tafrun profile).", fmt.commas(w.W), p.T_eval) end)
      o.basis = "trained_window"
      return o
    elseif p.T_eval <= w.W and seed.verdict == "NO" then
      window.step(chain, p, p.T_eval, function() return string.format("the closed form puts L in Phase B, but the model "
        .. "was %s this length; the seed's verdict was NO",
        w.shipped and w.W > w.T_train and "fine-tuned with its shipped rope_scaling to" or "trained at") end, w)
      chain:note(function() return string.format("X-2 erratum: the seed's closed-form verdict NO is replaced by YES: "
        .. "L = %s is within the usable window %s.", fmt.commas(p.T_eval), fmt.commas(w.W)) end)
      local o = out("YES", function() return string.format("L=%s is within the usable window %s (%s); the seed's closed "
          .. "form (Phase B at this θ) does not hold for a model trained or extended to this length.",
          fmt.commas(p.T_eval), fmt.commas(w.W), window.text(w)) end,
        "None required; measure NIAH/RULER at L for a figure (tafrun profile gives γ).")
      o.basis = "trained_window"
      return o
    end
    window.step(chain, p, p.T_eval, nil, w)
    return seed
  end,
}

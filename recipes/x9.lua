-- X-9 · Context extension plan (cookbook recipe 5, ch. 19; upstream
-- js/yarn_planner.js; θ_design, α_opt): the rope_scaling block that takes a
-- model from its trained context T to L with linear interpolation (PI),
-- dynamic NTK or YaRN, the γ each method is modelled to buy at L, and a
-- zero-shot vs fine-tune verdict.
--   s = L/T; linear: γ_Padé(θ, L/s) (positions compressed by s);
--   dynamic NTK: θ' = θ·(s·L/T − (s − 1))^(d/(d−2)) at L (transformers' formula);
--   YaRN: θ' ≈ θ·s (upstream first-order estimate), attention temperature 0.1·ln s + 1;
--   θ_design(γ*, L) = L√2(1+γ*)/(2(1−γ*)), α_opt = θ_design/θ.
-- Verdict on the chosen method's γ_eff (upstream): ≤ 0.2 collapses; s > 4 or α_opt > 8
-- needs fine-tuning; ≥ 0.6 zero-shot may work; otherwise usable with care.
--
-- Confidence factors:
--   headroom_rule  warn always: the γ headroom rule (γ_eff bands, α_opt > 8) is unvalidated
--                  (the passkey validation crashed before it discriminated)
--   theta_eff      ok for linear PI (exact position map); warn for dynamic NTK and YaRN
--                  (effective bases are first-order models of non-uniform rescalings)
--   factor         ok for s ≤ 4; warn beyond (aggressive stretch)
--   benchmarks     warn always: no retrieval benchmark at L was run (check NIAH/RULER after)
--   shipped_scaling (models that already ship rope_scaling, e.g. llama3 or YaRN) ok when L
--                  stays inside the window the shipped block reaches; warn beyond it, where
--                  this plan stretches an already-scaled model from that window
--
-- A model that ships rope_scaling was fine-tuned at its extended window T_ext
-- (max_position_embeddings; the preset's T_train, or --config's T_max): the
-- plan starts from T_ext, not from original_max_position_embeddings.
local mp = require "lib.model_params"
local fmt = require "lib.fmt"

-- The rope_scaling block as config.json takes it (transformers ≥ 4.43 keys; floats as floats).
-- Listed keys that are absent would encode as null, so each kind lists only its own.
local function block(kind, s, T)
  if kind == "yarn" then
    return taf.json.ordered({ rope_type = kind, factor = s + 0.0, original_max_position_embeddings = T,
      beta_fast = 32.0, beta_slow = 1.0 }, { "rope_type", "factor", "original_max_position_embeddings", "beta_fast", "beta_slow" })
  end
  return taf.json.ordered({ rope_type = kind, factor = s + 0.0 }, { "rope_type", "factor" })
end

-- The config.json lines: dynamic NTK keeps max_position_embeddings at T (it grows the
-- base past it); linear and YaRN announce L.
local function snippet(kind, s, T, L)
  return taf.json.encode(taf.json.ordered({ rope_scaling = block(kind, s, T),
    max_position_embeddings = kind == "dynamic" and T or L }, { "rope_scaling", "max_position_embeddings" }))
end

return recipe {
  id = "X-9", name = "Context Extension Plan",
  question = "How do I set rope_scaling (PI / dynamic NTK / YaRN) to reach length L, and will quality hold?",
  category = "long-context", sections = { "§14", "§19", "§26" },
  verdicts = { "NO EXTENSION NEEDED", "ZERO-SHOT MAY WORK", "USE WITH CARE", "FINE-TUNE REQUIRED", "DEGRADES" },
  params = {
    theta = mp.theta { gt = 1, doc = "RoPE base θ (rope_theta)" },
    T_train = mp.T_train { doc = "trained context T (original_max_position_embeddings when already scaled)" },
    d_head = mp.d_head { min = 4, doc = "head dimension (rotary dimension)" },
    T_target = integer { min = 1, max = 100000000, doc = "target context length L (tokens)" },
    rope_type = choice { choices = { "auto", "linear", "dynamic", "yarn" }, default = "auto",
                         doc = "method; auto: linear below 2×, YaRN from 2× (upstream)" },
    gamma_target = number { gt = 0, lt = 1, default = 0.85, doc = "γ to keep at L for θ_design / α_opt" },
    shipped_type = text { from = "rope_scaling.rope_type|rope_scaling.type", optional = true,
                          doc = "rope_scaling type the model already ships (read from --model / --config)" },
    shipped_factor = number { from = "rope_scaling.factor", gt = 0, optional = true, doc = "factor of the shipped rope_scaling" },
    T_original = integer { from = "rope_scaling.original_max_position_embeddings", min = 1, optional = true,
                           doc = "original_max_position_embeddings of the shipped rope_scaling" },
    T_max = mp.T_max { min = 1, optional = true,
                      doc = "max_position_embeddings: the window the shipped rope_scaling reaches (--config gives it)" },
  },
  notes = {
    "The γ-based headroom rule behind this verdict is unvalidated (its passkey test crashed before it discriminated): treat the verdict as a starting point, not a guarantee.",
    "In the Padé model γ depends on L/θ only, so linear PI (L/s) and the first-order YaRN base (θ·s) predict the same γ_eff; they differ in which frequencies they touch: PI squeezes the fast, local pairs too, YaRN leaves them alone and interpolates only the slow ones.",
    "Longer context is not used uniformly (lost in the middle): check retrieval across the whole length (NIAH, RULER) after extending; perplexity alone stays low while retrieval collapses.",
  },
  run = function(p, chain)
    local L, d = p.T_target, p.d_head
    local shipped = p.shipped_type ~= nil and p.shipped_type ~= "default"
    local T = shipped and math.max(p.T_max or p.T_train, p.T_train) or p.T_train
    if shipped then
      local from = p.T_original or (p.T_train < T and p.T_train) or nil
      -- without max_position_embeddings, a T_train equal to the original
      -- length says nothing about the window the shipped block reaches
      local known = not (from ~= nil and T <= from)
      chain:step {
        section = "§19", name = "Shipped rope_scaling", formula = "T_ext = max_position_embeddings",
        inputs = { rope_type = p.shipped_type, factor = p.shipped_factor, original_max_position_embeddings = from },
        result = T,
        interpretation = function() return string.format("the model already ships %s%s%s: %s",
          p.shipped_type, p.shipped_factor and string.format(" ×%.6g", p.shipped_factor) or "",
          from and (" from " .. fmt.commas(from)) or "",
          p.shipped_type == "dynamic" and string.format("θ grows at inference past %s tokens (no fine-tuning at a longer window)", fmt.commas(T))
            or known and string.format("it was fine-tuned to reach %s tokens", fmt.commas(T))
            or "the window it reaches is unknown (give --set T_max=max_position_embeddings); planning from T_train") end,
        receipt = known and "data" or "provisional" }
    end
    local s = L / T
    chain:step {
      section = "§19", name = "Stretch factor", formula = "s = L / T_train",
      inputs = { T_target = L, T_train = T }, result = s,
      interpretation = s <= 1 and "L is inside the trained context: nothing to extend"
        or function() return string.format("%.3g× the trained context%s", s, s > 4 and " (aggressive: > 4×)" or "") end,
      receipt = "derived" }

    local g_naive = taf.gamma_pade(p.theta, L)
    chain:step {
      section = "§26.1", name = "γ_Padé at L, no extension", formula = "(2θ − L√2)/(2θ + L√2)",
      inputs = { theta = p.theta, L = L }, result = g_naive,
      interpretation = function() return taf.gamma_phase_label(g_naive) end, receipt = "lean" }

    local th = taf.theta_design(p.gamma_target, L)
    local alpha = taf.alpha_opt(p.gamma_target, L, p.theta)
    chain:step {
      section = "§26.3 / §26.4", name = "θ_design and α_opt", formula = "θ_design = L√2(1+γ*)/(2(1−γ*)); α = θ_design/θ",
      inputs = { gamma_target = p.gamma_target, L = L, theta = p.theta },
      result = taf.json.ordered({ theta_design = th, alpha_opt = alpha }, { "theta_design", "alpha_opt" }),
      interpretation = function() return string.format("θ ≈ %s keeps γ = %.2f at L: %.2f× the current base (%s)%s",
        fmt.commas(th), p.gamma_target, alpha, alpha > 8 and "> 8: fine-tuning required" or "≤ 8: zero-shot may work",
        taf.gamma_pade(p.theta, T) < p.gamma_target and string.format("; the model's own γ at T_train is %.2f, below the target",
          taf.gamma_pade(p.theta, T)) or "") end,
      receipt = "provisional" }

    if s <= 1 then
      chain:factor("headroom_rule", "warn")
      chain:factor("theta_eff", "ok")
      chain:factor("factor", "ok")
      chain:factor("benchmarks", "warn")
      if shipped then
        chain:factor("shipped_scaling", "ok")
        return { verdict = "NO EXTENSION NEEDED", key = string.format("L/T_ext = %.3g", s),
          reason = function() return string.format("L = %s ≤ %s, the window the model reaches with the %s rope_scaling "
            .. "it ships.", fmt.commas(L), fmt.commas(T), p.shipped_type) end,
          mitigation = "Keep the shipped rope_scaling block as it is." }
      end
      return { verdict = "NO EXTENSION NEEDED", key = string.format("L/T = %.3g", s),
        reason = function() return string.format("L = %s ≤ T_train = %s: the model was trained at this length.",
          fmt.commas(L), fmt.commas(T)) end,
        mitigation = "Keep rope_scaling unset." }
    end
    if shipped then
      chain:factor("shipped_scaling", "warn")
      chain:note(function() return string.format("The model already ships rope_scaling %s and was fine-tuned at %s "
        .. "tokens with it: this plan stretches that extended window, and its block replaces the shipped one. The γ "
        .. "estimates use the unscaled base θ. Prefer a longer-context release of the model, or fine-tune at L.",
        p.shipped_type, fmt.commas(T)) end)
    end

    local methods = {}
    local g_lin = taf.gamma_pade(p.theta, L / s)
    methods.linear = { gamma_eff = g_lin, theta_eff = p.theta }
    chain:step {
      section = "§19", name = "Linear PI", formula = "positions ÷ s: γ_Padé(θ, L/s)",
      inputs = { theta = p.theta, factor = s }, result = g_lin,
      interpretation = function() return string.format("γ_eff = %.3f: the trained pattern, but fine local resolution "
        .. "squeezed by %.3g×", g_lin, s) end,
      receipt = "provisional" }

    local th_dyn = taf.dynamic_ntk_theta(p.theta, s, d, L, T)
    local g_dyn = taf.gamma_pade(th_dyn, L)
    methods.dynamic = { gamma_eff = g_dyn, theta_eff = th_dyn }
    chain:step {
      section = "§19", name = "Dynamic NTK", formula = "θ' = θ·(s·L/T − (s−1))^(d/(d−2)); γ_Padé(θ', L)",
      inputs = { theta = p.theta, factor = s, d_head = d, L = L }, result = g_dyn,
      interpretation = function() return string.format("θ' = %s at L; γ_eff = %.3f (base grows only past T)",
        fmt.commas(th_dyn), g_dyn) end,
      receipt = "provisional" }

    local th_yarn = p.theta * s
    local g_yarn = taf.gamma_pade(th_yarn, L)
    local range = taf.yarn_correction_range(p.theta, d, T)
    local mscale = taf.yarn_mscale(s)
    methods.yarn = { gamma_eff = g_yarn, theta_eff = th_yarn }
    chain:step {
      section = "§19", name = "YaRN", formula = "θ' ≈ θ·s; γ_Padé(θ', L); mscale = 0.1·ln s + 1",
      inputs = { theta = p.theta, factor = s, beta_fast = 32, beta_slow = 1 }, result = g_yarn,
      interpretation = function() return string.format("γ_eff = %.3f; pairs 0–%d keep their frequency, %d+ are interpolated; attention ×%.3f (NTK-aware bound θ·s^(d/(d−2)) = %s)",
        g_yarn, range.low, range.high, mscale, fmt.commas(taf.ntk_theta(p.theta, s, d))) end,
      receipt = "provisional" }

    local kind = p.rope_type
    if kind == "auto" then kind = s < 2 and "linear" or "yarn" end
    local chosen = methods[kind]
    local config = snippet(kind, s, T, L)
    chain:step {
      section = "§19", name = "rope_scaling block", formula = "config.json: rope_scaling + max_position_embeddings",
      inputs = { rope_type = kind, factor = s, original_max_position_embeddings = T }, result = config,
      interpretation = function() return string.format("%s (%s)", kind, p.rope_type == "auto" and "chosen by the factor"
        or "as asked") end,
      receipt = "derived" }

    chain:factor("headroom_rule", "warn")
    chain:factor("theta_eff", kind == "linear" and "ok" or "warn")
    chain:factor("factor", s <= 4 and "ok" or "warn")
    chain:factor("benchmarks", "warn")

    local llama_cpp = kind ~= "dynamic"
      and string.format("--rope-scaling %s --rope-scale %.6g%s -c %d", kind, s,
        kind == "yarn" and string.format(" --yarn-orig-ctx %d", T) or "", L) or nil
    local extra = {
      rope_scaling = taf.json.ordered({ linear = block("linear", s, T), dynamic = block("dynamic", s, T),
        yarn = block("yarn", s, T) }, { "linear", "dynamic", "yarn" }),
      config_snippet = config, llama_cpp_flags = llama_cpp,
      gamma_eff = taf.json.ordered({ linear = g_lin, dynamic = g_dyn, yarn = g_yarn }, { "linear", "dynamic", "yarn" }),
    }
    local function how()
      return string.format("config.json: %s%s", config:sub(2, -2), llama_cpp and (" (llama.cpp: " .. llama_cpp .. ")") or "")
    end
    local ge = chosen.gamma_eff
    local key = string.format("%s ×%.3g, γ_eff %.2f, α_opt %.2f", kind, s, ge, alpha)
    if not (ge > 0.2) then
      return { verdict = "DEGRADES", extra = extra, key = key,
        reason = function() return string.format("%s at %.3g×: γ_eff = %.3f ≤ 0.2 — attention is predicted to collapse "
          .. "at L = %s.", kind, s, ge, fmt.commas(L)) end,
        mitigation = function() return string.format("Raise θ towards θ_design ≈ %s and fine-tune at L; or choose a "
          .. "smaller L. If you still try: %s", fmt.commas(th), how()) end }
    elseif s > 4 or alpha > 8 then
      return { verdict = "FINE-TUNE REQUIRED", extra = extra, key = key,
        reason = function() return string.format("%s%s: γ_eff = %.3f with %s.",
          s > 4 and string.format("stretch %.3g× > 4×", s) or "",
          alpha > 8 and string.format("%sα_opt = %.2f > 8", s > 4 and " and " or "", alpha) or "", ge, kind) end,
        mitigation = function() return string.format("%s, then fine-tune on long documents at L (a few hundred steps is "
          .. "typical for YaRN/PI).", how()) end }
    elseif ge >= 0.6 then
      return { verdict = "ZERO-SHOT MAY WORK", extra = extra, key = key,
        reason = function() return string.format("%s at %.3g×: γ_eff = %.3f ≥ 0.6 and α_opt = %.2f ≤ 8.", kind, s, ge,
          alpha) end,
        mitigation = function() return how() .. "; verify with a needle test at L before relying on it." end }
    end
    return { verdict = "USE WITH CARE", extra = extra, key = key,
      reason = function() return string.format("%s at %.3g×: γ_eff = %.3f is between 0.2 and 0.6.", kind, s, ge) end,
      mitigation = function() return how() .. "; put what matters at the edges of the context and check retrieval at L; "
        .. "a short fine-tune helps." end }
  end,
}

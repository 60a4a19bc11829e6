-- X-17 · Depth map (upstream js/depth.js): the two geometric axes of a
-- RoPE model from its config alone — distance (γ_geom, the Padé centre) and
-- depth (L_crit, the layer where the attention regime changes) — with the
-- three RoPE scales and, when a measured γ is given, the trained
-- displacement δ = γ_obs − γ_geom.
--   γ_geom = (2θ − T√2)/(2θ + T√2)
--   L_crit/N = log_θ(T/2π)·(d_head/64)^(1/√12);  L_crit = clamp(round(frac·N), 1, N)
-- Verdict: where the landmark falls, in descriptive thirds of the depth (early < 1/3 ≤
-- mid < 2/3 ≤ late ≤ 1); outside (0, 1] there is no transition inside the network.
--
-- Confidence factors:
--   lcrit_formula  warn always: L_crit/N is a config-derived landmark, not measured on
--                  this model (transport/writing/commitment need running it)
--   gamma_source   ok with a measured γ_obs; warn with the closed form only
--   in_range       ok when 0 < L_crit/N ≤ 1; miss outside (no landmark inside the network)
local mp = require "lib.model_params"
local fmt = require "lib.fmt"
local measure = require "lib.measure"

return recipe {
  id = "X-17", name = "Depth Map",
  question = "At which layer does the attention regime change (L_crit/N), next to γ_geom?",
  category = "long-context", sections = { "§14", "§26" },
  verdicts = { "EARLY TRANSITION", "MID-DEPTH TRANSITION", "LATE TRANSITION", "NO TRANSITION WITHIN DEPTH" },
  params = {
    theta = mp.theta { gt = 1, doc = "RoPE base θ (rope_theta)" },
    T_train = mp.T_train { optional = true, doc = "training context length" },
    T_eval = mp.T_eval { doc = "context length T (tokens)" },
    d_head = mp.d_head { min = 2, doc = "head dimension (rotary pairs: at least 2)" },
    n_layers = mp.n_layers { doc = "transformer layers N" },
    gamma_obs = measure.gamma_obs("measured γ (tafrun profile) for the trained displacement δ"),
  },
  notes = {
    "L_crit is a landmark of the attention regime from the config, not the knee of any accuracy curve; models can show two transitions, and what happens at each layer (transport, writing, commitment) needs measuring the model itself.",
  },
  run = function(p, chain)
    local T = p.T_eval
    local gg = taf.gamma_pade(p.theta, T)
    chain:step {
      section = "§26.1", name = "γ_geom (distance axis)", formula = "(2θ − T√2)/(2θ + T√2)",
      inputs = { theta = p.theta, T = T }, result = gg,
      interpretation = function() return taf.gamma_phase_label(gg) end, receipt = "lean" }

    local frac = taf.lcrit_fraction(p.theta, T, p.d_head)
    chain:step {
      section = "Part III", name = "L_crit/N (depth axis)", formula = "log_θ(T/2π)·(d_head/64)^(1/√12)",
      inputs = { theta = p.theta, T = T, d_head = p.d_head }, result = frac,
      interpretation = function() return string.format("regime transition at %.0f%% of the depth", frac * 100) end,
      receipt = "provisional" }

    local inside = frac > 0 and frac <= 1
    local layer = math.max(1, math.min(p.n_layers, math.floor(frac * p.n_layers + 0.5)))
    chain:step {
      section = "Part III", name = "L_crit layer", formula = "clamp(round(L_crit/N · N), 1, N)",
      inputs = { n_layers = p.n_layers, fraction = frac }, result = layer,
      interpretation = function() return inside and string.format("≈ layer %d of %d", layer, p.n_layers)
        or string.format("fraction %.2f outside (0, 1]: clamped to layer %d", frac, layer) end,
      receipt = "derived" }

    chain:step {
      section = "§14", name = "RoPE scales", formula = "λ₀ = 2π; T_cross = 2π√θ; T_max = 2πθ",
      inputs = { theta = p.theta },
      result = taf.json.ordered({ lambda_0 = taf.rope_wavelength(p.theta, 0, 2), T_cross = taf.rope_t_cross(p.theta),
        T_max = taf.rope_t_max(p.theta) }, { "lambda_0", "T_cross", "T_max" }),
      interpretation = function() return string.format("local scale 2π, degrades past %s, runs out at %s tokens",
        fmt.commas(taf.rope_t_cross(p.theta)), fmt.commas(taf.rope_t_max(p.theta))) end,
      receipt = "derived" }

    local delta
    if p.gamma_obs then
      delta = p.gamma_obs - gg
      local lead = delta < -0.08 and "early band position" or delta > 0.08 and "mid band position" or "no displacement"
      chain:step {
        section = "Part III", name = "Trained displacement δ", formula = "δ = γ_obs − γ_geom (|δ| > 0.08 leads)",
        inputs = { gamma_obs = p.gamma_obs, gamma_geom = gg }, result = delta,
        interpretation = function() return string.format("δ = %+.3f: %s (exploratory lead)", delta, lead) end,
        receipt = "provisional" }
      chain:note("δ = γ_obs − γ_geom as a band-position lead is exploratory (not replicated).")
    end

    chain:factor("lcrit_formula", "warn")
    chain:factor("gamma_source", p.gamma_obs and "ok" or "warn")
    chain:factor("in_range", inside and "ok" or "miss")

    local extra = { lcrit_fraction = frac, lcrit_layer = layer, gamma_geom = gg, delta = delta }
    local key = string.format("L_crit ≈ %d/%d (%.2f)", layer, p.n_layers, frac)
    local function where()
      return string.format("L_crit/N = %.3f → layer %d of %d (γ_geom = %.3f at T = %s)", frac, layer, p.n_layers, gg,
        fmt.commas(T))
    end
    local mit = "Probe around that layer first (logit lens, attention maps); confirm with a measured γ (tafrun profile, X-12)."
    if not inside then
      return { verdict = "NO TRANSITION WITHIN DEPTH", extra = extra, key = key,
        reason = function() return where() .. string.format(": the landmark falls %s the network.",
          frac > 1 and "beyond the last layer of" or "before") end,
        mitigation = "The regime does not change inside this network at this T; compare at another context length." }
    elseif frac < 1 / 3 then
      return { verdict = "EARLY TRANSITION", reason = function() return where() .. "." end, mitigation = mit, extra = extra,
        key = key }
    elseif frac < 2 / 3 then
      return { verdict = "MID-DEPTH TRANSITION", reason = function() return where() .. "." end, mitigation = mit,
        extra = extra, key = key }
    end
    return { verdict = "LATE TRANSITION", reason = function() return where() .. "." end, mitigation = mit, extra = extra,
      key = key }
  end,
}

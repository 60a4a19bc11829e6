-- X-12 · Measure γ (cookbook recipe 1, SPEC §9): the decay exponent of mean
-- attention with distance, A(d) ∝ d^−γ, and whether the fit deserves trust.
local measure = require "lib.measure"
local fmt = require "lib.fmt"

-- Confidence factors (ok = 1, warn = ½, miss = 0):
--   fit_quality      the cookbook receipt: R² > 0.95 ok, ≥ 0.85 warn, else miss
--   fit_points       points in the fit: ≥ 5 ok, 3–4 warn, ≤ 2 miss (two points
--                    always give R² = 1); unknown (γ given) warn
--   measured_here    profiled by tafrun ok; a γ measured elsewhere warn (its
--                    fit range, sink handling and prompts cannot be checked)
--   layer_agreement  only for per-layer dumps: per-layer γ within 0.5 of each
--                    other ok, else warn (a model-level γ then mixes unlike heads)
local MIN_POINTS_OK, MIN_POINTS_WARN = 5, 3
local LAYER_SPREAD_OK = 0.5

return recipe {
  id = "X-12", name = "Measure γ",
  question = "What is this model's attention decay exponent γ, and can I trust it?",
  category = "measurement", sections = { "§9", "§15", "§21", "§17" },
  verdicts = { "RELIABLE", "COARSE", "UNRELIABLE", "NO FIT" },
  params = {
    attention = measure.attention(), sink_tokens = measure.sink_tokens(),
    fit_d1 = measure.fit_d1(), fit_d2 = measure.fit_d2(),
    gamma_obs = measure.gamma_obs(), R2 = measure.R2(),
    n_points = integer { min = 0, optional = true, doc = "distances in the fit that produced gamma_obs" },
    sink_mass = measure.sink_mass(),
  },
  notes = {
    "R² before γ: a γ with a low R² is a poor summary of A(d). Compare γ within one model (rescaled θ, other corpus), not across models: θ, data and architecture are confounded there.",
  },
  run = function(p, chain)
    if p.attention == nil and p.gamma_obs == nil then
      require("lib.errors").missing("attention", "X-12 needs an attention file (--set attention=FILE) "
        .. "or a γ measured elsewhere (--set gamma_obs=… --set R2=…)")
    end
    if p.attention == nil and p.R2 == nil then
      require("lib.errors").missing("R2", "X-12 needs the R² of the fit that gave gamma_obs "
        .. "(--set R2=…): the receipt of a γ is its R²")
    end
    local m = measure.resolve("X-12", p)

    local function where()
      return m.source == "profile"
        and string.format("profiled from %s%s", m.file,
              m.fit_range and string.format(", d ∈ [%s, %s]", tostring(m.fit_range[1]), tostring(m.fit_range[2])) or "")
        or "measured elsewhere"
    end
    local g = chain:step {
      section = "§15", name = "Power-law fit", formula = "log A(d) = c − γ·log d (least squares over the fit range)",
      inputs = { source = m.source, file = m.file, n_points = m.n_points or p.n_points },
      result = m.gamma,
      interpretation = m.gamma and function() return string.format("γ = %.4f, %s", m.gamma, where()) end
        or "no fit: fewer than two distances with positive mean attention",
      receipt = "data" }

    local n_points = m.n_points or p.n_points
    local receipt = measure.receipt(m.R2)
    if n_points ~= nil and n_points <= 2 then receipt = "unreliable" end -- R² = 1 by construction
    chain:step {
      section = "§9", name = "Fit receipt", formula = "R² > 0.95 reliable · R² ≥ 0.85 coarse · else unreliable",
      inputs = { R2 = m.R2, n_points = n_points }, result = receipt,
      interpretation = function() return string.format("R² = %s → %s%s", fmt.f(m.R2, 4), receipt,
        (n_points ~= nil and n_points <= 2) and " (two points always fit exactly: R² = 1 proves nothing)" or "") end,
      receipt = "data" }

    chain:factor("fit_quality", receipt == "reliable" and "ok" or receipt == "unreliable" and "miss" or "warn")
    chain:factor("fit_points", n_points == nil and "warn" or n_points >= MIN_POINTS_OK and "ok"
      or n_points >= MIN_POINTS_WARN and "warn" or "miss")
    chain:factor("measured_here", m.source == "profile" and "ok" or "warn")

    if g == nil then
      return { verdict = "NO FIT", reason = "The fit has fewer than two distances with positive mean attention.",
        mitigation = "Profile a longer dump, or widen the fit range (fit_d1/fit_d2) to at least two distances.",
        key = "γ n/a" }
    end

    chain:step {
      section = "§21", name = "Phase", formula = "A: γ < 0.95 · Hagedorn band [0.95, 1.05] · B: γ > 1.05",
      inputs = { gamma = g }, result = taf.phase_label(g),
      interpretation = g < 1 and "tail mass keeps growing with context: attention reaches far (Phase A)"
        or "attention concentrates nearby (γ ≥ 1); the phase names borrow the Hagedorn analogy",
      receipt = "analogy" }

    local spread = measure.layer_spread(m.layers)
    if spread then
      local agree = spread.max - spread.min <= LAYER_SPREAD_OK
      chain:step {
        section = "§9", name = "Per-layer γ", formula = "median and range of the per-layer fits",
        inputs = { n_layers = spread.n }, result = spread,
        interpretation = function() return string.format("median %.3f, range [%.3f, %.3f]%s", spread.median, spread.min,
          spread.max, agree and "" or ": layers disagree, report γ per layer") end,
        receipt = "data" }
      chain:factor("layer_agreement", agree and "ok" or "warn")
    end

    if m.sink_mass ~= nil then
      chain:step {
        section = "§17", name = "Sink mass", formula = "mean attention on the first K keys",
        inputs = { sink_tokens = p.sink_tokens }, result = m.sink_mass,
        interpretation = function() return string.format("%.3f of attention on the sink; a separate axis from γ (X-11)",
          m.sink_mass) end,
        receipt = "data" }
    end

    local key = string.format("γ = %.3f (R² %s)", g, fmt.f(m.R2, 3))
    if receipt == "reliable" then
      return { verdict = "RELIABLE", key = key,
        reason = function() return string.format("R² = %.4f > 0.95: the power law summarises A(d); γ = %.3f.", m.R2, g) end,
        mitigation = "Use it as gamma_obs in X-2, X-11, X-18, X-19; re-measure after changing θ, context or precision." }
    elseif receipt == "coarse" then
      return { verdict = "COARSE", key = key,
        reason = function() return string.format("R² = %.4f in [0.85, 0.95]: γ = %.3f is a coarse summary; state the R² "
          .. "with it.", m.R2, g) end,
        mitigation = "Start the fit past the local peak (d ≥ 8–30), average per head, add prompts, then refit." }
    end
    return { verdict = "UNRELIABLE", key = key,
      reason = function() return (n_points ~= nil and n_points <= 2)
        and string.format("Only %d distances in the fit: a line through two points has R² = 1 whatever A(d) does.", n_points)
        or string.format("R² = %s < 0.85: A(d) is not a power law over this range (sinks, local heads or an exponential tail).",
          fmt.f(m.R2, 4)) end,
      mitigation = "Do not use this γ: fit per layer and head, exclude the sink keys, start at d ≥ 30 as the atlas does." }
  end,
}

-- X-11 · Sink vs decay (cookbook recipe 3, ch. 17): concentration on the first
-- tokens (sink mass) and decay with distance (γ) are two independent axes;
-- each has its own lever when the KV cache is trimmed.
local measure = require "lib.measure"
local mp = require "lib.model_params"
local errors = require "lib.errors"
local fmt = require "lib.fmt"

-- tafrun's working thresholds (ours, not upstream, not benchmarked):
--   sink lever  sink mass ≥ 0.10: a tenth of all attention lands on the first K
--               keys, so evicting them shifts the softmax normaliser (StreamingLLM)
--   decay lever γ ≥ 0.65: the D_f zone [0.65, 0.85], soft decay up to 1 and the
--               Phase B window beyond (X-19); below 0.65 attention is wide-field
--               and a distance cutoff drops context the model uses
local SINK_LEVER, DECAY_LEVER = 0.10, 0.65
local SINK_LOW = 0.05
local F90 = 0.9

-- Confidence factors (ok = 1, warn = ½, miss = 0):
--   gamma_fit     R² of the γ fit: > 0.95 ok, ≥ 0.85 warn, else miss; unknown warn
--   sink_measured the sink mass is a measurement (always ok here: it is required)
--   thresholds    warn: the two lever thresholds above are tafrun's working values
--   independence  warn: γ ⊥ sink rests on one within-model experiment (θ ×256)

local function sink_band(s)
  return s >= SINK_LEVER and "high" or s >= SINK_LOW and "moderate" or "low"
end

return recipe {
  id = "X-11", name = "Sink vs Decay",
  question = "Is my model concentrating (attention sink) or decaying (γ) — which KV lever applies?",
  category = "measurement", sections = { "§17", "§15", "§20" },
  verdicts = { "BOTH LEVERS", "SINK LEVER", "DECAY LEVER", "NEITHER LEVER" },
  params = {
    attention = measure.attention(), sink_tokens = measure.sink_tokens(),
    fit_d1 = measure.fit_d1(), fit_d2 = measure.fit_d2(),
    gamma_obs = measure.gamma_obs(), R2 = measure.R2(), sink_mass = measure.sink_mass(),
    T_train = mp.T_train { optional = true, doc = "training context length (tokens)" },
    T_eval = mp.T_eval { optional = true, doc = "context N for the decay reach D_90" },
  },
  notes = {
    "Sink and γ are separate mechanisms: fixing one does not fix the other (ch. 17). Whether secondary sinks appear or vanish as θ changes is still open.",
  },
  run = function(p, chain)
    if p.attention == nil and p.gamma_obs == nil then
      errors.missing("gamma_obs", "X-11 needs a measured γ and sink mass (--set gamma_obs=… --set sink_mass=…) "
        .. "or an attention file (--set attention=FILE)")
    end
    local m = measure.resolve("X-11", p)
    if m.gamma == nil then
      errors.usage("X-11: the attention file gave no γ fit (fewer than two usable distances); see X-12")
    end
    if m.sink_mass == nil then
      errors.missing("sink_mass", "X-11 needs the sink mass (--set sink_mass=…, mean attention on the first "
        .. "K keys); a γ-atlas file carries no sink")
    end
    local g, sink = m.gamma, m.sink_mass

    chain:step {
      section = "§15", name = "Decay axis γ", formula = "A(d) ∝ d^−γ",
      inputs = { gamma = g, R2 = m.R2, source = m.source }, result = g,
      interpretation = function() return string.format("%s; fit %s", taf.phase_label(g),
        m.R2 and string.format("R² %.3f (%s)", m.R2, measure.receipt(m.R2)) or "R² not given") end,
      receipt = "data" }

    if p.T_eval ~= nil then
      local d90 = taf.df_exact(g, p.T_eval, F90)
      chain:step {
        section = "§20", name = "Decay reach D_90", formula = "min D: Σ_{d≤D} d^−γ ≥ 0.9·Σ_{d≤N} d^−γ",
        inputs = { gamma = g, N = p.T_eval, f = F90 }, result = d90,
        interpretation = function() return string.format("90%% of the power-law mass within %s of %s tokens (%s)",
          fmt.commas(d90), fmt.commas(p.T_eval), fmt.pct(d90 / p.T_eval)) end,
        receipt = "provisional" }
    end

    chain:step {
      section = "§17", name = "Concentration axis (sink)", formula = "sink mass = mean attention on the first K keys",
      inputs = { sink_mass = sink, sink_tokens = p.sink_tokens }, result = sink,
      interpretation = function() return string.format("%s sink (%.1f%% of attention on the first %s)", sink_band(sink),
        sink * 100, p.sink_tokens == 1 and "key" or string.format("%d keys", p.sink_tokens)) end,
      receipt = "data" }

    chain:step {
      section = "§17", name = "γ ⊥ sink", formula = "θ ×256 in one model: γ 0.75 → 1.0, sink 0.371 → 0.387",
      inputs = {}, result = "independent axes",
      interpretation = "moving γ across its range left the sink flat: treat them as two levers",
      receipt = "data" }

    local sink_lever, decay_lever = sink >= SINK_LEVER, g >= DECAY_LEVER
    chain:step {
      section = "§17", name = "Levers", formula = "sink lever: sink ≥ 0.10 · decay lever: γ ≥ 0.65",
      inputs = { sink_mass = sink, gamma = g },
      result = taf.json.ordered({ sink_lever = sink_lever, decay_lever = decay_lever }, { "sink_lever", "decay_lever" }),
      interpretation = function() return string.format("sink %s · decay %s", sink_lever and "applies" or "minor",
        decay_lever and (g > 1 and "applies (Phase B window)" or "applies") or "does not apply (wide-field γ)") end,
      receipt = "provisional" }

    chain:factor("gamma_fit", measure.fit_status(m.R2))
    chain:factor("sink_measured", "ok")
    chain:factor("thresholds", "warn")
    chain:factor("independence", "warn")

    local key = string.format("sink %.2f · γ %.2f", sink, g)
    local function facts() return string.format("sink mass %.3f, γ = %.3f", sink, g) end
    if sink_lever and decay_lever then
      return { verdict = "BOTH LEVERS", key = key,
        reason = function()
          return facts() .. ": the model parks attention on its first tokens and also decays with distance."
        end,
        mitigation = function() return string.format("Trim the cache with two knobs: keep the first %d+ tokens (sink) "
          .. "and a recent window sized from γ (X-19: D_f or soft decay).", math.max(4, p.sink_tokens)) end }
    elseif sink_lever then
      return { verdict = "SINK LEVER", key = key,
        reason = function() return facts() .. ": concentration on the first tokens, but wide-field decay (γ < 0.65)." end,
        mitigation = "Always keep the sink tokens when evicting; do not cut the cache by distance — "
          .. "compress per token (KV quantization, GQA) instead." }
    elseif decay_lever then
      return { verdict = "DECAY LEVER", key = key,
        reason = function() return facts() .. ": little sink; attention decays with distance." end,
        mitigation = "Size a window from γ (X-19); keeping the first few tokens is cheap insurance, not the lever." }
    end
    return { verdict = "NEITHER LEVER", key = key,
      reason = function() return facts() .. ": no strong sink and wide-field decay — far tokens matter." end,
      mitigation = "Keep the full cache; compress per token (KV quantization) rather than by position." }
  end,
}

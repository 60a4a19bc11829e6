-- X-10 · RoPE scales (ch. 14; seed 003): at which distances positional
-- resolution degrades or runs out for this θ and head dimension.
--   λ_i = 2π·θ^(2i/d)                       wavelength of rotary pair i
--   n_active(d) = (d_head/2)·(1 − log_θ(d/2π))  pairs that still resolve distance d
--   T_cross = 2π√θ                           half the pairs have aliased
--   T_max = 2πθ                              every pair has aliased
-- Verdict: T_eval ≤ T_cross resolved; ≤ T_max degrading; beyond T_max exhausted.
--
-- Confidence factors:
--   geometry         ok: the scales are exact consequences of the rotary frequencies
--   decay_link       warn always: the geometry bounds resolution; it does not impose the
--                    decay (with real queries and keys RoPE does not guarantee monotone decay)
--   trained_context  ok when T_eval ≤ T_train (or T_train unknown); warn beyond it
--   scaling_unknown  warn unless rope_scaled=false: a model's rope_scaling (llama3, YaRN, read
--                    from the preset or config as shipped_type) stretches the slow pairs, and a
--                    model given only by --set may have one
local mp = require "lib.model_params"
local fmt = require "lib.fmt"

return recipe {
  id = "X-10", name = "RoPE Scales",
  question = "At which distances does positional resolution degrade or run out for this RoPE base?",
  category = "long-context", sections = { "§14" },
  verdicts = { "RESOLVED", "DEGRADING", "EXHAUSTED" },
  params = {
    theta = mp.theta { gt = 1, doc = "RoPE base θ (rope_theta)" },
    d_head = mp.d_head { min = 2, doc = "head dimension (rotary dimension)" },
    T_train = mp.T_train { optional = true, doc = "training context length" },
    T_eval = mp.T_eval { doc = "distance / context length to check (tokens)" },
    rope_scaled = boolean { optional = true, doc = "true when the config has rope_scaling (the scales then describe the unscaled base)" },
    shipped_type = text { from = "rope_scaling.rope_type|rope_scaling.type", optional = true,
                          doc = "rope_scaling type the model ships (read from --model / --config; implies rope_scaled)" },
  },
  notes = {
    "The geometry bounds which distances can be told apart; it does not impose the decay: with real queries and keys RoPE does not guarantee a monotone decay, and models use low frequencies to match content almost regardless of position.",
  },
  run = function(p, chain)
    local th, d = p.theta, p.d_head
    local half = d // 2
    local lam0 = taf.rope_wavelength(th, 0, d)
    local lam_slow = taf.rope_wavelength(th, half - 1, d)
    chain:step {
      section = "§14", name = "Wavelengths λ_i", formula = "λ_i = 2π·θ^(2i/d)",
      inputs = { theta = th, d_head = d },
      result = taf.json.ordered({ lambda_0 = lam0, lambda_slowest = lam_slow, pairs = half },
                                { "lambda_0", "lambda_slowest", "pairs" }),
      interpretation = function() return string.format("fastest pair turns every %.2f positions, slowest (i = %d) every %s",
        lam0, half - 1, fmt.commas(lam_slow)) end,
      receipt = "derived" }

    local tc = taf.rope_t_cross(th)
    chain:step {
      section = "§14", name = "T_cross", formula = "2π√θ", inputs = { theta = th }, result = tc,
      interpretation = function() return string.format("past %s tokens half of the %d pairs have aliased", fmt.commas(tc),
        half) end,
      receipt = "derived" }

    local tm = taf.rope_t_max(th)
    chain:step {
      section = "§14", name = "T_max", formula = "2πθ", inputs = { theta = th }, result = tm,
      interpretation = function() return string.format("past %s tokens no pair resolves distance: position is ambiguous",
        fmt.commas(tm)) end,
      receipt = "derived" }

    local na = taf.rope_n_active(th, d, p.T_eval)
    local nr = taf.rope_pairs_resolving(th, d, p.T_eval)
    chain:step {
      section = "§14", name = "n_active(T_eval)", formula = "(d_head/2)·(1 − log_θ(T/2π)); count of λ_i ≥ T",
      inputs = { theta = th, d_head = d, distance = p.T_eval },
      result = taf.json.ordered({ n_active = na, pairs_resolving = nr, of = half }, { "n_active", "pairs_resolving", "of" }),
      interpretation = function() return string.format("%.1f of %d pairs (%d by count) still resolve %s tokens (%.0f%%)",
        na, half, nr, fmt.commas(p.T_eval), 100 * na / half) end,
      receipt = "derived" }

    if p.T_train then
      local nt = taf.rope_n_active(th, d, p.T_train)
      chain:step {
        section = "§14", name = "n_active(T_train)", formula = "(d_head/2)·(1 − log_θ(T_train/2π))",
        inputs = { theta = th, d_head = d, distance = p.T_train }, result = nt,
        interpretation = function() return string.format("%.1f pairs resolve the trained length %s (%.0f%%)", nt,
          fmt.commas(p.T_train), 100 * nt / half) end,
        receipt = "derived" }
    end

    chain:factor("geometry", "ok")
    chain:factor("decay_link", "warn")
    chain:factor("trained_context", (p.T_train == nil or p.T_eval <= p.T_train) and "ok" or "warn")
    local shipped = p.shipped_type ~= nil and p.shipped_type ~= "default"
    local scaled = p.rope_scaled or (p.rope_scaled == nil and shipped)
    chain:factor("scaling_unknown", p.rope_scaled == false and "ok" or "warn")
    if scaled then
      chain:note(function() return string.format("The model scales RoPE (rope_scaling%s): its slow pairs are stretched, so the effective T_cross and T_max are larger than these unscaled values (X-9).",
        shipped and (" " .. p.shipped_type) or "") end)
    end

    local function at() return string.format("T_eval = %s", fmt.commas(p.T_eval)) end
    local key = string.format("%.0f of %d pairs at %s", na, half, fmt.commas(p.T_eval))
    if p.T_eval <= tc then
      return { verdict = "RESOLVED", key = key,
        reason = function() return string.format("%s ≤ T_cross = %s: at least half the pairs (%.1f of %d) resolve every "
          .. "distance in the context.", at(), fmt.commas(tc), na, half) end,
        mitigation = "None needed for position resolution." }
    elseif p.T_eval <= tm then
      return { verdict = "DEGRADING", key = key,
        reason = function() return string.format("T_cross = %s < %s ≤ T_max = %s: only %.1f of %d pairs resolve the "
          .. "longest distances.", fmt.commas(tc), at(), fmt.commas(tm), na, half) end,
        mitigation = function() return string.format("Fine positional distinctions fade past %s tokens; for retrieval at "
          .. "full length, raise θ (θ for T_cross = T_eval: %s) or extend with NTK/YaRN (X-9).", fmt.commas(tc),
          fmt.commas((p.T_eval / (2 * math.pi)) ^ 2)) end }
    end
    return { verdict = "EXHAUSTED", key = key,
      reason = function() return string.format("%s > T_max = %s: no rotary pair resolves distances this long.", at(),
        fmt.commas(tm)) end,
      mitigation = function() return string.format("Raise θ above %s (θ for T_max = T_eval) or extend the context with "
        .. "rope scaling (X-9).", fmt.commas(p.T_eval / (2 * math.pi))) end }
  end,
}

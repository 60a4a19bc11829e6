-- X-19 · KV compression decision (seed formulas module, with the exact D_f erratum).
local mp = require "lib.model_params"
local kvlib = require "lib.kv"
local fmt = require "lib.fmt"
local window = require "lib.window"

return recipe {
  id = "X-19", name = "KV Compression Decision",
  question = "Soft decay, a D_f hard cutoff, or literature methods to compress the KV cache?",
  category = "kv-compression", sections = { "§26", "§19" },
  verdicts = { "USE SOFT DECAY", "USE D_f HARD CUTOFF", "USE SOFT DECAY (caveat)",
               "USE LITERATURE METHODS", "USE HARD T_train CUTOFF" },
  params = window.params(mp.with_kv_layout {
    theta = mp.theta(), T_train = mp.T_train(), T_eval = mp.T_eval(),
    n_attention_heads = mp.n_attention_heads(), n_kv_heads = mp.n_kv_heads(),
    d_head = mp.d_head(), n_layers = mp.n_layers(), n_params = mp.n_params(),
    has_SWA = mp.has_SWA(),
  }),
  notes = {
    "D_f is a derived rule, not yet validated on long-context benchmarks (RULER/LongBench): a starting estimate, not a guarantee.",
    "γ here is the closed-form Padé centre plus fitted δ-corrections, not a measurement (median error ~22% in Phase A).",
  },
  run = function(p, chain)
    local g_pade = chain:step {
      section = "§26.1", name = "γ_Padé", formula = "(2θ − T√2)/(2θ + T√2)",
      inputs = { theta = p.theta, T_eval = p.T_eval },
      result = taf.gamma_pade(p.theta, p.T_eval),
      interpretation = function() return taf.gamma_phase_label(taf.gamma_pade(p.theta, p.T_eval)) end, receipt = "lean" }

    local has_GQA = p.n_kv_heads < p.n_attention_heads
    local decomp = taf.gamma_decompose(g_pade, has_GQA, p.has_SWA, p.n_params)
    local g = chain:step {
      section = "§26.10", name = "γ-decomposition", formula = "γ_Padé + δ_GQA + δ_SWA + δ_post_IH",
      inputs = { has_GQA = has_GQA, has_SWA = p.has_SWA, n_params = p.n_params },
      result = decomp.gamma_corrected, breakdown = decomp,
      interpretation = function() return string.format("γ_corrected = %.3f (δ_GQA %+.2f, δ_SWA %+.2f, δ_post_IH %+.2f)",
        decomp.gamma_corrected, decomp.delta_GQA, decomp.delta_SWA, decomp.delta_post_IH) end,
      receipt = "data" }

    local df = taf.df_window(g, p.T_eval, 0.9)
    chain:step {
      section = "§26.7", name = "D_f window (γ in [0.65, 0.85])",
      formula = "min D: Σ_{d≤D} d^−γ ≥ f·Σ_{d≤N} d^−γ (exact discrete sum)",
      inputs = { gamma = g, N = p.T_eval, f = 0.9 }, result = df,
      interpretation = function() return df and string.format("D_f = %d", df)
        or string.format("NOT applicable (γ=%.3f outside [0.65, 0.85])", g) end,
      receipt = "provisional" }

    local regime = taf.kv_soft_decay_regime(p.theta, g, p.T_train)
    local dh = taf.d_horizon(p.theta, g)
    chain:step {
      section = "§26.8", name = "Soft decay regime", formula = "d_h ≳ T_train/2",
      inputs = { theta = p.theta, gamma = g, T_train = p.T_train }, result = regime,
      interpretation = function() return string.format("d_horizon=%s; regime: %s", fmt.f(dh, 0), regime) end,
      receipt = "provisional" }

    local kv, kv_formula, kv_how = kvlib.memory(p, p.T_eval, 2.0)
    chain:step {
      section = "§19.1", name = "Baseline KV memory", formula = kv_formula,
      inputs = { L = p.n_layers, n_kv = p.n_kv_heads, d_h = p.d_head, seq = p.T_eval },
      result = kv, interpretation = function() return string.format("%.2f GiB (%.2f GB) without compression", kv.bytes / 1073741824, kv.GB) .. kv_how end,
      receipt = "derived" }

    chain:factor("gamma_measured", "warn")
    chain:factor("phase_A", (g > 0 and g < 1) and "ok" or "miss")
    chain:factor("df_validated", "warn")
    chain:factor("calibration", (p.has_SWA or decomp.delta_post_IH ~= 0) and "warn" or "ok")
    if decomp.calibration_warning then chain:note(decomp.calibration_warning) end

    if regime == "applies" and df then
      return { verdict = "USE SOFT DECAY",
        reason = "d_horizon ≳ T_train/2 AND γ in compression zone. "
          .. "Soft decay (1-d/d_h)^γ best (-21% PPL vs hard cutoff per F17).",
        mitigation = "Implement as 4D attention_mask additive bias with eager attention." }
    elseif df then
      return { verdict = "USE D_f HARD CUTOFF",
        reason = function() return string.format("γ in [0.65, 0.85] zone but d_h < T_train/2. Hard truncation at D_f=%d "
          .. "works.", df) end,
        mitigation = "Set cache_max_len = D_f." }
    elseif regime == "applies" then
      return { verdict = "USE SOFT DECAY (caveat)",
        reason = "Regime applies but γ outside D_f validity zone. Soft decay only.",
        mitigation = "Soft decay; do not use D_f window." }
    elseif g >= 1 or g <= 0 then
      return { verdict = "USE LITERATURE METHODS",
        reason = function() return string.format("γ=%.3f outside Phase A. Our formulas don't apply.", g) end,
        mitigation = "Use SnapKV / PyramidKV / FastGen (literature heuristics)." }
    end
    local w = window.of(p)
    return { verdict = "USE HARD T_train CUTOFF",
      reason = function() return string.format("Regime not met AND γ outside zone. Cap context at the usable window "
        .. "(%s).", window.text(w)) end,
      mitigation = function() return string.format("Set seq_len ≤ %d, no further extension.", w.W) end }
  end,
}

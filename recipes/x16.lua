-- X-16 · Thermodynamic profile (ch. 21–23, FORMULAS.md §2): the attention
-- power law A(d) ∝ d^−γ on d = 1..N read as a Boltzmann distribution with
-- energy ln d and temperature 1/γ — Z, F, U, S, C_V, Fisher, χ, the critical
-- exponents, their algebraic consistency and the Hagedorn alert.
local mp = require "lib.model_params"
local fmt = require "lib.fmt"
local errors = require "lib.errors"

-- Confidence factors (ok = 1, warn = ½, miss = 0):
--   gamma_measured  a measured γ ok; the closed-form γ_Padé warn
--   z_closed_form   the reference Z (continuum form) within 1% of the exact
--                   Σ d^−γ ok, else warn (its U, S, C_V inherit the drift)
--   physical_lens   warn: the thermodynamic reading is an analogy; Lean proves
--                   the algebra of the identities, not what a transformer does
--   algebra         all 12 identities pass ok; γ outside (0, 1) (no checks) warn;
--                   any failure miss
local Z_DRIFT_OK = 0.01
local GAMMA_ONE = 1e-5 -- |γ − 1| below this: the reference Z switches to ln N + γ_E

local VERDICT = { ok = "PHASE A NORMAL", info = "PHASE A WIDE-FIELD", warning = "HAGEDORN BOUNDARY",
                  critical = "HAGEDORN ZONE", catastrophic = "NEGATIVE γ" }

return recipe {
  id = "X-16", name = "Thermodynamic Profile",
  question = "Z, F, S, U, C_V, Fisher, χ, critical exponents, algebraic consistency and Hagedorn alert for a γ",
  category = "diagnostics", sections = { "§21", "§22", "§23", "§32", "§33", "§34" },
  verdicts = { "PHASE A NORMAL", "PHASE A WIDE-FIELD", "HAGEDORN BOUNDARY", "HAGEDORN ZONE", "NEGATIVE γ" },
  params = {
    gamma = number { gt = -1, lt = 20, optional = true, doc = "decay exponent γ (measured; default γ_Padé(θ, T_eval))" },
    theta = mp.theta { optional = true, doc = "RoPE base θ, for γ_Padé when no γ is given" },
    T_train = mp.T_train { optional = true, doc = "training context length (tokens)" },
    T_eval = mp.T_eval { optional = true, default_from = "T_train", doc = "context length for γ_Padé" },
    N = integer { min = 2, max = 1e12, optional = true, default_from = "T_eval", doc = "number of distances d = 1..N (context length)" },
  },
  notes = {
    "Z being a polylog/zeta sum is automatic once A(d) ∝ d^−γ; the physics words (temperature, phase, Hagedorn) are a lens, and at finite N the γ = 1 boundary looks like a crossover, not a proven transition.",
  },
  run = function(p, chain)
    local measured = p.gamma ~= nil
    if not measured and (p.theta == nil or p.T_eval == nil) then
      errors.missing("gamma", "X-16 needs a γ (--set gamma=…), or θ and a context (--model ID or --set theta=… "
        .. "--set T_eval=…) for γ_Padé")
    end
    if p.N == nil then
      errors.missing("N", "X-16 needs the context N (--set N=… or T_eval / T_train from --model)")
    end
    local N = p.N

    local g
    if measured then
      g = chain:step { section = "§15", name = "γ (given)", formula = "A(d) ∝ d^−γ", inputs = { gamma = p.gamma },
        result = p.gamma, interpretation = "a measured γ (X-12)", receipt = "data" }
    else
      g = chain:step { section = "§26.1", name = "γ_Padé", formula = "(2θ − T√2)/(2θ + T√2)",
        inputs = { theta = p.theta, T_eval = p.T_eval }, result = taf.gamma_pade(p.theta, p.T_eval),
        interpretation = "closed-form centre, not a measurement (median error ~22% in Phase A)", receipt = "lean" }
      if g <= -1 then
        errors.usage("X-16: γ_Padé(θ = %s, T = %s) = %.3f ≤ −1: the power law is undefined; give --set gamma=…",
          fmt.commas(p.theta), fmt.commas(p.T_eval), g)
      end
    end

    local near_one = math.abs(g - 1) < GAMMA_ONE
    local Z = taf.partition_Z(g, N)
    local Z_exact = taf.harmonic_sum(g, N)
    local drift = math.abs(Z - Z_exact) / Z_exact
    chain:step {
      section = "§21", name = "Z (reference form)",
      formula = near_one and "Z = ln N + γ_E (γ_E = 0.5772…)" or "Z = (N^(1−γ) − 1)/(1−γ) + 1",
      inputs = { gamma = g, N = N }, result = Z,
      interpretation = near_one and "at γ = 1 the harmonic number: the γ_E term was missing (erratum)"
        or "continuum approximation of the partition sum",
      receipt = near_one and "erratum" or "derived" }
    chain:step {
      section = "§21", name = "Z exact", formula = "Σ_{d=1..N} d^−γ",
      inputs = { gamma = g, N = N }, result = Z_exact,
      interpretation = function() return string.format("the reference form is off by %s", fmt.pct(drift, 2)) end,
      receipt = "derived" }

    local F = taf.free_energy_F(g, N)
    chain:step {
      section = "§22", name = "Free energy F", formula = "F = −T·ln Z = −ln Z / γ (T = 1/γ)",
      inputs = { gamma = g, N = N }, result = F,
      interpretation = "Helmholtz convention (was −ln Z; corrected)", receipt = "erratum" }

    local U = taf.mean_log_d(g, N)
    chain:step {
      section = "§22", name = "Energy U", formula = "U = ⟨ln d⟩",
      inputs = { gamma = g, N = N }, result = U,
      interpretation = function() return string.format("typical attended distance e^U ≈ %s tokens",
        fmt.commas(math.exp(U))) end,
      receipt = "derived" }

    local S = taf.entropy_S(g, N)
    chain:step {
      section = "§22", name = "Entropy S", formula = "S = ln Z + γ·U",
      inputs = { gamma = g, N = N }, result = S,
      interpretation = function() return string.format("%.2f nats of %.2f possible (ln N); area law S ~ log N", S,
        math.log(N)) end,
      receipt = "derived" }

    local Cv = taf.heat_capacity_Cv(g, N)
    chain:step {
      section = "§22", name = "Heat capacity C_V", formula = "C_V = −γ²·∂U/∂γ (central difference, δ = 1e−4)",
      inputs = { gamma = g, N = N }, result = Cv,
      interpretation = Cv and function() return string.format("fluctuation of ln d: Var(ln d) = C_V/γ² = %.3f",
        Cv / (g * g)) end or "undefined for γ ≤ 1e−4 or γ ≥ 20", receipt = "derived" }

    local cv_one = math.log(N) ^ 2 / 12
    chain:step {
      section = "§22", name = "C_V at γ = 1", formula = "C_V(γ=1, N) = (ln N)²/12",
      inputs = { N = N }, result = cv_one,
      interpretation = "boundary value; the paper had (ln N)²/4 (factor-3 error, re-proved in Lean)",
      receipt = "erratum" }

    local fisher = Cv and Cv / (g * g) or nil
    chain:step {
      section = "§22", name = "Fisher information", formula = "Fisher = C_V/γ²",
      inputs = { C_V = Cv, gamma = g }, result = fisher,
      interpretation = fisher and "how sharply the distance distribution pins down γ (identity proved in Lean: algebra, not causality)"
        or "undefined where C_V is", receipt = "lean" }

    local chi = taf.chi_susceptibility(g)
    chain:step {
      section = "§21", name = "Susceptibility χ", formula = "χ = 1/|γ − 1|",
      inputs = { gamma = g }, result = chi ~= math.huge and chi or nil,
      interpretation = chi == math.huge and "diverges at γ = 1 (formally; a crossover at finite N)"
        or function() return string.format("%.2f — grows toward the γ = 1 boundary", chi) end,
      receipt = "derived" }

    local ce = taf.critical_exponents_bundle(g)
    chain:step {
      section = "§33.4", name = "Critical exponents", formula = "ν = 1/(1−γ), β = γ−1, α = 2 − ν, γ_susc = ν + 2(1−γ)",
      inputs = { gamma = g }, result = ce,
      interpretation = ce.exponents == "diverge" and "γ ≥ 1: Hagedorn or beyond, exponents diverge"
        or function() return string.format("ν = %.3f, β = %.3f, α = %.3f, γ_susc = %.3f (Rushbrooke α+2β+γ_susc = %.3f)",
          ce.nu_correlation_length, ce.beta_order_param, ce.alpha_specific_heat, ce.gamma_susceptibility,
          ce.hyperscaling_check["Rushbrooke (α + 2β + γ_susc = 2)"]) end,
      receipt = "analogy" }
    chain:step {
      section = "§33.4", name = "η_c", formula = "η_c = γ − 1 (not 2γ)",
      inputs = { gamma = g }, result = g < 1 and g - 1 or nil,
      interpretation = g < 1 and "anomalous dimension; the paper's η = 2γ is refuted algebraically"
        or "undefined for γ ≥ 1", receipt = "erratum" }

    local ac = taf.verify_algebraic_consistency(g)
    chain:step {
      section = "§34", name = "Algebraic consistency", formula = "12 identities (D-SAGE, Rushbrooke, Josephson, Fisher, η)",
      inputs = { gamma = g }, result = ac,
      interpretation = ac.status == "out_of_phase_A" and "not checked: needs γ ∈ (0, 1)"
        or function() return string.format("%d/%d pass", ac.n_checks_passed, ac.n_checks_total) end,
      receipt = "lean" }

    local alert = taf.hagedorn_safety_alert(g)
    chain:step {
      section = "§32.1", name = "Hagedorn alert", formula = "≥ 1 critical · ≥ 0.95 warning · ≥ 0.65 ok · > 0 info",
      inputs = { gamma = g }, result = alert, interpretation = function() return alert.label .. ": " .. alert.message end,
      receipt = "analogy" }

    chain:factor("gamma_measured", measured and "ok" or "warn")
    chain:factor("z_closed_form", drift <= Z_DRIFT_OK and "ok" or "warn")
    chain:factor("physical_lens", "warn")
    chain:factor("algebra", ac.status == "out_of_phase_A" and "warn" or ac.all_consistent and "ok" or "miss")
    if drift > Z_DRIFT_OK then
      chain:note(function() return string.format("The reference closed form of Z is %s off the exact sum at γ = %.3f, "
        .. "N = %s; U, S and C_V use the same approximation.", fmt.pct(drift, 1), g, fmt.commas(N)) end)
    end

    local verdict = VERDICT[alert.level]
    local key = Cv and string.format("C_V = %.4g", Cv) or string.format("Z = %.4g", Z_exact)
    local mitigation = ({
      ok = "None: long context is in the normal band; the D_f window applies in [0.65, 0.85] (X-19).",
      info = "Check the measurement (X-12) and the model size: wide-field γ is common in small or long-context-trained models.",
      warning = "Run X-2 before serving beyond T_train; C_V and χ grow fast here.",
      critical = "Long-context retrieval needs an extension (X-9, α_opt > 1) or literature KV methods (X-19).",
      catastrophic = "Lower the context or raise θ: a non-decaying γ is not an operating point.",
    })[alert.level]
    return { verdict = verdict, key = key,
      reason = function() return string.format("γ = %.3f, N = %s: F = %.3f, S = %.3f, C_V = %s, χ = %s — %s.", g,
        fmt.commas(N), F, S, fmt.f(Cv, 3), chi == math.huge and "∞" or fmt.f(chi, 2), alert.label) end,
      mitigation = mitigation }
  end,
}

-- X-6 · Decoding strategy (cookbook recipe 6; ch. 12 and 29): greedy, beam or
-- sampling — and with which temperature and truncation — for a kind of task.
local fmt = require "lib.fmt"

-- Closed tasks have one right answer (precision first); open ones many.
local CLOSED = { code = true, math = true, factual = true, extraction = true, translation = true, summarization = true }
-- Recommended temperature for open tasks, inside the cookbook's 0.7–1.0 band.
local OPEN_TEMPERATURE = { chat = 0.7, creative = 0.9, brainstorm = 1.0 }
local BEAMS = 4                 -- beam width for translation (common default)
local TOP_P = 0.9               -- cookbook
local MIN_P = "0.05–0.1"        -- min-p range of its authors (Nguyen et al. 2024)
-- Temperature bands (cookbook + ch. 12 solutions): closed ≤ 0.3; open 0.7–1.0;
-- above 1.0 switch top-p for min-p; above 1.5 even min-p drifts into noise.
local CLOSED_MAX_T, OPEN_MIN_T, OPEN_MAX_T, HOT_T = 0.3, 0.7, 1.0, 1.5

-- Confidence factors (ok = 1, warn = ½, miss = 0):
--   task_rule        ok: closed → argmax, open → sampling is the standard rule (ch. 12, 29)
--   temperature_fit  the temperature you plan: inside the band for the task ok
--                    (or none given); outside warn
--   evaluation       warn: decoding gains are workload-specific — evaluate fidelity on
--                    your data, not fluency, and mind LLM-as-judge biases
--   format_truth     with constrained decoding only: warn, it guarantees form, not truth

return recipe {
  id = "X-6", name = "Decoding Strategy",
  question = "Greedy, beam search, or which sampling settings for my task?",
  category = "inference", sections = { "§43.6", "ch. 12", "ch. 29" },
  verdicts = { "GREEDY", "BEAM SEARCH", "SAMPLE WITH TOP-P", "SAMPLE WITH MIN-P", "CONSTRAINED GREEDY",
               "CONSTRAINED SAMPLING" },
  params = {
    task = choice { choices = { "code", "math", "factual", "extraction", "translation", "summarization",
                                "chat", "creative", "brainstorm" },
                    doc = "kind of task: closed (code, math, factual, extraction, translation, summarization) or open (chat, creative, brainstorm)" },
    need_format = boolean { default = false, doc = "output must follow a format (JSON, a schema, a grammar)" },
    temperature = number { min = 0, max = 2, optional = true, doc = "the temperature you plan to use (checked against the task)" },
  },
  notes = {
    "Receipt of any decoding choice: evaluate fidelity (correctness, faithfulness) on your own task, not fluency; an LLM judge prefers the first-shown and the longer answer.",
  },
  run = function(p, chain)
    local closed = CLOSED[p.task] == true
    chain:step {
      section = "ch. 12", name = "Task kind", formula = "closed: one right answer · open: many good answers",
      inputs = { task = p.task }, result = closed and "closed" or "open",
      interpretation = closed and "precision first: the most probable continuation is the goal"
        or "diversity matters: the most probable text is flat and repetitive", receipt = "derived" }

    local beam = p.task == "translation"
    chain:step {
      section = "ch. 29", name = "Search", formula = "closed → argmax (greedy, or beam for short closed outputs) · open → sample",
      inputs = { closed = closed }, result = closed and (beam and string.format("beam (%d)", BEAMS) or "greedy") or "sample",
      interpretation = closed and (beam and "beam keeps several hypotheses: better joint probability for translation"
          or "greedy is cheap and deterministic; beam adds little for long code/answers")
        or "argmax search degenerates into loops in open generation (Holtzman et al. 2020)",
      receipt = "data" }

    local t_rec = closed and 0 or OPEN_TEMPERATURE[p.task]
    local t = p.temperature
    local fit
    if t == nil then
      fit = "ok"
    elseif closed then
      fit = t <= CLOSED_MAX_T and "ok" or "warn"
    else
      fit = (t >= OPEN_MIN_T and t <= HOT_T) and "ok" or "warn"
    end
    local t_use = t or t_rec
    chain:step {
      section = "ch. 12", name = "Temperature", formula = "p = softmax(z/τ)",
      inputs = { temperature = t }, result = t_rec,
      interpretation = function() return (closed and "τ = 0 (≤ 0.3 if you must sample)"
          or string.format("τ ≈ %.1f (band 0.7–1.0)", t_rec))
        .. (t == nil and "" or string.format("; yours %.2f → %s", t,
          fit == "ok" and "fits" or closed and "adds variance to a task with one right answer"
            or t < OPEN_MIN_T and "too cold: flat, repetitive text" or "too hot: incoherent even with min-p")) end,
      receipt = "derived" }

    local min_p = not closed and t_use > OPEN_MAX_T
    chain:step {
      section = "ch. 29", name = "Truncation", formula = "top-p: smallest set with Σp ≥ 0.9 · min-p: keep p ≥ min_p·p_max",
      inputs = { temperature = t_use }, result = closed and "none" or min_p and ("min-p " .. MIN_P) or string.format("top-p %.1f", TOP_P),
      interpretation = closed and "argmax needs no truncation"
        or min_p and "above τ = 1 the flattened tail floods a top-p set; min-p stays anchored to the peak"
        or "top-p adapts the candidate count to the model's confidence",
      receipt = "derived" }

    if p.need_format then
      chain:step {
        section = "ch. 29", name = "Constrained decoding", formula = "logits of tokens that break the grammar → −∞, renormalise",
        inputs = { need_format = true }, result = "grammar/schema mask",
        interpretation = "guarantees a valid form, not true content: valid JSON can carry wrong values",
        receipt = "derived" }
      chain:note("Constrained decoding guarantees form, not truth: validate the content of every field.")
    end

    chain:factor("task_rule", "ok")
    chain:factor("temperature_fit", fit)
    chain:factor("evaluation", "warn")
    if p.need_format then chain:factor("format_truth", "warn") end

    local function t_note()
      return (t ~= nil and fit ~= "ok") and string.format(" Your τ = %.2f is outside the band for this task.", t) or ""
    end
    if closed then
      local verdict = p.need_format and "CONSTRAINED GREEDY" or beam and "BEAM SEARCH" or "GREEDY"
      return { verdict = verdict, key = beam and not p.need_format and string.format("beams %d, τ 0", BEAMS) or "τ 0",
        reason = function() return string.format("A closed task (%s) wants the most probable answer%s.%s", p.task,
          p.need_format and " inside the required format" or "", t_note()) end,
        mitigation = (beam and not p.need_format)
          and function() return string.format("Beam search, %d beams, no sampling; length-normalise scores.", BEAMS) end
          or "Greedy (τ = 0); if you need several candidates, sample at τ ≤ 0.3 and pick by tests or voting." }
    end
    local trunc = min_p and ("min-p " .. MIN_P) or string.format("top-p %.1f", TOP_P)
    local verdict = p.need_format and "CONSTRAINED SAMPLING" or min_p and "SAMPLE WITH MIN-P" or "SAMPLE WITH TOP-P"
    return { verdict = verdict, key = string.format("τ %s, %s", fmt.f(t_use, 2), trunc),
      reason = function() return string.format("An open task (%s) needs sampling: greedy and beam degenerate into "
        .. "repetition.%s", p.task, t_note()) end,
      mitigation = function() return string.format("Sample at τ = %s with %s%s.", fmt.f(t_use, 2), trunc,
        p.need_format and ", inside a grammar/schema mask" or "") end }
  end,
}

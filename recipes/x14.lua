-- X-14 · Memory reality (upstream js/memory_reality.js): how does this
-- architecture keep its past — random-access attention, a sliding window, a
-- fixed recurrent state, or a mix — and how does that memory fail?
local mc = require "lib.memory_class"
local mp = require "lib.model_params"
local errors = require "lib.errors"
local fmt = require "lib.fmt"

local VERDICT = { FULL = "FULL ATTENTION", MLA = "LATENT ATTENTION (MLA)", SWA = "SLIDING WINDOW",
                  HYBRID = "HYBRID", SSM = "STATE SPACE (SSM)", RWKV = "RWKV",
                  LINEAR = "LINEAR ATTENTION", TTT = "TEST-TIME TRAINING (TTT)" }
-- Context used for the compression pressure when the model declares none (upstream refLen).
local REF_CONTEXT = 131072
local SWA_MULTIHOP = 2

-- Confidence factors (ok = 1, warn = ½, miss = 0):
--   detection       the config's architecture field ok; inferred from the window fields only warn
--   class_evidence  warn: the failure modes are class-level findings of the literature,
--                   not a measurement of this model
--   class_detail    the number that sizes the memory is known (SWA window, hybrid attention
--                   layers, recurrent state size) ok; unknown warn (miss for an SWA window)

local MITIGATION = {
  FULL = "Put what matters at the start or end of long inputs; size the KV cache at your length (X-19, X-4).",
  MLA = "As full attention; the latent cache makes long contexts cheaper to hold (X-4 for the fit).",
  SWA = "Keep the needle within W of the question or retrieve it (RAG); X-13 shows the reach behind the advertised context.",
  HYBRID = "Test recall at your length (needle-in-a-haystack); capacity follows the attention layers, not the context figure.",
  SSM = "Do not rely on verbatim recall over long inputs: retrieve (RAG) or use a hybrid; evaluate on recall tasks, not perplexity.",
  RWKV = "Do not rely on verbatim recall over long inputs: retrieve (RAG); evaluate on recall tasks, not perplexity.",
  LINEAR = "Do not rely on associative recall at length: retrieve (RAG) or add attention layers; evaluate on recall tasks.",
  TTT = "Check recall at your length and density; treat the context figure as capacity-bound, not exact.",
}

return recipe {
  id = "X-14", name = "Memory Reality",
  question = "How does this architecture remember (full, SWA, SSM, RWKV, linear, hybrid), and how does it fail?",
  category = "architecture", sections = { "ch. 18", "ch. 34", "ch. 31" },
  verdicts = { "FULL ATTENTION", "LATENT ATTENTION (MLA)", "SLIDING WINDOW", "HYBRID", "STATE SPACE (SSM)",
               "RWKV", "LINEAR ATTENTION", "TEST-TIME TRAINING (TTT)" },
  params = {
    architecture = mc.architecture(), has_SWA = mc.has_SWA(), sliding_window = mc.sliding_window(),
    T_advertised = mc.T_advertised(), n_layers = mc.n_layers(), n_swa_layers = mc.n_swa_layers(),
    n_attention_layers = mc.n_attention_layers(),
    state_size = integer { min = 1, optional = true, doc = "recurrent state size per channel (SSM d_state)" },
    state_elements = mp.state_elements { gt = 0, optional = true, doc = "recurrent state per sequence, all recurrent layers (config reader)" },
    d_model = mp.d_model { optional = true, doc = "hidden size" },
    n_experts = mp.n_experts { min = 1, optional = true, doc = "MoE experts" },
    n_experts_active = mp.n_experts_active { min = 1, optional = true, doc = "MoE experts active per token" },
  },
  run = function(p, chain)
    if p.architecture == nil and p.has_SWA == nil and p.sliding_window == nil and p.n_attention_layers == nil then
      errors.missing("architecture", "X-14 needs the architecture (--config PATH reads it, or --set "
        .. "architecture=FULL|SWA|SSM|RWKV|LINEAR|TTT|HYBRID|MLA), or at least has_SWA/sliding_window")
    end
    mc.check("X-14", p)
    local c = mc.classify(p)
    local class, facts = c.class, mc.FACTS[c.class]
    if c.source == "inferred" then
      chain:note("No architecture field: SSM, RWKV, linear and hybrid models cannot be told apart from these "
        .. "fields, so the class is inferred from the sliding-window fields only; --config reads the real one.")
    end

    chain:step {
      section = "ch. 18", name = "Detection", formula = "HYBRID → SSM → RWKV → LINEAR/TTT → SWA → FULL (first match)",
      inputs = { architecture = p.architecture, has_SWA = p.has_SWA, sliding_window = p.sliding_window,
                 T_advertised = p.T_advertised, n_attention_layers = p.n_attention_layers, n_layers = p.n_layers },
      result = class,
      interpretation = function() return string.format("%s (rule %d, %s) — %s", c.why, c.rule, c.source, facts.light) end,
      receipt = "derived" }
    chain:step {
      section = "ch. 34", name = "How it remembers", formula = "cache or state per token vs per sequence",
      inputs = { class = class }, result = facts.remembers,
      interpretation = function() return facts.light .. " recall light" end,
      receipt = "derived" }
    chain:step {
      section = "ch. 31", name = "How it fails", formula = "recall and copying at length (class-level evidence)",
      inputs = { class = class }, result = facts.fails,
      interpretation = mc.FIXED_STATE[class] and "fixed-state models trail attention at copying and associative recall "
        .. "(Jelassi et al. 2024; Arora et al. 2023)" or "long inputs: information in the middle is used worst (Liu et al. 2023)",
      receipt = "data" }

    local detail = "ok"
    local key = VERDICT[class]
    if class == "SWA" then
      local W = p.sliding_window
      detail = W and "ok" or "miss"
      chain:step {
        section = "ch. 18", name = "Recall window", formula = "exact recall ≤ W; relay ≈ 2W; receptive field W × layers",
        inputs = { sliding_window = W, n_layers = p.n_layers },
        result = W and taf.json.ordered({ window = W, multi_hop = SWA_MULTIHOP * W,
          receptive_field = p.n_layers and W * p.n_layers or nil }, { "window", "multi_hop", "receptive_field" }) or nil,
        interpretation = W and function() return string.format("direct recall within %s tokens, ≈ %s by relaying (rule of "
          .. "thumb)", fmt.commas(W), fmt.commas(SWA_MULTIHOP * W)) end or "window size unknown: give --set sliding_window=W",
        receipt = "provisional" }
      key = W and string.format("W = %s", fmt.commas(W)) or "W = ?"
      local n_global = (p.n_swa_layers and p.n_layers) and p.n_layers - p.n_swa_layers or nil
      if n_global == nil then
        chain:note("Layer pattern unknown: if some layers attend globally (Gemma-2 alternates local and global), "
          .. "random-access recall beyond W survives through them; give --set n_swa_layers=K.")
      elseif n_global > 0 then
        chain:note(function() return string.format("%d of %d layers attend globally: random-access recall beyond W "
          .. "survives through them.", n_global, p.n_layers) end)
      end
    elseif class == "HYBRID" then
      local k, n = p.n_attention_layers, p.n_layers
      detail = (k and n) and "ok" or "warn"
      chain:step {
        section = "ch. 18", name = "Recall layers", formula = "attention layers / all layers",
        inputs = { n_attention_layers = k, n_layers = n }, result = (k and n) and k / n or nil,
        interpretation = (k and n) and function() return string.format("%d of %d layers can look anything up", k, n) end
          or "attention-layer count unknown (the config's layer pattern gives it)",
        receipt = "derived" }
      key = (k and n) and string.format("%d/%d attention layers", k, n) or key
    elseif mc.FIXED_STATE[class] then
      local ctx = p.T_advertised or REF_CONTEXT
      -- upstream's form needs d_state; the config reader gives the whole state instead,
      -- which the same ratio reads as input numbers per state number
      local per_channel = p.state_size ~= nil and p.n_layers ~= nil
      local whole = not per_channel and p.state_elements ~= nil and p.d_model ~= nil
      detail = (per_channel or whole) and "ok" or "warn"
      local pressure = per_channel and ctx / (p.n_layers * p.state_size)
        or whole and ctx * p.d_model / p.state_elements or nil
      chain:step {
        section = "ch. 34", name = "Compression pressure",
        formula = whole and "context × d_model / state elements" or "context / (layers × state size)",
        inputs = { context = ctx, n_layers = p.n_layers, state_size = p.state_size, state_elements = p.state_elements,
                   d_model = p.d_model }, result = pressure,
        interpretation = pressure and function() return string.format("≈ %s %s%s (order of magnitude only)",
          fmt.f(pressure, 1), whole and "input numbers per state number" or "tokens per state slot",
          p.T_advertised and "" or string.format(" at a reference %s tokens", fmt.commas(REF_CONTEXT))) end
          or "needs n_layers and state_size (or state_elements and d_model)",
        receipt = "provisional" }
      key = pressure and string.format("pressure ≈ %s", fmt.f(pressure, 1)) or key
    else
      key = p.T_advertised and string.format("%s tokens addressable", fmt.commas(p.T_advertised)) or key
      if c.ghost_window then
        chain:note(function() return string.format("A sliding_window of %s is declared but not in force: this model "
          .. "attends fully.", fmt.commas(p.sliding_window)) end)
      end
    end

    if p.n_experts then
      chain:step {
        section = "ch. 18", name = "Mixture of experts", formula = "experts route per token",
        inputs = { n_experts = p.n_experts, n_experts_active = p.n_experts_active }, result = p.n_experts,
        interpretation = function() return string.format("%d experts%s: changes compute per token, not how the sequence "
          .. "is remembered", p.n_experts, p.n_experts_active and string.format(" (%d active)", p.n_experts_active) or "") end,
        receipt = "derived" }
    end

    chain:factor("detection", c.source == "architecture" and "ok" or "warn")
    chain:factor("class_evidence", "warn")
    chain:factor("class_detail", detail)

    return { verdict = VERDICT[class], key = key,
      reason = function() return string.format("%s. Memory: %s. Failure mode: %s.", c.why, facts.remembers, facts.fails) end,
      mitigation = MITIGATION[class] }
  end,
}

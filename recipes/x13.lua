-- X-13 · Effective context (upstream js/swa_unmasker.js): how far does the
-- model actually attend — sliding windows, local/global layer patterns, RoPE
-- extensions — against the context it advertises?
local mc = require "lib.memory_class"
local mp = require "lib.model_params"
local errors = require "lib.errors"
local fmt = require "lib.fmt"

-- Relaying through layers reaches roughly twice the window, not window × layers
-- (the theoretical receptive field breaks down after a few hops): upstream's
-- empirical rule of thumb.
local SWA_MULTIHOP = 2
-- effective/advertised at or below this is "severely inflated" (Mistral-7B: 4096·2/32768 = 0.25).
local SEVERE_RATIO = 0.25

-- Confidence factors (ok = 1, warn = ½, miss = 0):
--   fields          the config's architecture field ok; inferred from window fields warn
--   layer_pattern   sliding models: the count of sliding layers known ok, assumed
--                   "every layer slides" warn; models without a window ok
--   multi_hop_rule  warn when the 2× relay rule sets the answer, else ok
--   extension       warn when the context was reached by RoPE scaling (quality past
--                   the original length is not established by the config), else ok
--   applicability   miss for fixed-state models: no window to measure (see X-14)

return recipe {
  id = "X-13", name = "Effective Context",
  question = "How far does this model actually attend (sliding windows, layer patterns) vs what it advertises?",
  category = "long-context", sections = { "ch. 18", "ch. 14", "ch. 19" },
  verdicts = { "HONEST", "EXTENDED", "LOCAL/GLOBAL MIX", "WINDOWED (MULTI-HOP)", "INFLATED", "SEVERELY INFLATED",
               "NOT A WINDOW (SEE X-14)" },
  params = {
    T_advertised = mc.T_advertised(), architecture = mc.architecture(), has_SWA = mc.has_SWA(),
    sliding_window = mc.sliding_window(), n_layers = mc.n_layers(), n_swa_layers = mc.n_swa_layers(),
    n_attention_layers = mc.n_attention_layers(),
    rope_type = text { optional = true, from = "rope_scaling.rope_type|rope_scaling.type", doc = "rope_scaling type (linear, dynamic, yarn, llama3, …)" },
    rope_factor = number { gt = 0, optional = true, from = "rope_scaling.factor", doc = "rope_scaling factor" },
    rope_original = integer { min = 1, optional = true, from = "rope_scaling.original_max_position_embeddings", doc = "context before RoPE scaling" },
    n_attention_heads = mp.n_attention_heads { optional = true, doc = "query heads" },
    n_kv_heads = mp.n_kv_heads { optional = true, doc = "key/value heads" },
    d_head = mp.d_head { optional = true, doc = "head dimension" },
  },
  notes = {
    "Reaching a position is not using it: how much of the effective context a model exploits is a decay question (X-2, X-18 with a measured γ).",
  },
  run = function(p, chain)
    local T = p.T_advertised
    if p.architecture == nil and p.has_SWA == nil and p.sliding_window == nil and p.n_attention_layers == nil then
      errors.missing("has_SWA", "X-13 needs the attention pattern: --config PATH reads it, or --set has_SWA=true|false "
        .. "[--set sliding_window=W] or --set architecture=…")
    end
    mc.check("X-13", p)
    local c = mc.classify(p)
    if T == nil and not (mc.FIXED_STATE[c.class] or c.class == "HYBRID") then
      errors.missing("T_advertised", "X-13 needs the advertised context (--model ID, --config PATH or --set T_advertised=…)")
    end
    chain:step {
      section = "ch. 18", name = "Attention pattern", formula = "HYBRID → SSM → RWKV → LINEAR/TTT → SWA → FULL (first match)",
      inputs = { architecture = p.architecture, has_SWA = p.has_SWA, sliding_window = p.sliding_window, T_advertised = T },
      result = c.class, interpretation = function() return c.why .. " (" .. c.source .. ")" end, receipt = "derived" }
    chain:factor("fields", c.source == "architecture" and "ok" or "warn")
    if c.ghost_window then
      chain:note(function() return string.format("sliding_window = %s is declared but not in force (disabled or "
        .. "overridden): full attention.", fmt.commas(p.sliding_window)) end)
    end
    if p.n_kv_heads and p.n_attention_heads and p.d_head and p.n_kv_heads < p.n_attention_heads and p.d_head < 64 then
      chain:note(function() return string.format("GQA with d_head = %d < 64: the KV cache is already compact; compress it "
        .. "further with care.", p.d_head) end)
    end

    if mc.FIXED_STATE[c.class] or c.class == "HYBRID" then
      chain:step {
        section = "ch. 34", name = "Reach", formula = "recurrent state, no attention window",
        inputs = { class = c.class }, result = nil,
        interpretation = c.class == "HYBRID" and "attention layers address the whole context; recurrent layers compress it"
          or "a fixed state summarises the past: no window to unmask", receipt = "derived" }
      chain:factor("applicability", "miss")
      return { verdict = "NOT A WINDOW (SEE X-14)", key = c.class,
        reason = function() return c.class == "HYBRID"
          and string.format("%s: its few attention layers reach the whole context, its recurrent layers hold a fixed state; "
            .. "recall capacity, not a window, sets the limit.", c.why)
          or string.format("%s: the context limit of this %s model is a capacity of its state, not a window.", c.why,
            c.class) end,
        mitigation = "Run X-14 (memory reality) and test recall at your length." }
    end

    if c.class == "SWA" then
      local W = p.sliding_window
      if W == nil then
        errors.missing("sliding_window", "X-13: sliding-window attention is on but its size is unknown: --set sliding_window=W")
      end
      local n_swa, assumed = p.n_swa_layers, p.n_swa_layers == nil
      if assumed then n_swa = p.n_layers end
      local n_global = (n_swa and p.n_layers) and p.n_layers - n_swa or nil
      chain:step {
        section = "ch. 18", name = "Sliding window", formula = "each sliding layer sees the last W tokens",
        inputs = { sliding_window = W, n_swa_layers = p.n_swa_layers, n_layers = p.n_layers }, result = W,
        interpretation = function() return string.format("single-hop recall within %s tokens%s", fmt.commas(W),
          assumed and "; layer pattern unknown: assumed every layer slides"
            or string.format("; %d sliding, %d global layers", n_swa, n_global)) end,
        receipt = "derived" }
      chain:factor("layer_pattern", assumed and "warn" or "ok")
      if assumed then
        chain:note("Layer pattern unknown: assumed every layer slides. If some layers attend globally "
          .. "(Gemma-2 alternates), the model reaches the whole context through them: --set n_swa_layers=K.")
      end
      if p.n_layers then
        chain:step {
          section = "ch. 18", name = "Receptive field", formula = "W × layers (theoretical upper bound)",
          inputs = { sliding_window = W, n_layers = p.n_layers }, result = W * p.n_layers,
          interpretation = function() return string.format("%s tokens if every layer relays perfectly — not a usable reach",
            fmt.commas(W * p.n_layers)) end,
          receipt = "derived" }
      end
      if n_global ~= nil and n_global > 0 then
        chain:factor("multi_hop_rule", "ok")
        chain:factor("extension", "ok")
        return { verdict = "LOCAL/GLOBAL MIX", key = string.format("W %s + %d global layers", fmt.commas(W), n_global),
          reason = function() return string.format("%d of %d layers attend globally, so the advertised %s tokens stay "
            .. "addressable; the %d sliding layers see %s.", n_global, p.n_layers, fmt.commas(T), n_swa, fmt.commas(W)) end,
          mitigation = "The KV cache of the sliding layers caps at W; long-range recall rests on the global layers — "
            .. "test it at your length (needle-in-a-haystack)." }
      end
      local effective = math.min(SWA_MULTIHOP * W, T)
      local ratio = effective / T
      chain:step {
        section = "ch. 18", name = "Effective context", formula = "min(2·W, advertised)",
        inputs = { sliding_window = W, T_advertised = T, factor = SWA_MULTIHOP }, result = effective,
        interpretation = function() return string.format("≈ %s of %s advertised (%s)", fmt.commas(effective), fmt.commas(T),
          fmt.pct(ratio, 2)) end,
        receipt = "provisional" }
      chain:factor("multi_hop_rule", "warn")
      chain:factor("extension", "ok")
      local key = string.format("effective %s / %s", fmt.commas(effective), fmt.commas(T))
      if ratio <= SEVERE_RATIO then
        return { verdict = "SEVERELY INFLATED", key = key,
          reason = function() return string.format("Every layer slides over %s tokens: ≈ %s of the advertised %s are "
            .. "reachable (ratio %.4f ≤ 0.25).", fmt.commas(W), fmt.commas(effective), fmt.commas(T), ratio) end,
          mitigation = function() return string.format("Plan for ≈ %s tokens: chunk or retrieve (RAG) beyond it; keep "
            .. "needles within %s of the question.", fmt.commas(effective), fmt.commas(W)) end }
      elseif ratio < 1 then
        return { verdict = "INFLATED", key = key,
          reason = function() return string.format("Every layer slides over %s tokens: ≈ %s of the advertised %s are "
            .. "reachable (ratio %.4f).", fmt.commas(W), fmt.commas(effective), fmt.commas(T), ratio) end,
          mitigation = function() return string.format("Plan for ≈ %s tokens; retrieve beyond it.",
            fmt.commas(effective)) end }
      end
      return { verdict = "WINDOWED (MULTI-HOP)", key = key,
        reason = function() return string.format("The advertised %s tokens are within 2·W = %s, but single-hop recall stops "
          .. "at W = %s.", fmt.commas(T), fmt.commas(SWA_MULTIHOP * W), fmt.commas(W)) end,
        mitigation = function() return string.format("Keep needles within %s tokens of the question; beyond it recall "
          .. "relies on relaying.", fmt.commas(W)) end }
    end

    -- full attention (or MLA) on every layer: the positional range decides
    chain:factor("layer_pattern", "ok")
    chain:factor("multi_hop_rule", "ok")
    local extended = p.rope_factor ~= nil and p.rope_factor > 1
    if extended then
      local original = p.rope_original or math.floor(T / p.rope_factor + 0.5)
      if T <= original then
        -- the context field holds the pre-scaling length (config reader: T_train =
        -- original_max_position_embeddings under rope_scaling); the advertised length
        -- (max_position_embeddings) is not among the fields, and factor × original
        -- overstates it for llama3-type scaling, so no number is claimed
        chain:step {
          section = "ch. 19", name = "RoPE extension", formula = "positions beyond the original context come from scaling",
          inputs = { rope_type = p.rope_type, rope_factor = p.rope_factor, rope_original = p.rope_original, T_advertised = T },
          result = original,
          interpretation = function() return string.format("trained at %s, scaled ×%s (%s); advertised length not in the fields",
            fmt.commas(original), fmt.f(p.rope_factor, 2), p.rope_type or "type unknown") end,
          receipt = "derived" }
        chain:factor("extension", "warn")
        return { verdict = "EXTENDED", key = string.format("%s ×%s", fmt.commas(original), fmt.f(p.rope_factor, 0)),
          reason = function() return string.format("Full attention, with RoPE scaling ×%s beyond the %s tokens it was "
            .. "trained on.", fmt.f(p.rope_factor, 2), fmt.commas(original)) end,
          mitigation = function() return string.format("Give --set T_advertised=<max_position_embeddings> for the ratio; "
            .. "validate recall beyond %s tokens on your task (X-2 with a measured γ).", fmt.commas(original)) end }
      end
      chain:step {
        section = "ch. 19", name = "RoPE extension", formula = "advertised ≈ factor × original context",
        inputs = { rope_type = p.rope_type, rope_factor = p.rope_factor, rope_original = p.rope_original, T_advertised = T },
        result = original,
        interpretation = function() return string.format("trained at %s%s, scaled ×%s (%s) to %s", fmt.commas(original),
          p.rope_original and "" or " (estimated: advertised / factor)", fmt.f(p.rope_factor, 2),
          p.rope_type or "type unknown", fmt.commas(T)) end,
        receipt = "derived" }
      chain:factor("extension", "warn")
      return { verdict = "EXTENDED", key = string.format("%s → %s (×%s)", fmt.commas(original), fmt.commas(T), fmt.f(p.rope_factor, 0)),
        reason = function() return string.format("Full attention reaches all %s positions, but %s of them come from RoPE "
          .. "scaling ×%s over %s trained.", fmt.commas(T), fmt.commas(T - original), fmt.f(p.rope_factor, 2),
          fmt.commas(original)) end,
        mitigation = function() return string.format("Validate recall beyond %s tokens on your task before relying on it "
          .. "(X-2 with a measured γ).", fmt.commas(original)) end }
    end
    chain:step {
      section = "ch. 18", name = "Effective context", formula = "full attention on every layer: effective = advertised",
      inputs = { T_advertised = T }, result = T,
      interpretation = function() return string.format("all %s positions addressable", fmt.commas(T)) end,
      receipt = "derived" }
    chain:factor("extension", "ok")
    return { verdict = "HONEST", key = string.format("effective %s / %s", fmt.commas(T), fmt.commas(T)),
      reason = function() return string.format("%s: every layer attends over all %s advertised tokens.", c.why,
        fmt.commas(T)) end,
      mitigation = "None for reach; whether the model uses it is a decay question (X-2, X-18)." }
  end,
}

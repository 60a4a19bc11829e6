-- How an architecture keeps its past (upstream js/memory_reality.js), shared by
-- X-13 (effective context) and X-14 (memory reality). Classes are tried in the
-- upstream detection order — HYBRID, SSM, RWKV, LINEAR/TTT, SWA, then FULL
-- (MLA is full attention over a compressed latent cache) — and the first match wins.
local mp = require "lib.model_params"

local M = {}

M.ARCHITECTURES = { "FULL", "SWA", "SSM", "RWKV", "LINEAR", "TTT", "HYBRID", "MLA" }
M.FIXED_STATE = { SSM = true, RWKV = true, LINEAR = true, TTT = true }

-- Parameter declarations (call inside the params table, in this order).
function M.architecture() return choice { choices = M.ARCHITECTURES, optional = true, doc = "memory architecture (config reader: FULL, SWA, SSM, RWKV, LINEAR, TTT, HYBRID, MLA)" } end
function M.has_SWA() return boolean { optional = true, doc = "sliding-window attention enabled (use_sliding_window / layer_types honoured)" } end
function M.sliding_window() return mp.sliding_window { optional = true, doc = "sliding-window size W (tokens)" } end
function M.T_advertised() return integer { min = 1, optional = true, from = "T_max|T_train", doc = "advertised context (max_position_embeddings, the model field T_max; else T_train)" } end
function M.n_layers() return mp.n_layers { optional = true, doc = "layers" } end
function M.n_swa_layers() return mp.n_swa_layers { optional = true, doc = "layers that slide (the rest attend globally); unknown → all slide" } end
function M.n_attention_layers() return mp.n_attention_layers { optional = true, doc = "layers with attention, in a hybrid (the rest are recurrent)" } end

-- Layer counts must fit inside the model (usage error otherwise).
function M.check(rid, p)
  for _, k in ipairs { "n_swa_layers", "n_attention_layers" } do
    if p[k] ~= nil and p.n_layers ~= nil and p[k] > p.n_layers then
      require("lib.errors").usage("%s: parameter '%s' must be <= n_layers (%d), got %d", rid, k, p.n_layers, p[k])
    end
  end
end

-- `why`, in words, is formatted only when read (an interpretation or reason
-- that is shown): a lean sweep row never reads it.
local WHY = {} -- the private key of the function that gives `why`
local LAZY_WHY = { __index = function(r, k) if k == "why" then return r[WHY]() end end }

-- → { class, rule, source, why, ghost_window, window_ge_context }
--   rule: 1-based position in the detection order that matched
--   source: "architecture" (the config field) or "inferred" (from the window fields)
function M.classify(p)
  local a = p.architecture
  local source = a and "architecture" or "inferred"
  -- why: a string, or a function that gives it
  local function out(class, rule, why, extra)
    local r = { class = class, rule = rule, source = source }
    if type(why) == "function" then r[WHY] = why; setmetatable(r, LAZY_WHY) else r.why = why end
    for k, v in pairs(extra or {}) do r[k] = v end
    return r
  end
  -- some but not all layers attend (zero attention layers is a pure recurrent model)
  local n_attn, n_layers = p.n_attention_layers, p.n_layers
  if a == "HYBRID" or (n_attn and n_layers and n_attn > 0 and n_attn < n_layers) then
    return out("HYBRID", 1, a == "HYBRID" and "architecture = HYBRID"
      or function() return string.format("%d of %d layers have attention", n_attn, n_layers) end)
  end
  if a == "SSM" then return out("SSM", 2, "architecture = SSM") end
  if a == "RWKV" then return out("RWKV", 3, "architecture = RWKV") end
  if a == "LINEAR" or a == "TTT" then return out(a, 4, "architecture = " .. a) end
  local W, T = p.sliding_window, p.T_advertised
  local swa_claimed = a == "SWA" or (a == nil and p.has_SWA == true)
  local window_on = W ~= nil and p.has_SWA ~= false and (a == nil or a == "SWA")
  if swa_claimed or window_on then
    if W ~= nil and T ~= nil and W >= T then
      return out("FULL", 6,
        function() return string.format("window %d ≥ advertised context %d: no effective limit", W, T) end,
        { window_ge_context = true })
    end
    return out("SWA", 5, W and function() return string.format("sliding window %d%s", W,
      T and string.format(" < context %d", T) or "") end
      or "sliding window enabled, size unknown")
  end
  local ghost = W ~= nil -- a window that is declared but not in force
  if a == "MLA" then return out("MLA", 6, "architecture = MLA (latent KV)", { ghost_window = ghost }) end
  return out("FULL", 6, function() return (a == "FULL" and "architecture = FULL" or "no sliding window")
    .. (ghost and string.format("; window %d declared but disabled", W) or "") end, { ghost_window = ghost })
end

-- Receipt-level facts per class: traffic light, how it remembers, how it fails.
M.FACTS = {
  FULL = { light = "green", remembers = "random-access recall: every cached key/value stays addressable",
           fails = "by cost (KV grows linearly, prefill O(n²)) and by positional decay past the training length; the middle of long inputs is used worst" },
  MLA = { light = "green", remembers = "random-access recall over a compressed latent KV (full attention, smaller cache)",
          fails = "as full attention; the latent rank bounds what each cached token keeps" },
  SWA = { light = "yellow", remembers = "exact recall inside the window W; beyond it only by relaying through layers",
          fails = "single-hop retrieval of a needle farther than W; multi-hop relay degrades after a few hops" },
  HYBRID = { light = "yellow", remembers = "random-access recall only through its attention layers; recurrent layers carry a fixed state",
             fails = "recall capacity set by the few attention layers; the recurrent layers compress" },
  SSM = { light = "red", remembers = "a fixed-size state updated token by token (lossy compression of the past)",
          fails = "exact recall and copying of arbitrary earlier tokens, worse as the context grows" },
  RWKV = { light = "red", remembers = "a linear-recurrent fixed state (declares heads, but no KV cache)",
           fails = "exact recall of arbitrary earlier tokens beyond what the state holds" },
  LINEAR = { light = "red", remembers = "kernelised attention folded into a fixed state (φ(K)ᵀV)",
             fails = "associative recall: the state cannot keep every key separable" },
  TTT = { light = "orange", remembers = "a state updated by a learned rule at test time (delta rule)",
          fails = "fixed capacity still: overwrites under long or dense inputs, better recall than plain linear" },
}

return M

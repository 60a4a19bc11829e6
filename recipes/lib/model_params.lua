-- Parameter declarations shared by the recipes: a model's geometry and the
-- run settings several recipes take. Each holds its physical bounds here, in
-- one place; a recipe may pass fields of its own (doc, optional, default,
-- from, a tighter bound): mp.n_params { optional = true, doc = "…" }.
-- Call each function inside the params table so declaration order follows
-- the recipe's own text.
local M = {}

-- A declaration of `kind` ("number" or "integer") with the fields of `base`,
-- then those of the recipe's `over`.
local function shared(kind, base)
  return function(over)
    local spec = {}
    for k, v in pairs(base) do spec[k] = v end
    for k, v in pairs(over or {}) do spec[k] = v end
    return (kind == "integer" and integer or number)(spec)
  end
end

M.theta = shared("number", { gt = 0, max = 1e15, doc = "RoPE base θ (rope_theta)" })
M.T_train = shared("integer", { min = 1, max = 1e12, doc = "training context length (tokens)" })
M.T_eval = shared("integer", { min = 1, max = 1e12, default_from = "T_train", doc = "evaluation context length L (tokens)" })
M.n_attention_heads = shared("integer", { min = 1, max = 1e6, doc = "attention (query) heads per layer" })
M.n_kv_heads = shared("integer", { min = 1, max = 1e6, doc = "key/value heads per layer (GQA when fewer than query heads)" })
M.d_head = shared("integer", { min = 1, max = 65536, doc = "head dimension" })
M.n_layers = shared("integer", { min = 1, max = 100000, doc = "transformer layers" })
M.n_params = shared("number", { min = 1, max = 1e15, doc = "parameter count N" })
M.d_model = shared("integer", { min = 1, max = 1e6, doc = "hidden size" })
M.vocab = shared("integer", { min = 1, max = 1e8, doc = "vocabulary size" })
M.bytes_per_weight = shared("number", { min = 0.0625, max = 8, doc = "bytes per weight (0.5 to 64 bits)" })
M.tokens = shared("number", { min = 1, max = 1e17, doc = "training tokens" })
M.utilisation = shared("number", { min = 1e-6, max = 1, doc = "achieved fraction of peak" })
function M.has_SWA() return boolean { default = false, doc = "sliding-window attention present" } end

-- Architecture fields (SPEC §8), all optional: a model without them keeps the
-- plain 2·L·n_kv·d_h·seq·B of every layer (lib.kv).
local ARCH_CHOICES = { "FULL", "SWA", "MLA", "SSM", "RWKV", "LINEAR", "HYBRID" }
local KV_LAYOUT = {
  { "architecture", function() return choice { choices = ARCH_CHOICES, optional = true, doc = "how the model remembers the context" } end },
  { "position", function() return choice { choices = { "rope", "alibi", "absolute", "none", "unknown" }, optional = true, doc = "positional encoding" } end },
  { "sliding_window", function() return integer { min = 1, optional = true, doc = "tokens a sliding-window layer keeps" } end },
  { "n_swa_layers", function() return integer { min = 0, optional = true, doc = "layers limited to the window (default: every attention layer)" } end },
  { "n_attention_layers", function() return integer { min = 0, optional = true, doc = "attention layers (hybrids: the rest are recurrent)" } end },
  { "kv_lora_rank", function() return integer { min = 1, optional = true, doc = "MLA latent width cached per token and layer" } end },
  { "qk_rope_head_dim", function() return integer { min = 0, optional = true, doc = "MLA decoupled RoPE key width cached per token and layer" } end },
  { "state_elements", function() return number { min = 0, optional = true, doc = "recurrent state per sequence, all SSM/RWKV layers (elements)" } end },
}

-- Add the architecture fields to a recipe's params table; returns the table.
function M.with_kv_layout(params)
  for _, f in ipairs(KV_LAYOUT) do params[f[1]] = f[2]() end
  return params
end

-- The same declaration made optional, for recipes that also serve models
-- without the field (no RoPE, no attention); check with M.need inside run.
function M.optional(spec)
  spec.optional = true
  return spec
end

-- Raise the usual missing-input error (exit 2) for the first absent field.
function M.need(p, recipe_id, names)
  for _, n in ipairs(names) do
    if p[n] == nil then
      require("lib.errors").missing(n, "%s needs '%s' for this model: give --model ID, --config PATH or --set %s=VALUE",
        recipe_id, n, n)
    end
  end
end

return M

-- Parameter declarations shared by the recipes that read a model's geometry.
-- Call each function inside the params table so declaration order follows
-- the recipe's own text.
local M = {}

function M.theta() return number { gt = 0, max = 1e15, doc = "RoPE base θ (rope_theta)" } end
function M.T_train() return integer { min = 1, max = 1e12, doc = "training context length (tokens)" } end
function M.T_eval() return integer { min = 1, max = 1e12, default_from = "T_train", doc = "evaluation context length L (tokens)" } end
function M.n_attention_heads() return integer { min = 1, max = 1e6, doc = "attention (query) heads per layer" } end
function M.n_kv_heads() return integer { min = 1, max = 1e6, doc = "key/value heads per layer (GQA when fewer than query heads)" } end
function M.d_head() return integer { min = 1, max = 65536, doc = "head dimension" } end
function M.n_layers() return integer { min = 1, max = 100000, doc = "transformer layers" } end
function M.n_params() return number { min = 1, max = 1e15, doc = "parameter count N" } end
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

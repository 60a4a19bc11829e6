-- §19.1 KV-cache memory that follows the architecture (taf.kv_cache_memory_model):
-- the result keeps the seed's {bytes, MB, GB}; the formula text and a short
-- interpretation say which layout was counted.
local M = {}

local FORMULA = {
  full = "2·L·n_kv·d_h·seq·B",
  sliding_window = "2·n_kv·d_h·B·(L_full·seq + L_swa·min(seq, W))",
  mla_latent = "L·(kv_lora_rank + qk_rope_head_dim)·seq·B",
  recurrent_state = "state_elements·B (constant in seq)",
  hybrid = "L_attn·(KV per token)·seq·B + state_elements·B",
}

local RESULT_KEYS = { "bytes", "MB", "GB" }

-- `p` holds the model fields (recipe parameters); returns the result table,
-- the formula text and an interpretation suffix ("" for plain full attention).
function M.memory(p, seq, bytes)
  local kv = taf.kv_cache_memory_model(p, seq, bytes)
  local how = ""
  if kv.method == "sliding_window" then
    how = string.format(" (%s of %d layers keep at most %d tokens)",
      tostring(p.n_swa_layers or p.n_attention_layers or p.n_layers), p.n_layers, p.sliding_window)
  elseif kv.method == "mla_latent" then
    how = string.format(" (MLA latent: %d + %d per token and layer)", p.kv_lora_rank, p.qk_rope_head_dim or 0)
  elseif kv.method == "recurrent_state" then
    how = string.format(" (constant recurrent state of %.0f elements)", p.state_elements or 0)
  elseif kv.method == "hybrid" then
    how = string.format(" (%d attention layers + recurrent state)", p.n_attention_layers or 0)
  end
  local result = taf.json.ordered({ bytes = kv.bytes, MB = kv.MB, GB = kv.GB }, RESULT_KEYS)
  return result, FORMULA[kv.method] or FORMULA.full, how, kv.method
end

-- The bytes alone, for searches that price many lengths (no formula or words).
function M.bytes(p, seq, bytes)
  return taf.kv_cache_memory_model(p, seq, bytes).bytes
end

return M

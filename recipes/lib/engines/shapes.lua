-- The tensors of a decoder-only transformer, by name, layer and shape: the
-- one inventory both engine modules price (lib.engines.llamacpp puts a GGML
-- type and a device on each tensor, lib.engines.vllm shards it over tensor
-- and pipeline ranks). Shapes follow the checkpoint layouts the engines load:
-- tensor names as llama.cpp's GGUF files spell them (src/llama-arch.cpp,
-- checked against ec98e2002), which vLLM's loaders map one to one.
--
-- A model is a table with the tafrun model-field names (taf.read_config,
-- taf.model_fields()) plus a few structural facts the config reader does not
-- keep. Fields read here:
--   n_layers, d_model, n_attention_heads, n_kv_heads, d_head, d_head_v (default d_head),
--   d_ff, vocab, tie_word_embeddings
--   fused_qkv (one attn_qkv tensor), qkv_bias, o_bias, ffn_bias, norm_bias (LayerNorm
--   weight + bias), ffn_gated (default true; false: up/down only), qk_norm, post_norms
--   (Gemma's post-attention and post-FFN norms), attn_sinks (gpt-oss)
--   n_experts, n_experts_active, d_ff_expert, n_shared_experts, d_ff_shared
--   (default n_shared_experts·d_ff_expert), n_dense_lead (leading dense layers),
--   router_bias, expert_bias
--   kv_lora_rank, q_lora_rank, qk_rope_head_dim, qk_nope_head_dim, v_head_dim (MLA),
--   mla_split_kv_b (GGUF stores attn_k_b/attn_v_b instead of attn_kv_b)
local M = {}

local function positive(m, k)
  local v = m[k]
  if type(v) ~= "number" or v <= 0 then
    error(string.format("lib.engines.shapes: model field '%s' must be a positive number, got %s", k, tostring(v)), 3)
  end
  return v
end

-- Is layer `il` (0-based) a mixture-of-experts layer?
function M.is_moe_layer(m, il)
  return (m.n_experts or 0) > 1 and il >= (m.n_dense_lead or 0)
end

-- Is this model MLA (DeepSeek-V2/V3 latent attention)?
function M.is_mla(m)
  return (m.kv_lora_rank or 0) > 0
end

-- The per-layer tensors of layer il: list of { name, role, rows, cols, elements, dim }.
-- role: "attn" (attention projections), "norm", "bias", "ffn" (dense FFN), "router",
-- "experts" (routed expert stacks), "shexp" (shared experts); dim = 1 for vectors.
-- Rule source: src/llama-arch.cpp tensor names + src/llama-model.cpp create_tensor shapes, checked at llama.cpp ec98e2002.
local function layer_tensors(m, il)
  local d = positive(m, "d_model")
  local H = positive(m, "n_attention_heads")
  local out = {}
  local function add(name, role, rows, cols, stack)
    stack = stack or 1
    out[#out + 1] = { name = string.format("blk.%d.%s", il, name), layer = il, role = role,
                      rows = rows, cols = cols, stack = stack, elements = rows * cols * stack,
                      dim = (cols == 1 and stack == 1) and 1 or 2 }
  end
  local function vec(name, n, role) add(name, role or "norm", n, 1) end

  vec("attn_norm.weight", d)
  if m.norm_bias then vec("attn_norm.bias", d, "bias") end

  if M.is_mla(m) then
    local rope, nope = positive(m, "qk_rope_head_dim"), positive(m, "qk_nope_head_dim")
    local vh, kvr = positive(m, "v_head_dim"), positive(m, "kv_lora_rank")
    local qr = m.q_lora_rank or 0
    if qr > 0 then
      add("attn_q_a.weight", "attn", qr, d)
      vec("attn_q_a_norm.weight", qr)
      add("attn_q_b.weight", "attn", H * (nope + rope), qr)
    else
      add("attn_q.weight", "attn", H * (nope + rope), d)
    end
    add("attn_kv_a_mqa.weight", "attn", kvr + rope, d)
    vec("attn_kv_a_norm.weight", kvr)
    if m.mla_split_kv_b then
      add("attn_k_b.weight", "attn", kvr, nope, H)
      add("attn_v_b.weight", "attn", vh, kvr, H)
    else
      add("attn_kv_b.weight", "attn", H * (nope + vh), kvr)
    end
    add("attn_output.weight", "attn", d, H * vh)
  else
    local KV = positive(m, "n_kv_heads")
    local hd = positive(m, "d_head")
    local hv = m.d_head_v or hd
    if m.fused_qkv then
      add("attn_qkv.weight", "attn", H * hd + KV * hd + KV * hv, d)
      if m.qkv_bias then vec("attn_qkv.bias", H * hd + KV * hd + KV * hv, "bias") end
    else
      add("attn_q.weight", "attn", H * hd, d)
      add("attn_k.weight", "attn", KV * hd, d)
      add("attn_v.weight", "attn", KV * hv, d)
      if m.qkv_bias then
        vec("attn_q.bias", H * hd, "bias"); vec("attn_k.bias", KV * hd, "bias"); vec("attn_v.bias", KV * hv, "bias")
      end
    end
    if m.qk_norm then vec("attn_q_norm.weight", hd); vec("attn_k_norm.weight", hd) end
    add("attn_output.weight", "attn", d, H * hv)
    if m.o_bias then vec("attn_output.bias", d, "bias") end
    if m.attn_sinks then vec("attn_sinks.weight", H) end
  end
  if m.post_norms then vec("post_attention_norm.weight", d) end

  vec("ffn_norm.weight", d)
  if m.norm_bias then vec("ffn_norm.bias", d, "bias") end
  if M.is_moe_layer(m, il) then
    local E, fe = m.n_experts, positive(m, "d_ff_expert")
    add("ffn_gate_inp.weight", "router", E, d)
    if m.router_bias then vec("ffn_gate_inp.bias", E, "bias") end
    add("ffn_gate_exps.weight", "experts", fe, d, E)
    add("ffn_up_exps.weight", "experts", fe, d, E)
    add("ffn_down_exps.weight", "experts", d, fe, E)
    if m.expert_bias then
      add("ffn_gate_exps.bias", "bias", fe, 1, E); add("ffn_up_exps.bias", "bias", fe, 1, E)
      add("ffn_down_exps.bias", "bias", d, 1, E)
    end
    local sh = m.d_ff_shared or (m.n_shared_experts or 0) * fe
    if sh > 0 then
      add("ffn_gate_shexp.weight", "shexp", sh, d)
      add("ffn_up_shexp.weight", "shexp", sh, d)
      add("ffn_down_shexp.weight", "shexp", d, sh)
    end
  else
    local ff = positive(m, "d_ff")
    if m.ffn_gated == false then
      add("ffn_up.weight", "ffn", ff, d)
      if m.ffn_bias then vec("ffn_up.bias", ff, "bias") end
    else
      add("ffn_gate.weight", "ffn", ff, d)
      add("ffn_up.weight", "ffn", ff, d)
    end
    add("ffn_down.weight", "ffn", d, ff)
    if m.ffn_bias then vec("ffn_down.bias", d, "bias") end
  end
  if m.post_norms then vec("post_ffw_norm.weight", d) end
  return out
end
M.layer_tensors = layer_tensors

-- Every tensor of the model: { globals = {token_embd, output_norm[, output]}, layers = { [il+1] = list } }.
-- A tied model has no output tensor (the engines reuse token_embd).
function M.tensors(m)
  local d, V = positive(m, "d_model"), positive(m, "vocab")
  local g = {}
  g[#g + 1] = { name = "token_embd.weight", role = "embed", rows = V, cols = d, stack = 1, elements = V * d, dim = 2 }
  g[#g + 1] = { name = "output_norm.weight", role = "norm", rows = d, cols = 1, stack = 1, elements = d, dim = 1 }
  if m.norm_bias then
    g[#g + 1] = { name = "output_norm.bias", role = "bias", rows = d, cols = 1, stack = 1, elements = d, dim = 1 }
  end
  if not m.tie_word_embeddings then
    g[#g + 1] = { name = "output.weight", role = "output", rows = V, cols = d, stack = 1, elements = V * d, dim = 2 }
  end
  local layers = {}
  for il = 0, positive(m, "n_layers") - 1 do layers[il + 1] = layer_tensors(m, il) end
  return { globals = g, layers = layers }
end

-- Parameters by role over the whole model (the active count: dense weights plus
-- n_experts_active/n_experts of the routed experts).
function M.param_counts(m)
  local t = M.tensors(m)
  local total, experts, embed, output = 0, 0, 0, 0
  for _, x in ipairs(t.globals) do
    total = total + x.elements
    if x.role == "embed" then embed = x.elements elseif x.role == "output" then output = x.elements end
  end
  for _, list in ipairs(t.layers) do
    for _, x in ipairs(list) do
      total = total + x.elements
      if x.role == "experts" then experts = experts + x.elements end
    end
  end
  local frac = (m.n_experts or 0) > 1 and (m.n_experts_active or 1) / m.n_experts or 1
  return { total = total, experts = experts, embed = embed, output = output,
           active = total - experts + experts * frac - embed }
end

-- The sliding-window period: m.swa_period, else derived from the count
-- taf.read_config reports (n_swa_layers of n_layers: one global layer every
-- p = n_layers // (n_layers − n_swa_layers) layers), else nil.
function M.swa_period(m)
  if (m.swa_period or 0) > 0 then return m.swa_period end
  local n, k = m.n_layers, m.n_swa_layers
  if (m.sliding_window or 0) > 0 and type(k) == "number" and k > 0 and k < n then
    return n // (n - k)
  end
end

-- Sliding-window layers: `m.swa_layers` (a list of 0-based indices) when given,
-- else llama.cpp's period rule (hparams.set_swa_pattern, src/llama-hparams.cpp
-- ec98e2002): with period p, layer il slides when il % p < p − 1 (Gemma 2 and
-- gpt-oss p = 2, Gemma 3 p = 6). Returns a set { [il] = true }.
-- Rule source: src/llama-hparams.cpp set_swa_pattern, checked at llama.cpp ec98e2002.
function M.swa_set(m)
  local set = {}
  local p = M.swa_period(m)
  if type(m.swa_layers) == "table" then
    for _, il in ipairs(m.swa_layers) do set[il] = true end
  elseif p and (m.sliding_window or 0) > 0 then
    for il = 0, m.n_layers - 1 do
      if il % p < p - 1 then set[il] = true end
    end
  end
  return set
end

return M

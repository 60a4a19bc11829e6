-- Shared pieces of the hardware recipes (X-4, X-8, X-15, X-20): weight and
-- KV precisions resolved with a usage error naming the nearest formats, GPU
-- memory in bytes, GiB for display, and the precision ladders.
local errors = require "lib.errors"
local kvlib = require "lib.kv"
local mp = require "lib.model_params"

local M = {}

M.GIB = 1073741824.0 -- 2^30: GPU memory is sold in GiB ("80 GB" H100 = 80 GiB)

function M.gib(bytes) return bytes / M.GIB end

local function names_of(list)
  local out = {}
  for _, e in ipairs(list) do
    out[#out + 1] = e.name
    for _, a in ipairs(e.aliases) do out[#out + 1] = a end
  end
  return out
end

-- A weight format by name or alias (BF16, bfloat16, Q4_K_M, AWQ …); an unknown
-- name stops with exit 2 and the three nearest names.
function M.weight_format(name, param)
  local f = taf.quant_format(name)
  if f == nil then
    errors.usage("unknown weight format '%s' for '%s' (given with --set, or the model's dtype: see "
      .. "'tafrun show-model'); nearest: %s (all: taf.quant_formats())", name,
      param or "weight_format", table.concat(errors.nearest(name, names_of(taf.quant_formats()), 3), ", "))
  end
  return f
end

-- A KV-cache element type (f16, q8_0, q4_0, fp8 …).
function M.kv_dtype(name, param)
  local k = taf.kv_dtype(name)
  if k == nil then
    errors.usage("unknown KV cache type '%s' for '%s'; nearest: %s", name, param or "kv_dtype",
      table.concat(errors.nearest(name, names_of(taf.kv_dtypes()), 3), ", "))
  end
  return k
end

-- Names for choice { … } declarations.
function M.kv_dtype_names()
  local out = {}
  for _, k in ipairs(taf.kv_dtypes()) do out[#out + 1] = k.name end
  return out
end

-- VRAM of one GPU in bytes: the override (GiB) when given, else the
-- catalog's; on unified memory (Apple Silicon) only the share the GPU may wire
-- (gpu_wired_share: macOS's default recommendedMaxWorkingSetSize), said in a
-- note on `chain` when one is given.
function M.vram_bytes(gpu_name, override_GiB, chain)
  if override_GiB then return override_GiB * M.GIB end
  local g = taf.gpu(gpu_name)
  local share = g.gpu_wired_share or 1
  if share < 1 and chain then
    chain:note(function() return string.format("%s: the GPU may wire %.0f%% of the %g GiB of unified memory by default "
      .. "(%.1f GiB); the rest stays with macOS. Raising it (sudo sysctl iogpu.wired_limit_mb=N) or --set vram_GiB=N "
      .. "changes the budget.", g.name, share * 100, g.vram_GB, g.vram_GB * share) end)
  end
  return g.vram_GB * share * M.GIB
end

-- Rescue ladders, most to least precise, for the two ecosystems: GGUF files
-- (llama.cpp, Ollama) and checkpoints served by transformers/vLLM.
M.LADDER = {
  gguf = { "F32", "BF16", "Q8_0", "Q6_K", "Q5_K_M", "Q4_K_M", "IQ4_XS", "Q3_K_M", "Q2_K" },
  other = { "F32", "BF16", "FP8", "INT8", "AWQ", "Q3_K_M", "Q2_K" },
}

-- The formats below `f` on its ladder, in order.
function M.below(f)
  local ladder = f.kind == "gguf" and M.LADDER.gguf or M.LADDER.other
  local out = {}
  for _, name in ipairs(ladder) do
    local g = taf.quant_format(name)
    if g.bits_per_weight < f.bits_per_weight then out[#out + 1] = g end
  end
  return out
end

-- KV bytes per token of one sequence, the whole model (2·L·n_kv·d_h·B).
function M.kv_per_token(p, bytes_per_element)
  return taf.kv_cache_memory(p.n_layers, p.n_kv_heads, p.d_head, 1, bytes_per_element).bytes
end

-- Recurrent layouts (SSM, RWKV, linear attention) keep a state, not per-head
-- K/V; every other layout needs n_kv_heads and d_head (mp.need: exit 2).
local RECURRENT = { SSM = true, RWKV = true, LINEAR = true }
function M.need_heads(p, recipe_id, extra)
  if RECURRENT[p.architecture or ""] and (p.n_attention_layers or 0) == 0 then return false end
  local names = { "n_kv_heads", "d_head" }
  for _, n in ipairs(extra or {}) do names[#names + 1] = n end
  mp.need(p, recipe_id, names)
  return true
end

-- The VRAM budget of `batch` sequences at `ctx` tokens, the KV cache counted
-- by the model's layout (lib.kv: full, sliding window, MLA latent, recurrent
-- state). A full cache is linear in the context and taf.vram_fit gives the
-- largest context in closed form; other layouts are searched (doubling, then
-- bisection) with taf.vram_budget as the predicate. Returns the fit table,
-- the KV formula text, its interpretation suffix and the layout method.
function M.fit(p, weights, bytes_per_element, batch, ctx, d_model, flash_attn, vram, n_gpus)
  local kv, formula, how, method = kvlib.memory(p, ctx, bytes_per_element)
  if method == "full" then
    return taf.vram_fit(weights, M.kv_per_token(p, bytes_per_element), batch, ctx, d_model, flash_attn, vram, n_gpus),
      formula, how, method
  end
  local function at(t)
    return taf.vram_budget(weights, batch * kvlib.bytes(p, t, bytes_per_element), t, d_model, flash_attn,
                           vram, n_gpus)
  end
  local f = at(ctx)
  local max
  if not at(0).fits then
    max = 0
  else
    local lo, hi = 0, 1
    while hi <= M.MAX_CONTEXT and at(hi).fits do lo, hi = hi, hi * 2 end
    if hi > M.MAX_CONTEXT then
      max = math.huge -- the cache stops growing: memory does not bound the context
    else
      while hi - lo > 1 do
        local mid = (lo + hi) // 2
        if at(mid).fits then lo = mid else hi = mid end
      end
      max = lo
    end
  end
  f.max_context = max
  return f, formula, how, method
end
M.MAX_CONTEXT = 1 << 30

-- llama.cpp layer split: the share of weights outside the blocks (embeddings
-- and output head, 2·vocab·d_model of N when both are known, else upstream's
-- 12%), the bytes of one layer (its weights and its KV), and -ngl.
function M.offload(p, weights, kv_total, overhead, vram)
  local non_layer = (p.vocab and p.d_model) and math.min(0.5, 2 * p.vocab * p.d_model / p.n_params) or 0.12
  local per_layer = (weights * (1 - non_layer) + kv_total) / p.n_layers
  local ngl = taf.offload_layers(vram, overhead, weights * non_layer, per_layer, p.n_layers)
  return ngl, per_layer, non_layer
end

return M

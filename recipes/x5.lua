-- X-5 · Hardware selection for serving (seed formulas module).
local mp = require "lib.model_params"
local kvlib = require "lib.kv"

return recipe {
  id = "X-5", name = "Hardware Selection",
  question = "Which GPU should I use to serve my model at target throughput?",
  category = "serving", sections = { "§19", "§20" },
  verdicts = { "YES", "NO" },
  params = mp.with_kv_layout {
    N_params = mp.n_params { from = "n_params", doc = "parameters of the served model" },
    T_eval = mp.T_eval { default = 4096, doc = "context length per request (tokens)" },
    n_layers = mp.n_layers { default = 32, doc = "transformer layers" },
    n_kv_heads = mp.n_kv_heads { default = 8, doc = "key/value heads per layer" },
    d_head = mp.d_head { default = 128, doc = "head dimension" },
    bytes_per_weight = mp.bytes_per_weight { default = 2.0, doc = "bytes per weight and KV element (bf16 = 2, int8 = 1, int4 = 0.5)" },
    target_tokens_per_day = number { min = 1, max = 1e18, default = 10000000.0, doc = "tokens you must generate per day" },
    concurrent_users = integer { min = 1, max = 1000000, default = 1, doc = "requests held in memory at once" },
  },
  notes = {
    "Decode throughput is the memory-bound ceiling (bandwidth / weight bytes) for one stream; batching raises tokens/s per GPU.",
  },
  run = function(p, chain)
    local w = taf.model_weights_memory(p.N_params, p.bytes_per_weight)
    chain:step {
      section = "§19.X", name = "Model weights memory", formula = "N · bytes_per_weight",
      inputs = { N = p.N_params, bytes = p.bytes_per_weight }, result = w,
      interpretation = function() return string.format("%.1f GiB (%.1f GB) for weights", w.GB * 1e9 / 1073741824, w.GB) end, receipt = "derived" }

    local kv, kv_formula, kv_how = kvlib.memory(p, p.T_eval, p.bytes_per_weight)
    chain:step {
      section = "§19.1", name = "KV cache (per request)", formula = kv_formula,
      inputs = { n_layers = p.n_layers, n_kv = p.n_kv_heads, d_head = p.d_head, seq = p.T_eval },
      result = kv, interpretation = function() return string.format("%.2f GiB (%.2f GB) per concurrent request", kv.bytes / 1073741824, kv.GB) .. kv_how end,
      receipt = "derived" }

    local total = w.GB + kv.GB * p.concurrent_users
    chain:step {
      section = "§20.3", name = "Total GPU memory", formula = "weights + KV·n_concurrent",
      inputs = {}, result = taf.json.ordered({ GB = total }, { "GB" }),
      interpretation = function() return string.format("%.1f GiB (%.1f GB) for %d concurrent users", total * 1e9 / 1073741824, total, p.concurrent_users) end,
      receipt = "derived" }

    local ORDER = { "gpu", "vram_GB", "bw_GB_s", "tok_per_sec", "tok_per_day", "USD_per_day",
                    "USD_per_Mtok", "users_supported" }
    local candidates = {}
    for _, g in ipairs(taf.gpus()) do
      -- the seed compares GB with the card's figure; on unified memory only the
      -- share the GPU may wire counts (Apple Silicon: 2/3 to 3/4 by default)
      if g.vram_GB * (g.gpu_wired_share or 1) >= total then
        local tok_s = taf.inference_decode_throughput(p.N_params, g.bw_GB_s, p.bytes_per_weight)
        local tok_day = tok_s * 86400
        local usd_day = g.usd_h * 24
        candidates[#candidates + 1] = taf.json.ordered({
          gpu = g.name, vram_GB = g.vram_GB, bw_GB_s = g.bw_GB_s, tok_per_sec = tok_s,
          tok_per_day = tok_day, USD_per_day = usd_day,
          USD_per_Mtok = tok_day > 0 and usd_day / (tok_day / 1e6) or math.huge,
          users_supported = tok_day / p.target_tokens_per_day, order = #candidates }, ORDER)
      end
    end
    -- stable sort by $/Mtok, catalog order breaking ties (as Python's sorted);
    -- a card with no public hourly price (usd_h = 0: a local card, or one no
    -- cloud rents) is not free: it ranks after every priced one
    local function unpriced(c) return c.USD_per_day <= 0 end
    table.sort(candidates, function(a, b)
      if unpriced(a) ~= unpriced(b) then return unpriced(b) end
      if a.USD_per_Mtok ~= b.USD_per_Mtok then return a.USD_per_Mtok < b.USD_per_Mtok end
      return a.order < b.order
    end)
    local top = taf.json.array({})
    for i = 1, math.min(5, #candidates) do candidates[i].order = nil; top[i] = candidates[i] end
    chain:step {
      section = "§20", name = string.format("Eligible GPUs (≥%.0fGB)", total), formula = "filter + rank by $/Mtok",
      inputs = { min_VRAM = total }, result = top,
      interpretation = function() return string.format("%d GPUs fit; cheapest: %s", #candidates,
        candidates[1] and candidates[1].gpu or "NONE") end,
      receipt = "derived" }

    chain:factor("prices", "warn")
    chain:factor("memory_fit", #candidates > 0 and "ok" or "miss")
    chain:factor("throughput_model", "warn")

    if #candidates == 0 then
      return { verdict = "NO", reason = function() return string.format("No single GPU has ≥%.0f GB VRAM.", total) end,
        mitigation = "Use tensor parallelism across multiple GPUs (e.g. 2× H100 = 160GB), or quantize to INT8 (halves memory)." }
    end
    local best = candidates[1]
    if taf.gpu(best.gpu).usd_h <= 0 then
      chain:note(function() return string.format("%s has no public hourly price (a local card, or one no cloud rents): "
        .. "its $0/Mtok counts only what you already pay for it.", best.gpu) end)
    end
    return { verdict = "YES",
      reason = function() return string.format("Best GPU: %s at $%.2f/Mtok. Supports %.1f× your daily target.",
        best.gpu, best.USD_per_Mtok, best.users_supported) end,
      mitigation = function() return string.format("Provision %s, expected %.0f tok/s decode.", best.gpu, best.tok_per_sec) end }
  end,
}

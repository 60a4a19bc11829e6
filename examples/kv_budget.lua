-- A custom recipe, complete: how many requests of length L fit on one GPU
-- next to the weights? Run it with
--   tafrun examples/kv_budget.lua --model llama-3-8b --set gpu=h100 --set T_eval=32768
-- The parameters fill themselves from the model preset by name; the formulas
-- come from the `taf` module; every step carries its receipt.
return recipe {
  id = "MY-KV", name = "KV budget per GPU",
  question = "How many requests of length L fit on this GPU next to the weights?",
  category = "serving", sections = { "§19" },
  verdicts = { "FITS", "DOES NOT FIT" },
  params = {
    n_layers = integer { min = 1, doc = "transformer layers" },
    n_kv_heads = integer { min = 1, doc = "key/value heads per layer" },
    d_head = integer { min = 1, doc = "head dimension" },
    n_params = number { gt = 0, doc = "parameter count" },
    T_train = integer { min = 1, doc = "training context" },
    T_eval = integer { min = 1, default_from = "T_train", doc = "context per request" },
    gpu = gpu { default = "H100 SXM", doc = "the serving GPU" },
    bytes = number { gt = 0, max = 4, default = 2.0, doc = "bytes per weight and per KV element" },
  },
  run = function(p, chain)
    local card = taf.gpu(p.gpu)
    local weights = taf.model_weights_memory(p.n_params, p.bytes)
    chain:step { section = "§19.X", name = "Weights", formula = "N · bytes",
                 inputs = { N = p.n_params, bytes = p.bytes }, result = weights.GB,
                 interpretation = string.format("%.1f GB of %d GB", weights.GB, card.vram_GB),
                 receipt = "derived" }
    local kv = taf.kv_cache_memory(p.n_layers, p.n_kv_heads, p.d_head, p.T_eval, p.bytes)
    chain:step { section = "§19.1", name = "KV per request", formula = "2·L·n_kv·d_h·seq·B",
                 inputs = { seq = p.T_eval }, result = kv.GB,
                 interpretation = string.format("%.2f GB per request", kv.GB), receipt = "derived" }
    local n = math.floor((card.vram_GB - weights.GB) / kv.GB)
    chain:step { section = "§19", name = "Concurrent requests", formula = "⌊(VRAM − weights) / KV⌋",
                 inputs = { vram_GB = card.vram_GB }, result = math.max(n, 0),
                 interpretation = "ignores activations and allocator overhead", receipt = "derived" }
    chain:factor("memory_model", "warn")
    chain:note("Real servers reserve 10–20% of VRAM for activations and fragmentation.")
    if n >= 1 then
      return { verdict = "FITS", reason = string.format("%d requests of %d tokens fit on one %s.", n, p.T_eval, card.name),
               mitigation = "None." }
    end
    return { verdict = "DOES NOT FIT", reason = string.format("Weights plus one request exceed %d GB.", card.vram_GB),
             mitigation = "Quantize the weights (--set bytes=1) or the KV cache, or shard across GPUs." }
  end,
}

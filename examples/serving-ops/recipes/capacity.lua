-- Capacity planning: how many GPUs serve a traffic target, and what it costs
-- per month at our prices. X-4 says whether one replica holds the context;
-- X-8 gives the per-replica throughput, TTFT and TPOT; this recipe sizes the
-- fleet with headroom and prices it.
local function fmt_usd(x) return string.format("$%.0f", x) end

return recipe {
  id = "OPS-CAPACITY", name = "Capacity plan",
  question = "How many GPUs serve this traffic within latency targets, and what does it cost per month?",
  category = "serving", sections = { "§19", "§20", "§36" },
  verdicts = { "PLAN", "PLAN (LATENCY AT RISK)", "DOES NOT FIT" },
  params = {
    n_params = number { min = 1, max = 1e15, doc = "parameter count" },
    n_layers = integer { min = 1, max = 100000, doc = "layers" },
    n_attention_heads = integer { min = 1, max = 1e6, doc = "query heads" },
    n_kv_heads = integer { min = 1, max = 1e6, doc = "key/value heads" },
    d_head = integer { min = 1, max = 65536, doc = "head dimension" },
    T_train = integer { min = 1, max = 1e12, optional = true, doc = "training context" },
    gpu = gpu { default = "H100 SXM", doc = "serving GPU (our prices)" },
    peak_rps = number { gt = 0, max = 1e6, default = 20, doc = "peak requests per second", unit = "req/s" },
    prompt_tokens = integer { min = 1, max = 1e8, default = 2048, doc = "prompt length per request" },
    output_tokens = integer { min = 1, max = 1e8, default = 256, doc = "generated tokens per request" },
    headroom = number { min = 0, max = 4, default = 0.3, doc = "spare capacity over peak (0.3 = 30%)" },
    tpot_target_ms = number { gt = 0, max = 1e6, default = 50, doc = "time per output token objective", unit = "ms" },
  },
  notes = { "Throughput per replica is X-8's bandwidth-bound decode estimate at its default batch; measure on your stack before buying." },
  run = function(p, chain)
    local model = { n_params = p.n_params, n_layers = p.n_layers, n_attention_heads = p.n_attention_heads,
                    n_kv_heads = p.n_kv_heads, d_head = p.d_head, T_train = p.T_train }
    local ctx = p.prompt_tokens + p.output_tokens
    local function set(extra)
      extra.gpu = p.gpu
      return extra
    end
    local fit = taf.run_recipe("x4", { model = model, set = set { T_eval = ctx } })
    chain:step { section = "§19", name = "X-4 fit of one replica", formula = "weights + KV(P+O) + overhead ≤ VRAM",
                 inputs = { gpu = p.gpu, T_eval = ctx }, result = fit.verdict,
                 interpretation = fit.reason, receipt = "derived" }
    if fit.verdict == "WEIGHTS-BOUND" or fit.verdict == "KV-BOUND" then
      chain:factor("fit", "miss")
      return { verdict = "DOES NOT FIT", reason = "X-4: " .. fit.reason, mitigation = fit.mitigation }
    end

    local serve = taf.run_recipe("x8", { model = model, set = set { prompt_tokens = p.prompt_tokens, output_tokens = p.output_tokens,
                                                     tpot_target_ms = p.tpot_target_ms } })
    local tput
    for _, s in ipairs(serve.chain) do
      if type(s.result) == "table" and s.result.tokens_per_s then tput = s.result.tokens_per_s end
    end
    chain:step { section = "§36", name = "X-8 replica throughput", formula = "decode tokens/s at the X-8 batch",
                 inputs = { gpu = p.gpu }, result = tput, interpretation = serve.verdict .. ": " .. serve.reason,
                 receipt = "derived" }

    local need = p.peak_rps * p.output_tokens * (1 + p.headroom)
    local replicas = math.max(1, math.ceil(need / tput))
    chain:step { section = "§36", name = "Replicas", formula = "⌈peak_rps · O · (1 + headroom) / tokens_per_s⌉",
                 inputs = { peak_rps = p.peak_rps, output_tokens = p.output_tokens, headroom = p.headroom },
                 result = replicas, interpretation = string.format("%.0f output tok/s needed, %.0f per replica", need, tput),
                 receipt = "derived" }

    local card = taf.gpu(p.gpu)
    local monthly = replicas * card.usd_h * 24 * 30
    chain:step { section = "§20", name = "Monthly cost", formula = "replicas · USD/h · 720 h",
                 inputs = { usd_h = card.usd_h, origin = card.origin }, result = monthly,
                 interpretation = string.format("%s/month at %s prices", fmt_usd(monthly), card.origin),
                 receipt = "derived" }

    chain:factor("fit", "ok")
    chain:factor("throughput_model", "warn")
    chain:factor("prices", card.origin == "built-in" and "warn" or "ok")
    local at_risk = serve.verdict == "MISSES LATENCY TARGET"
    return { verdict = at_risk and "PLAN (LATENCY AT RISK)" or "PLAN",
             reason = string.format("%d × %s for %.0f req/s peak (+%.0f%% headroom): %s/month.", replicas, card.name,
               p.peak_rps, p.headroom * 100, fmt_usd(monthly)),
             mitigation = at_risk and "Lower the decode batch or use a faster GPU: X-8 misses the TPOT target."
               or "None.",
             key = string.format("%d GPUs, %s/mo", replicas, fmt_usd(monthly)) }
  end,
}

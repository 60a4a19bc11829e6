-- X-8 · Serving cost and latency (cookbook recipe 8, ch. 36): prefill is
-- compute-bound and sets the time to first token; decode is bandwidth-bound
-- (every step rereads the weights and the KV cache) and sets the time per
-- output token; the KV budget bounds how many requests run at once; the
-- GPU's hourly price turns tokens/s into $/Mtok.
--   TTFT = max(prefill FLOPs/(peak·MFU), weight bytes/(BW·MBU)), prefill FLOPs = 2·N_a·P + 2·L·P²·d_q
--   TPOT = max(bytes moved/(BW·MBU), decode FLOPs/(peak·MFU)), bytes = weights read + batch·KV(P + O/2)
--   MoE: N_a = active parameters; a decode step reads W·min(1, batch·N_a/N) of the weights
--   (uniform routing assumed); dense models read all of W
--   requests = ⌊(VRAM − weights − overhead)/KV(P + O)⌋
-- With --set engine=llama.cpp or vllm the engine's own rules (lib.engine_steps)
-- decide the fit and the requests held at once (llama-server slots; vLLM blocks).
--
-- Confidence factors:
--   mfu, mbu       warn: utilisations are assumptions (measure yours; typical MFU 0.3–0.6
--                  in prefill, MBU 0.6–0.85 in decode)
--   prices         warn for catalog list prices; miss for a local card without an hourly price
--   parallelism    ok on one GPU; warn for n_gpus > 1 (ideal tensor-parallel scaling assumed)
--   kv_fit         ok when the requested batch fits the KV budget; warn when it is capped
--   kv_layout      ok unless the cache is counted windowed (sliding window: engines that
--                  keep a full cache hold fewer requests)
--   engine_rules   engine=llama.cpp|vllm only (lib.engine_steps): ok for llama.cpp's buffer rules,
--                  warn for a mixed quant priced at its effective bits and for vLLM (activation
--                  peak and non-torch memory are estimates)
local hw = require "lib.hw"
local kvlib = require "lib.kv"
local mp = require "lib.model_params"
local fmt = require "lib.fmt"
local engines = require "lib.engine_steps"

local function gib(x) return fmt.f(hw.gib(x), 2) .. " GiB" end

return recipe {
  id = "X-8", name = "Serving Cost and Latency",
  question = "What TTFT, TPOT, concurrent requests and $/Mtok will this model get on this GPU?",
  category = "serving", sections = { "§19", "§20", "§36" },
  verdicts = { "SERVES", "SERVES (KV-LIMITED BATCH)", "MISSES LATENCY TARGET", "DOES NOT FIT" },
  params = engines.params(mp.with_kv_layout {
    n_params = mp.n_params { doc = "parameter count N (all experts for MoE: what sits in memory)" },
    n_params_active = mp.n_params_active { gt = 0, optional = true, doc = "parameters active per token (MoE)" },
    n_layers = mp.n_layers { doc = "transformer layers" },
    n_attention_heads = mp.n_attention_heads { optional = true, doc = "attention (query) heads per layer (not for SSM/RWKV)" },
    n_kv_heads = mp.n_kv_heads { optional = true, doc = "key/value heads per layer (not for SSM/RWKV)" },
    d_head = mp.d_head { optional = true, doc = "head dimension (not for SSM/RWKV)" },
    d_model = mp.d_model { optional = true, doc = "hidden size (activation scratch)" },
    T_train = mp.T_train { optional = true, doc = "training context length (warns past it)" },
    gpu = gpu { default = "H100 SXM", doc = "serving GPU (tafrun list gpus)" },
    n_gpus = integer { min = 1, max = 64, default = 1, doc = "GPUs per replica (ideal tensor parallel)" },
    vram_GiB = number { gt = 0, max = 16384, optional = true, unit = "GiB", doc = "VRAM per GPU, overriding the catalog" },
    weight_format = text { from = "dtype", default = "BF16",
                           doc = "weight precision: BF16, F16, FP8, INT8, AWQ, GPTQ, NF4 or a GGUF type" },
    bytes_per_weight = mp.bytes_per_weight { optional = true, doc = "bytes per weight from a file; overrides weight_format" },
    kv_dtype = choice { choices = hw.kv_dtype_names(), default = "f16", doc = "KV cache element type" },
    prompt_tokens = integer { min = 1, max = 10000000, default = 2048, doc = "prompt length P per request (tokens)" },
    output_tokens = integer { min = 1, max = 10000000, default = 256, doc = "generated length O per request (tokens)" },
    batch = integer { min = 1, max = 100000, default = 32, doc = "requests decoding together (continuous batching)" },
    mfu = mp.utilisation { default = 0.45, doc = "achieved fraction of peak FLOP/s (prefill)" },
    mbu = mp.utilisation { default = 0.8, doc = "achieved fraction of peak HBM bandwidth (decode)" },
    ttft_target_s = number { gt = 0, optional = true, unit = "s", doc = "time-to-first-token objective" },
    tpot_target_ms = number { gt = 0, optional = true, unit = "ms", doc = "time-per-output-token objective" },
    has_SWA = mp.has_SWA { doc = "sliding-window attention (when the config gives no architecture)" },
  }, { tp_from = "n_gpus", context = true }),
  notes = {
    "Serving \"X× faster\" claims are workload-specific (baseline, GPU, interconnect, lengths): measure on your own traffic before believing a curve.",
    "TTFT here is one request's prefill on an idle GPU; under load, queueing and interleaved prefills (chunked prefill, disaggregation) add to it.",
  },
  run = function(p, chain)
    local attends = hw.need_heads(p, "X-8", { "n_attention_heads" })
    local f = hw.weight_format(p.weight_format)
    local bits = p.bytes_per_weight and p.bytes_per_weight * 8 or f.bits_per_weight
    local kv_t = hw.kv_dtype(p.kv_dtype)
    local g = taf.gpu(p.gpu)
    local vram = hw.vram_bytes(p.gpu, p.vram_GiB, chain) * p.n_gpus
    local peak, bw = g.flops * p.n_gpus, g.bw_GB_s * p.n_gpus
    -- attention FLOPs: query width over the attention layers (none for a pure SSM/RWKV)
    local q_dim = attends and p.n_attention_heads * p.d_head or 0
    local attn_layers = attends and (p.n_attention_layers or p.n_layers) or 0
    local seq = p.prompt_tokens + p.output_tokens
    -- the engine's own rules (engine = llama.cpp | vllm), evaluated first: its steps end the chain,
    -- its buffers decide whether the model fits and how many requests run at once
    local ev = engines.evaluate(p, { rid = "X-8", kv = kv_t.name, vram = vram / p.n_gpus, n_gpus = p.n_gpus,
      ctx = p.T_eval or (p.engine == "llama.cpp" and seq * p.n_parallel or seq), workload = seq })

    local w = taf.weight_bytes(p.n_params, bits)
    local n_act = math.min(p.n_params_active or p.n_params, p.n_params)
    chain:step {
      section = "§35", name = "Weights", formula = "N · bits_per_weight / 8",
      inputs = { n_params = p.n_params, bits_per_weight = bits }, result = hw.gib(w),
      interpretation = function() return string.format("%s at %s, read once per decode step", gib(w),
        p.bytes_per_weight and "the given bytes_per_weight" or f.name) end,
      receipt = "derived" }

    local kv_r, kv_formula, kv_how, layout = kvlib.memory(p, seq, kv_t.bytes_per_element)
    local kv_req = kv_r.bytes
    chain:step {
      section = "§19.1", name = "KV per request", formula = kv_formula .. " at P + O",
      inputs = { n_layers = p.n_layers, n_kv_heads = p.n_kv_heads, d_head = p.d_head, tokens = seq,
                 kv_dtype = kv_t.name },
      result = hw.gib(kv_req),
      interpretation = function() return string.format("%s per request at %s tokens%s", gib(kv_req), fmt.commas(seq),
        kv_how) end,
      receipt = "derived" }

    local o = taf.runtime_overhead(p.d_model or 0, true)
    local overhead = o.base_bytes * p.n_gpus + o.per_token_bytes * p.prompt_tokens
    local budget = vram - w - overhead
    local max_req = taf.max_concurrent_requests(budget, kv_req)
    local held = max_req -- max_req becomes the engine's count below
    chain:step {
      section = "§36", name = "Max concurrent requests", formula = "⌊(VRAM − weights − overhead)/KV per request⌋",
      inputs = { vram_GiB = hw.gib(vram), overhead_GiB = hw.gib(overhead) }, result = max_req,
      interpretation = max_req > 0 and function() return string.format("%s of KV budget holds %d requests of %s tokens",
        gib(budget), held, fmt.commas(seq)) end or "the weights leave no room for one request's KV cache",
      receipt = "derived" }

    chain:factor("mfu", "warn")
    chain:factor("mbu", "warn")
    chain:factor("prices", g.usd_h > 0 and "warn" or "miss")
    chain:factor("parallelism", p.n_gpus == 1 and "ok" or "warn")
    chain:factor("kv_fit", p.batch <= max_req and "ok" or "warn")
    local full = layout ~= "sliding_window" and 0 or taf.kv_cache_memory(p.n_layers, p.n_kv_heads, p.d_head, seq, kv_t.bytes_per_element).bytes
    local windowed = layout == "sliding_window" and full > kv_req
    chain:factor("kv_layout", windowed and "warn" or "ok")
    if windowed then
      chain:note(function() return string.format("KV counted windowed (%s per request); an engine that keeps a full "
        .. "cache for the windowed layers needs %s per request and holds %d requests.", gib(kv_req), gib(full),
        taf.max_concurrent_requests(budget, full)) end)
    end
    if p.T_train and seq > p.T_train then
      chain:note(function() return string.format("P + O = %s tokens is past the trained context %s.", fmt.commas(seq),
        fmt.commas(p.T_train)) end)
    end

    engines.neutral_note(chain, p)
    if ev and not (ev.fits and ev.requests >= 1) then
      local extra = { engine = engines.add_steps(chain, p, ev), max_concurrent_requests = 0 }
      chain:factor("engine_rules", ev.engine == "vllm" and "warn" or "ok")
      local function why()
        if ev.engine == "vllm" then
          return ev.plan.refusal and ("vLLM refuses: " .. ev.plan.refusal)
            or string.format("vLLM holds no request of P + O = %s tokens.", fmt.commas(seq))
        elseif not ev.fits then
          return ev.plan.refusal and ("llama.cpp refuses: " .. ev.plan.refusal .. ".")
            or string.format("llama.cpp's buffers exceed %s by %s at -c %d.", ev.fit.worst,
              engines.mib_text(-ev.fit.min_free), ev.plan.kv.n_ctx)
        end
        return string.format("A llama-server slot holds %s tokens (-c %d over -np %d), less than P + O = %s.",
          fmt.commas(ev.slot_ctx), ev.plan.kv.n_ctx, p.n_parallel, fmt.commas(seq))
      end
      return { verdict = "DOES NOT FIT", extra = extra, key = string.format("%s: 0 requests", ev.engine),
        reason = why,
        mitigation = "Quantize the weights or the KV cache, shorten the context (T_eval), or add GPUs (X-4 and X-15 "
          .. "with the same engine plan it)." }
    end
    if ev then max_req = ev.requests end
    if max_req < 1 then
      return { verdict = "DOES NOT FIT", key = string.format("0 requests (%s weights)", gib(w)),
        reason = function() return string.format("Weights %s and overhead %s leave %s for KV; one request needs %s.",
          gib(w), gib(overhead), gib(math.max(budget, 0)), gib(kv_req)) end,
        mitigation = "Quantize the weights or the KV cache, shorten P + O, or add GPUs (X-4 finds the cheapest rescue, X-5 a larger GPU)." }
    end
    local b = math.min(p.batch, max_req)

    local ridge = taf.roofline_ridge(peak, bw)
    local pf = taf.prefill_flops(n_act, p.prompt_tokens, attn_layers, q_dim)
    local intensity = pf / w
    local ttft = math.max(taf.compute_seconds(pf, peak, p.mfu), taf.memory_seconds(w, bw, p.mbu))
    chain:step {
      section = "§36", name = "Prefill → TTFT", formula = "max(2·N·P + 2·L·P²·d_q over peak·MFU, weights over BW·MBU)",
      inputs = { prompt_tokens = p.prompt_tokens, peak_TFLOPs = peak, mfu = p.mfu, intensity_FLOP_per_byte = intensity,
                 ridge_FLOP_per_byte = ridge },
      result = ttft,
      interpretation = function() return string.format("%.0f ms to first token; %s (%.0f FLOP/byte vs ridge %.0f)",
        ttft * 1e3, intensity > ridge and "compute-bound" or "bandwidth-bound (short prompt)", intensity, ridge) end,
      receipt = "derived" }

    local ctx_avg = p.prompt_tokens + p.output_tokens / 2
    local kv_avg = kvlib.bytes(p, ctx_avg, kv_t.bytes_per_element)
    local w_read = w * math.min(1, b * n_act / p.n_params)
    local mem_s = taf.memory_seconds(w_read + b * kv_avg, bw, p.mbu)
    local cmp_s = taf.compute_seconds(taf.decode_flops(n_act, b, attn_layers, ctx_avg, q_dim), peak, p.mfu)
    local tpot = math.max(mem_s, cmp_s)
    chain:step {
      section = "§36", name = "Decode → TPOT", formula = "max((weights + batch·KV)/(BW·MBU), batch·(2N + 4·L·ctx·d_q)/(peak·MFU))",
      inputs = { batch = b, mean_context = ctx_avg, bw_GB_s = bw, mbu = p.mbu, weights_read_GiB = hw.gib(w_read) },
      result = tpot,
      interpretation = function() return string.format("%.1f ms per output token at batch %d; %s (memory %.1f ms, "
        .. "compute %.1f ms)", tpot * 1e3, b, mem_s >= cmp_s and "bandwidth-bound" or "compute-bound", mem_s * 1e3,
        cmp_s * 1e3) end,
      receipt = "derived" }

    if n_act < p.n_params then
      chain:note(function() return string.format("MoE: %.3g of %.3g parameters active per token; a decode step at batch "
        .. "%d reads %.0f%% of the expert weights under uniform routing (real routing is skewed: measure).", n_act,
        p.n_params, b, 100 * w_read / w) end)
    end
    local tok_s = b / tpot
    local latency = ttft + p.output_tokens * tpot
    chain:step {
      section = "§36", name = "Throughput and latency", formula = "batch/TPOT ; TTFT + O·TPOT",
      inputs = { batch = b, output_tokens = p.output_tokens },
      result = taf.json.ordered({ tokens_per_s = tok_s, request_latency_s = latency }, { "tokens_per_s", "request_latency_s" }),
      interpretation = function() return string.format("%.0f output tokens/s per replica; %.1f s per request", tok_s,
        latency) end,
      receipt = "derived" }

    local usd_h = g.usd_h * p.n_gpus
    local cost
    if usd_h > 0 then
      -- GPU time per request: its prefill plus its share of the batched decode steps.
      local req_s = ttft + p.output_tokens * tpot / b
      cost = taf.json.ordered({ output_USD_per_Mtok = taf.usd_per_Mtok(usd_h, tok_s),
        blended_USD_per_Mtok = taf.usd_per_Mtok(usd_h, seq / req_s) },
        { "output_USD_per_Mtok", "blended_USD_per_Mtok" })
    end
    chain:step {
      section = "§20.12", name = "$/Mtok", formula = "USD/h ÷ 3600 ÷ tokens/s × 1e6",
      inputs = { gpu = p.gpu, usd_per_hour = usd_h }, result = cost,
      interpretation = function() return cost and string.format("$%.3f per Mtok generated; $%.3f per Mtok of prompt "
          .. "+ output", cost.output_USD_per_Mtok, cost.blended_USD_per_Mtok)
        or string.format("%s has no hourly price: cost not defined (local card)", p.gpu) end,
      receipt = "derived" }
    if not cost then
      chain:note(function() return string.format("%s is a local card with no hourly price: $/Mtok is not defined.", p.gpu) end)
    end

    local function summary()
      local cost_text = cost and string.format(" at $%.3f/Mtok generated", cost.output_USD_per_Mtok) or ""
      return string.format("TTFT %.0f ms, TPOT %.1f ms, %d concurrent requests, %.0f tok/s%s.",
        ttft * 1e3, tpot * 1e3, b, tok_s, cost_text)
    end
    local extra = { ttft_s = ttft, tpot_s = tpot, max_concurrent_requests = max_req, batch = b, tokens_per_s = tok_s,
                    cost = cost }
    if ev then
      extra.engine = engines.add_steps(chain, p, ev)
      chain:factor("engine_rules", ev.engine == "vllm" and "warn" or "ok")
    end
    local key = string.format("TTFT %.0f ms, TPOT %.1f ms%s", ttft * 1e3, tpot * 1e3,
      cost and string.format(", $%.2f/Mtok", cost.output_USD_per_Mtok) or "")
    local ttft_miss = p.ttft_target_s and ttft > p.ttft_target_s
    local tpot_miss = p.tpot_target_ms and tpot * 1e3 > p.tpot_target_ms
    if ttft_miss or tpot_miss then
      local function misses()
        local m = {}
        if ttft_miss then m[#m + 1] = string.format("TTFT %.3f s > %.3f s", ttft, p.ttft_target_s) end
        if tpot_miss then m[#m + 1] = string.format("TPOT %.2f ms > %.2f ms", tpot * 1e3, p.tpot_target_ms) end
        return table.concat(m, "; ")
      end
      return { verdict = "MISSES LATENCY TARGET", extra = extra, key = key,
        reason = function() return misses() .. ". " .. summary() end,
        mitigation = "TTFT: more compute (GPUs, FP8) or chunked prefill; TPOT: smaller batch, quantized weights/KV "
          .. "(fewer bytes per step), speculative decoding, or more bandwidth (H200/B200)." }
    elseif p.batch > max_req then
      return { verdict = "SERVES (KV-LIMITED BATCH)", extra = extra, key = key,
        reason = function() return ev and ev.engine == "llama.cpp"
          and string.format("llama-server runs %d request%s at once (-np %d), not the %d asked. %s", max_req,
            max_req > 1 and "s" or "", p.n_parallel, p.batch, summary())
          or string.format("The %sKV budget holds %d requests, not the %d asked. %s", ev and "vLLM " or "", max_req,
            p.batch, summary()) end,
        mitigation = ev and ev.engine == "llama.cpp"
          and function() return string.format("Raise -np (n_parallel=%d) with -c ≥ %d (T_eval: n_parallel × (P + O)); "
            .. "X-4 with engine=llama.cpp checks the fit.", p.batch, p.batch * seq) end
          or "Quantize the KV cache (kv_dtype=q8_0/fp8), use PagedAttention to cut fragmentation, or add GPUs to batch more." }
    end
    return { verdict = "SERVES", reason = summary, extra = extra, key = key,
      mitigation = "None needed; measure on your traffic (continuous batching and prompt lengths move all of these)." }
  end,
}

-- X-15 · Launch flags: the exact llama.cpp and Ollama command lines for a
-- GGUF model on this GPU at this context: -ngl from the VRAM budget (upstream
-- js/launch_flags.js: weights N·bpw/8, KV by layout (lib.kv, §19.1), runtime
-- overhead, layer split), -c, the KV cache types and flash attention. With --set
-- engine=llama.cpp the engine's buffers decide and a model too big for the card
-- gets an -ngl / --n-cpu-moe plan with its decode rate; with engine=vllm, the
-- vllm serve command (lib.engine_steps).
--
-- Errata to upstream launch_flags: current llama.cpp takes `--flash-attn
-- on|off|auto` (a bare -fa stopped parsing in September 2025); Ollama reads
-- OLLAMA_FLASH_ATTENTION and OLLAMA_KV_CACHE_TYPE in the server, so they go
-- before `ollama serve`, not `ollama run`; "all layers" is n_layers + 1 (the
-- output layer counts as one more), not n_layers.
--
-- Confidence factors:
--   overhead_model  warn always: the runtime overhead is a coarse estimate
--   weight_bits     ok for a bytes_per_weight read from the file or an exact block
--                   layout; warn for a K-quant mix (effective bpw measured on Llama-2-7B)
--   layer_split     ok when everything is on the GPU; warn for a partial split (the
--                   non-layer share is estimated); miss when nothing fits (CPU only)
--   trained_context ok when -c ≤ the usable window (lib.window: T_train, or what the shipped rope_scaling reaches); warn beyond it
--   kv_layout       ok unless the cache is counted windowed: llama.cpp keeps a windowed
--                   cache only for the architectures it implements as sliding-window
--   engine_rules    engine=llama.cpp|vllm only (lib.engine_steps): ok for llama.cpp's buffer rules,
--                   warn for a mixed quant priced at its effective bits and for vLLM (activation
--                   peak and non-torch memory are estimates)
local hw = require "lib.hw"
local mp = require "lib.model_params"
local fmt = require "lib.fmt"
local window = require "lib.window"
local engines = require "lib.engine_steps"

local function gib(x) return fmt.f(hw.gib(x), 2) .. " GiB" end

-- engine = llama.cpp: the buffers decide; a model too big for the card gets
-- the offload that keeps most on the GPU (MoE: the fewest --n-cpu-moe layers
-- at the requested -c, which maximises speed; when even every expert in RAM
-- does not fit, every expert in RAM and the largest -c, which maximises
-- context; dense: the most -ngl layers), with its decode rate from the bytes
-- each device reads per token (GPU bandwidth from the catalog, host RAM
-- host_bw_GB_s). engine = vllm: the vllm serve command, with the largest
-- max_model_len that fits when the requested one does not.
local function engine_outcome(chain, p, ev, vram, extra)
  extra.engine = nil
  local json_extra, verdict, reason, command = {}, nil, nil, nil
  if ev.engine == "vllm" then
    local v, s = ev.plan, ev.settings
    local len = ev.fits and p.T_eval or ev.largest_len
    command = len > 0 and engines.vllm_command(p, s, len) or nil
    ev.command = command
    extra.engine = engines.add_steps(chain, p, ev)
    chain:factor("engine_rules", "warn") -- the activation peak and non-torch memory are estimates
    chain:step {
      section = "§20", name = "vLLM command",
      formula = "vllm serve MODEL --max-model-len L --gpu-memory-utilization U --kv-cache-dtype D -tp N --max-num-seqs S",
      inputs = { max_model_len = len, gpu_memory_utilization = s.gpu_memory_utilization, kv_cache_dtype = s.kv_cache_dtype,
                 tensor_parallel = s.tp, max_num_seqs = s.max_num_seqs },
      result = command,
      interpretation = command == nil and "no command starts: nothing is left for the KV cache"
        or ev.fits and "starts with the requested max_model_len"
        or function() return string.format("the requested %s is refused: --max-model-len %d is the largest that fits",
          fmt.commas(p.T_eval), len) end,
      receipt = "derived" }
    extra.vllm_serve = command
    if ev.fits then
      return { verdict = "FULL GPU OFFLOAD", extra = extra, key = string.format("--max-model-len %d", len),
        reason = function() return string.format("vLLM starts with max_model_len %s: GPU KV cache size %s tokens, %.2fx "
          .. "concurrency at full length.", fmt.commas(p.T_eval), fmt.commas(v.kv_tokens), v.max_concurrency or 0) end,
        mitigation = command }
    end
    return { verdict = "ENGINE REFUSES", extra = extra,
      key = command and string.format("--max-model-len %d", len) or "no KV cache",
      reason = function() return "vLLM refuses: " .. v.refusal end,
      mitigation = command and function() return "Start it with the largest length that fits: " .. command
        .. "\n             Or raise --gpu-memory-utilization, use --kv-cache-dtype fp8 or more GPUs (-tp)." end
        or "A smaller weight format (weight_format=FP8, AWQ …), or more GPUs (tensor_parallel)." }
  end

  -- llama.cpp
  local s, plan, fit = ev.settings, ev.plan, ev.fit
  local chosen, rate, flags, how
  local o = ev.offload or {}
  if fit.fits then
    chosen, rate, flags = plan, ev.rate, { ngl = math.max(99, p.n_layers + 1), no_mmap = true }
    verdict = "FULL GPU OFFLOAD"
    how = function() return "every layer on the GPU" end
  elseif o.moe then
    chosen, rate = o.moe.plan, o.moe.rate
    flags = { ngl = o.moe.ngl or math.max(99, p.n_layers + 1), n_cpu_moe = o.moe.n_cpu_moe }
    s = o.moe.plan and { n_ctx = o.moe.plan.kv.n_ctx, flash_attn = s.flash_attn, type_k = s.type_k, type_v = s.type_v,
                         n_seq = s.n_seq, kv_unified = s.kv_unified, n_ubatch = s.n_ubatch } or s
    verdict = "PARTIAL OFFLOAD"
    how = function() return string.format("routed experts of layers 0-%d in host RAM", o.moe.n_cpu_moe - 1)
      .. (o.moe.ngl and string.format(", %d of %d layers on the GPU", math.min(o.moe.ngl, p.n_layers), p.n_layers) or "") end
  elseif o.ngl and o.ngl > 0 then
    chosen, rate, flags = o.ngl_plan, o.ngl_rate, { ngl = o.ngl }
    verdict = "PARTIAL OFFLOAD"
    how = function() return string.format("%d of %d layers on the GPU", math.min(o.ngl, p.n_layers), p.n_layers) end
  else
    chosen, rate, flags = o.ngl_plan, o.ngl_rate, { ngl = 0 }
    verdict = "CPU ONLY"
    how = function() return "no layer fits next to the compute buffer and CUDA context" end
  end
  if plan.refusal then
    chosen, rate, verdict = plan, nil, "ENGINE REFUSES"
  end
  command = engines.llama_command(p, s, flags)
  if o.moe then
    json_extra[#json_extra + 1] = { "n_cpu_moe", o.moe.n_cpu_moe }
    json_extra[#json_extra + 1] = { "maximises", o.moe.maximises }
    json_extra[#json_extra + 1] = { "ot", engines.ot_pattern(o.moe.n_cpu_moe) }
  end
  if rate then json_extra[#json_extra + 1] = { "tokens_per_s", rate.tokens_per_s } end
  json_extra[#json_extra + 1] = { "command", command }
  extra.engine = engines.add_steps(chain, p, ev, json_extra)
  chain:factor("engine_rules", plan.devices[1] and plan.devices[1].approximate_model and "warn" or "ok")
  local bw = ev.rate_hw
  local function rate_text(r)
    return r and string.format("%.1f tokens/s", r.tokens_per_s) or "n/a"
  end
  if o.moe then
    local mf = o.moe.fit
    chain:step {
      section = "§20", name = "Expert offload (--n-cpu-moe)",
      formula = o.moe.maximises == "context" and "N = every layer; largest -c that fits (bisection)"
        or o.moe.ngl and "N = every layer; most -ngl fitting at the requested -c (bisection)"
        or "fewest N with every GPU's buffers fitting at the requested -c (bisection)",
      inputs = { n_layers = p.n_layers, n_ctx = o.moe.plan.kv.n_ctx, vram_MiB = vram / 1048576 },
      result = taf.json.ordered({ n_cpu_moe = o.moe.n_cpu_moe, ngl = flags.ngl, n_ctx = o.moe.plan.kv.n_ctx,
        maximises = o.moe.maximises, tokens_per_s = o.moe.rate.tokens_per_s,
        gpu_used_MiB = o.moe.plan.devices[1].used_bytes / 1048576 },
        { "n_cpu_moe", "ngl", "n_ctx", "maximises", "tokens_per_s", "gpu_used_MiB" }),
      interpretation = function() return string.format("--n-cpu-moe %d (%s) maximises %s: %s on CUDA0, %s%s",
        o.moe.n_cpu_moe, how(), o.moe.maximises == "speed" and ("speed at -c " .. o.moe.plan.kv.n_ctx)
          or ("context: -c " .. o.moe.plan.kv.n_ctx .. " is the largest that fits"),
        engines.mib_text(o.moe.plan.devices[1].used_bytes) .. " used, " .. engines.mib_text(mf.min_free) .. " free",
        rate_text(o.moe.rate), o.ngl_rate and string.format(" (the -ngl %d layer split instead: %s)", o.ngl,
          rate_text(o.ngl_rate)) or "") end,
      receipt = "derived" }
  elseif not fit.fits and not plan.refusal then
    chain:step {
      section = "§20", name = "Layers on the GPU (llama.cpp -ngl)",
      formula = "most -ngl with every GPU's buffers fitting (bisection)",
      inputs = { n_layers = p.n_layers, n_ctx = plan.kv.n_ctx, vram_MiB = vram / 1048576 },
      result = flags.ngl,
      interpretation = function() return string.format("-ngl %d: %s", flags.ngl, how()) end, receipt = "derived" }
  end
  if rate then
    chain:step {
      section = "§36", name = "Decode rate (llama.cpp buffers)",
      formula = "1 / (max over GPUs of bytes read ÷ BW + host bytes read ÷ host BW), bandwidths × 0.7",
      inputs = { gpu_bw_GB_s = bw.gpu_bw_GB_s, host_bw_GB_s = bw.host_bw_GB_s, n_ctx = chosen.kv.n_ctx },
      result = rate.tokens_per_s,
      interpretation = function() return string.format("%s for one sequence at a full -c %s (%s per token from the GPU, "
        .. "%s from host RAM)", rate_text(rate), fmt.commas(chosen.kv.n_ctx), engines.mib_text(rate.bytes_per_token[1] or 0),
        engines.mib_text(rate.bytes_per_token[0])) end,
      receipt = "derived" }
  end
  chain:step {
    section = "§20", name = "llama.cpp command (engine rules)",
    formula = "llama-server -m FILE -ngl N -c CTX --flash-attn on|off [--cache-type-k/v T] [--n-cpu-moe N] [--no-mmap]",
    inputs = { ngl = flags.ngl, n_ctx = s.n_ctx, n_cpu_moe = flags.n_cpu_moe or 0 }, result = command,
    interpretation = o.moe and function() return "same as " .. engines.ot_pattern(o.moe.n_cpu_moe) .. " on builds without "
        .. "--n-cpu-moe" end
      or fit.fits and "--no-mmap: weights are read once into VRAM" or "keep mmap so the layers in RAM page in from the file",
    receipt = "derived" }
  extra.llama_cpp = command
  extra.ngl = flags.ngl
  local key = string.format("-ngl %d -c %d", flags.ngl, s.n_ctx) .. (flags.n_cpu_moe and (" --n-cpu-moe " .. flags.n_cpu_moe) or "")
  if verdict == "ENGINE REFUSES" then
    reason = function() return "llama.cpp refuses: " .. plan.refusal .. "." end
    return { verdict = verdict, extra = extra, key = key, reason = reason,
             mitigation = "Set flash_attn=true or kv_cache_type=f16." }
  end
  if fit.fits then
    reason = function() return string.format("llama.cpp at -c %s: every buffer on the GPU with %s free; %s.",
      fmt.commas(plan.kv.n_ctx), engines.mib_text(fit.min_free), rate_text(rate)) end
  elseif o.moe then
    reason = function() return string.format("With every layer on the GPU, llama.cpp's buffers are %s over %s's memory at "
      .. "-c %s; with %s it fits (%s).", engines.mib_text(-fit.min_free), fit.worst, fmt.commas(plan.kv.n_ctx), how(),
      rate_text(rate)) end
  else
    reason = function() return string.format("With every layer on the GPU, llama.cpp's buffers are %s over %s's memory at "
      .. "-c %s; %s (%s).", engines.mib_text(-fit.min_free), fit.worst, fmt.commas(plan.kv.n_ctx), how(), rate_text(rate)) end
  end
  return { verdict = verdict, extra = extra, key = key, reason = reason, mitigation = command }
end

return recipe {
  id = "X-15", name = "Launch Flags",
  question = "Which exact llama.cpp / Ollama flags (-ngl, -c, cache types) run this model on this GPU?",
  category = "hardware", sections = { "§19", "§20", "§35" },
  verdicts = { "FULL GPU OFFLOAD", "PARTIAL OFFLOAD", "CPU ONLY", "ENGINE REFUSES" },
  params = engines.params(window.params(mp.with_kv_layout {
    n_params = mp.n_params { doc = "parameter count N" },
    n_layers = mp.n_layers { doc = "transformer layers (blocks)" },
    n_kv_heads = mp.n_kv_heads { optional = true, doc = "key/value heads per layer (not needed for SSM/RWKV)" },
    d_head = mp.d_head { optional = true, doc = "head dimension (not needed for SSM/RWKV)" },
    d_model = mp.d_model { optional = true, doc = "hidden size (activation scratch, non-layer weights)" },
    vocab = mp.vocab { optional = true, doc = "vocabulary size (embedding and output head)" },
    T_train = mp.T_train { optional = true, doc = "training context length (warns past it)" },
    T_eval = mp.T_eval { doc = "context to serve: -c / num_ctx (tokens)" },
    gpu = gpu { default = "RTX 4090", doc = "the GPU (tafrun list gpus)" },
    vram_GiB = number { gt = 0, max = 16384, optional = true, unit = "GiB",
                        doc = "VRAM, overriding the catalog (a card not in it: 12 for an RTX 3060, 8 for a 3070)" },
    weight_format = text { default = "Q4_K_M", doc = "GGUF type of the file: Q4_K_M, Q8_0, Q6_K, Q5_K_M, IQ4_XS, F16, BF16 …" },
    bytes_per_weight = mp.bytes_per_weight { optional = true,
                                doc = "bytes per weight measured from the file (--gguf fills it); overrides weight_format" },
    kv_cache_type = choice { choices = { "f16", "q8_0", "q4_0", "fp8" }, default = "f16",
                             doc = "KV cache type (--cache-type-k/v, OLLAMA_KV_CACHE_TYPE; fp8: vLLM's --kv-cache-dtype only)" },
    flash_attn = boolean { default = true, doc = "flash attention (needed for a quantized V cache)" },
    has_SWA = mp.has_SWA { doc = "sliding-window attention (when the config gives no architecture)" },
    model_file = text { default = "model.gguf", doc = "path of the GGUF file in the commands" },
    ollama_name = text { default = "mymodel", doc = "model name for ollama create/run" },
  }), { host_bw = true, served_model = true }),
  notes = {
    "Memory is in GiB (2^30 bytes). The runtime overhead is a coarse estimate; llama.cpp prints the real buffer sizes at load: check them on the first run.",
    "Commands target llama.cpp builds from September 2025 on (--flash-attn takes on|off|auto); older builds take a bare -fa.",
  },
  run = function(p, chain)
    hw.need_heads(p, "X-15")
    local f = hw.weight_format(p.weight_format)
    if p.kv_cache_type == "fp8" and p.engine ~= "vllm" then
      taf.input_error("X-15: kv_cache_type=fp8 is vLLM's (--kv-cache-dtype fp8); llama.cpp and Ollama take f16, q8_0 "
        .. "or q4_0: set engine=vllm or another kv_cache_type")
    end
    if p.bytes_per_weight == nil and f.gguf_ftype == nil and p.engine ~= "vllm" then
      taf.input_error("X-15: llama.cpp and Ollama run GGUF files: weight_format must be a GGUF type "
        .. "(F16, BF16, Q8_0, Q6_K, Q5_K_M, Q4_K_M, IQ4_XS, Q3_K_M, Q2_K …), got '%s'", p.weight_format)
    end
    if p.kv_cache_type ~= "f16" and not p.flash_attn then
      taf.input_error("X-15: a quantized V cache (kv_cache_type=%s) needs flash attention in llama.cpp: "
        .. "set flash_attn=true or kv_cache_type=f16", p.kv_cache_type)
    end
    local bits = p.bytes_per_weight and p.bytes_per_weight * 8 or f.bits_per_weight
    local kv_t = hw.kv_dtype(p.kv_cache_type)
    local vram = hw.vram_bytes(p.gpu, p.vram_GiB, chain)
    local d_model = p.d_model or 0

    -- the engine's own rules (engine = llama.cpp | vllm), evaluated first: its steps end the chain
    local ev = engines.evaluate(p, { rid = "X-15", kv = kv_t.name, vram = vram, n_gpus = 1, ctx = p.T_eval,
                                     offload = true })

    local w = taf.weight_bytes(p.n_params, bits)
    chain:step {
      section = "§35", name = "Weights (GGUF)", formula = "N · bits_per_weight / 8",
      inputs = { n_params = p.n_params, weight_format = p.bytes_per_weight and "bytes_per_weight" or f.name,
                 bits_per_weight = bits },
      result = hw.gib(w),
      interpretation = function() return string.format("%s at %.4g bits/weight", gib(w), bits) end,
      receipt = (p.bytes_per_weight == nil and f.source:find("README", 1, true)) and "data" or "derived" }

    local fit, kv_formula, kv_how, layout = hw.fit(p, w, kv_t.bytes_per_element, 1, p.T_eval, d_model, p.flash_attn, vram)
    chain:step {
      section = "§19.1", name = "KV cache at -c", formula = kv_formula,
      inputs = { n_layers = p.n_layers, n_kv_heads = p.n_kv_heads, d_head = p.d_head, T_eval = p.T_eval,
                 kv_cache_type = kv_t.name, bytes_per_element = kv_t.bytes_per_element },
      result = hw.gib(fit.kv_bytes),
      interpretation = function() return string.format("%s for %s tokens%s", gib(fit.kv_bytes), fmt.commas(p.T_eval),
        kv_how) end,
      receipt = "derived" }

    chain:step {
      section = "§20", name = "Budget", formula = "weights + KV + overhead vs VRAM",
      inputs = { gpu = p.gpu, vram_GiB = hw.gib(vram), flash_attn = p.flash_attn },
      result = taf.json.ordered({ total_GiB = hw.gib(fit.total_bytes), vram_GiB = hw.gib(vram),
                                  overhead_GiB = hw.gib(fit.overhead_bytes) }, { "total_GiB", "vram_GiB", "overhead_GiB" }),
      interpretation = function() return string.format("%s needed of %s (%s overhead)", gib(fit.total_bytes), gib(vram),
        gib(fit.overhead_bytes)) end,
      receipt = "provisional" }

    local all = math.max(99, p.n_layers + 1)
    local ngl, per_layer, non_layer = hw.offload(p, w, fit.kv_bytes, fit.overhead_bytes, vram)
    if fit.fits then ngl = p.n_layers end
    local cpu_bytes = fit.fits and 0 or (p.n_layers - ngl) * per_layer
    chain:step {
      section = "§20", name = "Layers on the GPU (-ngl)",
      formula = "all if total ≤ VRAM, else ⌊(VRAM − overhead − non-layer)/(layer weights + layer KV)⌋",
      inputs = { n_layers = p.n_layers, per_layer_GiB = hw.gib(per_layer), non_layer_fraction = non_layer },
      result = ngl,
      interpretation = function() return fit.fits and string.format("all %d layers and the output layer (-ngl %d)",
          p.n_layers, all)
        or string.format("%d of %d layers; %s of layers stay in system RAM", ngl, p.n_layers, gib(cpu_bytes)) end,
      receipt = fit.fits and "derived" or "provisional" }

    local ngl_flag = fit.fits and all or ngl
    local num_gpu = fit.fits and (p.n_layers + 1) or ngl
    local parts = { "llama-server -m " .. p.model_file, "-ngl " .. ngl_flag, "-c " .. p.T_eval,
                    "--flash-attn " .. (p.flash_attn and "on" or "off") }
    if kv_t.name ~= "f16" then
      parts[#parts + 1] = "--cache-type-k " .. kv_t.name
      parts[#parts + 1] = "--cache-type-v " .. kv_t.name
    end
    if fit.fits then parts[#parts + 1] = "--no-mmap" end
    local llama_cpp = table.concat(parts, " ")
    chain:step {
      section = "§20", name = "llama.cpp command", formula = "llama-server -m FILE -ngl N -c CTX --flash-attn on|off [--cache-type-k/v T] [--no-mmap]",
      inputs = { ngl = ngl_flag, context = p.T_eval, kv_cache_type = kv_t.name }, result = llama_cpp,
      interpretation = fit.fits and "--no-mmap: weights are read once into VRAM (upstream launch_flags)"
        or "partial offload: keep mmap so the CPU layers page in from the file",
      receipt = "derived" }

    local env = {}
    if p.flash_attn then env[#env + 1] = "OLLAMA_FLASH_ATTENTION=1" end
    if kv_t.name ~= "f16" then env[#env + 1] = "OLLAMA_KV_CACHE_TYPE=" .. kv_t.name end
    local serve = (#env > 0 and (table.concat(env, " ") .. " ") or "") .. "ollama serve"
    local modelfile = string.format("FROM ./%s\nPARAMETER num_ctx %d\nPARAMETER num_gpu %d", p.model_file, p.T_eval, num_gpu)
    local create = string.format("ollama create %s -f Modelfile && ollama run %s", p.ollama_name, p.ollama_name)
    chain:step {
      section = "§20", name = "Ollama", formula = "server env + Modelfile num_ctx/num_gpu",
      inputs = { num_ctx = p.T_eval, num_gpu = num_gpu }, result = serve .. " ; Modelfile: num_ctx "
        .. p.T_eval .. ", num_gpu " .. num_gpu,
      interpretation = "the cache type and flash attention are server settings (ollama serve), num_ctx/num_gpu model settings",
      receipt = "derived" }

    chain:factor("overhead_model", "warn")
    chain:factor("weight_bits", (p.bytes_per_weight or not f.source:find("README", 1, true)) and "ok" or "warn")
    chain:factor("layer_split", fit.fits and "ok" or (ngl > 0 and "warn" or "miss"))
    window.check(chain, p, p.T_eval, "-c")
    local full = layout ~= "sliding_window" and 0 or taf.kv_cache_memory(p.n_layers, p.n_kv_heads, p.d_head, p.T_eval, kv_t.bytes_per_element).bytes
    local windowed = layout == "sliding_window" and full > fit.kv_bytes
    chain:factor("kv_layout", windowed and "warn" or "ok")
    if windowed then
      chain:note(function() return string.format("KV counted windowed (%s). llama.cpp keeps a windowed cache only for "
        .. "architectures it implements as sliding-window (Gemma 2/3 …) and not with --swa-full; a GGUF loaded as plain "
        .. "'llama' (Mistral v0.1) gets the full cache, %s: lower -ngl or -c if the load reports out of memory.",
        gib(fit.kv_bytes), gib(full)) end)
    end

    local extra = { llama_cpp = llama_cpp, ollama_serve = serve, ollama_modelfile = modelfile,
                    ollama_run = create, ngl = ngl_flag }
    engines.neutral_note(chain, p)
    if ev then return engine_outcome(chain, p, ev, vram, extra) end
    local key = string.format("-ngl %d -c %d", ngl_flag, p.T_eval)
    local function commands()
      return string.format("%s\n             Ollama: %s ; Modelfile: %s ; then %s", llama_cpp, serve,
        modelfile:gsub("\n", " | "), create)
    end
    if fit.fits then
      return { verdict = "FULL GPU OFFLOAD", extra = extra, key = key,
        reason = function() return string.format("%s fits in %s with %s free: every layer on the GPU.", gib(fit.total_bytes),
          gib(vram), gib(fit.headroom_bytes)) end,
        mitigation = commands }
    elseif ngl > 0 then
      return { verdict = "PARTIAL OFFLOAD", extra = extra, key = key,
        reason = function() return string.format("%s needed, %s available: %d of %d layers fit on the GPU; the other %d run on the CPU (expect several times slower decode).",
          gib(fit.total_bytes), gib(vram), ngl, p.n_layers, p.n_layers - ngl) end,
        mitigation = function() return commands() .. "\n             To keep everything on the GPU: a smaller quant or "
          .. "kv_cache_type=q8_0" .. (fit.max_context > 0 and string.format(", or -c %s", fmt.commas(fit.max_context)) or "")
          .. " (X-4)." end }
    end
    return { verdict = "CPU ONLY", extra = extra, key = key,
      reason = function() return string.format("Not even one layer fits next to the overhead and non-layer weights (%s "
        .. "needed, %s available).", gib(fit.total_bytes), gib(vram)) end,
      mitigation = function() return commands() .. "\n             Use a smaller quant or model, or a GPU with more memory "
        .. "(X-4, X-5)." end }
  end,
}

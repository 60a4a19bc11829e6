-- X-20 · Fine-tuning pre-flight (ch. 28): full fine-tune, LoRA or QLoRA —
-- what fits on the GPU, what it costs, what it forgets.
--   full   16·N bytes (bf16 weights 2 + grads 2 + fp32 master 4 + Adam 8), sharded over
--          the GPUs (ZeRO-3), + activations; compute 6·N·D
--   LoRA   h = W₀x + (α/r)·BAx: frozen bf16 base 2·N + 16 bytes per adapter parameter
--          P = r·Σ(d_in + d_out) + activations; compute (4N + 6P)·D (no weight gradients
--          for the frozen base, the input gradients still flow through it)
--   QLoRA  the same with the base in NF4 (4.5 bits/weight)
--   time and $ from FLOPs/(peak·MFU) with the catalog's price (taf.cost_per_training_run)
--   activations (Korthikanti et al. 2022, flash attention, bf16): 2·s·d·L bytes with full
--   checkpointing, 34·s·d·L without, s = micro_batch·seq_len
-- What it forgets is literature evidence (LoRA Learns Less and Forgets Less, Biderman et
-- al. 2024) and upstream adapter_reality's rank/scaling checks, not a prediction.
--
-- Confidence factors:
--   memory_model  warn always: AdamW states assumed, no allocator fragmentation, activation
--                 formula for a llama-style block
--   mfu           warn always: utilisation is an assumption
--   sharding      ok on one GPU; warn for n_gpus > 1 (ideal ZeRO-3 sharding for full
--                 fine-tuning, LoRA/QLoRA replicated per GPU)
--   cost_inputs   ok with dataset_tokens and a priced GPU; miss when time or $ is undefined
--   forgetting    warn always: the forgetting band is published evidence, not measured on your task
local hw = require "lib.hw"
local mp = require "lib.model_params"
local fmt = require "lib.fmt"

local function gib(x) return fmt.f(hw.gib(x), 2) .. " GiB" end
local function usd(x) return x >= 100 and ("$" .. fmt.commas(x)) or string.format("$%.2f", x) end

return recipe {
  id = "X-20", name = "Fine-Tuning Pre-Flight",
  question = "Full fine-tune, LoRA or QLoRA — what fits, what it costs, what it forgets?",
  category = "fine-tuning", sections = { "§17", "§20", "§28" },
  verdicts = { "FULL FINE-TUNE", "LORA", "QLORA", "DOES NOT FIT" },
  params = {
    n_params = mp.n_params { doc = "parameter count N (all experts for MoE)" },
    n_params_active = mp.n_params_active { gt = 0, optional = true, doc = "parameters active per token (MoE): sets the FLOPs" },
    n_experts = mp.n_experts { min = 1, optional = true, doc = "experts per MoE layer" },
    n_layers = mp.n_layers { doc = "transformer layers" },
    n_attention_heads = mp.n_attention_heads { optional = true, doc = "attention (query) heads per layer" },
    n_kv_heads = mp.n_kv_heads { optional = true, doc = "key/value heads per layer" },
    d_head = mp.d_head { optional = true, doc = "head dimension" },
    d_model = mp.d_model { doc = "hidden size" },
    d_ff = mp.d_ff { min = 1, doc = "MLP inner size (intermediate_size)" },
    gpu = gpu { default = "H100 SXM", doc = "training GPU (tafrun list gpus)" },
    n_gpus = integer { min = 1, max = 100000, default = 1, doc = "GPUs" },
    vram_GiB = number { gt = 0, max = 16384, optional = true, unit = "GiB", doc = "VRAM per GPU, overriding the catalog" },
    dataset_tokens = mp.tokens { optional = true, doc = "training tokens per epoch (time and $ need it)" },
    epochs = number { gt = 0, max = 1000, default = 1, doc = "passes over the dataset" },
    rank = integer { min = 1, max = 65536, default = 16, doc = "LoRA rank r" },
    lora_alpha = number { gt = 0, optional = true, doc = "LoRA α (default 2·r)" },
    targets = choice { choices = { "all", "attention", "qv" }, default = "all",
                       doc = "adapted projections: all linear, attention (q,k,v,o) or q,v" },
    seq_len = integer { min = 1, max = 10000000, default = 2048, doc = "training sequence length (tokens)" },
    micro_batch = integer { min = 1, max = 4096, default = 1, doc = "sequences per GPU per step" },
    checkpointing = boolean { default = true, doc = "activation (gradient) checkpointing" },
    mfu = mp.utilisation { default = 0.4, doc = "model FLOPs utilisation in training" },
    goal = choice { choices = { "adapt", "new_knowledge" }, default = "adapt",
                    doc = "adapt (format, style, task) or new_knowledge (new domain, continued pre-training)" },
    architecture = text { optional = true, doc = "FULL, SWA, MLA, SSM, RWKV, LINEAR or HYBRID (from the config)" },
  },
  notes = {
    "Memory is in GiB (2^30 bytes) per GPU; optimizer AdamW with fp32 moments and master weights; allocator fragmentation and CUDA context (~1 GiB) not included.",
    "What LoRA forgets is published evidence (LoRA learns less on new domains and forgets less of the base), not a prediction for your data: evaluate the base tasks you care about before and after.",
  },
  run = function(p, chain)
    local arch = (p.architecture or "FULL"):upper()
    if arch == "SSM" or arch == "RWKV" or arch == "LINEAR" then
      taf.input_error("X-20 counts LoRA on attention and MLP projections; a %s model adapts other matrices "
        .. "(in_proj, x_proj, out_proj …) that this recipe does not size", arch)
    end
    mp.need(p, "X-20", { "n_attention_heads", "n_kv_heads", "d_head" })
    local vram = hw.vram_bytes(p.gpu, p.vram_GiB, chain)
    local q_dim, kv_dim = p.n_attention_heads * p.d_head, p.n_kv_heads * p.d_head
    local alpha = p.lora_alpha or 2 * p.rank

    local act = taf.activation_bytes(p.micro_batch * p.seq_len, p.d_model, p.n_layers, p.checkpointing)
    chain:step {
      section = "§28", name = "Activations", formula = p.checkpointing and "2·s·d_model·L (checkpointed)" or "34·s·d_model·L",
      inputs = { tokens = p.micro_batch * p.seq_len, d_model = p.d_model, n_layers = p.n_layers,
                 checkpointing = p.checkpointing },
      result = hw.gib(act),
      interpretation = function() return string.format("%s per GPU for %d × %s tokens", gib(act), p.micro_batch,
        fmt.commas(p.seq_len)) end,
      receipt = "derived" }

    local full = taf.training_memory_16N(p.n_params).bytes / p.n_gpus + act
    local full_fits = full <= vram
    chain:step {
      section = "§17.20", name = "Full fine-tune memory", formula = "16·N / n_gpus + activations",
      inputs = { n_params = p.n_params, n_gpus = p.n_gpus }, result = hw.gib(full),
      interpretation = function() return string.format("%s per GPU of %s: %s", gib(full), gib(vram),
        full_fits and "fits" or "does not fit") end,
      receipt = "derived" }

    local P = taf.lora_params(p.rank, p.n_layers, p.d_model, q_dim, kv_dim, p.d_ff, p.targets)
    chain:step {
      section = "§28", name = "LoRA trainable parameters", formula = "r·Σ(d_in + d_out) over targeted matrices × L",
      inputs = { rank = p.rank, targets = p.targets, d_model = p.d_model, q_dim = q_dim, kv_dim = kv_dim, d_ff = p.d_ff },
      result = P,
      interpretation = function() return string.format("%s trainable (%.3f%% of N)", fmt.commas(P), 100 * P / p.n_params) end,
      receipt = "derived" }

    local lora = taf.adapter_memory(taf.weight_bytes(p.n_params, "BF16"), P, act)
    local lora_fits = lora.total_bytes <= vram
    chain:step {
      section = "§28", name = "LoRA memory", formula = "2·N (bf16 base) + 16·P + activations",
      inputs = { n_params = p.n_params, trainable = P }, result = hw.gib(lora.total_bytes),
      interpretation = function() return string.format("%s per GPU (base %s, adapters+optimizer %s): %s",
        gib(lora.total_bytes), gib(lora.weights_bytes), gib(lora.trainable_state_bytes),
        lora_fits and "fits" or "does not fit") end,
      receipt = "derived" }

    local nf4 = taf.quant_format("NF4")
    local qlora = taf.adapter_memory(taf.weight_bytes(p.n_params, nf4.bits_per_weight), P, act)
    local qlora_fits = qlora.total_bytes <= vram
    chain:step {
      section = "§28", name = "QLoRA memory", formula = "N·4.5/8 (NF4 base) + 16·P + activations",
      inputs = { n_params = p.n_params, trainable = P, base_bits = nf4.bits_per_weight }, result = hw.gib(qlora.total_bytes),
      interpretation = function() return string.format("%s per GPU (base %s): %s", gib(qlora.total_bytes),
        gib(qlora.weights_bytes), qlora_fits and "fits" or "does not fit") end,
      receipt = "derived" }

    local g = taf.gpu(p.gpu)
    local costs
    if p.dataset_tokens then
      local D = p.dataset_tokens * p.epochs
      -- taf.cost_per_training_run prices 6·N·D; an FLOP count C is priced as N_eq = C/(6·D).
      local function price(flops) return taf.cost_per_training_run(flops / (6 * D), D, p.gpu, p.n_gpus, p.mfu) end
      local n_act = math.min(p.n_params_active or p.n_params, p.n_params) -- MoE: FLOPs follow the active parameters
      local full_flops = taf.training_flops(n_act, D)
      local adapter_flops = taf.adapter_training_flops(n_act, P, D)
      local cf, ca = price(full_flops), price(adapter_flops)
      local priced = g.usd_h > 0
      costs = taf.json.ordered({ full_FLOPs = full_flops, adapter_FLOPs = adapter_flops, full_hours = cf.hours,
        adapter_hours = ca.hours, full_USD = priced and cf.USD or nil, adapter_USD = priced and ca.USD or nil },
        { "full_FLOPs", "adapter_FLOPs", "full_hours", "adapter_hours", "full_USD", "adapter_USD" })
      chain:step {
        section = "§17.10 / §20.11", name = "Time and cost", formula = "full 6·N·D, adapters (4N + 6P)·D; hours = FLOPs/(peak·MFU·n)",
        inputs = { tokens = D, gpu = p.gpu, n_gpus = p.n_gpus, mfu = p.mfu }, result = costs,
        interpretation = function() return priced
          and string.format("full %.1f h (%s), LoRA/QLoRA %.1f h (%s)", cf.hours, usd(cf.USD), ca.hours, usd(ca.USD))
          or string.format("full %.1f h, LoRA/QLoRA %.1f h; no hourly price for %s", cf.hours, ca.hours, p.gpu) end,
        receipt = "derived" }
      chain:note("QLoRA dequantizes the NF4 base on every forward and backward pass: at equal FLOPs it runs slower than LoRA (not modelled here).")
    else
      chain:note("Give dataset_tokens (--set dataset_tokens=…) for training time and cost.")
    end

    local scaling = alpha / p.rank
    local bucket = p.rank <= 16 and "low" or p.rank <= 128 and "med" or "high"
    chain:step {
      section = "§28", name = "Adapter scaling α/r", formula = "α/r: > 4 high, < 0.25 low; rank ≤ 16 low, ≤ 128 med",
      inputs = { rank = p.rank, lora_alpha = alpha }, result = scaling,
      interpretation = function() return string.format("α/r = %.3g (%s); rank bucket %s", scaling,
        scaling > 4 and "high: unstable updates, lower the LR or α" or scaling < 0.25 and "low: the adapter barely moves the model"
          or "ok", bucket) end,
      receipt = "provisional" }

    local forget = p.goal == "new_knowledge"
      and "new domain: full fine-tuning learns more; LoRA learns less of it (and forgets less of the base)"
      or "adaptation: LoRA usually matches full fine-tuning and forgets less of the base; higher ranks move closer to full FT"
    chain:step {
      section = "§28", name = "What it forgets", formula = "LoRA Learns Less and Forgets Less (Biderman et al. 2024)",
      inputs = { goal = p.goal, rank_bucket = bucket }, result = forget,
      interpretation = "evidence from published comparisons, not a prediction for this model",
      receipt = "provisional" }

    if (p.n_experts or 1) > 1 then
      chain:note(function() return string.format("MoE (%d experts): LoRA is counted on one dense MLP of width d_ff; "
        .. "adapters on every expert multiply the MLP share, and full fine-tuning holds all %s parameters.", p.n_experts,
        fmt.commas(p.n_params)) end)
    end
    chain:factor("memory_model", "warn")
    chain:factor("mfu", "warn")
    chain:factor("sharding", p.n_gpus == 1 and "ok" or "warn")
    chain:factor("cost_inputs", (p.dataset_tokens and g.usd_h > 0) and "ok" or "miss")
    chain:factor("forgetting", "warn")
    if g.usd_h <= 0 then
      chain:note(function() return string.format("%s is a local card with no hourly price: cost is not defined.", p.gpu) end)
    end

    local extra = { fits = taf.json.ordered({ full = full_fits, lora = lora_fits, qlora = qlora_fits }, { "full", "lora", "qlora" }),
                    trainable_params = P, costs = costs }
    local function cost_of(kind)
      if not costs then return "" end
      local h, c = costs[kind .. "_hours"], costs[kind .. "_USD"]
      return c and string.format(" ≈ %.1f h, %s.", h, usd(c)) or string.format(" ≈ %.1f h.", h)
    end
    local function key_of(kind, bytes)
      return string.format("%s %.1f/%.0f GiB", kind, hw.gib(bytes), hw.gib(vram))
    end
    local function sizes()
      return string.format("full %s, LoRA %s, QLoRA %s per GPU of %s", gib(full), gib(lora.total_bytes),
        gib(qlora.total_bytes), gib(vram))
    end
    if p.goal == "new_knowledge" and full_fits then
      return { verdict = "FULL FINE-TUNE", extra = extra, key = key_of("full", full),
        reason = function() return string.format("New knowledge needs full fine-tuning, and it fits: %s.%s", sizes(),
          cost_of("full")) end,
        mitigation = "Mix in general data (replay) and evaluate the base tasks before and after: full fine-tuning forgets more." }
    elseif lora_fits then
      return { verdict = "LORA", extra = extra, key = key_of("LoRA", lora.total_bytes),
        reason = function() return string.format("LoRA r=%d fits (%s)%s%s", p.rank, sizes(),
          p.goal == "new_knowledge" and "; full fine-tuning does not, so expect LoRA to learn less of the new domain." or ".",
          cost_of("adapter")) end,
        mitigation = function() return string.format("LoraConfig(r=%d, lora_alpha=%g, target_modules=%s); merge W = W₀ + (α/r)·BA for zero-latency serving.",
          p.rank, alpha, p.targets == "all" and "all linear" or p.targets == "attention" and "q,k,v,o" or "q,v") end }
    elseif qlora_fits then
      return { verdict = "QLORA", extra = extra, key = key_of("QLoRA", qlora.total_bytes),
        reason = function() return string.format("Only QLoRA fits (%s).%s", sizes(), cost_of("adapter")) end,
        mitigation = "Load the base in 4-bit NF4 (BitsAndBytesConfig), call prepare_model_for_kbit_training before get_peft_model; "
          .. "more GPUs or a larger GPU would allow bf16 LoRA." }
    elseif full_fits then -- only when the adapters outgrow the model (a rank near d_model)
      return { verdict = "FULL FINE-TUNE", extra = extra, key = key_of("full", full),
        reason = function() return string.format("At r=%d the adapters outgrow the model; full fine-tuning fits (%s).%s",
          p.rank, sizes(), cost_of("full")) end,
        mitigation = "Use a much smaller rank (8–64) for LoRA, or fine-tune fully with replay data." }
    end
    return { verdict = "DOES NOT FIT", extra = extra, key = key_of("QLoRA", qlora.total_bytes),
      reason = function() return string.format("Nothing fits: %s.", sizes()) end,
      mitigation = "Shorter seq_len or micro_batch with gradient accumulation, activation checkpointing, more GPUs (sharded), or a smaller base model." }
  end,
}

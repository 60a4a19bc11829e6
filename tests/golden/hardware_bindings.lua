-- The hardware and RoPE slice of the `taf` module (engine/lua/hardware.c):
-- argument checks with the parameter named, nil for unknown names, tables
-- with their keys in order. Expected values worked by hand from the equation
-- in each comment.

test("quantization formats: names, aliases, GGUF file types", function()
  local f = taf.quant_format("q4_k_m")
  expect_eq(f.name, "Q4_K_M")
  expect_eq(f.bits_per_weight, 4.84)
  expect_eq(f.bytes_per_weight, 4.84 / 8)
  expect_eq(f.nominal_bits, 4)
  expect_eq(f.tier, "small loss")
  expect_eq(f.kind, "gguf")
  expect_eq(f.gguf_ftype, 15)
  expect_eq(taf.quant_format(15).name, "Q4_K_M")          -- by general.file_type
  expect_eq(taf.quant_format("bfloat16").name, "BF16")
  expect_eq(taf.quant_format("AWQ").gguf_ftype, nil)       -- not a GGUF type
  expect_eq(taf.quant_format("Q9_K"), nil)
  expect_eq(taf.quant_format(4), nil)
  expect_eq(taf.json.encode(taf.quant_format("Q8_0")),
    '{"name":"Q8_0","bits_per_weight":8.5,"bytes_per_weight":1.0625,"nominal_bits":8,"tier":"near-lossless",'
    .. '"kind":"gguf","gguf_ftype":7,"aliases":[],"source":"ggml block: 34 bytes per 32 weights"}')
  local all = taf.quant_formats()
  expect(#all >= 30, "at least 30 formats")
  for _, g in ipairs(all) do expect_eq(taf.quant_format(g.name).name, g.name) end
end)

test("weight_bytes by format name or bits", function()
  expect_eq(taf.weight_bytes(8e9, "BF16"), 16e9)           -- 8e9·16/8
  expect_eq(taf.weight_bytes(8e9, 4.84), 4.84e9)
  expect_eq(taf.weight_bytes(7e9, "NF4"), 7e9 * 4.5 / 8)
  expect_error(function() taf.weight_bytes(8e9, "Q9_K") end, "unknown weight format 'Q9_K'")
  expect_error(function() taf.weight_bytes(-1, "BF16") end, "n_params must be >= 0")
  expect_error(function() taf.weight_bytes(8e9, 100) end, "bits_per_weight must be in")
  expect_error(function() taf.weight_bytes(8e9) end, "number expected, got no value")
end)

test("KV cache types", function()
  expect_eq(taf.kv_dtype("q8_0").bytes_per_element, 34 / 32)
  expect_eq(taf.kv_dtype("FP16").name, "f16")
  expect_eq(taf.kv_dtype("q3_k"), nil)
  expect_eq(#taf.kv_dtypes(), 10)
  expect_eq(taf.quant_tier(3), "degraded")
  expect_error(function() taf.quant_tier(0) end, "nominal_bits must be in")
end)

test("RoPE scales and their argument checks", function()
  expect_eq(taf.rope_wavelength(10000, 0, 128), 2 * math.pi)
  expect_near(taf.rope_wavelength(10000, 32, 128), 2 * math.pi * 100, 1e-15)   -- θ^(64/128) = 100
  expect_near(taf.rope_t_cross(10000), 2 * math.pi * 100, 1e-15)
  expect_near(taf.rope_t_max(10000), 2 * math.pi * 10000, 1e-15)
  expect_near(taf.rope_n_active(10000, 128, 2 * math.pi * 100), 32, 1e-12)      -- d/4 at T_cross
  expect_eq(taf.rope_pairs_resolving(10000, 128, 1), 64)
  expect_near(taf.lcrit_fraction(10000, 2 * math.pi * 100, 64), 0.5, 1e-12)     -- log_θ(√θ)·1
  expect_error(function() taf.rope_wavelength(10000, 64, 128) end, "i must be < d_head/2")
  expect_error(function() taf.rope_n_active(1, 128, 100) end, "theta must be > 1")
  expect_error(function() taf.rope_n_active(10000, 1, 100) end, "d_head must be in")
  expect_error(function() taf.rope_n_active(10000, 128, 0) end, "distance must be > 0")
  expect_error(function() taf.rope_t_cross(0 / 0) end, "finite number expected, got nan")
end)

test("context extension bases", function()
  expect_near(taf.ntk_theta(10000, 4, 128), 10000 * 4 ^ (128 / 126), 1e-12)
  expect_eq(taf.dynamic_ntk_theta(10000, 4, 128, 4096, 4096), 10000)            -- inside T: unchanged
  expect_near(taf.dynamic_ntk_theta(10000, 4, 128, 16384, 4096), 10000 * 13 ^ (128 / 126), 1e-12)
  expect_near(taf.yarn_mscale(4), 0.1 * math.log(4) + 1, 1e-15)
  local r = taf.yarn_correction_range(10000, 128, 4096)
  expect_eq(r.low, 20)
  expect_eq(r.high, 46)
  expect_eq(taf.json.encode(r), '{"low":20,"high":46}')
  expect_error(function() taf.ntk_theta(10000, 0.5, 128) end, "factor must be in %[1, 1e6%]")
  expect_error(function() taf.ntk_theta(10000, 2, 2) end, "d_head must be in")
end)

test("VRAM fit and offload", function()
  local GIB = 2 ^ 30
  -- 16e9 weights, 131072 B/token KV (2·32·8·128·2), T 8192, d_model 4096, 24 GiB
  local f = taf.vram_fit(16e9, 131072, 1, 8192, 4096, true, 24 * GIB)
  expect_eq(f.fits, true)
  expect_eq(f.max_context, 67115)                  -- ⌊(24 GiB − 16e9 − 0.65 GiB)/(131072 + 4096)⌋
  expect_eq(f.fit_class, "fits_comfortably")
  expect_eq(f.total_bytes, 16e9 + 131072 * 8192 + 0.4 * GIB + 0.25 * GIB + 4096 * 8192)
  -- two GPUs: double the VRAM, each with its own fixed overhead
  local f2 = taf.vram_fit(40e9, 131072, 1, 8192, 4096, true, 24 * GIB, 2)
  expect_eq(f2.vram_bytes, 48 * GIB)
  expect_eq(f2.overhead_bytes, 2 * (0.4 * GIB + 0.25 * GIB) + 4096 * 8192)
  expect_eq(taf.vram_fit(30e9, 131072, 1, 8192, 4096, true, 24 * GIB).fit_class, "weights_bound")
  expect_eq(taf.offload_layers(10, 1, 2, 0.5, 32), 14)      -- ⌊(10 − 1 − 2)/0.5⌋
  -- vram_budget takes the KV total at the context (any layout) and leaves max_context nil
  local b = taf.vram_budget(16e9, 131072 * 8192, 8192, 4096, true, 24 * GIB)
  expect_eq(b.total_bytes, f.total_bytes)
  expect_eq(b.fits, true)
  expect_eq(b.max_context, nil)
  -- searching the largest context with vram_budget as the predicate finds vram_fit's closed form
  local function fits(t) return taf.vram_budget(16e9, 131072 * t, t, 4096, true, 24 * GIB).fits end
  local lo, hi = 0, 1 << 20
  while hi - lo > 1 do local mid = (lo + hi) // 2; if fits(mid) then lo = mid else hi = mid end end
  expect_eq(lo, f.max_context)
  expect_error(function() taf.vram_budget(16e9, -1, 8192, 4096, true, 24 * GIB) end, "kv_bytes must be >= 0")
  expect_error(function() taf.vram_fit(16e9, 131072, 0, 8192, 4096, true, 24 * GIB) end, "batch must be in")
  expect_error(function() taf.vram_fit(16e9, 131072, 1, 8192, 4096, "yes", 24 * GIB) end, "boolean expected")
  expect_error(function() taf.vram_fit(16e9, 131072, 1, 8192, 4096, true, 0) end, "vram_bytes must be > 0")
  expect_error(function() taf.offload_layers(10, 1, 2, 0.5, 0) end, "n_layers must be in")
end)

test("serving", function()
  expect_eq(taf.prefill_flops(8e9, 2048, 32, 4096), 2 * 8e9 * 2048 + 2 * 32 * 2048 ^ 2 * 4096)
  expect_eq(taf.decode_flops(8e9, 32, 32, 3000, 4096), 32 * (2 * 8e9 + 4 * 32 * 3000 * 4096))
  expect_eq(taf.compute_seconds(989e12, 989, 1), 1.0)
  expect_eq(taf.memory_seconds(3350e9, 3350, 1), 1.0)
  expect_near(taf.roofline_ridge(989, 3350), 989e12 / 3350e9, 1e-15)
  expect_eq(taf.max_concurrent_requests(10, 2.5), 4)
  expect_eq(taf.max_concurrent_requests(-1, 2.5), 0)
  expect_near(taf.usd_per_Mtok(2.5, 1000), 2.5 / 3600 / 1000 * 1e6, 1e-15)
  expect_error(function() taf.compute_seconds(1, 989, 0) end, "utilisation must be in")
  expect_error(function() taf.usd_per_Mtok(2.5, 0) end, "tokens_per_s must be > 0")
  expect_error(function() taf.max_concurrent_requests(10, 0) end, "kv_bytes_per_request must be > 0")
end)

test("fine-tuning", function()
  -- Llama-3-8B, r = 16, all linear: 16·32·81920
  expect_eq(taf.lora_params(16, 32, 4096, 4096, 1024, 14336, "all"), 41943040)
  expect_eq(taf.lora_params(16, 32, 4096, 4096, 1024, 14336, "qv"), 6815744)
  expect_eq(taf.lora_params(16, 32, 4096, 4096, 1024, 14336, "q,v"), 6815744)
  expect_eq(taf.lora_params(16, 32, 4096, 4096, 1024, 14336, "attention"), 13631488)
  expect_eq(taf.activation_bytes(2048, 4096, 32), 2 * 2048 * 4096 * 32)        -- checkpointing by default
  expect_eq(taf.activation_bytes(2048, 4096, 32, false), 34 * 2048 * 4096 * 32)
  local m = taf.adapter_memory(16e9, 41943040, 536870912)
  expect_eq(m.total_bytes, 16e9 + 16 * 41943040 + 536870912)
  expect_eq(taf.adapter_training_flops(8e9, 4e7, 1e8), (4 * 8e9 + 6 * 4e7) * 1e8)
  expect_error(function() taf.lora_params(16, 32, 4096, 4096, 1024, 14336, "mlp") end, "targets must be all, attention, qv")
  expect_error(function() taf.lora_params(0, 32, 4096, 4096, 1024, 14336, "all") end, "rank must be in")
end)

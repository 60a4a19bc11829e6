-- Small checks of the engine rules against values worked by hand from the
-- engines' sources (the logged cases are in engine_logs.lua).
local llamacpp = require "lib.engines.llamacpp"
local vllm = require "lib.engines.vllm"

test("llama-quant use_more_bits: the Q4_K_M attn_v / ffn_down bump", function()
  -- n = 64: i < 8 (8), i >= 56 (8), (i - 8) % 3 == 2 for 8 <= i < 56 (10, 13, ..., 55: 16) = 32
  local n = 0
  for i = 0, 63 do if llamacpp.use_more_bits(i, 64) then n = n + 1 end end
  expect_eq(n, 32)
  -- n = 32: 4 + 4 + (6, 9, ..., 27: 8) = 16
  n = 0
  for i = 0, 31 do if llamacpp.use_more_bits(i, 32) then n = n + 1 end end
  expect_eq(n, 16)
end)

test("layer split: -ts 10,6 over 64 layers + output puts 41 layers on the first GPU", function()
  -- upper_bound([0.625, 1], il/65): il/65 < 0.625 for il <= 40
  local dev = llamacpp.layer_devices(64, 99, 2, { 10, 6 })
  local n1 = 0
  for il = 0, 63 do if dev[il] == 1 then n1 = n1 + 1 end end
  expect_eq(n1, 41)
  expect_eq(dev[64], 2)   -- the output layer on the last GPU
  -- -ngl 10 of 32: layers 22..31 on the GPU, the output on the host
  dev = llamacpp.layer_devices(32, 10, 1)
  expect_eq(dev[21], 0); expect_eq(dev[22], 1); expect_eq(dev[32], 0)
end)

test("KV cells by era", function()
  local m = { n_layers = 26, sliding_window = 4096, swa_period = 2 }
  -- b7445, -np 4 unified: SWA = min(8192, pad256(4096*4 + 512)) = 8192
  local c = llamacpp.kv_cells(m, { build = 7445, n_ctx = 8192, n_seq = 4, kv_unified = true, n_ubatch = 512 })
  expect_eq(c.per_stream, 8192); expect_eq(c.streams, 1); expect_eq(c.swa_cells, 8192)
  -- b6000, -np 4 not unified: 4 streams of 2048; SWA = min(2048, pad256(4096 + 512)) = 2048
  c = llamacpp.kv_cells(m, { build = 6000, n_ctx = 8192, n_seq = 4, n_ubatch = 512, flash_attn = true })
  expect_eq(c.per_stream, 2048); expect_eq(c.streams, 4); expect_eq(c.swa_cells, 2048)
  -- b6182 without flash attention: n_ctx 2000 padded to 32 -> 2016; SWA pad32(128 + 512) = 640
  c = llamacpp.kv_cells({ n_layers = 36, sliding_window = 128, swa_period = 2 },
    { build = 6182, n_ctx = 2000, n_ubatch = 512, flash_attn = false })
  expect_eq(c.per_stream, 2016); expect_eq(c.swa_cells, 640)
  -- b4310: no iSWA, one stream padded to 32
  c = llamacpp.kv_cells(m, { build = 4310, n_ctx = 1000, flash_attn = false })
  expect_eq(c.per_stream, 1024); expect_eq(c.swa_cells, 1024)
end)

test("quantized V without flash attention is refused", function()
  local m = { n_layers = 2, d_model = 256, n_attention_heads = 4, n_kv_heads = 4, d_head = 64, d_ff = 512, vocab = 1000 }
  local p = llamacpp.plan(m, { n_ctx = 256, flash_attn = false, type_v = "q8_0", gpus = 0, weight_format = "F16" })
  expect(p.refusal ~= nil, "expected a refusal")
end)

test("vLLM per-rank KV heads, pipeline stages, pages", function()
  expect_eq(vllm.kv_heads_per_rank(8, 16), 1)   -- replicated when n_kv < tp
  expect_eq(vllm.kv_heads_per_rank(8, 4), 2)
  local parts = vllm.pp_layers(27, 2)
  expect_eq(parts[1], 14); expect_eq(parts[2], 13)
  -- Llama-3.1-8B bf16: 2 x 16 tokens x 8 heads x 128 x 2 B = 65536 B per layer and block
  expect_eq(vllm.page_bytes({ n_layers = 32, n_kv_heads = 8, d_head = 128 }, {}), 65536)
  -- fp8 halves it; MLA: 16 x (512 + 64) x 2 = 18432
  expect_eq(vllm.page_bytes({ n_layers = 32, n_kv_heads = 8, d_head = 128 }, { kv_cache_dtype = "fp8" }), 32768)
  expect_eq(vllm.page_bytes({ kv_lora_rank = 512, qk_rope_head_dim = 64 }, {}), 18432)
end)

test("decode rate reads weights plus the KV up to the context", function()
  local m = { n_layers = 4, d_model = 512, n_attention_heads = 8, n_kv_heads = 8, d_head = 64, d_ff = 1024, vocab = 1000 }
  local p = llamacpp.plan(m, { n_ctx = 4096, gpus = { "GPU0" }, weight_format = "F16" })
  local full = llamacpp.decode_rate(m, p, { gpu_bw_GB_s = 1, host_bw_GB_s = 1, efficiency = 1 }, 4096)
  local half = llamacpp.decode_rate(m, p, { gpu_bw_GB_s = 1, host_bw_GB_s = 1, efficiency = 1 }, 2048)
  local d = p.devices[1]
  expect_near(full.bytes_per_token[1], d.dense_bytes + d.kv_bytes, 1e-12)
  expect_near(half.bytes_per_token[1], d.dense_bytes + d.kv_bytes / 2, 1e-12)
  -- host: the token embedding is not read per token, so nothing is read there
  expect_eq(full.bytes_per_token[0], 0)
end)

-- The case issue #16 states: gemma-3-4b-it, F16 GGUF, llama.cpp -c 32768 with
-- flash attention on one GPU prints a KV buffer of 814 MiB and a compute
-- buffer of 517 MiB. Expected numbers are the issue's; the model comes from
-- the catalogued config (tests/data/hf-configs/gemma-3-4b-it.json) through
-- taf.read_config, the way a recipe would call lib.engines.llamacpp.
local llamacpp = require "lib.engines.llamacpp"
local MiB = 1048576.0

local function gemma3()
  local m = taf.read_config("tests/data/hf-configs/gemma-3-4b-it.json")
  -- structural facts the config reader does not keep (GGUF layout of gemma3)
  m.qk_norm, m.post_norms = true, true
  return m
end

test("gemma-3-4b-it F16 -c 32768: KV 814 MiB, compute 517 MiB (issue #16)", function()
  local p = llamacpp.plan(gemma3(), { n_ctx = 32768, flash_attn = true, gpus = { "CUDA0" }, weight_format = "F16" })
  -- 5 global layers x 32768 cells + 29 sliding layers x 1536 cells (pad256(1024 + 512)), K+V f16 of 4 x 256
  expect_eq(p.kv.cells, 32768)
  expect_eq(p.kv.swa_cells, 1536)
  expect_near(p.devices[1].kv_bytes / MiB, 814, 0.01)
  expect_near(p.devices[1].compute_bytes / MiB, 517, 0.15)
end)

test("gemma-3-4b-it: the sliding period comes from the config's layer count", function()
  local m = gemma3()
  expect_eq(m.n_swa_layers, 29)
  local swa = require("lib.engines.shapes").swa_set(m)
  local n = 0
  for _ in pairs(swa) do n = n + 1 end
  expect_eq(n, 29)
  expect_eq(swa[5], nil)   -- every sixth layer is global
  expect_eq(swa[4], true)
end)

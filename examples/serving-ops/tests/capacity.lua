-- Tests of the serving-ops pack. Prices are this pack's (gpus.lua); the fleet
-- size is worked by hand from the plan's formula and X-8's throughput.

test("in-house prices override the catalog, the L4 joins it", function()
  expect_eq(taf.gpu("h100").usd_h, 1.85)
  expect_eq(taf.gpu("h100").origin, "serving-ops")
  expect_eq(taf.gpu("nvidia-l4").vram_GB, 24)
  expect_eq(taf.gpu("H200").origin, "built-in")       -- untouched entries stay
  expect_eq(taf.model("support-8b").T_train, 16384)
end)

test("capacity plan for acme-support-8b on H100", function()
  local r = run("ops-capacity", { model = "support-8b" })
  expect_verdict(r, "PLAN")
  -- X-8's decode throughput for the same model and lengths, run on its own
  local x8 = run("x8", { model = "support-8b", set = { prompt_tokens = 2048, output_tokens = 256, tpot_target_ms = 50 } })
  local tput = step(x8, "Throughput and latency").result.tokens_per_s
  expect_near(step(r, 2).result, tput, 1e-12)
  -- replicas = ⌈20 req/s · 256 tok · 1.3 / tput⌉; monthly = replicas · $1.85 · 720 h
  local replicas = math.ceil(20 * 256 * 1.3 / tput)
  expect_eq(step(r, 3).result, replicas)
  expect_near(step(r, 4).result, replicas * 1.85 * 720, 1e-12)
end)

test("more traffic needs proportionally more replicas", function()
  local r = run("ops-capacity", { model = "support-8b", set = { peak_rps = 200, headroom = 0 } })
  local x8 = run("x8", { model = "support-8b", set = { prompt_tokens = 2048, output_tokens = 256, tpot_target_ms = 50 } })
  local tput = step(x8, "Throughput and latency").result.tokens_per_s
  expect_eq(step(r, 3).result, math.ceil(200 * 256 / tput))
end)

test("a 70B model does not fit one L4", function()
  -- 70e9 weights × 2 bytes = 140 GB ≫ 24 GB
  local r = run("ops-capacity", { model = "llama-3.3-70b", set = { gpu = "l4" } })
  expect_verdict(r, "DOES NOT FIT")
end)

test("bad inputs are usage errors", function()
  expect_error(function() run("ops-capacity", { model = "support-8b", set = { peak_rps = 0 } }) end, "peak_rps", "usage")
  expect_error(function() run("ops-capacity", { model = "support-8b", set = { gpu = "tpu-v5" } }) end, "unknown gpu", "usage")
end)

test("every parameter at the edges of its range: an answer or a clear error", function()
  expect_robust("ops-capacity", { models = { "support-8b", "llama-3-8b" } })
end)

-- Golden tests for X-5. Expected values derived by tests/golden/derive.py
-- from the seed formulas module (run_recipe_x5) with the preset's n_params,
-- n_layers, n_kv_heads and d_head passed explicitly (tafrun fills them from --model).
-- Regenerate with: python3 tests/golden/derive.py ../shared

-- X-5's ranking over today's catalog (tafrun list gpus, 40+ cards): every
-- listed card's figures follow the seed's formulas from its own catalog row
-- (tok/s = bandwidth / (N·B), $/day = 24·usd_h, users = tok/day ÷ target), cards
-- with an hourly price come first in ascending $/Mtok, cards with none after.
-- (On the seed's 11-card catalog the ranking was RTX 5090, MI300X, RTX 4090,
-- A100 80GB, B200; the seed's figures for those cards still follow from the
-- same formulas, checked here on whichever cards rank now.)
local function expect_ranking(r)
  local top, N, B, per_day = step(r, 4).result, r.inputs.N_params, r.inputs.bytes_per_weight, r.inputs.target_tokens_per_day
  expect(#top >= 1 and #top <= 5, "one to five cards listed")
  local prev, unpriced_seen = -math.huge, false
  for _, c in ipairs(top) do
    local g = taf.gpu(c.gpu)
    expect_near(c.vram_GB, g.vram_GB, 1e-12, c.gpu .. " vram")
    expect_near(c.tok_per_sec, g.bw_GB_s * 1e9 / (N * B), 1e-12, c.gpu .. " tok/s")
    expect_near(c.tok_per_day, c.tok_per_sec * 86400, 1e-12, c.gpu .. " tok/day")
    expect_near(c.USD_per_day, g.usd_h * 24, 1e-12, c.gpu .. " $/day")
    expect_near(c.users_supported, c.tok_per_day / per_day, 1e-12, c.gpu .. " users")
    if g.usd_h > 0 then
      expect(not unpriced_seen, c.gpu .. ": a priced card after an unpriced one")
      expect(c.USD_per_Mtok >= prev, c.gpu .. ": ranked out of $/Mtok order")
      prev = c.USD_per_Mtok
    else
      unpriced_seen = true
    end
  end
end

test("X-5 llama-3-8b defaults", function()
  local r = run("x5", { model = "llama-3-8b" })
  expect_verdict(r, "YES")
  expect_near(step(r, 1).result.GB, 16.060522496, 1e-12, "step 1 GB")
  expect_near(step(r, 2).result.bytes, 536870912.0, 1e-12, "step 2 bytes")
  expect_near(step(r, 2).result.MB, 536.870912, 1e-12, "step 2 MB")
  expect_near(step(r, 2).result.GB, 0.536870912, 1e-12, "step 2 GB")
  expect_near(step(r, 3).result.GB, 16.597393408000002, 1e-12, "step 3 GB")
  expect_ranking(r)
end)

test("X-5 llama-3-8b T_eval=32768 concurrent_users=8", function()
  local r = run("x5", { model = "llama-3-8b", set = { T_eval = 32768, concurrent_users = 8 } })
  expect_verdict(r, "YES")
  expect_near(step(r, 1).result.GB, 16.060522496, 1e-12, "step 1 GB")
  expect_near(step(r, 2).result.bytes, 4294967296.0, 1e-12, "step 2 bytes")
  expect_near(step(r, 2).result.MB, 4294.967296, 1e-12, "step 2 MB")
  expect_near(step(r, 2).result.GB, 4.294967296, 1e-12, "step 2 GB")
  expect_near(step(r, 3).result.GB, 50.420260864, 1e-12, "step 3 GB")
  expect_ranking(r)
end)

test("X-5 llama-3.3-70b defaults", function()
  local r = run("x5", { model = "llama-3.3-70b" })
  expect_verdict(r, "YES")
  expect_near(step(r, 1).result.GB, 141.107412992, 1e-12, "step 1 GB")
  expect_near(step(r, 2).result.bytes, 1342177280.0, 1e-12, "step 2 bytes")
  expect_near(step(r, 2).result.MB, 1342.17728, 1e-12, "step 2 MB")
  expect_near(step(r, 2).result.GB, 1.34217728, 1e-12, "step 2 GB")
  expect_near(step(r, 3).result.GB, 142.449590272, 1e-12, "step 3 GB")
  expect_ranking(r)
end)

test("X-5 qwen2.5-1.5b bytes_per_weight=1.0", function()
  local r = run("x5", { model = "qwen2.5-1.5b", set = { bytes_per_weight = 1.0 } })
  expect_verdict(r, "YES")
  expect_near(step(r, 1).result.GB, 1.543714304, 1e-12, "step 1 GB")
  expect_near(step(r, 2).result.bytes, 58720256.0, 1e-12, "step 2 bytes")
  expect_near(step(r, 2).result.MB, 58.720256, 1e-12, "step 2 MB")
  expect_near(step(r, 2).result.GB, 0.058720256, 1e-12, "step 2 GB")
  expect_near(step(r, 3).result.GB, 1.60243456, 1e-12, "step 3 GB")
  expect_ranking(r)
end)

test("X-5 pythia-1b T_eval=2048", function()
  local r = run("x5", { model = "pythia-1b", set = { T_eval = 2048 } })
  expect_verdict(r, "YES")
  expect_near(step(r, 1).result.GB, 2.023563264, 1e-12, "step 1 GB")
  expect_near(step(r, 2).result.bytes, 268435456.0, 1e-12, "step 2 bytes")
  expect_near(step(r, 2).result.MB, 268.435456, 1e-12, "step 2 MB")
  expect_near(step(r, 2).result.GB, 0.268435456, 1e-12, "step 2 GB")
  expect_near(step(r, 3).result.GB, 2.29199872, 1e-12, "step 3 GB")
  expect_ranking(r)
end)

test("X-5 llama-3.3-70b T_eval=131072 concurrent_users=16", function()
  local r = run("x5", { model = "llama-3.3-70b", set = { T_eval = 131072, concurrent_users = 16 } })
  expect_verdict(r, "NO")
  expect_near(step(r, 1).result.GB, 141.107412992, 1e-12, "step 1 GB")
  expect_near(step(r, 2).result.bytes, 42949672960.0, 1e-12, "step 2 bytes")
  expect_near(step(r, 2).result.MB, 42949.67296, 1e-12, "step 2 MB")
  expect_near(step(r, 2).result.GB, 42.94967296, 1e-12, "step 2 GB")
  expect_near(step(r, 3).result.GB, 828.302180352, 1e-12, "step 3 GB")
  expect_eq(#step(r, 4).result, 0, "step 4 length")
end)

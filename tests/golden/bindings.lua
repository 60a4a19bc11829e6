-- The `taf` module as scripts see it: argument checks with clear messages,
-- None → nil, dicts with their keys, catalogs, JSON. Expected values are
-- worked by hand from the equation in each comment.

test("gamma_pade and its argument checks", function()
  -- (2·10000 − 4096√2)/(2·10000 + 4096√2)
  expect_near(taf.gamma_pade(10000, 4096), (20000 - 4096 * math.sqrt(2)) / (20000 + 4096 * math.sqrt(2)), 1e-15)
  expect_error(function() taf.gamma_pade(0 / 0, 4096) end, "finite number expected, got nan")
  expect_error(function() taf.gamma_pade(-1, 4096) end, "theta must be > 0")
  expect_error(function() taf.gamma_pade("x", 4096) end, "number expected, got string")
  expect_error(function() taf.gamma_pade(10000) end, "number expected, got no value")
end)

test("None results are nil", function()
  expect_eq(taf.d_horizon(10000, 1.0), nil)
  expect_eq(taf.d_horizon(10000, 0), nil)
  expect_eq(taf.l_niah_c(nil), nil)
  expect_eq(taf.p_hallucinate(0, 10000, 0.5), nil)
  expect_eq(taf.df_window(0.9, 8192), nil)
  expect_eq(taf.chi_susceptibility(1), math.huge)
end)

test("ValueError becomes a Lua error with the same message", function()
  expect_error(function() taf.theta_design(1.0, 4096) end, "gamma_target must be in %(%-1, 1%)")
  expect_error(function() taf.alpha_opt(-1.5, 4096, 1e4) end, "gamma_target must be in %(%-1, 1%)")
  expect_error(function() taf.df_window(0.7, 8192, 1.5) end, "f must be in %(0, 1%]")
  expect_error(function() taf.df_window(0.7, 8192.5) end, "N")
end)

test("dicts keep the seed's keys", function()
  local kv = taf.kv_cache_memory(32, 8, 128, 8192)          -- 2·32·8·128·8192·2 bytes
  expect_eq(kv.bytes, 1073741824.0)
  expect_eq(kv.GB, 1.073741824)
  expect_eq(taf.json.encode(kv), '{"bytes":1073741824.0,"MB":1073.741824,"GB":1.073741824}')
  local d = taf.gamma_decompose(0.9, true, true, 8e9)
  expect_eq(d.delta_SWA, 0.0)
  expect_eq(d.delta_SWA_status, "exploratory_n1_disabled")
  expect_near(d.gamma_corrected, 0.9 + 0.11 - 0.15, 1e-15)
  expect_eq(taf.break_even_volume(1e6, 5, 5).error,
            "self-host more expensive than API per token; never breaks even")
end)

test("GPU arguments: a catalog name, an alias, or a table", function()
  local a = taf.cost_per_inference_token(16, "h100")           -- 3350/16 tok/s
  expect_eq(a.gpu, "H100 SXM")
  expect_near(a.tok_per_sec, 3350 / 16, 1e-15)
  local b = taf.cost_per_inference_token(16, { name = "mine", flops = 100, vram_GB = 24, bw_GB_s = 1000, usd_h = 1 })
  expect_near(b.USD_per_Mtok, 1e6 / (1000 / 16) / 3600 * 1, 1e-15)
  expect_error(function() taf.cost_per_inference_token(16, "h1000") end, "unknown gpu 'h1000'", "usage")
  expect_error(function() taf.cost_per_inference_token(16, { flops = 1 }) end, "gpu field 'vram_GB'")
end)

test("catalogs", function()
  expect_eq(taf.gpu("A100").name, "A100 80GB")
  expect_eq(taf.model("Qwen/Qwen2.5-7B").short_id, "qwen2.5-7b")
  expect_eq(taf.model("QWEN2.5-7B").theta, 1000000)
  expect_eq(taf.api("gpt4o").output, 10.0)
  expect(#taf.gpus() >= 40, "at least 40 GPUs")
  expect(#taf.models() >= 60, "at least 60 presets")
  expect_error(function() taf.model("nope") end, "unknown model 'nope'", "usage")
end)

test("the module is read-only", function()
  expect_error(function() taf.gamma_pade = nil end, "read%-only")
  expect_error(function() taf.json.encode = nil end, "read%-only")
end)

test("json round trip keeps order, arrays and precision", function()
  local v = taf.json.decode('{"b":1,"a":[0.1,2.5e-300,{"x":null}],"c":"é"}')
  expect_eq(taf.json.encode(v), '{"b":1,"a":[0.1,2.5e-300,{"x":null}],"c":"é"}')
  expect_eq(taf.json.encode(taf.json.array({})), "[]")
  expect_eq(taf.json.encode({ 1 / 0, 0 / 0 }), "[null,null]")
  expect_error(function() taf.json.decode('{"a":1,}') end, "line 1 column 8")
  expect_error(function() taf.json.encode({ f = print }) end, "cannot encode a function")
end)

test("recipes compose", function()
  local r = taf.run_recipe("x19", { model = "llama-3-8b" })
  expect_eq(r.recipe_id, "X-19")
  expect_eq(r.inputs.T_eval, 8192)
end)

test("the custom recipe example runs", function()
  -- 8e9·2 B = 16 GB of weights; KV 2·32·8·128·32768·2 B = 4.294967296 GB; ⌊(80 − 16)/4.29⌋ = 14
  local r = run("examples/kv_budget.lua", { model = "llama-3-8b", set = { T_eval = 32768 } })
  expect_verdict(r, "FITS")
  expect_eq(step(r, 3).result, 14)
end)

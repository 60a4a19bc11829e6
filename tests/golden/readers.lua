-- Recipes on real configs (tests/data/hf-configs): the architecture-aware KV
-- memory of §19.1 and X-2's answer for models without RoPE. Every expected
-- number is worked by hand from the config's fields in the comment.
local dir = "tests/data/hf-configs/"

test("taf.read_config gives the preset field names", function()
  local m = taf.read_config(dir .. "qwen2.5-7b.json")
  -- config: rope_theta 1e6, max_position_embeddings 131072, 28 heads, 4 KV heads, 28 layers
  expect_eq(m.theta, 1000000)
  expect_eq(m.T_train, 131072)
  expect_eq(m.n_attention_heads, 28)
  expect_eq(m.n_kv_heads, 4)
  expect_eq(m.d_head, 128)       -- 3584 / 28
  expect_eq(m.architecture, "FULL")
  expect_eq(m.has_SWA, false)
  expect_eq(m.source, "config.json at " .. dir .. "qwen2.5-7b.json")
end)

test("X-2 on a FULL config equals the seed formula 2·L·n_kv·d_h·seq·B", function()
  local r = run("x2", { config = dir .. "llama-3.1-8b.json", set = { T_eval = 65536 } })
  -- 2·32·8·128·65536·2 = 8,589,934,592; θ 500000, T_train 8192 (original_max_position_embeddings)
  expect_eq(step(r, "KV cache memory").result.bytes, 8589934592.0)
  expect_eq(step(r, "KV cache memory").formula, "2·L·n_kv·d_h·seq·B")
  expect_near(step(r, 1).result, (2 * 500000 - 65536 * math.sqrt(2)) / (2 * 500000 + 65536 * math.sqrt(2)), 1e-12)
end)

test("X-19 on Gemma-2-9B counts the sliding layers at the window", function()
  local r = run("x19", { config = dir .. "gemma-2-9b.json", set = { T_eval = 32768 } })
  -- 21 global layers keep 32768 tokens, 21 sliding keep 4096: 2·8·256·2·(21·32768 + 21·4096)
  expect_eq(step(r, "Baseline KV memory").result.bytes, 8192.0 * 21 * (32768 + 4096))
end)

test("X-5 on DeepSeek-V2-Lite caches the MLA latent", function()
  local r = run("x5", { config = dir .. "deepseek-v2-lite.json", set = { T_eval = 32768 } })
  -- 27 layers · (512 + 64) · 32768 tokens · 2 bytes = 1,019,215,872
  expect_eq(step(r, "KV cache (per request)").result.bytes, 27.0 * 576 * 32768 * 2)
end)

test("X-2 without RoPE: absolute positions past T_train", function()
  local r = run("x2", { config = dir .. "gpt2.json", set = { T_eval = 4096 } })
  expect_verdict(r, "NO")     -- 4096 > 1024 learned positions
  local ok = run("x2", { config = dir .. "gpt2.json", set = { T_eval = 512 } })
  expect_verdict(ok, "YES")
end)

test("X-2 without RoPE: ALiBi and recurrent models", function()
  expect_verdict(run("x2", { config = dir .. "bloom-560m.json", set = { T_eval = 8192 } }), "DEGRADED")
  local r = run("x2", { config = dir .. "rwkv-4-169m-pile.json", set = { T_eval = 8192 } })
  expect_verdict(r, "DEGRADED")
  -- RWKV-4 state: 12 layers · 5 · 768 elements · 2 bytes, whatever the length
  expect_eq(step(r, "KV cache memory").result.bytes, 12.0 * 5 * 768 * 2)
end)

test("kv_cache_memory_model checks its model table", function()
  expect_error(function() taf.kv_cache_memory_model({ architecture = "SWA", n_layers = 2 }, 10) end,
    "the model has no 'n_kv_heads'")
  expect_error(function() taf.kv_cache_memory_model({ architecture = "CNN", n_layers = 2 }, 10) end,
    "unknown architecture 'CNN'")
  expect_error(function() taf.kv_cache_memory_model({ n_layers = 2, n_kv_heads = 1, d_head = 0 / 0 }, 10) end,
    "'d_head' must be a finite number")
  local kv = taf.kv_cache_memory_model({ n_layers = 32, n_kv_heads = 8, d_head = 128 }, 8192)
  expect_eq(taf.json.encode(kv), '{"bytes":1073741824.0,"MB":1073.741824,"GB":1.073741824,"method":"full"}')
end)

test("reader errors name the file", function()
  expect_error(function() taf.read_config(dir .. "missing.json") end, "missing.json: cannot open")
  expect_error(function() taf.read_gguf(dir .. "gpt2.json") end, "gpt2.json: not a GGUF file")
end)

test("X-9 on a config that ships rope_scaling plans from its extended window", function()
  -- llama-3.2-3b config.json: rope_scaling llama3 factor 32 over original 8192,
  -- max_position_embeddings 131072 → T_train 8192, T_max 131072.
  local m = taf.read_config(dir .. "llama-3.2-3b.json")
  expect_eq(m.T_train, 8192)
  expect_eq(m.T_max, 131072)
  -- L = 131072 = T_max: s = 131072/131072 = 1, inside the shipped window
  local r = run("x9", { config = dir .. "llama-3.2-3b.json", set = { T_target = 131072 } })
  expect_eq(r.verdict, "NO EXTENSION NEEDED")
  expect_eq(step(r, "Shipped rope_scaling").result, 131072)
  expect_eq(step(r, "Stretch factor").result, 1.0)
  -- L = 524288: s = 524288/131072 = 4 from the extended window (not 64 from 8192)
  r = run("x9", { config = dir .. "llama-3.2-3b.json", set = { T_target = 524288 } })
  expect_eq(step(r, "Stretch factor").result, 4.0)
end)

-- Presets agree with the published config of the same architecture on every
-- shape field. Each equals its own fixture field for field (catalog_presets.lua);
-- some pairs here are a sibling's config (Llama 3.1 for 3 and 3.3, the base
-- gemma-2-9b for -it), whose n_params only has to round to the preset's.
test("presets match their published configs", function()
  local PAIRS = {
    { "llama-3-8b", "llama-3.1-8b.json" },              -- same shapes; 3.1 adds rope_scaling
    { "llama-3.2-1b", "llama-3.2-1b-instruct.json" }, { "llama-3.3-70b", "llama-3.1-70b-instruct.json" },
    { "gemma-2-9b", "gemma-2-9b.json" }, { "mistral-7b", "mistral-7b-v0.1.json" },
    { "phi-3-mini", "phi-3-mini-4k.json" }, { "pythia-1.4b", "pythia-1.4b.json" }, { "qwen2.5-7b", "qwen2.5-7b.json" },
  }
  local SAME = { "theta", "n_attention_heads", "n_kv_heads", "d_head", "n_layers", "d_model", "d_ff", "vocab",
                 "has_SWA", "sliding_window", "architecture", "position" }
  for _, pr in ipairs(PAIRS) do
    local preset, config = taf.model(pr[1]), taf.read_config(dir .. pr[2])
    for _, f in ipairs(SAME) do expect_eq(preset[f], config[f], pr[1] .. " " .. f) end
    expect_near(preset.n_params, config.n_params, 0.04, pr[1] .. " n_params")
  end
end)

test("Olmo 3 is read as the OLMo 2 layout with sliding layers", function()
  -- olmo-3.1-32b-instruct config.json: model_type olmo3, layer_types with 48
  -- "sliding_attention" of 64 layers, sliding_window 4096
  local m = taf.read_config(dir .. "olmo-3.1-32b-instruct.json")
  expect_eq(m.family, "olmo3")
  expect_eq(m.architecture, "SWA")
  expect_eq(m.n_swa_layers, 48)
  expect_eq(m.sliding_window, 4096)
  for _, n in ipairs(m.notes) do
    expect_eq(n:find("not one tafrun knows", 1, true), nil, "no fallback note")
  end
end)

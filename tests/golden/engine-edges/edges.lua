-- The engine paths of X-4, X-15 and X-8 at the edges of every declared range
-- (expect_robust, as tests/golden/extremes.lua does for the engine-neutral
-- paths): with engine=llama.cpp and engine=vllm, a value inside a range gives
-- a usage error or a result whose every number is finite, a value outside a
-- usage error naming the parameter. The llama.cpp runs use a GGUF file type.

local MODELS = { "llama-3-8b", "qwen2.5-7b", "mistral-7b", "gemma-2-9b", "pythia-1.4b" }

for _, id in ipairs { "x4", "x15", "x8" } do
  test(string.format("%s engine=llama.cpp at the edges of its declared ranges", id), function()
    expect_robust(id, { models = MODELS, set = { engine = "llama.cpp", weight_format = "Q4_K_M" } })
  end)
  test(string.format("%s engine=vllm at the edges of its declared ranges", id), function()
    expect_robust(id, { models = MODELS, set = { engine = "vllm", weight_format = "BF16" } })
  end)
end

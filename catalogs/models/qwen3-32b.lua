-- Qwen/Qwen3-32B (fixture).
-- Fields: config.json tests/data/hf-configs/qwen3-32b.json (verbatim copy of Qwen/Qwen3-32B's config.json in
--   citsjtu2020/LLM-Prof sglang/Model_Config.md @ 8434c8d19c396b2f95d92a67845a7c0a0e0dd512), read by
--   taf.read_config.
-- Parameter count: Qwen3-32B model card: Number of Parameters 32.8B.
-- Context: Qwen3 model cards (e.g. https://huggingface.co/Qwen/Qwen3-8B): 'Context Length: 32,768 natively
--   and 131,072 tokens with YaRN'.
return model {
  id = "Qwen/Qwen3-32B",
  aliases = { "qwen-3-32b" },
  family = "qwen3", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 1000000,
  T_train = 40960, T_max = 40960, n_attention_heads = 64, n_kv_heads = 8, d_head = 128, n_layers = 64,
  d_model = 5120, d_ff = 25600, vocab = 151936, n_params = 32762123264, has_SWA = false,
  n_attention_layers = 64, tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/qwen3-32b.json (verbatim copy of Qwen/Qwen3-32B's config.json in citsjtu2020/LLM-Prof sglang/Model_Config.md @ 8434c8d19c396b2f95d92a67845a7c0a0e0dd512), read by taf.read_config",
  notes = {
    "published_params: 3.28e+10: Qwen3-32B model card: Number of Parameters 32.8B",
    "context: Qwen3 model cards (e.g. https://huggingface.co/Qwen/Qwen3-8B): 'Context Length: 32,768 natively and 131,072 tokens with YaRN'",
  },
}

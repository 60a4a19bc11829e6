-- Qwen/Qwen3-14B (fixture).
-- Fields: config.json tests/data/hf-configs/qwen3-14b.json (verbatim copy of Qwen/Qwen3-14B's config.json in
--   citsjtu2020/LLM-Prof sglang/Model_Config.md @ 8434c8d19c396b2f95d92a67845a7c0a0e0dd512), read by
--   taf.read_config.
-- Parameter count: Qwen3-14B model card: Number of Parameters 14.8B.
-- Context: Qwen3 model cards (e.g. https://huggingface.co/Qwen/Qwen3-8B): 'Context Length: 32,768 natively
--   and 131,072 tokens with YaRN'.
return model {
  id = "Qwen/Qwen3-14B",
  aliases = { "qwen-3-14b", "qwen3-14b-base" },
  family = "qwen3", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 1000000,
  T_train = 40960, T_max = 40960, n_attention_heads = 40, n_kv_heads = 8, d_head = 128, n_layers = 40,
  d_model = 5120, d_ff = 17408, vocab = 151936, n_params = 14768307200, has_SWA = false,
  n_attention_layers = 40, tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/qwen3-14b.json (verbatim copy of Qwen/Qwen3-14B's config.json in citsjtu2020/LLM-Prof sglang/Model_Config.md @ 8434c8d19c396b2f95d92a67845a7c0a0e0dd512), read by taf.read_config",
  notes = {
    "published_params: 1.48e+10: Qwen3-14B model card: Number of Parameters 14.8B",
    "context: Qwen3 model cards (e.g. https://huggingface.co/Qwen/Qwen3-8B): 'Context Length: 32,768 natively and 131,072 tokens with YaRN'",
  },
}

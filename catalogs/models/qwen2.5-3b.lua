-- Qwen/Qwen2.5-3B (fixture).
-- Fields: config.json tests/data/hf-configs/qwen2.5-3b.json (verbatim copy of Qwen/Qwen2.5-3B's config.json
--   in citsjtu2020/LLM-Prof sglang/Model_Config.md @ 8434c8d19c396b2f95d92a67845a7c0a0e0dd512), read by
--   taf.read_config.
-- Parameter count: Qwen2.5-3B model card: Number of Parameters 3.09B.
-- Context: Qwen2.5 base model card (e.g. https://huggingface.co/Qwen/Qwen2.5-3B): 'Context Length: Full
--   32,768 tokens'.
return model {
  id = "Qwen/Qwen2.5-3B",
  aliases = { "qwen2.5-3b-instruct", "qwen-2.5-3b" },
  family = "qwen2", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 1000000,
  T_train = 32768, T_max = 32768, n_attention_heads = 16, n_kv_heads = 2, d_head = 128, n_layers = 36,
  d_model = 2048, d_ff = 11008, vocab = 151936, n_params = 3085938688, has_SWA = false,
  n_attention_layers = 36, tie_word_embeddings = true,
  source = "config.json tests/data/hf-configs/qwen2.5-3b.json (verbatim copy of Qwen/Qwen2.5-3B's config.json in citsjtu2020/LLM-Prof sglang/Model_Config.md @ 8434c8d19c396b2f95d92a67845a7c0a0e0dd512), read by taf.read_config",
  notes = {
    "published_params: 3090000000: Qwen2.5-3B model card: Number of Parameters 3.09B",
    "context: Qwen2.5 base model card (e.g. https://huggingface.co/Qwen/Qwen2.5-3B): 'Context Length: Full 32,768 tokens'",
  },
}

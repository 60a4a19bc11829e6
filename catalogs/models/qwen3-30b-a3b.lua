-- Qwen/Qwen3-30B-A3B (fixture).
-- Fields: config.json tests/data/hf-configs/qwen3-30b-a3b.json (verbatim copy of Qwen/Qwen3-30B-A3B's
--   config.json in citsjtu2020/LLM-Prof sglang/Model_Config.md @ 8434c8d19c396b2f95d92a67845a7c0a0e0dd512),
--   read by taf.read_config.
-- Parameter count: Qwen3-30B-A3B model card: 30.5B in total, 3.3B activated.
-- Context: Qwen3 model cards (e.g. https://huggingface.co/Qwen/Qwen3-8B): 'Context Length: 32,768 natively
--   and 131,072 tokens with YaRN'.
return model {
  id = "Qwen/Qwen3-30B-A3B",
  aliases = { "qwen-3-30b-a3b", "qwen3-30b-a3b-base", "qwen3-30b" },
  family = "qwen3_moe", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 1000000,
  T_train = 40960, T_max = 40960, n_attention_heads = 32, n_kv_heads = 4, d_head = 128, n_layers = 48,
  d_model = 2048, d_ff = 6144, vocab = 151936, n_params = 30532122624, n_params_active = 3353032704,
  has_SWA = false, n_attention_layers = 48, n_experts = 128, n_experts_active = 8,
  tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/qwen3-30b-a3b.json (verbatim copy of Qwen/Qwen3-30B-A3B's config.json in citsjtu2020/LLM-Prof sglang/Model_Config.md @ 8434c8d19c396b2f95d92a67845a7c0a0e0dd512), read by taf.read_config",
  notes = {
    "published_params: 3.05e+10: Qwen3-30B-A3B model card: 30.5B in total, 3.3B activated",
    "context: Qwen3 model cards (e.g. https://huggingface.co/Qwen/Qwen3-8B): 'Context Length: 32,768 natively and 131,072 tokens with YaRN'",
  },
}

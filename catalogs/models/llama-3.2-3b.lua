-- meta-llama/Llama-3.2-3B (fixture).
-- Fields: config.json tests/data/hf-configs/llama-3.2-3b.json (verbatim copy of meta-llama/Llama-3.2-3B's
--   config.json in citsjtu2020/LLM-Prof sglang/Model_Config.md @ 8434c8d19c396b2f95d92a67845a7c0a0e0dd512),
--   read by taf.read_config.
-- Parameter count: Llama 3.2 model card (Model Information table): 3B (3.21B).
-- Context: Llama 3.2 model card (https://huggingface.co/meta-llama/Llama-3.2-1B): context length 128k for the
--   1B and 3B text models.
return model {
  id = "meta-llama/Llama-3.2-3B",
  aliases = { "llama3.2-3b", "llama-3.2-3b-instruct", "meta-llama/Llama-3.2-3B-Instruct" },
  family = "llama", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 500000,
  T_train = 8192, T_max = 131072, n_attention_heads = 24, n_kv_heads = 8, d_head = 128, n_layers = 28,
  d_model = 3072, d_ff = 8192, vocab = 128256, n_params = 3212749824, has_SWA = false,
  n_attention_layers = 28, tie_word_embeddings = true,
  rope_scaling = { factor = 32, high_freq_factor = 4, low_freq_factor = 1, original_max_position_embeddings = 8192, rope_type = "llama3" },
  source = "config.json tests/data/hf-configs/llama-3.2-3b.json (verbatim copy of meta-llama/Llama-3.2-3B's config.json in citsjtu2020/LLM-Prof sglang/Model_Config.md @ 8434c8d19c396b2f95d92a67845a7c0a0e0dd512), read by taf.read_config",
  notes = {
    "published_params: 3210000000: Llama 3.2 model card (Model Information table): 3B (3.21B)",
    "context: Llama 3.2 model card (https://huggingface.co/meta-llama/Llama-3.2-1B): context length 128k for the 1B and 3B text models",
  },
}

-- meta-llama/Llama-3.1-8B (fixture).
-- Fields: config.json tests/data/hf-configs/llama-3.1-8b.json (verbatim copy of meta-llama/Llama-3.1-8B's
--   config.json in citsjtu2020/LLM-Prof sglang/Model_Config.md @ 8434c8d19c396b2f95d92a67845a7c0a0e0dd512),
--   read by taf.read_config.
-- Parameter count: Hugging Face model page meta-llama/Llama-3.1-8B: 8.03B params.
-- Context: Llama 3.1 model card (https://huggingface.co/meta-llama/Llama-3.1-8B): context length 128k for 8B,
--   70B and 405B; pre-trained at 8K, then extended to 128K (Llama 3 herd paper, arXiv 2407.21783).
return model {
  id = "meta-llama/Llama-3.1-8B",
  aliases = { "llama3.1-8b", "meta-llama-3.1-8b", "llama-3.1-8b-instruct", "meta-llama/Llama-3.1-8B-Instruct" },
  family = "llama", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 500000,
  T_train = 8192, T_max = 131072, n_attention_heads = 32, n_kv_heads = 8, d_head = 128, n_layers = 32,
  d_model = 4096, d_ff = 14336, vocab = 128256, n_params = 8030261248, has_SWA = false,
  n_attention_layers = 32, tie_word_embeddings = false,
  rope_scaling = { factor = 8, high_freq_factor = 4, low_freq_factor = 1, original_max_position_embeddings = 8192, rope_type = "llama3" },
  source = "config.json tests/data/hf-configs/llama-3.1-8b.json (verbatim copy of meta-llama/Llama-3.1-8B's config.json in citsjtu2020/LLM-Prof sglang/Model_Config.md @ 8434c8d19c396b2f95d92a67845a7c0a0e0dd512), read by taf.read_config",
  notes = {
    "published_params: 8030000000: Hugging Face model page meta-llama/Llama-3.1-8B: 8.03B params",
    "context: Llama 3.1 model card (https://huggingface.co/meta-llama/Llama-3.1-8B): context length 128k for 8B, 70B and 405B; pre-trained at 8K, then extended to 128K (Llama 3 herd paper, arXiv 2407.21783)",
  },
}

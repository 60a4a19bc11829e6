-- Qwen/Qwen2.5-32B (fixture).
-- Fields: config.json tests/data/hf-configs/qwen2.5-32b.json (verbatim copy of Qwen/Qwen2.5-32B's config.json
--   in citsjtu2020/LLM-Prof sglang/Model_Config.md @ 8434c8d19c396b2f95d92a67845a7c0a0e0dd512), read by
--   taf.read_config.
-- Parameter count: Qwen2.5-32B model card: Number of Parameters 32.5B.
-- Context: Qwen2.5 base model card (e.g. https://huggingface.co/Qwen/Qwen2.5-7B): 'Context Length: 131,072
--   tokens'; the Qwen2.5 report (arXiv 2412.15115) pre-trains at 32,768 and reaches 131,072 with YaRN.
return model {
  id = "Qwen/Qwen2.5-32B",
  aliases = { "qwen2.5-32b-instruct", "qwen-2.5-32b" },
  family = "qwen2", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 1000000,
  T_train = 131072, T_max = 131072, n_attention_heads = 40, n_kv_heads = 8, d_head = 128, n_layers = 64,
  d_model = 5120, d_ff = 27648, vocab = 152064, n_params = 32763876352, has_SWA = false,
  n_attention_layers = 64, tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/qwen2.5-32b.json (verbatim copy of Qwen/Qwen2.5-32B's config.json in citsjtu2020/LLM-Prof sglang/Model_Config.md @ 8434c8d19c396b2f95d92a67845a7c0a0e0dd512), read by taf.read_config",
  notes = {
    "published_params: 3.25e+10: Qwen2.5-32B model card: Number of Parameters 32.5B",
    "context: Qwen2.5 base model card (e.g. https://huggingface.co/Qwen/Qwen2.5-7B): 'Context Length: 131,072 tokens'; the Qwen2.5 report (arXiv 2412.15115) pre-trains at 32,768 and reaches 131,072 with YaRN",
  },
}

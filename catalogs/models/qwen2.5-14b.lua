-- Qwen/Qwen2.5-14B (fixture).
-- Fields: config.json tests/data/hf-configs/qwen2.5-14b.json (verbatim copy of Qwen/Qwen2.5-14B's config.json
--   in citsjtu2020/LLM-Prof sglang/Model_Config.md @ 8434c8d19c396b2f95d92a67845a7c0a0e0dd512), read by
--   taf.read_config.
-- Parameter count: Qwen2.5-14B model card: Number of Parameters 14.7B.
-- Context: Qwen2.5 base model card (e.g. https://huggingface.co/Qwen/Qwen2.5-7B): 'Context Length: 131,072
--   tokens'; the Qwen2.5 report (arXiv 2412.15115) pre-trains at 32,768 and reaches 131,072 with YaRN.
return model {
  id = "Qwen/Qwen2.5-14B",
  aliases = { "qwen2.5-14b-instruct", "qwen-2.5-14b" },
  family = "qwen2", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 1000000,
  T_train = 131072, T_max = 131072, n_attention_heads = 40, n_kv_heads = 8, d_head = 128, n_layers = 48,
  d_model = 5120, d_ff = 13824, vocab = 152064, n_params = 14770033664, has_SWA = false,
  n_attention_layers = 48, tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/qwen2.5-14b.json (verbatim copy of Qwen/Qwen2.5-14B's config.json in citsjtu2020/LLM-Prof sglang/Model_Config.md @ 8434c8d19c396b2f95d92a67845a7c0a0e0dd512), read by taf.read_config",
  notes = {
    "published_params: 1.47e+10: Qwen2.5-14B model card: Number of Parameters 14.7B",
    "context: Qwen2.5 base model card (e.g. https://huggingface.co/Qwen/Qwen2.5-7B): 'Context Length: 131,072 tokens'; the Qwen2.5 report (arXiv 2412.15115) pre-trains at 32,768 and reaches 131,072 with YaRN",
  },
}

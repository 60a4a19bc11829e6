-- Qwen/Qwen2.5-7B (fixture).
-- Fields: config.json tests/data/hf-configs/qwen2.5-7b.json (verbatim copy of Qwen/Qwen2.5-7B's config.json
--   in citsjtu2020/LLM-Prof sglang/Model_Config.md @ 8434c8d19c396b2f95d92a67845a7c0a0e0dd512), read by
--   taf.read_config.
-- Parameter count: Qwen2.5 model card: 7.61B.
-- Context: Qwen2.5 base model card (https://huggingface.co/Qwen/Qwen2.5-7B): 'Context Length: 131,072
--   tokens'; the Qwen2.5 report (arXiv 2412.15115) pre-trains at 32,768 and reaches 131,072 with YaRN, which
--   this config does not ship: give --set T_train=32768 --set T_max=32768 for the trained length.
-- The config sets use_sliding_window false, so no layer is windowed.
return model {
  id = "Qwen/Qwen2.5-7B",
  aliases = { "qwen2.5-7b-instruct", "qwen-2.5-7b" },
  family = "qwen2", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 1000000,
  T_train = 131072, T_max = 131072, n_attention_heads = 28, n_kv_heads = 4, d_head = 128, n_layers = 28,
  d_model = 3584, d_ff = 18944, vocab = 152064, n_params = 7615616512, has_SWA = false,
  n_attention_layers = 28, tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/qwen2.5-7b.json (verbatim copy of Qwen/Qwen2.5-7B's config.json in citsjtu2020/LLM-Prof sglang/Model_Config.md @ 8434c8d19c396b2f95d92a67845a7c0a0e0dd512), read by taf.read_config",
  notes = {
    "published_params: 7610000000: Qwen2.5 model card: 7.61B",
    "context: Qwen2.5 base model card (https://huggingface.co/Qwen/Qwen2.5-7B): 'Context Length: 131,072 tokens'; the Qwen2.5 report (arXiv 2412.15115) pre-trains at 32,768 and reaches 131,072 with YaRN, which this config does not ship: give --set T_train=32768 --set T_max=32768 for the trained length",
  },
}

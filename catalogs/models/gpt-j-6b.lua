-- EleutherAI/gpt-j-6b (fixture).
-- Fields: config.json tests/data/hf-configs/gpt-j-6b.json (verbatim copy of EleutherAI/gpt-j-6b's config.json
--   in Marcos-gi/base-gpt-j-6B config.json @ d2ea4ce5253728dd5541727d8ef209cf9b48530d), read by
--   taf.read_config.
-- Parameter count: EleutherAI GPT-J-6B model card: n_parameters 6,053,381,344.
-- Context: GPT-J-6B model card: n_ctx 2048.
return model {
  id = "EleutherAI/gpt-j-6b",
  aliases = { "gptj-6b", "gpt-j" },
  family = "gptj", architecture = "FULL", position = "rope", dtype = "float32", theta = 10000,
  T_train = 2048, T_max = 2048, n_attention_heads = 16, n_kv_heads = 16, d_head = 256, n_layers = 28,
  d_model = 4096, d_ff = 16384, vocab = 50400, n_params = 6050882784, has_SWA = false,
  n_attention_layers = 28, tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/gpt-j-6b.json (verbatim copy of EleutherAI/gpt-j-6b's config.json in Marcos-gi/base-gpt-j-6B config.json @ d2ea4ce5253728dd5541727d8ef209cf9b48530d), read by taf.read_config",
  notes = {
    "published_params: 6053381344: EleutherAI GPT-J-6B model card: n_parameters 6,053,381,344",
    "context: GPT-J-6B model card: n_ctx 2048",
  },
}

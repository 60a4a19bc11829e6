-- Qwen/Qwen3-0.6B (fixture).
-- Fields: config.json tests/data/hf-configs/qwen3-0.6b.json (transcribed from
--   https://huggingface.co/Qwen/Qwen3-0.6B/blob/main/config.json), read by taf.read_config.
-- Parameter count: Qwen3-0.6B model card: Number of Parameters 0.6B (0.44B non-embedding).
-- Context: Qwen3-0.6B model card: 'Context Length: 32,768'.
return model {
  id = "Qwen/Qwen3-0.6B",
  aliases = { "qwen-3-0.6b", "qwen3-0.6b-base" },
  family = "qwen3", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 1000000,
  T_train = 40960, T_max = 40960, n_attention_heads = 16, n_kv_heads = 8, d_head = 128, n_layers = 28,
  d_model = 1024, d_ff = 3072, vocab = 151936, n_params = 596049920, has_SWA = false,
  n_attention_layers = 28, tie_word_embeddings = true,
  source = "config.json tests/data/hf-configs/qwen3-0.6b.json (transcribed from https://huggingface.co/Qwen/Qwen3-0.6B/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 600000000: Qwen3-0.6B model card: Number of Parameters 0.6B (0.44B non-embedding)",
    "context: Qwen3-0.6B model card: 'Context Length: 32,768'",
  },
}

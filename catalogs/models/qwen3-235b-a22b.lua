-- Qwen/Qwen3-235B-A22B (fixture).
-- Fields: config.json tests/data/hf-configs/qwen3-235b-a22b.json (transcribed from
--   https://huggingface.co/Qwen/Qwen3-235B-A22B/blob/main/config.json), read by taf.read_config.
-- Parameter count: Qwen3-235B-A22B model card: 235B in total and 22B activated.
-- Context: Qwen3 model cards (e.g. https://huggingface.co/Qwen/Qwen3-8B): 'Context Length: 32,768 natively
--   and 131,072 tokens with YaRN'.
return model {
  id = "Qwen/Qwen3-235B-A22B",
  aliases = { "qwen-3-235b-a22b", "qwen3-235b" },
  family = "qwen3_moe", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 1000000,
  T_train = 40960, T_max = 40960, n_attention_heads = 64, n_kv_heads = 4, d_head = 128, n_layers = 94,
  d_model = 4096, d_ff = 12288, vocab = 151936, n_params = 235093634560, n_params_active = 22190763520,
  has_SWA = false, n_attention_layers = 94, n_experts = 128, n_experts_active = 8,
  tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/qwen3-235b-a22b.json (transcribed from https://huggingface.co/Qwen/Qwen3-235B-A22B/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 2.35e+11: Qwen3-235B-A22B model card: 235B in total and 22B activated",
    "context: Qwen3 model cards (e.g. https://huggingface.co/Qwen/Qwen3-8B): 'Context Length: 32,768 natively and 131,072 tokens with YaRN'",
  },
}

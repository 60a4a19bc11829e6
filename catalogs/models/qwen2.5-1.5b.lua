-- Seed PRESETS "Qwen/Qwen2.5-1.5B"; shapes from its published config.json (tied embeddings).
return model {
  id = "Qwen/Qwen2.5-1.5B", aliases = { "qwen2.5-1.5b-instruct", "qwen-2.5-1.5b" }, family = "qwen2",
  theta = 1000000, T_train = 32768, n_attention_heads = 12, n_kv_heads = 2, d_head = 128,
  n_layers = 28, n_params = 1.5e9, has_SWA = false,
  d_model = 1536, d_ff = 8960, vocab = 151936, architecture = "FULL", position = "rope", dtype = "bfloat16",
  source = "seed 002 PRESETS; d_model/d_ff/vocab from the published config.json",
}

-- Seed PRESETS "meta-llama/Llama-3.2-1B"; shapes from its published config.json
-- (rope_scaling llama3, factor 32 over original_max_position_embeddings 8192).
return model {
  id = "meta-llama/Llama-3.2-1B", aliases = { "llama3.2-1b" }, family = "llama",
  theta = 500000, T_train = 131072, n_attention_heads = 32, n_kv_heads = 8, d_head = 64,
  n_layers = 16, n_params = 1.2e9, has_SWA = false,
  d_model = 2048, d_ff = 8192, vocab = 128256, architecture = "FULL", position = "rope", dtype = "bfloat16",
  rope_scaling = { rope_type = "llama3", factor = 32.0, low_freq_factor = 1.0, high_freq_factor = 4.0,
                   original_max_position_embeddings = 8192 },
  source = "seed 002 PRESETS (T_train = max_position_embeddings); shapes from the published config.json",
}

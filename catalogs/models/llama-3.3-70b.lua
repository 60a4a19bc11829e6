-- Seed PRESETS "meta-llama/Llama-3.3-70B-Instruct"; shapes from its published config.json
-- (rope_scaling llama3, factor 8 over original_max_position_embeddings 8192).
return model {
  id = "meta-llama/Llama-3.3-70B-Instruct", aliases = { "llama3.3-70b", "llama-3.3-70b-instruct" },
  family = "llama",
  theta = 500000, T_train = 131072, n_attention_heads = 64, n_kv_heads = 8, d_head = 128,
  n_layers = 80, n_params = 70e9, has_SWA = false,
  d_model = 8192, d_ff = 28672, vocab = 128256, architecture = "FULL", position = "rope", dtype = "bfloat16",
  rope_scaling = { rope_type = "llama3", factor = 8.0, low_freq_factor = 1.0, high_freq_factor = 4.0,
                   original_max_position_embeddings = 8192 },
  source = "seed 002 PRESETS (T_train = max_position_embeddings); shapes from the published config.json",
}

-- Seed PRESETS "meta-llama/Meta-Llama-3-8B"; shapes from its published config.json.
return model {
  id = "meta-llama/Meta-Llama-3-8B", aliases = { "llama3-8b", "meta-llama-3-8b", "llama-3-8b-instruct" },
  family = "llama",
  theta = 500000, T_train = 8192, n_attention_heads = 32, n_kv_heads = 8, d_head = 128,
  n_layers = 32, n_params = 8e9, has_SWA = false,
  d_model = 4096, d_ff = 14336, vocab = 128256, architecture = "FULL", position = "rope", dtype = "bfloat16",
  source = "seed 002 PRESETS; d_model/d_ff/vocab from the published config.json",
}

-- Seed PRESETS "EleutherAI/pythia-1.4b"; shapes from its published config.json.
return model {
  id = "EleutherAI/pythia-1.4b", aliases = { "pythia-1.4b-deduped" }, family = "gpt-neox",
  theta = 10000, T_train = 2048, n_attention_heads = 16, n_kv_heads = 16, d_head = 128,
  n_layers = 24, n_params = 1.4e9, has_SWA = false,
  d_model = 2048, d_ff = 8192, vocab = 50304, architecture = "FULL", position = "rope", dtype = "float16",
  source = "seed 002 PRESETS; d_model/d_ff/vocab from the published config.json",
}

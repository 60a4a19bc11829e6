-- Seed PRESETS "EleutherAI/pythia-1b"; shapes from its published config.json.
return model {
  id = "EleutherAI/pythia-1b", aliases = { "pythia-1b-deduped" }, family = "gpt-neox",
  theta = 10000, T_train = 2048, n_attention_heads = 8, n_kv_heads = 8, d_head = 256,
  n_layers = 16, n_params = 1e9, has_SWA = false,
  d_model = 2048, d_ff = 8192, vocab = 50304, architecture = "FULL", position = "rope", dtype = "float16",
  source = "seed 002 PRESETS; d_model/d_ff/vocab from the published config.json",
}

-- Seed PRESETS "EleutherAI/pythia-2.8b"; shapes from its published config.json
-- (GPT-NeoX, rotary on 25% of each head: rotary_pct = 0.25).
return model {
  id = "EleutherAI/pythia-2.8b", aliases = { "pythia-2.8b-deduped" }, family = "gpt-neox",
  theta = 10000, T_train = 2048, n_attention_heads = 32, n_kv_heads = 32, d_head = 80,
  n_layers = 32, n_params = 2.8e9, has_SWA = false,
  d_model = 2560, d_ff = 10240, vocab = 50304, architecture = "FULL", position = "rope", dtype = "float16",
  source = "seed 002 PRESETS; d_model/d_ff/vocab from the published config.json",
}

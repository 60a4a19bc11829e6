-- Seed PRESETS "google/gemma-2-9b-it"; shapes from its published config.json
-- (head_dim 256 ≠ hidden/heads; sliding window 4096 on every other layer).
return model {
  id = "google/gemma-2-9b-it", aliases = { "gemma-2-9b-it", "gemma2-9b" }, family = "gemma2",
  theta = 10000, T_train = 8192, n_attention_heads = 16, n_kv_heads = 8, d_head = 256,
  n_layers = 42, n_params = 9e9, has_SWA = true, sliding_window = 4096, n_swa_layers = 21,
  d_model = 3584, d_ff = 14336, vocab = 256000, architecture = "SWA", position = "rope", dtype = "bfloat16",
  tie_word_embeddings = true,
  source = "seed 002 PRESETS; d_model/d_ff/vocab/sliding_window from the published config.json; sliding-window layers and tied embeddings from tests/data/hf-configs/gemma-2-9b.json (taf.read_config)",
}

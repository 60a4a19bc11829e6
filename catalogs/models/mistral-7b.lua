-- Seed PRESETS "mistralai/Mistral-7B-v0.1"; shapes from its published config.json.
-- The seed's T_train = 8192 is kept (the config's max_position_embeddings is 32768;
-- the sliding window of 4096 bounds what each layer sees).
return model {
  id = "mistralai/Mistral-7B-v0.1", aliases = { "mistral-7b-v0.1", "mistral7b" }, family = "mistral",
  theta = 10000, T_train = 8192, n_attention_heads = 32, n_kv_heads = 8, d_head = 128,
  n_layers = 32, n_params = 7e9, has_SWA = true, sliding_window = 4096,
  d_model = 4096, d_ff = 14336, vocab = 32000, architecture = "SWA", position = "rope", dtype = "bfloat16",
  tie_word_embeddings = false,
  source = "seed 002 PRESETS; d_model/d_ff/vocab/sliding_window from the published config.json; sliding-window layers and tied embeddings from tests/data/hf-configs/mistral-7b-v0.1.json (taf.read_config)",
}

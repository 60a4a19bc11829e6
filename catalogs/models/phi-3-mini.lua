-- Seed PRESETS "microsoft/phi-3-mini-4k-instruct"; shapes from its published config.json
-- (sliding_window 2047).
return model {
  id = "microsoft/phi-3-mini-4k-instruct", aliases = { "phi-3-mini-4k", "phi3-mini", "phi-3-mini-4k-instruct" },
  family = "phi3",
  theta = 10000, T_train = 4096, n_attention_heads = 32, n_kv_heads = 32, d_head = 96,
  n_layers = 32, n_params = 3.8e9, has_SWA = true, sliding_window = 2047,
  d_model = 3072, d_ff = 8192, vocab = 32064, architecture = "SWA", position = "rope", dtype = "bfloat16",
  tie_word_embeddings = false,
  source = "seed 002 PRESETS; d_model/d_ff/vocab/sliding_window from the published config.json; sliding-window layers and tied embeddings from tests/data/hf-configs/phi-3-mini-4k.json (taf.read_config)",
}

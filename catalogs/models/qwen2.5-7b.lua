-- Seed PRESETS "Qwen/Qwen2.5-7B"; shapes from its published config.json
-- (use_sliding_window = false, so no layer is windowed).
return model {
  id = "Qwen/Qwen2.5-7B", aliases = { "qwen2.5-7b-instruct", "qwen-2.5-7b" }, family = "qwen2",
  theta = 1000000, T_train = 32768, n_attention_heads = 28, n_kv_heads = 4, d_head = 128,
  n_layers = 28, n_params = 7.6e9, has_SWA = false,
  d_model = 3584, d_ff = 18944, vocab = 152064, architecture = "FULL", position = "rope", dtype = "bfloat16",
  tie_word_embeddings = false,
  source = "seed 002 PRESETS; d_model/d_ff/vocab from the published config.json; sliding-window layers and tied embeddings from tests/data/hf-configs/qwen2.5-7b.json (taf.read_config)",
}

-- google/gemma-3-1b-pt (fixture).
-- Fields: config.json tests/data/hf-configs/gemma-3-1b.json (transcribed from
--   https://huggingface.co/google/gemma-3-1b-pt/blob/main/config.json), read by taf.read_config.
-- Parameter count: keras-team/keras-hub keras_hub/src/models/gemma3/gemma3_presets.py: gemma3_1b params
--   999885952.
-- Context: Gemma 3 model card: 128K-token context window for the 4B, 12B and 27B sizes (32K for 1B).
return model {
  id = "google/gemma-3-1b-pt",
  aliases = { "gemma-3-1b-it", "gemma3-1b" },
  family = "gemma3_text", architecture = "SWA", position = "rope", dtype = "bfloat16", theta = 1000000,
  T_train = 32768, T_max = 32768, n_attention_heads = 4, n_kv_heads = 1, d_head = 256, n_layers = 26,
  d_model = 1152, d_ff = 6912, vocab = 262144, n_params = 999885952, has_SWA = true, sliding_window = 512,
  n_swa_layers = 22, n_attention_layers = 26, tie_word_embeddings = true,
  source = "config.json tests/data/hf-configs/gemma-3-1b.json (transcribed from https://huggingface.co/google/gemma-3-1b-pt/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 999885952: keras-team/keras-hub keras_hub/src/models/gemma3/gemma3_presets.py: gemma3_1b params 999885952",
    "context: Gemma 3 model card: 128K-token context window for the 4B, 12B and 27B sizes (32K for 1B)",
  },
}

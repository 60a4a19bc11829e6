-- google/gemma-3-12b-it (fixture).
-- Fields: config.json tests/data/hf-configs/gemma-3-12b-it.json (transcribed from
--   https://huggingface.co/google/gemma-3-12b-it/blob/main/config.json), read by taf.read_config.
-- Parameter count: keras-team/keras-hub keras_hub/src/models/gemma3/gemma3_presets.py: gemma3_12b_text params
--   11765788416 (text model).
-- Context: Gemma 3 model card: 128K-token context window for the 4B, 12B and 27B sizes (32K for 1B).
return model {
  id = "google/gemma-3-12b-it",
  aliases = { "gemma-3-12b-it", "gemma-3-12b-pt", "gemma3-12b" },
  family = "gemma3_text", architecture = "SWA", position = "rope", dtype = "bfloat16", theta = 1000000,
  T_train = 131072, T_max = 131072, n_attention_heads = 16, n_kv_heads = 8, d_head = 256, n_layers = 48,
  d_model = 3840, d_ff = 15360, vocab = 262208, n_params = 11766034176, has_SWA = true,
  sliding_window = 1024, n_swa_layers = 40, n_attention_layers = 48, tie_word_embeddings = true,
  rope_scaling = { factor = 8, rope_type = "linear" },
  source = "config.json tests/data/hf-configs/gemma-3-12b-it.json (transcribed from https://huggingface.co/google/gemma-3-12b-it/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 1.176578842e+10: keras-team/keras-hub keras_hub/src/models/gemma3/gemma3_presets.py: gemma3_12b_text params 11765788416 (text model)",
    "context: Gemma 3 model card: 128K-token context window for the 4B, 12B and 27B sizes (32K for 1B)",
  },
}

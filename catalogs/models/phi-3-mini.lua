-- microsoft/phi-3-mini-4k-instruct (fixture).
-- Fields: config.json tests/data/hf-configs/phi-3-mini-4k.json (transcribed from
--   https://huggingface.co/microsoft/Phi-3-mini-4k-instruct/blob/main/config.json), read by taf.read_config.
-- Parameter count: keras-team/keras-hub keras_hub/src/models/phi3/phi3_presets.py: params 3821079552.
-- Context: Phi-3-mini-4k-instruct model card: 'the Mini version in two variants 4K and 128K which is the
--   context length (in tokens) that it can support'.
return model {
  id = "microsoft/phi-3-mini-4k-instruct",
  aliases = { "phi-3-mini-4k", "phi3-mini", "phi-3-mini-4k-instruct" },
  family = "phi3", architecture = "SWA", position = "rope", dtype = "bfloat16", theta = 10000,
  T_train = 4096, T_max = 4096, n_attention_heads = 32, n_kv_heads = 32, d_head = 96, n_layers = 32,
  d_model = 3072, d_ff = 8192, vocab = 32064, n_params = 3821079552, has_SWA = true, sliding_window = 2047,
  n_swa_layers = 32, n_attention_layers = 32, tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/phi-3-mini-4k.json (transcribed from https://huggingface.co/microsoft/Phi-3-mini-4k-instruct/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 3821079552: keras-team/keras-hub keras_hub/src/models/phi3/phi3_presets.py: params 3821079552",
    "context: Phi-3-mini-4k-instruct model card: 'the Mini version in two variants 4K and 128K which is the context length (in tokens) that it can support'",
  },
}

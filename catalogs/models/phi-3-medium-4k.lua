-- microsoft/Phi-3-medium-4k-instruct (fixture).
-- Fields: config.json tests/data/hf-configs/phi-3-medium-4k-instruct.json (transcribed from
--   https://huggingface.co/microsoft/Phi-3-medium-4k-instruct/blob/main/config.json), read by
--   taf.read_config.
-- Parameter count: Phi-3 technical report (arXiv 2404.14219) and model card: phi-3-medium 14B parameters.
-- Context: Phi-3-medium-4k-instruct model card: context length 4K tokens.
return model {
  id = "microsoft/Phi-3-medium-4k-instruct",
  aliases = { "phi-3-medium", "phi-3-medium-4k-instruct", "phi3-medium" },
  family = "phi3", architecture = "SWA", position = "rope", dtype = "bfloat16", theta = 10000,
  T_train = 4096, T_max = 4096, n_attention_heads = 40, n_kv_heads = 10, d_head = 128, n_layers = 40,
  d_model = 5120, d_ff = 17920, vocab = 32064, n_params = 13960238080, has_SWA = true, sliding_window = 2047,
  n_swa_layers = 40, n_attention_layers = 40, tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/phi-3-medium-4k-instruct.json (transcribed from https://huggingface.co/microsoft/Phi-3-medium-4k-instruct/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 1.4e+10: Phi-3 technical report (arXiv 2404.14219) and model card: phi-3-medium 14B parameters",
    "context: Phi-3-medium-4k-instruct model card: context length 4K tokens",
  },
}

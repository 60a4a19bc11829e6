-- allenai/OLMo-1B-hf (fixture).
-- Fields: config.json tests/data/hf-configs/olmo-1b-hf.json (transcribed from
--   https://huggingface.co/allenai/OLMo-1B-hf/blob/main/config.json), read by taf.read_config.
-- Parameter count: OLMo paper (arXiv 2402.00838): OLMo-1B 1,176,764,416 params.
-- Context: OLMo paper: 2048-token context.
return model {
  id = "allenai/OLMo-1B-hf",
  aliases = { "olmo-1b-hf", "allenai/OLMo-1B" },
  family = "olmo", architecture = "FULL", position = "rope", dtype = "float32", theta = 10000,
  T_train = 2048, T_max = 2048, n_attention_heads = 16, n_kv_heads = 16, d_head = 128, n_layers = 16,
  d_model = 2048, d_ff = 8192, vocab = 50304, n_params = 1176764416, has_SWA = false,
  n_attention_layers = 16, tie_word_embeddings = true,
  source = "config.json tests/data/hf-configs/olmo-1b-hf.json (transcribed from https://huggingface.co/allenai/OLMo-1B-hf/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 1176764416: OLMo paper (arXiv 2402.00838): OLMo-1B 1,176,764,416 params",
    "context: OLMo paper: 2048-token context",
  },
}

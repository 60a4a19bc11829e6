-- allenai/OLMo-2-1124-7B (fixture).
-- Fields: config.json tests/data/hf-configs/olmo-2-1124-7b.json (transcribed from
--   https://huggingface.co/allenai/OLMo-2-1124-7B/blob/main/config.json), read by taf.read_config.
-- Parameter count: Hugging Face model page allenai/OLMo-2-1124-7B: 7.3B params (OLMo 2 paper, arXiv
--   2501.00656: 7B).
-- Context: OLMo 2 paper (arXiv 2501.00656): 4096-token context.
return model {
  id = "allenai/OLMo-2-1124-7B",
  aliases = { "olmo-2-7b", "olmo2-7b", "olmo-2-1124-7b-instruct" },
  family = "olmo2", architecture = "FULL", position = "rope", dtype = "float32", theta = 500000,
  T_train = 4096, T_max = 4096, n_attention_heads = 32, n_kv_heads = 32, d_head = 128, n_layers = 32,
  d_model = 4096, d_ff = 11008, vocab = 100352, n_params = 7298617344, has_SWA = false,
  n_attention_layers = 32, tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/olmo-2-1124-7b.json (transcribed from https://huggingface.co/allenai/OLMo-2-1124-7B/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 7300000000: Hugging Face model page allenai/OLMo-2-1124-7B: 7.3B params (OLMo 2 paper, arXiv 2501.00656: 7B)",
    "context: OLMo 2 paper (arXiv 2501.00656): 4096-token context",
  },
}

-- allenai/OLMo-2-1124-13B (fixture).
-- Fields: config.json tests/data/hf-configs/olmo-2-1124-13b.json (transcribed from
--   https://huggingface.co/allenai/OLMo-2-1124-13B/blob/main/config.json), read by taf.read_config.
-- Parameter count: Hugging Face model page allenai/OLMo-2-1124-13B: 13.7B params (OLMo 2 paper, arXiv
--   2501.00656: 13B).
-- Context: OLMo 2 paper (arXiv 2501.00656): 4096-token context.
return model {
  id = "allenai/OLMo-2-1124-13B",
  aliases = { "olmo-2-13b", "olmo2-13b", "olmo-2-1124-13b-instruct" },
  family = "olmo2", architecture = "FULL", position = "rope", dtype = "float32", theta = 500000,
  T_train = 4096, T_max = 4096, n_attention_heads = 40, n_kv_heads = 40, d_head = 128, n_layers = 40,
  d_model = 5120, d_ff = 13824, vocab = 100352, n_params = 13716198400, has_SWA = false,
  n_attention_layers = 40, tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/olmo-2-1124-13b.json (transcribed from https://huggingface.co/allenai/OLMo-2-1124-13B/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 1.37e+10: Hugging Face model page allenai/OLMo-2-1124-13B: 13.7B params (OLMo 2 paper, arXiv 2501.00656: 13B)",
    "context: OLMo 2 paper (arXiv 2501.00656): 4096-token context",
  },
}

-- mistralai/Mistral-7B-Instruct-v0.3 (fixture).
-- Fields: config.json tests/data/hf-configs/mistral-7b-instruct-v0.3.json (transcribed from
--   https://huggingface.co/mistralai/Mistral-7B-Instruct-v0.3/blob/main/config.json), read by
--   taf.read_config.
-- Parameter count: Hugging Face model page mistralai/Mistral-7B-Instruct-v0.3: 7.25B params.
-- Context: Mistral docs (open-mistral-7b): 32k context window.
return model {
  id = "mistralai/Mistral-7B-Instruct-v0.3",
  aliases = { "mistral-7b-instruct-v0.3", "mistralai/Mistral-7B-v0.3" },
  family = "mistral", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 1000000,
  T_train = 32768, T_max = 32768, n_attention_heads = 32, n_kv_heads = 8, d_head = 128, n_layers = 32,
  d_model = 4096, d_ff = 14336, vocab = 32768, n_params = 7248023552, has_SWA = false,
  n_attention_layers = 32, tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/mistral-7b-instruct-v0.3.json (transcribed from https://huggingface.co/mistralai/Mistral-7B-Instruct-v0.3/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 7250000000: Hugging Face model page mistralai/Mistral-7B-Instruct-v0.3: 7.25B params",
    "context: Mistral docs (open-mistral-7b): 32k context window",
  },
}

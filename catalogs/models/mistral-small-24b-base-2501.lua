-- mistralai/Mistral-Small-24B-Base-2501 (fixture).
-- Fields: config.json tests/data/hf-configs/mistral-small-24b-base-2501.json (transcribed from
--   https://huggingface.co/mistralai/Mistral-Small-24B-Base-2501/blob/main/config.json), read by
--   taf.read_config.
-- Parameter count: Hugging Face model page mistralai/Mistral-Small-24B-Base-2501: 23.6B params (model card:
--   24B).
-- Context: Mistral Small 3 model card: 32k context window.
return model {
  id = "mistralai/Mistral-Small-24B-Base-2501",
  aliases = { "mistral-small-3", "mistral-small-24b-2501", "mistral-small-24b-instruct-2501" },
  family = "mistral", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 100000000,
  T_train = 32768, T_max = 32768, n_attention_heads = 32, n_kv_heads = 8, d_head = 128, n_layers = 40,
  d_model = 5120, d_ff = 32768, vocab = 131072, n_params = 23572403200, has_SWA = false,
  n_attention_layers = 40, tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/mistral-small-24b-base-2501.json (transcribed from https://huggingface.co/mistralai/Mistral-Small-24B-Base-2501/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 2.36e+10: Hugging Face model page mistralai/Mistral-Small-24B-Base-2501: 23.6B params (model card: 24B)",
    "context: Mistral Small 3 model card: 32k context window",
  },
}

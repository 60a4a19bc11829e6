-- google/gemma-2b (fixture).
-- Fields: config.json tests/data/hf-configs/gemma-2b.json (transcribed from
--   https://huggingface.co/google/gemma-2b/blob/main/config.json), read by taf.read_config.
-- Parameter count: Hugging Face model page google/gemma-2b: 2.51B params.
-- Context: Gemma model card: context length of 8192 tokens.
return model {
  id = "google/gemma-2b",
  aliases = { "gemma-2b-it", "gemma-1-2b" },
  family = "gemma", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 10000,
  T_train = 8192, T_max = 8192, n_attention_heads = 8, n_kv_heads = 1, d_head = 256, n_layers = 18,
  d_model = 2048, d_ff = 16384, vocab = 256000, n_params = 2506172416, has_SWA = false,
  n_attention_layers = 18, tie_word_embeddings = true,
  source = "config.json tests/data/hf-configs/gemma-2b.json (transcribed from https://huggingface.co/google/gemma-2b/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 2510000000: Hugging Face model page google/gemma-2b: 2.51B params",
    "context: Gemma model card: context length of 8192 tokens",
  },
}

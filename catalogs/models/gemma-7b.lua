-- google/gemma-7b (fixture).
-- Fields: config.json tests/data/hf-configs/gemma-7b.json (transcribed from
--   https://huggingface.co/google/gemma-7b/blob/main/config.json), read by taf.read_config.
-- Parameter count: Hugging Face model page google/gemma-7b: 8.54B params.
-- Context: Gemma model card: context length of 8192 tokens.
return model {
  id = "google/gemma-7b",
  aliases = { "gemma-7b-it", "gemma-1-7b" },
  family = "gemma", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 10000,
  T_train = 8192, T_max = 8192, n_attention_heads = 16, n_kv_heads = 16, d_head = 256, n_layers = 28,
  d_model = 3072, d_ff = 24576, vocab = 256000, n_params = 8537680896, has_SWA = false,
  n_attention_layers = 28, tie_word_embeddings = true,
  source = "config.json tests/data/hf-configs/gemma-7b.json (transcribed from https://huggingface.co/google/gemma-7b/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 8540000000: Hugging Face model page google/gemma-7b: 8.54B params",
    "context: Gemma model card: context length of 8192 tokens",
  },
}

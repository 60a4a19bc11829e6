-- google/gemma-2-2b (fixture).
-- Fields: config.json tests/data/hf-configs/gemma-2-2b.json (transcribed from
--   https://huggingface.co/google/gemma-2-2b/blob/main/config.json), read by taf.read_config.
-- Parameter count: Hugging Face model page google/gemma-2-2b: 2.61B params.
-- Context: Gemma 2 model card: context length of 8192 tokens.
return model {
  id = "google/gemma-2-2b",
  aliases = { "gemma-2-2b-it", "gemma2-2b" },
  family = "gemma2", architecture = "SWA", position = "rope", dtype = "float32", theta = 10000,
  T_train = 8192, T_max = 8192, n_attention_heads = 8, n_kv_heads = 4, d_head = 256, n_layers = 26,
  d_model = 2304, d_ff = 9216, vocab = 256000, n_params = 2614341888, has_SWA = true, sliding_window = 4096,
  n_swa_layers = 13, n_attention_layers = 26, tie_word_embeddings = true,
  source = "config.json tests/data/hf-configs/gemma-2-2b.json (transcribed from https://huggingface.co/google/gemma-2-2b/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 2610000000: Hugging Face model page google/gemma-2-2b: 2.61B params",
    "context: Gemma 2 model card: context length of 8192 tokens",
  },
}

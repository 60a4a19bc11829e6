-- google/gemma-2-27b (fixture).
-- Fields: config.json tests/data/hf-configs/gemma-2-27b.json (transcribed from
--   https://huggingface.co/google/gemma-2-27b/blob/main/config.json), read by taf.read_config.
-- Parameter count: Hugging Face model page google/gemma-2-27b: 27.2B params.
-- Context: Gemma 2 model card: context length of 8192 tokens.
return model {
  id = "google/gemma-2-27b",
  aliases = { "gemma-2-27b-it", "gemma2-27b" },
  family = "gemma2", architecture = "SWA", position = "rope", dtype = "float32", theta = 10000,
  T_train = 8192, T_max = 8192, n_attention_heads = 32, n_kv_heads = 16, d_head = 128, n_layers = 46,
  d_model = 4608, d_ff = 36864, vocab = 256000, n_params = 27227128320, has_SWA = true,
  sliding_window = 4096, n_swa_layers = 23, n_attention_layers = 46, tie_word_embeddings = true,
  source = "config.json tests/data/hf-configs/gemma-2-27b.json (transcribed from https://huggingface.co/google/gemma-2-27b/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 2.72e+10: Hugging Face model page google/gemma-2-27b: 27.2B params",
    "context: Gemma 2 model card: context length of 8192 tokens",
  },
}

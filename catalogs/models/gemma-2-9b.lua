-- google/gemma-2-9b-it (fixture).
-- Fields: config.json tests/data/hf-configs/gemma-2-9b-it.json (verbatim copy of google/gemma-2-9b-it's
--   config.json in kevinstephano/thunder_model_blocks thunder_model_blocks/gemma2/gemma2_config.py @
--   5c083b0e1fc8c408308c6b602bfd4669a36a2901), read by taf.read_config.
-- Parameter count: Hugging Face model page google/gemma-2-9b: 9.24B params (the instruction-tuned model has
--   the same architecture).
-- Context: Gemma 2 paper (arXiv 2408.00118) and model card: context length 8192, local sliding window 4096
--   alternating with global attention.
-- The config's head_dim 256 ≠ hidden/heads; sliding window 4096 on every other layer; no tie_word_embeddings
--   key (Gemma2Config ties by default).
return model {
  id = "google/gemma-2-9b-it",
  aliases = { "gemma-2-9b-it", "gemma2-9b" },
  family = "gemma2", architecture = "SWA", position = "rope", dtype = "bfloat16", theta = 10000,
  T_train = 8192, T_max = 8192, n_attention_heads = 16, n_kv_heads = 8, d_head = 256, n_layers = 42,
  d_model = 3584, d_ff = 14336, vocab = 256000, n_params = 9241705984, has_SWA = true, sliding_window = 4096,
  n_swa_layers = 21, n_attention_layers = 42, tie_word_embeddings = true,
  source = "config.json tests/data/hf-configs/gemma-2-9b-it.json (verbatim copy of google/gemma-2-9b-it's config.json in kevinstephano/thunder_model_blocks thunder_model_blocks/gemma2/gemma2_config.py @ 5c083b0e1fc8c408308c6b602bfd4669a36a2901), read by taf.read_config",
  notes = {
    "published_params: 9240000000: Hugging Face model page google/gemma-2-9b: 9.24B params (the instruction-tuned model has the same architecture)",
    "context: Gemma 2 paper (arXiv 2408.00118) and model card: context length 8192, local sliding window 4096 alternating with global attention",
  },
}

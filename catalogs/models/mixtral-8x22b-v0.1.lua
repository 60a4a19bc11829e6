-- mistralai/Mixtral-8x22B-v0.1 (fixture).
-- Fields: config.json tests/data/hf-configs/mixtral-8x22b-v0.1.json (transcribed from
--   https://huggingface.co/mistralai/Mixtral-8x22B-v0.1/blob/main/config.json), read by taf.read_config.
-- Parameter count: Mistral AI, Mixtral 8x22B announcement (April 2024): 141B parameters, 39B active.
-- Context: Mixtral 8x22B announcement: 64K tokens context window.
return model {
  id = "mistralai/Mixtral-8x22B-v0.1",
  aliases = { "mixtral-8x22b", "mixtral-8x22b-instruct-v0.1" },
  family = "mixtral", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 1000000,
  T_train = 65536, T_max = 65536, n_attention_heads = 48, n_kv_heads = 8, d_head = 128, n_layers = 56,
  d_model = 6144, d_ff = 16384, vocab = 32000, n_params = 140620634112, n_params_active = 39152031744,
  has_SWA = false, n_attention_layers = 56, n_experts = 8, n_experts_active = 2, tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/mixtral-8x22b-v0.1.json (transcribed from https://huggingface.co/mistralai/Mixtral-8x22B-v0.1/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 1.41e+11: Mistral AI, Mixtral 8x22B announcement (April 2024): 141B parameters, 39B active",
    "context: Mixtral 8x22B announcement: 64K tokens context window",
  },
}

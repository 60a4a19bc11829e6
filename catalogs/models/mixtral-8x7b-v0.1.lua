-- mistralai/Mixtral-8x7B-v0.1 (fixture).
-- Fields: config.json tests/data/hf-configs/mixtral-8x7b-v0.1.json (verbatim copy of
--   mistralai/Mixtral-8x7B-v0.1's config.json in yangulei/Mixtral-8x7B config.json @
--   2e54f233da37e9911a9b5a45f83df0b734337bb4), read by taf.read_config.
-- Parameter count: Mistral AI, 'Mixtral of experts' (arXiv 2401.04088): 46.7B total, 12.9B per token.
-- Context: Mixtral paper (arXiv 2401.04088): context size of 32k tokens.
return model {
  id = "mistralai/Mixtral-8x7B-v0.1",
  aliases = { "mixtral-8x7b", "mixtral-8x7b-instruct-v0.1" },
  family = "mixtral", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 1000000,
  T_train = 32768, T_max = 32768, n_attention_heads = 32, n_kv_heads = 8, d_head = 128, n_layers = 32,
  d_model = 4096, d_ff = 14336, vocab = 32000, n_params = 46702792704, n_params_active = 12879925248,
  has_SWA = false, n_attention_layers = 32, n_experts = 8, n_experts_active = 2, tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/mixtral-8x7b-v0.1.json (verbatim copy of mistralai/Mixtral-8x7B-v0.1's config.json in yangulei/Mixtral-8x7B config.json @ 2e54f233da37e9911a9b5a45f83df0b734337bb4), read by taf.read_config",
  notes = {
    "published_params: 4.67e+10: Mistral AI, 'Mixtral of experts' (arXiv 2401.04088): 46.7B total, 12.9B per token",
    "context: Mixtral paper (arXiv 2401.04088): context size of 32k tokens",
  },
}

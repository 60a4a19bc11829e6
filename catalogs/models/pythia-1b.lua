-- EleutherAI/pythia-1b (fixture).
-- Fields: config.json tests/data/hf-configs/pythia-1b.json (verbatim copy of EleutherAI/pythia-1b's
--   config.json in lablup/mlxcel src/models/gpt_neox_tests.rs @ 970c7343e0f1a5a2b6e96c157fe7666d76fe6a12),
--   read by taf.read_config.
-- Parameter count: Pythia model card (naming convention and parameter count table): pythia-1b 1,011,781,632
--   total parameters (805,736,448 non-embedding).
-- Context: Pythia paper (arXiv 2304.01373): all models trained on the Pile with sequence length 2048.
-- GPT-NeoX, rotary on 25% of each head (rotary_pct 0.25).
return model {
  id = "EleutherAI/pythia-1b",
  aliases = { "pythia-1b-deduped" },
  family = "gpt_neox", architecture = "FULL", position = "rope", dtype = "float16", theta = 10000,
  T_train = 2048, T_max = 2048, n_attention_heads = 8, n_kv_heads = 8, d_head = 256, n_layers = 16,
  d_model = 2048, d_ff = 8192, vocab = 50304, n_params = 1011781632, has_SWA = false,
  n_attention_layers = 16, tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/pythia-1b.json (verbatim copy of EleutherAI/pythia-1b's config.json in lablup/mlxcel src/models/gpt_neox_tests.rs @ 970c7343e0f1a5a2b6e96c157fe7666d76fe6a12), read by taf.read_config",
  notes = {
    "published_params: 1011781632: Pythia model card (naming convention and parameter count table): pythia-1b 1,011,781,632 total parameters (805,736,448 non-embedding)",
    "context: Pythia paper (arXiv 2304.01373): all models trained on the Pile with sequence length 2048",
  },
}

-- EleutherAI/pythia-1.4b (fixture).
-- Fields: config.json tests/data/hf-configs/pythia-1.4b.json (transcribed from
--   https://huggingface.co/EleutherAI/pythia-1.4b/blob/main/config.json), read by taf.read_config.
-- Parameter count: Pythia paper (arXiv 2304.01373) Table: 1,414,647,808 total params.
-- Context: Pythia paper (arXiv 2304.01373): all models trained on the Pile with sequence length 2048.
-- GPT-NeoX, rotary on 25% of each head (rotary_pct 0.25).
return model {
  id = "EleutherAI/pythia-1.4b",
  aliases = { "pythia-1.4b-deduped" },
  family = "gpt_neox", architecture = "FULL", position = "rope", dtype = "float16", theta = 10000,
  T_train = 2048, T_max = 2048, n_attention_heads = 16, n_kv_heads = 16, d_head = 128, n_layers = 24,
  d_model = 2048, d_ff = 8192, vocab = 50304, n_params = 1414647808, has_SWA = false,
  n_attention_layers = 24, tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/pythia-1.4b.json (transcribed from https://huggingface.co/EleutherAI/pythia-1.4b/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 1414647808: Pythia paper (arXiv 2304.01373) Table: 1,414,647,808 total params",
    "context: Pythia paper (arXiv 2304.01373): all models trained on the Pile with sequence length 2048",
  },
}

-- EleutherAI/pythia-2.8b (fixture).
-- Fields: config.json tests/data/hf-configs/pythia-2.8b.json (transcribed from
--   https://huggingface.co/EleutherAI/pythia-2.8b/blob/main/config.json), read by taf.read_config.
-- Parameter count: Pythia paper (arXiv 2304.01373) Table: 2,775,208,960 total params.
-- Context: Pythia paper (arXiv 2304.01373): all models trained on the Pile with sequence length 2048.
-- GPT-NeoX, rotary on 25% of each head (rotary_pct 0.25).
return model {
  id = "EleutherAI/pythia-2.8b",
  aliases = { "pythia-2.8b-deduped" },
  family = "gpt_neox", architecture = "FULL", position = "rope", dtype = "float16", theta = 10000,
  T_train = 2048, T_max = 2048, n_attention_heads = 32, n_kv_heads = 32, d_head = 80, n_layers = 32,
  d_model = 2560, d_ff = 10240, vocab = 50304, n_params = 2775208960, has_SWA = false,
  n_attention_layers = 32, tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/pythia-2.8b.json (transcribed from https://huggingface.co/EleutherAI/pythia-2.8b/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 2775208960: Pythia paper (arXiv 2304.01373) Table: 2,775,208,960 total params",
    "context: Pythia paper (arXiv 2304.01373): all models trained on the Pile with sequence length 2048",
  },
}

-- bigscience/bloom-560m (fixture).
-- Fields: config.json tests/data/hf-configs/bloom-560m.json (transcribed from
--   https://huggingface.co/bigscience/bloom-560m/blob/main/config.json), read by taf.read_config.
-- Parameter count: BLOOM-560m model card: 559,214,592 parameters.
-- Context: BLOOM model card: sequence length 2048 (ALiBi).
return model {
  id = "bigscience/bloom-560m",
  aliases = { "bloom-560" },
  family = "bloom", architecture = "FULL", position = "alibi", T_train = 2048, T_max = 2048,
  n_attention_heads = 16, n_kv_heads = 16, d_head = 64, n_layers = 24, d_model = 1024, d_ff = 4096,
  vocab = 250880, n_params = 559214592, has_SWA = false, n_attention_layers = 24, tie_word_embeddings = true,
  source = "config.json tests/data/hf-configs/bloom-560m.json (transcribed from https://huggingface.co/bigscience/bloom-560m/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 559214592: BLOOM-560m model card: 559,214,592 parameters",
    "context: BLOOM model card: sequence length 2048 (ALiBi)",
  },
}

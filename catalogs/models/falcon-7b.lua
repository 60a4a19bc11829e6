-- tiiuae/falcon-7b (fixture).
-- Fields: config.json tests/data/hf-configs/falcon-7b.json (transcribed from
--   https://huggingface.co/tiiuae/falcon-7b/blob/main/config.json), read by taf.read_config.
-- Parameter count: Hugging Face model page tiiuae/falcon-7b: 6.92B params.
-- Context: Falcon-7B model card: sequence length 2048.
return model {
  id = "tiiuae/falcon-7b",
  aliases = { "falcon-7b-instruct" },
  family = "falcon", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 10000,
  T_train = 2048, T_max = 2048, n_attention_heads = 71, n_kv_heads = 1, d_head = 64, n_layers = 32,
  d_model = 4544, d_ff = 18176, vocab = 65024, n_params = 6921720704, has_SWA = false,
  n_attention_layers = 32, tie_word_embeddings = true,
  source = "config.json tests/data/hf-configs/falcon-7b.json (transcribed from https://huggingface.co/tiiuae/falcon-7b/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 6920000000: Hugging Face model page tiiuae/falcon-7b: 6.92B params",
    "context: Falcon-7B model card: sequence length 2048",
  },
}

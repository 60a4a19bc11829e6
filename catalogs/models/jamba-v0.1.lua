-- ai21labs/Jamba-v0.1 (fixture).
-- Fields: config.json tests/data/hf-configs/jamba-v0.1.json (transcribed from
--   https://huggingface.co/ai21labs/Jamba-v0.1/blob/main/config.json), read by taf.read_config.
-- Parameter count: AI21 Jamba-v0.1 model card: 12B active, 52B total parameters.
-- Context: Jamba-v0.1 model card: 256K context length.
return model {
  id = "ai21labs/Jamba-v0.1",
  aliases = { "jamba" },
  family = "jamba", architecture = "HYBRID", position = "none", dtype = "bfloat16", T_train = 262144,
  T_max = 262144, n_attention_heads = 32, n_kv_heads = 8, d_head = 128, n_layers = 32, d_model = 4096,
  d_ff = 14336, vocab = 65536, n_params = 51570323328, n_params_active = 12110311296, has_SWA = false,
  n_attention_layers = 4, n_experts = 16, n_experts_active = 2, state_elements = 4358144,
  tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/jamba-v0.1.json (transcribed from https://huggingface.co/ai21labs/Jamba-v0.1/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 5.2e+10: AI21 Jamba-v0.1 model card: 12B active, 52B total parameters",
    "context: Jamba-v0.1 model card: 256K context length",
  },
}
